//! The questionnaire as plain data: dimensions, statements, mirror pairs and the
//! definitions check. The built-in instrument lives in `builtin.json`; a consultant's
//! variant uses the same schema and goes through the same [`Instrument::validate`].

mod schema;
mod validate;

pub use schema::*;
pub use validate::InstrumentProblem;

/// The built-in instrument's JSON source: the one definition `builtin()` is generated from.
pub const BUILTIN_JSON: &str = include_str!("builtin.json");

impl Instrument {
    /// The instrument shipped with the app. `build.rs` turns `builtin.json` into records, so
    /// the app carries no JSON parser for it; a test checks both give the same instrument.
    pub fn builtin() -> Instrument {
        Self::from_records(include_str!(concat!(
            env!("OUT_DIR"),
            "/builtin_instrument.txt"
        )))
    }

    /// Reads the records `build.rs` writes, one per line, fields separated by tabs:
    /// `I id version title`, then per dimension `D id name explanation` followed by its
    /// `P play`, `Q question` and `S id text` lines, then `M id topic side statement side
    /// statement` per mirror pair, and `F id prompt` per definitions question followed by its
    /// `O id undefined(0|1) label` lines. A text field is `locale=text` pairs joined by U+001F.
    /// Only for build output: malformed records are a build bug and panic.
    fn from_records(records: &str) -> Instrument {
        fn text(field: &str) -> Text {
            // Inserts, not collect(): BTreeMap's FromIterator sorts, which costs wasm code.
            let mut text = Text(Default::default());
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
            title: Text(Default::default()),
            dimensions: Vec::new(),
            mirror_pairs: Vec::new(),
            definitions: Vec::new(),
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
                    name: text(f[2]),
                    explanation: text(f[3]),
                    plays: Vec::new(),
                    questions: Vec::new(),
                    statements: Vec::new(),
                }),
                ("P", Some(d)) => d.plays.push(text(f[1])),
                ("Q", Some(d)) => d.questions.push(text(f[1])),
                ("S", Some(d)) => d.statements.push(Statement {
                    id: owned(1),
                    text: text(f[2]),
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
                }),
                ("F", _) => instrument.definitions.push(DefinitionQuestion {
                    id: owned(1),
                    prompt: text(f[2]),
                    options: Vec::new(),
                }),
                ("O", _) => instrument
                    .definitions
                    .last_mut()
                    .expect("an option follows its question")
                    .options
                    .push(DefinitionOption {
                        id: owned(1),
                        undefined: f[2] == "1",
                        label: text(f[3]),
                    }),
                (kind, _) => panic!("unexpected built-in instrument record {kind}"),
            }
        }
        instrument
    }

    /// Parses and validates an instrument definition (the built-in one or a variant).
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
}
