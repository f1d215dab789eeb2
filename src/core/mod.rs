//! The domain core: instrument, responses, survey flow, scoring and the stored format.
//! Pure Rust: nothing here knows about the DOM, the browser or Leptos, so all of it is tested
//! natively with `cargo test`.

pub mod code;
pub mod embed;
pub mod flow;
pub mod instrument;
pub mod kiosk;
pub mod link;
pub mod map;
#[cfg(feature = "workshop")]
pub mod packed;
pub mod response;
pub mod saved;
pub mod scoring;
#[cfg(feature = "workshop")]
pub mod sync;
#[cfg(feature = "workshop")]
pub mod team;
#[cfg(feature = "workshop")]
pub mod workshop;
#[cfg(feature = "workshop")]
pub mod workshop_file;
