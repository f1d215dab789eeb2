//! Response codes: hand-checked bytes, round trips, and every single-character change caught.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::code::{
    base64url_decode, base64url_encode, crc32, decode, encode, find_codes, CodeError,
    CodedResponse, PREFIX,
};
use samepage::core::instrument::Instrument;
use samepage::core::response::{Answer, Response, Role};

const WORKSHOP: u32 = 0x5EED_0001;

fn sample() -> CodedResponse {
    let instrument = Instrument::builtin();
    let mut response = Response {
        role: Some(Role::Marketing),
        ..Response::default()
    };
    for (i, statement) in instrument.statements().enumerate() {
        let answer = match i % 7 {
            0 => continue,
            6 => Answer::CantJudge,
            n => Answer::Agreement(n as u8),
        };
        response.answers.insert(statement.id.clone(), answer);
    }
    let question = &instrument.definitions[1];
    response
        .definitions
        .insert(question.id.clone(), question.options[2].id.clone());
    // The last question's last option: the widest index of its question.
    let last = instrument.definitions.last().unwrap();
    response
        .definitions
        .insert(last.id.clone(), last.options.last().unwrap().id.clone());
    CodedResponse {
        workshop: WORKSHOP,
        nonce: 0xDEAD_BEEF,
        team: Some(1),
        response,
    }
}

#[test]
fn known_check_values() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(base64url_encode(b"Man"), "TWFu");
    assert_eq!(base64url_encode(&[0xFB, 0xFF]), "-_8");
    assert_eq!(base64url_decode("-_8"), Some(vec![0xFB, 0xFF]));
    assert_eq!(
        base64url_decode("-_9"),
        None,
        "unused bits set: not canonical"
    );
    assert_eq!(base64url_decode("TWFu="), None);
    assert_eq!(base64url_decode("T"), None);
}

#[test]
fn a_code_is_short_url_safe_and_reads_back() {
    let instrument = Instrument::builtin();
    let coded = sample();
    let code = encode(&instrument, &coded);
    assert!(code.starts_with(PREFIX));
    // 15 header bytes + 15 for 40 statements (3 bits each) + 4 for 10 questions of 6 or 7
    // options (3 bits each: 30 bits) + 4 checksum = 38 bytes: 51 base64 characters.
    assert_eq!(code.len(), PREFIX.len() + 51, "{code}");
    assert!(code[PREFIX.len()..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    assert_eq!(decode(&instrument, WORKSHOP, &code), Ok(coded));
}

#[test]
fn refusals_name_their_reason() {
    let instrument = Instrument::builtin();
    let code = encode(&instrument, &sample());
    assert_eq!(
        decode(&instrument, WORKSHOP, "hello"),
        Err(CodeError::NotACode)
    );
    assert_eq!(
        decode(&instrument, WORKSHOP, "SP1.!!!!"),
        Err(CodeError::NotACode)
    );
    assert_eq!(
        decode(&instrument, WORKSHOP, &code[..code.len() - 4]),
        Err(CodeError::Corrupted)
    );
    assert_eq!(
        decode(&instrument, WORKSHOP + 1, &code),
        Err(CodeError::OtherWorkshop)
    );
    let mut other = instrument.clone();
    other.version = "9.0.0".into();
    assert_eq!(
        decode(&other, WORKSHOP, &code),
        Err(CodeError::OtherInstrument(None))
    );
    // A decoder that knows the version the code was made with names it.
    let decoder = samepage::core::code::Decoder::new(&other, WORKSHOP).knowing(&[&instrument]);
    assert_eq!(
        decoder.decode(&code),
        Err(CodeError::OtherInstrument(Some(instrument.version.clone())))
    );
}

#[test]
fn codes_are_found_one_per_line_or_mixed_into_text() {
    let instrument = Instrument::builtin();
    let a = encode(&instrument, &sample());
    let mut other = sample();
    other.nonce = 7;
    let b = encode(&instrument, &other);
    let pasted = format!("{a}\n\nFrom Sam: here is mine -> {b}, thanks!\nSP1.broken");
    assert_eq!(
        find_codes(&pasted),
        vec![a.as_str(), b.as_str(), "SP1.broken"]
    );
}

proptest! {
    #[test]
    fn decode_of_encode_is_identity(
        answers in proptest::collection::vec(0u8..=6, 42),
        role in 0usize..4,
        team in proptest::option::of(0u8..20),
        nonce in any::<u32>(),
        workshop in any::<u32>(),
        picks in proptest::collection::vec(0usize..6, 2),
    ) {
        let instrument = Instrument::builtin();
        let mut response = Response { role: Some(Role::ALL[role]), ..Response::default() };
        for (statement, a) in instrument.statements().zip(answers) {
            if a > 0 {
                let answer = if a == 6 { Answer::CantJudge } else { Answer::Agreement(a) };
                response.answers.insert(statement.id.clone(), answer);
            }
        }
        for (question, pick) in instrument.definitions.iter().zip(picks) {
            if let Some(option) = question.options.get(pick) {
                response.definitions.insert(question.id.clone(), option.id.clone());
            }
        }
        let coded = CodedResponse { workshop, nonce, team, response };
        let code = encode(&instrument, &coded);
        prop_assert_eq!(decode(&instrument, workshop, &code), Ok(coded));
    }

    #[test]
    fn any_single_changed_character_is_detected(position in 0usize..48, replacement in 0usize..64) {
        let instrument = Instrument::builtin();
        let code = encode(&instrument, &sample());
        let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let at = PREFIX.len() + position;
        let mut bytes = code.clone().into_bytes();
        prop_assume!(bytes[at] != alphabet[replacement]);
        bytes[at] = alphabet[replacement];
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(decode(&instrument, WORKSHOP, &changed).is_err(), "{} went through", changed);
    }

    #[test]
    fn the_decoder_never_panics_on_random_input(text in "(SP1\\.)?[A-Za-z0-9_\\-]{0,80}", workshop in any::<u32>()) {
        let _ = decode(&Instrument::builtin(), workshop, &text);
    }

    #[test]
    fn the_decoder_never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..60)) {
        let text = format!("{PREFIX}{}", base64url_encode(&bytes));
        let _ = decode(&Instrument::builtin(), WORKSHOP, &text);
    }

    #[test]
    fn the_decoder_never_panics_on_checksummed_random_bytes(
        mut bytes in proptest::collection::vec(any::<u8>(), 0..60),
        version_one in any::<bool>(),
    ) {
        if version_one && !bytes.is_empty() {
            bytes[0] = 1;
        }
        let checksum = crc32(&bytes);
        bytes.extend(checksum.to_be_bytes());
        let text = format!("{PREFIX}{}", base64url_encode(&bytes));
        let _ = decode(&Instrument::builtin(), WORKSHOP, &text);
    }
}

#[test]
fn a_code_of_a_newer_format_is_recognised_as_one() {
    let instrument = Instrument::builtin();
    assert_eq!(
        decode(&instrument, WORKSHOP, "SP3.AAAAAAAA"),
        Err(CodeError::NewerVersion(3))
    );
    assert_eq!(
        find_codes("old SP1.AAAA, new SP2.BBBB and future SP17.CC-_ but not SPx.DD"),
        ["SP1.AAAA", "SP2.BBBB", "SP17.CC-_"]
    );
}

/// A participant on the survey page gets their code from the later wasm, in a card above
/// their scorecard: the code it shows and the one `samepage:complete` carries are the same,
/// and decode to the stored answers, the respondent number and the team; its link back opens
/// the workshop page with the code; a code the page made itself is shown as given; a survey
/// that cannot be read gives no card.
#[test]
fn the_later_wasm_codes_a_stored_survey_as_the_participant_sees_and_the_host_gets_it() {
    use samepage::core::embed::CodeCardRequest;
    use samepage::core::instrument::builtin_advice_records;
    use samepage::core::link::{codes_link, Participant};
    use samepage::core::saved::SavedSurvey;
    use samepage::report::later::{complete_json, response_code, scorecard_html};
    let instrument = Instrument::builtin_without_advice();
    let coded = sample();
    let mut saved = SavedSurvey::new(&instrument);
    saved.response = coded.response.clone();
    let saved = saved.encode();
    let participant = Participant {
        workshop: coded.workshop,
        nonce: coded.nonce,
        team: coded.team,
    };
    let code = response_code(&saved, Instrument::builtin_records(), participant);
    assert_eq!(decode(&instrument, WORKSHOP, &code), Ok(coded));

    let page = "https://intranet.example/samepage/workshop/";
    let card = CodeCardRequest {
        participant,
        code: None,
        workshop_page: page,
    };
    let whole = format!("\0{}", builtin_advice_records());
    let advice = Ok(whole.as_str());
    let html = scorecard_html(
        &saved,
        Instrument::builtin_records(),
        advice,
        "en",
        "sp3",
        Some(card),
    );
    let link = codes_link(page, &code);
    let card_end = html
        .find("samepage__overall")
        .expect("the scores follow the card");
    let (card_html, _) = html.split_at(card_end);
    assert!(
        card_html.contains(&format!(
            r#"id="sp3-code" class="samepage__code-text" type="text" readonly value="{code}""#
        )),
        "{card_html}"
    );
    assert!(
        card_html.contains(&format!(r#"readonly value="{link}""#)),
        "{card_html}"
    );
    assert!(card_html.contains(r#"data-copy="sp3-code""#));
    assert!(card_html.contains(r#"<p id="sp3-code-status" role="status"></p>"#));
    assert!(
        card_html.contains(&format!(
            r#"<div class="samepage__qr" data-qr="{link}" data-qr-title="QR code of the link with your answers"></div>"#
        )),
        "the loader draws the link's QR code there: {card_html}"
    );
    let given = scorecard_html(
        &saved,
        Instrument::builtin_records(),
        advice,
        "en",
        "sp3",
        Some(CodeCardRequest {
            code: Some("SP1.given"),
            ..card
        }),
    );
    assert!(given.contains(r#"value="SP1.given""#));
    assert!(!scorecard_html(
        &saved,
        Instrument::builtin_records(),
        advice,
        "en",
        "sp3",
        None
    )
    .contains("samepage__code-text"));
    assert!(!scorecard_html(
        "not a survey",
        Instrument::builtin_records(),
        advice,
        "en",
        "sp3",
        Some(card)
    )
    .contains("samepage__code-text"));

    let detail: serde_json::Value = serde_json::from_str(&complete_json(
        &saved,
        Instrument::builtin_records(),
        "en",
        true,
        Some(participant),
    ))
    .unwrap();
    assert_eq!(detail["code"], serde_json::Value::String(code));
    let hidden: serde_json::Value = serde_json::from_str(&complete_json(
        &saved,
        Instrument::builtin_records(),
        "en",
        false,
        Some(participant),
    ))
    .unwrap();
    assert_eq!(hidden.get("code"), None, "data-results=none: no code");
    assert_eq!(
        response_code("not a survey", Instrument::builtin_records(), participant),
        ""
    );
}
