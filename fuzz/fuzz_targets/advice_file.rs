//! The advice files fetched after the first screen, possibly cut short or replaced by a
//! proxy's page: one file, or several (the text split at NUL, as a personal scorecard's areas
//! come), applied whole or refused whole, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::instrument::Instrument;

static INSTRUMENT: OnceLock<Instrument> = OnceLock::new();

fuzz_target!(|text: &str| {
    let before = INSTRUMENT.get_or_init(Instrument::builtin_without_advice);
    let mut instrument = before.clone();
    let files: Vec<&str> = text.split('\0').collect();
    if instrument.apply_advice_files("en", &files).is_err() {
        assert_eq!(&instrument, before, "refused files change nothing");
    }
});
