//! Text pasted into (or a file chosen for) the code import: every code counted, refused or
//! named, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::instrument::Catalogue;
use samepage::core::workshop::Workshop;

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fuzz_target!(|text: &str| {
    let catalogue = CATALOGUE.get_or_init(Catalogue::builtin_without_advice);
    let mut workshop = Workshop::new(
        0x2a,
        "Fuzz",
        Vec::new(),
        3,
        "2026-11-30",
        &catalogue.current().version,
    );
    let _ = workshop.import_codes(catalogue, text);
});
