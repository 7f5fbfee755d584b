//! What a check can keep for the next one: the meeting table, the costliest thing a check works
//! out (one pass over a list that has three meetings for every account), made again only when
//! an edit could change it.
//!
//! The workbench's checker checks the plan after every key. A key typed in an account's notes, a
//! message's headline or a person's name changes no meeting and no id a meeting names, so the
//! table made for the last check still holds; a key in a meeting, or an item added, removed,
//! moved or given another id in the lists meetings name (people, accounts, messages), makes it
//! anew. The caller says what changed with [`Kept::edited`]; in debug builds every reuse is
//! compared with a table made afresh, so each test that checks through the workbench also
//! checks that rule.

use crate::check::context::Context;
use crate::check::meetings::MeetingTable;
use crate::check::{Finding, run_on};
use crate::model::{Date, Plan};
use crate::ops::patch::Patch;

/// Tables kept from the last check, for the next check of the same plan after an edit.
#[derive(Debug, Default)]
pub struct Kept {
    meetings: Option<MeetingTable>,
}

impl Kept {
    /// Notes an edit of the plan (forward or back): what it could change is made again at the
    /// next check.
    pub fn edited(&mut self, patch: &Patch) {
        let keeps_meetings = patch.meetings.is_same()
            && patch.people.keeps_ids()
            && patch.accounts.keeps_ids()
            && patch.messages.keeps_ids();
        if !keeps_meetings {
            self.meetings = None;
        }
    }

    /// Forgets everything: the next check is of another plan.
    pub fn forget(&mut self) {
        self.meetings = None;
    }

    /// Whether a meeting table is kept.
    pub fn has_meetings(&self) -> bool {
        self.meetings.is_some()
    }
}

/// [`crate::check::check`], reusing what `kept` holds from the last check of this plan (the
/// caller has told it every edit since, with [`Kept::edited`]) and keeping what this one works
/// out. The findings are the same as the full check's.
pub fn check_keeping(plan: &Plan, today: Date, kept: &mut Kept) -> Vec<Finding> {
    let mut ctx = Context::new(plan, today);
    if let Some(table) = kept.meetings.take() {
        debug_assert!(
            table.agrees_with(&ctx.fresh_meetings()),
            "a kept meeting table no longer holds: an edit was not noted with Kept::edited"
        );
        ctx = ctx.with_meetings(table);
    }
    let findings = run_on(&ctx);
    kept.meetings = ctx.into_meetings();
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::generate;

    /// After each edit, noted as the checker notes it, the check that keeps the table finds
    /// what the full check finds, and keeps the table only when the edit leaves it.
    #[test]
    fn a_check_that_keeps_the_meeting_table_finds_what_the_full_check_finds() {
        let mut plan = generate::generate(300, 5);
        let today = generate::today();
        let mut kept = Kept::default();
        assert_eq!(
            check_keeping(&plan, today, &mut kept),
            crate::check::check(&plan, today)
        );
        assert!(kept.has_meetings(), "the rules read the meetings");
        type Edit = fn(&mut Plan);
        let edits: [(&str, bool, Edit); 12] = [
            ("an account's notes", true, |p| {
                p.accounts[3].notes = Some("Typed".into())
            }),
            ("an account's name", true, |p| {
                p.accounts[3].name = "Renamed".into()
            }),
            ("an account's owner", true, |p| p.accounts[4].owner = None),
            ("a person's team", true, |p| {
                p.people[0].team = crate::model::Team::Marketing;
            }),
            ("a message's headline", true, |p| {
                p.messages[0].headline = "New".into()
            }),
            ("an account's id", false, |p| {
                p.accounts[5].id = "renamed-id".into()
            }),
            ("a person's id", false, |p| {
                p.people[1].id = "someone-else".into()
            }),
            ("a message removed", false, |p| {
                p.messages.remove(0);
            }),
            ("a meeting's room", false, |p| {
                p.meetings[2].location = Some("Hall 9".into())
            }),
            ("a meeting's start", false, |p| {
                p.meetings[0].start = p.meetings[1].start
            }),
            ("an account added in front", false, |p| {
                let a = p.accounts[0].clone();
                p.accounts.insert(0, a);
            }),
            ("a task's title", true, |p| {
                p.tasks[0].title = "Typed".into()
            }),
        ];
        for (what, keeps, edit) in edits {
            let before = plan.clone();
            edit(&mut plan);
            kept.edited(&Patch::between(&before, &plan));
            assert_eq!(kept.has_meetings(), keeps, "{what}");
            assert_eq!(
                check_keeping(&plan, today, &mut kept),
                crate::check::check(&plan, today),
                "{what}"
            );
        }
    }

    /// An edit nobody noted is caught: a debug build compares a kept table with a fresh one.
    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "an edit was not noted")]
    fn an_edit_not_noted_is_caught_in_debug_builds() {
        let mut plan = generate::generate(50, 5);
        let today = generate::today();
        let mut kept = Kept::default();
        check_keeping(&plan, today, &mut kept);
        plan.meetings[0].minutes += 30;
        check_keeping(&plan, today, &mut kept);
    }
}
