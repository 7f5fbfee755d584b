//! "Who are you?": the person at the keyboard, whom sign-offs are entered by. Asked from "You
//! are" in the status bar, and by the first "Sign off" while nobody is known, which then goes on
//! as the person chosen. The plan's people are offered by team; the one whose email git commits
//! with comes first, as a suggestion, never taken without a click.

use crate::app::commands::Command;
use crate::app::dialogs::answer::Answer;
use crate::model::{Plan, Team};
use egui::{RichText, Ui};

/// Choose who is at the keyboard.
#[derive(Debug, Clone)]
pub struct WhoAreYou {
    /// What to do once chosen (the sign-off that asked).
    pub then: Option<Command>,
    /// The person git's email names (their id), and that email.
    pub suggested: Option<(String, String)>,
    /// The person chosen now (their id), to mark.
    pub current: Option<String>,
}

impl WhoAreYou {
    /// Draws the people; answers with the one picked, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut Ui, plan: &Plan, close: &mut bool) -> Option<Answer> {
        let mut picked = None;
        ui.heading("Who are you?");
        ui.label(
            "Sign-offs you enter carry your name, also when you record someone else's \
             agreement. Preshow remembers your choice on this computer.",
        );
        if self.then.is_some() {
            ui.strong("Say who you are, and the sign-off goes ahead.");
        }
        if let Some((id, email)) = &self.suggested
            && let Some(p) = plan.person(id)
        {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("Your git email is {email}:"));
                if ui.button(format!("I am {}", p.name)).clicked() {
                    picked = Some(p.id.clone());
                }
            });
        }
        ui.add_space(4.0);
        if plan.people.is_empty() {
            ui.weak("The plan has no people yet: add yourself under People first.");
        }
        let row = ui.text_style_height(&egui::TextStyle::Body);
        egui::ScrollArea::vertical()
            .max_height(row * 18.0)
            .show(ui, |ui| {
                for team in Team::ALL {
                    let members: Vec<_> = plan.people.iter().filter(|p| p.team == team).collect();
                    if members.is_empty() {
                        continue;
                    }
                    ui.label(RichText::new(team.as_str()).small().strong());
                    ui.horizontal_wrapped(|ui| {
                        for p in members {
                            let mine = self.current.as_deref() == Some(p.id.as_str());
                            let r = ui.selectable_label(mine, &p.name);
                            let r = match &p.role {
                                Some(role) => r.on_hover_text(role),
                                None => r,
                            };
                            if r.clicked() {
                                picked = Some(p.id.clone());
                            }
                        }
                    });
                }
            });
        ui.add_space(4.0);
        if ui.button("Cancel").clicked() {
            *close = true;
        }
        picked.map(|id| Answer::YouAre {
            id,
            then: self.then.take(),
        })
    }
}
