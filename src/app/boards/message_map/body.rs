//! The body of the matrix, painted: striped rows, the crosshair under the pointer, a tile in
//! each cell a message covers, and the lines between rows and columns.

use crate::analysis::coverage::{Cover, cover};
use crate::app::boards::message_map::layout::Canvas;
use egui::{Rect, Stroke, Ui, pos2, vec2};

/// Paints the rows of the messages in view.
pub(super) fn paint(ui: &Ui, cv: &Canvas<'_>) {
    let (m, colors) = (cv.m, &cv.colors);
    for r in cv.row_range.clone() {
        let y = cv.row_y(r);
        let row_rect = Rect::from_min_max(
            pos2(cv.cells_rect.min.x, y),
            pos2(cv.content_right, y + m.row_h),
        );
        if r % 2 == 1 {
            cv.painter.rect_filled(row_rect, 0.0, colors.stripe);
        }
        if cv.hover_row == Some(r) {
            cv.painter.rect_filled(row_rect, 0.0, colors.hover);
        }
    }
    if let Some(c) = cv.hover_col {
        let x = cv.col_x(c);
        let r = Rect::from_min_max(pos2(x, cv.vis.min.y), pos2(x + m.col_w, cv.rows_bottom()));
        cv.painter.rect_filled(r, 0.0, colors.hover);
    }
    paint_tiles(ui, cv);
    // Vertical lines between columns, a stronger one between segments and accounts.
    column_lines(cv, cv.vis.min.y, cv.rows_bottom());
}

/// The inset of a tile in its cell.
pub(super) fn inset(cv: &Canvas<'_>) -> f32 {
    (cv.m.col_w * 0.14).round()
}

/// The tiles and the lines under each row, in one mesh of plain quads: a screen holds hundreds
/// of tiles, and a shape each (rounded and anti-aliased) cost more than the rest of the map.
/// Snapped to pixels, square edges need no anti-aliasing.
fn paint_tiles(ui: &Ui, cv: &Canvas<'_>) {
    use egui::emath::GuiRounding as _;
    let (m, colors, plan) = (cv.m, &cv.colors, cv.plan);
    let inset = inset(cv);
    let ppp = ui.ctx().pixels_per_point();
    let mut mesh = egui::epaint::Mesh::default();
    let line_w = 1.0 / ppp;
    for r in cv.row_range.clone() {
        let Some(msg) = plan.messages.get(r) else {
            continue;
        };
        for c in cv.col_range.clone() {
            let Some(col) = cv.cols().get(c) else {
                continue;
            };
            let cell = Rect::from_min_size(pos2(cv.col_x(c), cv.row_y(r)), vec2(m.col_w, m.row_h));
            let color = match cover(plan, msg, col) {
                Cover::Listed => colors.full,
                Cover::ViaSegment => colors.light,
                Cover::No => continue,
            };
            let tile = cell.shrink2(vec2(inset, inset)).round_to_pixels(ppp);
            mesh.add_colored_rect(tile, color);
        }
        let y = cv.row_y(r) + m.row_h;
        let line = Rect::from_min_max(
            pos2(cv.cells_rect.min.x, y - line_w),
            pos2(cv.content_right, y),
        );
        mesh.add_colored_rect(line.round_to_pixels(ppp), colors.grid.color);
    }
    cv.painter.add(egui::Shape::mesh(mesh));
}

/// The lines after each column in view, from `top` to `bottom`: a stronger one between the
/// segments and the accounts.
pub(super) fn column_lines(cv: &Canvas<'_>, top: f32, bottom: f32) {
    for c in cv.col_range.clone() {
        let x = cv.col_x(c + 1);
        let stroke = if cv.ends_segments(c) {
            Stroke::new(2.5, cv.colors.weak)
        } else {
            cv.colors.grid
        };
        cv.painter
            .line_segment([pos2(x, top), pos2(x, bottom)], stroke);
    }
}
