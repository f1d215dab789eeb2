//! SamePage: a self-assessment survey and alignment scorecard for Sales, Marketing and
//! Leadership. See ARCHITECTURE.md for the map.

pub mod core;
pub mod i18n;
pub mod report;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod storage;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod ui;
