//! Boards: the views a room plans with (schedule, lead flow, message map, readiness), drawn over
//! the whole plan rather than one list.

use crate::app::checker::Gaps;
use crate::app::commands::Command;
use crate::app::widgets::Edits;
use crate::model::{Date, Plan};
use std::path::Path;

pub use crate::app::board_id::Board;

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
    /// Answers about the plan worked out once per revision.
    pub derived: &'a crate::app::derived::Derived,
    /// Commands for the app to run at the end of the frame.
    pub commands: &'a mut Vec<Command>,
    /// Where the board reports that it changed the plan. A change made while the pointer is
    /// down (a drag) becomes one undo step when the pointer is released.
    pub edits: &'a mut Edits,
}

/// The state every board keeps between frames.
#[derive(Default)]
pub struct Boards {
    /// The schedule's state.
    pub schedule: super::schedule::ScheduleState,
    /// The lead flow's state.
    pub lead_flow: super::lead_flow::LeadFlowState,
    /// The message map's state.
    pub message_map: super::message_map::MessageMapState,
    /// The changes board's state.
    pub changes: super::changes::ChangesState,
    /// The sign-offs board's state.
    pub signoffs: super::signoffs::SignoffsState,
}

/// Draws `board`.
pub fn board_ui(ui: &mut egui::Ui, board: Board, boards: &mut Boards, cx: &mut BoardCx<'_>) {
    match board {
        Board::Schedule => super::schedule::schedule_ui(ui, &mut boards.schedule, cx),
        Board::LeadFlow => super::lead_flow::lead_flow_ui(ui, &mut boards.lead_flow, cx),
        Board::MessageMap => super::message_map::message_map_ui(ui, &mut boards.message_map, cx),
        Board::Readiness => super::readiness::readiness_ui(ui, cx),
        Board::Changes => super::changes::changes_ui(ui, &mut boards.changes, cx),
        Board::Signoffs => super::signoffs::signoffs_ui(ui, &mut boards.signoffs, cx),
    }
}
