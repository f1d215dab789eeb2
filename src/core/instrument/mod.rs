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
    /// The instrument shipped with the app. `build.rs` turns `builtin.json` into the Rust that
    /// builds it, so the app carries no JSON parser for it; a test checks both agree.
    pub fn builtin() -> Instrument {
        include!(concat!(env!("OUT_DIR"), "/builtin_instrument.rs"))
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

    /// The statement with `id`.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        self.statements().find(|s| s.id == id)
    }
}
