//! The frozen header: a band naming each group of columns (segments, tier-1 accounts), then
//! each column's name, rotated. The names are one strip for the pointer and the keyboard;
//! clicking an account's opens the account. In the corner, the titles of the rows.

use crate::analysis::coverage::MapColumn;
use crate::app::boards::message_map::layout::Canvas;
use crate::app::boards::message_map::look::{line_galley, missing_color};
use crate::app::boards::message_map::tips::header_text;
use crate::app::commands::Command;
use crate::app::widgets::{ItemInfo, strip_ui};
use crate::model::Section;
use egui::accesskit::Role;
use egui::{Align2, CursorIcon, FontId, Painter, Rect, Stroke, Ui, pos2, vec2};

/// The frozen header, with `focus` the column header the keyboard is on.
pub(super) fn header_ui(
    ui: &mut Ui,
    cv: &Canvas<'_>,
    focus: &mut Option<usize>,
    commands: &mut Vec<Command>,
) {
    let (m, vis, cols) = (cv.m, cv.vis, cv.cols());
    let head_h = m.head_h();
    paint_groups(ui, cv);
    let header_clip = Rect::from_min_max(
        pos2(vis.min.x + m.first_w, vis.min.y),
        pos2(vis.max.x, vis.min.y + head_h),
    );
    let header_painter = cv
        .painter
        .with_clip_rect(header_clip.intersect(cv.painter.clip_rect()));
    // One sensor for the row of headers: a frame with hundreds of columns in view costs one
    // widget, not one per column. Each header is still its own node for screen readers.
    let heads = Rect::from_min_max(
        pos2(header_clip.min.x, vis.min.y + m.group_h),
        header_clip.max,
    );
    let strip = strip_ui(
        ui,
        heads,
        cv.base.with("heads"),
        "Column headers",
        focus,
        cols.len(),
        cv.col_range.start,
        true,
    );
    if strip.moved
        && let Some(c) = strip.focus
    {
        // Into view, right of the frozen headline column.
        let x = cv.col_x(c);
        ui.scroll_to_rect(
            Rect::from_x_y_ranges(x - m.first_w..=x + m.col_w, vis.y_range()),
            None,
        );
    }
    let hover_head = strip
        .response
        .hover_pos()
        .and_then(|p| {
            let c = ((p.x - cv.col_x(0)) / m.col_w).floor();
            (c >= 0.0).then_some(c as usize)
        })
        .filter(|c| cv.col_range.contains(c));
    let mut head_clicked = None;
    for c in cv.col_range.clone() {
        let Some(col) = cols.get(c) else {
            continue;
        };
        paint_name(ui, cv, &header_painter, c, col);
        let cell = Rect::from_min_max(
            pos2(cv.col_x(c), vis.min.y + m.group_h),
            pos2(cv.col_x(c) + m.col_w, vis.min.y + head_h),
        );
        let cell = cell.intersect(header_clip);
        if cell.width() <= 0.0 {
            continue;
        }
        let hovered = hover_head == Some(c);
        let id = cv.base.with(("head", c));
        if strip.item(ui, &header_painter, c, id, cell, hovered, || {
            let (label, description) = header_text(cv.plan, cv.summary, c, col);
            ItemInfo {
                role: Role::ColumnHeader,
                label,
                description,
                clickable: matches!(col, MapColumn::Account(_)),
            }
        }) {
            head_clicked = Some(c);
        }
    }
    if let Some(c) = hover_head
        && let Some(col) = cols.get(c)
    {
        let tip = header_text(cv.plan, cv.summary, c, col).1;
        let sensor = match col {
            MapColumn::Segment(_) => strip.response,
            MapColumn::Account(_) => strip.response.on_hover_cursor(CursorIcon::PointingHand),
        };
        sensor.on_hover_text_at_pointer(tip);
    }
    if let Some(MapColumn::Account(i)) = head_clicked.and_then(|c| cols.get(c)) {
        commands.push(Command::Reveal(Section::Accounts, Some(*i), None));
    }
    cv.painter.line_segment(
        [
            pos2(vis.min.x, vis.min.y + head_h),
            pos2(vis.max.x, vis.min.y + head_h),
        ],
        Stroke::new(2.0, cv.colors.weak),
    );
}

/// The header's background, and a band naming each group of columns over its columns in view.
fn paint_groups(ui: &Ui, cv: &Canvas<'_>) {
    let (m, vis, text) = (cv.m, cv.vis, cv.colors.text);
    let (n_segments, n_cols) = (cv.summary.coverage.n_segments, cv.cols().len());
    let header = Rect::from_min_size(vis.min, vec2(vis.width(), m.head_h()));
    cv.painter.rect_filled(header, 0.0, cv.colors.panel);
    let groups = [
        ("Segments", 0, n_segments),
        ("Tier-1 accounts", n_segments, n_cols),
    ];
    for (title, a, b) in groups {
        if a >= b {
            continue;
        }
        let left = cv.col_x(a).max(vis.min.x + m.first_w);
        let right = cv.col_x(b).min(vis.max.x);
        if right <= left {
            continue;
        }
        let band = Rect::from_min_max(pos2(left, vis.min.y), pos2(right, vis.min.y + m.group_h));
        let g = line_galley(ui, title, &m.font, text, band.width() - 8.0);
        cv.painter.galley(
            pos2(band.min.x + 4.0, band.center().y - g.size().y / 2.0),
            g,
            text,
        );
        cv.painter.line_segment(
            [
                pos2(band.min.x + 2.0, band.max.y - 2.0),
                pos2(band.max.x - 2.0, band.max.y - 2.0),
            ],
            Stroke::new(2.0, cv.colors.weak),
        );
    }
}

/// The name of column `c`, rotated to read upwards, red when no message covers it.
fn paint_name(ui: &Ui, cv: &Canvas<'_>, painter: &Painter, c: usize, col: &MapColumn) {
    let m = cv.m;
    let name = col.name(cv.plan);
    let color = if cv.summary.coverage.is_gap(c) {
        missing_color()
    } else {
        cv.colors.text
    };
    let font = match col {
        MapColumn::Segment(_) => FontId::new(m.font.size, m.font.family.clone()),
        MapColumn::Account(_) => m.font.clone(),
    };
    let g = line_galley(ui, name, &font, color, m.header_h - 10.0);
    let gh = g.size().y;
    let x = cv.col_x(c) + (m.col_w - gh) / 2.0;
    let bottom = cv.vis.min.y + m.head_h() - 6.0;
    painter.add(
        egui::epaint::TextShape::new(pos2(x, bottom), g, color)
            .with_angle(-std::f32::consts::FRAC_PI_2),
    );
}

/// The corner over the headline column: the titles of the headlines and of the badges (the
/// legend is on its own line above the map).
pub(super) fn paint_corner(ui: &Ui, cv: &Canvas<'_>) {
    let (m, painter) = (cv.m, &cv.painter);
    let text = cv.colors.text;
    let corner = Rect::from_min_size(cv.vis.min, vec2(m.first_w, m.head_h()));
    painter.rect_filled(corner, 0.0, cv.colors.panel);
    let msg_title = line_galley(ui, "Message", &m.font, text, m.first_w - cv.badge_w - 24.0);
    painter.galley(
        pos2(corner.min.x + 8.0, corner.max.y - msg_title.size().y - 4.0),
        msg_title,
        text,
    );
    painter.text(
        pos2(corner.max.x - 8.0 - cv.badge_w / 2.0, corner.max.y - 4.0),
        Align2::CENTER_BOTTOM,
        "Sales",
        m.font.clone(),
        text,
    );
}
