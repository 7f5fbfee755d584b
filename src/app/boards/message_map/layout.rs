//! Where things go in the matrix: the sizes of rows, columns and the frozen parts (from the text
//! size, so zoom and presentation mode scale them), the rows and columns in view, and what the
//! pointer is over.

use crate::analysis::agreement::Agreement;
use crate::analysis::coverage::MapColumn;
use crate::app::boards::message_map::look::{Colors, badge_label};
use crate::app::boards::message_map::state::Summary;
use crate::model::Plan;
use egui::{FontId, Painter, Pos2, Rect, TextStyle, Ui, pos2};
use std::ops::Range;

/// Sizes of the matrix.
pub(super) struct Metrics {
    /// The text of headlines and column names.
    pub font: FontId,
    /// The text of badges and the legend.
    pub small: FontId,
    /// The height of a row.
    pub row_h: f32,
    /// The width of a column.
    pub col_w: f32,
    /// The width of the frozen headline column.
    pub first_w: f32,
    /// The height of the band naming the groups of columns.
    pub group_h: f32,
    /// The height of the rotated column names.
    pub header_h: f32,
}

impl Metrics {
    /// The sizes for `ui`, with `cols` columns whose longest name has `longest` characters, in
    /// at most `max_h` of height.
    pub fn of(ui: &Ui, cols: &[MapColumn], longest: usize, max_h: f32) -> Metrics {
        let font = TextStyle::Body.resolve(ui.style());
        let small = TextStyle::Small.resolve(ui.style());
        let size = font.size;
        // Two lines of headline: the room tells messages apart by more than their first words.
        let row_h = (size * 2.6).max(ui.spacing().interact_size.y + 6.0).round();
        let col_w = (size * 2.2).round();
        // Rotated headers: tall enough for most names, long ones are cut and shown in full on
        // hover.
        let longest = longest as f32;
        // At most 30% of the height, so rows stay in view with large type.
        let header_h = (longest * size * 0.52 + size)
            .min(size * 12.0)
            .min(max_h * 0.3)
            .max(size * 5.0);
        // The headline column takes what the columns leave, within reason.
        let spare = ui.available_width() - cols.len() as f32 * col_w - 16.0;
        let first_w = spare.clamp(size * 16.0, size * 32.0);
        Metrics {
            font,
            small,
            row_h,
            col_w,
            first_w,
            group_h: (size * 1.8).round(),
            header_h,
        }
    }

    /// The height of the frozen header.
    pub fn head_h(&self) -> f32 {
        self.group_h + self.header_h
    }
}

/// Visible index range `[start, end)` of cells of size `step` in `[lo, hi]` (content units,
/// measured from the first cell).
pub(super) fn visible_range(lo: f32, hi: f32, step: f32, count: usize) -> Range<usize> {
    if step <= 0.0 || hi <= lo {
        return 0..0;
    }
    let start = (lo / step).floor().max(0.0) as usize;
    let end = ((hi / step).ceil().max(0.0) as usize).min(count);
    start.min(end)..end
}

/// One frame of the matrix: what it shows, where, and what the pointer is over. Every part of
/// the matrix draws with it.
pub(super) struct Canvas<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// What the map shows of it.
    pub summary: &'a Summary,
    /// The sizes.
    pub m: &'a Metrics,
    /// The colours.
    pub colors: Colors,
    /// The painter of the scroll area's content.
    pub painter: Painter,
    /// The id every sensor of the matrix derives from.
    pub base: egui::Id,
    /// The top left of the content, scrolled.
    pub origin: Pos2,
    /// The part of the content in view, on screen.
    pub vis: Rect,
    /// The columns in view.
    pub col_range: Range<usize>,
    /// The rows (messages) in view.
    pub row_range: Range<usize>,
    /// The top of the "No message" row: after the last message, or pinned to the bottom when
    /// they run longer.
    pub none_y: f32,
    /// Where the cells are on screen, right of the headlines and below the header.
    pub cells_rect: Rect,
    /// The cells of the messages, above the "No message" row.
    pub msg_cells_rect: Rect,
    /// The right edge of the last column, or of the view.
    pub content_right: f32,
    /// The column under the pointer.
    pub hover_col: Option<usize>,
    /// The row under the pointer.
    pub hover_row: Option<usize>,
    /// The width of an agreement badge.
    pub badge_w: f32,
}

impl<'a> Canvas<'a> {
    /// The frame whose content starts at `origin`, with `viewport` of it in view at `vis`.
    pub fn new(
        ui: &Ui,
        (plan, summary, m): (&'a Plan, &'a Summary, &'a Metrics),
        origin: Pos2,
        vis: Rect,
        viewport: Rect,
    ) -> Self {
        let n_cols = summary.columns().len();
        let n_msgs = plan.messages.len();
        let head_h = m.head_h();
        let col_range = visible_range(viewport.min.x, viewport.max.x - m.first_w, m.col_w, n_cols);
        let row_range = visible_range(viewport.min.y, viewport.max.y - head_h, m.row_h, n_msgs);
        let mut cv = Canvas {
            plan,
            summary,
            m,
            colors: Colors::of(ui),
            painter: ui.painter().clone(),
            base: ui.make_persistent_id("message-map-matrix"),
            origin,
            vis,
            col_range,
            row_range,
            none_y: 0.0,
            cells_rect: Rect::NOTHING,
            msg_cells_rect: Rect::NOTHING,
            content_right: 0.0,
            hover_col: None,
            hover_row: None,
            badge_w: 0.0,
        };
        cv.none_y = cv
            .row_y(n_msgs)
            .min(vis.max.y - m.row_h)
            .max(vis.min.y + head_h);
        cv.cells_rect =
            Rect::from_min_max(pos2(vis.min.x + m.first_w, vis.min.y + head_h), vis.max);
        cv.msg_cells_rect = Rect::from_min_max(cv.cells_rect.min, pos2(vis.max.x, cv.none_y));
        cv.content_right = cv.col_x(n_cols).min(vis.max.x);
        cv.find_hover(ui);
        cv.badge_w = badge_width(ui, &m.small, cv.colors.text);
        cv
    }

    /// What the pointer is over, for the crosshair and the tooltip.
    fn find_hover(&mut self, ui: &Ui) {
        let (vis, m) = (self.vis, self.m);
        let (n_cols, n_msgs) = (self.summary.columns().len(), self.plan.messages.len());
        let pointer = ui.ctx().pointer_hover_pos();
        self.hover_col = pointer
            .filter(|p| vis.contains(*p) && p.x > self.cells_rect.min.x)
            .and_then(|p| {
                let c = ((p.x - self.col_x(0)) / m.col_w).floor();
                (c >= 0.0 && (c as usize) < n_cols).then_some(c as usize)
            });
        self.hover_row = pointer
            .filter(|p| vis.contains(*p) && p.y > self.cells_rect.min.y && p.y < self.none_y)
            .and_then(|p| {
                let r = ((p.y - self.row_y(0)) / m.row_h).floor();
                (r >= 0.0 && (r as usize) < n_msgs).then_some(r as usize)
            });
    }

    /// The left edge of column `c`.
    pub fn col_x(&self, c: usize) -> f32 {
        self.origin.x + self.m.first_w + c as f32 * self.m.col_w
    }

    /// The top of row `r`.
    pub fn row_y(&self, r: usize) -> f32 {
        self.origin.y + self.m.head_h() + r as f32 * self.m.row_h
    }

    /// The bottom of the messages' rows, or of the view.
    pub fn rows_bottom(&self) -> f32 {
        self.row_y(self.plan.messages.len()).min(self.vis.max.y)
    }

    /// The columns.
    pub fn cols(&self) -> &'a [MapColumn] {
        self.summary.columns()
    }

    /// Whether column `c` is the last segment, with accounts after it: a stronger line follows.
    pub fn ends_segments(&self, c: usize) -> bool {
        let n_segments = self.summary.coverage.n_segments;
        c + 1 == n_segments && n_segments < self.cols().len()
    }
}

/// The width of the widest agreement badge.
fn badge_width(ui: &Ui, font: &FontId, color: egui::Color32) -> f32 {
    let widest = [Agreement::Agreed, Agreement::Stale, Agreement::NotAgreed]
        .iter()
        .map(|a| {
            ui.painter()
                .layout_no_wrap(badge_label(*a).to_owned(), font.clone(), color)
                .size()
                .x
        })
        .fold(0.0_f32, f32::max);
    widest + 14.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_ranges() {
        assert_eq!(visible_range(0.0, 100.0, 10.0, 5), 0..5);
        assert_eq!(visible_range(25.0, 55.0, 10.0, 100), 2..6);
        assert_eq!(visible_range(0.0, -5.0, 10.0, 5), 0..0);
    }
}
