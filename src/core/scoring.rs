//! Turns one response into a personal scorecard: a 0–100 score and a maturity stage per
//! dimension, an overall index, the weakest dimensions and the one-sided mirror pairs.
//!
//! Rules (documented in ARCHITECTURE.md and shown to users):
//! - An agreement answer maps linearly to 0–100: 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100.
//! - "Can't judge" is counted but never scored.
//! - A dimension's score is the mean of its scored answers, or "not enough answers" when fewer
//!   than [`MIN_SCORED_PER_DIMENSION`] of its statements were scored (fewer suffice when
//!   "Not applicable" leaves fewer statements that apply, but never none).
//! - The overall index is the mean of the dimension scores (each dimension weighs the same),
//!   given only when at least half the dimensions have a score.

use serde::Serialize;

use super::instrument::{Dimension, Instrument, MirrorPair, Side};
use super::response::{mean_points, Answer, Response, Role};

/// Fewest scored statements that give a dimension a score.
pub const MIN_SCORED_PER_DIMENSION: usize = 2;
/// A rating at or above this (on the 1–5 scale) counts as seeing something as working.
pub const AGREES_FROM: u8 = 4;
/// A rating at or below this counts as seeing something as not working.
pub const DISAGREES_UP_TO: u8 = 2;

/// A dimension's score, or the honest statement that there is none.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Score {
    Scored(f64),
    NotEnoughAnswers,
}

impl Score {
    /// The number, if there is one.
    pub fn value(self) -> Option<f64> {
        match self {
            Score::Scored(value) => Some(value),
            Score::NotEnoughAnswers => None,
        }
    }

    /// The number rounded to a whole point, as shown to people.
    pub fn whole(self) -> Option<u32> {
        self.value().map(|value| value.round() as u32)
    }
}

/// Four named maturity stages from siloed to integrated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Below 40: the functions work apart and often against each other.
    Siloed,
    /// 40 to below 60: some shared habits, but they depend on goodwill.
    Connected,
    /// 60 to below 80: shared practice that mostly holds.
    Aligned,
    /// 80 and above: one revenue team in practice.
    Integrated,
}

impl Stage {
    /// Every stage, lowest first.
    pub const ALL: [Stage; 4] = [
        Stage::Siloed,
        Stage::Connected,
        Stage::Aligned,
        Stage::Integrated,
    ];

    /// Lowest score of each stage, in the order of [`Stage::ALL`].
    pub const LOWER_BOUNDS: [f64; 4] = [0.0, 40.0, 60.0, 80.0];

    /// A stable lower-case name, for CSS classes and files.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Siloed => "siloed",
            Stage::Connected => "connected",
            Stage::Aligned => "aligned",
            Stage::Integrated => "integrated",
        }
    }

    /// The stage a 0–100 score falls into, read from the score rounded to a whole point (as
    /// it is shown), so a 59.6 shown as "60" is Aligned like every other 60.
    pub fn of(score: f64) -> Stage {
        let shown = score.round();
        Stage::ALL
            .into_iter()
            .zip(Stage::LOWER_BOUNDS)
            .rev()
            .find(|(_, lower)| shown >= *lower)
            .map_or(Stage::Siloed, |(stage, _)| stage)
    }
}

/// How one respondent's answers add up in one dimension.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionResult {
    pub dimension_id: String,
    /// Statements answered on the agreement scale.
    pub scored: usize,
    /// Statements answered "Can't judge".
    pub cant_judge: usize,
    /// Statements not answered at all.
    pub unanswered: usize,
    pub score: Score,
}

/// The answers to one dimension's statements counted, and the score they give. The one place
/// the scoring rule lives: personal and team scorecards both use it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tally {
    pub scored: usize,
    pub cant_judge: usize,
    pub unanswered: usize,
    /// Statements whose practice does not exist here.
    pub not_applicable: usize,
    pub score: Score,
}

impl Tally {
    /// Tallies the answers (`None`: unanswered) to a dimension's statements. A score needs
    /// [`MIN_SCORED_PER_DIMENSION`] scored answers, or every applicable statement scored
    /// where fewer apply ("Not applicable" takes a statement out, a missing view does not).
    pub fn of(answers: impl IntoIterator<Item = Option<Answer>>) -> Tally {
        let (mut scored, mut level_sum, mut cant_judge, mut unanswered) = (0, 0, 0, 0);
        let mut not_applicable = 0;
        for answer in answers {
            match answer {
                Some(Answer::Agreement(level)) => {
                    scored += 1;
                    level_sum += u32::from(level);
                }
                Some(Answer::CantJudge) => cant_judge += 1,
                // The practice does not exist here: neither a score nor a missing view.
                Some(Answer::NotApplicable) => not_applicable += 1,
                None => unanswered += 1,
            }
        }
        let applicable = scored + cant_judge + unanswered;
        let needed = MIN_SCORED_PER_DIMENSION.min(applicable).max(1);
        let score = if scored >= needed {
            Score::Scored(mean_points(level_sum, scored as u32))
        } else {
            Score::NotEnoughAnswers
        };
        Tally {
            scored,
            cant_judge,
            unanswered,
            not_applicable,
            score,
        }
    }
}

impl DimensionResult {
    /// Scores one dimension of `response`.
    pub fn of(dimension: &Dimension, response: &Response) -> DimensionResult {
        let tally = Tally::of(dimension.statements.iter().map(|s| response.answer(&s.id)));
        DimensionResult {
            dimension_id: dimension.id.clone(),
            scored: tally.scored,
            cant_judge: tally.cant_judge,
            unanswered: tally.unanswered,
            score: tally.score,
        }
    }

    /// The stage of this dimension, when it has a score.
    pub fn stage(&self) -> Option<Stage> {
        self.score.value().map(Stage::of)
    }
}

/// One respondent's scorecard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scorecard {
    /// One result per dimension, in instrument order.
    pub dimensions: Vec<DimensionResult>,
    /// Mean of the dimension scores, when at least half the dimensions have one.
    pub overall: Score,
}

impl Scorecard {
    /// Scores `response` against `instrument`. Answers to statements the instrument does not
    /// have are kept in the response but ignored here.
    pub fn personal(instrument: &Instrument, response: &Response) -> Scorecard {
        let dimensions: Vec<DimensionResult> = instrument
            .dimensions
            .iter()
            .map(|d| DimensionResult::of(d, response))
            .collect();
        let scores: Vec<f64> = dimensions.iter().filter_map(|d| d.score.value()).collect();
        let overall = if !scores.is_empty() && scores.len() * 2 >= dimensions.len() {
            Score::Scored(mean(&scores))
        } else {
            Score::NotEnoughAnswers
        };
        Scorecard {
            dimensions,
            overall,
        }
    }

    /// The overall stage, when there is an overall index.
    pub fn stage(&self) -> Option<Stage> {
        self.overall.value().map(Stage::of)
    }

    /// Up to `limit` scored dimensions, lowest score first (ties keep instrument order).
    pub fn weakest(&self, limit: usize) -> Vec<&DimensionResult> {
        // A selection, not a sort: a dozen dimensions, and no sort routine in the wasm.
        let mut chosen: Vec<&DimensionResult> = Vec::new();
        while chosen.len() < limit {
            let next = self
                .dimensions
                .iter()
                .filter(|d| !chosen.iter().any(|c| std::ptr::eq(*c, *d)))
                .filter_map(|d| d.score.value().map(|v| (v, d)))
                .fold(
                    None,
                    |lowest: Option<(f64, &DimensionResult)>, (v, d)| match lowest {
                        Some((low, _)) if low <= v => lowest,
                        _ => Some((v, d)),
                    },
                );
            match next {
                Some((_, d)) => chosen.push(d),
                None => break,
            }
        }
        chosen
    }
}

/// The side a role speaks for in mirror pairs; `Other` speaks for none.
pub fn side_of(role: Role) -> Option<Side> {
    match role {
        Role::Sales => Some(Side::Sales),
        Role::Marketing => Some(Side::Marketing),
        Role::Leadership => Some(Side::Leadership),
        Role::Other => None,
    }
}

/// Mirror pairs in which this respondent rates their own side's part as working and the other
/// side's as not: one half of a possible blame loop, worth checking against the other side.
pub fn one_sided_pairs<'a>(instrument: &'a Instrument, response: &Response) -> Vec<&'a MirrorPair> {
    let Some(own_side) = response.role.and_then(side_of) else {
        return Vec::new();
    };
    let level = |statement: &str| response.answer(statement).and_then(Answer::level);
    instrument
        .mirror_pairs
        .iter()
        .filter(|pair| {
            let (own, other) = if pair.first.side == own_side {
                (&pair.first, &pair.second)
            } else if pair.second.side == own_side {
                (&pair.second, &pair.first)
            } else {
                return false;
            };
            matches!(
                (level(&own.statement), level(&other.statement)),
                (Some(o), Some(t)) if o >= AGREES_FROM && t <= DISAGREES_UP_TO
            )
        })
        .collect()
}

/// Arithmetic mean of a non-empty slice.
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// `value` with `places` decimals (0–3), by integer arithmetic: the wasm carries no float
/// formatting.
pub fn decimal(value: f64, places: u32) -> String {
    let scale = 10i64.pow(places.min(3));
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, fraction) = (scaled.abs() / scale, scaled.abs() % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{fraction:0width$}",
            width = places.min(3) as usize
        )
    }
}
