//! Reports as markup: the SVG chart and the personal scorecard, asserted on what a reader sees.
#![cfg(not(target_arch = "wasm32"))]

use samepage::core::instrument::Instrument;
use samepage::core::response::{Answer, Response, Role};
use samepage::i18n::Locale;
use samepage::report::chart::{score_bars, Bar};
use samepage::report::scorecard::{personal_scorecard, ScorecardInput};
use samepage::report::{escape, markup};

#[test]
fn text_is_escaped() {
    assert_eq!(
        escape(r#"Goals & "incentives" <b>"#),
        "Goals &amp; &quot;incentives&quot; &lt;b&gt;"
    );
}

#[test]
fn markup_fills_each_hole_with_its_text_escaped() {
    let mut html = String::from("<main>");
    markup(
        &mut html,
        r#"<p title="{}">{}</p><{}>"#,
        &[r#"say "hi""#, "a < b & c", "br"],
    );
    assert_eq!(
        html,
        r#"<main><p title="say &quot;hi&quot;">a &lt; b &amp; c</p><br>"#
    );
    // No texts: the template as it is.
    markup(&mut html, "</main>", &[]);
    assert!(html.ends_with("<br></main>"));
    // Braces inside a text are text.
    let mut braces = String::new();
    markup(&mut braces, "<p>{}</p>", &["{} and {role}"]);
    assert_eq!(braces, "<p>{} and {role}</p>");
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "a hole per text")]
fn markup_refuses_a_template_whose_holes_are_not_its_texts() {
    markup(&mut String::new(), "<p>{}</p><p>{}</p>", &["one"]);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "a hole per text")]
fn markup_refuses_a_brace_that_is_not_a_hole() {
    markup(&mut String::new(), "<p>{x}</p>", &["one"]);
}

#[test]
fn bars_have_their_width_stage_and_label() {
    let bars = [
        Bar {
            label: "Strategy & planning: 63 · Aligned",
            score: Some(63),
            stage_id: "aligned",
        },
        Bar {
            label: "Common language: not enough answers",
            score: None,
            stage_id: "",
        },
    ];
    let chart = score_bars("c1", "Score per area", "Two areas", &bars, &[0, 40, 60, 80]);
    assert!(chart.starts_with(
        r#"<div class="samepage__bars" role="img" aria-labelledby="c1-title c1-desc">"#
    ));
    assert!(chart.ends_with("</svg></div>"));
    assert!(chart.contains(r#"<span id="c1-title" hidden>Score per area</span>"#));
    assert!(chart.contains(r#"<span id="c1-desc" hidden>Two areas</span>"#));
    // Labels are HTML text (they wrap on a narrow phone), each above its bar.
    assert!(chart.contains(
        r#"<div class="samepage__chart-row"><span class="samepage__bar-label">Strategy &amp; planning: 63 · Aligned</span><svg "#
    ));
    assert!(!chart.contains("<text x=\"0\""), "no label is SVG text");
    assert!(chart.contains(r#"width="63%" rx="3" class="samepage__bar samepage__bar--aligned""#));
    assert!(chart.contains(r#"width="100%" class="samepage__bar samepage__bar--none""#));
    assert_eq!(
        chart
            .matches(r#"<div class="samepage__chart-row">"#)
            .count(),
        2
    );
    // Each bar crosses the four cut-offs and 100; the axis below names the five marks.
    assert_eq!(
        chart.matches(r#"class="samepage__chart-cutoff""#).count(),
        10
    );
    assert_eq!(chart.matches(r#"class="samepage__chart-axis""#).count(), 5);
    assert!(chart.contains(
        r#"<text x="100%" y="12" text-anchor="end" class="samepage__chart-axis">100</text>"#
    ));
}

fn report(response: &Response) -> String {
    let instrument = Instrument::builtin();
    personal_scorecard(&ScorecardInput {
        instrument: &instrument,
        response,
        shared: Locale::En.shared_strings(),
        report: Locale::En.report_strings(),
        locale: "en",
        id_prefix: "t",
    })
}

/// Every statement "Agree" (75) except "Shared goals & incentives", all "Disagree" (25).
fn goals_low() -> Response {
    let instrument = Instrument::builtin();
    let mut response = Response {
        role: Some(Role::Sales),
        ..Response::default()
    };
    for dimension in &instrument.dimensions {
        let level = if dimension.id == "goals" { 2 } else { 4 };
        for statement in &dimension.statements {
            response
                .answers
                .insert(statement.id.clone(), Answer::Agreement(level));
        }
    }
    response
}

#[test]
fn the_scorecard_shows_the_hand_computed_figures() {
    let html = report(&goals_low());
    // (11 × 75 + 25) / 12 = 70.83 → 71, Aligned.
    assert!(
        html.contains(r#"<span class="samepage__overall-number">71</span>"#),
        "{html}"
    );
    assert!(html.contains("<strong>Aligned</strong>"));
    assert!(html.contains("Answered as: Sales"));
    assert!(html.contains(
        r#"<tr data-dimension="goals"><th scope="row">Shared goals &amp; incentives</th><td>25</td><td>Siloed</td><td>0</td></tr>"#
    ));
    assert_eq!(html.matches("<tr data-dimension=").count(), 12);
    assert_eq!(
        html.matches(r#"<article class="samepage__weak""#).count(),
        3
    );
    let first_weak = html
        .find(r#"<article class="samepage__weak" data-dimension="goals">"#)
        .unwrap();
    assert!(
        first_weak
            < html
                .find(r#"<article class="samepage__weak" data-dimension="strategy">"#)
                .unwrap()
    );
    assert!(html.contains("25 out of 100 · Siloed"));
}

#[test]
fn missing_answers_say_so_and_show_no_number() {
    let html = report(&Response::default());
    assert!(html.contains("There are not enough answers for an overall figure"));
    assert!(!html.contains("samepage__overall-number"));
    assert_eq!(html.matches("<td>Not enough answers</td>").count(), 12);
    assert!(html.contains("No area has enough answers yet"));
    assert_eq!(html.matches("<dd>Not answered").count(), 10);
}

#[test]
fn blame_loops_and_undefined_terms_are_named() {
    let instrument = Instrument::builtin();
    let mut response = goals_low();
    response.role = Some(Role::Marketing);
    let pair = &instrument.mirror_pairs[0];
    response
        .answers
        .insert(pair.first.statement.clone(), Answer::Agreement(5));
    response
        .answers
        .insert(pair.second.statement.clone(), Answer::Agreement(1));
    let undefined = instrument.definitions[0]
        .options
        .iter()
        .find(|o| o.none)
        .unwrap();
    response
        .definitions
        .insert(instrument.definitions[0].id.clone(), undefined.id.clone());
    let html = report(&response);
    assert!(html.contains("Possible blame loops"));
    assert!(html.contains(&escape(pair.topic.get("en"))));
    assert!(html.contains("There is no agreed answer here"));
}

mod csv {
    use samepage::core::instrument::Instrument;
    use samepage::core::response::{Answer, Response, Role};
    use samepage::core::team::{Answers, Group};
    use samepage::core::workshop::{Collected, Workshop};
    use samepage::report::csv::{quote, responses_csv, CsvRows, FOLDED};

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(quote("North"), "\"North\"");
        assert_eq!(quote("say \"hi\", ok"), "\"say \"\"hi\"\", ok\"");
        assert_eq!(quote("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(quote("-1"), "\"'-1\"");
        assert_eq!(quote("line\nbreak"), "\"line\nbreak\"");
        // Full-width formula characters, which some spreadsheets also evaluate.
        assert_eq!(quote("＝SUM(A1)"), "\"'＝SUM(A1)\"");
        assert_eq!(quote("＋1"), "\"'＋1\"");
        assert_eq!(quote("－1"), "\"'－1\"");
        assert_eq!(quote("＠cmd"), "\"'＠cmd\"");
        // NUL never reaches the file, and cannot hide a formula behind it.
        assert_eq!(quote("No\0rth"), "\"North\"");
        assert_eq!(quote("\0=1"), "\"'=1\"");
    }

    #[test]
    fn one_row_per_respondent_and_one_column_per_statement() {
        let instrument = Instrument::builtin();
        let mut workshop = Workshop::new(
            1,
            "Kick-off",
            vec!["North, \"HQ\"".into()],
            3,
            "2026-11-23",
            "2.0.0",
        );
        let mut response = Response {
            role: Some(Role::Sales),
            ..Response::default()
        };
        let first = instrument.dimensions[0].statements[0].id.clone();
        let second = instrument.dimensions[0].statements[1].id.clone();
        response.answers.insert(first, Answer::Agreement(4));
        response.answers.insert(second, Answer::CantJudge);
        let question = instrument.definitions.last().unwrap();
        response
            .definitions
            .insert(question.id.clone(), question.options[1].id.clone());
        workshop.collect(Collected {
            nonce: 1,
            team: Some(0),
            answers: Answers::of(&instrument, &response),
            source: Default::default(),
        });
        workshop.collect(Collected {
            nonce: 2,
            team: None,
            answers: Answers::of(
                &instrument,
                &Response {
                    role: Some(Role::Other),
                    ..Response::default()
                },
            ),
            source: Default::default(),
        });

        let catalogue = samepage::core::instrument::Catalogue::builtin();
        let csv = responses_csv(&catalogue, &workshop, CsvRows::All);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines.len(),
            4,
            "header, two respondents, and the final line break"
        );
        assert_eq!(lines[3], "");
        let columns = 6 + instrument.statement_count() + instrument.definitions.len();
        assert_eq!(lines[0].split(',').count(), columns);
        assert!(lines[0].starts_with(
            "\"round\",\"started\",\"questionnaire\",\"respondent\",\"role\",\"team\",\"strategy."
        ));
        // Statement 1 "Agree", statement 2 "Can't judge", statement 3 unanswered.
        let expected_start =
            "1,\"2026-11-23\",\"2.0.0\",1,\"sales\",\"North, \"\"HQ\"\"\",4,\"cant_judge\",,";
        assert!(lines[1].starts_with(expected_start), "{}", lines[1]);
        assert!(
            lines[1].ends_with(&format!(",\"{}\"", question.options[1].id)),
            "{}",
            lines[1]
        );
        assert_eq!(
            lines[2],
            format!(
                "1,\"2026-11-23\",\"2.0.0\",2,\"other\",\"\"{}",
                ",".repeat(columns - 6)
            )
        );
        // One salesperson and one "other": both groups are below the minimum of 3, so the
        // file of shown groups holds the header alone, and the page warns before the full one.
        assert_eq!(
            workshop.current_round().shown(workshop.minimum),
            [None, None]
        );
        let shown = responses_csv(&catalogue, &workshop, CsvRows::ShownGroups);
        assert_eq!(
            shown.trim_start_matches('\u{feff}').split("\r\n").count(),
            2
        );
        // Three more salespeople: Sales is shown; the lone "other" is still hidden.
        for nonce in 3..6 {
            workshop.collect(Collected {
                nonce,
                team: None,
                answers: Answers::of(&instrument, &response),
                source: Default::default(),
            });
        }
        assert_eq!(
            workshop.current_round().shown(workshop.minimum),
            [
                Some(Group::Role(Role::Sales)),
                None,
                Some(Group::Role(Role::Sales)),
                Some(Group::Role(Role::Sales)),
                Some(Group::Role(Role::Sales))
            ]
        );
        let shown = responses_csv(&catalogue, &workshop, CsvRows::ShownGroups);
        let rows: Vec<&str> = shown.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            rows.len(),
            6,
            "header, four salespeople, the final line break"
        );
        assert!(rows[1..5].iter().all(|r| r.contains("\"sales\"")));
        // Numbered without a gap where the hidden "other" was (it was respondent 2).
        let numbers: Vec<&str> = rows[1..5]
            .iter()
            .map(|r| r.split(',').nth(3).unwrap())
            .collect();
        assert_eq!(numbers, ["1", "2", "3", "4"]);
    }

    #[test]
    fn the_shown_groups_file_writes_folded_roles_as_others_and_no_team() {
        let instrument = Instrument::builtin();
        let catalogue = samepage::core::instrument::Catalogue::builtin();
        let mut workshop =
            Workshop::new(7, "Folded", vec!["North".into()], 3, "2026-11-23", "2.0.0");
        for (nonce, role) in [Role::Sales, Role::Marketing, Role::Leadership]
            .into_iter()
            .enumerate()
        {
            let response = Response {
                role: Some(role),
                ..Response::default()
            };
            workshop.collect(Collected {
                nonce: nonce as u32,
                team: Some(0),
                answers: Answers::of(&instrument, &response),
                source: Default::default(),
            });
        }
        // Three roles of one person each: shown only together, as "others".
        assert_eq!(
            workshop.current_round().shown(workshop.minimum),
            [Some(Group::Others); 3]
        );
        let shown = responses_csv(&catalogue, &workshop, CsvRows::ShownGroups);
        let starts: Vec<String> = shown
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .skip(1)
            .filter(|r| !r.is_empty())
            .map(|r| r.split(',').take(6).collect::<Vec<_>>().join(","))
            .collect();
        let folded = |n: u32| format!("1,\"2026-11-23\",\"2.0.0\",{n},\"{FOLDED}\",\"\"");
        assert_eq!(starts, [folded(1), folded(2), folded(3)]);
        // The file of every row keeps each role and team.
        let all = responses_csv(&catalogue, &workshop, CsvRows::All);
        assert!(all.contains("1,\"2026-11-23\",\"2.0.0\",2,\"marketing\",\"North\""));
    }
}

mod team {
    use samepage::core::instrument::Instrument;
    use samepage::core::response::{Answer, Response, Role};
    use samepage::core::scoring::decimal;
    use samepage::core::team::{Answers, TeamScorecard};
    use samepage::i18n::Locale;
    use samepage::report::team::{team_report, TeamInput};

    #[test]
    fn decimals_without_float_formatting() {
        assert_eq!(decimal(25.0 / 54.0, 1), "0.5");
        assert_eq!(decimal(0.9473, 2), "0.95");
        assert_eq!(decimal(3.0, 2), "3.00");
        assert_eq!(decimal(87.5, 0), "88");
        assert_eq!(decimal(-1.25, 1), "-1.3");
        assert_eq!(decimal(0.04, 1), "0.0");
    }

    fn rates(role: Role, levels: &[u8]) -> Response {
        let instrument = Instrument::builtin();
        let mut response = Response {
            role: Some(role),
            ..Response::default()
        };
        for (statement, level) in instrument.dimensions[1].statements.iter().zip(levels) {
            response
                .answers
                .insert(statement.id.clone(), Answer::try_from(*level).unwrap());
        }
        response
    }

    /// Sales 100, 75, 87.5 (one can't-judge); marketing 0, 25, 25; two leaders (hidden).
    fn report() -> String {
        let instrument = Instrument::builtin();
        let responses = [
            rates(Role::Sales, &[5, 5, 5]),
            rates(Role::Sales, &[4, 4, 4]),
            rates(Role::Sales, &[5, 4, 0]),
            rates(Role::Marketing, &[1, 1, 1]),
            rates(Role::Marketing, &[2, 2, 2]),
            rates(Role::Marketing, &[1, 2, 3]),
            rates(Role::Leadership, &[3, 3, 3]),
            rates(Role::Leadership, &[3, 3, 3]),
        ];
        let answers: Vec<Answers> = responses
            .iter()
            .map(|r| Answers::of(&instrument, r))
            .collect();
        let refs: Vec<&Answers> = answers.iter().collect();
        let card = TeamScorecard::of(&instrument, &refs, 3);
        team_report(&TeamInput {
            instrument: &instrument,
            card: &card,
            minimum: 3,
            strings: Locale::En.strings(),
            report: Locale::En.report_strings(),
            team_strings: Locale::En.team_strings(),
            locale: "en",
            id_prefix: "w",
        })
    }

    #[test]
    fn the_summary_names_who_is_shown_and_why_not() {
        let html = report();
        assert!(
            html.contains(
                "People who answered: 8. Shown: 6, in groups of at least 3. Groups shown: 2."
            ),
            "{html}"
        );
        // Statement gaps 83.3 and 66.7 (the third has too few sales raters):
        // 100 − ((83.3³ + 66.7³) / 2)^(1/3) = 24.1, Siloed; the level beside it is the mean of
        // the groups' goals means, (87.5 + 16.7) / 2 = 52.1, Connected.
        assert!(html.contains(r#"<span class="samepage__overall-number">24</span><span class="samepage__overall-scale">out of 100 · Siloed</span>"#), "{html}");
        assert!(html.contains(r#"<h3>Level</h3><p class="samepage__overall-figure samepage__level"><span class="samepage__overall-number">52</span><span class="samepage__overall-scale">out of 100 · Connected</span>"#));
        assert!(html.contains(
            "Leadership: answered by 2, fewer than 3 even together with other small groups"
        ));
    }

    #[test]
    fn the_heatmap_and_its_table_show_each_groups_mean() {
        let html = report();
        assert!(html.contains(r#"role="img" aria-labelledby="w-heatmap-title w-heatmap-desc""#));
        assert!(html.contains(r#"class="samepage__cell samepage__cell--integrated"></rect><text x="25.00%" y="16" text-anchor="middle" class="samepage__cell-text">88</text>"#), "{html}");
        assert!(html.contains(r#"class="samepage__cell samepage__cell--siloed"></rect><text x="75.00%" y="16" text-anchor="middle" class="samepage__cell-text">17</text>"#));
        // The area is an HTML label over its row (it wraps on a phone); groups head the columns.
        assert!(html.contains(r#"<div class="samepage__chart-head" aria-hidden="true"><span>Sales</span><span>Marketing</span></div>"#));
        assert!(html.contains(r#"<div class="samepage__chart-row"><span class="samepage__bar-label">Shared goals &amp; incentives</span><svg "#));
        assert!(html.contains(r#"<tr><th scope="row">Shared goals &amp; incentives</th><td>88</td><td>17</td><td>71 (blind spot)</td></tr>"#));
        assert_eq!(
            html.matches("samepage__cell--none").count(),
            22,
            "11 unanswered areas × 2 groups"
        );
    }

    #[test]
    fn the_gap_lines_mark_blind_spots_and_place_each_group() {
        let html = report();
        assert!(html.contains(r#"<span class="samepage__bar-label samepage__bar-label--alert">Shared goals &amp; incentives: 71 · blind spot</span>"#));
        // The legend names each group beside its marker.
        assert!(html.contains(r##"<ul class="samepage__legend" aria-hidden="true"><li><svg xmlns="http://www.w3.org/2000/svg" width="14" height="14"><svg x="0.00%" y="0" width="14" height="14" overflow="visible" class="samepage__marker samepage__marker--0"><use href="#w-gaps-circle" x="0"></use></svg></svg>Sales</li>"##), "{html}");
        assert!(html.contains(r##"<svg x="87.50%" y="4" width="14" height="14" overflow="visible" class="samepage__marker samepage__marker--0"><use href="#w-gaps-circle" x="-7"></use></svg>"##), "{html}");
        assert!(html.contains(r##"href="#w-gaps-square""##));
    }

    #[test]
    fn the_figures_table_gives_count_mean_spread_agreement_and_cant_judge() {
        let html = report();
        // Sales on goals: 3 people, mean 87.5, spread 12.5, 1 of 9 answers can't judge. The
        // average deviation uses the statements 3 or more rated: [5,4,5] and [5,4,4], 4/9 each
        // (the third, rated by two, is left out) → 0.44.
        assert!(html.contains(r#"<tr><th scope="row">Shared goals &amp; incentives</th><td>Sales</td><td>3</td><td>88</td><td>13</td><td>agrees (0.4)</td><td>11%</td></tr>"#), "{html}");
        // Two groups answered nothing in strategy: no share, not "0 %".
        assert!(html.contains(r#"<tr><th scope="row">Shared strategy &amp; planning</th><td>Sales</td><td>0</td><td>–</td><td>–</td><td>–</td><td>–</td></tr>"#));
    }

    #[test]
    fn findings_come_ranked_with_plays_and_questions() {
        let html = report();
        let first = html.find(r#"<ol class="samepage__findings"><li class="samepage__weak" data-dimension="goals"><h4>Shared goals &amp; incentives: Sales rate it 71 points higher than Marketing.</h4>"#);
        assert!(first.is_some(), "{html}");
        // The evidence names each statement with each group's score and the gap.
        assert!(html.contains("<li>“Sales and marketing work towards one shared revenue goal.”: Sales 92, Marketing 8. Gap 83.</li>"), "{html}");
        assert!(html.contains("Sales: fewer than 3 rated it, Marketing 25. Gap –."));
        // Plays come with who acts, a first step and how to tell it worked.
        assert!(html.contains(r#"<h5>Plays to try</h5><ul class="samepage__plays"><li><p>"#));
        assert!(html.contains(r#"<p class="samepage__play-detail">Who acts: "#));
        assert!(html
            .contains(r#"<p class="samepage__play-detail">First step, in the next two weeks: "#));
        assert!(html.contains(r#"<p class="samepage__play-detail">How you will know it worked: "#));
        // Goals (4 statements): the fourth was rated by nobody, so no pair reaches ten.
        assert!(html.contains(
            "<dt>Shared goals &amp; incentives</dt><dd>not enough answers yet (0 of 10)</dd>"
        ));
        assert!(html.contains("not meaningful: this area's statements are separate practices"));
        // The notes state every formula and cut-off.
        assert!(html.contains("Alignment index: 100 minus the cubic mean of the statement gaps"));
        assert!(html
            .contains("Siloed below 40, Connected 40–59, Aligned 60–79, Integrated 80 and above"));
    }
}

mod workshop_views {
    use samepage::core::instrument::Instrument;
    use samepage::core::response::{Answer, Response, Role};
    use samepage::core::team::{Answers, TeamScorecard};
    use samepage::core::workshop::Facts;
    use samepage::i18n::Locale;
    use samepage::report::team::{facts_beside_beliefs, finding_slide, trend_table, TeamInput};

    /// A respondent rating follow-up and lead quality, and picking a follow-up time.
    fn person(role: Role, follow_up: u8, leads: u8, should: &str) -> Answers {
        let mut response = Response {
            role: Some(role),
            ..Response::default()
        };
        let rating = |level: u8| Answer::try_from(level).unwrap();
        response
            .answers
            .insert("handoff.sales_works_leads".into(), rating(follow_up));
        response
            .answers
            .insert("handoff.leads_worth_working".into(), rating(leads));
        response
            .definitions
            .insert("follow_up".into(), should.into());
        Answers::of(&Instrument::builtin(), &response)
    }

    fn answers() -> Vec<Answers> {
        vec![
            person(Role::Sales, 5, 4, "within_week"),
            person(Role::Sales, 4, 4, "within_week"),
            person(Role::Sales, 4, 4, "same_day"),
            person(Role::Marketing, 1, 2, "within_hour"),
            person(Role::Marketing, 2, 2, "within_hour"),
            person(Role::Marketing, 2, 2, "within_hour"),
        ]
    }

    fn with_input<R>(answers: &[Answers], view: impl FnOnce(&TeamInput, &[&Answers]) -> R) -> R {
        let instrument = Instrument::builtin();
        let refs: Vec<&Answers> = answers.iter().collect();
        let card = TeamScorecard::of(&instrument, &refs, 3);
        let input = TeamInput {
            instrument: &instrument,
            card: &card,
            minimum: 3,
            strings: Locale::En.strings(),
            report: Locale::En.report_strings(),
            team_strings: Locale::En.team_strings(),
            locale: "en",
            id_prefix: "w",
        };
        view(&input, &refs)
    }

    #[test]
    fn facts_stand_beside_each_groups_belief() {
        let facts = Facts {
            follow_up_hours: Some(30.0),
            accepted_share: Some(0.25),
            conversion: None,
        };
        let html = with_input(&answers(), |input, refs| {
            facts_beside_beliefs(input, &facts, refs)
        });
        // Sales: (5 + 4 + 4) / 3 = 4.3; marketing (1 + 2 + 2) / 3 = 1.7.
        assert!(html.contains("Average time until sales first contacts a new lead<span class=\"samepage__hint\">Belief: “Sales follows up promptly on the leads it receives from marketing.”</span></th><td>30.0 hours</td><td>agrees 4.3 of 5; says sales should follow up: Within a week</td><td>agrees 1.7 of 5; says sales should follow up: Within an hour</td></tr>"), "{html}");
        assert!(html.contains("<td>25 %</td><td>agrees 4.0 of 5</td><td>agrees 2.0 of 5</td>"));
        assert!(!html.contains("Share of leads that become customers"));
    }

    #[test]
    fn without_figures_the_facts_card_says_how_to_add_them() {
        let html = with_input(&answers(), |input, refs| {
            facts_beside_beliefs(input, &Facts::default(), refs)
        });
        assert!(html.contains("No figures entered yet."));
        assert!(!html.contains("<table"));
    }

    #[test]
    fn the_trend_gives_each_areas_change_or_why_not() {
        use samepage::core::workshop::Trend;
        let mut trend = vec![Trend::NotComparable; 12];
        trend[0] = Trend::Change(12.4);
        trend[1] = Trend::Change(-3.0);
        trend[2] = Trend::Hidden { difference: 2 };
        let instrument = Instrument::builtin();
        let (report, team) = (Locale::En.report_strings(), Locale::En.team_strings());
        let html = trend_table(&instrument, report, team, "en", &trend, "2026-08-01", 3);
        assert!(html.contains("since the round started 2026-08-01"));
        assert!(html.contains("<td>+12</td>"), "{html}");
        assert!(html
            .contains("<tr><th scope=\"row\">Shared goals &amp; incentives</th><td>-3</td></tr>"));
        assert!(html.contains("<td>hidden: 2 more or fewer people answered than last round, fewer than 3, so the change could single them out</td>"));
        assert_eq!(html.matches("not comparable").count(), 9);
    }

    #[test]
    fn a_slide_shows_one_finding_with_its_plays_and_questions() {
        let html = with_input(&answers(), |input, _| {
            let findings = input.card.diagnosis(input.instrument);
            finding_slide(input, &findings[0])
        });
        assert!(html.starts_with("<h3>"), "{html}");
        assert!(html.contains("<h4>Plays to try</h4>"));
        assert_eq!(html.matches("<h3>").count(), 1);
    }
}

mod qr {
    use samepage::core::code::{encode, CodedResponse};
    use samepage::core::instrument::Instrument;
    use samepage::core::response::Response;
    use samepage_qr_code::Drawing;

    #[test]
    fn a_response_code_link_fits_a_small_qr_code() {
        let instrument = Instrument::builtin();
        let code = encode(
            &instrument,
            &CodedResponse {
                workshop: 1,
                nonce: 2,
                team: None,
                response: Response::default(),
            },
        );
        let link = format!("https://intranet.example/samepage#code={code}");
        let mut drawing = Drawing::new();
        // 94 characters need version 6 at medium error correction (up to 106 bytes): 41
        // modules, plus a quiet zone of 4 on each side.
        assert_eq!(link.len(), 94);
        assert_eq!(drawing.draw(link.as_bytes()), Some(49));
        assert_eq!(drawing.side(), 49);
        let path = std::str::from_utf8(drawing.path()).unwrap();
        // The three finder patterns' top edges: a run of 7 dark modules at each corner, and
        // their bottom edges 6 rows lower.
        assert!(path.starts_with("M4,4h7v1h-7z"), "{path}");
        assert!(path.contains("M38,4h7v1h-7z"));
        assert!(path.contains("M4,38h7v1h-7z"));
        assert!(path.contains("M4,10h7v1h-7z"));
        // Every command is one run: "M x,y h run v1 h -run z", inside the code's area.
        for command in path.split_terminator('z') {
            let (at, rest) = command[1..].split_once('h').unwrap();
            let (x, y) = at.split_once(',').unwrap();
            let (run, back) = rest.split_once("v1h-").unwrap();
            let (x, y, run): (usize, usize, usize) =
                (x.parse().unwrap(), y.parse().unwrap(), run.parse().unwrap());
            assert_eq!(back, run.to_string());
            assert!(
                x >= 4 && y >= 4 && run >= 1 && x + run <= 45 && y < 45,
                "{command}"
            );
        }
    }

    #[test]
    fn text_too_long_for_any_qr_code_or_not_utf8_is_refused_and_leaves_nothing_drawn() {
        let mut drawing = Drawing::new();
        assert!(drawing.draw(b"https://intranet.example/").is_some());
        assert_eq!(drawing.draw("x".repeat(5000).as_bytes()), None);
        assert_eq!((drawing.side(), drawing.path()), (0, &b""[..]));
        assert_eq!(drawing.draw(&[0xff, 0xfe]), None);
    }

    #[test]
    fn the_largest_code_fits_its_path_buffer() {
        // Version 40 (177 modules) in its busiest form: the path writer never drops a run.
        let text: String = (0..samepage_qr_code::MAX_TEXT)
            .map(|i| char::from(b'!' + (i * 7 % 90) as u8))
            .collect();
        let mut drawing = Drawing::new();
        assert_eq!(drawing.draw(text.as_bytes()), Some(185));
        let path = std::str::from_utf8(drawing.path()).unwrap();
        assert!(path.ends_with('z') && path.len() < samepage_qr_code::MAX_PATH);
        let dark: usize = path
            .split_terminator('z')
            .map(|c| c.rsplit_once('-').unwrap().1.parse::<usize>().unwrap())
            .sum();
        // About half of a code's modules are dark.
        assert!(
            (177 * 177 * 4 / 10..177 * 177 * 6 / 10).contains(&dark),
            "{dark}"
        );
    }
}
