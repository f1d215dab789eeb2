//! The advice file fetched after the first screen, possibly cut short or replaced by a proxy's
//! page: applied whole or refused whole, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::instrument::Instrument;

static INSTRUMENT: OnceLock<Instrument> = OnceLock::new();

fuzz_target!(|text: &str| {
    let before = INSTRUMENT.get_or_init(Instrument::builtin_without_advice);
    let mut instrument = before.clone();
    if instrument.apply_advice("en", text).is_err() {
        assert_eq!(&instrument, before, "a refused file changes nothing");
    }
});
