//! The questionnaire as plain data: dimensions, statements, mirror pairs and the
//! definitions check. The built-in instrument lives in `builtin.json`; a consultant's
//! variant uses the same schema and goes through the same [`Instrument::validate`].

mod advice;
mod schema;
mod validate;

pub use advice::{advice_area_file, builtin_advice_file, builtin_advice_records, AdviceError};
pub use schema::*;
pub use validate::InstrumentProblem;

/// The built-in instrument's JSON source: the one definition `builtin()` is generated from.
pub const BUILTIN_JSON: &str = include_str!("builtin.json");
/// The first questionnaire version, which shipped before versions were kept apart in stored
/// data: rounds and files that name none answer it.
pub const FIRST_VERSION: &str = "1.0.0";
/// The 1.0.0 instrument's JSON source, kept for what was collected with it.
#[cfg(feature = "workshop")]
pub const LEGACY_1_0_0_JSON: &str = include_str!("legacy/1.0.0.json");

/// The records `build.rs` writes for the built-in instrument (see [`Instrument::from_records`]).
const BUILTIN_RECORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin_instrument.txt"));

/// Seconds a respondent needs for one statement, in the time estimate.
pub const SECONDS_PER_STATEMENT: usize = 8;
/// Seconds a respondent needs for one choice question, in the time estimate.
pub const SECONDS_PER_CHOICE: usize = 15;

impl Instrument {
    /// The instrument shipped with the app, with its advice. `build.rs` turns `builtin.json`
    /// into records, so the app carries no JSON parser for it; a test checks both give the
    /// same instrument. The pages call [`Instrument::builtin_without_advice`] and load the
    /// advice as data after their first screen.
    pub fn builtin() -> Instrument {
        let mut instrument = Self::builtin_without_advice();
        instrument
            .apply_advice(FALLBACK_LOCALE, builtin_advice_records())
            .expect("build.rs writes advice that fits its instrument");
        instrument
    }

    /// The built-in instrument's questions, routing and fact links, without the areas'
    /// explanations, plays and questions (see [`Instrument::apply_advice`]).
    pub fn builtin_without_advice() -> Instrument {
        Self::from_records(BUILTIN_RECORDS)
    }

    /// The built-in instrument's records, as this build carries them: the survey hands them
    /// to its later wasm with each request (see `report::later`), which so carries no copy.
    pub fn builtin_records() -> &'static str {
        BUILTIN_RECORDS
    }

    /// The built-in instrument's version, read without building it (from its first record,
    /// `I id version title`).
    pub fn builtin_version() -> &'static str {
        BUILTIN_RECORDS.split('\t').nth(2).unwrap_or_default()
    }

    /// An earlier built-in version, by version, so that surveys, workshop rounds, files, codes
    /// and links made with it keep opening; `None` for a version this build never shipped.
    /// Its statements, pairs and choices are the old ones; its areas carry no advice of their
    /// own (see [`Catalogue::builtin`]). Only the workshop page has it, so the survey page
    /// does not carry the old texts.
    #[cfg(feature = "workshop")]
    pub fn legacy(version: &str) -> Option<Instrument> {
        (version == FIRST_VERSION).then(|| {
            Self::from_records(include_str!(concat!(
                env!("OUT_DIR"),
                "/legacy_1_0_0_instrument.txt"
            )))
        })
    }

    /// Reads the records `build.rs` writes, one per line, fields separated by tabs:
    /// `I id version title`; per dimension `D id checklist(0|1) name`, then its `S id
    /// not_applicable(0|1) text` lines; `M id topic side statement side statement` per mirror
    /// pair; `F id kind dimension prompt` per choice question, followed by its `O id
    /// (none|unknown|-) label` lines; `X fact statement choice` per fact link. A text field is
    /// `locale=text` pairs joined by U+001F.
    /// Only for build output (this build's own records, also as one of its wasms hands them
    /// to another): malformed records are a build bug and panic.
    pub fn from_records(records: &str) -> Instrument {
        fn text(field: &str) -> Text {
            let mut text = Text::default();
            for (locale, words) in field
                .split('\u{1f}')
                .filter_map(|pair| pair.split_once('='))
            {
                text.0.insert(locale.to_owned(), words.to_owned());
            }
            text
        }
        fn side(field: &str) -> Side {
            match field {
                "sales" => Side::Sales,
                "marketing" => Side::Marketing,
                _ => Side::Leadership,
            }
        }
        let mut instrument = Instrument {
            id: String::new(),
            version: String::new(),
            title: Text::default(),
            dimensions: Vec::new(),
            mirror_pairs: Vec::new(),
            definitions: Vec::new(),
            facts: Vec::new(),
        };
        for line in records.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let owned = |i: usize| f[i].to_owned();
            let dimension = instrument.dimensions.last_mut();
            match (f[0], dimension) {
                ("I", _) => {
                    (instrument.id, instrument.version, instrument.title) =
                        (owned(1), owned(2), text(f[3]))
                }
                ("D", _) => instrument.dimensions.push(Dimension {
                    id: owned(1),
                    checklist: f[2] == "1",
                    name: text(f[3]),
                    explanation: Text::default(),
                    plays: Vec::new(),
                    questions: Vec::new(),
                    statements: Vec::new(),
                }),
                ("S", Some(d)) => d.statements.push(Statement {
                    id: owned(1),
                    not_applicable: f[2] == "1",
                    plays: Vec::new(),
                    text: text(f[3]),
                }),
                ("M", _) => instrument.mirror_pairs.push(MirrorPair {
                    id: owned(1),
                    topic: text(f[2]),
                    first: MirrorHalf {
                        side: side(f[3]),
                        statement: owned(4),
                    },
                    second: MirrorHalf {
                        side: side(f[5]),
                        statement: owned(6),
                    },
                    plays: Vec::new(),
                }),
                ("F", _) => instrument.definitions.push(DefinitionQuestion {
                    id: owned(1),
                    kind: if f[2] == "owner" {
                        ChoiceKind::Owner
                    } else {
                        ChoiceKind::Meaning
                    },
                    dimension: owned(3),
                    plays: Vec::new(),
                    prompt: text(f[4]),
                    options: Vec::new(),
                }),
                ("O", _) => instrument
                    .definitions
                    .last_mut()
                    .expect("an option follows its question")
                    .options
                    .push(DefinitionOption {
                        id: owned(1),
                        none: f[2] == "none",
                        unknown: f[2] == "unknown",
                        label: text(f[3]),
                    }),
                ("X", _) => instrument.facts.push(FactLink {
                    fact: owned(1),
                    statement: owned(2),
                    choice: (!f[3].is_empty()).then(|| owned(3)),
                }),
                (kind, _) => panic!("unexpected built-in instrument record {kind}"),
            }
        }
        instrument
    }

    /// Parses and validates an instrument definition (the built-in one or a variant).
    #[cfg(feature = "workshop")]
    pub fn from_json(json: &str) -> Result<Instrument, Vec<InstrumentProblem>> {
        let instrument: Instrument = serde_json::from_str(json)
            .map_err(|error| vec![InstrumentProblem::NotParsable(error.to_string())])?;
        let problems = instrument.validate();
        if problems.is_empty() {
            Ok(instrument)
        } else {
            Err(problems)
        }
    }

    /// Every statement, in questionnaire order.
    pub fn statements(&self) -> impl Iterator<Item = &Statement> {
        self.dimensions.iter().flat_map(|d| d.statements.iter())
    }

    /// Number of statements over all dimensions.
    pub fn statement_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.statements.len()).sum()
    }

    /// The dimension with `id`.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The mirror pair with `id`.
    pub fn mirror_pair(&self, id: &str) -> Option<&MirrorPair> {
        self.mirror_pairs.iter().find(|p| p.id == id)
    }

    /// The statement with `id`.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements().find(|s| s.id == id)
    }

    /// The index of the statement with `id` in questionnaire order.
    pub fn statement_index(&self, id: &str) -> Option<usize> {
        self.statements().position(|s| s.id == id)
    }

    /// Each dimension's statements as a range of indices in questionnaire order.
    pub fn statement_ranges(&self) -> Vec<std::ops::Range<usize>> {
        let mut start = 0;
        self.dimensions
            .iter()
            .map(|d| {
                start += d.statements.len();
                start - d.statements.len()..start
            })
            .collect()
    }

    /// The index of the dimension holding the statement at `index` (questionnaire order).
    pub fn dimension_of_statement(&self, index: usize) -> Option<usize> {
        let mut end = 0;
        self.dimensions.iter().position(|d| {
            end += d.statements.len();
            index < end
        })
    }

    /// The play with `id`, in whichever dimension it is written.
    pub fn play(&self, id: &str) -> Option<&Play> {
        self.dimensions
            .iter()
            .flat_map(|d| d.plays.iter())
            .find(|p| p.id == id)
    }

    /// The plays named by `ids`, or the dimension's own plays when none is named: what a
    /// finding on a statement, a mirror pair or a choice question advises.
    pub fn plays_for<'a>(&'a self, ids: &[String], dimension: usize) -> Vec<&'a Play> {
        let named: Vec<&Play> = ids.iter().filter_map(|id| self.play(id)).collect();
        if named.is_empty() {
            self.dimensions
                .get(dimension)
                .map(|d| d.plays.iter().collect())
                .unwrap_or_default()
        } else {
            named
        }
    }

    /// The index of the dimension a choice question belongs to (the first when unknown).
    pub fn dimension_of_choice(&self, question: &DefinitionQuestion) -> usize {
        self.dimensions
            .iter()
            .position(|d| d.id == question.dimension)
            .unwrap_or(0)
    }

    /// Where each role's belief about `fact` (by its id) is read, if this instrument says.
    pub fn fact_link(&self, fact: &str) -> Option<&FactLink> {
        self.facts.iter().find(|f| f.fact == fact)
    }

    /// Takes `current`'s advice for what this (earlier) version shares with it by id: each
    /// dimension's explanation, plays, questions and checklist flag, and the plays named by
    /// statements, mirror pairs and choice questions. What `current` lacks falls back to its
    /// dimension's plays.
    pub fn borrow_advice(&mut self, current: &Instrument) {
        for dimension in &mut self.dimensions {
            if let Some(now) = current.dimension(&dimension.id) {
                dimension.explanation = now.explanation.clone();
                dimension.plays = now.plays.clone();
                dimension.questions = now.questions.clone();
                dimension.checklist = now.checklist;
            }
            for statement in &mut dimension.statements {
                if let Some(now) = current.statement(&statement.id) {
                    statement.plays = now.plays.clone();
                }
            }
        }
        for pair in &mut self.mirror_pairs {
            if let Some(now) = current.mirror_pair(&pair.id) {
                pair.plays = now.plays.clone();
            }
        }
        for question in &mut self.definitions {
            if let Some(now) = current.definitions.iter().find(|q| q.id == question.id) {
                question.plays = now.plays.clone();
            }
        }
    }

    /// How many items a respondent answers: statements and choice questions.
    pub fn item_count(&self) -> usize {
        self.statement_count() + self.definitions.len()
    }

    /// The estimated time to answer, in whole minutes rounded up: [`SECONDS_PER_STATEMENT`]
    /// per statement and [`SECONDS_PER_CHOICE`] per choice question.
    pub fn estimated_minutes(&self) -> usize {
        (self.statement_count() * SECONDS_PER_STATEMENT
            + self.definitions.len() * SECONDS_PER_CHOICE)
            .div_ceil(60)
    }
}

/// Every questionnaire version a workshop may hold: the current one first, then the earlier
/// built-in versions, so rounds, files and codes made with those keep opening.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    versions: Vec<Instrument>,
}

impl Catalogue {
    /// The built-in instrument and every earlier built-in version, with the advice. An
    /// earlier version gets the current version's advice (see [`Instrument::borrow_advice`]),
    /// so a finding in an old round gets today's plays, routed as today.
    #[cfg(feature = "workshop")]
    pub fn builtin() -> Catalogue {
        let mut catalogue = Self::builtin_without_advice();
        catalogue
            .apply_advice(FALLBACK_LOCALE, builtin_advice_records())
            .expect("build.rs writes advice that fits its instrument");
        catalogue
    }

    /// [`Catalogue::builtin`] before its advice is loaded (the workshop page asks for it as data
    /// when it opens; [`Catalogue::apply_advice`] then fills it in, routing included, and
    /// lends it to the earlier versions).
    #[cfg(feature = "workshop")]
    pub fn builtin_without_advice() -> Catalogue {
        let current = Instrument::builtin_without_advice();
        let mut versions = Vec::new();
        for mut legacy in [FIRST_VERSION].into_iter().filter_map(Instrument::legacy) {
            legacy.borrow_advice(&current);
            versions.push(legacy);
        }
        versions.insert(0, current);
        Catalogue { versions }
    }

    /// Applies an advice file in `locale` to the current version (see
    /// [`Instrument::apply_advice`]) and lends it to the earlier ones. A refused file changes
    /// nothing.
    pub fn apply_advice(&mut self, locale: &str, records: &str) -> Result<(), AdviceError> {
        let (current, earlier) = self.versions.split_at_mut(1);
        current[0].apply_advice(locale, records)?;
        for legacy in earlier {
            legacy.borrow_advice(&current[0]);
        }
        Ok(())
    }

    /// A catalogue of `current` alone (a consultant's variant, or a test).
    pub fn of(current: Instrument) -> Catalogue {
        Catalogue {
            versions: vec![current],
        }
    }

    /// The version new rounds collect.
    pub fn current(&self) -> &Instrument {
        &self.versions[0]
    }

    /// The instrument of `version`, if this catalogue has it.
    pub fn version(&self, version: &str) -> Option<&Instrument> {
        self.versions.iter().find(|i| i.version == version)
    }

    /// Every version, current first.
    pub fn all(&self) -> &[Instrument] {
        &self.versions
    }
}
