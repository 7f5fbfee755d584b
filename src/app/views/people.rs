//! People: who plans, staffs and signs off, their team and daily meeting limit, and what they own.

use crate::app::commands::Command;
use crate::app::list::{Column, EditorCx, ListSection, SortKey};
use crate::app::widgets::{self, field_row, palette};
use crate::model::{Date, Person, Plan, Section, Team, unique_id};
use egui::Ui;
use std::collections::BTreeMap;

/// The people section.
pub struct People;

/// The limit a new "Limit" tick starts from.
const DEFAULT_LIMIT: u32 = 8;

/// The name of an optional person id, `id?` when nobody has it, `—` when none.
pub(super) fn person_name(plan: &Plan, id: &Option<String>) -> String {
    match id {
        Some(id) => plan
            .person(id)
            .map_or_else(|| format!("{id}?"), |p| p.name.clone()),
        None => "—".to_owned(),
    }
}

/// How many accounts name this person as sales or marketing owner.
fn owned_count(plan: &Plan, id: &str) -> usize {
    plan.accounts
        .iter()
        .filter(|a| a.owner.as_deref() == Some(id) || a.marketing_owner.as_deref() == Some(id))
        .count()
}

/// The accounts a person owns: (index, "name (sales owner)").
fn owned_accounts(plan: &Plan, id: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, a) in plan.accounts.iter().enumerate() {
        let mut roles = Vec::new();
        if a.owner.as_deref() == Some(id) {
            roles.push("sales owner");
        }
        if a.marketing_owner.as_deref() == Some(id) {
            roles.push("marketing owner");
        }
        if !roles.is_empty() {
            out.push((i, format!("{} ({})", a.name, roles.join(", "))));
        }
    }
    out
}

/// Active meetings a person attends, counted per show day.
fn meetings_per_day(plan: &Plan, id: &str) -> BTreeMap<Date, usize> {
    let mut days = BTreeMap::new();
    for m in plan
        .meetings
        .iter()
        .filter(|m| m.status.is_active() && m.people.iter().any(|p| p == id))
    {
        *days.entry(m.start.date()).or_insert(0) += 1;
    }
    days
}

impl ListSection for People {
    type Item = Person;
    const SECTION: Section = Section::People;
    const NOUN: &'static str = "person";

    fn items(plan: &Plan) -> &Vec<Person> {
        &plan.people
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Person> {
        &mut plan.people
    }

    fn columns() -> Vec<Column<Person>> {
        vec![
            Column::text("Name", Some(180.0), |p, _| p.name.clone()),
            Column::text("Team", Some(90.0), |p, _| p.team.to_string()),
            Column::text("Role", Some(160.0), |p, _| {
                p.role.clone().unwrap_or_default()
            }),
            Column::text("Email", Some(180.0), |p, _| {
                p.email.clone().unwrap_or_default()
            }),
            Column::keyed(
                "Max meetings/day",
                Some(120.0),
                |p, _| {
                    p.max_meetings_per_day
                        .map(|n| n.to_string())
                        .unwrap_or_default()
                },
                |p, _| SortKey::Number(p.max_meetings_per_day.map_or(f64::INFINITY, f64::from)),
            ),
            Column::keyed(
                "Owns",
                None,
                |p, plan| owned_count(plan, &p.id).to_string(),
                |p, plan| SortKey::Number(owned_count(plan, &p.id) as f64),
            ),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Person {
        Person {
            id: unique_id("new person", plan.people.iter().map(|p| p.id.as_str())),
            name: "New person".into(),
            team: Team::Sales,
            role: None,
            email: None,
            max_meetings_per_day: None,
        }
    }

    fn id(item: &Person) -> &str {
        &item.id
    }

    fn name(item: &Person) -> String {
        item.name.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let taken: Vec<String> = plan.people.iter().map(|p| p.id.clone()).collect();
        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
        let Some(id) = plan.people.get(index).map(|p| p.id.clone()) else {
            return;
        };
        let owned = owned_accounts(plan, &id);
        let days = meetings_per_day(plan, &id);
        let Some(p) = plan.people.get_mut(index) else {
            return;
        };
        let hl = cx.highlight;
        let e = &mut *cx.edits;
        widgets::form_ui(ui, |ui| {
            field_row(ui, "Name", hl == Some("name"), |ui, l| {
                widgets::text_ui(ui, l, &mut p.name, e)
            });
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &p.id, &taken) {
                    *cx.rename = Some((p.id.clone(), new));
                }
            });
            // Radio buttons and check boxes are named by their own text.
            field_row(ui, "Team", hl == Some("team"), |ui, _| {
                for team in Team::ALL {
                    let r = ui.radio_value(&mut p.team, team, team.as_str());
                    e.track(&r);
                }
            });
            field_row(ui, "Role", hl == Some("role"), |ui, l| {
                widgets::opt_text_ui(ui, l, &mut p.role, "job title", e);
            });
            field_row(ui, "Email", hl == Some("email"), |ui, l| {
                widgets::opt_text_ui(ui, l, &mut p.email, "name@example.com", e);
            });
            field_row(
                ui,
                "Max meetings/day",
                hl == Some("max_meetings_per_day"),
                |ui, l| {
                    let was = p.max_meetings_per_day.is_some();
                    let mut limited = was;
                    let r = ui.checkbox(&mut limited, "Limit");
                    if e.track_value(&r, &was, &limited) {
                        p.max_meetings_per_day =
                            limited.then_some(p.max_meetings_per_day.unwrap_or(DEFAULT_LIMIT));
                    }
                    match p.max_meetings_per_day.as_mut() {
                        Some(n) => {
                            let before = *n;
                            let r = ui
                                .add(
                                    egui::DragValue::new(n)
                                        .range(1..=30)
                                        .clamp_existing_to_range(false)
                                        .suffix(" per day"),
                                )
                                .labelled_by(l);
                            e.track_value(&r, &before, n);
                        }
                        None => {
                            ui.weak("no limit");
                        }
                    }
                },
            );
        });
        let limit = p.max_meetings_per_day;
        ui.separator();
        ui.strong("Owns");
        if owned.is_empty() {
            ui.weak("Owns no accounts.");
        }
        for (i, text) in owned {
            if ui.link(text).clicked() {
                cx.commands
                    .push(Command::Reveal(Section::Accounts, Some(i), None));
            }
        }
        ui.add_space(6.0);
        ui.strong("Active meetings per day");
        if days.is_empty() {
            ui.weak("Attends no meetings.");
        }
        for (day, n) in days {
            let text = format!("{day}: {n} {}", crate::app::list::plural("meeting", n));
            match limit {
                Some(max) if n > max as usize => {
                    ui.colored_label(
                        palette::error(),
                        format!("{text} (over the limit of {max})"),
                    );
                }
                _ => {
                    ui.label(text);
                }
            }
        }
    }
}
