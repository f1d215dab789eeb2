//! Reports as markup: pure functions from the core's results and the translation table to
//! HTML and SVG text. No DOM: they are tested natively, the UI inserts them as static
//! content, and the same markup serves screen, print and (later) exported reports. A typed
//! Leptos view per table cell and bar would cost the wasm tens of kilobytes for content that
//! never changes once shown.

pub mod chart;
pub mod csv;
pub mod qr;
pub mod scorecard;
pub mod team;

/// Escapes text for use inside HTML or SVG elements and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
