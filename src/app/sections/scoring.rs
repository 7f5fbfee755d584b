//! Lead scoring: the threshold, the signals that earn points, and who agreed to them.

use crate::analysis::provenance::SignoffHistory;
use crate::app::checker::Gaps;
use crate::app::commands::Command;
use crate::app::sections::list::ListState;
use crate::app::widgets::{self, Choices, Edits, Stakes, severity_color, warned_row};
use crate::model::{Plan, Scoring, Section, Signal};
use egui::{RichText, Ui};

/// Draws the scoring form.
pub fn scoring_ui(
    ui: &mut Ui,
    plan: &mut Plan,
    state: &mut ListState,
    gaps: &Gaps,
    history: Option<&SignoffHistory>,
    commands: &mut Vec<Command>,
) -> Edits {
    let mut edits = Edits::default();
    let hl = state.highlight;
    let choices = Choices::people(plan);
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(720.0);
        ui.heading("Lead scoring");
        ui.weak("How a booth conversation becomes a qualified lead: both teams agree on the signals and the threshold.");
        ui.add_space(6.0);
        for f in gaps.findings.iter().filter(|f| f.section == Section::Scoring) {
            ui.horizontal_wrapped(|ui| {
                ui.colored_label(severity_color(f.severity), RichText::new(format!("⏺ {}", f.rule)).strong());
                ui.label(&f.message);
            });
        }
        let Some(s) = plan.scoring.as_mut() else {
            ui.add_space(12.0);
            ui.label("This plan has no lead scoring yet.");
            if ui.button("+ Add lead scoring").clicked() {
                plan.scoring = Some(Scoring { threshold: 60, signals: Vec::new(), signoffs: Vec::new() });
                edits.changed = true;
            }
            return;
        };
        let ed = &mut edits;
        let stakes = Stakes::of(&*s, &choices);
        widgets::form_ui(ui, |ui| {
            let threshold = stakes.warning("threshold");
            warned_row(ui, "Threshold", hl == Some("threshold"), threshold, |ui, l| {
                let before = s.threshold;
                let r = ui
                    .add(
                        crate::app::widgets::number(&mut s.threshold)
                            .range(-1000..=1000)
                            .clamp_existing_to_range(false)
                            .suffix(" points"),
                    )
                    .labelled_by(l);
                ed.track_value(&r, &before, &s.threshold);
                let reachable: i64 = s.signals.iter().map(|x| x.points.max(0)).sum();
                ui.weak(format!("(all positive signals add up to {reachable})"));
            });
        });
        ui.add_space(8.0);
        let signals = ui.label(RichText::new("Signals").strong());
        let mut signals_rect = signals.rect;
        let mut remove = None;
        for (i, sig) in s.signals.iter_mut().enumerate() {
            let row = ui.push_id(i, |ui| {
                ui.horizontal(|ui| {
                    let l = ui.label(format!("Signal {}", i + 1));
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut sig.signal).desired_width(380.0))
                        .labelled_by(l.id);
                    ed.track(&r);
                    let before = sig.points;
                    let r = ui
                        .add(
                            crate::app::widgets::number(&mut sig.points)
                                .range(-1000..=1000)
                                .clamp_existing_to_range(false)
                                .suffix(" pts"),
                        )
                        .labelled_by(l.id);
                    ed.track_value(&r, &before, &sig.points);
                    if ui.small_button("✖").on_hover_text("Remove this signal").clicked() {
                        remove = Some(i);
                    }
                })
                .response
                .rect
            });
            signals_rect = signals_rect.union(row.inner);
        }
        // Working in a signal, hear first which sign-offs a change would make stale.
        if let Some(w) = stakes.warning("signals")
            && widgets::working_in(ui, ui.make_persistent_id("signals"), signals_rect)
        {
            ui.colored_label(widgets::palette::warning(), format!("⚠ {w}"));
        }
        if let Some(i) = remove {
            s.signals.remove(i);
            ed.changed = true;
        }
        let add = ui.button("+ Add signal");
        let add = match stakes.warning("signals") {
            Some(w) => add.on_hover_text(w),
            None => add,
        };
        if add.clicked() {
            s.signals.push(Signal { signal: "New signal".into(), points: 10 });
            ed.changed = true;
        }
        ui.add_space(8.0);
        ui.separator();
        widgets::field_row(ui, "Sign-offs", hl == Some("signoffs"), |ui, _| {
            ui.vertical(|ui| widgets::signoffs_ui(ui, s, &choices, history, ed, commands));
        });
        ui.add_space(16.0);
        if ui.button("Remove lead scoring").clicked() {
            plan.scoring = None;
            edits.changed = true;
        }
    });
    if edits.changed {
        state.highlight = None;
    }
    edits
}
