//! The workbench's state besides the plan, grouped by concern: the checks ([`Checks`]), what the
//! views keep between frames ([`ViewState`]), the frame's command queue ([`FrameState`]), the
//! window ([`WindowState`]), recovery copies ([`RecoveryState`]) and the watch on the plan's file
//! ([`DiskWatch`], with what is wrong with it: [`DiskTrouble`]).

use crate::app::boards::Boards;
use crate::app::checker::Checker;
use crate::app::chrome::palette::{self, PaletteState};
use crate::app::commands::Command;
use crate::app::derived::Derived;
use crate::app::editor::EditorRun;
use crate::app::recovery::Snapshot;
use crate::app::sections::list::ListState;
use crate::app::theme::Theme;
use crate::app::watch::{FileWatch, Seen};
use crate::model::Section;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The plan's gaps, and what the views work out from it; both follow the plan's revision.
pub struct Checks {
    /// Checks the plan (on a worker thread, or on this one) and holds the findings shown.
    pub checker: Checker,
    /// What the views work out from the plan, once per revision.
    pub derived: Derived,
    /// Who recorded each sign-off, read from the file's git history off the UI thread.
    pub trail: crate::app::provenance::TrailReader,
}

/// What the views keep between frames.
pub struct ViewState {
    /// Files being written off the window's thread (File ▸ Export).
    pub file_jobs: Vec<crate::app::file_jobs::FileJob>,
    /// Each list section's selection, search, sort and rows.
    pub lists: BTreeMap<Section, ListState>,
    /// Each board's state.
    pub boards: Boards,
    /// Which side panels show while editing.
    pub panels: Panels,
    /// Which side panels show while presenting (the gaps panel starts hidden: the walk-through
    /// and the bar's counts tell the room, and the view gets the width).
    pub present_panels: Panels,
    /// The command palette, while open.
    pub palette: Option<PaletteState>,
    /// What the palette finds, kept while the plan and its gaps stay as they are.
    pub palette_index: palette::Index,
    /// The user answered the offer to upgrade the open plan's format.
    pub format_offer_answered: bool,
    /// The open plan is the bundled example (until another plan takes its place or it is saved
    /// as a file): the banner above it says so.
    pub example: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            lists: BTreeMap::new(),
            boards: Boards::default(),
            panels: Panels {
                nav: true,
                gaps: true,
            },
            present_panels: Panels {
                nav: true,
                gaps: false,
            },
            palette: None,
            palette_index: palette::Index::default(),
            format_offer_answered: false,
            example: false,
            file_jobs: Vec::new(),
        }
    }
}

/// Which side panels show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panels {
    /// The navigation, on the left.
    pub nav: bool,
    /// The gaps, on the right.
    pub gaps: bool,
}

/// What a frame gathers for its end: the commands to run, and what undo points go by.
#[derive(Default)]
pub struct FrameState {
    /// Commands asked for during the frame (menus, shortcuts, views), run at its end.
    pub pending: Vec<Command>,
    /// The command being run was let through by "Discard changes": do not ask again.
    pub skip_guard: bool,
    /// The widget with the keyboard focus last frame: when it changes, the edit is finished.
    pub text_focus: Option<egui::Id>,
    /// A view changed the plan while drawing this frame.
    pub edited: bool,
    /// The items the frame's edit was in, when the view said (an item's editor, the event or
    /// the scoring form: `Some` of no items); `None` when it may have changed anything.
    pub edited_items: Option<Vec<(crate::model::Section, usize)>>,
    /// A field held typed text not yet in the plan last frame (a number or an id being typed).
    pub typing: bool,
    /// The text field that undid typing of its own since it got the keyboard: redo there is
    /// the field's too.
    pub field_undid: Option<egui::Id>,
}

/// The window: its themes, its title, and whether it may close.
pub struct WindowState {
    /// The theme for editing.
    pub theme: Theme,
    /// The theme for presenting.
    pub present_theme: Theme,
    /// The window title as last set.
    pub title: String,
    /// Closing was confirmed (or nothing is unsaved): let the window close.
    pub allow_close: bool,
    /// The zoom while presenting.
    pub zoom: crate::app::presenting::PresentZoom,
    /// The window's context: work on other threads asks it for a frame when done.
    pub repaint: egui::Context,
}

impl Default for WindowState {
    fn default() -> Self {
        WindowState {
            theme: Theme::Dark,
            present_theme: Theme::HighContrastDark,
            title: String::new(),
            allow_close: false,
            zoom: Default::default(),
            repaint: egui::Context::default(),
        }
    }
}

/// Recovery copies of unsaved edits, written after a few idle seconds and by the panic hook.
#[derive(Default)]
pub struct RecoveryState {
    /// Where recovery copies go; `None`: none are kept (tests).
    pub dir: Option<PathBuf>,
    /// The revision last written as a recovery copy.
    pub written: Option<u64>,
    /// When the plan last changed (egui time, seconds).
    pub last_edit_at: f64,
    /// The plan the panic hook would save.
    pub snapshot: Snapshot,
    /// The revision the panic hook's copy is of.
    pub snapshot_revision: Option<u64>,
}

/// The watch on the plan's file, for changes made by someone else.
#[derive(Default)]
pub struct DiskWatch {
    /// The thread looking at the file; `None`: it is looked at on every frame (tests).
    pub watch: Option<FileWatch>,
    /// The file the thread was told to watch.
    pub watching: Option<PathBuf>,
    /// How the file looked when last compared: its length and modification time.
    pub seen: Seen,
    /// A digest of a change on disk the user chose to keep editing over.
    pub change_noted: Option<String>,
    /// What is wrong with the file on disk, while something is.
    pub trouble: Option<DiskTrouble>,
    /// The editor opened on the file from the banner that says it cannot be read.
    pub editor: Option<EditorRun>,
}

/// What is wrong with the plan's file on disk while a plan read from it is open: the plan in
/// the window then differs from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiskTrouble {
    /// It was moved or deleted.
    Gone,
    /// Someone changed it and it no longer reads as a plan; the message says where
    /// (`FILE:LINE:COLUMN: what is wrong`).
    Unreadable(String),
}
