//! Provenance of sign-offs: who recorded each one, as the plan's history tells it.
//!
//! A sign-off in the file says "Yuki agreed", but anyone can type it. The commit that first
//! carried it says who wrote it down. A sign-off is *verified* when that commit's author is the
//! signer (the author's email is the signer's `email` in the plan, any case, surrounding spaces
//! ignored); *recorded by someone else* when the author is another person of the plan; and
//! *unknown* when it is not committed yet or the author is nobody in the plan.
//!
//! This module holds the facts and the judgement, with no I/O: [`crate::git::provenance`] reads
//! them from git, the `signoff-unverified` check and the workbench's badges use them.

use crate::model::fingerprint::Signable;
use crate::model::{Date, Plan, Section, Signoff};
use std::collections::{HashMap, HashSet};

/// A sign-off as history tells one from another: the item it is on (section and id), who, when,
/// and the text it pins.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SignoffKey {
    /// The section of the item signed.
    pub section: Section,
    /// The item's id (`scoring` for the scoring).
    pub id: String,
    /// The person's id.
    pub by: String,
    /// The day they signed.
    pub on: Date,
    /// The fingerprint of the text they agreed to, when pinned.
    pub fingerprint: Option<String>,
}

impl SignoffKey {
    /// The key of `signoff` on the item `id` of `section`.
    pub fn new(section: Section, id: &str, signoff: &Signoff) -> SignoffKey {
        SignoffKey {
            section,
            id: id.to_owned(),
            by: signoff.by.clone(),
            on: signoff.on,
            fingerprint: signoff.fingerprint.clone(),
        }
    }

    /// The key of `signoff` on `item`.
    pub fn of<T: Signable>(item: &T, signoff: &Signoff) -> SignoffKey {
        let (section, id) = item.item_key();
        SignoffKey::new(section, id, signoff)
    }
}

/// Calls `f` with each signed item of `plan` (its section, position and id) and each of its
/// sign-offs, in the plan's order: objectives, terms, scoring, messages, handoffs.
pub fn each_signoff(plan: &Plan, mut f: impl FnMut(Section, usize, &str, &Signoff)) {
    fn visit<T: Signable>(
        items: &[T],
        id: impl Fn(&T) -> &str,
        section: Section,
        f: &mut impl FnMut(Section, usize, &str, &Signoff),
    ) {
        for (i, item) in items.iter().enumerate() {
            for s in item.signoffs() {
                f(section, i, id(item), s);
            }
        }
    }
    visit(&plan.objectives, |o| &o.id, Section::Objectives, &mut f);
    visit(&plan.terms, |t| &t.id, Section::Terms, &mut f);
    if let Some(s) = &plan.scoring {
        visit(
            std::slice::from_ref(s),
            |_| "scoring",
            Section::Scoring,
            &mut f,
        );
    }
    visit(&plan.messages, |m| &m.id, Section::Messages, &mut f);
    visit(&plan.handoffs, |h| &h.id, Section::Handoffs, &mut f);
}

/// The key of every sign-off of `plan`.
pub fn keys(plan: &Plan) -> HashSet<SignoffKey> {
    let mut out = HashSet::new();
    each_signoff(plan, |section, _, id, s| {
        out.insert(SignoffKey::new(section, id, s));
    });
    out
}

/// A commit, as far as provenance needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The full hash.
    pub hash: String,
    /// The abbreviated hash.
    pub short: String,
    /// The author's name, as git has it.
    pub name: String,
    /// The author's email, as git has it.
    pub email: String,
}

/// Where history places a sign-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'h> {
    /// The first commit that carried it.
    Commit(&'h Recorded),
    /// It was already there in the oldest commit of a shallow clone: older than the history at
    /// hand, so trusted.
    BeforeHistory,
    /// No commit carries it: it is in the working tree (or the window) only.
    NotCommitted,
}

/// What the file's history says of every sign-off it ever carried: the first commit of each.
#[derive(Debug, Clone, Default)]
pub struct SignoffHistory {
    commits: Vec<Recorded>,
    first: HashMap<SignoffKey, usize>,
    before: HashSet<SignoffKey>,
    /// The oldest commit at hand when the history is cut short by a shallow clone and the file
    /// was already there: sign-offs it carries are older than the history and trusted.
    pub shallow: Option<Recorded>,
    /// How many commits that changed the file were read.
    pub commits_read: usize,
}

impl SignoffHistory {
    /// Takes note of the sign-offs `keys` of one version of the file, read oldest first:
    /// those not seen before were first carried by `commit`, or are older than the history
    /// when `boundary` (the oldest commit of a shallow clone).
    pub fn add_version(
        &mut self,
        commit: Recorded,
        boundary: bool,
        keys: impl IntoIterator<Item = SignoffKey>,
    ) {
        let index = self.commits.len();
        let mut used = false;
        for key in keys {
            if self.first.contains_key(&key) || self.before.contains(&key) {
                continue;
            }
            if boundary {
                self.before.insert(key);
            } else {
                self.first.insert(key, index);
                used = true;
            }
        }
        if boundary && self.shallow.is_none() {
            self.shallow = Some(commit.clone());
        }
        if used {
            self.commits.push(commit);
        }
        self.commits_read += 1;
    }

    /// Where `key` comes from.
    pub fn origin(&self, key: &SignoffKey) -> Origin<'_> {
        if let Some(c) = self.first.get(key).and_then(|&i| self.commits.get(i)) {
            Origin::Commit(c)
        } else if self.before.contains(key) {
            Origin::BeforeHistory
        } else {
            Origin::NotCommitted
        }
    }

    /// The provenance of `signoff` on `item`, judged against `plan`'s people.
    pub fn provenance<T: Signable>(
        &self,
        plan: &Plan,
        item: &T,
        signoff: &Signoff,
    ) -> Provenance<'_> {
        let origin = self.origin(&SignoffKey::of(item, signoff));
        judge(
            origin,
            &signoff.by,
            |id| plan.person(id).and_then(|p| p.email.clone()),
            |email| plan.person_with_email(email).map(|p| p.id.clone()),
        )
    }
}

/// What a sign-off's history makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance<'h> {
    /// Committed by the signer.
    Verified(&'h Recorded),
    /// Committed by another person of the plan (their id) in the signer's name.
    RecordedBy {
        /// The person who committed it.
        recorder: String,
        /// The commit.
        commit: &'h Recorded,
    },
    /// Committed by someone the plan has no email for.
    UnknownAuthor(&'h Recorded),
    /// Not committed yet.
    NotCommitted,
    /// Older than the history of a shallow clone: trusted.
    BeforeHistory,
}

impl Provenance<'_> {
    /// Whether it counts as given by the signer (or is older than the history at hand).
    pub fn trusted(&self) -> bool {
        matches!(self, Provenance::Verified(_) | Provenance::BeforeHistory)
    }

    /// Its kind, for filters.
    pub fn kind(&self) -> ProvenanceKind {
        match self {
            Provenance::Verified(_) | Provenance::BeforeHistory => ProvenanceKind::Verified,
            Provenance::RecordedBy { .. } => ProvenanceKind::RecordedBy,
            Provenance::UnknownAuthor(_) => ProvenanceKind::UnknownAuthor,
            Provenance::NotCommitted => ProvenanceKind::NotCommitted,
        }
    }
}

/// The kinds of [`Provenance`], to filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProvenanceKind {
    /// Given by the signer (or older than a shallow clone's history).
    Verified,
    /// Recorded by another person of the plan.
    RecordedBy,
    /// Committed by someone not in the plan.
    UnknownAuthor,
    /// Not committed yet.
    NotCommitted,
}

/// Whether two emails are the same address: any case, surrounding spaces ignored.
pub fn same_email(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && a.eq_ignore_ascii_case(b)
}

/// Judges `origin` for a sign-off by the person `by`: `email_of` gives a person's email by id,
/// `person_with_email` the id of the person with an email.
pub fn judge<'h>(
    origin: Origin<'h>,
    by: &str,
    email_of: impl Fn(&str) -> Option<String>,
    person_with_email: impl Fn(&str) -> Option<String>,
) -> Provenance<'h> {
    match origin {
        Origin::BeforeHistory => Provenance::BeforeHistory,
        Origin::NotCommitted => Provenance::NotCommitted,
        Origin::Commit(c) => {
            if email_of(by).is_some_and(|e| same_email(&e, &c.email)) {
                Provenance::Verified(c)
            } else {
                match person_with_email(&c.email) {
                    Some(recorder) if recorder != by => Provenance::RecordedBy {
                        recorder,
                        commit: c,
                    },
                    _ => Provenance::UnknownAuthor(c),
                }
            }
        }
    }
}

/// What `check --verify-signoffs REV` checks against: the file's history, and the sign-offs
/// the file had at `REV` (trusted as reviewed).
#[derive(Debug, Clone, Default)]
pub struct Verification {
    /// The revision named, as given.
    pub rev: String,
    /// The sign-offs at `rev` (none when the file was not there).
    pub baseline: HashSet<SignoffKey>,
    /// The file's history.
    pub history: SignoffHistory,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit(name: &str, email: &str) -> Recorded {
        Recorded {
            hash: format!("{name:0>40}"),
            short: name.to_owned(),
            name: name.to_owned(),
            email: email.to_owned(),
        }
    }

    fn key(by: &str, day: u32) -> SignoffKey {
        SignoffKey {
            section: Section::Messages,
            id: "roi".to_owned(),
            by: by.to_owned(),
            on: Date::from_ymd(2027, 1, day).expect("a date"),
            fingerprint: None,
        }
    }

    #[test]
    fn the_first_commit_that_carries_a_signoff_is_its_origin() {
        let mut h = SignoffHistory::default();
        h.add_version(commit("old", "mo@x"), true, [key("ana", 1)]);
        h.add_version(commit("c1", "ana@x"), false, [key("ana", 1), key("ana", 2)]);
        h.add_version(commit("c2", "mo@x"), false, [key("ana", 2), key("mo", 3)]);
        assert_eq!(h.origin(&key("ana", 1)), Origin::BeforeHistory);
        assert!(matches!(h.origin(&key("ana", 2)), Origin::Commit(c) if c.short == "c1"));
        assert!(matches!(h.origin(&key("mo", 3)), Origin::Commit(c) if c.short == "c2"));
        assert_eq!(h.origin(&key("ana", 9)), Origin::NotCommitted);
        assert_eq!(h.shallow.as_ref().map(|c| c.short.as_str()), Some("old"));
        assert_eq!(h.commits_read, 3);
    }

    #[test]
    fn the_author_email_decides_any_case_spaces_aside() {
        let people = [("yuki", " Yuki@Example.com "), ("lena", "lena@example.com")];
        let email_of = |id: &str| {
            people
                .iter()
                .find(|(p, _)| *p == id)
                .map(|(_, e)| (*e).to_owned())
        };
        let person_with = |email: &str| {
            people
                .iter()
                .find(|(_, e)| same_email(e, email))
                .map(|(p, _)| (*p).to_owned())
        };
        let yuki = commit("a", "YUKI@example.COM");
        let lena = commit("b", "lena@example.com");
        let stranger = commit("c", "ci@example.com");
        assert!(matches!(
            judge(Origin::Commit(&yuki), "yuki", email_of, person_with),
            Provenance::Verified(_)
        ));
        assert_eq!(
            judge(Origin::Commit(&lena), "yuki", email_of, person_with),
            Provenance::RecordedBy {
                recorder: "lena".to_owned(),
                commit: &lena
            }
        );
        assert_eq!(
            judge(Origin::Commit(&stranger), "yuki", email_of, person_with),
            Provenance::UnknownAuthor(&stranger)
        );
        // A signer without an email in the plan is never verified.
        assert_eq!(
            judge(Origin::Commit(&yuki), "nobody", email_of, person_with),
            Provenance::RecordedBy {
                recorder: "yuki".to_owned(),
                commit: &yuki
            }
        );
        assert!(!same_email("", ""));
    }
}
