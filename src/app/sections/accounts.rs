//! Target accounts: who owns each, its tier and segment, and the messages chosen for it.

use crate::analysis::lookup::Lookup;
use crate::app::sections::list::{Column, EditorCx, ListSection, Priority::*, SortKey, column};
use crate::app::sections::people::person_name;
use crate::app::widgets::{self, field_row};
use crate::model::{Account, Date, Plan, Section, Team, unique_id};
use egui::Ui;

/// The accounts section.
pub struct Accounts;

/// How many active meetings the account has (every account with its id counts the same).
fn active_meetings(a: &Account, plan: &Plan, lookup: &Lookup) -> usize {
    lookup
        .account(plan, &a.id)
        .map_or(0, |i| lookup.active_meetings(plan, i))
}

impl ListSection for Accounts {
    type Item = Account;
    const SECTION: Section = Section::Accounts;
    const NOUN: &'static str = "account";

    fn items(plan: &Plan) -> &Vec<Account> {
        &plan.accounts
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Account> {
        &mut plan.accounts
    }

    fn columns() -> Vec<Column<Account>> {
        vec![
            column("Name")
                .priority(Always)
                .chars(12.0, 26.0)
                .text(|a, _, _| a.name.clone()),
            column("Tier")
                .priority(High)
                .widest(|| ["1", "2", "3"].map(String::from).to_vec())
                .keyed(
                    |a, _, _| a.tier.to_string(),
                    |a, _, _| SortKey::Number(a.tier as f64),
                ),
            column("Sales owner")
                .priority(Always)
                .chars(10.0, 16.0)
                .text(|a, p, l| person_name(p, l, &a.owner)),
            column("Marketing owner")
                .priority(Always)
                .chars(10.0, 16.0)
                .text(|a, p, l| person_name(p, l, &a.marketing_owner)),
            column("Segment")
                .chars(8.0, 20.0)
                .text(|a, _, _| a.segment.clone().unwrap_or_default()),
            column("Meetings")
                .priority(Low)
                .widest(|| vec!["99".to_owned()])
                .keyed(
                    |a, p, l| active_meetings(a, p, l).to_string(),
                    |a, p, l| SortKey::Number(active_meetings(a, p, l) as f64),
                ),
            column("Messages")
                .priority(Low)
                .chars(10.0, 30.0)
                .text(|a, _, _| a.messages.join(", ")),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Account {
        Account {
            id: unique_id("new account", plan.accounts.iter().map(|a| a.id.as_str())),
            name: "New account".into(),
            tier: 2,
            owner: None,
            marketing_owner: None,
            segment: None,
            messages: Vec::new(),
            notes: None,
            crm_id: None,
        }
    }

    fn id(item: &Account) -> &str {
        &item.id
    }

    fn name(item: &Account) -> String {
        item.name.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let derived = cx.derived;
        let choices = derived.people_and_messages(plan);
        let lookup = &derived.lookup;
        let meetings: Vec<(usize, String, String)> = plan
            .accounts
            .get(index)
            .and_then(|a| lookup.account(plan, &a.id))
            .map(|first| lookup.meetings_of_account(plan, first))
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| plan.meetings.get(i as usize).map(|m| (i as usize, m)))
            .map(|(i, m)| {
                let start = crate::model::human::date_time(m.start, plan.year());
                (i, start, m.status.to_string())
            })
            .collect();
        let Some((a, taken)) =
            crate::app::sections::list::edit_item(&mut plan.accounts, index, Self::id)
        else {
            return;
        };
        let hl = cx.highlight;
        let e = &mut *cx.edits;
        widgets::form_ui(ui, |ui| {
            field_row(ui, "Name", hl == Some("name"), |ui, l| {
                widgets::text_ui(ui, l, &mut a.name, e)
            });
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &a.id, &taken) {
                    *cx.rename = Some((a.id.clone(), new));
                }
            });
            field_row(ui, "Tier", hl == Some("tier"), |ui, _| {
                for (tier, text) in [(1, "1 · top priority"), (2, "2"), (3, "3")] {
                    let r = ui.radio_value(&mut a.tier, tier, text);
                    e.track(&r);
                }
                if !(1..=3).contains(&a.tier) {
                    ui.colored_label(
                        widgets::palette::error(),
                        format!("{} is not a tier", a.tier),
                    );
                }
            });
            field_row(ui, "Sales owner", hl == Some("owner"), |ui, l| {
                widgets::person_picker_ui(ui, l, &mut a.owner, choices, Some(Team::Sales), e);
            });
            field_row(
                ui,
                "Marketing owner",
                hl == Some("marketing_owner"),
                |ui, l| {
                    widgets::person_picker_ui(
                        ui,
                        l,
                        &mut a.marketing_owner,
                        choices,
                        Some(Team::Marketing),
                        e,
                    );
                },
            );
            field_row(ui, "Segment", hl == Some("segment"), |ui, l| {
                widgets::suggest_ui(ui, l, &mut a.segment, &choices.segments, e);
            });
            field_row(ui, "Messages", hl == Some("messages"), |ui, l| {
                widgets::multi_picker_ui(ui, l, &mut a.messages, &choices.messages, e);
            });
            field_row(ui, "Notes", hl == Some("notes"), |ui, l| {
                widgets::opt_multiline_ui(ui, l, &mut a.notes, "", e);
            });
            field_row(ui, "CRM id", hl == Some("crm_id"), |ui, l| {
                widgets::opt_text_ui(ui, l, &mut a.crm_id, "the CRM record's id", e);
            });
        });
        ui.separator();
        ui.strong("Meetings");
        if meetings.is_empty() {
            ui.weak("No meetings booked with this account.");
        }
        for (i, start, status) in meetings {
            if ui.link(format!("{start} · {status}")).clicked() {
                cx.commands.push(crate::app::commands::Command::Reveal(
                    Section::Meetings,
                    Some(i),
                    None,
                ));
            }
        }
    }
}
