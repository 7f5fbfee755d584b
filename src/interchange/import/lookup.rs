//! Matching rows against the plan: the ids and names of its accounts or meetings, looked up in
//! constant time, the names a row's name is close to (a typo, a plural), and fresh ids for the
//! items a file adds.

use crate::interchange::import::text::fold;
use std::collections::HashMap;

/// The most edits a name of `len` letters may be from another to be close to it: one per ten
/// letters, three at most.
fn most_edits(len: usize) -> usize {
    (len / 10).min(3)
}

/// How many letters of each end of a name of `len` letters key its near misses: a little under
/// half of it for names that may be one edit away, so that one edit leaves one end whole; a
/// little under a third, or a quarter, for two or three edits (then a name with edits at both
/// ends may be missed). At least three.
fn end_letters(len: usize) -> usize {
    (len / (most_edits(len).max(1) + 1))
        .saturating_sub(1)
        .max(3)
}

/// The ids and names of a list (accounts, meetings), looked up in constant time, kept current as
/// rows add and rename items. A list of 10,000 accounts imports 10,000 rows in linear time.
pub(super) struct Lookup {
    ids: HashMap<String, usize>,
    names: HashMap<String, Vec<usize>>,
    /// Each item's name, folded, by its place in the list.
    folded: Vec<String>,
    /// Items by the first (`true`) or last letters of their folded name, its length in letters
    /// and its digits: the only ones a name can be close to (see [`Lookup::near`]).
    ends: HashMap<EndKey, Vec<usize>>,
}

impl Lookup {
    /// The lookup of `items`, by the id and name each gives.
    pub(super) fn new<'a, T: 'a>(
        items: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
        name: impl Fn(&'a T) -> &'a str,
    ) -> Lookup {
        let mut lookup = Lookup {
            ids: HashMap::with_capacity(items.len()),
            names: HashMap::with_capacity(items.len()),
            folded: Vec::with_capacity(items.len()),
            ends: HashMap::with_capacity(items.len()),
        };
        for (i, x) in items.iter().enumerate() {
            lookup.add(i, id(x), name(x));
        }
        lookup
    }

    /// The first item with this id.
    pub(super) fn id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The items whose name is `name`, case and accents ignored, in list order.
    pub(super) fn name(&self, name: &str) -> &[usize] {
        self.names.get(&fold(name)).map_or(&[], Vec::as_slice)
    }

    /// The items whose name is close to `name` but not the same, in list order: folded, the two
    /// differ by at most one edit (a letter added, dropped, changed, or two swapped) per ten
    /// letters, three at most, and hold the same digits ("Hall 2" is not close to "Hall 3").
    /// "Acme Hospital" is close to "Acme Hospitals", "Brenner Automotiv Components" to
    /// "Brenner Automotive Components"; names under ten letters are close to none. Only names
    /// that share their first or last part ([`end_letters`]) are compared, so a lookup looks at
    /// a handful of names among thousands.
    pub(super) fn near(&self, name: &str) -> Vec<usize> {
        let folded = fold(name);
        let len = folded.chars().count();
        let most = most_edits(len);
        if most == 0 {
            return Vec::new();
        }
        let mut found = Vec::new();
        for other_len in len.saturating_sub(most)..=len + most {
            for start in [true, false] {
                let key = end_key(&folded, start, other_len);
                for &i in self.ends.get(&key).map_or(&[][..], Vec::as_slice) {
                    if self.folded.get(i).is_some_and(|other| {
                        *other != folded
                            && may_be_within(&folded, other, most)
                            && distance(&folded, other) <= most
                    }) {
                        found.push(i);
                    }
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    /// Notes that item `i` has this id and name.
    pub(super) fn add(&mut self, i: usize, id: &str, name: &str) {
        self.ids.entry(id.to_owned()).or_insert(i);
        self.index_name(i, name);
    }

    /// Notes that item `i` is now called `new`, no longer `old`.
    pub(super) fn rename(&mut self, i: usize, old: &str, new: &str) {
        let old = fold(old);
        if let Some(at) = self.names.get_mut(&old) {
            at.retain(|&j| j != i);
        }
        let len = old.chars().count();
        for key in [end_key(&old, true, len), end_key(&old, false, len)] {
            if let Some(at) = self.ends.get_mut(&key) {
                at.retain(|&j| j != i);
            }
        }
        self.index_name(i, new);
    }

    /// Files item `i` under its name, folded, for [`Lookup::name`] and [`Lookup::near`].
    fn index_name(&mut self, i: usize, name: &str) {
        let folded = fold(name);
        let len = folded.chars().count();
        for key in [end_key(&folded, true, len), end_key(&folded, false, len)] {
            insert_sorted(self.ends.entry(key).or_default(), i);
        }
        if self.folded.len() <= i {
            self.folded.resize(i + 1, String::new());
        }
        if let Some(slot) = self.folded.get_mut(i) {
            slot.clone_from(&folded);
        }
        insert_sorted(self.names.entry(folded).or_default(), i);
    }

    /// An id made from `name` that no item has (as [`crate::model::unique_id`] makes it).
    pub(super) fn fresh_id(&self, name: &str) -> String {
        let base = crate::model::slug(name);
        if !self.ids.contains_key(&base) {
            return base;
        }
        (2u64..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !self.ids.contains_key(c))
            .unwrap_or(base)
    }
}

/// Puts `i` into a list kept in order.
fn insert_sorted(list: &mut Vec<usize>, i: usize) {
    let pos = list.partition_point(|&j| j < i);
    if list.get(pos) != Some(&i) {
        list.insert(pos, i);
    }
}

/// What [`Lookup::ends`] files a folded name under.
#[derive(PartialEq, Eq, Hash)]
struct EndKey {
    /// Whether `letters` are its first (else its last) letters.
    start: bool,
    /// Its first or last [`end_letters`] letters.
    letters: String,
    /// Its length in letters.
    len: usize,
    /// Its digits, in order: names with other digits are never close.
    digits: String,
}

/// The key a folded name is found by among names of `len` letters, by its first (`start`) or
/// last letters.
fn end_key(folded: &str, start: bool, len: usize) -> EndKey {
    let n = end_letters(len);
    let letters = if start {
        folded.chars().take(n).collect()
    } else {
        let total = folded.chars().count();
        folded.chars().skip(total.saturating_sub(n)).collect()
    };
    EndKey {
        start,
        letters,
        len,
        digits: folded.chars().filter(char::is_ascii_digit).collect(),
    }
}

/// The edit distance of two names (optimal string alignment: a swap of two letters is one edit),
/// measured on what lies between their common start and end, which is all that differs.
fn distance(a: &str, b: &str) -> usize {
    let start = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let (a, b) = (a.get(start..).unwrap_or(a), b.get(start..).unwrap_or(b));
    let end = a
        .char_indices()
        .rev()
        .zip(b.chars().rev())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, x), _)| {
            a.len() - i - x.len_utf8()
        });
    let (a, b) = (
        a.get(..a.len() - end).unwrap_or(a),
        b.get(..b.len() - end).unwrap_or(b),
    );
    strsim::osa_distance(a, b)
}

/// Whether `a` and `b` may be within `most` edits, told cheaply by counting letters: an edit
/// changes the counts of at most two letters by one (a swap changes none), so counts that differ
/// by more than twice `most` in all rule it out. Most names of a bucket are ruled out so, before
/// their [`distance`] is measured.
fn may_be_within(a: &str, b: &str, most: usize) -> bool {
    // Letters share 64 counters: two letters in one counter can only hide a difference, never
    // make one up, so nothing within `most` edits is ruled out.
    let mut counts = [0i32; 64];
    for (c, step) in a.chars().map(|c| (c, 1)).chain(b.chars().map(|c| (c, -1))) {
        if let Some(n) = counts.get_mut(c as usize % 64) {
            *n += step;
        }
    }
    let apart: u32 = counts.iter().map(|n| n.unsigned_abs()).sum();
    apart as usize <= 2 * most
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Lookup {
        Lookup::new(list, |n| n, |n| n)
    }

    #[test]
    fn typos_and_plurals_are_near_other_names_are_not() {
        let plan = [
            "Acme Hospitals",
            "Brenner Automotive Components",
            "Hall 2 Events GmbH",
            "Gdańsk Shipyard",
            "Mark",
        ];
        let lookup = names(&plan);
        assert_eq!(lookup.near("Acme Hospital"), [0]);
        assert_eq!(lookup.near("ACME  hospitalz"), [0]);
        assert_eq!(lookup.near("Brenner Automotiv Components"), [1]);
        assert_eq!(lookup.near("Brenner Autmootive Components"), [1]);
        assert_eq!(
            lookup.near("Brenner Automotive Components"),
            [] as [usize; 0]
        );
        assert_eq!(lookup.near("Hall 3 Events GmbH"), [] as [usize; 0]);
        assert_eq!(lookup.near("Gdansk Shipyards"), [3]);
        assert_eq!(lookup.near("Park"), [] as [usize; 0]);
        assert_eq!(lookup.near("Acme Hospitals and Clinics"), [] as [usize; 0]);
        assert_eq!(lookup.name("GDANSK shipyard"), [3]);
    }

    #[test]
    fn distances_count_only_what_differs() {
        assert_eq!(distance("acme hospitals", "acme hospital"), 1);
        assert_eq!(distance("acme hospital", "acme hospitals"), 1);
        assert_eq!(distance("abc", "zabc"), 1);
        assert_eq!(distance("xabc", "yabc"), 1);
        assert_eq!(distance("brenner automotvie", "brenner automotive"), 1);
        assert_eq!(distance("gdańsk", "gdansk"), 1);
        assert_eq!(distance("same", "same"), 0);
        assert_eq!(distance("", "abc"), 3);
        assert!(may_be_within("brenner automotvie", "brenner automotive", 1));
        assert!(may_be_within("acme hospital", "acme hospitals", 1));
        assert!(may_be_within("gdańsk", "gdansk", 1));
        assert!(!may_be_within(
            "pine medical school",
            "rowan medical school",
            1
        ));
    }

    #[test]
    fn renamed_items_are_near_by_their_new_name() {
        let mut lookup = names(&["Acme Hospitals", "Zeta Instruments"]);
        lookup.rename(0, "Acme Hospitals", "Orbital Clinics");
        assert_eq!(lookup.near("Acme Hospital"), [] as [usize; 0]);
        assert_eq!(lookup.near("Orbital Clinic"), [0]);
        lookup.add(2, "acme", "Acme Hospitals");
        assert_eq!(lookup.near("Acme Hospital"), [2]);
    }
}
