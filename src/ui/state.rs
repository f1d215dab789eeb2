//! The survey's shared state and the actions that change it. Every change that touches the
//! response is stored at once, so a reload or a crash loses nothing.

use std::cell::RefCell;
use std::sync::Arc;

use leptos::prelude::*;

use super::{random_u32, Host};
use crate::core::code::CodedResponse;
use crate::core::embed::{complete_detail_without_figures, progress_detail, LaterRequest};
use crate::core::flow::Step;
use crate::core::instrument::{builtin_advice_file, Instrument};
use crate::core::link::Participant;
use crate::core::response::{Answer, Response, Role};
use crate::core::saved::{InstrumentRef, SavedSurvey, Unreadable};
use crate::i18n::{Locale, Strings};
use crate::storage::{Opened, SurveyStore};

/// Why answers will not survive a reload. Shown until storage works again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageWarning {
    /// The browser gives us no storage at all.
    Unavailable(String),
    /// Storage exists, but the last write failed (for example: quota full).
    WriteFailed(String),
}

/// A one-off message the user may dismiss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Unreadable stored data was kept aside under `key`.
    SetAside { key: String, reason: Unreadable },
    /// The user erased their answers from this device.
    Erased,
}

thread_local! {
    /// Every survey open on this page, so that two instances of one namespace stay in step as
    /// two tabs do (the browser tells other tabs of a write, never the tab that made it).
    static OPEN: RefCell<Vec<Survey>> = const { RefCell::new(Vec::new()) };
}

/// Everything the survey's components share, handed round as context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Survey {
    instrument: StoredValue<Arc<Instrument>>,
    store: StoredValue<SurveyStore, LocalStorage>,
    host: StoredValue<Host, LocalStorage>,
    locale: Locale,
    /// Unique per mounted instance, so form field names never clash between instances.
    pub instance: &'static str,
    pub step: RwSignal<Step>,
    pub response: RwSignal<Response>,
    pub warning: RwSignal<Option<StorageWarning>>,
    pub message: RwSignal<Option<Message>>,
    /// True once the user has moved between steps, so focus may follow the step.
    pub navigated: RwSignal<bool>,
    /// The label of the button that ends the survey (a workshop names what happens next).
    pub finish_label: &'static str,
    /// What finishing does besides showing the end (a passed device's turn is collected):
    /// run by the action that finishes, not by watching the step.
    pub on_finish: Option<Callback<()>>,
    /// The workshop this survey is a participant's answers for (joined by its link): the
    /// scorecard then comes below their response code, and `samepage:complete` carries it.
    pub workshop: Option<u32>,
    /// Makes the response code on this page (the workshop page, which keeps the earlier
    /// questionnaire versions, passes `core::code::encode`); without, the later wasm makes
    /// it.
    pub make_code: Option<fn(&Instrument, &CodedResponse) -> String>,
}

impl Survey {
    /// Opens the stored survey of `namespace` (or starts one) for `instrument`, handing its
    /// events to `host`.
    pub fn open(
        namespace: &str,
        instrument: Instrument,
        locale: Locale,
        instance: &'static str,
        host: Host,
    ) -> Survey {
        let (store, opened) = SurveyStore::open(namespace);
        let (saved, warning, message) = match opened {
            Opened::Fresh => (None, None, None),
            Opened::Resumed(saved) => (Some(*saved), None, None),
            Opened::SetAside { key, reason } => {
                (None, None, Some(Message::SetAside { key, reason }))
            }
            Opened::Unavailable { reason } => {
                let reason = super::no_storage_reason(locale, reason);
                (None, Some(StorageWarning::Unavailable(reason)), None)
            }
        };
        // A survey saved with an earlier questionnaire keeps every answer the current one
        // still asks (by id); `migrate` also fits the step.
        let (saved, _) = saved
            .unwrap_or_else(|| SavedSurvey::new(&instrument))
            .migrate(&instrument);
        let step = saved.step;
        Survey {
            instrument: StoredValue::new(Arc::new(instrument)),
            store: StoredValue::new_local(store),
            host: StoredValue::new_local(host),
            locale,
            instance,
            step: RwSignal::new(step),
            response: RwSignal::new(saved.response),
            warning: RwSignal::new(warning),
            message: RwSignal::new(message),
            navigated: RwSignal::new(false),
            finish_label: locale.strings().see_scorecard,
            on_finish: None,
            workshop: None,
            make_code: None,
        }
    }

    /// The survey of the nearest enclosing [`crate::ui::SamePage`].
    pub fn use_context() -> Survey {
        expect_context::<Survey>()
    }

    /// The instrument being answered.
    pub fn instrument(&self) -> Arc<Instrument> {
        self.instrument.get_value()
    }

    /// Whether this instance runs in kiosk mode (`data-kiosk`).
    pub fn kiosk(&self) -> bool {
        self.host.with_value(|h| h.kiosk)
    }

    /// The team labels the role step asks about (empty: no team question).
    pub fn team_labels(&self) -> Vec<String> {
        self.host.with_value(|h| h.team_labels.clone())
    }

    /// Records the team pick (`None`: none of the teams).
    pub fn pick_team(&self, team: Option<u8>) {
        self.response.update(|r| r.team = Some(team));
        self.save();
    }

    /// Who this survey's response code says answered, when it is a workshop participant's:
    /// the workshop, the respondent number (drawn and stored on first use) and the team.
    pub fn participant(&self) -> Option<Participant> {
        let workshop = self.workshop?;
        Some(Participant {
            workshop,
            nonce: self.respondent_number(),
            team: self.response.with_untracked(|r| r.team.flatten()),
        })
    }

    /// The respondent number stored with the answers, drawn on first use: the same person's
    /// answers sent again replace, never add to, their earlier ones.
    pub fn respondent_number(&self) -> u32 {
        if let Some(number) = self.response.with_untracked(|r| r.respondent) {
            return number;
        }
        let number = random_u32();
        self.response.update(|r| r.respondent = Some(number));
        self.save();
        number
    }

    /// The interface strings.
    pub fn text(&self) -> &'static Strings {
        self.locale.strings()
    }

    /// The locale code for instrument texts.
    pub fn locale(&self) -> &'static str {
        self.locale.code()
    }

    /// The storage key of this survey, to recognise changes made in another tab.
    pub fn storage_key(&self) -> String {
        self.store.with_value(SurveyStore::survey_key)
    }

    /// Asks the loader to fetch the later wasm, once the survey is past its first screen, so
    /// the scorecard shows sooner.
    pub fn prepare_later_screens(&self) {
        self.host
            .with_value(|h| h.later(&LaterRequest::Prepare, |_| {}));
    }

    /// Asks the loader for the personal scorecard's markup (a workshop participant's below
    /// their code card); `done` gets it or why not.
    pub fn scorecard_html(&self, done: impl FnOnce(Result<String, String>) + 'static) {
        // First: a participant's respondent number is drawn and stored with the answers.
        let participant = self.participant();
        let saved = self.saved().encode();
        let code = participant.and_then(|p| {
            let make = self.make_code?;
            let coded = CodedResponse {
                workshop: p.workshop,
                nonce: p.nonce,
                team: p.team,
                response: self.response.get_untracked(),
            };
            Some(make(&self.instrument(), &coded))
        });
        let request = LaterRequest::Scorecard {
            saved: &saved,
            instrument: Instrument::builtin_records(),
            locale: self.locale.code(),
            advice: builtin_advice_file(self.locale.code()),
            id_prefix: self.instance,
            participant,
            code: code.as_deref(),
        };
        self.host.with_value(|h| h.later(&request, done));
    }

    /// Records an answer to a statement.
    pub fn answer(&self, statement: &str, answer: Answer) {
        self.response.update(|r| {
            r.answers.insert(statement.to_owned(), answer);
        });
        self.save();
        self.report_progress();
    }

    /// Tells the host page how many items are answered.
    fn report_progress(&self) {
        let instrument = self.instrument();
        let answered = self
            .response
            .with_untracked(|r| r.answered_items(&instrument));
        self.host.with_value(|h| {
            h.emit(
                "progress",
                &progress_detail(answered, instrument.item_count()),
            )
        });
    }

    /// Tells the host page the survey is complete, with the scorecard's figures unless the
    /// host asked for none (computed by the later wasm, so the first screen carries none of
    /// it). When that cannot be loaded, the event still comes, without figures.
    fn report_complete(&self) {
        let host = self.host.get_value();
        if !host.has_element() {
            return;
        }
        let saved = self.saved().encode();
        let request = LaterRequest::Complete {
            saved: &saved,
            instrument: Instrument::builtin_records(),
            locale: self.locale.code(),
            share_results: host.share_results,
            participant: self.participant(),
        };
        let instrument = self.instrument();
        let emitter = host.clone();
        host.later(&request, move |detail| {
            let detail = detail.unwrap_or_else(|_| complete_detail_without_figures(&instrument));
            emitter.emit("complete", &detail);
        });
    }

    /// Records the respondent's role.
    pub fn choose_role(&self, role: Role) {
        self.response.update(|r| r.role = Some(role));
        self.save();
    }

    /// Records a pick in the definitions check.
    pub fn choose_definition(&self, question: &str, option: &str) {
        self.response.update(|r| {
            r.definitions.insert(question.to_owned(), option.to_owned());
        });
        self.save();
        self.report_progress();
    }

    /// Moves to `step` and remembers it, so a reload resumes there.
    pub fn go_to(&self, step: Step) {
        self.navigated.set(true);
        self.step.set(step);
        self.save();
        if step == Step::Scorecard {
            self.report_complete();
            if let Some(finish) = self.on_finish {
                finish.run(());
            }
        }
    }

    /// Moves to the next step.
    pub fn next(&self) {
        self.go_to(self.step.get_untracked().next(&self.instrument()));
    }

    /// Moves to the previous step.
    pub fn back(&self) {
        self.go_to(self.step.get_untracked().previous(&self.instrument()));
    }

    /// Clears every answer and returns to the welcome screen; a workshop participant stays
    /// the same person (their respondent number stays, so their new answers replace the old).
    pub fn start_over(&self) {
        self.response.update(|r| {
            *r = Response {
                respondent: r.respondent,
                ..Response::default()
            }
        });
        self.message.set(None);
        self.go_to(Step::Welcome);
    }

    /// Removes the stored survey from this device and clears the answers in this tab.
    pub fn erase(&self) {
        self.response.set(Response::default());
        self.navigated.set(true);
        self.step.set(Step::Welcome);
        match self.store.with_value(SurveyStore::erase) {
            Ok(()) => {
                self.message.set(Some(Message::Erased));
                self.tell_siblings(None);
            }
            Err(reason) => self.warning.set(Some(StorageWarning::WriteFailed(reason))),
        }
    }

    /// Follows what another tab did to this survey's stored text: takes in its answers,
    /// keeping this tab's step and any answer only this tab has (`Response::merged_after`),
    /// and stores the union when it differs, so the other tab gets it too; or, when the other
    /// tab erased them (`None`), erases them here too, so this tab never writes back answers
    /// its owner removed.
    pub fn follow_other_tab(&self, stored: Option<&str>) {
        match stored.map(SavedSurvey::decode) {
            Some(Ok(saved)) => {
                let merged = self
                    .response
                    .with_untracked(|ours| ours.merged_after(&saved.response));
                let theirs_lack_ours = merged != saved.response;
                self.response.set(merged);
                if theirs_lack_ours {
                    self.save();
                }
            }
            Some(Err(_)) => {}
            None => {
                self.response.set(Response::default());
                self.step.set(Step::Welcome);
                self.message.set(Some(Message::Erased));
            }
        }
    }

    /// The survey as it stands now, as stored.
    fn saved(&self) -> SavedSurvey {
        SavedSurvey {
            instrument: InstrumentRef::to(&self.instrument()),
            step: self.step.get_untracked(),
            response: self.response.get_untracked(),
        }
    }

    /// Keeps this survey in step with the other instances of its namespace on this page,
    /// until `on_cleanup`.
    pub fn join_page(&self) {
        let survey = *self;
        OPEN.with(|open| open.borrow_mut().push(survey));
        on_cleanup(move || {
            OPEN.with(|open| open.borrow_mut().retain(|s| s.instance != survey.instance))
        });
    }

    /// Hands what this survey stored (`stored` gives the text; `None`: erased) to the other
    /// instances of its namespace on this page. The text is made only when there is one.
    fn tell_siblings(&self, stored: Option<&dyn Fn() -> String>) {
        let key = self.storage_key();
        let siblings: Vec<Survey> = OPEN.with(|open| {
            open.borrow()
                .iter()
                .filter(|s| s.instance != self.instance && s.storage_key() == key)
                .copied()
                .collect()
        });
        if siblings.is_empty() {
            return;
        }
        let text = stored.map(|text| text());
        for sibling in siblings {
            sibling.follow_other_tab(text.as_deref());
        }
    }

    /// Stores the survey as it stands now.
    fn save(&self) {
        let saved = self.saved();
        let result = self.store.with_value(|store| store.save(&saved));
        if result.is_ok() {
            self.tell_siblings(Some(&|| saved.encode()));
        }
        match result {
            Err(reason) => self.warning.set(Some(StorageWarning::WriteFailed(reason))),
            Ok(()) => {
                if matches!(
                    self.warning.get_untracked(),
                    Some(StorageWarning::WriteFailed(_))
                ) {
                    self.warning.set(None);
                }
            }
        }
    }
}
