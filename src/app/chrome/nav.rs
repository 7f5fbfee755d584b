//! The left navigation: every section with its item count and its open gaps.

use crate::app::boards::id::Board;
use crate::app::checker::Gaps;
use crate::app::sections::{SECTIONS, gap_count, worst_gap};
use crate::app::widgets::palette;
use crate::model::{Plan, Section, human};
use egui::{RichText, Ui};

/// Draws the navigation; clicking a section shows it.
pub fn nav_ui(
    ui: &mut Ui,
    current: &mut Section,
    board: &mut Option<Board>,
    gaps: &Gaps,
    plan: &Plan,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            entries_ui(ui, current, board, gaps, plan);
        });
}

fn entries_ui(
    ui: &mut Ui,
    current: &mut Section,
    board: &mut Option<Board>,
    gaps: &Gaps,
    plan: &Plan,
) {
    ui.add_space(8.0);
    ui.label(RichText::new(&plan.event.name).strong());
    ui.weak(format!(
        "{} – {}",
        human::date(plan.event.starts, plan.year()),
        human::date(plan.event.ends, plan.year())
    ));
    ui.add_space(8.0);
    ui.separator();
    let width = ui.available_width();
    let mut group = "";
    for b in Board::ALL {
        if b.group() != group {
            if !group.is_empty() {
                ui.add_space(6.0);
            }
            group = b.group();
            ui.label(RichText::new(group).small().weak());
        }
        let button = egui::Button::selectable(*board == Some(b), RichText::new(b.title()))
            .min_size(egui::vec2(width, ui.spacing().interact_size.y + 6.0));
        if ui.add(button).clicked() {
            *board = Some(b);
        }
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Plan").small().weak());
    for section in SECTIONS {
        let open = gap_count(gaps, section);
        let count = match section {
            Section::Event | Section::Scoring => String::new(),
            s => human::number(plan.count(s) as f64, 0),
        };
        let worst = worst_gap(gaps, section);
        let badge = if open > 0 {
            RichText::new(format!("⏺ {}", human::number(open as f64, 0)))
                .color(worst.map_or(palette::info(), crate::app::widgets::severity_color))
                .strong()
        } else {
            RichText::new("")
        };
        let button = egui::Button::selectable(
            board.is_none() && *current == section,
            RichText::new(section.title()),
        )
        .right_text((RichText::new(count).weak(), badge))
        .min_size(egui::vec2(width, ui.spacing().interact_size.y + 6.0));
        let r = ui.add(button);
        let r = if open > 0 {
            r.on_hover_text(human::count(open, "open gap"))
        } else {
            r
        };
        if r.clicked() {
            *current = section;
            *board = None;
        }
    }
}
