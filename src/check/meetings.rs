//! The meetings as the rules read them: one small row per meeting, with the ids it names
//! already looked up, made in one pass over the plan's longest list.
//!
//! A 100,000-account plan has about 300,000 meetings, far more than a processor's caches hold.
//! When each rule walked the meetings and looked up their ids itself, every rule read every
//! meeting's strings again from memory. Now this one pass reads them, and the rules read rows of
//! a few dozen bytes.

use crate::check::index::{IdCensus, Index, sparse_census};
use crate::check::maps::{HashMap, HashMapExt};
use crate::model::{DateTime, MeetingStatus, Plan};
use std::cell::OnceCell;

/// One meeting, as the rules need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeetingRow {
    /// When it starts.
    pub start: DateTime,
    /// When it ends.
    pub end: DateTime,
    /// The index of its account (the first with its id), when an account has that id.
    pub account: Option<u32>,
    /// Where it stands.
    pub status: MeetingStatus,
    /// Whether it lasts more than 0 minutes.
    pub lasts: bool,
    /// Whether it names an id the plan does not have: its account, a person or a message.
    pub names_unknown: bool,
    /// Its room (see [`MeetingTable::room`]), or [`NO_ROOM`].
    room: u32,
}

/// How many meetings make it worth taking their id census on a thread of its own.
const PARALLEL_FROM: usize = 4_096;

/// The room of a meeting with no `location`, or a blank one.
const NO_ROOM: u32 = u32::MAX;

/// Someone meetings name in `people`: a person of the plan, or an id nobody has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// The id as written (owned, so that the table can outlive one borrow of the plan: see
    /// [`crate::check::Kept`]; there are as many as people named, not meetings).
    pub id: Box<str>,
    /// The index of the person (the first with this id), when there is one.
    pub person: Option<usize>,
}

/// Every meeting of a plan as a row, with its people and room.
///
/// Indexes are `u32`: a plan file holds at most 256 MiB, far fewer than 2³² meetings or names.
///
/// It borrows nothing from the plan: a check can keep it for the next one while edits leave
/// the meetings, and the ids they name, as they were ([`crate::check::Kept`]).
#[derive(Debug)]
pub struct MeetingTable {
    /// One row per meeting, in plan order.
    pub rows: Vec<MeetingRow>,
    /// The repeated and malformed meeting ids.
    pub census: IdCensus,
    /// Everyone the meetings name, each id once, in the order first named.
    pub attendees: Vec<Attendee>,
    /// The attendees of every meeting, one meeting after another (see [`MeetingTable::people`]).
    people: Vec<u32>,
    /// Where each meeting's attendees start in `people`, and where the last one's end.
    people_at: Vec<u32>,
    /// For each message (by index), whether a meeting names it (the first message with that id).
    pub named_messages: Vec<bool>,
    /// How many rooms the meetings use.
    pub rooms: usize,
    /// [`MeetingTable::bookings_by_attendee`], worked out when first asked for.
    by_attendee: OnceCell<Bookings>,
    /// [`MeetingTable::bookings_by_room`], likewise.
    by_room: OnceCell<Bookings>,
}

impl MeetingTable {
    /// Reads every meeting of `plan` once, looking up the ids they name in `index`.
    pub(super) fn new(plan: &Plan, index: &Index<'_>) -> Self {
        let meetings = &plan.meetings;
        let n = meetings.len();
        let id_at = |i: usize| meetings.get(i).map_or("", |m| m.id.as_str());
        // The census reads only the ids: on a long list it runs beside the rest, on a core of
        // its own when there is one.
        if n >= PARALLEL_FROM {
            return std::thread::scope(|scope| {
                let census = std::thread::Builder::new()
                    .name("meeting census".to_owned())
                    .spawn_scoped(scope, || sparse_census(n, id_at));
                let mut table = Self::read_rows(plan, index);
                table.census = match census {
                    Ok(handle) => handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    Err(_) => sparse_census(n, id_at),
                };
                table
            });
        }
        let mut table = Self::read_rows(plan, index);
        table.census = sparse_census(n, id_at);
        table
    }

    /// The rows, people and rooms of every meeting (all but the census).
    fn read_rows<'a>(plan: &'a Plan, index: &Index<'_>) -> Self {
        let meetings = &plan.meetings;
        let n = meetings.len();
        let mut table = MeetingTable {
            rows: Vec::with_capacity(n),
            census: IdCensus::default(),
            attendees: Vec::new(),
            people: Vec::with_capacity(n * 2),
            people_at: Vec::with_capacity(n + 1),
            named_messages: vec![false; plan.messages.len()],
            rooms: 0,
            by_attendee: OnceCell::new(),
            by_room: OnceCell::new(),
        };
        let mut attendee_of: HashMap<&'a str, u32> = HashMap::new();
        // The last meeting that named each attendee.
        let mut last_meeting: Vec<Option<usize>> = Vec::new();
        // Rooms match whatever their case. Many meetings share a room written the same way, so
        // each spelling is lower-cased once.
        let mut room_of_spelling: HashMap<&'a str, u32> = HashMap::new();
        let mut room_of_name: HashMap<String, u32> = HashMap::new();
        // An account's meetings tend to come together: the one before often has the same.
        let mut last_account: Option<(&str, Option<usize>)> = None;
        table.people_at.push(0);
        for (i, m) in meetings.iter().enumerate() {
            let account = match last_account {
                Some((id, found)) if id == m.account => found,
                _ => index.account(&m.account),
            };
            last_account = Some((&m.account, account));
            let mut names_unknown = account.is_none();
            for p in &m.people {
                let next = table.attendees.len() as u32;
                let attendee = *attendee_of.entry(p.as_str()).or_insert_with(|| {
                    table.attendees.push(Attendee {
                        id: p.as_str().into(),
                        person: index.person(p),
                    });
                    last_meeting.push(None);
                    next
                });
                // Someone named twice in one meeting is there once.
                if let Some(last) = last_meeting.get_mut(attendee as usize)
                    && *last != Some(i)
                {
                    *last = Some(i);
                    table.people.push(attendee);
                }
                names_unknown |= table
                    .attendees
                    .get(attendee as usize)
                    .is_none_or(|a| a.person.is_none());
            }
            table.people_at.push(table.people.len() as u32);
            for message in &m.messages {
                match index.message(message) {
                    Some(k) => {
                        if let Some(named) = table.named_messages.get_mut(k) {
                            *named = true;
                        }
                    }
                    None => names_unknown = true,
                }
            }
            let room = match m.location.as_deref().map(str::trim) {
                None | Some("") => NO_ROOM,
                Some(spelling) => *room_of_spelling.entry(spelling).or_insert_with(|| {
                    let next = room_of_name.len() as u32;
                    *room_of_name.entry(spelling.to_lowercase()).or_insert(next)
                }),
            };
            table.rows.push(MeetingRow {
                start: m.start,
                end: m.end(),
                account: account.map(|a| a as u32),
                status: m.status,
                lasts: m.minutes > 0,
                names_unknown,
                room,
            });
        }
        table.rooms = room_of_name.len();
        table
    }

    /// Whether this table says what `fresh` (made from the plan as it is now) says, its
    /// bookings aside: those are worked out from the rows. For checking that a kept table
    /// still holds.
    pub(super) fn agrees_with(&self, fresh: &MeetingTable) -> bool {
        self.rows == fresh.rows
            && self.census == fresh.census
            && self.attendees == fresh.attendees
            && self.people == fresh.people
            && self.people_at == fresh.people_at
            && self.named_messages == fresh.named_messages
            && self.rooms == fresh.rooms
    }

    /// The distinct attendees of meeting `i`, as indexes of [`MeetingTable::attendees`], in the
    /// order the meeting names them.
    pub fn people(&self, i: usize) -> &[u32] {
        let at = |k: usize| self.people_at.get(k).map_or(0, |&x| x as usize);
        self.people.get(at(i)..at(i + 1)).unwrap_or_default()
    }

    /// The room of meeting `i`, as a number below [`MeetingTable::rooms`], when it has one.
    pub fn room(&self, i: usize) -> Option<usize> {
        self.rows
            .get(i)
            .map(|r| r.room)
            .filter(|&r| r != NO_ROOM)
            .map(|r| r as usize)
    }
}

/// One meeting in a list of bookings (see [`MeetingTable::bookings_by_attendee`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Booking {
    /// When the meeting starts.
    pub start: DateTime,
    /// When it ends.
    pub end: DateTime,
    /// Its index.
    pub meeting: u32,
    /// Whose (or which room's) booking it is: an attendee or a room.
    pub key: u32,
}

/// Bookings grouped by attendee or room, each group in start order.
#[derive(Debug)]
pub struct Bookings {
    entries: Vec<Booking>,
    /// Where each group starts in `entries`, and where the last one ends.
    at: Vec<usize>,
}

impl Bookings {
    /// The groups, in attendee (or room) order; some may be empty.
    pub fn groups(&self) -> impl Iterator<Item = &[Booking]> {
        self.at
            .windows(2)
            .filter_map(|w| self.entries.get(*w.first()?..*w.last()?))
    }

    /// Each booking that starts before an earlier one of its group has ended, with the meeting
    /// that holds the latest end so far (the first to reach it): the sweep that finds a person
    /// or a room booked twice.
    pub fn overlaps(&self) -> Vec<(Booking, u32)> {
        let mut found = Vec::new();
        for group in self.groups() {
            let mut latest: Option<(DateTime, u32)> = None;
            for b in group {
                if let Some((end, holder)) = latest
                    && b.start < end
                {
                    found.push((*b, holder));
                }
                if latest.is_none_or(|(end, _)| b.end > end) {
                    latest = Some((b.end, b.meeting));
                }
            }
        }
        found
    }
}

impl MeetingTable {
    /// The meetings that take their people's time (active and longer than 0 minutes), one
    /// list per attendee, each in start order (then plan order).
    pub fn bookings_by_attendee(&self) -> &Bookings {
        self.by_attendee
            .get_or_init(|| self.bookings(self.attendees.len(), |i| self.people(i)))
    }

    /// The meetings that take their room's time (active and longer than 0 minutes), one list per
    /// room, each in start order (then plan order).
    pub fn bookings_by_room(&self) -> &Bookings {
        self.by_room.get_or_init(|| {
            self.bookings(self.rooms, |i| {
                self.rows
                    .get(i)
                    .map(|r| std::slice::from_ref(&r.room))
                    .filter(|&room| room != [NO_ROOM])
                    .unwrap_or_default()
            })
        })
    }

    /// Groups by `keys_of` (below `groups`) the meetings that take time: a counting sort, so
    /// each group's bookings are written one after another, then each group sorted by start.
    fn bookings<'t>(&'t self, groups: usize, keys_of: impl Fn(usize) -> &'t [u32]) -> Bookings {
        let takes_time = |i: usize| self.rows.get(i).filter(|r| r.is_active() && r.lasts);
        let mut at = vec![0; groups + 1];
        for i in 0..self.rows.len() {
            if takes_time(i).is_some() {
                for &key in keys_of(i) {
                    if let Some(count) = at.get_mut(key as usize + 1) {
                        *count += 1;
                    }
                }
            }
        }
        let mut total = 0;
        for slot in &mut at {
            total += *slot;
            *slot = total;
        }
        let mut entries = Vec::new();
        if let Some(filler) = self.rows.first() {
            entries = vec![
                Booking {
                    start: filler.start,
                    end: filler.end,
                    meeting: 0,
                    key: 0,
                };
                total
            ];
        }
        let mut next = at.clone();
        for i in 0..self.rows.len() {
            let Some(row) = takes_time(i) else {
                continue;
            };
            for &key in keys_of(i) {
                if let Some(slot) = next.get_mut(key as usize)
                    && let Some(entry) = entries.get_mut(*slot)
                {
                    *entry = Booking {
                        start: row.start,
                        end: row.end,
                        meeting: i as u32,
                        key,
                    };
                    *slot += 1;
                }
            }
        }
        let mut bookings = Bookings { entries, at };
        let Bookings { entries, at } = &mut bookings;
        for w in at.windows(2) {
            if let (Some(&from), Some(&to)) = (w.first(), w.last())
                && let Some(group) = entries.get_mut(from..to)
            {
                group.sort_unstable_by_key(|b| (b.start, b.meeting));
            }
        }
        bookings
    }
}

impl MeetingRow {
    /// Whether the meeting still takes its people's time (not declined or cancelled).
    pub fn is_active(&self) -> bool {
        self.status.is_active()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Context;
    use crate::model::Date;

    fn plan() -> Plan {
        let text = r#"Plan(format: 1,
            event: (name: "Show", starts: "2027-03-09", ends: "2027-03-10"),
            people: [(id: "ana", name: "Ana", team: Sales), (id: "mo", name: "Mo", team: Marketing)],
            accounts: [(id: "acme", name: "Acme", tier: 1), (id: "beta", name: "Beta", tier: 2)],
            messages: [(id: "roi", headline: "ROI"), (id: "fast", headline: "Fast")],
            meetings: [
                (id: "m1", account: "acme", start: "2027-03-09T10:00", minutes: 60,
                 people: ["ana", "mo", "ana"], location: Some("Room A"), messages: ["fast"]),
                (id: "m2", account: "nobody", start: "2027-03-09T09:30", minutes: 60,
                 people: ["mo"], location: Some(" room a "), status: Confirmed),
                (id: "m3", account: "beta", start: "2027-03-09T09:00", minutes: 0,
                 people: ["anna", "ana"], location: Some("  "), messages: ["gone"]),
                (id: "m4", account: "beta", start: "2027-03-09T08:00", minutes: 30,
                 people: ["ana"], status: Declined, location: Some("Room B")),
            ],
        )"#;
        crate::format::parse(text)
            .expect("the test plan reads")
            .plan
    }

    fn today() -> Date {
        Date::from_ymd(2027, 1, 1).expect("a date")
    }

    /// Each meeting's references are looked up once: people distinct and in order, unknown ids
    /// flagged, rooms matched whatever their case and spaces, messages marked as named.
    #[test]
    fn rows_know_what_meetings_name() {
        let plan = plan();
        let ctx = Context::new(&plan, today());
        let table = ctx.meetings();
        let ids = |i: usize| -> Vec<&str> {
            let attendees = table.people(i).iter();
            attendees
                .filter_map(|&a| table.attendees.get(a as usize).map(|a| &*a.id))
                .collect()
        };
        assert_eq!(ids(0), ["ana", "mo"]);
        assert_eq!(ids(2), ["anna", "ana"]);
        let accounts: Vec<_> = table.rows.iter().map(|r| r.account).collect();
        assert_eq!(accounts, [Some(0), None, Some(1), Some(1)]);
        let unknown: Vec<_> = table.rows.iter().map(|r| r.names_unknown).collect();
        assert_eq!(unknown, [false, true, true, false]);
        assert_eq!(table.room(0), table.room(1));
        assert_eq!(table.room(2), None);
        assert_ne!(table.room(3), table.room(0));
        assert_eq!(table.rooms, 2);
        assert_eq!(table.named_messages, [false, true]);
        assert!(table.census.repeats.is_empty());
    }

    /// Bookings leave out meetings that take no time (declined, 0 minutes) and come in start
    /// order within each attendee and room.
    #[test]
    fn bookings_hold_what_takes_time_in_start_order() {
        let plan = plan();
        let ctx = Context::new(&plan, today());
        let table = ctx.meetings();
        let meetings = |bookings: &Bookings| -> Vec<Vec<u32>> {
            bookings
                .groups()
                .map(|g| g.iter().map(|b| b.meeting).collect())
                .collect()
        };
        // Attendees in the order first named: ana, mo, anna.
        assert_eq!(
            meetings(table.bookings_by_attendee()),
            [vec![0], vec![1, 0], vec![]]
        );
        assert_eq!(meetings(table.bookings_by_room()), [vec![1, 0], vec![]]);
    }

    /// A long list takes its id census on a thread of its own; it finds what a map by id finds.
    #[test]
    fn a_long_list_takes_its_census_beside_the_rows() {
        let mut plan = crate::ops::generate::generate(2_000, 7);
        assert!(
            plan.meetings.len() >= PARALLEL_FROM,
            "{}",
            plan.meetings.len()
        );
        let first = plan.meetings.get(10).map(|m| m.id.clone());
        if let (Some(m), Some(id)) = (plan.meetings.get_mut(20), first) {
            m.id = id;
        }
        if let Some(m) = plan.meetings.get_mut(30) {
            m.id = "Bad id".to_owned();
        }
        let mut repeats = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for (i, m) in plan.meetings.iter().enumerate() {
            let earlier = *seen.entry(m.id.as_str()).or_insert(i);
            if earlier != i {
                repeats.push((i, earlier));
            }
        }
        assert!(repeats.contains(&(20, 10)));
        let ctx = Context::new(&plan, today());
        let census = &ctx.meetings().census;
        assert_eq!(census.repeats, repeats);
        assert!(census.malformed.contains(&30));
        assert_eq!(ctx.meetings().rows.len(), plan.meetings.len());
    }
}
