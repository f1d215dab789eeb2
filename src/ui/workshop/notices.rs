//! The workshop page's storage warning and the stored workshops it could not read.

use leptos::prelude::*;

use super::Workshops;
use crate::i18n::fill;

/// The storage warning (while it lasts) and what was set aside (until dismissed).
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
                        &[("reason", &kept.reason), ("key", &kept.key)],
                    );
                    view! { <li>{text}</li> }
                })
                .collect_view();
            view! {
                <div class="samepage__notice" role="status">
                    <ul>{items}</ul>
                    <button
                        type="button"
                        class="samepage__button samepage__button--small"
                        on:click=move |_| workshops.set_aside.set(Vec::new())
                    >
                        {workshops.text().dismiss}
                    </button>
                </div>
            }
        })
    };
    view! {
        <div class="samepage__notices">
            {warning}
            {set_aside}
        </div>
    }
}
