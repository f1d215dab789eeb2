//! SamePage: a self-assessment survey and alignment scorecard for Sales, Marketing and
//! Leadership. See ARCHITECTURE.md for the map.

pub mod core;

/// Every wasm of this library allocates with Talc instead of Rust's default dlmalloc: about
/// half its code. (The QR wasm, `src/bin/qr.rs`, does not link this library nor allocate.)
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod i18n;
pub mod report;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod storage;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
