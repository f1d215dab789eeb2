//! The team scorecard as HTML and SVG: the summary and alignment index, why any role is not
//! shown, a group × area heatmap, a line per area with a dot per group, the figures as tables,
//! the ranked findings with their plays and questions, and how consistent each area's
//! statements are. Also one finding as a presentation slide, the facts beside what each group
//! believes, and the trend since the previous round.

use std::fmt::Write as _;

use super::{advice, escape, open_card};
use crate::core::instrument::{Instrument, Play};
use crate::core::scoring::{decimal, Stage};
use crate::core::team::{
    statement_beliefs, AlphaReading, Answers, Finding, FindingKind, Group, Hidden, TeamScorecard,
    MIN_PAIRWISE_FOR_ALPHA,
};
use crate::core::workshop::{Fact, Facts, Trend};
use crate::i18n::{fill, ReportStrings, Strings, TeamStrings};

/// How many findings the report explains in full.
pub const FINDINGS_SHOWN: usize = 5;

/// Everything a team report is drawn from.
pub struct TeamInput<'a> {
    pub instrument: &'a Instrument,
    pub card: &'a TeamScorecard,
    pub minimum: usize,
    pub strings: &'a Strings,
    /// The personal scorecard's strings the team report shares (stages, columns, advice).
    pub report: &'a ReportStrings,
    pub team_strings: &'a TeamStrings,
    pub locale: &'a str,
    /// Prefix for element ids, unique per instance on the page.
    pub id_prefix: &'a str,
}

/// A mean or spread as whole points, or a dash where there is none.
fn whole_or_dash(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| decimal(v, 0))
}

/// The team report's markup (the heading and buttons around it belong to the UI).
pub fn team_report(input: &TeamInput) -> String {
    let mut html = String::new();
    summary(&mut html, input);
    heatmap(&mut html, input);
    gap_lines(&mut html, input);
    figures(&mut html, input);
    findings(&mut html, input);
    statements_table(&mut html, input);
    choices_table(&mut html, input);
    reliability(&mut html, input);
    notes(&mut html, input);
    html
}

fn group_name(input: &TeamInput, group: Group) -> &'static str {
    match group {
        Group::Role(role) => input.strings.role(role),
        Group::Others => input.team_strings.team_others,
    }
}

fn area<'a>(input: &'a TeamInput, index: usize) -> &'a str {
    input
        .instrument
        .dimensions
        .get(index)
        .map_or("", |d| d.name.get(input.locale))
}

fn summary(html: &mut String, input: &TeamInput) {
    let tt = input.team_strings;
    let (t, card) = (input.strings, input.card);
    let shown: usize = card.groups.iter().map(|g| g.respondents).sum();
    let text = fill(
        tt.team_summary,
        &[
            ("respondents", &card.respondents),
            ("shown", &shown),
            ("groups", &card.groups.len()),
            ("minimum", &input.minimum),
        ],
    );
    let _ = write!(
        html,
        r#"<section class="samepage__card samepage__overall"><p>{}</p><h3>{}</h3>"#,
        escape(&text),
        escape(tt.team_alignment_label)
    );
    match card.alignment {
        Some(alignment) => {
            let _ = write!(
                html,
                r#"<p class="samepage__overall-figure"><span class="samepage__overall-number">{}</span><span class="samepage__overall-scale">{} · {}</span></p><p class="samepage__hint">{}</p>"#,
                decimal(alignment, 0),
                escape(t.shared.out_of_100),
                escape(input.report.stage(Stage::of(alignment))),
                escape(tt.team_alignment_hint)
            );
        }
        None => {
            let _ = write!(html, "<p>{}</p>", escape(tt.team_no_alignment));
        }
    }
    if let Some(level) = card.level {
        let _ = write!(
            html,
            r#"<h3>{}</h3><p class="samepage__overall-figure samepage__level"><span class="samepage__overall-number">{}</span><span class="samepage__overall-scale">{} · {}</span></p><p class="samepage__hint">{}</p>"#,
            escape(tt.team_level_label),
            decimal(level, 0),
            escape(t.shared.out_of_100),
            escape(input.report.stage(Stage::of(level))),
            escape(tt.team_level_hint)
        );
    }
    if !card.hidden.is_empty() {
        html.push_str(r#"<ul class="samepage__hidden">"#);
        for hidden in &card.hidden {
            let (template, role, count) = match hidden {
                Hidden::Folded { role, respondents } => (tt.team_hidden_folded, role, respondents),
                Hidden::TooFew { role, respondents } => (tt.team_hidden_too_few, role, respondents),
            };
            let text = fill(
                template,
                &[
                    ("role", &t.role(*role)),
                    ("count", count),
                    ("minimum", &input.minimum),
                ],
            );
            let _ = write!(html, "<li>{}</li>", escape(&text));
        }
        html.push_str("</ul>");
    }
    html.push_str("</section>");
}

/// A chart's opening: one image for assistive technology, named by `title` and `description`
/// (the table beside it holds the same figures). Its rows are HTML labels above SVG strips,
/// so a label wraps on a 320 px phone instead of being cut off (SVG text never wraps).
fn chart_open(html: &mut String, id: &str, title: &str, description: &str) {
    let _ = write!(
        html,
        r#"<figure class="samepage__chart" role="img" aria-labelledby="{id}-title {id}-desc"><span id="{id}-title" hidden>{}</span><span id="{id}-desc" hidden>{}</span>"#,
        escape(title),
        escape(description)
    );
}

/// The heatmap cell's class suffix where a group has no score (beside `Stage::id`'s).
const NO_SCORE_CLASS: &str = "none";

/// A chart row: its label (with `extra_class`, which starts with a space, added to its
/// class), then an SVG strip `height` pixels high.
fn row_open(html: &mut String, label: &str, extra_class: &str, height: usize) {
    let _ = write!(
        html,
        r#"<div class="samepage__chart-row"><span class="samepage__bar-label{extra_class}">{}</span><svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" aria-hidden="true">"#,
        escape(label)
    );
}

/// The groups' names as equal columns of HTML text, wrapping where they must.
fn group_heads(html: &mut String, input: &TeamInput) {
    html.push_str(r#"<div class="samepage__chart-head" aria-hidden="true">"#);
    for group in &input.card.groups {
        let _ = write!(
            html,
            "<span>{}</span>",
            escape(group_name(input, group.group))
        );
    }
    html.push_str("</div>");
}

/// Groups × areas, each cell coloured by the stage of its mean and labelled with it.
fn heatmap(html: &mut String, input: &TeamInput) {
    let (tt, card) = (input.team_strings, input.card);
    open_card(html, tt.heatmap_title);
    let columns = card.groups.len().max(1);
    let width = 100.0 / columns as f64;
    chart_open(
        html,
        &format!("{}-heatmap", input.id_prefix),
        tt.heatmap_title,
        tt.heatmap_summary,
    );
    group_heads(html, input);
    for (row, _) in input.instrument.dimensions.iter().enumerate() {
        row_open(html, area(input, row), "", 22);
        for (column, group) in card.groups.iter().enumerate() {
            let mean = group.dimensions.get(row).and_then(|d| d.mean);
            let class = mean.map_or(NO_SCORE_CLASS, |m| Stage::of(m).id());
            let x = column as f64 * width;
            let _ = write!(
                html,
                r#"<rect x="{}%" y="0" width="{}%" height="22" class="samepage__cell samepage__cell--{class}"></rect><text x="{}%" y="16" text-anchor="middle" class="samepage__cell-text">{}</text>"#,
                decimal(x, 2),
                decimal(width - 0.5, 2),
                decimal(x + width / 2.0, 2),
                whole_or_dash(mean)
            );
        }
        html.push_str("</svg></div>");
    }
    html.push_str("</figure>");
    summary_table(html, input);
    html.push_str("</section>");
}

/// Marker shapes, one per group, so groups differ by more than colour.
const MARKERS: [&str; 5] = ["circle", "square", "diamond", "triangle", "cross"];

/// Group `index`'s marker (shape `defs` id `{prefix}-{shape}`) whose left edge is `shift`
/// pixels from `x` (a percentage), centred on `y`.
fn marker(prefix: &str, index: usize, x: f64, shift: i32, y: usize) -> String {
    let shape = MARKERS[index % MARKERS.len()];
    format!(
        r##"<svg x="{}%" y="{}" width="14" height="14" overflow="visible" class="samepage__marker samepage__marker--{index}"><use href="#{prefix}-{shape}" x="{shift}"></use></svg>"##,
        decimal(x, 2),
        y.saturating_sub(7)
    )
}

/// Per area, a 0–100 line with one marked dot per group; blind spots are named in the label.
fn gap_lines(html: &mut String, input: &TeamInput) {
    let (tt, card) = (input.team_strings, input.card);
    open_card(html, tt.gaps_title);
    let prefix = format!("{}-gaps", input.id_prefix);
    chart_open(html, &prefix, tt.gaps_title, tt.gaps_summary);
    // The marker shapes, drawn by reference in the legend and on every line.
    let _ = write!(
        html,
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0" class="samepage__defs" aria-hidden="true"><defs><circle id="{p}-circle" cx="7" cy="7" r="6"></circle>"#,
            r#"<rect id="{p}-square" x="1" y="1" width="12" height="12"></rect>"#,
            r#"<polygon id="{p}-diamond" points="7,0 14,7 7,14 0,7"></polygon>"#,
            r#"<polygon id="{p}-triangle" points="7,0 14,14 0,14"></polygon>"#,
            r#"<polygon id="{p}-cross" points="5,0 9,0 9,5 14,5 14,9 9,9 9,14 5,14 5,9 0,9 0,5 5,5"></polygon></defs></svg>"#
        ),
        p = prefix
    );
    // The legend: each group's marker and name, wrapping as the width asks.
    html.push_str(r#"<ul class="samepage__legend" aria-hidden="true">"#);
    for (index, group) in card.groups.iter().enumerate() {
        let _ = write!(
            html,
            r#"<li><svg xmlns="http://www.w3.org/2000/svg" width="14" height="14">{}</svg>{}</li>"#,
            marker(&prefix, index, 0.0, 0, 7),
            escape(group_name(input, group.group))
        );
    }
    html.push_str("</ul>");
    for (row, gap) in card.gaps.iter().enumerate() {
        let label = match gap.gap {
            Some(points) if gap.blind_spot() => {
                format!(
                    "{}: {} · {}",
                    area(input, row),
                    decimal(points, 0),
                    tt.blind_spot
                )
            }
            Some(points) => format!("{}: {}", area(input, row), decimal(points, 0)),
            None => area(input, row).to_owned(),
        };
        let class = if gap.blind_spot() {
            " samepage__bar-label--alert"
        } else {
            ""
        };
        row_open(html, &label, class, 22);
        html.push_str(
            r#"<line x1="0" x2="100%" y1="11" y2="11" class="samepage__chart-cutoff"></line>"#,
        );
        for (index, group) in card.groups.iter().enumerate() {
            if let Some(mean) = group.dimensions.get(row).and_then(|d| d.mean) {
                html.push_str(&marker(&prefix, index, mean, -7, 11));
            }
        }
        html.push_str("</svg></div>");
    }
    html.push_str("</figure></section>");
}

/// Opens a table in its scrolling wrapper, with its caption and one column header per
/// `columns` (escaped here), up to the opening `<tbody>`; the caller writes the rows and
/// closes with `</tbody></table></div>`.
fn open_table<'a>(html: &mut String, caption: &str, columns: impl IntoIterator<Item = &'a str>) {
    let _ = write!(
        html,
        r#"<div class="samepage__table-wrap"><table class="samepage__table"><caption>{}</caption><thead><tr>"#,
        escape(caption)
    );
    for column in columns {
        let _ = write!(html, r#"<th scope="col">{}</th>"#, escape(column));
    }
    html.push_str("</tr></thead><tbody>");
}

/// The heatmap and gap lines as text: per area, each group's mean and the gap.
fn summary_table(html: &mut String, input: &TeamInput) {
    let (tt, card) = (input.team_strings, input.card);
    let groups = card.groups.iter().map(|g| group_name(input, g.group));
    let columns = [input.report.column_area]
        .into_iter()
        .chain(groups)
        .chain([tt.column_gap]);
    open_table(html, tt.heatmap_title, columns);
    for (row, gap) in card.gaps.iter().enumerate() {
        let _ = write!(
            html,
            r#"<tr><th scope="row">{}</th>"#,
            escape(area(input, row))
        );
        for group in &card.groups {
            let mean = group.dimensions.get(row).and_then(|d| d.mean);
            let _ = write!(html, "<td>{}</td>", whole_or_dash(mean));
        }
        let gap_text = match gap.gap {
            Some(points) if gap.blind_spot() => {
                format!("{} ({})", decimal(points, 0), tt.blind_spot)
            }
            Some(points) => decimal(points, 0),
            None => "–".to_owned(),
        };
        let _ = write!(html, "<td>{}</td></tr>", escape(&gap_text));
    }
    html.push_str("</tbody></table></div>");
}

/// Every group's figures in every area.
fn figures(html: &mut String, input: &TeamInput) {
    let tt = input.team_strings;
    let (t, card) = (input.report, input.card);
    html.push_str(r#"<section class="samepage__card">"#);
    let columns = [
        t.column_area,
        tt.column_group,
        tt.column_respondents,
        tt.column_mean,
        tt.column_spread,
        tt.column_agreement,
        t.column_cant_judge,
    ];
    open_table(html, tt.team_table_caption, columns);
    for row in 0..input.instrument.dimensions.len() {
        for group in &card.groups {
            let Some(figures) = group.dimensions.get(row) else {
                continue;
            };
            let agreement = figures.average_deviation.map_or_else(
                || "–".to_owned(),
                |ad| {
                    let template = if figures.disagrees() {
                        tt.agreement_low
                    } else {
                        tt.agreement_ok
                    };
                    fill(template, &[("deviation", &decimal(ad, 1))])
                },
            );
            let _ = write!(
                html,
                r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"#,
                escape(area(input, row)),
                escape(group_name(input, group.group)),
                figures.scored,
                whole_or_dash(figures.mean),
                whole_or_dash(figures.spread),
                escape(&agreement),
                figures
                    .cant_judge_share
                    .map_or_else(|| "–".to_owned(), |share| decimal(share * 100.0, 0) + "%")
            );
        }
    }
    html.push_str("</tbody></table></div></section>");
}

/// The text of the statement at `index` (questionnaire order).
fn statement_text<'a>(input: &TeamInput<'a>, index: usize) -> &'a str {
    input
        .instrument
        .statements()
        .nth(index)
        .map_or("", |s| s.text.get(input.locale))
}

/// The prompt of the choice question `id`.
fn question_prompt<'a>(input: &TeamInput<'a>, id: &str) -> &'a str {
    input
        .instrument
        .definitions
        .iter()
        .find(|q| q.id == id)
        .map_or("", |q| q.prompt.get(input.locale))
}

/// A group's points on the statement at `index`, as shown (a dash below the minimum).
fn statement_points(input: &TeamInput, group: Group, index: usize) -> String {
    let figure = input
        .card
        .groups
        .iter()
        .find(|g| g.group == group)
        .and_then(|g| g.statements.get(index))
        .and_then(|s| s.points());
    whole_or_dash(figure)
}

/// What one finding says, in plain words.
fn finding_text(input: &TeamInput, finding: &Finding) -> String {
    let tt = input.team_strings;
    let name = area(input, finding.dimension);
    let group = |g: &Group| group_name(input, *g);
    match &finding.kind {
        FindingKind::OppositeViews { first, second, .. } => fill(
            tt.finding_opposite_views,
            &[
                ("area", &name),
                ("first", &group(first)),
                ("second", &group(second)),
            ],
        ),
        FindingKind::StatementGap {
            statement,
            gap,
            high,
            low,
        } => fill(
            tt.finding_statement_gap,
            &[
                ("statement", &statement_text(input, *statement)),
                ("high", &group(high)),
                ("high_points", &statement_points(input, *high, *statement)),
                ("low", &group(low)),
                ("low_points", &statement_points(input, *low, *statement)),
                ("gap", &decimal(*gap, 0)),
            ],
        ),
        FindingKind::BlindSpot { gap, high, low } => fill(
            tt.finding_blind_spot_high_low,
            &[
                ("area", &name),
                ("high", &group(high)),
                ("low", &group(low)),
                ("gap", &decimal(*gap, 0)),
            ],
        ),
        FindingKind::LowScore { mean, every_group } => fill(
            if *every_group {
                tt.finding_every_group_low
            } else {
                tt.finding_team_low
            },
            &[("area", &name), ("mean", &decimal(*mean, 0))],
        ),
        FindingKind::Disagreement {
            group: g,
            average_deviation,
        } => fill(
            tt.finding_disagreement,
            &[
                ("area", &name),
                ("group", &group(g)),
                ("deviation", &decimal(*average_deviation, 1)),
            ],
        ),
        FindingKind::BlameLoop { pair_id } => {
            let topic = input
                .instrument
                .mirror_pair(pair_id)
                .map_or("", |p| p.topic.get(input.locale));
            fill(tt.finding_blame_loop, &[("topic", &topic)])
        }
        FindingKind::ChoiceMismatch {
            question_id,
            distance,
            first,
            second,
        } => fill(
            tt.finding_choice_mismatch,
            &[
                ("question", &question_prompt(input, question_id)),
                ("first", &group(first)),
                ("second", &group(second)),
                ("distance", &decimal(*distance, 2)),
            ],
        ),
        FindingKind::NoneShared { question_id, share } => fill(
            tt.finding_none_shared,
            &[
                ("question", &question_prompt(input, question_id)),
                ("percent", &decimal(share * 100.0, 0)),
            ],
        ),
    }
}

/// The evidence under a finding: which statements, which group high and which low, by how
/// much, and how many could not judge; or each group's picks.
fn finding_details(input: &TeamInput, finding: &Finding) -> Vec<String> {
    let tt = input.team_strings;
    let group = |g: Group| group_name(input, g);
    match &finding.kind {
        FindingKind::OppositeViews {
            first,
            second,
            first_higher,
            second_higher,
        } => {
            let side = |high: Group, low: Group, statements: &[(usize, f64)]| {
                statements
                    .iter()
                    .map(|(index, _)| {
                        fill(
                            tt.detail_higher,
                            &[
                                ("group", &group(high)),
                                ("high", &statement_points(input, high, *index)),
                                ("low", &statement_points(input, low, *index)),
                                ("statement", &statement_text(input, *index)),
                                ("cant_judge", &cant_judge_line(input, *index)),
                            ],
                        )
                    })
                    .collect::<Vec<String>>()
            };
            let mut lines = side(*first, *second, first_higher);
            lines.extend(side(*second, *first, second_higher));
            lines
        }
        FindingKind::StatementGap { statement, .. } => vec![cant_judge_line(input, *statement)],
        FindingKind::BlindSpot { .. } | FindingKind::LowScore { .. } => {
            let span = statement_span(input, finding.dimension);
            span.map(|index| statement_line(input, index)).collect()
        }
        FindingKind::Disagreement { .. } => Vec::new(),
        FindingKind::BlameLoop { pair_id } => {
            let (Some(pair), Some(found)) = (
                input.instrument.mirror_pair(pair_id),
                input
                    .card
                    .blame_loops
                    .iter()
                    .find(|b| &b.pair_id == pair_id),
            ) else {
                return Vec::new();
            };
            let text = |id: &str| {
                input
                    .instrument
                    .statement(id)
                    .map_or("", |s| s.text.get(input.locale))
            };
            let line = |side, own: f64, other: f64, own_id: &str, other_id: &str| {
                fill(
                    tt.detail_blame_side,
                    &[
                        ("side", &input.strings.side(side)),
                        ("own", &decimal(own, 1)),
                        ("other", &decimal(other, 1)),
                        ("own_statement", &text(own_id)),
                        ("other_statement", &text(other_id)),
                    ],
                )
            };
            vec![
                line(
                    pair.first.side,
                    found.first_on_self,
                    found.first_on_other,
                    &pair.first.statement,
                    &pair.second.statement,
                ),
                line(
                    pair.second.side,
                    found.second_on_self,
                    found.second_on_other,
                    &pair.second.statement,
                    &pair.first.statement,
                ),
            ]
        }
        FindingKind::ChoiceMismatch { question_id, .. }
        | FindingKind::NoneShared { question_id, .. } => picks_lines(input, question_id),
    }
}

/// The statement indices of the dimension at `dimension`.
fn statement_span(input: &TeamInput, dimension: usize) -> std::ops::Range<usize> {
    input
        .instrument
        .statement_ranges()
        .get(dimension)
        .cloned()
        .unwrap_or_default()
}

/// One statement with every group's points and the gap.
fn statement_line(input: &TeamInput, index: usize) -> String {
    let tt = input.team_strings;
    let groups: Vec<String> = input
        .card
        .groups
        .iter()
        .map(|g| match g.statements.get(index).and_then(|s| s.points()) {
            Some(points) => fill(
                tt.detail_group_points,
                &[
                    ("group", &group_name(input, g.group)),
                    ("points", &decimal(points, 0)),
                ],
            ),
            None => fill(
                tt.detail_group_too_few,
                &[
                    ("group", &group_name(input, g.group)),
                    ("minimum", &input.card.minimum),
                ],
            ),
        })
        .collect();
    let gap = input.card.statement_gaps.get(index).and_then(|g| g.gap);
    fill(
        tt.detail_statement,
        &[
            ("statement", &statement_text(input, index)),
            ("groups", &groups.join(", ")),
            ("gap", &whole_or_dash(gap)),
        ],
    )
}

/// Each group's share of "Can't judge" on the statement at `index`.
fn cant_judge_line(input: &TeamInput, index: usize) -> String {
    let shares: Vec<String> = input
        .card
        .groups
        .iter()
        .filter_map(|g| {
            let name = group_name(input, g.group);
            let text = match g
                .statements
                .get(index)?
                .cant_judge_share(input.card.minimum)
            {
                Some(share) => fill(
                    input.team_strings.detail_cant_judge,
                    &[("group", &name), ("percent", &decimal(share * 100.0, 0))],
                ),
                None => fill(
                    input.team_strings.detail_cant_judge_too_few,
                    &[("group", &name)],
                ),
            };
            Some(text)
        })
        .collect();
    shares.join("; ")
}

/// Each group's picks on the choice question `id`, most picked first.
fn picks_lines(input: &TeamInput, id: &str) -> Vec<String> {
    let tt = input.team_strings;
    let (Some(question), Some(comparison)) = (
        input.instrument.definitions.iter().find(|q| q.id == id),
        input.card.definitions.iter().find(|c| c.question_id == id),
    ) else {
        return Vec::new();
    };
    comparison
        .groups
        .iter()
        .map(|picks| {
            let name = group_name(input, picks.group);
            let Some(shares) = picks.shares() else {
                return fill(
                    tt.detail_picks_too_few,
                    &[("group", &name), ("minimum", &input.card.minimum)],
                );
            };
            let mut ranked: Vec<(usize, f64)> = Vec::new();
            for (option, share) in shares.into_iter().enumerate().filter(|(_, s)| *s > 0.0) {
                let at = ranked
                    .iter()
                    .position(|(_, s)| *s < share)
                    .unwrap_or(ranked.len());
                ranked.insert(at, (option, share));
            }
            let mut parts: Vec<String> = ranked
                .iter()
                .map(|(option, share)| {
                    fill(
                        tt.detail_pick,
                        &[
                            ("option", &question.options[*option].label.get(input.locale)),
                            ("percent", &decimal(share * 100.0, 0)),
                        ],
                    )
                })
                .collect();
            if picks.unknown > 0 {
                parts.push(fill(tt.detail_unknown, &[("count", &picks.unknown)]));
            }
            fill(
                tt.detail_picks,
                &[("group", &name), ("picks", &parts.join("; "))],
            )
        })
        .collect()
}

/// The plays written for what triggered `finding`: its statements', its mirror pair's or its
/// choice question's, else its dimension's own.
fn finding_plays<'a>(input: &TeamInput<'a>, finding: &Finding) -> Vec<&'a Play> {
    let instrument = input.instrument;
    let statement_plays = |indices: &mut dyn Iterator<Item = usize>| {
        let mut ids: Vec<String> = Vec::new();
        for index in indices {
            for play in instrument
                .statements()
                .nth(index)
                .map_or(&[][..], |s| &s.plays)
            {
                if !ids.contains(play) {
                    ids.push(play.clone());
                }
            }
        }
        ids
    };
    let ids: Vec<String> = match &finding.kind {
        FindingKind::OppositeViews {
            first_higher,
            second_higher,
            ..
        } => statement_plays(&mut first_higher.iter().chain(second_higher).map(|(i, _)| *i)),
        FindingKind::StatementGap { statement, .. } => {
            statement_plays(&mut std::iter::once(*statement))
        }
        FindingKind::BlameLoop { pair_id } => instrument
            .mirror_pair(pair_id)
            .map_or_else(Vec::new, |p| p.plays.clone()),
        FindingKind::ChoiceMismatch { question_id, .. }
        | FindingKind::NoneShared { question_id, .. } => instrument
            .definitions
            .iter()
            .find(|q| &q.id == question_id)
            .map_or_else(Vec::new, |q| q.plays.clone()),
        // A blind spot: the plays of its statements that are themselves a blind spot apart.
        FindingKind::BlindSpot { .. } => statement_plays(
            &mut statement_span(input, finding.dimension)
                .filter(|i| input.card.statement_gaps[*i].blind_spot()),
        ),
        FindingKind::LowScore { .. } | FindingKind::Disagreement { .. } => Vec::new(),
    };
    instrument.plays_for(&ids, finding.dimension)
}

/// A finding's heading, evidence and advice; `heading` and `sub` are the elements used.
fn finding_body(html: &mut String, input: &TeamInput, finding: &Finding, heading: &str, sub: &str) {
    let _ = write!(
        html,
        "<{heading}>{}</{heading}>",
        escape(&finding_text(input, finding))
    );
    let details = finding_details(input, finding);
    if !details.is_empty() {
        html.push_str(r#"<ul class="samepage__evidence">"#);
        for line in details.iter().filter(|l| !l.is_empty()) {
            let _ = write!(html, "<li>{}</li>", escape(line));
        }
        html.push_str("</ul>");
    }
    if let Some(dimension) = input.instrument.dimensions.get(finding.dimension) {
        let plays = finding_plays(input, finding);
        advice(html, input.report, dimension, &plays, input.locale, sub);
    }
}

/// The ranked findings, each with its evidence, and the plays written for it.
fn findings(html: &mut String, input: &TeamInput) {
    let tt = input.team_strings;
    open_card(html, tt.findings_title);
    let diagnosis = input.card.diagnosis(input.instrument);
    if diagnosis.is_empty() {
        let _ = write!(html, "<p>{}</p>", escape(tt.findings_none));
    }
    html.push_str(r#"<ol class="samepage__findings">"#);
    for finding in diagnosis.iter().take(FINDINGS_SHOWN) {
        let Some(dimension) = input.instrument.dimensions.get(finding.dimension) else {
            continue;
        };
        let _ = write!(
            html,
            r#"<li class="samepage__weak" data-dimension="{}">"#,
            escape(&dimension.id)
        );
        finding_body(html, input, finding, "h4", "h5");
        html.push_str("</li>");
    }
    html.push_str("</ol></section>");
}

/// One finding as a presentation slide: what it is, the evidence, then the plays written for
/// it and its area's questions.
pub fn finding_slide(input: &TeamInput, finding: &Finding) -> String {
    let mut html = String::new();
    finding_body(&mut html, input, finding, "h3", "h4");
    html
}

/// Every statement with each group's points, the gap and the "Can't judge" shares.
fn statements_table(html: &mut String, input: &TeamInput) {
    let tt = input.team_strings;
    let card = input.card;
    html.push_str(r#"<section class="samepage__card">"#);
    let groups = card.groups.iter().map(|g| group_name(input, g.group));
    let columns = [input.report.column_area, tt.column_statement]
        .into_iter()
        .chain(groups)
        .chain([tt.column_gap, input.report.column_cant_judge]);
    let _ = write!(html, "<h3>{}</h3>", escape(tt.statements_title));
    open_table(html, tt.statements_caption, columns);
    for (index, statement) in input.instrument.statements().enumerate() {
        let dimension = input.instrument.dimension_of_statement(index).unwrap_or(0);
        let _ = write!(
            html,
            r#"<tr><td>{}</td><th scope="row">{}</th>"#,
            escape(area(input, dimension)),
            escape(statement.text.get(input.locale))
        );
        for group in &card.groups {
            let points = group.statements.get(index).and_then(|s| s.points());
            let _ = write!(html, "<td>{}</td>", whole_or_dash(points));
        }
        let gap = &card.statement_gaps[index];
        let gap_text = match gap.gap {
            Some(points) if gap.blind_spot() => {
                format!("{} ({})", decimal(points, 0), tt.blind_spot)
            }
            Some(points) => decimal(points, 0),
            None => "–".to_owned(),
        };
        let _ = write!(
            html,
            "<td>{}</td><td>{}</td></tr>",
            escape(&gap_text),
            escape(&cant_judge_line(input, index))
        );
    }
    html.push_str("</tbody></table></div></section>");
}

/// Every choice question with each group's most common pick and the distance between groups.
fn choices_table(html: &mut String, input: &TeamInput) {
    let tt = input.team_strings;
    let card = input.card;
    if input.instrument.definitions.is_empty() {
        return;
    }
    html.push_str(r#"<section class="samepage__card">"#);
    let _ = write!(html, "<h3>{}</h3>", escape(tt.choices_title));
    let groups = card.groups.iter().map(|g| group_name(input, g.group));
    let columns = [tt.column_question]
        .into_iter()
        .chain(groups)
        .chain([tt.column_distance]);
    open_table(html, tt.choices_caption, columns);
    for (question, comparison) in input.instrument.definitions.iter().zip(&card.definitions) {
        let _ = write!(
            html,
            r#"<tr><th scope="row">{}</th>"#,
            escape(question.prompt.get(input.locale))
        );
        for group in &card.groups {
            let cell = comparison
                .groups
                .iter()
                .find(|p| p.group == group.group)
                .and_then(|p| p.most_common())
                .map_or_else(
                    || "–".to_owned(),
                    |(option, share)| {
                        fill(
                            tt.detail_pick,
                            &[
                                ("option", &question.options[option].label.get(input.locale)),
                                ("percent", &decimal(share * 100.0, 0)),
                            ],
                        )
                    },
                );
            let _ = write!(html, "<td>{}</td>", escape(&cell));
        }
        let distance = comparison
            .distance
            .map_or_else(|| "–".to_owned(), |(d, _, _)| decimal(d, 2));
        let _ = write!(html, "<td>{}</td></tr>", escape(&distance));
    }
    html.push_str("</tbody></table></div></section>");
}

/// How to read the figures: every rule and cut-off, in plain words.
fn notes(html: &mut String, input: &TeamInput) {
    let tt = input.team_strings;
    open_card(html, tt.notes_title);
    html.push_str(r#"<ul class="samepage__notes">"#);
    let anonymity = fill(tt.note_anonymity, &[("minimum", &input.card.minimum)]);
    let alpha = fill(tt.note_alpha, &[("needed", &MIN_PAIRWISE_FOR_ALPHA)]);
    for note in [
        tt.note_alignment,
        tt.note_stages,
        tt.note_gaps,
        tt.note_agreement,
        &anonymity,
        tt.note_choices,
        &alpha,
    ] {
        let _ = write!(html, "<li>{}</li>", escape(note));
    }
    html.push_str("</ul></section>");
}

/// The facilitator's figures beside what each shown group believes: per fact, the figure and
/// each group's mean agreement (1–5) with the statement about it; for the follow-up time, also
/// each group's most common answer to how fast sales should follow up.
pub fn facts_beside_beliefs(input: &TeamInput, facts: &Facts, responses: &[&Answers]) -> String {
    let tt = input.team_strings;
    let mut html = String::new();
    open_card(&mut html, tt.facts_title);
    if Fact::ALL.iter().all(|f| f.value(facts).is_none()) {
        let _ = write!(html, "<p>{}</p></section>", escape(tt.facts_none));
        return html;
    }
    let groups = input.card.groups.iter().map(|g| group_name(input, g.group));
    let columns = [tt.facts_column_fact, tt.facts_column_figure]
        .into_iter()
        .chain(groups);
    open_table(&mut html, tt.facts_caption, columns);
    for fact in Fact::ALL {
        let Some(value) = fact.value(facts) else {
            continue;
        };
        let (label, figure) = match fact {
            Fact::FollowUpHours => (
                tt.fact_follow_up,
                fill(tt.fact_hours, &[("hours", &decimal(value, 1))]),
            ),
            Fact::AcceptedShare => (
                tt.fact_accepted,
                fill(tt.fact_percent, &[("percent", &decimal(value * 100.0, 0))]),
            ),
            Fact::Conversion => (
                tt.fact_conversion,
                fill(tt.fact_percent, &[("percent", &decimal(value * 100.0, 0))]),
            ),
        };
        let link = input.instrument.fact_link(fact.id());
        let statement = link.and_then(|l| input.instrument.statement_index(&l.statement));
        let statement_text = statement
            .and_then(|i| input.instrument.statements().nth(i))
            .map_or("", |s| s.text.get(input.locale));
        let _ = write!(
            html,
            r#"<tr><th scope="row">{}<span class="samepage__hint">{}</span></th><td>{}</td>"#,
            escape(label),
            escape(&fill(
                tt.fact_belief_statement,
                &[("statement", &statement_text)]
            )),
            escape(&figure)
        );
        let beliefs =
            statement.map_or_else(Vec::new, |i| statement_beliefs(responses, input.minimum, i));
        for group in &input.card.groups {
            let belief = beliefs
                .iter()
                .find(|(g, _, _)| *g == group.group)
                .and_then(|(_, mean, _)| *mean);
            let mut cell = belief.map_or_else(
                || "–".to_owned(),
                |mean| fill(tt.fact_belief, &[("mean", &decimal(mean, 1))]),
            );
            if let Some(choice) = link.and_then(|l| l.choice.as_deref()) {
                if let Some(pick) = common_pick(input, choice, group.group) {
                    cell.push_str("; ");
                    cell.push_str(&fill(tt.fact_follow_up_pick, &[("pick", &pick)]));
                }
            }
            let _ = write!(html, "<td>{}</td>", escape(&cell));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table></div></section>");
    html
}

/// The label of `group`'s most common pick on the choice question `id`.
fn common_pick<'a>(input: &TeamInput<'a>, id: &str, group: Group) -> Option<&'a str> {
    let comparison = input
        .card
        .definitions
        .iter()
        .find(|d| d.question_id == id)?;
    let (option, _) = comparison
        .groups
        .iter()
        .find(|p| p.group == group)?
        .most_common()?;
    let question = input.instrument.definitions.iter().find(|q| q.id == id)?;
    Some(question.options.get(option)?.label.get(input.locale))
}

/// Per area, the change of the team's mean since the previous round (started on `since`),
/// or why it is not shown (`minimum` is the workshop's). It needs no scorecard, only the
/// instrument and the words.
pub fn trend_table(
    instrument: &Instrument,
    report: &ReportStrings,
    tt: &TeamStrings,
    locale: &str,
    trend: &[Trend],
    since: &str,
    minimum: usize,
) -> String {
    let mut html = String::new();
    open_card(&mut html, tt.trend_title);
    let caption = fill(tt.trend_caption, &[("since", &since)]);
    open_table(
        &mut html,
        &caption,
        [report.column_area, tt.trend_column_change],
    );
    for (dimension, change) in instrument.dimensions.iter().zip(trend) {
        let text = match change {
            Trend::NotComparable => tt.trend_unknown.to_owned(),
            Trend::Hidden { difference } => fill(
                tt.trend_hidden,
                &[("difference", difference), ("minimum", &minimum)],
            ),
            Trend::Change(change) if *change > 0.0 => format!("+{}", decimal(*change, 0)),
            Trend::Change(change) => decimal(*change, 0),
        };
        let _ = write!(
            html,
            r#"<tr><th scope="row">{}</th><td>{}</td></tr>"#,
            escape(dimension.name.get(locale)),
            escape(&text)
        );
    }
    html.push_str("</tbody></table></div></section>");
    html
}

/// Cronbach's alpha per area, in plain words.
fn reliability(html: &mut String, input: &TeamInput) {
    let tt = input.team_strings;
    open_card(html, tt.reliability_title);
    html.push_str(r#"<dl class="samepage__definitions-list">"#);
    for (row, reliability) in input.card.reliability.iter().enumerate() {
        let reading = match reliability.alpha {
            None if reliability.checklist => tt.reliability_checklist.to_owned(),
            None if reliability.pairwise >= MIN_PAIRWISE_FOR_ALPHA => {
                tt.reliability_no_variance.to_owned()
            }
            None => fill(
                tt.reliability_not_yet,
                &[
                    ("complete", &reliability.pairwise),
                    ("needed", &MIN_PAIRWISE_FOR_ALPHA),
                ],
            ),
            Some(alpha) => {
                let template = match AlphaReading::of(alpha) {
                    AlphaReading::Consistent => tt.reliability_consistent,
                    AlphaReading::Questionable => tt.reliability_questionable,
                    AlphaReading::Inconsistent => tt.reliability_inconsistent,
                };
                fill(template, &[("alpha", &decimal(alpha, 2))])
            }
        };
        let _ = write!(
            html,
            r#"<div class="samepage__definition"><dt>{}</dt><dd>{}</dd></div>"#,
            escape(area(input, row)),
            escape(&reading)
        );
    }
    html.push_str("</dl></section>");
}
