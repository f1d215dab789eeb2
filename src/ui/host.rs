//! An instance's place on its page: the host element it was mounted for, whose `data-*`
//! attributes are its options and on which it dispatches its `samepage:*` events, and the
//! loader's `later` function, which answers what only later screens need (the scorecard, the
//! results for the host, the advice) from files fetched after the first screen. The loader
//! (`web/samepage.js`) creates the open shadow root and calls [`mount`] for every
//! `[data-samepage]` element.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::SamePage;
use crate::core::embed::{EmbedOptions, LaterRequest};
use crate::i18n::Locale;

/// Where an instance hands things to its page. Cheap to clone.
#[derive(Clone, Default)]
pub struct Host {
    /// The element the page gave; `None` when mounted without one (the workshop page's
    /// surveys, a component test).
    element: Option<web_sys::HtmlElement>,
    /// The loader's `later(request)`, returning a promise of text.
    later: Option<js_sys::Function>,
    /// False with `data-results="none"`.
    pub share_results: bool,
    /// True with `data-kiosk`: the device clears itself between people.
    pub kiosk: bool,
    /// `data-workshop`: the participant link (or its fragment) of the workshop this instance
    /// collects a participant's answers for.
    pub workshop: Option<String>,
    /// The workshop's team labels its survey asks about on the role step (none: no team
    /// question): the `data-workshop` link's, or a workshop's on the workshop page.
    pub team_labels: Vec<String>,
}

impl Host {
    /// A host without an element, whose later screens come from `later`.
    pub fn with_later(later: js_sys::Function) -> Host {
        Host {
            later: Some(later),
            ..Host::default()
        }
    }

    /// Whether there is a host element to hand events to (the workshop page's surveys have
    /// none).
    pub fn has_element(&self) -> bool {
        self.element.is_some()
    }

    /// Dispatches `samepage:<name>` on the host element, bubbling and crossing shadow
    /// boundaries, with `detail` (JSON text) as its detail object.
    pub fn emit(&self, name: &str, detail: &str) {
        let Some(element) = &self.element else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL));
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict(&format!("samepage:{name}"), &init)
        {
            let _ = element.dispatch_event(&event);
        }
    }

    /// Asks the loader for `request` and hands `done` the text, or why there is none.
    pub fn later(
        &self,
        request: &LaterRequest,
        done: impl FnOnce(Result<String, String>) + 'static,
    ) {
        let Some(later) = &self.later else {
            return done(Err("no loader".to_owned()));
        };
        let promise = later
            .call1(&JsValue::NULL, &request.to_json().into())
            .map(js_sys::Promise::from);
        leptos::task::spawn_local(async move {
            let answer = match promise {
                Ok(promise) => JsFuture::from(promise).await,
                Err(error) => Err(error),
            };
            done(
                answer
                    .map(|text| text.as_string().unwrap_or_default())
                    .map_err(|error| {
                        error.dyn_ref::<js_sys::Error>().map_or_else(
                            || "unknown error".to_owned(),
                            |e| String::from(e.message()),
                        )
                    }),
            );
        });
    }
}

/// Mounts an instance into `container` (inside `host`'s shadow root) for the host element
/// `host`, with the loader's `later` function, then tells the page it is ready.
pub fn mount(container: web_sys::HtmlElement, host: web_sys::HtmlElement, later: js_sys::Function) {
    let options = EmbedOptions::read(|name| host.get_attribute(name));
    let instance = Host {
        element: Some(host),
        later: Some(later),
        share_results: options.share_results,
        kiosk: options.kiosk,
        workshop: options.workshop.clone(),
        team_labels: Vec::new(),
    };
    let ready = instance.clone();
    leptos::mount::mount_to(container, move || {
        let locale = Locale::chosen(options.locale.as_deref());
        view! {
            <SamePage
                namespace=options.namespace.clone()
                locale
                host=instance.clone()
                label=options.label.clone()
            />
        }
    })
    .forget();
    ready.emit("ready", "{}");
}
