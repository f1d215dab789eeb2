//! SamePage: a self-assessment survey and alignment scorecard for Sales, Marketing and
//! Leadership. See ARCHITECTURE.md for the map.

pub mod core;
pub mod i18n;
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
