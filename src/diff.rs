//! What changed between two plans, item by item and field by field, matched by id.

use crate::format::item_fields;
use crate::model::{Plan, Section};
use std::collections::HashMap;

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
        let before = item_fields(old, section);
        let after = item_fields(new, section);
        // Occurrence-numbered ids, so duplicates pair up in order.
        let key = |items: &[(String, Vec<(String, String)>)]| -> Vec<(String, usize)> {
            let mut seen: HashMap<&str, usize> = HashMap::new();
            items
                .iter()
                .map(|(id, _)| {
                    let n = seen.entry(id.as_str()).or_default();
                    *n += 1;
                    (id.clone(), *n)
                })
                .collect()
        };
        let before_keys = key(&before);
        let after_keys = key(&after);
        let old_index: HashMap<&(String, usize), usize> = before_keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        let new_set: std::collections::HashSet<&(String, usize)> = after_keys.iter().collect();
        for (k, (id, fields)) in after_keys.iter().zip(&after) {
            match old_index.get(k).and_then(|&i| before.get(i)) {
                None => out.push(Change {
                    section,
                    id: id.clone(),
                    kind: ChangeKind::Added,
                }),
                Some((_, old_fields)) => {
                    let changes = field_changes(old_fields, fields);
                    if !changes.is_empty() {
                        out.push(Change {
                            section,
                            id: id.clone(),
                            kind: ChangeKind::Changed(changes),
                        });
                    }
                }
            }
        }
        for (k, (id, _)) in before_keys.iter().zip(&before) {
            if !new_set.contains(k) {
                out.push(Change {
                    section,
                    id: id.clone(),
                    kind: ChangeKind::Removed,
                });
            }
        }
    }
    out
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
        let old = parse(include_str!("../tests/fixtures/spec-example.ron"))
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
}
