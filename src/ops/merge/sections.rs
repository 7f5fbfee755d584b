//! One section merged item by item: the three sides' items matched by id through one index
//! (the `n`-th item with an id matches the `n`-th with that id on the other sides), each
//! compared on the loaded model, and the result's order worked out in linear time.

use super::base::BaseSide;
use super::items::Item;
use super::order::merge_order;
use super::{Conflict, ConflictKind, FieldSlot, Side, merge_fields};
use crate::check::maps::{HashMap, HashMapExt};
use crate::format::written_fields;
use crate::model::Section;

/// One item of the merged section, by its index on a side.
#[derive(Debug)]
pub(super) enum Pick<T> {
    /// Our item, as it is.
    Ours(usize),
    /// Their item, as it is.
    Theirs(usize),
    /// Merged field by field from both.
    Merged(Box<T>),
    /// Merged field by field, with some fields changed two ways: each field as written.
    Fields(Vec<FieldSlot>),
    /// A whole-item conflict: the item on each side, or `None` where it was deleted (or, for
    /// the base, not there yet).
    Whole {
        base: Option<usize>,
        ours: Option<usize>,
        theirs: Option<usize>,
    },
}

/// Merges one section's items; what conflicts is added to `conflicts`, in the result's order.
pub(super) fn merge_section<T: Item>(
    section: Section,
    base: BaseSide<'_, T>,
    [ours, theirs]: [&[T]; 2],
    conflicts: &mut Vec<Conflict>,
) -> Vec<Pick<T>> {
    let keys = Keys::of(base, ours, theirs);
    let universe = keys.at.len();
    let mut decided: Vec<Option<(Pick<T>, Option<ConflictKind>)>> = Vec::with_capacity(universe);
    for &[b, o, t] in &keys.at {
        fn get<T>(list: &[T], i: Option<usize>) -> Option<(usize, &T)> {
            i.and_then(|i| list.get(i).map(|x| (i, x)))
        }
        let bi = b.and_then(|b| base.get(b).map(|x| (b, x)));
        let (oi, ti) = (get(ours, o), get(theirs, t));
        let fields = |b: &T, o: &T, t: &T| {
            merge_fields(
                section,
                &written_fields(b),
                &written_fields(o),
                &written_fields(t),
            )
        };
        let outcome = match (bi, oi, ti) {
            (_, Some((o, of)), Some((_, tf))) if of.same(tf) => Some((Pick::Ours(o), None)),
            (Some((_, bf)), Some((o, of)), Some((t, tf))) => Some(if bf.same(tf) {
                (Pick::Ours(o), None)
            } else if bf.same(of) {
                (Pick::Theirs(t), None)
            } else if let Some(merged) = T::merge(bf, of, tf) {
                (Pick::Merged(Box::new(merged)), None)
            } else {
                let (slots, clashes) = fields(bf, of, tf);
                (Pick::Fields(slots), Some(ConflictKind::Fields(clashes)))
            }),
            (Some((b, bf)), Some((o, of)), None) => (!of.same(bf)).then_some((
                Pick::Whole {
                    base: Some(b),
                    ours: Some(o),
                    theirs: None,
                },
                Some(ConflictKind::EditedAndDeleted {
                    deleted_by: Side::Theirs,
                }),
            )),
            (Some((b, bf)), None, Some((t, tf))) => (!tf.same(bf)).then_some((
                Pick::Whole {
                    base: Some(b),
                    ours: None,
                    theirs: Some(t),
                },
                Some(ConflictKind::EditedAndDeleted {
                    deleted_by: Side::Ours,
                }),
            )),
            (None, Some((o, _)), Some((t, _))) => Some((
                Pick::Whole {
                    base: None,
                    ours: Some(o),
                    theirs: Some(t),
                },
                Some(ConflictKind::AddedDifferently),
            )),
            (None, Some((o, _)), None) => Some((Pick::Ours(o), None)),
            (None, None, Some((t, _))) => Some((Pick::Theirs(t), None)),
            (_, None, None) => None,
        };
        decided.push(outcome);
    }
    let [b, o, t] = &keys.sides;
    let order = merge_order(universe, b, o, t, |k| {
        decided.get(k).is_some_and(Option::is_some)
    });
    let mut picks = Vec::with_capacity(order.len());
    for k in order {
        let Some((pick, kind)) = decided.get_mut(k).and_then(Option::take) else {
            continue;
        };
        if let Some(kind) = kind {
            let id = match &pick {
                Pick::Ours(i) | Pick::Whole { ours: Some(i), .. } => ours.get(*i),
                Pick::Theirs(i)
                | Pick::Whole {
                    theirs: Some(i), ..
                } => theirs.get(*i),
                _ => keys
                    .at
                    .get(k)
                    .and_then(|[b, _, _]| b.and_then(|b| base.get(b))),
            };
            conflicts.push(Conflict {
                section,
                id: id.map_or_else(String::new, |x| x.id().to_owned()),
                kind,
            });
        }
        picks.push(pick);
    }
    picks
}

/// The items of three sides numbered by key (id and occurrence): each distinct key once, with
/// where it is on each side.
pub(super) struct Keys {
    /// Each key's index on base, ours and theirs.
    pub(super) at: Vec<[Option<usize>; 3]>,
    /// Each side's items as key numbers, in list order.
    pub(super) sides: [Vec<usize>; 3],
}

impl Keys {
    /// The keys of one section's items on the three sides.
    pub(super) fn of<'a, T: Item>(base: BaseSide<'a, T>, ours: &'a [T], theirs: &'a [T]) -> Keys {
        /// A key's first occurrence, and which side last counted occurrences of its id.
        struct Seen {
            first: usize,
            side: usize,
            count: usize,
        }
        let lens = [base.len(), ours.len(), theirs.len()];
        let id = |side: usize, i: usize| -> &'a str {
            let item = match side {
                0 => base.get(i),
                1 => ours.get(i),
                _ => theirs.get(i),
            };
            item.map_or("", Item::id)
        };
        let total: usize = lens.iter().sum();
        let mut ids: HashMap<&str, Seen> = HashMap::with_capacity(lens[0].max(16));
        // Second and later occurrences of an id on one side, which are rare.
        let mut repeats: HashMap<(&str, usize), usize> = HashMap::new();
        let mut at: Vec<[Option<usize>; 3]> = Vec::with_capacity(total / 2 + 16);
        let mut sides: [Vec<usize>; 3] = Default::default();
        for (side, (len, numbers)) in lens.into_iter().zip(&mut sides).enumerate() {
            numbers.reserve(len);
            for i in 0..len {
                let id = id(side, i);
                let next = at.len();
                let k = match ids.get_mut(id) {
                    None => {
                        ids.insert(
                            id,
                            Seen {
                                first: next,
                                side,
                                count: 1,
                            },
                        );
                        next
                    }
                    Some(seen) if seen.side != side => {
                        seen.side = side;
                        seen.count = 1;
                        seen.first
                    }
                    Some(seen) => {
                        seen.count += 1;
                        *repeats.entry((id, seen.count)).or_insert(next)
                    }
                };
                if k == at.len() {
                    at.push([None; 3]);
                }
                if let Some(slot) = at.get_mut(k).and_then(|a| a.get_mut(side)) {
                    *slot = Some(i);
                }
                numbers.push(k);
            }
        }
        Keys { at, sides }
    }
}
