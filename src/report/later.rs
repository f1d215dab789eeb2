//! What the survey shows after its first screen, computed by a wasm of its own
//! (`samepage-report`, `src/bin/report.rs`) that the loader fetches only then: the personal
//! scorecard with its advice, and the `samepage:complete` payload. The survey's own wasm,
//! which must load before the first question within its budget, carries none of it. Both
//! take the survey as it is stored (`core::saved`), so the two wasms share one format.

use crate::core::embed::complete_detail;
use crate::core::instrument::Instrument;
use crate::core::saved::{InstrumentRef, SavedSurvey};
use crate::i18n::{fill, Locale};

use super::escape;
use super::scorecard::{personal_scorecard, ScorecardInput};

/// The built-in instrument with the advice in `advice` applied (or the reason it is not).
fn instrument(locale: &str, advice: Result<&str, &str>) -> (Instrument, Option<String>) {
    let mut instrument = Instrument::builtin_without_advice();
    let problem = match advice {
        Ok(records) => instrument
            .apply_advice(locale, records)
            .err()
            .map(|_| "damaged".to_owned()),
        Err(reason) => Some(reason.to_owned()),
    };
    (instrument, problem)
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

/// The personal scorecard's markup for the stored survey `saved`, in `locale`, with the
/// advice file's text (or why it could not be had, said above the scores), element ids
/// prefixed with `id_prefix`.
pub fn scorecard_html(
    saved: &str,
    advice: Result<&str, &str>,
    locale: &str,
    id_prefix: &str,
) -> String {
    let locale = Locale::chosen(Some(locale));
    let (t, report) = (locale.strings(), locale.report_strings());
    let (instrument, problem) = instrument(locale.code(), advice);
    let saved = match survey_of(&instrument, saved) {
        Ok(saved) => saved,
        Err(Some(version)) => {
            let note = fill(
                report.scorecard_other_version,
                &[("version", &version), ("ours", &instrument.version)],
            );
            return format!(r#"<p class="samepage__notice">{}</p>"#, escape(&note));
        }
        Err(None) => {
            let reason = fill(t.scorecard_failed, &[("reason", &"unreadable")]);
            return format!(r#"<p role="alert">{}</p>"#, escape(&reason));
        }
    };
    let mut html = String::new();
    if let Some(reason) = problem {
        let note = fill(report.advice_failed, &[("reason", &reason)]);
        html.push_str(&format!(
            r#"<p class="samepage__notice samepage__notice--warning" role="alert">{}</p>"#,
            escape(&note)
        ));
    }
    html.push_str(&personal_scorecard(&ScorecardInput {
        instrument: &instrument,
        response: &saved.response,
        strings: t,
        report,
        locale: locale.code(),
        id_prefix,
    }));
    html
}

/// The `samepage:complete` detail for the stored survey `saved` (see
/// [`crate::core::embed::complete_detail`]); only the schema and the instrument when it cannot
/// be read or answers another questionnaire version. No response code yet: an embedded
/// survey is not tied to a workshop.
pub fn complete_json(saved: &str, locale: &str, share_results: bool) -> String {
    let instrument = Instrument::builtin_without_advice();
    let survey = survey_of(&instrument, saved).ok();
    let shared = share_results && survey.is_some();
    let response = survey.map(|s| s.response).unwrap_or_default();
    complete_detail(&instrument, &response, locale, None, shared)
}
