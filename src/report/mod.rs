//! Reports as markup: pure functions from the core's results and the translation table to
//! HTML and SVG text. No DOM: they are tested natively, the UI inserts them as static
//! content, and the same markup serves screen, print and (later) exported reports. A typed
//! Leptos view per table cell and bar would cost the wasm tens of kilobytes for content that
//! never changes once shown.

pub mod chart;
pub mod code_card;
#[cfg(feature = "workshop")]
pub mod csv;
pub mod later;
pub mod scorecard;
#[cfg(feature = "workshop")]
pub mod team;

use crate::core::instrument::{Dimension, Play, Text};
use crate::i18n::{fill_text, ReportStrings};

/// A dimension's explanation, the plays written for what was found (each with who acts, a
/// first step and how the team will know it worked) and the dimension's discussion
/// questions: the advice under every weak area of a personal scorecard and every finding of a
/// team's. `heading` is the element of the lists' titles (`h5` in a report, `h4` on a slide).
fn advice(
    html: &mut String,
    t: &ReportStrings,
    dimension: &Dimension,
    plays: &[&Play],
    locale: &str,
    heading: &str,
) {
    // Without the advice (it could not be loaded), nothing but the questions' list is left.
    let explanation = dimension.explanation.get(locale);
    if !explanation.is_empty() {
        markup(html, "<p>{}</p>", &[explanation]);
    }
    if !plays.is_empty() {
        plays_list(html, t, plays, locale, heading);
    }
    list(
        html,
        t.questions_title,
        &dimension.questions,
        locale,
        heading,
    );
}

/// The plays under their `heading` title, each with who acts, a first step and the signal.
fn plays_list(html: &mut String, t: &ReportStrings, plays: &[&Play], locale: &str, heading: &str) {
    heading_element(html, heading, t.plays_title);
    html.push_str(r#"<ul class="samepage__plays">"#);
    for play in plays {
        markup(html, "<li><p>{}</p>", &[play.text.get(locale)]);
        let details = [
            (t.play_who, "who", &play.who),
            (t.play_first_step, "step", &play.first_step),
            (t.play_signal, "signal", &play.signal),
        ];
        for (template, key, text) in details {
            let text = text.get(locale);
            if !text.is_empty() {
                markup(
                    html,
                    r#"<p class="samepage__play-detail">{}</p>"#,
                    &[&fill_text(template, &[(key, text)])],
                );
            }
        }
        html.push_str("</li>");
    }
    html.push_str("</ul>");
}

/// `text`, escaped, as a `heading` element.
fn heading_element(html: &mut String, heading: &str, text: &str) {
    markup(html, "<{}>{}</{}>", &[heading, text, heading]);
}

/// Opens a report card: `<section class="samepage__card">` with its `<h3>` title. The caller
/// writes the content and closes the section.
fn open_card(html: &mut String, title: &str) {
    markup(
        html,
        r#"<section class="samepage__card"><h3>{}</h3>"#,
        &[title],
    );
}

/// A titled bullet list of instrument texts, the title a `heading` element; nothing when empty.
fn list(html: &mut String, title: &str, items: &[Text], locale: &str, heading: &str) {
    if items.is_empty() {
        return;
    }
    heading_element(html, heading, title);
    html.push_str("<ul>");
    for item in items {
        markup(html, "<li>{}</li>", &[item.get(locale)]);
    }
    html.push_str("</ul>");
}

/// Appends `template` to `html` with each `{}` in it replaced by the next of `texts`, escaped
/// as [`escape`] does; a template has a hole per text. One call per element instead of a
/// formatting macro and a string per text: the scorecard is drawn by a wasm fetched after
/// the first screen, and this keeps its code small.
pub fn markup(html: &mut String, template: &str, texts: &[&str]) {
    debug_assert!(
        template.matches('{').count() == texts.len()
            && template.matches("{}").count() == texts.len(),
        "a hole per text, and no other brace: {template}"
    );
    let mut rest = template;
    for text in texts {
        let Some((before, after)) = rest.split_once('{') else {
            break;
        };
        html.push_str(before);
        html_escape::encode_double_quoted_attribute_to_string(text, html);
        rest = after.strip_prefix('}').unwrap_or(after);
    }
    html.push_str(rest);
}

/// Escapes text for use inside HTML or SVG elements and double-quoted attribute values
/// (`& < > "`).
pub fn escape(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}
