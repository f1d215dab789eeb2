//! Structural checks that every instrument, built-in or loaded, must pass.

use std::collections::HashSet;
use std::fmt;

use super::{Instrument, Text, FALLBACK_LOCALE};

/// Fewest statements a dimension may have: fewer cannot give a stable score.
pub const MIN_STATEMENTS_PER_DIMENSION: usize = 2;
/// Fewest plays and discussion questions a dimension must offer.
pub const MIN_PLAYS_PER_DIMENSION: usize = 2;
pub const MIN_QUESTIONS_PER_DIMENSION: usize = 2;
/// Most options a choice question may have (a stored pick is one byte).
pub const MAX_OPTIONS: usize = 255;
/// Most statements, and most choice questions, an instrument may have (a stored round of
/// responses names both counts in a byte each, see `core::packed`).
pub const MAX_ITEMS: usize = 255;

/// One thing wrong with an instrument definition, named so a person can fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InstrumentProblem {
    NotParsable(String),
    NoDimensions,
    /// More than [`MAX_ITEMS`] statements or choice questions.
    TooManyItems,
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
    OptionCount {
        question: String,
    },
    EmptyText {
        place: String,
    },
    /// A statement, mirror pair or choice question names a play that does not exist.
    UnknownPlay {
        place: String,
        play: String,
    },
    /// A choice question or fact link names a dimension, statement or question that does not
    /// exist.
    UnknownReference {
        place: String,
        id: String,
    },
}

impl fmt::Display for InstrumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotParsable(why) => write!(f, "not a readable instrument: {why}"),
            Self::NoDimensions => write!(f, "the instrument has no dimensions"),
            Self::TooManyItems => write!(
                f,
                "the instrument has more than {MAX_ITEMS} statements or choice questions"
            ),
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
            Self::OptionCount { question } => {
                write!(f, "choice question \"{question}\" needs 2 to {MAX_OPTIONS} options")
            }
            Self::EmptyText { place } => {
                write!(f, "{place} has no {FALLBACK_LOCALE} text")
            }
            Self::UnknownPlay { place, play } => {
                write!(f, "{place} names the play \"{play}\", which does not exist")
            }
            Self::UnknownReference { place, id } => {
                write!(f, "{place} names \"{id}\", which does not exist")
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
            if id.is_empty() || id.contains(char::is_whitespace) || id.contains(',') {
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
        let mut play_ids = HashSet::new();
        let known_plays: HashSet<&str> = self
            .dimensions
            .iter()
            .flat_map(|d| d.plays.iter().map(|p| p.id.as_str()))
            .collect();
        let check_plays =
            |plays: &[String], place: String, problems: &mut Vec<InstrumentProblem>| {
                for play in plays.iter().filter(|p| !known_plays.contains(p.as_str())) {
                    problems.push(InstrumentProblem::UnknownPlay {
                        place: place.clone(),
                        play: play.clone(),
                    });
                }
            };
        for id in [&self.id, &self.version] {
            if id.is_empty() || id.contains(char::is_whitespace) {
                problems.push(InstrumentProblem::BadId(id.clone()));
            }
        }
        if self.dimensions.is_empty() {
            problems.push(InstrumentProblem::NoDimensions);
        }
        if self.statement_count() > MAX_ITEMS || self.definitions.len() > MAX_ITEMS {
            problems.push(InstrumentProblem::TooManyItems);
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
            for play in &dimension.plays {
                if play.id.is_empty()
                    || play.id.contains(char::is_whitespace)
                    || play.id.contains(',')
                {
                    problems.push(InstrumentProblem::BadId(play.id.clone()));
                }
                if !play_ids.insert(play.id.as_str()) {
                    problems.push(InstrumentProblem::DuplicateId(play.id.clone()));
                }
                check_text(&play.text, format!("play \"{}\"", play.id), &mut problems);
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
                check_plays(
                    &statement.plays,
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
            check_plays(
                &pair.plays,
                format!("mirror pair \"{}\"", pair.id),
                &mut problems,
            );
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
            check_plays(
                &question.plays,
                format!("choice question \"{}\"", question.id),
                &mut problems,
            );
            if self.dimension(&question.dimension).is_none() {
                problems.push(InstrumentProblem::UnknownReference {
                    place: format!("choice question \"{}\"", question.id),
                    id: question.dimension.clone(),
                });
            }
            // Answers keep a pick as one byte.
            if question.options.len() < 2 || question.options.len() > MAX_OPTIONS {
                problems.push(InstrumentProblem::OptionCount {
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
        for link in &self.facts {
            let place = format!("fact \"{}\"", link.fact);
            let choice_known = link
                .choice
                .as_ref()
                .is_none_or(|c| self.definitions.iter().any(|q| &q.id == c));
            if self.statement(&link.statement).is_none() {
                problems.push(InstrumentProblem::UnknownReference {
                    place: place.clone(),
                    id: link.statement.clone(),
                });
            }
            if !choice_known {
                problems.push(InstrumentProblem::UnknownReference {
                    place,
                    id: link.choice.clone().unwrap_or_default(),
                });
            }
        }
        problems
    }
}
