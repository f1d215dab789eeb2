//! Structural checks that every instrument, built-in or loaded, must pass.

use std::collections::HashSet;
use std::fmt;

use super::{Instrument, Text, FALLBACK_LOCALE};

/// Fewest statements a dimension may have: fewer cannot give a stable score.
pub const MIN_STATEMENTS_PER_DIMENSION: usize = 3;
/// Fewest plays and discussion questions a dimension must offer.
pub const MIN_PLAYS_PER_DIMENSION: usize = 2;
pub const MIN_QUESTIONS_PER_DIMENSION: usize = 2;

/// One thing wrong with an instrument definition, named so a person can fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstrumentProblem {
    NotParsable(String),
    NoDimensions,
    DuplicateId(String),
    /// Ids are stored in a space-separated format: they must be non-empty, without spaces.
    BadId(String),
    TooFewStatements {
        dimension: String,
        found: usize,
    },
    TooFewPlays {
        dimension: String,
        found: usize,
    },
    TooFewQuestions {
        dimension: String,
        found: usize,
    },
    UnknownMirrorStatement {
        pair: String,
        statement: String,
    },
    MirrorPairOneSided {
        pair: String,
    },
    TooFewOptions {
        question: String,
    },
    EmptyText {
        place: String,
    },
}

impl fmt::Display for InstrumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotParsable(why) => write!(f, "not a readable instrument: {why}"),
            Self::NoDimensions => write!(f, "the instrument has no dimensions"),
            Self::DuplicateId(id) => write!(f, "the id \"{id}\" is used more than once"),
            Self::BadId(id) => write!(f, "the id \"{id}\" must be non-empty and have no spaces"),
            Self::TooFewStatements { dimension, found } => write!(
                f,
                "dimension \"{dimension}\" has {found} statements; it needs at least {MIN_STATEMENTS_PER_DIMENSION}"
            ),
            Self::TooFewPlays { dimension, found } => write!(
                f,
                "dimension \"{dimension}\" has {found} plays; it needs at least {MIN_PLAYS_PER_DIMENSION}"
            ),
            Self::TooFewQuestions { dimension, found } => write!(
                f,
                "dimension \"{dimension}\" has {found} discussion questions; it needs at least {MIN_QUESTIONS_PER_DIMENSION}"
            ),
            Self::UnknownMirrorStatement { pair, statement } => write!(
                f,
                "mirror pair \"{pair}\" names the statement \"{statement}\", which does not exist"
            ),
            Self::MirrorPairOneSided { pair } => write!(
                f,
                "mirror pair \"{pair}\" must judge two different sides with two different statements"
            ),
            Self::TooFewOptions { question } => {
                write!(f, "definitions question \"{question}\" needs at least two options")
            }
            Self::EmptyText { place } => {
                write!(f, "{place} has no {FALLBACK_LOCALE} text")
            }
        }
    }
}

impl Instrument {
    /// Every structural problem of this instrument; empty when it is usable.
    pub fn validate(&self) -> Vec<InstrumentProblem> {
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        let mut check_id = |id: &str, problems: &mut Vec<InstrumentProblem>| {
            if id.is_empty() || id.contains(char::is_whitespace) {
                problems.push(InstrumentProblem::BadId(id.to_owned()));
            }
            if !ids.insert(id.to_owned()) {
                problems.push(InstrumentProblem::DuplicateId(id.to_owned()));
            }
        };
        let check_text = |text: &Text, place: String, problems: &mut Vec<InstrumentProblem>| {
            if text.get(FALLBACK_LOCALE).trim().is_empty() {
                problems.push(InstrumentProblem::EmptyText { place });
            }
        };

        check_text(&self.title, "the title".into(), &mut problems);
        for id in [&self.id, &self.version] {
            if id.is_empty() || id.contains(char::is_whitespace) {
                problems.push(InstrumentProblem::BadId(id.clone()));
            }
        }
        if self.dimensions.is_empty() {
            problems.push(InstrumentProblem::NoDimensions);
        }
        for dimension in &self.dimensions {
            let d = &dimension.id;
            check_id(d, &mut problems);
            check_text(
                &dimension.name,
                format!("dimension \"{d}\" name"),
                &mut problems,
            );
            check_text(
                &dimension.explanation,
                format!("dimension \"{d}\" explanation"),
                &mut problems,
            );
            type TooFew = fn(String, usize) -> InstrumentProblem;
            let minimums: [(usize, usize, TooFew); 3] = [
                (
                    dimension.statements.len(),
                    MIN_STATEMENTS_PER_DIMENSION,
                    |dimension, found| InstrumentProblem::TooFewStatements { dimension, found },
                ),
                (
                    dimension.plays.len(),
                    MIN_PLAYS_PER_DIMENSION,
                    |dimension, found| InstrumentProblem::TooFewPlays { dimension, found },
                ),
                (
                    dimension.questions.len(),
                    MIN_QUESTIONS_PER_DIMENSION,
                    |dimension, found| InstrumentProblem::TooFewQuestions { dimension, found },
                ),
            ];
            for (found, minimum, too_few) in minimums {
                if found < minimum {
                    problems.push(too_few(d.clone(), found));
                }
            }
            for (i, play) in dimension.plays.iter().enumerate() {
                check_text(play, format!("play {} of \"{d}\"", i + 1), &mut problems);
            }
            for (i, question) in dimension.questions.iter().enumerate() {
                check_text(
                    question,
                    format!("question {} of \"{d}\"", i + 1),
                    &mut problems,
                );
            }
            for statement in &dimension.statements {
                check_id(&statement.id, &mut problems);
                check_text(
                    &statement.text,
                    format!("statement \"{}\"", statement.id),
                    &mut problems,
                );
            }
        }
        for pair in &self.mirror_pairs {
            check_id(&pair.id, &mut problems);
            check_text(
                &pair.topic,
                format!("mirror pair \"{}\"", pair.id),
                &mut problems,
            );
            for half in [&pair.first, &pair.second] {
                if self.statement(&half.statement).is_none() {
                    problems.push(InstrumentProblem::UnknownMirrorStatement {
                        pair: pair.id.clone(),
                        statement: half.statement.clone(),
                    });
                }
            }
            if pair.first.side == pair.second.side || pair.first.statement == pair.second.statement
            {
                problems.push(InstrumentProblem::MirrorPairOneSided {
                    pair: pair.id.clone(),
                });
            }
        }
        for question in &self.definitions {
            check_id(&question.id, &mut problems);
            check_text(
                &question.prompt,
                format!("definitions question \"{}\"", question.id),
                &mut problems,
            );
            if question.options.len() < 2 {
                problems.push(InstrumentProblem::TooFewOptions {
                    question: question.id.clone(),
                });
            }
            let mut option_ids = HashSet::new();
            for option in &question.options {
                if option.id.is_empty() || option.id.contains(char::is_whitespace) {
                    problems.push(InstrumentProblem::BadId(option.id.clone()));
                }
                if !option_ids.insert(option.id.as_str()) {
                    problems.push(InstrumentProblem::DuplicateId(format!(
                        "{}.{}",
                        question.id, option.id
                    )));
                }
                check_text(
                    &option.label,
                    format!("option \"{}\" of \"{}\"", option.id, question.id),
                    &mut problems,
                );
            }
        }
        problems
    }
}
