//! The survey's screens around its flow, for everyone on the survey page and the embed, and
//! for workshop participants on their own device: on the survey page (its participant link,
//! or a host page's `data-workshop`) and on the workshop page (older links, and rounds of an
//! earlier questionnaire version). A participant's survey is the same survey with a banner
//! naming the workshop, the team question on the role step, and their response code above
//! their scorecard (drawn by the later wasm). Answers stay on the device until they hand the
//! code over.

use leptos::prelude::*;

use super::scorecard::Scorecard;
use super::shared_device::{ClearForNextPerson, KioskClock};
use super::{Survey, SurveyFlow};
use crate::core::link::{isolate, LinkError};
use crate::i18n::{fill, Locale};

/// The screens of `survey`, from welcome to scorecard, ending with "Done: clear this device";
/// in kiosk mode, with a clock that clears the device between people. A workshop
/// participant's name the workshop they take part in (`workshop_name`).
#[component]
pub fn SurveyScreens(survey: Survey, workshop_name: Option<String>) -> impl IntoView {
    let t = survey.text();
    view! {
        {workshop_name
            .map(|name| {
                let banner = fill(t.join_banner, &[("name", &isolate(&name))]);
                // An information notice, shaped as the storage warning is (`ui::notices`), so
                // the two share their code and look.
                view! {
                    <div class="samepage__notice" role="note">
                        <p>{banner}</p>
                    </div>
                }
            })}
        {survey.kiosk().then(|| view! { <KioskClock survey /> })}
        <SurveyFlow
            survey
            finished=ViewFn::from(|| {
                view! {
                    <Scorecard />
                    <ClearForNextPerson />
                }
            })
        />
    }
}

/// A workshop link this page cannot use (damaged, or for a questionnaire version it does not
/// have), said as the storage warning is.
#[component]
pub fn UnusableLink(locale: Locale, error: LinkError) -> impl IntoView {
    let t = locale.strings();
    let text = match error {
        LinkError::Damaged => t.link_unusable_damaged.to_owned(),
        LinkError::OtherVersion(version) => fill(t.link_unusable_version, &[("version", &version)]),
    };
    view! {
        <div class="samepage__notice samepage__notice--warning" role="alert">
            <p>{text}</p>
        </div>
    }
}
