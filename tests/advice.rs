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

/// The advice cut by area, as the personal scorecard fetches it.
mod by_area {
    use super::*;
    use samepage::core::instrument::advice_area_file;
    use samepage::core::response::{Answer, Role};
    use samepage::core::saved::SavedSurvey;
    use samepage::report::later::{advice_files, scorecard_html};

    fn areas() -> Vec<String> {
        Instrument::builtin_without_advice()
            .advice_by_area(builtin_advice_records())
            .unwrap()
    }

    /// Every area's advice, statement routes included, whatever order the files come in.
    fn personal_advice(instrument: &Instrument) -> Vec<String> {
        let mut seen: Vec<String> = instrument
            .dimensions
            .iter()
            .map(|d| {
                format!(
                    "{} {:?} {:?} {:?}",
                    d.id, d.explanation, d.plays, d.questions
                )
            })
            .collect();
        seen.extend(
            instrument
                .statements()
                .map(|s| format!("{} {:?}", s.id, s.plays)),
        );
        seen
    }

    #[test]
    fn each_area_has_a_file_and_all_of_them_give_what_the_whole_file_gives_in_any_order() {
        let areas = areas();
        let whole = Instrument::builtin();
        assert_eq!(areas.len(), whole.dimensions.len());
        for file in &areas {
            let mut one = Instrument::builtin_without_advice();
            assert_eq!(one.apply_advice("en", file), Ok(()), "{file}");
        }
        for order in [
            areas.iter().map(String::as_str).collect::<Vec<_>>(),
            areas.iter().rev().map(String::as_str).collect(),
        ] {
            let mut cut = Instrument::builtin_without_advice();
            cut.apply_advice_files("en", &order).unwrap();
            assert_eq!(personal_advice(&cut), personal_advice(&whole));
        }
    }

    #[test]
    fn an_areas_file_lends_the_plays_of_other_areas_its_statements_name_and_nothing_else() {
        let instrument = Instrument::builtin();
        for (area, file) in areas().iter().enumerate() {
            let own = &instrument.dimensions[area];
            let named: Vec<&String> = own.statements.iter().flat_map(|s| &s.plays).collect();
            for line in file.lines() {
                let fields: Vec<&str> = line.split('\t').collect();
                match fields[0] {
                    "D" => assert_eq!(fields[1], own.id),
                    "DP" => assert_ne!(fields[1], own.id),
                    "P" if own.plays.iter().all(|p| p.id != fields[1]) => {
                        assert!(named.iter().any(|id| *id == fields[1]), "{line}")
                    }
                    "RM" | "RF" => panic!("a team's route in an area's file: {line}"),
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn a_lent_group_sets_no_explanation_and_takes_no_questions() {
        let mut instrument = Instrument::builtin_without_advice();
        let header = builtin_advice_records().lines().next().unwrap();
        let area = &instrument.dimensions[1].id.clone();
        let lent = format!("{header}\nDP\t{area}\nP\tx.play\tDo it\tWho\tStep\tSignal\nE\t3\n");
        instrument.apply_advice("en", &lent).unwrap();
        assert_eq!(instrument.dimensions[1].explanation.get("en"), "");
        assert_eq!(instrument.dimensions[1].plays.len(), 1);
        let asked = format!("{header}\nDP\t{area}\nQ\tWhy?\nE\t3\n");
        assert_eq!(
            instrument.apply_advice("en", &asked),
            Err(AdviceError::Damaged { line: 3 })
        );
    }

    #[test]
    fn one_damaged_area_file_refuses_them_all() {
        let mut both = Instrument::builtin_without_advice();
        let file = &areas()[0];
        assert_eq!(
            both.apply_advice_files("en", &[file, "damaged"]),
            Err(AdviceError::Damaged { line: 1 })
        );
        assert_eq!(both, Instrument::builtin_without_advice(), "all or nothing");
    }

    #[test]
    fn a_scorecard_names_its_weakest_areas_files() {
        let instrument = Instrument::builtin_without_advice();
        let mut saved = SavedSurvey::new(&instrument);
        saved.response.role = Some(Role::Sales);
        for (area, dimension) in instrument.dimensions.iter().enumerate() {
            // Area 4 lowest, then 7, then 2; every other area agrees.
            let level = match area {
                4 => 1,
                7 => 2,
                2 => 3,
                _ => 4,
            };
            for statement in &dimension.statements {
                saved
                    .response
                    .answers
                    .insert(statement.id.clone(), Answer::Agreement(level));
            }
        }
        let whole = "advice-0123.en.txt";
        assert_eq!(
            advice_files(&saved.encode(), Instrument::builtin_records(), whole),
            "advice-0123.en.4.txt\nadvice-0123.en.7.txt\nadvice-0123.en.2.txt\n"
        );
        assert_eq!(advice_area_file(whole, 11), "advice-0123.en.11.txt");
        assert_eq!(
            advice_files("not a survey", Instrument::builtin_records(), whole),
            ""
        );
    }

    proptest! {
        /// Whatever the answers, the scorecard with the files it names shows what it shows
        /// with the whole file.
        #[test]
        fn the_weakest_areas_files_give_the_scorecard_the_whole_file_gives(levels in prop::collection::vec(0..6u8, 40)) {
            let instrument = Instrument::builtin_without_advice();
            let mut saved = SavedSurvey::new(&instrument);
            saved.response.role = Some(Role::Marketing);
            for (statement, level) in instrument.statements().zip(levels) {
                let answer = if level == 0 { Answer::CantJudge } else { Answer::Agreement(level) };
                saved.response.answers.insert(statement.id.clone(), answer);
            }
            let saved = saved.encode();
            let records = Instrument::builtin_records();
            let areas = areas();
            let fetched: String = advice_files(&saved, records, "advice-0.en.txt")
                .lines()
                .map(|name| {
                    let area: usize = name.split('.').nth(2).unwrap().parse().unwrap();
                    format!("\0{}", areas[area])
                })
                .collect();
            let whole = scorecard_html(&saved, records, Ok(&format!("\0{}", builtin_advice_records())), "en", "p", None);
            prop_assert!(whole.contains("Plays to try") || !whole.contains("samepage__weak\""));
            prop_assert_eq!(scorecard_html(&saved, records, Ok(&fetched), "en", "p", None), whole);
        }
    }
}
