//! The personal scorecard screen: the report from [`crate::report::scorecard`], plus the
//! buttons to change answers and to print.

use leptos::prelude::*;

use super::Survey;
use crate::core::flow::Step;
use crate::report::scorecard::{personal_scorecard, ScorecardInput};

/// The scorecard of this respondent's answers.
#[component]
pub fn Scorecard() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let instrument = survey.instrument();
    let response = survey.response.get_untracked();
    let report = personal_scorecard(&ScorecardInput {
        instrument: &instrument,
        response: &response,
        strings: t,
        locale: survey.locale(),
        id_prefix: survey.instance,
    });
    view! {
        <div class="samepage__step samepage__scorecard">
            <h2 tabindex="-1">{t.scorecard_title}</h2>
            <div class="samepage__report" inner_html=report></div>
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
