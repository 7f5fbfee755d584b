//! The sign-off ledger: who agreed to what, and when, across the whole plan; and, from earlier
//! versions of the plan (its git history), the sign-offs that no longer stand.

use crate::git::Commit;
use crate::model::fingerprint::Signable;
use crate::model::{Date, Plan, Section, Team};
use std::collections::{BTreeMap, BTreeSet};

/// Where a sign-off stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// Pinned to the current text.
    Current,
    /// Not pinned to a text: counts as agreement to the current one.
    Unpinned,
    /// The text changed after it was given: it no longer counts.
    Stale,
}

impl Standing {
    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Standing::Current => "agreed",
            Standing::Unpinned => "agreed (not pinned)",
            Standing::Stale => "stale",
        }
    }
}

/// One sign-off in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The section of the item signed.
    pub section: Section,
    /// The item's position in its section (0 for scoring).
    pub index: usize,
    /// The item's id.
    pub id: String,
    /// What the item says, shortly (a headline, a name, a term).
    pub title: String,
    /// The person's id.
    pub by: String,
    /// The person's name, or their id when nobody has it.
    pub name: String,
    /// Their team, when the person exists.
    pub team: Option<Team>,
    /// The name (or id) of who entered it for them, when someone else did.
    pub entered_by: Option<String>,
    /// The day they signed.
    pub on: Date,
    /// The fingerprint of the text they agreed to, when pinned.
    pub fingerprint: Option<String>,
    /// Whether it still counts.
    pub standing: Standing,
}

impl Entry {
    /// How history tells this sign-off from others.
    pub fn key(&self) -> crate::analysis::provenance::SignoffKey {
        crate::analysis::provenance::SignoffKey {
            section: self.section,
            id: self.id.clone(),
            by: self.by.clone(),
            on: self.on,
            fingerprint: self.fingerprint.clone(),
        }
    }
}

fn push_item<T: Signable>(
    out: &mut Vec<Entry>,
    plan: &Plan,
    section: Section,
    index: usize,
    id: &str,
    title: String,
    item: &T,
) {
    let fingerprint = item.fingerprint();
    for s in item.signoffs() {
        let person = plan.person(&s.by);
        let standing = match s.fingerprint.as_deref() {
            None => Standing::Unpinned,
            Some(f) if f == fingerprint => Standing::Current,
            Some(_) => Standing::Stale,
        };
        out.push(Entry {
            section,
            index,
            id: id.to_owned(),
            title: title.clone(),
            by: s.by.clone(),
            name: person.map_or_else(|| s.by.clone(), |p| p.name.clone()),
            team: person.map(|p| p.team),
            entered_by: s.entered_by.as_deref().map(|e| {
                plan.person(e)
                    .map_or_else(|| e.to_owned(), |p| p.name.clone())
            }),
            on: s.on,
            fingerprint: s.fingerprint.clone(),
            standing,
        });
    }
}

/// Every sign-off in the plan, newest first; sign-offs of one day keep the plan's order.
pub fn entries(plan: &Plan) -> Vec<Entry> {
    let mut out = Vec::new();
    for (i, m) in plan.messages.iter().enumerate() {
        push_item(
            &mut out,
            plan,
            Section::Messages,
            i,
            &m.id,
            m.headline.clone(),
            m,
        );
    }
    for (i, o) in plan.objectives.iter().enumerate() {
        push_item(
            &mut out,
            plan,
            Section::Objectives,
            i,
            &o.id,
            o.name.clone(),
            o,
        );
    }
    for (i, t) in plan.terms.iter().enumerate() {
        push_item(&mut out, plan, Section::Terms, i, &t.id, t.term.clone(), t);
    }
    if let Some(s) = &plan.scoring {
        push_item(
            &mut out,
            plan,
            Section::Scoring,
            0,
            "scoring",
            "Lead scoring".to_owned(),
            s,
        );
    }
    for (i, h) in plan.handoffs.iter().enumerate() {
        push_item(
            &mut out,
            plan,
            Section::Handoffs,
            i,
            &h.id,
            format!("{} to {}", h.from, h.to),
            h,
        );
    }
    // Stable: the plan's order within a day.
    out.sort_by_key(|e| std::cmp::Reverse(e.on));
    out
}

/// A sign-off that an earlier version of the plan had and the current plan does not: withdrawn,
/// replaced by a newer one (a re-sign), or gone with its item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Past {
    /// The section of the item signed.
    pub section: Section,
    /// The item's id.
    pub id: String,
    /// What the item said then.
    pub title: String,
    /// The person's id.
    pub by: String,
    /// The day they signed.
    pub on: Date,
    /// The oldest version that has it.
    pub since: Commit,
    /// The version that no longer has it; `None`: it is in the newest version given, and only
    /// the current (unsaved or uncommitted) plan lacks it.
    pub until: Option<Commit>,
    /// Whether the same person has a newer sign-off on the same item now (a re-sign).
    pub replaced: bool,
}

type Key = (Section, String, String, Date);

fn keys(plan: &Plan) -> BTreeMap<Key, String> {
    entries(plan)
        .into_iter()
        .map(|e| ((e.section, e.id, e.by, e.on), e.title))
        .collect()
}

/// The sign-offs in `versions` (newest first, as `git log` lists them) that `current` lacks,
/// newest first by the day they were given.
pub fn past(current: &Plan, versions: &[(Commit, Plan)]) -> Vec<Past> {
    let now = keys(current);
    let now_by: BTreeSet<(Section, &str, &str)> = now
        .keys()
        .map(|(s, id, by, _)| (*s, id.as_str(), by.as_str()))
        .collect();
    let mut found: BTreeMap<Key, Past> = BTreeMap::new();
    // Oldest first, so `since` is the first version with it and `until` the first without.
    let mut previous: BTreeMap<Key, String> = BTreeMap::new();
    for (commit, plan) in versions.iter().rev() {
        let these = keys(plan);
        for (key, title) in &these {
            if now.contains_key(key) {
                continue;
            }
            let entry = found.entry(key.clone()).or_insert_with(|| Past {
                section: key.0,
                id: key.1.clone(),
                title: title.clone(),
                by: key.2.clone(),
                on: key.3,
                since: commit.clone(),
                until: None,
                replaced: now_by.contains(&(key.0, key.1.as_str(), key.2.as_str())),
            });
            entry.until = None;
            entry.title.clone_from(title);
        }
        for key in previous.keys() {
            if !these.contains_key(key)
                && let Some(entry) = found.get_mut(key)
                && entry.until.is_none()
            {
                entry.until = Some(commit.clone());
            }
        }
        previous = these;
    }
    let mut out: Vec<Past> = found.into_values().collect();
    out.sort_by(|a, b| b.on.cmp(&a.on).then_with(|| a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Signoff;

    fn plan() -> Plan {
        crate::format::parse(crate::EXAMPLE_PLAN)
            .map(|l| l.plan)
            .unwrap_or_else(|e| panic!("the example loads: {e}"))
    }

    fn commit(n: u32) -> Commit {
        Commit {
            hash: format!("{n:040}"),
            short: format!("c{n}"),
            author: "Ana".to_owned(),
            date: format!("2027-01-{n:02}"),
            subject: format!("version {n}"),
        }
    }

    #[test]
    fn every_signoff_is_listed_newest_first_with_its_standing() {
        let mut p = plan();
        let total: usize = p.messages.iter().map(|m| m.signoffs.len()).sum::<usize>()
            + p.objectives.iter().map(|o| o.signoffs.len()).sum::<usize>()
            + p.terms.iter().map(|t| t.signoffs.len()).sum::<usize>()
            + p.scoring.as_ref().map_or(0, |s| s.signoffs.len())
            + p.handoffs.iter().map(|h| h.signoffs.len()).sum::<usize>();
        let all = entries(&p);
        assert_eq!(all.len(), total);
        assert!(all.windows(2).all(|w| w[0].on >= w[1].on));
        assert!(all.iter().all(|e| e.team.is_some()));

        // Changing a message's headline makes its pinned sign-offs stale.
        let Some(m) = p.messages.iter_mut().find(|m| !m.signoffs.is_empty()) else {
            panic!("the example has a signed message");
        };
        m.headline.push_str(" (edited)");
        let id = m.id.clone();
        let stale = entries(&p)
            .into_iter()
            .filter(|e| e.id == id && e.section == Section::Messages)
            .all(|e| e.standing != Standing::Current);
        assert!(stale);
    }

    #[test]
    fn past_signoffs_say_when_they_came_and_went() {
        let base = plan();
        let Some(mi) = base.messages.iter().position(|m| !m.signoffs.is_empty()) else {
            panic!("the example has a signed message");
        };
        let old = base.messages[mi].signoffs[0].clone();
        // Version 2 re-signs it on a later day; version 3 withdraws another person's.
        let mut v2 = base.clone();
        v2.messages[mi].signoffs[0] = Signoff {
            on: Date::from_ymd(2027, 2, 1).unwrap_or(old.on),
            ..old.clone()
        };
        let mut v3 = v2.clone();
        let withdrawn = v3.messages[mi].signoffs.drain(1..).collect::<Vec<_>>();
        let current = v3.clone();
        let versions = vec![(commit(3), v3), (commit(2), v2), (commit(1), base.clone())];
        let past = past(&current, &versions);
        let resigned = past
            .iter()
            .find(|p| p.by == old.by && p.on == old.on)
            .unwrap_or_else(|| panic!("the first sign-off is in the past: {past:?}"));
        assert_eq!(resigned.since.short, "c1");
        assert_eq!(
            resigned.until.as_ref().map(|c| c.short.as_str()),
            Some("c2")
        );
        assert!(resigned.replaced);
        for w in &withdrawn {
            let p = past
                .iter()
                .find(|p| p.by == w.by && p.on == w.on)
                .unwrap_or_else(|| panic!("the withdrawn sign-off is listed"));
            assert_eq!(p.until.as_ref().map(|c| c.short.as_str()), Some("c3"));
            assert!(!p.replaced);
        }
        assert_eq!(past.len(), 1 + withdrawn.len());
        // Nothing is past when the current plan is the newest version.
        assert!(crate::git::ledger::past(&base, &[(commit(1), base.clone())]).is_empty());
    }
}
