//! A lead's `reached` list, merged entry by entry: each entry is keyed by its stage (and, for a
//! stage entered more than once, by which time it is), so two people recording different stages
//! of one lead (sales the meeting that made it an opportunity, marketing the nurture email)
//! merge without a conflict. One entry changed two ways (the same stage given two different
//! times), or changed on one side and removed on the other, conflicts as the whole field, both
//! lists shown. When only one side changed the list, its list is taken as it is; a list merged
//! from both is written in time order (`reached` is read in any order, so nothing depends on it,
//! and a person reads a path top to bottom).

use super::order::{merge_order, numbered};
use super::{merge_value, split_list};
use std::collections::HashMap;
use std::hash::Hash;

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
    let list = merge_entries(
        &b,
        &o,
        &t,
        // `(stage: "sal", at: "2027-04-15T09:00")`: the time never holds `, at: `.
        |e| e.rsplit_once(", at: ").map_or(*e, |(s, _)| s).to_owned(),
        |e| e.rsplit_once(", at: ").map(|(_, at)| at.to_owned()),
    )?;
    let lines: Vec<String> = list.iter().map(|e| format!("{e},")).collect();
    Some((!lines.is_empty()).then(|| format!("[\n{}\n]", lines.join("\n"))))
}

/// The entry-by-entry merge of three lists of entries, each keyed by its `stage` and which entry
/// of that stage it is (1 for the first): the merged list in time order (`at`; stable, so
/// entries at the same time keep the merged order), or `None` when an entry conflicts. Used for
/// the loaded model and for the written text alike.
pub(super) fn merge_entries<E: Clone + PartialEq, K: Eq + Hash + Clone>(
    base: &[E],
    ours: &[E],
    theirs: &[E],
    stage: impl Fn(&E) -> K,
    at: impl Fn(&E) -> Option<String>,
) -> Option<Vec<E>> {
    let keyed = |list: &[E]| -> Vec<(K, usize)> {
        let mut seen: HashMap<K, usize> = HashMap::new();
        list.iter()
            .map(|e| {
                let k = stage(e);
                let n = seen.entry(k.clone()).or_default();
                *n += 1;
                (k, *n)
            })
            .collect()
    };
    let ([b, o, t], names) = numbered(&keyed(base), &keyed(ours), &keyed(theirs));
    let universe = names.len();
    let value = |list: &[E], numbers: &[usize]| -> Vec<Option<E>> {
        let mut out = vec![None; universe];
        for (e, &k) in list.iter().zip(numbers) {
            if let Some(slot) = out.get_mut(k) {
                *slot = Some(e.clone());
            }
        }
        out
    };
    let (bv, ov, tv) = (value(base, &b), value(ours, &o), value(theirs, &t));
    let mut merged: Vec<Option<E>> = Vec::with_capacity(universe);
    for ((b, o), t) in bv.into_iter().zip(ov).zip(tv) {
        merged.push(if o == t || b == t {
            o
        } else if b == o {
            t
        } else {
            return None;
        });
    }
    let order = merge_order(universe, &b, &o, &t, |k| {
        merged.get(k).is_some_and(Option::is_some)
    });
    let mut list: Vec<E> = order
        .into_iter()
        .filter_map(|k| merged.get(k).cloned().flatten())
        .collect();
    list.sort_by_cached_key(|e| at(e));
    Some(list)
}

/// The entries of a written `reached` value; `None` when it is not a list written one entry a
/// line (then the field merges as a whole).
fn entries(value: &Option<String>) -> Option<Vec<&str>> {
    let Some(value) = value else {
        return Some(Vec::new());
    };
    let (open, elements) = split_list(value)?;
    (open == "[").then_some(elements)
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
