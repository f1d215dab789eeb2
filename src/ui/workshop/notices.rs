//! The workshop page's storage warning and the stored workshops it could not read.

use leptos::prelude::*;

use super::Workshops;
use crate::ui::notices::DismissibleNotice;

/// The storage warning (while it lasts) and a one-off message (until dismissed). What was set
/// aside is listed on the list screen (`files::SetAsideList`) until deleted.
#[component]
pub fn WorkshopNotices() -> impl IntoView {
    let workshops = Workshops::use_context();
    let warning = move || {
        workshops.warning.get().map(|text| {
            view! {
                <div class="samepage__notice samepage__notice--warning" role="alert">
                    <p>{text}</p>
                </div>
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
        </div>
    }
}
