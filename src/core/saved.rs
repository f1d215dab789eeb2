//! The stored form of a survey in progress, its schema version and its storage keys.
//!
//! Stored text is JSON with a `schema` number. Text that is not a survey this version can read
//! is reported as [`Unreadable`] and kept, by the storage adapter, under [`Keys::unreadable`].

use serde::{Deserialize, Serialize};

use super::flow::Step;
use super::instrument::Instrument;
use super::response::Response;

/// The schema version this build writes. Raise it, and add a migration from the previous
/// version to [`SavedSurvey::decode`], whenever the stored shape changes.
pub const SCHEMA_VERSION: u32 = 1;

/// Which instrument, in which version, a response answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: String,
}

impl InstrumentRef {
    /// A reference to `instrument`.
    pub fn to(instrument: &Instrument) -> InstrumentRef {
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
        }
    }
}

/// A respondent's survey as stored between visits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSurvey {
    pub schema: u32,
    pub instrument: InstrumentRef,
    pub step: Step,
    pub response: Response,
}

/// Why stored text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not JSON, or JSON without a schema number.
    NotSurveyData,
    /// Written by a newer version of SamePage.
    NewerSchema(u64),
    /// The right schema, but the content does not fit it.
    Damaged(String),
}

impl SavedSurvey {
    /// A new survey at the welcome screen.
    pub fn new(instrument: &Instrument) -> SavedSurvey {
        SavedSurvey {
            schema: SCHEMA_VERSION,
            instrument: InstrumentRef::to(instrument),
            step: Step::Welcome,
            response: Response::default(),
        }
    }

    /// The stored text of this survey.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a saved survey always serialises")
    }

    /// Reads stored text, or says why it cannot.
    pub fn decode(text: &str) -> Result<SavedSurvey, Unreadable> {
        /// Just the schema number, read before anything else.
        #[derive(Deserialize)]
        struct Schema {
            schema: u64,
        }
        let Schema { schema } =
            serde_json::from_str(text).map_err(|_| Unreadable::NotSurveyData)?;
        match schema {
            1 => serde_json::from_str(text).map_err(|e| Unreadable::Damaged(e.to_string())),
            v if v > u64::from(SCHEMA_VERSION) => Err(Unreadable::NewerSchema(v)),
            _ => Err(Unreadable::NotSurveyData),
        }
    }
}

/// The storage keys of one namespace. Every key starts with `samepage:<namespace>:`, so two
/// embeds or two workshops on one origin never share a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    namespace: String,
}

/// The namespace used when the host names none, or names an unusable one.
pub const DEFAULT_NAMESPACE: &str = "default";
const MAX_NAMESPACE_LEN: usize = 40;

impl Keys {
    /// Keys for `namespace`: 1 to 40 of `a-z 0-9 - _` (upper case is lowered); anything
    /// else falls back to [`DEFAULT_NAMESPACE`].
    pub fn new(namespace: &str) -> Keys {
        let namespace = namespace.trim().to_ascii_lowercase();
        let usable = !namespace.is_empty()
            && namespace.len() <= MAX_NAMESPACE_LEN
            && namespace
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        Keys {
            namespace: if usable {
                namespace
            } else {
                DEFAULT_NAMESPACE.to_owned()
            },
        }
    }

    /// The namespace these keys live in.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// Where the survey in progress is kept.
    pub fn survey(&self) -> String {
        format!("samepage:{}:survey", self.namespace)
    }

    /// Where unreadable survey text is set aside, untouched; `stamp` keeps several apart.
    pub fn unreadable(&self, stamp: u64) -> String {
        format!("samepage:{}:unreadable:{stamp}", self.namespace)
    }
}
