//! A round's responses packed into one base64url text, as stored and exported from file
//! version 3: about 25 bytes a response, so one browser's storage (5 MiB of text in
//! Chromium) holds a workshop of 100,000 responses with room to spare. Earlier files wrote
//! each response as a JSON object of about 130 characters; those are still read.
//!
//! The text is unpadded base64url of a 3-byte header and then one record per response, each
//! padded to whole bytes, all records of a round the same length:
//!
//! | header byte | content |
//! | --- | --- |
//! | 1 | statements per response (`S`; an instrument has at most 255, `validate::MAX_ITEMS`) |
//! | 2 | choice questions per response (`Q`; at most 255 too) |
//! | 3 | bits per choice (`W`, 1–8): the fewest that hold the highest option picked |
//!
//! | record bits | content |
//! | --- | --- |
//! | 32 | respondent number |
//! | 8 | team label: 0 none, n the n-th label |
//! | 2 | role (0 sales, 1 marketing, 2 leadership, 3 other) |
//! | 2 | source: 0 unrecorded, 1 this device, 2 a response code |
//! | 3 each | the `S` statements, as in a response code: 0 unanswered, 1–5, 6 "Can't judge", 7 "Not applicable" |
//! | `W` each | the `Q` choices: 0 unanswered, n the n-th option |
//!
//! A round without responses is the empty text. Reading is strict (exact lengths, zero
//! padding, the narrowest choice width), so every accepted text has one meaning and packs back
//! to itself. Whether the counts fit the round's questionnaire is checked with the rest of the
//! file (`workshop_file`).

use serde::{Deserializer, Serializer};

use super::code::{base64url_decode, base64url_encode, BitReader, BitWriter};
use super::response::{Answer, Role};
use super::team::Answers;
use super::workshop::{Collected, Source};

const HEADER: usize = 3;
const SOURCES: [Source; 3] = [Source::Unrecorded, Source::Device, Source::Code];

/// How one round's records are laid out.
#[derive(Clone, Copy)]
struct Layout {
    statements: usize,
    choices: usize,
    choice_bits: u32,
}

impl Layout {
    fn record_bytes(self) -> usize {
        (44 + 3 * self.statements + self.choice_bits as usize * self.choices).div_ceil(8)
    }
}

/// The fewest bits that hold every value up to `highest`, and at least one.
fn width(highest: usize) -> u32 {
    (usize::BITS - highest.leading_zeros()).max(1)
}

/// Packs `responses` (see the module's table). Responses with fewer cells or picks than the
/// longest are packed with the missing ones unanswered; a round never has such.
pub fn pack(responses: &[Collected]) -> String {
    if responses.is_empty() {
        return String::new();
    }
    let statements = responses.iter().map(|c| c.answers.cells.len()).max();
    let choices = responses.iter().map(|c| c.answers.picks.len()).max();
    let highest = responses
        .iter()
        .flat_map(|c| &c.answers.picks)
        .map(|p| p.map_or(0, |i| usize::from(i) + 1))
        .max();
    let layout = Layout {
        statements: statements.unwrap_or(0),
        choices: choices.unwrap_or(0),
        choice_bits: width(highest.unwrap_or(0)),
    };
    debug_assert!(
        layout.statements <= 255 && layout.choices <= 255,
        "validate::MAX_ITEMS"
    );
    let mut bytes = vec![
        layout.statements as u8,
        layout.choices as u8,
        layout.choice_bits as u8,
    ];
    bytes.reserve(responses.len() * layout.record_bytes());
    for collected in responses {
        bytes.extend(record(layout, collected));
    }
    base64url_encode(&bytes)
}

fn record(layout: Layout, collected: &Collected) -> Vec<u8> {
    let answers = &collected.answers;
    let mut bits = BitWriter::default();
    bits.push(collected.nonce as usize >> 16, 16);
    bits.push(collected.nonce as usize & 0xffff, 16);
    bits.push(collected.team.map_or(0, |t| usize::from(t) + 1), 8);
    let role = Role::ALL.iter().position(|r| *r == answers.role);
    bits.push(role.unwrap_or(3), 2);
    let source = SOURCES.iter().position(|s| *s == collected.source);
    bits.push(source.unwrap_or(0), 2);
    for i in 0..layout.statements {
        let value = match answers.cells.get(i).copied().flatten() {
            None => 0,
            Some(Answer::Agreement(level)) => level,
            Some(Answer::CantJudge) => 6,
            Some(Answer::NotApplicable) => 7,
        };
        bits.push(usize::from(value), 3);
    }
    for i in 0..layout.choices {
        let pick = answers.picks.get(i).copied().flatten();
        bits.push(pick.map_or(0, |p| usize::from(p) + 1), layout.choice_bits);
    }
    bits.finish()
}

/// Reads what [`pack`] wrote; `None` for any other text.
pub fn unpack(text: &str) -> Option<Vec<Collected>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let bytes = base64url_decode(text)?;
    let (header, records) = bytes.split_at_checked(HEADER)?;
    let layout = Layout {
        statements: usize::from(header[0]),
        choices: usize::from(header[1]),
        choice_bits: u32::from(header[2]),
    };
    let size = layout.record_bytes();
    if !(1..=8).contains(&layout.choice_bits) || records.is_empty() || records.len() % size != 0 {
        return None;
    }
    let mut highest = 0;
    let mut responses = Vec::with_capacity(records.len() / size);
    for chunk in records.chunks(size) {
        let mut bits = BitReader::new(chunk);
        let nonce = (bits.take(16) << 16 | bits.take(16)) as u32;
        let team = (bits.take(8) as u8).checked_sub(1);
        let role = Role::ALL[bits.take(2)];
        let source = *SOURCES.get(bits.take(2))?;
        let cells = (0..layout.statements)
            .map(|_| match bits.take(3) as u8 {
                0 => None,
                6 => Some(Answer::CantJudge),
                7 => Some(Answer::NotApplicable),
                level => Some(Answer::Agreement(level)),
            })
            .collect();
        let picks = (0..layout.choices)
            .map(|_| {
                let value = bits.take(layout.choice_bits);
                highest = highest.max(value);
                value.checked_sub(1).map(|i| i as u8)
            })
            .collect();
        if !bits.rest_is_zero() {
            return None;
        }
        responses.push(Collected {
            nonce,
            team,
            answers: Answers { role, cells, picks },
            source,
        });
    }
    (width(highest) == layout.choice_bits).then_some(responses)
}

/// Writes a round's responses packed (serde's `serialize_with`).
pub fn serialize<S: Serializer>(responses: &[Collected], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&pack(responses))
}

/// Reads a round's responses packed, or as the list of objects files before version 3
/// wrote (serde's `deserialize_with`).
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Collected>, D::Error> {
    struct EitherForm;
    impl<'de> serde::de::Visitor<'de> for EitherForm {
        type Value = Vec<Collected>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            // Only serde sees this; people see `workshop_file::Damage`.
            f.write_str("responses")
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Vec<Collected>, E> {
            unpack(text).ok_or_else(|| E::custom("bad responses"))
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Collected>, A::Error> {
            let mut responses = Vec::new();
            while let Some(collected) = seq.next_element::<Collected>()? {
                responses.push(collected);
            }
            Ok(responses)
        }
    }
    deserializer.deserialize_any(EitherForm)
}
