//! The matrix: messages down, columns across, in a scroll area with the header row and the
//! headline column frozen. Only the rows and columns in view are drawn; the parts are drawn in
//! an order that puts the frozen ones on top.

use crate::app::boards::context::BoardCx;
use crate::app::boards::message_map::body;
use crate::app::boards::message_map::cells::{apply_toggle, cells_ui};
use crate::app::boards::message_map::gaps::no_message_row_ui;
use crate::app::boards::message_map::header::{header_ui, paint_corner};
use crate::app::boards::message_map::headlines::headlines_ui;
use crate::app::boards::message_map::layout::{Canvas, Metrics};
use crate::app::boards::message_map::state::{MessageMapState, Summary};
use egui::{Pos2, Rect, Ui, vec2};

/// The matrix, at most `max_h` high.
pub(super) fn matrix_ui(
    ui: &mut Ui,
    state: &mut MessageMapState,
    cx: &mut BoardCx<'_>,
    summary: &Summary,
    max_h: f32,
) {
    let cols = summary.columns();
    let m = Metrics::of(ui, cols, summary.longest, max_h);
    let n_msgs = cx.plan.messages.len();
    let total = vec2(
        m.first_w + cols.len() as f32 * m.col_w + 2.0,
        m.head_h() + (n_msgs + 1) as f32 * m.row_h + 2.0,
    );
    let mut toggle: Option<(usize, usize)> = None;
    egui::ScrollArea::both()
        .id_salt("message-map")
        .content_margin(0.0)
        .max_height(max_h)
        .auto_shrink([false, true])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            ui.set_min_size(total);
            let vis = viewport.translate(origin.to_vec2());
            toggle = draw(ui, state, cx, (summary, &m), origin, (vis, viewport));
        });
    if let Some((mi, c)) = toggle {
        apply_toggle(cx, cols, mi, c);
    }
}

/// Draws the part of the matrix in view: `viewport` of the content, at `vis` on screen. Returns
/// the cell to toggle, when one was clicked while editing by clicking.
fn draw(
    ui: &mut Ui,
    state: &mut MessageMapState,
    cx: &mut BoardCx<'_>,
    (summary, m): (&Summary, &Metrics),
    origin: Pos2,
    (vis, viewport): (Rect, Rect),
) -> Option<(usize, usize)> {
    let cv = Canvas::new(ui, (cx.plan, summary, m), origin, vis, viewport);
    body::paint(ui, &cv);
    let toggle = cells_ui(ui, &cv, state.edit, cx.commands);
    no_message_row_ui(ui, &cv, cx.commands);
    header_ui(ui, &cv, &mut state.focus_head, cx.commands);
    headlines_ui(ui, &cv, &mut state.focus_line, cx.commands);
    paint_corner(ui, &cv);
    toggle
}
