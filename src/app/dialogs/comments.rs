//! Saving in the canonical form would drop the file's comments: save without them, save
//! elsewhere, or cancel.

use crate::app::dialogs::answer::Answer;
use crate::format::Comment;
use egui::Ui;
use std::path::PathBuf;

/// Saving in the canonical form would drop the file's comments.
#[derive(Debug, Clone)]
pub struct CommentsWouldBeLost {
    /// The file.
    pub path: PathBuf,
    /// The comments.
    pub comments: Vec<Comment>,
}

impl CommentsWouldBeLost {
    /// Draws the question; returns the answer, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        let CommentsWouldBeLost { path, comments } = self;
        ui.heading("Comments would be lost");
        ui.label(format!(
            "{} has {}. Preshow saves plans in a canonical form that keeps no comments:",
            path.display(),
            crate::model::human::count(comments.len(), "comment")
        ));
        egui::ScrollArea::vertical()
            .max_height(160.0)
            .show(ui, |ui| {
                for c in comments.iter() {
                    let first = c.text.lines().next().unwrap_or_default();
                    ui.monospace(format!("line {}: {first}", c.pos.line));
                }
            });
        ui.horizontal(|ui| {
            if ui.button("Save without the comments").clicked() {
                answer = Some(Answer::DropComments(path.clone()));
            }
            if ui.button("Save as another file…").clicked() {
                answer = Some(Answer::SaveAs);
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}
