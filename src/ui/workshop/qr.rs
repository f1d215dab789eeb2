//! A QR code drawn by the QR wasm (through the loader's `web/qr.js`): the encoder is not part
//! of the workshop page's first load, and a QR code only shows on later screens.

use leptos::prelude::*;

use crate::core::embed::LaterRequest;
use crate::ui::Host;

/// The QR code of `text`, titled `title` for screen readers, asked of `host`'s loader;
/// nothing while the QR wasm loads, or when it cannot be had (the text beside it says the
/// same).
#[component]
pub fn QrCode(host: Host, text: String, title: &'static str) -> impl IntoView {
    let svg = RwSignal::new(String::new());
    host.later(&LaterRequest::Qr { text: &text, title }, move |drawn| {
        // The screen may be gone by the time the QR wasm answers.
        let _ = svg.try_set(drawn.unwrap_or_default());
    });
    move || {
        svg.with(|svg| !svg.is_empty())
            .then(|| view! { <div class="samepage__qr" inner_html=svg></div> })
    }
}
