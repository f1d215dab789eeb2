//! The workshop page's storage warning and the stored workshops it could not read.

use leptos::prelude::*;

use super::Workshops;
use crate::i18n::fill;
use crate::ui::notices::DismissibleNotice;

/// The storage warning (while it lasts), a one-off message and what was set aside (each until
/// dismissed).
#[component]
pub fn WorkshopNotices() -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let warning = move || {
        workshops.warning.get().map(|text| {
            view! {
                <div class="samepage__notice samepage__notice--warning" role="alert">
                    <p>{text}</p>
                </div>
            }
        })
    };
    let set_aside = move || {
        let kept = workshops.set_aside.get();
        (!kept.is_empty()).then(|| {
            let items = kept
                .into_iter()
                .map(|kept| {
                    let text = fill(
                        w.unreadable_workshop_kept,
                        &[("reason", &w.file_error(&kept.reason)), ("key", &kept.key)],
                    );
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <DismissibleNotice
                    role="status"
                    dismiss=workshops.text().dismiss
                    on_dismiss=Callback::new(move |()| workshops.set_aside.set(Vec::new()))
                >
                    <ul>{items}</ul>
                </DismissibleNotice>
            }
        })
    };
    let message = move || {
        workshops.message.get().map(|text| {
            view! {
                <DismissibleNotice
                    role="alert"
                    dismiss=workshops.text().dismiss
                    on_dismiss=Callback::new(move |()| workshops.message.set(None))
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
            {set_aside}
        </div>
    }
}
