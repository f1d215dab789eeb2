//! The instrument's types: plain serde data. This file is also compiled into `build.rs`,
//! which turns `builtin.json` into Rust, so it refers to nothing else in the crate but
//! `core::map` (which `build.rs` compiles too).

use serde::{Deserialize, Serialize};

use crate::core::map::IdMap;

/// The locale every text must have; other locales fall back to it.
pub const FALLBACK_LOCALE: &str = "en";

/// A piece of instrument text in one or more locales, keyed by locale code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub IdMap<String>);

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
    /// True when the practice may not exist in a company (partners, say): the statement then
    /// offers "Not applicable", which is neither scored nor counted as "Can't judge".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
    /// Ids of the plays written for a finding on this statement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plays: Vec<String>,
}

/// A remedy: what to do, who acts, a first step and how the team will know it worked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Play {
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub who: Text,
    #[serde(default)]
    pub first_step: Text,
    #[serde(default)]
    pub signal: Text,
}

/// An area of sales–marketing–leadership collaboration, with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub name: Text,
    pub explanation: Text,
    /// True when the statements are separate practices rather than one attitude, so their
    /// internal consistency (Cronbach's alpha) means nothing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub checklist: bool,
    /// Remedies ("plays") for when this dimension is weak or misaligned.
    pub plays: Vec<Play>,
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
    /// Ids of the plays written for a blame loop on this pair.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plays: Vec<String>,
}

/// One option of a choice question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionOption {
    pub id: String,
    pub label: Text,
    /// True for "we have no agreed definition" or "nobody in particular": when many pick it,
    /// that is itself a finding.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub none: bool,
    /// True for "I don't know": counted, but left out when groups' picks are compared.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

/// What a choice question asks about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceKind {
    /// What a word means here ("lead", "sales-ready", "collateral").
    #[default]
    Meaning,
    /// Who owns something (customer insight, a step of the journey, a metric).
    Owner,
}

/// A choice question (the "who" and "what" check): every role picks what a term means or who
/// owns something, and groups are compared on their whole distribution of picks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefinitionQuestion {
    pub id: String,
    #[serde(default)]
    pub kind: ChoiceKind,
    /// The dimension this question belongs to: its screen and its advice.
    pub dimension: String,
    pub prompt: Text,
    /// Ids of the plays written for a mismatch or a shared "none" on this question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plays: Vec<String>,
    pub options: Vec<DefinitionOption>,
}

/// Where each role's belief about one of the facilitator's real figures is read: a statement
/// (mean agreement) and, optionally, a choice question (what each role picked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactLink {
    /// The figure: `follow_up_hours`, `accepted_share` or `conversion_share`.
    pub fact: String,
    pub statement: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
}

/// A complete, versioned questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instrument {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub dimensions: Vec<Dimension>,
    pub mirror_pairs: Vec<MirrorPair>,
    /// The choice questions ("what does it mean", "who owns it").
    pub definitions: Vec<DefinitionQuestion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<FactLink>,
}
