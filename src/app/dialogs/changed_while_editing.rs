//! Someone else changed the plan's file while there are unsaved edits here: reload theirs, save
//! mine elsewhere, or keep editing.

use crate::app::dialogs::answer::Answer;
use egui::Ui;
use std::path::PathBuf;

/// Someone else changed the file while there are unsaved edits.
#[derive(Debug, Clone)]
pub struct ChangedWhileEditing {
    /// The file.
    pub path: PathBuf,
}

impl ChangedWhileEditing {
    /// Draws the question; returns the answer, and sets `close` on Keep editing.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        let path = &self.path;
        ui.heading("The file changed on disk");
        ui.label(format!(
            "Someone else changed {} (a git pull, another editor) while you have unsaved edits here. \
             Nothing was overwritten.",
            path.display()
        ));
        ui.horizontal(|ui| {
            if ui.button("Reload theirs, discarding mine").clicked() {
                answer = Some(Answer::ReloadDiscarding(path.clone()));
            }
            if ui.button("Save mine as…").clicked() {
                answer = Some(Answer::SaveAs);
            }
            if ui.button("Keep editing").clicked() {
                *close = true;
            }
        });
        answer
    }
}
