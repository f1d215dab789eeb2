//! QR codes as SVG, so a participant's response code (or its link) can be scanned from their
//! phone by the facilitator's device. Drawn as one path of dark modules with the standard
//! four-module quiet zone (a rectangle per run of dark modules), scaled by the viewBox, with a
//! title for screen readers.

use std::fmt::Write as _;

use qrcodegen::{QrCode, QrCodeEcc};

use super::escape;

/// The QR code of `text` as SVG, or `None` when the text is too long for any QR version.
/// Error correction is "medium" (15 %): codes survive a smudged screen.
pub fn qr_svg(text: &str, title: &str) -> Option<String> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let border = 4;
    let full = size + 2 * border;
    // One rectangle per horizontal run of dark modules keeps the path short.
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !qr.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && qr.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(path, "M{},{}h{run}v1h-{run}z", start + border, y + border);
        }
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {full} {full}" role="img" class="samepage__qr" shape-rendering="crispEdges"><title>{}</title><rect width="{full}" height="{full}" fill="#fff"></rect><path d="{path}" fill="#000"></path></svg>"##,
        escape(title)
    ))
}
