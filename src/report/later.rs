//! What the survey shows after its first screen, computed by a wasm of its own
//! (`samepage-report`, `src/bin/report.rs`) that the loader fetches only then: the personal
//! scorecard with its advice, and the `samepage:complete` payload. The survey's own wasm,
//! which must load before the first question within its budget, carries none of it. Both
//! take the survey as it is stored (`core::saved`), so the two wasms share one format.

use crate::core::code::{encode, CodedResponse};
use crate::core::embed::{complete_detail, CodeCardRequest};
use crate::core::instrument::{advice_area_file, Instrument};
use crate::core::link::{codes_link, Participant};
use crate::core::response::Response;
use crate::core::saved::{InstrumentRef, SavedSurvey};
use crate::core::scoring::Scorecard;
use crate::i18n::{fill_text, Locale, ReportStrings};

use super::code_card::{code_card, CodeCard};
use super::markup;
use super::scorecard::{personal_scorecard, ScorecardInput, WEAKEST_SHOWN};

/// The instrument of `records` (as [`Instrument::builtin_records`] gives them) with the
/// advice in `advice` applied (or the reason it is not, `damaged` when it cannot be read):
/// the texts of advice files, each preceded by NUL, as the module joins those
/// [`advice_files`] names (none: nothing to apply).
fn instrument(
    records: &str,
    locale: &str,
    advice: Result<&str, &str>,
    damaged: &str,
) -> (Instrument, Option<String>) {
    let mut instrument = Instrument::from_records(records);
    let problem = match advice {
        Ok(files) => {
            let files: Vec<&str> = files.split('\0').skip(1).collect();
            instrument
                .apply_advice_files(locale, &files)
                .err()
                .map(|_| damaged.to_owned())
        }
        Err(reason) => Some(reason.to_owned()),
    };
    (instrument, problem)
}

/// The advice files the personal scorecard of the stored survey `saved` needs (its weakest
/// areas', see [`Instrument::advice_by_area`]), one name a line, from the name of the whole
/// file `whole`; none when the survey cannot be scored.
pub fn advice_files(saved: &str, records: &str, whole: &str) -> String {
    let instrument = Instrument::from_records(records);
    let Ok(survey) = survey_of(&instrument, saved) else {
        return String::new();
    };
    let card = Scorecard::personal(&instrument, &survey.response);
    let mut names = String::new();
    for weak in card.weakest(WEAKEST_SHOWN) {
        if let Some(area) = instrument
            .dimensions
            .iter()
            .position(|d| d.id == weak.dimension_id)
        {
            names.push_str(&advice_area_file(whole, area));
            names.push('\n');
        }
    }
    names
}

/// The stored survey `saved`, if it can be read and answers `instrument` (this build's
/// questionnaire). A survey of an earlier version (a workshop round that still collects
/// 1.0.0) is not scored against this one: half its answers would be missing.
fn survey_of(instrument: &Instrument, saved: &str) -> Result<SavedSurvey, Option<String>> {
    let saved = SavedSurvey::decode(saved).map_err(|_| None)?;
    if saved.instrument == InstrumentRef::to(instrument) {
        Ok(saved)
    } else {
        Err(Some(saved.instrument.version))
    }
}

/// The personal scorecard's markup for the stored survey `saved`, answering the
/// questionnaire of `records` (the survey's [`Instrument::builtin_records`]), in `locale`, with the
/// advice (the texts of the files [`advice_files`] names, each preceded by NUL; or why they
/// could not be had, said above the scores), element ids
/// prefixed with `id_prefix`; for a workshop participant, below the code card `code` asks
/// for.
pub fn scorecard_html(
    saved: &str,
    records: &str,
    advice: Result<&str, &str>,
    locale: &str,
    id_prefix: &str,
    code: Option<CodeCardRequest>,
) -> String {
    let locale = Locale::chosen(Some(locale));
    let (shared, report) = (locale.shared_strings(), locale.report_strings());
    let mut html = code
        .map(|card| code_card_html(saved, records, card, report, id_prefix))
        .unwrap_or_default();
    let (instrument, problem) = instrument(records, locale.code(), advice, report.advice_damaged);
    let saved = match survey_of(&instrument, saved) {
        Ok(saved) => saved,
        Err(Some(version)) => {
            let note = fill_text(
                report.scorecard_other_version,
                &[("version", &version), ("ours", &instrument.version)],
            );
            markup(&mut html, r#"<p class="samepage__notice">{}</p>"#, &[&note]);
            return html;
        }
        Err(None) => {
            let reason = fill_text(
                shared.scorecard_failed,
                &[("reason", report.survey_unreadable)],
            );
            markup(&mut html, r#"<p role="alert">{}</p>"#, &[&reason]);
            return html;
        }
    };
    if let Some(reason) = problem {
        let note = fill_text(report.advice_failed, &[("reason", &reason)]);
        markup(
            &mut html,
            r#"<p class="samepage__notice samepage__notice--warning" role="alert">{}</p>"#,
            &[&note],
        );
    }
    html.push_str(&personal_scorecard(&ScorecardInput {
        instrument: &instrument,
        response: &saved.response,
        shared,
        report,
        locale: locale.code(),
        id_prefix,
    }));
    html
}

/// The `samepage:complete` detail for the stored survey `saved` (see
/// [`crate::core::embed::complete_detail`]) answering the questionnaire of `records`, with `participant`'s response code when the
/// survey is a workshop's; only the schema and the instrument when it cannot be read or
/// answers another questionnaire version.
pub fn complete_json(
    saved: &str,
    records: &str,
    locale: &str,
    share_results: bool,
    participant: Option<Participant>,
) -> String {
    let instrument = Instrument::from_records(records);
    let survey = survey_of(&instrument, saved).ok();
    let shared = share_results && survey.is_some();
    let mut response = survey.map(|s| s.response).unwrap_or_default();
    let code = participant.map(|p| {
        let (code, coded) = code_of(&instrument, p, std::mem::take(&mut response));
        response = coded;
        code
    });
    complete_detail(&instrument, &response, locale, code.as_deref(), shared)
}

/// The code card (see [`super::code_card`]) `card` asks for, for the stored survey `saved`:
/// with the code the page made, or else one made here; nothing when there is no code.
fn code_card_html(
    saved: &str,
    records: &str,
    card: CodeCardRequest,
    report: &ReportStrings,
    id_prefix: &str,
) -> String {
    let code = card.code.map_or_else(
        || response_code(saved, records, card.participant),
        str::to_owned,
    );
    if code.is_empty() {
        return code;
    }
    let link = codes_link(card.workshop_page, &code);
    code_card(&CodeCard {
        code: &code,
        link: &link,
        qr_title: report.code_qr_title,
        report,
        id_prefix,
    })
}

/// `participant`'s response code for the stored survey `saved` of the questionnaire of
/// `records`, or nothing when it cannot be
/// read or answers another questionnaire version.
pub fn response_code(saved: &str, records: &str, participant: Participant) -> String {
    let instrument = Instrument::from_records(records);
    survey_of(&instrument, saved)
        .map(|survey| code_of(&instrument, participant, survey.response).0)
        .unwrap_or_default()
}

/// `participant`'s response code for `response`, and the response back (coded without a
/// copy: a clone of the answers would cost the wasm their clone code).
fn code_of(
    instrument: &Instrument,
    participant: Participant,
    response: Response,
) -> (String, Response) {
    let coded = CodedResponse {
        workshop: participant.workshop,
        nonce: participant.nonce,
        team: participant.team,
        response,
    };
    (encode(instrument, &coded), coded.response)
}
