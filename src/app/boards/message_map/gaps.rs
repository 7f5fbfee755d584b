//! The "No message" row under the messages: a red tile under each column no message covers,
//! with its tooltip; clicking an account's opens the account.

use crate::analysis::coverage::MapColumn;
use crate::app::boards::message_map::body::{column_lines, inset};
use crate::app::boards::message_map::layout::Canvas;
use crate::app::boards::message_map::look::missing_color;
use crate::app::boards::message_map::tips::gap_tip;
use crate::app::commands::Command;
use crate::model::Section;
use egui::accesskit::Role;
use egui::{Align2, CursorIcon, Rect, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

/// The "No message" row, across the columns in view.
pub(super) fn no_message_row_ui(ui: &mut Ui, cv: &Canvas<'_>, commands: &mut Vec<Command>) {
    let (m, vis, none_y) = (cv.m, cv.vis, cv.none_y);
    let panel = cv.colors.panel;
    let none_rect = Rect::from_min_max(pos2(vis.min.x, none_y), pos2(vis.max.x, none_y + m.row_h));
    cv.painter.rect_filled(none_rect, 0.0, panel);
    cv.painter.line_segment(
        [
            pos2(vis.min.x, none_y),
            pos2(cv.content_right.max(vis.min.x + m.first_w), none_y),
        ],
        Stroke::new(2.0, cv.colors.weak),
    );
    let inset = inset(cv);
    for c in cv.col_range.clone() {
        let Some(col) = cv.cols().get(c) else {
            continue;
        };
        if !cv.summary.coverage.is_gap(c) {
            continue;
        }
        let cell = Rect::from_min_size(pos2(cv.col_x(c), none_y), vec2(m.col_w, m.row_h));
        cv.painter
            .rect_filled(cell.shrink2(vec2(inset, inset)), 4.0, missing_color());
        cv.painter.text(
            cell.center(),
            Align2::CENTER_CENTER,
            "⚠",
            m.small.clone(),
            panel,
        );
        let name = col.name(cv.plan);
        let id = cv.base.with(("none", c));
        let r = ui.interact(cell.intersect(cv.cells_rect), id, Sense::click());
        r.widget_info(|| WidgetInfo::labeled(Role::Label, true, format!("No message for {name}")));
        // Few columns lack a message, so these stay widgets with their tooltip (which screen
        // readers also get).
        let r = r.on_hover_text(gap_tip(col, name));
        if let MapColumn::Account(i) = col {
            let r = r.on_hover_cursor(CursorIcon::PointingHand);
            if r.clicked() {
                commands.push(Command::Reveal(
                    Section::Accounts,
                    Some(*i),
                    Some("messages"),
                ));
            }
        }
    }
    column_lines(cv, none_y, none_y + m.row_h);
}
