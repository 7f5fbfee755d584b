//! Operations on a plan: edits that keep it consistent, the patches undo and the checker follow,
//! comparing two plans for people, merging three for git, and generating plans of any size.

pub mod diff;
pub mod edit;
pub mod generate;
pub mod merge;
pub mod patch;
