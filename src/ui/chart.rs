//! The per-dimension score chart, drawn as SVG by the app itself. Widths are percentages and
//! text is in pixels, so labels stay readable from 320 px phones to projectors.

use leptos::prelude::*;

use super::Survey;
use crate::core::scoring::{Scorecard, Stage};
use crate::i18n::fill;

const ROW_HEIGHT: usize = 46;
const AXIS_HEIGHT: usize = 24;

/// A horizontal bar per dimension on a 0–100 axis, with the stage cut-offs marked. The
/// chart is an image with a title and description; the figures are also given as a table.
#[component]
pub fn ScoreChart(scorecard: Scorecard) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let locale = survey.locale();
    let instrument = survey.instrument();
    let rows = scorecard.dimensions.len();
    let height = rows * ROW_HEIGHT + AXIS_HEIGHT;
    let title_id = format!("{}-chart-title", survey.instance);
    let desc_id = format!("{}-chart-desc", survey.instance);

    let bars = scorecard
        .dimensions
        .iter()
        .enumerate()
        .map(|(row, result)| {
            let top = row * ROW_HEIGHT;
            let name = instrument
                .dimension(&result.dimension_id)
                .map(|d| d.name.get(locale).to_owned())
                .unwrap_or_default();
            match (result.score.whole(), result.stage()) {
                (Some(score), Some(stage)) => {
                    let label = format!("{name}: {score} · {}", t.stage(stage));
                    view! {
                        <g class="samepage__chart-row">
                            <text x="0" y=top + 16 class="samepage__chart-label">{label}</text>
                            <rect
                                x="0"
                                y=top + 22
                                height="16"
                                width=format!("{score}%")
                                rx="3"
                                class=format!("samepage__bar samepage__bar--{}", stage.id())
                            ></rect>
                        </g>
                    }
                    .into_any()
                }
                _ => {
                    let label = format!("{name}: {}", t.not_enough_answers);
                    view! {
                        <g class="samepage__chart-row">
                            <text x="0" y=top + 16 class="samepage__chart-label">{label}</text>
                            <rect
                                x="0"
                                y=top + 22
                                height="16"
                                width="100%"
                                class="samepage__bar samepage__bar--none"
                            ></rect>
                        </g>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();

    let cutoffs = Stage::LOWER_BOUNDS
        .into_iter()
        .chain([100.0])
        .map(|bound| {
            let bound = bound as u32;
            let anchor = match bound {
                0 => "start",
                100 => "end",
                _ => "middle",
            };
            view! {
                <line
                    x1=format!("{bound}%")
                    x2=format!("{bound}%")
                    y1="18"
                    y2=rows * ROW_HEIGHT
                    class="samepage__chart-cutoff"
                ></line>
                <text
                    x=format!("{bound}%")
                    y=rows * ROW_HEIGHT + 16
                    text-anchor=anchor
                    class="samepage__chart-axis"
                >
                    {bound}
                </text>
            }
        })
        .collect_view();

    view! {
        <figure class="samepage__chart">
            <svg
                width="100%"
                height=height
                role="img"
                aria-labelledby=format!("{title_id} {desc_id}")
                xmlns="http://www.w3.org/2000/svg"
            >
                <title id=title_id.clone()>{t.chart_title}</title>
                <desc id=desc_id.clone()>{fill(t.chart_summary, &[("count", &rows)])}</desc>
                {bars}
                {cutoffs}
            </svg>
        </figure>
    }
}
