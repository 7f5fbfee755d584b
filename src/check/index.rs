//! The plan's items by id: the first item of each id in the sections the rules look up by id
//! (people, accounts, messages, stages), and the census of repeated and malformed ids.

use crate::check::maps::{HashMap, HashMapExt};
use crate::model::is_valid_id;

/// The first item with each id, in the sections looked up by id.
pub(super) struct Index<'a> {
    /// People by id.
    pub(super) people: HashMap<&'a str, usize>,
    /// Accounts by id.
    pub(super) accounts: HashMap<&'a str, usize>,
    /// Messages by id.
    pub(super) messages: HashMap<&'a str, usize>,
    /// Stages by id.
    pub(super) stages: HashMap<&'a str, usize>,
}

impl Index<'_> {
    /// The index of the person with this id.
    pub(super) fn person(&self, id: &str) -> Option<usize> {
        self.people.get(id).copied()
    }

    /// The index of the account with this id.
    pub(super) fn account(&self, id: &str) -> Option<usize> {
        self.accounts.get(id).copied()
    }

    /// The index of the message with this id.
    pub(super) fn message(&self, id: &str) -> Option<usize> {
        self.messages.get(id).copied()
    }

    /// The index of the stage with this id.
    pub(super) fn stage(&self, id: &str) -> Option<usize> {
        self.stages.get(id).copied()
    }
}

/// What one look at every id of a list section finds. The sections indexed by id (people,
/// accounts, messages, stages) are counted while they are indexed, the others on first use, so
/// no rule reads the ids of a long list again.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct IdCensus {
    /// Items whose id an earlier item already has, with that earlier (first) item, in item order.
    pub repeats: Vec<(usize, usize)>,
    /// Items whose id is not well formed (empty, or not only `a-z`, `0-9` and `-`), in item order.
    pub malformed: Vec<usize>,
}

/// The index of the first item with each id, and the census of the ids.
pub(super) fn index_by_id<'a>(
    ids: impl ExactSizeIterator<Item = &'a str>,
) -> (HashMap<&'a str, usize>, IdCensus) {
    let mut map = HashMap::with_capacity(ids.len());
    let mut census = IdCensus::default();
    for (i, id) in ids.enumerate() {
        census.count(&mut map, i, id);
    }
    (map, census)
}

impl IdCensus {
    /// Counts item `i`, whose id is `id`, into the census and `map` (of first items by id).
    fn count<'a>(&mut self, map: &mut HashMap<&'a str, usize>, i: usize, id: &'a str) {
        let first = *map.entry(id).or_insert(i);
        if first != i {
            self.repeats.push((i, first));
        }
        if !is_valid_id(id) {
            self.malformed.push(i);
        }
    }
}

/// The id census of a long list that needs no map by id afterwards (the meetings).
///
/// A map of a few hundred thousand ids is far larger than a processor's caches, and putting each
/// id in it is a wait on memory. So each id's hash first marks a bit in a bitmap of eight bits per
/// item, small enough to stay in the cache. Only the ids whose bit some other id also marked go
/// through a map by id: every repeated id, and about one in eight of the others.
pub(super) fn sparse_census<'a>(n: usize, id_at: impl Fn(usize) -> &'a str) -> IdCensus {
    use std::hash::BuildHasher;
    let bits = (n * 8).next_power_of_two().max(64);
    let shift = 64 - bits.trailing_zeros();
    let mut once = vec![0u64; bits / 64];
    let mut twice = vec![0u64; bits / 64];
    let marked =
        |map: &[u64], bit: usize| map.get(bit / 64).is_some_and(|w| w >> (bit % 64) & 1 == 1);
    let mut bit_of = Vec::with_capacity(n);
    let mut census = IdCensus::default();
    let state = foldhash::fast::FixedState::default();
    for i in 0..n {
        let id = id_at(i);
        let bit = (state.hash_one(id) >> shift) as usize;
        let map = if marked(&once, bit) {
            &mut twice
        } else {
            &mut once
        };
        if let Some(word) = map.get_mut(bit / 64) {
            *word |= 1 << (bit % 64);
        }
        bit_of.push(bit);
        if !is_valid_id(id) {
            census.malformed.push(i);
        }
    }
    let mut first = HashMap::new();
    for (i, &bit) in bit_of.iter().enumerate() {
        if marked(&twice, bit) {
            let earlier = *first.entry(id_at(i)).or_insert(i);
            if earlier != i {
                census.repeats.push((i, earlier));
            }
        }
    }
    census
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bitmap census finds what a plain map by id finds, with few and with many repeats,
    /// and with ids that share their bit without being the same.
    #[test]
    fn sparse_census_matches_a_map_by_id() {
        for (n, distinct) in [
            (0, 1),
            (1, 1),
            (5, 2),
            (300, 7),
            (3_000, 2_500),
            (20_000, 19_000),
        ] {
            let ids: Vec<String> = (0..n)
                .map(|i| match (i * 7_919) % distinct {
                    13 => "Bad id".to_owned(),
                    k => format!("id-{k}"),
                })
                .collect();
            let plain = index_by_id(ids.iter().map(String::as_str)).1;
            let sparse = sparse_census(n, |i| ids.get(i).map_or("", String::as_str));
            assert_eq!(sparse.repeats, plain.repeats, "{n} ids");
            assert_eq!(sparse.malformed, plain.malformed, "{n} ids");
        }
    }
}
