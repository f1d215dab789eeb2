//! Responses as CSV (RFC 4180): one row per respondent, one column per statement, so a
//! spreadsheet program opens the file as it is. Starts with a UTF-8 byte order mark (Excel
//! reads the file as UTF-8 only with it), ends lines with CRLF, quotes every text field, and
//! defuses text that a spreadsheet would run as a formula.

use crate::core::instrument::Instrument;
use crate::core::response::Answer;
use crate::core::workshop::Workshop;

/// What a "Can't judge" answer is written as (unanswered cells stay empty).
pub const CANT_JUDGE: &str = "cant_judge";

/// A text field, quoted, with inner quotes doubled and a leading `= + - @` (or tab/CR) made
/// inert by a leading apostrophe, so no cell of the file runs as a formula.
pub fn quote(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// Every response of every round of `workshop`.
pub fn responses_csv(instrument: &Instrument, workshop: &Workshop) -> String {
    let mut out = String::from("\u{feff}");
    let mut header = vec![
        quote("round"),
        quote("started"),
        quote("respondent"),
        quote("role"),
        quote("team"),
    ];
    header.extend(instrument.statements().map(|s| quote(&s.id)));
    header.extend(instrument.definitions.iter().map(|q| quote(&q.id)));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (round_number, round) in (1..).zip(&workshop.rounds) {
        for (respondent, collected) in (1..).zip(&round.responses) {
            let answers = &collected.answers;
            let team = collected
                .team
                .and_then(|t| workshop.team_labels.get(usize::from(t)))
                .map_or("", String::as_str);
            let mut row = vec![
                round_number.to_string(),
                quote(&round.started),
                respondent.to_string(),
                quote(answers.role.id()),
                quote(team),
            ];
            row.extend(answers.cells.iter().map(|cell| match cell {
                Some(Answer::Agreement(level)) => level.to_string(),
                Some(Answer::CantJudge) => quote(CANT_JUDGE),
                None => String::new(),
            }));
            row.extend(
                instrument
                    .definitions
                    .iter()
                    .zip(&answers.picks)
                    .map(|(q, pick)| {
                        pick.and_then(|i| q.options.get(usize::from(i)))
                            .map_or_else(String::new, |o| quote(&o.id))
                    }),
            );
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}
