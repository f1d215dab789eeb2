//! Responses as CSV (RFC 4180): one row per respondent, one column per statement, so a
//! spreadsheet program opens the file as it is. Starts with a UTF-8 byte order mark (Excel
//! reads the file as UTF-8 only with it), ends lines with CRLF, quotes every text field, and
//! defuses text that a spreadsheet would run as a formula.

use crate::core::instrument::{Catalogue, Instrument};
use crate::core::response::Answer;
use crate::core::team::Group;
use crate::core::workshop::Workshop;

/// What a "Can't judge" answer is written as (unanswered cells stay empty).
pub const CANT_JUDGE: &str = "cant_judge";

/// A text field, quoted, with inner quotes doubled, NUL characters removed, and a leading
/// `= + - @` (or its full-width form `＝ ＋ － ＠`, which some spreadsheets also read as one,
/// or a tab/CR) made inert by a leading apostrophe, so no cell of the file runs as a formula.
pub fn quote(text: &str) -> String {
    let text = text.replace('\0', "");
    let formula = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
    let defused = if text.starts_with(formula) {
        format!("'{text}")
    } else {
        text
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

/// The role written for a respondent whose role the report folds into "others".
pub const FOLDED: &str = "others";

/// What a "Not applicable" answer is written as.
pub const NOT_APPLICABLE: &str = "not_applicable";

/// Which rows a CSV file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvRows {
    /// Every response, the rows of groups the report hides included (the page warns first).
    All,
    /// Only the responses of groups the report shows (see `Round::shown`): a folded role
    /// written as "others", no team, respondents numbered without gaps.
    ShownGroups,
}

/// The responses of every round of `workshop`, all or only the shown groups' (`rows`). The
/// columns are the statements and choice questions of every questionnaire version its rounds
/// used (current version first, then what only earlier versions asked); a round leaves the
/// columns its version lacks empty.
pub fn responses_csv(catalogue: &Catalogue, workshop: &Workshop, rows: CsvRows) -> String {
    let mut versions: Vec<&Instrument> = vec![catalogue.current()];
    for round in &workshop.rounds {
        if let Some(instrument) = catalogue.version(&round.questionnaire) {
            if !versions.iter().any(|v| v.version == instrument.version) {
                versions.push(instrument);
            }
        }
    }
    let mut statements: Vec<&str> = Vec::new();
    let mut questions: Vec<&str> = Vec::new();
    for instrument in &versions {
        for statement in instrument.statements() {
            if !statements.contains(&statement.id.as_str()) {
                statements.push(&statement.id);
            }
        }
        for question in &instrument.definitions {
            if !questions.contains(&question.id.as_str()) {
                questions.push(&question.id);
            }
        }
    }
    let mut out = String::from("\u{feff}");
    let mut header = vec![
        quote("round"),
        quote("started"),
        quote("questionnaire"),
        quote("respondent"),
        quote("role"),
        quote("team"),
    ];
    header.extend(statements.iter().map(|id| quote(id)));
    header.extend(questions.iter().map(|id| quote(id)));
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (round_number, round) in (1..).zip(&workshop.rounds) {
        let Some(instrument) = catalogue.version(&round.questionnaire) else {
            continue;
        };
        // Of shown groups only: a folded respondent's role is written as "others", as the
        // report shows it; no team (the report never splits a group by team unguarded); and
        // respondents are numbered without gaps, which would count the hidden ones.
        let groups: Vec<Option<Group>> = match rows {
            CsvRows::All => Vec::new(),
            CsvRows::ShownGroups => round.shown(workshop.minimum),
        };
        let mut respondent = 0;
        for (index, collected) in round.responses.iter().enumerate() {
            let answers = &collected.answers;
            let (role, team) = match groups.get(index) {
                None => {
                    let team = collected
                        .team
                        .and_then(|t| workshop.team_labels.get(usize::from(t)))
                        .map_or("", String::as_str);
                    (answers.role.id(), team)
                }
                Some(None) => continue,
                Some(Some(Group::Role(role))) => (role.id(), ""),
                Some(Some(Group::Others)) => (FOLDED, ""),
            };
            respondent += 1;
            let mut row = vec![
                round_number.to_string(),
                quote(&round.started),
                quote(&round.questionnaire),
                respondent.to_string(),
                quote(role),
                quote(team),
            ];
            row.extend(statements.iter().map(|id| {
                let cell = instrument
                    .statement_index(id)
                    .and_then(|i| answers.cells.get(i).copied().flatten());
                match cell {
                    Some(Answer::Agreement(level)) => level.to_string(),
                    Some(Answer::CantJudge) => quote(CANT_JUDGE),
                    Some(Answer::NotApplicable) => quote(NOT_APPLICABLE),
                    None => String::new(),
                }
            }));
            row.extend(questions.iter().map(|id| {
                let index = instrument.definitions.iter().position(|q| q.id == *id);
                index
                    .and_then(|i| {
                        let pick = answers.picks.get(i).copied().flatten()?;
                        instrument.definitions[i].options.get(usize::from(pick))
                    })
                    .map_or_else(String::new, |o| quote(&o.id))
            }));
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
    }
    out
}
