//! Meetings at the show: when, with which account, who attends, where, and what clashes with them.

use crate::analysis::lookup::Lookup;
use crate::app::commands::Command;
use crate::app::sections::list::{
    Column, EditorCx, ListSection, Priority::*, SortKey, column, date_samples,
};
use crate::app::widgets::{self, Edits, field_row};
use crate::model::{Date, DateTime, Meeting, MeetingStatus, Plan, Section, human, unique_id};
use egui::Ui;

/// The meetings section.
pub struct Meetings;

fn account_name(plan: &Plan, lookup: &Lookup, id: &str) -> String {
    lookup
        .account(plan, id)
        .and_then(|i| plan.accounts.get(i))
        .map_or_else(|| format!("{id}?"), |a| a.name.clone())
}

fn person_name(plan: &Plan, lookup: &Lookup, id: &str) -> String {
    lookup
        .person(plan, id)
        .and_then(|i| plan.people.get(i))
        .map_or_else(|| format!("{id}?"), |p| p.name.clone())
}

/// `HH:MM`, with the date in front when it is not `day`.
fn clock(t: DateTime, day: Date, year: i32) -> String {
    if t.date() == day {
        human::clock(t)
    } else {
        human::date_time(t, year)
    }
}

/// The room of a meeting, trimmed ("" when none).
fn room(m: &Meeting) -> &str {
    m.location.as_deref().map_or("", str::trim)
}

/// Other active meetings overlapping meeting `index` in time that share one of its people or its
/// room: (index, what to show).
fn same_time(plan: &Plan, lookup: &Lookup, index: usize) -> Vec<(usize, String)> {
    let Some(m) = plan.meetings.get(index) else {
        return Vec::new();
    };
    let here = room(m).to_lowercase();
    let overlapping = lookup
        .overlapping(plan, index)
        .into_iter()
        .filter_map(|i| plan.meetings.get(i).map(|o| (i, o)));
    let mut clashes = Vec::new();
    for (i, o) in overlapping {
        let mut why: Vec<String> = o
            .people
            .iter()
            .filter(|p| m.people.contains(p))
            .map(|p| person_name(plan, lookup, p))
            .collect();
        if !here.is_empty() && room(o).to_lowercase() == here {
            why.push(room(o).to_owned());
        }
        if !why.is_empty() {
            let when = format!(
                "{}–{}",
                human::date_time(o.start, plan.year()),
                clock(o.end(), o.start.date(), plan.year())
            );
            let with = account_name(plan, lookup, &o.account);
            clashes.push((
                i,
                format!(
                    "{when} · {with} · {} · {}",
                    o.status.label(),
                    why.join(", ")
                ),
            ));
        }
    }
    clashes
}

/// Free text for the room, and a menu of the places the `others` use (gathered only when opened).
fn location_ui(
    ui: &mut Ui,
    l: egui::Id,
    value: &mut Option<String>,
    others: [&[Meeting]; 2],
    e: &mut Edits,
) {
    ui.scope(|ui| {
        // Leave room for the menu button beside the field.
        ui.set_max_width((ui.available_width() - 32.0).max(80.0));
        widgets::opt_text_ui(ui, l, value, "room or place", e);
    });
    ui.menu_button("⏷", |ui| {
        let mut places: Vec<&str> = others
            .iter()
            .flat_map(|list| list.iter().map(room))
            .collect();
        places.retain(|p| !p.is_empty());
        places.sort_unstable();
        places.dedup();
        if places.is_empty() {
            ui.weak("No other meeting has a place yet.");
        }
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                for place in places {
                    if ui.button(place).clicked() {
                        *value = Some(place.to_owned());
                        e.changed = true;
                        ui.close();
                    }
                }
            });
    })
    .response
    .on_hover_text("Places already used in this plan");
}

fn status_ui(ui: &mut Ui, l: egui::Id, status: &mut MeetingStatus, e: &mut Edits) {
    let before = *status;
    egui::ComboBox::from_id_salt(("meeting-status", l))
        .selected_text(status.label())
        .show_ui(ui, |ui| {
            // Held and No-show are offered at any time: a plan is often filled in after the
            // fact, and the status is the user's to set.
            for s in MeetingStatus::ALL {
                ui.selectable_value(status, s, s.label());
            }
        })
        .response
        .labelled_by(l);
    if *status != before {
        e.changed = true;
    }
    if !status.is_active() {
        ui.weak("takes no time");
    }
}

/// A meeting's start as its table shows it (and sizes its column by).
/// A start as the list shows it, leaving out the plan's `year`: "Tue 16 Mar, 09:30".
fn start_text(start: DateTime, year: i32) -> String {
    human::date_time(start, year)
}

impl ListSection for Meetings {
    type Item = Meeting;
    const SECTION: Section = Section::Meetings;
    const NOUN: &'static str = "meeting";

    fn items(plan: &Plan) -> &Vec<Meeting> {
        &plan.meetings
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Meeting> {
        &mut plan.meetings
    }

    fn columns() -> Vec<Column<Meeting>> {
        vec![
            column("Start")
                .priority(Always)
                .widest(|| date_samples(|t| start_text(t, 0)))
                .keyed(
                    |m, p, _| start_text(m.start, p.year()),
                    |m, _, _| SortKey::Number(m.start.0.and_utc().timestamp() as f64),
                ),
            column("Minutes")
                .priority(Low)
                .widest(|| vec!["240".to_owned()])
                .keyed(
                    |m, _, _| m.minutes.to_string(),
                    |m, _, _| SortKey::Number(m.minutes as f64),
                ),
            column("Account")
                .priority(Always)
                .chars(14.0, 24.0)
                .text(|m, p, l| account_name(p, l, &m.account)),
            column("People").chars(12.0, 30.0).text(|m, p, l| {
                m.people
                    .iter()
                    .map(|id| person_name(p, l, id))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            column("Location")
                .priority(Low)
                .chars(8.0, 14.0)
                .text(|m, _, _| m.location.clone().unwrap_or_default()),
            column("Status")
                .priority(Always)
                .widest(|| MeetingStatus::ALL.map(|s| s.label().to_owned()).to_vec())
                .text(|m, _, _| m.status.label().to_owned()),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Meeting {
        Meeting {
            id: unique_id("new meeting", plan.meetings.iter().map(|m| m.id.as_str())),
            account: plan
                .accounts
                .first()
                .map(|a| a.id.clone())
                .unwrap_or_default(),
            start: plan.event.starts.at(9, 0),
            minutes: 30,
            location: None,
            people: Vec::new(),
            status: MeetingStatus::Proposed,
            goal: None,
            messages: Vec::new(),
        }
    }

    fn id(item: &Meeting) -> &str {
        &item.id
    }

    fn name(item: &Meeting) -> String {
        format!("{} meeting", item.account)
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let derived = cx.derived;
        let choices = derived.for_meetings(plan);
        let clashes = same_time(plan, &derived.lookup, index);
        if index >= plan.meetings.len() {
            return;
        }
        // The other meetings' ids, borrowed beside the one being edited.
        let (before, rest) = plan.meetings.split_at_mut(index);
        let Some((m, after)) = rest.split_first_mut() else {
            return;
        };
        let (others_before, others_after) = (&*before, &*after);
        let taken = |id: &str| others_before.iter().chain(others_after).any(|x| x.id == id);
        let hl = cx.highlight;
        let e = &mut *cx.edits;
        widgets::form_ui(ui, |ui| {
            field_row(ui, "Account", hl == Some("account"), |ui, l| {
                widgets::choice_picker_ui(ui, l, &mut m.account, &choices.accounts, e);
            });
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &m.id, &taken) {
                    *cx.rename = Some((m.id.clone(), new));
                }
            });
            field_row(ui, "Start", hl == Some("start"), |ui, l| {
                widgets::date_time_ui(ui, l, &mut m.start, e)
            });
            field_row(ui, "Minutes", hl == Some("minutes"), |ui, l| {
                let before = m.minutes;
                let r = ui.add(
                    crate::app::widgets::number(&mut m.minutes)
                        .range(5..=600)
                        .speed(5.0)
                        .clamp_existing_to_range(false)
                        .suffix(" min"),
                );
                e.track_value(&r.labelled_by(l), &before, &m.minutes);
                let year = widgets::plan_year(ui.ctx());
                ui.weak(format!("ends {}", clock(m.end(), m.start.date(), year)));
            });
            field_row(ui, "Location", hl == Some("location"), |ui, l| {
                location_ui(ui, l, &mut m.location, [&*before, &*after], e);
            });
            field_row(ui, "People", hl == Some("people"), |ui, l| {
                widgets::people_picker_ui(ui, l, &mut m.people, choices, e);
            });
            field_row(ui, "Status", hl == Some("status"), |ui, l| {
                status_ui(ui, l, &mut m.status, e)
            });
            field_row(ui, "Goal", hl == Some("goal"), |ui, l| {
                widgets::opt_multiline_ui(
                    ui,
                    l,
                    &mut m.goal,
                    "what this meeting should achieve",
                    e,
                );
            });
            field_row(ui, "Messages", hl == Some("messages"), |ui, l| {
                widgets::multi_picker_ui(ui, l, &mut m.messages, &choices.messages, e);
            });
        });
        ui.separator();
        ui.strong("Same time");
        if clashes.is_empty() {
            ui.weak("No other active meeting needs these people or this room at this time.");
        }
        for (i, text) in clashes {
            if ui.link(text).on_hover_text("Show this meeting").clicked() {
                cx.commands
                    .push(Command::Reveal(Section::Meetings, Some(i), None));
            }
        }
    }
}
