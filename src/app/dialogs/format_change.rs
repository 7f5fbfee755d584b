//! Saving would make a format-1 plan format 2, because an edit used something only format 2
//! has: say so, and what, before the first such save ("Save as format 2" or Cancel). Preshow
//! never changes a plan's format silently: a colleague on an older version could no longer open
//! the file.

use crate::app::dialogs::answer::Answer;
use crate::model::{Plan, human};
use egui::Ui;
use std::path::PathBuf;

/// Saving to `path` would write format 2.
#[derive(Debug, Clone)]
pub struct FormatChange {
    /// Where the save goes.
    pub path: PathBuf,
    /// Whether the save was already told to write over the file as it is on disk.
    pub overwrite: bool,
}

/// What the plan has that only format 2 can hold, for people: "3 leads", "1 held meeting".
pub fn format_2_uses(plan: &Plan) -> Vec<String> {
    let count = |n: usize, one: &str, many: &str| -> Option<String> {
        match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{} {many}", human::number(n as f64, 0))),
        }
    };
    let meetings = |status| plan.meetings.iter().filter(|m| m.status == status).count();
    [
        count(plan.leads.len(), "lead", "leads"),
        count(
            meetings(crate::model::MeetingStatus::Held),
            "held meeting",
            "held meetings",
        ),
        count(
            meetings(crate::model::MeetingStatus::NoShow),
            "no-show meeting",
            "no-show meetings",
        ),
        count(
            plan.objectives
                .iter()
                .filter(|o| o.measure.is_some() || o.actual.is_some())
                .count(),
            "measured objective",
            "measured objectives",
        ),
        count(
            plan.stages.iter().filter(|s| s.crm_stage.is_some()).count(),
            "stage with its CRM name",
            "stages with their CRM names",
        ),
        count(
            plan.accounts.iter().filter(|a| a.crm_id.is_some()).count(),
            "account with its CRM id",
            "accounts with their CRM ids",
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// "a, b and c".
fn and_list(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl FormatChange {
    /// Draws the question; returns the answer, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        ui.heading("Save as format 2?");
        let uses = format_2_uses(plan);
        ui.label(format!(
            "Saving makes this plan format 2 (it now has {}). Preshow versions before format 2 \
             cannot open it.",
            and_list(&uses)
        ));
        ui.weak("Undo the change to keep the plan at format 1.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save as format 2").clicked() {
                answer = Some(Answer::SaveAsFormat2 {
                    path: self.path.clone(),
                    overwrite: self.overwrite,
                });
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}
