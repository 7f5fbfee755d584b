//! The tooltips of the stages and the handoffs' labels.

use crate::app::boards::lead_flow::items::{HandoffView, StageView, person_label, stage_name};
use crate::app::boards::lead_flow::style::team_color;
use crate::app::widgets::severity_color;
use crate::check::Finding;
use crate::model::{Plan, Team};
use egui::Ui;

/// A finding per line in its severity's colour, or that there is none.
fn findings_ui(ui: &mut Ui, findings: &[Finding]) {
    if findings.is_empty() {
        ui.colored_label(crate::app::widgets::palette::ok(), "✔ no gaps");
    }
    for f in findings {
        ui.colored_label(severity_color(f.severity), format!("⚠ {}", f.message));
    }
}

/// What hovering a stage shows: its team and marks, where its leads come from and go, and its
/// gaps.
pub(super) fn stage_tooltip_ui(ui: &mut Ui, plan: &Plan, i: usize, v: &StageView) {
    ui.set_max_width(ui.spacing().tooltip_width * 1.3);
    ui.strong(&v.label);
    let mut what = format!("{} stage", v.team);
    if v.entry {
        what.push_str(" · leads enter here");
    }
    if v.terminal {
        what.push_str(" · leads may rest here");
    }
    ui.label(what);
    let id = plan
        .stages
        .get(i)
        .map(|s| s.id.as_str())
        .unwrap_or_default();
    let into: Vec<String> = plan
        .handoffs
        .iter()
        .filter(|h| h.to == id)
        .map(|h| stage_name(plan, &h.from))
        .collect();
    let out: Vec<String> = plan
        .handoffs
        .iter()
        .filter(|h| h.from == id)
        .map(|h| stage_name(plan, &h.to))
        .collect();
    if !into.is_empty() {
        ui.label(format!("From: {}", into.join(", ")));
    }
    if !out.is_empty() {
        ui.label(format!("To: {}", out.join(", ")));
    }
    ui.separator();
    findings_ui(ui, &v.findings);
    ui.weak("Click to open it in Stages");
}

/// What hovering a handoff's label shows: its trigger, owner, SLA, sign-offs and gaps.
pub(super) fn handoff_tooltip_ui(ui: &mut Ui, plan: &Plan, i: usize, v: &HandoffView) {
    ui.set_max_width(ui.spacing().tooltip_width * 1.3);
    ui.strong(&v.label);
    let Some(h) = plan.handoffs.get(i) else {
        return;
    };
    if v.crossing {
        ui.colored_label(
            team_color(Team::Sales),
            "Marketing hands these leads to sales",
        );
    }
    ui.label(format!("Trigger: {}", h.trigger));
    ui.label(format!(
        "Owner: {}",
        h.owner
            .as_deref()
            .map_or_else(|| "nobody".to_owned(), |o| person_label(plan, o))
    ));
    ui.label(format!(
        "SLA: {}",
        h.sla_hours
            .map_or_else(|| "none".to_owned(), |x| format!("{x} h"))
    ));
    if !h.signoffs.is_empty() {
        let who: Vec<String> = h
            .signoffs
            .iter()
            .map(|s| person_label(plan, &s.by))
            .collect();
        ui.label(format!("Signed off by {}", who.join(", ")));
    }
    ui.separator();
    findings_ui(ui, &v.findings);
    ui.weak("Click to open it in Handoffs");
}
