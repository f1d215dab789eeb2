//! The one storage adapter both stores are built on: the browser's `localStorage`, reached only
//! here. One way to open it (or learn why there is none), read, write, remove, list keys, copy
//! unreadable text aside, and hear of another tab's change.

use leptos::prelude::{on_cleanup, window_event_listener};
use web_sys::Storage;

/// This site's `localStorage`, as every store reads and writes it. Errors are the browser
/// exception's name (such as `QuotaExceededError`), shown in the stores' warnings beside
/// their words.
pub struct Local(Storage);

/// Why there is no storage. The words for `Off` are in the translation table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoStorage {
    /// The browser gives none (switched off).
    Off,
    /// The browser refused it: the exception's name (`SecurityError` when blocked).
    Refused(String),
}

impl Local {
    /// The window's `localStorage`, or why there is none (blocked, switched off).
    pub fn open() -> Result<Local, NoStorage> {
        let window = web_sys::window().ok_or(NoStorage::Off)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(Local(storage)),
            Ok(None) => Err(NoStorage::Off),
            Err(error) => Err(NoStorage::Refused(describe(&error))),
        }
    }

    /// The text under `key`, if any.
    pub fn get(&self, key: &str) -> Result<Option<String>, String> {
        self.0.get_item(key).map_err(|e| describe(&e))
    }

    /// Writes `text` under `key`; a full storage or one refusing writes says why.
    pub fn set(&self, key: &str, text: &str) -> Result<(), String> {
        self.0.set_item(key, text).map_err(|e| describe(&e))
    }

    /// Removes `key`.
    pub fn remove(&self, key: &str) -> Result<(), String> {
        self.0.remove_item(key).map_err(|e| describe(&e))
    }

    /// Every key stored for this site.
    pub fn keys(&self) -> Vec<String> {
        (0..self.0.length().unwrap_or(0))
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }

    /// About how much of this site's storage is taken: keys and values, in UTF-8 bytes (the
    /// characters the quota counts, or a little more).
    pub fn used(&self) -> usize {
        (self.keys().into_iter())
            .map(|key| key.len() + self.get(&key).ok().flatten().map_or(0, |v| v.len()))
            .sum()
    }

    /// Copies `text` (unreadable, found under `from`) to `aside`, then frees `from`. When the
    /// copy fails, `from` keeps the text and the reason is returned: nothing is ever lost.
    /// Once copied, the text is aside even if `from` cannot be freed (it is then in both).
    pub fn set_aside(&self, from: &str, aside: &str, text: &str) -> Result<(), String> {
        self.set(aside, text)?;
        let _ = self.remove(from);
        Ok(())
    }
}

/// Another tab's change to this site's storage, as [`on_other_tab_change`] hands it over.
pub struct OtherTabChange(web_sys::StorageEvent);

impl OtherTabChange {
    /// The key that changed; `None` when everything was cleared.
    pub fn key(&self) -> Option<String> {
        self.0.key()
    }

    /// Its new text; `None` when it was removed.
    pub fn value(&self) -> Option<String> {
        self.0.new_value()
    }

    /// Its text before the change (which copy of a workshop a removal removed).
    pub fn old_value(&self) -> Option<String> {
        self.0.old_value()
    }
}

/// Runs `changed` for each change another tab makes to this site's storage, until the
/// calling component is dropped.
pub fn on_other_tab_change(changed: impl Fn(&OtherTabChange) + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        changed(&OtherTabChange(event))
    });
    on_cleanup(move || handle.remove());
}

/// A JavaScript exception's name (e.g. `QuotaExceededError`; `Error` when it has none).
fn describe(error: &wasm_bindgen::JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| "Error".to_owned())
}
