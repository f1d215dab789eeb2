//! A participant link's fragment, from any address bar: parsed or refused, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::instrument::Catalogue;
use samepage::core::link::Fragment;

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fuzz_target!(|text: &str| {
    let catalogue = CATALOGUE.get_or_init(Catalogue::builtin_without_advice);
    let _ = Fragment::parse(text, catalogue);
});
