//! What changed between two versions of a plan, item by item, so that undo steps and the copy
//! the checker works on cost what the edit touched rather than the whole plan.
//!
//! A [`Patch`] holds the old and the new value of every item that differs; [`Patch::apply`]
//! turns the old plan into the new one and [`Patch::revert`] turns it back. Finding the changes
//! compares the two plans (no copies); only the changed items are cloned.

use crate::model::{
    Account, Event, Handoff, Lead, Meeting, Message, Objective, Person, Plan, Scoring, Stage, Task,
    Term,
};

/// How one list changed.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ListPatch<T> {
    /// Not at all.
    #[default]
    Same,
    /// The same length; these items changed: (index, old, new).
    Items(Vec<(usize, T, T)>),
    /// A run of items was replaced by another run (items added, removed or moved).
    Splice {
        /// Where the run starts.
        at: usize,
        /// The run before.
        old: Vec<T>,
        /// The run after.
        new: Vec<T>,
    },
}

impl<T: Clone + PartialEq> ListPatch<T> {
    /// The change from `old` to `new`.
    pub fn between(old: &[T], new: &[T]) -> Self {
        if old.len() == new.len() {
            let items: Vec<(usize, T, T)> = old
                .iter()
                .zip(new)
                .enumerate()
                .filter(|(_, (a, b))| a != b)
                .map(|(i, (a, b))| (i, a.clone(), b.clone()))
                .collect();
            return if items.is_empty() {
                ListPatch::Same
            } else {
                ListPatch::Items(items)
            };
        }
        let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let room = old.len().min(new.len()) - prefix;
        let suffix = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        ListPatch::Splice {
            at: prefix,
            old: old
                .get(prefix..old.len() - suffix)
                .unwrap_or_default()
                .to_vec(),
            new: new
                .get(prefix..new.len() - suffix)
                .unwrap_or_default()
                .to_vec(),
        }
    }

    /// Whether nothing changed.
    pub fn is_same(&self) -> bool {
        matches!(self, ListPatch::Same)
    }

    /// Whether every item keeps its place and its id: no item added, removed or moved, and
    /// only fields other than the id changed. Whatever is worked out from the ids and the
    /// places alone (an index by id, say) still holds after such a patch.
    pub fn keeps_ids(&self) -> bool
    where
        T: Identified,
    {
        match self {
            ListPatch::Same => true,
            ListPatch::Items(items) => items.iter().all(|(_, old, new)| old.id() == new.id()),
            ListPatch::Splice { .. } => false,
        }
    }

    /// How many items the patch holds (old and new counted once each).
    pub fn size(&self) -> usize {
        match self {
            ListPatch::Same => 0,
            ListPatch::Items(items) => 2 * items.len(),
            ListPatch::Splice { old, new, .. } => old.len() + new.len(),
        }
    }

    fn put(&self, list: &mut Vec<T>, forward: bool) {
        match self {
            ListPatch::Same => {}
            ListPatch::Items(items) => {
                for (i, old, new) in items {
                    if let Some(slot) = list.get_mut(*i) {
                        slot.clone_from(if forward { new } else { old });
                    }
                }
            }
            ListPatch::Splice { at, old, new } => {
                let (remove, insert) = if forward { (old, new) } else { (new, old) };
                let start = (*at).min(list.len());
                let end = (start + remove.len()).min(list.len());
                list.splice(start..end, insert.iter().cloned());
            }
        }
    }
}

/// A single value that changed: (old, new).
/// An item of a list, known by its id.
pub trait Identified {
    /// The item's id.
    fn id(&self) -> &str;
}

type Swap<T> = Option<Box<(T, T)>>;

fn swap<T: Clone + PartialEq>(old: &T, new: &T) -> Swap<T> {
    (old != new).then(|| Box::new((old.clone(), new.clone())))
}

fn put_swap<T: Clone>(swap: &Swap<T>, value: &mut T, forward: bool) {
    if let Some(pair) = swap {
        value.clone_from(if forward { &pair.1 } else { &pair.0 });
    }
}

macro_rules! patch {
    ($($list:ident: $item:ty),* $(,)?) => {
        /// Every change between two versions of a plan.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Patch {
            format: Option<(u32, u32)>,
            event: Swap<Event>,
            scoring: Swap<Option<Scoring>>,
            $(
                #[doc = concat!("How `", stringify!($list), "` changed.")]
                pub $list: ListPatch<$item>,
            )*
        }

        $(
            impl Identified for $item {
                fn id(&self) -> &str {
                    &self.id
                }
            }
        )*

        impl Patch {
            /// The changes that turn `old` into `new`.
            pub fn between(old: &Plan, new: &Plan) -> Patch {
                Patch {
                    format: (old.format != new.format).then_some((old.format, new.format)),
                    event: swap(&old.event, &new.event),
                    scoring: swap(&old.scoring, &new.scoring),
                    $($list: ListPatch::between(&old.$list, &new.$list),)*
                }
            }

            /// Whether the two plans were equal.
            pub fn is_empty(&self) -> bool {
                self.format.is_none()
                    && self.event.is_none()
                    && self.scoring.is_none()
                    $(&& self.$list.is_same())*
            }

            /// How many items the patch holds, a measure of its memory.
            pub fn size(&self) -> usize {
                usize::from(self.format.is_some())
                    + 2 * usize::from(self.event.is_some())
                    + 2 * usize::from(self.scoring.is_some())
                    $(+ self.$list.size())*
            }

            fn put(&self, plan: &mut Plan, forward: bool) {
                if let Some((old, new)) = self.format {
                    plan.format = if forward { new } else { old };
                }
                put_swap(&self.event, &mut plan.event, forward);
                put_swap(&self.scoring, &mut plan.scoring, forward);
                $(self.$list.put(&mut plan.$list, forward);)*
            }
        }
    };
}

patch! {
    people: Person,
    objectives: Objective,
    terms: Term,
    accounts: Account,
    meetings: Meeting,
    messages: Message,
    stages: Stage,
    handoffs: Handoff,
    tasks: Task,
    leads: Lead,
}

impl Patch {
    /// Turns the old plan into the new one.
    pub fn apply(&self, plan: &mut Plan) {
        self.put(plan, true);
    }

    /// Turns the new plan back into the old one.
    pub fn revert(&self, plan: &mut Plan) {
        self.put(plan, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn plan() -> Plan {
        crate::format::parse(crate::EXAMPLE_PLAN)
            .map(|l| l.plan)
            .unwrap_or_else(|_| {
                let day = Date::from_ymd(2027, 3, 9).unwrap_or_else(Date::today);
                Plan::empty("Show", day, day)
            })
    }

    fn round_trip(old: &Plan, new: &Plan) -> Patch {
        let patch = Patch::between(old, new);
        let mut forward = old.clone();
        patch.apply(&mut forward);
        assert_eq!(&forward, new, "apply gives the new plan");
        let mut back = new.clone();
        patch.revert(&mut back);
        assert_eq!(&back, old, "revert gives the old plan");
        patch
    }

    #[test]
    fn equal_plans_give_an_empty_patch() {
        let p = plan();
        let patch = round_trip(&p, &p.clone());
        assert!(patch.is_empty());
        assert_eq!(patch.size(), 0);
    }

    #[test]
    fn one_field_keeps_one_item() {
        let old = plan();
        let mut new = old.clone();
        new.accounts[1].notes = Some("Changed".into());
        let patch = round_trip(&old, &new);
        assert_eq!(patch.size(), 2, "old and new of one account");
        assert!(patch.meetings.is_same());
    }

    #[test]
    fn leads_are_patched_like_every_other_list() {
        let old = plan();
        let mut new = old.clone();
        let captured = old.event.starts.at(10, 0);
        new.leads.push(crate::model::Lead {
            id: "jana".into(),
            name: "Jana Novak".into(),
            company: None,
            account: None,
            crm_id: None,
            owner: None,
            captured,
            pipeline: None,
            reached: Vec::new(),
        });
        let patch = round_trip(&old, &new);
        assert!(!patch.is_empty(), "a new lead is a change to undo");
    }

    #[test]
    fn added_removed_and_moved_items_splice() {
        let old = plan();
        let mut new = old.clone();
        let m = new.meetings[0].clone();
        new.meetings.push(m);
        new.accounts.remove(2);
        new.people.swap(0, 1);
        new.event.name = "Renamed".into();
        new.scoring = None;
        new.format += 1;
        let patch = round_trip(&old, &new);
        assert!(matches!(
            patch.accounts,
            ListPatch::Splice { ref old, ref new, .. } if old.len() == 1 && new.is_empty()
        ));
        assert!(matches!(
            patch.meetings,
            ListPatch::Splice { ref old, ref new, .. } if old.is_empty() && new.len() == 1
        ));
    }

    #[test]
    fn repeated_items_splice_at_a_valid_place() {
        let mut old = plan();
        let a = old.accounts[0].clone();
        old.accounts = vec![a.clone(), a.clone(), a.clone()];
        let mut new = old.clone();
        new.accounts.truncate(1);
        round_trip(&old, &new);
        round_trip(&new, &old);
        let mut empty = old.clone();
        empty.accounts.clear();
        round_trip(&old, &empty);
        round_trip(&empty, &old);
    }
}
