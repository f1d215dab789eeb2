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

    /// Reads a workshop link given as its fragment (`join=…`, with or without `#`) or as a
    /// whole participant link (what a host page puts in `data-workshop`), checking with
    /// `known` that this page asks the link's questionnaire version.
    ///
    /// `decode` percent-decodes a part (`None`: malformed): [`percent_decode`], or the
    /// browser's `decodeURIComponent`, which gives the same and spares the survey's first load
    /// a UTF-8 decoder.
    pub fn read(
        text: &str,
        known: impl Fn(&str) -> bool,
        decode: impl Fn(&str) -> Option<String>,
    ) -> Result<JoinLink, LinkError> {
        JoinLink::parse(join_fragment(text), known, decode)
    }

    /// Reads the parameters after `join=`, checking with `known` that this page asks the
    /// version.
    fn parse(
        fragment: &str,
        known: impl Fn(&str) -> bool,
        decode: impl Fn(&str) -> Option<String>,
    ) -> Result<JoinLink, LinkError> {
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
                "v" => link.instrument_version = decode(value).ok_or(LinkError::Damaged)?,
                "n" => link.name = decode(value).ok_or(LinkError::Damaged)?,
                "t" if value.is_empty() => {}
                "t" => {
                    link.team_labels = value
                        .split(',')
                        .map(&decode)
                        .collect::<Option<Vec<String>>>()
                        .ok_or(LinkError::Damaged)?;
                }
                _ => {}
            }
        }
        if !has_id || link.instrument_version.is_empty() || link.team_labels.len() > 250 {
            return Err(LinkError::Damaged);
        }
        if !known(&link.instrument_version) {
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
            "join" => Fragment::Join(JoinLink::parse(
                fragment,
                |version| catalogue.version(version).is_some(),
                percent_decode,
            )),
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
pub const QR_MAX_BYTES: usize = samepage_qr_code::MAX_TEXT;

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

/// `name` (from a link or a file) between the Unicode isolate marks FSI and PDI, so that
/// right-to-left or override characters in it cannot reorder the words around it where it
/// is shown (the text form of HTML's `<bdi>`). Isolate marks of its own (U+2066 to U+2069)
/// are left out: a PDI in it would close the isolate early.
pub fn isolate(name: &str) -> String {
    let mut isolated = String::from("\u{2068}");
    isolated.extend(
        name.chars()
            .filter(|c| !('\u{2066}'..='\u{2069}').contains(c)),
    );
    isolated.push('\u{2069}');
    isolated
}

/// The fragment (without `#`) of a workshop link given as its fragment, with or without
/// `#`, or as a whole participant link.
pub fn join_fragment(text: &str) -> &str {
    // ASCII whitespace only: Unicode's tables would cost the survey's first load.
    let text = text.trim_matches(|c: char| c.is_ascii_whitespace());
    text.rsplit_once('#').map_or(text, |(_, fragment)| fragment)
}

/// The storage namespace of a participant's answers, team pick and respondent number for
/// workshop `id` on their own device: the same on the survey page and the workshop page, so
/// a survey begun through an older link to the workshop page goes on from either.
pub fn join_namespace(id: u32) -> String {
    format!("join-{id:08x}")
}

/// Who a response code says answered: the workshop, the respondent number the device made
/// for the person, and the team they picked (an index into the workshop's labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Participant {
    pub workshop: u32,
    pub nonce: u32,
    pub team: Option<u8>,
}

/// The address participants open for `link`: the survey page (the light one) when it asks
/// the link's questionnaire version (`current`, this build's), else the workshop page, which
/// keeps the earlier versions a round may still collect. `workshop_page` is the workshop
/// page's address without query or fragment; the survey page is the folder above it.
pub fn participant_address(link: &JoinLink, workshop_page: &str, current: &str) -> String {
    let page = if link.instrument_version == current {
        survey_page_of(workshop_page)
    } else {
        workshop_page.to_owned()
    };
    format!("{page}#{}", link.fragment())
}

/// The survey page's address from the workshop page's (`…/workshop/` or
/// `…/workshop/index.html`): the folder above the workshop page's folder.
pub fn survey_page_of(workshop_page: &str) -> String {
    let folder = workshop_page
        .rsplit_once('/')
        .map_or(workshop_page, |(folder, _)| folder);
    let above = folder.rsplit_once('/').map_or(folder, |(above, _)| above);
    format!("{above}/")
}

/// A participant's link back to the facilitator: the workshop page at `workshop_page`, which
/// imports `code` when opened.
pub fn codes_link(workshop_page: &str, code: &str) -> String {
    workshop_page.to_owned() + "#codes=" + &percent_encode(code)
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
