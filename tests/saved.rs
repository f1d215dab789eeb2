//! The stored format, its keys and the survey flow.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::flow::{Progress, Step};
use samepage::core::instrument::Instrument;
use samepage::core::response::{Answer, Response, Role};
use samepage::core::saved::{Keys, SavedSurvey, Unreadable};

fn sample(instrument: &Instrument) -> SavedSurvey {
    let mut saved = SavedSurvey::new(instrument);
    saved.step = Step::Statements(3);
    saved.response.role = Some(Role::Leadership);
    saved
        .response
        .answers
        .insert("strategy.plan_say".into(), Answer::Agreement(2));
    saved
        .response
        .answers
        .insert("goals.joint_rewards".into(), Answer::CantJudge);
    saved
        .response
        .definitions
        .insert("sales_ready".into(), "asked_for_contact".into());
    saved
        .response
        .answers
        .insert("process.partners_included".into(), Answer::NotApplicable);
    saved
}

#[test]
fn stored_text_carries_the_schema_version_and_reads_back() {
    let instrument = Instrument::builtin();
    let saved = sample(&instrument);
    let text = saved.encode();
    assert_eq!(
        text,
        "samepage-survey 3\n\
         instrument samepage-core 2.0.0\n\
         step statements 3\n\
         role leadership\n\
         answer goals.joint_rewards 0\n\
         answer process.partners_included 6\n\
         answer strategy.plan_say 2\n\
         definition sales_ready asked_for_contact\n"
    );
    assert_eq!(SavedSurvey::decode(&text), Ok(saved));
}

/// A workshop participant's team pick and respondent number are kept with their answers, so
/// they go when the answers are erased; "none of the teams" is an answer of its own.
#[test]
fn a_participants_team_and_respondent_number_are_stored_with_the_answers() {
    let instrument = Instrument::builtin();
    let mut saved = sample(&instrument);
    saved.response.team = Some(Some(2));
    saved.response.respondent = Some(4_000_000_000);
    let text = saved.encode();
    assert!(
        text.ends_with("definition sales_ready asked_for_contact\nteam 2\nrespondent 4000000000\n"),
        "{text}"
    );
    assert_eq!(SavedSurvey::decode(&text), Ok(saved.clone()));
    saved.response.team = Some(None);
    assert!(saved.encode().contains("\nteam none\n"));
    assert_eq!(SavedSurvey::decode(&saved.encode()), Ok(saved));
    for damaged in [
        "team 256",
        "team x",
        "respondent -1",
        "respondent 4294967296",
    ] {
        let text =
            format!("samepage-survey 3\ninstrument samepage-core 2.0.0\nstep role\n{damaged}\n");
        assert_eq!(
            SavedSurvey::decode(&text),
            Err(Unreadable::Damaged(4)),
            "{damaged}"
        );
    }
    // What a build before schema 3 stored still reads.
    let schema_2 = "samepage-survey 2\ninstrument samepage-core 2.0.0\nstep role\nrole sales\n";
    assert_eq!(
        SavedSurvey::decode(schema_2).map(|s| s.response.team),
        Ok(None)
    );
}

#[test]
fn every_step_reads_back() {
    let instrument = Instrument::builtin();
    for step in [
        Step::Welcome,
        Step::Role,
        Step::Statements(0),
        Step::Statements(11),
        Step::Definitions,
        Step::Scorecard,
    ] {
        let mut saved = SavedSurvey::new(&instrument);
        saved.step = step;
        assert_eq!(
            SavedSurvey::decode(&saved.encode()).map(|s| s.step),
            Ok(step)
        );
    }
}

/// Found by fuzzing: a word ending in a carriage return (a line ending "\r\r\n", or a
/// last line ending "\r") read back without it once written again, so a survey could
/// change between two reads. Stored text never holds one: such a line is damaged.
#[test]
fn a_carriage_return_inside_a_line_is_damage() {
    let head = "samepage-survey 3\ninstrument samepage-core 2.0.0\nstep welcome\n";
    for tail in [
        "definition q option\r\r\n",
        "role sales\r",
        "answer a.b 3\r\r\n",
    ] {
        assert_eq!(
            SavedSurvey::decode(&format!("{head}{tail}")),
            Err(Unreadable::Damaged(4)),
            "{tail:?}"
        );
    }
    // A line ending "\r\n" is a line ending.
    assert!(SavedSurvey::decode(&format!("{head}role sales\r\n")).is_ok());
}

#[test]
fn unreadable_text_says_why() {
    assert_eq!(SavedSurvey::decode(""), Err(Unreadable::NotSurveyData));
    assert_eq!(
        SavedSurvey::decode("garbage{"),
        Err(Unreadable::NotSurveyData)
    );
    assert_eq!(
        SavedSurvey::decode("{\"schema\":1}"),
        Err(Unreadable::NotSurveyData)
    );
    assert_eq!(
        SavedSurvey::decode("samepage-survey x"),
        Err(Unreadable::NotSurveyData)
    );
    assert_eq!(
        SavedSurvey::decode("samepage-survey 0"),
        Err(Unreadable::NotSurveyData)
    );
    assert_eq!(
        SavedSurvey::decode("samepage-survey 7\nwhatever"),
        Err(Unreadable::NewerSchema(7))
    );
    assert!(matches!(
        SavedSurvey::decode("samepage-survey 1\nstep role\n"),
        Err(Unreadable::Damaged(0))
    ));
    let instrument = Instrument::builtin();
    let text = sample(&instrument).encode();
    for (from, to) in [
        ("strategy.plan_say 2", "strategy.plan_say 9"),
        ("strategy.plan_say 2", "strategy.plan_say two"),
        ("role leadership", "role ceo"),
        ("step statements 3", "step statements -1"),
        ("step statements 3", "step sideways"),
        (
            "definition sales_ready asked_for_contact",
            "definition sales_ready",
        ),
        ("answer goals.joint_rewards 0", "note to self"),
    ] {
        let broken = text.replace(from, to);
        assert!(
            matches!(SavedSurvey::decode(&broken), Err(Unreadable::Damaged(line)) if broken.lines().nth(line - 1).is_some_and(|l| l.contains(to))),
            "{to}"
        );
    }
}

#[test]
fn keys_are_namespaced_and_namespaces_are_sanitised() {
    assert_eq!(Keys::new("acme-q3").survey(), "samepage:acme-q3:survey");
    assert_eq!(Keys::new("ACME_Q3").survey(), "samepage:acme_q3:survey");
    assert_eq!(Keys::new("").namespace(), "default");
    assert_eq!(Keys::new("has space").namespace(), "default");
    assert_eq!(Keys::new("a:b").namespace(), "default");
    assert_eq!(Keys::new(&"x".repeat(41)).namespace(), "default");
    assert_eq!(
        Keys::new("acme").unreadable(42),
        "samepage:acme:unreadable:42"
    );
    assert_ne!(Keys::new("one").survey(), Keys::new("two").survey());
}

#[test]
fn next_and_back_walk_every_screen_in_order() {
    let instrument = Instrument::builtin();
    let mut step = Step::Welcome;
    let mut walked = vec![step];
    while step != Step::Scorecard {
        step = step.next(&instrument);
        walked.push(step);
    }
    let dimensions = instrument.dimensions.len();
    assert_eq!(walked.len(), dimensions + 4);
    assert_eq!(walked[1], Step::Role);
    assert_eq!(walked[2], Step::Statements(0));
    assert_eq!(walked[dimensions + 1], Step::Statements(dimensions - 1));
    assert_eq!(walked[dimensions + 2], Step::Definitions);
    let mut back = vec![step];
    while step != Step::Welcome {
        step = step.previous(&instrument);
        back.push(step);
    }
    back.reverse();
    assert_eq!(back, walked);
}

#[test]
fn a_stored_step_is_fitted_to_the_instrument_and_the_role() {
    let instrument = Instrument::builtin();
    let no_role = Response::default();
    let with_role = Response {
        role: Some(Role::Sales),
        ..Response::default()
    };
    assert_eq!(Step::Statements(2).fit(&instrument, &no_role), Step::Role);
    assert_eq!(Step::Scorecard.fit(&instrument, &no_role), Step::Role);
    assert_eq!(
        Step::Statements(2).fit(&instrument, &with_role),
        Step::Statements(2)
    );
    assert_eq!(
        Step::Statements(99).fit(&instrument, &with_role),
        Step::Statements(11)
    );
    assert_eq!(Step::Welcome.fit(&instrument, &no_role), Step::Welcome);
}

#[test]
fn progress_counts_cant_judge_and_not_applicable_as_answered() {
    let instrument = Instrument::builtin();
    let saved = sample(&instrument);
    let progress = Progress::of(&instrument, &saved.response);
    assert_eq!(progress.answered, 3);
    assert_eq!(progress.total, instrument.statement_count());
    assert_eq!(
        progress.percent(),
        (300 / instrument.statement_count()) as u32
    );
}

proptest! {
    #[test]
    fn any_saved_survey_reads_back_exactly(
        answers in proptest::collection::btree_map("[a-z]{1,8}\\.[a-z_]{1,12}", 0u8..=5, 0..50),
        step in 0usize..12,
        role in proptest::option::of(0usize..4),
        definitions in proptest::collection::btree_map("[a-z_]{1,12}", "[a-z_]{1,12}", 0..3),
    ) {
        let instrument = Instrument::builtin();
        let mut saved = SavedSurvey::new(&instrument);
        saved.step = Step::Statements(step);
        saved.response.role = role.map(|r| Role::ALL[r]);
        for (id, n) in answers {
            saved.response.answers.insert(id, Answer::try_from(n).unwrap());
        }
        saved.response.definitions = definitions.into_iter().collect();
        prop_assert_eq!(SavedSurvey::decode(&saved.encode()), Ok(saved));
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = SavedSurvey::decode(&text);
    }
}

#[test]
fn an_answer_only_this_tab_has_survives_another_tabs_write() {
    let ours = Response {
        role: Some(Role::Sales),
        answers: [
            ("a".to_owned(), Answer::Agreement(4)),
            ("b".to_owned(), Answer::Agreement(2)),
        ]
        .into(),
        definitions: [("q".to_owned(), "x".to_owned())].into(),
        team: Some(Some(1)),
        respondent: None,
    };
    // The other tab wrote without our "a" (it had not heard of it yet), changed "b", and
    // answered "c" and the choice "r".
    let theirs = Response {
        role: Some(Role::Sales),
        answers: [
            ("b".to_owned(), Answer::Agreement(5)),
            ("c".to_owned(), Answer::CantJudge),
        ]
        .into(),
        definitions: [("r".to_owned(), "y".to_owned())].into(),
        team: None,
        respondent: Some(7),
    };
    let merged = ours.merged_after(&theirs);
    assert_eq!(merged.answer("a"), Some(Answer::Agreement(4)), "ours kept");
    assert_eq!(
        merged.answer("b"),
        Some(Answer::Agreement(5)),
        "the later write wins"
    );
    assert_eq!(merged.answer("c"), Some(Answer::CantJudge));
    assert_eq!(merged.definitions.len(), 2);
    assert_eq!(merged.role, Some(Role::Sales));
    assert_eq!(merged.team, Some(Some(1)), "our team pick kept");
    assert_eq!(
        merged.respondent,
        Some(7),
        "one respondent number for both tabs"
    );
    // A role only we know is kept too.
    let no_role = Response {
        role: None,
        ..theirs.clone()
    };
    assert_eq!(ours.merged_after(&no_role).role, Some(Role::Sales));
    // "Start over" in the other tab (an empty survey) clears here too: nothing comes back.
    assert!(ours.merged_after(&Response::default()).is_empty());
    // Starting over keeps the person: their respondent number stays with the empty survey.
    let started_over = Response {
        respondent: Some(7),
        ..Response::default()
    };
    assert_eq!(ours.merged_after(&started_over), started_over);
    // Merging what we already hold changes nothing.
    assert_eq!(ours.merged_after(&ours), ours);
}
