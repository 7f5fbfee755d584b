//! Which board is on screen: [`Board`], a plain id with its title, navigation group and
//! command-line name. No drawing here, so commands, navigation and the palette can name a board
//! without depending on the boards themselves (`boards/mod.rs` draws them).

/// A board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Board {
    /// Meetings on a time grid per day.
    Schedule,
    /// Stages and handoffs as a diagram.
    LeadFlow,
    /// Messages against segments and tier-1 accounts.
    MessageMap,
    /// How complete the plan is, and who owes what.
    Readiness,
    /// What changed since the file's last commit (or since it was saved).
    Changes,
    /// Who agreed to what, and when, across the plan and its history.
    Signoffs,
    /// After the show: the objectives, handoffs, accounts, meetings and leads, measured.
    Results,
}

impl Board {
    /// Every board, in navigation order.
    pub const ALL: [Board; 7] = [
        Board::Readiness,
        Board::Schedule,
        Board::LeadFlow,
        Board::MessageMap,
        Board::Changes,
        Board::Signoffs,
        Board::Results,
    ];

    /// The navigation group it is listed under.
    pub fn group(self) -> &'static str {
        match self {
            Board::Changes | Board::Signoffs | Board::Results => "Review",
            _ => "Workshop",
        }
    }

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Board::Schedule => "Schedule",
            Board::LeadFlow => "Lead flow",
            Board::MessageMap => "Message map",
            Board::Readiness => "Readiness",
            Board::Changes => "Changes",
            Board::Signoffs => "Sign-offs",
            Board::Results => "Results",
        }
    }

    /// Its name on the command line (`--show schedule`).
    pub fn key(self) -> &'static str {
        match self {
            Board::Schedule => "schedule",
            Board::LeadFlow => "lead-flow",
            Board::MessageMap => "message-map",
            Board::Readiness => "readiness",
            Board::Changes => "changes",
            Board::Signoffs => "sign-offs",
            Board::Results => "results",
        }
    }
}
