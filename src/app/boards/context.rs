//! What every board is given each frame: the plan, its findings, and where to send commands.

use crate::app::checker::Gaps;
use crate::app::commands::Command;
use crate::app::widgets::Edits;
use crate::model::{Date, Plan};
use std::path::Path;

/// What a board gets: the plan to read and change, its findings, and where to send commands
/// (`Command::Reveal` opens an item in its section's editor).
pub struct BoardCx<'a> {
    /// The plan.
    pub plan: &'a mut Plan,
    /// Its current findings.
    pub gaps: &'a Gaps,
    /// Today.
    pub today: Date,
    /// The plan's file, when it has one.
    pub path: Option<&'a Path>,
    /// The plan's revision: it grows with every change.
    pub revision: u64,
    /// The plan's shape ([`crate::app::Document::shape`]): it grows with every change but keys
    /// typed into one item in a section's editor, and with every finished edit. A board that
    /// shows no such typing keeps what it works out from the whole plan by it.
    pub shape: u64,
    /// Answers about the plan worked out once per revision.
    pub derived: &'a crate::app::derived::Derived,
    /// Commands for the app to run at the end of the frame.
    pub commands: &'a mut Vec<Command>,
    /// Where the board reports that it changed the plan. A change made while the pointer is
    /// down (a drag) becomes one undo step when the pointer is released.
    pub edits: &'a mut Edits,
}
