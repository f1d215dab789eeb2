//! What the workshop page's URL fragment carries. The fragment never reaches a server, so a
//! workshop's link can carry what a participant's device needs (workshop id, questionnaire
//! version, name, team labels) and a participant's link back can carry their response code.

use super::instrument::Catalogue;
#[cfg(feature = "workshop")]
use super::workshop::Workshop;

/// What a participant's device needs to take part in a workshop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinLink {
    pub workshop: u32,
    /// The questionnaire version the workshop collects; codes only fit that version.
    pub instrument_version: String,
    pub name: String,
    pub team_labels: Vec<String>,
}

/// Why a fragment could not be read as a workshop link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Parts are missing or damaged (for example, the link was cut short).
    Damaged,
    /// The workshop collects a version of the questionnaire this page does not have.
    OtherVersion(String),
}

/// What the fragment of the workshop page asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fragment {
    /// Nothing: the facilitator's own view.
    Empty,
    /// A participant joining a workshop on their own device.
    Join(Result<JoinLink, LinkError>),
    /// A participant's link back: response codes for the facilitator to import.
    Codes(String),
    /// A workshop's dashboard, by id.
    Workshop(u32),
    /// Passing this device round for a workshop, by id.
    PassDevice(u32),
}

impl JoinLink {
    /// The link data of `workshop`: participants answer its current round's questionnaire.
    #[cfg(feature = "workshop")]
    pub fn of(workshop: &Workshop) -> JoinLink {
        JoinLink {
            workshop: workshop.id,
            instrument_version: workshop.current_round().questionnaire.clone(),
            name: workshop.name.clone(),
            team_labels: workshop.team_labels.clone(),
        }
    }

    /// The fragment (without `#`) that opens this workshop on a participant's device.
    pub fn fragment(&self) -> String {
        let labels: Vec<String> = self.team_labels.iter().map(|l| percent_encode(l)).collect();
        format!(
            "join={:08x}&v={}&n={}&t={}",
            self.workshop,
            percent_encode(&self.instrument_version),
            percent_encode(&self.name),
            labels.join(",")
        )
    }

    /// Reads the parameters after `join=`, checking that `catalogue` has the version.
    fn parse(fragment: &str, catalogue: &Catalogue) -> Result<JoinLink, LinkError> {
        let mut link = JoinLink {
            workshop: 0,
            instrument_version: String::new(),
            name: String::new(),
            team_labels: Vec::new(),
        };
        let mut has_id = false;
        for part in fragment.split('&') {
            let (key, value) = part.split_once('=').ok_or(LinkError::Damaged)?;
            match key {
                "join" => {
                    link.workshop = parse_id(value).ok_or(LinkError::Damaged)?;
                    has_id = true;
                }
                "v" => link.instrument_version = percent_decode(value).ok_or(LinkError::Damaged)?,
                "n" => link.name = percent_decode(value).ok_or(LinkError::Damaged)?,
                "t" if value.is_empty() => {}
                "t" => {
                    link.team_labels = value
                        .split(',')
                        .map(percent_decode)
                        .collect::<Option<Vec<String>>>()
                        .ok_or(LinkError::Damaged)?;
                }
                _ => {}
            }
        }
        if !has_id || link.instrument_version.is_empty() || link.team_labels.len() > 250 {
            return Err(LinkError::Damaged);
        }
        if catalogue.version(&link.instrument_version).is_none() {
            return Err(LinkError::OtherVersion(link.instrument_version));
        }
        Ok(link)
    }
}

impl Fragment {
    /// Reads a URL fragment (with or without its `#`).
    pub fn parse(fragment: &str, catalogue: &Catalogue) -> Fragment {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let (key, value) = fragment.split_once('=').unwrap_or((fragment, ""));
        match key {
            "join" => Fragment::Join(JoinLink::parse(fragment, catalogue)),
            "codes" => Fragment::Codes(percent_decode(value).unwrap_or_default()),
            "workshop" => parse_id(value).map_or(Fragment::Empty, Fragment::Workshop),
            "pass" => parse_id(value).map_or(Fragment::Empty, Fragment::PassDevice),
            _ => Fragment::Empty,
        }
    }

    /// The fragment (without `#`) that leads back here, or `""` for the facilitator's list.
    pub fn to_fragment(&self) -> String {
        match self {
            Fragment::Empty | Fragment::Join(Err(_)) => String::new(),
            Fragment::Join(Ok(link)) => link.fragment(),
            Fragment::Codes(codes) => format!("codes={}", percent_encode(codes)),
            Fragment::Workshop(id) => format!("workshop={id:08x}"),
            Fragment::PassDevice(id) => format!("pass={id:08x}"),
        }
    }
}

/// The most bytes a QR code holds at the error correction the app draws with (medium, the
/// largest version, byte mode): a longer link gets no QR code, and the screens say why.
pub const QR_MAX_BYTES: usize = 2331;

/// Whether `link` fits in a QR code.
pub fn fits_qr(link: &str) -> bool {
    link.len() <= QR_MAX_BYTES
}

/// A workshop id as 8 hex digits.
fn parse_id(text: &str) -> Option<u32> {
    (text.len() == 8)
        .then(|| u32::from_str_radix(text, 16).ok())
        .flatten()
}

/// The storage namespace of a workshop: `ws-` and its id in hex.
pub fn workshop_namespace(id: u32) -> String {
    format!("ws-{id:08x}")
}

/// The workshop id of a storage key `samepage:ws-<id>:workshop`, if it is one.
pub fn workshop_of_key(key: &str) -> Option<u32> {
    parse_id(
        key.strip_prefix("samepage:ws-")?
            .strip_suffix(":workshop")?,
    )
}

/// Where unreadable workshop text was set aside: the time (ms since 1970) in a storage key
/// `samepage:ws-<id>:unreadable-workshop:<ms>`, and whether the key is of the earlier form
/// `samepage:ws-<id>:unreadable:<ms>`, which a passed device's unreadable survey also takes.
pub fn set_aside_of_key(key: &str) -> Option<(u64, bool)> {
    let (id, rest) = key.strip_prefix("samepage:ws-")?.split_once(':')?;
    parse_id(id)?;
    let (stamp, earlier) = match rest.strip_prefix("unreadable-workshop:") {
        Some(stamp) => (stamp, false),
        None => (rest.strip_prefix("unreadable:")?, true),
    };
    Some((stamp.parse().ok()?, earlier))
}

/// Percent-encodes everything but the characters URLs leave alone (`A-Z a-z 0-9 - . _ ~`).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Reverses [`percent_encode`] (and reads `+` as itself); `None` for broken escapes or text
/// that is not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
