//! Pickers: one person, one item of a list (with a search box when it is long), and lists of
//! ids as removable chips.

use crate::app::widgets::choices::{Choice, Choices, PersonChoice};
use crate::app::widgets::form::Edits;
use crate::model::Team;
use egui::{Response, RichText, Ui};

/// Picks one person or nobody, people of `prefer`'s team listed first.
pub fn person_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    choices: &Choices,
    prefer: Option<Team>,
    edits: &mut Edits,
) -> Response {
    let shown = match value.as_deref() {
        Some(id) => {
            let team = choices
                .person_team(id)
                .map(|t| format!(" · {t}"))
                .unwrap_or_default();
            format!("{}{team}", choices.person_name(id))
        }
        None => "— nobody —".to_owned(),
    };
    let mut order: Vec<Team> = Team::ALL.to_vec();
    if let Some(p) = prefer {
        order.retain(|t| *t != p);
        order.insert(0, p);
    }
    let before = value.clone();
    let r = egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(240.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "— nobody —");
            for team in order {
                let members: Vec<&PersonChoice> =
                    choices.people.iter().filter(|p| p.team == team).collect();
                if members.is_empty() {
                    continue;
                }
                ui.label(RichText::new(team.as_str()).small().strong());
                for p in members {
                    let text = match &p.role {
                        Some(role) => format!("{} · {role}", p.name),
                        None => p.name.clone(),
                    };
                    ui.selectable_value(value, Some(p.id.clone()), text);
                }
            }
        })
        .response
        .labelled_by(label);
    if *value != before {
        edits.changed = true;
    }
    r
}

/// Picks one of `options` (required), with a search box when the list is long.
pub fn choice_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut String,
    options: &[Choice],
    edits: &mut Edits,
) -> Response {
    let shown = options
        .iter()
        .find(|c| c.id == *value)
        .map_or_else(|| format!("{value} (unknown)"), |c| c.label.clone());
    let search_id = ui.make_persistent_id(("picker-search", label));
    let before = value.clone();
    let r = egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(240.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            let mut search: String = ui.data_mut(|d| d.get_temp(search_id)).unwrap_or_default();
            if options.len() > 12 {
                ui.add(egui::TextEdit::singleline(&mut search).hint_text("Search…"));
                ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
            }
            let needle = search.to_lowercase();
            let hits: Vec<&Choice> = options
                .iter()
                .filter(|c| {
                    needle.is_empty()
                        || c.label.to_lowercase().contains(&needle)
                        || c.id.contains(&needle)
                })
                .collect();
            let row = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical().max_height(280.0).show_rows(
                ui,
                row,
                hits.len(),
                |ui, range| {
                    for c in hits.get(range).unwrap_or_default() {
                        ui.selectable_value(value, c.id.clone(), &c.label);
                    }
                },
            );
        })
        .response
        .labelled_by(label);
    if *value != before {
        edits.changed = true;
    }
    r
}

/// A list of ids as removable chips, with a menu to add more.
pub fn multi_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    values: &mut Vec<String>,
    options: &[Choice],
    edits: &mut Edits,
) {
    ui.horizontal_wrapped(|ui| {
        let mut remove = None;
        for (i, v) in values.iter().enumerate() {
            let text = options
                .iter()
                .find(|c| c.id == *v)
                .map_or_else(|| format!("{v} (unknown)"), |c| c.label.clone());
            let chip = ui
                .add(egui::Button::new(format!("{text}  ✖")).small())
                .on_hover_text("Remove");
            if chip.clicked() {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            values.remove(i);
            edits.changed = true;
        }
        let rest: Vec<&Choice> = options.iter().filter(|c| !values.contains(&c.id)).collect();
        if !rest.is_empty() {
            let mut picked = None;
            egui::ComboBox::from_id_salt(("add", label))
                .selected_text("+ Add…")
                .width(110.0)
                .height(300.0)
                .show_ui(ui, |ui| {
                    for c in rest {
                        if ui.selectable_label(false, &c.label).clicked() {
                            picked = Some(c.id.clone());
                        }
                    }
                })
                .response
                .labelled_by(label);
            if let Some(id) = picked {
                values.push(id);
                edits.changed = true;
            }
        }
    });
}

/// The people of a meeting: chips with team, and a menu to add more, Sales first.
pub fn people_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    values: &mut Vec<String>,
    choices: &Choices,
    edits: &mut Edits,
) {
    let options: Vec<Choice> = Team::ALL
        .iter()
        .flat_map(|t| choices.people.iter().filter(move |p| p.team == *t))
        .map(|p| Choice {
            id: p.id.clone(),
            label: format!("{} · {}", p.name, p.team),
        })
        .collect();
    multi_picker_ui(ui, label, values, &options, edits);
}
