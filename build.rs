//! Turns the built-in instrument (`src/core/instrument/builtin.json`, the single source of
//! truth) into compact tab-separated records that `Instrument::builtin()` reads with a few
//! lines of code. The app then needs neither a JSON parser nor serde's visitors for its own
//! instrument (tens of kilobytes of wasm), and a malformed builtin.json fails the build.

use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/core/instrument/schema.rs"]
mod schema;

use schema::{Instrument, Side, Text};

const SOURCE: &str = "src/core/instrument/builtin.json";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/core/instrument/schema.rs");
    let json = fs::read_to_string(SOURCE).expect("builtin.json is readable");
    let instrument: Instrument = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{SOURCE} does not fit the schema: {e}"));
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_instrument.txt");
    fs::write(out, records_for(&instrument)).expect("OUT_DIR is writable");
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
        line(&[
            "D".into(),
            field(&d.id),
            text(&d.name),
            text(&d.explanation),
        ]);
        for play in &d.plays {
            line(&["P".into(), text(play)]);
        }
        for question in &d.questions {
            line(&["Q".into(), text(question)]);
        }
        for s in &d.statements {
            line(&["S".into(), field(&s.id), text(&s.text)]);
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
        line(&["F".into(), field(&q.id), text(&q.prompt)]);
        for o in &q.options {
            line(&[
                "O".into(),
                field(&o.id),
                if o.undefined { "1" } else { "0" }.into(),
                text(&o.label),
            ]);
        }
    }
    out
}
