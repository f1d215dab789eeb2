//! Workshop files: an exact round trip, and every refusal named.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::instrument::Instrument;
use samepage::core::response::{Answer, Role};
use samepage::core::team::Answers;
use samepage::core::workshop::{Collected, Facts, Workshop};
use samepage::core::workshop_file::{export_json, import_json, FileError};

fn answers(instrument: &Instrument, seed: u64) -> Answers {
    let mut x = seed | 1;
    let mut next = |below: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % below
    };
    Answers {
        role: Role::ALL[next(4) as usize],
        cells: instrument
            .statements()
            .map(|_| match next(7) {
                0 => None,
                6 => Some(Answer::CantJudge),
                n => Some(Answer::Agreement(n as u8)),
            })
            .collect(),
        picks: instrument
            .definitions
            .iter()
            .map(|q| {
                let n = next(q.options.len() as u64 + 1);
                (n > 0).then(|| n as u8 - 1)
            })
            .collect(),
    }
}

fn sample(instrument: &Instrument) -> Workshop {
    let mut workshop = Workshop::new(
        7,
        "Q3 \"kick-off\" – Zürich",
        vec!["North".into(), "South".into()],
        4,
        "2026-08-01",
    );
    for nonce in 0..5 {
        workshop.collect(Collected {
            nonce,
            team: Some((nonce % 2) as u8),
            answers: answers(instrument, nonce as u64),
        });
    }
    workshop.rounds[0].facts = Facts {
        follow_up_hours: Some(26.5),
        accepted_share: Some(0.42),
        conversion: None,
    };
    workshop.start_round("2026-11-01");
    workshop.collect(Collected {
        nonce: 99,
        team: None,
        answers: answers(instrument, 99),
    });
    workshop
}

#[test]
fn a_workshop_comes_back_exactly() {
    let instrument = Instrument::builtin();
    let workshop = sample(&instrument);
    let text = export_json(&instrument, &workshop);
    assert!(text.contains("\"format\": \"samepage-workshop\""));
    assert!(text.contains("\"name\": \"Q3 \\\"kick-off\\\" – Zürich\""));
    let back = import_json(&instrument, &text).unwrap();
    assert_eq!(back, workshop);
    assert_eq!(
        export_json(&instrument, &back),
        text,
        "exporting again gives the same file"
    );
}

#[test]
fn foreign_newer_and_damaged_files_are_refused_with_the_reason() {
    let instrument = Instrument::builtin();
    let text = export_json(&instrument, &sample(&instrument));
    assert_eq!(
        import_json(&instrument, "not json"),
        Err(FileError::NotAWorkshop)
    );
    assert_eq!(
        import_json(&instrument, r#"{"format":"other","version":1}"#),
        Err(FileError::NotAWorkshop)
    );
    assert_eq!(
        import_json(
            &instrument,
            &text.replace("\"version\": 1,", "\"version\": 2,")
        ),
        Err(FileError::NewerVersion(2))
    );
    let mut other = instrument.clone();
    other.version = "2.0.0".into();
    assert!(matches!(
        import_json(&other, &text),
        Err(FileError::OtherInstrument { .. })
    ));
    assert_eq!(
        import_json(
            &instrument,
            &text.replace("\"minimum\": 4", "\"minimum\": 2")
        ),
        Err(FileError::MinimumTooLow(2))
    );
    let truncated = &text[..text.len() / 2];
    assert!(matches!(
        import_json(&instrument, truncated),
        Err(FileError::NotAWorkshop | FileError::Damaged(_))
    ));
    assert!(matches!(
        import_json(
            &instrument,
            &text.replace("\"role\": \"", "\"role\": \"chief-")
        ),
        Err(FileError::Damaged(_))
    ));
    assert!(import_json(&instrument, "")
        .unwrap_err()
        .to_string()
        .contains("not a SamePage workshop"));
}

#[test]
fn content_serde_cannot_check_is_checked() {
    let instrument = Instrument::builtin();
    let check = |change: &dyn Fn(&mut Workshop)| {
        let mut workshop = sample(&instrument);
        change(&mut workshop);
        import_json(&instrument, &export_json(&instrument, &workshop))
            .unwrap_err()
            .to_string()
    };
    assert!(check(&|w| {
        w.rounds[0].responses[1].answers.cells.pop();
    })
    .contains("round 1, response 2: 41 answers, expected 42"));
    assert!(
        check(&|w| w.rounds[0].responses[0].answers.picks[0] = Some(40))
            .contains("names no option")
    );
    assert!(check(&|w| w.rounds[1].responses[0].team = Some(5))
        .contains("round 2, response 1: the team label does not exist"));
    assert!(check(&|w| w.rounds[0].responses[2].nonce = 0)
        .contains("the same respondent appears twice"));
    assert!(check(&|w| w.rounds[0].facts.accepted_share = Some(1.5))
        .contains("round 1: a fact is out of range"));
    assert!(check(&|w| w.rounds.clear()).contains("no round"));
}

proptest! {
    #[test]
    fn any_workshop_round_trips(seeds in proptest::collection::vec(any::<u64>(), 0..20), labels in 0usize..4) {
        let instrument = Instrument::builtin();
        let team_labels: Vec<String> = (0..labels).map(|i| format!("Team {i}")).collect();
        let mut workshop = Workshop::new(1, "Round trip", team_labels, 3, "2026-11-23");
        for (nonce, seed) in seeds.iter().enumerate() {
            let team = (labels > 0).then(|| (seed % labels as u64) as u8);
            workshop.collect(Collected { nonce: nonce as u32, team, answers: answers(&instrument, *seed) });
        }
        let text = export_json(&instrument, &workshop);
        prop_assert_eq!(import_json(&instrument, &text), Ok(workshop));
    }
}
