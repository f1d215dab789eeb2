//! What an embedding page gives an instance and gets back: options from attributes, and the
//! events' details, checked against hand-computed figures and parsed as JSON.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::embed::{complete_detail, progress_detail, string, EmbedOptions, LaterRequest};
use samepage::core::instrument::Instrument;
use samepage::core::link::Participant;
use samepage::core::response::{Answer, Response, Role};
use serde_json::{json, Value};

fn options(attributes: &[(&str, &str)]) -> EmbedOptions {
    EmbedOptions::read(|name| {
        attributes
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    })
}

#[test]
fn options_come_from_the_attributes_with_defaults() {
    let none = options(&[]);
    assert_eq!(none.namespace, "default");
    assert_eq!(none.locale, None);
    assert!(none.share_results);
    assert_eq!(none.label, None);
    assert_eq!(none.workshop, None);

    let all = options(&[
        ("data-namespace", " intranet-hr "),
        ("data-locale", "EN"),
        ("data-results", "none"),
        ("data-label", " Survey for HR "),
        ("data-workshop", "#join=00abcdef&v=2.0.0&n=Q3&t="),
    ]);
    assert_eq!(
        all.workshop.as_deref(),
        Some("#join=00abcdef&v=2.0.0&n=Q3&t=")
    );
    assert_eq!(all.label.as_deref(), Some("Survey for HR"));
    assert_eq!(all.namespace, "intranet-hr");
    assert_eq!(all.locale.as_deref(), Some("en"));
    assert!(!all.share_results);
    assert!(options(&[("data-results", "all")]).share_results);
    // A privacy switch: however it is written.
    assert!(!options(&[("data-results", " NONE ")]).share_results);
}

#[test]
fn kiosk_mode_is_on_with_the_attribute_unless_it_says_false() {
    assert!(!options(&[]).kiosk);
    assert!(options(&[("data-kiosk", "")]).kiosk);
    assert!(options(&[("data-kiosk", "true")]).kiosk);
    assert!(!options(&[("data-kiosk", " FALSE ")]).kiosk);
}

#[test]
fn a_kiosk_clears_two_minutes_after_the_scorecard_and_warns_a_minute_before_a_mid_survey_clear() {
    use samepage::core::kiosk::{kiosk_action, KioskAction};
    // On the scorecard: two minutes without input, no warning.
    assert_eq!(kiosk_action(true, true, 119), KioskAction::Wait);
    assert_eq!(kiosk_action(true, true, 120), KioskAction::Clear);
    // Mid-survey: nine minutes pass quietly, then a minute of warning, then the clear.
    assert_eq!(kiosk_action(false, true, 539), KioskAction::Wait);
    assert_eq!(
        kiosk_action(false, true, 540),
        KioskAction::Warn { seconds_left: 60 }
    );
    assert_eq!(
        kiosk_action(false, true, 599),
        KioskAction::Warn { seconds_left: 1 }
    );
    assert_eq!(kiosk_action(false, true, 600), KioskAction::Clear);
    // Nothing answered yet: nothing to clear, however long it waits.
    assert_eq!(kiosk_action(false, false, 100_000), KioskAction::Wait);
}

#[test]
fn progress_counts_answered_items() {
    let detail: Value = serde_json::from_str(&progress_detail(3, 50)).unwrap();
    assert_eq!(detail, json!({ "answered": 3, "total": 50 }));
}

/// Sales rates every statement of the first area 4 (75 points) and every other one 2 (25),
/// with "Can't judge" on the first statement of the second area.
fn sales_response(instrument: &Instrument) -> Response {
    let mut response = Response {
        role: Some(Role::Sales),
        ..Response::default()
    };
    for (index, dimension) in instrument.dimensions.iter().enumerate() {
        for (position, statement) in dimension.statements.iter().enumerate() {
            let answer = match (index, position) {
                (0, _) => Answer::Agreement(4),
                (1, 0) => Answer::CantJudge,
                _ => Answer::Agreement(2),
            };
            response.answers.insert(statement.id.clone(), answer);
        }
    }
    let question = &instrument.definitions[0];
    response
        .definitions
        .insert(question.id.clone(), question.options[0].id.clone());
    response
}

/// A detail as the host page's JavaScript reads it.
fn parsed(detail: &str) -> Value {
    serde_json::from_str(detail).unwrap()
}

#[test]
fn complete_carries_the_scorecards_figures_and_the_code() {
    let instrument = Instrument::builtin_without_advice();
    let response = sales_response(&instrument);
    let detail = parsed(&complete_detail(
        &instrument,
        &response,
        "en",
        Some("SP2.abc"),
        true,
    ));
    assert_eq!(detail["schema"], 1);
    assert_eq!(
        detail["instrument"],
        json!({ "id": instrument.id, "version": "2.0.0" })
    );
    assert_eq!(detail["role"], "sales");
    let areas = detail["areas"].as_array().unwrap();
    assert_eq!(areas.len(), 12);
    assert_eq!(areas[0]["id"], instrument.dimensions[0].id.as_str());
    assert_eq!(areas[0]["name"], instrument.dimensions[0].name.get("en"));
    assert_eq!(
        (areas[0]["score"].clone(), areas[0]["stage"].clone()),
        (json!(75), json!("aligned"))
    );
    assert_eq!(
        (areas[1]["score"].clone(), areas[1]["cant_judge"].clone()),
        (json!(25), json!(1))
    );
    assert_eq!(areas[1]["stage"], "siloed");
    // Overall: the mean of 75 and eleven 25s = 29.17, shown as 29.
    assert_eq!(
        (detail["overall"].clone(), detail["stage"].clone()),
        (json!(29), json!("siloed"))
    );
    assert_eq!(
        detail["definitions"],
        json!([{ "id": instrument.definitions[0].id, "answer": instrument.definitions[0].options[0].id }])
    );
    assert_eq!(detail["code"], "SP2.abc");
}

#[test]
fn results_none_leaves_only_the_schema_and_the_instrument() {
    let instrument = Instrument::builtin_without_advice();
    let response = sales_response(&instrument);
    let detail = parsed(&complete_detail(
        &instrument,
        &response,
        "en",
        Some("SP2.x"),
        false,
    ));
    assert_eq!(
        detail,
        json!({ "schema": 1, "instrument": { "id": instrument.id, "version": "2.0.0" } })
    );
}

#[test]
fn too_few_answers_are_null_not_a_number() {
    let instrument = Instrument::builtin_without_advice();
    let detail = parsed(&complete_detail(
        &instrument,
        &Response::default(),
        "en",
        None,
        true,
    ));
    assert_eq!(detail["overall"], Value::Null);
    assert_eq!(detail["areas"][0]["score"], Value::Null);
    assert_eq!(detail["role"], Value::Null);
    assert_eq!(detail["code"], Value::Null);
}

#[test]
fn requests_to_the_loader_are_json() {
    let request = LaterRequest::Scorecard {
        saved: "samepage-survey 2\n\"quoted\"",
        instrument: "I\tsamepage\t2.0.0",
        locale: "en",
        advice: "advice-1.en.txt",
        id_prefix: "sp0",
        participant: None,
        code: None,
    };
    let parsed: Value = serde_json::from_str(&request.to_json()).unwrap();
    assert_eq!(parsed["what"], "scorecard");
    assert_eq!(parsed["saved"], "samepage-survey 2\n\"quoted\"");
    assert_eq!(parsed["instrument"], "I\tsamepage\t2.0.0");
    let complete: Value = serde_json::from_str(
        &LaterRequest::Complete {
            saved: "s",
            instrument: "i",
            locale: "en",
            share_results: false,
            participant: None,
        }
        .to_json(),
    )
    .unwrap();
    assert_eq!(
        complete,
        json!({ "what": "complete", "saved": "s", "instrument": "i", "locale": "en", "share": false })
    );
    let participant = Participant {
        workshop: 0x00ab_cdef,
        nonce: 4_000_000_000,
        team: Some(2),
    };
    let complete: Value = serde_json::from_str(
        &LaterRequest::Complete {
            saved: "s",
            instrument: "i",
            locale: "en",
            share_results: true,
            participant: Some(participant),
        }
        .to_json(),
    )
    .unwrap();
    assert_eq!(
        complete,
        json!({ "what": "complete", "saved": "s", "instrument": "i", "locale": "en", "share": true,
                "workshop": 11_259_375, "nonce": 4_000_000_000u32, "team": 2 })
    );
    let scorecard: Value = serde_json::from_str(
        &LaterRequest::Scorecard {
            saved: "s",
            instrument: "i",
            locale: "en",
            advice: "advice-1.en.txt",
            id_prefix: "sp1",
            participant: Some(Participant {
                team: None,
                ..participant
            }),
            code: None,
        }
        .to_json(),
    )
    .unwrap();
    assert_eq!(
        scorecard,
        json!({ "what": "scorecard", "saved": "s", "instrument": "i", "locale": "en", "advice": "advice-1.en.txt",
                "prefix": "sp1", "workshop": 11_259_375, "nonce": 4_000_000_000u32, "team": null,
                "code": null })
    );
    let made_here: Value = serde_json::from_str(
        &LaterRequest::Scorecard {
            saved: "s",
            instrument: "i",
            locale: "en",
            advice: "a",
            id_prefix: "sp1",
            participant: Some(participant),
            code: Some("SP1.abc"),
        }
        .to_json(),
    )
    .unwrap();
    assert_eq!(made_here["code"], "SP1.abc");
    let prepare: Value = serde_json::from_str(&LaterRequest::Prepare.to_json()).unwrap();
    assert_eq!(prepare, json!({ "what": "prepare" }));
    let qr: Value = serde_json::from_str(
        &LaterRequest::Qr {
            text: "https://intranet.example/w/#join=1&n=\"A\"",
            title: "Scan to join",
        }
        .to_json(),
    )
    .unwrap();
    assert_eq!(
        qr,
        json!({ "what": "qr", "text": "https://intranet.example/w/#join=1&n=\"A\"", "title": "Scan to join" })
    );
}

proptest! {
    /// Any text survives the trip through a JSON string unchanged.
    #[test]
    fn json_strings_round_trip(text in "\\PC*|[\\x00-\\x1f\"\\\\\u{2028}\u{2029}]{0,20}") {
        let parsed: String = serde_json::from_str(&string(&text)).unwrap();
        prop_assert_eq!(parsed, text);
    }
}
