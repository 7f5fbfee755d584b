//! The common ancestor as the merge reads it. Most of a base is what our side still has, item
//! for item: [`Base::thin`] lets those items go as soon as our side is read, and keeps, for each
//! base item, either the place of the same item on our side or the base's own copy. A merge of
//! large plans then holds little more than two of them (`preshow merge` reads ours, then the
//! base, thins it, and only then reads theirs).
//!
//! Every use of a base item in the merge goes through [`BaseSide::get`], which answers with our
//! item where the base's was the same (the same in the sense of [`Item::same`], which is all the
//! merge asks of two items), so a thinned base merges exactly as the whole one does.

use super::items::Item;
use super::sections::Keys;
use crate::model::Plan;

/// Where one base item is, in a thinned base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Slot {
    /// The same as our item at this index.
    Ours(usize),
    /// Not the same as any of ours: the base's own copy, at this index of the kept items.
    Kept(usize),
}

/// A thinned base's slots, one list per list section (the event and scoring are kept whole).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Slots {
    pub(super) people: Vec<Slot>,
    pub(super) objectives: Vec<Slot>,
    pub(super) terms: Vec<Slot>,
    pub(super) accounts: Vec<Slot>,
    pub(super) meetings: Vec<Slot>,
    pub(super) messages: Vec<Slot>,
    pub(super) stages: Vec<Slot>,
    pub(super) handoffs: Vec<Slot>,
    pub(super) tasks: Vec<Slot>,
    pub(super) leads: Vec<Slot>,
}

/// The common ancestor of a merge with the items it shares with our side let go: what
/// [`super::merge_thinned`] takes, so that a merge need not hold three whole plans at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    /// The base's items that differ from ours (and its event and scoring, whole).
    kept: Plan,
    /// Where each base item is.
    slots: Slots,
}

impl Base {
    /// `base`, keeping only the items that are not the same on `ours`, the side it will be
    /// merged with as ours. The items let go are freed here, before another plan is read.
    pub fn thin(base: Plan, ours: &Plan) -> Base {
        let mut slots = Slots::default();
        macro_rules! thin {
            ($($field:ident),*) => {
                Plan {
                    $($field: thin_list(base.$field, &ours.$field, &mut slots.$field),)*
                    format: base.format,
                    event: base.event,
                    scoring: base.scoring,
                }
            };
        }
        let kept = thin!(
            people, objectives, terms, accounts, meetings, messages, stages, handoffs, tasks, leads
        );
        Base { kept, slots }
    }

    /// The items kept, as a plan (with the base's format, event and scoring).
    pub(super) fn into_plan(self) -> Plan {
        self.kept
    }
}

/// One list of the base thinned against ours: the items kept, and each item's slot in `slots`.
fn thin_list<T: Item>(base: Vec<T>, ours: &[T], slots: &mut Vec<Slot>) -> Vec<T> {
    // Items are matched as the merge matches them: by id and occurrence (theirs, read later,
    // does not change which base item goes with which of ours).
    let keys = Keys::of(BaseSide::whole(&base), ours, &[]);
    let [base_keys, _, _] = &keys.sides;
    slots.reserve_exact(base.len());
    let mut kept = 0;
    for (item, k) in base.iter().zip(base_keys) {
        let same = keys
            .at
            .get(*k)
            .and_then(|[_, o, _]| *o)
            .filter(|&o| ours.get(o).is_some_and(|x| x.same(item)));
        slots.push(match same {
            Some(o) => Slot::Ours(o),
            None => {
                kept += 1;
                Slot::Kept(kept - 1)
            }
        });
    }
    drop(keys);
    let mut out = Vec::with_capacity(kept);
    for (item, slot) in base.into_iter().zip(slots.iter()) {
        if let Slot::Kept(_) = slot {
            out.push(item);
        }
    }
    out
}

/// The base as the merge reads it: a whole plan, or a thinned one.
#[derive(Clone, Copy)]
pub(super) struct BaseRef<'a> {
    plan: &'a Plan,
    slots: Option<&'a Slots>,
}

impl<'a> BaseRef<'a> {
    /// A whole plan.
    pub(super) fn whole(plan: &'a Plan) -> BaseRef<'a> {
        BaseRef { plan, slots: None }
    }

    /// A thinned base.
    pub(super) fn thinned(base: &'a Base) -> BaseRef<'a> {
        BaseRef {
            plan: &base.kept,
            slots: Some(&base.slots),
        }
    }

    /// The plan its format, event and scoring are read from (and, when whole, every item).
    pub(super) fn plan(&self) -> &'a Plan {
        self.plan
    }

    /// One list section, read beside our side's list, which a thinned base points into.
    pub(super) fn side<T>(
        &self,
        items: fn(&Plan) -> &[T],
        slots: fn(&Slots) -> &[Slot],
        ours: &'a [T],
    ) -> BaseSide<'a, T> {
        BaseSide {
            items: items(self.plan),
            slots: self.slots.map(slots),
            ours,
        }
    }
}

/// Picks one section's slots, for [`BaseRef::side`].
macro_rules! slots_of {
    ($field:ident) => {
        |s: &$crate::ops::merge::base::Slots| s.$field.as_slice()
    };
}
pub(super) use slots_of;

/// The base's items of one section.
pub(super) struct BaseSide<'a, T> {
    items: &'a [T],
    /// A thinned base: where each item is.
    slots: Option<&'a [Slot]>,
    /// Our side's items, which the slots point into.
    ours: &'a [T],
}

impl<T> Clone for BaseSide<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for BaseSide<'_, T> {}

impl<'a, T> BaseSide<'a, T> {
    /// A whole list: every item the base's own.
    pub(super) fn whole(items: &'a [T]) -> BaseSide<'a, T> {
        BaseSide {
            items,
            slots: None,
            ours: &[],
        }
    }

    /// How many items the base has.
    pub(super) fn len(&self) -> usize {
        self.slots.map_or(self.items.len(), <[Slot]>::len)
    }

    /// The base's `i`-th item (our item, where the base's was the same).
    pub(super) fn get(&self, i: usize) -> Option<&'a T> {
        match self.slots {
            None => self.items.get(i),
            Some(slots) => match slots.get(i)? {
                Slot::Ours(o) => self.ours.get(*o),
                Slot::Kept(k) => self.items.get(*k),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    fn example() -> Plan {
        crate::format::parse(crate::EXAMPLE_PLAN)
            .expect("the example plan loads")
            .plan
    }

    #[test]
    fn thinning_keeps_only_what_ours_changed_and_reads_back_the_same() {
        let base = example();
        let mut ours = base.clone();
        ours.accounts.remove(0);
        ours.accounts[1].notes = Some("Changed".into());
        ours.meetings.reverse();
        let thinned = Base::thin(base.clone(), &ours);
        // The removed account and the edited one are the base's own; the rest point into ours.
        assert_eq!(thinned.kept.accounts.len(), 2);
        assert!(thinned.kept.meetings.is_empty());
        let side = BaseRef::thinned(&thinned).side(
            |p| p.accounts.as_slice(),
            slots_of!(accounts),
            &ours.accounts,
        );
        assert_eq!(side.len(), base.accounts.len());
        for (i, account) in base.accounts.iter().enumerate() {
            assert_eq!(side.get(i), Some(account), "account {i}");
        }
        let meetings = BaseRef::thinned(&thinned).side(
            |p| p.meetings.as_slice(),
            slots_of!(meetings),
            &ours.meetings,
        );
        let read: Vec<_> = (0..meetings.len())
            .filter_map(|i| meetings.get(i))
            .collect();
        assert_eq!(read, base.meetings.iter().collect::<Vec<_>>());
    }
}
