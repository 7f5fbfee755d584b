//! What the message map keeps between frames: the edit toggle, where the keyboard is, and the
//! summary of the plan it draws, worked out once per revision.

use crate::analysis::agreement::{Agreement, Signatures};
use crate::analysis::coverage::{Coverage, MapColumn};
use crate::model::{Plan, Team};

/// State between frames.
#[derive(Default)]
pub struct MessageMapState {
    /// Clicking a cell changes the plan (adds or removes the segment or the message) instead of
    /// opening the item.
    pub edit: bool,
    /// The columns and what covers them, for one revision of the plan.
    pub(super) summary: Option<(u64, Summary)>,
    /// The column header the keyboard is on.
    pub(super) focus_head: Option<usize>,
    /// The headline the keyboard is on.
    pub(super) focus_line: Option<usize>,
    /// The uncovered account the keyboard is on: its row of links, and its place in the row.
    pub(super) focus_link: Option<(usize, usize)>,
}

/// What the map shows of the plan, worked out in one linear pass per revision so that a frame
/// costs only the cells in view.
pub(super) struct Summary {
    /// The columns, what covers them, and the accounts no message covers.
    pub coverage: Coverage,
    /// The longest column name, in characters.
    pub longest: usize,
    /// Per message: whether Sales agreed to it (fingerprints are worked out once, not per frame).
    agreement: Vec<Agreement>,
}

impl Summary {
    /// The summary of `plan`.
    pub fn of(plan: &Plan) -> Summary {
        let coverage = Coverage::of(plan);
        let longest = coverage
            .columns
            .iter()
            .map(|c| c.name(plan).chars().count())
            .max()
            .unwrap_or(0);
        Summary {
            agreement: plan
                .messages
                .iter()
                .map(|m| Signatures::in_plan(plan, m).of_team(Team::Sales))
                .collect(),
            longest,
            coverage,
        }
    }

    /// The columns.
    pub fn columns(&self) -> &[MapColumn] {
        &self.coverage.columns
    }

    /// Whether Sales agreed to message `r`.
    pub fn agreement_of(&self, r: usize) -> Agreement {
        self.agreement
            .get(r)
            .copied()
            .unwrap_or(Agreement::NotAgreed)
    }
}

/// The summary for the plan at `revision`: the one kept in `state` while it is current.
pub(super) fn summary_for(state: &mut MessageMapState, plan: &Plan, revision: u64) -> Summary {
    match state.summary.take() {
        Some((kept, summary)) if kept == revision => summary,
        _ => Summary::of(plan),
    }
}
