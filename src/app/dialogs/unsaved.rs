//! The plan has unsaved edits and a command would lose them: save first, discard, or cancel.

use crate::app::commands::Command;
use crate::app::dialogs::answer::Answer;
use egui::Ui;

/// The plan has unsaved edits and `then` would lose them.
#[derive(Debug, Clone)]
pub struct Unsaved {
    /// What to do after saving or discarding.
    pub then: Command,
}

impl Unsaved {
    /// Draws the question; returns the answer, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        let then = &self.then;
        ui.heading("Unsaved changes");
        ui.label(format!(
            "The plan has changes that are not saved. {} anyway?",
            then.label().trim_end_matches('…')
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save first").clicked() {
                answer = Some(Answer::SaveThen(then.clone()));
            }
            if ui.button("Discard changes").clicked() {
                answer = Some(Answer::DiscardThen(then.clone()));
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}
