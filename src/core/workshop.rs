//! A facilitator's workshop: its settings, its rounds of collected responses, the facts beside
//! the beliefs, and importing response codes. Pure data and rules; the workshop page's screens
//! (`ui::workshop`) call them and store the result.

use serde::{Deserialize, Serialize};

use super::code::{find_codes, CodeError, CodedResponse, Decoder};
use super::instrument::Instrument;
use super::scoring::{mean, Tally};
use super::team::{shown_responses, Answers, ANONYMITY_FLOOR};

/// One respondent's answers as collected in a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collected {
    /// Random per respondent; the same nonce again is the same person.
    pub nonce: u32,
    /// Index into the workshop's team labels.
    pub team: Option<u8>,
    pub answers: Answers,
}

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

    /// The statement whose ratings are the roles' belief about this fact.
    pub fn statement(self) -> &'static str {
        match self {
            Fact::FollowUpHours => "handoff.sales_works_leads",
            Fact::AcceptedShare | Fact::Conversion => "handoff.leads_worth_working",
        }
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
}

/// One collection of answers: a workshop, or the same team again next quarter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    /// When it started, as the facilitator's device gave it (`YYYY-MM-DD`).
    pub started: String,
    pub responses: Vec<Collected>,
    pub facts: Facts,
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
}

impl Workshop {
    /// A new workshop with one empty round started on `today`.
    pub fn new(
        id: u32,
        name: &str,
        team_labels: Vec<String>,
        minimum: usize,
        today: &str,
    ) -> Workshop {
        Workshop {
            id,
            name: name.trim().to_owned(),
            team_labels,
            minimum: minimum.max(ANONYMITY_FLOOR),
            archived: false,
            rounds: vec![Round {
                started: today.to_owned(),
                responses: Vec::new(),
                facts: Facts::default(),
            }],
        }
    }

    /// The round answers are collected into now.
    pub fn current_round(&self) -> &Round {
        self.rounds.last().expect("a workshop always has a round")
    }

    /// Starts a new round of the same workshop (same settings, no answers yet).
    pub fn start_round(&mut self, today: &str) {
        self.rounds.push(Round {
            started: today.to_owned(),
            responses: Vec::new(),
            facts: Facts::default(),
        });
    }

    /// Adds one respondent's answers (from a passed-round device) to the current round.
    pub fn collect(&mut self, collected: Collected) -> CodeOutcome {
        let round = self
            .rounds
            .last_mut()
            .expect("a workshop always has a round");
        match round
            .responses
            .iter_mut()
            .find(|c| c.nonce == collected.nonce)
        {
            Some(existing) if *existing == collected => CodeOutcome::Duplicate,
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
    /// round. Good codes go in, duplicates count once, bad ones are named with their reason
    /// and change nothing.
    pub fn import_codes(&mut self, instrument: &Instrument, text: &str) -> ImportReport {
        let decoder = Decoder::new(instrument, self.id);
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
                        self.collect(Collected {
                            nonce,
                            team,
                            answers,
                        })
                    }
                    Err(error) => CodeOutcome::Refused(error),
                };
                (code.to_owned(), outcome)
            })
            .collect();
        ImportReport { outcomes }
    }

    /// Per dimension, the change of the mean over every shown respondent from the previous
    /// round to the current one; `None` where either round has no mean or fewer respondents
    /// than the minimum. Respondents whose role is hidden count in neither round, so a trend
    /// never reveals what the team report keeps back.
    pub fn trend(&self, instrument: &Instrument) -> Vec<Option<f64>> {
        let [.., previous, current] = self.rounds.as_slice() else {
            return vec![None; instrument.dimensions.len()];
        };
        let before = round_means(instrument, previous, self.minimum);
        let now = round_means(instrument, current, self.minimum);
        before
            .into_iter()
            .zip(now)
            .map(|(b, n)| Some(n? - b?))
            .collect()
    }
}

/// Team labels from comma-separated text: trimmed, with empty ones and repeats left out.
pub fn parse_team_labels(text: &str) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for label in text.split(',').map(str::trim).filter(|l| !l.is_empty()) {
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_owned());
        }
    }
    labels
}

/// Per dimension, the mean score of the shown respondents of `round`, when the round reaches
/// `minimum` respondents.
fn round_means(instrument: &Instrument, round: &Round, minimum: usize) -> Vec<Option<f64>> {
    let all: Vec<&Answers> = round.responses.iter().map(|c| &c.answers).collect();
    let shown = shown_responses(&all, minimum);
    let mut start = 0;
    instrument
        .dimensions
        .iter()
        .map(|dimension| {
            let span = start..start + dimension.statements.len();
            start = span.end;
            if round.responses.len() < minimum {
                return None;
            }
            let scores: Vec<f64> = shown
                .iter()
                .filter_map(|answers| {
                    let cells = answers.cells.get(span.clone())?;
                    Tally::of(cells.iter().copied()).score.value()
                })
                .collect();
            (!scores.is_empty()).then(|| mean(&scores))
        })
        .collect()
}
