//! "Start over" and "Erase my answers from this device", each behind a confirmation.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

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
                    action="start-over"
                    label=t.start_over
                    question=t.start_over_question
                    confirm=t.start_over_confirm
                    on_confirm=Callback::new(move |()| survey.start_over())
                />
                <ConfirmedAction
                    action="erase"
                    label=t.erase
                    question=t.erase_question
                    confirm=t.erase_confirm
                    on_confirm=Callback::new(move |()| survey.erase())
                />
            </div>
        </Show>
    }
}

/// A button that asks before it acts. The question gets focus on "Cancel", the safe choice;
/// Escape cancels too.
#[component]
fn ConfirmedAction(
    /// Distinguishes this action's element ids within the instance.
    action: &'static str,
    label: &'static str,
    question: &'static str,
    confirm: &'static str,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let asking = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let cancel_button = NodeRef::<html::Button>::new();
    let question_id = format!("{}-{action}-question", survey.instance);

    let close = move || {
        asking.set(false);
        if let Some(button) = opener.get_untracked() {
            let _ = button.focus();
        }
    };
    Effect::new(move |_| {
        if asking.get() {
            if let Some(button) = cancel_button.get() {
                let _ = button.focus();
            }
        }
    });
    let on_key = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            close();
        }
    };

    view! {
        <div class="samepage__confirm">
            <button
                type="button"
                class="samepage__button samepage__button--quiet"
                node_ref=opener
                aria-expanded=move || asking.get().to_string()
                on:click=move |_| asking.set(true)
            >
                {label}
            </button>
            <Show when=move || asking.get()>
                <div
                    class="samepage__confirm-box"
                    role="alertdialog"
                    aria-labelledby=question_id.clone()
                    on:keydown=on_key
                >
                    <p id=question_id.clone()>{question}</p>
                    <button
                        type="button"
                        class="samepage__button samepage__button--danger"
                        on:click=move |_| {
                            asking.set(false);
                            on_confirm.run(());
                        }
                    >
                        {confirm}
                    </button>
                    <button
                        type="button"
                        class="samepage__button"
                        node_ref=cancel_button
                        on:click=move |_| close()
                    >
                        {t.cancel}
                    </button>
                </div>
            </Show>
        </div>
    }
}
