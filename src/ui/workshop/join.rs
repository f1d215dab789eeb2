//! A participant on their own device: they open the workshop's link, take the survey and get
//! a response code for the facilitator, as text, as a link back and as a QR code, beside
//! their own scorecard. Their answers stay on their device until they hand the code over.

use leptos::prelude::*;

use super::collect::{page_address, CopyButton};
use super::isolated;
use super::qr::QrCode;
use super::team_pick::TeamPick;
use super::Workshops;
use crate::core::code::{encode, CodedResponse};
use crate::core::link::{percent_encode, JoinLink, LinkError};
use crate::i18n::fill;
use crate::ui::shared_device::KioskClock;
use crate::ui::{scorecard::Scorecard, Survey, SurveyFlow};

/// The storage namespace of a participant's answers for workshop `id` on their own device.
fn join_namespace(id: u32) -> String {
    format!("join-{id:08x}")
}

/// The participant's screen for the workshop in `link`.
#[component]
pub fn Join(link: JoinLink) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let namespace = join_namespace(link.workshop);
    let needs_team = !link.team_labels.is_empty() && workshops.picked_team(&namespace).is_none();
    let picking = RwSignal::new(needs_team);
    let link = StoredValue::new(link);
    let namespace = StoredValue::new(namespace);
    // The next person on this device: nothing of the last one, and a respondent number of
    // their own (with the last one's, their code would replace the last one's answers).
    let on_clear = Callback::new(move |()| {
        workshops.forget_person(&namespace.get_value());
        picking.set(link.with_value(|l| !l.team_labels.is_empty()));
    });
    view! {
        <div class="samepage__join">
            <p class="samepage__banner">
                {isolated(w.join_banner, "name", link.with_value(|l| l.name.clone()))}
            </p>
            {move || {
                if picking.get() {
                    view! {
                        <TeamPick
                            labels=link.with_value(|l| l.team_labels.clone())
                            on_pick=Callback::new(move |team: Option<u8>| {
                                workshops.pick_team(&namespace.get_value(), team);
                                picking.set(false);
                            })
                        />
                    }
                        .into_any()
                } else {
                    view! {
                        <JoinSurvey link=link.get_value() namespace=namespace.get_value() on_clear />
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

/// The survey on the participant's device, ending with their code, their scorecard and a way
/// to clear the device for the next person (`on_clear`, after the survey is erased).
#[component]
fn JoinSurvey(link: JoinLink, namespace: String, on_clear: Callback<()>) -> impl IntoView {
    let workshops = Workshops::use_context();
    let survey = workshops.open_survey(
        &namespace,
        &link.instrument_version,
        workshops.workshop_text().join_finish,
    );
    let finished = ViewFn::from(move || {
        view! {
            <ResponseCode workshop=link.workshop namespace=namespace.clone() />
            <Scorecard />
            <div class="samepage__nav samepage__no-print">
                <button
                    type="button"
                    class="samepage__button samepage__button--primary"
                    on:click=move |_| {
                        survey.erase();
                        on_clear.run(());
                    }
                >
                    {survey.text().done_clear}
                </button>
            </div>
        }
    });
    view! {
        {survey.kiosk().then(|| view! { <KioskClock survey on_clear /> })}
        <SurveyFlow survey finished />
    }
}

/// The participant's response code: as text to copy, as a link back to the facilitator and as
/// a QR code of that link. The same device always gives the same respondent number, so a
/// changed answer sent again replaces the earlier one.
#[component]
fn ResponseCode(workshop: u32, namespace: String) -> impl IntoView {
    let workshops = Workshops::use_context();
    let survey = Survey::use_context();
    let w = workshops.workshop_text();
    let nonce = workshops.respondent_number(&namespace);
    let team = workshops.picked_team(&namespace).flatten();
    let code = encode(
        &survey.instrument(),
        &CodedResponse {
            workshop,
            nonce,
            team,
            response: survey.response.get_untracked(),
        },
    );
    let link = format!("{}#codes={}", page_address(), percent_encode(&code));
    let field_id = format!("{}-code", survey.instance);
    let link_id = format!("{}-code-link", survey.instance);
    view! {
        <section class="samepage__step samepage__code samepage__card">
            <h2 tabindex="-1">{w.code_title}</h2>
            <p>{w.code_intro}</p>
            <label for=field_id.clone()>{w.code_label}</label>
            <input id=field_id class="samepage__code-text" type="text" readonly prop:value=code.clone() />
            <CopyButton text=code.clone() label=w.copy_code done=w.copied_code primary=true />
            <label for=link_id.clone()>{w.code_link}</label>
            <input id=link_id class="samepage__code-text" type="text" readonly prop:value=link.clone() />
            <p class="samepage__hint">{w.code_link_hint}</p>
            <CopyButton text=link.clone() label=w.copy_link done=w.copied_link />
            <QrCode text=link title=w.code_qr_title />
        </section>
    }
}

/// A workshop link that cannot be used, and why.
#[component]
pub fn BadLink(error: LinkError) -> impl IntoView {
    let workshops = Workshops::use_context();
    let w = workshops.workshop_text();
    let reason = match error {
        LinkError::Damaged => w.link_damaged.to_owned(),
        LinkError::OtherVersion(version) => fill(
            w.link_other_version,
            &[
                ("version", &version),
                ("ours", &workshops.current_version()),
            ],
        ),
    };
    view! {
        <div class="samepage__step">
            <h2 tabindex="-1">{w.link_bad_title}</h2>
            <p role="alert">{reason}</p>
        </div>
    }
}
