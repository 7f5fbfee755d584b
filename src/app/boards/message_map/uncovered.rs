//! "Accounts no message covers", under the matrix: links that open each account, in rows that
//! scroll, each row one sensor and one Tab stop.

use crate::app::boards::context::BoardCx;
use crate::app::boards::message_map::look::{line_galley, missing_color, ok_color};
use crate::app::boards::message_map::state::MessageMapState;
use crate::app::boards::message_map::tips::uncovered_tip;
use crate::app::commands::Command;
use crate::app::widgets::{ItemInfo, strip_ui};
use crate::model::{Plan, Section};
use egui::accesskit::Role;
use egui::{CursorIcon, Rect, RichText, Stroke, TextStyle, Ui, pos2, vec2};

/// The list of the accounts no message covers (`uncovered`, by index), or a line saying every
/// account has a message.
pub(super) fn uncovered_ui(
    ui: &mut Ui,
    state: &mut MessageMapState,
    cx: &mut BoardCx<'_>,
    uncovered: &[usize],
) {
    let plan: &Plan = cx.plan;
    if uncovered.is_empty() {
        if !plan.accounts.is_empty() && !plan.messages.is_empty() {
            ui.label(
                RichText::new(
                    "✔ Every account has a message: its own choice or one for its segment.",
                )
                .color(ok_color()),
            );
        }
        return;
    }
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Accounts no message covers ({})", uncovered.len()))
                .heading()
                .color(missing_color()),
        );
        ui.weak("they list no message, and no message is for their segment");
    });
    ui.add_space(4.0);
    let size = ui.text_style_height(&TextStyle::Body);
    let cell_w = (size * 16.0).max(160.0);
    let per_row = ((ui.available_width() / cell_w).floor() as usize).max(1);
    let rows = uncovered.len().div_ceil(per_row);
    let row_h = ui.spacing().interact_size.y.max(size * 1.5);
    egui::ScrollArea::vertical()
        .id_salt("message-map-uncovered")
        .auto_shrink([false, true])
        .show_rows(ui, row_h, rows, |ui, range| {
            for row in range {
                let start = row * per_row;
                let links = uncovered.get(start..).unwrap_or_default();
                let links = links.get(..per_row).unwrap_or(links);
                row_ui(ui, state, cx.commands, plan, (row, links), (cell_w, row_h));
            }
        });
}

/// Row `row` of links, to the accounts `links`, each `cell_w` wide in a row `row_h` high. A row
/// of links is one sensor and one Tab stop (Left and Right move along it); each link is painted
/// and read out on its own.
fn row_ui(
    ui: &mut Ui,
    state: &mut MessageMapState,
    commands: &mut Vec<Command>,
    plan: &Plan,
    (row, links): (usize, &[usize]),
    (cell_w, row_h): (f32, f32),
) {
    let link = ui.visuals().hyperlink_color;
    let font = TextStyle::Body.resolve(ui.style());
    let (id, rect) = ui.allocate_space(vec2(ui.available_width(), row_h));
    let mut focus = state.focus_link.filter(|&(r, _)| r == row).map(|(_, k)| k);
    let strip = strip_ui(
        ui,
        rect,
        id,
        "Uncovered accounts",
        &mut focus,
        links.len(),
        0,
        true,
    );
    if strip.focus.is_some() {
        state.focus_link = focus.map(|k| (row, k));
    }
    let pointer = strip.response.hover_pos();
    for (k, &i) in links.iter().enumerate() {
        let Some(a) = plan.accounts.get(i) else {
            continue;
        };
        let cell = Rect::from_min_size(
            pos2(rect.min.x + k as f32 * cell_w, rect.min.y),
            vec2(cell_w - 8.0, row_h),
        );
        let g = line_galley(ui, &a.name, &font, link, cell.width());
        let top = cell.center().y - g.size().y / 2.0;
        let (gw, gh) = (g.size().x, g.size().y);
        ui.painter().galley(pos2(cell.min.x, top), g, link);
        // The name is the link, not the blank after it.
        let text = Rect::from_min_size(pos2(cell.min.x, top), vec2(gw, gh));
        let is_hovered = pointer.is_some_and(|p| text.contains(p));
        if is_hovered {
            let y = top + gh - 1.0;
            ui.painter()
                .hline(cell.min.x..=cell.min.x + gw, y, Stroke::new(1.0, link));
            strip
                .response
                .clone()
                .on_hover_cursor(CursorIcon::PointingHand)
                .on_hover_text_at_pointer(uncovered_tip(a));
        }
        let painter = ui.painter().clone();
        let around = text.expand(2.0);
        let opened = strip.item(ui, &painter, k, id.with(k), around, is_hovered, || {
            ItemInfo {
                role: Role::Link,
                label: a.name.clone(),
                description: uncovered_tip(a),
                clickable: true,
            }
        });
        if opened {
            commands.push(Command::Reveal(
                Section::Accounts,
                Some(i),
                Some("messages"),
            ));
        }
    }
}
