//! Workshop files: an exact round trip, and every refusal named.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::instrument::{Catalogue, Instrument};
use samepage::core::packed::{pack, unpack};
use samepage::core::response::{Answer, Role};
use samepage::core::sync::{Stamp, Stamps};
use samepage::core::team::Answers;
use samepage::core::workshop::{Collected, Facts, Source, Workshop};
use samepage::core::workshop_file::{
    export_json, export_stored, file_name, import_json, import_stored, megabytes, stored_lineage,
    Damage, FileError,
};

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
        "2.0.0",
    );
    for nonce in 0..5 {
        workshop.collect(Collected {
            nonce,
            team: Some((nonce % 2) as u8),
            answers: answers(instrument, nonce as u64),
            source: Default::default(),
        });
    }
    workshop.rounds[0].facts = Facts {
        follow_up_hours: Some(26.5),
        accepted_share: Some(0.42),
        conversion: None,
    };
    workshop.start_round("2026-11-01", "2.0.0");
    workshop.collect(Collected {
        nonce: 99,
        team: None,
        answers: answers(instrument, 99),
        source: Default::default(),
    });
    workshop
}

/// What the facilitator reads for a refused file.
fn words(error: FileError) -> String {
    samepage::i18n::Locale::En
        .workshop_strings()
        .file_error(&error)
}

#[test]
fn a_workshop_comes_back_exactly() {
    let instrument = Instrument::builtin();
    let workshop = sample(&instrument);
    let text = export_json(&Catalogue::builtin(), &workshop);
    assert!(text.starts_with(r#"{"format":"samepage-workshop","version":3,"#));
    assert!(text.contains(r#""name":"Q3 \"kick-off\" – Zürich""#));
    // Each round's responses are one packed text.
    assert!(text.contains(r#""questionnaire":"2.0.0""#));
    assert!(text.contains(&format!(
        r#""responses":"{}""#,
        pack(&workshop.rounds[0].responses)
    )));
    assert!(!text.contains(r#""answers""#));
    let back = import_json(&Catalogue::builtin(), &text).unwrap();
    assert_eq!(back, workshop);
    assert_eq!(
        export_json(&Catalogue::builtin(), &back),
        text,
        "exporting again gives the same file"
    );
}

#[test]
fn a_long_label_from_before_the_creation_limit_still_opens() {
    // 1.0.0 let a facilitator type labels of any length; they must keep opening.
    let instrument = Instrument::builtin();
    let mut workshop = sample(&instrument);
    workshop.team_labels[0] = "A team label typed long before there was any limit on it".into();
    let catalogue = Catalogue::builtin();
    let text = export_json(&catalogue, &workshop);
    assert_eq!(import_json(&catalogue, &text), Ok(workshop));
}

#[test]
fn a_response_takes_a_few_dozen_bytes() {
    let instrument = Instrument::builtin();
    // Role, 40 statements, 10 picks, respondent, team and source: 25 bytes, 34 characters.
    let responses: Vec<Collected> = (0..1000u32)
        .map(|nonce| Collected {
            nonce: nonce.wrapping_mul(0x9e37_79b9),
            team: Some((nonce % 200) as u8),
            answers: answers(&instrument, u64::from(nonce)),
            source: Source::Code,
        })
        .collect();
    let text = pack(&responses);
    assert_eq!(text.len(), ((3 + 25 * 1000usize) * 4).div_ceil(3));
    assert_eq!(unpack(&text), Some(responses));
    // 100,000 of them take 3.3 million characters: Chromium's storage holds 5.2 million.
    assert!(text.len() * 100 < 3_400_000);
}

#[test]
fn a_packed_response_is_laid_out_bit_by_bit() {
    // 4 statements, 2 choices; the highest pick, option 1, needs one bit.
    let one = Collected {
        nonce: 1,
        team: None,
        answers: Answers {
            role: Role::Sales,
            cells: vec![
                Some(Answer::Agreement(5)),
                None,
                Some(Answer::CantJudge),
                Some(Answer::NotApplicable),
            ],
            picks: vec![Some(0), None],
        },
        source: Source::Device,
    };
    // Header 04 02 01; nonce 00000001, team 00, then role 00, source 01, cells 101 000 110
    // 111, picks 1 0 and six bits of padding: 1A 37 80.
    assert_eq!(pack(std::slice::from_ref(&one)), "BAIBAAAAAQAaN4A");
    assert_eq!(unpack("BAIBAAAAAQAaN4A"), Some(vec![one]));
    assert_eq!(pack(&[]), "");
    assert_eq!(unpack(""), Some(vec![]));
    for bad in [
        "BAIBAAAAAQAaN4B",  // padding bits set
        "BAICAAAAAQAaN0A",  // two bits per choice where one holds every pick
        "BAIAAAAAAQAaN4A",  // no bits per choice
        "BAIBAAAAAQAaN4AA", // not base64url of whole bytes
        "BAIBAAAAAQAaN",    // a record cut short
        "BAIB",             // a header without records
        "BAIBAAAAAQA6N4A",  // source 3
        "BA",
        "!!!!",
    ] {
        assert_eq!(unpack(bad), None, "{bad}");
    }
}

#[test]
fn answers_in_the_text_of_version_2_files_are_read() {
    let answers = Answers::from_compact("sales/5.0n/0,-").unwrap();
    assert_eq!(answers.role, Role::Sales);
    assert_eq!(
        answers.cells,
        vec![
            Some(Answer::Agreement(5)),
            None,
            Some(Answer::CantJudge),
            Some(Answer::NotApplicable)
        ]
    );
    assert_eq!(answers.picks, vec![Some(0), None]);
    for bad in [
        "",
        "sales",
        "chief/123/",
        "sales/12x/",
        "sales/123/01",
        "sales/1/2/3",
    ] {
        assert_eq!(Answers::from_compact(bad), None, "{bad}");
    }
}

#[test]
fn foreign_newer_and_damaged_files_are_refused_with_the_reason() {
    let instrument = Instrument::builtin();
    let catalogue = Catalogue::builtin();
    let text = export_json(&catalogue, &sample(&instrument));
    assert_eq!(
        import_json(&catalogue, "not json"),
        Err(FileError::NotAWorkshop)
    );
    assert_eq!(
        import_json(&catalogue, r#"{"format":"other","version":1}"#),
        Err(FileError::NotAWorkshop)
    );
    assert_eq!(
        import_json(
            &catalogue,
            &text.replace(r#""version":3,"#, r#""version":4,"#)
        ),
        Err(FileError::NewerVersion(4))
    );
    assert_eq!(
        import_json(
            &catalogue,
            &text.replace(r#""version":3,"#, r#""version":0,"#)
        ),
        Err(FileError::NotAWorkshop)
    );
    let mut other = instrument.clone();
    other.version = "9.0.0".into();
    assert!(matches!(
        import_json(&Catalogue::of(other), &text),
        Err(FileError::OtherInstrument { .. })
    ));
    assert_eq!(
        import_json(
            &catalogue,
            &text.replace(r#""minimum":4"#, r#""minimum":2"#)
        ),
        Err(FileError::MinimumTooLow(2))
    );
    let truncated = &text[..text.len() / 2];
    assert!(matches!(
        import_json(&catalogue, truncated),
        Err(FileError::NotAWorkshop | FileError::Damaged(..))
    ));
    // A parser's own words never reach the facilitator.
    let broken = import_json(
        &catalogue,
        &text.replacen(r#""responses":""#, r#""responses":"chief-"#, 1),
    )
    .unwrap_err();
    assert!(matches!(broken, FileError::Damaged(_, Damage::Shape)));
    assert_eq!(
        words(broken),
        "this file is damaged: a field is missing or holds the wrong kind of value"
    );
    assert!(words(import_json(&catalogue, "").unwrap_err()).contains("not a SamePage workshop"));
}

#[test]
fn content_serde_cannot_check_is_checked() {
    let instrument = Instrument::builtin();
    let check = |change: &dyn Fn(&mut Workshop)| {
        let mut workshop = sample(&instrument);
        change(&mut workshop);
        let catalogue = Catalogue::builtin();
        words(import_json(&catalogue, &export_json(&catalogue, &workshop)).unwrap_err())
    };
    assert_eq!(
        check(&|w| {
            for collected in &mut w.rounds[0].responses {
                collected.answers.cells.pop();
            }
        }),
        "this file is damaged: round 1, response 1: 39 answers, expected 40"
    );
    assert!(
        check(&|w| w.rounds[0].responses[0].answers.picks[0] = Some(40))
            .contains("names no option")
    );
    assert!(check(&|w| w.rounds[1].responses[0].team = Some(5))
        .contains("round 2, response 1: the team label does not exist"));
    assert!(check(&|w| w.rounds[0].responses[2].nonce = 0)
        .contains("the same respondent appears twice"));
    assert!(check(&|w| w.rounds[0].facts.accepted_share = Some(1.5))
        .contains("round 1: a fact is out of its range"));
    assert!(check(&|w| w.rounds[0].facts.follow_up_hours = Some(1e308))
        .contains("round 1: a fact is out of its range"));
    assert!(check(&|w| w.rounds.clear()).contains("no round"));
    assert!(check(&|w| w.name = "  ".into()).contains("name is empty"));
    assert!(check(&|w| w.team_labels[1] = "North".into()).contains("team label"));
    assert!(check(&|w| w.team_labels[0] = String::new()).contains("team label"));
    assert!(
        check(&|w| w.team_labels = (0..251).map(|i| format!("T{i}")).collect())
            .contains("more than 250")
    );
    assert!(check(&|w| w.rounds[0].started = "yesterday".into()).contains("YYYY-MM-DD"));
    assert!(check(&|w| w.rounds[0].questionnaire = "7.0.0".into()).contains("7.0.0"));
    // "Not applicable" only where the statement offers it.
    let plain = instrument
        .statements()
        .position(|s| !s.not_applicable)
        .unwrap();
    assert!(
        check(&|w| w.rounds[0].responses[0].answers.cells[plain] = Some(Answer::NotApplicable))
            .contains("Not applicable")
    );
}

#[test]
fn how_each_answer_came_is_written_and_read_and_absent_from_earlier_files() {
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(1, "Sources", vec![], 3, "2026-11-23", "2.0.0");
    for (nonce, source) in [
        (1, Source::Device),
        (2, Source::Code),
        (3, Source::Unrecorded),
    ] {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: answers(&instrument, u64::from(nonce)),
            source,
        });
    }
    let text = export_json(&Catalogue::builtin(), &workshop);
    assert_eq!(import_json(&Catalogue::builtin(), &text), Ok(workshop));
    // Files of version 2 named it in words, or not at all before it was recorded.
    let earlier = include_str!("fixtures/v2/workshop.json");
    assert_eq!(earlier.matches(r#""source":"device""#).count(), 3);
    assert_eq!(earlier.matches(r#""source":"code""#).count(), 5);
    let read = import_json(&Catalogue::builtin(), earlier).unwrap();
    let counts = read.current_round().sources();
    assert_eq!((counts.device, counts.code, counts.unrecorded), (3, 2, 2));
    let strange = earlier.replacen(r#""source":"device""#, r#""source":"fax""#, 1);
    assert!(import_json(&Catalogue::builtin(), &strange).is_err());
}

#[test]
fn sizes_read_as_megabytes_rounded_up() {
    assert_eq!(megabytes(0), "0.0");
    assert_eq!(megabytes(1), "0.1");
    assert_eq!(megabytes(100_000), "0.1");
    assert_eq!(megabytes(100_001), "0.2");
    assert_eq!(megabytes(5_870_000), "5.9");
    assert_eq!(megabytes(12_514_260), "12.6");
}

#[test]
fn a_downloaded_file_is_named_after_the_workshop_safely() {
    assert_eq!(
        file_name("Files & \"quotes\"", "csv"),
        "samepage-files-quotes.csv"
    );
    assert_eq!(
        file_name("  Q3 offsite / 2026  ", "json"),
        "samepage-q3-offsite-2026.json"
    );
    // Other scripts stay readable.
    assert_eq!(
        file_name("Zürich Kick-off", "json"),
        "samepage-zürich-kick-off.json"
    );
    assert_eq!(file_name("東京 チーム", "csv"), "samepage-東京-チーム.csv");
    // A right-to-left override cannot make "…exe.txt" read as "…txt.exe"; nor a NUL or tab.
    assert_eq!(
        file_name("a\u{202e}txt.exe", "csv"),
        "samepage-a-txt-exe.csv"
    );
    assert_eq!(file_name("x\0y\tz\u{feff}", "json"), "samepage-x-y-z.json");
    assert_eq!(
        file_name("a\u{061c}b\u{00a0}c\u{3000}d", "csv"),
        "samepage-a-b-c-d.csv"
    );
    // Long names are cut to 100 bytes, never inside a character.
    let long = file_name(&"é".repeat(80), "csv");
    assert_eq!(long, format!("samepage-{}.csv", "é".repeat(50)));
    // Nothing usable left: a plain name.
    assert_eq!(file_name("///", "json"), "samepage-workshop.json");
    assert_eq!(file_name("", "csv"), "samepage-workshop.csv");
}

proptest! {
    /// Any workshop name gives a file name of safe characters, dashes never doubled or at an end.
    #[test]
    fn any_name_gives_a_safe_file_name(name in "\\PC*|.{0,30}|[a\u{202e}\u{200f}\u{061c}\u{00ad}\u{3000} é]{0,12}") {
        let file = file_name(&name, "csv");
        prop_assert!(file.starts_with("samepage-") && file.ends_with(".csv"), "{}", file);
        let stem = &file["samepage-".len()..file.len() - ".csv".len()];
        prop_assert!(!stem.is_empty() && !stem.starts_with('-') && !stem.ends_with('-'));
        prop_assert!(!stem.contains("--"));
        let safe = |c: char| {
            c == '-'
                || c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || !(c.is_ascii() || c.is_control() || c.is_whitespace() || matches!(c, '\u{00ad}' | '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'))
        };
        prop_assert!(stem.len() <= 100);
        prop_assert!(stem.chars().all(safe), "{}", stem);
        let overrides = stem.contains('\u{202e}');
        prop_assert!(!overrides);
    }

    #[test]
    fn any_workshop_round_trips(seeds in proptest::collection::vec(any::<u64>(), 0..20), labels in 0usize..4) {
        let instrument = Instrument::builtin();
        let team_labels: Vec<String> = (0..labels).map(|i| format!("Team {i}")).collect();
        let mut workshop = Workshop::new(1, "Round trip", team_labels, 3, "2026-11-23", "2.0.0");
        for (nonce, seed) in seeds.iter().enumerate() {
            let team = (labels > 0).then(|| (seed % labels as u64) as u8);
            // Every source, the unrecorded one of earlier builds included, survives the trip.
            let source = [Source::Unrecorded, Source::Device, Source::Code][(*seed % 3) as usize];
            workshop.collect(Collected { nonce: nonce as u32, team, answers: answers(&instrument, *seed), source });
        }
        let text = export_json(&Catalogue::builtin(), &workshop);
        prop_assert_eq!(import_json(&Catalogue::builtin(), &text), Ok(workshop));
    }

    /// A stored workshop or a chosen file damaged anywhere (cut short, a character changed or
    /// inserted) is read or refused, never a panic; what is read writes back the same.
    #[test]
    fn any_damaged_file_is_read_or_refused(
        cut in 0usize..4000,
        at in 0usize..4000,
        inserted in any::<char>(),
        replace in any::<bool>(),
    ) {
        let catalogue = Catalogue::builtin();
        let workshop = sample(catalogue.current());
        // As stored: with the stamps of its fields (`sync`).
        let mut stamps = Stamps::unstamped(&workshop, 0xBEEF);
        stamps.settings[0] = Stamp(3, 77);
        stamps.rounds[0].replaced.push((5, Stamp(4, 77)));
        let text = export_stored(&catalogue, &workshop, Some(stamps));
        let mut chars: Vec<char> = text.chars().collect();
        let at = at % (chars.len() + 1);
        if replace && at < chars.len() {
            chars[at] = inserted;
        } else {
            chars.insert(at, inserted);
        }
        chars.truncate(cut.max(chars.len() / 2));
        let damaged: String = chars.into_iter().collect();
        let _ = stored_lineage(&damaged);
        if let Ok((workshop, stamps)) = import_stored(&catalogue, &damaged) {
            let again = export_stored(&catalogue, &workshop, stamps.clone());
            prop_assert_eq!(stored_lineage(&again), stamps.as_ref().map_or(0, |s| s.lineage));
            prop_assert_eq!(import_stored(&catalogue, &again), Ok((workshop, stamps)));
        }
    }

    /// Packed responses changed anywhere are refused or read as something that packs back to
    /// exactly that text: one meaning per text.
    #[test]
    fn any_packed_text_is_read_or_refused(
        seeds in proptest::collection::vec(any::<u64>(), 1..6),
        at in 0usize..400,
        replacement in "[A-Za-z0-9_-]",
        noise in "[A-Za-z0-9_-]{0,60}",
    ) {
        let instrument = Instrument::builtin();
        let responses: Vec<Collected> = seeds
            .iter()
            .map(|seed| Collected { nonce: *seed as u32, team: None, answers: answers(&instrument, *seed), source: Source::Device })
            .collect();
        let mut text = pack(&responses);
        let at = at % text.len();
        text.replace_range(at..=at, &replacement);
        for candidate in [text, noise] {
            if let Some(read) = unpack(&candidate) {
                prop_assert_eq!(pack(&read), candidate);
            }
        }
    }

    /// Any text at all, in the workshop file's place.
    #[test]
    fn any_text_is_read_or_refused(text in ".{0,300}") {
        let _ = import_json(&Catalogue::builtin(), &text);
    }
}
