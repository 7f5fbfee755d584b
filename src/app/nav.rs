//! The left navigation: every section with its item count and its open gaps.

use super::checker::Gaps;
use super::views::{SECTIONS, gap_count};
use super::widgets::palette;
use crate::model::{Plan, Section};
use egui::{RichText, Ui};

/// Draws the navigation; clicking a section shows it.
pub fn nav_ui(ui: &mut Ui, current: &mut Section, gaps: &Gaps, plan: &Plan) {
    ui.add_space(8.0);
    ui.label(RichText::new(&plan.event.name).strong().size(16.0));
    ui.weak(format!("{} – {}", plan.event.starts, plan.event.ends));
    ui.add_space(8.0);
    ui.separator();
    let width = ui.available_width();
    for section in SECTIONS {
        let open = gap_count(gaps, section);
        let count = match section {
            Section::Event | Section::Scoring => String::new(),
            s => plan.count(s).to_string(),
        };
        let worst = gaps
            .findings
            .iter()
            .filter(|f| super::views::view_of(f.section) == section)
            .map(|f| f.severity)
            .min();
        let badge = if open > 0 {
            RichText::new(format!("⏺ {open}"))
                .color(worst.map_or(palette::INFO, super::widgets::severity_color))
                .strong()
        } else {
            RichText::new("")
        };
        let button = egui::Button::selectable(
            *current == section,
            RichText::new(section.title()).size(15.0),
        )
        .right_text((RichText::new(count).weak(), badge))
        .min_size(egui::vec2(width, 30.0));
        let r = ui.add(button);
        let r = if open > 0 {
            r.on_hover_text(format!("{open} open gap(s)"))
        } else {
            r
        };
        if r.clicked() {
            *current = section;
        }
    }
}
