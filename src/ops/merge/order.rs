//! The order of a merged list, in time linear in the lists: entries are numbered
//! (`0..universe`), so membership is an array lookup and each new entry is placed by the entry
//! it follows, never by searching the result.

/// The order of a merged list of entries numbered below `universe`: ours, or theirs when only
/// they reordered what all three sides share; then what only the other side has, each right
/// after the entry it follows there (first when none does). `keep` says which entries the result
/// has. Each list holds an entry at most once.
pub(super) fn merge_order(
    universe: usize,
    base: &[usize],
    ours: &[usize],
    theirs: &[usize],
    keep: impl Fn(usize) -> bool,
) -> Vec<usize> {
    // Who reordered is decided on the entries all three sides share.
    const BASE: u8 = 1;
    const OURS: u8 = 2;
    const THEIRS: u8 = 4;
    let mut on = vec![0u8; universe];
    for (list, bit) in [(base, BASE), (ours, OURS), (theirs, THEIRS)] {
        for &k in list {
            if let Some(b) = on.get_mut(k) {
                *b |= bit;
            }
        }
    }
    let shared = |k: &&usize| on.get(**k) == Some(&(BASE | OURS | THEIRS));
    let same_order = |a: &[usize], b: &[usize]| a.iter().filter(shared).eq(b.iter().filter(shared));
    let (primary, secondary) = if same_order(ours, base) && !same_order(theirs, base) {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut in_primary = vec![false; universe];
    for &k in primary.iter().filter(|&&k| keep(k)) {
        if let Some(p) = in_primary.get_mut(k) {
            *p = true;
        }
    }
    // What only the secondary side has goes right after the kept entry before it there; that
    // entry is unique to it, so each entry has at most one follower and the result is the
    // primary order with those chains spliced in.
    let mut follower: Vec<Option<usize>> = vec![None; universe];
    let mut first = None;
    let mut last = None;
    for &k in secondary.iter().filter(|&&k| keep(k)) {
        if !in_primary.get(k).copied().unwrap_or(true) {
            match last.and_then(|p| follower.get_mut(p)) {
                Some(slot) => *slot = Some(k),
                None => first = Some(k),
            }
        }
        last = Some(k);
    }
    let mut out = Vec::with_capacity(primary.len() + secondary.len());
    let chain = |out: &mut Vec<usize>, mut next: Option<usize>| {
        while let Some(k) = next {
            out.push(k);
            next = follower.get(k).copied().flatten();
        }
    };
    chain(&mut out, first);
    for &k in primary.iter().filter(|&&k| keep(k)) {
        out.push(k);
        chain(&mut out, follower.get(k).copied().flatten());
    }
    out
}

/// Numbers the entries of three lists: each distinct entry gets one number below the returned
/// universe, in order of first appearance in base, ours, theirs.
pub(super) fn numbered<K: Eq + std::hash::Hash + Clone>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
) -> ([Vec<usize>; 3], Vec<K>) {
    let mut names: Vec<K> = Vec::new();
    let mut number: std::collections::HashMap<K, usize> = std::collections::HashMap::new();
    let mut lists = [Vec::new(), Vec::new(), Vec::new()];
    for (list, out) in [base, ours, theirs].into_iter().zip(&mut lists) {
        for k in list {
            let n = *number.entry(k.clone()).or_insert_with(|| {
                names.push(k.clone());
                names.len() - 1
            });
            out.push(n);
        }
    }
    (lists, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(base: &[&str], ours: &[&str], theirs: &[&str], drop: &[&str]) -> Vec<String> {
        let ([b, o, t], names) = numbered(base, ours, theirs);
        merge_order(names.len(), &b, &o, &t, |k| !drop.contains(&names[k]))
            .into_iter()
            .map(|k| names[k].to_owned())
            .collect()
    }

    #[test]
    fn new_entries_follow_their_predecessor_and_a_lone_reorder_wins() {
        assert_eq!(
            order(
                &["a", "b"],
                &["a", "b", "o"],
                &["t0", "a", "t1", "t2", "b"],
                &[]
            ),
            ["t0", "a", "t1", "t2", "b", "o"]
        );
        // Only theirs reordered: their order, our new entry after its predecessor.
        assert_eq!(
            order(
                &["a", "b", "c"],
                &["a", "b", "c", "o"],
                &["c", "b", "a"],
                &[]
            ),
            ["c", "o", "b", "a"]
        );
        // Both reordered: ours. Dropped entries leave no trace: a new entry whose
        // predecessor was dropped follows the kept one before that.
        assert_eq!(
            order(
                &["a", "b", "c"],
                &["b", "a", "c"],
                &["c", "a", "x", "b"],
                &["a"]
            ),
            ["b", "c", "x"]
        );
    }
}
