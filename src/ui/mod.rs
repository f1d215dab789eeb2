//! The thin Leptos interface: one component per concern. The survey's state is
//! [`state::Survey`]; the workshop page (`workshop`) adds the facilitator's screens and hosts
//! the same survey flow for pass-the-device and own-device participants.

mod actions;
pub(crate) mod choice;
mod confirm;
mod definitions;
pub mod host;
pub(crate) mod join;
mod nav;
pub(crate) mod notices;
mod role;
pub(crate) mod scorecard;
pub(crate) mod shared_device;
mod state;
mod statements;
mod welcome;
#[cfg(feature = "workshop")]
pub mod workshop;

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::flow::Step;
use crate::core::instrument::Instrument;
use crate::core::link::{join_namespace, JoinLink};
use crate::i18n::Locale;
use crate::storage::{on_other_tab_change, NoStorage};

pub use host::Host;
pub use state::Survey;

/// The CSS class of every instance's root element; all of the app's CSS sits under it.
pub const ROOT_CLASS: &str = "samepage";

/// A fresh, page-unique prefix for one instance's form field names and element ids.
pub(crate) fn next_instance_id() -> &'static str {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    Box::leak(format!("sp{n}").into_boxed_str())
}

/// Percent-decoding by the browser (`decodeURIComponent`; `None` when malformed): what
/// `core::link::percent_decode` gives, without a UTF-8 decoder in the survey's wasm.
pub(crate) fn browser_percent_decode(text: &str) -> Option<String> {
    js_sys::decode_uri_component(text).ok().map(String::from)
}

/// A random 32-bit number (ids and respondent numbers; not a secret).
pub(crate) fn random_u32() -> u32 {
    (js_sys::Math::random() * 4_294_967_296.0) as u32
}

/// One SamePage survey, from welcome to scorecard, storing under `namespace`, in `locale`
/// (English when absent), handing its events to `host`, named `label` for assistive
/// technology (the interface's default name when absent). With the host's `data-workshop`,
/// a workshop participant's survey instead, under that workshop's own namespace.
#[component]
pub fn SamePage(
    #[prop(into)] namespace: String,
    #[prop(optional)] locale: Locale,
    #[prop(optional)] host: Host,
    #[prop(default = None)] label: Option<String>,
) -> impl IntoView {
    let joining = host.workshop.as_deref().map(|text| {
        let known = |version: &str| version == Instrument::builtin_version();
        JoinLink::read(text, known, browser_percent_decode)
    });
    let content = match joining {
        Some(Err(error)) => view! { <join::UnusableLink locale error /> }.into_any(),
        joining => {
            let link = joining.and_then(Result::ok);
            let namespace = link
                .as_ref()
                .map_or(namespace, |l| join_namespace(l.workshop));
            let mut host = host;
            if let Some(link) = &link {
                host.team_labels.clone_from(&link.team_labels);
            }
            let instrument = Instrument::builtin_without_advice();
            let mut survey = Survey::open(&namespace, instrument, locale, next_instance_id(), host);
            let workshop_name = link.map(|link| {
                survey.workshop = Some(link.workshop);
                survey.finish_label = locale.strings().join_finish;
                link.name
            });
            view! { <join::SurveyScreens survey workshop_name /> }.into_any()
        }
    };
    view! {
        <section
            class=ROOT_CLASS
            lang=locale.code()
            aria-label=label.unwrap_or_else(|| locale.strings().region_label.to_owned())
        >
            {content}
        </section>
    }
}

/// The survey's screens from welcome to the end, with its notices and actions, for `survey`
/// (provided as context to everything inside). `finished` is shown once every step is done:
/// the personal scorecard, or what a workshop shows instead.
#[component]
pub(crate) fn SurveyFlow(survey: Survey, finished: ViewFn) -> impl IntoView {
    provide_context(survey);
    follow_other_tabs(survey);
    survey.join_page();
    prepare_later_screens_after_the_first(survey);
    let root = NodeRef::<html::Div>::new();
    focus_heading_on_step_change(survey, root);
    let current = move || match survey.step.get() {
        Step::Welcome => view! { <welcome::Welcome /> }.into_any(),
        Step::Role => view! { <role::RoleStep /> }.into_any(),
        Step::Statements(index) => view! { <statements::StatementsStep index /> }.into_any(),
        Step::Definitions => view! { <definitions::DefinitionsStep /> }.into_any(),
        Step::Scorecard => finished.run(),
    };
    view! {
        <div class="samepage__survey" node_ref=root>
            <notices::Notices />
            {current}
            <actions::SurveyActions />
        </div>
    }
}

/// Why there is no storage, in `locale`'s words (a refusal is the browser's exception name).
pub(crate) fn no_storage_reason(locale: Locale, reason: NoStorage) -> String {
    match reason {
        NoStorage::Off => locale.strings().storage_off.to_owned(),
        NoStorage::Refused(name) => name,
    }
}

/// Keeps this tab's answers in step with another tab answering the same survey, so that
/// neither tab overwrites what the other stored or erased. A `None` key means the other tab
/// cleared all storage.
fn follow_other_tabs(survey: Survey) {
    let key = survey.storage_key();
    on_other_tab_change(move |change| match change.key() {
        Some(changed) if changed == key => survey.follow_other_tab(change.value().as_deref()),
        None => survey.follow_other_tab(None),
        Some(_) => {}
    });
}

/// Once the survey is past its welcome screen, has the loader fetch the later wasm, which is
/// not part of what loads before the first question (the advice waits for the scorecard:
/// which areas' files it needs depends on the answers).
fn prepare_later_screens_after_the_first(survey: Survey) {
    Effect::new(move |prepared: Option<bool>| {
        let past_welcome = survey.step.get() != Step::Welcome;
        if past_welcome && prepared != Some(true) {
            survey.prepare_later_screens();
        }
        past_welcome || prepared == Some(true)
    });
}

/// After the user moves to another step, moves keyboard focus to that step's heading and
/// brings it into view, so keyboard and screen-reader users land on the new content.
fn focus_heading_on_step_change(survey: Survey, root: NodeRef<html::Div>) {
    Effect::new(move |_| {
        survey.step.track();
        if !survey.navigated.get_untracked() {
            return;
        }
        if let Some(root) = root.get_untracked() {
            focus_heading_in(root.into());
        }
    });
}

/// On the next frame, moves keyboard focus to the first `h2` inside `root` and brings it into
/// view: where keyboard and screen-reader users should land on new content.
pub(crate) fn focus_heading_in(root: web_sys::Element) {
    request_animation_frame(move || {
        if let Ok(Some(heading)) = root.query_selector("h2") {
            if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                let _ = heading.focus();
                heading.scroll_into_view();
            }
        }
    });
}
