//! Matching rows against the plan: the ids and names of its accounts or meetings, looked up in
//! constant time, the names a row's name is close to (a typo, a plural), and fresh ids for the
//! items a file adds.

use crate::interchange::import::text::fold;
use std::collections::HashMap;

/// How many letters of each end of a name key its near misses: a name and one a typo away share
/// the first or the last letters (one edit cannot change both ends of a name of ten letters).
const END_LETTERS: usize = 4;

/// The ids and names of a list (accounts, meetings), looked up in constant time, kept current as
/// rows add and rename items. A list of 10,000 accounts imports 10,000 rows in linear time.
pub(super) struct Lookup {
    ids: HashMap<String, usize>,
    names: HashMap<String, Vec<usize>>,
    /// Each item's name, folded, by its place in the list.
    folded: Vec<String>,
    /// Items by the first (`true`) or last letters of their folded name and its length in
    /// letters: the only ones a name can be close to (see [`Lookup::near`]).
    ends: HashMap<(bool, String, usize), Vec<usize>>,
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
    /// that share the first or the last four letters are compared, so a lookup stays quick
    /// among thousands.
    pub(super) fn near(&self, name: &str) -> Vec<usize> {
        let folded = fold(name);
        let len = folded.chars().count();
        let most = (len / 10).min(3);
        if most == 0 {
            return Vec::new();
        }
        let digits = digits_of(&folded);
        let mut found = Vec::new();
        for other_len in len.saturating_sub(most)..=len + most {
            for start in [true, false] {
                let key = (start, end_of(&folded, start), other_len);
                for &i in self.ends.get(&key).map_or(&[][..], Vec::as_slice) {
                    let Some(other) = self.folded.get(i) else {
                        continue;
                    };
                    if *other != folded
                        && digits_of(other) == digits
                        && strsim::osa_distance(&folded, other) <= most
                    {
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
        for key in end_keys(&old) {
            if let Some(at) = self.ends.get_mut(&key) {
                at.retain(|&j| j != i);
            }
        }
        self.index_name(i, new);
    }

    /// Files item `i` under its name, folded, for [`Lookup::name`] and [`Lookup::near`].
    fn index_name(&mut self, i: usize, name: &str) {
        let folded = fold(name);
        for key in end_keys(&folded) {
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

/// The first or last [`END_LETTERS`] letters of a folded name.
fn end_of(folded: &str, start: bool) -> String {
    if start {
        folded.chars().take(END_LETTERS).collect()
    } else {
        let skip = folded.chars().count().saturating_sub(END_LETTERS);
        folded.chars().skip(skip).collect()
    }
}

/// The keys a folded name is filed under in [`Lookup::ends`].
fn end_keys(folded: &str) -> [(bool, String, usize); 2] {
    let len = folded.chars().count();
    [
        (true, end_of(folded, true), len),
        (false, end_of(folded, false), len),
    ]
}

/// The digits of a name, in order.
fn digits_of(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
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
    fn renamed_items_are_near_by_their_new_name() {
        let mut lookup = names(&["Acme Hospitals", "Zeta Instruments"]);
        lookup.rename(0, "Acme Hospitals", "Orbital Clinics");
        assert_eq!(lookup.near("Acme Hospital"), [] as [usize; 0]);
        assert_eq!(lookup.near("Orbital Clinic"), [0]);
        lookup.add(2, "acme", "Acme Hospitals");
        assert_eq!(lookup.near("Acme Hospital"), [2]);
    }
}
