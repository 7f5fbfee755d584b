//! The event: name, place, booth, time zone (typed, or picked from every IANA zone) and days,
//! and the plan-wide gaps.

use crate::app::checker::Gaps;
use crate::app::sections::list::ListState;
use crate::app::widgets::{self, Edits, field_row, severity_color};
use crate::check::RuleId;
use crate::model::{Plan, Section, zone};
use egui::{RichText, Ui};

/// Draws the event form.
pub fn event_ui(ui: &mut Ui, plan: &mut Plan, state: &mut ListState, gaps: &Gaps) -> Edits {
    let mut edits = Edits::default();
    let hl = state.highlight;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.set_max_width(720.0);
            ui.heading("Event");
            ui.add_space(6.0);
            let plan_wide: Vec<_> = gaps
                .findings
                .iter()
                .filter(|f| {
                    matches!(f.section, Section::Event | Section::Plan) || f.index.is_none()
                })
                .collect();
            // One scope, however many gaps it lists, so that the form below keeps its widgets'
            // ids (focus, typed text) when a gap comes or goes as the user types.
            ui.scope(|ui| {
                if plan_wide.is_empty() {
                    return;
                }
                ui.label(RichText::new("Gaps that concern the whole plan").strong());
                for f in plan_wide {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            severity_color(f.severity),
                            RichText::new(format!("⏺ {}", f.rule)).strong(),
                        );
                        ui.label(format!("{}: {}", f.section.title(), f.message));
                    });
                }
                ui.separator();
            });
            let e = &mut plan.event;
            let ed = &mut edits;
            widgets::form_ui(ui, |ui| {
                field_row(ui, "Name", hl == Some("name"), |ui, l| {
                    widgets::text_ui(ui, l, &mut e.name, ed)
                });
                field_row(ui, "Venue", hl == Some("venue"), |ui, l| {
                    widgets::opt_text_ui(ui, l, &mut e.venue, "city, hall", ed)
                });
                field_row(ui, "Booth", hl == Some("booth"), |ui, l| {
                    widgets::opt_text_ui(ui, l, &mut e.booth, "stand number", ed)
                });
                field_row(ui, "Time zone", hl == Some("timezone"), |ui, l| {
                    ui.vertical(|ui| {
                        let r = widgets::suggested_text_ui(
                            ui,
                            l,
                            &mut e.timezone,
                            "Europe/Berlin",
                            "America/Argentina/Buenos_Aires",
                            zone::names(),
                            ed,
                        );
                        // The check's word on a time zone it does not know, under the field.
                        for f in gaps.findings.iter().filter(|f| {
                            f.rule == RuleId::InvalidValue
                                && f.section == Section::Event
                                && f.message.contains("time zone")
                        }) {
                            ui.colored_label(severity_color(f.severity), &f.message);
                        }
                        r
                    })
                    .inner
                });
                field_row(ui, "First day", hl == Some("starts"), |ui, l| {
                    widgets::date_ui(ui, l, &mut e.starts, ed)
                });
                field_row(ui, "Last day", hl == Some("ends"), |ui, l| {
                    widgets::date_ui(ui, l, &mut e.ends, ed)
                });
            });
            ui.add_space(6.0);
            let days = e.starts.days_until(e.ends) + 1;
            if days >= 1 {
                let days = crate::model::human::count(days.unsigned_abs() as usize, "show day");
                ui.weak(format!(
                    "{days}. All times in the plan are local event time."
                ));
            }
            ui.add_space(12.0);
            ui.separator();
            ui.label(RichText::new("The plan at a glance").strong());
            egui::Grid::new("event-counts")
                .num_columns(2)
                .spacing([24.0, 4.0])
                .show(ui, |ui| {
                    for s in [
                        Section::People,
                        Section::Objectives,
                        Section::Terms,
                        Section::Accounts,
                        Section::Meetings,
                        Section::Messages,
                        Section::Stages,
                        Section::Handoffs,
                        Section::Tasks,
                    ] {
                        ui.label(s.title());
                        ui.label(plan.count(s).to_string());
                        ui.end_row();
                    }
                });
        });
    if edits.changed {
        state.highlight = None;
    }
    edits
}
