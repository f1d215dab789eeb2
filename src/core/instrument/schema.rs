//! The instrument's types: plain serde data. This file is also compiled into `build.rs`,
//! which turns `builtin.json` into Rust, so it refers to nothing else in the crate.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The locale every text must have; other locales fall back to it.
pub const FALLBACK_LOCALE: &str = "en";

/// A piece of instrument text in one or more locales, keyed by locale code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `locale`, or in [`FALLBACK_LOCALE`] when that locale is missing.
    pub fn get(&self, locale: &str) -> &str {
        self.0
            .get(locale)
            .or_else(|| self.0.get(FALLBACK_LOCALE))
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// One statement, rated on the agreement scale. Agreeing is always the healthy answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    pub text: Text,
}

/// An area of sales–marketing–leadership collaboration, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    pub explanation: Text,
    /// Remedies ("plays") for when this dimension is weak or misaligned.
    pub plays: Vec<Text>,
    /// Open questions for a team to discuss.
    pub questions: Vec<Text>,
    pub statements: Vec<Statement>,
}

/// Whose contribution a mirror statement judges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Sales,
    Marketing,
    Leadership,
}

/// One half of a mirror pair: a statement judging one side's contribution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MirrorHalf {
    pub side: Side,
    pub statement: String,
}

/// Two statements that ask about each side's part in the same exchange. Each side rating
/// itself well and the other badly is a blame loop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MirrorPair {
    pub id: String,
    pub topic: Text,
    pub first: MirrorHalf,
    pub second: MirrorHalf,
}

/// One choice in the definitions check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionOption {
    pub id: String,
    pub label: Text,
    /// True for "no agreed definition / don't know": picking it is itself a finding.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub undefined: bool,
}

/// A question of the definitions check: what a term means in this company.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionQuestion {
    pub id: String,
    pub prompt: Text,
    pub options: Vec<DefinitionOption>,
}

/// A complete, versioned questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub dimensions: Vec<Dimension>,
    pub mirror_pairs: Vec<MirrorPair>,
    pub definitions: Vec<DefinitionQuestion>,
}
