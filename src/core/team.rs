//! The team scorecard: where roles see things differently. Pure statistics over many
//! responses, with the anonymity rules applied before any figure leaves this module.
//!
//! Rules (documented in ARCHITECTURE.md, shown to users by the team view):
//! - A respondent's dimension score is their personal score (the same [`Tally`]).
//! - Per group and dimension: the number of respondents with a score, the mean and the spread
//!   (sample standard deviation) of their scores, the average deviation of their ratings on
//!   the 1–5 scale (per statement, the mean distance from the group's mean, averaged over
//!   statements with two or more ratings), and the share of "Can't judge" among their answers.
//! - A role is shown on its own only from `minimum` respondents. Smaller roles are folded
//!   together into "others", shown when that fold reaches the minimum and hidden otherwise.
//!   Team figures are computed from shown groups only, so no subtraction reveals a hidden one.
//! - The gap of a dimension is the highest group mean minus the lowest; a third of the scale
//!   (33.3 points) or more is a blind spot. The alignment index is 100 minus the mean gap.
//! - Average deviation above 0.8 scale points: the group disagrees with itself.
//! - A blame loop: on a mirror pair, each side's group rates its own part at 3.5 or more and
//!   the other side's at 2.5 or less (means on the 1–5 scale).
//! - Cronbach's alpha per dimension from respondents who rated every statement of it, once
//!   there are [`MIN_COMPLETE_FOR_ALPHA`] of them.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::instrument::{DefinitionQuestion, Instrument, MirrorPair};
use super::response::{Answer, Response, Role};
use super::scoring::{mean, side_of, Tally};

/// No role is ever shown from fewer respondents than this, whatever a host asks.
pub const ANONYMITY_FLOOR: usize = 3;
/// A gap of a third of the 0–100 scale or more between groups is a blind spot.
pub const BLIND_SPOT_GAP: f64 = 100.0 / 3.0;
/// Average deviation (1–5 scale points) above which a group disagrees with itself.
pub const DISAGREEMENT_ABOVE: f64 = 0.8;
/// A side rates its own part as working from this mean rating (1–5)…
pub const SELF_WORKING_FROM: f64 = 3.5;
/// …and the other side's part as failing up to this one.
pub const OTHER_FAILING_UP_TO: f64 = 2.5;
/// Complete responses a dimension needs before its alpha is computed.
pub const MIN_COMPLETE_FOR_ALPHA: usize = 10;

/// Who a column of the team scorecard speaks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Role(Role),
    /// Roles too small to show alone, folded together.
    Others,
}

/// One group's figures for one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDimension {
    /// Respondents with a score in this dimension.
    pub scored: usize,
    /// Mean of their dimension scores, 0–100.
    pub mean: Option<f64>,
    /// Sample standard deviation of their dimension scores (two or more scores).
    pub spread: Option<f64>,
    /// Average deviation of ratings on the 1–5 scale.
    pub average_deviation: Option<f64>,
    /// Share (0–1) of "Can't judge" among the group's answers in this dimension.
    pub cant_judge_share: f64,
}

impl GroupDimension {
    /// True when the group's ratings spread more than [`DISAGREEMENT_ABOVE`].
    pub fn disagrees(&self) -> bool {
        self.average_deviation
            .is_some_and(|ad| ad > DISAGREEMENT_ABOVE)
    }
}

/// A shown group and its figures per dimension (instrument order).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    pub group: Group,
    pub respondents: usize,
    pub dimensions: Vec<GroupDimension>,
}

/// Why a role has no column of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// Folded into "others" with other small roles.
    Folded { role: Role, respondents: usize },
    /// Too few even folded together: not shown at all.
    TooFew { role: Role, respondents: usize },
}

/// The spread between groups on one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionGap {
    /// Highest minus lowest group mean; `None` with fewer than two groups to compare.
    pub gap: Option<f64>,
}

impl DimensionGap {
    /// True from [`BLIND_SPOT_GAP`].
    pub fn blind_spot(&self) -> bool {
        self.gap.is_some_and(|gap| gap >= BLIND_SPOT_GAP)
    }
}

/// A mirror pair on which both sides blame the other.
#[derive(Clone, Debug, PartialEq)]
pub struct BlameLoop {
    pub pair_id: String,
    /// Mean ratings (1–5): the first side on its own part and on the other's, then the second.
    pub first_on_self: f64,
    pub first_on_other: f64,
    pub second_on_self: f64,
    pub second_on_other: f64,
}

/// The most common pick of each shown group for one definitions question.
#[derive(Clone, Debug, PartialEq)]
pub struct DefinitionPicks {
    pub question_id: String,
    /// Per shown group that answered: its most common option and that option's share (0–1).
    pub picks: Vec<(Group, String, f64)>,
}

impl DefinitionPicks {
    /// True when the groups' most common picks differ.
    pub fn mismatch(&self) -> bool {
        self.picks.windows(2).any(|w| w[0].1 != w[1].1)
    }
}

/// How consistently a dimension's statements measure one thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Reliability {
    /// Respondents who rated every statement of the dimension.
    pub complete: usize,
    /// Cronbach's alpha, once there are enough complete responses and any variance.
    pub alpha: Option<f64>,
}

/// A plain reading of Cronbach's alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlphaReading {
    /// 0.7 or more.
    Consistent,
    /// 0.5 to below 0.7.
    Questionable,
    /// Below 0.5.
    Inconsistent,
}

impl AlphaReading {
    /// The reading of `alpha`.
    pub fn of(alpha: f64) -> AlphaReading {
        if alpha >= 0.7 {
            AlphaReading::Consistent
        } else if alpha >= 0.5 {
            AlphaReading::Questionable
        } else {
            AlphaReading::Inconsistent
        }
    }
}

/// The team scorecard of a set of responses.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamScorecard {
    pub respondents: usize,
    pub groups: Vec<GroupResult>,
    pub hidden: Vec<Hidden>,
    /// Per dimension, instrument order.
    pub gaps: Vec<DimensionGap>,
    /// 100 minus the mean gap, over dimensions with a gap.
    pub alignment: Option<f64>,
    pub blame_loops: Vec<BlameLoop>,
    pub definitions: Vec<DefinitionPicks>,
    /// Per dimension, instrument order.
    pub reliability: Vec<Reliability>,
}

impl TeamScorecard {
    /// Computes the team scorecard; `minimum` is raised to [`ANONYMITY_FLOOR`] if lower.
    pub fn of(instrument: &Instrument, responses: &[&Answers], minimum: usize) -> TeamScorecard {
        let minimum = minimum.max(ANONYMITY_FLOOR);
        let layout = Layout::of(instrument);
        let (members, hidden) = shown_groups(responses, minimum);
        let mut alpha_sums: Vec<AlphaSums> =
            layout.spans.iter().map(|_| AlphaSums::default()).collect();
        let groups: Vec<GroupResult> = members
            .iter()
            .map(|(group, members)| GroupResult {
                group: *group,
                respondents: members.len(),
                dimensions: layout
                    .spans
                    .iter()
                    .zip(alpha_sums.iter_mut())
                    .map(|(span, alpha)| group_dimension(span.clone(), members, alpha))
                    .collect(),
            })
            .collect();
        let gaps: Vec<DimensionGap> = (0..instrument.dimensions.len())
            .map(|i| {
                let means: Vec<f64> = groups.iter().filter_map(|g| g.dimensions[i].mean).collect();
                DimensionGap {
                    gap: (means.len() >= 2).then(|| {
                        let max = means.iter().copied().fold(f64::MIN, f64::max);
                        let min = means.iter().copied().fold(f64::MAX, f64::min);
                        max - min
                    }),
                }
            })
            .collect();
        let known_gaps: Vec<f64> = gaps.iter().filter_map(|g| g.gap).collect();
        let alignment = (!known_gaps.is_empty()).then(|| 100.0 - mean(&known_gaps));
        TeamScorecard {
            respondents: responses.len(),
            blame_loops: instrument
                .mirror_pairs
                .iter()
                .filter_map(|pair| blame_loop(pair, &layout, &members))
                .collect(),
            definitions: instrument
                .definitions
                .iter()
                .enumerate()
                .map(|(index, question)| DefinitionPicks {
                    question_id: question.id.clone(),
                    picks: members
                        .iter()
                        .filter_map(|(group, members)| {
                            most_common_pick(question, index, members).map(|(o, s)| (*group, o, s))
                        })
                        .collect(),
                })
                .collect(),
            reliability: layout
                .spans
                .iter()
                .zip(&alpha_sums)
                .map(|(span, sums)| sums.reliability(span.len()))
                .collect(),
            groups,
            hidden,
            gaps,
            alignment,
        }
    }
}

/// One respondent's answers laid out for team statistics: a cell per statement in instrument
/// order and a pick (option index) per definitions question. Workshops keep responses in this
/// form, so a team scorecard of 10,000 responses reads arrays instead of looking up ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    pub role: Role,
    /// One per statement, instrument order; `None` where unanswered.
    pub cells: Vec<Option<Answer>>,
    /// One per definitions question; the index of the picked option.
    pub picks: Vec<Option<u8>>,
}

impl Answers {
    /// Lays out `response` (a missing role counts as "Other"); answers to statements the
    /// instrument lacks are left out.
    pub fn of(instrument: &Instrument, response: &Response) -> Answers {
        Answers {
            role: response.role.unwrap_or(Role::Other),
            cells: instrument
                .statements()
                .map(|s| response.answer(&s.id))
                .collect(),
            picks: instrument
                .definitions
                .iter()
                .map(|q| {
                    let picked = response.definitions.get(&q.id)?;
                    q.options
                        .iter()
                        .position(|o| &o.id == picked)
                        .map(|i| i as u8)
                })
                .collect(),
        }
    }

    /// The response these answers came from.
    pub fn to_response(&self, instrument: &Instrument) -> Response {
        let mut response = Response {
            role: Some(self.role),
            ..Response::default()
        };
        for (statement, cell) in instrument.statements().zip(&self.cells) {
            if let Some(answer) = cell {
                response.answers.insert(statement.id.clone(), *answer);
            }
        }
        for (question, pick) in instrument.definitions.iter().zip(&self.picks) {
            if let Some(option) = pick.and_then(|i| question.options.get(usize::from(i))) {
                response
                    .definitions
                    .insert(question.id.clone(), option.id.clone());
            }
        }
        response
    }

    /// The rating (1–5) at `index`, if the statement was rated.
    fn rating(&self, index: usize) -> Option<f64> {
        match self.cells.get(index) {
            Some(Some(Answer::Agreement(level))) => Some(f64::from(*level)),
            _ => None,
        }
    }
}

/// Each dimension's span of statement indices, and where each statement sits.
struct Layout<'a> {
    instrument: &'a Instrument,
    spans: Vec<Range<usize>>,
}

impl<'a> Layout<'a> {
    fn of(instrument: &'a Instrument) -> Layout<'a> {
        let mut start = 0;
        let spans = instrument
            .dimensions
            .iter()
            .map(|d| {
                start += d.statements.len();
                start - d.statements.len()..start
            })
            .collect();
        Layout { instrument, spans }
    }

    /// The index of `statement`, if the instrument has it.
    fn index_of(&self, statement: &str) -> Option<usize> {
        self.instrument.statements().position(|s| s.id == statement)
    }
}

/// Rows split into shown groups and what was folded or hidden; see [`shown_groups`].
type Members<'a> = Vec<(Group, Vec<&'a Answers>)>;

/// Splits rows into shown groups (roles at or above `minimum`, then "others" when the small
/// roles together reach it) and says what was folded or hidden.
fn shown_groups<'a>(rows: &[&'a Answers], minimum: usize) -> (Members<'a>, Vec<Hidden>) {
    let mut shown = Vec::new();
    let mut small: Vec<(Role, Vec<&Answers>)> = Vec::new();
    for role in Role::ALL {
        let members: Vec<&Answers> = rows.iter().copied().filter(|r| r.role == role).collect();
        if members.len() >= minimum {
            shown.push((Group::Role(role), members));
        } else if !members.is_empty() {
            small.push((role, members));
        }
    }
    let folded: Vec<&Answers> = small.iter().flat_map(|(_, m)| m.iter().copied()).collect();
    let fold = folded.len() >= minimum;
    let hidden = small
        .iter()
        .map(|(role, members)| {
            let (role, respondents) = (*role, members.len());
            if fold {
                Hidden::Folded { role, respondents }
            } else {
                Hidden::TooFew { role, respondents }
            }
        })
        .collect();
    if fold {
        shown.push((Group::Others, folded));
    }
    (shown, hidden)
}

/// One group's figures for the dimension whose statements are at `span`, in one pass over
/// its members' cells: per-member tallies, per-level counts for the average deviation, and
/// the complete rows added to `alpha`. No ratings are copied, so 10,000 responses stay fast.
fn group_dimension(
    span: Range<usize>,
    members: &[&Answers],
    alpha: &mut AlphaSums,
) -> GroupDimension {
    let k = span.len();
    // Per statement, how many members gave each level, 1 to 5.
    let mut counts = vec![[0u32; 5]; k];
    let (mut scored, mut sum, mut squares, mut answered, mut cant_judge) = (0usize, 0.0, 0.0, 0, 0);
    for member in members {
        let Some(cells) = member.cells.get(span.clone()) else {
            continue;
        };
        let (mut rated, mut level_sum, mut unsure) = (0, 0, 0);
        for (cell, levels) in cells.iter().zip(counts.iter_mut()) {
            match cell {
                Some(Answer::Agreement(level)) => {
                    if let Some(count) = levels.get_mut(usize::from(*level).wrapping_sub(1)) {
                        *count += 1;
                        rated += 1;
                        level_sum += u32::from(*level);
                    }
                }
                Some(Answer::CantJudge) => unsure += 1,
                None => {}
            }
        }
        answered += rated + unsure;
        cant_judge += unsure;
        if let Some(score) = Tally::from_counts(rated, level_sum, unsure, k - rated - unsure)
            .score
            .value()
        {
            scored += 1;
            sum += score;
            squares += score * score;
        }
        if rated == k {
            alpha.add(cells);
        }
    }
    let deviations: Vec<f64> = counts
        .iter()
        .filter_map(|levels| {
            let rated: u32 = levels.iter().sum();
            (rated >= 2).then(|| {
                let weighted = (1..=5).map(f64::from).zip(levels.map(f64::from));
                let centre =
                    weighted.clone().map(|(level, n)| level * n).sum::<f64>() / f64::from(rated);
                weighted
                    .map(|(level, n)| (level - centre).abs() * n)
                    .sum::<f64>()
                    / f64::from(rated)
            })
        })
        .collect();
    let n = scored as f64;
    GroupDimension {
        scored,
        mean: (scored > 0).then(|| sum / n),
        // Sample standard deviation from the sums (clamped: rounding can dip below zero).
        spread: (scored >= 2).then(|| ((squares - sum * sum / n) / (n - 1.0)).max(0.0).sqrt()),
        average_deviation: (!deviations.is_empty()).then(|| mean(&deviations)),
        cant_judge_share: if answered == 0 {
            0.0
        } else {
            cant_judge as f64 / answered as f64
        },
    }
}

/// The mean rating (1–5) of the statement at `index` among `members`, if any rated it.
fn mean_rating(index: usize, members: &[&Answers]) -> Option<f64> {
    let ratings: Vec<f64> = members.iter().filter_map(|r| r.rating(index)).collect();
    (!ratings.is_empty()).then(|| mean(&ratings))
}

/// The blame loop on `pair`, when both sides' groups are shown and blame each other.
fn blame_loop(pair: &MirrorPair, layout: &Layout, groups: &Members) -> Option<BlameLoop> {
    let members_of = |side| {
        groups
            .iter()
            .find(|(group, _)| matches!(group, Group::Role(role) if side_of(*role) == Some(side)))
            .map(|(_, members)| members.as_slice())
    };
    let first = members_of(pair.first.side)?;
    let second = members_of(pair.second.side)?;
    let (a, b) = (
        layout.index_of(&pair.first.statement)?,
        layout.index_of(&pair.second.statement)?,
    );
    let found = BlameLoop {
        pair_id: pair.id.clone(),
        first_on_self: mean_rating(a, first)?,
        first_on_other: mean_rating(b, first)?,
        second_on_self: mean_rating(b, second)?,
        second_on_other: mean_rating(a, second)?,
    };
    let blames = |own: f64, other: f64| own >= SELF_WORKING_FROM && other <= OTHER_FAILING_UP_TO;
    (blames(found.first_on_self, found.first_on_other)
        && blames(found.second_on_self, found.second_on_other))
    .then_some(found)
}

/// The option most members picked for `question` (ties go to the earlier option), with its
/// share among the members who answered.
fn most_common_pick(
    question: &DefinitionQuestion,
    index: usize,
    members: &[&Answers],
) -> Option<(String, f64)> {
    let mut counts = vec![0usize; question.options.len()];
    let mut answered = 0;
    for pick in members
        .iter()
        .filter_map(|r| r.picks.get(index).copied().flatten())
    {
        if let Some(count) = counts.get_mut(usize::from(pick)) {
            *count += 1;
            answered += 1;
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for (option, count) in counts.into_iter().enumerate() {
        if count > best.map_or(0, |(_, c)| c) {
            best = Some((option, count));
        }
    }
    best.map(|(option, count)| {
        (
            question.options[option].id.clone(),
            count as f64 / answered as f64,
        )
    })
}

/// The most statements a dimension may have for its alpha to be computed.
const MAX_ITEMS_FOR_ALPHA: usize = 16;

/// Running sums for Cronbach's alpha of one dimension, over the rows that rated all its
/// statements. Dimensions of more than [`MAX_ITEMS_FOR_ALPHA`] statements get no alpha.
#[derive(Default)]
struct AlphaSums {
    complete: usize,
    sums: [f64; MAX_ITEMS_FOR_ALPHA],
    squares: [f64; MAX_ITEMS_FOR_ALPHA],
    total: f64,
    total_squares: f64,
}

impl AlphaSums {
    /// Adds one complete row (every cell rated).
    fn add(&mut self, cells: &[Option<Answer>]) {
        self.complete += 1;
        let mut row_total = 0.0;
        for (i, cell) in cells.iter().enumerate().take(MAX_ITEMS_FOR_ALPHA) {
            if let Some(Answer::Agreement(level)) = cell {
                let level = f64::from(*level);
                row_total += level;
                self.sums[i] += level;
                self.squares[i] += level * level;
            }
        }
        self.total += row_total;
        self.total_squares += row_total * row_total;
    }

    /// Alpha for `k` statements: k / (k − 1) × (1 − Σ item variances / variance of totals).
    fn reliability(&self, k: usize) -> Reliability {
        let n = self.complete as f64;
        let variance = |sum: f64, squares: f64| (squares - sum * sum / n) / (n - 1.0);
        let alpha = (self.complete >= MIN_COMPLETE_FOR_ALPHA
            && (2..=MAX_ITEMS_FOR_ALPHA).contains(&k))
        .then(|| {
            let items: f64 = (0..k)
                .map(|i| variance(self.sums[i], self.squares[i]))
                .sum();
            let totals = variance(self.total, self.total_squares);
            (totals > 0.0).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - items / totals))
        })
        .flatten();
        Reliability {
            complete: self.complete,
            alpha,
        }
    }
}

/// Per shown group (anonymity applied as in [`TeamScorecard::of`]), the mean rating (1–5) of
/// the statement at `statement` (its index in instrument order), and how many rated it.
pub fn statement_beliefs(
    responses: &[&Answers],
    minimum: usize,
    statement: usize,
) -> Vec<(Group, Option<f64>, usize)> {
    let (members, _) = shown_groups(responses, minimum.max(ANONYMITY_FLOOR));
    members
        .iter()
        .map(|(group, members)| {
            let rated = members.iter().filter(|a| a.rating(statement).is_some());
            (*group, mean_rating(statement, members), rated.count())
        })
        .collect()
}

/// Whether a team-label filter may be shown: the filtered group and what is left outside it
/// must each be empty or reach `minimum`, or one could subtract the filtered view from the
/// whole (or from another filter) and single out a few people.
pub fn filter_allowed(total: usize, in_filter: usize, minimum: usize) -> bool {
    let minimum = minimum.max(ANONYMITY_FLOOR);
    let outside = total.saturating_sub(in_filter);
    in_filter >= minimum && (outside == 0 || outside >= minimum)
}

/// Whether the view of a team label's responses (`inside`, references into `all`, the whole
/// round) may be shown beside the whole. Besides [`filter_allowed`] on the totals, every group
/// shown in both views must leave nobody or at least `minimum` people of it outside the
/// filter: otherwise subtracting the group's figures in the filtered view from its figures in
/// the whole would single those few out.
pub fn team_filter_allowed(all: &[&Answers], inside: &[&Answers], minimum: usize) -> bool {
    let minimum = minimum.max(ANONYMITY_FLOOR);
    if !filter_allowed(all.len(), inside.len(), minimum) {
        return false;
    }
    let (whole, _) = shown_groups(all, minimum);
    let (filtered, _) = shown_groups(inside, minimum);
    filtered.iter().all(|(group, members)| {
        let Some((_, everyone)) = whole.iter().find(|(g, _)| g == group) else {
            return true;
        };
        let outside = everyone
            .iter()
            .filter(|a| !members.iter().any(|m| std::ptr::eq(*m, **a)))
            .count();
        outside == 0 || outside >= minimum
    })
}

/// The responses whose group is shown under `minimum` (folded ones included, hidden ones
/// left out): what any figure across groups may be computed from.
pub fn shown_responses<'a>(rows: &[&'a Answers], minimum: usize) -> Vec<&'a Answers> {
    let (members, _) = shown_groups(rows, minimum.max(ANONYMITY_FLOOR));
    members.into_iter().flat_map(|(_, m)| m).collect()
}

/// Severity of a blame loop: the articles' defining dysfunction ranks near the top.
pub const BLAME_LOOP_SEVERITY: f64 = 90.0;
/// Severity of roles meaning different things by the same word.
pub const DEFINITIONS_SEVERITY: f64 = 60.0;
/// A team mean below this (Siloed) is a finding even when the roles agree.
pub const LOW_SCORE_BELOW: f64 = 40.0;
/// Severity per point of average deviation when a group disagrees with itself.
pub const DISAGREEMENT_SEVERITY_PER_POINT: f64 = 40.0;

/// What a finding is about.
#[derive(Clone, Debug, PartialEq)]
pub enum FindingKind {
    /// Roles see a dimension a third of the scale or more apart.
    BlindSpot { gap: f64 },
    /// The shown groups together rate a dimension as siloed.
    LowScore { mean: f64 },
    /// A group's own ratings spread widely.
    Disagreement {
        group: Group,
        average_deviation: f64,
    },
    /// Each side blames the other on a mirror pair.
    BlameLoop { pair_id: String },
    /// Roles' most common definitions differ.
    DefinitionsMismatch { question_id: String },
}

/// One misalignment, ranked, with the dimension whose explanation, plays and questions apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    /// Index of the dimension in the instrument.
    pub dimension: usize,
    /// Higher is more urgent: blame loop 90; blind spot its gap (33–100); low score 100 minus
    /// the team mean (above 60); definitions mismatch 60; disagreement 40 per point of
    /// average deviation (above 32).
    pub severity: f64,
}

impl TeamScorecard {
    /// Every finding, most severe first (ties keep the order found: dimensions in instrument
    /// order, then blame loops, then definitions).
    pub fn diagnosis(&self, instrument: &Instrument) -> Vec<Finding> {
        let mut found = Vec::new();
        for (i, gap) in self.gaps.iter().enumerate() {
            if let Some(gap) = gap.gap.filter(|_| gap.blind_spot()) {
                found.push(Finding {
                    kind: FindingKind::BlindSpot { gap },
                    dimension: i,
                    severity: gap,
                });
            }
            let means: Vec<f64> = self
                .groups
                .iter()
                .filter_map(|g| g.dimensions[i].mean)
                .collect();
            if !means.is_empty() && mean(&means) < LOW_SCORE_BELOW {
                let team_mean = mean(&means);
                found.push(Finding {
                    kind: FindingKind::LowScore { mean: team_mean },
                    dimension: i,
                    severity: 100.0 - team_mean,
                });
            }
            for group in &self.groups {
                let figures = &group.dimensions[i];
                if let (true, Some(ad)) = (figures.disagrees(), figures.average_deviation) {
                    found.push(Finding {
                        kind: FindingKind::Disagreement {
                            group: group.group,
                            average_deviation: ad,
                        },
                        dimension: i,
                        severity: ad * DISAGREEMENT_SEVERITY_PER_POINT,
                    });
                }
            }
        }
        let dimension_of = |statement: &str| {
            instrument
                .dimensions
                .iter()
                .position(|d| d.statements.iter().any(|s| s.id == statement))
                .unwrap_or(0)
        };
        for blame in &self.blame_loops {
            if let Some(pair) = instrument.mirror_pair(&blame.pair_id) {
                found.push(Finding {
                    kind: FindingKind::BlameLoop {
                        pair_id: blame.pair_id.clone(),
                    },
                    dimension: dimension_of(&pair.first.statement),
                    severity: BLAME_LOOP_SEVERITY,
                });
            }
        }
        let language = instrument
            .dimensions
            .iter()
            .position(|d| d.id == "language")
            .unwrap_or(0);
        for picks in self.definitions.iter().filter(|p| p.mismatch()) {
            found.push(Finding {
                kind: FindingKind::DefinitionsMismatch {
                    question_id: picks.question_id.clone(),
                },
                dimension: language,
                severity: DEFINITIONS_SEVERITY,
            });
        }
        // A stable insertion by severity: lists are short, and no sort routine reaches the wasm.
        let mut ranked: Vec<Finding> = Vec::with_capacity(found.len());
        for finding in found {
            let at = ranked
                .iter()
                .position(|r| r.severity < finding.severity)
                .unwrap_or(ranked.len());
            ranked.insert(at, finding);
        }
        ranked
    }
}
