//! The workshop page's URL fragments: participants' links, links back with codes, screens.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::code::{encode, workshop_of, CodedResponse};
use samepage::core::instrument::Catalogue;
use samepage::core::link::{
    codes_link, join_namespace, participant_address, percent_decode, percent_encode,
    survey_page_of, workshop_namespace, workshop_of_key, Fragment, JoinLink, LinkError,
};
use samepage::core::response::{Response, Role};
use samepage::core::saved::Keys;
use samepage::core::workshop::Workshop;

fn link() -> JoinLink {
    let workshop = Workshop::new(
        0x00ab_cdef,
        "Q3 offsite: Nord & Süd",
        vec!["North, East".into(), "Süd".into()],
        3,
        "2026-11-23",
        "2.0.0",
    );
    JoinLink::of(&workshop)
}

#[test]
fn a_join_link_carries_id_version_name_and_teams() {
    let link = link();
    assert_eq!(
        link.fragment(),
        "join=00abcdef&v=2.0.0&n=Q3%20offsite%3A%20Nord%20%26%20S%C3%BCd&t=North%2C%20East,S%C3%BCd"
    );
    let parsed = Fragment::parse(&format!("#{}", link.fragment()), &Catalogue::builtin());
    assert_eq!(parsed, Fragment::Join(Ok(link.clone())));
    assert_eq!(parsed.to_fragment(), link.fragment());
}

#[test]
fn a_link_for_another_questionnaire_version_or_a_cut_link_is_refused() {
    let instrument = Catalogue::builtin();
    let other = link().fragment().replace("v=2.0.0", "v=9.0.0");
    assert_eq!(
        Fragment::parse(&other, &instrument),
        Fragment::Join(Err(LinkError::OtherVersion("9.0.0".into())))
    );
    for broken in [
        "join=00abcd",
        "join=00abcdef",
        "join=zzzzzzzz&v=1.0.0",
        "join=00abcdef&v=1.0.0&n=%E2%28",
        "join=00abcdef&v=1.0.0&n=%4",
    ] {
        assert_eq!(
            Fragment::parse(broken, &instrument),
            Fragment::Join(Err(LinkError::Damaged)),
            "{broken}"
        );
    }
}

#[test]
fn screens_and_codes_have_fragments_of_their_own() {
    let instrument = Catalogue::builtin();
    assert_eq!(
        Fragment::parse("#workshop=0000002a", &instrument),
        Fragment::Workshop(42)
    );
    assert_eq!(
        Fragment::parse("pass=0000002a", &instrument),
        Fragment::PassDevice(42)
    );
    assert_eq!(Fragment::parse("", &instrument), Fragment::Empty);
    assert_eq!(
        Fragment::parse("#workshop=42", &instrument),
        Fragment::Empty
    );
    assert_eq!(Fragment::parse("#elsewhere", &instrument), Fragment::Empty);
    assert_eq!(Fragment::PassDevice(42).to_fragment(), "pass=0000002a");
    let codes = Fragment::Codes("SP1.abc_-".into());
    assert_eq!(codes.to_fragment(), "codes=SP1.abc_-");
    assert_eq!(Fragment::parse("#codes=SP1.abc_-", &instrument), codes);
}

#[test]
fn a_code_names_its_workshop_before_it_is_decoded() {
    let catalogue = Catalogue::builtin();
    let code = encode(
        catalogue.current(),
        &CodedResponse {
            workshop: 0xdead_beef,
            nonce: 7,
            team: None,
            response: Response {
                role: Some(Role::Sales),
                ..Response::default()
            },
        },
    );
    assert_eq!(workshop_of(&code), Some(0xdead_beef));
    let mut changed = code.clone().into_bytes();
    let last = changed.len() - 1;
    changed[last] = if changed[last] == b'A' { b'B' } else { b'A' };
    assert_eq!(workshop_of(&String::from_utf8(changed).unwrap()), None);
    assert_eq!(workshop_of("SP1."), None);
    assert_eq!(workshop_of("hello"), None);
}

#[test]
fn each_workshop_has_its_own_storage_namespace() {
    assert_eq!(workshop_namespace(0x2a), "ws-0000002a");
    let keys = Keys::new(&workshop_namespace(0x2a));
    assert_eq!(keys.workshop(), "samepage:ws-0000002a:workshop");
    assert_eq!(keys.survey(), "samepage:ws-0000002a:survey");
    assert_eq!(keys.value("team"), "samepage:ws-0000002a:team");
    assert_eq!(workshop_of_key(&keys.workshop()), Some(0x2a));
    assert_eq!(workshop_of_key("samepage:ws-0000002a:survey"), None);
    assert_eq!(workshop_of_key("samepage:default:survey"), None);
}

/// Participants take the survey page (the light one) when it asks the round's version; a
/// round that still collects an earlier version sends them to the workshop page, which keeps
/// it. The survey page is the folder above the workshop page, on any path.
#[test]
fn a_participant_link_opens_the_survey_page_unless_the_round_asks_an_earlier_version() {
    let link = link();
    let fragment = link.fragment();
    for workshop_page in [
        "https://intranet.example/tools/samepage/workshop/",
        "https://intranet.example/tools/samepage/workshop/index.html",
    ] {
        assert_eq!(
            participant_address(&link, workshop_page, "2.0.0"),
            format!("https://intranet.example/tools/samepage/#{fragment}")
        );
    }
    assert_eq!(
        participant_address(&link, "http://127.0.0.1:8080/workshop/", "2.0.0"),
        format!("http://127.0.0.1:8080/#{fragment}")
    );
    assert_eq!(
        participant_address(&link, "https://h.example/s/workshop/", "3.0.0"),
        format!("https://h.example/s/workshop/#{fragment}")
    );
    assert_eq!(
        survey_page_of("https://h.example/workshop/"),
        "https://h.example/"
    );
    assert_eq!(
        codes_link("https://h.example/workshop/", "SP1.a b"),
        "https://h.example/workshop/#codes=SP1.a%20b"
    );
}

/// A host page's `data-workshop` may hold the fragment, with or without `#`, or the whole
/// participant link; each reads as the same workshop. Versions are checked by the caller.
#[test]
fn a_workshop_link_reads_from_its_fragment_or_the_whole_link() {
    let link = link();
    let fragment = link.fragment();
    let known = |version: &str| version == "2.0.0";
    for text in [
        fragment.clone(),
        format!("#{fragment}"),
        format!(" https://intranet.example/samepage/#{fragment} "),
    ] {
        assert_eq!(
            JoinLink::read(&text, known, percent_decode),
            Ok(link.clone()),
            "{text}"
        );
    }
    assert_eq!(
        JoinLink::read(&fragment, |_| false, percent_decode),
        Err(LinkError::OtherVersion("2.0.0".into()))
    );
    assert_eq!(
        JoinLink::read("join=zz", known, percent_decode),
        Err(LinkError::Damaged)
    );
    assert_eq!(
        JoinLink::read("", known, percent_decode),
        Err(LinkError::Damaged)
    );
    assert_eq!(join_namespace(0x00ab_cdef), "join-00abcdef");
}

proptest! {
    #[test]
    fn any_workshop_attribute_reads_without_panicking(text in any::<String>()) {
        let _ = JoinLink::read(&text, |_| true, percent_decode);
    }

    #[test]
    fn percent_encoding_round_trips_and_stays_url_safe(text in any::<String>()) {
        let encoded = percent_encode(&text);
        prop_assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
        prop_assert_eq!(percent_decode(&encoded), Some(text));
    }

    #[test]
    fn any_fragment_parses_without_panicking(text in any::<String>()) {
        let _ = Fragment::parse(&text, &Catalogue::builtin());
    }
}

/// The QR capacity the screens warn about is the one the drawing has: a link of exactly
/// `QR_MAX_BYTES` bytes is drawn, one byte more is not.
#[test]
fn a_link_fits_a_qr_code_up_to_its_capacity() {
    use samepage::core::link::{fits_qr, QR_MAX_BYTES};
    use samepage_qr_code::Drawing;
    let mut drawing = Drawing::new();
    let longest = "a".repeat(QR_MAX_BYTES);
    assert!(fits_qr(&longest));
    assert!(drawing.draw(longest.as_bytes()).is_some());
    let over = "a".repeat(QR_MAX_BYTES + 1);
    assert!(!fits_qr(&over));
    assert!(drawing.draw(over.as_bytes()).is_none());
}

#[test]
fn set_aside_keys_give_their_time_and_form() {
    use samepage::core::link::set_aside_of_key;
    assert_eq!(
        set_aside_of_key("samepage:ws-0000beef:unreadable-workshop:1764500000000"),
        Some((1_764_500_000_000, false))
    );
    // The earlier form, which a passed device's unreadable survey also takes.
    assert_eq!(
        set_aside_of_key("samepage:ws-0000beef:unreadable:1764500000000"),
        Some((1_764_500_000_000, true))
    );
    for other in [
        "samepage:ws-0000beef:workshop",
        "samepage:default:unreadable:1",
        "samepage:ws-beef:unreadable:1",
        "samepage:ws-0000beef:unreadable:soon",
        "samepage:ws-0000beef:unreadable-workshop:",
        "samepage:ws-0000beef:survey",
    ] {
        assert_eq!(set_aside_of_key(other), None, "{other}");
    }
}

/// A name is shown between FSI and PDI; isolate marks of its own are left out, so a PDI in
/// it cannot close the isolate early and let an override reorder the sentence after it.
#[test]
fn isolate_keeps_a_name_inside_one_isolate() {
    use samepage::core::link::isolate;
    assert_eq!(isolate("North"), "\u{2068}North\u{2069}");
    assert_eq!(isolate(""), "\u{2068}\u{2069}");
    assert_eq!(
        isolate("x\u{2069}\u{202E}txt.exe"),
        "\u{2068}x\u{202E}txt.exe\u{2069}"
    );
    assert_eq!(
        isolate("\u{2066}a\u{2067}b\u{2068}c\u{2069}"),
        "\u{2068}abc\u{2069}"
    );
}
