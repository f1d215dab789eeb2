//! The facilitator's workshops in `localStorage`, each in its own namespace
//! (`samepage:ws-<id>:workshop`), stored as the same JSON as an exported workshop file plus
//! the stamps of its fields (`core::sync`), which a file leaves out. Like
//! the survey store, it never deletes what it cannot read: unreadable text is copied aside
//! under `samepage:ws-<id>:unreadable:<ms>` first, and left in place if the copy fails.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::{Local, NoStorage};
use crate::core::instrument::Catalogue;
use crate::core::link::{set_aside_of_key, workshop_namespace, workshop_of_key};
use crate::core::saved::Keys;
use crate::core::sync::Stamps;
use crate::core::workshop::{insert_in_list_order, insert_in_order, Workshop};
use crate::core::workshop_file::{
    export_stored, import_json, import_stored, stored_lineage, FileError,
};

/// Stored text that could not be read as a workshop, and where it now lives: listed until the
/// facilitator deletes it, with its text to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    pub reason: FileError,
    /// When it was set aside (ms since 1970), if its key says.
    pub stamp: Option<u64>,
}

/// What opening the store found.
pub struct Loaded {
    /// Newest first (by the start of their latest round), then by name.
    pub workshops: Vec<Workshop>,
    /// The stamps each workshop was stored with (`sync`), by id.
    pub stamps: Vec<(u32, Option<Stamps>)>,
    pub set_aside: Vec<SetAside>,
    /// Whether this opening set something aside (announced once; listed until deleted).
    pub newly_set_aside: bool,
    /// Why there is no storage (the workshops then live in memory only).
    pub unavailable: Option<NoStorage>,
}

/// Every workshop on this device, plus small values kept beside a namespace (in memory when
/// the browser gives no storage, so a participant's team pick still reaches their answers).
pub struct WorkshopStore {
    storage: Option<Local>,
    memory: RefCell<BTreeMap<String, String>>,
}

impl WorkshopStore {
    /// Opens the store and reads every workshop in it.
    pub fn open(catalogue: &Catalogue) -> (WorkshopStore, Loaded) {
        let mut loaded = Loaded {
            workshops: Vec::new(),
            stamps: Vec::new(),
            set_aside: Vec::new(),
            newly_set_aside: false,
            unavailable: None,
        };
        let storage = match Local::open() {
            Ok(storage) => storage,
            Err(reason) => {
                loaded.unavailable = Some(reason);
                return (
                    WorkshopStore {
                        storage: None,
                        memory: RefCell::default(),
                    },
                    loaded,
                );
            }
        };
        // Listed once, before anything is set aside (which lists what it sets aside itself).
        let stored_keys = storage.keys();
        for id in stored_keys.iter().filter_map(|key| workshop_of_key(key)) {
            let keys = Keys::new(&workshop_namespace(id));
            let Ok(Some(text)) = storage.get(&keys.workshop()) else {
                continue;
            };
            match import_stored(catalogue, &text) {
                Ok((workshop, stamps)) if workshop.id == id => {
                    loaded.stamps.push((id, stamps));
                    insert_in_list_order(&mut loaded.workshops, workshop)
                }
                Ok(_) => set_aside(&storage, &keys, &text, FileError::NotAWorkshop, &mut loaded),
                Err(reason) => set_aside(&storage, &keys, &text, reason, &mut loaded),
            }
        }
        // Set aside on an earlier visit: listed until deleted.
        for (key, (stamp, earlier)) in stored_keys
            .into_iter()
            .filter_map(|key| set_aside_of_key(&key).map(|found| (key, found)))
        {
            let Ok(Some(text)) = storage.get(&key) else {
                continue;
            };
            // Under the earlier key form, only what looks like a workshop file: a passed
            // device's survey set aside there is the survey store's.
            if earlier && !text.trim_start().starts_with('{') {
                continue;
            }
            let reason = match import_json(catalogue, &text) {
                Ok(_) => FileError::NotAWorkshop,
                Err(reason) => reason,
            };
            let kept = SetAside {
                key,
                reason,
                stamp: Some(stamp),
            };
            insert_in_order(&mut loaded.set_aside, kept, newest_first);
        }
        (
            WorkshopStore {
                storage: Some(storage),
                memory: RefCell::default(),
            },
            loaded,
        )
    }

    /// Whether workshops survive a reload.
    pub fn is_persistent(&self) -> bool {
        self.storage.is_some()
    }

    /// About how much of this site's storage is taken (`Local::used`; nothing in memory):
    /// what a facilitator is told when a workshop does not fit.
    pub fn used(&self) -> usize {
        self.storage.as_ref().map_or(0, Local::used)
    }

    /// Stores `workshop` under its own namespace, with the stamps of its fields.
    pub fn save(
        &self,
        catalogue: &Catalogue,
        workshop: &Workshop,
        stamps: Stamps,
    ) -> Result<(), String> {
        let key = Keys::new(&workshop_namespace(workshop.id)).workshop();
        self.write(&key, &export_stored(catalogue, workshop, Some(stamps)))
    }

    /// Removes workshop `id` (as [`WorkshopStore::delete`]) if what is stored of it is of
    /// `lineage`: written back by this tab before it heard of the deletion in another.
    pub fn delete_lineage(&self, id: u32, lineage: u32) -> Result<(), String> {
        let key = Keys::new(&workshop_namespace(id)).workshop();
        let stored = self
            .storage
            .as_ref()
            .and_then(|s| s.get(&key).ok().flatten());
        match stored {
            Some(text) if stored_lineage(&text) == lineage => self.delete(id),
            _ => Ok(()),
        }
    }

    /// Removes a workshop and what its namespace holds beside it, the passed device's turn in
    /// progress (set-aside copies stay).
    pub fn delete(&self, id: u32) -> Result<(), String> {
        let keys = Keys::new(&workshop_namespace(id));
        self.remove(&keys.workshop())?;
        for name in TURN_VALUES {
            self.remove(&keys.value(name))?;
        }
        Ok(())
    }

    /// The text kept under `key` (set-aside workshop text), if any.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get(key).ok()?
    }

    /// Deletes the text kept under `key` (set-aside workshop text), for good.
    pub fn delete_raw(&self, key: &str) -> Result<(), String> {
        self.remove(key)
    }

    /// The value `name` of `namespace`, if stored.
    pub fn value(&self, namespace: &str, name: &str) -> Option<String> {
        let key = Keys::new(namespace).value(name);
        match &self.storage {
            Some(storage) => storage.get(&key).ok()?,
            None => self.memory.borrow().get(&key).cloned(),
        }
    }

    /// Removes the value `name` of `namespace`.
    pub fn remove_value(&self, namespace: &str, name: &str) -> Result<(), String> {
        self.remove(&Keys::new(namespace).value(name))
    }

    fn write(&self, key: &str, text: &str) -> Result<(), String> {
        match &self.storage {
            Some(storage) => storage.set(key, text),
            None => {
                self.memory
                    .borrow_mut()
                    .insert(key.to_owned(), text.to_owned());
                Ok(())
            }
        }
    }

    fn remove(&self, key: &str) -> Result<(), String> {
        match &self.storage {
            Some(storage) => storage.remove(key),
            None => {
                self.memory.borrow_mut().remove(key);
                Ok(())
            }
        }
    }
}

/// What a turn on a passed device keeps beside its workshop's namespace: the survey in
/// progress (with the team pick and respondent number), and the team pick and respondent
/// number that builds before survey schema 3 kept under keys of their own.
pub const TURN_VALUES: [&str; 3] = ["survey", "team", "nonce"];

/// Copies unreadable text aside, then frees its key; when the copy fails, the text stays
/// where it is (and is listed under that key).
fn set_aside(storage: &Local, keys: &Keys, text: &str, reason: FileError, loaded: &mut Loaded) {
    let stamp = js_sys::Date::now() as u64;
    let aside = keys.unreadable_workshop(stamp);
    loaded.newly_set_aside = true;
    let kept = if storage.set_aside(&keys.workshop(), &aside, text).is_ok() {
        SetAside {
            key: aside,
            reason,
            stamp: Some(stamp),
        }
    } else {
        SetAside {
            key: keys.workshop(),
            reason,
            stamp: None,
        }
    };
    insert_in_order(&mut loaded.set_aside, kept, newest_first);
}

/// The order set-aside text is listed in: newest first, then any whose copy failed.
fn newest_first(kept: &SetAside) -> std::cmp::Reverse<Option<u64>> {
    std::cmp::Reverse(kept.stamp)
}
