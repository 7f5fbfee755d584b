//! The frozen first column: each message's headline as a link, with a badge saying whether
//! Sales agreed to it, and "No message" at its foot. The headlines are one strip for the
//! pointer and the keyboard; clicking one opens the message.

use crate::app::boards::message_map::layout::Canvas;
use crate::app::boards::message_map::look::{
    badge_color, badge_label, missing_color, two_line_galley,
};
use crate::app::boards::message_map::tips::headline_tip;
use crate::app::commands::Command;
use crate::app::widgets::{ItemInfo, strip_ui};
use crate::model::Section;
use egui::accesskit::Role;
use egui::{Align2, CursorIcon, Painter, Rect, Stroke, Ui, pos2, vec2};

/// The headline column, with `focus` the headline the keyboard is on.
pub(super) fn headlines_ui(
    ui: &mut Ui,
    cv: &Canvas<'_>,
    focus: &mut Option<usize>,
    commands: &mut Vec<Command>,
) {
    let (m, vis, plan, none_y) = (cv.m, cv.vis, cv.plan, cv.none_y);
    let head_h = m.head_h();
    let first = Rect::from_min_max(
        pos2(vis.min.x, vis.min.y + head_h),
        pos2(vis.min.x + m.first_w, vis.max.y),
    );
    cv.painter.rect_filled(first, 0.0, cv.colors.panel);
    let first_clip = first.intersect(cv.painter.clip_rect());
    let lines_clip = Rect::from_min_max(first_clip.min, pos2(first_clip.max.x, none_y));
    let first_painter = cv.painter.with_clip_rect(lines_clip);
    // One sensor for the headlines, as for the headers.
    let strip = strip_ui(
        ui,
        lines_clip,
        cv.base.with("headlines"),
        "Headlines",
        focus,
        plan.messages.len(),
        cv.row_range.start,
        false,
    );
    if strip.moved
        && let Some(r) = strip.focus
    {
        // Into view, below the frozen header.
        let y = cv.row_y(r);
        ui.scroll_to_rect(
            Rect::from_x_y_ranges(vis.x_range(), y - head_h..=y + m.row_h),
            None,
        );
    }
    let pointer_on_line = strip.response.hover_pos();
    let mut hover_line = None;
    let mut line_clicked = None;
    for r in cv.row_range.clone() {
        let Some(msg) = plan.messages.get(r) else {
            continue;
        };
        let y = cv.row_y(r);
        let row_rect = Rect::from_min_size(pos2(vis.min.x, y), vec2(m.first_w, m.row_h));
        let badge = paint_row(cv, &first_painter, r, row_rect);
        // Headline as a link.
        let text_rect = Rect::from_min_max(
            pos2(row_rect.min.x + 8.0, y),
            pos2(badge.min.x - 8.0, y + m.row_h),
        );
        let sense_rect = text_rect.intersect(first_clip).intersect(lines_clip);
        if sense_rect.height() <= 0.0 {
            continue;
        }
        // Only the headline's own space is the link: not the padding, not the badge.
        let hovered = pointer_on_line.is_some_and(|p| sense_rect.contains(p));
        if hovered {
            hover_line = Some(r);
        }
        paint_link(ui, cv, &first_painter, text_rect, &msg.headline, hovered);
        let id = cv.base.with(("msg", r));
        if strip.item(ui, &first_painter, r, id, sense_rect, hovered, || {
            ItemInfo {
                role: Role::Link,
                label: msg.headline.clone(),
                description: headline_tip(plan, msg, cv.summary.agreement_of(r)),
                clickable: true,
            }
        }) {
            line_clicked = Some(r);
        }
    }
    if let Some(r) = hover_line
        && let Some(msg) = plan.messages.get(r)
    {
        strip
            .response
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text_at_pointer(headline_tip(plan, msg, cv.summary.agreement_of(r)));
    }
    if let Some(r) = line_clicked {
        commands.push(Command::Reveal(Section::Messages, Some(r), None));
    }
    paint_no_message(cv);
}

/// The background of headline row `r` at `row_rect`, and its agreement badge on the right;
/// returns where the badge is.
fn paint_row(cv: &Canvas<'_>, painter: &Painter, r: usize, row_rect: Rect) -> Rect {
    let (m, colors) = (cv.m, &cv.colors);
    if r % 2 == 1 {
        painter.rect_filled(row_rect, 0.0, colors.stripe);
    }
    if cv.hover_row == Some(r) {
        painter.rect_filled(row_rect, 0.0, colors.hover);
    }
    let ag = cv.summary.agreement_of(r);
    let bcol = badge_color(ag);
    let badge = Rect::from_center_size(
        pos2(row_rect.max.x - 8.0 - cv.badge_w / 2.0, row_rect.center().y),
        vec2(cv.badge_w, (m.small.size * 1.6).min(m.row_h - 4.0)),
    );
    painter.rect(
        badge,
        4.0,
        colors.stripe,
        Stroke::new(1.5, bcol),
        egui::StrokeKind::Inside,
    );
    painter.text(
        badge.center(),
        Align2::CENTER_CENTER,
        badge_label(ag),
        m.small.clone(),
        bcol,
    );
    badge
}

/// A headline in `text_rect`, cut to fit; underlined in the link colour while `hovered`.
fn paint_link(
    ui: &Ui,
    cv: &Canvas<'_>,
    painter: &Painter,
    text_rect: Rect,
    headline: &str,
    hovered: bool,
) {
    let font = &cv.m.font;
    let color = if hovered {
        cv.colors.link
    } else {
        cv.colors.text
    };
    let g = two_line_galley(ui, headline, font, color, text_rect.width());
    let top = pos2(text_rect.min.x, text_rect.center().y - g.size().y / 2.0);
    if hovered {
        for row in &g.rows {
            let r = row.rect().translate(top.to_vec2());
            let y = r.min.y + font.size * 1.15;
            painter.line_segment(
                [pos2(r.min.x, y), pos2(r.max.x, y)],
                Stroke::new(1.0, color),
            );
        }
    }
    painter.galley(top, g, color);
}

/// "No message" in the frozen column, at the row of the columns no message covers, and the line
/// right of the frozen column.
fn paint_no_message(cv: &Canvas<'_>) {
    let (m, vis, none_y) = (cv.m, cv.vis, cv.none_y);
    let weak = cv.colors.weak;
    let none_first = Rect::from_min_size(pos2(vis.min.x, none_y), vec2(m.first_w, m.row_h));
    cv.painter.rect_filled(none_first, 0.0, cv.colors.panel);
    cv.painter.line_segment(
        [none_first.left_top(), none_first.right_top()],
        Stroke::new(2.0, weak),
    );
    cv.painter.text(
        pos2(none_first.min.x + 8.0, none_first.center().y),
        Align2::LEFT_CENTER,
        "No message",
        m.font.clone(),
        missing_color(),
    );
    cv.painter.line_segment(
        [
            pos2(vis.min.x + m.first_w, vis.min.y),
            pos2(vis.min.x + m.first_w, (none_y + m.row_h).min(vis.max.y)),
        ],
        Stroke::new(2.0, weak),
    );
}
