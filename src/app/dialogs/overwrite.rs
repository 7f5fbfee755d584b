//! Saving would replace a file the workbench did not open: replace it, or cancel.

use crate::app::dialogs::answer::Answer;
use egui::Ui;
use std::path::PathBuf;

/// Saving would replace a file the workbench did not open.
#[derive(Debug, Clone)]
pub struct ConfirmOverwrite {
    /// The file.
    pub path: PathBuf,
}

impl ConfirmOverwrite {
    /// Draws the question; returns the answer, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        let path = &self.path;
        ui.heading("Replace the file?");
        ui.label(format!(
            "{} already exists and is not the plan you opened. Replace it?",
            path.display()
        ));
        ui.horizontal(|ui| {
            if ui.button("Replace").clicked() {
                answer = Some(Answer::Overwrite(path.clone()));
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}
