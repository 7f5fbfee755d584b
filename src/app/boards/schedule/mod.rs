//! The schedule board: one show day of meetings on a time grid, a column per person or per room.
//!
//! Drag a meeting to move it in quarter hours, drag its bottom edge to change its length, click
//! it to open it in the meetings editor. Clashes (a person or a room booked twice) are outlined
//! in red, and people over their daily limit get a red column header.
//!
//! From the plan to the screen: `overview` finds each day's meetings, `columns` and `lanes` put
//! a day's in columns (`day` keeps them until the plan changes), `layout` sizes the grid, and
//! `grid` draws it with `paint`, `block` and `tooltip`, while `input` follows the pointer and the
//! keyboard. `controls` draws the rows above the grid; `state` is what is kept between frames.

mod block;
mod columns;
mod controls;
mod day;
mod grid;
mod input;
mod lanes;
mod layout;
mod overview;
mod paint;
mod state;
mod time;
mod tooltip;

pub use state::ScheduleState;

use crate::app::boards::context::BoardCx;
use controls::{controls_ui, empty_ui, legend_ui};
use day::Shown;
use egui::Ui;
use input::Change;
use layout::{Metrics, column_widths};
use overview::Overview;
use state::{Kept, ShownKey};

/// Draws the board.
pub fn schedule_ui(ui: &mut Ui, state: &mut ScheduleState, cx: &mut BoardCx<'_>) {
    // Meetings are typed into in their section's editor, not here: the board follows the plan
    // when such an edit is finished.
    // The days follow the plan's shape; the clashes follow the gaps, and a day is laid out
    // again only when its clashes change (a key in an account's notes brings new gaps, not new
    // clashes: the day's layout stays, its finding dots are taken from the new gaps).
    let overview = match state.overview.take() {
        Some((shape, clashes, mut overview)) if shape == cx.shape => {
            if clashes.0 != cx.gaps.revision {
                let version = clashes.1 + u64::from(overview.follow_gaps(cx));
                state.overview_clashes = (cx.gaps.revision, version);
            }
            overview
        }
        _ => {
            state.overview_clashes = (cx.gaps.revision, state.overview_clashes.1 + 1);
            Overview::new(cx)
        }
    };
    let revisions = (cx.shape, state.overview_clashes.1);
    let day = overview.day_to_show(state.day, cx.plan.event.starts);
    state.day = Some(day);

    controls_ui(ui, state, &overview, cx);
    let day = state.day.unwrap_or(day);

    let key = (
        revisions.0,
        revisions.1,
        day,
        state.by_room,
        state.show_inactive,
    );
    let mut kept = kept_day(state, cx, &overview, key);
    kept.follow_gaps(cx);
    state.overview = Some((cx.shape, state.overview_clashes, overview));
    let shown = &kept.shown;
    legend_ui(ui, &shown.tally, shown.items.len(), &shown.over);
    ui.separator();

    if shown.items.is_empty() {
        empty_ui(ui, day, shown.hidden);
        state.shown = Some(kept);
        return;
    }
    let metrics = Metrics::new(ui, &shown.tally);
    let widths = column_widths(ui.available_width(), &metrics, &shown.columns);

    let mut change: Option<Change> = None;
    egui::ScrollArea::both()
        .id_salt("schedule-grid")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            change = grid::grid_ui(ui, viewport, state, cx, &mut kept, &metrics, widths);
        });
    state.shown = Some(kept);

    if let Some((index, start, minutes)) = change
        && let Some(m) = cx.plan.meetings.get_mut(index)
        && (m.start != start || m.minutes != minutes)
    {
        m.start = start;
        m.minutes = minutes;
        cx.edits.changed = true;
    }
}

/// The day for `key` laid out: the one kept when made for it, else made anew.
fn kept_day(
    state: &mut ScheduleState,
    cx: &BoardCx<'_>,
    overview: &Overview,
    key: ShownKey,
) -> Kept {
    let (_, _, day, by_room, show_inactive) = key;
    match state.shown.take() {
        Some(kept) if kept.key == key => kept,
        other => {
            if other.is_some_and(|k| (k.key.2, k.key.3, k.key.4) != (day, by_room, show_inactive)) {
                // Another day or other columns: the keyboard starts again at the first in view.
                state.focus = None;
            }
            Kept::new(
                key,
                Shown::new(cx, overview, day, by_room, show_inactive),
                cx.gaps.revision,
            )
        }
    }
}
