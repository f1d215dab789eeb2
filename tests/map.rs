//! `IdMap`, the core's map keyed by text ids: it must behave as the `BTreeMap` it replaced
//! (values by key, iteration in key order), and read and write the same JSON.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use proptest::prelude::*;
use samepage::core::map::IdMap;

fn map(pairs: &[(&str, u8)]) -> IdMap<u8> {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
}

fn keys(map: &IdMap<u8>) -> Vec<&str> {
    map.iter().map(|(k, _)| k.as_str()).collect()
}

#[test]
fn iterates_in_key_order_whatever_the_insertion_order() {
    let m = map(&[
        ("strategy.b", 2),
        ("goals.a", 1),
        ("strategy.a", 3),
        ("a", 4),
    ]);
    assert_eq!(keys(&m), ["a", "goals.a", "strategy.a", "strategy.b"]);
    assert_eq!(m.iter().map(|(_, v)| *v).collect::<Vec<_>>(), [4, 1, 3, 2]);
    assert_eq!(m.len(), 4);
}

#[test]
fn insert_replaces_and_returns_the_old_value() {
    let mut m = map(&[("x", 1)]);
    assert_eq!(m.insert("x".into(), 5), Some(1));
    assert_eq!(m.insert("y".into(), 6), None);
    assert_eq!(m.get("x"), Some(&5));
    assert_eq!(m.len(), 2);
}

#[test]
fn insert_missing_keeps_a_value_already_there() {
    let mut m = map(&[("x", 1)]);
    m.insert_missing("x", || 9);
    m.insert_missing("w", || 7);
    assert_eq!(m.get("x"), Some(&1));
    assert_eq!(keys(&m), ["w", "x"]);
}

#[test]
fn remove_takes_the_value_out() {
    let mut m = map(&[("x", 1), ("y", 2)]);
    assert_eq!(m.remove("x"), Some(1));
    assert_eq!(m.remove("x"), None);
    assert!(!m.contains_key("x"));
    assert!(m.contains_key("y"));
    assert_eq!(m.remove("y"), Some(2));
    assert!(m.is_empty());
}

#[test]
fn json_is_an_object_in_key_order_and_reads_back() {
    let m = map(&[("b", 2), ("a", 1)]);
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(json, r#"{"a":1,"b":2}"#);
    assert_eq!(serde_json::from_str::<IdMap<u8>>(&json).unwrap(), m);
    // A key given twice keeps its last value, as a BTreeMap read did.
    let twice: IdMap<u8> = serde_json::from_str(r#"{"b":1,"a":3,"b":2}"#).unwrap();
    assert_eq!(twice, map(&[("a", 3), ("b", 2)]));
    assert_eq!(keys(&twice), ["a", "b"], "read in key order");
    assert!(serde_json::from_str::<IdMap<u8>>("[1]").is_err());
}

#[derive(Clone, Debug)]
enum Op {
    Insert(String, u8),
    InsertMissing(String, u8),
    Remove(String),
}

fn op() -> impl Strategy<Value = Op> {
    let key = "[a-c]{0,2}";
    prop_oneof![
        (key, any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
        (key, any::<u8>()).prop_map(|(k, v)| Op::InsertMissing(k, v)),
        key.prop_map(Op::Remove),
    ]
}

proptest! {
    /// Any sequence of changes leaves the same keys, values and order as a `BTreeMap` given
    /// the same changes, and every change answers as the `BTreeMap`'s did.
    #[test]
    fn behaves_as_a_btree_map(ops in proptest::collection::vec(op(), 0..60)) {
        let mut ours = IdMap::new();
        let mut model = BTreeMap::new();
        for op in ops {
            match op {
                Op::Insert(k, v) => prop_assert_eq!(ours.insert(k.clone(), v), model.insert(k, v)),
                Op::InsertMissing(k, v) => {
                    ours.insert_missing(&k, || v);
                    model.entry(k).or_insert(v);
                }
                Op::Remove(k) => prop_assert_eq!(ours.remove(&k), model.remove(&k)),
            }
            prop_assert_eq!(ours.len(), model.len());
        }
        let pairs: Vec<(&String, &u8)> = ours.iter().collect();
        prop_assert_eq!(pairs, model.iter().collect::<Vec<_>>());
        // Every key the changes could name, and some they could not.
        let letters = ["", "a", "b", "c", "d"];
        for key in letters.iter().flat_map(|a| letters.iter().map(move |b| format!("{a}{b}"))) {
            let key = key.as_str();
            prop_assert_eq!(ours.get(key), model.get(key));
            prop_assert_eq!(ours.contains_key(key), model.contains_key(key));
        }
    }
}
