//! Setting "today": the date that decides which tasks are overdue and that sign-offs carry. A
//! room planning ahead (or checking the plan as CI will on a given day) sets it here, and the
//! window then finds exactly the gaps `preshow check --today` finds.

use crate::app::dialogs::answer::Answer;
use crate::app::widgets::palette;
use crate::model::Date;
use egui::Ui;

/// Choose the date the window takes as today.
#[derive(Debug, Clone)]
pub struct ChooseToday {
    /// The date typed so far (`YYYY-MM-DD`).
    pub text: String,
    /// What is wrong with it, once the user tried to use it.
    pub problem: Option<String>,
}

impl ChooseToday {
    /// Starts from the date in use.
    pub fn new(today: Date) -> Self {
        ChooseToday {
            text: today.to_string(),
            problem: None,
        }
    }

    /// Draws the date field; answers with the date chosen (or the system date), and sets
    /// `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) -> Option<Answer> {
        let mut answer = None;
        ui.heading("Today");
        ui.label(
            "The date that decides which tasks are overdue, and that new sign-offs carry. \
             Set it to see the plan as it will stand on another day.",
        );
        let l = ui.label("Date (YYYY-MM-DD)");
        let r = ui
            .add(egui::TextEdit::singleline(&mut self.text).desired_width(200.0))
            .labelled_by(l.id);
        if r.changed() {
            self.problem = None;
        }
        if let Some(p) = &self.problem {
            ui.colored_label(palette::error(), p.as_str());
        }
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button("Use this date").clicked() || enter {
                match self.text.trim().parse::<Date>() {
                    Ok(date) => answer = Some(Answer::SetToday(Some(date))),
                    Err(e) => self.problem = Some(format!("Not a date: {e}")),
                }
            }
            if ui.button("Use the system date").clicked() {
                answer = Some(Answer::SetToday(None));
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}
