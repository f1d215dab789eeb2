//! A workshop as a JSON file: exported whole, imported back exactly, and validated on the way
//! in so a damaged or foreign file is refused with the reason and changes nothing.
//!
//! ```text
//! { "format": "samepage-workshop", "version": 1,
//!   "instrument": { "id": "samepage-core", "version": "1.0.0", "fingerprint": 123 },
//!   "workshop": { "id": …, "name": …, "team_labels": […], "minimum": 3, "archived": false,
//!                 "rounds": [ { "started": "2026-11-23", "facts": {…},
//!                               "responses": [ { "nonce": …, "team": null,
//!                                                "answers": { "role": "sales",
//!                                                             "cells": [4, 0, null, …],
//!                                                             "picks": [2, null] } } ] } ] } }
//! ```
//!
//! A cell is 1–5, 0 for "Can't judge", `null` when unanswered; a pick is an option index.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::code::fingerprint;
use super::instrument::Instrument;
use super::team::ANONYMITY_FLOOR;
use super::workshop::Workshop;

/// What the `format` field of every workshop file says.
pub const FORMAT: &str = "samepage-workshop";
/// The file version this build writes and reads.
pub const FILE_VERSION: u32 = 1;

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
}

/// Why a file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON, or not a SamePage workshop file.
    NotAWorkshop,
    /// Written by a newer version of SamePage.
    NewerVersion(u32),
    /// A workshop file, but its content does not fit: the reason names the place.
    Damaged(String),
    /// Its answers belong to another questionnaire or version of it.
    OtherInstrument { id: String, version: String },
    /// It asks for an anonymity minimum below the floor of three.
    MinimumTooLow(usize),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotAWorkshop => write!(f, "this is not a SamePage workshop file"),
            FileError::NewerVersion(v) => {
                write!(
                    f,
                    "this file was made by a newer version of SamePage (file version {v})"
                )
            }
            FileError::Damaged(why) => write!(f, "this file is damaged: {why}"),
            FileError::OtherInstrument { id, version } => write!(
                f,
                "this file's answers belong to another questionnaire ({id} {version})"
            ),
            FileError::MinimumTooLow(minimum) => write!(
                f,
                "this file shows groups from {minimum} people; the minimum is {ANONYMITY_FLOOR}"
            ),
        }
    }
}

/// The workshop as a JSON file's text.
pub fn export_json(instrument: &Instrument, workshop: &Workshop) -> String {
    let file = WorkshopFile {
        format: FORMAT.to_owned(),
        version: FILE_VERSION,
        instrument: stamp(instrument),
        workshop: workshop.clone(),
    };
    serde_json::to_string_pretty(&file).expect("a workshop always serialises")
}

/// Reads a workshop file made for `instrument`, or says why not.
pub fn import_json(instrument: &Instrument, text: &str) -> Result<Workshop, FileError> {
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
    let file: WorkshopFile =
        serde_json::from_str(text).map_err(|e| FileError::Damaged(e.to_string()))?;
    if file.instrument != stamp(instrument) {
        return Err(FileError::OtherInstrument {
            id: file.instrument.id,
            version: file.instrument.version,
        });
    }
    check(instrument, &file.workshop)?;
    Ok(file.workshop)
}

fn stamp(instrument: &Instrument) -> InstrumentStamp {
    InstrumentStamp {
        id: instrument.id.clone(),
        version: instrument.version.clone(),
        fingerprint: fingerprint(instrument),
    }
}

/// Everything serde cannot check: sizes, ranges and uniqueness.
fn check(instrument: &Instrument, workshop: &Workshop) -> Result<(), FileError> {
    if workshop.minimum < ANONYMITY_FLOOR {
        return Err(FileError::MinimumTooLow(workshop.minimum));
    }
    if workshop.rounds.is_empty() {
        return Err(FileError::Damaged("the workshop has no round".to_owned()));
    }
    let statements = instrument.statement_count();
    for (r, round) in (1..).zip(&workshop.rounds) {
        let facts = &round.facts;
        let share_ok = |share: Option<f64>| share.is_none_or(|s| (0.0..=1.0).contains(&s));
        let hours_ok = facts
            .follow_up_hours
            .is_none_or(|h| h.is_finite() && h >= 0.0);
        if !(hours_ok && share_ok(facts.accepted_share) && share_ok(facts.conversion)) {
            return Err(FileError::Damaged(format!(
                "round {r}: a fact is out of range"
            )));
        }
        let mut nonces = HashSet::new();
        for (n, collected) in (1..).zip(&round.responses) {
            let place = format!("round {r}, response {n}");
            let damaged = |what: String| Err(FileError::Damaged(format!("{place}: {what}")));
            let answers = &collected.answers;
            if !nonces.insert(collected.nonce) {
                return damaged("the same respondent appears twice".to_owned());
            }
            if answers.cells.len() != statements {
                return damaged(format!(
                    "{} answers, expected {statements}",
                    answers.cells.len()
                ));
            }
            if answers.picks.len() != instrument.definitions.len() {
                return damaged(format!(
                    "{} definitions, expected {}",
                    answers.picks.len(),
                    instrument.definitions.len()
                ));
            }
            let bad_pick = instrument
                .definitions
                .iter()
                .zip(&answers.picks)
                .any(|(q, pick)| pick.is_some_and(|i| usize::from(i) >= q.options.len()));
            if bad_pick {
                return damaged("a definitions answer names no option".to_owned());
            }
            if collected
                .team
                .is_some_and(|t| usize::from(t) >= workshop.team_labels.len())
            {
                return damaged("the team label does not exist".to_owned());
            }
        }
    }
    Ok(())
}
