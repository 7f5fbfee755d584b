//! What every rule needs to look things up in linear time: indexes by id, teams of people,
//! agreement by team, and the lead-flow graph.

use super::maps::{HashMap, HashMapExt};
use super::meetings::MeetingTable;
use crate::analysis::agreement::Signatures;
pub use crate::analysis::flow::Flow;
use crate::fingerprint::Signable;
use crate::model::{Date, Handoff, Meeting, Person, Plan, Section, Team, is_valid_id};
use std::cell::OnceCell;

/// A plan with its indexes, built once per check run.
pub struct Context<'a> {
    /// The plan being checked.
    pub plan: &'a Plan,
    /// The date that decides what is overdue.
    pub today: Date,
    people: HashMap<&'a str, usize>,
    accounts: HashMap<&'a str, usize>,
    messages: HashMap<&'a str, usize>,
    stages: HashMap<&'a str, usize>,
    /// The id census of each section, in the order of [`Section::ALL`].
    census: [OnceCell<IdCensus>; Section::ALL.len()],
    meetings: OnceCell<MeetingTable<'a>>,
    flow: OnceCell<Flow>,
}

/// What one look at every id of a list section finds. The sections indexed by id (people,
/// accounts, messages, stages) are counted while they are indexed, the others on first use, so
/// no rule reads the ids of a long list again.
#[derive(Debug, Default)]
pub struct IdCensus {
    /// Items whose id an earlier item already has, with that earlier (first) item, in item order.
    pub repeats: Vec<(usize, usize)>,
    /// Items whose id is not well formed (empty, or not only `a-z`, `0-9` and `-`), in item order.
    pub malformed: Vec<usize>,
}

/// The index of the first item with each id, and the census of the ids.
fn index_by_id<'a>(
    ids: impl ExactSizeIterator<Item = &'a str>,
) -> (HashMap<&'a str, usize>, IdCensus) {
    let mut map = HashMap::with_capacity(ids.len());
    let mut census = IdCensus::default();
    for (i, id) in ids.enumerate() {
        census.count(&mut map, i, id);
    }
    (map, census)
}

impl IdCensus {
    /// Counts item `i`, whose id is `id`, into the census and `map` (of first items by id).
    fn count<'a>(&mut self, map: &mut HashMap<&'a str, usize>, i: usize, id: &'a str) {
        let first = *map.entry(id).or_insert(i);
        if first != i {
            self.repeats.push((i, first));
        }
        if !is_valid_id(id) {
            self.malformed.push(i);
        }
    }
}

/// The id census of a long list that needs no map by id afterwards (the meetings).
///
/// A map of a few hundred thousand ids is far larger than a processor's caches, and putting each
/// id in it is a wait on memory. So each id's hash first marks a bit in a bitmap of eight bits per
/// item, small enough to stay in the cache. Only the ids whose bit some other id also marked go
/// through a map by id: every repeated id, and about one in eight of the others.
pub(super) fn sparse_census<'a>(n: usize, id_at: impl Fn(usize) -> &'a str) -> IdCensus {
    use std::hash::BuildHasher;
    let bits = (n * 8).next_power_of_two().max(64);
    let shift = 64 - bits.trailing_zeros();
    let mut once = vec![0u64; bits / 64];
    let mut twice = vec![0u64; bits / 64];
    let marked =
        |map: &[u64], bit: usize| map.get(bit / 64).is_some_and(|w| w >> (bit % 64) & 1 == 1);
    let mut bit_of = Vec::with_capacity(n);
    let mut census = IdCensus::default();
    let state = foldhash::fast::FixedState::default();
    for i in 0..n {
        let id = id_at(i);
        let bit = (state.hash_one(id) >> shift) as usize;
        let map = if marked(&once, bit) {
            &mut twice
        } else {
            &mut once
        };
        if let Some(word) = map.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
        bit_of.push(bit);
        if !is_valid_id(id) {
            census.malformed.push(i);
        }
    }
    let mut first = HashMap::new();
    for (i, &bit) in bit_of.iter().enumerate() {
        if marked(&twice, bit) {
            let earlier = *first.entry(id_at(i)).or_insert(i);
            if earlier != i {
                census.repeats.push((i, earlier));
            }
        }
    }
    census
}

/// The position of `section` in [`Section::ALL`].
fn slot(section: Section) -> usize {
    Section::ALL
        .iter()
        .position(|&s| s == section)
        .unwrap_or_default()
}

impl<'a> Context<'a> {
    /// Indexes `plan`.
    pub fn new(plan: &'a Plan, today: Date) -> Self {
        let mut census: [OnceCell<IdCensus>; Section::ALL.len()] =
            std::array::from_fn(|_| OnceCell::new());
        let mut counted =
            |section: Section, (map, counted): (HashMap<&'a str, usize>, IdCensus)| {
                if let Some(cell) = census.get_mut(slot(section)) {
                    *cell = OnceCell::from(counted);
                }
                map
            };
        let people = counted(
            Section::People,
            index_by_id(plan.people.iter().map(|x| x.id.as_str())),
        );
        let accounts = counted(
            Section::Accounts,
            index_by_id(plan.accounts.iter().map(|x| x.id.as_str())),
        );
        let messages = counted(
            Section::Messages,
            index_by_id(plan.messages.iter().map(|x| x.id.as_str())),
        );
        let stages = counted(
            Section::Stages,
            index_by_id(plan.stages.iter().map(|x| x.id.as_str())),
        );
        Context {
            plan,
            today,
            people,
            accounts,
            messages,
            stages,
            census,
            meetings: OnceCell::new(),
            flow: OnceCell::new(),
        }
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.person_index(id).and_then(|i| self.plan.people.get(i))
    }

    /// The index of the person with this id.
    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.people.get(id).copied()
    }

    /// The repeated and malformed ids of a list section (empty for single items).
    pub fn census(&self, section: Section) -> &IdCensus {
        static NONE: IdCensus = IdCensus {
            repeats: Vec::new(),
            malformed: Vec::new(),
        };
        if section == Section::Meetings {
            return &self.meetings().census;
        }
        self.census.get(slot(section)).map_or(&NONE, |cell| {
            cell.get_or_init(|| index_by_id(self.plan.ids(section).into_iter()).1)
        })
    }

    /// The id of item `index` of a list section.
    pub fn id(&self, section: Section, index: usize) -> Option<&'a str> {
        let plan = self.plan;
        match section {
            Section::Plan | Section::Event | Section::Scoring => None,
            Section::People => plan.people.get(index).map(|x| x.id.as_str()),
            Section::Objectives => plan.objectives.get(index).map(|x| x.id.as_str()),
            Section::Terms => plan.terms.get(index).map(|x| x.id.as_str()),
            Section::Accounts => plan.accounts.get(index).map(|x| x.id.as_str()),
            Section::Meetings => plan.meetings.get(index).map(|x| x.id.as_str()),
            Section::Messages => plan.messages.get(index).map(|x| x.id.as_str()),
            Section::Stages => plan.stages.get(index).map(|x| x.id.as_str()),
            Section::Handoffs => plan.handoffs.get(index).map(|x| x.id.as_str()),
            Section::Tasks => plan.tasks.get(index).map(|x| x.id.as_str()),
        }
    }

    /// The first item of `section` with the id of item `index`: `index` itself unless an
    /// earlier item has the same id.
    pub fn first_with_id(&self, section: Section, index: usize) -> usize {
        let repeats = &self.census(section).repeats;
        repeats
            .binary_search_by_key(&index, |&(i, _)| i)
            .ok()
            .and_then(|k| repeats.get(k))
            .map_or(index, |&(_, first)| first)
    }

    /// The meetings as rows, with the ids they name looked up: read once, on first use.
    pub fn meetings(&self) -> &MeetingTable<'a> {
        self.meetings.get_or_init(|| MeetingTable::new(self))
    }

    /// The team of the person with this id.
    pub fn team_of(&self, id: &str) -> Option<Team> {
        self.person(id).map(|p| p.team)
    }

    /// The index of the account with this id.
    pub fn account(&self, id: &str) -> Option<usize> {
        self.accounts.get(id).copied()
    }

    /// The index of the message with this id.
    pub fn message(&self, id: &str) -> Option<usize> {
        self.messages.get(id).copied()
    }

    /// The index of the stage with this id.
    pub fn stage(&self, id: &str) -> Option<usize> {
        self.stages.get(id).copied()
    }

    /// The team of the stage with this id.
    pub fn stage_team(&self, id: &str) -> Option<Team> {
        self.stage(id)
            .and_then(|i| self.plan.stages.get(i))
            .map(|s| s.team)
    }

    /// The sign-offs on `item` by team, people looked up in this context.
    pub fn signatures(&self, item: &impl Signable) -> Signatures {
        Signatures::of(item, |id| self.team_of(id))
    }

    /// Teams with at least one current (not stale) sign-off on `item`.
    pub fn agreeing_teams(&self, item: &impl Signable) -> Vec<Team> {
        self.signatures(item).teams()
    }

    /// Whether both Sales and Marketing have a current sign-off on `item`.
    pub fn agreed_by_both(&self, item: &impl Signable) -> bool {
        self.signatures(item).by_both()
    }

    /// Sales and Marketing, less the teams with a current sign-off on `item`: who still has to
    /// agree before both teams have.
    pub fn missing_teams(&self, item: &impl Signable) -> Vec<Team> {
        self.signatures(item).missing()
    }

    /// The name of the person with this id, or the id in quotes when nobody has it.
    pub fn person_name(&self, id: &str) -> String {
        self.person(id)
            .map_or_else(|| quoted(id), |p| named(&p.name, id))
    }

    /// The name of the account with this id, or the id in quotes when no account has it.
    pub fn account_name(&self, id: &str) -> String {
        self.account(id)
            .and_then(|i| self.plan.accounts.get(i))
            .map_or_else(|| quoted(id), |a| named(&a.name, id))
    }

    /// The name of the stage with this id, or the id in quotes when no stage has it.
    pub fn stage_name(&self, id: &str) -> String {
        self.stage(id)
            .and_then(|i| self.plan.stages.get(i))
            .map_or_else(|| quoted(id), |s| named(&s.name, id))
    }

    /// A meeting as people say it: `meeting with Acme Hospitals at 2027-03-09T10:00`.
    pub fn meeting_label(&self, meeting: &Meeting) -> String {
        format!(
            "meeting with {} at {}",
            self.account_name(&meeting.account),
            meeting.start
        )
    }

    /// A handoff as people say it: `handoff from Booth visit to Marketing-qualified lead`.
    pub fn handoff_label(&self, handoff: &Handoff) -> String {
        format!(
            "handoff from {} to {}",
            self.stage_name(&handoff.from),
            self.stage_name(&handoff.to)
        )
    }

    /// The human name of item `index` of `section` (a person's name, a message's headline...),
    /// or of the single item `event` or `scoring`. Message headlines and task titles, which are
    /// whole phrases, come in quotes; meetings and handoffs, which have no name, read
    /// `the meeting with ...` and `the handoff from ...`.
    pub fn item_name(&self, section: Section, index: usize) -> String {
        let plan = self.plan;
        let name = match section {
            Section::Plan => Some("the plan".to_owned()),
            Section::Event => Some(named(&plan.event.name, "event")),
            Section::Scoring => Some("the lead scoring".to_owned()),
            Section::People => plan.people.get(index).map(|x| named(&x.name, &x.id)),
            Section::Objectives => plan.objectives.get(index).map(|x| named(&x.name, &x.id)),
            Section::Terms => plan.terms.get(index).map(|x| named(&x.term, &x.id)),
            Section::Accounts => plan.accounts.get(index).map(|x| named(&x.name, &x.id)),
            Section::Meetings => plan
                .meetings
                .get(index)
                .map(|x| format!("the {}", self.meeting_label(x))),
            Section::Messages => plan
                .messages
                .get(index)
                .map(|x| quoted_name(&x.headline, &x.id)),
            Section::Stages => plan.stages.get(index).map(|x| named(&x.name, &x.id)),
            Section::Handoffs => plan
                .handoffs
                .get(index)
                .map(|x| format!("the {}", self.handoff_label(x))),
            Section::Tasks => plan.tasks.get(index).map(|x| quoted_name(&x.title, &x.id)),
        };
        name.unwrap_or_else(|| format!("item {} of {section}", index + 1))
    }

    /// The lead-flow graph, built on first use.
    pub fn flow(&self) -> &Flow {
        self.flow
            .get_or_init(|| Flow::new(self.plan, |id| self.stage(id)))
    }
}

/// An id as messages quote it: `"acme"`.
fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// A human name, or the quoted id when the name is blank.
fn named(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        quoted(id)
    } else {
        name.trim().to_owned()
    }
}

/// A phrase used as a name (a headline, a task title) in quotes, or the quoted id when it is blank.
fn quoted_name(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        quoted(id)
    } else {
        quoted(name.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bitmap census finds what a plain map by id finds, with few and with many repeats,
    /// and with ids that share their bit without being the same.
    #[test]
    fn sparse_census_matches_a_map_by_id() {
        for (n, distinct) in [
            (0, 1),
            (1, 1),
            (5, 2),
            (300, 7),
            (3_000, 2_500),
            (20_000, 19_000),
        ] {
            let ids: Vec<String> = (0..n)
                .map(|i| match (i * 7_919) % distinct {
                    13 => "Bad id".to_owned(),
                    k => format!("id-{k}"),
                })
                .collect();
            let plain = index_by_id(ids.iter().map(String::as_str)).1;
            let sparse = sparse_census(n, |i| ids.get(i).map_or("", String::as_str));
            assert_eq!(sparse.repeats, plain.repeats, "{n} ids");
            assert_eq!(sparse.malformed, plain.malformed, "{n} ids");
        }
    }
}
