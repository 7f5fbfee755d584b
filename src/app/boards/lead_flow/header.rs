//! The lines above the diagram: how many stages, handoffs and gaps the flow has, the legend,
//! and a banner for each gap of the flow as a whole.

use crate::app::Gaps;
use crate::app::boards::lead_flow::style::team_color;
use crate::app::commands::Command;
use crate::app::widgets::{legend_item_ui, severity_color};
use crate::check::{Finding, RuleId};
use crate::model::{Plan, Section, Team};
use egui::{Rect, RichText, Stroke, StrokeKind, Ui, pos2, vec2};

/// The summary line, the legend, and banners for gaps of the flow as a whole.
pub(super) fn header_ui(
    ui: &mut Ui,
    plan: &Plan,
    gaps_now: &Gaps,
    commands: &mut Vec<Command>,
    fs: f32,
) {
    let flow_findings: Vec<&Finding> = gaps_now
        .findings
        .iter()
        .filter(|f| matches!(f.section, Section::Stages | Section::Handoffs))
        .collect();
    let gaps = flow_findings.len();
    let worst = flow_findings.iter().map(|f| f.severity).min();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{} · {}",
                plural(plan.stages.len(), "stage", "stages"),
                plural(plan.handoffs.len(), "handoff", "handoffs"),
            ))
            .size(fs * 1.3)
            .strong(),
        );
        let gap_text = if gaps == 0 {
            RichText::new("· ✔ no gaps in the flow").color(crate::app::widgets::palette::ok())
        } else {
            RichText::new(format!("· {} in the flow", plural(gaps, "gap", "gaps")))
                .color(worst.map_or(ui.visuals().text_color(), severity_color))
        };
        ui.label(gap_text.size(fs * 1.3).strong());
        ui.add_space(fs * 2.0);
        legend_ui(ui, fs);
    });
    for f in &gaps_now.findings {
        if let Some(target) = banner_target(f.rule) {
            banner_ui(ui, f, target, commands, fs);
        }
    }
    ui.add_space(fs * 0.4);
}

/// A gap of the flow as a whole, with a button to the list it is fixed in.
fn banner_ui(ui: &mut Ui, f: &Finding, target: Section, commands: &mut Vec<Command>, fs: f32) {
    let color = severity_color(f.severity);
    egui::Frame::new()
        .fill(ui.visuals().panel_fill.lerp_to_gamma(color, 0.12))
        .stroke(Stroke::new(2.0, color))
        .corner_radius(6.0)
        .inner_margin(fs * 0.6)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("⚠ {}", f.message))
                        .color(color)
                        .size(fs * 1.1)
                        .strong(),
                );
                if ui.button(format!("Open {}", target.title())).clicked() {
                    commands.push(Command::Reveal(target, None, None));
                }
            });
        });
}

/// The legend: the teams' colours, the entry and end marks, and the handoff to sales, each
/// sample drawn as a shape.
fn legend_ui(ui: &mut Ui, fs: f32) {
    let panel = ui.visuals().panel_fill;
    let text = ui.visuals().text_color();
    let space = fs * 0.4;
    for team in Team::ALL {
        legend_item_ui(ui, 1.2, team.as_str(), |p, r| {
            p.rect(
                r,
                3.0,
                panel.lerp_to_gamma(team_color(team), 0.3),
                Stroke::new(2.0, team_color(team)),
                StrokeKind::Inside,
            );
        });
        ui.add_space(space);
    }
    legend_item_ui(ui, 0.8, "entry", |p, r| {
        let h = r.height() * 0.35;
        p.add(egui::Shape::convex_polygon(
            vec![
                pos2(r.left(), r.center().y - h),
                pos2(r.right(), r.center().y),
                pos2(r.left(), r.center().y + h),
            ],
            text,
            Stroke::NONE,
        ));
    });
    ui.add_space(space);
    legend_item_ui(ui, 0.8, "end", |p, r| {
        p.rect_filled(
            Rect::from_center_size(r.center(), vec2(r.width(), r.width()) * 0.8),
            1.0,
            text,
        );
    });
    ui.add_space(space);
    legend_item_ui(ui, 2.2, "hand-off to sales", |p, r| {
        p.line_segment(
            [r.left_center(), r.right_center()],
            Stroke::new(fs * 0.3, team_color(Team::Sales)),
        );
    });
}

/// The list a gap of the whole flow is fixed in, for the gaps shown as a banner above it.
fn banner_target(rule: RuleId) -> Option<Section> {
    match rule {
        RuleId::NoEntryStage => Some(Section::Stages),
        RuleId::NoSalesHandoff => Some(Section::Handoffs),
        _ => None,
    }
}
