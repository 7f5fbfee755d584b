//! At start, a recovery copy of unsaved edits was found: restore them, or discard the copy.

use crate::app::dialogs::answer::Answer;
use crate::model::Plan;
use crate::ops::diff::{Change, ChangeKind};
use egui::Ui;

/// A recovery copy of unsaved edits was found at start.
#[derive(Debug, Clone)]
pub struct Recover {
    /// The plan with the edits.
    pub plan: Box<Plan>,
    /// When it was written.
    pub written: String,
    /// What differs from the file on disk.
    pub changes: Vec<Change>,
}

impl Recover {
    /// Draws the question; returns the answer.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Answer> {
        let mut answer = None;
        let Recover {
            plan,
            written,
            changes,
        } = self;
        ui.heading("Recover unsaved changes?");
        ui.label(format!(
            "Preshow was closed with unsaved changes; a copy was kept {written}. They differ from the file in:"
        ));
        egui::ScrollArea::vertical()
            .max_height(200.0)
            .show(ui, |ui| {
                for c in changes.iter() {
                    let what = match &c.kind {
                        ChangeKind::Added => "added".to_owned(),
                        ChangeKind::Removed => "removed".to_owned(),
                        ChangeKind::Changed(f) => format!(
                            "changed: {}",
                            f.iter()
                                .map(|x| x.field.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    ui.label(format!("• {} \"{}\" {what}", c.section.title(), c.id));
                }
            });
        ui.horizontal(|ui| {
            if ui.button("Restore my unsaved changes").clicked() {
                answer = Some(Answer::Restore(plan.clone()));
            }
            if ui.button("Discard them").clicked() {
                answer = Some(Answer::DiscardRecovery);
            }
        });
        answer
    }
}
