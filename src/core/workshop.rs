//! A facilitator's workshop: its settings, its rounds of collected responses, the facts beside
//! the beliefs, and importing response codes. Pure data and rules; the workshop page's screens
//! (`ui::workshop`) call them and store the result.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::code::{find_codes, CodeError, CodedResponse, Decoder};
use super::instrument::{Catalogue, Instrument, FIRST_VERSION};
use super::scoring::{decimal, mean, Tally};
use super::team::{shown_group_of, shown_responses, Answers, Group, ANONYMITY_FLOOR};

/// One respondent's answers as collected in a round. Stored packed (`packed`); the object
/// form is what files before version 3 wrote, read only.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Collected {
    /// Random per respondent; the same nonce again is the same person.
    pub nonce: u32,
    /// Index into the workshop's team labels.
    pub team: Option<u8>,
    pub answers: Answers,
    /// How the answers reached the workshop (absent in what earlier builds stored).
    #[serde(default)]
    pub source: Source,
}

/// How a response reached the workshop: what the facilitator can vouch for. A response code's
/// checksum catches typing mistakes, not forgeries (anyone who knows the format can make a
/// valid code), so the facilitator sees how many answers came each way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Source {
    /// Collected by a build that did not record it.
    #[default]
    Unrecorded,
    /// Answered on the facilitator's device, passed round.
    Device,
    /// Imported from a response code.
    Code,
}

// Read as "device" or "code" by hand: serde's derive for an enum costs the workshop page a
// kilobyte of visitor code, and the text is all a file before version 3 has.
impl<'de> Deserialize<'de> for Source {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match String::deserialize(deserializer)?.as_str() {
            "device" => Ok(Source::Device),
            "code" => Ok(Source::Code),
            "" => Ok(Source::Unrecorded),
            _ => Err(serde::de::Error::custom("unknown source")),
        }
    }
}

/// How many of a round's responses came each way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SourceCounts {
    pub device: usize,
    pub code: usize,
    pub unrecorded: usize,
}

/// From this many codes in one pasted text or file, the import asks the facilitator to check
/// they came from as many people: a participant sends one code, and one message that carries
/// many is how made-up codes would arrive.
pub const MANY_CODES_AT_ONCE: usize = 5;

/// Real figures a facilitator may enter beside what each role believes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    /// Average time from a lead arriving to sales' first contact, in hours.
    pub follow_up_hours: Option<f64>,
    /// Share (0–1) of marketing's leads that sales accepts.
    pub accepted_share: Option<f64>,
    /// Share (0–1) of leads that become customers.
    pub conversion: Option<f64>,
}

/// One of the real figures a facilitator may enter, and the statement whose ratings show what
/// each role believes about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    FollowUpHours,
    AcceptedShare,
    Conversion,
}

impl Fact {
    /// Every fact, in the order the form and the report show them.
    pub const ALL: [Fact; 3] = [Fact::FollowUpHours, Fact::AcceptedShare, Fact::Conversion];

    /// The id an instrument's fact links use for this fact (see `Instrument::fact_link`).
    pub fn id(self) -> &'static str {
        match self {
            Fact::FollowUpHours => "follow_up_hours",
            Fact::AcceptedShare => "accepted_share",
            Fact::Conversion => "conversion_share",
        }
    }

    /// The largest value the facilitator may enter (hours, or a share 0–1).
    pub fn maximum(self) -> f64 {
        match self {
            Fact::FollowUpHours => MAX_FOLLOW_UP_HOURS,
            Fact::AcceptedShare | Fact::Conversion => 1.0,
        }
    }

    /// True when `value` is a figure this fact can have: finite, from 0 to [`Fact::maximum`].
    pub fn in_range(self, value: f64) -> bool {
        value.is_finite() && (0.0..=self.maximum()).contains(&value)
    }

    /// This fact's figure in `facts` (hours, or a share 0–1).
    pub fn value(self, facts: &Facts) -> Option<f64> {
        match self {
            Fact::FollowUpHours => facts.follow_up_hours,
            Fact::AcceptedShare => facts.accepted_share,
            Fact::Conversion => facts.conversion,
        }
    }

    /// Sets this fact's figure in `facts`.
    pub fn set(self, facts: &mut Facts, value: Option<f64>) {
        match self {
            Fact::FollowUpHours => facts.follow_up_hours = value,
            Fact::AcceptedShare => facts.accepted_share = value,
            Fact::Conversion => facts.conversion = value,
        }
    }

    /// From what the facilitator types to what is stored: hours as typed, shares typed in
    /// percent.
    fn typed_per_stored(self) -> f64 {
        match self {
            Fact::FollowUpHours => 1.0,
            Fact::AcceptedShare | Fact::Conversion => 100.0,
        }
    }

    /// Reads what the facilitator typed for this fact: empty is "not known" (`Ok(None)`); a
    /// number (a decimal comma is read as a point) within range is the figure; anything else
    /// is refused.
    pub fn parse_typed(self, typed: &str) -> Result<Option<f64>, FactRefused> {
        let text = typed.trim().replace(',', ".");
        if text.is_empty() {
            return Ok(None);
        }
        let value = text.parse::<f64>().map_err(|_| FactRefused(self))? / self.typed_per_stored();
        if self.in_range(value) {
            Ok(Some(value))
        } else {
            Err(FactRefused(self))
        }
    }

    /// This fact's figure in `facts` as the form shows it (one decimal; empty when unknown).
    pub fn typed(self, facts: &Facts) -> String {
        self.value(facts)
            .map(|value| decimal(value * self.typed_per_stored(), 1))
            .unwrap_or_default()
    }
}

/// The fact whose typed figure was refused (not a number, or out of its range).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactRefused(pub Fact);

impl Facts {
    /// Reads the figures typed for every fact, in [`Fact::ALL`] order; the first refused one
    /// refuses them all, so nothing half-read is stored.
    pub fn parse_typed(typed: &[String; 3]) -> Result<Facts, FactRefused> {
        let mut facts = Facts::default();
        for (fact, text) in Fact::ALL.into_iter().zip(typed) {
            fact.set(&mut facts, fact.parse_typed(text)?);
        }
        Ok(facts)
    }

    /// The facts after a form is saved: the figures typed `now` where they differ from what
    /// the form showed when it opened (`before`), and `current`'s elsewhere. `current` is the
    /// stored copy, which another tab may have changed since the form opened: a figure it
    /// saved is kept unless this form changed that very field.
    pub fn merge_typed(
        current: &Facts,
        before: &[String; 3],
        now: &[String; 3],
    ) -> Result<Facts, FactRefused> {
        let typed = Facts::parse_typed(now)?;
        let mut merged = current.clone();
        for (index, fact) in Fact::ALL.into_iter().enumerate() {
            if before[index] != now[index] {
                fact.set(&mut merged, fact.value(&typed));
            }
        }
        Ok(merged)
    }
}

/// The longest follow-up time a facilitator may enter: a year, in hours.
pub const MAX_FOLLOW_UP_HOURS: f64 = 8_760.0;

/// The questionnaire version of rounds stored before rounds named theirs.
fn first_version() -> String {
    FIRST_VERSION.to_owned()
}

/// One collection of answers: a workshop, or the same team again next quarter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// When it started, as the facilitator's device gave it (`YYYY-MM-DD`).
    pub started: String,
    /// The questionnaire version every response of this round answers.
    #[serde(default = "first_version")]
    pub questionnaire: String,
    #[serde(with = "super::packed")]
    pub responses: Vec<Collected>,
    pub facts: Facts,
}

impl Round {
    /// For each response, the group the report shows it in under `minimum` (its role, or
    /// "others" when folded), or `None` when hidden: a response of a hidden group must not
    /// leave the device unasked, and a folded one not with its role.
    pub fn shown(&self, minimum: usize) -> Vec<Option<Group>> {
        let rows: Vec<&Answers> = self.responses.iter().map(|c| &c.answers).collect();
        shown_group_of(&rows, minimum)
    }

    /// How many of this round's responses came from this device, from codes, or unrecorded.
    pub fn sources(&self) -> SourceCounts {
        let mut counts = SourceCounts::default();
        for collected in &self.responses {
            *match collected.source {
                Source::Device => &mut counts.device,
                Source::Code => &mut counts.code,
                Source::Unrecorded => &mut counts.unrecorded,
            } += 1;
        }
        counts
    }
}

/// A workshop and everything it collected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workshop {
    /// Random; carried in the link and in every code made for this workshop.
    pub id: u32,
    pub name: String,
    pub team_labels: Vec<String>,
    /// Fewest respondents a role is shown from; never below [`ANONYMITY_FLOOR`].
    pub minimum: usize,
    pub archived: bool,
    /// Oldest first; never empty.
    pub rounds: Vec<Round>,
}

/// What happened to one pasted code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeOutcome {
    /// A new respondent's answers.
    Added,
    /// The same code (or the same answers from the same respondent) was already there.
    Duplicate,
    /// A respondent already collected sent changed answers: the new ones replace the old.
    Updated,
    /// Not imported, and why.
    Refused(CodeError),
}

/// The outcome of importing pasted text: one entry per code found, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    pub outcomes: Vec<(String, CodeOutcome)>,
}

impl ImportReport {
    /// How many codes had this outcome.
    pub fn count(&self, wanted: impl Fn(&CodeOutcome) -> bool) -> usize {
        self.outcomes.iter().filter(|(_, o)| wanted(o)).count()
    }

    /// How many answers this one text brought in (added or changed), when that is
    /// [`MANY_CODES_AT_ONCE`] or more: worth checking they came from as many people.
    pub fn many_at_once(&self) -> Option<usize> {
        let taken = self.count(|o| matches!(o, CodeOutcome::Added | CodeOutcome::Updated));
        (taken >= MANY_CODES_AT_ONCE).then_some(taken)
    }
}

/// Puts `workshop` into `list` (kept newest first, by the start of each one's latest round,
/// then by name) where it belongs.
pub fn insert_in_list_order(list: &mut Vec<Workshop>, workshop: Workshop) {
    insert_in_order(list, workshop, |w| {
        (
            std::cmp::Reverse(w.current_round().started.clone()),
            w.name.clone(),
        )
    });
}

/// Inserts `item` into `list`, which is in the order of `key`, after the items of an equal
/// key. Lists of workshops are short: an ordered insertion costs the workshop page far less
/// code than a sort.
pub fn insert_in_order<T, K: Ord>(list: &mut Vec<T>, item: T, key: impl Fn(&T) -> K) {
    let item_key = key(&item);
    let at = list.partition_point(|other| key(other) <= item_key);
    list.insert(at, item);
}

impl Workshop {
    /// A new workshop with one empty round of `questionnaire` (a version) started on `today`.
    pub fn new(
        id: u32,
        name: &str,
        team_labels: Vec<String>,
        minimum: usize,
        today: &str,
        questionnaire: &str,
    ) -> Workshop {
        Workshop {
            id,
            name: name.trim().to_owned(),
            team_labels,
            minimum: minimum.max(ANONYMITY_FLOOR),
            archived: false,
            rounds: vec![Round {
                started: today.to_owned(),
                questionnaire: questionnaire.to_owned(),
                responses: Vec::new(),
                facts: Facts::default(),
            }],
        }
    }

    /// The round answers are collected into now.
    pub fn current_round(&self) -> &Round {
        self.rounds.last().expect("a workshop always has a round")
    }

    /// Starts a new round of the same workshop (same settings, no answers yet) collecting
    /// `questionnaire` (the current version).
    pub fn start_round(&mut self, today: &str, questionnaire: &str) {
        self.rounds.push(Round {
            started: today.to_owned(),
            questionnaire: questionnaire.to_owned(),
            responses: Vec::new(),
            facts: Facts::default(),
        });
    }

    /// Adds one respondent's answers to the current round; the same respondent again replaces
    /// their earlier answers.
    pub fn collect(&mut self, collected: Collected) -> CodeOutcome {
        let at = self
            .current_round()
            .responses
            .iter()
            .position(|c| c.nonce == collected.nonce);
        self.collect_at(at, collected)
    }

    /// [`Workshop::collect`], where `at` is the position of the same respondent's answers in
    /// the current round, if any.
    fn collect_at(&mut self, at: Option<usize>, collected: Collected) -> CodeOutcome {
        let round = self
            .rounds
            .last_mut()
            .expect("a workshop always has a round");
        match at.and_then(|at| round.responses.get_mut(at)) {
            // The same answers again, however they came: what an earlier build stored without
            // a source only learns it.
            Some(existing)
                if existing.team == collected.team && existing.answers == collected.answers =>
            {
                if existing.source == Source::Unrecorded {
                    existing.source = collected.source;
                }
                CodeOutcome::Duplicate
            }
            Some(existing) => {
                *existing = collected;
                CodeOutcome::Updated
            }
            None => {
                round.responses.push(collected);
                CodeOutcome::Added
            }
        }
    }

    /// Imports every code in `text` (one per line, or mixed into other text) into the current
    /// round, decoded against that round's questionnaire version in `catalogue`. Good codes go
    /// in, duplicates count once, bad ones are named with their reason (a code made with
    /// another version says which) and change nothing.
    pub fn import_codes(&mut self, catalogue: &Catalogue, text: &str) -> ImportReport {
        let Some(instrument) = catalogue.version(&self.current_round().questionnaire) else {
            let outcomes = find_codes(text)
                .into_iter()
                .map(|c| {
                    (
                        c.to_owned(),
                        CodeOutcome::Refused(CodeError::OtherInstrument(None)),
                    )
                })
                .collect();
            return ImportReport { outcomes };
        };
        let others: Vec<&Instrument> = catalogue.all().iter().collect();
        let decoder = Decoder::new(instrument, self.id).knowing(&others);
        // Where each respondent already is: a roll-out's file of 100,000 codes, new or
        // imported again, must not search the round once per code.
        let mut positions: HashMap<u32, usize> = (self.current_round().responses.iter())
            .enumerate()
            .map(|(at, c)| (c.nonce, at))
            .collect();
        let outcomes = find_codes(text)
            .into_iter()
            .map(|code| {
                let outcome = match decoder.decode(code) {
                    Ok(CodedResponse {
                        nonce,
                        team,
                        response,
                        ..
                    }) => {
                        let team = team.filter(|t| usize::from(*t) < self.team_labels.len());
                        let answers = Answers::of(instrument, &response);
                        let collected = Collected {
                            nonce,
                            team,
                            answers,
                            source: Source::Code,
                        };
                        // Responses are only added or replaced: positions stay right.
                        let next = self.current_round().responses.len();
                        let at = *positions.entry(nonce).or_insert(next);
                        self.collect_at((at < next).then_some(at), collected)
                    }
                    Err(error) => CodeOutcome::Refused(error),
                };
                (code.to_owned(), outcome)
            })
            .collect();
        ImportReport { outcomes }
    }

    /// Per dimension of the current round's questionnaire, the change of the mean over every
    /// shown respondent from the previous round to the current one, on the statements both
    /// rounds' questionnaires share (by id: a changed statement has a new id). Not comparable
    /// where either round has no mean (fewer respondents, or fewer who scored it, than the
    /// minimum). Hidden where the number of people who scored it changed by 1 to minimum − 1:
    /// with one person added, 4 · new − 3 · old would be that person's score. Respondents whose
    /// role is hidden count in neither round, so a trend never reveals what the team report
    /// keeps back.
    pub fn trend(&self, catalogue: &Catalogue) -> Vec<Trend> {
        let current_instrument = catalogue
            .version(&self.current_round().questionnaire)
            .unwrap_or(catalogue.current());
        let none = vec![Trend::NotComparable; current_instrument.dimensions.len()];
        let [.., previous, current] = self.rounds.as_slice() else {
            return none;
        };
        let Some(previous_instrument) = catalogue.version(&previous.questionnaire) else {
            return none;
        };
        current_instrument
            .dimensions
            .iter()
            .map(|dimension| {
                let shared: Vec<&str> = dimension
                    .statements
                    .iter()
                    .map(|s| s.id.as_str())
                    .filter(|id| previous_instrument.statement_index(id).is_some())
                    .collect();
                let before = round_mean(previous_instrument, previous, &shared, self.minimum);
                let now = round_mean(current_instrument, current, &shared, self.minimum);
                match (before, now) {
                    (Some((before, b)), Some((now, n))) => {
                        let difference = b.abs_diff(n);
                        if (1..self.minimum.max(ANONYMITY_FLOOR)).contains(&difference) {
                            Trend::Hidden { difference }
                        } else {
                            Trend::Change(now - before)
                        }
                    }
                    _ => Trend::NotComparable,
                }
            })
            .collect()
    }
}

/// One area's change from the previous round to the current one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Trend {
    /// The change of the mean, in points.
    Change(f64),
    /// A round has no mean here: too few respondents or scorers, or no statement in common.
    NotComparable,
    /// Hidden: this many more (or fewer) people scored it than in the previous round, fewer
    /// than the minimum, so the change would single them out.
    Hidden { difference: usize },
}

impl Trend {
    /// The change, when it may be shown.
    pub fn change(self) -> Option<f64> {
        match self {
            Trend::Change(change) => Some(change),
            _ => None,
        }
    }
}

/// The most team labels a new workshop may have.
pub const MAX_LABELS: usize = 50;
/// The largest anonymity minimum a new workshop may ask for: a role of more people than that
/// would rarely show at all.
pub const MAX_MINIMUM: usize = 50;

/// Why the anonymity minimum typed for a new workshop was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinimumRefused {
    /// Not a whole number.
    NotANumber,
    /// Below [`ANONYMITY_FLOOR`]: someone's answers could be picked out.
    TooLow,
    /// Above [`MAX_MINIMUM`].
    TooHigh,
}

/// Reads the anonymity minimum typed in the create form: a whole number from
/// [`ANONYMITY_FLOOR`] to [`MAX_MINIMUM`].
pub fn parse_minimum(typed: &str) -> Result<usize, MinimumRefused> {
    let minimum: usize = typed
        .trim()
        .parse()
        .map_err(|_| MinimumRefused::NotANumber)?;
    if minimum < ANONYMITY_FLOOR {
        Err(MinimumRefused::TooLow)
    } else if minimum > MAX_MINIMUM {
        Err(MinimumRefused::TooHigh)
    } else {
        Ok(minimum)
    }
}
/// The longest team label of a new workshop, in characters.
pub const MAX_LABEL_CHARS: usize = 40;

/// Why the team labels typed for a new workshop were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelsRefused {
    /// More than [`MAX_LABELS`].
    TooMany,
    /// A label longer than [`MAX_LABEL_CHARS`].
    TooLong,
}

/// Team labels from comma-separated text: trimmed, with empty ones and repeats left out, and
/// refused beyond [`MAX_LABELS`] labels or [`MAX_LABEL_CHARS`] characters.
pub fn parse_team_labels(text: &str) -> Result<Vec<String>, LabelsRefused> {
    let mut labels: Vec<String> = Vec::new();
    for label in text.split(',').map(str::trim).filter(|l| !l.is_empty()) {
        if label.chars().count() > MAX_LABEL_CHARS {
            return Err(LabelsRefused::TooLong);
        }
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_owned());
        }
    }
    if labels.len() > MAX_LABELS {
        return Err(LabelsRefused::TooMany);
    }
    Ok(labels)
}

/// The mean score, over the shown respondents of `round` (answering `instrument`), of the
/// statements `ids`, and how many scored them, when the round reaches `minimum` respondents
/// and `minimum` of them scored.
fn round_mean(
    instrument: &Instrument,
    round: &Round,
    ids: &[&str],
    minimum: usize,
) -> Option<(f64, usize)> {
    if round.responses.len() < minimum || ids.is_empty() {
        return None;
    }
    let indices: Vec<usize> = ids
        .iter()
        .filter_map(|id| instrument.statement_index(id))
        .collect();
    let all: Vec<&Answers> = round.responses.iter().map(|c| &c.answers).collect();
    let scores: Vec<f64> = shown_responses(&all, minimum)
        .iter()
        .filter_map(|answers| {
            let cells = indices
                .iter()
                .map(|i| answers.cells.get(*i).copied().flatten());
            Tally::of(cells).score.value()
        })
        .collect();
    // Like every figure, a round's mean only from `minimum` people who scored it.
    (!scores.is_empty() && scores.len() >= minimum).then(|| (mean(&scores), scores.len()))
}
