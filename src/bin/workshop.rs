//! The workshop page's wasm: `workshop.js` (its starter) calls `start`, which mounts the
//! workshop screens into every `[data-samepage]` element of workshop.html.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// Mounts the workshop page; `later` answers what loads after the first screen.
    #[wasm_bindgen]
    pub fn start(later: js_sys::Function) {
        samepage::ui::workshop::mount_all(later);
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("SamePage runs in the browser: build it with `trunk build` (see README.md).");
}
