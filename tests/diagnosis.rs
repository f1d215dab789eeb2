//! The diagnosis a consultant reads: statement-level gaps and opposite views, the alignment
//! index beside the level, choice questions compared on whole distributions, the anonymity
//! minimum on the people who actually scored, and plays routed to what triggered a finding.
//! Every expectation is computed by hand in the comments.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use samepage::core::instrument::Instrument;
use samepage::core::response::{Answer, Response, Role};
use samepage::core::team::{
    alignment_index, statement_beliefs, total_variation, Answers, FindingKind, Group, TeamScorecard,
};
use samepage::i18n::Locale;
use samepage::report::team::{finding_slide, TeamInput};

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-6
}

/// Someone of `role` who rates every statement 3, except those `rate` gives a level for
/// (0 = "Can't judge").
fn person(instrument: &Instrument, role: Role, rate: &dyn Fn(&str) -> Option<u8>) -> Answers {
    let mut response = Response {
        role: Some(role),
        ..Response::default()
    };
    for statement in instrument.statements() {
        let level = rate(&statement.id).unwrap_or(3);
        response
            .answers
            .insert(statement.id.clone(), Answer::try_from(level).unwrap());
    }
    Answers::of(instrument, &response)
}

fn card(instrument: &Instrument, people: &[Answers]) -> TeamScorecard {
    let refs: Vec<&Answers> = people.iter().collect();
    TeamScorecard::of(instrument, &refs, 3)
}

/// The issue's workshop: 3 sales, 3 marketing, 3 leaders. On the first four "Lead handoff &
/// feedback" statements sales rate 5, 5, 1, 1 and marketing 1, 1, 5, 5; everything else
/// (the fifth handoff statement, every other statement, and all of leadership) is a 3.
fn opposite_views(instrument: &Instrument) -> Vec<Answers> {
    let handoff = instrument.dimension("handoff").unwrap();
    let first_four: Vec<String> = handoff.statements[..4]
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let levels = |pattern: [u8; 4]| {
        let ids = first_four.clone();
        move |id: &str| ids.iter().position(|s| s == id).map(|i| pattern[i])
    };
    let sales = levels([5, 5, 1, 1]);
    let marketing = levels([1, 1, 5, 5]);
    let mut people = Vec::new();
    for _ in 0..3 {
        people.push(person(instrument, Role::Sales, &sales));
        people.push(person(instrument, Role::Marketing, &marketing));
        people.push(person(instrument, Role::Leadership, &|_| None));
    }
    people
}

#[test]
fn opposite_views_inside_an_area_are_the_first_finding_though_its_means_match() {
    let instrument = Instrument::builtin();
    let card = card(&instrument, &opposite_views(&instrument));
    let handoff = instrument
        .dimensions
        .iter()
        .position(|d| d.id == "handoff")
        .unwrap();
    // Area means: sales (100 + 100 + 0 + 0 + 50) / 5 = 50, marketing the same, leaders 50.
    for group in &card.groups {
        assert!(close(group.dimensions[handoff].mean.unwrap(), 50.0));
    }
    assert!(close(card.gaps[handoff].gap.unwrap(), 0.0));

    let diagnosis = card.diagnosis(&instrument);
    let first = &diagnosis[0];
    assert_eq!(first.dimension, handoff);
    let FindingKind::OppositeViews {
        first: high_first,
        second,
        first_higher,
        second_higher,
    } = &first.kind
    else {
        panic!("first finding: {first:?}");
    };
    // Sales rate the first two statements 100 against marketing's 0, marketing the next two.
    assert_eq!(*high_first, Group::Role(Role::Sales));
    assert_eq!(*second, Group::Role(Role::Marketing));
    let start = instrument.statement_index(&instrument.dimensions[handoff].statements[0].id);
    let start = start.unwrap();
    assert_eq!(first_higher, &vec![(start, 100.0), (start + 1, 100.0)]);
    assert_eq!(second_higher, &vec![(start + 2, 100.0), (start + 3, 100.0)]);
    // Severity: the mean of the four gaps (100) plus 10.
    assert!(close(first.severity, 110.0));
    // The four statements are named in this finding, not again one by one.
    assert!(diagnosis
        .iter()
        .all(|f| !matches!(f.kind, FindingKind::StatementGap { .. })));
}

#[test]
fn the_opposite_views_workshop_scores_below_aligned_beside_its_level() {
    let instrument = Instrument::builtin();
    let card = card(&instrument, &opposite_views(&instrument));
    // 40 statements: four gaps of 100, 36 of 0.
    // 100 − (4 × 100³ / 40)^(1/3) = 100 − 100,000^(1/3) = 100 − 46.42 = 53.58: Connected.
    let alignment = card.alignment.unwrap();
    assert!(close(alignment, 100.0 - 100_000f64.cbrt()));
    assert!(alignment < 60.0, "below the Aligned stage");
    // The level is every area's mean of the group means: all 50.
    assert!(close(card.level.unwrap(), 50.0));
}

#[test]
fn a_team_that_rates_everything_1_is_aligned_but_its_level_is_0() {
    let instrument = Instrument::builtin();
    let people: Vec<Answers> = [Role::Sales, Role::Marketing]
        .into_iter()
        .flat_map(|role| (0..3).map(move |_| role))
        .map(|role| person(&instrument, role, &|_| Some(1)))
        .collect();
    let card = card(&instrument, &people);
    assert!(close(card.alignment.unwrap(), 100.0));
    assert!(close(card.level.unwrap(), 0.0));
}

proptest! {
    #[test]
    fn the_index_falls_whenever_any_statement_gap_grows(
        gaps in proptest::collection::vec(0.0f64..100.0, 1..50),
        which in any::<proptest::sample::Index>(),
        more in 0.01f64..50.0,
    ) {
        let i = which.index(gaps.len());
        let mut wider = gaps.clone();
        wider[i] = (wider[i] + more).min(100.0);
        prop_assume!(wider[i] > gaps[i]);
        prop_assert!(alignment_index(&wider) < alignment_index(&gaps));
    }

    #[test]
    fn the_index_of_a_scorecard_falls_when_one_group_moves_away(level in 1u8..=4) {
        // Sales rate one statement `level`, marketing 5; everything else alike. Sales moving
        // one point further from marketing widens that gap and lowers the index.
        let instrument = Instrument::builtin();
        let target = instrument.statements().nth(7).unwrap().id.clone();
        let team = |sales: u8| {
            let mut people = Vec::new();
            for _ in 0..3 {
                let t = target.clone();
                people.push(person(&instrument, Role::Sales, &move |id| (id == t).then_some(sales)));
                let t = target.clone();
                people.push(person(&instrument, Role::Marketing, &move |id| (id == t).then_some(5)));
            }
            card(&instrument, &people).alignment.unwrap()
        };
        if level > 1 {
            prop_assert!(team(level - 1) < team(level));
        }
    }
}

/// Someone of `role` who picks option `pick` on the choice question at `question`.
fn picker(instrument: &Instrument, role: Role, question: usize, pick: usize) -> Answers {
    let q = &instrument.definitions[question];
    let mut response = Response {
        role: Some(role),
        ..Response::default()
    };
    response
        .definitions
        .insert(q.id.clone(), q.options[pick].id.clone());
    Answers::of(instrument, &response)
}

#[test]
fn choices_are_compared_on_whole_distributions_not_on_the_most_common_pick() {
    let instrument = Instrument::builtin();
    let q = 0;
    let options = &instrument.definitions[q].options;
    let plain: Vec<usize> = (0..options.len())
        .filter(|i| !options[*i].none && !options[*i].unknown)
        .collect();
    let (a, b, c, d, e) = (plain[0], plain[1], plain[2], plain[3], plain[4]);
    let unknown = options.iter().position(|o| o.unknown).unwrap();
    // Sales: a ×4, b ×3, c ×3. Marketing: a ×4, d ×3, e ×3, plus two "I don't know".
    // Both most often pick a (40 %), yet total variation = ½ (0 + .3 + .3 + .3 + .3) = 0.6.
    let mut people = Vec::new();
    for (pick, n) in [(a, 4), (b, 3), (c, 3)] {
        people.extend((0..n).map(|_| picker(&instrument, Role::Sales, q, pick)));
    }
    for (pick, n) in [(a, 4), (d, 3), (e, 3), (unknown, 2)] {
        people.extend((0..n).map(|_| picker(&instrument, Role::Marketing, q, pick)));
    }
    let card = card(&instrument, &people);
    let comparison = &card.definitions[q];
    assert_eq!(comparison.groups[0].most_common(), Some((a, 0.4)));
    assert_eq!(comparison.groups[1].most_common(), Some((a, 0.4)));
    assert_eq!(comparison.groups[1].unknown, 2);
    assert_eq!(comparison.groups[1].known, 10);
    let (distance, ..) = comparison.distance.unwrap();
    assert!(close(distance, 0.6));
    assert!(comparison.mismatch());
    let finding = card
        .diagnosis(&instrument)
        .into_iter()
        .find(|f| matches!(f.kind, FindingKind::ChoiceMismatch { .. }))
        .unwrap();
    // Severity 60 × 0.6 = 36.
    assert!(close(finding.severity, 36.0));
    // The distance itself, by hand.
    assert!(close(
        total_variation(&[0.5, 0.5, 0.0], &[0.0, 0.5, 0.5]),
        0.5
    ));
    assert!(close(total_variation(&[1.0, 0.0], &[0.0, 1.0]), 1.0));
}

#[test]
fn a_shared_none_is_a_finding_even_when_every_group_agrees() {
    let instrument = Instrument::builtin();
    let q = instrument
        .definitions
        .iter()
        .position(|q| q.id == "gtm_owner")
        .unwrap();
    let options = &instrument.definitions[q].options;
    let none = options.iter().position(|o| o.none).unwrap();
    let other = options.iter().position(|o| !o.none && !o.unknown).unwrap();
    // Each group: two say "nobody", one names a team. Distributions match (distance 0);
    // 4 of 6 known picks are "none": 67 % ≥ 33 %.
    let mut people = Vec::new();
    for role in [Role::Sales, Role::Marketing] {
        people.push(picker(&instrument, role, q, none));
        people.push(picker(&instrument, role, q, none));
        people.push(picker(&instrument, role, q, other));
    }
    let card = card(&instrument, &people);
    let comparison = &card.definitions[q];
    assert!(close(comparison.distance.unwrap().0, 0.0));
    assert!(!comparison.mismatch());
    assert!(close(comparison.none_share.unwrap(), 4.0 / 6.0));
    let diagnosis = card.diagnosis(&instrument);
    assert_eq!(diagnosis.len(), 1);
    assert!(
        matches!(&diagnosis[0].kind, FindingKind::NoneShared { question_id, share } if question_id == "gtm_owner" && close(*share, 4.0 / 6.0))
    );
    // It belongs to the area the question names: ownership.
    assert_eq!(
        instrument.dimensions[diagnosis[0].dimension].id,
        "ownership"
    );
}

#[test]
fn the_minimum_counts_the_people_who_scored_a_figure() {
    let instrument = Instrument::builtin();
    // Three salespeople; two answer "Can't judge" everywhere and pick "I don't know". The
    // group has 3 people, but only one scored anything: none of their figures may show.
    let q = 0;
    let unknown = instrument.definitions[q]
        .options
        .iter()
        .position(|o| o.unknown)
        .unwrap();
    let mut people = [
        person(&instrument, Role::Sales, &|_| Some(5)),
        person(&instrument, Role::Sales, &|_| Some(0)),
        person(&instrument, Role::Sales, &|_| Some(0)),
    ];
    people[0].picks[q] = Some(1);
    people[1].picks[q] = Some(unknown as u8);
    people[2].picks[q] = Some(unknown as u8);
    let refs: Vec<&Answers> = people.iter().collect();
    let card = TeamScorecard::of(&instrument, &refs, 3);
    let sales = &card.groups[0];
    assert_eq!(sales.respondents, 3);
    for dimension in &sales.dimensions {
        assert_eq!(dimension.scored, 1);
        assert_eq!((dimension.mean, dimension.spread), (None, None));
    }
    for statement in &sales.statements {
        assert_eq!((statement.rated, statement.mean), (1, None));
    }
    assert_eq!(card.definitions[q].groups[0].counts, None);
    assert_eq!(card.level, None);
    // The facts table's belief likewise.
    let index = instrument
        .statement_index(&instrument.fact_link("follow_up_hours").unwrap().statement)
        .unwrap();
    assert_eq!(
        statement_beliefs(&refs, 3, index),
        vec![(Group::Role(Role::Sales), None, 1)]
    );
}

/// The presentation slide of the first finding of `kind`.
fn slide(instrument: &Instrument, people: &[Answers], kind: fn(&FindingKind) -> bool) -> String {
    let card = card(instrument, people);
    let finding = card
        .diagnosis(instrument)
        .into_iter()
        .find(|f| kind(&f.kind))
        .expect("the finding");
    finding_slide(
        &TeamInput {
            instrument,
            card: &card,
            minimum: 3,
            strings: Locale::En.strings(),
            report: Locale::En.report_strings(),
            team_strings: Locale::En.team_strings(),
            locale: "en",
            id_prefix: "t",
        },
        &finding,
    )
}

fn play_text<'a>(instrument: &'a Instrument, id: &str) -> &'a str {
    instrument.play(id).unwrap().text.get("en")
}

#[test]
fn each_finding_gets_the_plays_written_for_what_triggered_it() {
    let instrument = Instrument::builtin();

    // A blame loop on sales materials: marketing rates its materials 5 and sales' use 1;
    // sales the other way round. Its plays are the pair's, not the lead definitions'.
    let pair = instrument.mirror_pair("sales_materials").unwrap().clone();
    let mut people = Vec::new();
    for _ in 0..3 {
        let p = pair.clone();
        people.push(person(&instrument, Role::Marketing, &move |id| {
            (id == p.first.statement)
                .then_some(5)
                .or((id == p.second.statement).then_some(1))
        }));
        let p = pair.clone();
        people.push(person(&instrument, Role::Sales, &move |id| {
            (id == p.first.statement)
                .then_some(1)
                .or((id == p.second.statement).then_some(5))
        }));
    }
    let html = slide(&instrument, &people, |k| {
        matches!(k, FindingKind::BlameLoop { .. })
    });
    for play in &pair.plays {
        assert!(html.contains(&samepage::report::escape(play_text(&instrument, play))));
    }
    let sales_ready = instrument
        .definitions
        .iter()
        .find(|q| q.id == "sales_ready")
        .unwrap();
    for play in sales_ready.plays.iter().filter(|p| !pair.plays.contains(p)) {
        assert!(
            !html.contains(&samepage::report::escape(play_text(&instrument, play))),
            "{play}"
        );
    }
    // The evidence names both statements and each side's view.
    assert!(html.contains("Marketing rate their own part 5.0 and the other side's 1.0"));

    // A gap on one statement: that statement's plays, with who acts and a first step.
    let target = instrument
        .statement("rhythm.informal_contact")
        .unwrap()
        .clone();
    let mut people = Vec::new();
    for _ in 0..3 {
        let t = target.id.clone();
        people.push(person(&instrument, Role::Sales, &move |id| {
            (id == t).then_some(5)
        }));
        let t = target.id.clone();
        people.push(person(&instrument, Role::Marketing, &move |id| {
            (id == t).then_some(1)
        }));
    }
    let html = slide(&instrument, &people, |k| {
        matches!(k, FindingKind::StatementGap { .. })
    });
    assert!(
        html.contains("Sales rate it 100, Marketing rate it 0, 100 points apart."),
        "{html}"
    );
    for play in &target.plays {
        let play = instrument.play(play).unwrap();
        assert!(html.contains(&samepage::report::escape(play.text.get("en"))));
        assert!(html.contains(&samepage::report::escape(play.who.get("en"))));
    }

    // A choice mismatch: the question's plays.
    let q = instrument
        .definitions
        .iter()
        .position(|q| q.id == "collateral")
        .unwrap();
    let mut people = Vec::new();
    for _ in 0..3 {
        people.push(picker(&instrument, Role::Sales, q, 0));
        people.push(picker(&instrument, Role::Marketing, q, 1));
    }
    let html = slide(&instrument, &people, |k| {
        matches!(k, FindingKind::ChoiceMismatch { .. })
    });
    for play in &instrument.definitions[q].plays {
        assert!(html.contains(&samepage::report::escape(play_text(&instrument, play))));
    }
    assert!(html.contains("Sales and Marketing pick differently (distance 1.00 of 1)"));
}

#[test]
fn every_group_low_is_said_only_when_every_group_is_low() {
    let instrument = Instrument::builtin();
    let strategy = instrument.dimension("strategy").unwrap().clone();
    let ids: Vec<String> = strategy.statements.iter().map(|s| s.id.clone()).collect();
    let rate = |level: u8| {
        let ids = ids.clone();
        move |id: &str| ids.contains(&id.to_owned()).then_some(level)
    };
    // Sales 1 (0 points) and marketing 3 (50 points) on strategy: team mean 25 < 40, but
    // marketing's 50 is not low.
    let mut people = Vec::new();
    for _ in 0..3 {
        people.push(person(&instrument, Role::Sales, &rate(1)));
        people.push(person(&instrument, Role::Marketing, &rate(3)));
    }
    let finding = card(&instrument, &people)
        .diagnosis(&instrument)
        .into_iter()
        .find(|f| matches!(f.kind, FindingKind::LowScore { .. }))
        .unwrap();
    assert!(
        matches!(finding.kind, FindingKind::LowScore { mean, every_group: false } if close(mean, 25.0))
    );
    let html = slide(&instrument, &people, |k| {
        matches!(k, FindingKind::LowScore { .. })
    });
    assert!(html.contains("the groups together rate it low (mean 25)"));
    assert!(!html.contains("every group rates it low"));
}

/// The opposite-views workshop as a file, for the browser tests (`e2e/fixtures/`). Rewritten
/// with `UPDATE_FIXTURES=1 cargo test --test diagnosis`; otherwise it must match exactly.
#[test]
fn the_opposite_views_workshop_file_for_the_browser_tests_is_current() {
    use samepage::core::instrument::Catalogue;
    use samepage::core::workshop::{Collected, Workshop};
    use samepage::core::workshop_file::export_json;
    let instrument = Instrument::builtin();
    let mut workshop = Workshop::new(
        0x0b0b_0001,
        "Opposite views",
        Vec::new(),
        3,
        "2026-11-30",
        &instrument.version,
    );
    for (nonce, answers) in (1..).zip(opposite_views(&instrument)) {
        workshop.collect(Collected {
            nonce,
            team: None,
            answers,
            source: Default::default(),
        });
    }
    let text = export_json(&Catalogue::builtin(), &workshop) + "\n";
    let path = "e2e/fixtures/opposite-views.json";
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::create_dir_all("e2e/fixtures").unwrap();
        std::fs::write(path, &text).unwrap();
    }
    assert_eq!(std::fs::read_to_string(path).unwrap(), text);
}

#[test]
fn an_area_is_scored_from_what_applies() {
    use samepage::core::scoring::Tally;
    // Two statements, one "Not applicable": the other alone gives the score.
    let tally = Tally::of([Some(Answer::NotApplicable), Some(Answer::Agreement(4))]);
    assert_eq!(tally.score.value(), Some(75.0));
    assert_eq!(tally.not_applicable, 1);
    // One skipped or "Can't judge" is a missing view, not a missing practice: no score.
    assert_eq!(
        Tally::of([None, Some(Answer::Agreement(4))]).score.value(),
        None
    );
    assert_eq!(
        Tally::of([Some(Answer::CantJudge), Some(Answer::Agreement(4))])
            .score
            .value(),
        None
    );
    // Nothing applies: no score either.
    assert_eq!(
        Tally::of([Some(Answer::NotApplicable), Some(Answer::NotApplicable)])
            .score
            .value(),
        None
    );
}

#[test]
fn cant_judge_shares_need_the_minimum_too() {
    let instrument = Instrument::builtin();
    // Three salespeople: one can't judge the first statement, two skip it.
    let first = instrument.statements().next().unwrap().id.clone();
    let mut people = Vec::new();
    for level in [Some(0), None, None] {
        let id = first.clone();
        let mut answers = person(&instrument, Role::Sales, &move |s| (s == id).then_some(1));
        let index = instrument.statement_index(&first).unwrap();
        answers.cells[index] = level.map(|l| Answer::try_from(l).unwrap());
        people.push(answers);
    }
    let card = card(&instrument, &people);
    let statement = &card.groups[0].statements[0];
    assert_eq!((statement.rated, statement.cant_judge), (0, 1));
    // One person answered: "100 % can't judge" would describe them.
    assert_eq!(statement.cant_judge_share(3), None);
    assert_eq!(statement.cant_judge_share(1), Some(1.0));
}

#[test]
fn opposite_views_replace_the_areas_blind_spot_with_one_finding() {
    let instrument = Instrument::builtin();
    let handoff = instrument.dimension("handoff").unwrap().clone();
    let ids: Vec<String> = handoff.statements.iter().map(|s| s.id.clone()).collect();
    // Sales 5 on four statements and 1 on the fifth; marketing 1, 1, 1, 1, 5. Area means
    // (4 × 100 + 0) / 5 = 80 and (0 + 100) / 5 = 20: a blind spot of 60, and opposite views.
    let rate = |levels: [u8; 5]| {
        let ids = ids.clone();
        move |id: &str| ids.iter().position(|s| s == id).map(|i| levels[i])
    };
    let mut people = Vec::new();
    for _ in 0..3 {
        people.push(person(&instrument, Role::Sales, &rate([5, 5, 5, 5, 1])));
        people.push(person(&instrument, Role::Marketing, &rate([1, 1, 1, 1, 5])));
    }
    let card = card(&instrument, &people);
    let index = instrument
        .dimensions
        .iter()
        .position(|d| d.id == "handoff")
        .unwrap();
    assert!(card.gaps[index].blind_spot());
    let in_handoff: Vec<FindingKind> = card
        .diagnosis(&instrument)
        .into_iter()
        .filter(|f| f.dimension == index)
        .map(|f| f.kind)
        .collect();
    // The blame loops' statements (lead quality, lead commitments) would be named by those;
    // here sales rate both halves high and marketing both low, so there is no blame loop and
    // one finding says it all.
    assert_eq!(in_handoff.len(), 1, "{in_handoff:?}");
    assert!(
        matches!(&in_handoff[0], FindingKind::OppositeViews { first_higher, second_higher, .. } if first_higher.len() == 4 && second_higher.len() == 1)
    );
}

#[test]
fn a_1_0_0_round_gets_todays_plays_routed_as_today() {
    use samepage::core::instrument::Catalogue;
    let catalogue = Catalogue::builtin();
    let legacy = catalogue.version("1.0.0").unwrap();
    let current = catalogue.current();
    // The 1.0.0 sales-materials pair carries today's plays for it, not the area's list.
    let pair = legacy.mirror_pair("sales_materials").unwrap();
    assert_eq!(
        pair.plays,
        current.mirror_pair("sales_materials").unwrap().plays
    );
    let mut people = Vec::new();
    for _ in 0..3 {
        let p = pair.clone();
        people.push(person(legacy, Role::Marketing, &move |id| {
            (id == p.first.statement)
                .then_some(5)
                .or((id == p.second.statement).then_some(1))
        }));
        let p = pair.clone();
        people.push(person(legacy, Role::Sales, &move |id| {
            (id == p.first.statement)
                .then_some(1)
                .or((id == p.second.statement).then_some(5))
        }));
    }
    let html = slide(legacy, &people, |k| {
        matches!(k, FindingKind::BlameLoop { .. })
    });
    for play in &pair.plays {
        assert!(html.contains(&samepage::report::escape(play_text(current, play))));
    }
    // 1.0.0's follow-up question gets today's follow-up plays too.
    let follow_up = |i: &Instrument| {
        i.definitions
            .iter()
            .find(|q| q.id == "follow_up")
            .unwrap()
            .plays
            .clone()
    };
    assert_eq!(follow_up(legacy), follow_up(current));
}

/// A company roll-out's codes as the intranet list exports them (CSV, a code per row), for
/// the browser test of importing a file: 10,000 people, 10 rows sent twice and 2 damaged
/// codes, for the empty workshop `e2e/fixtures/roll-out.json`. Rewritten with
/// `UPDATE_FIXTURES=1 cargo test --all-features --test diagnosis`; otherwise it must match.
#[test]
fn the_roll_out_code_file_for_the_browser_tests_is_current() {
    use samepage::core::code::{encode, CodedResponse};
    use samepage::core::instrument::Catalogue;
    use samepage::core::response::{Response, Role};
    use samepage::core::workshop::Workshop;
    use samepage::core::workshop_file::export_json;
    const ID: u32 = 0x0b0b_0002;
    let instrument = Instrument::builtin();
    let workshop = Workshop::new(ID, "Company roll-out", Vec::new(), 5, "2026-11-30", "2.0.0");
    let mut csv = String::from("submitted,code\r\n");
    let mut rows = Vec::new();
    for nonce in 0..10_000u32 {
        let mut response = Response {
            role: Some(Role::ALL[nonce as usize % 4]),
            ..Response::default()
        };
        for (i, statement) in instrument.statements().enumerate() {
            let level = 1 + ((nonce as usize + i * 7) % 5) as u8;
            response
                .answers
                .insert(statement.id.clone(), Answer::Agreement(level));
        }
        for question in &instrument.definitions {
            let option = &question.options[nonce as usize % question.options.len()];
            response
                .definitions
                .insert(question.id.clone(), option.id.clone());
        }
        let coded = CodedResponse {
            workshop: ID,
            nonce: nonce + 1,
            team: None,
            response,
        };
        rows.push(encode(&instrument, &coded));
    }
    for (i, code) in rows.iter().enumerate() {
        csv.push_str(&format!(
            "2026-12-0{} 09:{:02},{code}\r\n",
            1 + i % 9,
            i % 60
        ));
    }
    for code in &rows[..10] {
        csv.push_str(&format!("2026-12-09 17:00,{code}\r\n"));
    }
    // Damaged in transit: one character changed, and one cut short.
    let changed = rows[0].replacen(
        &rows[0][10..11],
        if &rows[0][10..11] == "A" { "B" } else { "A" },
        1,
    );
    csv.push_str(&format!("2026-12-09 17:01,{changed}\r\n"));
    csv.push_str(&format!(
        "2026-12-09 17:02,{}\r\n",
        &rows[1][..rows[1].len() - 6]
    ));
    let files = [
        ("e2e/fixtures/roll-out-codes.csv", csv),
        (
            "e2e/fixtures/roll-out.json",
            export_json(&Catalogue::builtin(), &workshop) + "\n",
        ),
    ];
    for (path, text) in files {
        if std::env::var_os("UPDATE_FIXTURES").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        assert_eq!(std::fs::read_to_string(path).unwrap(), text, "{path}");
    }
}
