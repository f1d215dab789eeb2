//! Scoring against hand-computed values, and its invariants as property tests.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::instrument::Instrument;
use samepage::core::response::{Answer, Response, Role};
use samepage::core::scoring::{one_sided_pairs, Score, Scorecard, Stage};

fn ids(instrument: &Instrument, dimension: &str) -> Vec<String> {
    instrument
        .dimension(dimension)
        .unwrap()
        .statements
        .iter()
        .map(|s| s.id.clone())
        .collect()
}

fn level(n: u8) -> Answer {
    Answer::Agreement(n)
}

#[test]
fn answers_map_to_0_to_100_in_quarters() {
    let points: Vec<Option<f64>> = Answer::CHOICES.iter().map(|a| a.points()).collect();
    assert_eq!(
        points,
        [
            Some(0.0),
            Some(25.0),
            Some(50.0),
            Some(75.0),
            Some(100.0),
            None
        ]
    );
}

#[test]
fn stage_cut_offs_are_40_60_80_on_the_score_as_shown() {
    assert_eq!(Stage::of(0.0), Stage::Siloed);
    assert_eq!(Stage::of(39.4), Stage::Siloed);
    assert_eq!(Stage::of(40.0), Stage::Connected);
    assert_eq!(Stage::of(59.4), Stage::Connected);
    assert_eq!(Stage::of(60.0), Stage::Aligned);
    assert_eq!(Stage::of(79.4), Stage::Aligned);
    // A score shown as "60" is Aligned like every other 60, never "60 · Connected".
    assert_eq!(Stage::of(59.9), Stage::Aligned);
    assert_eq!(Stage::of(59.5), Stage::Aligned);
    assert_eq!(Stage::of(39.5), Stage::Connected);
    assert_eq!(Stage::of(79.9), Stage::Integrated);
    assert_eq!(Stage::of(80.0), Stage::Integrated);
    assert_eq!(Stage::of(100.0), Stage::Integrated);
}

#[test]
fn hand_computed_dimension_scores() {
    let instrument = Instrument::builtin();
    let mut response = Response::default();
    let strategy = ids(&instrument, "strategy");
    let goals = ids(&instrument, "goals");
    let language = ids(&instrument, "language");
    // strategy: 5, 4, can't judge → (100 + 75) / 2 = 87.5, the can't-judge counted apart.
    response.answers.insert(strategy[0].clone(), level(5));
    response.answers.insert(strategy[1].clone(), level(4));
    response
        .answers
        .insert(strategy[2].clone(), Answer::CantJudge);
    // goals: 1, 2, 3 → (0 + 25 + 50) / 3 = 25.
    response.answers.insert(goals[0].clone(), level(1));
    response.answers.insert(goals[1].clone(), level(2));
    response.answers.insert(goals[2].clone(), level(3));
    // language: a single scored answer is not enough.
    response.answers.insert(language[0].clone(), level(3));

    let card = Scorecard::personal(&instrument, &response);
    let strategy_result = &card.dimensions[0];
    assert_eq!(strategy_result.score, Score::Scored(87.5));
    assert_eq!(strategy_result.stage(), Some(Stage::Integrated));
    assert_eq!(
        (
            strategy_result.scored,
            strategy_result.cant_judge,
            strategy_result.unanswered
        ),
        (2, 1, 0)
    );
    assert_eq!(card.dimensions[1].score, Score::Scored(25.0));
    assert_eq!(card.dimensions[1].stage(), Some(Stage::Siloed));
    assert_eq!(card.dimensions[2].score, Score::NotEnoughAnswers);
    assert_eq!(card.dimensions[2].unanswered, language.len() - 1);
    // Two scored dimensions of twelve: no overall index.
    assert_eq!(card.overall, Score::NotEnoughAnswers);
    assert_eq!(card.stage(), None);
}

#[test]
fn hand_computed_overall_index_and_weakest() {
    let instrument = Instrument::builtin();
    let mut response = Response::default();
    for statement in instrument.statements() {
        response.answers.insert(statement.id.clone(), level(4));
    }
    let strategy = ids(&instrument, "strategy");
    response.answers.insert(strategy[0].clone(), level(5));
    response
        .answers
        .insert(strategy[2].clone(), Answer::CantJudge);
    for id in ids(&instrument, "goals") {
        response.answers.insert(id, level(2));
    }
    // strategy (100 + 75) / 2 = 87.5, goals 25, ten dimensions at 75:
    // (87.5 + 25 + 10 × 75) / 12 = 862.5 / 12 = 71.875.
    let card = Scorecard::personal(&instrument, &response);
    assert_eq!(card.overall, Score::Scored(71.875));
    assert_eq!(card.stage(), Some(Stage::Aligned));
    let weakest: Vec<&str> = card
        .weakest(3)
        .iter()
        .map(|d| d.dimension_id.as_str())
        .collect();
    assert_eq!(weakest, ["goals", "language", "handoff"]);
}

#[test]
fn overall_index_needs_half_the_dimensions() {
    let instrument = Instrument::builtin();
    let mut response = Response::default();
    for dimension in instrument.dimensions.iter().take(6) {
        for statement in &dimension.statements {
            response.answers.insert(statement.id.clone(), level(3));
        }
    }
    assert_eq!(
        Scorecard::personal(&instrument, &response).overall,
        Score::Scored(50.0)
    );
    let first_of_sixth = instrument.dimensions[5]
        .statements
        .iter()
        .map(|s| s.id.clone());
    for id in first_of_sixth.skip(1) {
        response.answers.remove(&id);
    }
    assert_eq!(
        Scorecard::personal(&instrument, &response).overall,
        Score::NotEnoughAnswers
    );
}

#[test]
fn answers_to_unknown_statements_are_ignored() {
    let instrument = Instrument::builtin();
    let mut response = Response::default();
    response
        .answers
        .insert("retired.statement".into(), level(1));
    let card = Scorecard::personal(&instrument, &response);
    assert!(card
        .dimensions
        .iter()
        .all(|d| d.score == Score::NotEnoughAnswers));
}

#[test]
fn one_sided_mirror_pairs_are_named_for_the_respondents_side_only() {
    let instrument = Instrument::builtin();
    let pair = instrument.mirror_pair("lead_quality").unwrap();
    let (marketing_half, sales_half) = (&pair.first.statement, &pair.second.statement);
    let mut response = Response {
        role: Some(Role::Marketing),
        ..Response::default()
    };
    response.answers.insert(marketing_half.clone(), level(5));
    response.answers.insert(sales_half.clone(), level(1));
    let found: Vec<&str> = one_sided_pairs(&instrument, &response)
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(found, ["lead_quality"]);

    // The same ratings from sales rate their own side badly: self-critical, not a blame loop.
    response.role = Some(Role::Sales);
    assert!(one_sided_pairs(&instrument, &response).is_empty());
    // Other roles speak for no side.
    response.role = Some(Role::Other);
    assert!(one_sided_pairs(&instrument, &response).is_empty());
    // A neutral rating of the other side is not blame.
    response.role = Some(Role::Marketing);
    response.answers.insert(sales_half.clone(), level(3));
    assert!(one_sided_pairs(&instrument, &response).is_empty());
}

fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        Just(Some(Answer::CantJudge)),
        (1u8..=5).prop_map(|n| Some(Answer::Agreement(n))),
    ]
}

/// A random response to the built-in instrument: each statement unanswered, rated or can't-judge.
fn any_response() -> impl Strategy<Value = Response> {
    let count = Instrument::builtin().statement_count();
    proptest::collection::vec(any_answer(), count).prop_map(|answers| {
        let instrument = Instrument::builtin();
        let mut response = Response::default();
        for (statement, answer) in instrument.statements().zip(answers) {
            if let Some(answer) = answer {
                response.answers.insert(statement.id.clone(), answer);
            }
        }
        response
    })
}

proptest! {
    #[test]
    fn scores_stay_within_0_and_100(response in any_response()) {
        let card = Scorecard::personal(&Instrument::builtin(), &response);
        for score in card.dimensions.iter().map(|d| d.score).chain([card.overall]) {
            if let Some(value) = score.value() {
                prop_assert!((0.0..=100.0).contains(&value), "{value}");
            }
        }
    }

    #[test]
    fn answer_order_does_not_matter(response in any_response(), seed in any::<u64>()) {
        let instrument = Instrument::builtin();
        let mut entries: Vec<(String, Answer)> = response.answers.clone().into_iter().collect();
        // A seeded shuffle: the same answers given in another order.
        let mut state = seed | 1;
        for i in (1..entries.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            entries.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut reordered = Response::default();
        for (id, answer) in entries {
            reordered.answers.insert(id, answer);
        }
        prop_assert_eq!(
            Scorecard::personal(&instrument, &response),
            Scorecard::personal(&instrument, &reordered)
        );
    }

    #[test]
    fn cant_judge_never_moves_a_score(response in any_response()) {
        let instrument = Instrument::builtin();
        let before = Scorecard::personal(&instrument, &response);
        let mut more = response.clone();
        for statement in instrument.statements() {
            more.answers.insert_missing(&statement.id, || Answer::CantJudge);
        }
        let after = Scorecard::personal(&instrument, &more);
        prop_assert_eq!(before.overall, after.overall);
        for (b, a) in before.dimensions.iter().zip(&after.dimensions) {
            prop_assert_eq!(b.score, a.score);
            prop_assert_eq!(b.scored, a.scored);
        }
    }
}
