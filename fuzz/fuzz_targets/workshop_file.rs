//! A workshop file chosen by the facilitator, or a workshop as stored (the same JSON): read or
//! refused with a reason, never a panic; what is read writes back to a file that reads the same.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::instrument::Catalogue;
use samepage::core::workshop_file::{export_json, import_json};

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fuzz_target!(|text: &str| {
    let catalogue = CATALOGUE.get_or_init(Catalogue::builtin_without_advice);
    if let Ok(workshop) = import_json(catalogue, text) {
        let again = import_json(catalogue, &export_json(catalogue, &workshop))
            .expect("an exported workshop reads back");
        assert_eq!(again, workshop);
    }
});
