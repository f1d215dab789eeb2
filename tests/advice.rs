//! The advice as data: the pages load it after their first screen, so the file is outside
//! input (refused whole with a reason, never a panic), and what it fills in must equal the
//! instrument's own advice.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::instrument::{
    builtin_advice_file, builtin_advice_records, AdviceError, Catalogue, Instrument,
};

#[test]
fn the_questions_carry_no_advice_and_the_file_brings_all_of_it() {
    let bare = Instrument::builtin_without_advice();
    assert!(bare.dimensions.iter().all(|d| d.plays.is_empty()
        && d.questions.is_empty()
        && d.explanation.get("en").is_empty()));
    // The routing comes with the advice too: the survey's first screen needs none of it.
    assert!(bare.statements().all(|s| s.plays.is_empty()));
    assert!(bare.mirror_pairs.iter().all(|p| p.plays.is_empty()));

    let mut advised = bare.clone();
    advised
        .apply_advice("en", builtin_advice_records())
        .unwrap();
    assert!(advised.statements().any(|s| !s.plays.is_empty()));
    assert_eq!(advised, Instrument::builtin());
    assert_eq!(
        advised
            .dimensions
            .iter()
            .map(|d| d.plays.len())
            .sum::<usize>(),
        48
    );
}

#[test]
fn the_file_is_named_by_its_content_hash_and_falls_back_to_english() {
    // FNV-1a (64 bits) of the file's text, as build.rs names it: a browser never keeps an old
    // copy across an upgrade.
    let hash = builtin_advice_records()
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        });
    let name = builtin_advice_file("en");
    assert_eq!(name, format!("advice-{hash:016x}.en.txt"));
    assert_eq!(builtin_advice_file("xx"), name);
}

#[test]
fn a_file_for_another_version_is_refused_and_changes_nothing() {
    let mut instrument = Instrument::builtin_without_advice();
    let other = builtin_advice_records().replacen("\t2.0.0", "\t9.9.9", 1);
    assert_eq!(
        instrument.apply_advice("en", &other),
        Err(AdviceError::OtherInstrument {
            id: instrument.id.clone(),
            version: "9.9.9".into()
        })
    );
    assert_eq!(instrument, Instrument::builtin_without_advice());
}

#[test]
fn a_damaged_line_is_named_and_nothing_is_applied() {
    let mut instrument = Instrument::builtin_without_advice();
    let mut lines: Vec<&str> = builtin_advice_records().lines().collect();
    lines[5] = "P\tonly two fields";
    assert_eq!(
        instrument.apply_advice("en", &lines.join("\n")),
        Err(AdviceError::Damaged { line: 6 })
    );
    assert_eq!(instrument, Instrument::builtin_without_advice());
    // A second header, and an area the instrument does not have.
    for bad in ["A\tx\ty", "D\tno_such_area\ttext"] {
        let text = format!("{}\n{bad}\n", lines[0]);
        assert!(instrument.apply_advice("en", &text).is_err(), "{bad}");
    }
    // A route to a statement or a play the instrument does not have.
    for bad in [
        "RS\tno.such_statement\tstrategy.joint_planning",
        "RM\tunderstanding\tno.such_play",
    ] {
        let text = format!("{}\n{bad}\n", lines[0]);
        assert!(instrument.apply_advice("en", &text).is_err(), "{bad}");
    }
    let first_area = lines[1];
    let twice = format!("{}\n{first_area}\n{first_area}\n", lines[0]);
    assert_eq!(
        instrument.apply_advice("en", &twice),
        Err(AdviceError::Damaged { line: 3 })
    );
}

#[test]
fn the_workshop_catalogue_lends_the_advice_to_earlier_versions() {
    let mut catalogue = Catalogue::builtin_without_advice();
    catalogue
        .apply_advice("en", builtin_advice_records())
        .unwrap();
    assert_eq!(catalogue, Catalogue::builtin());
    let legacy = &catalogue.all()[1];
    assert!(legacy.dimensions.iter().all(|d| !d.plays.is_empty()));
}

proptest! {
    /// Any text is either applied or refused whole: never a panic, never half applied.
    #[test]
    fn any_text_is_applied_or_refused_whole(noise in ".{0,400}", cut in 0usize..25_000) {
        let mut instrument = Instrument::builtin_without_advice();
        let records = builtin_advice_records();
        let mut end = cut.min(records.len());
        while !records.is_char_boundary(end) {
            end -= 1;
        }
        let text = format!("{}{noise}", &records[..end]);
        match instrument.apply_advice("en", &text) {
            Err(_) => prop_assert_eq!(instrument, Instrument::builtin_without_advice()),
            // Applied only when it is the whole file (trailing blank lines aside).
            Ok(()) => prop_assert_eq!(text.trim_end_matches('\n'), records.trim_end_matches('\n')),
        }
    }
}

#[test]
fn a_file_cut_at_a_line_end_is_refused_as_incomplete() {
    let records = builtin_advice_records();
    let lines: Vec<&str> = records.lines().collect();
    let mut instrument = Instrument::builtin_without_advice();
    for kept in [1, 2, lines.len() / 2, lines.len() - 1] {
        let cut = format!("{}\n", lines[..kept].join("\n"));
        assert_eq!(
            instrument.apply_advice("en", &cut),
            Err(AdviceError::Damaged { line: kept + 1 }),
            "{kept} lines"
        );
        assert_eq!(instrument, Instrument::builtin_without_advice());
    }
    // Anything after the end, or an end that miscounts, is refused too.
    let extra = format!("{records}Q\tOne more question?\n");
    assert!(instrument.apply_advice("en", &extra).is_err());
    let miscounted = records.replace(&format!("E\t{}", lines.len() - 1), "E\t3");
    assert!(instrument.apply_advice("en", &miscounted).is_err());
    assert!(instrument.apply_advice("en", records).is_ok());
}
