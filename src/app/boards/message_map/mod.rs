//! The message map board: messages against the segments and tier-1 accounts they cover, with
//! the columns no message covers marked in red, and the accounts no message reaches.
//!
//! The matrix scrolls both ways with the headline column and the header row frozen, and draws
//! only the rows and columns on screen, so it stays fast with thousands of tier-1 accounts.
//! What covers what, and who agreed, comes from [`crate::analysis`]; this folder draws it:
//! `view.rs` the board, `matrix.rs` the scroll area and the order of its parts (`body.rs`,
//! `cells.rs`, `gaps.rs`, `header.rs`, `headlines.rs`), placed by `layout.rs` and coloured by
//! `look.rs`, with their words in `tips.rs`; `uncovered.rs` the list under it, and `state.rs`
//! what is kept between frames.

mod body;
mod cells;
mod gaps;
mod header;
mod headlines;
mod layout;
mod look;
mod matrix;
mod state;
mod tips;
mod uncovered;
mod view;

pub use crate::analysis::coverage::{MapColumn, columns};
pub use state::MessageMapState;
pub use view::message_map_ui;
