//! The translation table.
#![cfg(not(target_arch = "wasm32"))]

use samepage::core::response::{Answer, Role};
use samepage::core::scoring::Stage;
use samepage::i18n::{fill, fill_text, Locale};

#[test]
fn placeholders_are_filled_by_name() {
    assert_eq!(
        fill(
            "{answered} of {total} statements answered",
            &[("answered", &3), ("total", &42)]
        ),
        "3 of 42 statements answered"
    );
}

#[test]
fn every_role_answer_and_stage_has_a_distinct_label() {
    let t = Locale::En.strings();
    let roles: std::collections::HashSet<_> = Role::ALL.iter().map(|r| t.role(*r)).collect();
    assert_eq!(roles.len(), 4);
    let answers: std::collections::HashSet<_> =
        Answer::CHOICES.iter().map(|a| t.answer(*a)).collect();
    assert_eq!(answers.len(), 6);
    let report = Locale::En.report_strings();
    let stages: std::collections::HashSet<_> =
        Stage::ALL.iter().map(|s| report.stage(*s)).collect();
    assert_eq!(stages.len(), 4);
}

#[test]
fn unknown_placeholders_and_lone_braces_are_kept() {
    assert_eq!(fill("{a} and {b}", &[("a", &1)]), "1 and {b}");
    assert_eq!(fill("no close {", &[("a", &1)]), "no close {");
    assert_eq!(fill("{a}{a}", &[("a", &"x")]), "xx");
    assert_eq!(
        fill("{x{a}", &[("a", &1)]),
        "{x{a}",
        "a name runs to the first close"
    );
    assert_eq!(fill("}{a}é{", &[("a", &"ü")]), "}üé{");
    assert_eq!(fill("", &[("a", &1)]), "");
}

#[test]
fn text_values_fill_as_displayed_ones_do() {
    let template = "{role} · {count} · {a}} · {missing}";
    let texts = [("role", "Sales & <b>"), ("count", "12"), ("a", "é")];
    assert_eq!(
        fill_text(template, &texts),
        "Sales & <b> · 12 · é} · {missing}"
    );
    let displayed: [(&str, &dyn std::fmt::Display); 3] =
        [("role", &"Sales & <b>"), ("count", &12), ("a", &'é')];
    assert_eq!(fill_text(template, &texts), fill(template, &displayed));
}
