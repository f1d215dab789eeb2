//! Charts as markup (SVG, with HTML where text must wrap). Every chart is named by a title and
//! a description and sits beside a table with the same figures.

use super::markup;

/// One bar: a labelled 0–100 score in a stage, or no score.
pub struct Bar<'a> {
    /// The full label, e.g. "Common language: 63 · Aligned".
    pub label: &'a str,
    /// Whole points, 0–100; `None` draws an empty, dashed bar.
    pub score: Option<u32>,
    /// The stage's stable id, used as a CSS class (`samepage__bar--<id>`).
    pub stage_id: &'a str,
}

/// The height of a bar's strip, in pixels (the bar is 16 of them, centred).
const STRIP_HEIGHT: &str = "22";

/// Horizontal bars on a 0–100 axis with dashed lines at `cut_offs`. Each label is HTML text
/// above its bar, so on a 320 px phone it wraps instead of being cut off (SVG text never
/// wraps); each bar is a strip of SVG whose width is a percentage, so no `style` attribute
/// is needed. The whole is one image for assistive technology, named by `title` and
/// `description`; the table beside it holds the same figures.
pub fn score_bars(
    id: &str,
    title: &str,
    description: &str,
    bars: &[Bar],
    cut_offs: &[u32],
) -> String {
    let bounds = || cut_offs.iter().chain(&[100]).copied();
    let mut marks = String::new();
    for bound in bounds() {
        let bound = &bound.to_string();
        markup(
            &mut marks,
            r#"<line x1="{}%" x2="{}%" y1="0" y2="{}" class="samepage__chart-cutoff"></line>"#,
            &[bound, bound, STRIP_HEIGHT],
        );
    }
    let mut html = String::new();
    markup(
        &mut html,
        r#"<div class="samepage__bars" role="img" aria-labelledby="{}-title {}-desc"><span id="{}-title" hidden>{}</span><span id="{}-desc" hidden>{}</span>"#,
        &[id, id, id, title, id, description],
    );
    for bar in bars {
        markup(
            &mut html,
            r#"<div class="samepage__chart-row"><span class="samepage__bar-label">{}</span><svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{}" aria-hidden="true">"#,
            &[bar.label, STRIP_HEIGHT],
        );
        match bar.score {
            Some(score) => markup(
                &mut html,
                r#"<rect x="0" y="3" height="16" width="{}%" rx="3" class="samepage__bar samepage__bar--{}"></rect>"#,
                &[&score.to_string(), bar.stage_id],
            ),
            None => html.push_str(
                r#"<rect x="0" y="3" height="16" width="100%" class="samepage__bar samepage__bar--none"></rect>"#,
            ),
        }
        html.push_str(&marks);
        html.push_str("</svg></div>");
    }
    html.push_str(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="16" aria-hidden="true">"#,
    );
    for bound in bounds() {
        let anchor = match bound {
            0 => "start",
            100 => "end",
            _ => "middle",
        };
        let bound = &bound.to_string();
        markup(
            &mut html,
            r#"<text x="{}%" y="12" text-anchor="{}" class="samepage__chart-axis">{}</text>"#,
            &[bound, anchor, bound],
        );
    }
    html.push_str("</svg></div>");
    html
}
