//! A participant link's fragment, from any address bar, or a host page's `data-workshop`
//! (a whole link or its fragment): parsed or refused, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use samepage::core::instrument::Catalogue;
use samepage::core::link::{percent_decode, Fragment, JoinLink};

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fuzz_target!(|text: &str| {
    let catalogue = CATALOGUE.get_or_init(Catalogue::builtin_without_advice);
    let _ = Fragment::parse(text, catalogue);
    let _ = JoinLink::read(
        text,
        |version| catalogue.version(version).is_some(),
        percent_decode,
    );
});
