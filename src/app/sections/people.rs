//! People: who plans, staffs and signs off, their team and daily meeting limit, and what they own.

use crate::analysis::bookings::DayLoad;
use crate::analysis::lookup::Lookup;
use crate::app::commands::Command;
use crate::app::sections::list::{Column, EditorCx, ListSection, Priority::*, SortKey, column};
use crate::app::widgets::{self, field_row, palette};
use crate::model::{Date, Person, Plan, Section, Team, unique_id};
use egui::Ui;
use std::collections::BTreeMap;

/// The people section.
pub struct People;

/// Owned accounts listed before the list scrolls.
const OWNED_ROWS: f32 = 12.0;

/// The limit a new "Limit" tick starts from.
const DEFAULT_LIMIT: u32 = 8;

/// The name of an optional person id, `id?` when nobody has it, `—` when none.
pub(super) fn person_name(plan: &Plan, lookup: &Lookup, id: &Option<String>) -> String {
    match id {
        Some(id) => lookup
            .person(plan, id)
            .and_then(|i| plan.people.get(i))
            .map_or_else(|| format!("{id}?"), |p| p.name.clone()),
        None => "—".to_owned(),
    }
}

/// How many accounts name this person as sales or marketing owner.
fn owned_count(p: &Person, plan: &Plan, lookup: &Lookup) -> usize {
    lookup
        .person(plan, &p.id)
        .map_or(0, |i| lookup.owned_by(plan, i).len())
}

/// The accounts person `index` owns: (index, "name (sales owner)").
fn owned_accounts(plan: &Plan, lookup: &Lookup, index: usize, id: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for &i in lookup.owned_by(plan, index) {
        let Some(a) = plan.accounts.get(i as usize) else {
            continue;
        };
        let mut roles = Vec::new();
        if a.owner.as_deref() == Some(id) {
            roles.push("sales owner");
        }
        if a.marketing_owner.as_deref() == Some(id) {
            roles.push("marketing owner");
        }
        if !roles.is_empty() {
            out.push((i as usize, format!("{} ({})", a.name, roles.join(", "))));
        }
    }
    out
}

/// Active meetings person `index` attends, counted per show day, as the capacity check counts
/// them ([`DayLoad`]).
fn meetings_per_day(plan: &Plan, lookup: &Lookup, index: usize) -> BTreeMap<Date, usize> {
    let mut load = DayLoad::new(index + 1);
    for m in lookup
        .meetings_with(plan, index)
        .iter()
        .filter_map(|&i| plan.meetings.get(i as usize))
    {
        load.count(m.start.date(), m.status, [index]);
    }
    load.days(index).collect()
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
            column("Name")
                .priority(Always)
                .chars(12.0, 22.0)
                .text(|p, _, _| p.name.clone()),
            column("Team")
                .priority(High)
                .widest(|| Team::ALL.map(|t| t.to_string()).to_vec())
                .text(|p, _, _| p.team.to_string()),
            column("Role")
                .chars(8.0, 22.0)
                .text(|p, _, _| p.role.clone().unwrap_or_default()),
            column("Email")
                .priority(Low)
                .chars(10.0, 24.0)
                .text(|p, _, _| p.email.clone().unwrap_or_default()),
            column("Max meetings/day")
                .priority(Low)
                .widest(|| vec!["99".to_owned()])
                .keyed(
                    |p, _, _| {
                        p.max_meetings_per_day
                            .map(|n| n.to_string())
                            .unwrap_or_default()
                    },
                    |p, _, _| {
                        SortKey::Number(p.max_meetings_per_day.map_or(f64::INFINITY, f64::from))
                    },
                ),
            column("Owns").widest(|| vec!["999".to_owned()]).keyed(
                |p, plan, l| owned_count(p, plan, l).to_string(),
                |p, plan, l| SortKey::Number(owned_count(p, plan, l) as f64),
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
        let Some(id) = plan.people.get(index).map(|p| p.id.clone()) else {
            return;
        };
        let lookup = &cx.derived.lookup;
        // Answers are for the first person with an id, as everywhere in Preshow.
        let first = lookup.person(plan, &id).filter(|&i| i == index);
        let owned = first.map_or_else(Vec::new, |i| owned_accounts(plan, lookup, i, &id));
        let days = first.map_or_else(BTreeMap::new, |i| meetings_per_day(plan, lookup, i));
        let Some((p, taken)) =
            crate::app::sections::list::edit_item(&mut plan.people, index, Self::id)
        else {
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
                                    crate::app::widgets::number(n)
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
        if owned.is_empty() {
            ui.strong("Owns");
        } else {
            let n = owned.len();
            ui.strong(format!(
                "Owns {n} {}",
                crate::app::sections::list::plural("account", n)
            ));
        }
        if owned.is_empty() {
            ui.weak("Owns no accounts.");
        }
        // A key account manager can own hundreds: only the links in view are laid out.
        let row_h = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt("owned-accounts")
            .max_height(row_h * OWNED_ROWS)
            .auto_shrink([false, true])
            .show_rows(ui, row_h, owned.len(), |ui, range| {
                for (i, text) in owned.get(range).unwrap_or_default() {
                    if ui.link(text).clicked() {
                        cx.commands
                            .push(Command::Reveal(Section::Accounts, Some(*i), None));
                    }
                }
            });
        ui.add_space(6.0);
        ui.strong("Active meetings per day");
        if days.is_empty() {
            ui.weak("Attends no meetings.");
        }
        for (day, n) in days {
            let text = format!(
                "{day}: {n} {}",
                crate::app::sections::list::plural("meeting", n)
            );
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
