//! Leads (format 2): who came to the booth, who follows them up, and their path through the
//! stages with the time each handoff took.

use crate::analysis::results::{self, Step};
use crate::app::sections::list::{
    Column, EditorCx, ListSection, Priority::*, SortKey, column, date_samples,
};
use crate::app::sections::people::person_name;
use crate::app::widgets::{self, field_row, palette};
use crate::model::{Lead, Plan, Section, human, unique_id};
use egui::Ui;

/// The leads section.
pub struct Leads;

/// The stage a lead reached last, by time.
fn last_stage(l: &Lead, plan: &Plan) -> String {
    l.reached
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| (r.at, *i))
        .map(|(_, r)| {
            plan.stages
                .iter()
                .find(|s| s.id == r.stage)
                .map_or_else(|| format!("{}?", r.stage), |s| s.name.clone())
        })
        .unwrap_or_default()
}

impl ListSection for Leads {
    type Item = Lead;
    const SECTION: Section = Section::Leads;
    const NOUN: &'static str = "lead";

    fn items(plan: &Plan) -> &Vec<Lead> {
        &plan.leads
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Lead> {
        &mut plan.leads
    }

    fn columns() -> Vec<Column<Lead>> {
        vec![
            column("Name")
                .priority(Always)
                .chars(12.0, 24.0)
                .text(|l, _, _| l.name.clone()),
            column("Company")
                .priority(High)
                .chars(10.0, 24.0)
                .text(|l, _, _| l.company.clone().unwrap_or_default()),
            column("Owner")
                .priority(Always)
                .chars(10.0, 16.0)
                .text(|l, p, lk| person_name(p, lk, &l.owner)),
            column("Captured")
                .priority(High)
                .widest(|| date_samples(|moment| human::date_time(moment, 0)))
                .keyed(
                    |l, p, _| human::date_time(l.captured, p.year()),
                    |l, _, _| SortKey::Text(l.captured.to_string()),
                ),
            column("Stage")
                .priority(Always)
                .chars(8.0, 20.0)
                .text(|l, p, _| last_stage(l, p)),
            column("Pipeline")
                .priority(Low)
                .widest(|| vec!["1,000,000".to_owned()])
                .keyed(
                    |l, _, _| l.pipeline.map(|v| human::number(v, 0)).unwrap_or_default(),
                    |l, _, _| SortKey::Number(l.pipeline.unwrap_or(f64::NEG_INFINITY)),
                ),
        ]
    }

    fn new_item(plan: &Plan, today: crate::model::Date) -> Lead {
        let day = if (plan.event.starts..=plan.event.ends).contains(&today) {
            today
        } else {
            plan.event.starts
        };
        Lead {
            id: unique_id("new lead", plan.leads.iter().map(|l| l.id.as_str())),
            name: "New lead".into(),
            company: None,
            account: None,
            crm_id: None,
            owner: None,
            captured: day.at(9, 0),
            pipeline: None,
            reached: Vec::new(),
        }
    }

    fn id(item: &Lead) -> &str {
        &item.id
    }

    fn name(item: &Lead) -> String {
        item.name.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let choices = cx.derived.people(plan);
        let steps = results::path(plan, index);
        let names: Vec<(String, Option<i64>, String)> =
            steps.iter().map(|s| step_text(plan, s)).collect();
        let year = plan.year();
        let Some((l, taken)) =
            crate::app::sections::list::edit_item(&mut plan.leads, index, Self::id)
        else {
            return;
        };
        let hl = cx.highlight;
        let e = &mut *cx.edits;
        widgets::form_ui(ui, |ui| {
            field_row(ui, "Name", hl == Some("name"), |ui, l2| {
                widgets::text_ui(ui, l2, &mut l.name, e)
            });
            field_row(ui, "Id", hl == Some("id"), |ui, l2| {
                if let Some(new) = widgets::id_ui(ui, l2, &l.id, &taken) {
                    *cx.rename = Some((l.id.clone(), new));
                }
            });
            field_row(ui, "Company", hl == Some("company"), |ui, l2| {
                widgets::opt_text_ui(ui, l2, &mut l.company, "as they gave it", e);
            });
            field_row(ui, "Account", hl == Some("account"), |ui, l2| {
                widgets::opt_text_ui(ui, l2, &mut l.account, "an account id", e);
            });
            field_row(ui, "Owner", hl == Some("owner"), |ui, l2| {
                widgets::person_picker_ui(ui, l2, &mut l.owner, choices, None, e);
            });
            field_row(ui, "Captured", hl == Some("captured"), |ui, l2| {
                widgets::date_time_ui(ui, l2, &mut l.captured, e);
            });
            field_row(ui, "Pipeline", hl == Some("pipeline"), |ui, l2| {
                let was = l.pipeline.is_some();
                let mut set = was;
                let r = ui.checkbox(&mut set, "Known");
                if e.track_value(&r, &was, &set) {
                    l.pipeline = set.then_some(l.pipeline.unwrap_or(0.0));
                }
                if let Some(v) = l.pipeline.as_mut() {
                    let before = *v;
                    let r = ui.add(widgets::number(v).speed(100.0)).labelled_by(l2);
                    e.track_value(&r, &before, v);
                }
            });
            field_row(ui, "CRM id", hl == Some("crm_id"), |ui, l2| {
                widgets::opt_text_ui(ui, l2, &mut l.crm_id, "the CRM record's id", e);
            });
        });
        ui.separator();
        ui.strong("Path through the stages");
        if steps.is_empty() {
            ui.weak("No stage reached yet.");
        }
        for (step, (stage, _, handoff)) in steps.iter().zip(&names) {
            ui.horizontal(|ui| {
                ui.label(human::date_time(step.at, year));
                ui.strong(stage);
                if !handoff.is_empty() {
                    let colour = if handoff.contains("late") {
                        palette::warning()
                    } else {
                        ui.visuals().weak_text_color()
                    };
                    ui.colored_label(colour, handoff);
                }
            });
        }
    }
}

/// A step as the path shows it: the stage's name, the handoff's SLA, and how the move went
/// ("after 30 h, 6 h late" or "after 1.5 h, within 4 h").
fn step_text(plan: &Plan, s: &Step) -> (String, Option<i64>, String) {
    let stage = s
        .stage
        .and_then(|i| plan.stages.get(i))
        .map_or_else(|| "unknown stage".to_owned(), |x| x.name.clone());
    let sla = s
        .handoffs
        .first()
        .and_then(|&h| plan.handoffs.get(h))
        .and_then(|h| h.sla_hours);
    let how = match (s.hours, sla) {
        (Some(h), Some(sla)) if h > sla as f64 => format!(
            "after {} h, {} h late",
            human::number(h, 1),
            human::number(h - sla as f64, 1)
        ),
        (Some(h), Some(sla)) => format!("after {} h, within {sla} h", human::number(h, 1)),
        (Some(h), None) if !s.handoffs.is_empty() => format!("after {} h", human::number(h, 1)),
        (Some(h), None) => format!("after {} h, by no handoff", human::number(h, 1)),
        (None, _) => String::new(),
    };
    (stage, sla, how)
}
