//! Where the workbench can go: [`Place`], a section or a board, and their command-line names
//! (`--show schedule`).

use crate::app::boards::id::Board;
use crate::app::sections;
use crate::model::Section;

/// Somewhere the workbench can show: a section or a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A section of the plan.
    Section(Section),
    /// A board.
    Board(Board),
}

impl Place {
    /// The place named on the command line (`accounts`, `schedule`...).
    pub fn parse(name: &str) -> Option<Place> {
        sections::SECTIONS
            .iter()
            .find(|s| s.key() == name)
            .map(|s| Place::Section(*s))
            .or_else(|| {
                Board::ALL
                    .iter()
                    .find(|b| b.key() == name)
                    .map(|b| Place::Board(*b))
            })
    }

    /// Every name [`Place::parse`] knows.
    pub fn names() -> Vec<&'static str> {
        Board::ALL
            .iter()
            .map(|b| b.key())
            .chain(sections::SECTIONS.iter().map(|s| s.key()))
            .collect()
    }
}
