//! The workshop page's shared state: every workshop on this device, the screen shown, and the
//! actions that change them. Each action stores the changed workshop at once.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::embed::LaterRequest;
use crate::core::instrument::builtin_advice_file;
use crate::core::instrument::{Catalogue, Instrument};
use crate::core::link::{workshop_namespace, Fragment, JoinLink, LinkError};
use crate::core::sync::{Heard, Replica};
use crate::core::workshop::{
    insert_in_list_order, parse_minimum, parse_team_labels, Collected, ImportReport, LabelsRefused,
    MinimumRefused, Workshop,
};
use crate::core::workshop_file::{
    export_json, import_json, import_stored, megabytes, stored_lineage, FileError,
};
use crate::i18n::{fill, Locale, ReportStrings, Strings, TeamStrings, WorkshopStrings};
use crate::storage::{OtherTabChange, SetAside, WorkshopStore, TURN_VALUES};
use crate::ui::{random_u32, Host, Survey};

/// Which screen the workshop page shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// The facilitator's workshops, and creating one.
    List,
    /// One workshop: collecting answers, its team scorecard, files.
    Dashboard(u32),
    /// Participants taking turns on this device.
    PassDevice(u32),
    /// A participant on their own device.
    Join(JoinLink),
    /// A participant's link that cannot be used, and why.
    BadLink(LinkError),
}

impl Screen {
    /// The screen a URL fragment asks for (codes in it are imported by [`Workshops::open`]).
    pub fn of(fragment: &Fragment) -> Screen {
        match fragment {
            Fragment::Empty | Fragment::Codes(_) => Screen::List,
            Fragment::Join(Ok(link)) => Screen::Join(link.clone()),
            Fragment::Join(Err(error)) => Screen::BadLink(error.clone()),
            Fragment::Workshop(id) => Screen::Dashboard(*id),
            Fragment::PassDevice(id) => Screen::PassDevice(*id),
        }
    }

    /// The fragment that brings a reload back to this screen.
    pub fn fragment(&self) -> Fragment {
        match self {
            Screen::List => Fragment::Empty,
            Screen::Dashboard(id) => Fragment::Workshop(*id),
            Screen::PassDevice(id) => Fragment::PassDevice(*id),
            Screen::Join(link) => Fragment::Join(Ok(link.clone())),
            Screen::BadLink(error) => Fragment::Join(Err(error.clone())),
        }
    }
}

/// Why a workshop file was not imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRefused {
    /// The file itself is not usable.
    File(FileError),
    /// A workshop with the same id is already here (by this name).
    AlreadyHere(String),
    /// This device would not store it.
    NotStored(NotStored),
}

/// Why a workshop was not stored, with the room it needed and the room already taken, both in
/// characters of this site's storage (browsers keep about 5 million for a site).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotStored {
    /// The browser's reason: full, or refusing writes.
    pub reason: String,
    pub needed: usize,
    pub used: usize,
}

impl NotStored {
    /// The sizes as megabytes, rounded up (`workshop_file::megabytes`).
    pub fn megabytes(&self) -> (String, String) {
        (megabytes(self.needed), megabytes(self.used))
    }
}

/// Why a new workshop was not created.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreateRefused {
    /// The name is empty (or only spaces).
    NoName,
    /// The anonymity minimum is not a whole number from
    /// [`crate::core::team::ANONYMITY_FLOOR`] to
    /// [`crate::core::workshop::MAX_MINIMUM`].
    Minimum(MinimumRefused),
    /// Too many team labels, or one too long.
    Labels(LabelsRefused),
}

/// The outcome of the latest code import, shown beside the paste box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastImport {
    /// The workshop the codes were imported into.
    pub workshop: u32,
    /// What became of each code.
    pub report: ImportReport,
    /// Why the workshop with the new answers could not be stored, if it could not: then
    /// nothing was imported (the page keeps the workshop as it was stored).
    pub not_stored: Option<NotStored>,
}

/// Everything the workshop page's components share, handed round as context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Workshops {
    catalogue: StoredValue<Arc<Catalogue>>,
    /// The loader's side: personal scorecards, QR codes and the advice come through it.
    host: StoredValue<Host, LocalStorage>,
    /// True once the advice is in the catalogue (reports re-render when it arrives).
    advice_loaded: RwSignal<bool>,
    store: StoredValue<WorkshopStore, LocalStorage>,
    /// What this tab knows of each stored workshop's revisions, to merge crossing writes.
    replica: StoredValue<Replica, LocalStorage>,
    locale: Locale,
    /// Unique per mounted instance, for element ids.
    pub instance: &'static str,
    /// Every workshop on this device, newest first.
    pub list: RwSignal<Vec<Workshop>>,
    /// The screen shown (kept in the URL fragment).
    pub screen: RwSignal<Screen>,
    /// Why changes will not survive a reload, while that lasts.
    pub warning: RwSignal<Option<String>>,
    /// Stored workshops that could not be read, and where their text now is.
    pub set_aside: RwSignal<Vec<SetAside>>,
    /// A one-off message until dismissed (codes in a link that fit no workshop here, data set
    /// aside, storage cleared in another tab, a file that could not be made).
    pub message: RwSignal<Option<String>>,
    /// The outcome of the latest code import, until the next one.
    pub last_import: RwSignal<Option<LastImport>>,
}

impl Workshops {
    /// Reads every stored workshop and opens the screen the URL fragment `hash` asks for;
    /// codes in it are imported into the workshop they were made for.
    pub fn open(hash: &str, locale: Locale, instance: &'static str, host: Host) -> Workshops {
        let catalogue = Catalogue::builtin_without_advice();
        let fragment = &Fragment::parse(hash, &catalogue);
        let (store, loaded) = WorkshopStore::open(&catalogue);
        let warning = loaded.unavailable.map(|reason| {
            crate::i18n::fill(
                locale.workshop_strings().storage_unavailable,
                &[("reason", &crate::ui::no_storage_reason(locale, reason))],
            )
        });
        let mut replica = Replica::new(random_u32());
        for (id, stamps) in loaded.stamps {
            if let Some(workshop) = loaded.workshops.iter().find(|w| w.id == id) {
                replica.read(workshop, stamps);
            }
        }
        let workshops = Workshops {
            catalogue: StoredValue::new(Arc::new(catalogue)),
            replica: StoredValue::new_local(replica),
            host: StoredValue::new_local(host),
            advice_loaded: RwSignal::new(false),
            store: StoredValue::new_local(store),
            locale,
            instance,
            list: RwSignal::new(loaded.workshops),
            screen: RwSignal::new(Screen::of(fragment)),
            warning: RwSignal::new(warning),
            set_aside: RwSignal::new(loaded.set_aside),
            message: RwSignal::new(
                loaded
                    .newly_set_aside
                    .then(|| locale.workshop_strings().unreadable_announced.to_owned()),
            ),
            last_import: RwSignal::new(None),
        };
        if let Fragment::Codes(codes) = fragment {
            workshops.import_linked(codes);
        }
        workshops.load_advice();
        workshops
    }

    /// Where the page hands things to its loader (what the later wasm answers).
    pub fn host(&self) -> Host {
        self.host.get_value()
    }

    /// Fetches the advice (after the first screen) and puts it into the catalogue; when it
    /// cannot be had, the reports show without it and a message says why.
    fn load_advice(&self) {
        let workshops = *self;
        let locale = self.locale.code();
        let request = LaterRequest::Advice {
            advice: builtin_advice_file(locale),
        };
        self.host.with_value(|h| {
            h.later(&request, move |text| {
                let applied = text.and_then(|records| {
                    let mut catalogue = (*workshops.catalogue()).clone();
                    catalogue
                        .apply_advice(locale, &records)
                        .map_err(|_| workshops.report_text().advice_damaged.to_owned())?;
                    workshops.catalogue.set_value(Arc::new(catalogue));
                    Ok(())
                });
                match applied {
                    Ok(()) => workshops.advice_loaded.set(true),
                    Err(reason) => workshops.message.set(Some(fill(
                        workshops.workshop_text().advice_unavailable,
                        &[("reason", &reason)],
                    ))),
                }
            })
        });
    }

    /// The workshops of the nearest enclosing workshop page.
    pub fn use_context() -> Workshops {
        expect_context::<Workshops>()
    }

    /// Every questionnaire version a workshop here may hold, current first.
    pub fn catalogue(&self) -> Arc<Catalogue> {
        self.catalogue.get_value()
    }

    /// The questionnaire version new workshops and rounds collect.
    pub fn current_version(&self) -> String {
        self.catalogue.with_value(|c| c.current().version.clone())
    }

    /// Runs `read` with the questionnaire of `version` (a round's), or the current one when
    /// this page does not have it; nothing is copied.
    pub fn with_instrument<R>(&self, version: &str, read: impl FnOnce(&Instrument) -> R) -> R {
        // Reports drawn inside a reactive closure draw again once the advice is in.
        self.advice_loaded.track();
        self.catalogue
            .with_value(|c| read(c.version(version).unwrap_or(c.current())))
    }

    /// What the URL fragment `hash` asks for, read against this page's questionnaires.
    pub fn fragment(&self, hash: &str) -> Fragment {
        self.catalogue.with_value(|c| Fragment::parse(hash, c))
    }

    /// The survey's interface strings.
    pub fn text(&self) -> &'static Strings {
        self.locale.strings()
    }

    /// The personal scorecard's strings (stages, columns and advice the team report shares).
    pub fn report_text(&self) -> &'static ReportStrings {
        self.locale.report_strings()
    }

    /// The team report's strings.
    pub fn team_text(&self) -> &'static TeamStrings {
        self.locale.team_strings()
    }

    /// The workshop screens' strings.
    pub fn workshop_text(&self) -> &'static WorkshopStrings {
        self.locale.workshop_strings()
    }

    /// The interface's locale (its `code()` selects instrument texts).
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// What `read` makes of the workshop `id`, if it is here; tracked, for views that follow
    /// changes, and without copying the workshop.
    pub fn read<R>(&self, id: u32, read: impl FnOnce(&Workshop) -> R) -> Option<R> {
        self.list
            .with(|list| list.iter().find(|w| w.id == id).map(read))
    }

    /// A copy of the workshop `id`, if it is here; tracked, like [`Workshops::read`].
    pub fn get(&self, id: u32) -> Option<Workshop> {
        self.read(id, Workshop::clone)
    }

    /// A copy of the workshop `id` as it is now, for event handlers and set-up.
    pub fn peek(&self, id: u32) -> Option<Workshop> {
        self.list
            .with_untracked(|list| list.iter().find(|w| w.id == id).cloned())
    }

    /// The text of set-aside workshop data kept under `key`.
    pub fn raw_set_aside(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.raw(key))
    }

    /// Deletes set-aside workshop data for good (after the facilitator confirmed).
    pub fn delete_set_aside(&self, key: &str) {
        let result = self.store.with_value(|s| s.delete_raw(key));
        if result.is_ok() {
            self.set_aside.update(|kept| kept.retain(|k| k.key != key));
        }
        self.note_write(&result);
    }

    /// Reads a value kept beside a namespace (a respondent's nonce or team pick).
    fn value(&self, namespace: &str, name: &str) -> Option<String> {
        self.store.with_value(|s| s.value(namespace, name))
    }

    /// Removes a value kept beside a namespace.
    fn remove_value(&self, namespace: &str, name: &str) {
        let result = self.store.with_value(|s| s.remove_value(namespace, name));
        self.note_write(&result);
    }

    /// Opens the survey stored under `namespace` (a passed device's turn, a participant's
    /// own device) of questionnaire `version`, its last button labelled `finish_label`,
    /// asking which of `team_labels` the person is in (none: no team question).
    pub fn open_survey(
        &self,
        namespace: &str,
        version: &str,
        finish_label: &'static str,
        team_labels: Vec<String>,
    ) -> Survey {
        let mut host = self.host.get_value();
        host.team_labels = team_labels;
        let mut survey = Survey::open(
            namespace,
            // Untracked: a survey in progress is never drawn again because the advice came.
            self.catalogue
                .with_value(|c| c.version(version).unwrap_or(c.current()).clone()),
            self.locale,
            crate::ui::next_instance_id(),
            host,
        );
        survey.finish_label = finish_label;
        survey
    }

    /// Whether a turn on the passed device of workshop `id` was left unfinished.
    pub fn has_unfinished_turn(&self, id: u32) -> bool {
        let namespace = workshop_namespace(id);
        TURN_VALUES
            .iter()
            .any(|name| self.value(&namespace, name).is_some())
    }

    /// Adds a finished turn's answers to workshop `id` and stores it; see
    /// [`Workshops::store_turn`].
    pub fn finish_turn(&self, id: u32, collected: Collected) -> Result<(), String> {
        let before = self.peek(id);
        self.list.update(|list| {
            if let Some(workshop) = list.iter_mut().find(|w| w.id == id) {
                workshop.collect(collected);
            }
        });
        self.store_turn_after(id, before.as_ref())
    }

    /// Stores workshop `id` as it is now and only then forgets the passed device's turn, so
    /// a finished turn is never discarded before it is stored. Err: why it could not be
    /// stored; the turn is kept, and the storage warning stays.
    pub fn store_turn(&self, id: u32) -> Result<(), String> {
        self.store_turn_after(id, None)
    }

    /// [`Workshops::store_turn`], where `before` is the workshop before the turn was added.
    fn store_turn_after(&self, id: u32, before: Option<&Workshop>) -> Result<(), String> {
        if let Some(workshop) = self.peek(id) {
            self.store_workshop(before, &workshop)?;
        }
        self.discard_turn(id);
        Ok(())
    }

    /// Forgets the unfinished turn of workshop `id`'s passed device.
    pub fn discard_turn(&self, id: u32) {
        self.forget_person(&workshop_namespace(id));
    }

    /// Forgets the person whose answers, team pick and respondent number are kept beside
    /// `namespace`, so the next person on the device starts afresh with a number of their own.
    pub fn forget_person(&self, namespace: &str) {
        for name in TURN_VALUES {
            self.remove_value(namespace, name);
        }
    }

    /// Creates a workshop with one empty round and opens it. `labels` is comma-separated.
    pub fn create(&self, name: &str, labels: &str, minimum: &str) -> Result<u32, CreateRefused> {
        if name.trim().is_empty() {
            return Err(CreateRefused::NoName);
        }
        let minimum = parse_minimum(minimum).map_err(CreateRefused::Minimum)?;
        let labels = parse_team_labels(labels).map_err(CreateRefused::Labels)?;
        let id = self.fresh_id();
        let version = self.current_version();
        let workshop = Workshop::new(id, name, labels, minimum, &today(), &version);
        // A workshop that could not be stored still opens (the warning says it lasts only
        // on this page), so that what is typed next is not lost.
        let _ = self.store_workshop(None, &workshop);
        self.list
            .update(|list| insert_in_list_order(list, workshop));
        self.screen.set(Screen::Dashboard(id));
        Ok(id)
    }

    /// Changes the workshop `id` with `change`; `None` if it is not here. Only a change that
    /// changed something is stored and shown (a batch of refused or duplicate codes, say,
    /// writes nothing and redraws nothing).
    pub fn update<R>(&self, id: u32, change: impl FnOnce(&mut Workshop) -> R) -> Option<R> {
        let mut outcome = None;
        self.list.update_untracked(|list| {
            if let Some(workshop) = list.iter_mut().find(|w| w.id == id) {
                let before = workshop.clone();
                let result = change(workshop);
                let changed = (*workshop != before).then(|| (before, workshop.clone()));
                outcome = Some((changed, result));
            }
        });
        let (changed, result) = outcome?;
        if let Some((before, workshop)) = changed {
            self.list.notify();
            let _ = self.store_workshop(Some(&before), &workshop);
        }
        Some(result)
    }

    /// Removes the workshop `id` and everything kept for it from this device.
    pub fn delete(&self, id: u32) {
        self.replica.update_value(|r| r.deleting(id));
        let result = self.store.with_value(|s| s.delete(id));
        self.note_write(&result);
        self.list.update(|list| list.retain(|w| w.id != id));
        if self
            .last_import
            .with_untracked(|l| l.as_ref().map(|l| l.workshop))
            == Some(id)
        {
            self.last_import.set(None);
        }
        self.screen.set(Screen::List);
    }

    /// Imports pasted text's codes into the workshop `id` and keeps the outcome for display;
    /// `None` when the workshop with the new answers could not be stored (nothing changed).
    pub fn import_codes(&self, id: u32, text: &str) -> Option<ImportReport> {
        let catalogue = self.catalogue();
        // Imported into a copy, which replaces this page's workshop only once it is stored:
        // answers that do not fit are refused whole, never shown as imported and then lost.
        let before = self.peek(id)?;
        let mut workshop = before.clone();
        let report = workshop.import_codes(&catalogue, text);
        let not_stored = if workshop == before {
            None
        } else {
            match self.try_store_new(Some(&before), &workshop) {
                Ok(()) => {
                    self.list.update(|list| {
                        if let Some(slot) = list.iter_mut().find(|w| w.id == id) {
                            *slot = workshop;
                        }
                    });
                    None
                }
                Err(reason) => Some(self.not_stored(&workshop, reason)),
            }
        };
        let stored = not_stored.is_none();
        self.last_import.set(Some(LastImport {
            workshop: id,
            report: report.clone(),
            not_stored,
        }));
        stored.then_some(report)
    }

    /// Follows what another tab stored for workshop `id` (`change`), or its deletion there,
    /// so this tab never writes back an older copy over answers collected in the other one;
    /// when the two tabs' writes crossed, stores the join of both (see `core::sync`).
    pub fn follow_other_tab(&self, id: u32, change: &OtherTabChange) {
        let mine = self.peek(id);
        let heard = match change.value() {
            Some(text) => match import_stored(&self.catalogue(), &text) {
                Ok((theirs, stamps)) => {
                    (self.replica).try_update_value(|r| r.heard(id, mine.as_ref(), theirs, stamps))
                }
                Err(_) => return,
            },
            None => {
                let removed = change.old_value().map(|old| stored_lineage(&old));
                (self.replica).try_update_value(|r| r.heard_removal(id, mine.as_ref(), removed))
            }
        };
        let show = match heard {
            Some(Heard::Take(workshop)) => workshop,
            Some(Heard::Store(joined, stamps)) => {
                let catalogue = self.catalogue();
                let result = self
                    .store
                    .with_value(|s| s.save(&catalogue, &joined, stamps));
                self.note_write(&result);
                joined
            }
            Some(Heard::Drop { lineage }) => {
                if let Some(lineage) = lineage {
                    let result = self.store.with_value(|s| s.delete_lineage(id, lineage));
                    self.note_write(&result);
                }
                self.list.update(|list| list.retain(|w| w.id != id));
                return;
            }
            Some(Heard::DeleteAgain) => {
                self.note_write(&self.store.with_value(|s| s.delete(id)));
                return;
            }
            None => return,
        };
        self.list
            .update(|list| match list.iter_mut().find(|w| w.id == id) {
                Some(existing) => *existing = show,
                None => insert_in_list_order(list, show),
            });
    }

    /// Another tab cleared this site's storage: this page keeps its workshops (to download)
    /// but says they are no longer stored, and writes nothing back by itself.
    pub fn storage_cleared_elsewhere(&self) {
        // Set-aside data went with it.
        self.set_aside.set(Vec::new());
        let text = self.workshop_text().storage_cleared_elsewhere;
        self.message.set(Some(text.to_owned()));
    }

    /// Imports a workshop file; nothing here changes when it is refused.
    pub fn import_file(&self, text: &str) -> Result<u32, FileRefused> {
        let workshop = import_json(&self.catalogue(), text).map_err(FileRefused::File)?;
        if let Some(existing) = self.peek(workshop.id) {
            return Err(FileRefused::AlreadyHere(existing.name));
        }
        let id = workshop.id;
        self.try_store_new(None, &workshop)
            .map_err(|reason| FileRefused::NotStored(self.not_stored(&workshop, reason)))?;
        self.list
            .update(|list| insert_in_list_order(list, workshop));
        Ok(id)
    }

    /// Imports codes from a participant's link back into the workshop they were made for,
    /// and opens that workshop.
    pub fn import_linked(&self, codes: &str) {
        let workshop = crate::core::code::find_codes(codes)
            .into_iter()
            .find_map(crate::core::code::workshop_of)
            .filter(|id| self.peek(*id).is_some());
        match workshop {
            Some(id) => {
                self.import_codes(id, codes);
                self.screen.set(Screen::Dashboard(id));
            }
            None => {
                let text = self.workshop_text().link_codes_no_workshop;
                self.message.set(Some(text.to_owned()));
            }
        }
    }

    /// Stores `workshop` (`before`: this tab's copy before the change); the storage warning
    /// lasts until a workshop is stored again.
    fn store_workshop(&self, before: Option<&Workshop>, workshop: &Workshop) -> Result<(), String> {
        let result = self.try_store(before, workshop);
        self.note_write(&result);
        result
    }

    /// Stores `workshop`, leaving it to the caller to say why when it cannot (a change this
    /// page then does not make needs no warning that it is kept in memory).
    fn try_store(&self, before: Option<&Workshop>, workshop: &Workshop) -> Result<(), String> {
        self.store_stamped(before, workshop, true)
    }

    /// [`Workshops::try_store`] for a change this page shows only once it is stored: when
    /// the write fails, no stamp may claim it (another tab's later change would lose to it).
    fn try_store_new(&self, before: Option<&Workshop>, workshop: &Workshop) -> Result<(), String> {
        self.store_stamped(before, workshop, false)
    }

    /// Stores `workshop` with the stamps of what changed since `before` (`core::sync`), and
    /// notes them when it is stored or `shown_anyway`.
    fn store_stamped(
        &self,
        before: Option<&Workshop>,
        workshop: &Workshop,
        shown_anyway: bool,
    ) -> Result<(), String> {
        let catalogue = self.catalogue();
        let stamps = (self.replica).with_value(|r| r.stamp(before, workshop, random_u32().max(1)));
        let result = (self.store).with_value(|s| s.save(&catalogue, workshop, stamps.clone()));
        if result.is_ok() || shown_anyway {
            self.replica.update_value(|r| r.keep(workshop, stamps));
        }
        if result.is_ok() && self.store.with_value(WorkshopStore::is_persistent) {
            self.warning.set(None);
        }
        result
    }

    /// What `workshop` would have needed of the storage that refused it, and what is taken.
    fn not_stored(&self, workshop: &Workshop, reason: String) -> NotStored {
        let needed = export_json(&self.catalogue(), workshop).len();
        let used = self.store.with_value(WorkshopStore::used);
        NotStored {
            reason,
            needed,
            used,
        }
    }

    /// Shows a warning when a write or removal fails. Only a stored workshop clears it
    /// ([`Workshops::store_workshop`]): a removal that worked says nothing about a failed write.
    fn note_write(&self, result: &Result<(), String>) {
        if let Err(reason) = result {
            self.warning.set(Some(crate::i18n::fill(
                self.workshop_text().storage_failed,
                &[("reason", reason)],
            )));
        }
    }

    /// A random id no workshop here has.
    fn fresh_id(&self) -> u32 {
        loop {
            let id = random_u32();
            if id != 0 && self.peek(id).is_none() {
                return id;
            }
        }
    }
}

/// Today's date on this device, `YYYY-MM-DD`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
