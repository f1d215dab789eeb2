//! The personal scorecard screen: the report, computed by the survey's later wasm
//! ([`crate::report::later`]) from the stored survey (a workshop participant's below their
//! code card, whose copy buttons the loader wires), plus the buttons to change answers and
//! to print.

use leptos::prelude::*;

use super::Survey;
use crate::core::flow::Step;
use crate::i18n::fill;

/// The scorecard of this respondent's answers.
#[component]
pub fn Scorecard() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    // None while the loader fetches the later wasm (at once when it was prepared).
    let report = RwSignal::new(None::<Result<String, String>>);
    survey.scorecard_html(move |html| report.set(Some(html)));
    let shown = move || match report.get() {
        None => {
            view! { <p class="samepage__hint" role="status">{t.scorecard_loading}</p> }.into_any()
        }
        Some(Ok(html)) => view! { <div class="samepage__report" inner_html=html></div> }.into_any(),
        Some(Err(reason)) => view! {
            <p class="samepage__notice samepage__notice--warning" role="alert">
                {fill(t.shared.scorecard_failed, &[("reason", &reason)])}
            </p>
        }
        .into_any(),
    };
    view! {
        <div class="samepage__step samepage__scorecard">
            <h2 tabindex="-1">{t.scorecard_title}</h2>
            {shown}
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
