//! The personal scorecard: overall index, a chart and table of every dimension, the weakest
//! dimensions with their plays and questions, possible blame loops and the definitions.

use leptos::prelude::*;

use super::chart::ScoreChart;
use super::Survey;
use crate::core::flow::Step;
use crate::core::instrument::{Dimension, Text};
use crate::core::scoring::{one_sided_pairs, DimensionResult, Score, Scorecard as Card, Stage};
use crate::i18n::fill;

/// How many weak dimensions the scorecard explains in full.
const WEAKEST_SHOWN: usize = 3;

/// The scorecard of this respondent's answers.
#[component]
pub fn Scorecard() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let instrument = survey.instrument();
    let response = survey.response.get_untracked();
    let card = Card::personal(&instrument, &response);
    let weakest: Vec<(Dimension, DimensionResult)> = card
        .weakest(WEAKEST_SHOWN)
        .into_iter()
        .filter_map(|r| {
            instrument
                .dimension(&r.dimension_id)
                .map(|d| (d.clone(), r.clone()))
        })
        .collect();
    let role = response
        .role
        .map(|role| fill(t.scorecard_role, &[("role", &t.role(role))]));

    view! {
        <div class="samepage__step samepage__scorecard">
            <h2 tabindex="-1">{t.scorecard_title}</h2>
            {role.map(|role| view! { <p class="samepage__hint">{role}</p> })}
            <Overall score=card.overall />
            <section class="samepage__card">
                <h3>{t.chart_title}</h3>
                <ScoreChart scorecard=card.clone() />
                <ScoreTable scorecard=card.clone() />
                <p class="samepage__hint">{t.stage_cutoffs}</p>
            </section>
            <section class="samepage__card">
                <h3>{t.weakest_title}</h3>
                {if weakest.is_empty() {
                    view! { <p>{t.weakest_none}</p> }.into_any()
                } else {
                    weakest
                        .into_iter()
                        .map(|(dimension, result)| view! { <WeakArea dimension result /> })
                        .collect_view()
                        .into_any()
                }}
            </section>
            <BlameLoops />
            <DefinitionsResult />
            <div class="samepage__nav samepage__no-print">
                <button
                    type="button"
                    class="samepage__button"
                    on:click=move |_| survey.go_to(Step::Statements(0))
                >
                    {t.change_answers}
                </button>
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    on:click=|_| {
                        if let Some(window) = web_sys::window() {
                            let _ = window.print();
                        }
                    }
                >
                    {t.print}
                </button>
            </div>
        </div>
    }
}

/// A 0–100 score as text, or "not enough answers".
fn score_text(score: Score, not_enough: &'static str) -> String {
    score
        .whole()
        .map_or_else(|| not_enough.to_owned(), |v| v.to_string())
}

/// The overall index with its stage, or why there is none.
#[component]
fn Overall(score: Score) -> impl IntoView {
    let t = Survey::use_context().text();
    let body = match (score.whole(), score.value().map(Stage::of)) {
        (Some(value), Some(stage)) => view! {
            <p class="samepage__overall-figure">
                <span class="samepage__overall-number">{value}</span>
                <span class="samepage__overall-scale">{t.out_of_100}</span>
            </p>
            <p class="samepage__overall-stage">
                <strong>{t.stage(stage)}</strong>
                ": "
                {t.stage_hint(stage)}
            </p>
        }
        .into_any(),
        _ => view! { <p>{t.not_enough_overall}</p> }.into_any(),
    };
    view! {
        <section class="samepage__card samepage__overall">
            <h3>{t.overall_label}</h3>
            {body}
        </section>
    }
}

/// Every dimension's score, stage and "Can't judge" count as a table: the chart's text
/// alternative and the figures for print.
#[component]
fn ScoreTable(scorecard: Card) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let locale = survey.locale();
    let instrument = survey.instrument();
    let rows = scorecard
        .dimensions
        .iter()
        .map(|result| {
            let name = instrument
                .dimension(&result.dimension_id)
                .map(|d| d.name.get(locale).to_owned())
                .unwrap_or_default();
            let stage = result.stage().map_or("–", |s| t.stage(s));
            view! {
                <tr data-dimension=result.dimension_id.clone()>
                    <th scope="row">{name}</th>
                    <td>{score_text(result.score, t.not_enough_answers)}</td>
                    <td>{stage}</td>
                    <td>{result.cant_judge}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="samepage__table-wrap">
            <table class="samepage__table">
                <caption>{t.chart_table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.column_area}</th>
                        <th scope="col">{t.column_score}</th>
                        <th scope="col">{t.column_stage}</th>
                        <th scope="col">{t.column_cant_judge}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// One weak dimension: its score, what it means, plays to try and questions to discuss.
#[component]
fn WeakArea(dimension: Dimension, result: DimensionResult) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let locale = survey.locale();
    let score = score_text(result.score, t.not_enough_answers);
    let stage = result.stage().map(|s| t.stage(s)).unwrap_or_default();
    let list = |items: &[Text]| {
        items
            .iter()
            .map(|item| view! { <li>{item.get(locale).to_owned()}</li> })
            .collect_view()
    };
    view! {
        <article class="samepage__weak" data-dimension=dimension.id.clone()>
            <h4>{dimension.name.get(locale).to_owned()}</h4>
            <p class="samepage__weak-score">
                {fill(t.score_out_of, &[("score", &score)])}
                " · "
                {stage}
            </p>
            <p>{dimension.explanation.get(locale).to_owned()}</p>
            <h5>{t.plays_title}</h5>
            <ul>{list(&dimension.plays)}</ul>
            <h5>{t.questions_title}</h5>
            <ul>{list(&dimension.questions)}</ul>
        </article>
    }
}

/// Mirror pairs where the respondent rates their own side well and the other side badly.
#[component]
fn BlameLoops() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let locale = survey.locale();
    let instrument = survey.instrument();
    let response = survey.response.get_untracked();
    let topics: Vec<String> = one_sided_pairs(&instrument, &response)
        .into_iter()
        .map(|pair| fill(t.blame_body, &[("topic", &pair.topic.get(locale))]))
        .collect();
    (!topics.is_empty()).then(|| {
        view! {
            <section class="samepage__card samepage__blame">
                <h3>{t.blame_title}</h3>
                <ul>{topics.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
            </section>
        }
    })
}

/// The respondent's definitions picks, flagging "no agreed definition".
#[component]
fn DefinitionsResult() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let locale = survey.locale();
    let instrument = survey.instrument();
    let response = survey.response.get_untracked();
    let items = instrument
        .definitions
        .iter()
        .map(|question| {
            let picked = response
                .definitions
                .get(&question.id)
                .and_then(|id| question.options.iter().find(|o| &o.id == id));
            let answer = picked.map_or(t.definitions_not_answered.to_owned(), |o| {
                o.label.get(locale).to_owned()
            });
            let undefined = picked.is_some_and(|o| o.undefined);
            view! {
                <div class="samepage__definition">
                    <dt>{question.prompt.get(locale).to_owned()}</dt>
                    <dd>
                        {answer}
                        {undefined.then(|| view! { <p class="samepage__flag">{t.definitions_undefined}</p> })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="samepage__card">
            <h3>{t.definitions_result_title}</h3>
            <dl class="samepage__definitions-list">{items}</dl>
            <p class="samepage__hint">{t.definitions_team_note}</p>
        </section>
    }
}
