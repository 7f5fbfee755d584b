//! Something went wrong: a headline, the details, and OK.

use egui::{RichText, Ui};

/// Something went wrong.
#[derive(Debug, Clone)]
pub struct ErrorMessage {
    /// Headline.
    pub title: String,
    /// The details, such as `FILE:LINE:COLUMN: what is wrong`.
    pub message: String,
}

impl ErrorMessage {
    /// Draws the message; sets `close` on OK.
    pub fn ui(&mut self, ui: &mut Ui, close: &mut bool) {
        ui.heading(self.title.as_str());
        ui.add(egui::Label::new(RichText::new(self.message.as_str()).monospace()).wrap());
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            *close = true;
        }
    }
}
