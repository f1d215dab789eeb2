//! "Start over" and "Erase my answers from this device", each behind a confirmation.

use leptos::prelude::*;

use super::confirm::ConfirmedAction;
use super::Survey;

/// The survey-wide actions, offered once there is something to clear.
#[component]
pub fn SurveyActions() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let has_answers = move || survey.response.with(|r| !r.is_empty());
    view! {
        <Show when=has_answers>
            <div class="samepage__actions samepage__no-print">
                <ConfirmedAction
                    id=format!("{}-start-over", survey.instance)
                    label=t.start_over
                    question=t.start_over_question
                    confirm=t.start_over_confirm
                    cancel=t.cancel
                    on_confirm=Callback::new(move |()| survey.start_over())
                />
                <ConfirmedAction
                    id=format!("{}-erase", survey.instance)
                    label=t.erase
                    question=t.erase_question
                    confirm=t.erase_confirm
                    cancel=t.cancel
                    on_confirm=Callback::new(move |()| survey.erase())
                />
            </div>
        </Show>
    }
}
