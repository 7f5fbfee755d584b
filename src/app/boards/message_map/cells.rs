//! The cells of the messages as one sensor: the tooltip of the cell under the pointer, and its
//! click, which opens the item or (while editing by clicking) adds or removes the link.

use crate::analysis::coverage::MapColumn;
use crate::app::boards::context::BoardCx;
use crate::app::boards::message_map::layout::Canvas;
use crate::app::boards::message_map::tips::cell_tip;
use crate::app::commands::Command;
use crate::app::widgets::pointer_sensor;
use crate::model::Section;
use egui::{CursorIcon, PointerButton, Ui};

/// The sensor over the messages' cells. With `edit`, a click returns the cell to toggle
/// (message, column); without, it opens the message or the account.
pub(super) fn cells_ui(
    ui: &mut Ui,
    cv: &Canvas<'_>,
    edit: bool,
    commands: &mut Vec<Command>,
) -> Option<(usize, usize)> {
    let plan = cv.plan;
    let sensor = pointer_sensor(ui, cv.msg_cells_rect, cv.base.with("cells"), "Cells");
    let (Some(r), Some(c)) = (cv.hover_row, cv.hover_col) else {
        return None;
    };
    let (Some(msg), Some(col)) = (plan.messages.get(r), cv.cols().get(c)) else {
        return None;
    };
    let tip = cell_tip(plan, msg, col, edit);
    let sensor = sensor.on_hover_cursor(CursorIcon::PointingHand);
    let clicked = sensor.clicked_by(PointerButton::Primary);
    sensor.on_hover_text_at_pointer(tip);
    if !clicked {
        return None;
    }
    if edit {
        return Some((r, c));
    }
    commands.push(match col {
        MapColumn::Segment(_) => Command::Reveal(Section::Messages, Some(r), Some("segments")),
        MapColumn::Account(i) => Command::Reveal(Section::Accounts, Some(*i), Some("messages")),
    });
    None
}

/// Adds or removes the link between message `mi` and column `c`.
pub(super) fn apply_toggle(cx: &mut BoardCx<'_>, cols: &[MapColumn], mi: usize, c: usize) {
    let Some(col) = cols.get(c) else { return };
    let Some(msg_id) = cx.plan.messages.get(mi).map(|m| m.id.clone()) else {
        return;
    };
    match col {
        MapColumn::Segment(s) => {
            if let Some(msg) = cx.plan.messages.get_mut(mi) {
                if let Some(pos) = msg.segments.iter().position(|x| x == s) {
                    msg.segments.remove(pos);
                } else {
                    msg.segments.push(s.clone());
                }
                cx.edits.changed = true;
            }
        }
        MapColumn::Account(ai) => {
            if let Some(a) = cx.plan.accounts.get_mut(*ai) {
                if let Some(pos) = a.messages.iter().position(|x| *x == msg_id) {
                    a.messages.remove(pos);
                } else {
                    a.messages.push(msg_id);
                }
                cx.edits.changed = true;
            }
        }
    }
}
