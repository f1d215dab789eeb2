//! The built-in instrument's structure, and the table that ties it to the five articles.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use samepage::core::instrument::{Instrument, InstrumentProblem, Side};
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
fn builtin_instrument_is_valid() {
    let instrument = Instrument::builtin();
    assert_eq!(instrument.validate(), Vec::<InstrumentProblem>::new());
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
fn builtin_has_30_to_45_statements_with_unique_ids() {
    let instrument = Instrument::builtin();
    let count = instrument.statement_count();
    assert!((30..=45).contains(&count), "{count} statements");
    let ids: HashSet<&str> = instrument.statements().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), count);
}

#[test]
fn every_dimension_has_statements_plays_and_questions() {
    for dimension in Instrument::builtin().dimensions {
        assert!(dimension.statements.len() >= 3, "{}", dimension.id);
        assert!(dimension.plays.len() >= 2, "{}", dimension.id);
        assert!(dimension.questions.len() >= 2, "{}", dimension.id);
        assert!(!dimension.explanation.get("en").trim().is_empty());
    }
}

#[test]
fn builtin_has_four_or_more_mirror_pairs_on_real_statements() {
    let instrument = Instrument::builtin();
    assert!(instrument.mirror_pairs.len() >= 4);
    for pair in &instrument.mirror_pairs {
        assert!(
            instrument.statement(&pair.first.statement).is_some(),
            "{}",
            pair.id
        );
        assert!(
            instrument.statement(&pair.second.statement).is_some(),
            "{}",
            pair.id
        );
        assert_ne!(pair.first.side, pair.second.side);
    }
    // The classic pair: marketing's leads against sales' follow-up.
    assert!(instrument.mirror_pairs.iter().any(|p| {
        [p.first.side, p.second.side].contains(&Side::Marketing)
            && [p.first.side, p.second.side].contains(&Side::Sales)
    }));
}

#[test]
fn definitions_check_asks_sales_ready_and_follow_up_with_an_honest_unknown() {
    let instrument = Instrument::builtin();
    let ids: Vec<&str> = instrument
        .definitions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["sales_ready", "follow_up"]);
    for question in &instrument.definitions {
        assert!(question.options.len() >= 4);
        assert_eq!(question.options.iter().filter(|o| o.undefined).count(), 1);
    }
}

#[test]
fn validation_names_what_is_wrong() {
    let mut instrument = Instrument::builtin();
    instrument.dimensions[0].statements.truncate(2);
    instrument.dimensions[1].plays.clear();
    instrument.mirror_pairs[0].first.statement = "nowhere.gone".into();
    let dup = instrument.dimensions[2].statements[0].id.clone();
    instrument.dimensions[3].statements[0].id = dup.clone();
    let problems = instrument.validate();
    assert!(problems.contains(&InstrumentProblem::TooFewStatements {
        dimension: "strategy".into(),
        found: 2
    }));
    assert!(problems.contains(&InstrumentProblem::TooFewPlays {
        dimension: "goals".into(),
        found: 0
    }));
    assert!(problems.contains(&InstrumentProblem::DuplicateId(dup)));
    assert!(problems.iter().any(|p| matches!(p,
        InstrumentProblem::UnknownMirrorStatement { statement, .. } if statement == "nowhere.gone")));
    assert!(problems.iter().all(|p| !p.to_string().is_empty()));
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

/// `coverage.json`: every problem and remedy the five articles name, mapped to the instrument.
#[derive(Deserialize)]
struct Coverage {
    problems: Vec<Problem>,
    remedies: Vec<Remedy>,
}

#[derive(Deserialize)]
struct Problem {
    seed: String,
    problem: String,
    statements: Vec<String>,
}

#[derive(Deserialize)]
struct Remedy {
    seed: String,
    remedy: String,
    dimension: String,
    play: usize,
}

fn coverage() -> Coverage {
    serde_json::from_str(include_str!("../src/core/instrument/coverage.json")).unwrap()
}

const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

#[test]
fn every_problem_of_every_article_is_measured_by_real_statements() {
    let instrument = Instrument::builtin();
    let coverage = coverage();
    for seed in SEEDS {
        assert!(
            coverage.problems.iter().any(|p| p.seed == seed),
            "no problem listed for article {seed}"
        );
    }
    for problem in &coverage.problems {
        assert!(
            !problem.statements.is_empty(),
            "article {}: \"{}\" has no statement",
            problem.seed,
            problem.problem
        );
        for id in &problem.statements {
            assert!(instrument.statement(id).is_some(), "{id} does not exist");
        }
    }
}

#[test]
fn every_remedy_of_every_article_is_a_real_play() {
    let instrument = Instrument::builtin();
    let coverage = coverage();
    for seed in SEEDS {
        assert!(
            coverage.remedies.iter().any(|r| r.seed == seed),
            "article {seed}"
        );
    }
    for remedy in &coverage.remedies {
        let dimension = instrument
            .dimension(&remedy.dimension)
            .unwrap_or_else(|| panic!("{} names no dimension", remedy.remedy));
        assert!(remedy.play < dimension.plays.len(), "{}", remedy.remedy);
    }
}

#[test]
fn every_statement_measures_some_listed_problem() {
    let coverage = coverage();
    let used: HashSet<&str> = coverage
        .problems
        .iter()
        .flat_map(|p| p.statements.iter().map(String::as_str))
        .collect();
    for statement in Instrument::builtin().statements() {
        assert!(
            used.contains(statement.id.as_str()),
            "{} measures nothing listed",
            statement.id
        );
    }
}

#[test]
fn the_generated_builtin_is_exactly_builtin_json() {
    let parsed = Instrument::from_json(samepage::core::instrument::BUILTIN_JSON).unwrap();
    assert_eq!(Instrument::builtin(), parsed);
}
