//! Saving would replace changes someone else made to the plan's file (or the file went away):
//! replace theirs, save elsewhere, or cancel.

use crate::app::dialogs::answer::Answer;
use egui::Ui;
use std::path::PathBuf;

/// The plan's file changed on disk (or went away) since it was read.
#[derive(Debug, Clone)]
pub struct ChangedOnDisk {
    /// The file.
    pub path: PathBuf,
    /// It no longer exists.
    pub deleted: bool,
}

impl ChangedOnDisk {
    /// Draws the question; returns the answer, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        let ChangedOnDisk { path, deleted } = self;
        if *deleted {
            ui.heading("The plan's file is gone");
            ui.label(format!(
                "{} was moved or deleted since it was opened. Save it there again?",
                path.display()
            ));
        } else {
            ui.heading("The file changed on disk");
            ui.label(format!(
                "Someone else changed {} since you opened it (a git pull, another editor). \
                 Saving now would replace their changes with yours.",
                path.display()
            ));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let replace = if *deleted {
                "Save it there again"
            } else {
                "Replace their version with mine"
            };
            if ui.button(replace).clicked() {
                answer = Some(Answer::Overwrite(path.clone()));
            }
            if ui.button("Save mine as…").clicked() {
                answer = Some(Answer::SaveAs);
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}
