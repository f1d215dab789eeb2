//! The page's entry point: mounts SamePage into every `[data-samepage]` element.

#[cfg(target_arch = "wasm32")]
fn main() {
    samepage::ui::mount_all();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("SamePage runs in the browser: build it with `trunk build` (see README.md).");
}
