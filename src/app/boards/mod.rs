//! Boards: the views a room plans with (schedule, lead flow, message map, readiness), drawn over
//! the whole plan rather than one list.

pub mod changes;
pub mod context;
pub mod id;
pub mod lead_flow;
pub mod message_map;
pub mod readiness;
pub mod results;
pub mod schedule;
pub mod signoffs;

pub use context::BoardCx;
pub use id::Board;

/// The state every board keeps between frames.
#[derive(Default)]
pub struct Boards {
    /// The schedule's state.
    pub schedule: crate::app::boards::schedule::ScheduleState,
    /// The lead flow's state.
    pub lead_flow: crate::app::boards::lead_flow::LeadFlowState,
    /// The message map's state.
    pub message_map: crate::app::boards::message_map::MessageMapState,
    /// The changes board's state.
    pub changes: crate::app::boards::changes::ChangesState,
    /// The sign-offs board's state.
    pub signoffs: crate::app::boards::signoffs::SignoffsState,
    /// The results board's state.
    pub results: crate::app::boards::results::ResultsState,
}

/// Draws `board`.
pub fn board_ui(ui: &mut egui::Ui, board: Board, boards: &mut Boards, cx: &mut BoardCx<'_>) {
    match board {
        Board::Schedule => crate::app::boards::schedule::schedule_ui(ui, &mut boards.schedule, cx),
        Board::LeadFlow => {
            crate::app::boards::lead_flow::lead_flow_ui(ui, &mut boards.lead_flow, cx)
        }
        Board::MessageMap => {
            crate::app::boards::message_map::message_map_ui(ui, &mut boards.message_map, cx)
        }
        Board::Readiness => crate::app::boards::readiness::readiness_ui(ui, cx),
        Board::Changes => crate::app::boards::changes::changes_ui(ui, &mut boards.changes, cx),
        Board::Signoffs => crate::app::boards::signoffs::signoffs_ui(ui, &mut boards.signoffs, cx),
        Board::Results => crate::app::boards::results::results_ui(ui, &mut boards.results, cx),
    }
}
