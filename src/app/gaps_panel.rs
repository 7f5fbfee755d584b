//! The gaps panel: every open finding, live, grouped by severity and section; a click opens the
//! item and highlights the field to fix.

use super::checker::Gaps;
use super::commands::Command;
use super::widgets::severity_color;
use crate::check::Severity;
use crate::model::{Plan, Section};
use egui::{RichText, Ui};

/// The field of an item a rule's finding is about, for highlighting.
pub fn field_for(rule: &str) -> Option<&'static str> {
    Some(match rule {
        "account-without-owner"
        | "account-owner-not-sales"
        | "handoff-without-owner"
        | "task-without-owner" => "owner",
        "account-without-marketing-owner" => "marketing_owner",
        "account-without-message" => "messages",
        "priority-account-without-meeting" => "tier",
        "meeting-outside-event" | "person-double-booked" => "start",
        "room-double-booked" => "location",
        "meeting-without-sales" => "people",
        "person-over-capacity" => "max_meetings_per_day",
        "message-not-agreed"
        | "signoff-stale"
        | "objective-not-shared"
        | "term-not-agreed"
        | "scoring-not-agreed"
        | "handoff-not-accepted" => "signoffs",
        "message-without-proof" => "proof",
        "message-unused" => "segments",
        "objective-without-target" => "target",
        "scoring-threshold-unreachable" => "threshold",
        "handoff-without-sla" | "handoff-sla-too-slow" => "sla_hours",
        "task-overdue" => "due",
        "stage-dead-end" | "stage-trap" | "no-entry-stage" => "entry",
        "stage-unreachable" => "entry",
        "duplicate-id" => "id",
        _ => return None,
    })
}

/// A short name of the item a finding is about.
fn item_name(plan: &Plan, section: Section, index: Option<usize>, id: Option<&str>) -> String {
    let Some(i) = index else {
        return section.title().to_owned();
    };
    let name = match section {
        Section::People => plan.people.get(i).map(|x| x.name.clone()),
        Section::Objectives => plan.objectives.get(i).map(|x| x.name.clone()),
        Section::Terms => plan.terms.get(i).map(|x| x.term.clone()),
        Section::Accounts => plan.accounts.get(i).map(|x| x.name.clone()),
        Section::Meetings => plan.meetings.get(i).map(|x| x.id.clone()),
        Section::Messages => plan.messages.get(i).map(|x| x.headline.clone()),
        Section::Stages => plan.stages.get(i).map(|x| x.name.clone()),
        Section::Handoffs => plan.handoffs.get(i).map(|x| x.id.clone()),
        Section::Tasks => plan.tasks.get(i).map(|x| x.title.clone()),
        _ => None,
    };
    name.or_else(|| id.map(str::to_owned)).unwrap_or_default()
}

/// Draws the panel.
pub fn gaps_panel_ui(ui: &mut Ui, gaps: &Gaps, plan: &Plan, commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.heading("Gaps");
        let s = gaps.summary();
        ui.weak(format!("{} · F8 next", s.total()));
    });
    ui.separator();
    if gaps.findings.is_empty() {
        ui.add_space(20.0);
        ui.vertical_centered(|ui| {
            ui.label(
                RichText::new("✔ No open gaps")
                    .color(super::widgets::palette::ok())
                    .size(18.0),
            )
        });
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for severity in Severity::ALL {
                let of_severity: Vec<usize> = (0..gaps.findings.len())
                    .filter(|&i| gaps.findings.get(i).is_some_and(|f| f.severity == severity))
                    .collect();
                if of_severity.is_empty() {
                    continue;
                }
                let title = RichText::new(format!("{} ({})", heading(severity), of_severity.len()))
                    .color(severity_color(severity))
                    .strong();
                egui::CollapsingHeader::new(title)
                    .id_salt(("gaps", severity.as_str()))
                    .default_open(severity != Severity::Info)
                    .show(ui, |ui| {
                        let mut last_section = None;
                        for i in of_severity {
                            let Some(f) = gaps.findings.get(i) else {
                                continue;
                            };
                            if last_section != Some(f.section) {
                                ui.add_space(4.0);
                                ui.label(RichText::new(f.section.title()).small().strong());
                                last_section = Some(f.section);
                            }
                            let name = item_name(plan, f.section, f.index, f.id.as_deref());
                            let r = ui
                                .add(
                                    egui::Button::new(
                                        RichText::new(&f.message).color(ui.visuals().text_color()),
                                    )
                                    .wrap()
                                    .frame(false),
                                )
                                .on_hover_text(format!("{name} · {} · click to open", f.rule));
                            if r.clicked() {
                                commands.push(Command::Reveal(
                                    f.section,
                                    f.index,
                                    field_for(f.rule),
                                ));
                            }
                        }
                    });
            }
        });
}

fn heading(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Notes",
    }
}
