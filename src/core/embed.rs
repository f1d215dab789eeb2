//! What an embedding page gives an instance (its `data-*` attributes) and what the instance
//! hands back (the `detail` of its `samepage:*` events, as JSON text). The rules live here,
//! tested natively; the UI only reads attributes and dispatches events.

use super::instrument::Instrument;
use super::link::Participant;
use super::response::{Response, Role};
use super::saved::DEFAULT_NAMESPACE;
use super::scoring::{Score, Scorecard, Stage};

/// The version of the `samepage:complete` payload; a host can rely on its fields.
pub const RESULTS_SCHEMA: u32 = 1;

/// The `data-results` value (any case) that keeps scores out of `samepage:complete`.
pub const NO_RESULTS: &str = "none";

/// An instance's options, read from its host element's attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// Keeps this instance's stored answers apart (`data-namespace`).
    pub namespace: String,
    /// The interface language asked for (`data-locale`); the caller falls back when it has
    /// no such locale.
    pub locale: Option<String>,
    /// False with `data-results="none"`: `samepage:complete` then carries no scores and no
    /// code.
    pub share_results: bool,
    /// The instance's accessible name (`data-label`), so that several instances on one page
    /// are told apart; the interface's default name when absent.
    pub label: Option<String>,
    /// With `data-kiosk` (any value but `false`): the device clears itself between people
    /// (see [`super::kiosk`]).
    pub kiosk: bool,
    /// A workshop's participant link or its fragment (`data-workshop`; the survey page sets
    /// it from its own `#join=…`): the survey then ends with the participant's response code.
    /// Read by [`super::link::JoinLink::read`].
    pub workshop: Option<String>,
}

impl EmbedOptions {
    /// Reads the options through `attribute`, which returns a host attribute's value by name
    /// (`data-namespace`, `data-locale`, `data-results`, `data-label`, `data-kiosk`,
    /// `data-workshop`). The namespace is
    /// checked where keys are made ([`super::saved::Keys::new`]).
    pub fn read(attribute: impl Fn(&str) -> Option<String>) -> EmbedOptions {
        let present = |name: &str| attribute(name).filter(|v| !v.trim().is_empty());
        EmbedOptions {
            namespace: present("data-namespace")
                .map_or_else(|| DEFAULT_NAMESPACE.to_owned(), |n| n.trim().to_owned()),
            locale: present("data-locale").map(|l| l.trim().to_ascii_lowercase()),
            share_results: !attribute("data-results")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case(NO_RESULTS)),
            label: present("data-label").map(|l| l.trim().to_owned()),
            kiosk: attribute("data-kiosk").is_some_and(|v| !v.trim().eq_ignore_ascii_case("false")),
            workshop: present("data-workshop"),
        }
    }
}

/// The `detail` of `samepage:progress`: how many of the survey's items are answered.
pub fn progress_detail(answered: usize, total: usize) -> String {
    format!(r#"{{"answered":{answered},"total":{total}}}"#)
}

/// The `detail` of `samepage:complete` for `response` to `instrument` in `locale`: the
/// figures the personal scorecard shows (whole points, as shown) and `code`, the response
/// code a facilitator can import. Without `share_results`, only the schema and the
/// instrument.
pub fn complete_detail(
    instrument: &Instrument,
    response: &Response,
    locale: &str,
    code: Option<&str>,
    share_results: bool,
) -> String {
    let mut json = complete_detail_without_figures(instrument);
    if !share_results {
        return json;
    }
    json.pop();
    let card = Scorecard::personal(instrument, response);
    json.push_str(r#","role":"#);
    push_string_or_null(&mut json, response.role.map(Role::id));
    push_figures(&mut json, "overall", card.overall);
    json.push_str(r#","areas":["#);
    for (index, result) in card.dimensions.iter().enumerate() {
        if index > 0 {
            json.push(',');
        }
        let name = instrument
            .dimension(&result.dimension_id)
            .map_or("", |d| d.name.get(locale));
        json.push_str(r#"{"id":"#);
        push_string(&mut json, &result.dimension_id);
        json.push_str(r#","name":"#);
        push_string(&mut json, name);
        push_figures(&mut json, "score", result.score);
        json.push_str(r#","cant_judge":"#);
        json.push_str(&result.cant_judge.to_string());
        json.push('}');
    }
    json.push_str(r#"],"definitions":["#);
    let mut first = true;
    for question in &instrument.definitions {
        let Some(answer) = response.definitions.get(&question.id) else {
            continue;
        };
        if !first {
            json.push(',');
        }
        first = false;
        json.push_str(r#"{"id":"#);
        push_string(&mut json, &question.id);
        json.push_str(r#","answer":"#);
        push_string(&mut json, answer);
        json.push('}');
    }
    json.push_str(r#"],"code":"#);
    push_string_or_null(&mut json, code);
    json.push('}');
    json
}

/// `,"<name>":<score>,"stage":<stage>`: a score as the scorecard shows it (whole points) and
/// its stage's stable id, or `null` twice for "not enough answers".
fn push_figures(json: &mut String, name: &str, score: Score) {
    json.push_str(",\"");
    json.push_str(name);
    json.push_str("\":");
    match score.whole() {
        Some(points) => json.push_str(&points.to_string()),
        None => json.push_str("null"),
    }
    json.push_str(r#","stage":"#);
    push_string_or_null(json, score.value().map(|v| Stage::of(v).id()));
}

/// `text` as a JSON string, or `null` when there is none.
fn push_string_or_null(json: &mut String, text: Option<&str>) {
    match text {
        Some(text) => push_string(json, text),
        None => json.push_str("null"),
    }
}

/// The `samepage:complete` detail with only the schema and the instrument: what a host gets
/// with `data-results="none"`, or when the figures cannot be computed.
pub fn complete_detail_without_figures(instrument: &Instrument) -> String {
    let mut json = String::from(r#"{"schema":"#);
    json.push_str(&RESULTS_SCHEMA.to_string());
    json.push_str(r#","instrument":{"id":"#);
    push_string(&mut json, &instrument.id);
    json.push_str(r#","version":"#);
    push_string(&mut json, &instrument.version);
    json.push_str("}}");
    json
}

/// `text` as a JSON string, quoted and escaped.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_string(&mut out, text);
    out
}

/// Appends `text` to `json` as a JSON string, quoted and escaped.
fn push_string(json: &mut String, text: &str) {
    json.push('"');
    for c in text.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\n' => json.push_str("\\n"),
            '\r' => json.push_str("\\r"),
            '\t' => json.push_str("\\t"),
            // Control characters, and the two line separators some JavaScript parsers refuse.
            c if c < ' ' || c == '\u{2028}' || c == '\u{2029}' => {
                json.push_str("\\u");
                let code = c as u32;
                for shift in [12, 8, 4, 0] {
                    json.push(char::from(
                        b"0123456789abcdef"[(code >> shift) as usize & 15],
                    ));
                }
            }
            c => json.push(c),
        }
    }
    json.push('"');
}

/// What a workshop participant's code card is made of (see `report::code_card`): who they
/// are, the code when the page made it itself (the workshop page, for a round of an earlier
/// questionnaire version; else the later wasm makes it), and the workshop page the code's
/// link back opens (the loader's, next to its own folder).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeCardRequest<'a> {
    pub participant: Participant,
    pub code: Option<&'a str>,
    pub workshop_page: &'a str,
}

/// A participant's fields in a request: `,"workshop":…,"nonce":…,"team":…` (`null`: none).
fn participant_fields(p: Participant) -> String {
    let team = p.team.map_or("null".to_owned(), |t| t.to_string());
    format!(
        r#","workshop":{},"nonce":{},"team":{team}"#,
        p.workshop, p.nonce
    )
}

/// What an instance asks its loader's `later` function for (JSON text): the personal
/// scorecard's markup, the `samepage:complete` detail, the advice file's text, or a QR code. The loader
/// answers from the survey's later wasm, the QR wasm and the advice files, fetched only when
/// first asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaterRequest<'a> {
    /// The scorecard of the stored survey `saved`, with the advice of its weakest areas
    /// (their files are named from `advice`, the whole advice file's name); for a
    /// workshop `participant`, below their code card (`code` when the page made it; the
    /// loader names the workshop page its link opens).
    Scorecard {
        saved: &'a str,
        /// The questionnaire's records (`Instrument::builtin_records`): the later wasm
        /// scores what the survey asked, and carries no copy of it.
        instrument: &'a str,
        locale: &'a str,
        advice: &'a str,
        id_prefix: &'a str,
        participant: Option<Participant>,
        code: Option<&'a str>,
    },
    /// The `samepage:complete` detail of the stored survey `saved`, with the response code of
    /// `participant` when the survey is a workshop's.
    Complete {
        saved: &'a str,
        /// As for [`LaterRequest::Scorecard`].
        instrument: &'a str,
        locale: &'a str,
        share_results: bool,
        participant: Option<Participant>,
    },
    /// The text of the advice file `advice`.
    Advice { advice: &'a str },
    /// Nothing yet: fetch the later wasm now, so the scorecard shows sooner (sent once the
    /// survey is past its first screen). Its advice waits: which areas' files it needs
    /// depends on the last answer.
    Prepare,
    /// The QR code of `text` as SVG markup titled `title` (empty when the text is too long
    /// for one): the encoder lives in the QR wasm, so no page's first load carries it.
    Qr { text: &'a str, title: &'a str },
}

impl LaterRequest<'_> {
    /// The request as the JSON text the loader reads.
    pub fn to_json(&self) -> String {
        match self {
            LaterRequest::Scorecard {
                saved,
                instrument,
                locale,
                advice,
                id_prefix,
                participant,
                code,
            } => format!(
                r#"{{"what":"scorecard","saved":{},"instrument":{},"locale":{},"advice":{},"prefix":{}{},"code":{}}}"#,
                string(saved),
                string(instrument),
                string(locale),
                string(advice),
                string(id_prefix),
                participant.map(participant_fields).unwrap_or_default(),
                code.map_or("null".to_owned(), string)
            ),
            LaterRequest::Complete {
                saved,
                instrument,
                locale,
                share_results,
                participant,
            } => format!(
                r#"{{"what":"complete","saved":{},"instrument":{},"locale":{},"share":{share_results}{}}}"#,
                string(saved),
                string(instrument),
                string(locale),
                participant.map(participant_fields).unwrap_or_default()
            ),
            LaterRequest::Advice { advice } => {
                format!(r#"{{"what":"advice","advice":{}}}"#, string(advice))
            }
            LaterRequest::Prepare => r#"{"what":"prepare"}"#.to_owned(),
            LaterRequest::Qr { text, title } => format!(
                r#"{{"what":"qr","text":{},"title":{}}}"#,
                string(text),
                string(title)
            ),
        }
    }
}
