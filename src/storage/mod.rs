//! Storage: the survey store (here) and the workshop store (`workshops.rs`), both built on the
//! one adapter, [`Local`] (`local.rs`), which alone reaches the browser's `localStorage`. A
//! namespace's survey lives there, or in memory when the browser will not let us store
//! anything.
//!
//! Neither store deletes what it cannot read: unreadable text is copied aside under its own
//! key first, and left where it is if even that copy fails.

mod local;
#[cfg(feature = "workshop")]
mod workshops;

pub use local::{on_other_tab_change, Local, NoStorage, OtherTabChange};
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
    Unavailable { reason: NoStorage },
}

/// A namespace's survey storage.
pub struct SurveyStore {
    keys: Keys,
    storage: Option<Local>,
}

impl SurveyStore {
    /// Opens the store of `namespace` and reads what it holds.
    pub fn open(namespace: &str) -> (SurveyStore, Opened) {
        let keys = Keys::new(namespace);
        let read = Local::open().and_then(|storage| {
            let opened = read_survey(&storage, &keys).map_err(NoStorage::Refused)?;
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
            Some(storage) => storage.set(&self.keys.survey(), &survey.encode()),
            None => Ok(()),
        }
    }

    /// Removes the stored survey of this namespace (set-aside copies stay).
    pub fn erase(&self) -> Result<(), String> {
        match &self.storage {
            Some(storage) => storage.remove(&self.keys.survey()),
            None => Ok(()),
        }
    }
}

/// Reads the stored survey; unreadable text is copied aside before its key is freed, and an
/// error (leaving it in place) when even the copy fails.
fn read_survey(storage: &Local, keys: &Keys) -> Result<Opened, String> {
    let Some(text) = storage.get(&keys.survey())? else {
        return Ok(Opened::Fresh);
    };
    match SavedSurvey::decode(&text) {
        Ok(saved) => Ok(Opened::Resumed(Box::new(saved))),
        Err(reason) => {
            let key = keys.unreadable(js_sys::Date::now() as u64);
            storage.set_aside(&keys.survey(), &key, &text)?;
            Ok(Opened::SetAside { key, reason })
        }
    }
}
