//! The personal scorecard as HTML: overall index, a chart and table of every dimension, the
//! weakest dimensions with their plays and questions, possible blame loops and the
//! definitions check.

use super::chart::{score_bars, Bar};
use super::{advice, markup, open_card};
use crate::core::instrument::{Dimension, Instrument, Play};
use crate::core::response::{Answer, Response};
use crate::core::scoring::{one_sided_pairs, Score, Scorecard, Stage, DISAGREES_UP_TO};
use crate::i18n::{fill_text, ReportStrings, SharedStrings};

/// How many weak dimensions the scorecard explains in full.
pub const WEAKEST_SHOWN: usize = 3;

/// Everything a scorecard is drawn from.
pub struct ScorecardInput<'a> {
    pub instrument: &'a Instrument,
    pub response: &'a Response,
    /// The strings the survey shares, `locale.shared_strings()`.
    pub shared: &'a SharedStrings,
    /// The scorecard's own strings, `locale.report_strings()`.
    pub report: &'a ReportStrings,
    pub locale: &'a str,
    /// Prefix for element ids, unique per instance on the page.
    pub id_prefix: &'a str,
}

/// The scorecard's markup (the heading and the buttons around it belong to the UI).
pub fn personal_scorecard(input: &ScorecardInput) -> String {
    let card = Scorecard::personal(input.instrument, input.response);
    let mut html = String::new();
    if let Some(role) = input.response.role {
        let role = fill_text(
            input.report.scorecard_role,
            &[("role", input.shared.role(role))],
        );
        markup(&mut html, r#"<p class="samepage__hint">{}</p>"#, &[&role]);
    }
    overall(&mut html, input, card.overall);
    areas(&mut html, input, &card);
    weakest(&mut html, input, &card);
    blame_loops(&mut html, input);
    definitions(&mut html, input);
    html
}

/// A score as people read it: whole points, or "not enough answers".
fn score_text(score: Score, t: &ReportStrings) -> String {
    score
        .whole()
        .map_or_else(|| t.not_enough_answers.to_owned(), |v| v.to_string())
}

fn overall(html: &mut String, input: &ScorecardInput, score: Score) {
    let t = input.report;
    markup(
        html,
        r#"<section class="samepage__card samepage__overall"><h3>{}</h3>"#,
        &[t.overall_label],
    );
    match (score.whole(), score.value().map(Stage::of)) {
        (Some(value), Some(stage)) => markup(
            html,
            r#"<p class="samepage__overall-figure"><span class="samepage__overall-number">{}</span><span class="samepage__overall-scale">{}</span></p><p class="samepage__overall-stage"><strong>{}</strong>: {}</p>"#,
            &[
                &value.to_string(),
                input.shared.out_of_100,
                t.stage(stage),
                t.stage_hint(stage),
            ],
        ),
        _ => markup(html, "<p>{}</p>", &[t.not_enough_overall]),
    }
    html.push_str("</section>");
}

/// The chart and the table of every dimension: the table is the chart's text alternative.
fn areas(html: &mut String, input: &ScorecardInput, card: &Scorecard) {
    let t = input.report;
    // Each area's name, score as read and stage's name (when scored), for its bar and row.
    let rows: Vec<(&str, String, Option<&str>)> = card
        .dimensions
        .iter()
        .map(|d| {
            let name = input
                .instrument
                .dimension(&d.dimension_id)
                .map_or("", |d| d.name.get(input.locale));
            (name, score_text(d.score, t), d.stage().map(|s| t.stage(s)))
        })
        .collect();
    let labels: Vec<String> = rows
        .iter()
        .map(|(name, score, stage)| {
            // "Common language: 63 · Aligned", or "…: Not enough answers".
            let mut label = (*name).to_owned();
            label.push_str(": ");
            label.push_str(score);
            if let Some(stage) = stage {
                label.push_str(" · ");
                label.push_str(stage);
            }
            label
        })
        .collect();
    let bars: Vec<Bar> = card
        .dimensions
        .iter()
        .zip(&labels)
        .map(|(d, label)| Bar {
            label,
            score: d.score.whole(),
            stage_id: d.stage().map_or("", Stage::id),
        })
        .collect();
    let svg = score_bars(
        &(input.id_prefix.to_owned() + "-chart"),
        t.chart_title,
        &fill_text(t.chart_summary, &[("count", &bars.len().to_string())]),
        &bars,
        &Stage::LOWER_BOUNDS.map(|bound| bound as u32),
    );
    markup(
        html,
        r#"<section class="samepage__card"><h3>{}</h3><figure class="samepage__chart">"#,
        &[t.chart_title],
    );
    html.push_str(&svg);
    markup(
        html,
        r#"</figure><div class="samepage__table-wrap"><table class="samepage__table"><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>"#,
        &[
            t.chart_table_caption,
            t.column_area,
            t.column_score,
            t.column_stage,
            t.column_cant_judge,
        ],
    );
    for (d, (name, score, stage)) in card.dimensions.iter().zip(&rows) {
        markup(
            html,
            r#"<tr data-dimension="{}"><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>"#,
            &[
                &d.dimension_id,
                name,
                score,
                stage.unwrap_or("–"),
                &d.cant_judge.to_string(),
            ],
        );
    }
    markup(
        html,
        r#"</tbody></table></div><p class="samepage__hint">{}</p></section>"#,
        &[t.stage_cutoffs],
    );
}

/// The weakest dimensions, each with its explanation, plays and questions.
fn weakest(html: &mut String, input: &ScorecardInput, card: &Scorecard) {
    let t = input.report;
    let locale = input.locale;
    open_card(html, t.weakest_title);
    let weakest = card.weakest(WEAKEST_SHOWN);
    if weakest.is_empty() {
        markup(html, "<p>{}</p>", &[t.weakest_none]);
    }
    for result in weakest {
        let Some(dimension) = input.instrument.dimension(&result.dimension_id) else {
            continue;
        };
        let score = fill_text(t.score_out_of, &[("score", &score_text(result.score, t))]);
        let stage = result.stage().map_or("", |s| t.stage(s));
        markup(
            html,
            r#"<article class="samepage__weak" data-dimension="{}"><h4>{}</h4><p class="samepage__weak-score">{} · {}</p>"#,
            &[&dimension.id, dimension.name.get(locale), &score, stage],
        );
        let plays = personal_plays(input, dimension);
        advice(html, t, dimension, &plays, locale, "h5");
        html.push_str("</article>");
    }
    html.push_str("</section>");
}

/// The plays for a weak dimension of one respondent: those written for the statements they
/// disagreed with (rated 1 or 2), or the dimension's own plays when there are none.
fn personal_plays<'a>(input: &ScorecardInput<'a>, dimension: &'a Dimension) -> Vec<&'a Play> {
    let mut ids: Vec<String> = Vec::new();
    for statement in &dimension.statements {
        let level = input.response.answer(&statement.id).and_then(Answer::level);
        if level.is_some_and(|l| l <= DISAGREES_UP_TO) {
            for play in &statement.plays {
                if !ids.contains(play) {
                    ids.push(play.clone());
                }
            }
        }
    }
    let index = input
        .instrument
        .dimensions
        .iter()
        .position(|d| d.id == dimension.id)
        .unwrap_or(0);
    input.instrument.plays_for(&ids, index)
}

/// Mirror pairs where the respondent rates their own side well and the other side badly.
fn blame_loops(html: &mut String, input: &ScorecardInput) {
    let t = input.report;
    let pairs = one_sided_pairs(input.instrument, input.response);
    if pairs.is_empty() {
        return;
    }
    markup(
        html,
        r#"<section class="samepage__card samepage__blame"><h3>{}</h3><ul>"#,
        &[t.blame_title],
    );
    for pair in pairs {
        let text = fill_text(t.blame_body, &[("topic", pair.topic.get(input.locale))]);
        markup(html, "<li>{}</li>", &[&text]);
    }
    html.push_str("</ul></section>");
}

/// The respondent's definitions picks, flagging "no agreed definition".
fn definitions(html: &mut String, input: &ScorecardInput) {
    let t = input.report;
    let locale = input.locale;
    open_card(html, t.definitions_result_title);
    html.push_str(r#"<dl class="samepage__definitions-list">"#);
    for question in &input.instrument.definitions {
        let picked = input
            .response
            .definitions
            .get(&question.id)
            .and_then(|id| question.options.iter().find(|o| &o.id == id));
        let answer = picked.map_or(t.definitions_not_answered, |o| o.label.get(locale));
        markup(
            html,
            r#"<div class="samepage__definition"><dt>{}</dt><dd>{}"#,
            &[question.prompt.get(locale), answer],
        );
        if picked.is_some_and(|o| o.none) {
            markup(
                html,
                r#"<p class="samepage__flag">{}</p>"#,
                &[t.definitions_undefined],
            );
        }
        html.push_str("</dd></div>");
    }
    markup(
        html,
        r#"</dl><p class="samepage__hint">{}</p></section>"#,
        &[t.definitions_team_note],
    );
}
