//! The team scorecard: where roles see things differently. Pure statistics over many
//! responses, with the anonymity rules applied before any figure leaves this module.
//!
//! Rules (documented in ARCHITECTURE.md, shown to users in the team report's notes):
//! - A respondent's dimension score is their personal score (the same [`Tally`]).
//! - Groups: a role is shown on its own from `minimum` respondents. Smaller roles are folded
//!   together into "others", shown when that fold reaches the minimum and hidden otherwise.
//!   Team figures are computed from shown groups only, so no subtraction reveals a hidden one.
//! - Every figure of a group (a dimension's mean, a statement's mean, a blame-loop side, a
//!   choice distribution) is shown only when at least `minimum` members actually *scored* it:
//!   "Can't judge", "Not applicable" and skipped answers do not count towards the minimum.
//! - Per group and statement: raters, mean rating (1–5, shown as 0–100 points), average
//!   deviation, "Can't judge" and "Not applicable" counts. The statement gap is the highest
//!   group's points minus the lowest's; a third of the scale (33.3 points) or more is a blind
//!   spot. The same per dimension, on the groups' dimension means.
//! - Opposite views: within one dimension, one group rates some statements a blind spot
//!   higher than another group and other statements a blind spot lower. The dimension's means
//!   may match, the finding stands.
//! - The alignment index is 100 minus the cubic mean of the statement gaps
//!   (`(Σ gap³ / n)^(1/3)`): every gap lowers it, and large gaps weigh far more than many
//!   small ones. The level (how well things go) is shown beside it, never mixed in: the mean
//!   over dimensions of the shown groups' means.
//! - Average deviation above 0.8 scale points: the group disagrees with itself.
//! - A blame loop: on a mirror pair, each side's group rates its own part at 3.5 or more and
//!   the other side's at 2.5 or less (means on the 1–5 scale).
//! - Choice questions: each group's picks form a distribution over the options ("I don't
//!   know" left out). Two groups mismatch when the total variation distance between their
//!   distributions (half the sum of the absolute differences of the shares) is 0.5 or more.
//!   A third or more of all known picks on a `none` option (no definition, nobody) is a finding
//!   of its own, even when every group agrees.
//! - Cronbach's alpha per dimension, pairwise: item variances from everyone who rated the
//!   item, covariances from everyone who rated both items of a pair, once every pair has
//!   [`MIN_PAIRWISE_FOR_ALPHA`] such people. Not computed for checklist dimensions.

use std::ops::Range;

use serde::Deserialize;

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
/// People who rated both statements of every pair a dimension needs before its alpha is
/// computed: fewer give an alpha that swings with one answer.
pub const MIN_PAIRWISE_FOR_ALPHA: usize = 10;
/// Total variation distance from which two groups' picks on a choice question mismatch.
pub const MISMATCH_DISTANCE: f64 = 0.5;
/// Share of known picks on a `none` option from which that is a finding.
pub const NONE_SHARE_FROM: f64 = 1.0 / 3.0;

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
    /// Mean of their dimension scores, 0–100; `None` below the anonymity minimum of scorers.
    pub mean: Option<f64>,
    /// Sample standard deviation of their dimension scores (from the minimum of scorers).
    pub spread: Option<f64>,
    /// Average deviation of ratings on the 1–5 scale (from the minimum of scorers).
    pub average_deviation: Option<f64>,
    /// Share (0–1) of "Can't judge" among the group's answers in this dimension; `None`
    /// when fewer than the minimum of its members answered any of its statements.
    pub cant_judge_share: Option<f64>,
}

impl GroupDimension {
    /// True when the group's ratings spread more than [`DISAGREEMENT_ABOVE`].
    pub fn disagrees(&self) -> bool {
        self.average_deviation
            .is_some_and(|ad| ad > DISAGREEMENT_ABOVE)
    }
}

/// One group's figures for one statement.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupStatement {
    /// Members who rated it on the agreement scale.
    pub rated: usize,
    /// Members who answered "Can't judge".
    pub cant_judge: usize,
    /// Members who answered "Not applicable".
    pub not_applicable: usize,
    /// Mean rating (1–5); `None` below the anonymity minimum of raters.
    pub mean: Option<f64>,
    /// Average deviation from that mean (1–5 scale), with the mean.
    pub average_deviation: Option<f64>,
}

impl GroupStatement {
    /// The mean on the 0–100 scale.
    pub fn points(&self) -> Option<f64> {
        self.mean.map(|m| (m - 1.0) * 25.0)
    }

    /// Share (0–1) of "Can't judge" among the members who rated it or could not judge it
    /// ("Not applicable" left out, as in a dimension's share); `None` when fewer than
    /// `minimum` did, so a share never describes one or two people.
    pub fn cant_judge_share(&self, minimum: usize) -> Option<f64> {
        let answered = self.rated + self.cant_judge;
        (answered > 0 && answered >= minimum).then(|| self.cant_judge as f64 / answered as f64)
    }
}

/// A shown group and its figures per dimension and per statement (instrument order).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    pub group: Group,
    pub respondents: usize,
    pub dimensions: Vec<GroupDimension>,
    pub statements: Vec<GroupStatement>,
}

/// Why a role has no column of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// Folded into "others" with other small roles.
    Folded { role: Role, respondents: usize },
    /// Too few even folded together: not shown at all.
    TooFew { role: Role, respondents: usize },
}

/// The spread between groups on one dimension or one statement, in points (0–100).
#[derive(Clone, Debug, PartialEq)]
pub struct Gap {
    /// Highest minus lowest group figure; `None` with fewer than two groups to compare.
    pub gap: Option<f64>,
    /// The group with the highest figure and the one with the lowest, when there is a gap.
    pub high: Option<Group>,
    pub low: Option<Group>,
}

impl Gap {
    /// The gap between the highest and the lowest of `figures`.
    fn of(figures: impl Iterator<Item = (Group, Option<f64>)>) -> Gap {
        let mut high: Option<(Group, f64)> = None;
        let mut low: Option<(Group, f64)> = None;
        let mut count = 0;
        for (group, value) in figures.filter_map(|(g, v)| Some((g, v?))) {
            count += 1;
            if high.is_none_or(|(_, h)| value > h) {
                high = Some((group, value));
            }
            if low.is_none_or(|(_, l)| value < l) {
                low = Some((group, value));
            }
        }
        match (high, low) {
            (Some((h, hv)), Some((l, lv))) if count >= 2 => Gap {
                gap: Some(hv - lv),
                high: Some(h),
                low: Some(l),
            },
            _ => Gap {
                gap: None,
                high: None,
                low: None,
            },
        }
    }

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

/// One group's picks on a choice question.
#[derive(Clone, Debug, PartialEq)]
pub struct Picks {
    pub group: Group,
    /// Members who picked an option other than "I don't know".
    pub known: usize,
    /// Members who picked "I don't know".
    pub unknown: usize,
    /// Per option (instrument order), how many picked it; `None` below the anonymity minimum
    /// of known picks.
    pub counts: Option<Vec<usize>>,
}

impl Picks {
    /// The share (0–1) of known picks per option.
    pub fn shares(&self) -> Option<Vec<f64>> {
        let counts = self.counts.as_ref()?;
        Some(
            counts
                .iter()
                .map(|c| *c as f64 / self.known as f64)
                .collect(),
        )
    }

    /// The most picked option (ties go to the earlier one) and its share of known picks.
    pub fn most_common(&self) -> Option<(usize, f64)> {
        let shares = self.shares()?;
        let mut best: Option<(usize, f64)> = None;
        for (option, share) in shares.into_iter().enumerate() {
            if share > best.map_or(0.0, |(_, s)| s) {
                best = Some((option, share));
            }
        }
        best
    }
}

/// How the groups' picks on one choice question compare.
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceComparison {
    pub question_id: String,
    /// Per shown group that answered.
    pub groups: Vec<Picks>,
    /// The largest total variation distance between two groups' distributions, with the two.
    pub distance: Option<(f64, Group, Group)>,
    /// Share (0–1) of all shown known picks that chose a `none` option.
    pub none_share: Option<f64>,
}

impl ChoiceComparison {
    /// True when two groups' distributions are [`MISMATCH_DISTANCE`] or more apart.
    pub fn mismatch(&self) -> bool {
        self.distance
            .is_some_and(|(d, _, _)| d >= MISMATCH_DISTANCE)
    }

    /// True when [`NONE_SHARE_FROM`] or more of the known picks say there is none.
    pub fn none_shared(&self) -> bool {
        self.none_share.is_some_and(|s| s >= NONE_SHARE_FROM)
    }
}

/// Total variation distance between two distributions given as shares: half the sum of the
/// absolute differences, 0 (identical) to 1 (no option in common).
pub fn total_variation(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).sum::<f64>() / 2.0
}

/// How consistently a dimension's statements measure one thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Reliability {
    /// The fewest people who rated both statements of any pair in the dimension.
    pub pairwise: usize,
    /// Cronbach's alpha, once every pair reaches [`MIN_PAIRWISE_FOR_ALPHA`] and there is any
    /// variance.
    pub alpha: Option<f64>,
    /// The dimension is a checklist of separate practices: alpha means nothing there.
    pub checklist: bool,
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
    /// The anonymity minimum the figures were computed with (never below the floor).
    pub minimum: usize,
    pub groups: Vec<GroupResult>,
    pub hidden: Vec<Hidden>,
    /// Per dimension, instrument order: the gap between the groups' dimension means.
    pub gaps: Vec<Gap>,
    /// Per statement, instrument order: the gap between the groups' statement means.
    pub statement_gaps: Vec<Gap>,
    /// 100 minus the cubic mean of the statement gaps, over statements with a gap.
    pub alignment: Option<f64>,
    /// How well things go: the mean over dimensions of the shown groups' means.
    pub level: Option<f64>,
    pub blame_loops: Vec<BlameLoop>,
    /// Per choice question, instrument order.
    pub definitions: Vec<ChoiceComparison>,
    /// Per dimension, instrument order.
    pub reliability: Vec<Reliability>,
}

impl TeamScorecard {
    /// Computes the team scorecard; `minimum` is raised to [`ANONYMITY_FLOOR`] if lower.
    pub fn of(instrument: &Instrument, responses: &[&Answers], minimum: usize) -> TeamScorecard {
        let minimum = minimum.max(ANONYMITY_FLOOR);
        let spans = instrument.statement_ranges();
        let statements = instrument.statement_count();
        let (members, hidden) = shown_groups(responses, minimum);
        let groups: Vec<GroupResult> = members
            .iter()
            .map(|(group, members)| {
                let counts = StatementCounts::of(members, statements);
                GroupResult {
                    group: *group,
                    respondents: members.len(),
                    dimensions: spans
                        .iter()
                        .map(|span| {
                            group_dimension(span.clone(), members, &counts[span.clone()], minimum)
                        })
                        .collect(),
                    statements: counts.iter().map(|c| c.figures(minimum)).collect(),
                }
            })
            .collect();
        let gaps: Vec<Gap> = (0..instrument.dimensions.len())
            .map(|i| Gap::of(groups.iter().map(|g| (g.group, g.dimensions[i].mean))))
            .collect();
        let statement_gaps: Vec<Gap> = (0..statements)
            .map(|i| Gap::of(groups.iter().map(|g| (g.group, g.statements[i].points()))))
            .collect();
        let known_gaps: Vec<f64> = statement_gaps.iter().filter_map(|g| g.gap).collect();
        let alignment = (!known_gaps.is_empty()).then(|| alignment_index(&known_gaps));
        let levels: Vec<f64> = (0..instrument.dimensions.len())
            .filter_map(|i| {
                let means: Vec<f64> = groups.iter().filter_map(|g| g.dimensions[i].mean).collect();
                (!means.is_empty()).then(|| mean(&means))
            })
            .collect();
        let shown: Vec<&Answers> = members
            .iter()
            .flat_map(|(_, m)| m.iter().copied())
            .collect();
        TeamScorecard {
            respondents: responses.len(),
            minimum,
            blame_loops: instrument
                .mirror_pairs
                .iter()
                .filter_map(|pair| blame_loop(pair, instrument, &groups))
                .collect(),
            definitions: instrument
                .definitions
                .iter()
                .enumerate()
                .map(|(index, question)| compare_choices(question, index, &members, minimum))
                .collect(),
            reliability: instrument
                .dimensions
                .iter()
                .zip(&spans)
                .map(|(dimension, span)| reliability(span.clone(), &shown, dimension.checklist))
                .collect(),
            level: (!levels.is_empty()).then(|| mean(&levels)),
            groups,
            hidden,
            gaps,
            statement_gaps,
            alignment,
        }
    }
}

/// 100 minus the cubic mean of `gaps` (points, 0–100, not empty): the cube makes one
/// statement seen in opposite ways weigh more than many small differences.
pub fn alignment_index(gaps: &[f64]) -> f64 {
    let cubes: Vec<f64> = gaps.iter().map(|g| g * g * g).collect();
    100.0 - cube_root(mean(&cubes))
}

/// The cube root of `x` (0 for 0 or less), to within a few units in the last place: a first
/// guess from a third of its exponent, then Newton's steps. By hand, because the library's
/// (or a general power) costs the workshop page 1 KB of code.
fn cube_root(x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let mut y = f64::from_bits(x.to_bits() / 3 + 0x2A9F_7893_782D_A1CE);
    for _ in 0..4 {
        y -= (y * y * y - x) / (3.0 * y * y);
    }
    y
}

/// One respondent's answers laid out for team statistics: a cell per statement in instrument
/// order and a pick (option index) per choice question. Workshops keep responses in this
/// form, so a team scorecard of 10,000 responses reads arrays instead of looking up ids.
///
/// Stored packed with the rest of a round's responses (`packed`). Files of version 2 wrote
/// them as text, `role/cells/picks`, for example `sales/45.0n3./3,-,1`: a character per
/// statement (`.` unanswered, `0` "Can't judge", `1`–`5`, `n` "Not applicable") and the picked
/// option indices separated by commas (`-`: unanswered); files of version 1 (questionnaire
/// 1.0.0) as laid-out JSON (`{"role", "cells", "picks"}`). Both are still read.
#[derive(Clone, Debug, PartialEq, Eq)]
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
        let level = (*self.cells.get(index)?)?.level()?;
        Some(f64::from(level))
    }
}

/// The laid-out JSON of format 1.
#[derive(Deserialize)]
struct LaidOut {
    role: Role,
    cells: Vec<Option<Answer>>,
    picks: Vec<Option<u8>>,
}

/// Reads either earlier form: the text of version 2, or the laid-out JSON of version 1. A visitor by
/// hand, not serde's `untagged`, which buffers every value first and costs the workshop page
/// kilobytes of code.
impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Answers, D::Error> {
        struct EitherForm;
        impl<'de> serde::de::Visitor<'de> for EitherForm {
            type Value = Answers;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                // Only serde sees this; people see `workshop_file::Damage`, from the
                // translation table.
                f.write_str("answers")
            }

            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Answers, E> {
                Answers::from_compact(text).ok_or_else(|| E::custom("bad answers"))
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(self, map: M) -> Result<Answers, M::Error> {
                let LaidOut { role, cells, picks } =
                    LaidOut::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Answers { role, cells, picks })
            }
        }
        deserializer.deserialize_any(EitherForm)
    }
}

impl Answers {
    /// Reads the text form of version 2 files; `None` when it is not one.
    pub fn from_compact(text: &str) -> Option<Answers> {
        let mut parts = text.split('/');
        let (role, cells, picks) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let role = Role::ALL.into_iter().find(|r| r.id() == role)?;
        let cells = cells
            .chars()
            .map(|c| match c {
                '.' => Some(None),
                '0' => Some(Some(Answer::CantJudge)),
                'n' => Some(Some(Answer::NotApplicable)),
                '1'..='5' => Some(Some(Answer::Agreement(c as u8 - b'0'))),
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        let picks = if picks.is_empty() {
            Vec::new()
        } else {
            picks
                .split(',')
                .map(|p| match p {
                    "-" => Some(None),
                    // Only canonical numbers: one form per value.
                    _ if p.len() > 1 && p.starts_with('0') => None,
                    _ if !p.bytes().all(|b| b.is_ascii_digit()) => None,
                    _ => p.parse::<u8>().ok().map(Some),
                })
                .collect::<Option<Vec<_>>>()?
        };
        Some(Answers { role, cells, picks })
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

/// One group's figures for the dimension whose statements are at `span` (with `counts`, the
/// group's counts for those statements), in one pass over its members' cells; figures only
/// from `minimum` scorers. No ratings are copied, so 10,000 responses stay fast.
fn group_dimension(
    span: Range<usize>,
    members: &[&Answers],
    counts: &[StatementCounts],
    minimum: usize,
) -> GroupDimension {
    let (mut scored, mut sum, mut squares, mut answered, mut cant_judge) = (0usize, 0.0, 0.0, 0, 0);
    let mut answering = 0;
    for member in members {
        let Some(cells) = member.cells.get(span.clone()) else {
            continue;
        };
        let tally = Tally::of(cells.iter().copied());
        answered += tally.scored + tally.cant_judge;
        cant_judge += tally.cant_judge;
        if tally.scored + tally.cant_judge > 0 {
            answering += 1;
        }
        if let Some(score) = tally.score.value() {
            scored += 1;
            sum += score;
            squares += score * score;
        }
    }
    let deviations: Vec<f64> = counts
        .iter()
        .filter_map(|c| average_deviation(&c.levels, minimum as u32))
        .collect();
    let n = scored as f64;
    let shown = scored >= minimum;
    GroupDimension {
        scored,
        mean: shown.then(|| sum / n),
        // Sample standard deviation from the sums (clamped: rounding can dip below zero).
        spread: shown.then(|| ((squares - sum * sum / n) / (n - 1.0)).max(0.0).sqrt()),
        average_deviation: (shown && !deviations.is_empty()).then(|| mean(&deviations)),
        cant_judge_share: (answering > 0 && answering >= minimum)
            .then(|| cant_judge as f64 / answered as f64),
    }
}

/// The average deviation from their mean of ratings counted per level (1 to 5), from
/// `from` ratings on.
fn average_deviation(levels: &[u32; 5], from: u32) -> Option<f64> {
    let rated: u32 = levels.iter().sum();
    (rated >= from && rated > 0).then(|| {
        let weighted = (1..=5).map(f64::from).zip(levels.map(f64::from));
        let centre = weighted.clone().map(|(level, n)| level * n).sum::<f64>() / f64::from(rated);
        weighted
            .map(|(level, n)| (level - centre).abs() * n)
            .sum::<f64>()
            / f64::from(rated)
    })
}

/// How a group answered one statement: ratings per level (1 to 5), "Can't judge" and "Not
/// applicable". Counted once per group, in one pass over its members' cells, for both the
/// statement's and its dimension's figures.
#[derive(Clone, Copy, Default)]
struct StatementCounts {
    levels: [u32; 5],
    cant_judge: usize,
    not_applicable: usize,
}

impl StatementCounts {
    /// The counts of each of `statements` statements among `members`.
    fn of(members: &[&Answers], statements: usize) -> Vec<StatementCounts> {
        let mut counts = vec![StatementCounts::default(); statements];
        for member in members {
            for (cell, count) in member.cells.iter().zip(counts.iter_mut()) {
                match cell {
                    Some(Answer::Agreement(level)) => {
                        if let Some(n) = count.levels.get_mut(usize::from(*level).wrapping_sub(1)) {
                            *n += 1;
                        }
                    }
                    Some(Answer::CantJudge) => count.cant_judge += 1,
                    Some(Answer::NotApplicable) => count.not_applicable += 1,
                    None => {}
                }
            }
        }
        counts
    }

    /// The statement's figures; the mean only from `minimum` raters.
    fn figures(&self, minimum: usize) -> GroupStatement {
        let rated: u32 = self.levels.iter().sum();
        let shown = rated as usize >= minimum;
        let level_sum: u32 = (1..=5).zip(self.levels).map(|(l, n)| l * n).sum();
        GroupStatement {
            rated: rated as usize,
            cant_judge: self.cant_judge,
            not_applicable: self.not_applicable,
            mean: shown.then(|| f64::from(level_sum) / f64::from(rated)),
            average_deviation: average_deviation(&self.levels, 1).filter(|_| shown),
        }
    }
}

/// The mean rating (1–5) of the statement at `index` among `members`, when at least
/// `minimum` rated it, and how many did.
fn mean_rating(index: usize, members: &[&Answers], minimum: usize) -> (Option<f64>, usize) {
    let ratings: Vec<f64> = members.iter().filter_map(|r| r.rating(index)).collect();
    let shown = !ratings.is_empty() && ratings.len() >= minimum;
    (shown.then(|| mean(&ratings)), ratings.len())
}

/// The blame loop on `pair`, when both sides' groups are shown and blame each other. Reads
/// the groups' statement means, so the anonymity minimum of raters applies as everywhere.
fn blame_loop(
    pair: &MirrorPair,
    instrument: &Instrument,
    groups: &[GroupResult],
) -> Option<BlameLoop> {
    let statements_of = |side| {
        groups
            .iter()
            .find(|g| matches!(g.group, Group::Role(role) if side_of(role) == Some(side)))
            .map(|g| g.statements.as_slice())
    };
    let first = statements_of(pair.first.side)?;
    let second = statements_of(pair.second.side)?;
    let (a, b) = (
        instrument.statement_index(&pair.first.statement)?,
        instrument.statement_index(&pair.second.statement)?,
    );
    let found = BlameLoop {
        pair_id: pair.id.clone(),
        first_on_self: first.get(a)?.mean?,
        first_on_other: first.get(b)?.mean?,
        second_on_self: second.get(b)?.mean?,
        second_on_other: second.get(a)?.mean?,
    };
    let blames = |own: f64, other: f64| own >= SELF_WORKING_FROM && other <= OTHER_FAILING_UP_TO;
    (blames(found.first_on_self, found.first_on_other)
        && blames(found.second_on_self, found.second_on_other))
    .then_some(found)
}

/// Each shown group's picks on the choice question at `index`, and how far apart they are.
fn compare_choices(
    question: &DefinitionQuestion,
    index: usize,
    groups: &Members,
    minimum: usize,
) -> ChoiceComparison {
    let mut all_known = 0;
    let mut all_none = 0;
    let picks: Vec<Picks> = groups
        .iter()
        .filter_map(|(group, members)| {
            let mut counts = vec![0usize; question.options.len()];
            let (mut known, mut unknown) = (0, 0);
            for pick in members
                .iter()
                .filter_map(|r| r.picks.get(index).copied().flatten())
            {
                match question.options.get(usize::from(pick)) {
                    Some(option) if option.unknown => unknown += 1,
                    Some(_) => {
                        counts[usize::from(pick)] += 1;
                        known += 1;
                    }
                    None => {}
                }
            }
            if known + unknown == 0 {
                return None;
            }
            let shown = known >= minimum;
            if shown {
                all_known += known;
                all_none += question
                    .options
                    .iter()
                    .zip(&counts)
                    .filter(|(o, _)| o.none)
                    .map(|(_, c)| c)
                    .sum::<usize>();
            }
            Some(Picks {
                group: *group,
                known,
                unknown,
                counts: shown.then_some(counts),
            })
        })
        .collect();
    let mut distance: Option<(f64, Group, Group)> = None;
    for (i, a) in picks.iter().enumerate() {
        for b in &picks[i + 1..] {
            if let (Some(x), Some(y)) = (a.shares(), b.shares()) {
                let d = total_variation(&x, &y);
                if distance.is_none_or(|(best, _, _)| d > best) {
                    distance = Some((d, a.group, b.group));
                }
            }
        }
    }
    ChoiceComparison {
        question_id: question.id.clone(),
        groups: picks,
        distance,
        none_share: (all_known > 0).then(|| all_none as f64 / all_known as f64),
    }
}

/// Cronbach's alpha of the dimension at `span` over `rows`, pairwise: each item's variance
/// from everyone who rated it, each pair's covariance from everyone who rated both.
fn reliability(span: Range<usize>, rows: &[&Answers], checklist: bool) -> Reliability {
    let k = span.len();
    let pair_count = k * k.saturating_sub(1) / 2;
    // Per item: n, Σx, Σx²; per pair (i < j): n, Σxi, Σxj, Σxi·xj.
    let mut items = vec![[0.0f64; 3]; k];
    let mut pairs = vec![[0.0f64; 4]; pair_count];
    let mut ratings = vec![None; k];
    for row in rows {
        for (slot, index) in ratings.iter_mut().zip(span.clone()) {
            *slot = row.rating(index);
        }
        let mut p = 0;
        for i in 0..k {
            if let Some(x) = ratings[i] {
                items[i][0] += 1.0;
                items[i][1] += x;
                items[i][2] += x * x;
            }
            for j in i + 1..k {
                if let (Some(x), Some(y)) = (ratings[i], ratings[j]) {
                    let sums = &mut pairs[p];
                    sums[0] += 1.0;
                    sums[1] += x;
                    sums[2] += y;
                    sums[3] += x * y;
                }
                p += 1;
            }
        }
    }
    let pairwise = pairs.iter().map(|p| p[0] as usize).min().unwrap_or(0);
    let alpha = (!checklist && k >= 2 && pairwise >= MIN_PAIRWISE_FOR_ALPHA)
        .then(|| {
            let variances: f64 = items
                .iter()
                .map(|[n, sum, squares]| (squares - sum * sum / n) / (n - 1.0))
                .sum();
            let covariances: f64 = pairs
                .iter()
                .map(|[n, x, y, xy]| (xy - x * y / n) / (n - 1.0))
                .sum();
            let total = variances + 2.0 * covariances;
            (total > 0.0).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - variances / total))
        })
        .flatten();
    Reliability {
        pairwise,
        alpha,
        checklist,
    }
}

/// Per shown group (anonymity applied as in [`TeamScorecard::of`]), the mean rating (1–5) of
/// the statement at `statement` (its index in instrument order), shown only when at least the
/// minimum rated it, and how many rated it.
pub fn statement_beliefs(
    responses: &[&Answers],
    minimum: usize,
    statement: usize,
) -> Vec<(Group, Option<f64>, usize)> {
    let minimum = minimum.max(ANONYMITY_FLOOR);
    let (members, _) = shown_groups(responses, minimum);
    members
        .iter()
        .map(|(group, members)| {
            let (mean, rated) = mean_rating(statement, members, minimum);
            (*group, mean, rated)
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

/// For each row, the group it is shown in under `minimum` (its role, or "others" when its
/// role is folded), or `None` when its group is hidden.
pub fn shown_group_of(rows: &[&Answers], minimum: usize) -> Vec<Option<Group>> {
    let (members, _) = shown_groups(rows, minimum.max(ANONYMITY_FLOOR));
    let group_of = Role::ALL.map(|role| {
        members
            .iter()
            .find(|(_, m)| m.iter().any(|a| a.role == role))
            .map(|(group, _)| *group)
    });
    rows.iter()
        .map(|row| group_of[Role::ALL.iter().position(|r| *r == row.role).unwrap_or(0)])
        .collect()
}

/// The responses whose group is shown under `minimum` (folded ones included, hidden ones
/// left out): what any figure across groups may be computed from.
pub fn shown_responses<'a>(rows: &[&'a Answers], minimum: usize) -> Vec<&'a Answers> {
    let (members, _) = shown_groups(rows, minimum.max(ANONYMITY_FLOOR));
    members.into_iter().flat_map(|(_, m)| m).collect()
}

/// Severity of a blame loop: the articles' defining dysfunction ranks near the top.
pub const BLAME_LOOP_SEVERITY: f64 = 90.0;
/// Opposite views rank above any single statement gap of the same size: the mean of their
/// gaps plus this.
pub const OPPOSITE_VIEWS_BONUS: f64 = 10.0;
/// Severity of a choice question on which groups' picks differ completely (distance 1) or
/// everyone says there is none; less complete findings scale down from it.
pub const CHOICE_SEVERITY: f64 = 60.0;
/// A team mean below this (Siloed) is a finding even when the roles agree.
pub const LOW_SCORE_BELOW: f64 = 40.0;
/// Severity per point of average deviation when a group disagrees with itself.
pub const DISAGREEMENT_SEVERITY_PER_POINT: f64 = 40.0;

/// What a finding is about. Statements are indices in questionnaire order.
#[derive(Clone, Debug, PartialEq)]
pub enum FindingKind {
    /// Within one dimension, `first` rates the statements in `first_higher` a blind spot
    /// higher than `second`, and those in `second_higher` a blind spot lower (each with its
    /// gap in points): the dimension's means can hide it. Reported instead of the
    /// dimension's blind spot when both apply.
    OppositeViews {
        first: Group,
        second: Group,
        first_higher: Vec<(usize, f64)>,
        second_higher: Vec<(usize, f64)>,
    },
    /// Groups see one statement a third of the scale or more apart.
    StatementGap {
        statement: usize,
        gap: f64,
        high: Group,
        low: Group,
    },
    /// Groups see a dimension, on average, a third of the scale or more apart.
    BlindSpot { gap: f64, high: Group, low: Group },
    /// The shown groups together rate a dimension as siloed, in every group or not.
    LowScore { mean: f64, every_group: bool },
    /// A group's own ratings spread widely.
    Disagreement {
        group: Group,
        average_deviation: f64,
    },
    /// Each side blames the other on a mirror pair.
    BlameLoop { pair_id: String },
    /// Two groups' picks on a choice question differ (total variation distance).
    ChoiceMismatch {
        question_id: String,
        distance: f64,
        first: Group,
        second: Group,
    },
    /// Many say there is no definition, or nobody owns it.
    NoneShared { question_id: String, share: f64 },
}

/// One misalignment, ranked, with the dimension whose explanation and questions apply.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub kind: FindingKind,
    /// Index of the dimension in the instrument.
    pub dimension: usize,
    /// Higher is more urgent: opposite views the mean of their gaps plus 10; a statement gap
    /// or blind spot its gap (33–100); blame loop 90; low score 100 minus the team mean
    /// (above 60); a choice mismatch 60 × its distance (30–60); a shared `none` 60 × its
    /// share (20–60); disagreement 40 per point of average deviation (above 32).
    pub severity: f64,
}

impl TeamScorecard {
    /// Every finding, most severe first (ties keep the order found: dimensions in instrument
    /// order with their statements, then blame loops, then choice questions).
    pub fn diagnosis(&self, instrument: &Instrument) -> Vec<Finding> {
        let mut found = Vec::new();
        let blamed: Vec<usize> = self
            .blame_loops
            .iter()
            .filter_map(|b| instrument.mirror_pair(&b.pair_id))
            .flat_map(|p| [&p.first.statement, &p.second.statement])
            .filter_map(|id| instrument.statement_index(id))
            .collect();
        for (i, span) in instrument.statement_ranges().iter().enumerate() {
            let mut push = |kind, severity| {
                found.push(Finding {
                    kind,
                    dimension: i,
                    severity,
                })
            };
            let opposite = self.opposite_views(span.clone(), &blamed);
            // Statements a blame loop already names are not listed again.
            let mut named: Vec<usize> = blamed.clone();
            let opposite_found = opposite.is_some();
            if let Some((first, second, first_higher, second_higher)) = opposite {
                let gaps: Vec<f64> = first_higher
                    .iter()
                    .chain(&second_higher)
                    .map(|(_, g)| *g)
                    .collect();
                named.extend(first_higher.iter().chain(&second_higher).map(|(s, _)| *s));
                push(
                    FindingKind::OppositeViews {
                        first,
                        second,
                        first_higher,
                        second_higher,
                    },
                    mean(&gaps) + OPPOSITE_VIEWS_BONUS,
                );
            }
            // A blind-spot area names its statements itself (unless opposite views already
            // name them); elsewhere each statement whose groups are a blind spot apart is a
            // finding of its own.
            let gap = &self.gaps[i];
            if let (true, Some(g), Some(high), Some(low)) =
                (gap.blind_spot(), gap.gap, gap.high, gap.low)
            {
                if !opposite_found {
                    push(FindingKind::BlindSpot { gap: g, high, low }, g);
                }
            } else {
                for statement in span.clone().filter(|s| !named.contains(s)) {
                    let gap = &self.statement_gaps[statement];
                    if let (true, Some(g), Some(high), Some(low)) =
                        (gap.blind_spot(), gap.gap, gap.high, gap.low)
                    {
                        push(
                            FindingKind::StatementGap {
                                statement,
                                gap: g,
                                high,
                                low,
                            },
                            g,
                        );
                    }
                }
            }
            let means: Vec<f64> = self
                .groups
                .iter()
                .filter_map(|g| g.dimensions[i].mean)
                .collect();
            if !means.is_empty() && mean(&means) < LOW_SCORE_BELOW {
                let team_mean = mean(&means);
                let every_group = self
                    .groups
                    .iter()
                    .all(|g| g.dimensions[i].mean.is_some_and(|m| m < LOW_SCORE_BELOW));
                push(
                    FindingKind::LowScore {
                        mean: team_mean,
                        every_group,
                    },
                    100.0 - team_mean,
                );
            }
            for group in &self.groups {
                let figures = &group.dimensions[i];
                if let (true, Some(ad)) = (figures.disagrees(), figures.average_deviation) {
                    push(
                        FindingKind::Disagreement {
                            group: group.group,
                            average_deviation: ad,
                        },
                        ad * DISAGREEMENT_SEVERITY_PER_POINT,
                    );
                }
            }
        }
        for blame in &self.blame_loops {
            if let Some(index) = instrument
                .mirror_pair(&blame.pair_id)
                .and_then(|pair| instrument.statement_index(&pair.first.statement))
            {
                found.push(Finding {
                    kind: FindingKind::BlameLoop {
                        pair_id: blame.pair_id.clone(),
                    },
                    dimension: instrument.dimension_of_statement(index).unwrap_or(0),
                    severity: BLAME_LOOP_SEVERITY,
                });
            }
        }
        for (question, comparison) in instrument.definitions.iter().zip(&self.definitions) {
            let dimension = instrument.dimension_of_choice(question);
            if let (true, Some((distance, first, second))) =
                (comparison.mismatch(), comparison.distance)
            {
                found.push(Finding {
                    kind: FindingKind::ChoiceMismatch {
                        question_id: question.id.clone(),
                        distance,
                        first,
                        second,
                    },
                    dimension,
                    severity: CHOICE_SEVERITY * distance,
                });
            }
            if let (true, Some(share)) = (comparison.none_shared(), comparison.none_share) {
                found.push(Finding {
                    kind: FindingKind::NoneShared {
                        question_id: question.id.clone(),
                        share,
                    },
                    dimension,
                    severity: CHOICE_SEVERITY * share,
                });
            }
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

    /// Opposite views in the dimension whose statements are at `span` (leaving out the
    /// statements of blame loops, which those findings name): the pair of groups with the
    /// most statements a blind spot apart in both directions, if any, with the statements
    /// (and gaps) where the first rates higher and where the second does.
    fn opposite_views(&self, span: Range<usize>, blamed: &[usize]) -> Option<OppositeViews> {
        let mut best: Option<OppositeViews> = None;
        for (a, first) in self.groups.iter().enumerate() {
            for second in &self.groups[a + 1..] {
                let (mut up, mut down) = (Vec::new(), Vec::new());
                for statement in span.clone().filter(|s| !blamed.contains(s)) {
                    let (Some(x), Some(y)) = (
                        first.statements[statement].points(),
                        second.statements[statement].points(),
                    ) else {
                        continue;
                    };
                    if x - y >= BLIND_SPOT_GAP {
                        up.push((statement, x - y));
                    } else if y - x >= BLIND_SPOT_GAP {
                        down.push((statement, y - x));
                    }
                }
                let count = up.len() + down.len();
                let better = best
                    .as_ref()
                    .is_none_or(|(_, _, u, d)| count > u.len() + d.len());
                if !up.is_empty() && !down.is_empty() && better {
                    best = Some((first.group, second.group, up, down));
                }
            }
        }
        best
    }
}

/// Two groups and the statements (with gaps) where each rates a blind spot higher.
type OppositeViews = (Group, Group, Vec<(usize, f64)>, Vec<(usize, f64)>);
