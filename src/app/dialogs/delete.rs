//! Deleting an item that others refer to: move the references to another item, or clear them
//! (and delete the items that cannot do without it).

use crate::app::dialogs::answer::Answer;
use crate::app::widgets::palette;
use crate::model::{Plan, Section};
use crate::ops::edit::Reference;
use egui::{RichText, Ui};

/// The item is referred to elsewhere.
#[derive(Debug, Clone)]
pub struct ConfirmDelete {
    /// Its section.
    pub section: Section,
    /// Its index.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Its name, as people say it.
    pub name: String,
    /// The places that refer to it, as people say them ("Accounts · Acme Hospitals (owner)").
    pub places: Vec<String>,
    /// What refers to it.
    pub refs: Vec<Reference>,
    /// Where references would move instead.
    pub reassign: Option<String>,
}

impl ConfirmDelete {
    /// Draws the question; returns the answer, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        let ConfirmDelete {
            section,
            index,
            id,
            name,
            places,
            refs,
            reassign,
        } = self;
        ui.heading(format!("Delete {name}?"));
        ui.label(format!(
            "{} in the plan {} to it:",
            crate::model::human::count(places.len(), "place"),
            if places.len() == 1 { "refers" } else { "refer" }
        ));
        egui::ScrollArea::vertical()
            .max_height(180.0)
            .show(ui, |ui| {
                for place in places.iter() {
                    ui.label(format!("• {place}"));
                }
            });
        let required = refs
            .iter()
            .filter(|r| matches!(r.field, "account" | "from" | "to"))
            .count();
        let others = others(plan, *section, id);
        ui.add_space(8.0);
        if !others.is_empty() {
            // A list, not a drop-down: a pop-up inside a modal can end up behind it.
            ui.label("Move them to (sign-offs are not moved: they stay personal):");
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("reassign")
                    .max_height(150.0)
                    .show(ui, |ui| {
                        ui.set_min_width(420.0);
                        for (oid, name) in &others {
                            ui.selectable_value(reassign, Some(oid.clone()), name);
                        }
                    });
            });
            let target = reassign
                .as_ref()
                .and_then(|r| others.iter().find(|(i, _)| i == r))
                .map(|(_, n)| n.clone());
            let label = match &target {
                Some(n) => format!("Move them to {n} and delete"),
                None => "Move and delete".to_owned(),
            };
            if ui
                .add_enabled(target.is_some(), egui::Button::new(label))
                .clicked()
            {
                answer = Some(Answer::Delete {
                    section: *section,
                    index: *index,
                    reassign: reassign.clone(),
                });
            }
            ui.add_space(4.0);
        }
        let clear_label = if required > 0 {
            format!(
                "Delete, and the {} that {} it",
                crate::model::human::count(required, "item"),
                if required == 1 { "needs" } else { "need" }
            )
        } else {
            "Delete and clear the references".to_owned()
        };
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(clear_label).color(palette::error()))
                .clicked()
            {
                answer = Some(Answer::Delete {
                    section: *section,
                    index: *index,
                    reassign: None,
                });
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}

/// The items references could move to: the others of the section, by id, with a name to show.
fn others(plan: &Plan, section: Section, id: &str) -> Vec<(String, String)> {
    match section {
        Section::People => plan
            .people
            .iter()
            .filter(|p| p.id != *id)
            .map(|p| (p.id.clone(), format!("{} · {}", p.name, p.team)))
            .collect(),
        Section::Accounts => plan
            .accounts
            .iter()
            .filter(|a| a.id != *id)
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect(),
        Section::Messages => plan
            .messages
            .iter()
            .filter(|m| m.id != *id)
            .map(|m| (m.id.clone(), m.headline.clone()))
            .collect(),
        Section::Stages => plan
            .stages
            .iter()
            .filter(|s| s.id != *id)
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect(),
        _ => Vec::new(),
    }
}
