//! The built-in instrument's structure, its size, the table that ties it to the five
//! articles, and the rule that no code names a questionnaire id.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use samepage::core::instrument::{
    Catalogue, ChoiceKind, Instrument, InstrumentProblem, Side, BUILTIN_JSON, LEGACY_1_0_0_JSON,
};
use serde::Deserialize;

/// Dimensions PRODUCT.md requires, in order.
const REQUIRED_DIMENSIONS: [&str; 12] = [
    "strategy",
    "goals",
    "language",
    "handoff",
    "metrics",
    "ownership",
    "process",
    "rhythm",
    "respect",
    "customer",
    "leadership",
    "friction",
];

#[test]
fn builtin_and_legacy_instruments_are_valid() {
    for instrument in Catalogue::builtin().all() {
        assert_eq!(
            instrument.validate(),
            Vec::<InstrumentProblem>::new(),
            "{}",
            instrument.version
        );
    }
}

#[test]
fn builtin_has_the_twelve_dimensions_in_order() {
    let ids: Vec<String> = Instrument::builtin()
        .dimensions
        .iter()
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(ids, REQUIRED_DIMENSIONS);
}

#[test]
fn at_most_fifty_items_and_under_fifteen_minutes() {
    let instrument = Instrument::builtin();
    let (statements, choices) = (instrument.statement_count(), instrument.definitions.len());
    assert_eq!((statements, choices), (40, 10));
    assert!(instrument.item_count() <= 50);
    // 40 × 8 s + 10 × 15 s = 470 s: 7.8 minutes, shown as "about 8 minutes".
    assert_eq!(statements * 8 + choices * 15, 470);
    assert_eq!(instrument.estimated_minutes(), 8);
    assert!(instrument.estimated_minutes() < 15);
    let ids: HashSet<&str> = instrument.statements().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), statements);
}

#[test]
fn every_dimension_has_statements_plays_and_questions_and_every_play_its_details() {
    for dimension in Instrument::builtin().dimensions {
        assert!(dimension.statements.len() >= 2, "{}", dimension.id);
        assert!(dimension.plays.len() >= 2, "{}", dimension.id);
        assert!(dimension.questions.len() >= 2, "{}", dimension.id);
        assert!(!dimension.explanation.get("en").trim().is_empty());
        for play in &dimension.plays {
            for text in [&play.who, &play.first_step, &play.signal] {
                assert!(!text.get("en").trim().is_empty(), "{}", play.id);
            }
        }
    }
}

#[test]
fn every_statement_pair_and_choice_has_plays_written_for_it() {
    let instrument = Instrument::builtin();
    for statement in instrument.statements() {
        assert!(!statement.plays.is_empty(), "{}", statement.id);
    }
    for pair in &instrument.mirror_pairs {
        assert!(!pair.plays.is_empty(), "{}", pair.id);
    }
    for question in &instrument.definitions {
        assert!(!question.plays.is_empty(), "{}", question.id);
    }
    // Routing: a sales-materials blame loop gets materials plays, not the lead definitions'.
    let materials = instrument.mirror_pair("sales_materials").unwrap();
    let sales_ready = instrument
        .definitions
        .iter()
        .find(|q| q.id == "sales_ready")
        .unwrap();
    assert!(materials
        .plays
        .iter()
        .all(|p| !sales_ready.plays.contains(p)));
}

#[test]
fn mirror_pairs_cover_every_pair_of_roles_on_real_statements() {
    let instrument = Instrument::builtin();
    assert!(instrument.mirror_pairs.len() >= 7);
    for pair in &instrument.mirror_pairs {
        assert!(instrument.statement(&pair.first.statement).is_some());
        assert!(instrument.statement(&pair.second.statement).is_some());
        assert_ne!(pair.first.side, pair.second.side);
    }
    let covers = |a: Side, b: Side| {
        instrument.mirror_pairs.iter().any(|p| {
            (p.first.side, p.second.side) == (a, b) || (p.first.side, p.second.side) == (b, a)
        })
    };
    assert!(covers(Side::Marketing, Side::Sales));
    assert!(covers(Side::Leadership, Side::Marketing));
    assert!(covers(Side::Sales, Side::Leadership));
    // Trust is asked one direction at a time, as a pair of its own.
    let trust = instrument.mirror_pair("trust").unwrap();
    assert!(trust.first.statement != trust.second.statement);
}

#[test]
fn choice_questions_ask_who_and_what_with_an_honest_none_and_unknown() {
    let instrument = Instrument::builtin();
    let owners = instrument
        .definitions
        .iter()
        .filter(|q| q.kind == ChoiceKind::Owner)
        .count();
    assert!(
        owners >= 4,
        "who owns insight, go-to-market, journey steps, a metric"
    );
    for question in &instrument.definitions {
        assert!(question.options.len() >= 4, "{}", question.id);
        assert_eq!(question.options.iter().filter(|o| o.none).count(), 1);
        assert_eq!(question.options.iter().filter(|o| o.unknown).count(), 1);
        assert!(instrument.dimension(&question.dimension).is_some());
    }
    // The definitions of 1.0.0 keep their ids, so answers given then carry over.
    for id in ["sales_ready", "follow_up"] {
        assert!(instrument.definitions.iter().any(|q| q.id == id), "{id}");
    }
}

#[test]
fn facts_point_at_real_statements_and_questions() {
    let instrument = Instrument::builtin();
    for fact in ["follow_up_hours", "accepted_share", "conversion_share"] {
        let link = instrument.fact_link(fact).unwrap();
        assert!(instrument.statement(&link.statement).is_some());
    }
}

#[test]
fn validation_names_what_is_wrong() {
    let mut instrument = Instrument::builtin();
    instrument.dimensions[0].statements.truncate(1);
    instrument.dimensions[1].plays.clear();
    instrument.mirror_pairs[0].first.statement = "nowhere.gone".into();
    instrument.mirror_pairs[1].plays = vec!["no.such.play".into()];
    instrument.definitions[0].dimension = "nowhere".into();
    let dup = instrument.dimensions[2].statements[0].id.clone();
    instrument.dimensions[3].statements[0].id = dup.clone();
    let problems = instrument.validate();
    assert!(problems.contains(&InstrumentProblem::TooFewStatements {
        dimension: "strategy".into(),
        found: 1
    }));
    assert!(problems.contains(&InstrumentProblem::TooFewPlays {
        dimension: "goals".into(),
        found: 0
    }));
    assert!(problems.contains(&InstrumentProblem::DuplicateId(dup)));
    assert!(problems.iter().any(|p| matches!(p,
        InstrumentProblem::UnknownMirrorStatement { statement, .. } if statement == "nowhere.gone")));
    assert!(problems.iter().any(|p| matches!(p,
        InstrumentProblem::UnknownPlay { play, .. } if play == "no.such.play")));
    assert!(problems.iter().any(|p| matches!(p,
        InstrumentProblem::UnknownReference { id, .. } if id == "nowhere")));
    assert!(problems.iter().all(|p| !p.to_string().is_empty()));
}

#[test]
fn an_instrument_of_more_statements_than_a_stored_round_can_count_is_refused() {
    // A packed round names its statement count in one byte.
    let mut instrument = Instrument::builtin();
    assert!(!instrument
        .validate()
        .contains(&InstrumentProblem::TooManyItems));
    let template = instrument.dimensions[0].statements[0].clone();
    let statements = &mut instrument.dimensions[0].statements;
    for i in 0..256 {
        let mut extra = template.clone();
        extra.id = format!("strategy.extra_{i}");
        statements.push(extra);
    }
    let problems = instrument.validate();
    assert!(problems.contains(&InstrumentProblem::TooManyItems));
    assert!(problems
        .iter()
        .any(|p| p.to_string().contains("more than 255 statements")));
}

#[test]
fn a_variant_that_is_not_json_is_refused_with_a_reason() {
    let problems = Instrument::from_json("{ not json").unwrap_err();
    assert!(matches!(problems[0], InstrumentProblem::NotParsable(_)));
}

#[test]
fn a_variant_round_trips_through_json() {
    let instrument = Instrument::builtin();
    let json = serde_json::to_string(&instrument).unwrap();
    assert_eq!(Instrument::from_json(&json).unwrap(), instrument);
}

#[test]
fn the_generated_instruments_are_exactly_their_json() {
    assert_eq!(
        Instrument::builtin(),
        Instrument::from_json(BUILTIN_JSON).unwrap()
    );
    // 1.0.0 keeps every id and text of its questionnaire; its areas borrow today's advice.
    let mut legacy = Instrument::legacy("1.0.0").unwrap();
    let mut json = Instrument::from_json(LEGACY_1_0_0_JSON).unwrap();
    for dimension in json.dimensions.iter_mut().chain(&mut legacy.dimensions) {
        dimension.explanation = Default::default();
        dimension.plays.clear();
        dimension.questions.clear();
    }
    assert_eq!(legacy, json);
    let catalogue = Catalogue::builtin();
    let lent = catalogue.version("1.0.0").unwrap();
    assert_eq!(
        lent.dimensions[3].plays,
        catalogue.current().dimensions[3].plays
    );
    assert_eq!(Instrument::legacy("0.9.0"), None);
    assert_eq!(catalogue.current().version, "2.0.0");
    assert!(catalogue.version("1.0.0").is_some());
}

/// `coverage.json`: every problem and remedy the five articles name, mapped to the statements
/// and choice questions that measure it and the plays that answer it.
#[derive(Deserialize)]
struct Coverage {
    problems: Vec<Entry>,
    remedies: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    seed: String,
    #[serde(alias = "problem", alias = "remedy")]
    what: String,
    statements: Vec<String>,
    #[serde(default)]
    plays: Vec<String>,
    #[serde(default)]
    reason: String,
}

fn coverage() -> Coverage {
    serde_json::from_str(include_str!("../src/core/instrument/coverage.json")).unwrap()
}

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// A statement or a choice question of `instrument` with this id.
fn measures(instrument: &Instrument, id: &str) -> bool {
    instrument.statement(id).is_some() || instrument.definitions.iter().any(|q| q.id == id)
}

#[test]
fn every_problem_and_remedy_is_measured_or_says_why_not() {
    let instrument = Instrument::builtin();
    let coverage = coverage();
    for (kind, entries) in [
        ("problem", &coverage.problems),
        ("remedy", &coverage.remedies),
    ] {
        for seed in SEEDS {
            assert!(
                entries.iter().any(|e| e.seed == seed),
                "no {kind} listed for article {seed}"
            );
        }
        for entry in entries {
            assert!(
                !entry.statements.is_empty() || !entry.reason.trim().is_empty(),
                "article {}: {kind} \"{}\" has no statement and no reason",
                entry.seed,
                entry.what
            );
            for id in &entry.statements {
                assert!(measures(&instrument, id), "{id} does not exist");
            }
            for id in &entry.plays {
                assert!(instrument.play(id).is_some(), "play {id} does not exist");
            }
        }
    }
}

#[test]
fn every_remedy_has_a_play_and_every_play_comes_from_an_article() {
    let instrument = Instrument::builtin();
    let coverage = coverage();
    for remedy in &coverage.remedies {
        assert!(!remedy.plays.is_empty(), "{}", remedy.what);
    }
    let traced: HashSet<&str> = coverage
        .remedies
        .iter()
        .flat_map(|r| r.plays.iter().map(String::as_str))
        .collect();
    for play in instrument.dimensions.iter().flat_map(|d| &d.plays) {
        assert!(
            traced.contains(play.id.as_str()),
            "{} traces to no article",
            play.id
        );
    }
}

#[test]
fn every_statement_and_choice_measures_something_listed() {
    let instrument = Instrument::builtin();
    let coverage = coverage();
    let used: HashSet<&str> = coverage
        .problems
        .iter()
        .chain(&coverage.remedies)
        .flat_map(|p| p.statements.iter().map(String::as_str))
        .collect();
    let ids = instrument
        .statements()
        .map(|s| s.id.as_str())
        .chain(instrument.definitions.iter().map(|q| q.id.as_str()));
    for id in ids {
        assert!(used.contains(id), "{id} measures nothing listed");
    }
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn no_code_names_a_questionnaire_id() {
    let mut ids: HashSet<String> = HashSet::new();
    for instrument in Catalogue::builtin().all() {
        ids.extend(instrument.statements().map(|s| s.id.clone()));
        ids.extend(instrument.dimensions.iter().map(|d| d.id.clone()));
        ids.extend(instrument.definitions.iter().map(|q| q.id.clone()));
        ids.extend(instrument.mirror_pairs.iter().map(|p| p.id.clone()));
    }
    // "leadership" is also a role, which code may name.
    for role in samepage::core::response::Role::ALL {
        ids.remove(role.id());
    }
    let mut files = Vec::new();
    rust_files(std::path::Path::new("src"), &mut files);
    for file in files {
        // Code only: comments may give examples.
        let text: String = std::fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for id in &ids {
            assert!(
                !text.contains(&format!("\"{id}\"")),
                "{} names the questionnaire id {id}",
                file.display()
            );
        }
    }
}
