//! Turns the built-in instrument (`src/core/instrument/builtin.json`, the single source of
//! truth) into the Rust expression that builds it. The app then needs no JSON parser for its
//! own instrument, which keeps serde_json's code out of the wasm.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/core/instrument/schema.rs"]
mod schema;

use schema::{Instrument, Text};

const SOURCE: &str = "src/core/instrument/builtin.json";

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/core/instrument/schema.rs");
    let json = fs::read_to_string(SOURCE).expect("builtin.json is readable");
    let instrument: Instrument = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("{SOURCE} does not fit the schema: {e}"));
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_instrument.rs");
    fs::write(out, rust_for(&instrument)).expect("OUT_DIR is writable");
}

/// A Rust string literal.
fn lit(text: &str) -> String {
    format!("{text:?}")
}

fn string(text: &str) -> String {
    format!("owned({})", lit(text))
}

fn text(text: &Text) -> String {
    let pairs: Vec<String> = text
        .0
        .iter()
        .map(|(l, t)| format!("({}, {})", lit(l), lit(t)))
        .collect();
    format!("Text::from_pairs(&[{}])", pairs.join(", "))
}

fn texts(items: &[Text]) -> String {
    let items: Vec<String> = items.iter().map(text).collect();
    format!("vec![{}]", items.join(", "))
}

fn rust_for(instrument: &Instrument) -> String {
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "Instrument {{").unwrap();
    writeln!(
        w,
        "id: {}, version: {}, title: {},",
        string(&instrument.id),
        string(&instrument.version),
        text(&instrument.title)
    )
    .unwrap();
    writeln!(w, "dimensions: vec![").unwrap();
    for d in &instrument.dimensions {
        writeln!(
            w,
            "Dimension {{ id: {}, name: {}, explanation: {}, plays: {}, questions: {}, statements: vec![",
            string(&d.id),
            text(&d.name),
            text(&d.explanation),
            texts(&d.plays),
            texts(&d.questions)
        )
        .unwrap();
        for s in &d.statements {
            writeln!(
                w,
                "Statement {{ id: {}, text: {} }},",
                string(&s.id),
                text(&s.text)
            )
            .unwrap();
        }
        writeln!(w, "] }},").unwrap();
    }
    writeln!(w, "],\nmirror_pairs: vec![").unwrap();
    for p in &instrument.mirror_pairs {
        writeln!(
            w,
            "MirrorPair {{ id: {}, topic: {}, first: MirrorHalf {{ side: Side::{:?}, statement: {} }}, second: MirrorHalf {{ side: Side::{:?}, statement: {} }} }},",
            string(&p.id),
            text(&p.topic),
            p.first.side,
            string(&p.first.statement),
            p.second.side,
            string(&p.second.statement)
        )
        .unwrap();
    }
    writeln!(w, "],\ndefinitions: vec![").unwrap();
    for q in &instrument.definitions {
        writeln!(
            w,
            "DefinitionQuestion {{ id: {}, prompt: {}, options: vec![",
            string(&q.id),
            text(&q.prompt)
        )
        .unwrap();
        for o in &q.options {
            writeln!(
                w,
                "DefinitionOption {{ id: {}, label: {}, undefined: {} }},",
                string(&o.id),
                text(&o.label),
                o.undefined
            )
            .unwrap();
        }
        writeln!(w, "] }},").unwrap();
    }
    writeln!(w, "],\n}}").unwrap();
    out
}
