//! Lead stages: the steps a lead passes through, which team works each, and where leads enter and rest.

use crate::app::commands::Command;
use crate::app::sections::list::{Column, EditorCx, ListSection, Priority::*, SortKey, column};
use crate::app::widgets::{self, field_row};
use crate::model::{Date, Plan, Section, Stage, Team, unique_id};
use egui::Ui;

/// The stages section.
pub struct Stages;

fn out_count(s: &Stage, plan: &Plan) -> usize {
    plan.handoffs.iter().filter(|h| h.from == s.id).count()
}

fn in_count(s: &Stage, plan: &Plan) -> usize {
    plan.handoffs.iter().filter(|h| h.to == s.id).count()
}

fn tick(on: bool) -> String {
    if on { "✔".to_owned() } else { String::new() }
}

fn stage_name(plan: &Plan, id: &str) -> String {
    plan.stages
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| format!("{id}?"), |s| s.name.clone())
}

/// Links to handoffs: (index, what to show).
type Links = Vec<(usize, String)>;

/// The handoffs into and out of the stage `id`.
fn handoff_links(plan: &Plan, id: &str) -> (Links, Links) {
    let mut into = Vec::new();
    let mut out = Vec::new();
    for (i, h) in plan.handoffs.iter().enumerate() {
        if h.to == id {
            into.push((
                i,
                format!("⬅ from {} ({})", stage_name(plan, &h.from), h.id),
            ));
        }
        if h.from == id {
            out.push((i, format!("➡ to {} ({})", stage_name(plan, &h.to), h.id)));
        }
    }
    (into, out)
}

fn links_ui(
    ui: &mut Ui,
    title: &str,
    empty: &str,
    links: Vec<(usize, String)>,
    commands: &mut Vec<Command>,
) {
    ui.strong(title);
    if links.is_empty() {
        ui.weak(empty);
    }
    for (i, text) in links {
        if ui.link(text).on_hover_text("Show this handoff").clicked() {
            commands.push(Command::Reveal(Section::Handoffs, Some(i), None));
        }
    }
}

impl ListSection for Stages {
    type Item = Stage;
    const SECTION: Section = Section::Stages;
    const NOUN: &'static str = "stage";

    fn items(plan: &Plan) -> &Vec<Stage> {
        &plan.stages
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Stage> {
        &mut plan.stages
    }

    fn columns() -> Vec<Column<Stage>> {
        vec![
            column("Name")
                .priority(Always)
                .chars(12.0, 26.0)
                .text(|s, _, _| s.name.clone()),
            column("Team")
                .priority(High)
                .widest(|| Team::ALL.map(|t| t.to_string()).to_vec())
                .text(|s, _, _| s.team.to_string()),
            column("Entry")
                .widest(|| vec![tick(true)])
                .text(|s, _, _| tick(s.entry)),
            column("Terminal")
                .widest(|| vec![tick(true)])
                .text(|s, _, _| tick(s.terminal)),
            column("Out")
                .priority(Low)
                .widest(|| vec!["99".to_owned()])
                .keyed(
                    |s, p, _| out_count(s, p).to_string(),
                    |s, p, _| SortKey::Number(out_count(s, p) as f64),
                ),
            column("In")
                .priority(Low)
                .widest(|| vec!["99".to_owned()])
                .keyed(
                    |s, p, _| in_count(s, p).to_string(),
                    |s, p, _| SortKey::Number(in_count(s, p) as f64),
                ),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Stage {
        Stage {
            id: unique_id("new stage", plan.stages.iter().map(|s| s.id.as_str())),
            name: "New stage".into(),
            team: Team::Marketing,
            entry: plan.stages.is_empty(),
            terminal: false,
            crm_stage: None,
        }
    }

    fn id(item: &Stage) -> &str {
        &item.id
    }

    fn name(item: &Stage) -> String {
        item.name.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let (into, out) = match plan.stages.get(index) {
            Some(s) => handoff_links(plan, &s.id),
            None => return,
        };
        let Some((s, taken)) =
            crate::app::sections::list::edit_item(&mut plan.stages, index, Self::id)
        else {
            return;
        };
        let hl = cx.highlight;
        let e = &mut *cx.edits;
        ui.weak("Leads enter at entry stages and may rest at terminal ones; every other stage needs a handoff out.");
        ui.add_space(4.0);
        widgets::form_ui(ui, |ui| {
            field_row(ui, "Name", hl == Some("name"), |ui, l| {
                widgets::text_ui(ui, l, &mut s.name, e)
            });
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &s.id, &taken) {
                    *cx.rename = Some((s.id.clone(), new));
                }
            });
            field_row(ui, "Team", hl == Some("team"), |ui, l| {
                for team in Team::ALL {
                    let r = ui
                        .radio_value(&mut s.team, team, team.as_str())
                        .labelled_by(l);
                    e.track(&r);
                }
            });
            field_row(ui, "Entry", hl == Some("entry"), |ui, l| {
                let r = ui
                    .checkbox(&mut s.entry, "Leads enter the flow here")
                    .labelled_by(l);
                e.track(&r);
            });
            field_row(
                ui,
                "Terminal",
                hl == Some("entry") || hl == Some("terminal"),
                |ui, l| {
                    let r = ui
                        .checkbox(&mut s.terminal, "Leads may rest here")
                        .labelled_by(l);
                    e.track(&r);
                },
            );
            // What a CRM export calls entering this stage: how an import of leads reads their
            // stage times. Only format 2 has it.
            field_row(ui, "CRM stage", hl == Some("crm_stage"), |ui, l| {
                widgets::opt_text_ui(
                    ui,
                    l,
                    &mut s.crm_stage,
                    "the CRM's name: Marketing Qualified Lead, Working…",
                    e,
                );
            });
        });
        ui.separator();
        links_ui(
            ui,
            "Handoffs in",
            "No handoff leads here.",
            into,
            cx.commands,
        );
        ui.add_space(6.0);
        links_ui(
            ui,
            "Handoffs out",
            "No handoff leaves this stage.",
            out,
            cx.commands,
        );
    }
}
