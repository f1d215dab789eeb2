//! The thin Leptos interface: one component per concern. The survey's state is
//! [`state::Survey`]; the workshop page (`workshop`) adds the facilitator's screens and hosts
//! the same survey flow for pass-the-device and own-device participants.

mod actions;
pub(crate) mod choice;
mod confirm;
mod definitions;
mod nav;
pub(crate) mod notices;
mod role;
pub(crate) mod scorecard;
mod state;
mod statements;
mod welcome;
pub mod workshop;

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::flow::Step;
use crate::core::instrument::Instrument;
use crate::core::saved::DEFAULT_NAMESPACE;
use crate::i18n::Locale;

pub use state::Survey;

/// The CSS class of every instance's root element; all of the app's CSS sits under it.
pub const ROOT_CLASS: &str = "samepage";

/// Mounts an instance into every element with a `data-samepage` attribute. The element's
/// `data-namespace` keeps its stored answers apart from other instances on the same origin.
pub fn mount_all() {
    for_each_host(|host| {
        let namespace = host
            .get_attribute("data-namespace")
            .unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned());
        leptos::mount::mount_to(host, move || view! { <SamePage namespace=namespace /> }).forget();
    });
}

/// Runs `mount` for every element of the page with a `data-samepage` attribute.
pub(crate) fn for_each_host(mut mount: impl FnMut(web_sys::HtmlElement)) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(hosts) = document.query_selector_all("[data-samepage]") else {
        return;
    };
    for index in 0..hosts.length() {
        if let Some(host) = hosts
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            mount(host);
        }
    }
}

/// A fresh, page-unique prefix for one instance's form field names and element ids.
pub(crate) fn next_instance_id() -> &'static str {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    Box::leak(format!("sp{n}").into_boxed_str())
}

/// One SamePage survey, from welcome to scorecard, storing under `namespace`.
#[component]
pub fn SamePage(#[prop(into)] namespace: String) -> impl IntoView {
    let survey = Survey::open(
        &namespace,
        Instrument::builtin(),
        Locale::default(),
        next_instance_id(),
    );
    view! {
        <section class=ROOT_CLASS lang=survey.locale() aria-label=survey.text().region_label>
            <SurveyFlow survey finished=ViewFn::from(|| view! { <scorecard::Scorecard /> }) />
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

/// Keeps this tab's answers in step with another tab answering the same survey, so that
/// neither tab overwrites what the other stored or erased. A `None` key means the other tab
/// cleared all storage.
fn follow_other_tabs(survey: Survey) {
    let key = survey.storage_key();
    let handle = window_event_listener(ev::storage, move |event| match event.key() {
        Some(changed) if changed == key => survey.follow_other_tab(event.new_value().as_deref()),
        None => survey.follow_other_tab(None),
        Some(_) => {}
    });
    on_cleanup(move || handle.remove());
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
