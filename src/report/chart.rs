//! Charts as SVG markup. Every chart carries a `<title>` and `<desc>` and sits beside a table
//! with the same figures.

use std::fmt::Write as _;

use super::escape;

/// One bar: a labelled 0–100 score in a stage, or no score.
pub struct Bar<'a> {
    /// The full label, e.g. "Common language: 63 · Aligned".
    pub label: &'a str,
    /// Whole points, 0–100; `None` draws an empty, dashed bar.
    pub score: Option<u32>,
    /// The stage's stable id, used as a CSS class (`samepage__bar--<id>`).
    pub stage_id: &'a str,
}

const ROW_HEIGHT: u32 = 46;
const AXIS_HEIGHT: u32 = 24;

/// Horizontal bars on a 0–100 axis with dashed lines at `cut_offs`. Widths are percentages
/// and text is in pixels, so labels stay readable from 320 px phones to projectors.
pub fn score_bars(
    id: &str,
    title: &str,
    description: &str,
    bars: &[Bar],
    cut_offs: &[u32],
) -> String {
    let rows = bars.len() as u32;
    let height = rows * ROW_HEIGHT + AXIS_HEIGHT;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(description)
    );
    for (row, bar) in (0u32..).zip(bars) {
        let top = row * ROW_HEIGHT;
        let _ = write!(
            svg,
            r#"<g class="samepage__chart-row"><text x="0" y="{}" class="samepage__chart-label">{}</text>"#,
            top + 16,
            escape(bar.label)
        );
        let _ = match bar.score {
            Some(score) => write!(
                svg,
                r#"<rect x="0" y="{}" height="16" width="{score}%" rx="3" class="samepage__bar samepage__bar--{}"></rect></g>"#,
                top + 22,
                bar.stage_id
            ),
            None => write!(
                svg,
                r#"<rect x="0" y="{}" height="16" width="100%" class="samepage__bar samepage__bar--none"></rect></g>"#,
                top + 22
            ),
        };
    }
    for &bound in cut_offs.iter().chain(&[100]) {
        let anchor = match bound {
            0 => "start",
            100 => "end",
            _ => "middle",
        };
        let _ = write!(
            svg,
            r#"<line x1="{bound}%" x2="{bound}%" y1="18" y2="{axis}" class="samepage__chart-cutoff"></line><text x="{bound}%" y="{label}" text-anchor="{anchor}" class="samepage__chart-axis">{bound}</text>"#,
            axis = rows * ROW_HEIGHT,
            label = rows * ROW_HEIGHT + 16,
        );
    }
    svg.push_str("</svg>");
    svg
}
