//! Collecting answers for a workshop: passing this device round, the link for participants'
//! own devices (as text and QR code), and the box for pasting their response codes.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use super::files::{read_chosen_file, ReadingFile};
use super::qr::QrCode;
use super::{Screen, Workshops};
use crate::core::link::{fits_qr, participant_address, JoinLink, QR_MAX_BYTES};
use crate::core::workshop::CodeOutcome;
use crate::i18n::{fill, WorkshopStrings};
use crate::ui::confirm::ConfirmedAction;

/// This page's address without its query and fragment, to build links to it.
pub fn page_address() -> String {
    // Without the query: a `?kiosk` terminal's links (the participants' link, a code's link
    // back) must not carry kiosk mode to the facilitator's or a participant's own device.
    let location = web_sys::window().map(|w| w.location());
    let part = |read: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| read(l).ok())
            .unwrap_or_default()
    };
    part(web_sys::Location::origin) + &part(web_sys::Location::pathname)
}

/// A button that copies `text` to the clipboard, and a status line that says `done` when the
/// browser allowed it, or `failed` (how to copy by hand) when it did not.
#[component]
fn CopyButton(
    #[prop(into)] text: Signal<String>,
    label: &'static str,
    done: &'static str,
    failed: &'static str,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    view! {
        <div class="samepage__row">
            <button
                type="button"
                class="samepage__button"
                on:click=move |_| {
                    copy_to_clipboard(&text.get_untracked(), move |ok| copied.set(Some(ok)))
                }
            >
                {label}
            </button>
        </div>
        <p
            class:samepage__success=move || copied.get() == Some(true)
            class:samepage__error=move || copied.get() == Some(false)
            role="status"
        >
            {move || copied.get().map(|ok| if ok { done } else { failed })}
        </p>
    }
}

/// Copies `text` to the clipboard; `done` learns whether the browser allowed it.
fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let promise = window.navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Starts participants taking turns on this device. A turn left unfinished (someone stopped
/// half-way) is never handed to the next person unasked: the facilitator resumes it for the
/// same person or discards it.
#[component]
pub fn PassDeviceStart(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let unfinished = RwSignal::new(workshops.has_unfinished_turn(id));
    let start = move || workshops.screen.set(Screen::PassDevice(id));
    view! {
        <div class="samepage__collect">
            <h4>{w.pass_title}</h4>
            <p class="samepage__hint">{w.pass_hint}</p>
            <Show
                when=move || unfinished.get()
                fallback=move || {
                    view! {
                        <button
                            type="button"
                            class="samepage__button samepage__button--primary"
                            on:click=move |_| start()
                        >
                            {w.pass_start}
                        </button>
                    }
                }
            >
                <p>{w.pass_unfinished}</p>
                <div class="samepage__row">
                    <button
                        type="button"
                        class="samepage__button samepage__button--primary"
                        on:click=move |_| start()
                    >
                        {w.pass_resume}
                    </button>
                    <ConfirmedAction
                        id=format!("{}-discard-turn", workshops.instance)
                        label=w.pass_discard
                        question=w.pass_discard_question
                        confirm=w.pass_discard_confirm
                        cancel=workshops.text().cancel
                        on_confirm=Callback::new(move |()| {
                            workshops.discard_turn(id);
                            unfinished.set(false);
                        })
                    />
                </div>
            </Show>
        </div>
    }
}

/// The link participants open on their own devices, as text and as a QR code.
#[component]
pub fn JoinLinkPanel(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let link = Memo::new(move |_| {
        let current = workshops.current_version();
        workshops.read(id, |ws| {
            participant_address(&JoinLink::of(ws), &page_address(), &current)
        })
    });
    let link_text = Signal::derive(move || link.get().unwrap_or_default());
    let field_id = format!("{}-join-link", workshops.instance);
    view! {
        <div class="samepage__collect">
            <h4>{w.join_title}</h4>
            <p class="samepage__hint">{w.join_hint}</p>
            <label for=field_id.clone()>{w.join_link_label}</label>
            <input
                id=field_id
                class="samepage__code-text"
                type="text"
                readonly
                prop:value=link_text
            />
            <CopyButton
                text=link_text
                label=workshops.report_text().copy_link
                done=workshops.report_text().copied_link
                failed=workshops.report_text().copy_failed
            />
            {move || {
                if link_text.with(|link| fits_qr(link)) {
                    view! {
                        <QrCode host=workshops.host() text=link_text.get() title=w.join_qr_title />
                    }
                        .into_any()
                } else {
                    let length = link_text.with(String::len);
                    view! {
                        <p class="samepage__hint" role="note">
                            {fill(w.join_qr_too_long, &[("length", &length), ("max", &QR_MAX_BYTES)])}
                        </p>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// How many imported codes are listed one by one; beyond it, only the refused ones are.
const LISTED_CODES: usize = 100;

/// The box for pasting response codes, the file input for a file of them (a `.txt` or `.csv`
/// exported from an intranet list, say), and what became of each code.
#[component]
pub fn PasteCodes(id: u32) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let text = RwSignal::new(String::new());
    let nothing_found = RwSignal::new(false);
    let field_id = format!("{}-paste", workshops.instance);
    let file_problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(None);
    // Pasted or read from a file: the codes are imported, and refused ones stay in the box,
    // to correct or to paste into the right workshop.
    let import = move |pasted: &str| {
        if crate::core::code::find_codes(pasted).is_empty() {
            nothing_found.set(true);
            return;
        }
        nothing_found.set(false);
        // Nothing stored (the report says why): the box holds what was pasted or read from
        // the file, to import again.
        match workshops.import_codes(id, pasted) {
            Some(report) => {
                let refused: Vec<&str> = report
                    .outcomes
                    .iter()
                    .filter(|(_, outcome)| matches!(outcome, CodeOutcome::Refused(_)))
                    .map(|(code, _)| code.as_str())
                    .collect();
                text.set(refused.join("\n"));
            }
            None => text.set(pasted.to_owned()),
        }
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        file_problem.set(None);
        import(&text.get_untracked());
    };
    let choose_file = move |event: leptos::ev::Event| {
        file_problem.set(None);
        read_chosen_file(&event, busy, move |name, read| match read {
            Some(read) if !crate::core::code::find_codes(&read).is_empty() => {
                file_problem.set(None);
                import(&read);
            }
            Some(_) => file_problem.set(Some(fill(w.codes_file_none_found, &[("file", &name)]))),
            None => file_problem.set(Some(fill(w.import_unreadable_file, &[("file", &name)]))),
        });
    };
    let file_input = format!("{}-codes-file", workshops.instance);
    let report = move || {
        workshops
            .last_import
            .get()
            .filter(|last| last.workshop == id)
            .map(|last| {
                if let Some(refused) = last.not_stored {
                    let (needed, used) = refused.megabytes();
                    let said = fill(
                        w.codes_not_stored,
                        &[
                            ("reason", &refused.reason),
                            ("needed", &needed),
                            ("used", &used),
                        ],
                    );
                    return view! { <p class="samepage__error" role="alert">{said}</p> }.into_any();
                }
                let report = last.report;
                let current = workshops
                    .peek(id)
                    .map(|w| w.current_round().questionnaire.clone())
                    .unwrap_or_default();
                let count = |wanted: fn(&CodeOutcome) -> bool| report.count(wanted);
                let summary = fill(
                    w.paste_summary,
                    &[
                        ("added", &count(|o| *o == CodeOutcome::Added)),
                        ("updated", &count(|o| *o == CodeOutcome::Updated)),
                        ("duplicates", &count(|o| *o == CodeOutcome::Duplicate)),
                        ("refused", &count(|o| matches!(o, CodeOutcome::Refused(_)))),
                    ],
                );
                // Every refused code is named; the others only while the list stays short
                // (a file of 10,000 codes is summed up above).
                let list_all = report.outcomes.len() <= LISTED_CODES;
                let items = report
                    .outcomes
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, outcome))| {
                        list_all || matches!(outcome, CodeOutcome::Refused(_))
                    })
                    .map(|(index, (code, outcome))| {
                        let refused = matches!(outcome, CodeOutcome::Refused(_));
                        let text = outcome_text(w, index + 1, code, outcome, &current);
                        view! {
                            <li class:samepage__error=refused>{text}</li>
                        }
                    })
                    .collect_view();
                let many = report.many_at_once().map(|count| {
                    view! {
                        <p class="samepage__notice samepage__notice--warning">
                            {fill(w.codes_many_at_once, &[("count", &count)])}
                        </p>
                    }
                });
                view! {
                    <div class="samepage__import-report" role="status">
                        <p>{summary}</p>
                        {many}
                        <ul>{items}</ul>
                    </div>
                }
                .into_any()
            })
    };
    let sources = move || {
        workshops.read(id, |ws| {
            let counts = ws.current_round().sources();
            let mut said = fill(
                w.codes_sources,
                &[("device", &counts.device), ("codes", &counts.code)],
            );
            if counts.unrecorded > 0 {
                said.push(' ');
                said.push_str(&fill(
                    w.codes_sources_earlier,
                    &[("earlier", &counts.unrecorded)],
                ));
            }
            said
        })
    };
    let trust_id = format!("{}-codes-trust", workshops.instance);
    view! {
        <form class="samepage__collect samepage__form" on:submit=submit novalidate>
            <h4>{w.paste_title}</h4>
            <p class="samepage__hint">{sources}</p>
            <label for=field_id.clone()>{w.paste_label}</label>
            <p class="samepage__hint" id=trust_id.clone()>{w.codes_trust}</p>
            <textarea
                aria-describedby=trust_id
                id=field_id
                rows="5"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |e| text.set(event_target_value(&e))
            ></textarea>
            <Show when=move || nothing_found.get()>
                <p class="samepage__error" role="alert">{w.paste_none_found}</p>
            </Show>
            <button type="submit" class="samepage__button samepage__button--primary">
                {w.paste_submit}
            </button>
            <label class="samepage__file" for=file_input.clone()>
                <span>{w.codes_file_label}</span>
                <input
                    id=file_input.clone()
                    type="file"
                    accept=".txt,.csv,text/plain,text/csv"
                    on:change=choose_file
                />
            </label>
            <ReadingFile busy=busy />
            {move || {
                file_problem
                    .get()
                    .map(|text| view! { <p class="samepage__error" role="alert">{text}</p> })
            }}
            {report}
        </form>
    }
}

/// What became of one pasted code, naming it by position and its first characters.
fn outcome_text(
    w: &WorkshopStrings,
    position: usize,
    code: &str,
    outcome: &CodeOutcome,
    current: &str,
) -> String {
    let short: String = code.chars().take(14).collect();
    let what = match outcome {
        CodeOutcome::Added => w.code_added.to_owned(),
        CodeOutcome::Updated => w.code_updated.to_owned(),
        CodeOutcome::Duplicate => w.code_duplicate.to_owned(),
        CodeOutcome::Refused(reason) => fill(
            w.code_refused,
            &[("reason", &w.code_error(reason, current))],
        ),
    };
    fill(
        w.code_outcome,
        &[("position", &position), ("code", &short), ("what", &what)],
    )
}
