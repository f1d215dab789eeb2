//! One respondent's answers: a role, a rating per statement, a pick per definitions question.
//! Nothing in here identifies a person.

use serde::{Deserialize, Serialize};

use super::map::IdMap;

/// The part of the company a respondent speaks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Sales,
    Marketing,
    Leadership,
    Other,
}

impl Role {
    /// Every role, in the order they are offered.
    pub const ALL: [Role; 4] = [Role::Sales, Role::Marketing, Role::Leadership, Role::Other];

    /// A stable lower-case name, as stored and used in form values.
    pub fn id(self) -> &'static str {
        match self {
            Role::Sales => "sales",
            Role::Marketing => "marketing",
            Role::Leadership => "leadership",
            Role::Other => "other",
        }
    }
}

/// Written as its [`Role::id`]. By hand: serde's derive for an enum costs a page about a
/// kilobyte of visitor code.
impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Role::ALL
            .into_iter()
            .find(|role| role.id() == id)
            .ok_or_else(|| serde::de::Error::custom("unknown role"))
    }
}

/// The lowest and highest point of the agreement scale.
pub const SCALE_MIN: u8 = 1;
pub const SCALE_MAX: u8 = 5;
/// How "Not applicable" is stored.
pub const NOT_APPLICABLE_VALUE: u8 = 6;

/// An answer to one statement: a point on the 5-point agreement scale, "Can't judge", or
/// "Not applicable" (only where the statement offers it: the practice does not exist here).
///
/// Stored as a number: 1 (strongly disagree) to 5 (strongly agree), 0 for "Can't judge", 6
/// for "Not applicable".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Answer {
    Agreement(u8),
    CantJudge,
    NotApplicable,
}

impl Answer {
    /// Every answer a respondent can give, from strongly disagree to "Can't judge".
    pub const CHOICES: [Answer; 6] = [
        Answer::Agreement(1),
        Answer::Agreement(2),
        Answer::Agreement(3),
        Answer::Agreement(4),
        Answer::Agreement(5),
        Answer::CantJudge,
    ];

    /// The answer on the 0–100 scale; `None` for "Can't judge" and "Not applicable", which
    /// are never scored.
    pub fn points(self) -> Option<f64> {
        match self {
            Answer::Agreement(level) => Some(mean_points(u32::from(level), 1)),
            Answer::CantJudge | Answer::NotApplicable => None,
        }
    }

    /// The answer stored as `value` (see [`Answer`]), if it is one.
    pub fn stored(value: u8) -> Option<Answer> {
        match value {
            0 => Some(Answer::CantJudge),
            SCALE_MIN..=SCALE_MAX => Some(Answer::Agreement(value)),
            NOT_APPLICABLE_VALUE => Some(Answer::NotApplicable),
            _ => None,
        }
    }

    /// The rating on the 1–5 scale, if this is one.
    pub fn level(self) -> Option<u8> {
        match self {
            Answer::Agreement(level) => Some(level),
            _ => None,
        }
    }
}

/// The mean, on the 0–100 scale, of `count` agreement levels that add up to `level_sum`: the
/// scale maps linearly, 1 → 0 to 5 → 100. Computed in one division, so it is exact wherever
/// the mean is representable.
pub fn mean_points(level_sum: u32, count: u32) -> f64 {
    f64::from(level_sum - count * u32::from(SCALE_MIN)) * 100.0
        / (f64::from(SCALE_MAX - SCALE_MIN) * f64::from(count))
}

impl TryFrom<u8> for Answer {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Answer::stored(value)
            .ok_or_else(|| format!("{value} is not an answer (0 to {NOT_APPLICABLE_VALUE})"))
    }
}

impl From<Answer> for u8 {
    fn from(answer: Answer) -> u8 {
        match answer {
            Answer::Agreement(level) => level,
            Answer::CantJudge => 0,
            Answer::NotApplicable => NOT_APPLICABLE_VALUE,
        }
    }
}

/// Everything one respondent has said so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub role: Option<Role>,
    /// Statement id → answer.
    pub answers: IdMap<Answer>,
    /// Definitions question id → chosen option id.
    pub definitions: IdMap<String>,
    /// A workshop participant's team, asked when the workshop has teams: `None` before it was
    /// answered, `Some(None)` for none of the teams, else the index of its label. Carried in
    /// the response code beside the answers, never inside them.
    #[serde(skip)]
    pub team: Option<Option<u8>>,
    /// A random number this device drew for the person answering, once they finished a
    /// workshop's survey: their code sent again replaces, never adds to, their earlier
    /// answers. It goes when the answers go (the next person draws their own).
    #[serde(skip)]
    pub respondent: Option<u32>,
}

impl Response {
    /// How many of `instrument`'s items (statements and choice questions) have an answer,
    /// "Can't judge" and "Not applicable" included.
    pub fn answered_items(&self, instrument: &super::instrument::Instrument) -> usize {
        instrument
            .statements()
            .filter(|s| self.answers.contains_key(&s.id))
            .count()
            + instrument
                .definitions
                .iter()
                .filter(|q| self.definitions.contains_key(&q.id))
                .count()
    }

    /// The answer to `statement`, if given.
    pub fn answer(&self, statement: &str) -> Option<Answer> {
        self.answers.get(statement).copied()
    }

    /// True when nothing has been answered yet.
    pub fn is_empty(&self) -> bool {
        self.role.is_none()
            && self.answers.is_empty()
            && self.definitions.is_empty()
            && self.team.is_none()
    }

    /// This tab's answers after another tab stored `theirs`: theirs, plus every answer only
    /// this tab has (two tabs answering at the same moment each write without the other's
    /// latest answer; neither may be lost). Where both answered, theirs (the later write)
    /// wins. An empty `theirs` is a deliberate clear ("Start over") and is taken as it is,
    /// so nothing cleared comes back.
    pub fn merged_after(&self, theirs: &Response) -> Response {
        if theirs.is_empty() {
            // Started over or erased there: nothing of ours comes back (their respondent
            // number stays: starting over keeps the person).
            return Response {
                respondent: theirs.respondent,
                ..Response::default()
            };
        }
        let mut merged = theirs.clone();
        merged.role = theirs.role.or(self.role);
        merged.team = theirs.team.or(self.team);
        merged.respondent = theirs.respondent.or(self.respondent);
        for (id, answer) in &self.answers {
            merged.answers.insert_missing(id, || *answer);
        }
        for (id, option) in &self.definitions {
            merged.definitions.insert_missing(id, || option.clone());
        }
        merged
    }
}
