//! The workshop page's entry point: mounts the workshop screens into every `[data-samepage]`
//! element of workshop.html.

#[cfg(target_arch = "wasm32")]
fn main() {
    samepage::ui::workshop::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("SamePage runs in the browser: build it with `trunk build` (see README.md).");
}
