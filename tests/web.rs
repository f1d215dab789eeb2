//! Components in a real browser (headless Chromium through wasm-bindgen-test): each test
//! mounts SamePage into a fresh element under its own storage namespace, acts like a user
//! and asserts on what the page shows and what storage holds.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use samepage::core::embed::CodeCardRequest;
use samepage::core::flow::Step;
use samepage::core::instrument::{builtin_advice_records, Catalogue, Instrument};
use samepage::core::link::Participant;
use samepage::core::response::{Answer, Role};
use samepage::core::saved::{Keys, SavedSurvey};
use samepage::report::later;
use samepage::ui::{Host, SamePage};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The loader's `later` function (see `web/later.js`), answered here by the later wasm's
/// own code with the built-in advice, as the loader would after fetching them.
fn loader_later() -> Host {
    let answer = Closure::<dyn Fn(String) -> js_sys::Promise>::new(|request: String| {
        let request = js_sys::JSON::parse(&request).unwrap();
        let field = |name: &str| {
            js_sys::Reflect::get(&request, &name.into())
                .unwrap()
                .as_string()
                .unwrap_or_default()
        };
        let (code, page) = (field("code"), "https://h.example/workshop/".to_owned());
        let card = participant(&request).map(|participant| CodeCardRequest {
            participant,
            code: (!code.is_empty()).then_some(code.as_str()),
            workshop_page: &page,
        });
        let text = match field("what").as_str() {
            "scorecard" => later::scorecard_html(
                &field("saved"),
                &field("instrument"),
                Ok(&format!("\0{}", builtin_advice_records())),
                &field("locale"),
                &field("prefix"),
                card,
            ),
            "complete" => later::complete_json(
                &field("saved"),
                &field("instrument"),
                &field("locale"),
                true,
                participant(&request),
            ),
            "advice" => builtin_advice_records().to_owned(),
            _ => String::new(),
        };
        js_sys::Promise::resolve(&JsValue::from(text))
    });
    Host::with_later(answer.into_js_value().unchecked_into())
}

/// The participant a loader request names (`workshop`, `nonce`, `team`), if it names one.
fn participant(request: &JsValue) -> Option<Participant> {
    let number = |name: &str| {
        js_sys::Reflect::get(request, &name.into())
            .unwrap()
            .as_f64()
    };
    Some(Participant {
        workshop: number("workshop")? as u32,
        nonce: number("nonce")? as u32,
        team: number("team").map(|t| t as u8),
    })
}

/// Lets promises and the tasks waiting on them run (the scorecard comes from the loader).
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL))
            .await
            .unwrap();
    }
}

/// Mounts SamePage under `namespace` into a new element and returns that element.
fn mount(namespace: &'static str) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let later = loader_later();
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <SamePage namespace host=later.clone() /> },
    )
    .forget();
    host
}

/// Mounts SamePage for `host` (its options, such as `data-workshop`) into a new element and
/// returns that element.
fn mount_with(host: Host) -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <SamePage namespace="unused" host /> },
    )
    .forget();
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Clicks the button whose text is exactly `label`.
fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let button: HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if button.text_content().as_deref() == Some(label) {
            button.click();
            return;
        }
    }
    panic!("no button labelled {label}");
}

fn text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn answering_a_statement_moves_progress_and_is_stored_at_once() {
    let keys = Keys::new("web-progress");
    storage().remove_item(&keys.survey()).unwrap();
    let root = mount("web-progress");

    click_button(&root, "Start the survey");
    leptos::task::tick().await;
    click(&root, "input[value=sales]");
    leptos::task::tick().await;
    click_button(&root, "Next");
    leptos::task::tick().await;

    let total = Instrument::builtin().statement_count();
    let bar = find(&root, "[role=progressbar]");
    assert!(text(&root).contains(&format!("0 of {total} statements answered")));
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("0"));

    click(&root, "fieldset input[value='4']");
    leptos::task::tick().await;

    assert!(text(&root).contains(&format!("1 of {total} statements answered")));
    assert_eq!(
        bar.get_attribute("aria-valuenow").as_deref(),
        Some((100 / total).to_string().as_str())
    );
    let checked: HtmlInputElement = find(&root, "fieldset input[value='4']").unchecked_into();
    assert!(checked.checked());

    let stored =
        SavedSurvey::decode(&storage().get_item(&keys.survey()).unwrap().unwrap()).unwrap();
    assert_eq!(stored.response.role, Some(Role::Sales));
    assert_eq!(stored.step, Step::Statements(0));
    let first = Instrument::builtin().dimensions[0].statements[0].id.clone();
    assert_eq!(stored.response.answer(&first), Some(Answer::Agreement(4)));
}

#[wasm_bindgen_test]
async fn the_welcome_screen_gives_the_computed_estimate() {
    let keys = Keys::new("web-welcome");
    storage().remove_item(&keys.survey()).unwrap();
    let root = mount("web-welcome");
    let instrument = Instrument::builtin();
    assert_eq!(
        find(&root, ".samepage__estimate").text_content().unwrap(),
        format!(
            "About {} minutes: {} short statements and {} questions about who owns what and what words mean where you work.",
            instrument.estimated_minutes(),
            instrument.statement_count(),
            instrument.definitions.len()
        )
    );
}

/// Stores a survey of `role` at `step` under `namespace` and mounts it.
fn mount_at(namespace: &'static str, step: Step) -> HtmlElement {
    let mut saved = SavedSurvey::new(&Instrument::builtin());
    saved.step = step;
    saved.response.role = Some(Role::Sales);
    storage()
        .set_item(&Keys::new(namespace).survey(), &saved.encode())
        .unwrap();
    mount(namespace)
}

#[wasm_bindgen_test]
async fn not_applicable_is_offered_only_where_a_practice_may_not_exist() {
    let instrument = Instrument::builtin();
    let (page, dimension) = instrument
        .dimensions
        .iter()
        .enumerate()
        .find(|(_, d)| d.statements.iter().any(|s| s.not_applicable))
        .unwrap();
    let root = mount_at("web-na", Step::Statements(page));
    let offered = dimension
        .statements
        .iter()
        .filter(|s| s.not_applicable)
        .count();
    assert_eq!(count(&root, "input[value='6']"), offered as u32);
    assert_eq!(
        count(&root, "input[value='0']"),
        dimension.statements.len() as u32
    );
    click(&root, "input[value='6']");
    leptos::task::tick().await;
    let stored = SavedSurvey::decode(
        &storage()
            .get_item(&Keys::new("web-na").survey())
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    let statement = dimension
        .statements
        .iter()
        .find(|s| s.not_applicable)
        .unwrap();
    assert_eq!(
        stored.response.answer(&statement.id),
        Some(Answer::NotApplicable)
    );
}

#[wasm_bindgen_test]
async fn the_choice_questions_come_in_two_sections() {
    let root = mount_at("web-choices", Step::Definitions);
    let headings = root
        .query_selector_all(".samepage__choice-section h3")
        .unwrap();
    let titles: Vec<String> = (0..headings.length())
        .map(|i| headings.item(i).unwrap().text_content().unwrap())
        .collect();
    assert_eq!(titles, ["What the words mean here", "Who owns what"]);
    assert_eq!(
        count(&root, ".samepage__choice-section fieldset"),
        Instrument::builtin().definitions.len() as u32
    );
}

#[wasm_bindgen_test]
async fn a_survey_saved_with_questionnaire_1_0_0_resumes_with_the_answers_still_asked() {
    let keys = Keys::new("web-v1");
    storage()
        .set_item(
            &keys.survey(),
            include_str!("fixtures/v1/survey-midway.txt"),
        )
        .unwrap();
    let root = mount("web-v1");
    // It resumes on its page (area 4) with the 8 of its 13 answers that 2.0.0 still asks.
    let total = Instrument::builtin().statement_count();
    assert!(
        text(&root).contains(&format!("Area 4 of 128 of {total} statements answered")),
        "{}",
        text(&root)
    );
}

#[wasm_bindgen_test]
async fn next_without_a_role_says_what_is_missing() {
    let keys = Keys::new("web-role");
    storage().remove_item(&keys.survey()).unwrap();
    let root = mount("web-role");
    click_button(&root, "Start the survey");
    leptos::task::tick().await;
    click_button(&root, "Next");
    leptos::task::tick().await;
    assert_eq!(
        find(&root, "[role=alert]").text_content().unwrap(),
        "Pick the part of the company you work in to continue."
    );
    assert_eq!(
        count(&root, "input[value=sales]"),
        1,
        "still on the role step"
    );
}

#[wasm_bindgen_test]
async fn scorecard_renders_every_dimension() {
    let instrument = Instrument::builtin();
    let keys = Keys::new("web-scorecard");
    let mut saved = SavedSurvey::new(&instrument);
    saved.step = Step::Scorecard;
    saved.response.role = Some(Role::Marketing);
    for (i, statement) in instrument.statements().enumerate() {
        saved
            .response
            .answers
            .insert(statement.id.clone(), Answer::Agreement(1 + (i % 5) as u8));
    }
    // The last dimension gets only "Can't judge": it must say so, not show a number.
    for statement in &instrument.dimensions[11].statements {
        saved
            .response
            .answers
            .insert(statement.id.clone(), Answer::CantJudge);
    }
    storage().set_item(&keys.survey(), &saved.encode()).unwrap();

    let root = mount("web-scorecard");
    settle().await;

    assert_eq!(count(&root, ".samepage__chart-row"), 12);
    assert_eq!(count(&root, "tbody tr"), 12);
    for dimension in &instrument.dimensions {
        let row = find(&root, &format!("tr[data-dimension={}]", dimension.id));
        assert!(
            text(&row).contains(dimension.name.get("en")),
            "{}",
            dimension.id
        );
    }
    let last = find(&root, "tr[data-dimension=friction]");
    assert!(text(&last).contains("Not enough answers"));
    assert_eq!(count(&root, ".samepage__weak"), 3);
    assert!(find(&root, ".samepage__bars[role=img]")
        .get_attribute("aria-labelledby")
        .is_some());
}

#[wasm_bindgen_test]
async fn unreadable_stored_data_is_kept_aside_and_reported() {
    let keys = Keys::new("web-corrupt");
    storage()
        .set_item(&keys.survey(), "{this is not json")
        .unwrap();
    let root = mount("web-corrupt");
    leptos::task::tick().await;

    let status = find(&root, "[role=status]");
    assert!(text(&status).contains("could not be read"));
    assert_eq!(storage().get_item(&keys.survey()).unwrap(), None);
    let storage = storage();
    let aside: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with("samepage:web-corrupt:unreadable:"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        storage.get_item(&aside[0]).unwrap().as_deref(),
        Some("{this is not json")
    );
    assert!(
        text(&status).contains(&aside[0]),
        "the message names the key"
    );
}

#[wasm_bindgen_test]
async fn start_over_asks_first_and_then_clears_everything() {
    let instrument = Instrument::builtin();
    let keys = Keys::new("web-start-over");
    let mut saved = SavedSurvey::new(&instrument);
    saved.step = Step::Statements(1);
    saved.response.role = Some(Role::Leadership);
    saved.response.answers.insert(
        instrument.dimensions[1].statements[0].id.clone(),
        Answer::Agreement(2),
    );
    storage().set_item(&keys.survey(), &saved.encode()).unwrap();
    let root = mount("web-start-over");
    leptos::task::tick().await;

    click_button(&root, "Start over");
    leptos::task::tick().await;
    assert!(text(&find(&root, "[role=alertdialog]"))
        .contains("Every answer you have given will be cleared"));
    click_button(&root, "Cancel");
    leptos::task::tick().await;
    assert_eq!(count(&root, "[role=alertdialog]"), 0);
    assert!(storage()
        .get_item(&keys.survey())
        .unwrap()
        .unwrap()
        .contains("leadership"));

    click_button(&root, "Start over");
    leptos::task::tick().await;
    click_button(&root, "Yes, start over");
    leptos::task::tick().await;
    assert!(text(&root).contains("Start the survey"));
    let stored =
        SavedSurvey::decode(&storage().get_item(&keys.survey()).unwrap().unwrap()).unwrap();
    assert!(stored.response.is_empty());
}

#[wasm_bindgen_test]
async fn two_instances_on_one_page_keep_their_answers_apart() {
    for ns in ["web-one", "web-two"] {
        storage().remove_item(&Keys::new(ns).survey()).unwrap();
    }
    let one = mount("web-one");
    let two = mount("web-two");
    click_button(&one, "Start the survey");
    leptos::task::tick().await;
    click(&one, "input[value=marketing]");
    leptos::task::tick().await;
    // Radio names differ per instance, so choosing in one leaves the other untouched.
    click_button(&two, "Start the survey");
    leptos::task::tick().await;
    click(&two, "input[value=sales]");
    leptos::task::tick().await;
    let one_checked: HtmlInputElement = find(&one, "input[value=marketing]").unchecked_into();
    assert!(one_checked.checked());
    assert!(storage()
        .get_item(&Keys::new("web-one").survey())
        .unwrap()
        .unwrap()
        .contains("marketing"));
    assert!(storage()
        .get_item(&Keys::new("web-two").survey())
        .unwrap()
        .unwrap()
        .contains("sales"));
}

mod workshop_page {
    //! The workshop page's components: each test mounts the page into a fresh element.
    use super::*;
    use samepage::core::link::workshop_namespace;
    use samepage::core::response::Response;
    use samepage::core::team::Answers;
    use samepage::core::workshop::{Collected, Workshop};
    use samepage::core::workshop_file::export_json;
    use samepage::ui::workshop::WorkshopPage;
    use web_sys::HtmlSelectElement;

    /// Removes every stored workshop, so each test starts from an empty list.
    fn forget_workshops() {
        let storage = storage();
        let keys: Vec<String> = (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).unwrap())
            .filter(|k| k.starts_with("samepage:ws-"))
            .collect();
        for key in keys {
            storage.remove_item(&key).unwrap();
        }
    }

    /// Mounts the workshop page with the URL fragment `hash`.
    fn mount_page(hash: &str) -> HtmlElement {
        let window = web_sys::window().unwrap();
        let url = format!("{}{hash}", window.location().pathname().unwrap());
        window
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .unwrap();
        let document = window.document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let later = super::loader_later();
        leptos::mount::mount_to(
            host.clone(),
            move || view! { <WorkshopPage host=later.clone() /> },
        )
        .forget();
        host
    }

    fn type_into(root: &Element, selector: &str, value: &str) {
        let input: HtmlInputElement = find(root, selector).unchecked_into();
        input.set_value(value);
        let event = web_sys::Event::new("input").unwrap();
        input.dispatch_event(&event).unwrap();
    }

    #[wasm_bindgen_test]
    async fn creating_a_workshop_opens_it_and_stores_it_in_its_own_namespace() {
        forget_workshops();
        let root = mount_page("");
        assert!(text(&root).contains("No workshops yet."));
        type_into(&root, "input[id$=create-name]", "Sales kick-off");
        type_into(&root, "input[id$=create-labels]", "North, South");
        click_button(&root, "Create workshop");
        leptos::task::tick().await;

        assert_eq!(
            find(&root, "h2").text_content().as_deref(),
            Some("Sales kick-off")
        );
        assert!(text(&root).contains("teams: \u{2068}North\u{2069}, \u{2068}South\u{2069}"));
        let storage = storage();
        let key = (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).unwrap())
            .find(|k| k.starts_with("samepage:ws-") && k.ends_with(":workshop"))
            .expect("the workshop is stored");
        let stored = storage.get_item(&key).unwrap().unwrap();
        assert!(stored.contains(r#""name":"Sales kick-off""#), "{stored}");
        assert!(stored.contains(r#""team_labels":["North","South"]"#));
        // New workshops collect the current questionnaire.
        assert!(stored.contains(r#""questionnaire":"2.0.0""#));
    }

    #[wasm_bindgen_test]
    async fn a_team_filter_that_could_single_someone_out_is_refused() {
        forget_workshops();
        let instrument = Instrument::builtin();
        let mut workshop = Workshop::new(
            0x00c0_ffee,
            "Filtered",
            vec!["North".into(), "South".into()],
            3,
            "2026-11-23",
            "2.0.0",
        );
        for (nonce, (role, team)) in [
            (Role::Sales, 0),
            (Role::Sales, 0),
            (Role::Sales, 0),
            (Role::Marketing, 0),
            (Role::Marketing, 1),
            (Role::Marketing, 1),
        ]
        .into_iter()
        .enumerate()
        {
            let mut response = Response {
                role: Some(role),
                ..Response::default()
            };
            for statement in instrument.statements() {
                response
                    .answers
                    .insert(statement.id.clone(), Answer::Agreement(4));
            }
            workshop.collect(Collected {
                nonce: nonce as u32,
                team: Some(team),
                answers: Answers::of(&instrument, &response),
                source: Default::default(),
            });
        }
        let key = Keys::new(&workshop_namespace(workshop.id)).workshop();
        storage()
            .set_item(&key, &export_json(&Catalogue::builtin(), &workshop))
            .unwrap();

        let root = mount_page("#workshop=00c0ffee");
        assert!(text(&root).contains("People who answered: 6."));
        let select: HtmlSelectElement = find(&root, "select").unchecked_into();
        select.set_value("1");
        select
            .dispatch_event(&web_sys::Event::new("change").unwrap())
            .unwrap();
        leptos::task::tick().await;
        // Choosing a team only chooses it: the Show button applies it.
        assert_eq!(count(&root, "[role=alert]"), 0);
        let form: web_sys::HtmlFormElement = find(&root, "form:has(select)").unchecked_into();
        form.request_submit().unwrap();
        // The filter applies, then the list follows it (an effect): two rounds of tasks.
        leptos::task::tick().await;
        leptos::task::tick().await;

        let alert = find(&root, "[role=alert]").text_content().unwrap();
        assert!(
            alert.starts_with("The view of “\u{2068}South\u{2069}” alone is not shown"),
            "{alert}"
        );
        assert!(text(&root).contains("People who answered: 6."));
        assert_eq!(select.value(), "all");
    }
}

/// A participant on the survey page (its `#join=…`, or a host's `data-workshop`): a banner
/// names the workshop, with the name isolated so that override characters in it cannot
/// reorder the words around it; the role step asks the team too (labels isolated as well),
/// and wants both; the pick is stored with the answers under the workshop's own namespace.
#[wasm_bindgen_test]
async fn a_participant_names_the_workshop_safely_and_picks_role_and_team() {
    use samepage::core::link::{join_namespace, JoinLink};
    // U+202E turns the rest of a line around: it must stay inside its isolate.
    let name = "\u{202e}pohskrow";
    let label = "\u{202e}htroN";
    let link = JoinLink {
        workshop: 0x0b0b_0042,
        instrument_version: Instrument::builtin().version,
        name: name.into(),
        team_labels: vec![label.into(), "South".into()],
    };
    let keys = Keys::new(&join_namespace(link.workshop));
    storage().remove_item(&keys.survey()).unwrap();
    let mut host = loader_later();
    host.workshop = Some(format!(
        "https://intranet.example/samepage/#{}",
        link.fragment()
    ));
    let root = mount_with(host);
    leptos::task::tick().await;

    let banner = find(&root, ".samepage__notice[role=note]");
    assert_eq!(
        text(&banner),
        format!("Workshop “\u{2068}{name}\u{2069}”: at the end you get a code for the facilitator. Your answers stay on this device until you send it.")
    );
    click_button(&root, "Start the survey");
    leptos::task::tick().await;
    let labels = root
        .query_selector_all(".samepage__choice-label bdi")
        .unwrap();
    let label_texts: Vec<String> = (0..labels.length())
        .map(|i| labels.item(i).unwrap().text_content().unwrap())
        .collect();
    assert!(label_texts.contains(&label.to_owned()), "{label_texts:?}");
    assert!(label_texts.contains(&"None of these / I prefer not to say".to_owned()));

    click(&root, "input[value=sales]");
    leptos::task::tick().await;
    click_button(&root, "Next");
    leptos::task::tick().await;
    assert_eq!(
        find(&root, "[role=alert]").text_content().unwrap(),
        "Please choose your role and your team (or “None of these”) to go on."
    );
    click(&root, "input[name$=-team][value='1']");
    leptos::task::tick().await;
    let stored = storage().get_item(&keys.survey()).unwrap().unwrap();
    assert!(stored.contains("\nrole sales\n"), "{stored}");
    assert!(stored.contains("\nteam 1\n"), "{stored}");
    click_button(&root, "Next");
    leptos::task::tick().await;
    assert_eq!(count(&root, "input[value=sales]"), 0, "past the role step");
}

/// A workshop link the survey page cannot use says why, and opens no survey.
#[wasm_bindgen_test]
async fn an_unusable_workshop_link_says_why_and_opens_no_survey() {
    for (fragment, says) in [
        (
            "#join=zz",
            "This workshop link cannot be used: it is incomplete or damaged.",
        ),
        (
            "#join=0b0b0042&v=9.9.9&n=x&t=",
            "This workshop link is for version 9.9.9 of the questionnaire",
        ),
    ] {
        let mut host = loader_later();
        host.workshop = Some(fragment.to_owned());
        let root = mount_with(host);
        leptos::task::tick().await;
        let alert = find(&root, "[role=alert]").text_content().unwrap();
        assert!(alert.starts_with(says), "{alert}");
        assert_eq!(count(&root, "button"), 0, "no survey");
    }
}
