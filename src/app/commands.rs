//! Every action of the workbench as one enum: menus, keyboard shortcuts and the command palette
//! all speak it, and the app runs it once at the end of the frame.

use crate::interchange::export::ExportFormat;
use crate::model::Section;
use egui::{Key, KeyboardShortcut, Modifiers};

/// Whose agreement a [`Command::SignOff`] records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signer {
    /// The person at the keyboard ("You are" in the status bar); asked for first when unknown.
    You,
    /// Someone else in the room (a person id), entered by the person at the keyboard.
    Person(String),
}

/// Something the user asked the workbench to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start a new plan from the starter template.
    NewPlan,
    /// Open a plan file.
    Open,
    /// Open a plan file by its path: a recent plan, or one dropped on the window.
    OpenRecent(std::path::PathBuf),
    /// Save to the plan's file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// Read the file again, discarding edits.
    Reload,
    /// Close the window.
    Quit,
    /// Undo the last finished edit.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Search the current list.
    Find,
    /// Open the command palette.
    Palette,
    /// Add an item to the current list.
    AddItem,
    /// Copy the selected item.
    DuplicateItem,
    /// Delete the selected item.
    DeleteItem,
    /// Show the next open gap.
    NextGap,
    /// Show the previous open gap.
    PreviousGap,
    /// Show or hide the gaps panel.
    ToggleGaps,
    /// Show or hide the navigation panel.
    ToggleNav,
    /// Stop the gap walk-through.
    EndWalk,
    /// Presentation mode on or off.
    Present,
    /// Larger.
    ZoomIn,
    /// Smaller.
    ZoomOut,
    /// Normal size.
    ZoomReset,
    /// Choose the date taken as today, in a dialog.
    ChooseToday,
    /// Take this date as today for overdue tasks and new sign-offs (`None`: the system date).
    SetToday(Option<crate::model::Date>),
    /// Use a theme.
    SetTheme(crate::app::theme::Theme),
    /// Show a section.
    GoTo(Section),
    /// Show a board: schedule, lead flow, message map, readiness.
    Show(crate::app::boards::id::Board),
    /// Show one item of a section, highlighting a field.
    Reveal(Section, Option<usize>, Option<&'static str>),
    /// Import accounts, meetings or leads from a CRM's CSV export, with a preview.
    Import(crate::interchange::import::Kind),
    /// Export a calendar, CRM-ready CSV or a brief.
    Export(ExportFormat),
    /// Give an item a new id, changing every reference to it, as one undoable step.
    RenameId {
        /// The item's section.
        section: Section,
        /// Its id now.
        old: String,
        /// The id it takes.
        new: String,
    },
    /// Record a person's agreement to an item's current text today, replacing their earlier
    /// sign-off, as one undoable step. Entered by the person at the keyboard, who is asked for
    /// first when unknown.
    SignOff {
        /// The item's section.
        section: Section,
        /// Its id (`scoring` for the scoring).
        id: String,
        /// The person who agrees.
        by: Signer,
    },
    /// Say who is at the keyboard (the person sign-offs are entered by), in a dialog.
    ChooseYou,
    /// Mark every confirmed meeting of a day held, as one undoable step (`None`: today). Offered
    /// from the first show day on: before the show nothing has been held.
    MarkHeld(Option<crate::model::Date>),
    /// Upgrade the open format-1 plan to format 2, as one undoable step.
    UpgradeFormat,
    /// Keep the open plan at format 1: the offer to upgrade it is not made again for its file.
    KeepFormat1,
    /// Keep a just-added item's id made from its name: the id changes with every change of the
    /// name, in the name's undo step. Asked for in the frame that edits the name, whose undo
    /// point takes both.
    IdFollowsName {
        /// The item's section.
        section: Section,
        /// Its id now.
        old: String,
        /// The id made from its new name.
        new: String,
    },
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Command {
    /// The commands the palette and menus offer (besides going to sections and recent files).
    pub const GENERAL: [Command; 35] = [
        Command::NewPlan,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::Reload,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::Find,
        Command::Palette,
        Command::AddItem,
        Command::DuplicateItem,
        Command::DeleteItem,
        Command::NextGap,
        Command::PreviousGap,
        Command::ToggleGaps,
        Command::ToggleNav,
        Command::Present,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ChooseToday,
        Command::ChooseYou,
        Command::EndWalk,
        Command::MarkHeld(None),
        Command::Import(crate::interchange::import::Kind::Accounts),
        Command::Import(crate::interchange::import::Kind::Meetings),
        Command::Import(crate::interchange::import::Kind::Leads),
        Command::Export(ExportFormat::Calendar),
        Command::Export(ExportFormat::AccountsCsv),
        Command::Export(ExportFormat::MeetingsCsv),
        Command::Export(ExportFormat::HandoffsCsv),
        Command::Export(ExportFormat::LeadsCsv),
        Command::Export(ExportFormat::BriefMarkdown),
        Command::Export(ExportFormat::BriefHtml),
    ];

    /// What the menu and palette call it.
    pub fn label(&self) -> String {
        match self {
            Command::NewPlan => "New plan".into(),
            Command::Open => "Open…".into(),
            Command::OpenRecent(p) => format!("Open {}", p.display()),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save as…".into(),
            Command::Reload => "Reload from disk".into(),
            Command::Quit => "Quit".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::Find => "Find in list".into(),
            Command::Palette => "Command palette…".into(),
            Command::AddItem => "Add item".into(),
            Command::DuplicateItem => "Duplicate item".into(),
            Command::DeleteItem => "Delete item…".into(),
            Command::NextGap => "Next gap".into(),
            Command::PreviousGap => "Previous gap".into(),
            Command::ToggleGaps => "Show or hide gaps".into(),
            Command::ToggleNav => "Show or hide navigation".into(),
            Command::EndWalk => "End the gap walk-through".into(),
            Command::Present => "Presentation mode".into(),
            Command::ZoomIn => "Zoom in".into(),
            Command::ZoomOut => "Zoom out".into(),
            Command::ZoomReset => "Normal size".into(),
            Command::ChooseToday => "Set today…".into(),
            Command::SetToday(Some(d)) => format!("Take {d} as today"),
            Command::SetToday(None) => "Take the system date as today".into(),
            Command::SetTheme(t) => format!("Theme: {}", t.label()),
            Command::GoTo(s) => format!("Go to {}", s.title()),
            Command::Show(b) => format!("Show {}", b.title().to_lowercase()),
            Command::Reveal(s, _, _) => format!("Show in {}", s.title()),
            Command::Import(kind) => format!("Import {kind} from CSV…"),
            Command::Export(format) => format.action().into(),
            Command::RenameId { old, new, .. } | Command::IdFollowsName { old, new, .. } => {
                format!("Rename the id \"{old}\" to \"{new}\"")
            }
            Command::SignOff {
                by: Signer::You, ..
            } => "Sign off".into(),
            Command::SignOff { .. } => "Sign for someone else".into(),
            Command::ChooseYou => "Say who you are…".into(),
            Command::MarkHeld(None) => "Mark today's confirmed meetings held".into(),
            Command::MarkHeld(Some(d)) => format!(
                "Mark the confirmed meetings of {} held",
                crate::model::human::date(*d, chrono::Datelike::year(&d.0))
            ),
            Command::UpgradeFormat => "Upgrade the plan to format 2".into(),
            Command::KeepFormat1 => "Keep the plan at format 1".into(),
        }
    }

    /// The keyboard shortcuts, the first one shown in menus.
    pub fn shortcuts(&self) -> Vec<KeyboardShortcut> {
        let k = KeyboardShortcut::new;
        match self {
            Command::NewPlan => vec![k(CMD, Key::N)],
            Command::Open => vec![k(CMD, Key::O)],
            Command::Save => vec![k(CMD, Key::S)],
            Command::SaveAs => vec![k(CMD_SHIFT, Key::S)],
            Command::Reload => vec![k(CMD_SHIFT, Key::R)],
            Command::Quit => vec![k(CMD, Key::Q)],
            Command::Undo => vec![k(CMD, Key::Z)],
            Command::Redo => vec![k(CMD_SHIFT, Key::Z), k(CMD, Key::Y)],
            Command::Find => vec![k(CMD, Key::F)],
            Command::Palette => vec![k(CMD, Key::K)],
            Command::AddItem => vec![k(CMD_SHIFT, Key::N)],
            Command::DuplicateItem => vec![k(CMD, Key::D)],
            Command::DeleteItem => vec![k(CMD, Key::Delete)],
            Command::NextGap => vec![k(Modifiers::NONE, Key::F8)],
            Command::PreviousGap => vec![k(Modifiers::SHIFT, Key::F8)],
            Command::ToggleGaps => vec![k(CMD, Key::G)],
            Command::ToggleNav => vec![k(CMD, Key::B)],
            Command::Present => vec![k(Modifiers::NONE, Key::F11)],
            Command::ZoomIn => vec![k(CMD, Key::Plus), k(CMD, Key::Equals)],
            Command::ZoomOut => vec![k(CMD, Key::Minus)],
            Command::ZoomReset => vec![k(CMD, Key::Num0)],
            Command::EndWalk | Command::SetTheme(_) => Vec::new(),
            Command::ChooseToday | Command::SetToday(_) | Command::ChooseYou => Vec::new(),
            Command::MarkHeld(_) | Command::UpgradeFormat | Command::KeepFormat1 => Vec::new(),
            Command::Import(_) | Command::Export(_) => Vec::new(),
            Command::RenameId { .. } | Command::IdFollowsName { .. } | Command::SignOff { .. } => {
                Vec::new()
            }
            Command::GoTo(_) | Command::Show(_) | Command::Reveal(..) | Command::OpenRecent(_) => {
                Vec::new()
            }
        }
    }

    /// Whether the command is an edit asked for while drawing (an id rename): it runs before the
    /// frame's undo point is made, as the edits widgets make in place do, so it joins or finishes
    /// the same undo step they would.
    pub fn edits_in_frame(&self) -> bool {
        matches!(
            self,
            Command::RenameId { .. } | Command::IdFollowsName { .. }
        )
    }

    /// Whether it makes sense with no plan open (on the screen shown when a plan could not be
    /// opened): opening, starting, quitting and the window's own settings.
    pub fn works_without_a_plan(&self) -> bool {
        matches!(
            self,
            Command::NewPlan
                | Command::Open
                | Command::OpenRecent(_)
                | Command::Reload
                | Command::Quit
                | Command::Palette
                | Command::Present
                | Command::ZoomIn
                | Command::ZoomOut
                | Command::ZoomReset
                | Command::ChooseToday
                | Command::SetToday(_)
                | Command::SetTheme(_)
        )
    }

    /// Whether a focused text field uses `shortcut` for its own editing, so the field gets it and
    /// no command does: deleting a word (Ctrl+Delete, Ctrl+Backspace), selecting all (Ctrl+A),
    /// and moving the cursor (Home, End, the arrows, with any modifiers). Undo and redo are
    /// decided by the frame, which knows whether the field has typing of its own to undo.
    pub fn text_field_uses(shortcut: &KeyboardShortcut) -> bool {
        match shortcut.logical_key {
            Key::Delete | Key::Backspace | Key::Home | Key::End => true,
            Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown => true,
            Key::A => shortcut.modifiers.command && !shortcut.modifiers.alt,
            _ => false,
        }
    }

    /// Whether the command is the plan's undo or redo, whose keys a focused text field uses for
    /// its own while it has typing to undo.
    pub fn is_undo_or_redo(&self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }

    /// The shortcut as menus show it ("Ctrl+S").
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts().first().map(|s| ctx.format_shortcut(s))
    }

    /// Every command with a shortcut, for the keyboard handler. Shortcuts with more modifiers
    /// come first, so Ctrl+Shift+Z is not taken for Ctrl+Z.
    pub fn with_shortcuts() -> Vec<(KeyboardShortcut, Command)> {
        let mut all: Vec<(KeyboardShortcut, Command)> = Command::GENERAL
            .iter()
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (s, c.clone())))
            .collect();
        all.sort_by_key(|(s, _)| std::cmp::Reverse(modifier_count(s.modifiers)));
        all
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.shift) + u8::from(m.command || m.ctrl)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A focused text field keeps its editing keys: Ctrl+Delete deletes a word there, not the
    /// item; the commands without such keys still work from a field.
    #[test]
    fn text_fields_keep_their_editing_keys() {
        let field_keys: Vec<Command> = Command::with_shortcuts()
            .into_iter()
            .filter(|(s, _)| Command::text_field_uses(s))
            .map(|(_, c)| c)
            .collect();
        assert_eq!(field_keys, vec![Command::DeleteItem]);
        for key in [
            Key::Delete,
            Key::Backspace,
            Key::A,
            Key::ArrowLeft,
            Key::End,
        ] {
            assert!(Command::text_field_uses(&KeyboardShortcut::new(CMD, key)));
        }
        for key in [Key::S, Key::D, Key::F8, Key::Z] {
            assert!(!Command::text_field_uses(&KeyboardShortcut::new(CMD, key)));
        }
    }

    #[test]
    fn shortcuts_are_unique() {
        let all = Command::with_shortcuts();
        for (i, (a, ca)) in all.iter().enumerate() {
            for (b, cb) in all.iter().skip(i + 1) {
                assert!(a != b || ca == cb, "{ca:?} and {cb:?} share a shortcut");
            }
        }
    }
}
