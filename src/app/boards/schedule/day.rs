//! One day's meetings placed in their columns, kept until the plan, the gaps or the view choices
//! change: drawing a frame then costs what is on screen.

use crate::analysis::bookings::{PeopleLoad, over_limit};
use crate::app::boards::context::BoardCx;
use crate::app::boards::schedule::columns::{
    Column, Item, collect_items, count_blocks, person_columns, room_columns,
};
use crate::app::boards::schedule::lanes::place_blocks;
use crate::app::boards::schedule::overview::Overview;
use crate::model::Date;

/// One day's meetings placed in their columns.
pub(super) struct Shown {
    pub(super) items: Vec<Item>,
    pub(super) columns: Vec<Column>,
    /// The names of the people over their daily limit that day.
    pub(super) over: Vec<String>,
    /// Declined and cancelled meetings left out.
    pub(super) hidden: usize,
    /// What a frame needs of all the items, counted with them rather than every frame.
    pub(super) tally: Tally,
}

/// The day's items summed up: how many are active, how many clash, and the minutes of the day
/// they span.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tally {
    pub(super) active: usize,
    pub(super) clashes: usize,
    pub(super) earliest: Option<i64>,
    pub(super) latest: Option<i64>,
}

impl Tally {
    fn of(items: &[Item]) -> Tally {
        Tally {
            active: items.iter().filter(|i| i.status.is_active()).count(),
            clashes: items.iter().filter(|i| i.clash).count(),
            earliest: items.iter().map(|i| i.from).min(),
            latest: items.iter().map(|i| i.to).max(),
        }
    }
}

impl Shown {
    /// `day`'s meetings in their columns, a column per room when `by_room`, else per person.
    pub(super) fn new(
        cx: &BoardCx<'_>,
        overview: &Overview,
        day: Date,
        by_room: bool,
        show_inactive: bool,
    ) -> Shown {
        let on_day = overview.on(day);
        let items = collect_items(cx, on_day, show_inactive, &overview.clashing);
        let hidden = on_day.len().saturating_sub(items.len());
        // Every meeting of the day counts, drawn or not, as the capacity check counts them.
        let load = PeopleLoad::new(
            cx.plan,
            on_day.iter().filter_map(|&i| cx.plan.meetings.get(i)),
        );
        let mut columns = if by_room {
            room_columns(cx.plan, on_day, &items)
        } else {
            person_columns(cx.plan, &items, &load, day)
        };
        let mut first = 0;
        for c in &mut columns {
            place_blocks(&items, c);
            c.first = first;
            first += c.blocks.len();
        }
        let over: Vec<String> = cx
            .plan
            .people
            .iter()
            .filter(|p| {
                p.max_meetings_per_day
                    .is_some_and(|max| over_limit(load.on(&p.id, day), max).is_some())
            })
            .map(|p| p.name.clone())
            .collect();
        Shown {
            tally: Tally::of(&items),
            items,
            columns,
            over,
            hidden,
        }
    }

    /// How many blocks the day has (a meeting of two people is two).
    pub(super) fn blocks(&self) -> usize {
        count_blocks(&self.columns)
    }
}
