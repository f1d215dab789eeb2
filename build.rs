//! Turns the built-in instrument (`src/core/instrument/builtin.json`, the single source of
//! truth) into compact tab-separated records that `Instrument::builtin_without_advice()` reads
//! with a few lines of code, and its advice into the file the pages load after their first
//! screen (`Instrument::apply_advice` reads it). The app then needs neither a JSON parser nor serde's visitors for its own
//! instrument (tens of kilobytes of wasm), and a malformed builtin.json fails the build.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/core/instrument/schema.rs"]
mod schema;

#[allow(dead_code)]
#[path = "src/core/map.rs"]
mod map;

/// The crate's `core::map`, which `schema.rs` uses, at the same path.
mod core {
    pub(crate) use super::map;
}

use schema::{ChoiceKind, Instrument, Side, Text};

const SOURCE: &str = "src/core/instrument/builtin.json";

/// The 1.0.0 instrument, kept so that workshops, rounds and codes made with it keep opening.
/// Only its questions are written: `Catalogue` lends it the current version's advice, area by
/// area, which keeps the old texts out of the wasm.
const LEGACY: &str = "src/core/instrument/legacy/1.0.0.json";

fn main() {
    println!("cargo::rerun-if-changed=src/core/instrument/schema.rs");
    println!("cargo::rerun-if-changed=src/core/map.rs");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_owned();
    for (source, target) in [
        (SOURCE, "builtin_instrument.txt"),
        (LEGACY, "legacy_1_0_0_instrument.txt"),
    ] {
        println!("cargo::rerun-if-changed={source}");
        let json = fs::read_to_string(source).expect("the instrument is readable");
        let instrument: Instrument = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("{source} does not fit the schema: {e}"));
        fs::write(out.join(target), records_for(&instrument)).expect("OUT_DIR is writable");
        // Only the current version's advice is kept: earlier versions borrow it by id.
        if source == SOURCE {
            let advice = advice_records_for(&instrument, "en");
            println!(
                "cargo::rustc-env=SAMEPAGE_ADVICE_FILE_EN=advice-{:016x}.en.txt",
                fnv1a(advice.as_bytes())
            );
            fs::write(out.join("builtin_advice.en.txt"), advice).expect("OUT_DIR is writable");
        }
    }
}

/// FNV-1a, 64 bits: a content hash for the advice file's name, so a browser never keeps an
/// old copy across an upgrade.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The instrument's advice in `locale`, which the pages load as data after their first
/// screen (see `Instrument::apply_advice` for the grammar): per dimension `D id explanation`,
/// then its `P id text who first_step signal` and `Q question` lines, after an
/// `A instrument_id version` header; then the routing, `RS|RM|RF id plays` for statements,
/// mirror pairs and choice questions; last, `E n`, the number of lines before it, so that a
/// file cut short (a dropped download, a proxy's limit) is refused, not half applied.
fn advice_records_for(instrument: &Instrument, locale: &str) -> String {
    let mut out = String::new();
    let mut line = |fields: &[String]| {
        out.push_str(&fields.join("\t"));
        out.push('\n');
    };
    let text = |text: &Text| field(text.0.get(locale).map_or("", String::as_str));
    line(&[
        "A".into(),
        field(&instrument.id),
        field(&instrument.version),
    ]);
    for d in &instrument.dimensions {
        line(&["D".into(), field(&d.id), text(&d.explanation)]);
        for play in &d.plays {
            line(&[
                "P".into(),
                field(&play.id),
                text(&play.text),
                text(&play.who),
                text(&play.first_step),
                text(&play.signal),
            ]);
        }
        for question in &d.questions {
            line(&["Q".into(), text(question)]);
        }
    }
    // Which plays a finding on a statement, a mirror pair or a choice question names.
    let statements = instrument.dimensions.iter().flat_map(|d| &d.statements);
    let routes = statements
        .map(|s| ("S", &s.id, &s.plays))
        .chain(
            instrument
                .mirror_pairs
                .iter()
                .map(|p| ("M", &p.id, &p.plays)),
        )
        .chain(
            instrument
                .definitions
                .iter()
                .map(|q| ("F", &q.id, &q.plays)),
        );
    for (kind, id, plays) in routes.filter(|(_, _, plays)| !plays.is_empty()) {
        line(&[format!("R{kind}"), field(id), ids(plays)]);
    }
    let count = out.lines().count();
    out.push_str(&format!("E\t{count}\n"));
    out
}

/// One text field: `locale=text` pairs joined by U+001F.
fn text(text: &Text) -> String {
    let pairs: Vec<String> = text
        .0
        .iter()
        .map(|(locale, text)| field(&format!("{locale}={text}")))
        .collect();
    pairs.join("\u{1f}")
}

/// A field as written: it must not contain the separators.
fn field(value: &str) -> String {
    assert!(
        !value.contains(['\t', '\n', '\u{1f}']),
        "{SOURCE}: tabs, line breaks and U+001F cannot appear in {value:?}"
    );
    value.to_owned()
}

fn side(side: Side) -> &'static str {
    match side {
        Side::Sales => "sales",
        Side::Marketing => "marketing",
        Side::Leadership => "leadership",
    }
}

/// The instrument as records, one per line, fields separated by tabs (see
/// `Instrument::from_records` for the grammar).
fn records_for(instrument: &Instrument) -> String {
    let mut out = String::new();
    let mut line = |fields: &[String]| {
        out.push_str(&fields.join("\t"));
        out.push('\n');
    };
    line(&[
        "I".into(),
        field(&instrument.id),
        field(&instrument.version),
        text(&instrument.title),
    ]);
    for d in &instrument.dimensions {
        line(&["D".into(), field(&d.id), flag(d.checklist), text(&d.name)]);
        for s in &d.statements {
            line(&[
                "S".into(),
                field(&s.id),
                flag(s.not_applicable),
                text(&s.text),
            ]);
        }
    }
    for p in &instrument.mirror_pairs {
        line(&[
            "M".into(),
            field(&p.id),
            text(&p.topic),
            side(p.first.side).into(),
            field(&p.first.statement),
            side(p.second.side).into(),
            field(&p.second.statement),
        ]);
    }
    for q in &instrument.definitions {
        line(&[
            "F".into(),
            field(&q.id),
            match q.kind {
                ChoiceKind::Meaning => "meaning",
                ChoiceKind::Owner => "owner",
            }
            .into(),
            field(&q.dimension),
            text(&q.prompt),
        ]);
        for o in &q.options {
            let kind = match (o.none, o.unknown) {
                (true, _) => "none",
                (_, true) => "unknown",
                _ => "-",
            };
            line(&["O".into(), field(&o.id), kind.into(), text(&o.label)]);
        }
    }
    for f in &instrument.facts {
        line(&[
            "X".into(),
            field(&f.fact),
            field(&f.statement),
            field(f.choice.as_deref().unwrap_or("")),
        ]);
    }
    out
}

fn flag(on: bool) -> String {
    if on { "1" } else { "0" }.into()
}

/// A list of ids, comma-separated (ids have no commas).
fn ids(ids: &[String]) -> String {
    ids.iter().map(|id| field(id)).collect::<Vec<_>>().join(",")
}
