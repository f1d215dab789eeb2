//! The workshop page: a facilitator's workshops (create, rename, archive, delete), collecting
//! answers by passing the device round or from participants' own devices, the team
//! scorecard, presentation mode and files. Its own wasm (`samepage-workshop`), so the
//! individual survey page carries none of it. All state is in [`state::Workshops`].

mod collect;
mod create;
mod dashboard;
mod facts;
mod files;
mod join;
mod list;
mod notices;
mod pass_device;
mod present;
mod qr;
mod state;
mod team_view;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::{focus_heading_in, next_instance_id, Host, ROOT_CLASS};
use crate::core::link::{workshop_of_key, Fragment};
use crate::i18n::Locale;
use crate::storage::on_other_tab_change;

pub use state::{Screen, Workshops};

/// Mounts the workshop page into every element with a `data-samepage` attribute, with the
/// starter's `later` function (personal scorecards, QR codes and the advice, fetched after
/// the first screen). With `data-kiosk` (`?kiosk`, set by the starter), a participant's
/// survey clears itself between people.
pub fn mount_all(later: js_sys::Function) {
    for_each_host(|host| {
        let mut host_side = Host::with_later(later.clone());
        host_side.kiosk = host.has_attribute("data-kiosk");
        leptos::mount::mount_to(
            host,
            move || view! { <WorkshopPage host=host_side.clone() /> },
        )
        .forget()
    });
}

/// Runs `mount` for every element of the page with a `data-samepage` attribute.
fn for_each_host(mut mount: impl FnMut(web_sys::HtmlElement)) {
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

/// On the next frame, moves keyboard focus to the element with id `id` in the instance that
/// holds `from` (an element that may be gone by then): where focus belongs after an action
/// re-renders the control that had it.
pub(crate) fn focus_after_render(from: &web_sys::EventTarget, id: String) {
    let root = from
        .dyn_ref::<web_sys::Element>()
        .and_then(|from| from.closest(&format!(".{ROOT_CLASS}")).ok().flatten());
    request_animation_frame(move || {
        let target = root.and_then(|root| root.query_selector(&format!("#{id}")).ok().flatten());
        if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
}

/// The page's URL fragment, as text.
fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The whole workshop page.
#[component]
pub fn WorkshopPage(#[prop(optional)] host: Host) -> impl IntoView {
    let workshops = Workshops::open(&current_hash(), Locale::default(), next_instance_id(), host);
    provide_context(workshops);
    keep_fragment_in_step(workshops);
    follow_fragment_changes(workshops);
    follow_other_tabs(workshops);
    let root = NodeRef::<html::Section>::new();
    focus_heading_on_screen_change(workshops, root);
    let w = workshops.workshop_text();

    view! {
        <section
            class=format!("{ROOT_CLASS} samepage--workshop")
            node_ref=root
            lang=workshops.locale().code()
            aria-label=w.region_label
        >
            <notices::WorkshopNotices />
            <CurrentScreen />
        </section>
    }
}

/// The component for the current screen.
#[component]
fn CurrentScreen() -> impl IntoView {
    let workshops = Workshops::use_context();
    let screen = Memo::new(move |_| workshops.screen.get());
    move || match screen.get() {
        Screen::List => view! { <list::WorkshopList /> }.into_any(),
        Screen::Dashboard(id) => view! { <dashboard::Dashboard id /> }.into_any(),
        Screen::PassDevice(id) => view! { <pass_device::PassDevice id /> }.into_any(),
        Screen::Join(link) => view! { <join::Join link /> }.into_any(),
        Screen::BadLink(error) => view! { <join::BadLink error /> }.into_any(),
    }
}

/// Writes the current screen into the URL fragment (replacing, not adding, a history entry),
/// so a reload comes back to the same screen. The fragment never reaches a server.
fn keep_fragment_in_step(workshops: Workshops) {
    Effect::new(move |_| {
        let fragment = workshops.screen.with(Screen::fragment).to_fragment();
        let Some(window) = web_sys::window() else {
            return;
        };
        if window
            .location()
            .hash()
            .unwrap_or_default()
            .trim_start_matches('#')
            == fragment
        {
            return;
        }
        let url = if fragment.is_empty() {
            window.location().pathname().unwrap_or_default()
                + &window.location().search().unwrap_or_default()
        } else {
            format!("#{fragment}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    });
}

/// Follows a fragment typed or pasted into the address bar (a participant's link opened in
/// the facilitator's tab): imports its codes or opens its screen.
fn follow_fragment_changes(workshops: Workshops) {
    let handle = window_event_listener(ev::hashchange, move |_| {
        let fragment = workshops.fragment(&current_hash());
        if let Fragment::Codes(codes) = &fragment {
            workshops.import_linked(codes);
        } else if workshops.screen.with_untracked(Screen::fragment) != fragment {
            workshops.screen.set(Screen::of(&fragment));
        }
    });
    on_cleanup(move || handle.remove());
}

/// Keeps this tab's workshops in step with what other tabs store (a participant's link back
/// opened in a new tab, say), so neither tab overwrites the other's answers, and says so when
/// another tab cleared the storage.
fn follow_other_tabs(workshops: Workshops) {
    on_other_tab_change(move |change| match change.key() {
        Some(key) => {
            if let Some(id) = workshop_of_key(&key) {
                workshops.follow_other_tab(id, change);
            }
        }
        None => workshops.storage_cleared_elsewhere(),
    });
}

/// After the screen changes, moves focus to its heading, so keyboard and screen-reader users
/// land on the new content.
fn focus_heading_on_screen_change(workshops: Workshops, root: NodeRef<html::Section>) {
    Effect::new(move |previous: Option<()>| {
        workshops.screen.track();
        if previous.is_none() {
            return;
        }
        if let Some(root) = root.get_untracked() {
            focus_heading_in(root.into());
        }
    });
}
