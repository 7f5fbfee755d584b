//! Typing a path: always offered beside the desktop's file dialog, which may be missing or slow.

use crate::app::dialogs::answer::Answer;
use crate::app::files::Purpose;
use crate::app::widgets::{self, palette};
use egui::Ui;
use std::path::PathBuf;

/// Type a path (always offered beside the native dialog).
#[derive(Debug, Clone)]
pub struct TypedPath {
    /// What for.
    pub purpose: Purpose,
    /// The text typed so far.
    pub text: String,
    /// A problem with the text.
    pub problem: Option<String>,
    /// The field has been given the keyboard (once, when the dialog opens).
    focused: bool,
}

impl TypedPath {
    /// The dialog for `purpose`, its field holding `text`.
    pub fn new(purpose: Purpose, text: String) -> Self {
        TypedPath {
            purpose,
            text,
            problem: None,
            focused: false,
        }
    }

    /// Draws the path field; returns the path once given, and sets `close` on Cancel. The field
    /// takes the keyboard when the dialog opens, its text selected, so a path can be typed at
    /// once and Enter opens it.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        let TypedPath {
            purpose,
            text,
            problem,
            focused,
        } = self;
        ui.heading(match purpose {
            Purpose::Open => "Open a plan",
            Purpose::SaveAs => "Save the plan as",
            Purpose::ImportCsv | Purpose::Export(_) => "Choose a file",
        });
        ui.label("Type the file's path (the desktop's file dialog opens too where there is one).");
        let l = ui.label("Path");
        let r = ui
            .add(
                egui::TextEdit::singleline(text)
                    .desired_width(f32::INFINITY)
                    .hint_text("plans/show.ron"),
            )
            .labelled_by(l.id);
        // Asked after the field is drawn, and again until it has the keyboard: a modal's first
        // frame only measures it, disabled, and a field asked before that drops the request.
        if !*focused {
            if r.has_focus() {
                *focused = true;
            } else {
                widgets::focus_selecting_all(ui.ctx(), r.id, text);
            }
        }
        if r.changed() {
            *problem = None;
        }
        if let Some(p) = problem {
            ui.colored_label(palette::error(), p.as_str());
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            let ok = ui.button(match purpose {
                Purpose::Open => "Open",
                Purpose::SaveAs => "Save",
                Purpose::ImportCsv | Purpose::Export(_) => "OK",
            });
            if (ok.clicked() || enter) && !text.trim().is_empty() {
                answer = Some(Answer::Path(*purpose, PathBuf::from(text.trim())));
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}
