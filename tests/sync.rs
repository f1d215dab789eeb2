//! One workshop in two tabs: writes that cross are joined field by field, nothing either tab
//! saved is lost, a later deliberate change is never reverted, a deletion stays deleted.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::VecDeque;

use proptest::prelude::*;
use samepage::core::instrument::Catalogue;
use samepage::core::response::{Answer, Role};
use samepage::core::sync::{Heard, Replica, RoundStamps, Stamp, Stamps};
use samepage::core::team::Answers;
use samepage::core::workshop::{Collected, Source, Workshop};
use samepage::core::workshop_file::{export_json, export_stored, import_stored, stored_lineage};

const ID: u32 = 0x5EED_0001;

fn kick_off() -> Workshop {
    Workshop::new(
        ID,
        "Kick-off",
        vec!["North".into()],
        3,
        "2026-11-23",
        "2.0.0",
    )
}

/// A response of respondent `nonce` who rates the first statement `level`.
fn response(nonce: u32, level: u8) -> Collected {
    Collected {
        nonce,
        team: None,
        answers: Answers {
            role: Role::Sales,
            cells: vec![Some(Answer::Agreement(level)), None],
            picks: vec![None],
        },
        source: Source::Code,
    }
}

fn with_hours(mut workshop: Workshop, hours: Option<f64>) -> Workshop {
    workshop.rounds[0].facts.follow_up_hours = hours;
    workshop
}

/// What a tab hears of another's change: a write, or a removal (with the lineage of the
/// copy removed, from the event's old value).
#[derive(Clone, Debug)]
enum Event {
    Write(Workshop, Stamps),
    Removed(Option<u32>),
}

/// One browser's storage of one workshop, and its tabs, each hearing the others' writes in
/// the order they were stored, each when the test delivers them.
struct Browser {
    stored: Option<(Workshop, Stamps)>,
    tabs: Vec<Tab>,
    next_tab: u32,
}

struct Tab {
    replica: Replica,
    copy: Option<Workshop>,
    heard: VecDeque<Event>,
    /// A closed tab hears nothing.
    open: bool,
}

impl Browser {
    /// `tabs` tabs open on `workshop`, as an earlier build stored it (no stamps).
    fn open(tabs: usize, workshop: Workshop) -> Browser {
        let mut browser = Browser {
            stored: Some((workshop.clone(), Stamps::unstamped(&workshop, 0))),
            tabs: Vec::new(),
            next_tab: 1000,
        };
        for _ in 0..tabs {
            let tab = browser.new_tab();
            browser.tabs.push(tab);
        }
        browser
    }

    /// A tab opened now (a new tab id), reading what is stored.
    fn new_tab(&mut self) -> Tab {
        self.next_tab += 1;
        let mut replica = Replica::new(self.next_tab);
        let copy = self.stored.clone().map(|(workshop, stamps)| {
            replica.read(&workshop, Some(stamps));
            workshop
        });
        Tab {
            replica,
            copy,
            heard: VecDeque::new(),
            open: true,
        }
    }

    /// Tab `tab` reloads: what it had not heard is gone, and it reads what is stored.
    fn reload(&mut self, tab: usize) {
        self.tabs[tab] = self.new_tab();
    }

    /// Tab `tab` changes its copy with `change` and stores it.
    fn change(&mut self, tab: usize, change: impl FnOnce(&mut Workshop)) {
        let before = self.tabs[tab]
            .copy
            .clone()
            .expect("the tab has the workshop");
        let mut after = before.clone();
        change(&mut after);
        let stamps = self.tabs[tab].replica.stamp(Some(&before), &after, 0);
        self.tabs[tab].replica.keep(&after, stamps.clone());
        self.store(tab, after, stamps);
    }

    /// Tab `tab` imports `workshop` from a file (a new lineage).
    fn import(&mut self, tab: usize, workshop: Workshop, lineage: u32) {
        let stamps = self.tabs[tab].replica.stamp(None, &workshop, lineage);
        self.tabs[tab].replica.keep(&workshop, stamps.clone());
        self.store(tab, workshop, stamps);
    }

    fn store(&mut self, tab: usize, workshop: Workshop, stamps: Stamps) {
        self.tabs[tab].copy = Some(workshop.clone());
        self.stored = Some((workshop.clone(), stamps.clone()));
        self.tell_others(tab, Event::Write(workshop, stamps));
    }

    fn delete(&mut self, tab: usize) {
        self.tabs[tab].replica.deleting(ID);
        self.tabs[tab].copy = None;
        self.free(tab);
    }

    fn free(&mut self, tab: usize) {
        if let Some((_, stamps)) = self.stored.take() {
            self.tell_others(tab, Event::Removed(Some(stamps.lineage)));
        }
    }

    fn tell_others(&mut self, writer: usize, event: Event) {
        for (at, other) in self.tabs.iter_mut().enumerate() {
            if at != writer && other.open {
                other.heard.push_back(event.clone());
            }
        }
    }

    /// Tab `tab` hears the oldest write it has not heard yet; false when there is none.
    fn deliver(&mut self, tab: usize) -> bool {
        let Some(event) = self.tabs[tab].heard.pop_front() else {
            return false;
        };
        let mine = self.tabs[tab].copy.clone();
        let replica = &mut self.tabs[tab].replica;
        let heard = match event {
            Event::Write(theirs, stamps) => replica.heard(ID, mine.as_ref(), theirs, Some(stamps)),
            Event::Removed(lineage) => replica.heard_removal(ID, mine.as_ref(), lineage),
        };
        match heard {
            Heard::Take(theirs) => self.tabs[tab].copy = Some(theirs),
            Heard::Store(joined, stamps) => self.store(tab, joined, stamps),
            Heard::Drop { lineage } => {
                self.tabs[tab].copy = None;
                let stored = self.stored.as_ref().map(|(_, s)| s.lineage);
                if lineage.is_some() && stored == lineage {
                    self.free(tab);
                }
            }
            Heard::DeleteAgain => self.free(tab),
        }
        true
    }

    /// Every open tab hears everything, until no write is left unheard.
    fn settle(&mut self) {
        let mut rounds = 0;
        while (0..self.tabs.len()).any(|tab| self.deliver(tab)) {
            rounds += 1;
            assert!(rounds < 20_000, "the tabs keep writing over each other");
        }
    }

    fn stored(&self) -> &Workshop {
        &self.stored.as_ref().expect("the workshop is stored").0
    }

    /// True when every open tab shows what is stored, respondents in the same order.
    fn in_step(&self) -> bool {
        (self.tabs.iter().filter(|tab| tab.open)).all(|tab| match (&tab.copy, &self.stored) {
            (Some(copy), Some((stored, _))) => copy == stored,
            (None, None) => true,
            _ => false,
        })
    }
}

#[test]
fn two_figures_saved_at_the_same_instant_in_two_tabs_are_both_kept() {
    let mut browser = Browser::open(2, kick_off());
    // Neither tab hears of the other's save before making its own.
    browser.change(0, |w| w.rounds[0].facts.follow_up_hours = Some(26.0));
    browser.change(1, |w| {
        w.rounds[0].facts.accepted_share = Some(0.4);
        w.name = "Kick-off, Q1".into();
    });
    assert_eq!(
        browser.stored().rounds[0].facts.follow_up_hours,
        None,
        "the crossing"
    );

    browser.settle();

    let stored = browser.stored();
    assert_eq!(stored.rounds[0].facts.follow_up_hours, Some(26.0));
    assert_eq!(stored.rounds[0].facts.accepted_share, Some(0.4));
    assert_eq!(stored.name, "Kick-off, Q1");
    assert!(browser.in_step());
}

#[test]
fn a_field_both_tabs_changed_at_the_same_instant_ends_the_same_in_both() {
    let mut browser = Browser::open(2, with_hours(kick_off(), Some(10.0)));
    browser.change(0, |w| w.rounds[0].facts.follow_up_hours = Some(26.0));
    browser.change(1, |w| w.rounds[0].facts.follow_up_hours = Some(30.0));

    browser.settle();

    // The same clock: the tab with the larger id wins, in both tabs.
    assert_eq!(browser.stored().rounds[0].facts.follow_up_hours, Some(30.0));
    assert!(browser.in_step());
}

#[test]
fn a_figure_cleared_in_one_tab_stays_cleared() {
    let mut browser = Browser::open(2, with_hours(kick_off(), Some(10.0)));
    browser.change(0, |w| w.rounds[0].facts.follow_up_hours = None);
    browser.change(1, |w| w.archived = true);

    browser.settle();

    assert_eq!(browser.stored().rounds[0].facts.follow_up_hours, None);
    assert!(browser.stored().archived);
    assert!(browser.in_step());
}

#[test]
fn a_change_made_after_hearing_of_the_other_tabs_is_not_reverted() {
    let mut browser = Browser::open(2, kick_off());
    browser.change(0, |w| w.rounds[0].facts.follow_up_hours = Some(26.0));
    browser.deliver(1);
    browser.change(1, |w| w.rounds[0].facts.follow_up_hours = Some(30.0));
    // The first tab, not yet in step, changes another field meanwhile.
    browser.change(0, |w| w.archived = true);

    browser.settle();

    assert_eq!(browser.stored().rounds[0].facts.follow_up_hours, Some(30.0));
    assert!(browser.stored().archived);
    assert!(browser.in_step());
}

#[test]
fn responses_are_the_union_by_respondent_and_a_replaced_answer_wins() {
    let mut base = kick_off();
    base.rounds[0].responses = vec![response(1, 3), response(2, 3)];
    let mut browser = Browser::open(2, base);
    browser.change(0, |w| w.rounds[0].responses.push(response(3, 5)));
    // The other tab takes in respondent 2's changed answers and a new respondent.
    browser.change(1, |w| {
        w.rounds[0].responses[1] = response(2, 1);
        w.rounds[0].responses.push(response(4, 2));
    });

    browser.settle();

    let mut got: Vec<Collected> = browser.stored().rounds[0].responses.clone();
    got.sort_by_key(|c| c.nonce);
    let expected = vec![
        response(1, 3),
        response(2, 1),
        response(3, 5),
        response(4, 2),
    ];
    assert_eq!(got, expected);
    assert!(browser.in_step());
}

#[test]
fn a_round_started_in_one_tab_is_kept_with_the_others_figures() {
    let mut browser = Browser::open(2, kick_off());
    browser.change(0, |w| w.start_round("2027-02-01", "2.0.0"));
    browser.change(1, |w| w.rounds[0].facts.follow_up_hours = Some(12.0));

    browser.settle();

    let stored = browser.stored();
    assert_eq!(stored.rounds.len(), 2);
    assert_eq!(stored.rounds[0].facts.follow_up_hours, Some(12.0));
    assert_eq!(stored.rounds[1].started, "2027-02-01");
    assert!(browser.in_step());
}

#[test]
fn answers_imported_in_two_tabs_at_once_are_all_kept() {
    let mut browser = Browser::open(2, kick_off());
    for nonce in 0..20 {
        browser.change((nonce % 2) as usize, |w| {
            w.rounds[0].responses.push(response(nonce, 4));
        });
        if nonce % 3 == 2 {
            browser.deliver(0);
        }
    }

    browser.settle();

    let mut nonces: Vec<u32> = (browser.stored().rounds[0].responses.iter())
        .map(|c| c.nonce)
        .collect();
    nonces.sort_unstable();
    assert_eq!(nonces, (0..20).collect::<Vec<_>>());
    assert!(browser.in_step());
}

#[test]
fn a_workshop_deleted_in_one_tab_stays_deleted_when_the_other_writes_an_older_copy() {
    let mut browser = Browser::open(2, kick_off());
    browser.delete(0);
    // The other tab had not heard of it and renames its copy.
    browser.change(1, |w| w.name = "Renamed".into());
    assert!(browser.stored.is_some(), "written back for a moment");

    browser.settle();

    assert!(browser.stored.is_none());
    assert!(browser.in_step());
}

#[test]
fn a_workshop_written_back_after_the_deleting_tab_closed_is_freed_by_the_writer() {
    let mut browser = Browser::open(2, kick_off());
    browser.delete(0);
    browser.tabs[0].open = false;
    browser.change(1, |w| w.name = "Renamed".into());

    browser.settle();

    assert!(browser.stored.is_none());
    assert!(browser.in_step());
}

#[test]
fn a_workshop_imported_again_after_its_deletion_is_kept() {
    let mut browser = Browser::open(2, kick_off());
    browser.delete(0);
    browser.settle();
    browser.import(1, kick_off(), 77);

    browser.settle();

    assert_eq!(browser.stored().name, "Kick-off");
    assert!(browser.in_step());
}

#[test]
fn a_figure_saved_before_a_reload_is_kept_when_an_older_join_lands_after_it() {
    let mut browser = Browser::open(2, kick_off());
    // The first tab renames; the second sets the hours before it hears of the rename.
    browser.change(0, |w| w.name = "Renamed".into());
    browser.change(1, |w| w.rounds[0].facts.follow_up_hours = Some(5.0));
    // The second tab hears the rename, stores the join, saves a figure and reloads.
    browser.deliver(1);
    browser.change(1, |w| w.rounds[0].facts.accepted_share = Some(0.4));
    browser.reload(1);
    // Only now does the first tab hear the hours: its join lands after the figure.
    browser.deliver(0);

    browser.settle();

    let stored = browser.stored();
    assert_eq!(stored.name, "Renamed");
    assert_eq!(stored.rounds[0].facts.follow_up_hours, Some(5.0));
    assert_eq!(stored.rounds[0].facts.accepted_share, Some(0.4));
    assert!(browser.in_step());
}

#[test]
fn a_removal_of_a_copy_written_back_over_a_reimport_brings_the_reimport_back() {
    let mut browser = Browser::open(2, kick_off());
    browser.delete(0);
    browser.import(0, kick_off(), 77);
    // The second tab had heard of neither, and writes its old copy over the import.
    browser.change(1, |w| w.rounds[0].facts.conversion = Some(0.1));

    browser.settle();

    let (stored, stamps) = browser.stored.clone().expect("the import is stored");
    assert_eq!(stamps.lineage, 77);
    assert_eq!(
        stored.rounds[0].facts.conversion, None,
        "the deleted copy's change is gone"
    );
    assert!(browser.in_step());
}

#[test]
fn a_change_that_could_not_be_stored_leaves_no_stamp_to_beat_a_later_one() {
    let mut base = kick_off();
    base.rounds[0].responses = vec![response(1, 3)];
    let mut browser = Browser::open(2, base);
    // The first tab's import of changed answers fails: its page keeps the copy before, and
    // keeps no stamp of it.
    let before = browser.tabs[0].copy.clone().unwrap();
    let mut after = before.clone();
    after.rounds[0].responses[0] = response(1, 5);
    let _not_stored = browser.tabs[0].replica.stamp(Some(&before), &after, 0);
    // The second tab imports other changed answers of the same respondent, and they stay.
    browser.change(1, |w| w.rounds[0].responses[0] = response(1, 1));

    browser.settle();

    assert_eq!(browser.stored().rounds[0].responses, vec![response(1, 1)]);
    assert!(browser.in_step());
}

#[test]
fn the_same_file_imported_in_two_tabs_at_once_ends_as_one_copy() {
    let mut browser = Browser::open(2, kick_off());
    browser.delete(0);
    browser.settle();
    browser.tabs[1].replica.deleting(ID);
    browser.import(0, kick_off(), 5);
    browser.import(1, kick_off(), 9);
    browser.change(0, |w| w.rounds[0].facts.follow_up_hours = Some(2.0));

    browser.settle();

    assert_eq!(
        browser.stored.as_ref().unwrap().1.lineage,
        9,
        "the larger lineage"
    );
    assert!(browser.in_step());
}

#[test]
fn how_an_answer_came_is_not_a_change_to_stamp_and_replacements_stay_in_order() {
    let mut base = kick_off();
    base.rounds[0].responses = vec![response(9, 3), response(4, 3)];
    let mut replica = Replica::new(3);
    replica.read(&base, None);
    let mut after = base.clone();
    after.rounds[0].responses[0].source = Source::Device;
    let stamps = replica.stamp(Some(&base), &after, 0);
    assert!(stamps.rounds[0].replaced.is_empty());
    after.rounds[0].responses[0] = response(9, 1);
    after.rounds[0].responses[1] = response(4, 1);
    let before = after.clone();
    let stamps = replica.stamp(Some(&before), &after, 0);
    assert!(
        stamps.rounds[0].replaced.is_empty(),
        "nothing changed since"
    );
    let mut again = before.clone();
    again.rounds[0].responses[0] = response(9, 2);
    again.rounds[0].responses[1] = response(4, 2);
    let stamps = replica.stamp(Some(&before), &again, 0);
    let nonces: Vec<u32> = stamps.rounds[0].replaced.iter().map(|(n, _)| *n).collect();
    assert_eq!(nonces, vec![4, 9]);
    assert_eq!(Stamps::decode(&stamps.encode()), Some(stamps));
}

#[test]
fn stamps_text_out_of_order_or_with_a_runaway_clock_is_refused() {
    assert_eq!(
        Stamps::decode("1 0 0 0 0 0 0 0 0"),
        Some(Stamps {
            lineage: 1,
            ..Stamps::default()
        })
    );
    assert_eq!(
        Stamps::decode("1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 2 9 1 1 4 1 1"),
        None
    );
    assert_eq!(Stamps::decode("1 2147483648 1 0 0 0 0 0 0"), None);
    assert_eq!(Stamps::decode(""), None);
    assert_eq!(Stamps::decode("1 0 0 0 0 0 0 0"), None);
}

#[test]
fn stamps_survive_the_stored_text_and_a_file_carries_none() {
    let catalogue = Catalogue::builtin();
    let mut replica = Replica::new(5);
    let before = kick_off();
    let after = with_hours(before.clone(), Some(3.0));
    replica.read(&before, None);
    let stamps = replica.stamp(Some(&before), &after, 9);

    let text = export_stored(&catalogue, &after, Some(stamps.clone()));

    assert_eq!(
        import_stored(&catalogue, &text).unwrap(),
        (after.clone(), Some(stamps))
    );
    assert_eq!(stored_lineage(&text), 0);
    let imported = export_stored(&catalogue, &after, Some(Stamps::unstamped(&after, 77)));
    assert_eq!(stored_lineage(&imported), 77);
    assert_eq!(stored_lineage(&export_json(&catalogue, &after)), 0);
    assert!(!export_json(&catalogue, &after).contains("stamps"));
}

/// What one tab may do to a workshop.
#[derive(Clone, Debug)]
enum Edit {
    Fact(usize, Option<u16>),
    Name(u8),
    Archive(bool),
    Respond(u32, u8),
    Round,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..3usize, proptest::option::of(0..100u16)).prop_map(|(f, v)| Edit::Fact(f, v)),
        (0..3u8).prop_map(Edit::Name),
        any::<bool>().prop_map(Edit::Archive),
        (0..6u32, 1..6u8).prop_map(|(n, l)| Edit::Respond(n, l)),
        Just(Edit::Round),
    ]
}

fn apply(workshop: &mut Workshop, edit: &Edit) {
    let round = workshop.rounds.last_mut().expect("a round");
    match *edit {
        Edit::Fact(fact, value) => {
            let value = value.map(f64::from);
            match fact {
                0 => round.facts.follow_up_hours = value,
                1 => round.facts.accepted_share = value,
                _ => round.facts.conversion = value,
            }
        }
        Edit::Name(n) => workshop.name = format!("Name {n}"),
        Edit::Archive(archived) => workshop.archived = archived,
        Edit::Respond(nonce, level) => {
            round.responses.retain(|c| c.nonce != nonce);
            round.responses.push(response(nonce, level));
        }
        Edit::Round => workshop.start_round("2027-01-01", "2.0.0"),
    }
}

proptest! {
    #[test]
    fn tabs_that_write_and_hear_in_any_order_end_in_step_with_every_answer(
        steps in proptest::collection::vec((0..3usize, edit(), 0..3u8), 1..14),
    ) {
        let mut browser = Browser::open(3, kick_off());
        let mut respondents = std::collections::BTreeSet::new();
        for (tab, edit, before) in &steps {
            // Before the change: hear nothing more (a tab busy importing, say), hear
            // everything, or reload (a tab that is not busy hears everything first).
            if *before > 0 {
                while browser.deliver(*tab) {}
            }
            if *before == 2 {
                browser.reload(*tab);
            }
            if let Edit::Respond(nonce, _) = edit {
                respondents.insert(*nonce);
            }
            browser.change(*tab, |w| apply(w, edit));
        }
        browser.settle();
        prop_assert!(browser.in_step());
        // A change made once every tab has heard everything has the last word.
        let last = steps[steps.len() - 1].0;
        browser.change((last + 1) % 3, |w| {
            w.name = "Final".into();
            w.rounds[0].facts.conversion = Some(0.5);
        });
        browser.change(last, |w| w.archived = !w.archived);
        let archived = browser.tabs[last].copy.as_ref().unwrap().archived;
        browser.settle();
        prop_assert!(browser.in_step());
        let stored = browser.stored();
        prop_assert_eq!(&stored.name, "Final");
        prop_assert_eq!(stored.rounds[0].facts.conversion, Some(0.5));
        prop_assert_eq!(stored.archived, archived);
        let stored: std::collections::BTreeSet<u32> = (stored.rounds.iter())
            .flat_map(|r| r.responses.iter().map(|c| c.nonce))
            .collect();
        // Every respondent is in some round (a round started in one tab may hold them).
        prop_assert!(respondents.is_subset(&stored));
    }

    #[test]
    fn stamps_round_trip_as_text(
        lineage in any::<u32>(),
        settings in proptest::array::uniform4((any::<u32>(), any::<u32>())),
        rounds in proptest::collection::vec(
            (proptest::array::uniform5((any::<u32>(), any::<u32>())),
             proptest::collection::vec((any::<u32>(), any::<u32>(), any::<u32>()), 0..3)),
            0..4,
        ),
    ) {
        // Clocks below 2^31, respondents once each and in order: what stamps ever hold.
        let stamp = |(c, t): (u32, u32)| Stamp(c >> 1, t);
        let stamps = Stamps {
            lineage,
            settings: settings.map(stamp),
            rounds: rounds
                .into_iter()
                .map(|(fields, replaced)| RoundStamps {
                    fields: fields.map(stamp),
                    replaced: replaced
                        .into_iter()
                        .map(|(n, c, t)| (n, Stamp(c >> 1, t)))
                        .collect::<std::collections::BTreeMap<_, _>>()
                        .into_iter()
                        .collect(),
                })
                .collect(),
        };
        prop_assert_eq!(Stamps::decode(&stamps.encode()), Some(stamps));
    }

    #[test]
    fn any_stamps_text_reads_or_is_refused_without_panicking(text in "[0-9 .:|]{0,60}|\\PC{0,40}") {
        if let Some(stamps) = Stamps::decode(&text) {
            prop_assert_eq!(Stamps::decode(&stamps.encode()), Some(stamps));
        }
    }
}
