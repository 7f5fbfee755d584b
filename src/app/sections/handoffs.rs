//! Handoffs of leads between stages: what moves a lead, who owns it, how fast, and who accepted it.

use crate::analysis::agreement::{Agreement, Signatures};
use crate::analysis::flow::{SALES_FOLLOW_UP_HOURS, hands_to_sales};
use crate::analysis::lookup::Lookup;
use crate::app::sections::list::{Column, EditorCx, ListSection, Priority::*, SortKey, column};
use crate::app::widgets::{self, Choice, Stakes, field_row, warned_row};
use crate::model::{Date, Handoff, Plan, Section, Team, unique_id};
use egui::Ui;

/// The handoffs section.
pub struct Handoffs;

fn stage_team(plan: &Plan, id: &str) -> Option<Team> {
    plan.stages.iter().find(|s| s.id == id).map(|s| s.team)
}

fn stage_name(plan: &Plan, id: &str) -> String {
    plan.stages
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| format!("{id}?"), |s| s.name.clone())
}

fn crossing(h: &Handoff, plan: &Plan) -> String {
    match (stage_team(plan, &h.from), stage_team(plan, &h.to)) {
        (Some(from), Some(to)) if from != to => format!("{from} ➡ {to}"),
        _ => String::new(),
    }
}

/// Whether the receiving team accepted the handoff: "yes", "stale", "no", or "n/a" within one
/// team (or when a stage is unknown).
fn accepted(h: &Handoff, plan: &Plan) -> &'static str {
    let (Some(from), Some(to)) = (stage_team(plan, &h.from), stage_team(plan, &h.to)) else {
        return "n/a";
    };
    if from == to {
        return "n/a";
    }
    match Signatures::in_plan(plan, h).of_team(to) {
        Agreement::Agreed => "yes",
        Agreement::Stale => "stale",
        Agreement::NotAgreed => "no",
    }
}

fn sla_key(h: &Handoff, _: &Plan, _: &Lookup) -> SortKey {
    SortKey::Number(h.sla_hours.map_or(-1.0, |x| x as f64))
}

impl ListSection for Handoffs {
    type Item = Handoff;
    const SECTION: Section = Section::Handoffs;
    const NOUN: &'static str = "handoff";

    fn items(plan: &Plan) -> &Vec<Handoff> {
        &plan.handoffs
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Handoff> {
        &mut plan.handoffs
    }

    fn columns() -> Vec<Column<Handoff>> {
        vec![
            column("From")
                .priority(Always)
                .chars(10.0, 22.0)
                .text(|h, p, _| stage_name(p, &h.from)),
            column("To")
                .priority(Always)
                .chars(10.0, 22.0)
                .text(|h, p, _| stage_name(p, &h.to)),
            column("Crossing")
                .widest(|| vec![format!("{} ➡ {}", Team::Leadership, Team::Marketing)])
                .text(|x, p, _| crossing(x, p)),
            column("Owner")
                .priority(Always)
                .chars(10.0, 16.0)
                .text(|h, p, _| match &h.owner {
                    Some(id) => p
                        .person(id)
                        .map_or_else(|| format!("{id}?"), |x| x.name.clone()),
                    None => "—".to_owned(),
                }),
            column("SLA")
                .priority(High)
                .widest(|| vec!["999 h".to_owned()])
                .keyed(
                    |h, _, _| {
                        h.sla_hours
                            .map_or_else(|| "—".to_owned(), |x| format!("{x} h"))
                    },
                    sla_key,
                ),
            column("Accepted")
                .priority(Always)
                .widest(|| ["yes", "stale", "no", "n/a"].map(String::from).to_vec())
                .text(|h, p, _| accepted(h, p).to_owned()),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Handoff {
        let stage = |i: usize| plan.stages.get(i).map(|s| s.id.clone()).unwrap_or_default();
        Handoff {
            id: unique_id("new handoff", plan.handoffs.iter().map(|h| h.id.as_str())),
            from: stage(0),
            to: stage(1),
            trigger: "Describe what moves the lead".into(),
            owner: None,
            sla_hours: None,
            signoffs: Vec::new(),
        }
    }

    fn id(item: &Handoff) -> &str {
        &item.id
    }

    fn name(item: &Handoff) -> String {
        format!("{} to {}", item.from, item.to)
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let choices = cx.derived.for_handoffs(plan);
        let stages: Vec<Choice> = choices
            .stages
            .iter()
            .map(|(c, team)| Choice {
                id: c.id.clone(),
                label: format!("{} · {team}", c.label),
            })
            .collect();
        let team_of = |id: &str| {
            choices
                .stages
                .iter()
                .find(|(c, _)| c.id == id)
                .map(|(_, t)| *t)
        };
        let Some((h, taken)) =
            crate::app::sections::list::edit_item(&mut plan.handoffs, index, Self::id)
        else {
            return;
        };
        let hl = cx.highlight;
        let e = &mut *cx.edits;
        let stakes = Stakes::of(&*h, choices);
        widgets::form_ui(ui, |ui| {
            warned_row(
                ui,
                "From",
                hl == Some("from"),
                stakes.warning("from"),
                |ui, l| widgets::choice_picker_ui(ui, l, &mut h.from, &stages, e),
            );
            warned_row(ui, "To", hl == Some("to"), stakes.warning("to"), |ui, l| {
                widgets::choice_picker_ui(ui, l, &mut h.to, &stages, e)
            });
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &h.id, &taken) {
                    *cx.rename = Some((h.id.clone(), new));
                }
            });
            let trigger = stakes.warning("trigger");
            warned_row(ui, "Trigger", hl == Some("trigger"), trigger, |ui, l| {
                widgets::text_ui(ui, l, &mut h.trigger, e)
            });
            let receiving = team_of(&h.to);
            let owner = stakes.warning("owner");
            warned_row(ui, "Owner", hl == Some("owner"), owner, |ui, l| {
                widgets::person_picker_ui(ui, l, &mut h.owner, choices, receiving, e);
            });
            let sla = stakes.warning("sla_hours");
            warned_row(ui, "SLA", hl == Some("sla_hours"), sla.clone(), |ui, l| {
                let mut has = h.sla_hours.is_some();
                // Named by its own text; the hours field below carries the row's label.
                let r = ui.checkbox(&mut has, "Has an SLA");
                // A click on the box changes the SLA at once: say what it costs beforehand.
                let r = match sla {
                    Some(w) => r.on_hover_text(w),
                    None => r,
                };
                if r.changed() {
                    h.sla_hours = has.then_some(24);
                    e.changed = true;
                }
                if let Some(hours) = h.sla_hours.as_mut() {
                    let before = *hours;
                    let drag = crate::app::widgets::number(hours)
                        .range(1..=720)
                        .clamp_existing_to_range(false)
                        .suffix(" h");
                    let r = ui.add(drag).labelled_by(l);
                    e.track_value(&r, &before, hours);
                }
            });
            let cold = hands_to_sales(h, team_of)
                && h.sla_hours.is_some_and(|x| x > SALES_FOLLOW_UP_HOURS);
            if cold {
                ui.label("");
                ui.colored_label(
                    widgets::palette::warning(),
                    format!("leads go cold: sales should call within {SALES_FOLLOW_UP_HOURS} h"),
                );
                ui.end_row();
            }
        });
        ui.separator();
        let receiving = match (team_of(&h.from), team_of(&h.to)) {
            (Some(from), Some(to)) if from != to => Some(to),
            _ => None,
        };
        field_row(ui, "Sign-offs", hl == Some("signoffs"), |ui, _| {
            ui.vertical(|ui| {
                ui.weak("Sign-offs pin from, to, trigger, owner and SLA.");
                if let Some(to) = receiving {
                    ui.weak(format!(
                        "{to} receives these leads: a {to} person should sign off to accept the handoff."
                    ));
                }
                widgets::signoffs_ui(ui, h, choices, cx.derived.trail.history(), e, cx.commands);
            });
        });
    }
}
