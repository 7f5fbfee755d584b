//! The sign-offs of an item: who agreed, when, whether each still holds, who entered it and,
//! when the file is in git, who recorded it (the provenance badge);
//! "Sign off" (as the person at the keyboard) and "Sign for someone else…". Signing is a
//! [`Command::SignOff`], run by the app at the end of the frame as its own undo step.

use crate::analysis::agreement::holds;
use crate::analysis::provenance::SignoffHistory;
use crate::app::commands::{Command, Signer};
use crate::app::widgets::choices::{Choices, PersonChoice};
use crate::app::widgets::form::Edits;
use crate::app::widgets::palette;
use crate::app::widgets::provenance::{Badge, compact_badge_ui};
use crate::model::Team;
use crate::model::fingerprint::Signable;
use egui::{RichText, Ui};

/// The sign-offs of an item: who agreed, when, whether it still holds, who entered it for them;
/// "Sign off" and "Sign for someone else…". Removing a sign-off is an edit of the item; signing
/// (or re-signing) asks the app with a [`Command::SignOff`] in `commands`.
pub fn signoffs_ui<T: Signable>(
    ui: &mut Ui,
    item: &mut T,
    choices: &Choices,
    history: Option<&SignoffHistory>,
    edits: &mut Edits,
    commands: &mut Vec<Command>,
) {
    let fingerprint = item.fingerprint();
    let mut remove = None;
    let mut resign = None;
    for (i, s) in item.signoffs().iter().enumerate() {
        // Wrapped, so a long row ("…, entered by …") does not widen the editor.
        ui.horizontal_wrapped(|ui| {
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
            let entered = s
                .entered_by
                .as_deref()
                .map(|e| format!(", entered by {}", choices.person_name(e)))
                .unwrap_or_default();
            let signer = choices.person_name(&s.by);
            ui.label(format!(
                "{signer} ({team}) on {}{entered}",
                crate::app::widgets::human_date(ui.ctx(), s.on)
            ));
            if let Some(p) = choices.provenance(history, &*item, s) {
                compact_badge_ui(ui, &Badge::new(&p, &signer, |id| choices.person_name(id)));
            }
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
    let mut sign_as =
        resign.and_then(|i| item.signoffs().get(i).map(|s| Signer::Person(s.by.clone())));
    if let Some(i) = remove {
        item.signoffs_mut().remove(i);
        edits.changed = true;
    }
    if item.signoffs().is_empty() {
        ui.colored_label(palette::warning(), "Nobody has agreed to this yet");
    }
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Sign off")
            .on_hover_text(
                "Record your agreement to this text today, as the person in “You are” \
                 at the bottom of the window",
            )
            .clicked()
        {
            sign_as = Some(Signer::You);
        }
        ui.menu_button("Sign for someone else…", |ui| {
            ui.weak("Record the agreement of someone in the room; it says you entered it.");
            for team in Team::ALL {
                let members: Vec<&PersonChoice> =
                    choices.people.iter().filter(|p| p.team == team).collect();
                if members.is_empty() {
                    continue;
                }
                ui.label(RichText::new(team.as_str()).small().strong());
                for p in members {
                    if ui.button(&p.name).clicked() {
                        sign_as = Some(Signer::Person(p.id.clone()));
                        ui.close();
                    }
                }
            }
        });
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

/// What changing each field of an item would cost in sign-offs: for each pinned field whose
/// change would make current sign-offs stale, the warning naming who would have to sign again
/// (from [`crate::analysis::agreement::change_warning`]). Worked out once per frame, before the
/// editor borrows the item to change it.
#[derive(Debug, Clone, Default)]
pub struct Stakes(Vec<(&'static str, String)>);

impl Stakes {
    /// The stakes of `item`'s fields, people named as `choices` names them.
    pub fn of<T: Signable>(item: &T, choices: &Choices) -> Stakes {
        Stakes(
            T::PINNED
                .iter()
                .filter_map(|&field| {
                    crate::analysis::agreement::change_warning(item, field, |id| {
                        choices.person_name(id)
                    })
                    .map(|w| (field, w))
                })
                .collect(),
        )
    }

    /// The warning for a change to `field` (named as the file spells it), if it would cost any
    /// sign-off.
    pub fn warning(&self, field: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, w)| w.clone())
    }
}
