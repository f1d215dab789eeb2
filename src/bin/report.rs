//! The survey's later wasm (`samepage-report`): what the survey shows after its first screen,
//! fetched by the loader only then, so the survey's own wasm stays within its first-screen
//! budget. Its exports take the survey as stored; see `samepage::report::later`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use samepage::core::embed::CodeCardRequest;
    use samepage::core::link::Participant;
    use samepage::report::later;
    use wasm_bindgen::prelude::*;

    /// The personal scorecard's markup for the stored survey `saved` of the questionnaire of
    /// `instrument` (the survey's records, `Instrument::builtin_records`); `advice` is the advice file's text, or `None` with
    /// `problem` saying why it could not be fetched. For a workshop participant (`workshop`,
    /// `nonce`, `team`), below their code card: `code` when the page made it, its link back
    /// opening the workshop page at `page`.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen]
    pub fn personal_scorecard(
        saved: &str,
        instrument: &str,
        advice: Option<String>,
        problem: &str,
        locale: &str,
        id_prefix: &str,
        workshop: Option<u32>,
        nonce: Option<u32>,
        team: Option<u8>,
        code: Option<String>,
        page: Option<String>,
    ) -> String {
        let page = page.unwrap_or_default();
        let card = participant(workshop, nonce, team).map(|participant| CodeCardRequest {
            participant,
            code: code.as_deref(),
            workshop_page: &page,
        });
        later::scorecard_html(
            saved,
            instrument,
            advice.as_deref().ok_or(problem),
            locale,
            id_prefix,
            card,
        )
    }

    /// The `samepage:complete` detail, as JSON text, for the stored survey `saved` of the
    /// questionnaire of `instrument`; with a workshop participant's
    /// `workshop`, `nonce` and `team`, it carries their response code.
    #[wasm_bindgen]
    pub fn complete_detail(
        saved: &str,
        instrument: &str,
        locale: &str,
        share: bool,
        workshop: Option<u32>,
        nonce: Option<u32>,
        team: Option<u8>,
    ) -> String {
        later::complete_json(
            saved,
            instrument,
            locale,
            share,
            participant(workshop, nonce, team),
        )
    }

    fn participant(
        workshop: Option<u32>,
        nonce: Option<u32>,
        team: Option<u8>,
    ) -> Option<Participant> {
        Some(Participant {
            workshop: workshop?,
            nonce: nonce?,
            team,
        })
    }
}

fn main() {}
