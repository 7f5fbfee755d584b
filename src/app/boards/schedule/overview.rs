//! The show's days and which meetings fall on each: one pass over the plan, kept until its shape
//! changes, and the clashes, taken from the findings whenever they change. The day picker reads it, and each day's columns start from it.

use crate::app::boards::context::BoardCx;
use crate::check::RuleId;
use crate::model::{Date, Plan, Section};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The most show days the picker lists (a plan with a typo in `ends` must not make thousands).
const MAX_DAYS: i64 = 60;

/// The rules whose findings mark a clash.
const CLASH_RULES: [RuleId; 2] = [RuleId::PersonDoubleBooked, RuleId::RoomDoubleBooked];

/// The show's days and which meetings fall on each.
#[derive(Default)]
pub(super) struct Overview {
    /// The meetings (indexes) of each day that has any, in plan order.
    pub(super) by_day: BTreeMap<Date, Vec<usize>>,
    /// The meetings a double-booking finding is on.
    pub(super) clashing: HashSet<usize>,
    /// How many meetings clash on each day.
    pub(super) clashes_by_day: HashMap<Date, usize>,
    /// Declined and cancelled meetings per day.
    pub(super) inactive_by_day: HashMap<Date, usize>,
    /// The days the picker lists, in order.
    pub(super) days: Vec<Date>,
    /// Days among them that are not days of the show.
    pub(super) outside: HashSet<Date>,
}

impl Overview {
    /// The one pass over all meetings: which day each is on, and the clashes per day.
    pub(super) fn new(cx: &BoardCx<'_>) -> Overview {
        let mut by_day: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
        let mut inactive_by_day: HashMap<Date, usize> = HashMap::new();
        for (i, m) in cx.plan.meetings.iter().enumerate() {
            by_day.entry(m.start.date()).or_default().push(i);
            if !m.status.is_active() {
                *inactive_by_day.entry(m.start.date()).or_default() += 1;
            }
        }
        let (days, outside) = days(cx.plan, &by_day);
        let mut overview = Overview {
            by_day,
            clashing: HashSet::new(),
            clashes_by_day: HashMap::new(),
            inactive_by_day,
            days,
            outside,
        };
        overview.follow_gaps(cx);
        overview
    }

    /// Takes the clashes from the gaps as they are now: a pass over the findings, not the
    /// meetings, so new gaps after a key cost what they hold. Whether the clashes changed.
    pub(super) fn follow_gaps(&mut self, cx: &BoardCx<'_>) -> bool {
        let mut clashes_by_day: HashMap<Date, usize> = HashMap::new();
        let mut clashing: HashSet<usize> = HashSet::new();
        for f in &cx.gaps.findings {
            if f.section == Section::Meetings
                && CLASH_RULES.contains(&f.rule)
                && let Some(i) = f.index
                && clashing.insert(i)
                && let Some(m) = cx.plan.meetings.get(i)
            {
                *clashes_by_day.entry(m.start.date()).or_default() += 1;
            }
        }
        let changed = clashing != self.clashing || clashes_by_day != self.clashes_by_day;
        self.clashing = clashing;
        self.clashes_by_day = clashes_by_day;
        changed
    }

    /// The meetings (indexes) on `day`.
    pub(super) fn on(&self, day: Date) -> &[usize] {
        self.by_day.get(&day).map_or(&[][..], Vec::as_slice)
    }

    /// The day to show when `wanted` is gone or not chosen: the show's first day, even when a
    /// meeting was booked before it (that one is flagged and its day is in the picker).
    pub(super) fn day_to_show(&self, wanted: Option<Date>, starts: Date) -> Date {
        let first = if self.days.contains(&starts) {
            starts
        } else {
            self.days.first().copied().unwrap_or(starts)
        };
        match wanted {
            Some(d) if self.days.contains(&d) => d,
            _ => first,
        }
    }
}

/// The show days, then any other day with meetings (which `meeting-outside-event` flags).
fn days(plan: &Plan, by_day: &BTreeMap<Date, Vec<usize>>) -> (Vec<Date>, HashSet<Date>) {
    let (starts, ends) = (plan.event.starts, plan.event.ends);
    let count = starts.days_until(ends).clamp(0, MAX_DAYS - 1);
    let mut days: Vec<Date> = (0..=count).map(|d| starts.plus_days(d)).collect();
    let mut outside = HashSet::new();
    for day in by_day
        .keys()
        .filter(|d| **d < starts || **d > ends)
        .take(MAX_DAYS as usize)
    {
        {
            outside.insert(*day);
            days.push(*day);
        }
    }
    days.sort_unstable();
    days.dedup();
    (days, outside)
}
