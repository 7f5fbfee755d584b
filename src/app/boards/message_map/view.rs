//! The board as a whole: the title line with its counts and the edit toggle, the legend, the
//! matrix (or
//! what to do when there is nothing to map yet), then the accounts no message covers.

use crate::app::boards::context::BoardCx;
use crate::app::boards::message_map::look::{Colors, missing_color, ok_color, plural};
use crate::app::boards::message_map::matrix::matrix_ui;
use crate::app::boards::message_map::state::{MessageMapState, Summary, summary_for};
use crate::app::boards::message_map::uncovered::uncovered_ui;
use crate::app::commands::Command;
use crate::app::widgets::legend_item_ui;
use crate::model::{Plan, Section};
use egui::{RichText, TextStyle, Ui};

/// Draws the board.
pub fn message_map_ui(ui: &mut Ui, state: &mut MessageMapState, cx: &mut BoardCx<'_>) {
    let summary = summary_for(state, cx.plan, cx.revision);
    map_ui(ui, state, cx, &summary);
    state.summary = Some((cx.revision, summary));
}

fn map_ui(ui: &mut Ui, state: &mut MessageMapState, cx: &mut BoardCx<'_>, summary: &Summary) {
    let plan: &Plan = cx.plan;
    let n_cols = summary.columns().len();
    let uncovered = &summary.coverage.uncovered;

    ui.add_space(4.0);
    title_ui(ui, state, plan, summary);
    if n_cols > 0 && !plan.messages.is_empty() {
        legend_ui(ui);
    }
    ui.add_space(4.0);

    if plan.messages.is_empty() {
        ui.add_space(20.0);
        ui.label("No messages yet: the map shows which segments and tier-1 accounts each covers.");
        if ui.button("Go to Messages").clicked() {
            cx.commands.push(Command::GoTo(Section::Messages));
        }
    } else if n_cols == 0 {
        ui.add_space(20.0);
        ui.label(
            "No segments and no tier-1 accounts yet: give accounts a segment, or messages the \
             segments they are for.",
        );
    } else {
        let list_reserve = if uncovered.is_empty() {
            ui.text_style_height(&TextStyle::Heading) * 2.5
        } else {
            (ui.text_style_height(&TextStyle::Body) * 9.0).min(ui.available_height() * 0.4)
        };
        let max_h = (ui.available_height() - list_reserve).max(160.0);
        matrix_ui(ui, state, cx, summary, max_h);
    }

    ui.add_space(10.0);
    uncovered_ui(ui, state, cx, uncovered);
}

/// What the cells' colours mean, on one line at the body text size.
fn legend_ui(ui: &mut Ui) {
    let colors = Colors::of(ui);
    let fs = ui.text_style_height(&TextStyle::Body);
    let legend = [
        (
            colors.full,
            "Listed",
            "The message names the segment, or the account chose the message",
        ),
        (
            colors.light,
            "Via segment",
            "The message is for the account's segment",
        ),
        (
            missing_color(),
            "No message",
            "No message covers this column",
        ),
    ];
    ui.horizontal_wrapped(|ui| {
        for (color, name, about) in legend {
            legend_item_ui(ui, 1.0, name, |p, rect| {
                let square =
                    egui::Rect::from_center_size(rect.center(), egui::Vec2::splat(rect.height()));
                p.rect_filled(square, 3.0, color);
            })
            .on_hover_text(about);
            ui.add_space(fs * 0.6);
        }
    });
}

/// The title line: what the map holds, how many columns no message covers, and the toggle for
/// editing by clicking.
fn title_ui(ui: &mut Ui, state: &mut MessageMapState, plan: &Plan, summary: &Summary) {
    let n_cols = summary.columns().len();
    let n_segments = summary.coverage.n_segments;
    let n_accounts = n_cols - n_segments;
    let gaps = summary.coverage.gap.iter().filter(|g| **g).count();
    ui.horizontal_wrapped(|ui| {
        ui.heading("Message map");
        ui.add_space(12.0);
        ui.label(format!(
            "{} {} · {} {} · {} tier-1 {}",
            plan.messages.len(),
            plural("message", plan.messages.len()),
            n_segments,
            plural("segment", n_segments),
            n_accounts,
            plural("account", n_accounts),
        ));
        ui.add_space(12.0);
        if n_cols > 0 && !plan.messages.is_empty() {
            if gaps == 0 {
                ui.add(
                    egui::Label::new(
                        RichText::new("✔ every column has a message").color(ok_color()),
                    )
                    .extend(),
                );
            } else {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "⚠ {} {} no message covers",
                            gaps,
                            plural("column", gaps)
                        ))
                        .color(missing_color())
                        .strong(),
                    )
                    .extend(),
                );
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.toggle_value(&mut state.edit, "Edit by clicking")
                .on_hover_text(
                    "On: clicking a cell adds or removes the segment in the message, or the \
                     message in the account's messages.\nOff: clicking a cell opens the item.",
                );
        });
    });
}
