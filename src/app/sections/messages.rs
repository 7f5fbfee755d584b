//! The message map: each message's headline, proof, author and segments, and whether Sales agreed.

use crate::analysis::agreement::{Agreement, Signatures};
use crate::analysis::lookup::Lookup;
use crate::app::sections::list::{
    Column, EditorCx, ListSection, Priority::*, SortKey, column, plural,
};
use crate::app::sections::objectives::signoffs_row;
use crate::app::sections::people::person_name;
use crate::app::widgets::{self, Edits, Stakes, field_row, palette, warned_row};
use crate::model::{Date, Message, Plan, Section, Team, unique_id};
use egui::Ui;

/// The messages section.
pub struct Messages;

/// Whether Sales agreed: "yes" (a sign-off by Sales holds), "stale" (all are stale) or "no".
fn sales_agreement(m: &Message, plan: &Plan, lookup: &Lookup) -> String {
    let team_of = |id: &str| {
        lookup
            .person(plan, id)
            .and_then(|i| plan.people.get(i))
            .map(|p| p.team)
    };
    let fingerprint = lookup.message_fingerprint(plan, m);
    match Signatures::with_fingerprint(&m.signoffs, &fingerprint, team_of).of_team(Team::Sales) {
        Agreement::Agreed => "yes",
        Agreement::Stale => "stale",
        Agreement::NotAgreed => "no",
    }
    .to_owned()
}

/// How many accounts and meetings list the message.
fn usage(m: &Message, plan: &Plan, lookup: &Lookup) -> (usize, usize) {
    lookup
        .message(plan, &m.id)
        .map_or((0, 0), |i| lookup.message_use(plan, i))
}

fn usage_text(m: &Message, plan: &Plan, lookup: &Lookup) -> String {
    match usage(m, plan, lookup) {
        (0, 0) => "unused".to_owned(),
        (a, n) => usage_words(a, n),
    }
}

/// "3 accounts, 1 meeting".
fn usage_words(accounts: usize, meetings: usize) -> String {
    format!(
        "{accounts} {}, {meetings} {}",
        plural("account", accounts),
        plural("meeting", meetings)
    )
}

/// The proof list: one line per proof with ✖, and "Add proof".
fn proof_ui(ui: &mut Ui, label: egui::Id, proof: &mut Vec<String>, e: &mut Edits) {
    ui.vertical(|ui| {
        let mut remove = None;
        for (i, p) in proof.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let edit = egui::TextEdit::singleline(p)
                    .hint_text("case study, figure, quote")
                    .desired_width(300.0);
                e.track(&ui.add(edit).labelled_by(label));
                if ui
                    .small_button("✖")
                    .on_hover_text("Remove this proof")
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            proof.remove(i);
            e.changed = true;
        }
        if proof.is_empty() {
            ui.colored_label(palette::warning(), "No proof yet: what backs this claim?");
        }
        if ui.button("+ Add proof").clicked() {
            proof.push(String::new());
            e.changed = true;
        }
    });
}

/// Segments as removable chips, a field to add one, and the segments already in use.
fn segments_ui(
    ui: &mut Ui,
    label: egui::Id,
    index: usize,
    segments: &mut Vec<String>,
    known: &[String],
    e: &mut Edits,
) {
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| {
            let mut remove = None;
            for (i, s) in segments.iter().enumerate() {
                if ui
                    .add(egui::Button::new(format!("{s}  ✖")).small())
                    .on_hover_text("Remove")
                    .clicked()
                {
                    remove = Some(i);
                }
            }
            if let Some(i) = remove {
                segments.remove(i);
                e.changed = true;
            }
            if segments.is_empty() {
                ui.weak("no segments");
            }
        });
        ui.horizontal(|ui| {
            let buffer = ui.make_persistent_id(("new-segment", index));
            let mut text: String = ui.data_mut(|d| d.get_temp(buffer)).unwrap_or_default();
            let edit = egui::TextEdit::singleline(&mut text)
                .hint_text("new segment")
                .desired_width(180.0);
            let r = ui.add(edit).labelled_by(label);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui
                .add_enabled(!text.trim().is_empty(), egui::Button::new("Add"))
                .clicked();
            let new = text.trim().to_owned();
            if (enter || add) && !new.is_empty() {
                if !segments.contains(&new) {
                    segments.push(new);
                    e.changed = true;
                }
                text.clear();
            }
            ui.data_mut(|d| d.insert_temp(buffer, text));
            let rest: Vec<&String> = known.iter().filter(|k| !segments.contains(k)).collect();
            if !rest.is_empty() {
                ui.menu_button("In use…", |ui| {
                    for k in rest {
                        if ui.button(k).clicked() {
                            segments.push(k.clone());
                            e.changed = true;
                            ui.close();
                        }
                    }
                })
                .response
                .on_hover_text("Segments used by accounts and other messages");
            }
        });
    });
}

impl ListSection for Messages {
    type Item = Message;
    const SECTION: Section = Section::Messages;
    const NOUN: &'static str = "message";

    fn items(plan: &Plan) -> &Vec<Message> {
        &plan.messages
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Message> {
        &mut plan.messages
    }

    fn columns() -> Vec<Column<Message>> {
        vec![
            column("Headline")
                .priority(Always)
                .chars(14.0, 40.0)
                .text(|m, _, _| m.headline.clone()),
            column("Author")
                .priority(Always)
                .chars(10.0, 16.0)
                .text(|m, p, l| person_name(p, l, &m.author)),
            column("Segments")
                .chars(8.0, 24.0)
                .text(|m, _, _| m.segments.join(", ")),
            column("Proof")
                .priority(Low)
                .widest(|| vec!["99".to_owned()])
                .keyed(
                    |m, _, _| m.proof.len().to_string(),
                    |m, _, _| SortKey::Number(m.proof.len() as f64),
                ),
            column("Agreed by Sales")
                .priority(Always)
                .widest(|| ["yes", "stale", "no"].map(String::from).to_vec())
                .text(sales_agreement),
            column("Used by")
                .priority(Low)
                .widest(|| vec![usage_words(99, 99)])
                .keyed(usage_text, |m, p, l| {
                    let (a, n) = usage(m, p, l);
                    SortKey::Number((a + n) as f64)
                }),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Message {
        Message {
            id: unique_id("new message", plan.messages.iter().map(|m| m.id.as_str())),
            headline: "New message".into(),
            body: None,
            proof: Vec::new(),
            author: None,
            segments: Vec::new(),
            signoffs: Vec::new(),
        }
    }

    fn id(item: &Message) -> &str {
        &item.id
    }

    fn name(item: &Message) -> String {
        item.headline.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let choices = cx.derived.people_and_messages(plan);
        let Some((m, taken)) =
            crate::app::sections::list::edit_item(&mut plan.messages, index, Self::id)
        else {
            return;
        };
        let stakes = Stakes::of(&*m, choices);
        let hl = cx.highlight;
        widgets::form_ui(ui, |ui| {
            let e = &mut *cx.edits;
            warned_row(
                ui,
                "Headline",
                hl == Some("headline") || hl == Some("name"),
                stakes.warning("headline"),
                |ui, l| widgets::text_ui(ui, l, &mut m.headline, e),
            );
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &m.id, &taken) {
                    *cx.rename = Some((m.id.clone(), new));
                }
            });
            warned_row(
                ui,
                "Body",
                hl == Some("body"),
                stakes.warning("body"),
                |ui, l| {
                    widgets::opt_multiline_ui(ui, l, &mut m.body, "the full message", e);
                },
            );
            warned_row(
                ui,
                "Proof",
                hl == Some("proof"),
                stakes.warning("proof"),
                |ui, l| proof_ui(ui, l, &mut m.proof, e),
            );
            field_row(ui, "Author", hl == Some("author"), |ui, l| {
                widgets::person_picker_ui(ui, l, &mut m.author, choices, Some(Team::Marketing), e);
            });
            field_row(ui, "Segments", hl == Some("segments"), |ui, l| {
                segments_ui(ui, l, index, &mut m.segments, &choices.segments, e);
            });
            signoffs_row(ui, m, "headline, body and proof", choices, cx);
        });
    }
}
