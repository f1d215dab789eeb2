//! A workshop as a JSON file: exported whole, imported back exactly, and validated on the way
//! in so a damaged or foreign file is refused with the reason and changes nothing. The stored
//! form of a workshop is the same format.
//!
//! ```text
//! { "format": "samepage-workshop", "version": 3,
//!   "instrument": { "id": "samepage-core", "version": "2.0.0", "fingerprint": 123 },
//!   "workshop": { "id": …, "name": …, "team_labels": […], "minimum": 3, "archived": false,
//!                 "rounds": [ { "started": "2026-11-23", "questionnaire": "2.0.0",
//!                               "facts": {…}, "responses": "AygDAAAD6AEm…" } ] } }
//! ```
//!
//! Version 3 packs each round's responses into one text of about 34 characters a response
//! (see `packed`), so a workshop of 100,000 responses fits in a browser's storage.
//! Version 2 names each round's questionnaire version (rounds collected with 1.0.0 keep it)
//! and wrote each response as an object, `{ "nonce", "team", "answers": "sales/45.0n3…/2,-",
//! "source": "device" }` (see `team::Answers`; `source` absent before it was recorded).
//! Version 1 files (questionnaire 1.0.0, answers laid out as `{"role", "cells", "picks"}`)
//! are still read too: reading every earlier version is the one migration, for stored
//! workshops (rewritten as version 3 at their next save) and files alike.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::code::fingerprint;
use super::instrument::{Catalogue, Instrument};
use super::sync::Stamps;
use super::team::ANONYMITY_FLOOR;
use super::workshop::{Fact, Workshop};

/// What the `format` field of every workshop file says.
pub const FORMAT: &str = "samepage-workshop";
/// The file version this build writes; it reads this one and every earlier one.
pub const FILE_VERSION: u32 = 3;
/// The longest workshop name, in characters (the name fields allow no more).
pub const MAX_NAME_CHARS: usize = 80;
/// The most team labels a stored workshop may have: what a participant link carries (a
/// code carries a label's index in one byte). New workshops allow fewer
/// (`workshop::MAX_LABELS`); label lengths are limited only at creation, so workshops made
/// before that limit keep opening.
pub const MAX_STORED_LABELS: usize = 250;

/// The questionnaire a file's answers belong to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct InstrumentStamp {
    id: String,
    version: String,
    fingerprint: u32,
}

#[derive(Serialize, Deserialize)]
struct WorkshopFile {
    format: String,
    version: u32,
    instrument: InstrumentStamp,
    workshop: Workshop,
    /// Only in stored copies (see `sync`); a file leaves them out, and reading one ignores them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    stamps: Option<String>,
}

/// Where in a file something is wrong: a round and a response, counted from 1.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    pub round: Option<usize>,
    pub response: Option<usize>,
}

/// What is wrong with a damaged file. The words for each are in the translation table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// A field is missing or has the wrong kind of value.
    Shape,
    /// The workshop has no round.
    NoRound,
    /// The name is empty or longer than [`MAX_NAME_CHARS`].
    BadName,
    /// A team label is empty or repeated, or there are more than [`MAX_STORED_LABELS`].
    BadLabels,
    /// A date is not `YYYY-MM-DD`.
    BadDate,
    /// A fact is out of its range.
    FactOutOfRange,
    /// The same respondent appears twice in a round.
    DuplicateRespondent,
    /// A response has `found` statement answers where its questionnaire has `expected`.
    AnswerCount { found: usize, expected: usize },
    /// A response has `found` choice answers where its questionnaire has `expected`.
    ChoiceCount { found: usize, expected: usize },
    /// A choice answer names no option, or "Not applicable" stands where it is not offered.
    BadAnswer,
    /// A response names a team label that does not exist.
    UnknownTeam,
}

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or not a SamePage workshop file.
    NotAWorkshop,
    /// Written by a newer version of SamePage.
    NewerVersion(u32),
    /// A workshop file, but its content does not fit.
    Damaged(Place, Damage),
    /// Its answers belong to a questionnaire, or a version of it, that this build lacks.
    OtherInstrument { id: String, version: String },
    /// It asks for an anonymity minimum below the floor of three.
    MinimumTooLow(usize),
}

/// The workshop as a JSON file's text (compact; stored, it also carries its stamps).
pub fn export_json(catalogue: &Catalogue, workshop: &Workshop) -> String {
    export_stored(catalogue, workshop, None)
}

/// The workshop as it is stored: a file's text with the stamps of its fields.
pub fn export_stored(catalogue: &Catalogue, workshop: &Workshop, stamps: Option<Stamps>) -> String {
    let file = WorkshopFile {
        format: FORMAT.to_owned(),
        version: FILE_VERSION,
        instrument: stamp(catalogue.current()),
        workshop: workshop.clone(),
        stamps: stamps.map(|s| s.encode()),
    };
    serde_json::to_string(&file).unwrap_or_else(|_| unreachable!("a workshop always serialises"))
}

/// The lineage of a stored workshop's text (see `sync`; 0 when it has no stamps), found
/// without reading the rest: `stamps` is the last field, and no string in the JSON before it
/// can hold an unescaped quote.
pub fn stored_lineage(text: &str) -> u32 {
    let Some(at) = text.rfind("\"stamps\":\"") else {
        return 0;
    };
    let rest = &text[at + "\"stamps\":\"".len()..];
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..digits].parse().unwrap_or(0)
}

/// Reads a workshop file whose rounds use questionnaires of `catalogue`, or says why not.
pub fn import_json(catalogue: &Catalogue, text: &str) -> Result<Workshop, FileError> {
    import_stored(catalogue, text).map(|(workshop, _)| workshop)
}

/// Reads a stored workshop and the stamps of its fields (none in files and older stored text).
pub fn import_stored(
    catalogue: &Catalogue,
    text: &str,
) -> Result<(Workshop, Option<Stamps>), FileError> {
    #[derive(Deserialize)]
    struct Header {
        format: String,
        version: u32,
    }
    let header: Header = serde_json::from_str(text).map_err(|_| FileError::NotAWorkshop)?;
    if header.format != FORMAT {
        return Err(FileError::NotAWorkshop);
    }
    if header.version > FILE_VERSION {
        return Err(FileError::NewerVersion(header.version));
    }
    if header.version == 0 {
        return Err(FileError::NotAWorkshop);
    }
    let file: WorkshopFile = serde_json::from_str(text)
        .map_err(|_| FileError::Damaged(Place::default(), Damage::Shape))?;
    let known = catalogue
        .version(&file.instrument.version)
        .is_some_and(|i| stamp(i) == file.instrument);
    if !known {
        return Err(FileError::OtherInstrument {
            id: file.instrument.id,
            version: file.instrument.version,
        });
    }
    check(catalogue, &file.workshop)?;
    // Stamps that cannot be read only cost the merging of crossed writes (`sync`).
    let stamps = file.stamps.as_deref().and_then(Stamps::decode);
    Ok((file.workshop, stamps))
}

fn stamp(instrument: &Instrument) -> InstrumentStamp {
    InstrumentStamp {
        id: instrument.id.clone(),
        version: instrument.version.clone(),
        fingerprint: fingerprint(instrument),
    }
}

/// `chars` characters of storage as megabytes (millions of characters), rounded up to one
/// decimal: what a facilitator reads when a workshop does not fit, never "0.0" for something.
pub fn megabytes(chars: usize) -> String {
    super::scoring::decimal(chars.div_ceil(100_000) as f64 / 10.0, 1)
}

/// True for a `YYYY-MM-DD` date with a month 1–12 and a day 1–31.
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    let number = |r: std::ops::Range<usize>| {
        digits(r.clone())
            .then(|| text[r].parse::<u32>().ok())
            .flatten()
    };
    matches!((number(5..7), number(8..10)), (Some(1..=12), Some(1..=31)))
}

/// Everything serde cannot check: sizes, ranges and uniqueness, each round against its own
/// questionnaire version.
fn check(catalogue: &Catalogue, workshop: &Workshop) -> Result<(), FileError> {
    let whole = |damage| Err(FileError::Damaged(Place::default(), damage));
    if workshop.minimum < ANONYMITY_FLOOR {
        return Err(FileError::MinimumTooLow(workshop.minimum));
    }
    if workshop.rounds.is_empty() {
        return whole(Damage::NoRound);
    }
    let name = workshop.name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return whole(Damage::BadName);
    }
    // At most 250 labels: comparing each with those before it costs nothing worth a hash set.
    let labels = &workshop.team_labels;
    let labels_ok = labels.len() <= MAX_STORED_LABELS
        && (labels.iter().enumerate())
            .all(|(i, l)| !l.trim().is_empty() && !labels[..i].contains(l));
    if !labels_ok {
        return whole(Damage::BadLabels);
    }
    for (r, round) in (1..).zip(&workshop.rounds) {
        let in_round = |damage| {
            Err(FileError::Damaged(
                Place {
                    round: Some(r),
                    response: None,
                },
                damage,
            ))
        };
        let Some(instrument) = catalogue.version(&round.questionnaire) else {
            return Err(FileError::OtherInstrument {
                id: catalogue.current().id.clone(),
                version: round.questionnaire.clone(),
            });
        };
        if !is_date(&round.started) {
            return in_round(Damage::BadDate);
        }
        let facts_ok = Fact::ALL
            .iter()
            .all(|f| f.value(&round.facts).is_none_or(|v| f.in_range(v)));
        if !facts_ok {
            return in_round(Damage::FactOutOfRange);
        }
        let statements = instrument.statement_count();
        let mut nonces = HashSet::new();
        for (n, collected) in (1..).zip(&round.responses) {
            let damaged = |damage| {
                Err(FileError::Damaged(
                    Place {
                        round: Some(r),
                        response: Some(n),
                    },
                    damage,
                ))
            };
            let answers = &collected.answers;
            if !nonces.insert(collected.nonce) {
                return damaged(Damage::DuplicateRespondent);
            }
            if answers.cells.len() != statements {
                return damaged(Damage::AnswerCount {
                    found: answers.cells.len(),
                    expected: statements,
                });
            }
            if answers.picks.len() != instrument.definitions.len() {
                return damaged(Damage::ChoiceCount {
                    found: answers.picks.len(),
                    expected: instrument.definitions.len(),
                });
            }
            let bad_pick = instrument
                .definitions
                .iter()
                .zip(&answers.picks)
                .any(|(q, pick)| pick.is_some_and(|i| usize::from(i) >= q.options.len()));
            let bad_not_applicable = instrument.statements().zip(&answers.cells).any(|(s, c)| {
                *c == Some(super::response::Answer::NotApplicable) && !s.not_applicable
            });
            if bad_pick || bad_not_applicable {
                return damaged(Damage::BadAnswer);
            }
            if collected
                .team
                .is_some_and(|t| usize::from(t) >= workshop.team_labels.len())
            {
                return damaged(Damage::UnknownTeam);
            }
        }
    }
    Ok(())
}

/// The longest a file name's stem may be, in bytes (file systems allow 255).
const MAX_STEM_BYTES: usize = 100;

/// The name of a file downloaded for the workshop `name`: `samepage-<name>.<extension>`, with
/// ASCII letters lower-cased, ASCII digits and other scripts' characters kept, and every run of
/// anything else (spaces of any script, ASCII punctuation such as `/ : " *`, control
/// characters, and the invisible formatting characters that could make a name read backwards)
/// made one dash; at most [`MAX_STEM_BYTES`] of it.
pub fn file_name(workshop_name: &str, extension: &str) -> String {
    let invisible = |c: char| {
        c.is_control()
            || c.is_whitespace()
            || matches!(c, '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{e0000}'..='\u{e007f}')
    };
    let mut stem = String::new();
    for c in workshop_name.chars() {
        if stem.len() + c.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        if c.is_ascii_alphanumeric() || !(c.is_ascii() || invisible(c)) {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "workshop" } else { stem };
    format!("samepage-{stem}.{extension}")
}
