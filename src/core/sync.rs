//! One workshop open in several tabs of a browser. Each tab hears every other tab's write, in
//! the order the browser stored them (the `storage` event), but two writes can cross: each
//! made before its tab heard of the other. So every stored copy carries [`Stamps`]: for each
//! field, when it last changed, as a Lamport clock and the tab that changed it (a change
//! made after hearing of another is always later than it). A tab that hears a copy joins it
//! with its own, field by field, the later change winning (a round's respondents are the
//! union of both), and stores the join whenever what it heard lacks any of it, whoever made
//! the change (the tab that made it may have closed). The join is the same from either side,
//! the order of respondents included, so once every tab has heard every write they show one
//! copy, the stored one, with nothing any of them saved lost and nothing changed after it
//! brought back (`tests/sync.rs` plays tabs that write, hear and reload in any order).
//!
//! Each workshop also has a lineage, drawn when it is created or imported from a file (0: a
//! copy stored before lineages, which joins with any). Of two copies of different lineages
//! (the same file imported in two tabs at once) the larger lineage wins whole. A tab that
//! deleted a workshop deletes again a later write of that lineage (a tab that had not heard
//! of the deletion writing it back); one imported afresh is a new lineage and stays.
//!
//! Maps are few here (short lists searched in order, or sorted and searched by halves):
//! every map type costs the workshop page its own code.

use std::collections::HashMap;

use super::workshop::{Collected, Facts, Round, Workshop};

/// When a field last changed: a Lamport clock, then the tab that changed it (random per
/// page), compared in that order. Zero: not since stamps were kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp(pub u32, pub u32);

/// The largest clock a stored stamp may have: far from wrapping, however long a tab counts.
const MAX_CLOCK: u32 = 1 << 31;

/// When each field of a round last changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RoundStamps {
    /// Started, questionnaire, and the three facts.
    pub fields: [Stamp; 5],
    /// The respondents whose answers were replaced, and when, by nonce, ascending (a
    /// respondent added has none: adding is never undone).
    pub replaced: Vec<(u32, Stamp)>,
}

impl RoundStamps {
    fn replaced(&self, nonce: u32) -> Option<Stamp> {
        let at = self.replaced.binary_search_by_key(&nonce, |(n, _)| *n);
        at.ok().map(|at| self.replaced[at].1)
    }

    fn set_replaced(&mut self, nonce: u32, stamp: Stamp) {
        match self.replaced.binary_search_by_key(&nonce, |(n, _)| *n) {
            Ok(at) => self.replaced[at].1 = stamp,
            Err(at) => self.replaced.insert(at, (nonce, stamp)),
        }
    }
}

/// When each field of a stored workshop last changed, and its lineage. Stored as one line
/// of text beside the workshop ([`Stamps::encode`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamps {
    pub lineage: u32,
    /// Name, team labels, minimum, archived.
    pub settings: [Stamp; 4],
    pub rounds: Vec<RoundStamps>,
}

impl Stamps {
    /// The stamps of a workshop none were kept for, of `lineage`.
    pub fn unstamped(workshop: &Workshop, lineage: u32) -> Stamps {
        let mut stamps = Stamps {
            lineage,
            ..Stamps::default()
        };
        stamps.fit(workshop);
        stamps
    }

    /// As stored: numbers separated by spaces: the lineage, each setting's stamp (clock,
    /// tab), then per round its fields' stamps, how many respondents were replaced and each
    /// one's nonce and stamp.
    pub fn encode(&self) -> String {
        let mut numbers = vec![self.lineage];
        let stamp = |numbers: &mut Vec<u32>, s: &Stamp| numbers.extend([s.0, s.1]);
        self.settings.iter().for_each(|s| stamp(&mut numbers, s));
        for round in &self.rounds {
            round.fields.iter().for_each(|s| stamp(&mut numbers, s));
            numbers.push(round.replaced.len() as u32);
            for (nonce, s) in &round.replaced {
                numbers.push(*nonce);
                stamp(&mut numbers, s);
            }
        }
        let mut text = String::new();
        for number in numbers {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&number.to_string());
        }
        text
    }

    /// Reads [`Stamps::encode`]'s text; `None` when it is not that (a clock from
    /// [`MAX_CLOCK`], respondents out of order).
    pub fn decode(text: &str) -> Option<Stamps> {
        fn take<'a>(rest: &mut &'a [u32], count: usize) -> Option<&'a [u32]> {
            let (taken, others) = rest.split_at_checked(count)?;
            *rest = others;
            Some(taken)
        }
        fn stamps<const N: usize>(numbers: &[u32]) -> [Stamp; N] {
            std::array::from_fn(|at| Stamp(numbers[2 * at], numbers[2 * at + 1]))
        }
        let numbers: Vec<u32> = (text.split(' '))
            .map(|word| word.parse().ok())
            .collect::<Option<_>>()?;
        let mut rest = numbers.as_slice();
        let head = take(&mut rest, 9)?;
        let mut read = Stamps {
            lineage: head[0],
            settings: stamps(&head[1..]),
            rounds: Vec::new(),
        };
        while !rest.is_empty() {
            let fields = stamps(take(&mut rest, 10)?);
            let count = take(&mut rest, 1)?[0] as usize;
            let replaced: Vec<(u32, Stamp)> = (take(&mut rest, count.checked_mul(3)?)?)
                .chunks(3)
                .map(|r| (r[0], Stamp(r[1], r[2])))
                .collect();
            if replaced.windows(2).any(|pair| pair[0].0 >= pair[1].0) {
                return None;
            }
            read.rounds.push(RoundStamps { fields, replaced });
        }
        (read.clock() < MAX_CLOCK).then_some(read)
    }

    /// One entry per round of `workshop` (stored text may have another count).
    fn fit(&mut self, workshop: &Workshop) {
        self.rounds
            .resize(workshop.rounds.len(), RoundStamps::default());
    }

    /// The latest clock of any stamp.
    fn clock(&self) -> u32 {
        let mut clock = 0;
        for round in &self.rounds {
            let replaced = round.replaced.iter().map(|(_, s)| s);
            for stamp in round.fields.iter().chain(replaced) {
                clock = clock.max(stamp.0);
            }
        }
        self.settings.iter().fold(clock, |clock, s| clock.max(s.0))
    }

    /// Stamps `now` on every field `after` changed from `before`, and on every respondent
    /// whose answers or team it replaced (how a response came is not a change to keep).
    fn note(&mut self, before: &Workshop, after: &Workshop, now: Stamp) {
        let settings = [
            before.name != after.name,
            before.team_labels != after.team_labels,
            before.minimum != after.minimum,
            before.archived != after.archived,
        ];
        stamp_changed(&mut self.settings, settings, now);
        self.fit(after);
        for (at, round) in after.rounds.iter().enumerate() {
            let stamps = &mut self.rounds[at];
            let Some(old) = before.rounds.get(at) else {
                stamps.fields[..2].fill(now);
                continue;
            };
            let changed = [
                old.started != round.started,
                old.questionnaire != round.questionnaire,
                old.facts.follow_up_hours != round.facts.follow_up_hours,
                old.facts.accepted_share != round.facts.accepted_share,
                old.facts.conversion != round.facts.conversion,
            ];
            stamp_changed(&mut stamps.fields, changed, now);
            if old.responses == round.responses {
                continue;
            }
            let earlier = by_respondent(&old.responses);
            for collected in &round.responses {
                let before = earlier.get(&collected.nonce).map(|at| &old.responses[*at]);
                if before
                    .is_some_and(|e| (e.team, &e.answers) != (collected.team, &collected.answers))
                {
                    stamps.set_replaced(collected.nonce, now);
                }
            }
        }
    }
}

fn stamp_changed<const N: usize>(stamps: &mut [Stamp; N], changed: [bool; N], now: Stamp) {
    for (stamp, changed) in stamps.iter_mut().zip(changed) {
        if changed {
            *stamp = now;
        }
    }
}

/// What this tab knows of every stored workshop, to keep its writes from crossing another
/// tab's unnoticed.
#[derive(Clone, Debug)]
pub struct Replica {
    /// This tab, in the stamps it makes.
    tab: u32,
    /// The latest clock this tab has made or heard.
    clock: u32,
    /// The stamps of the copy of each workshop this tab shows, by id.
    known: Vec<(u32, Stamps)>,
    /// Workshops (id, lineage) deleted in this tab, or heard deleted, during this visit.
    deleted: Vec<(u32, u32)>,
}

/// What to do with another tab's write of a workshop, or its removal.
#[derive(Clone, Debug, PartialEq)]
pub enum Heard {
    /// Show this: what was heard, which holds everything this tab's copy holds.
    Take(Workshop),
    /// Show this and store it with its stamps: what was heard lacks some of it (the writes
    /// crossed), or was a copy of another lineage that loses to this one.
    Store(Workshop, Stamps),
    /// Deleted in the other tab: drop it here, and free its key again if a copy of this
    /// `lineage` is stored there (written back by a tab that had not heard of the deletion).
    Drop { lineage: Option<u32> },
    /// A copy of a workshop deleted here, written back by a tab that had not heard of it:
    /// free its key again.
    DeleteAgain,
}

impl Replica {
    /// A tab's replica; `tab` is random per page (not 0, which stamps nothing).
    pub fn new(tab: u32) -> Replica {
        Replica {
            tab: tab.max(1),
            clock: 0,
            known: Vec::new(),
            deleted: Vec::new(),
        }
    }

    fn known(&mut self, id: u32) -> Option<&mut Stamps> {
        (self.known.iter_mut())
            .find(|(known, _)| *known == id)
            .map(|(_, stamps)| stamps)
    }

    /// Forgets workshop `id`; its lineage, if it was known.
    fn forget(&mut self, id: u32) -> Option<u32> {
        let at = self.known.iter().position(|(known, _)| *known == id)?;
        Some(self.known.swap_remove(at).1.lineage)
    }

    /// Notes the stamps of the copy of `workshop` this tab shows.
    fn set(&mut self, workshop: &Workshop, mut stamps: Stamps) {
        stamps.fit(workshop);
        self.clock = self.clock.max(stamps.clock());
        self.forget(workshop.id);
        self.known.push((workshop.id, stamps));
    }

    /// Notes `workshop` as read when the page opened, with its stored stamps (none: stored by
    /// a build that kept none).
    pub fn read(&mut self, workshop: &Workshop, stamps: Option<Stamps>) {
        let stamps = stamps.unwrap_or_else(|| Stamps::unstamped(workshop, 0));
        self.set(workshop, stamps);
    }

    /// The stamps to store `after` with, now that this tab changed it from `before` (none:
    /// a new workshop, of lineage `fresh`, or one stored again unchanged). Nothing is noted
    /// until [`Replica::keep`]: a change whose write failed, and which the page then does not
    /// show, must leave no stamp claiming it.
    pub fn stamp(&self, before: Option<&Workshop>, after: &Workshop, fresh: u32) -> Stamps {
        let known = self.known.iter().find(|(id, _)| *id == after.id);
        let mut stamps = known.map_or_else(|| Stamps::unstamped(after, fresh), |(_, s)| s.clone());
        if let Some(before) = before {
            stamps.note(before, after, Stamp(self.clock + 1, self.tab));
        }
        stamps.fit(after);
        stamps
    }

    /// Notes that this tab shows `workshop` with `stamps` (from [`Replica::stamp`]).
    pub fn keep(&mut self, workshop: &Workshop, stamps: Stamps) {
        self.set(workshop, stamps);
    }

    /// Notes that this tab deleted workshop `id`.
    pub fn deleting(&mut self, id: u32) {
        if let Some(lineage) = self.forget(id) {
            self.deleted.push((id, lineage));
        }
    }

    /// What to make of another tab's write of workshop `id`, `theirs` with its stamps.
    /// `mine` is this tab's copy.
    pub fn heard(
        &mut self,
        id: u32,
        mine: Option<&Workshop>,
        theirs: Workshop,
        stamps: Option<Stamps>,
    ) -> Heard {
        let mut stamps = stamps.unwrap_or_else(|| Stamps::unstamped(&theirs, 0));
        stamps.fit(&theirs);
        let deleted = self.deleted.contains(&(id, stamps.lineage));
        let (mine, known) = match (mine, self.known(id)) {
            (Some(mine), Some(known)) => (mine, known),
            _ if deleted => return Heard::DeleteAgain,
            _ => {
                self.set(&theirs, stamps);
                return Heard::Take(theirs);
            }
        };
        let (ours, their) = (known.lineage, stamps.lineage);
        let joins = ours == their || ours == 0 || their == 0;
        if deleted || (!joins && ours > their) {
            // Written back over a copy imported here since, or a copy that loses to ours.
            return Heard::Store(mine.clone(), known.clone());
        }
        if !joins {
            self.set(&theirs, stamps);
            return Heard::Take(theirs);
        }
        let (joined, joined_stamps, lacks_respondents) = join((mine, known), (&theirs, &stamps));
        let lacks = lacks_respondents || joined_stamps != stamps;
        self.set(&joined, joined_stamps.clone());
        if lacks {
            Heard::Store(joined, joined_stamps)
        } else {
            Heard::Take(theirs)
        }
    }

    /// What to make of another tab's removal of workshop `id`; `lineage` is that of the copy
    /// it removed, when known. A removal of a copy of another lineage than this tab's (one
    /// written back before a re-import reached that tab) stores this tab's copy again.
    pub fn heard_removal(
        &mut self,
        id: u32,
        mine: Option<&Workshop>,
        lineage: Option<u32>,
    ) -> Heard {
        if let (Some(mine), Some(known), Some(theirs)) = (mine, self.known(id), lineage) {
            if known.lineage != theirs && known.lineage != 0 && theirs != 0 {
                return Heard::Store(mine.clone(), known.clone());
            }
        }
        let lineage = self.forget(id);
        if let Some(lineage) = lineage {
            self.deleted.push((id, lineage));
        }
        Heard::Drop { lineage }
    }
}

/// Where each respondent is in `responses` (the map type `Workshop::import_codes` uses too).
fn by_respondent(responses: &[Collected]) -> HashMap<u32, usize> {
    (responses.iter().enumerate())
        .map(|(at, c)| (c.nonce, at))
        .collect()
}

/// Joins two stamped copies of a workshop of joining lineages (the stamps fitted to them),
/// field by field, the later change winning; a round's respondents are the union of both
/// sides. The same from either side. True when `theirs` lacks a respondent of the join,
/// holds one otherwise, or in another order.
fn join(mine: (&Workshop, &Stamps), theirs: (&Workshop, &Stamps)) -> (Workshop, Stamps, bool) {
    let ((m, ms), (t, ts)) = (mine, theirs);
    let mine_later = |at: usize| ms.settings[at] > ts.settings[at];
    let mut stamps = Stamps {
        lineage: ms.lineage.max(ts.lineage),
        settings: [0, 1, 2, 3].map(|at| ms.settings[at].max(ts.settings[at])),
        rounds: Vec::new(),
    };
    let mut rounds = Vec::new();
    let mut lacks = false;
    for at in 0..m.rounds.len().max(t.rounds.len()) {
        let (round, round_stamps) = match (m.rounds.get(at), t.rounds.get(at)) {
            (Some(mr), Some(tr)) => {
                let (round, round_stamps, round_lacks) =
                    join_round((mr, &ms.rounds[at]), (tr, &ts.rounds[at]));
                lacks |= round_lacks;
                (round, round_stamps)
            }
            (Some(mr), None) => {
                lacks |= !mr.responses.is_empty();
                (mr.clone(), ms.rounds[at].clone())
            }
            (_, tr) => {
                let tr = tr.expect("a round on one side at least");
                (tr.clone(), ts.rounds[at].clone())
            }
        };
        rounds.push(round);
        stamps.rounds.push(round_stamps);
    }
    let workshop = Workshop {
        id: m.id,
        name: if mine_later(0) { &m.name } else { &t.name }.clone(),
        team_labels: if mine_later(1) {
            &m.team_labels
        } else {
            &t.team_labels
        }
        .clone(),
        minimum: if mine_later(2) { m.minimum } else { t.minimum },
        archived: if mine_later(3) {
            m.archived
        } else {
            t.archived
        },
        rounds,
    };
    (workshop, stamps, lacks)
}

/// Some order of every respondent's answers (a respondent added in two tabs at once
/// with different answers is joined to the same one in both).
fn order(c: &Collected) -> (Option<u8>, Vec<u8>, u8) {
    let answers = c.answers.cells.iter().map(|a| a.map_or(255, u8::from));
    let picks = c.answers.picks.iter().map(|p| p.unwrap_or(255));
    (
        c.team,
        answers.chain(picks).collect(),
        c.answers.role as u8 * 8 + c.source as u8,
    )
}

/// [`join`] for one round.
fn join_round(
    mine: (&Round, &RoundStamps),
    theirs: (&Round, &RoundStamps),
) -> (Round, RoundStamps, bool) {
    let ((m, ms), (t, ts)) = (mine, theirs);
    let mine_later = |field: usize| ms.fields[field] > ts.fields[field];
    let fact = |field: usize, f: fn(&Facts) -> Option<f64>| {
        f(if mine_later(field) {
            &m.facts
        } else {
            &t.facts
        })
    };
    let mut replaced = ts.replaced.clone();
    for (nonce, stamp) in &ms.replaced {
        match replaced.binary_search_by_key(nonce, |(n, _)| *n) {
            Ok(at) => replaced[at].1 = replaced[at].1.max(*stamp),
            Err(at) => replaced.insert(at, (*nonce, *stamp)),
        }
    }
    let replaced = RoundStamps {
        fields: [0, 1, 2, 3, 4].map(|field| ms.fields[field].max(ts.fields[field])),
        replaced,
    };
    // Of a respondent both sides hold differently: the later replacement, else by `order`.
    let theirs_at = by_respondent(&t.responses);
    let mut took_mine = false;
    let mut pick = |mc: &Collected| -> Collected {
        let Some(tc) = theirs_at.get(&mc.nonce).map(|at| &t.responses[*at]) else {
            return mc.clone();
        };
        let mine =
            mc != tc && (ms.replaced(mc.nonce), order(mc)) > (ts.replaced(tc.nonce), order(tc));
        took_mine |= mine;
        if mine { mc } else { tc }.clone()
    };
    // The longer list (of two as long, the larger nonces first) gives the order, and the
    // other's extra respondents follow in theirs: the same whichever side joins.
    fn nonces(r: &Round) -> impl Iterator<Item = u32> + '_ {
        r.responses.iter().map(|c| c.nonce)
    }
    let mine_leads =
        (m.responses.len().cmp(&t.responses.len())).then_with(|| nonces(m).cmp(nonces(t)));
    let mut responses: Vec<Collected> = m.responses.iter().map(&mut pick).collect();
    let mine_at = by_respondent(&m.responses);
    let extra = t
        .responses
        .iter()
        .filter(|c| !mine_at.contains_key(&c.nonce))
        .cloned();
    if mine_leads.is_gt() {
        responses.extend(extra);
    } else {
        let extra_mine = responses
            .into_iter()
            .filter(|c| !theirs_at.contains_key(&c.nonce));
        let mut led: Vec<Collected> = t
            .responses
            .iter()
            .map(|tc| {
                let at = mine_at.get(&tc.nonce);
                at.map_or_else(|| tc.clone(), |at| pick(&m.responses[*at]))
            })
            .collect();
        led.extend(extra_mine);
        responses = led;
    }
    let lacks = took_mine || !responses.iter().map(|c| c.nonce).eq(nonces(t));
    let round = Round {
        started: if mine_later(0) {
            &m.started
        } else {
            &t.started
        }
        .clone(),
        questionnaire: if mine_later(1) {
            &m.questionnaire
        } else {
            &t.questionnaire
        }
        .clone(),
        responses,
        facts: Facts {
            follow_up_hours: fact(2, |f| f.follow_up_hours),
            accepted_share: fact(3, |f| f.accepted_share),
            conversion: fact(4, |f| f.conversion),
        },
    };
    (round, replaced, lacks)
}
