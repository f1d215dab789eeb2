//! Workshop files: importing a workshop's JSON file; downloading the workshop as JSON and its
//! responses as CSV (every row, after a question, or the shown groups' only); printing the
//! team report; and the stored workshops that could not be read, until deleted.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::state::FileRefused;
use super::{Screen, Workshops};
use crate::core::link::isolate;
use crate::core::workshop_file::{export_json, file_name};
use crate::i18n::fill;
use crate::report::csv::{responses_csv, CsvRows};
use crate::ui::confirm::ConfirmedAction;

/// Offers `text` as a file download named `name`.
fn download(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Downloads for one workshop: the whole workshop as JSON, its responses as CSV, and the
/// printable team report.
#[component]
pub fn Exports(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let failed = RwSignal::new(false);
    let save = move |csv: Option<CsvRows>| {
        let Some(workshop) = workshops.peek(id) else {
            return;
        };
        let catalogue = workshops.catalogue();
        let result = if let Some(rows) = csv {
            download(
                &match rows {
                    CsvRows::All => file_name(&workshop.name, "csv"),
                    CsvRows::ShownGroups => {
                        file_name(&format!("{} shown groups", workshop.name), "csv")
                    }
                },
                "text/csv;charset=utf-8",
                &responses_csv(&catalogue, &workshop, rows),
            )
        } else {
            download(
                &file_name(&workshop.name, "json"),
                "application/json",
                &export_json(&catalogue, &workshop),
            )
        };
        failed.set(result.is_err());
    };
    view! {
        <section class="samepage__card samepage__no-print">
            <h3>{w.files_title}</h3>
            <p class="samepage__hint">{w.files_hint}</p>
            <div class="samepage__row">
                <button type="button" class="samepage__button" on:click=move |_| save(None)>
                    {w.export_json}
                </button>
                // The full file can hold rows of groups the report hides: always asked first.
                <ConfirmedAction
                    id=format!("{}-{id:08x}-csv", workshops.instance)
                    label=w.export_csv
                    question=w.export_csv_question
                    confirm=w.export_csv_confirm
                    cancel=workshops.text().cancel
                    on_confirm=Callback::new(move |()| save(Some(CsvRows::All)))
                />
                <button
                    type="button"
                    class="samepage__button"
                    on:click=move |_| save(Some(CsvRows::ShownGroups))
                >
                    {w.export_csv_shown}
                </button>
                <button
                    type="button"
                    class="samepage__button"
                    on:click=|_| {
                        if let Some(window) = web_sys::window() {
                            let _ = window.print();
                        }
                    }
                >
                    {w.print_report}
                </button>
            </div>
            <Show when=move || failed.get()>
                <p class="samepage__error" role="alert">{w.export_failed}</p>
            </Show>
        </section>
    }
}

/// Reads the file chosen in the file input that fired `event` as text, then hands `done` its
/// name, isolated for the sentences that name it (`core::link::isolate`), and its text (`None`
/// when it cannot be read as text). The input is emptied, so the
/// same file can be chosen again. From the choice until `done` has run, `busy` says which
/// file is being imported (`w.file_busy`), drawn before the import starts: a file of 100,000
/// responses takes a second or more to import, during which the page cannot answer.
pub fn read_chosen_file(
    event: &leptos::ev::Event,
    busy: RwSignal<Option<String>>,
    done: impl FnOnce(String, Option<String>) + 'static,
) {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let size = crate::core::scoring::decimal(file.size() / 1e6, 1);
    let w = Workshops::use_context().workshop_text();
    // The file's name goes into sentences only: isolated once, so it cannot reorder them.
    let label = isolate(&file.name());
    busy.set(Some(fill(
        w.file_busy,
        &[("file", &label), ("size", &size)],
    )));
    leptos::task::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string());
        // After the next paint, so the status shows before the import holds the page: a
        // timeout set in an animation frame runs once that frame is drawn.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    done(label, text);
                    busy.set(None);
                },
                std::time::Duration::ZERO,
            );
        });
    });
}

/// Says which file is being imported, while it is: a live region there from the start, so
/// screen readers announce what it says.
#[component]
pub fn ReadingFile(busy: RwSignal<Option<String>>) -> impl IntoView {
    view! { <p class="samepage__busy" role="status">{move || busy.get()}</p> }
}

/// Importing a workshop file chosen by the facilitator; a refused file changes nothing.
#[component]
pub fn ImportWorkshopFile() -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(None);
    let input_id = format!("{}-import-file", workshops.instance);

    let on_change = move |event: leptos::ev::Event| {
        outcome.set(None);
        read_chosen_file(&event, busy, move |file_label, text| {
            let result = match text {
                None => Err(fill(w.import_unreadable_file, &[("file", &file_label)])),
                Some(text) => match workshops.import_file(&text) {
                    Ok(id) => Ok(fill(
                        w.import_done,
                        &[(
                            "name",
                            &isolate(&workshops.peek(id).map(|ws| ws.name).unwrap_or_default()),
                        )],
                    )),
                    Err(FileRefused::File(reason)) => Err(fill(
                        w.import_refused,
                        &[("file", &file_label), ("reason", &w.file_error(&reason))],
                    )),
                    Err(FileRefused::AlreadyHere(name)) => Err(fill(
                        w.import_already_here,
                        &[("file", &file_label), ("name", &isolate(&name))],
                    )),
                    Err(FileRefused::NotStored(refused)) => {
                        let (needed, used) = refused.megabytes();
                        Err(fill(
                            w.import_not_stored,
                            &[
                                ("file", &file_label),
                                ("reason", &refused.reason),
                                ("needed", &needed),
                                ("used", &used),
                            ],
                        ))
                    }
                },
            };
            outcome.set(Some(result));
        });
    };

    view! {
        <section class="samepage__card">
            <h3>{w.import_title}</h3>
            <label class="samepage__file" for=input_id.clone()>
                <span>{w.import_label}</span>
                <input id=input_id.clone() type="file" accept=".json,application/json" on:change=on_change />
            </label>
            <ReadingFile busy=busy />
            {move || {
                outcome
                    .get()
                    .map(|outcome| match outcome {
                        Ok(text) => {
                            view! { <p class="samepage__success" role="status">{text}</p> }.into_any()
                        }
                        Err(text) => {
                            view! { <p class="samepage__error" role="alert">{text}</p> }.into_any()
                        }
                    })
            }}
        </section>
    }
}

/// A button back to the list of workshops.
#[component]
pub fn BackToList() -> impl IntoView {
    let workshops = Workshops::use_context();
    view! {
        <p class="samepage__no-print">
            <button
                type="button"
                class="samepage__button samepage__button--quiet"
                on:click=move |_| workshops.screen.set(Screen::List)
            >
                {workshops.workshop_text().all_workshops}
            </button>
        </p>
    }
}

/// Stored workshops that could not be read: listed until deleted, each with its reason, its
/// text to download (someone may repair it) and a delete that asks first.
#[component]
pub fn SetAsideList() -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let items = move || {
        workshops
            .set_aside
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, kept)| {
                let text = fill(
                    w.unreadable_workshop_kept,
                    &[("reason", &w.file_error(&kept.reason)), ("key", &kept.key)],
                );
                let key = StoredValue::new(kept.key);
                let save = move |_| {
                    let name = format!("samepage-unreadable-{}.txt", index + 1);
                    let raw = workshops
                        .raw_set_aside(&key.get_value())
                        .unwrap_or_default();
                    if download(&name, "text/plain;charset=utf-8", &raw).is_err() {
                        workshops.message.set(Some(w.export_failed.to_owned()));
                    }
                };
                view! {
                    <li class="samepage__workshop-item">
                        <p>{text}</p>
                        <div class="samepage__row">
                            <button type="button" class="samepage__button" on:click=save>
                                {w.unreadable_download}
                            </button>
                            <ConfirmedAction
                                id=format!("{}-aside-{index}", workshops.instance)
                                label=w.unreadable_delete
                                question=w.unreadable_delete_question
                                confirm=w.unreadable_delete_confirm
                                cancel=workshops.text().cancel
                                on_confirm=Callback::new(move |()| {
                                    workshops.delete_set_aside(&key.get_value())
                                })
                            />
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !workshops.set_aside.with(Vec::is_empty)>
            <section class="samepage__card">
                <h3>{w.unreadable_title}</h3>
                <ul class="samepage__workshop-list" aria-label=w.unreadable_title>
                    {items}
                </ul>
            </section>
        </Show>
    }
}
