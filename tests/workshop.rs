//! Workshops: settings, importing pasted codes, duplicates, rounds and the trend.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::code::{encode, CodeError, CodedResponse};
use samepage::core::instrument::{Catalogue, Instrument};
use samepage::core::response::{Answer, Response, Role};
use samepage::core::team::Answers;
use samepage::core::workshop::{
    CodeOutcome, Collected, Source, Trend, Workshop, MANY_CODES_AT_ONCE,
};

const ID: u32 = 0xACE0_0042;

/// A respondent who rates every statement `level`.
fn everything(role: Role, level: u8) -> Response {
    let instrument = Instrument::builtin();
    let mut response = Response {
        role: Some(role),
        ..Response::default()
    };
    for statement in instrument.statements() {
        response
            .answers
            .insert(statement.id.clone(), Answer::Agreement(level));
    }
    response
}

/// A new workshop with one team label, North, collecting questionnaire 2.0.0.
fn kick_off() -> Workshop {
    Workshop::new(
        ID,
        "Kick-off",
        vec!["North".into()],
        3,
        "2026-11-23",
        "2.0.0",
    )
}

fn code(nonce: u32, workshop: u32, response: Response) -> String {
    encode(
        &Instrument::builtin(),
        &CodedResponse {
            workshop,
            nonce,
            team: Some(0),
            response,
        },
    )
}

#[test]
fn a_new_workshop_never_goes_below_the_anonymity_floor() {
    let workshop = Workshop::new(
        ID,
        "  Q3 kick-off ",
        vec!["North".into()],
        1,
        "2026-11-23",
        "2.0.0",
    );
    assert_eq!(workshop.name, "Q3 kick-off");
    assert_eq!(workshop.minimum, 3);
    assert_eq!(workshop.rounds.len(), 1);
    assert!(workshop.current_round().responses.is_empty());
}

#[test]
fn pasted_codes_import_with_duplicates_once_and_bad_ones_named() {
    let mut workshop = kick_off();
    let a = code(1, ID, everything(Role::Sales, 4));
    let b = code(2, ID, everything(Role::Marketing, 2));
    let foreign = code(3, ID + 1, everything(Role::Sales, 5));
    let mut damaged = code(4, ID, everything(Role::Leadership, 3));
    damaged.replace_range(10..11, if &damaged[10..11] == "A" { "B" } else { "A" });
    let pasted = format!("{a}\n{b}\nSam: {a}\n{foreign}\n{damaged}\n");

    let report = workshop.import_codes(&Catalogue::builtin(), &pasted);
    let outcomes: Vec<&CodeOutcome> = report.outcomes.iter().map(|(_, o)| o).collect();
    assert_eq!(
        outcomes,
        [
            &CodeOutcome::Added,
            &CodeOutcome::Added,
            &CodeOutcome::Duplicate,
            &CodeOutcome::Refused(CodeError::OtherWorkshop),
            &CodeOutcome::Refused(CodeError::Corrupted),
        ]
    );
    assert_eq!(report.count(|o| *o == CodeOutcome::Added), 2);
    let round = workshop.current_round();
    assert_eq!(round.responses.len(), 2);
    assert_eq!(round.responses[0].team, Some(0));

    // A batch of only bad codes changes nothing.
    let before = workshop.clone();
    let report = workshop.import_codes(
        &Catalogue::builtin(),
        &format!("{foreign}\nSP1.nonsense\nno codes here"),
    );
    assert_eq!(report.count(|o| matches!(o, CodeOutcome::Refused(_))), 2);
    assert_eq!(workshop, before);
}

#[test]
fn a_respondent_sending_changed_answers_replaces_their_earlier_ones() {
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(ID, "Kick-off", vec![], 3, "2026-11-23", "2.0.0");
    workshop.import_codes(
        &Catalogue::builtin(),
        &code(9, ID, everything(Role::Sales, 2)),
    );
    let report = workshop.import_codes(
        &Catalogue::builtin(),
        &code(9, ID, everything(Role::Sales, 4)),
    );
    assert_eq!(report.outcomes[0].1, CodeOutcome::Updated);
    let round = workshop.current_round();
    assert_eq!(round.responses.len(), 1);
    // Team 0 named no label (the workshop has none), so it is dropped.
    assert_eq!(round.responses[0].team, None);
    assert_eq!(
        round.responses[0].answers.to_response(&instrument),
        everything(Role::Sales, 4)
    );
}

#[test]
fn each_answer_records_how_it_came_and_a_round_counts_each_way() {
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(ID, "Kick-off", vec![], 3, "2026-11-23", "2.0.0");
    for nonce in 1..=2 {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: Answers::of(&instrument, &everything(Role::Sales, 4)),
            source: Source::Device,
        });
    }
    // One collected by an earlier build, which did not record how.
    workshop.collect(Collected {
        nonce: 3,
        team: None,
        answers: Answers::of(&instrument, &everything(Role::Sales, 4)),
        source: Source::Unrecorded,
    });
    workshop.import_codes(
        &Catalogue::builtin(),
        &code(4, ID, everything(Role::Marketing, 2)),
    );
    let round = workshop.current_round();
    assert_eq!(round.responses[3].source, Source::Code);
    let counts = round.sources();
    assert_eq!((counts.device, counts.code, counts.unrecorded), (2, 1, 1));
}

#[test]
fn a_code_imported_again_over_what_an_earlier_build_stored_is_already_here() {
    let instrument = Instrument::builtin();
    let response = everything(Role::Sales, 3);
    let mut workshop = kick_off();
    // Stored by a build that did not record sources.
    for nonce in 0..6 {
        workshop.collect(Collected {
            nonce,
            team: Some(0),
            answers: Answers::of(&instrument, &response),
            source: Source::Unrecorded,
        });
    }
    let again: Vec<String> = (0..6).map(|n| code(n, ID, response.clone())).collect();
    let report = workshop.import_codes(&Catalogue::builtin(), &again.join("\n"));
    assert_eq!(report.count(|o| *o == CodeOutcome::Duplicate), 6);
    assert_eq!(report.many_at_once(), None);
    // They learn how they came.
    assert_eq!(workshop.current_round().sources().code, 6);
}

#[test]
fn one_text_that_brings_many_answers_is_flagged_from_the_threshold() {
    assert_eq!(MANY_CODES_AT_ONCE, 5);
    let codes = |nonces: std::ops::Range<u32>| {
        nonces
            .map(|n| code(n, ID, everything(Role::Sales, 3)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut workshop = Workshop::new(ID, "Kick-off", vec![], 3, "2026-11-23", "2.0.0");
    // Four new answers in one message: as a few people forwarding theirs would send.
    let four = workshop.import_codes(&Catalogue::builtin(), &codes(0..4));
    assert_eq!(four.many_at_once(), None);
    // Five more, one already here: five new answers at once are flagged.
    let five = workshop.import_codes(&Catalogue::builtin(), &codes(3..9));
    assert_eq!(five.many_at_once(), Some(5));
    // The same nine again change nothing, so there is nothing to check.
    let again = workshop.import_codes(&Catalogue::builtin(), &codes(0..9));
    assert_eq!(again.many_at_once(), None);
    // Refused codes are not counted either.
    let foreign = workshop.import_codes(
        &Catalogue::builtin(),
        &(20..30)
            .map(|n| code(n, ID + 1, everything(Role::Sales, 3)))
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert_eq!(foreign.many_at_once(), None);
}

#[test]
fn a_facts_form_writes_only_the_fields_it_changed() {
    use samepage::core::workshop::{Fact, Facts};
    let typed = |texts: [&str; 3]| texts.map(str::to_owned);
    // Another tab saved a follow-up time after this form opened with every field empty.
    let current = Facts {
        follow_up_hours: Some(26.0),
        ..Facts::default()
    };
    let opened = typed(["", "", ""]);
    let merged = Facts::merge_typed(&current, &opened, &typed(["", "40", ""])).unwrap();
    assert_eq!(
        merged,
        Facts {
            follow_up_hours: Some(26.0),
            accepted_share: Some(0.4),
            conversion: None,
        }
    );
    // A field this form changed wins, and one it emptied is cleared, not brought back.
    let merged = Facts::merge_typed(&current, &opened, &typed(["30", "", ""])).unwrap();
    assert_eq!(merged.follow_up_hours, Some(30.0));
    let shown = typed(["26", "", ""]);
    let merged = Facts::merge_typed(&current, &shown, &typed(["", "", ""])).unwrap();
    assert_eq!(merged, Facts::default());
    // A refused figure refuses the whole form.
    assert_eq!(
        Facts::merge_typed(&current, &opened, &typed(["", "140", "x"])),
        Err(samepage::core::workshop::FactRefused(Fact::AcceptedShare))
    );
}

#[test]
fn the_trend_is_the_change_of_each_dimensions_mean_since_the_last_round() {
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(ID, "Kick-off", vec![], 3, "2026-08-01", "2.0.0");
    assert!(
        workshop
            .trend(&Catalogue::builtin())
            .iter()
            .all(|t| *t == Trend::NotComparable),
        "one round: no trend"
    );
    for (nonce, level) in [(1, 2), (2, 2), (3, 3)] {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: Answers::of(&instrument, &everything(Role::Sales, level)),
            source: Default::default(),
        });
    }
    workshop.start_round("2026-11-01", "2.0.0");
    for (nonce, level) in [(4, 4), (5, 4), (6, 3)] {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: Answers::of(&instrument, &everything(Role::Marketing, level)),
            source: Default::default(),
        });
    }
    // Before: (25 + 25 + 50) / 3 = 33.3; now (75 + 75 + 50) / 3 = 66.7: +33.3 everywhere.
    let trend = workshop.trend(&Catalogue::builtin());
    assert_eq!(trend.len(), 12);
    assert!(trend
        .iter()
        .all(|t| (t.change().unwrap() - 100.0 / 3.0).abs() < 1e-9));

    // A round below the minimum shows no trend.
    workshop.start_round("2027-02-01", "2.0.0");
    workshop.collect(Collected {
        nonce: 7,
        team: None,
        answers: Answers::of(&instrument, &everything(Role::Sales, 5)),
        source: Default::default(),
    });
    assert!(workshop
        .trend(&Catalogue::builtin())
        .iter()
        .all(|t| *t == Trend::NotComparable));
}

#[test]
fn a_trend_that_would_single_out_people_added_between_rounds_is_hidden() {
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(ID, "Rounds", vec![], 3, "2026-08-01", "2.0.0");
    let add = |workshop: &mut Workshop, nonce: u32, level: u8| {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: Answers::of(&instrument, &everything(Role::Sales, level)),
            source: Default::default(),
        });
    };
    for nonce in 1..=3 {
        add(&mut workshop, nonce, 3);
    }
    workshop.start_round("2026-11-01", "2.0.0");
    // The same three again, plus one newcomer who rates everything 1: 4 · new − 3 · old
    // would be the newcomer's score (4 · 37.5 − 3 · 50 = 0). One more is below the minimum
    // of 3: hidden, with the difference.
    for nonce in 1..=3 {
        add(&mut workshop, nonce + 10, 3);
    }
    add(&mut workshop, 14, 1);
    let trend = workshop.trend(&Catalogue::builtin());
    assert!(
        trend.iter().all(|t| *t == Trend::Hidden { difference: 1 }),
        "{trend:?}"
    );
    // Two more newcomers make three: a group as large as the minimum, shown again.
    add(&mut workshop, 15, 1);
    add(&mut workshop, 16, 1);
    // (3 × 50 + 3 × 0) / 6 = 25; 25 − 50 = −25.
    let trend = workshop.trend(&Catalogue::builtin());
    assert!(
        trend
            .iter()
            .all(|t| (t.change().unwrap() + 25.0).abs() < 1e-9),
        "{trend:?}"
    );
}

#[test]
fn team_labels_are_trimmed_without_empties_or_repeats_and_limited() {
    use samepage::core::workshop::{parse_team_labels, LabelsRefused, MAX_LABELS};
    assert_eq!(
        parse_team_labels(" North, South ,,North,  Online ").unwrap(),
        vec!["North", "South", "Online"]
    );
    assert!(parse_team_labels(" , ").unwrap().is_empty());
    // 40 characters is the most a label may have; "ü" counts as one.
    let forty = "ü".repeat(40);
    assert_eq!(parse_team_labels(&forty).unwrap(), vec![forty.clone()]);
    assert_eq!(
        parse_team_labels(&format!("{forty}x")),
        Err(LabelsRefused::TooLong)
    );
    let many: Vec<String> = (0..=MAX_LABELS).map(|i| format!("T{i}")).collect();
    assert_eq!(
        parse_team_labels(&many.join(",")),
        Err(LabelsRefused::TooMany)
    );
    assert_eq!(
        parse_team_labels(&many[..MAX_LABELS].join(","))
            .unwrap()
            .len(),
        MAX_LABELS
    );
    assert_eq!(
        samepage::i18n::Locale::En
            .workshop_strings()
            .labels_refused(LabelsRefused::TooLong),
        "A team label can have at most 40 characters."
    );
}

#[test]
fn each_fact_reads_and_writes_its_own_figure() {
    use samepage::core::workshop::{Fact, Facts};
    let mut facts = Facts::default();
    Fact::FollowUpHours.set(&mut facts, Some(30.0));
    Fact::AcceptedShare.set(&mut facts, Some(0.4));
    assert_eq!(facts.follow_up_hours, Some(30.0));
    assert_eq!(facts.accepted_share, Some(0.4));
    assert_eq!(Fact::Conversion.value(&facts), None);
    let instrument = samepage::core::instrument::Instrument::builtin();
    // The questionnaire says where each role's belief about each fact is read.
    for fact in Fact::ALL {
        let link = instrument.fact_link(fact.id()).unwrap();
        assert!(instrument.statement(&link.statement).is_some());
    }
    // Ranges: hours up to a year, shares 0–1; never infinite or negative.
    assert!(Fact::FollowUpHours.in_range(8_760.0));
    assert!(!Fact::FollowUpHours.in_range(1e308));
    assert!(!Fact::AcceptedShare.in_range(1.4));
    assert!(!Fact::Conversion.in_range(-0.1));
    assert!(!Fact::Conversion.in_range(f64::NAN));
}

#[test]
fn the_trend_leaves_out_respondents_whose_role_is_hidden() {
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(ID, "Kick-off", vec![], 3, "2026-08-01", "2.0.0");
    let mut nonce = 0;
    let mut add = |workshop: &mut Workshop, role, level| {
        nonce += 1;
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: Answers::of(&instrument, &everything(role, level)),
            source: Default::default(),
        });
    };
    for level in [3, 3, 3] {
        add(&mut workshop, Role::Sales, level);
    }
    workshop.start_round("2026-11-01", "2.0.0");
    for level in [4, 4, 4] {
        add(&mut workshop, Role::Sales, level);
    }
    // One leader, hidden in the report, rates everything 1: they must not move the trend.
    add(&mut workshop, Role::Leadership, 1);
    // Sales only: 50 → 75.
    assert!(workshop
        .trend(&Catalogue::builtin())
        .iter()
        .all(|t| (t.change().unwrap() - 25.0).abs() < 1e-9));
}

#[test]
fn a_trend_figure_needs_the_minimum_of_people_who_scored_it() {
    let catalogue = Catalogue::builtin();
    let instrument = catalogue.current();
    // Three people a round; in the second, two answer "Can't judge" everywhere: the round's
    // mean would be one person's score.
    let person = |level: u8| {
        let mut response = Response {
            role: Some(Role::Sales),
            ..Response::default()
        };
        for statement in instrument.statements() {
            response
                .answers
                .insert(statement.id.clone(), Answer::try_from(level).unwrap());
        }
        Answers::of(instrument, &response)
    };
    let mut workshop = Workshop::new(ID, "Trend", vec![], 3, "2026-11-23", "2.0.0");
    for (nonce, level) in [(1, 3), (2, 3), (3, 3)] {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: person(level),
            source: Default::default(),
        });
    }
    workshop.start_round("2026-12-01", "2.0.0");
    for (nonce, level) in [(4, 5), (5, 0), (6, 0)] {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers: person(level),
            source: Default::default(),
        });
    }
    assert!(workshop
        .trend(&catalogue)
        .iter()
        .all(|t| *t == Trend::NotComparable));
}

#[test]
fn the_create_forms_minimum_is_a_whole_number_from_the_floor_to_its_maximum() {
    use samepage::core::workshop::{parse_minimum, MinimumRefused, MAX_MINIMUM};
    assert_eq!(parse_minimum(" 3 "), Ok(3));
    assert_eq!(parse_minimum("50"), Ok(MAX_MINIMUM));
    assert_eq!(parse_minimum("2"), Err(MinimumRefused::TooLow));
    assert_eq!(parse_minimum("51"), Err(MinimumRefused::TooHigh));
    assert_eq!(
        parse_minimum("99999999999999999999999"),
        Err(MinimumRefused::NotANumber)
    );
    for typed in ["", "4.5", "-3", "three"] {
        assert_eq!(
            parse_minimum(typed),
            Err(MinimumRefused::NotANumber),
            "{typed:?}"
        );
    }
}

proptest! {
    /// Pasted text (or a chosen file) of anything: every code it names gets an outcome, and the
    /// workshop gains exactly the codes added, never a panic or a half-read code.
    #[test]
    fn any_pasted_text_changes_the_workshop_only_by_its_accepted_codes(
        noise in ".{0,200}",
        good in 0usize..3,
    ) {
        let catalogue = Catalogue::builtin();
        let mut workshop = Workshop::new(ID, "Paste", Vec::new(), 3, "2026-11-30", &catalogue.current().version);
        let codes: Vec<String> = (0..good).map(|n| code(n as u32, ID, everything(Role::Sales, 4))).collect();
        let text = format!("{noise}\n{}\n{noise}", codes.join(" "));
        let report = workshop.import_codes(&catalogue, &text);
        let added = report.count(|o| *o == CodeOutcome::Added);
        prop_assert_eq!(workshop.current_round().responses.len(), added);
        prop_assert!(added >= good, "{} good codes, {} added: {:?}", good, added, report);
    }
}

#[test]
fn typed_facts_are_read_within_their_ranges_or_refused_whole() {
    use samepage::core::workshop::{Fact, FactRefused, Facts};
    assert_eq!(Fact::FollowUpHours.parse_typed(" 26,5 "), Ok(Some(26.5)));
    assert_eq!(Fact::AcceptedShare.parse_typed("42"), Ok(Some(0.42)));
    assert_eq!(Fact::Conversion.parse_typed("100"), Ok(Some(1.0)));
    assert_eq!(Fact::Conversion.parse_typed("  "), Ok(None));
    assert_eq!(Fact::FollowUpHours.parse_typed("8760"), Ok(Some(8760.0)));
    for (fact, typed) in [
        (Fact::FollowUpHours, "1e308"),
        (Fact::FollowUpHours, "8761"),
        (Fact::FollowUpHours, "-1"),
        (Fact::FollowUpHours, "NaN"),
        (Fact::FollowUpHours, "inf"),
        (Fact::AcceptedShare, "100.1"),
        (Fact::AcceptedShare, "forty"),
    ] {
        assert_eq!(fact.parse_typed(typed), Err(FactRefused(fact)), "{typed}");
    }
    let typed = ["12".to_owned(), "140".to_owned(), "3".to_owned()];
    assert_eq!(
        Facts::parse_typed(&typed),
        Err(FactRefused(Fact::AcceptedShare))
    );
    let typed = ["12".to_owned(), String::new(), "3,5".to_owned()];
    let facts = Facts::parse_typed(&typed).unwrap();
    assert_eq!(
        (
            facts.follow_up_hours,
            facts.accepted_share,
            facts.conversion
        ),
        (Some(12.0), None, Some(0.035))
    );
    // Shown again as typed: hours as they are, shares in percent, one decimal.
    assert_eq!(Fact::FollowUpHours.typed(&facts), "12.0");
    assert_eq!(Fact::AcceptedShare.typed(&facts), "");
    assert_eq!(Fact::Conversion.typed(&facts), "3.5");
}

proptest! {
    /// Whatever is typed, a fact is stored only within its range.
    #[test]
    fn a_typed_fact_is_stored_only_within_its_range(typed in ".{0,20}|-?[0-9]{0,12}([.,][0-9]{0,4})?(e[0-9]{1,3})?") {
        use samepage::core::workshop::Fact;
        for fact in Fact::ALL {
            if let Ok(Some(value)) = fact.parse_typed(&typed) {
                prop_assert!(fact.in_range(value), "{:?} {} -> {}", fact, typed, value);
            }
        }
    }
}

#[test]
fn the_workshop_list_is_newest_first_then_by_name_as_workshops_arrive() {
    use samepage::core::workshop::{insert_in_list_order, insert_in_order};
    let workshop = |id: u32, name: &str, started: &str| {
        Workshop::new(id, name, Vec::new(), 3, started, "2.0.0")
    };
    let mut list = Vec::new();
    for w in [
        workshop(1, "Beta", "2026-03-01"),
        workshop(2, "Alpha", "2026-03-01"),
        workshop(3, "Old", "2025-12-24"),
        workshop(4, "New", "2026-11-30"),
    ] {
        insert_in_list_order(&mut list, w);
    }
    let ids: Vec<u32> = list.iter().map(|w| w.id).collect();
    assert_eq!(ids, [4, 2, 1, 3]);
    // A later round moves a workshop up.
    let mut again = list.remove(3);
    again.start_round("2026-12-01", "2.0.0");
    insert_in_list_order(&mut list, again);
    assert_eq!(list[0].id, 3);

    // Equal keys keep the order they came in.
    let mut items = Vec::new();
    for (key, tag) in [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')] {
        insert_in_order(&mut items, (key, tag), |item| item.0);
    }
    assert_eq!(items, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
}
