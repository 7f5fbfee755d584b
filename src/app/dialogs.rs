//! Modal questions: unsaved changes, deleting what others refer to, typed paths, errors; and the
//! import and export dialogs (`import_dialog.rs`, `export_dialog.rs`) shown in the same modal.

use super::commands::Command;
use super::files::Purpose;
use crate::edit::Reference;
use crate::model::{Plan, Section};
use egui::{Context, Id, Modal, RichText};
use std::path::PathBuf;

/// An open dialog.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// The plan has unsaved edits and `then` would lose them.
    Unsaved {
        /// What to do after saving or discarding.
        then: Command,
    },
    /// The item is referred to elsewhere.
    ConfirmDelete {
        /// Its section.
        section: Section,
        /// Its index.
        index: usize,
        /// Its id.
        id: String,
        /// What refers to it.
        refs: Vec<Reference>,
        /// Where references would move instead.
        reassign: Option<String>,
    },
    /// Type a path (always offered beside the native dialog).
    TypedPath {
        /// What for.
        purpose: Purpose,
        /// The text typed so far.
        text: String,
        /// A problem with the text.
        problem: Option<String>,
    },
    /// Saving would replace a file the workbench did not open.
    ConfirmOverwrite {
        /// The file.
        path: PathBuf,
    },
    /// The plan's file changed on disk (or went away) since it was read.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
        /// It no longer exists.
        deleted: bool,
    },
    /// Saving in the canonical form would drop the file's comments.
    CommentsWouldBeLost {
        /// The file.
        path: PathBuf,
        /// The comments.
        comments: Vec<crate::format::Comment>,
    },
    /// A recovery copy of unsaved edits was found at start.
    Recover {
        /// The plan with the edits.
        plan: Box<crate::model::Plan>,
        /// When it was written.
        written: String,
        /// What differs from the file on disk.
        changes: Vec<crate::diff::Change>,
    },
    /// Someone else changed the file while there are unsaved edits.
    ChangedWhileEditing {
        /// The file.
        path: PathBuf,
    },
    /// Import accounts or meetings from a CSV file, with a preview.
    Import(Box<super::import_dialog::ImportDialog>),
    /// Export a calendar, CSV or a brief.
    Export(Box<super::export_dialog::ExportDialog>),
    /// Something went wrong.
    Error {
        /// Headline.
        title: String,
        /// The details, such as `FILE:LINE:COLUMN: what is wrong`.
        message: String,
    },
}

impl Dialog {
    /// Asks about unsaved changes before `then`.
    pub fn unsaved(then: Command) -> Self {
        Dialog::Unsaved { then }
    }
}

/// What the user answered.
#[derive(Debug, Clone)]
pub enum Answer {
    /// Save, then go on with the command.
    SaveThen(Command),
    /// Throw the edits away and go on.
    DiscardThen(Command),
    /// Delete the item, moving references to another item or clearing them.
    Delete {
        /// Section.
        section: Section,
        /// Index.
        index: usize,
        /// Where references go.
        reassign: Option<String>,
    },
    /// Use this path.
    Path(Purpose, PathBuf),
    /// Overwrite this file.
    Overwrite(PathBuf),
    /// Save, letting the comments go.
    DropComments(PathBuf),
    /// Choose another file to save to.
    SaveAs,
    /// Take the recovered plan as unsaved edits.
    Restore(Box<crate::model::Plan>),
    /// Throw the recovery copy away.
    DiscardRecovery,
    /// Read the file again, dropping local edits.
    ReloadDiscarding(PathBuf),
    /// Open the desktop's file dialog; the dialog asking stays open and takes the path.
    Browse {
        /// What for.
        purpose: Purpose,
        /// Where to start.
        suggested: Option<PathBuf>,
    },
    /// Apply the import as previewed, as one undoable step.
    ApplyImport(Box<super::import_dialog::ImportDialog>),
    /// Write the export.
    Export(Box<super::export_dialog::ExportDialog>),
}

impl Answer {
    /// Whether the dialog stays open after this answer.
    fn keeps_dialog(&self) -> bool {
        matches!(self, Answer::Browse { .. })
    }
}

/// Draws the dialog; returns it while it stays open, and the answer when there is one.
pub fn dialog_ui(
    ctx: &Context,
    mut dialog: Dialog,
    plan: &Plan,
) -> (Option<Dialog>, Option<Answer>) {
    let mut answer = None;
    let mut close = false;
    let wide = matches!(dialog, Dialog::Import(_) | Dialog::Export(_));
    let modal = Modal::new(Id::unique("preshow-dialog")).show(ctx, |ui| {
        ui.set_max_width(if wide { 900.0 } else { 560.0 });
        match &mut dialog {
            Dialog::Unsaved { then } => {
                ui.heading("Unsaved changes");
                ui.label(format!("The plan has changes that are not saved. {} anyway?", then.label().trim_end_matches('…')));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Save first").clicked() {
                        answer = Some(Answer::SaveThen(then.clone()));
                    }
                    if ui.button("Discard changes").clicked() {
                        answer = Some(Answer::DiscardThen(then.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::ConfirmDelete { section, index, id, refs, reassign } => {
                ui.heading(format!("Delete `{id}`?"));
                ui.label(format!("{} place(s) in the plan refer to it:", refs.len()));
                egui::ScrollArea::vertical().max_height(180.0).show(ui, |ui| {
                    for r in refs.iter() {
                        ui.label(format!("• {} `{}` ({})", r.section.title(), r.id, r.field));
                    }
                });
                let required = refs.iter().filter(|r| matches!(r.field, "account" | "from" | "to")).count();
                let others: Vec<(String, String)> = match section {
                    Section::People => plan.people.iter().filter(|p| p.id != *id).map(|p| (p.id.clone(), format!("{} · {}", p.name, p.team))).collect(),
                    Section::Accounts => plan.accounts.iter().filter(|a| a.id != *id).map(|a| (a.id.clone(), a.name.clone())).collect(),
                    Section::Messages => plan.messages.iter().filter(|m| m.id != *id).map(|m| (m.id.clone(), m.headline.clone())).collect(),
                    Section::Stages => plan.stages.iter().filter(|s| s.id != *id).map(|s| (s.id.clone(), s.name.clone())).collect(),
                    _ => Vec::new(),
                };
                ui.add_space(8.0);
                if !others.is_empty() {
                    // A list, not a drop-down: a pop-up inside a modal can end up behind it.
                    ui.label("Move them to (sign-offs are not moved: they stay personal):");
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        egui::ScrollArea::vertical().id_salt("reassign").max_height(150.0).show(ui, |ui| {
                            ui.set_min_width(420.0);
                            for (oid, name) in &others {
                                ui.selectable_value(reassign, Some(oid.clone()), name);
                            }
                        });
                    });
                    let target = reassign
                        .as_ref()
                        .and_then(|r| others.iter().find(|(i, _)| i == r))
                        .map(|(_, n)| n.clone());
                    let label = match &target {
                        Some(n) => format!("Move them to {n} and delete"),
                        None => "Move and delete".to_owned(),
                    };
                    if ui.add_enabled(target.is_some(), egui::Button::new(label)).clicked() {
                        answer = Some(Answer::Delete { section: *section, index: *index, reassign: reassign.clone() });
                    }
                    ui.add_space(4.0);
                }
                let clear_label = if required > 0 {
                    format!("Delete, and the {required} item(s) that need it")
                } else {
                    "Delete and clear the references".to_owned()
                };
                ui.horizontal(|ui| {
                    if ui.button(RichText::new(clear_label).color(super::widgets::palette::error())).clicked() {
                        answer = Some(Answer::Delete { section: *section, index: *index, reassign: None });
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::TypedPath { purpose, text, problem } => {
                ui.heading(match purpose {
                    Purpose::Open => "Open a plan",
                    Purpose::SaveAs => "Save the plan as",
                    Purpose::ImportCsv | Purpose::Export(_) => "Choose a file",
                });
                ui.label("Type the file's path (the desktop's file dialog opens too where there is one).");
                let l = ui.label("Path");
                let r = ui.add(egui::TextEdit::singleline(text).desired_width(520.0).hint_text("plans/show.ron")).labelled_by(l.id);
                if r.changed() {
                    *problem = None;
                }
                if let Some(p) = problem {
                    ui.colored_label(super::widgets::palette::error(), p.as_str());
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
                        close = true;
                    }
                });
            }
            Dialog::ConfirmOverwrite { path } => {
                ui.heading("Replace the file?");
                ui.label(format!("{} already exists and is not the plan you opened. Replace it?", path.display()));
                ui.horizontal(|ui| {
                    if ui.button("Replace").clicked() {
                        answer = Some(Answer::Overwrite(path.clone()));
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::ChangedOnDisk { path, deleted } => {
                if *deleted {
                    ui.heading("The plan's file is gone");
                    ui.label(format!("{} was moved or deleted since it was opened. Save it there again?", path.display()));
                } else {
                    ui.heading("The file changed on disk");
                    ui.label(format!(
                        "Someone else changed {} since you opened it (a git pull, another editor). \
                         Saving now would replace their changes with yours.",
                        path.display()
                    ));
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let replace = if *deleted { "Save it there again" } else { "Replace their version with mine" };
                    if ui.button(replace).clicked() {
                        answer = Some(Answer::Overwrite(path.clone()));
                    }
                    if ui.button("Save mine as…").clicked() {
                        answer = Some(Answer::SaveAs);
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::CommentsWouldBeLost { path, comments } => {
                ui.heading("Comments would be lost");
                ui.label(format!(
                    "{} has {} comment(s). Preshow saves plans in a canonical form that keeps no comments:",
                    path.display(),
                    comments.len()
                ));
                egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
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
                        close = true;
                    }
                });
            }
            Dialog::Recover { plan, written, changes } => {
                ui.heading("Recover unsaved changes?");
                ui.label(format!(
                    "Preshow was closed with unsaved changes; a copy was kept {written}. They differ from the file in:"
                ));
                egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
                    for c in changes.iter() {
                        let what = match &c.kind {
                            crate::diff::ChangeKind::Added => "added".to_owned(),
                            crate::diff::ChangeKind::Removed => "removed".to_owned(),
                            crate::diff::ChangeKind::Changed(f) => format!(
                                "changed: {}",
                                f.iter().map(|x| x.field.as_str()).collect::<Vec<_>>().join(", ")
                            ),
                        };
                        ui.label(format!("• {} `{}` {what}", c.section.title(), c.id));
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
            }
            Dialog::ChangedWhileEditing { path } => {
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "Someone else changed {} (a git pull, another editor) while you have unsaved edits here. \
                     Nothing was overwritten.",
                    path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button("Reload theirs, discarding mine").clicked() {
                        answer = Some(Answer::ReloadDiscarding(path.clone()));
                    }
                    if ui.button("Save mine as…").clicked() {
                        answer = Some(Answer::SaveAs);
                    }
                    if ui.button("Keep editing").clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Import(d) => {
                answer = super::import_dialog::import_dialog_ui(ui, d, plan, &mut close);
            }
            Dialog::Export(d) => {
                answer = super::export_dialog::export_dialog_ui(ui, d, plan, &mut close);
            }
            Dialog::Error { title, message } => {
                ui.heading(title.as_str());
                ui.add(egui::Label::new(RichText::new(message.as_str()).monospace()).wrap());
                ui.add_space(8.0);
                if ui.button("OK").clicked() {
                    close = true;
                }
            }
        }
    });
    if modal.should_close() {
        close = true;
    }
    if close || answer.as_ref().is_some_and(|a| !a.keeps_dialog()) {
        (None, answer)
    } else {
        (Some(dialog), answer)
    }
}
