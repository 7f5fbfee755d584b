//! What the user answered in a dialog: [`Answer`], which the app acts on at the end of the frame
//! (`actions.rs`).

use crate::app::commands::Command;
use crate::app::dialogs::export::ExportDialog;
use crate::app::dialogs::import::ImportDialog;
use crate::app::files::Purpose;
use crate::model::{Date, Plan, Section};
use std::path::PathBuf;

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
    Restore(Box<Plan>),
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
    ApplyImport(Box<ImportDialog>),
    /// Write the export.
    Export(Box<ExportDialog>),
    /// Make the plan format 2 (one undoable step), then save it to `path`.
    SaveAsFormat2 {
        /// Where to save.
        path: PathBuf,
        /// Whether to write over the file as it is on disk.
        overwrite: bool,
    },
    /// Take this date as today (`None`: the system date).
    SetToday(Option<Date>),
    /// The person at the keyboard is this one (a person id); then go on with the command that
    /// asked, if any.
    YouAre {
        /// The person's id.
        id: String,
        /// The command that asked (a sign-off).
        then: Option<Command>,
    },
}

impl Answer {
    /// Whether the dialog stays open after this answer.
    pub fn keeps_dialog(&self) -> bool {
        matches!(self, Answer::Browse { .. })
    }
}
