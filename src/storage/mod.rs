//! The one storage adapter: keeps a namespace's survey in the browser's `localStorage`, or in
//! memory when the browser will not let us store anything.
//!
//! It never deletes what it cannot read: unreadable text is copied aside under its own key
//! first, and left where it is if even that copy fails.

#[cfg(feature = "workshop")]
mod workshops;

use web_sys::Storage;

#[cfg(feature = "workshop")]
pub use workshops::{Loaded, SetAside, WorkshopStore, TURN_VALUES};

use crate::core::saved::{Keys, SavedSurvey, Unreadable};

/// What opening the store found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// Nothing stored yet.
    Fresh,
    /// A survey in progress.
    Resumed(Box<SavedSurvey>),
    /// Stored text that could not be read; it now lives, untouched, under `key`.
    SetAside { key: String, reason: Unreadable },
    /// No storage: the survey runs in memory only. `reason` says why, for the user.
    Unavailable { reason: String },
}

/// A namespace's survey storage.
pub struct SurveyStore {
    keys: Keys,
    storage: Option<Storage>,
}

impl SurveyStore {
    /// Opens the store of `namespace` and reads what it holds.
    pub fn open(namespace: &str) -> (SurveyStore, Opened) {
        let keys = Keys::new(namespace);
        let read = local_storage().and_then(|storage| {
            let opened = read_survey(&storage, &keys)?;
            Ok((storage, opened))
        });
        match read {
            Ok((storage, opened)) => (
                SurveyStore {
                    keys,
                    storage: Some(storage),
                },
                opened,
            ),
            Err(reason) => (
                SurveyStore {
                    keys,
                    storage: None,
                },
                Opened::Unavailable { reason },
            ),
        }
    }

    /// The key the survey is stored under.
    pub fn survey_key(&self) -> String {
        self.keys.survey()
    }

    /// Stores `survey`. In memory mode there is nothing to do.
    pub fn save(&self, survey: &SavedSurvey) -> Result<(), String> {
        match &self.storage {
            Some(storage) => storage
                .set_item(&self.keys.survey(), &survey.encode())
                .map_err(|error| describe(&error)),
            None => Ok(()),
        }
    }

    /// Removes the stored survey of this namespace (set-aside copies stay).
    pub fn erase(&self) -> Result<(), String> {
        match &self.storage {
            Some(storage) => storage
                .remove_item(&self.keys.survey())
                .map_err(|error| describe(&error)),
            None => Ok(()),
        }
    }
}

/// Reads the stored survey; unreadable text is copied aside before its key is freed, and an
/// error (leaving it in place) when even the copy fails.
fn read_survey(storage: &Storage, keys: &Keys) -> Result<Opened, String> {
    let Some(text) = storage.get_item(&keys.survey()).map_err(|e| describe(&e))? else {
        return Ok(Opened::Fresh);
    };
    match SavedSurvey::decode(&text) {
        Ok(saved) => Ok(Opened::Resumed(Box::new(saved))),
        Err(reason) => {
            let key = keys.unreadable(js_sys::Date::now() as u64);
            storage.set_item(&key, &text).map_err(|e| describe(&e))?;
            storage
                .remove_item(&keys.survey())
                .map_err(|e| describe(&e))?;
            Ok(Opened::SetAside { key, reason })
        }
    }
}

/// The window's `localStorage`, or why there is none.
fn local_storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or_else(|| "no window".to_owned())?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("storage is switched off".to_owned()),
        Err(error) => Err(describe(&error)),
    }
}

/// A short, readable reason from a JavaScript exception (its name, e.g. `QuotaExceededError`).
fn describe(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| "storage error".to_owned())
}
