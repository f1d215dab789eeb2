//! A survey as stored in the browser, possibly damaged or written by another version: read or
//! refused with a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samepage::core::saved::SavedSurvey;

fuzz_target!(|text: &str| {
    if let Ok(saved) = SavedSurvey::decode(text) {
        // What was read can be written and read again.
        let again = SavedSurvey::decode(&saved.encode()).expect("an encoded survey reads back");
        assert_eq!(again, saved);
    }
});
