//! Modal questions, one file each: unsaved changes (`unsaved.rs`), deleting what others refer to
//! (`delete.rs`), typed paths (`typed_path.rs`), replacing files and changes on disk
//! (`overwrite.rs`, `changed_on_disk.rs`, `changed_while_editing.rs`), comments a save would drop
//! (`comments.rs`), recovered edits (`recover.rs`), errors (`error.rs`), the date taken as today
//! (`today.rs`), who is at the keyboard (`who_are_you.rs`), saving a plan as format 2
//! (`format_change.rs`), and the import and export
//! dialogs (`import.rs` with its preview in `import_preview.rs`, `export.rs`). Each holds its state
//! and draws itself; the user's [`Answer`] (`answer.rs`) is acted on at the end of the frame.
//! This file shows the open one in the modal.

mod answer;
mod changed_on_disk;
mod changed_while_editing;
mod comments;
mod delete;
mod error;
mod export;
mod format_change;
mod import;
mod import_preview;
mod overwrite;
mod recover;
mod today;
mod typed_path;
mod unsaved;
mod who_are_you;

pub use answer::Answer;
pub use changed_on_disk::ChangedOnDisk;
pub use changed_while_editing::ChangedWhileEditing;
pub use comments::CommentsWouldBeLost;
pub use delete::ConfirmDelete;
pub use error::ErrorMessage;
pub use export::ExportDialog;
pub use format_change::FormatChange;
pub use import::{ImportDialog, PreviewJob, PreviewMade};
pub use overwrite::ConfirmOverwrite;
pub use recover::Recover;
pub use today::ChooseToday;
pub use typed_path::TypedPath;
pub use unsaved::Unsaved;
pub use who_are_you::WhoAreYou;

use crate::app::commands::Command;
use crate::app::files::Purpose;
use crate::model::Plan;
use egui::{Context, Id, Modal};

/// An open dialog.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// The plan has unsaved edits and a command would lose them.
    Unsaved(Unsaved),
    /// The item is referred to elsewhere.
    ConfirmDelete(ConfirmDelete),
    /// Type a path (always offered beside the native dialog).
    TypedPath(TypedPath),
    /// Saving would replace a file the workbench did not open.
    ConfirmOverwrite(ConfirmOverwrite),
    /// The plan's file changed on disk (or went away) since it was read.
    ChangedOnDisk(ChangedOnDisk),
    /// Saving in the canonical form would drop the file's comments.
    CommentsWouldBeLost(CommentsWouldBeLost),
    /// A recovery copy of unsaved edits was found at start.
    Recover(Recover),
    /// Someone else changed the file while there are unsaved edits.
    ChangedWhileEditing(ChangedWhileEditing),
    /// Import accounts or meetings from a CSV file, with a preview.
    Import(Box<ImportDialog>),
    /// Export a calendar, CSV or a brief.
    Export(Box<ExportDialog>),
    /// Something went wrong.
    Error(ErrorMessage),
    /// Choose the date taken as today.
    Today(ChooseToday),
    /// Say who is at the keyboard.
    WhoAreYou(WhoAreYou),
    /// Saving would make a format-1 plan format 2.
    FormatChange(FormatChange),
}

impl Dialog {
    /// Asks about unsaved changes before `then`.
    pub fn unsaved(then: Command) -> Self {
        Dialog::Unsaved(Unsaved { then })
    }

    /// Draws the dialog's contents; returns the answer, and sets `close` when the dialog is
    /// dismissed.
    fn contents_ui(&mut self, ui: &mut egui::Ui, plan: &Plan, close: &mut bool) -> Option<Answer> {
        match self {
            Dialog::Unsaved(d) => d.ui(ui, close),
            Dialog::ConfirmDelete(d) => d.ui(ui, plan, close),
            Dialog::TypedPath(d) => d.ui(ui, close),
            Dialog::ConfirmOverwrite(d) => d.ui(ui, close),
            Dialog::ChangedOnDisk(d) => d.ui(ui, close),
            Dialog::CommentsWouldBeLost(d) => d.ui(ui, close),
            Dialog::Recover(d) => d.ui(ui),
            Dialog::ChangedWhileEditing(d) => d.ui(ui, close),
            Dialog::Import(d) => d.ui(ui, close).map(|action| match action {
                import::ImportAction::Browse => Answer::Browse {
                    purpose: Purpose::ImportCsv,
                    suggested: None,
                },
                import::ImportAction::Apply(d) => Answer::ApplyImport(d),
            }),
            Dialog::Export(d) => d.ui(ui, plan, close).map(|action| match action {
                export::ExportAction::Browse { format, suggested } => Answer::Browse {
                    purpose: Purpose::Export(format),
                    suggested,
                },
                export::ExportAction::Write(d) => Answer::Export(d),
            }),
            Dialog::Today(d) => d.ui(ui, close),
            Dialog::WhoAreYou(d) => d.ui(ui, plan, close),
            Dialog::FormatChange(d) => d.ui(ui, plan, close),
            Dialog::Error(d) => {
                d.ui(ui, close);
                None
            }
        }
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
        answer = dialog.contents_ui(ui, plan, &mut close);
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
