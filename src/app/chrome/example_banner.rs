//! The slim banner over the bundled example: it is a plan to look at, not the user's own, so
//! the way to a plan of one's own (a new one, or one on disk) is a click away, and nobody edits
//! the example thinking it is kept.

use crate::app::Command;
use egui::RichText;

/// "This is the example plan" with New plan and Open…; returns the command a button asked for.
pub fn example_banner_ui(ui: &mut egui::Ui) -> Option<Command> {
    let mut asked = None;
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("This is the example plan.").strong());
        ui.label(
            "Look around freely: it is never overwritten, and Save asks where to keep a copy.",
        );
        if ui
            .button(Command::NewPlan.label())
            .on_hover_text("Start your own plan from the starter template")
            .clicked()
        {
            asked = Some(Command::NewPlan);
        }
        if ui
            .button(Command::Open.label())
            .on_hover_text("Open a plan file of your own")
            .clicked()
        {
            asked = Some(Command::Open);
        }
    });
    ui.add_space(2.0);
    asked
}
