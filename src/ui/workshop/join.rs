//! A participant who opened an older workshop link (to the workshop page, which new links no
//! longer point at) or the link of a round that still collects an earlier questionnaire
//! version: the same screens as on the survey page (`ui::join`), the code made here, where
//! the earlier versions live.

use leptos::prelude::*;

use super::Workshops;
use crate::core::code::encode;
use crate::core::link::{join_namespace, JoinLink, LinkError};
use crate::i18n::fill;
use crate::ui::join::SurveyScreens;

/// The participant's screen for the workshop in `link`.
#[component]
pub fn Join(link: JoinLink) -> impl IntoView {
    let workshops = Workshops::use_context();
    let mut survey = workshops.open_survey(
        &join_namespace(link.workshop),
        &link.instrument_version,
        workshops.text().join_finish,
        link.team_labels.clone(),
    );
    survey.workshop = Some(link.workshop);
    survey.make_code = Some(encode);
    view! { <SurveyScreens survey workshop_name=Some(link.name) /> }
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
