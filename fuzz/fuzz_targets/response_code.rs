//! A response code typed or pasted by anyone: decoded or refused, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::code::Decoder;
use samepage::core::instrument::Instrument;

static INSTRUMENT: OnceLock<Instrument> = OnceLock::new();

fuzz_target!(|text: &str| {
    let instrument = INSTRUMENT.get_or_init(Instrument::builtin_without_advice);
    let _ = Decoder::new(instrument, 0x2a).decode(text);
});
