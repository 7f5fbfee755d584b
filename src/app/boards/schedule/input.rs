//! What the pointer and the keyboard do to the blocks: a press picks a block, a drag moves it
//! or (from its bottom edge) changes its length in quarter hours, Esc puts it back; the arrows
//! walk the blocks, Alt with Up or Down moves the meeting the keyboard is on.

use crate::app::boards::schedule::columns::{Column, Item, count_blocks};
use crate::app::boards::schedule::layout::{Grid, find_block, locate};
use crate::app::boards::schedule::state::{Drag, ScheduleState};
use crate::app::boards::schedule::time::{DAY, STEP, snapped};
use crate::app::widgets::{Arrows, Strip};
use crate::model::DateTime;
use egui::{CursorIcon, Rect, Response, Ui, vec2};

/// A meeting (its index) with a new start and length.
pub(super) type Change = (usize, DateTime, i64);

/// Where the pointer button went down, while it is down.
pub(super) struct Press {
    /// The block in view it went down on (its place in [`Grid::placed`]), and whether on the
    /// block's bottom edge.
    pub(super) at: Option<(usize, bool)>,
    /// While the button is down, or in the frame it was let go: the meeting it went down on,
    /// if any. A click opens a block only when it was also pressed on it.
    pub(super) on: Option<Option<usize>>,
}

impl Press {
    /// The press of this frame, remembered in `state` while the button is down and let go of
    /// on release (a press and a release in one frame, as from a touch screen, leave nothing to
    /// compare with).
    pub(super) fn read(ui: &Ui, state: &mut ScheduleState, grid: &Grid<'_>) -> Press {
        let origin = ui.input(|i| i.pointer.press_origin());
        let at = origin.and_then(|from| grid.hit(from));
        let on = if origin.is_some() {
            let on = at.and_then(|(k, _)| grid.item_in_view(k).map(|i| i.index));
            state.pressed_on = Some(on);
            Some(on)
        } else {
            state.pressed_on.take()
        };
        Press { at, on }
    }
}

/// What the keyboard did this frame.
pub(super) struct Keys {
    /// The blocks as one keyboard strip.
    pub(super) strip: Strip,
    /// A move or a new length from Alt and the arrows.
    pub(super) change: Option<Change>,
    /// The meeting Enter or Space opened.
    pub(super) opened: Option<usize>,
}

/// The keyboard on the blocks behind `response`: the board is one Tab stop, Up and Down walk a
/// column's meetings and go on into the next column, Left and Right go to the neighbouring
/// column, Enter opens the meeting, Alt+Up and Alt+Down move it by a quarter hour (with Shift,
/// its end). A press of the pointer puts the keyboard on the block pressed.
pub(super) fn keyboard(
    ui: &mut Ui,
    state: &mut ScheduleState,
    grid: &Grid<'_>,
    response: Response,
    press: &Press,
) -> Keys {
    let count = count_blocks(grid.columns);
    let first_visible = grid.placed.first().map_or(0, |p| grid.number_of(p));
    // The keyboard's block, found by its meeting: a move may have changed its place.
    let mut number = state
        .focus
        .as_ref()
        .and_then(|(meeting, key)| find_block(grid.items, grid.columns, *meeting, key));
    let pointer_press =
        response.drag_started() || (response.clicked() && ui.input(|i| i.pointer.any_click()));
    let tabbed_in = response.gained_focus() && !pointer_press;
    if pointer_press {
        // The keyboard goes where the pointer worked, and the board stays where it is.
        number = press
            .at
            .and_then(|(k, _)| grid.placed.get(k))
            .map(|p| grid.number_of(p))
            .or(number)
            .or(Some(first_visible));
        response.request_focus();
    }
    let nudge = if response.has_focus() {
        ui.input_mut(nudges)
    } else {
        (0, 0)
    };
    let mut strip = Strip::new(
        ui,
        response,
        &mut number,
        count,
        first_visible,
        Arrows::Grid,
    );
    // Tabbing back in brings the keyboard's block into view.
    strip.moved |= tabbed_in;
    if strip.across != 0
        && let Some(n) = strip.focus
        && let Some(next) = across(grid.items, grid.columns, n, strip.across)
    {
        number = Some(next);
        strip.focus = Some(next);
        strip.moved = true;
    }
    let focused = number.and_then(|n| grid.numbered(n));
    // (Kept without copying the column's key each frame while it stays the same.)
    if state.focus.as_ref().map(|(m, k)| (*m, k.as_str()))
        != focused.map(|(item, _, key)| (item.index, key.as_str()))
    {
        state.focus = focused.map(|(item, _, key)| (item.index, key.clone()));
    }
    let mut change = None;
    if nudge != (0, 0)
        && state.drag.is_none()
        && let Some((item, _, _)) = focused
    {
        change = Some(nudged(item, nudge));
    }
    if strip.moved
        && let Some((_, r, _)) = focused
    {
        // Into view below the header and right of the hours, which are drawn over the blocks.
        let m = grid.m;
        ui.scroll_to_rect(
            Rect::from_min_max(r.min - vec2(m.gutter, m.header), r.max),
            None,
        );
    }
    let opened = focused.filter(|_| strip.key_click).map(|(i, _, _)| i.index);
    Keys {
        strip,
        change,
        opened,
    }
}

/// Quarter hours to move the meeting the keyboard is on (Alt+Down later, Alt+Up earlier) and to
/// change its length (the same with Shift), pressed this frame. The keys are taken, so that
/// they do not also move the keyboard to another meeting.
fn nudges(input: &mut egui::InputState) -> (i64, i64) {
    use egui::{Key, Modifiers};
    let mut count = |modifiers: Modifiers, key: Key| {
        i64::try_from(input.count_and_consume_key(modifiers, key)).unwrap_or(0)
    };
    let longer = Modifiers::ALT | Modifiers::SHIFT;
    let length = count(longer, Key::ArrowDown) - count(longer, Key::ArrowUp);
    let time = count(Modifiers::ALT, Key::ArrowDown) - count(Modifiers::ALT, Key::ArrowUp);
    (time, length)
}

/// `item` after a nudge of (time, length) quarter hours, as a drag of whole quarter hours
/// would move it: the time first, else the length.
fn nudged(item: &Item, (time, length): (i64, i64)) -> Change {
    let (resize, steps) = if time == 0 {
        (true, length)
    } else {
        (false, time)
    };
    let d = Drag {
        index: item.index,
        resize,
        start: item.start,
        minutes: item.minutes,
        points_per_minute: 1.0,
    };
    dragged(d, (steps * STEP) as f32)
}

/// From block number `n`, the block of the nearest column `step` columns over (skipping empty
/// ones) that starts nearest in time.
fn across(items: &[Item], columns: &[Column], n: usize, step: isize) -> Option<usize> {
    let (k, j) = locate(columns, n)?;
    let from = columns
        .get(k)?
        .blocks
        .get(j)
        .and_then(|b| items.get(b.item))?
        .from;
    let mut k = k;
    loop {
        k = k.checked_add_signed(step)?;
        let c = columns.get(k)?;
        let nearest = c
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(j, b)| Some((j, items.get(b.item)?.from)))
            .min_by_key(|&(_, start)| (start - from).abs());
        if let Some((j, _)) = nearest {
            return Some(c.first + j);
        }
    }
}

/// A drag on the blocks' `sensor`: which meeting, and its time or its length, is decided where
/// it began; Esc ends it (egui lets go of it) and puts the meeting back where it was. Returns
/// the meeting's new start and length, and whether the drag pans the board instead (it began on
/// no block).
pub(super) fn drag(
    ui: &mut Ui,
    state: &mut ScheduleState,
    grid: &Grid<'_>,
    sensor: &Response,
    press: &Press,
) -> (Option<Change>, bool) {
    let mut change = None;
    if sensor.drag_started()
        && let Some((k, on_edge)) = press.at
        && let Some(item) = grid.item_in_view(k)
    {
        state.drag = Some(Drag {
            index: item.index,
            resize: on_edge,
            start: item.start,
            minutes: item.minutes,
            points_per_minute: grid.m.per_minute(),
        });
    }
    // The board keeps the keyboard, which egui lets go of on Esc too.
    if ui.input(|i| i.key_pressed(egui::Key::Escape))
        && let Some(d) = state.drag.take()
    {
        change = Some((d.index, d.start, d.minutes));
        sensor.request_focus();
    }
    if !sensor.dragged() {
        state.drag = None;
    }
    if let Some(d) = state.drag
        && let Some(delta) = sensor.total_drag_delta()
        && d.points_per_minute > 0.0
    {
        change = Some(dragged(d, delta.y / d.points_per_minute));
    }
    let panning = sensor.dragged() && state.drag.is_none();
    if panning {
        ui.scroll_with_delta(sensor.drag_delta());
    }
    (change, panning)
}

/// The meeting after a drag of `minutes` from where it was when the drag started.
fn dragged(d: Drag, minutes: f32) -> Change {
    let from = i64::from(d.start.minute_of_day());
    let midnight = d.start.date().at(0, 0);
    if d.resize {
        let length = snapped(d.minutes, minutes);
        if length == d.minutes {
            return (d.index, d.start, d.minutes);
        }
        (d.index, d.start, length.min(DAY - from).max(STEP))
    } else {
        let at = snapped(from, minutes);
        if at == from {
            return (d.index, d.start, d.minutes);
        }
        let latest = (DAY - d.minutes.max(STEP)).max(0);
        let at = at.clamp(0, latest);
        (d.index, midnight.plus_minutes(at), d.minutes)
    }
}

/// The pointer's shape: grabbing while a drag pans or moves, up and down on a bottom edge or
/// while a length changes, an open hand over a block.
pub(super) fn set_cursor(
    ui: &Ui,
    drag: Option<Drag>,
    hovered: Option<(usize, bool)>,
    panning: bool,
) {
    match (drag, hovered) {
        _ if panning => ui.ctx().set_cursor_icon(CursorIcon::Grabbing),
        (Some(d), _) if d.resize => ui.ctx().set_cursor_icon(CursorIcon::ResizeVertical),
        (Some(_), _) => ui.ctx().set_cursor_icon(CursorIcon::Grabbing),
        (None, Some((_, true))) => ui.ctx().set_cursor_icon(CursorIcon::ResizeVertical),
        (None, Some((_, false))) => ui.ctx().set_cursor_icon(CursorIcon::Grab),
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn drag_of(resize: bool, hour: u32, minutes: i64) -> Drag {
        Drag {
            index: 3,
            resize,
            start: Date::from_ymd(2027, 3, 9).expect("a date").at(hour, 0),
            minutes,
            points_per_minute: 1.0,
        }
    }

    /// A move keeps the length and stays within the day; a new length keeps the start, is at
    /// least a quarter hour and ends by midnight.
    #[test]
    fn drags_move_or_resize_within_the_day() {
        let d = drag_of(false, 10, 30);
        assert_eq!(dragged(d, 5.0), (3, d.start, 30));
        let (_, start, minutes) = dragged(d, 60.0);
        assert_eq!((start.minute_of_day(), minutes), (11 * 60, 30));
        let (_, start, _) = dragged(d, 24.0 * 60.0);
        assert_eq!(start.minute_of_day(), 23 * 60 + 30);
        let r = drag_of(true, 23, 30);
        assert_eq!(dragged(r, 120.0), (3, r.start, 60));
        assert_eq!(dragged(r, -60.0), (3, r.start, 15));
    }
}
