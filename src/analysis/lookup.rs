//! What views ask of a plan over and over while drawing: which account has this id, which
//! meetings an account has, what a person owns. Each answer is worked out once per version of the
//! plan, in linear time, and only when first asked, so a frame at 10,000 accounts costs what a
//! frame at 100 does.
//!
//! A [`Lookup`] belongs to one version of a plan: pass that plan to every call and make a new
//! lookup when the plan changes. Answers are checked against the plan they are given, so a
//! lookup used with a slightly newer plan (an edit earlier in the same frame) gives answers that
//! are at worst out of date, never out of bounds.

use crate::analysis::coverage;
use crate::analysis::results::{self, Results};
use crate::model::fingerprint::Signable;
use crate::model::{Date, Message, Plan};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::hash::BuildHasher;

/// Positions of items by id: the first item with each id wins, as in the rest of Preshow.
struct Ids(crate::check::maps::HashMap<u64, u32>);

fn hash(id: &str) -> u64 {
    foldhash::fast::FixedState::default().hash_one(id)
}

impl Ids {
    fn build<'a>(ids: impl Iterator<Item = &'a str>) -> Ids {
        let mut map = crate::check::maps::HashMap::default();
        for (i, id) in ids.enumerate() {
            map.entry(hash(id)).or_insert(i as u32);
        }
        Ids(map)
    }

    /// The first position of `id`, where `id_at` gives the id at a position.
    fn find<'a>(
        &self,
        id: &str,
        len: usize,
        id_at: impl Fn(usize) -> Option<&'a str>,
    ) -> Option<usize> {
        let i = *self.0.get(&hash(id))? as usize;
        if id_at(i) == Some(id) {
            return Some(i);
        }
        // Another id with the same hash, or an edit since the lookup was made.
        (0..len).find(|&j| id_at(j) == Some(id))
    }
}

/// Items grouped by a position: group `g` holds `items[starts[g]..starts[g + 1]]`, in the
/// order they were given. Two allocations however many groups, so building and dropping one
/// per revision stays cheap.
#[derive(Default)]
struct Groups {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Groups {
    /// `count` groups from (group, item) pairs; pairs naming no group are left out.
    fn build(count: usize, pairs: &[(u32, u32)]) -> Groups {
        let mut starts = vec![0u32; count + 1];
        for &(g, _) in pairs {
            if let Some(n) = starts.get_mut(g as usize + 1) {
                *n += 1;
            }
        }
        for g in 1..starts.len() {
            let before = starts.get(g - 1).copied().unwrap_or(0);
            if let Some(n) = starts.get_mut(g) {
                *n += before;
            }
        }
        let mut next = starts.clone();
        let mut items = vec![0u32; starts.last().copied().unwrap_or(0) as usize];
        for &(g, item) in pairs {
            if let Some(at) = next.get_mut(g as usize)
                && let Some(slot) = items.get_mut(*at as usize)
            {
                *slot = item;
                *at += 1;
            }
        }
        Groups { starts, items }
    }

    fn get(&self, g: usize) -> &[u32] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }
}

/// What each person is named in.
#[derive(Default)]
struct PersonUse {
    /// Accounts the person owns, for sales or marketing.
    owns: Groups,
    /// Meetings the person attends, in any status.
    meets: Groups,
}

/// Answers about one version of a plan; see the module documentation.
#[derive(Default)]
pub struct Lookup {
    accounts: OnceCell<Ids>,
    people: OnceCell<Ids>,
    messages: OnceCell<Ids>,
    by_account: OnceCell<Groups>,
    by_person: OnceCell<PersonUse>,
    message_use: OnceCell<Vec<(u32, u32)>>,
    segments: OnceCell<Vec<String>>,
    by_start: OnceCell<(Vec<u32>, i64)>,
    message_prints: OnceCell<Vec<OnceCell<String>>>,
    /// The day "stuck" and "late" are judged on; `None` takes the system date.
    today: Option<Date>,
    results: OnceCell<Results>,
}

impl Lookup {
    /// A lookup that measures results ([`Lookup::results`]) as of `today`.
    pub fn as_of(today: Date) -> Lookup {
        Lookup {
            today: Some(today),
            ..Lookup::default()
        }
    }

    /// The day results are measured as of.
    pub fn day(&self) -> Date {
        self.today.unwrap_or_else(Date::today)
    }

    /// The plan's outcomes measured ([`results::measure`]) as of the lookup's day: which leads
    /// are stuck, what each objective reached. One pass over the leads, the first time asked.
    pub fn results(&self, plan: &Plan) -> &Results {
        self.results
            .get_or_init(|| results::measure(plan, self.day()))
    }

    /// The position of the account with this id.
    pub fn account(&self, plan: &Plan, id: &str) -> Option<usize> {
        let ids = self
            .accounts
            .get_or_init(|| Ids::build(plan.accounts.iter().map(|a| a.id.as_str())));
        ids.find(id, plan.accounts.len(), |i| {
            plan.accounts.get(i).map(|a| a.id.as_str())
        })
    }

    /// The position of the person with this id.
    pub fn person(&self, plan: &Plan, id: &str) -> Option<usize> {
        let ids = self
            .people
            .get_or_init(|| Ids::build(plan.people.iter().map(|p| p.id.as_str())));
        ids.find(id, plan.people.len(), |i| {
            plan.people.get(i).map(|p| p.id.as_str())
        })
    }

    /// The position of the message with this id.
    pub fn message(&self, plan: &Plan, id: &str) -> Option<usize> {
        let ids = self
            .messages
            .get_or_init(|| Ids::build(plan.messages.iter().map(|m| m.id.as_str())));
        ids.find(id, plan.messages.len(), |i| {
            plan.messages.get(i).map(|m| m.id.as_str())
        })
    }

    /// The meetings with account `index`, in plan order, any status.
    pub fn meetings_of_account(&self, plan: &Plan, index: usize) -> &[u32] {
        self.by_account
            .get_or_init(|| {
                // An account's meetings often come together: the one before may have its answer.
                let mut last: Option<(&str, Option<usize>)> = None;
                let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(plan.meetings.len());
                for (i, m) in plan.meetings.iter().enumerate() {
                    let account = match last {
                        Some((id, found)) if id == m.account => found,
                        _ => self.account(plan, &m.account),
                    };
                    last = Some((&m.account, account));
                    if let Some(a) = account {
                        pairs.push((a as u32, i as u32));
                    }
                }
                Groups::build(plan.accounts.len(), &pairs)
            })
            .get(index)
    }

    /// How many active (not cancelled) meetings account `index` has.
    pub fn active_meetings(&self, plan: &Plan, index: usize) -> usize {
        self.meetings_of_account(plan, index)
            .iter()
            .filter_map(|&m| plan.meetings.get(m as usize))
            .filter(|m| m.status.is_active())
            .count()
    }

    fn by_person(&self, plan: &Plan) -> &PersonUse {
        self.by_person.get_or_init(|| {
            let n = plan.people.len();
            let mut owns = Vec::new();
            for (i, a) in plan.accounts.iter().enumerate() {
                let sales = a.owner.as_deref().and_then(|p| self.person(plan, p));
                let marketing = a
                    .marketing_owner
                    .as_deref()
                    .and_then(|p| self.person(plan, p));
                for p in sales
                    .into_iter()
                    .chain(marketing.filter(|m| Some(*m) != sales))
                {
                    owns.push((p as u32, i as u32));
                }
            }
            let mut meets = Vec::new();
            let mut seen: Vec<usize> = Vec::new();
            for (i, m) in plan.meetings.iter().enumerate() {
                seen.clear();
                seen.extend(m.people.iter().filter_map(|p| self.person(plan, p)));
                seen.sort_unstable();
                seen.dedup();
                meets.extend(seen.iter().map(|&p| (p as u32, i as u32)));
            }
            PersonUse {
                owns: Groups::build(n, &owns),
                meets: Groups::build(n, &meets),
            }
        })
    }

    /// The accounts person `index` owns, for sales or marketing, in plan order.
    pub fn owned_by(&self, plan: &Plan, index: usize) -> &[u32] {
        self.by_person(plan).owns.get(index)
    }

    /// The meetings person `index` attends, any status, in plan order.
    pub fn meetings_with(&self, plan: &Plan, index: usize) -> &[u32] {
        self.by_person(plan).meets.get(index)
    }

    /// How many accounts and how many meetings list message `index`.
    pub fn message_use(&self, plan: &Plan, index: usize) -> (usize, usize) {
        let all = self.message_use.get_or_init(|| {
            let mut all = vec![(0u32, 0u32); plan.messages.len()];
            let mut count = |ids: &[String], meeting: bool| {
                let mut seen: Vec<usize> =
                    ids.iter().filter_map(|id| self.message(plan, id)).collect();
                seen.sort_unstable();
                seen.dedup();
                for m in seen {
                    if let Some(c) = all.get_mut(m) {
                        if meeting { c.1 += 1 } else { c.0 += 1 }
                    }
                }
            };
            for a in &plan.accounts {
                count(&a.messages, false);
            }
            for m in &plan.meetings {
                count(&m.messages, true);
            }
            all
        });
        all.get(index)
            .map_or((0, 0), |&(a, m)| (a as usize, m as usize))
    }

    /// The fingerprint of message `m` of `plan` (what its sign-offs are pinned to), worked out
    /// once per version: a table of messages asks for it on every row of every frame.
    pub fn message_fingerprint<'a>(&'a self, plan: &Plan, m: &Message) -> Cow<'a, str> {
        let at = self
            .message(plan, &m.id)
            .filter(|&i| plan.messages.get(i).is_some_and(|x| std::ptr::eq(x, m)));
        let prints = self
            .message_prints
            .get_or_init(|| vec![OnceCell::new(); plan.messages.len()]);
        match at.and_then(|i| prints.get(i)) {
            Some(cell) => Cow::Borrowed(cell.get_or_init(|| m.fingerprint())),
            None => Cow::Owned(m.fingerprint()),
        }
    }

    /// Every segment an account or a message names, sorted, each once, blank ones left out
    /// ([`coverage::segments`]).
    pub fn segments(&self, plan: &Plan) -> &[String] {
        self.segments.get_or_init(|| coverage::segments(plan))
    }

    /// Active meetings other than `index` whose time overlaps meeting `index`, in plan order.
    /// A sweep over the meetings sorted by start: only those that start before it ends and no
    /// longer than the longest meeting before it starts are looked at.
    pub fn overlapping(&self, plan: &Plan, index: usize) -> Vec<usize> {
        let Some(m) = plan.meetings.get(index) else {
            return Vec::new();
        };
        let (sorted, longest) = self.by_start.get_or_init(|| {
            let mut sorted: Vec<u32> = (0..plan.meetings.len() as u32).collect();
            sorted.sort_by_key(|&i| plan.meetings.get(i as usize).map(|m| m.start));
            let longest = plan.meetings.iter().map(|m| m.minutes).max().unwrap_or(0);
            (sorted, longest)
        });
        let (start, end) = (m.start, m.end());
        let earliest = start.plus_minutes(-*longest);
        let start_of = |i: &u32| plan.meetings.get(*i as usize).map(|m| m.start);
        let from = sorted.partition_point(|i| start_of(i) < Some(earliest));
        let mut out: Vec<usize> = sorted
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|i| start_of(i).is_some_and(|s| s < end))
            .map(|&i| i as usize)
            .filter(|&i| {
                i != index
                    && plan
                        .meetings
                        .get(i)
                        .is_some_and(|o| o.status.is_active() && start < o.end())
            })
            .collect();
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Plan {
        match crate::format::parse(crate::EXAMPLE_PLAN) {
            Ok(l) => l.plan,
            Err(e) => panic!("the example loads: {e}"),
        }
    }

    /// Every answer agrees with a plain scan of the plan, on the example and a generated plan.
    #[test]
    fn answers_match_a_plain_scan() {
        for plan in [example(), crate::ops::generate::generate(300, 7)] {
            let l = Lookup::default();
            for (i, a) in plan.accounts.iter().enumerate() {
                let first = plan.accounts.iter().position(|x| x.id == a.id);
                assert_eq!(l.account(&plan, &a.id), first);
                let meetings: Vec<u32> = plan
                    .meetings
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| first == Some(i) && m.account == a.id)
                    .map(|(j, _)| j as u32)
                    .collect();
                assert_eq!(l.meetings_of_account(&plan, i), meetings.as_slice());
            }
            assert_eq!(l.account(&plan, "no-such-account"), None);
            for (i, p) in plan.people.iter().enumerate() {
                let owns: Vec<u32> = plan
                    .accounts
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| {
                        a.owner.as_deref() == Some(&p.id)
                            || a.marketing_owner.as_deref() == Some(&p.id)
                    })
                    .map(|(j, _)| j as u32)
                    .collect();
                assert_eq!(l.owned_by(&plan, i), owns.as_slice());
                let meets: Vec<u32> = plan
                    .meetings
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.people.contains(&p.id))
                    .map(|(j, _)| j as u32)
                    .collect();
                assert_eq!(l.meetings_with(&plan, i), meets.as_slice());
            }
            for (i, msg) in plan.messages.iter().enumerate() {
                let accounts = plan
                    .accounts
                    .iter()
                    .filter(|a| a.messages.contains(&msg.id))
                    .count();
                let meetings = plan
                    .meetings
                    .iter()
                    .filter(|m| m.messages.contains(&msg.id))
                    .count();
                assert_eq!(l.message_use(&plan, i), (accounts, meetings));
                assert_eq!(l.message_fingerprint(&plan, msg), msg.fingerprint());
            }
            for (i, m) in plan.meetings.iter().enumerate() {
                let overlapping: Vec<usize> = plan
                    .meetings
                    .iter()
                    .enumerate()
                    .filter(|&(j, o)| {
                        j != i && o.status.is_active() && o.start < m.end() && m.start < o.end()
                    })
                    .map(|(j, _)| j)
                    .collect();
                assert_eq!(l.overlapping(&plan, i), overlapping, "meeting {i}");
            }
            let mut segments: Vec<String> = plan
                .accounts
                .iter()
                .filter_map(|a| a.segment.clone())
                .chain(plan.messages.iter().flat_map(|m| m.segments.clone()))
                .filter(|s| !s.trim().is_empty())
                .collect();
            segments.sort();
            segments.dedup();
            assert_eq!(l.segments(&plan), segments.as_slice());
        }
    }

    /// A lookup used with a plan edited since it was made answers from the plan it is given.
    #[test]
    fn a_stale_lookup_never_points_at_the_wrong_item() {
        let mut plan = example();
        let l = Lookup::default();
        let id = plan.accounts[2].id.clone();
        assert_eq!(l.account(&plan, &id), Some(2));
        plan.accounts.remove(0);
        assert_eq!(l.account(&plan, &id), Some(1));
        plan.accounts.clear();
        assert_eq!(l.account(&plan, &id), None);
        assert!(l.meetings_of_account(&plan, 5).is_empty());
    }
}
