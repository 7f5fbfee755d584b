//! The items of a plan as a merge sees them: compared and merged field by field on the loaded
//! model, never through text. Two values are "the same" exactly when the canonical writer writes
//! them the same (so `-0.0` and `0.0` differ, and any two NaNs are alike), which keeps the merge
//! identical to one that compared written fields.

use crate::format::WriteFields;
use crate::model::{
    Account, Date, DateTime, Event, Handoff, Lead, Measure, Meeting, MeetingStatus, Message,
    Objective, Person, Reached, Scoring, Signal, Signoff, Stage, Task, Team, Term,
};

/// The three-way merge of one field: which side's value the result takes, or a new value.
pub(super) enum Merged<T> {
    /// Our value.
    Ours,
    /// Their value.
    Theirs,
    /// A value combined from both (a lead's `reached`, entry by entry).
    New(T),
}

/// A field's value.
pub(super) trait Field: Sized {
    /// Whether the writer writes `self` and `other` the same.
    fn same(&self, other: &Self) -> bool;

    /// The three-way merge: `None` when the field changed two different ways.
    fn merge3(base: &Self, ours: &Self, theirs: &Self) -> Option<Merged<Self>> {
        if ours.same(theirs) || base.same(theirs) {
            Some(Merged::Ours)
        } else if base.same(ours) {
            Some(Merged::Theirs)
        } else {
            None
        }
    }
}

macro_rules! field_by_eq {
    ($($t:ty),* $(,)?) => {$(
        impl Field for $t {
            fn same(&self, other: &Self) -> bool {
                self == other
            }
        }
    )*};
}

// Each of these is written one way for each value, and differently for different values.
field_by_eq!(
    String,
    Option<String>,
    i64,
    Option<i64>,
    Option<u32>,
    bool,
    Vec<String>,
    Team,
    MeetingStatus,
    Date,
    DateTime,
    Option<Date>,
    Option<Measure>,
    Vec<Signoff>,
    Vec<Signal>,
);

impl Field for Option<f64> {
    fn same(&self, other: &Self) -> bool {
        // Written as Rust's shortest round trip (`{:?}`): one text per bit pattern, except that
        // every NaN is written `NaN`.
        match (self, other) {
            (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Field for Vec<Reached> {
    fn same(&self, other: &Self) -> bool {
        self == other
    }

    fn merge3(base: &Self, ours: &Self, theirs: &Self) -> Option<Merged<Self>> {
        if ours.same(theirs) || base.same(theirs) {
            return Some(Merged::Ours);
        }
        if base.same(ours) {
            return Some(Merged::Theirs);
        }
        super::reached::merge_entries(
            base,
            ours,
            theirs,
            |r| r.stage.clone(),
            // As the written entry ends: `"2027-04-15T09:00")`.
            |r| Some(format!("\"{}\")", r.at)),
        )
        .map(Merged::New)
    }
}

/// An item of a plan section.
pub(super) trait Item: Clone + WriteFields {
    /// Its id; `event` and `scoring` for the single items.
    fn id(&self) -> &str;
    /// Whether the writer writes `self` and `other` the same.
    fn same(&self, other: &Self) -> bool;
    /// The three-way merge, field by field: `None` when a field changed two different ways.
    fn merge(base: &Self, ours: &Self, theirs: &Self) -> Option<Self>;
}

/// Implements [`Item`] for a model type from the list of its fields. The list must name every
/// field (the pattern in `same` does not compile otherwise), so a new field cannot be missed.
macro_rules! item {
    ($t:ident, $id:expr, { $($f:ident),* $(,)? }) => {
        impl Item for $t {
            fn id(&self) -> &str {
                let id: fn(&$t) -> &str = $id;
                id(self)
            }

            fn same(&self, other: &Self) -> bool {
                let $t { $($f),* } = self;
                true $(&& Field::same($f, &other.$f))*
            }

            fn merge(base: &Self, ours: &Self, theirs: &Self) -> Option<Self> {
                let mut out = ours.clone();
                $(
                    match Field::merge3(&base.$f, &ours.$f, &theirs.$f)? {
                        Merged::Ours => {}
                        Merged::Theirs => out.$f = theirs.$f.clone(),
                        Merged::New(value) => out.$f = value,
                    }
                )*
                Some(out)
            }
        }
    };
}

item!(Event, |_| "event", { name, venue, booth, timezone, starts, ends });
item!(Scoring, |_| "scoring", { threshold, signals, signoffs });
item!(Person, |x| &x.id, { id, name, team, role, email, max_meetings_per_day });
item!(Objective, |x| &x.id, { id, name, metric, target, unit, measure, actual, signoffs });
item!(Term, |x| &x.id, { id, term, definition, signoffs });
item!(Account, |x| &x.id, {
    id, name, tier, owner, marketing_owner, segment, messages, notes, crm_id
});
item!(Meeting, |x| &x.id, {
    id, account, start, minutes, location, people, status, goal, messages
});
item!(Message, |x| &x.id, { id, headline, body, proof, author, segments, signoffs });
item!(Stage, |x| &x.id, { id, name, team, entry, terminal, crm_stage });
item!(Handoff, |x| &x.id, { id, from, to, trigger, owner, sla_hours, signoffs });
item!(Task, |x| &x.id, { id, title, owner, due, done });
item!(Lead, |x| &x.id, {
    id, name, company, account, crm_id, owner, captured, pipeline, reached
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_the_same_when_written_the_same() {
        assert!(Field::same(&Some(1.5), &Some(1.5)));
        assert!(!Field::same(&Some(0.0), &Some(-0.0)), "0.0 and -0.0");
        assert!(Field::same(&Some(f64::NAN), &Some(-f64::NAN)), "both NaN");
        assert!(!Field::same(&Some(1.0), &None));
    }
}
