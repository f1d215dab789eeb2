//! A workshop file chosen by the facilitator, or a workshop as stored (the same JSON, with the
//! stamps of its fields): read or refused with a reason, never a panic; what is read writes
//! back to text that reads the same.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::instrument::Catalogue;
use samepage::core::workshop_file::{export_stored, import_stored, stored_lineage};

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fuzz_target!(|text: &str| {
    let catalogue = CATALOGUE.get_or_init(Catalogue::builtin_without_advice);
    let _ = stored_lineage(text);
    if let Ok((workshop, stamps)) = import_stored(catalogue, text) {
        let again = import_stored(
            catalogue,
            &export_stored(catalogue, &workshop, stamps.clone()),
        )
        .expect("a stored workshop reads back");
        assert_eq!(again, (workshop, stamps));
    }
});
