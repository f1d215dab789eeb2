//! [`IdMap`]: the map of the core's data keyed by text ids (a response's answers and picks, a
//! text's locales). A vector kept sorted by key: the maps are small (a text has a locale or
//! two, a response some forty answers), and a sorted vector costs each wasm a fraction of
//! `BTreeMap`'s code (its node splitting and dropping are kilobytes per value type). Iteration
//! is in key order, as `BTreeMap`'s was, so everything written from one is deterministic.
//!
//! This file is also compiled into `build.rs` (through `schema.rs`), so it refers to nothing
//! else in the crate.

use serde::{Deserialize, Serialize};

/// Text ids to values, in key order; at most one value per key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdMap<V>(Vec<(String, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<V> IdMap<V> {
    /// An empty map.
    pub fn new() -> Self {
        IdMap(Vec::new())
    }

    /// Where `key` is (`Ok`), or where it would go (`Err`).
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`, if any.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|at| &self.0[at].1)
    }

    /// True when `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; the value it had, if any.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, value)),
            Err(at) => {
                self.0.insert(at, (key, value));
                None
            }
        }
    }

    /// Sets `key` to `make()` unless it has a value already.
    pub fn insert_missing(&mut self, key: &str, make: impl FnOnce() -> V) {
        if let Err(at) = self.find(key) {
            self.0.insert(at, (key.to_owned(), make()));
        }
    }

    /// Takes `key`'s value out, if any.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|at| self.0.remove(at).1)
    }

    /// How many keys have a value.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when no key has a value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The keys and their values, in key order.
    pub fn iter(&self) -> Iter<'_, V> {
        self.0.iter().map(|(key, value)| (key, value))
    }
}

/// [`IdMap::iter`]'s iterator.
pub type Iter<'a, V> =
    std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

impl<'a, V> IntoIterator for &'a IdMap<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = Iter<'a, V>;

    fn into_iter(self) -> Iter<'a, V> {
        self.iter()
    }
}

impl<V> IntoIterator for IdMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<V> Extend<(String, V)> for IdMap<V> {
    fn extend<I: IntoIterator<Item = (String, V)>>(&mut self, pairs: I) {
        for (key, value) in pairs {
            self.insert(key, value);
        }
    }
}

impl<V> FromIterator<(String, V)> for IdMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(pairs: I) -> Self {
        let mut map = IdMap::new();
        map.extend(pairs);
        map
    }
}

impl<V, const N: usize> From<[(String, V); N]> for IdMap<V> {
    fn from(pairs: [(String, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

/// Written as a map (a JSON object), in key order.
impl<V: Serialize> Serialize for IdMap<V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read from a map; a key given twice keeps its last value.
impl<'de, V: Deserialize<'de>> Deserialize<'de> for IdMap<V> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

/// Reads a map's entries into an [`IdMap`], each put in its place as it comes.
struct Entries<V>(std::marker::PhantomData<V>);

impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Entries<V> {
    type Value = IdMap<V>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a map")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<IdMap<V>, A::Error> {
        let mut map = IdMap::new();
        while let Some((key, value)) = entries.next_entry()? {
            map.insert(key, value);
        }
        Ok(map)
    }
}
