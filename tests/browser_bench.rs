//! Timings in the browser, for `scripts/bench` (not run by `scripts/test`): scoring and
//! diagnosing 10,000 responses, importing 10,000 and 100,000 response codes, and storing and
//! opening a workshop of 100,000 responses, each the median of five runs in a release build,
//! printed as `BENCH <name> <median ms>`.
#![cfg(target_arch = "wasm32")]

use samepage::core::code::{encode, CodedResponse};
use samepage::core::instrument::{Catalogue, Instrument};
use samepage::core::response::{Answer, Response, Role};
use samepage::core::team::{Answers, TeamScorecard};
use samepage::core::workshop::{Collected, Source, Workshop};
use samepage::core::workshop_file::{export_json, import_json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 5;

/// A deterministic stream of pseudo-random numbers (xorshift), so every run measures the same.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// `count` responses with every statement answered (about one in eight "Can't judge").
fn responses(instrument: &Instrument, count: usize) -> Vec<Response> {
    let mut numbers = Numbers(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|_| {
            let mut response = Response {
                role: Some(Role::ALL[numbers.next(4) as usize]),
                ..Response::default()
            };
            for statement in instrument.statements() {
                let answer = match numbers.next(8) {
                    0 => Answer::CantJudge,
                    n => Answer::Agreement(1 + (n % 5) as u8),
                };
                response.answers.insert(statement.id.clone(), answer);
            }
            for question in &instrument.definitions {
                let option =
                    &question.options[numbers.next(question.options.len() as u64) as usize];
                response
                    .definitions
                    .insert(question.id.clone(), option.id.clone());
            }
            response
        })
        .collect()
}

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

/// The median time of `RUNS` runs of `work`, in milliseconds.
fn median_ms(mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = now();
            work();
            now() - start
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

#[wasm_bindgen_test]
fn score_and_diagnose_10000_responses() {
    let instrument = Instrument::builtin();
    // Workshops keep responses laid out as `Answers`; the timing is of the scorecard itself.
    let answers: Vec<Answers> = responses(&instrument, 10_000)
        .iter()
        .map(|r| Answers::of(&instrument, r))
        .collect();
    let refs: Vec<&Answers> = answers.iter().collect();
    let mut findings = 0;
    let ms = median_ms(|| {
        let card = TeamScorecard::of(&instrument, &refs, 3);
        findings = card.diagnosis(&instrument).len() + card.groups.len();
    });
    assert!(findings > 0);
    console_log!("BENCH score_and_diagnose_10000 {ms:.1}");
}

/// `count` response codes for the workshop `workshop_id`, one per line.
fn codes(instrument: &Instrument, workshop_id: u32, count: usize) -> String {
    responses(instrument, count)
        .into_iter()
        .enumerate()
        .map(|(i, response)| {
            let coded = CodedResponse {
                workshop: workshop_id,
                nonce: i as u32,
                team: None,
                response,
            };
            encode(instrument, &coded) + "\n"
        })
        .collect()
}

/// A file of `count` codes, as a company roll-out collects them, imported into a workshop and
/// written as the stored workshop (what the page does before it says "Imported").
fn import_codes(count: usize) -> f64 {
    let instrument = Instrument::builtin();
    let catalogue = Catalogue::builtin();
    let workshop_id = 77;
    let file = codes(&instrument, workshop_id, count);
    let mut imported = 0;
    let ms = median_ms(|| {
        let mut workshop =
            Workshop::new(workshop_id, "Bench", Vec::new(), 3, "2026-11-23", "2.0.0");
        workshop.import_codes(&catalogue, &file);
        imported = workshop.current_round().responses.len();
        assert!(export_json(&catalogue, &workshop).len() > count);
    });
    assert_eq!(imported, count);
    ms
}

#[wasm_bindgen_test]
fn import_10000_codes() {
    let ms = import_codes(10_000);
    console_log!("BENCH import_10000_codes {ms:.1}");
}

#[wasm_bindgen_test]
fn import_100000_codes() {
    let ms = import_codes(100_000);
    console_log!("BENCH import_100000_codes {ms:.1}");
}

/// The same file of 100,000 codes imported a second time: every code is already here.
#[wasm_bindgen_test]
fn import_100000_codes_again() {
    let instrument = Instrument::builtin();
    let catalogue = Catalogue::builtin();
    let file = codes(&instrument, 79, 100_000);
    let mut workshop = Workshop::new(79, "Bench", Vec::new(), 3, "2026-11-23", "2.0.0");
    workshop.import_codes(&catalogue, &file);
    let mut duplicates = 0;
    let ms = median_ms(|| {
        let mut again = workshop.clone();
        let report = again.import_codes(&catalogue, &file);
        duplicates = report.count(|o| *o == samepage::core::workshop::CodeOutcome::Duplicate);
    });
    assert_eq!(duplicates, 100_000);
    console_log!("BENCH import_100000_codes_again {ms:.1}");
}

/// A workshop of 100,000 responses written as the stored text and read back: what each save
/// and each opening of the workshop page do.
#[wasm_bindgen_test]
fn store_and_open_100000_responses() {
    let instrument = Instrument::builtin();
    let catalogue = Catalogue::builtin();
    let mut workshop = Workshop::new(78, "Bench", Vec::new(), 3, "2026-11-23", "2.0.0");
    workshop.rounds[0].responses = (responses(&instrument, 100_000).iter().enumerate())
        .map(|(nonce, response)| Collected {
            nonce: nonce as u32,
            team: None,
            answers: Answers::of(&instrument, response),
            source: Source::Code,
        })
        .collect();
    let mut stored = 0;
    let ms = median_ms(|| {
        let text = export_json(&catalogue, &workshop);
        stored = text.len();
        assert_eq!(import_json(&catalogue, &text).as_ref(), Ok(&workshop));
    });
    // What a browser's storage holds: 5,242,880 characters in Chromium.
    assert!(stored < 3_500_000, "{stored}");
    console_log!("BENCH store_and_open_100000 {ms:.1}");
}
