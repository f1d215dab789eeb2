//! SamePage: a self-assessment survey and alignment scorecard for Sales, Marketing and
//! Leadership. See ARCHITECTURE.md for the map.

pub mod arena;
pub mod core;

/// The pages' wasms allocate with Talc instead of Rust's default dlmalloc: about half its
/// code. (The later wasm, `src/bin/report.rs`, built without the interface, has an arena of
/// its own, `arena`; the QR wasm, `src/bin/qr.rs`, does not link this library nor allocate.)
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    feature = "ui"
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod i18n;
pub mod report;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod storage;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
