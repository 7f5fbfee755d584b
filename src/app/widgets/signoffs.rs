//! The sign-offs of an item: who agreed, when, whether each still holds, and "Sign off as…".
//! Signing is a [`Command::SignOff`], run by the app at the end of the frame as its own undo step.

use crate::analysis::agreement::holds;
use crate::app::commands::Command;
use crate::app::widgets::choices::{Choices, PersonChoice};
use crate::app::widgets::form::Edits;
use crate::app::widgets::palette;
use crate::model::Team;
use crate::model::fingerprint::Signable;
use egui::{RichText, Ui};

/// The sign-offs of an item: who agreed, when, whether it still holds, and "Sign off as…".
/// Removing a sign-off is an edit of the item; signing (or re-signing) asks the app with a
/// [`Command::SignOff`] in `commands`.
pub fn signoffs_ui<T: Signable>(
    ui: &mut Ui,
    item: &mut T,
    choices: &Choices,
    edits: &mut Edits,
    commands: &mut Vec<Command>,
) {
    let fingerprint = item.fingerprint();
    let mut remove = None;
    let mut resign = None;
    for (i, s) in item.signoffs().iter().enumerate() {
        ui.horizontal(|ui| {
            let team = choices
                .person_team(&s.by)
                .map(|t| t.as_str())
                .unwrap_or("unknown person");
            let stale = !holds(s, &fingerprint);
            let (mark, color, note) = if stale {
                (
                    "⚠ stale",
                    palette::error(),
                    "the text changed after this sign-off; it no longer counts",
                )
            } else if s.fingerprint.is_some() {
                ("✔ agreed", palette::ok(), "pinned to the current text")
            } else {
                (
                    "✔ agreed",
                    palette::ok(),
                    "not pinned to a text: counts as agreement to the current one",
                )
            };
            ui.colored_label(color, mark).on_hover_text(note);
            ui.label(format!(
                "{} ({team}) on {}",
                choices.person_name(&s.by),
                crate::app::widgets::human_date(ui.ctx(), s.on)
            ));
            if stale
                && ui
                    .small_button("Re-sign")
                    .on_hover_text("Agree to the current text today")
                    .clicked()
            {
                resign = Some(i);
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this sign-off")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    let mut sign_as = resign.and_then(|i| item.signoffs().get(i).map(|s| s.by.clone()));
    if let Some(i) = remove {
        item.signoffs_mut().remove(i);
        edits.changed = true;
    }
    if item.signoffs().is_empty() {
        ui.colored_label(palette::warning(), "Nobody has agreed to this yet");
    }
    ui.menu_button("Sign off as…", |ui| {
        for team in Team::ALL {
            let members: Vec<&PersonChoice> =
                choices.people.iter().filter(|p| p.team == team).collect();
            if members.is_empty() {
                continue;
            }
            ui.label(RichText::new(team.as_str()).small().strong());
            for p in members {
                if ui.button(&p.name).clicked() {
                    sign_as = Some(p.id.clone());
                    ui.close();
                }
            }
        }
    });
    if let Some(by) = sign_as {
        let (section, id) = item.item_key();
        commands.push(Command::SignOff {
            section,
            id: id.to_owned(),
            by,
        });
    }
}
