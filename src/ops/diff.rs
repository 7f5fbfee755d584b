//! What changed between two plans, item by item and field by field, matched by id.

use crate::check::maps::{HashMap, HashMapExt};
use crate::format::item_fields_at;
use crate::model::{Plan, Section};

/// One field that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's name in the file.
    pub field: String,
    /// Its value before, as written (`None`: absent).
    pub before: Option<String>,
    /// Its value after, as written (`None`: absent).
    pub after: Option<String>,
}

/// How an item changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// Only in the new plan.
    Added,
    /// Only in the old plan.
    Removed,
    /// In both, with these fields different.
    Changed(Vec<FieldChange>),
}

/// One item that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Its section.
    pub section: Section,
    /// Its id (`event` or `scoring` for single items).
    pub id: String,
    /// How.
    pub kind: ChangeKind,
}

/// Every item that differs between `old` and `new`, by section in file order; within a section,
/// changed and added items in the new plan's order, then removed ones in the old plan's order.
/// Items with the same id are matched in order of appearance.
pub fn diff(old: &Plan, new: &Plan) -> Vec<Change> {
    let mut out = Vec::new();
    if old.format != new.format {
        out.push(Change {
            section: Section::Plan,
            id: "format".to_owned(),
            kind: ChangeKind::Changed(vec![FieldChange {
                field: "format".to_owned(),
                before: Some(old.format.to_string()),
                after: Some(new.format.to_string()),
            }]),
        });
    }
    for section in Section::ALL {
        let before = ids_of(old, section);
        let after = ids_of(new, section);
        let (in_old, matched) = matched(&before, &after);
        for (j, (id, i)) in after.iter().zip(in_old).enumerate() {
            match i {
                None => out.push(Change {
                    section,
                    id: (*id).to_owned(),
                    kind: ChangeKind::Added,
                }),
                // Equal items write equal fields: only items that differ are written out.
                Some(i) if !same_item(old, new, section, i, j) => {
                    let changes = field_changes(
                        &item_fields_at(old, section, i),
                        &item_fields_at(new, section, j),
                    );
                    if !changes.is_empty() {
                        out.push(Change {
                            section,
                            id: (*id).to_owned(),
                            kind: ChangeKind::Changed(changes),
                        });
                    }
                }
                Some(_) => {}
            }
        }
        for (id, _) in before.iter().zip(&matched).filter(|(_, m)| !**m) {
            out.push(Change {
                section,
                id: (*id).to_owned(),
                kind: ChangeKind::Removed,
            });
        }
    }
    out
}

/// Pairs the items of two lists by id, the `n`-th with an id on one side with the `n`-th with
/// it on the other, through one index of the old list: for each new item, the old item it
/// matches; for each old item, whether one matches it.
fn matched(before: &[&str], after: &[&str]) -> (Vec<Option<usize>>, Vec<bool>) {
    // Where each id is first in the old list, and how often the new list has had it so far.
    let mut first: HashMap<&str, (usize, usize)> = HashMap::with_capacity(before.len());
    // Later occurrences of an id in the old list, which are rare.
    let mut repeats: HashMap<(&str, usize), usize> = HashMap::new();
    for (i, &id) in before.iter().enumerate() {
        match first.get_mut(id) {
            None => {
                first.insert(id, (i, 0));
            }
            Some(seen) => {
                seen.1 += 1;
                repeats.insert((id, seen.1 + 1), i);
            }
        }
    }
    for seen in first.values_mut() {
        seen.1 = 0;
    }
    let mut matched = vec![false; before.len()];
    let in_old = after
        .iter()
        .map(|&id| {
            let seen = first.get_mut(id)?;
            seen.1 += 1;
            let i = if seen.1 == 1 {
                seen.0
            } else {
                *repeats.get(&(id, seen.1))?
            };
            if let Some(m) = matched.get_mut(i) {
                *m = true;
            }
            Some(i)
        })
        .collect();
    (in_old, matched)
}

/// [`diff`], with the fields each change touches: those that differ for a changed item, and
/// every field for an added item (as `after`) or a removed one (as `before`), as written.
/// Added and removed items are found by id through one index per section and side, built when
/// first needed, so the cost grows with the plan, not with the plan times the changes.
pub fn diff_with_fields(old: &Plan, new: &Plan) -> Vec<(Change, Vec<FieldChange>)> {
    let mut index: HashMap<(Section, bool), HashMap<&str, usize>> = HashMap::new();
    diff(old, new)
        .into_iter()
        .map(|c| {
            let added = match &c.kind {
                ChangeKind::Changed(fields) => {
                    let fields = fields.clone();
                    return (c, fields);
                }
                ChangeKind::Added => true,
                ChangeKind::Removed => false,
            };
            let plan = if added { new } else { old };
            // The first item with the id, as the change names it.
            let at = index
                .entry((c.section, added))
                .or_insert_with(|| {
                    let mut first = HashMap::new();
                    for (i, id) in ids_of(plan, c.section).into_iter().enumerate() {
                        first.entry(id).or_insert(i);
                    }
                    first
                })
                .get(c.id.as_str())
                .copied();
            let fields = at
                .map(|i| item_fields_at(plan, c.section, i))
                .unwrap_or_default()
                .into_iter()
                .map(|(field, value)| FieldChange {
                    field,
                    before: (!added).then(|| value.clone()),
                    after: added.then_some(value),
                })
                .collect();
            (c, fields)
        })
        .collect()
}

/// The ids of a section's items as [`crate::format::item_fields`] names them: list ids, or
/// `event` and `scoring` for the single items.
fn ids_of(plan: &Plan, section: Section) -> Vec<&str> {
    match section {
        Section::Event => vec!["event"],
        Section::Scoring if plan.scoring.is_some() => vec!["scoring"],
        _ => plan.ids(section),
    }
}

/// Whether item `i` of `old` and item `j` of `new` in `section` are equal.
fn same_item(old: &Plan, new: &Plan, section: Section, i: usize, j: usize) -> bool {
    fn eq<T: PartialEq>(a: &[T], i: usize, b: &[T], j: usize) -> bool {
        matches!((a.get(i), b.get(j)), (Some(x), Some(y)) if x == y)
    }
    match section {
        Section::Plan => true,
        Section::Event => old.event == new.event,
        Section::Scoring => old.scoring == new.scoring,
        Section::People => eq(&old.people, i, &new.people, j),
        Section::Objectives => eq(&old.objectives, i, &new.objectives, j),
        Section::Terms => eq(&old.terms, i, &new.terms, j),
        Section::Accounts => eq(&old.accounts, i, &new.accounts, j),
        Section::Meetings => eq(&old.meetings, i, &new.meetings, j),
        Section::Messages => eq(&old.messages, i, &new.messages, j),
        Section::Stages => eq(&old.stages, i, &new.stages, j),
        Section::Handoffs => eq(&old.handoffs, i, &new.handoffs, j),
        Section::Tasks => eq(&old.tasks, i, &new.tasks, j),
        Section::Leads => eq(&old.leads, i, &new.leads, j),
    }
}

/// The entries of a list field that one side has and the other not, as `(removed, added)` in
/// list order, when both values are lists written one entry a line (or absent): how a lead's
/// `reached` change reads best, a stage at a time.
pub fn list_entries_changed(
    before: Option<&str>,
    after: Option<&str>,
) -> Option<(Vec<String>, Vec<String>)> {
    let entries = |value: Option<&str>| -> Option<Vec<String>> {
        match value {
            None => Some(Vec::new()),
            Some(v) => crate::ops::merge::split_list(v)
                .map(|(_, entries)| entries.into_iter().map(str::to_owned).collect()),
        }
    };
    let (before, after) = (entries(before)?, entries(after)?);
    let missing = |from: &[String], other: &[String]| -> Vec<String> {
        // Counted, so an entry written twice on one side and once on the other shows once.
        let mut left: HashMap<&str, usize> = HashMap::new();
        for e in other {
            *left.entry(e.as_str()).or_default() += 1;
        }
        from.iter()
            .filter(|e| match left.get_mut(e.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .cloned()
            .collect()
    };
    Some((missing(&before, &after), missing(&after, &before)))
}

fn field_changes(before: &[(String, String)], after: &[(String, String)]) -> Vec<FieldChange> {
    let find = |list: &[(String, String)], name: &str| {
        list.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    };
    let mut names: Vec<&str> = after.iter().map(|(n, _)| n.as_str()).collect();
    for (n, _) in before {
        if !names.contains(&n.as_str()) {
            names.push(n);
        }
    }
    names
        .into_iter()
        .filter_map(|name| {
            let (b, a) = (find(before, name), find(after, name));
            (b != a).then(|| FieldChange {
                field: name.to_owned(),
                before: b,
                after: a,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::parse;

    #[test]
    fn finds_added_removed_and_changed_fields() {
        let old = parse(include_str!("../../tests/fixtures/spec-example.ron"))
            .expect("loads")
            .plan;
        let mut new = old.clone();
        new.accounts[0].owner = Some("mo".into());
        new.accounts[0].notes = None;
        new.tasks.clear();
        new.people.push(crate::model::Person {
            id: "zoe".into(),
            name: "Zoe".into(),
            team: crate::model::Team::Sales,
            role: None,
            email: None,
            max_meetings_per_day: None,
        });
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 3, "{changes:#?}");
        assert_eq!(
            changes[0],
            Change {
                section: Section::People,
                id: "zoe".into(),
                kind: ChangeKind::Added
            }
        );
        let ChangeKind::Changed(fields) = &changes[1].kind else {
            panic!("changed")
        };
        assert_eq!(fields[0].field, "owner");
        assert_eq!(fields[0].before.as_deref(), Some("\"ana\""));
        assert_eq!(fields[0].after.as_deref(), Some("\"mo\""));
        assert_eq!(fields[1].field, "notes");
        assert_eq!(fields[1].after, None);
        assert_eq!(
            changes[2],
            Change {
                section: Section::Tasks,
                id: "staff-brief".into(),
                kind: ChangeKind::Removed
            }
        );
        assert!(diff(&old, &old).is_empty());
    }

    #[test]
    fn repeated_ids_pair_up_in_order() {
        let old = parse(include_str!("../../tests/fixtures/spec-example.ron"))
            .expect("loads")
            .plan;
        let mut before = old.clone();
        let first = before.accounts[0].clone();
        before.accounts.push(first.clone());
        let mut after = before.clone();
        after.accounts.push(first.clone());
        let last = after.accounts.len() - 2;
        after.accounts[last].notes = Some("The second one".into());
        let changes = diff(&before, &after);
        let kinds: Vec<(&str, bool)> = changes
            .iter()
            .map(|c| (c.id.as_str(), c.kind == ChangeKind::Added))
            .collect();
        assert_eq!(
            kinds,
            [(first.id.as_str(), false), (first.id.as_str(), true)]
        );
        assert!(matches!(&changes[0].kind, ChangeKind::Changed(f) if f[0].field == "notes"));
        // The second of three removed: the third is gone, the first two pair up.
        let changes = diff(&after, &before);
        assert_eq!(changes.len(), 2, "{changes:#?}");
        assert_eq!(changes[1].kind, ChangeKind::Removed);
    }

    #[test]
    fn list_entries_changed_names_each_entry() {
        let before = "[\n(stage: \"visit\", at: \"2027-04-13T11:20\"),\n(stage: \"mql\", at: \"2027-04-13T15:00\"),\n]";
        let after = "[\n(stage: \"mql\", at: \"2027-04-13T15:00\"),\n(stage: \"visit\", at: \"2027-04-13T11:20\"),\n(stage: \"sal\", at: \"2027-04-15T09:00\"),\n]";
        let (removed, added) = list_entries_changed(Some(before), Some(after)).expect("lists");
        assert!(removed.is_empty(), "a reorder removes nothing: {removed:?}");
        assert_eq!(added, ["(stage: \"sal\", at: \"2027-04-15T09:00\")"]);
        let (removed, added) = list_entries_changed(Some(after), None).expect("lists");
        assert_eq!((removed.len(), added.len()), (3, 0));
        assert_eq!(list_entries_changed(Some("\"x\""), None), None);
    }
}
