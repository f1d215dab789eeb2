//! The stored form of a survey in progress, its schema version and its storage keys.
//!
//! Stored text is a small line format, readable by a person and parsed without any serde
//! machinery (which would cost the wasm tens of kilobytes):
//!
//! ```text
//! samepage-survey 1
//! instrument samepage-core 1.0.0
//! step statements 3
//! role sales
//! answer strategy.joint_plan 4
//! definition sales_ready demo_request
//! team 1
//! respondent 3141592653
//! ```
//!
//! The first line names the schema version. `answer` values are 1–5, 0 for "Can't judge" and
//! (from schema 2) 6 for "Not applicable". From schema 3, a workshop participant's `team`
//! (a label's index, or `none`) and `respondent` number. Schema 1 was written with questionnaire 1.0.0;
//! [`SavedSurvey::migrate`] carries its answers over to a newer questionnaire.
//! Text that is not a survey this version can read is reported as [`Unreadable`] and kept, by
//! the storage adapter, under [`Keys::unreadable`].

use super::flow::Step;
use super::instrument::Instrument;
use super::response::{Answer, Response, Role};

/// The schema version this build writes. Raise it, and add a migration from the previous
/// version to [`SavedSurvey::decode`], whenever the stored shape changes.
pub const SCHEMA_VERSION: u32 = 3;

/// The first word of stored survey text.
const MAGIC: &str = "samepage-survey";

/// Which instrument, in which version, a response answers.
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedSurvey {
    pub instrument: InstrumentRef,
    pub step: Step,
    pub response: Response,
}

/// Why stored text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Not text this app writes: no `samepage-survey` header.
    NotSurveyData,
    /// Written by a newer version of SamePage.
    NewerSchema(u64),
    /// The right schema, but the line with this number (from 1) does not fit it, or (0) the
    /// instrument or step line is missing.
    Damaged(usize),
}

impl SavedSurvey {
    /// A new survey at the welcome screen.
    pub fn new(instrument: &Instrument) -> SavedSurvey {
        SavedSurvey {
            instrument: InstrumentRef::to(instrument),
            step: Step::Welcome,
            response: Response::default(),
        }
    }

    /// This survey carried over to `instrument` when it was saved with another version: the
    /// answers to statements and choice questions (and options) that `instrument` still has,
    /// by id, are kept; a statement whose meaning changed has a new id, so its old answer is
    /// not carried over. A survey that had reached the choices or the scorecard starts again
    /// at the welcome screen, which says how much is answered. Returns the survey and how many
    /// answers were left behind.
    pub fn migrate(self, instrument: &Instrument) -> (SavedSurvey, usize) {
        if self.instrument == InstrumentRef::to(instrument) {
            return (self, 0);
        }
        let before = self.response.answers.len() + self.response.definitions.len();
        let mut response = Response {
            role: self.response.role,
            ..Response::default()
        };
        for statement in instrument.statements() {
            let answer = self.response.answer(&statement.id);
            if let Some(answer) =
                answer.filter(|a| statement.not_applicable || *a != Answer::NotApplicable)
            {
                response.answers.insert(statement.id.clone(), answer);
            }
        }
        for question in &instrument.definitions {
            let picked = self.response.definitions.get(&question.id);
            if let Some(option) = picked.filter(|o| question.options.iter().any(|q| &q.id == *o)) {
                response
                    .definitions
                    .insert(question.id.clone(), option.clone());
            }
        }
        let kept = response.answers.len() + response.definitions.len();
        // Someone who had finished meets the questions they have not seen yet: the welcome
        // screen says how much is answered and leads back in.
        let step = match self.step {
            Step::Definitions | Step::Scorecard => Step::Welcome,
            step => step.fit(instrument, &response),
        };
        (
            SavedSurvey {
                instrument: InstrumentRef::to(instrument),
                step,
                response,
            },
            before - kept,
        )
    }

    /// The stored text of this survey.
    pub fn encode(&self) -> String {
        let mut lines = vec![
            format!("{MAGIC} {SCHEMA_VERSION}"),
            format!(
                "instrument {} {}",
                self.instrument.id, self.instrument.version
            ),
            match self.step {
                Step::Statements(index) => format!("step statements {index}"),
                step => format!("step {}", step_name(step)),
            },
        ];
        if let Some(role) = self.response.role {
            lines.push(format!("role {}", role.id()));
        }
        for (statement, answer) in &self.response.answers {
            lines.push(format!("answer {statement} {}", u8::from(*answer)));
        }
        for (question, option) in &self.response.definitions {
            lines.push(format!("definition {question} {option}"));
        }
        if let Some(team) = self.response.team {
            lines.push(format!("team {}", team_pick_text(team)));
        }
        if let Some(respondent) = self.response.respondent {
            lines.push(format!("respondent {respondent}"));
        }
        lines.join("\n") + "\n"
    }

    /// Reads stored text, or says why it cannot.
    pub fn decode(text: &str) -> Result<SavedSurvey, Unreadable> {
        let mut lines = text.lines();
        let mut header = lines.next().unwrap_or_default().split(' ');
        if header.next() != Some(MAGIC) {
            return Err(Unreadable::NotSurveyData);
        }
        let schema: u64 = header
            .next()
            .and_then(|v| v.parse().ok())
            .ok_or(Unreadable::NotSurveyData)?;
        match schema {
            1..=3 => decode_lines(lines, schema >= 2),
            v if v > u64::from(SCHEMA_VERSION) => Err(Unreadable::NewerSchema(v)),
            _ => Err(Unreadable::NotSurveyData),
        }
    }
}

/// How "none of the teams" is stored (and sent as the team question's radio value).
const NO_TEAM: &str = "none";

/// A team pick as it is stored (and as the team question's radio values say it): the label's
/// index, or `none` for none of the teams.
pub fn team_pick_text(team: Option<u8>) -> String {
    team.map_or_else(|| NO_TEAM.to_owned(), |t| t.to_string())
}

/// The name of a step without an index, as stored.
fn step_name(step: Step) -> &'static str {
    match step {
        Step::Welcome => "welcome",
        Step::Role => "role",
        Step::Statements(_) => "statements",
        Step::Definitions => "definitions",
        Step::Scorecard => "scorecard",
    }
}

/// Reads the lines after a schema-1 or schema-2 header (only schema 2 knows "Not applicable").
fn decode_lines<'a>(
    lines: impl Iterator<Item = &'a str>,
    not_applicable_known: bool,
) -> Result<SavedSurvey, Unreadable> {
    let mut instrument = None;
    let mut step = None;
    let mut response = Response::default();
    for (number, line) in lines.enumerate().map(|(i, l)| (i + 2, l)) {
        let damaged = || Unreadable::Damaged(number);
        // `lines` takes a "\r\n" ending; a carriage return left inside a line would not
        // survive being written and read again.
        if line.contains('\r') {
            return Err(damaged());
        }
        let words: Vec<&str> = line.split(' ').collect();
        match words.as_slice() {
            [""] => {}
            ["instrument", id, version] => {
                instrument = Some(InstrumentRef {
                    id: (*id).to_owned(),
                    version: (*version).to_owned(),
                })
            }
            ["step", "statements", index] => {
                step = Some(Step::Statements(index.parse().map_err(|_| damaged())?))
            }
            ["step", name] => {
                step = Some(
                    [
                        Step::Welcome,
                        Step::Role,
                        Step::Definitions,
                        Step::Scorecard,
                    ]
                    .into_iter()
                    .find(|s| step_name(*s) == *name)
                    .ok_or_else(damaged)?,
                )
            }
            ["role", id] => {
                response.role = Some(
                    Role::ALL
                        .into_iter()
                        .find(|r| r.id() == *id)
                        .ok_or_else(damaged)?,
                )
            }
            ["answer", statement, value] => {
                let answer = value
                    .parse::<u8>()
                    .ok()
                    .and_then(Answer::stored)
                    .filter(|a| not_applicable_known || *a != Answer::NotApplicable)
                    .ok_or_else(damaged)?;
                response.answers.insert((*statement).to_owned(), answer);
            }
            ["definition", question, option] => {
                response
                    .definitions
                    .insert((*question).to_owned(), (*option).to_owned());
            }
            ["team", NO_TEAM] => response.team = Some(None),
            ["team", index] => response.team = Some(Some(index.parse().map_err(|_| damaged())?)),
            ["respondent", number] => {
                response.respondent = Some(number.parse().map_err(|_| damaged())?)
            }
            _ => return Err(damaged()),
        }
    }
    match (instrument, step) {
        (Some(instrument), Some(step)) => Ok(SavedSurvey {
            instrument,
            step,
            response,
        }),
        _ => Err(Unreadable::Damaged(0)),
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

    /// Where a workshop's stored form is kept.
    pub fn workshop(&self) -> String {
        format!("samepage:{}:workshop", self.namespace)
    }

    /// Where a small named value of this namespace is kept (a respondent's nonce or team).
    pub fn value(&self, name: &str) -> String {
        format!("samepage:{}:{name}", self.namespace)
    }

    /// Where unreadable survey text is set aside, untouched; `stamp` keeps several apart.
    pub fn unreadable(&self, stamp: u64) -> String {
        format!("samepage:{}:unreadable:{stamp}", self.namespace)
    }

    /// Where unreadable workshop text is set aside, untouched: apart from a survey's (a
    /// passed device's turn shares the workshop's namespace).
    pub fn unreadable_workshop(&self, stamp: u64) -> String {
        format!("samepage:{}:unreadable-workshop:{stamp}", self.namespace)
    }
}
