//! Edits that keep a plan consistent: sign-offs that pin the current text, and (for the
//! workbench) renames and deletions that follow references.

use crate::analysis::references::{self, RefField, Slot};
use crate::model::fingerprint::Signable;
use crate::model::{Date, Plan, Section, Signoff};

/// Records `by`'s agreement to the item's current text, replacing their earlier sign-off;
/// `entered_by` is the person who recorded it for them (kept only when it is someone else).
/// Returns what was signed, or `None` when there is no such item.
pub fn sign_off(
    plan: &mut Plan,
    section: Section,
    id: &str,
    by: &str,
    entered_by: Option<&str>,
    on: Date,
) -> Option<String> {
    match section {
        Section::Messages => plan
            .messages
            .iter_mut()
            .find(|x| x.id == id)
            .map(|x| sign_item(x, by, entered_by, on)),
        Section::Objectives => plan
            .objectives
            .iter_mut()
            .find(|x| x.id == id)
            .map(|x| sign_item(x, by, entered_by, on)),
        Section::Terms => plan
            .terms
            .iter_mut()
            .find(|x| x.id == id)
            .map(|x| sign_item(x, by, entered_by, on)),
        Section::Handoffs => plan
            .handoffs
            .iter_mut()
            .find(|x| x.id == id)
            .map(|x| sign_item(x, by, entered_by, on)),
        Section::Scoring => plan
            .scoring
            .as_mut()
            .filter(|_| id == "scoring" || id == "-")
            .map(|x| sign_item(x, by, entered_by, on)),
        _ => None,
    }
    .map(|()| format!("{section} `{id}`"))
}

/// Records `by`'s agreement to `item`'s current text on `on`, replacing their earlier sign-off;
/// `entered_by` is the person who recorded it for them (kept only when it is someone else).
pub fn sign_item<T: Signable>(item: &mut T, by: &str, entered_by: Option<&str>, on: Date) {
    let fingerprint = item.fingerprint();
    let signoffs = item.signoffs_mut();
    signoffs.retain(|s| s.by != by);
    signoffs.push(Signoff {
        by: by.to_owned(),
        on,
        fingerprint: Some(fingerprint),
        entered_by: entered_by.filter(|e| *e != by).map(str::to_owned),
    });
}

/// A place in the plan that names an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The section of the item that refers.
    pub section: Section,
    /// The index of that item in its list (0 for `scoring`).
    pub index: usize,
    /// The id of that item (`scoring` for scoring).
    pub id: String,
    /// The field that names the id.
    pub field: &'static str,
    /// Whether the item cannot exist without the id (a meeting's `account`, a handoff's `from`
    /// and `to`).
    pub required: bool,
}

/// The sections whose items hold references, in the order renames and deletions walk them and
/// [`referrers`] lists what it finds.
const WALK: [Section; 9] = [
    Section::Accounts,
    Section::Meetings,
    Section::Messages,
    Section::Handoffs,
    Section::Tasks,
    Section::Leads,
    Section::Objectives,
    Section::Terms,
    Section::Scoring,
];

/// The reference fields that point into `target`, holder by holder in [`WALK`] order.
fn fields_into(target: Section) -> impl Iterator<Item = (Section, Vec<&'static RefField>)> {
    WALK.into_iter().filter_map(move |holder| {
        let fields: Vec<&RefField> = references::fields_of(holder)
            .filter(|f| f.target == target)
            .collect();
        (!fields.is_empty()).then_some((holder, fields))
    })
}

/// Calls `f` with every reference field in the plan that points into `target`, item by item.
/// Values may be changed.
fn for_each_reference(plan: &mut Plan, target: Section, f: &mut dyn FnMut(&mut Slot<'_>)) {
    for (holder, fields) in fields_into(target) {
        for i in 0..plan.count(holder) {
            for field in &fields {
                if let Some(mut slot) = field.slot(plan, i) {
                    f(&mut slot);
                }
            }
        }
    }
}

/// Points the reference in `slot` at `to` where it names `id`, or drops it when `to` is `None`.
/// A required reference that is dropped is left as it is (its item would be removed or
/// reassigned by the caller).
fn replace(slot: &mut Slot<'_>, id: &str, to: Option<&str>) {
    match slot {
        Slot::Required(s) => {
            if let Some(to) = to.filter(|_| s.as_str() == id) {
                **s = to.to_owned();
            }
        }
        Slot::Opt(s) => {
            if s.as_deref() == Some(id) {
                **s = to.map(str::to_owned);
            }
        }
        Slot::List(l) => {
            match to {
                Some(to) => l
                    .iter_mut()
                    .filter(|x| x.as_str() == id)
                    .for_each(|x| *x = to.to_owned()),
                None => l.retain(|x| x != id),
            }
            dedup_keep_order(l);
        }
        Slot::Signoffs(l) => {
            match to {
                Some(to) => l
                    .iter_mut()
                    .filter(|s| s.by == id)
                    .for_each(|s| s.by = to.to_owned()),
                None => l.retain(|s| s.by != id),
            }
            // Who entered a sign-off follows a rename; gone, the sign-off stays theirs who agreed.
            for s in l.iter_mut().filter(|s| s.entered_by.as_deref() == Some(id)) {
                s.entered_by = to.map(str::to_owned);
            }
        }
        // A stage renamed is renamed in the lead's path; gone, the lead's entries of it go too.
        Slot::Reached(l) => match to {
            Some(to) => l
                .iter_mut()
                .filter(|r| r.stage == id)
                .for_each(|r| r.stage = to.to_owned()),
            None => l.retain(|r| r.stage != id),
        },
    }
}

fn dedup_keep_order(list: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    list.retain(|x| seen.insert(x.clone()));
}

/// Every place that names `id` of `section`, in plan order.
pub fn referrers(plan: &Plan, section: Section, id: &str) -> Vec<Reference> {
    let mut found = Vec::new();
    for (holder, fields) in fields_into(section) {
        let ids = plan.ids(holder);
        for i in 0..plan.count(holder) {
            for field in &fields {
                if field.ids(plan, i).any(|x| x == id) {
                    found.push(Reference {
                        section: holder,
                        index: i,
                        id: ids.get(i).copied().unwrap_or("scoring").to_owned(),
                        field: field.name,
                        required: field.required,
                    });
                }
            }
        }
    }
    found
}

/// Renames item `old` of `section` to `new` and updates every reference to it. Returns `false`
/// (and changes nothing) when there is no such item.
pub fn rename_id(plan: &mut Plan, section: Section, old: &str, new: &str) -> bool {
    let renamed = with_ids(plan, section, |ids| {
        let mut hit = false;
        for id in ids.into_iter().filter(|x| x.as_str() == old) {
            *id = new.to_owned();
            hit = true;
        }
        hit
    });
    if renamed {
        for_each_reference(plan, section, &mut |slot| replace(slot, old, Some(new)));
    }
    renamed
}

/// Points every reference to `id` of `section` at `to` instead (or drops optional references and
/// list entries when `to` is `None`).
///
/// A sign-off is a person's own agreement: it is never moved to someone else. Reassigning drops
/// the sign-offs of `id` (the new person has not agreed to anything yet).
pub fn reassign_references(plan: &mut Plan, section: Section, id: &str, to: Option<&str>) {
    for_each_reference(plan, section, &mut |slot| match slot {
        Slot::Signoffs(_) => replace(slot, id, None),
        _ => replace(slot, id, to),
    });
}

fn with_ids<R>(plan: &mut Plan, section: Section, f: impl FnOnce(Vec<&mut String>) -> R) -> R {
    use Section as S;
    let ids: Vec<&mut String> = match section {
        S::People => plan.people.iter_mut().map(|x| &mut x.id).collect(),
        S::Objectives => plan.objectives.iter_mut().map(|x| &mut x.id).collect(),
        S::Terms => plan.terms.iter_mut().map(|x| &mut x.id).collect(),
        S::Accounts => plan.accounts.iter_mut().map(|x| &mut x.id).collect(),
        S::Meetings => plan.meetings.iter_mut().map(|x| &mut x.id).collect(),
        S::Messages => plan.messages.iter_mut().map(|x| &mut x.id).collect(),
        S::Stages => plan.stages.iter_mut().map(|x| &mut x.id).collect(),
        S::Handoffs => plan.handoffs.iter_mut().map(|x| &mut x.id).collect(),
        S::Tasks => plan.tasks.iter_mut().map(|x| &mut x.id).collect(),
        S::Leads => plan.leads.iter_mut().map(|x| &mut x.id).collect(),
        S::Plan | S::Event | S::Scoring => Vec::new(),
    };
    f(ids)
}

/// Removes item `index` of a list section. Returns `false` when there is no such item.
pub fn remove_item(plan: &mut Plan, section: Section, index: usize) -> bool {
    fn remove<T>(list: &mut Vec<T>, index: usize) -> bool {
        (index < list.len()).then(|| list.remove(index)).is_some()
    }
    use Section as S;
    match section {
        S::People => remove(&mut plan.people, index),
        S::Objectives => remove(&mut plan.objectives, index),
        S::Terms => remove(&mut plan.terms, index),
        S::Accounts => remove(&mut plan.accounts, index),
        S::Meetings => remove(&mut plan.meetings, index),
        S::Messages => remove(&mut plan.messages, index),
        S::Stages => remove(&mut plan.stages, index),
        S::Handoffs => remove(&mut plan.handoffs, index),
        S::Tasks => remove(&mut plan.tasks, index),
        S::Leads => remove(&mut plan.leads, index),
        S::Plan | S::Event => false,
        S::Scoring => plan.scoring.take().is_some(),
    }
}

/// Copies item `index` of a list section right after it, with a fresh unique id and no
/// sign-offs (agreement is to the original, not the copy). Returns the copy's index.
pub fn duplicate_item(plan: &mut Plan, section: Section, index: usize) -> Option<usize> {
    let taken: Vec<String> = plan.ids(section).into_iter().map(str::to_owned).collect();
    let fresh =
        |id: &str| crate::model::unique_id(&format!("{id} copy"), taken.iter().map(String::as_str));
    fn dup<T: Clone>(list: &mut Vec<T>, index: usize, edit: impl FnOnce(&mut T)) -> Option<usize> {
        let mut copy = list.get(index)?.clone();
        edit(&mut copy);
        list.insert(index + 1, copy);
        Some(index + 1)
    }
    use Section as S;
    match section {
        S::People => dup(&mut plan.people, index, |x| {
            x.id = fresh(&x.id);
            x.name = copy(&x.name);
            x.email = None;
        }),
        S::Objectives => dup(&mut plan.objectives, index, |x| {
            x.id = fresh(&x.id);
            x.name = copy(&x.name);
            x.signoffs.clear();
        }),
        S::Terms => dup(&mut plan.terms, index, |x| {
            x.id = fresh(&x.id);
            x.term = copy(&x.term);
            x.signoffs.clear();
        }),
        S::Accounts => dup(&mut plan.accounts, index, |x| {
            x.id = fresh(&x.id);
            x.name = copy(&x.name);
            // A copy is no record in the CRM yet.
            x.crm_id = None;
        }),
        S::Meetings => dup(&mut plan.meetings, index, |x| x.id = fresh(&x.id)),
        S::Messages => dup(&mut plan.messages, index, |x| {
            x.id = fresh(&x.id);
            x.headline = copy(&x.headline);
            x.signoffs.clear();
        }),
        S::Stages => dup(&mut plan.stages, index, |x| {
            x.id = fresh(&x.id);
            x.name = copy(&x.name);
        }),
        S::Handoffs => dup(&mut plan.handoffs, index, |x| {
            x.id = fresh(&x.id);
            x.signoffs.clear();
        }),
        S::Tasks => dup(&mut plan.tasks, index, |x| {
            x.id = fresh(&x.id);
            x.title = copy(&x.title);
        }),
        S::Leads => dup(&mut plan.leads, index, |x| {
            x.id = fresh(&x.id);
            x.name = copy(&x.name);
            x.crm_id = None;
        }),
        S::Plan | S::Event | S::Scoring => None,
    }
}

/// The name of a copy, so it is never mistaken for the original in a picker.
fn copy(name: &str) -> String {
    format!("{name} (copy)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse;

    fn plan() -> Plan {
        parse(include_str!("../../tests/fixtures/spec-example.ron"))
            .expect("loads")
            .plan
    }

    #[test]
    fn rename_follows_every_reference() {
        let mut p = plan();
        assert!(rename_id(&mut p, Section::People, "ana", "ana-ruiz"));
        assert_eq!(p.people[0].id, "ana-ruiz");
        assert_eq!(p.accounts[0].owner.as_deref(), Some("ana-ruiz"));
        assert_eq!(p.meetings[0].people, vec!["ana-ruiz".to_owned()]);
        assert_eq!(p.messages[0].signoffs[0].by, "ana-ruiz");
        assert_eq!(p.handoffs[1].owner.as_deref(), Some("ana-ruiz"));
        assert!(referrers(&p, Section::People, "ana").is_empty());
        assert!(rename_id(
            &mut p,
            Section::Stages,
            "mql",
            "marketing-qualified"
        ));
        assert_eq!(p.handoffs[0].to, "marketing-qualified");
        assert_eq!(p.handoffs[1].from, "marketing-qualified");
        assert!(!rename_id(&mut p, Section::Stages, "nope", "x"));
    }

    #[test]
    fn referrers_name_item_and_field() {
        let p = plan();
        let refs = referrers(&p, Section::People, "ana");
        let fields: Vec<(Section, &str, &str)> = refs
            .iter()
            .map(|r| (r.section, r.id.as_str(), r.field))
            .collect();
        assert!(fields.contains(&(Section::Accounts, "acme", "owner")));
        assert!(fields.contains(&(Section::Meetings, "acme-demo", "people")));
        assert!(fields.contains(&(Section::Objectives, "pipeline", "signoffs")));
        assert_eq!(referrers(&p, Section::Accounts, "acme").len(), 1);
    }

    #[test]
    fn reassign_or_clear_references() {
        let mut p = plan();
        reassign_references(&mut p, Section::People, "ana", None);
        assert_eq!(p.accounts[0].owner, None);
        assert!(p.meetings[0].people.is_empty());
        assert!(p.messages[0].signoffs.is_empty());
        let mut p = plan();
        reassign_references(&mut p, Section::People, "ana", Some("mo"));
        assert_eq!(p.accounts[0].owner.as_deref(), Some("mo"));
        assert_eq!(p.accounts[0].marketing_owner.as_deref(), Some("mo"));
        assert!(
            p.messages[0].signoffs.iter().all(|s| s.by != "mo"),
            "no sign-off is forged"
        );
    }

    /// The spec example with a lead of Acme's, owned by Ana, that went visit → mql → sal, and
    /// an objective counting the leads that reach mql.
    fn with_lead() -> Plan {
        let mut p = plan();
        let at = |h| {
            crate::model::Date::from_ymd(2027, 3, 9).map_or_else(|| unreachable!(), |d| d.at(h, 0))
        };
        p.leads.push(crate::model::Lead {
            id: "jana".into(),
            name: "Jana Novak".into(),
            company: None,
            account: Some("acme".into()),
            crm_id: None,
            owner: Some("ana".into()),
            captured: at(10),
            pipeline: None,
            reached: ["visit", "mql", "sal"]
                .iter()
                .zip([10, 12, 15])
                .map(|(s, h)| crate::model::Reached {
                    stage: (*s).into(),
                    at: at(h),
                })
                .collect(),
        });
        p.objectives[0].measure = Some(crate::model::Measure::LeadsReaching("mql".into()));
        p
    }

    #[test]
    fn renames_follow_into_leads_and_measures() {
        let mut p = with_lead();
        assert!(rename_id(&mut p, Section::People, "ana", "ana-ruiz"));
        assert_eq!(p.leads[0].owner.as_deref(), Some("ana-ruiz"));
        assert!(rename_id(
            &mut p,
            Section::Accounts,
            "acme",
            "acme-hospitals"
        ));
        assert_eq!(p.leads[0].account.as_deref(), Some("acme-hospitals"));
        assert!(rename_id(
            &mut p,
            Section::Stages,
            "mql",
            "marketing-qualified"
        ));
        let stages: Vec<&str> = p.leads[0]
            .reached
            .iter()
            .map(|r| r.stage.as_str())
            .collect();
        assert_eq!(stages, ["visit", "marketing-qualified", "sal"]);
        assert_eq!(
            p.objectives[0].measure,
            Some(crate::model::Measure::LeadsReaching(
                "marketing-qualified".into()
            ))
        );
        let refs = referrers(&p, Section::Stages, "marketing-qualified");
        let places: Vec<(Section, &str, &str)> = refs
            .iter()
            .map(|r| (r.section, r.id.as_str(), r.field))
            .collect();
        assert!(places.contains(&(Section::Leads, "jana", "reached")));
        assert!(places.contains(&(Section::Objectives, "pipeline", "measure")));
    }

    #[test]
    fn deleting_what_a_lead_names_keeps_the_lead() {
        let mut p = with_lead();
        let report = delete_item(&mut p, Section::Accounts, 0, None).expect("deleted");
        // The meeting cannot exist without its account; the lead can.
        assert_eq!(
            report.removed,
            vec![(Section::Meetings, "acme-demo".to_owned())]
        );
        assert_eq!(p.leads.len(), 1);
        assert_eq!(p.leads[0].account, None);
        let mql = p.stages.iter().position(|s| s.id == "mql").expect("mql");
        delete_item(&mut p, Section::Stages, mql, None).expect("deleted");
        let stages: Vec<&str> = p.leads[0]
            .reached
            .iter()
            .map(|r| r.stage.as_str())
            .collect();
        assert_eq!(
            stages,
            ["visit", "sal"],
            "the lead's entry of mql goes with it"
        );
    }

    #[test]
    fn duplicate_gets_a_fresh_id_and_no_signoffs() {
        let mut p = plan();
        let at = duplicate_item(&mut p, Section::Messages, 0).expect("copied");
        assert_eq!(p.messages[at].id, "roi-copy");
        assert!(p.messages[at].signoffs.is_empty());
        assert!(remove_item(&mut p, Section::Messages, at));
        assert_eq!(p.messages.len(), 1);
        assert!(!remove_item(&mut p, Section::Messages, 7));
    }
}

/// What deleting an item did to the items that referred to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeleteReport {
    /// References pointed at another item.
    pub reassigned: usize,
    /// Optional references and list entries cleared.
    pub cleared: usize,
    /// Items removed because they cannot exist without the deleted one (a meeting without its
    /// account, a handoff without its stage).
    pub removed: Vec<(Section, String)>,
}

/// Deletes item `index` of `section`. References to it are pointed at `reassign` when given;
/// otherwise optional references are cleared and items that require it are deleted too.
pub fn delete_item(
    plan: &mut Plan,
    section: Section,
    index: usize,
    reassign: Option<&str>,
) -> Option<DeleteReport> {
    let id = plan.ids(section).get(index).map(|s| (*s).to_owned())?;
    let refs = referrers(plan, section, &id);
    let mut report = DeleteReport::default();
    // Another item with the same id keeps the references valid: only remove the item.
    let still_named = plan.ids(section).iter().filter(|x| **x == id).count() > 1;
    if !still_named {
        match reassign {
            Some(to) => {
                report.reassigned = refs.len();
                reassign_references(plan, section, &id, Some(to));
            }
            None => {
                let required: Vec<&Reference> = refs.iter().filter(|r| r.required).collect();
                report.cleared = refs.len() - required.len();
                let mut doomed: Vec<(Section, usize, String)> = required
                    .iter()
                    .map(|r| (r.section, r.index, r.id.clone()))
                    .collect();
                doomed.sort();
                doomed.dedup();
                reassign_references(plan, section, &id, None);
                for (s, i, item) in doomed.into_iter().rev() {
                    if remove_item(plan, s, i) {
                        report.removed.push((s, item));
                    }
                }
                report.removed.reverse();
            }
        }
    }
    remove_item(plan, section, index);
    Some(report)
}

#[cfg(test)]
mod delete_tests {
    use super::*;
    use crate::format::parse;

    #[test]
    fn deleting_an_account_takes_its_meetings_or_moves_them() {
        let text = include_str!("../../tests/fixtures/spec-example.ron");
        let mut p = parse(text).expect("loads").plan;
        let report = delete_item(&mut p, Section::Accounts, 0, None).expect("deleted");
        assert_eq!(
            report.removed,
            vec![(Section::Meetings, "acme-demo".to_owned())]
        );
        assert!(p.accounts.is_empty() && p.meetings.is_empty());

        let mut p = parse(text).expect("loads").plan;
        let report = delete_item(&mut p, Section::People, 0, Some("mo")).expect("deleted");
        assert!(report.reassigned > 0);
        assert_eq!(p.accounts[0].owner.as_deref(), Some("mo"));
        // Ana's sign-offs are hers alone: they go, they are not handed to Mo.
        assert!(p.messages[0].signoffs.is_empty());
        assert!(p.objectives[0].signoffs.iter().all(|s| s.by == "mo"));
        assert_eq!(p.objectives[0].signoffs.len(), 1);
        assert_eq!(p.people.len(), 1);
    }
}
