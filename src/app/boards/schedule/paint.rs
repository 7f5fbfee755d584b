//! How the grid looks: the colours of a meeting's status, hatching, text cut to one line, the
//! columns and hour lines behind the blocks, and the header row and hour gutter over them.

use crate::app::boards::context::BoardCx;
use crate::app::boards::schedule::columns::{Column, ColumnKind};
use crate::app::boards::schedule::layout::{Grid, Metrics};
use crate::app::boards::schedule::time::hhmm;
use crate::app::commands::Command;
use crate::app::widgets::palette;
use crate::model::{MeetingStatus, Section};
use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, CornerRadius, FontId, Rect, Sense, Stroke, StrokeKind, Ui, pos2};
use std::sync::Arc;

/// How a status looks: fill, outline, text, and whether it is struck out.
pub(super) struct Look {
    pub(super) fill: Color32,
    pub(super) stroke: Stroke,
    pub(super) text: Color32,
    pub(super) struck: bool,
}

/// Black or white, whichever reads better on `fill`.
pub(super) fn text_on(fill: Color32) -> Color32 {
    let luma =
        0.299 * f32::from(fill.r()) + 0.587 * f32::from(fill.g()) + 0.114 * f32::from(fill.b());
    if luma > 140.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// Solid for confirmed and requested meetings, outlined for proposed ones, grey and struck out
/// for those that take no time; colours follow the theme's meaning colours.
pub(super) fn look(status: MeetingStatus, visuals: &egui::Visuals) -> Look {
    let bg = visuals.panel_fill;
    let solid = |fill: Color32| Look {
        fill,
        stroke: Stroke::new(1.0, fill.lerp_to_gamma(text_on(fill), 0.35)),
        text: text_on(fill),
        struck: false,
    };
    match status {
        MeetingStatus::Confirmed => solid(palette::ok()),
        // Held: done, in the colour of a kept promise, its text still strong.
        MeetingStatus::Held => Look {
            fill: bg.lerp_to_gamma(palette::ok(), 0.35),
            stroke: Stroke::new(2.0, palette::ok()),
            text: visuals.strong_text_color(),
            struck: false,
        },
        MeetingStatus::Requested => solid(palette::warning()),
        MeetingStatus::Proposed => Look {
            fill: bg.lerp_to_gamma(palette::info(), 0.2),
            stroke: Stroke::new(2.0, palette::info()),
            text: visuals.strong_text_color(),
            struck: false,
        },
        MeetingStatus::Declined | MeetingStatus::Cancelled | MeetingStatus::NoShow => Look {
            fill: bg.lerp_to_gamma(visuals.weak_text_color(), 0.15),
            stroke: Stroke::new(1.0, visuals.weak_text_color()),
            text: visuals.weak_text_color(),
            struck: true,
        },
    }
}

/// `text` on one line, cut with "…" to `width`.
pub(super) fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
    struck: bool,
) -> Arc<egui::Galley> {
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        TextFormat {
            font_id: font,
            color,
            strikethrough: if struck {
                Stroke::new(1.5, color)
            } else {
                Stroke::NONE
            },
            ..Default::default()
        },
    );
    job.wrap = TextWrapping::truncate_at_width(width.max(1.0));
    painter.layout_job(job)
}

/// Diagonal lines across `rect`, for meetings that take no time.
pub(super) fn hatch(painter: &egui::Painter, rect: Rect, color: Color32) {
    let p = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let stroke = Stroke::new(1.0, color.gamma_multiply(0.5));
    let gap = 8.0;
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        p.line_segment(
            [pos2(x, rect.bottom()), pos2(x + rect.height(), rect.top())],
            stroke,
        );
        x += gap;
    }
}

/// Column backgrounds and separators, for the columns in view (a big show has hundreds), then
/// the hour and half-hour lines.
pub(super) fn paint_background(painter: &egui::Painter, visuals: &egui::Visuals, grid: &Grid<'_>) {
    let (m, origin) = (grid.m, grid.origin);
    let line = visuals.widgets.noninteractive.bg_stroke.color;
    let (top, bottom, right) = (grid.top(), grid.bottom(), grid.right);
    for (k, c) in grid.columns.iter().enumerate() {
        let Some((x, width)) = grid.span(k) else {
            continue;
        };
        let r = Rect::from_min_max(pos2(x, top), pos2(x + width, bottom));
        if !r.intersects(grid.view) {
            continue;
        }
        if k % 2 == 1 {
            painter.rect_filled(r, 0.0, visuals.faint_bg_color);
        }
        if c.over {
            painter.rect_filled(r, 0.0, palette::error().gamma_multiply(0.06));
        }
        painter.line_segment([r.left_top(), r.left_bottom()], Stroke::new(1.0, line));
    }
    painter.line_segment(
        [pos2(right, top), pos2(right, bottom)],
        Stroke::new(1.0, line),
    );
    for h in m.first_hour..=m.last_hour {
        let y = grid.y(h * 60);
        painter.line_segment(
            [pos2(origin.x + m.gutter - 6.0, y), pos2(right, y)],
            Stroke::new(1.0, line),
        );
        if h < m.last_hour {
            let y = grid.y(h * 60 + 30);
            painter.line_segment(
                [pos2(origin.x + m.gutter, y), pos2(right, y)],
                Stroke::new(1.0, line.gamma_multiply(0.4)),
            );
        }
    }
}

/// The header row's background, at the top of the view over the blocks; returns its rect.
pub(super) fn paint_head(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    grid: &Grid<'_>,
) -> Rect {
    let view = grid.view;
    let line = visuals.widgets.noninteractive.bg_stroke.color;
    let head = Rect::from_min_max(
        pos2(view.left(), view.top()),
        pos2(grid.right.max(view.right()), view.top() + grid.m.header),
    );
    painter.rect_filled(head, 0.0, visuals.panel_fill);
    painter.line_segment(
        [head.left_bottom(), head.right_bottom()],
        Stroke::new(1.0, line),
    );
    head
}

/// The hours down the left of the view, over the blocks and below the header row `head`;
/// returns the gutter's rect.
pub(super) fn paint_hours(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    grid: &Grid<'_>,
    head: Rect,
) -> Rect {
    let (m, view) = (grid.m, grid.view);
    let gutter = Rect::from_min_max(
        pos2(view.left(), view.top()),
        pos2(view.left() + m.gutter, view.bottom().max(grid.bottom())),
    );
    painter.rect_filled(gutter, 0.0, visuals.panel_fill);
    for h in m.first_hour..=m.last_hour {
        let y = grid.y(h * 60);
        if y < head.bottom() - 1.0 {
            continue;
        }
        let g = painter.layout_no_wrap(hhmm(h * 60), m.body.clone(), visuals.text_color());
        let top = (y - g.size().y / 2.0).max(head.bottom() + 1.0);
        painter.galley(
            pos2(gutter.right() - 10.0 - g.size().x, top),
            g,
            visuals.text_color(),
        );
    }
    gutter
}

/// A column's header at `r`: its title and what it counts, red when the person is over their
/// limit. A person's header tells who they are and opens them when clicked.
pub(super) fn header_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    cx: &mut BoardCx<'_>,
    c: &Column,
    r: Rect,
    m: &Metrics,
) {
    paint_header(ui.visuals(), painter, c, r, m);
    let resp = ui.interact(
        r,
        ui.scope_id().with(("schedule-header", &c.key)),
        Sense::click(),
    );
    resp.widget_info(|| egui::WidgetInfo {
        // What the header says under the name ("2 / 1 meetings"), for screen readers.
        current_text_value: Some(c.sub.clone()),
        ..egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, &c.title)
    });
    if let ColumnKind::Person(i) = c.kind {
        let person = cx.plan.people.get(i);
        let resp = resp.on_hover_ui(|ui| {
            if let Some(p) = person {
                ui.strong(&p.name);
                let mut line = p.team.to_string();
                if let Some(role) = &p.role {
                    line.push_str(&format!(" · {role}"));
                }
                ui.label(line);
            }
            if c.over {
                ui.colored_label(palette::error(), format!("⚠ Over capacity: {}", c.sub));
            } else {
                ui.label(&c.sub);
            }
            ui.weak("Click to open this person");
        });
        if resp.clicked() {
            cx.commands
                .push(Command::Reveal(Section::People, Some(i), None));
        }
    }
}

/// A column header's look: red when over capacity, its title and what it counts.
fn paint_header(
    visuals: &egui::Visuals,
    painter: &egui::Painter,
    c: &Column,
    r: Rect,
    m: &Metrics,
) {
    if c.over {
        painter.rect_filled(
            r.shrink(1.0),
            CornerRadius::same(3),
            palette::error().gamma_multiply(0.18),
        );
        painter.rect_stroke(
            r.shrink(1.0),
            CornerRadius::same(3),
            Stroke::new(2.0, palette::error()),
            StrokeKind::Inside,
        );
    }
    let placeholder = matches!(
        c.kind,
        ColumnKind::Nobody | ColumnKind::NoRoom | ColumnKind::UnknownPerson
    );
    let title_color = if c.over {
        palette::error()
    } else if placeholder {
        visuals.weak_text_color()
    } else {
        visuals.strong_text_color()
    };
    let width = r.width() - 12.0;
    let title = one_line(painter, &c.title, m.body.clone(), title_color, width, false);
    painter.galley(pos2(r.left() + 6.0, r.top() + 5.0), title, title_color);
    let sub_color = if c.over {
        palette::error()
    } else {
        visuals.weak_text_color()
    };
    let sub = one_line(painter, &c.sub, m.small.clone(), sub_color, width, false);
    painter.galley(
        pos2(r.left() + 6.0, r.top() + 7.0 + m.body_h),
        sub,
        sub_color,
    );
}
