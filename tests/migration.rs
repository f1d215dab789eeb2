//! Nothing collected with questionnaire 1.0.0 is lost: surveys, workshops, files, codes and
//! links that the 1.0.0 build stored or sent (`tests/fixtures/v1/`) keep opening in 2.0.0; and
//! workshops stored as version-2 files (`tests/fixtures/v2/`) open whole and are stored again
//! packed.
#![cfg(not(target_arch = "wasm32"))]

use samepage::core::code::decode;
use samepage::core::code::CodeError;
use samepage::core::flow::Step;
use samepage::core::instrument::{Catalogue, Instrument};
use samepage::core::link::{Fragment, JoinLink};
use samepage::core::response::{Answer, Role};
use samepage::core::saved::{InstrumentRef, SavedSurvey};
use samepage::core::team::{Answers, TeamScorecard};
use samepage::core::workshop::{CodeOutcome, Trend, Workshop};
use samepage::core::workshop_file::{export_json, import_json};

const SURVEY_MIDWAY: &str = include_str!("fixtures/v1/survey-midway.txt");
const SURVEY_FINISHED: &str = include_str!("fixtures/v1/survey-finished.txt");
const WORKSHOP: &str = include_str!("fixtures/v1/workshop.json");
const CODES: &str = include_str!("fixtures/v1/codes.txt");
const WORKSHOP_V2: &str = include_str!("fixtures/v2/workshop.json");
const LINKS: &str = include_str!("fixtures/v1/links.txt");

fn v1_workshop() -> Workshop {
    import_json(&Catalogue::builtin(), WORKSHOP).expect("a 1.0.0 workshop opens")
}

#[test]
fn a_survey_stored_by_1_0_0_keeps_every_answer_2_0_0_still_asks() {
    let instrument = Instrument::builtin();
    let saved = SavedSurvey::decode(SURVEY_MIDWAY).unwrap();
    assert_eq!(saved.instrument.version, "1.0.0");
    assert_eq!(saved.response.answers.len(), 13);
    let (migrated, dropped) = saved.clone().migrate(&instrument);
    assert_eq!(migrated.instrument, InstrumentRef::to(&instrument));
    assert_eq!(migrated.response.role, Some(Role::Sales));
    assert_eq!(migrated.step, Step::Statements(3));
    // Kept: every answer whose statement 2.0.0 still has under the same id, unchanged.
    for (id, answer) in &migrated.response.answers {
        assert_eq!(saved.response.answers.get(id), Some(answer), "{id}");
        assert!(instrument.statement(id).is_some());
    }
    // The fixture answers 13 statements of strategy, goals, language and handoff; 2.0.0 kept
    // 8 of those ids word for word (priorities_stated, shared_revenue_goal, joint_rewards,
    // sales_ready_criteria, materials_fit, leads_worth_working, sales_works_leads,
    // quality_feedback).
    assert_eq!(migrated.response.answers.len(), 8);
    assert_eq!(dropped, 5);
    assert_eq!(
        migrated.response.answer("handoff.leads_worth_working"),
        Some(Answer::Agreement(5))
    );
    // Stored again it is a 2.0.0 survey that reads back as itself.
    let text = migrated.encode();
    assert!(text.starts_with("samepage-survey 3\ninstrument samepage-core 2.0.0\n"));
    assert_eq!(SavedSurvey::decode(&text), Ok(migrated));
}

#[test]
fn a_finished_1_0_0_survey_reopens_at_the_welcome_with_its_definitions_kept_by_id() {
    let instrument = Instrument::builtin();
    let mut saved = SavedSurvey::decode(SURVEY_FINISHED).unwrap();
    assert_eq!(saved.step, Step::Scorecard);
    // The fixture picked the old combined "no agreed definition / I don't know" and "no agreed
    // time / I don't know": 2.0.0 splits them in two, so neither carries over.
    assert_eq!(
        saved
            .response
            .definitions
            .get("sales_ready")
            .map(String::as_str),
        Some("no_definition")
    );
    let (migrated, _) = saved.clone().migrate(&instrument);
    assert_eq!(
        migrated.step,
        Step::Welcome,
        "new questions to answer first"
    );
    assert!(migrated.response.definitions.is_empty());
    // An option 2.0.0 still has carries over.
    saved
        .response
        .definitions
        .insert("sales_ready".into(), "asked_for_contact".into());
    let (migrated, _) = saved.migrate(&instrument);
    assert_eq!(
        migrated
            .response
            .definitions
            .get("sales_ready")
            .map(String::as_str),
        Some("asked_for_contact")
    );
}

#[test]
fn a_1_0_0_workshop_file_and_stored_workshop_open_with_their_statements() {
    let catalogue = Catalogue::builtin();
    let workshop = v1_workshop();
    assert_eq!(workshop.name, "Q3 kick-off");
    assert_eq!(workshop.rounds.len(), 2);
    assert_eq!(workshop.rounds[0].responses.len(), 10);
    assert!(workshop.rounds.iter().all(|r| r.questionnaire == "1.0.0"));
    // Each round is read with the statements it had: 42 cells, 2 picks.
    let legacy = catalogue.version("1.0.0").unwrap();
    assert_eq!(legacy.statement_count(), 42);
    let round = &workshop.rounds[0];
    assert!(round.responses.iter().all(|c| c.answers.cells.len() == 42));
    let answers: Vec<&Answers> = round.responses.iter().map(|c| &c.answers).collect();
    let card = TeamScorecard::of(legacy, &answers, workshop.minimum);
    assert_eq!(card.respondents, 10);
    assert_eq!(card.statement_gaps.len(), 42);
    assert!(card.alignment.is_some());
    // Saved again it becomes a version-3 file, packed, and comes back exactly.
    let text = export_json(&catalogue, &workshop);
    assert!(text.contains(r#""version":3"#));
    assert!(
        text.len() < WORKSHOP.len() / 3,
        "{} vs {}",
        text.len(),
        WORKSHOP.len()
    );
    assert_eq!(import_json(&catalogue, &text), Ok(workshop));
}

#[test]
fn codes_made_with_1_0_0_import_into_a_1_0_0_round_and_are_refused_by_a_2_0_0_one() {
    let catalogue = Catalogue::builtin();
    let mut workshop = v1_workshop();
    let report = workshop.import_codes(&catalogue, CODES);
    assert_eq!(report.count(|o| *o == CodeOutcome::Added), 3);
    assert_eq!(workshop.current_round().responses.len(), 12);
    // The first code's answers read back against 1.0.0.
    let legacy = catalogue.version("1.0.0").unwrap();
    let first = decode(legacy, workshop.id, CODES.lines().next().unwrap()).unwrap();
    assert_eq!(first.response.role, Some(Role::Sales));
    assert_eq!(first.nonce, 3000);

    // A new round collects 2.0.0: a 1.0.0 code is refused with the version it needs.
    workshop.start_round("2026-12-01", "2.0.0");
    let report = workshop.import_codes(&catalogue, CODES);
    assert_eq!(report.outcomes.len(), 3);
    for (_, outcome) in &report.outcomes {
        assert_eq!(
            *outcome,
            CodeOutcome::Refused(CodeError::OtherInstrument(Some("1.0.0".into())))
        );
    }
    assert!(workshop.current_round().responses.is_empty());
    let words = samepage::i18n::Locale::En
        .workshop_strings()
        .code_error(&CodeError::OtherInstrument(Some("1.0.0".into())), "2.0.0");
    assert_eq!(
        words,
        "made with questionnaire version 1.0.0; this round collects version 2.0.0"
    );
}

#[test]
fn a_trend_from_a_1_0_0_round_compares_the_statements_both_rounds_share() {
    let catalogue = Catalogue::builtin();
    let mut workshop = v1_workshop();
    // Everyone of the 1.0.0 round's current respondents answers 2.0.0 in a new round, rating
    // every statement 5.
    workshop.start_round("2026-12-01", "2.0.0");
    let current = catalogue.current();
    for nonce in 0..9u32 {
        let mut response = samepage::core::response::Response {
            role: Some(Role::ALL[(nonce % 3) as usize]),
            ..Default::default()
        };
        for statement in current.statements() {
            response
                .answers
                .insert(statement.id.clone(), Answer::Agreement(5));
        }
        workshop.collect(samepage::core::workshop::Collected {
            nonce,
            team: None,
            answers: Answers::of(current, &response),
            source: Default::default(),
        });
    }
    let trend = workshop.trend(&catalogue);
    assert_eq!(trend.len(), current.dimensions.len());
    let legacy = catalogue.version("1.0.0").unwrap();
    for (dimension, change) in current.dimensions.iter().zip(&trend) {
        let shared = dimension
            .statements
            .iter()
            .filter(|s| legacy.statement(&s.id).is_some())
            .count();
        // Areas whose statements all changed have nothing to compare; the others rose (to 100
        // from the 1.0.0 round's mixed ratings), unless one or two fewer people scored them in
        // the 1.0.0 round, when the change is hidden.
        match change {
            Trend::NotComparable => assert_eq!(shared, 0, "{}", dimension.id),
            Trend::Change(c) => assert!(shared > 0 && *c > 0.0, "{}", dimension.id),
            Trend::Hidden { difference } => assert!((1..3).contains(difference)),
        }
    }
    assert!(trend.iter().any(|t| matches!(t, Trend::Change(_))));
}

#[test]
fn participant_links_made_with_1_0_0_keep_opening() {
    let catalogue = Catalogue::builtin();
    let mut lines = LINKS.lines();
    let join = lines.next().unwrap();
    let fragment = &join[join.find('#').unwrap()..];
    let Fragment::Join(Ok(link)) = Fragment::parse(fragment, &catalogue) else {
        panic!("the 1.0.0 join link no longer opens");
    };
    assert_eq!(link.instrument_version, "1.0.0");
    assert_eq!(link.name, "Q3 kick-off");
    assert_eq!(link.team_labels, ["North", "South"]);
    // The workshop's current round is still 1.0.0, so the link it gives today is the same.
    assert_eq!(JoinLink::of(&v1_workshop()), link);

    let back = lines.next().unwrap();
    let Fragment::Codes(codes) = Fragment::parse(&back[back.find('#').unwrap()..], &catalogue)
    else {
        panic!("the link back no longer opens");
    };
    assert_eq!(codes, CODES.lines().next().unwrap());
}

/// A survey of `instrument` as stored, by `role`, every statement rated `level`.
fn stored_alike(instrument: &Instrument, role: Role, level: u8) -> String {
    let mut saved = SavedSurvey::new(instrument);
    saved.response.role = Some(role);
    for statement in instrument.statements() {
        saved
            .response
            .answers
            .insert(statement.id.clone(), Answer::Agreement(level));
    }
    saved.encode()
}

/// A participant of a round that still collects 1.0.0 gets no scorecard drawn against 2.0.0
/// (half their answers would be missing), but a note, and the host no figures; their response
/// code still carries every answer.
#[test]
fn a_survey_of_questionnaire_1_0_0_gets_a_note_not_a_wrong_scorecard() {
    use samepage::core::instrument::builtin_advice_records;
    use samepage::report::later::{complete_json, scorecard_html};
    let stored = stored_alike(&Instrument::legacy("1.0.0").unwrap(), Role::Sales, 4);
    let html = scorecard_html(
        &stored,
        Instrument::builtin_records(),
        Ok(&format!("\0{}", builtin_advice_records())),
        "en",
        "sp0",
        None,
    );
    assert!(html.contains("uses questionnaire version 1.0.0"), "{html}");
    assert!(!html.contains("samepage__overall"));
    let complete = complete_json(&stored, Instrument::builtin_records(), "en", true, None);
    assert!(!complete.contains("\"overall\""), "{complete}");
}

/// Stored text the later wasm cannot read (never written by this build's survey, but a
/// storage fault could leave it): a message with the reason, in words, and no scores.
#[test]
fn an_unreadable_stored_survey_says_so_and_shows_no_scores() {
    use samepage::report::later::scorecard_html;
    let html = scorecard_html(
        "samepage-survey 3\nanswer",
        Instrument::builtin_records(),
        Ok(""),
        "en",
        "sp0",
        None,
    );
    assert!(
        html.contains(
            "Your scorecard could not be prepared (the stored answers could not be read)."
        ),
        "{html}"
    );
    assert!(html.contains(r#"role="alert""#));
    assert!(!html.contains("samepage__overall"));
}

/// The advice file that could not be fetched, or came damaged (a proxy's error page, a cut
/// download): the scorecard still shows every score, says why the advice is missing, and
/// carries none of a damaged file (all or nothing).
#[test]
fn a_missing_or_damaged_advice_file_leaves_the_scores_and_says_why() {
    use samepage::core::instrument::builtin_advice_records;
    use samepage::report::later::scorecard_html;
    let stored = stored_alike(&Instrument::builtin_without_advice(), Role::Marketing, 2);
    let whole = scorecard_html(
        &stored,
        Instrument::builtin_records(),
        Ok(&format!("\0{}", builtin_advice_records())),
        "en",
        "sp0",
        None,
    );
    assert!(whole.contains("Plays to try"), "the full file gives plays");
    assert!(!whole.contains("could not be loaded"));

    let offline = scorecard_html(
        &stored,
        Instrument::builtin_records(),
        Err("offline"),
        "en",
        "sp0",
        None,
    );
    assert!(
        offline.contains("could not be loaded (offline)"),
        "{offline}"
    );
    assert!(offline.contains("samepage__overall"), "the scores stay");
    assert!(!offline.contains("Plays to try"));

    let records = builtin_advice_records();
    let cut = &records[..records.len() / 2];
    let damaged = scorecard_html(
        &stored,
        Instrument::builtin_records(),
        Ok(&format!("\0{cut}")),
        "en",
        "sp0",
        None,
    );
    assert!(
        damaged.contains("could not be loaded (it arrived damaged)"),
        "{damaged}"
    );
    assert!(damaged.contains("samepage__overall"));
    assert!(
        !damaged.contains("Plays to try"),
        "nothing of a damaged file is used"
    );
}

#[test]
fn a_workshop_stored_as_a_version_2_file_opens_whole_and_is_stored_again_packed() {
    let catalogue = Catalogue::builtin();
    let workshop = import_json(&catalogue, WORKSHOP_V2).expect("a version-2 workshop opens");
    assert_eq!(workshop.name, "Q3 kick-off");
    assert_eq!(workshop.team_labels, ["North", "South"]);
    let counts: Vec<usize> = workshop.rounds.iter().map(|r| r.responses.len()).collect();
    assert_eq!(counts, [10, 12, 7]);
    let versions: Vec<&str> = workshop
        .rounds
        .iter()
        .map(|r| r.questionnaire.as_str())
        .collect();
    assert_eq!(versions, ["1.0.0", "1.0.0", "2.0.0"]);
    // The 2.0.0 round kept what each person answered, "Not applicable" and picks included,
    // their team and how their answers came.
    let round = workshop.current_round();
    let first = &round.responses[0];
    assert_eq!(first.nonce, 0x9e37_79b9);
    assert_eq!(first.team, None);
    assert_eq!(first.answers.role, Role::Sales);
    assert_eq!(first.source, samepage::core::workshop::Source::Device);
    assert_eq!(first.answers.cells[0], None);
    assert_eq!(first.answers.cells[1], Some(Answer::Agreement(2)));
    assert!(round
        .responses
        .iter()
        .any(|c| c.answers.cells.contains(&Some(Answer::NotApplicable))));
    assert_eq!(round.responses[1].team, Some(1));
    assert_eq!(round.facts.follow_up_hours, Some(12.5));
    let sources = round.sources();
    assert_eq!(
        (sources.device, sources.code, sources.unrecorded),
        (3, 2, 2)
    );

    // Stored again it is a version-3 file, under half the size, that reads back exactly.
    let text = export_json(&catalogue, &workshop);
    assert!(text.contains(r#""version":3"#));
    assert!(!text.contains(r#""answers""#));
    assert!(text.len() * 2 < WORKSHOP_V2.len(), "{}", text.len());
    assert_eq!(import_json(&catalogue, &text), Ok(workshop));
}
