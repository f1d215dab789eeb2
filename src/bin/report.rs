//! The survey's later wasm (`samepage-report`): what the survey shows after its first screen,
//! fetched by the loader only then, so the survey's own wasm stays within its first-screen
//! budget. Its exports take the survey as stored; see `samepage::report::later`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use samepage::report::later;
    use wasm_bindgen::prelude::*;

    /// The personal scorecard's markup; `advice` is the advice file's text, or `None` with
    /// `problem` saying why it could not be fetched.
    #[wasm_bindgen]
    pub fn personal_scorecard(
        saved: &str,
        advice: Option<String>,
        problem: &str,
        locale: &str,
        id_prefix: &str,
    ) -> String {
        later::scorecard_html(saved, advice.as_deref().ok_or(problem), locale, id_prefix)
    }

    /// The QR code of `text` as SVG markup titled `title`, or nothing when the text is too
    /// long for one.
    #[wasm_bindgen]
    pub fn qr_svg(text: &str, title: &str) -> String {
        samepage::report::qr::qr_svg(text, title).unwrap_or_default()
    }

    /// The `samepage:complete` detail, as JSON text.
    #[wasm_bindgen]
    pub fn complete_detail(saved: &str, locale: &str, share: bool) -> String {
        later::complete_json(saved, locale, share)
    }
}

fn main() {}
