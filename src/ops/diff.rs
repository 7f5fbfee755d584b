//! What changed between two plans, item by item and field by field, matched by id.

use crate::check::maps::{HashMap, HashMapExt, HashSet};
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
        // Occurrence-numbered ids, so duplicates pair up in order.
        let before_keys = numbered(&before);
        let after_keys = numbered(&after);
        let old_index: HashMap<(&str, usize), usize> = before_keys
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i))
            .collect();
        let new_set: HashSet<(&str, usize)> = after_keys.iter().copied().collect();
        for (j, k) in after_keys.iter().enumerate() {
            match old_index.get(k) {
                None => out.push(Change {
                    section,
                    id: k.0.to_owned(),
                    kind: ChangeKind::Added,
                }),
                // Equal items write equal fields: only items that differ are written out.
                Some(&i) if !same_item(old, new, section, i, j) => {
                    let changes = field_changes(
                        &item_fields_at(old, section, i),
                        &item_fields_at(new, section, j),
                    );
                    if !changes.is_empty() {
                        out.push(Change {
                            section,
                            id: k.0.to_owned(),
                            kind: ChangeKind::Changed(changes),
                        });
                    }
                }
                Some(_) => {}
            }
        }
        for k in &before_keys {
            if !new_set.contains(k) {
                out.push(Change {
                    section,
                    id: k.0.to_owned(),
                    kind: ChangeKind::Removed,
                });
            }
        }
    }
    out
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

/// Each id with how many times it has appeared so far (1 for the first).
fn numbered<'a>(ids: &[&'a str]) -> Vec<(&'a str, usize)> {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
    ids.iter()
        .map(|&id| {
            let n = seen.entry(id).or_default();
            *n += 1;
            (id, *n)
        })
        .collect()
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
