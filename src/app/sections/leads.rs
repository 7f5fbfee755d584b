//! Leads (format 2): who came to the booth, who follows them up, and their path through the
//! stages with the time each handoff took, as an event manager reads it after the show: which
//! leads are stuck, which handoffs came late, and whose move it is.

use crate::analysis::lookup::Lookup;
use crate::analysis::results::{self, LeadResult, Step};
use crate::app::commands::Command;
use crate::app::sections::list::{
    Column, EditorCx, ListSection, Priority::*, SortKey, column, date_samples, position_of,
};
use crate::app::sections::people::person_name;
use crate::app::widgets::{self, Edits, field_row, palette};
use crate::model::{Date, DateTime, Lead, Plan, Reached, Section, human, unique_id};
use egui::{RichText, Ui};

/// The leads section.
pub struct Leads;

/// Where a lead stands, as the table's Status column says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// Its last stage's follow-up is overdue.
    Stuck,
    /// It took a handoff later than the handoff's SLA.
    Late,
    /// Neither.
    OnTrack,
    /// It has reached no stage.
    NotStarted,
}

impl Standing {
    const ALL: [Standing; 4] = [
        Standing::Stuck,
        Standing::Late,
        Standing::OnTrack,
        Standing::NotStarted,
    ];

    fn of(lead: &Lead, result: Option<&LeadResult>) -> Standing {
        match result {
            Some(r) if r.stuck_at.is_some() => Standing::Stuck,
            Some(r) if r.late > 0 => Standing::Late,
            _ if lead.reached.is_empty() => Standing::NotStarted,
            _ => Standing::OnTrack,
        }
    }

    fn text(self) -> &'static str {
        match self {
            Standing::Stuck => "Stuck",
            Standing::Late => "Late",
            Standing::OnTrack => "On track",
            Standing::NotStarted => "No stage yet",
        }
    }
}

/// The measured standing of a lead of `plan` (one pass over the leads per plan version).
fn result_of<'a>(plan: &Plan, lookup: &'a Lookup, lead: &Lead) -> Option<&'a LeadResult> {
    position_of(&plan.leads, lead).and_then(|i| lookup.results(plan).leads.get(i))
}

/// The name of stage `id`, or the id with a question mark when no stage has it.
fn stage_name(plan: &Plan, id: &str) -> String {
    plan.stages
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| format!("{id}?"), |s| s.name.clone())
}

/// The stage a lead reached last, by time (the later entry of the file when two tie).
fn last_stage(l: &Lead, plan: &Plan) -> String {
    l.reached
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| (r.at, *i))
        .map(|(_, r)| stage_name(plan, &r.stage))
        .unwrap_or_default()
}

/// The name of the lead's account, or its id with a question mark when no account has it.
fn account_name(plan: &Plan, lookup: &Lookup, id: &Option<String>) -> String {
    match id {
        Some(id) => lookup
            .account(plan, id)
            .and_then(|i| plan.accounts.get(i))
            .map_or_else(|| format!("{id}?"), |a| a.name.clone()),
        None => String::new(),
    }
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
                .chars(12.0, 22.0)
                .text(|l, _, _| l.name.clone()),
            column("Company")
                .priority(Normal)
                .chars(10.0, 22.0)
                .text(|l, _, _| l.company.clone().unwrap_or_default()),
            column("Account")
                .priority(Low)
                .chars(10.0, 22.0)
                .text(|l, p, lk| account_name(p, lk, &l.account)),
            column("Owner")
                .priority(High)
                .chars(10.0, 16.0)
                .text(|l, p, lk| person_name(p, lk, &l.owner)),
            column("Captured")
                .priority(Normal)
                .widest(|| date_samples(|moment| human::date_time(moment, 0)))
                .keyed(
                    |l, p, _| human::date_time(l.captured, p.year()),
                    |l, _, _| SortKey::Text(l.captured.to_string()),
                ),
            column("Stage")
                .priority(Always)
                .chars(8.0, 16.0)
                .text(|l, p, _| last_stage(l, p)),
            column("Status")
                .priority(Always)
                .widest(|| Standing::ALL.map(|s| s.text().to_owned()).to_vec())
                .text(|l, p, lk| Standing::of(l, result_of(p, lk, l)).text().to_owned()),
            column("Pipeline")
                .priority(Low)
                .widest(|| vec!["1,000,000".to_owned()])
                .keyed(
                    |l, _, _| l.pipeline.map(|v| human::number(v, 0)).unwrap_or_default(),
                    |l, _, _| SortKey::Number(l.pipeline.unwrap_or(f64::NEG_INFINITY)),
                ),
        ]
    }

    /// Captured today at nine when today is a show day (else on the nearest show day), at the
    /// plan's entry stage (the booth visit) from that moment, owned by nobody yet.
    fn new_item(plan: &Plan, today: Date) -> Lead {
        let day = today.clamp(plan.event.starts, plan.event.ends.max(plan.event.starts));
        let captured = day.at(9, 0);
        let entry = plan
            .stages
            .iter()
            .find(|s| s.entry)
            .or_else(|| plan.stages.first());
        Lead {
            id: unique_id("new lead", plan.leads.iter().map(|l| l.id.as_str())),
            name: "New lead".into(),
            company: None,
            account: None,
            crm_id: None,
            owner: None,
            captured,
            pipeline: None,
            reached: entry
                .map(|s| Reached {
                    stage: s.id.clone(),
                    at: captured,
                })
                .into_iter()
                .collect(),
        }
    }

    fn id(item: &Lead) -> &str {
        &item.id
    }

    fn name(item: &Lead) -> String {
        item.name.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let derived = cx.derived;
        let people = derived.people(plan);
        let accounts = &derived.for_meetings(plan).accounts;
        let Some(lead) = plan.leads.get(index) else {
            return;
        };
        let standing = standing_text(plan, &derived.lookup, index);
        let account = lead
            .account
            .as_deref()
            .and_then(|id| derived.lookup.account(plan, id))
            .and_then(|i| Some((i, plan.accounts.get(i)?.name.clone())));
        let steps: Vec<(Step, String, Option<HowItWent>)> = results::path(plan, index)
            .into_iter()
            .map(|s| {
                let (stage, how) = step_text(plan, &s);
                (s, stage, how)
            })
            .collect();
        let stages: Vec<(String, String)> = plan
            .stages
            .iter()
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect();
        let draft_default = next_entry(plan, lead);
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
                ui.horizontal_wrapped(|ui| {
                    widgets::opt_choice_picker_ui(ui, l2, &mut l.account, accounts, e);
                    if let Some((i, name)) = &account
                        && ui
                            .link(format!("Open {name}"))
                            .on_hover_text("Show this account in Accounts")
                            .clicked()
                    {
                        cx.commands
                            .push(Command::Reveal(Section::Accounts, Some(*i), None));
                    }
                });
            });
            field_row(ui, "Owner", hl == Some("owner"), |ui, l2| {
                widgets::person_picker_ui(ui, l2, &mut l.owner, people, None, e);
            });
            field_row(ui, "Captured", hl == Some("captured"), |ui, l2| {
                widgets::date_time_ui(ui, l2, &mut l.captured, e);
            });
            field_row(ui, "Pipeline", hl == Some("pipeline"), |ui, l2| {
                ui.horizontal(|ui| {
                    let was = l.pipeline.is_some();
                    let mut set = was;
                    let r = ui.checkbox(&mut set, "Known");
                    if e.track_value(&r, &was, &set) {
                        l.pipeline = set.then_some(l.pipeline.unwrap_or(0.0));
                    }
                    if let Some(v) = l.pipeline.as_mut() {
                        let before = *v;
                        let r = ui
                            .add(widgets::number(v).speed(100.0).range(0.0..=f64::MAX))
                            .labelled_by(l2);
                        e.track_value(&r, &before, v);
                    }
                });
            });
            field_row(ui, "CRM id", hl == Some("crm_id"), |ui, l2| {
                widgets::opt_text_ui(ui, l2, &mut l.crm_id, "the CRM record's id", e);
            });
        });
        ui.separator();
        ui.strong("Where it stands");
        for (text, colour) in standing {
            let colour = colour.unwrap_or_else(|| ui.visuals().text_color());
            ui.colored_label(colour, text);
        }
        ui.add_space(4.0);
        ui.strong("Path through the stages");
        if steps.is_empty() {
            ui.weak("No stage reached yet.");
        }
        let mut remove = None;
        for (step, stage, how) in &steps {
            // Stage and remove button, then the time, then how the move went: each on a line of
            // its own, so nothing is cut at any width of the editor.
            ui.push_id(("entry", step.entry), |ui| {
                let label = ui
                    .horizontal_wrapped(|ui| {
                        let label = ui.label(RichText::new(stage).strong());
                        if ui
                            .small_button("✖")
                            .on_hover_text(format!("Remove the entry into {stage}"))
                            .clicked()
                        {
                            remove = Some(step.entry);
                        }
                        label
                    })
                    .inner;
                if let Some(r) = l.reached.get_mut(step.entry) {
                    widgets::date_time_ui(ui, label.id, &mut r.at, e);
                }
                if let Some((how, late)) = how {
                    let colour = if *late {
                        palette::warning()
                    } else {
                        ui.visuals().weak_text_color()
                    };
                    ui.colored_label(colour, how);
                }
                ui.add_space(2.0);
            });
        }
        if let Some(entry) = remove
            && entry < l.reached.len()
        {
            l.reached.remove(entry);
            e.changed = true;
        }
        ui.add_space(4.0);
        add_entry_ui(ui, l, &stages, draft_default, year, e);
    }
}

/// The form that adds a stage entry: a stage, the time it was entered, and "Add". What is
/// being chosen is kept in the UI's memory until added, for this lead.
fn add_entry_ui(
    ui: &mut Ui,
    l: &mut Lead,
    stages: &[(String, String)],
    default: (String, DateTime),
    year: i32,
    e: &mut Edits,
) {
    if stages.is_empty() {
        ui.weak("The plan has no stages to enter: add them in Stages.");
        return;
    }
    let key = ui.scope_id().with(("lead-new-entry", &l.id));
    let (mut stage, mut at): (String, DateTime) =
        ui.data_mut(|d| d.get_temp(key)).unwrap_or(default);
    let mut added = false;
    ui.push_id("new-entry", |ui| {
        let label = ui.strong("Add a stage entry");
        let shown = stages
            .iter()
            .find(|(id, _)| *id == stage)
            .map_or_else(|| format!("{stage}?"), |(_, name)| name.clone());
        egui::ComboBox::from_id_salt("stage")
            .selected_text(shown)
            .width(widgets::text_width(ui, "Marketing-qualified lead (MQL)"))
            .show_ui(ui, |ui| {
                for (id, name) in stages {
                    ui.selectable_value(&mut stage, id.clone(), name);
                }
            })
            .response
            .labelled_by(label.id);
        ui.horizontal_wrapped(|ui| {
            let when = ui.label("Entered");
            // Not the plan yet: only "Add" changes it.
            let mut scratch = Edits::default();
            widgets::date_time_ui(ui, when.id, &mut at, &mut scratch);
            if ui
                .button("Add")
                .on_hover_text(format!(
                    "Record that the lead entered this stage on {}",
                    human::date_time(at, year)
                ))
                .clicked()
            {
                added = true;
            }
        });
    });
    if added {
        l.reached.push(Reached {
            stage: stage.clone(),
            at,
        });
        e.changed = true;
        ui.data_mut(|d| d.remove::<(String, DateTime)>(key));
    } else {
        ui.data_mut(|d| d.insert_temp(key, (stage, at)));
    }
}

/// What "Add a stage entry" starts with: the stage a handoff leads to from the lead's last
/// stage (else the plan's first), at the time of its last entry (else when it was captured).
fn next_entry(plan: &Plan, lead: &Lead) -> (String, DateTime) {
    let last = lead
        .reached
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| (r.at, *i));
    let at = last.map_or(lead.captured, |(_, r)| r.at);
    let next = last
        .and_then(|(_, r)| plan.handoffs.iter().find(|h| h.from == r.stage))
        .map(|h| h.to.clone())
        .or_else(|| plan.stages.first().map(|s| s.id.clone()))
        .unwrap_or_default();
    (next, at)
}

/// Where the lead stands, line by line, each with its colour (none: the text colour): stuck at
/// which stage since when and whose handoff it waits for, or the handoffs it took late, or on
/// track.
fn standing_text(
    plan: &Plan,
    lookup: &Lookup,
    index: usize,
) -> Vec<(String, Option<egui::Color32>)> {
    let Some(lead) = plan.leads.get(index) else {
        return Vec::new();
    };
    let result = lookup.results(plan).leads.get(index);
    let year = plan.year();
    match Standing::of(lead, result) {
        Standing::Stuck => {
            let mut lines = Vec::new();
            let stage = result
                .and_then(|r| r.stuck_at)
                .and_then(|s| plan.stages.get(s));
            let since = result
                .and_then(|r| r.due)
                .map(|d| format!(" since {}", human::date_time(d, year)))
                .unwrap_or_default();
            let name = stage.map_or_else(|| "its last stage".to_owned(), |s| s.name.clone());
            lines.push((
                format!("Stuck at {name}{since}, when its follow-up was due"),
                Some(palette::warning()),
            ));
            if let Some(s) = stage {
                for h in plan.handoffs.iter().filter(|h| h.from == s.id) {
                    let owner = match &h.owner {
                        Some(_) => person_name(plan, lookup, &h.owner),
                        None => "nobody".to_owned(),
                    };
                    let sla = h
                        .sla_hours
                        .map(|n| format!(" within {n} h"))
                        .unwrap_or_default();
                    lines.push((
                        format!(
                            "Next: {} to {}{sla}, owned by {owner}",
                            s.name,
                            stage_name(plan, &h.to)
                        ),
                        None,
                    ));
                }
            }
            lines
        }
        Standing::Late => {
            let n = result.map_or(0, |r| r.late);
            let handoffs = if n == 1 {
                "1 handoff".to_owned()
            } else {
                format!("{n} handoffs")
            };
            vec![(
                format!("Took {handoffs} later than agreed; not stuck now"),
                Some(palette::warning()),
            )]
        }
        Standing::OnTrack => vec![(
            "On track: every handoff in time, nothing overdue".to_owned(),
            Some(palette::ok()),
        )],
        Standing::NotStarted => vec![("No stage reached yet".to_owned(), None)],
    }
}

/// How a move into a stage went, and whether it was late.
type HowItWent = (String, bool);

/// A step as the path shows it: the stage's name, and how the move into it went ("19.5 h after
/// MQL, within 24 h" or "30 h after MQL, late by 6 h") with whether it was late.
fn step_text(plan: &Plan, s: &Step) -> (String, Option<HowItWent>) {
    let stage = s
        .stage
        .and_then(|i| plan.stages.get(i))
        .map_or_else(|| "unknown stage".to_owned(), |x| x.name.clone());
    let handoff = s.handoffs.first().and_then(|&h| plan.handoffs.get(h));
    let from = handoff.map(|h| stage_name(plan, &h.from));
    let Some(h) = s.hours else {
        return (stage, None);
    };
    let hours = human::number(h, 1);
    let how = match (handoff.and_then(|x| x.sla_hours), from) {
        (Some(sla), Some(from)) if h > sla as f64 => (
            format!(
                "{hours} h after {from}: late by {} h (within {sla} h agreed)",
                human::number(h - sla as f64, 1)
            ),
            true,
        ),
        (Some(sla), Some(from)) => (format!("{hours} h after {from}, within {sla} h"), false),
        (None, Some(from)) => (format!("{hours} h after {from} (no time agreed)"), false),
        (_, None) => (format!("{hours} h later, by no handoff"), false),
    };
    (stage, Some(how))
}
