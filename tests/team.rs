//! Team statistics against hand-computed values, and the anonymity rules.
#![cfg(not(target_arch = "wasm32"))]

use samepage::core::instrument::Instrument;
use samepage::core::response::{Answer, Response, Role};
use samepage::core::team::{
    alignment_index, filter_allowed, AlphaReading, Answers, Gap, Group, Hidden, TeamScorecard,
    BLIND_SPOT_GAP,
};

const STRATEGY: usize = 0;
const GOALS: usize = 1;

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-3
}

/// A respondent of `role` who rates the statements of dimension `dimension` with `levels`
/// (0 = "Can't judge").
fn rates(role: Role, dimension: usize, levels: &[u8]) -> Response {
    let instrument = Instrument::builtin();
    let mut response = Response {
        role: Some(role),
        ..Response::default()
    };
    for (statement, level) in instrument.dimensions[dimension]
        .statements
        .iter()
        .zip(levels)
    {
        response
            .answers
            .insert(statement.id.clone(), Answer::try_from(*level).unwrap());
    }
    response
}

fn workshop() -> Vec<Response> {
    vec![
        rates(Role::Sales, GOALS, &[5, 5, 5]),      // 100
        rates(Role::Sales, GOALS, &[4, 4, 4]),      // 75
        rates(Role::Sales, GOALS, &[5, 4, 0]),      // (100 + 75) / 2 = 87.5, one can't-judge
        rates(Role::Marketing, GOALS, &[1, 1, 1]),  // 0
        rates(Role::Marketing, GOALS, &[2, 2, 2]),  // 25
        rates(Role::Marketing, GOALS, &[1, 2, 3]),  // 25
        rates(Role::Leadership, GOALS, &[3, 3, 3]), // two leaders: below the minimum of 3
        rates(Role::Leadership, GOALS, &[3, 3, 3]),
    ]
}

fn team(responses: &[Response], minimum: usize) -> TeamScorecard {
    let instrument = Instrument::builtin();
    let answers: Vec<Answers> = responses
        .iter()
        .map(|r| Answers::of(&instrument, r))
        .collect();
    let refs: Vec<&Answers> = answers.iter().collect();
    TeamScorecard::of(&instrument, &refs, minimum)
}

#[test]
fn answers_lay_a_response_out_in_instrument_order_and_back() {
    let instrument = Instrument::builtin();
    let mut response = rates(Role::Marketing, GOALS, &[4, 0, 2]);
    let question = &instrument.definitions[1];
    response
        .definitions
        .insert(question.id.clone(), question.options[3].id.clone());
    response
        .answers
        .insert("retired.statement".into(), Answer::Agreement(5));
    let answers = Answers::of(&instrument, &response);
    let goals = instrument.dimensions[0].statements.len();
    assert_eq!(answers.cells.len(), instrument.statement_count());
    assert_eq!(
        answers.cells[goals..goals + 3],
        [
            Some(Answer::Agreement(4)),
            Some(Answer::CantJudge),
            Some(Answer::Agreement(2))
        ]
    );
    assert_eq!(answers.picks.len(), instrument.definitions.len());
    assert_eq!(answers.picks[1], Some(3));
    assert!(answers
        .picks
        .iter()
        .enumerate()
        .all(|(i, p)| i == 1 || p.is_none()));
    response.answers.remove("retired.statement");
    assert_eq!(answers.to_response(&instrument), response);
}

#[test]
fn per_role_count_mean_spread_agreement_and_cant_judge() {
    let card = team(&workshop(), 3);
    assert_eq!(card.respondents, 8);
    let groups: Vec<Group> = card.groups.iter().map(|g| g.group).collect();
    assert_eq!(
        groups,
        [Group::Role(Role::Sales), Group::Role(Role::Marketing)]
    );

    let sales = &card.groups[0].dimensions[GOALS];
    assert_eq!(sales.scored, 3);
    // Mean (100 + 75 + 87.5) / 3 = 87.5; deviations 12.5, −12.5, 0 → variance 312.5 / 2.
    assert!(close(sales.mean.unwrap(), 87.5));
    assert!(close(sales.spread.unwrap(), 12.5));
    // Statements rated [5,4,5], [5,4,4], [5,4]: mean distances 4/9 and 4/9; the third, rated
    // by two (fewer than the minimum of 3), is left out → 4/9.
    assert!(close(sales.average_deviation.unwrap(), 4.0 / 9.0));
    assert!(!sales.disagrees());
    assert!(close(sales.cant_judge_share.unwrap(), 1.0 / 9.0));

    let marketing = &card.groups[1].dimensions[GOALS];
    // Scores 0, 25, 25: mean 16.667; variance (277.78 + 69.44 + 69.44) / 2 = 208.33.
    assert!(close(marketing.mean.unwrap(), 50.0 / 3.0));
    assert!(close(marketing.spread.unwrap(), 208.333_f64.sqrt()));
    assert_eq!(marketing.cant_judge_share, Some(0.0));
    // A dimension nobody answered has no figures, and no made-up zero.
    assert_eq!(card.groups[0].dimensions[0].mean, None);
}

#[test]
fn gaps_blind_spots_and_the_alignment_index() {
    let card = team(&workshop(), 3);
    // 87.5 − 16.667 = 70.833 ≥ 33.3: a blind spot; the only dimension with a gap.
    let goals = &card.gaps[GOALS];
    assert!(close(goals.gap.unwrap(), 87.5 - 50.0 / 3.0));
    assert!(goals.blind_spot());
    assert_eq!(card.gaps[0].gap, None);
    assert_eq!(goals.high, Some(Group::Role(Role::Sales)));
    assert_eq!(goals.low, Some(Group::Role(Role::Marketing)));
    // Per statement: sales 5,4,5 → 91.7 and marketing 1,2,1 → 8.3 (gap 83.3); sales 5,4,4 →
    // 83.3 and marketing 1,2,2 → 16.7 (gap 66.7); the third statement was rated by only two
    // salespeople (one could not judge), so it has no sales figure and no gap.
    let goals_start = Instrument::builtin().dimensions[0].statements.len();
    let statement_gap = |i: usize| card.statement_gaps[goals_start + i].gap.unwrap();
    assert!(close(statement_gap(0), 250.0 / 3.0));
    assert!(close(statement_gap(1), 200.0 / 3.0));
    assert_eq!(card.statement_gaps[goals_start + 2].gap, None);
    // 100 − ((83.3³ + 66.7³) / 2)^(1/3) = 100 − 437,500^(1/3) = 24.07.
    assert!(close(card.alignment.unwrap(), 100.0 - 437_500f64.cbrt()));
    assert!(close(
        alignment_index(&[250.0 / 3.0, 200.0 / 3.0]),
        100.0 - 437_500f64.cbrt()
    ));
    // The cut-off is a third of the scale: 33.3 points is not yet a blind spot, 33.4 is.
    let gap = |g: f64| Gap {
        gap: Some(g),
        high: None,
        low: None,
    };
    assert!(!gap(33.3).blind_spot());
    assert!(gap(33.4).blind_spot());
    assert!(gap(BLIND_SPOT_GAP).blind_spot());
}

#[test]
fn a_role_that_disagrees_with_itself_is_flagged() {
    let responses = vec![
        rates(Role::Sales, GOALS, &[1, 1, 1]),
        rates(Role::Sales, GOALS, &[5, 5, 5]),
        rates(Role::Sales, GOALS, &[1, 1, 1]),
    ];
    let card = team(&responses, 3);
    // Each statement rated 1, 5, 1: mean 7/3, distances 4/3, 8/3, 4/3 → 16/9 ≈ 1.78 > 0.8.
    let sales = &card.groups[0].dimensions[GOALS];
    assert!(close(sales.average_deviation.unwrap(), 16.0 / 9.0));
    assert!(sales.disagrees());
}

#[test]
fn small_roles_are_hidden_with_their_reason() {
    let card = team(&workshop(), 3);
    assert_eq!(
        card.hidden,
        [Hidden::TooFew {
            role: Role::Leadership,
            respondents: 2
        }]
    );
    // Leadership's answers are in no figure: the goals gap is between sales and marketing only.
    assert!(card
        .groups
        .iter()
        .all(|g| g.group != Group::Role(Role::Leadership)));
}

#[test]
fn small_roles_fold_into_others_when_together_they_reach_the_minimum() {
    let mut responses = workshop();
    responses.push(rates(Role::Other, GOALS, &[4, 4, 4]));
    responses.push(rates(Role::Other, GOALS, &[2, 2, 2]));
    let card = team(&responses, 3);
    assert_eq!(
        card.hidden,
        [
            Hidden::Folded {
                role: Role::Leadership,
                respondents: 2
            },
            Hidden::Folded {
                role: Role::Other,
                respondents: 2
            }
        ]
    );
    let others = card
        .groups
        .iter()
        .find(|g| g.group == Group::Others)
        .unwrap();
    assert_eq!(others.respondents, 4);
    // 50, 50, 75, 25 → 50.
    assert!(close(others.dimensions[GOALS].mean.unwrap(), 50.0));
}

#[test]
fn the_minimum_is_never_below_three_and_can_be_raised() {
    let card = team(&workshop(), 1);
    assert!(card
        .groups
        .iter()
        .all(|g| g.group != Group::Role(Role::Leadership)));
    // With a host's minimum of five every role is too small alone: all eight fold together.
    let card = team(&workshop(), 5);
    let groups: Vec<(Group, usize)> = card
        .groups
        .iter()
        .map(|g| (g.group, g.respondents))
        .collect();
    assert_eq!(groups, [(Group::Others, 8)]);
    assert_eq!(card.alignment, None, "one group: no gap to measure");
}

#[test]
fn blame_loops_need_both_sides_blaming_each_other() {
    let instrument = Instrument::builtin();
    let pair = instrument.mirror_pair("lead_quality").unwrap();
    let rated = |role: Role, marketing_part: u8, sales_part: u8| {
        let mut r = Response {
            role: Some(role),
            ..Response::default()
        };
        r.answers.insert(
            pair.first.statement.clone(),
            Answer::Agreement(marketing_part),
        );
        r.answers
            .insert(pair.second.statement.clone(), Answer::Agreement(sales_part));
        r
    };
    let mut responses: Vec<Response> = (0..3).map(|_| rated(Role::Marketing, 5, 1)).collect();
    responses.extend((0..3).map(|_| rated(Role::Sales, 2, 4)));
    let card = team(&responses, 3);
    assert_eq!(card.blame_loops.len(), 1);
    let found = &card.blame_loops[0];
    assert_eq!(found.pair_id, "lead_quality");
    assert_eq!((found.first_on_self, found.first_on_other), (5.0, 1.0));
    assert_eq!((found.second_on_self, found.second_on_other), (4.0, 2.0));

    // Sales rating marketing's leads at 3 (neutral) is no longer blame.
    responses.truncate(3);
    responses.extend((0..3).map(|_| rated(Role::Sales, 3, 4)));
    assert!(team(&responses, 3).blame_loops.is_empty());
}

#[test]
fn different_definitions_between_roles_are_a_mismatch() {
    let instrument = Instrument::builtin();
    let question = &instrument.definitions[0];
    let (a, b) = (&question.options[0].id, &question.options[2].id);
    let mut responses = workshop();
    for (i, response) in responses.iter_mut().enumerate() {
        let pick = match i {
            0..=2 => a, // sales: all a
            3 | 4 => b, // marketing: b, b, a
            _ => a,
        };
        response
            .definitions
            .insert(question.id.clone(), pick.clone());
    }
    let card = team(&responses, 3);
    let picks = &card.definitions[0];
    // Leadership (2) is hidden; sales picked a, a, a and marketing b, b, a.
    assert_eq!(picks.groups.len(), 2);
    assert_eq!(picks.groups[0].group, Group::Role(Role::Sales));
    assert_eq!(picks.groups[0].most_common(), Some((0, 1.0)));
    let (option, share) = picks.groups[1].most_common().unwrap();
    assert_eq!(question.options[option].id, *b);
    assert!(close(share, 2.0 / 3.0));
    // Total variation: ½ (|1 − ⅓| + |0 − ⅔|) = ⅔ ≥ 0.5.
    let (distance, first, second) = picks.distance.unwrap();
    assert!(close(distance, 2.0 / 3.0));
    assert_eq!(
        (first, second),
        (Group::Role(Role::Sales), Group::Role(Role::Marketing))
    );
    assert!(picks.mismatch());
    assert!(
        !card.definitions[1].mismatch(),
        "nobody answered the second question"
    );
}

#[test]
fn cronbachs_alpha_once_every_pair_has_ten_raters() {
    let rows: [[u8; 3]; 10] = [
        [1, 1, 2],
        [2, 2, 2],
        [3, 3, 4],
        [4, 4, 4],
        [5, 5, 4],
        [1, 2, 1],
        [2, 2, 3],
        [3, 4, 3],
        [4, 4, 5],
        [5, 4, 5],
    ];
    // Strategy has three statements and is not a checklist.
    let mut responses: Vec<Response> = rows
        .iter()
        .map(|r| rates(Role::Sales, STRATEGY, r))
        .collect();
    // Item variances 20/9, 14.9/9, 16.1/9 (sum 51/9); totals' variance 138.4/9 (= the item
    // variances plus twice the covariances, every pair from the same ten people):
    // alpha = 3/2 × (1 − 51/138.4) = 0.9473.
    let card = team(&responses, 3);
    let strategy = &card.reliability[STRATEGY];
    assert_eq!(strategy.pairwise, 10);
    assert!(close(strategy.alpha.unwrap(), 1.5 * (1.0 - 51.0 / 138.4)));
    assert_eq!(
        AlphaReading::of(strategy.alpha.unwrap()),
        AlphaReading::Consistent
    );

    // A "Can't judge" leaves two pairs with nine raters: not enough.
    responses[0] = rates(Role::Sales, STRATEGY, &[1, 0, 2]);
    let card = team(&responses, 3);
    assert_eq!(card.reliability[STRATEGY].pairwise, 9);
    assert_eq!(card.reliability[STRATEGY].alpha, None);
    // A checklist area never gets an alpha, however many answer it.
    let instrument = Instrument::builtin();
    let checklist = instrument
        .dimensions
        .iter()
        .position(|d| d.checklist)
        .unwrap();
    assert!(card.reliability[checklist].checklist);
    assert_eq!(AlphaReading::of(0.6), AlphaReading::Questionable);
    assert_eq!(AlphaReading::of(0.2), AlphaReading::Inconsistent);
}

#[test]
fn filters_that_would_single_someone_out_are_refused() {
    assert!(filter_allowed(12, 5, 3));
    assert!(filter_allowed(12, 12, 3), "everyone: nothing to subtract");
    assert!(!filter_allowed(12, 2, 3), "the filtered group is too small");
    assert!(
        !filter_allowed(12, 10, 3),
        "the two left outside could be subtracted"
    );
    assert!(
        !filter_allowed(12, 2, 1),
        "a host cannot lower the floor of three"
    );
    assert!(
        !filter_allowed(20, 16, 5),
        "a raised minimum applies to what is left outside"
    );
}

#[test]
fn the_diagnosis_ranks_blame_opposite_views_blind_spots_and_choices() {
    use samepage::core::team::FindingKind;
    let instrument = Instrument::builtin();
    let pair = instrument.mirror_pair("lead_quality").unwrap();
    let handoff = instrument
        .dimensions
        .iter()
        .position(|d| d.id == "handoff")
        .unwrap();
    let language = instrument
        .dimensions
        .iter()
        .position(|d| d.id == "language")
        .unwrap();
    let question = &instrument.definitions[1];
    let mut responses = workshop(); // goals: sales 87.5, marketing 16.7 → gap 70.8
    for (i, r) in responses.iter_mut().enumerate() {
        let (marketing_part, sales_part) = if r.role == Some(Role::Marketing) {
            (5, 1)
        } else {
            (2, 4)
        };
        r.answers.insert(
            pair.first.statement.clone(),
            Answer::Agreement(marketing_part),
        );
        r.answers
            .insert(pair.second.statement.clone(), Answer::Agreement(sales_part));
        let option = if r.role == Some(Role::Sales) { 0 } else { 1 };
        if i < 6 {
            r.definitions
                .insert(question.id.clone(), question.options[option].id.clone());
        }
    }
    let card = team(&responses, 3);
    let diagnosis = card.diagnosis(&instrument);
    let kinds: Vec<(&FindingKind, usize)> =
        diagnosis.iter().map(|f| (&f.kind, f.dimension)).collect();
    // 1. The blame loop (90).
    assert!(
        matches!(kinds[0], (FindingKind::BlameLoop { pair_id }, d) if pair_id == "lead_quality" && d == handoff)
    );
    // The same two statements, read as opposite views (marketing rates its leads 100 and
    // sales 25; sales rates its follow-up 75 and marketing 0; handoff's means are both 50),
    // are not reported again: the blame loop names them.
    assert!(diagnosis.iter().all(|f| !matches!(
        f.kind,
        FindingKind::OppositeViews { .. } | FindingKind::StatementGap { .. }
    )));
    // 2. Goals, a blind spot of 70.8 between sales (high) and marketing (low).
    assert!(
        matches!(kinds[1], (FindingKind::BlindSpot { gap, high, low }, 1) if close(*gap, 87.5 - 50.0 / 3.0) && *high == Group::Role(Role::Sales) && *low == Group::Role(Role::Marketing))
    );
    // 3. Sales all picked one option, marketing all another: distance 1, severity 60.
    assert!(
        matches!(kinds[2], (FindingKind::ChoiceMismatch { question_id, distance, .. }, d) if *question_id == question.id && d == language && close(*distance, 1.0))
    );
    assert_eq!(diagnosis.len(), 3);
    // Marketing's goals mean 16.7 is low, but the sales half keeps the team mean at 52: no low score.
    assert!(diagnosis
        .iter()
        .all(|f| !matches!(f.kind, FindingKind::LowScore { .. })));
    for pair in diagnosis.windows(2) {
        assert!(pair[0].severity >= pair[1].severity);
    }
}

#[test]
fn a_dimension_all_roles_rate_low_is_a_finding() {
    use samepage::core::team::FindingKind;
    let responses: Vec<Response> = [Role::Sales, Role::Marketing]
        .iter()
        .flat_map(|role| (0..3).map(move |_| rates(*role, GOALS, &[2, 2, 1])))
        .collect();
    // Everyone: (25 + 25 + 0) / 3 = 16.7 → severity 83.3; no gap, no disagreement.
    let diagnosis = team(&responses, 3).diagnosis(&Instrument::builtin());
    assert_eq!(diagnosis.len(), 1);
    assert!(
        matches!(diagnosis[0].kind, FindingKind::LowScore { mean, every_group: true } if close(mean, 50.0 / 3.0))
    );
    assert!(close(diagnosis[0].severity, 100.0 - 50.0 / 3.0));
}

#[test]
fn beliefs_about_one_statement_per_shown_group() {
    use samepage::core::team::statement_beliefs;
    let instrument = Instrument::builtin();
    let index = instrument
        .statements()
        .position(|s| s.id == "handoff.sales_works_leads")
        .unwrap();
    let rated = |role, level: u8| {
        let mut response = Response {
            role: Some(role),
            ..Response::default()
        };
        response.answers.insert(
            "handoff.sales_works_leads".into(),
            Answer::try_from(level).unwrap(),
        );
        Answers::of(&instrument, &response)
    };
    let answers = [
        rated(Role::Sales, 5),
        rated(Role::Sales, 4),
        rated(Role::Sales, 4),
        rated(Role::Marketing, 2),
        rated(Role::Marketing, 1),
        rated(Role::Marketing, 0), // can't judge: counted out
        rated(Role::Leadership, 1),
        rated(Role::Leadership, 1), // two leaders: hidden
    ];
    let refs: Vec<&Answers> = answers.iter().collect();
    let beliefs = statement_beliefs(&refs, 3, index);
    assert_eq!(beliefs.len(), 2);
    assert_eq!(beliefs[0].0, Group::Role(Role::Sales));
    assert!(close(beliefs[0].1.unwrap(), 13.0 / 3.0));
    assert_eq!(beliefs[0].2, 3);
    // Marketing has three people, but only two rated it: below the minimum, no figure.
    assert_eq!(beliefs[1].0, Group::Role(Role::Marketing));
    assert_eq!(beliefs[1].1, None);
    assert_eq!(beliefs[1].2, 2);
}

#[test]
fn a_filter_is_refused_when_a_group_shown_in_both_views_leaves_few_outside() {
    use samepage::core::team::team_filter_allowed;
    let instrument = Instrument::builtin();
    let person = |role| Answers::of(&instrument, &rates(role, GOALS, &[3, 3, 3]));
    // Team A: 3 of the 4 sales people and 1 marketer; outside: 1 salesperson and 3 marketers.
    let everyone = [
        person(Role::Sales),
        person(Role::Sales),
        person(Role::Sales),
        person(Role::Marketing),
        person(Role::Sales),
        person(Role::Marketing),
        person(Role::Marketing),
        person(Role::Marketing),
    ];
    let all: Vec<&Answers> = everyone.iter().collect();
    let team_a: Vec<&Answers> = everyone[..4].iter().collect();
    // 4 inside and 4 outside pass the totals, but "Sales (4)" minus "Sales in A (3)" is the
    // one salesperson outside A.
    assert!(filter_allowed(8, 4, 3));
    assert!(!team_filter_allowed(&all, &team_a, 3));

    // Team B: all four sales people; outside only marketers, whose group B does not show.
    let everyone = [
        person(Role::Sales),
        person(Role::Sales),
        person(Role::Sales),
        person(Role::Sales),
        person(Role::Marketing),
        person(Role::Marketing),
        person(Role::Marketing),
    ];
    let all: Vec<&Answers> = everyone.iter().collect();
    let team_b: Vec<&Answers> = everyone[..4].iter().collect();
    assert!(team_filter_allowed(&all, &team_b, 3));
    // Too few inside is refused as before.
    assert!(!team_filter_allowed(&all, &all[..2], 3));
}
