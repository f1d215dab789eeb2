//! Creating a workshop: a name, optional team labels and the anonymity minimum.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::collect::page_address;
use super::state::CreateRefused;
use super::Workshops;
use crate::core::link::{fits_qr, participant_address, JoinLink, QR_MAX_BYTES};
use crate::core::team::ANONYMITY_FLOOR;
use crate::core::workshop::{parse_team_labels, MAX_MINIMUM};
use crate::i18n::fill;

/// The form that creates a workshop and opens it.
#[component]
pub fn CreateWorkshop() -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let name = RwSignal::new(String::new());
    let labels = RwSignal::new(String::new());
    let minimum = RwSignal::new(ANONYMITY_FLOOR.to_string());
    let refused = RwSignal::new(None::<CreateRefused>);
    let instance = workshops.instance;
    let id = move |field: &str| format!("{instance}-create-{field}");
    let error_id = id("error");

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let result = workshops.create(
            &name.get_untracked(),
            &labels.get_untracked(),
            &minimum.get_untracked(),
        );
        refused.set(result.err());
    };
    // Said while typing: a link too long for a QR code still works, but cannot be scanned.
    let too_long_for_qr = move || {
        let link = JoinLink {
            workshop: 0,
            instrument_version: workshops.current_version(),
            name: name.get().trim().to_owned(),
            team_labels: parse_team_labels(&labels.get()).ok()?,
        };
        let link = participant_address(&link, &page_address(), &link.instrument_version);
        (!fits_qr(&link)).then(|| {
            fill(
                w.create_link_too_long_for_qr,
                &[("length", &link.len()), ("max", &QR_MAX_BYTES)],
            )
        })
    };
    let error_text = move || {
        refused.get().map(|why| match why {
            CreateRefused::NoName => w.create_name_missing.to_owned(),
            CreateRefused::Minimum(refused) => w.minimum_refused(refused),
            CreateRefused::Labels(refused) => w.labels_refused(refused),
        })
    };

    view! {
        <form class="samepage__card samepage__form" on:submit=submit novalidate>
            <h3>{w.create_title}</h3>
            <div class="samepage__field">
                <label for=id("name")>{w.create_name}</label>
                <input
                    id=id("name")
                    type="text"
                    autocomplete="off"
                    maxlength="80"
                    aria-describedby=move || {
                        (refused.get() == Some(CreateRefused::NoName)).then(|| error_id.clone())
                    }
                    prop:value=move || name.get()
                    on:input=move |e| name.set(event_target_value(&e))
                />
            </div>
            <div class="samepage__field">
                <label for=id("labels")>{w.create_labels}</label>
                <input
                    id=id("labels")
                    type="text"
                    autocomplete="off"
                    aria-describedby=id("labels-hint")
                    prop:value=move || labels.get()
                    on:input=move |e| labels.set(event_target_value(&e))
                />
                <p class="samepage__hint" id=id("labels-hint")>{w.create_labels_hint}</p>
                {move || {
                    too_long_for_qr()
                        .map(|text| view! { <p class="samepage__hint" role="status">{text}</p> })
                }}
            </div>
            <div class="samepage__field">
                <label for=id("minimum")>{w.create_minimum}</label>
                <input
                    id=id("minimum")
                    type="number"
                    inputmode="numeric"
                    min=ANONYMITY_FLOOR
                    max=MAX_MINIMUM
                    aria-describedby=move || match refused.get() {
                        Some(CreateRefused::Minimum(_)) => format!("{} {}", id("minimum-hint"), id("error")),
                        _ => id("minimum-hint"),
                    }
                    prop:value=move || minimum.get()
                    on:input=move |e| minimum.set(event_target_value(&e))
                />
                <p class="samepage__hint" id=id("minimum-hint")>{w.create_minimum_hint}</p>
            </div>
            {move || {
                error_text()
                    .map(|text| {
                        view! {
                            <p class="samepage__error" role="alert" id=id("error")>
                                {text}
                            </p>
                        }
                    })
            }}
            <button type="submit" class="samepage__button samepage__button--primary">
                {w.create_submit}
            </button>
        </form>
    }
}
