//! A lead's `reached` list, merged entry by entry: each entry is keyed by its stage (and, for a
//! stage entered more than once, by which time it is), so two people recording different stages
//! of one lead (sales the meeting that made it an opportunity, marketing the nurture email)
//! merge without a conflict. One entry changed two ways (the same stage given two different
//! times), or changed on one side and removed on the other, conflicts as the whole field, both
//! lists shown. When only one side changed the list, its list is taken as it is; a list merged
//! from both is written in time order (`reached` is read in any order, so nothing depends on it,
//! and a person reads a path top to bottom).

use super::{merge_order, merge_value, split_list};
use std::collections::HashMap;

/// The three-way merge of a lead's written `reached` values (`None`: absent), entry by entry:
/// `Some(merged)`, or `None` when an entry conflicts.
pub(super) fn merge_reached(
    base: &Option<String>,
    ours: &Option<String>,
    theirs: &Option<String>,
) -> Option<Option<String>> {
    if let Some(whole) = merge_value(base, ours, theirs) {
        return Some(whole);
    }
    let (b, o, t) = (entries(base)?, entries(ours)?, entries(theirs)?);
    let map = |list: &[(Key, String)]| -> HashMap<Key, String> { list.iter().cloned().collect() };
    let keys =
        |list: &[(Key, String)]| -> Vec<Key> { list.iter().map(|(k, _)| k.clone()).collect() };
    let (bm, om, tm) = (map(&b), map(&o), map(&t));
    let mut merged: HashMap<Key, String> = HashMap::new();
    for key in keys(&o).into_iter().chain(keys(&t)).chain(keys(&b)) {
        let value = merge_value(
            &bm.get(&key).cloned(),
            &om.get(&key).cloned(),
            &tm.get(&key).cloned(),
        )?;
        if let Some(v) = value {
            merged.insert(key, v);
        }
    }
    let order = merge_order(&keys(&b), &keys(&o), &keys(&t), |k| merged.contains_key(k));
    let mut list: Vec<&String> = order.iter().filter_map(|k| merged.get(k)).collect();
    // Stable: entries at the same time keep the merged order.
    list.sort_by_key(|e| e.rsplit_once(", at: ").map(|(_, at)| at.to_owned()));
    let lines: Vec<String> = list.iter().map(|e| format!("{e},")).collect();
    Some((!lines.is_empty()).then(|| format!("[\n{}\n]", lines.join("\n"))))
}

/// An entry's stage as written, and which entry of that stage it is (1 for the first).
type Key = (String, usize);

/// The entries of a written `reached` value, keyed; `None` when it is not a list written one
/// entry a line (then the field merges as a whole).
fn entries(value: &Option<String>) -> Option<Vec<(Key, String)>> {
    let Some(value) = value else {
        return Some(Vec::new());
    };
    let (open, elements) = split_list(value)?;
    if open != "[" {
        return None;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    Some(
        elements
            .into_iter()
            .map(|e| {
                // `(stage: "sal", at: "2027-04-15T09:00")`: the time never holds `, at: `.
                let stage = e.rsplit_once(", at: ").map_or(e, |(s, _)| s).to_owned();
                let n = seen.entry(stage.clone()).or_default();
                *n += 1;
                ((stage, *n), e.to_owned())
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(entries: &[&str]) -> Option<String> {
        (!entries.is_empty()).then(|| {
            let lines: Vec<String> = entries.iter().map(|e| format!("{e},")).collect();
            format!("[\n{}\n]", lines.join("\n"))
        })
    }

    const VISIT: &str = "(stage: \"visit\", at: \"2027-04-13T11:20\")";
    const MQL: &str = "(stage: \"mql\", at: \"2027-04-13T15:00\")";
    const MQL_LATER: &str = "(stage: \"mql\", at: \"2027-04-14T15:00\")";
    const SAL: &str = "(stage: \"sal\", at: \"2027-04-15T09:00\")";

    #[test]
    fn different_stages_added_on_each_side_merge() {
        let merged = merge_reached(&list(&[VISIT]), &list(&[VISIT, MQL]), &list(&[VISIT, SAL]));
        assert_eq!(merged, Some(list(&[VISIT, MQL, SAL])));
        // Merged from both sides, the list is in time order.
        let merged = merge_reached(&list(&[VISIT]), &list(&[VISIT, SAL]), &list(&[MQL, VISIT]));
        assert_eq!(merged, Some(list(&[VISIT, MQL, SAL])));
        // From nothing on both sides too.
        let merged = merge_reached(&None, &list(&[MQL]), &list(&[SAL]));
        assert_eq!(merged, Some(list(&[MQL, SAL])));
        // A removal on one side is kept.
        let merged = merge_reached(
            &list(&[VISIT, MQL]),
            &list(&[VISIT]),
            &list(&[VISIT, MQL, SAL]),
        );
        assert_eq!(merged, Some(list(&[VISIT, SAL])));
        assert_eq!(
            merge_reached(&list(&[VISIT]), &None, &list(&[VISIT])),
            Some(None)
        );
    }

    #[test]
    fn one_stage_given_two_times_conflicts() {
        let base = list(&[VISIT, MQL]);
        assert_eq!(
            merge_reached(&base, &list(&[VISIT, MQL_LATER]), &list(&[VISIT, MQL, SAL])),
            Some(list(&[VISIT, MQL_LATER, SAL]))
        );
        assert_eq!(
            merge_reached(
                &list(&[VISIT]),
                &list(&[VISIT, MQL_LATER]),
                &list(&[VISIT, MQL])
            ),
            None
        );
        assert_eq!(
            merge_reached(&base, &list(&[VISIT, MQL_LATER]), &list(&[VISIT])),
            None,
            "changed on one side, removed on the other"
        );
    }

    #[test]
    fn a_stage_entered_twice_keeps_both_entries() {
        let again = "(stage: \"visit\", at: \"2027-05-02T10:00\")";
        let merged = merge_reached(
            &list(&[VISIT]),
            &list(&[VISIT, again]),
            &list(&[VISIT, MQL]),
        );
        assert_eq!(merged, Some(list(&[VISIT, MQL, again])), "in time order");
    }
}
