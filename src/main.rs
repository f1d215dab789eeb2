//! The survey page's and the embed's wasm: `samepage.js` (the loader) calls `mount` for every
//! `[data-samepage]` element; nothing runs at start.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Mounts an instance into `container` (inside `host`'s shadow root); see
    /// `samepage::ui::host::mount`.
    #[wasm_bindgen]
    pub fn mount(
        container: web_sys::HtmlElement,
        host: web_sys::HtmlElement,
        later: js_sys::Function,
    ) {
        samepage::ui::host::mount(container, host, later);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("SamePage runs in the browser: build it with `trunk build` (see README.md).");
}
