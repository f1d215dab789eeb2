//! Storage warnings and one-off messages, shown above the current step.

use leptos::prelude::*;

use super::state::{Message, StorageWarning};
use super::Survey;
use crate::core::saved::Unreadable;
use crate::i18n::{fill, Strings};

/// The storage warning (while it lasts) and the current message (until dismissed).
#[component]
pub fn Notices() -> impl IntoView {
    let survey = Survey::use_context();
    let t = survey.text();
    let warning = move || {
        survey.warning.get().map(|warning| {
            let text = match warning {
                StorageWarning::Unavailable(reason) => {
                    fill(t.storage_unavailable, &[("reason", &reason)])
                }
                StorageWarning::WriteFailed(reason) => {
                    fill(t.storage_failed, &[("reason", &reason)])
                }
            };
            view! {
                <div class="samepage__notice samepage__notice--warning" role="alert">
                    <p>{text}</p>
                </div>
            }
        })
    };
    let message = move || {
        survey.message.get().map(|message| {
            let text = message_text(t, &message);
            view! {
                <DismissibleNotice
                    role="status"
                    dismiss=t.dismiss
                    on_dismiss=Callback::new(move |()| survey.message.set(None))
                >
                    <p>{text}</p>
                </DismissibleNotice>
            }
        })
    };
    view! {
        <div class="samepage__notices">
            {warning}
            {message}
        </div>
    }
}

/// A notice that stays until the user dismisses it.
#[component]
pub(crate) fn DismissibleNotice(
    /// `status`, or `alert` for what went wrong.
    role: &'static str,
    /// The dismiss button's label.
    dismiss: &'static str,
    on_dismiss: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="samepage__notice" role=role>
            {children()}
            <button
                type="button"
                class="samepage__button samepage__button--small"
                on:click=move |_| on_dismiss.run(())
            >
                {dismiss}
            </button>
        </div>
    }
}

/// The words for a one-off message.
fn message_text(t: &'static Strings, message: &Message) -> String {
    match message {
        Message::Erased => t.erased_notice.to_owned(),
        Message::SetAside { key, reason } => {
            let reason = match reason {
                Unreadable::NotSurveyData => t.unreadable_reason_not_survey,
                Unreadable::NewerSchema(_) => t.unreadable_reason_newer,
                Unreadable::Damaged(_) => t.unreadable_reason_damaged,
            };
            fill(t.unreadable_kept, &[("reason", &reason), ("key", key)])
        }
    }
}
