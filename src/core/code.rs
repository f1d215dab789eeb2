//! Response codes: one respondent's answers as short, URL-safe, versioned, checksummed text,
//! so a participant on their own device can hand them to the facilitator without a server.
//!
//! A code is `SP2.` followed by unpadded base64url of these bytes:
//!
//! | bytes | content |
//! | --- | --- |
//! | 1 | format version (2) |
//! | 4 | workshop id (big-endian) |
//! | 4 | instrument fingerprint ([`fingerprint`]) |
//! | 4 | respondent number: random per person, tells two people with identical answers apart |
//! | 1 | role (0 sales, 1 marketing, 2 leadership, 3 other) |
//! | 1 | team label: 0 none, n the n-th label of the workshop |
//! | ⌈3·S/8⌉ | each statement in instrument order, 3 bits: 0 unanswered, 1–5, 6 "Can't judge", 7 "Not applicable" |
//! | ⌈B/8⌉ | each choice question, in as few bits as its options need (`B` in all): 0 unanswered, n the n-th option |
//! | 4 | CRC-32 of everything before it |
//!
//! A code of a newer format (`SP3.` and on) is recognised as such and refused with that reason.
//! Format 1 (`SP1.`, questionnaire 1.0.0) is still read: the same fields, without "Not
//! applicable", and 4 bits per choice question. Decoding is strict: any other length, value or
//! non-canonical base64 is refused, so a single changed character is always detected.

use super::instrument::Instrument;
use super::response::{Answer, Response, Role};

/// What every code this build writes starts with: product and format version.
pub const PREFIX: &str = "SP2.";
const FORMAT_VERSION: u8 = 2;
const CANT_JUDGE_BITS: u8 = 6;
const NOT_APPLICABLE_BITS: u8 = 7;
/// Bytes before the answers: version, workshop, fingerprint, respondent, role, team.
const HEADER: usize = 15;

/// A respondent's answers as carried by a code, with what identifies the code itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedResponse {
    pub workshop: u32,
    /// Random per respondent: two codes with the same nonce and answers are one response.
    pub nonce: u32,
    /// Index into the workshop's team labels, if the respondent chose one.
    pub team: Option<u8>,
    pub response: Response,
}

/// Why a code was refused. The words for each are in the translation table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not `SP<n>.` followed by base64url.
    NotACode,
    /// The text was changed or cut: the checksum does not match.
    Corrupted,
    /// Made by a newer version of SamePage.
    NewerVersion(u8),
    /// Made for another workshop.
    OtherWorkshop,
    /// Made with another questionnaire, or another version of it: the version, when it is
    /// one this build knows.
    OtherInstrument(Option<String>),
    /// Checksummed, but a value is out of range: made by a faulty tool.
    Invalid,
}

/// A 32-bit fingerprint of an instrument's id, version and statement and option ids: codes
/// only decode against the questionnaire they were made with.
pub fn fingerprint(instrument: &Instrument) -> u32 {
    let mut text = instrument.id.clone() + "\n" + &instrument.version;
    for statement in instrument.statements() {
        text.push('\n');
        text.push_str(&statement.id);
    }
    for question in &instrument.definitions {
        for option in &question.options {
            text.push('\n');
            text.push_str(&question.id);
            text.push('.');
            text.push_str(&option.id);
        }
    }
    crc32(text.as_bytes())
}

/// Bits a choice question with `options` options takes in format `version`.
fn pick_width(version: u8, options: usize) -> u32 {
    if version == 1 {
        4
    } else {
        usize::BITS - options.leading_zeros()
    }
}

/// Encodes `coded` for `instrument`. Answers to statements the instrument lacks are left out.
pub fn encode(instrument: &Instrument, coded: &CodedResponse) -> String {
    let mut bytes = vec![FORMAT_VERSION];
    bytes.extend(coded.workshop.to_be_bytes());
    bytes.extend(fingerprint(instrument).to_be_bytes());
    bytes.extend(coded.nonce.to_be_bytes());
    let role = coded.response.role.unwrap_or(Role::Other);
    bytes.push(Role::ALL.iter().position(|r| *r == role).unwrap_or(3) as u8);
    bytes.push(coded.team.map_or(0, |t| t.saturating_add(1)));

    let mut bits = BitWriter::default();
    for statement in instrument.statements() {
        let value = match coded.response.answer(&statement.id) {
            None => 0,
            Some(Answer::CantJudge) => CANT_JUDGE_BITS,
            Some(Answer::NotApplicable) => NOT_APPLICABLE_BITS,
            Some(Answer::Agreement(level)) => level,
        };
        bits.push(usize::from(value), 3);
    }
    bytes.extend(bits.finish());
    let mut bits = BitWriter::default();
    for question in &instrument.definitions {
        let picked = coded.response.definitions.get(&question.id);
        let index = picked
            .and_then(|id| question.options.iter().position(|o| &o.id == id))
            .map_or(0, |i| i + 1);
        bits.push(index, pick_width(FORMAT_VERSION, question.options.len()));
    }
    bytes.extend(bits.finish());
    bytes.extend(crc32(&bytes).to_be_bytes());
    PREFIX.to_owned() + &base64url_encode(&bytes)
}

/// Decodes one code made for `workshop` with `instrument`. For many codes, make one
/// [`Decoder`]: it computes the instrument's fingerprint once.
pub fn decode(
    instrument: &Instrument,
    workshop: u32,
    code: &str,
) -> Result<CodedResponse, CodeError> {
    Decoder::new(instrument, workshop).decode(code)
}

/// A code's format version (the digits of `SP<n>.`, any version, so a newer code is
/// recognised as one) and the text after the prefix.
fn split_prefix(code: &str) -> Option<(u8, &str)> {
    let rest = code.strip_prefix("SP")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let body = rest[digits..].strip_prefix('.')?;
    let version = rest[..digits].parse::<u8>().ok().filter(|v| *v > 0)?;
    Some((version, body))
}

/// The checksummed bytes of an intact code, with its format version; `None` otherwise.
fn intact(code: &str) -> Option<(u8, Vec<u8>)> {
    let (version, body) = split_prefix(code.trim())?;
    let bytes = base64url_decode(body)?;
    if bytes.len() < HEADER + 4 {
        return None;
    }
    let (content, checksum) = bytes.split_at(bytes.len() - 4);
    (crc32(content).to_be_bytes() == checksum).then(|| (version, content.to_vec()))
}

/// The workshop a code was made for, if it is an intact code at all: lets a facilitator's
/// device find the workshop a code belongs to before decoding it against that workshop.
pub fn workshop_of(code: &str) -> Option<u32> {
    let (_, content) = intact(code)?;
    Some(u32::from_be_bytes([
        content[1], content[2], content[3], content[4],
    ]))
}

/// Decodes the codes of one workshop and instrument.
pub struct Decoder<'a> {
    instrument: &'a Instrument,
    workshop: u32,
    fingerprint: u32,
    /// Fingerprints of other questionnaire versions this build knows, to name them.
    known: Vec<(u32, String)>,
}

impl<'a> Decoder<'a> {
    /// A decoder for codes made for `workshop` with `instrument`.
    pub fn new(instrument: &'a Instrument, workshop: u32) -> Decoder<'a> {
        Decoder {
            instrument,
            workshop,
            fingerprint: fingerprint(instrument),
            known: Vec::new(),
        }
    }

    /// Names these questionnaires' versions when a code was made with one of them.
    pub fn knowing(mut self, others: &[&Instrument]) -> Decoder<'a> {
        self.known = others
            .iter()
            .map(|i| (fingerprint(i), i.version.clone()))
            .collect();
        self
    }

    /// Decodes one code, or says why it was refused.
    pub fn decode(&self, code: &str) -> Result<CodedResponse, CodeError> {
        let (instrument, workshop) = (self.instrument, self.workshop);
        let (version, body) = split_prefix(code.trim()).ok_or(CodeError::NotACode)?;
        if version > FORMAT_VERSION {
            return Err(CodeError::NewerVersion(version));
        }
        let Some(bytes) = base64url_decode(body) else {
            // Code characters that do not decode: a code cut short or changed.
            let code_like = !body.is_empty() && body.bytes().all(|b| ALPHABET.contains(&b));
            return Err(if code_like {
                CodeError::Corrupted
            } else {
                CodeError::NotACode
            });
        };
        if bytes.len() < 5 {
            return Err(CodeError::Corrupted);
        }
        let (content, checksum) = bytes.split_at(bytes.len() - 4);
        if crc32(content).to_be_bytes() != checksum {
            return Err(CodeError::Corrupted);
        }
        if content[0] != version {
            return Err(if content[0] > FORMAT_VERSION {
                CodeError::NewerVersion(content[0])
            } else {
                CodeError::Invalid
            });
        }
        if content.len() < HEADER {
            return Err(CodeError::Invalid);
        }
        let word = |at: usize| {
            u32::from_be_bytes([
                content[at],
                content[at + 1],
                content[at + 2],
                content[at + 3],
            ])
        };
        if word(1) != workshop {
            return Err(CodeError::OtherWorkshop);
        }
        if word(5) != self.fingerprint {
            let known = self.known.iter().find(|(f, _)| *f == word(5));
            return Err(CodeError::OtherInstrument(known.map(|(_, v)| v.clone())));
        }
        let answers_len = (instrument.statement_count() * 3).div_ceil(8);
        let picks_bits: u32 = instrument
            .definitions
            .iter()
            .map(|q| pick_width(version, q.options.len()))
            .sum();
        if content.len() != HEADER + answers_len + (picks_bits as usize).div_ceil(8) {
            return Err(CodeError::Invalid);
        }
        let role = *Role::ALL
            .get(usize::from(content[13]))
            .ok_or(CodeError::Invalid)?;
        let team = content[14].checked_sub(1);

        let mut response = Response {
            role: Some(role),
            ..Response::default()
        };
        let mut bits = BitReader::new(&content[HEADER..HEADER + answers_len]);
        for statement in instrument.statements() {
            let answer = match bits.take(3) as u8 {
                0 => continue,
                CANT_JUDGE_BITS => Answer::CantJudge,
                NOT_APPLICABLE_BITS if version > 1 && statement.not_applicable => {
                    Answer::NotApplicable
                }
                level @ 1..=5 => Answer::Agreement(level),
                _ => return Err(CodeError::Invalid),
            };
            response.answers.insert(statement.id.clone(), answer);
        }
        if !bits.rest_is_zero() {
            return Err(CodeError::Invalid);
        }
        let mut bits = BitReader::new(&content[HEADER + answers_len..]);
        for question in &instrument.definitions {
            let index = bits.take(pick_width(version, question.options.len()));
            if index == 0 {
                continue;
            }
            let option = question.options.get(index - 1).ok_or(CodeError::Invalid)?;
            response
                .definitions
                .insert(question.id.clone(), option.id.clone());
        }
        if !bits.rest_is_zero() {
            return Err(CodeError::Invalid);
        }
        Ok(CodedResponse {
            workshop,
            nonce: word(9),
            team,
            response,
        })
    }
}

/// Every candidate code in `text` (one per line, or mixed into other text), in order.
pub fn find_codes(text: &str) -> Vec<&str> {
    let is_code_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("SP") {
        let Some((_, body)) = split_prefix(&rest[at..]) else {
            rest = &rest[at + 2..];
            continue;
        };
        let prefix = rest[at..].len() - body.len();
        let len = body.find(|c: char| !is_code_char(c)).unwrap_or(body.len());
        found.push(&rest[at..at + prefix + len]);
        rest = &body[len..];
    }
    found
}

/// Packs values of a few bits each, most significant bit first.
#[derive(Default)]
pub(crate) struct BitWriter {
    bytes: Vec<u8>,
    used: u32,
}

impl BitWriter {
    pub(crate) fn push(&mut self, value: usize, width: u32) {
        for bit in (0..width).rev() {
            if self.used % 8 == 0 {
                self.bytes.push(0);
            }
            if value >> bit & 1 == 1 {
                *self.bytes.last_mut().expect("pushed above") |= 0x80 >> (self.used % 8);
            }
            self.used += 1;
        }
    }

    pub(crate) fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads what [`BitWriter`] packed.
pub(crate) struct BitReader<'a> {
    bytes: &'a [u8],
    position: usize,
}

impl<'a> BitReader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, position: 0 }
    }

    pub(crate) fn take(&mut self, width: u32) -> usize {
        let mut value = 0;
        for _ in 0..width {
            let byte = self.bytes.get(self.position / 8).copied().unwrap_or(0);
            value = value << 1 | usize::from(byte >> (7 - self.position % 8) & 1);
            self.position += 1;
        }
        value
    }

    /// True when the padding bits after the last value are zero (the canonical form).
    pub(crate) fn rest_is_zero(&mut self) -> bool {
        while self.position < self.bytes.len() * 8 {
            if self.take(1) != 0 {
                return false;
            }
        }
        true
    }
}

/// CRC-32 (IEEE 802.3), bit by bit: small code, and codes are short.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                crc >> 1 ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes unpadded base64url; `None` for any other character, length or a non-canonical
/// last character (unused bits set), so every text has at most one meaning.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let value = u32::from(match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'-' => 62,
                b'_' => 63,
                _ => return None,
            });
            n |= value << (18 - 6 * i);
        }
        let produced = chunk.len() - 1;
        let unused_bits = 24 - 8 * produced;
        if produced < 3 && n & ((1 << unused_bits) - 1) != 0 {
            return None;
        }
        for i in 0..produced {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
