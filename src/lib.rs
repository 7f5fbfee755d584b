//! Preshow: the pre-show planning workbench.
//!
//! The core ([`model`], [`format`], [`fingerprint`], [`check`], [`patch`]) knows nothing of
//! windows; the command line ([`cli`]) and the workbench ([`app`]) are built on it.

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod check;
pub mod cli;
pub mod format;
pub mod git;
pub mod interchange;
pub mod model;
pub mod ops;
pub mod readiness;

/// The example plan, bundled so the workbench opens on it with no file given.
pub const EXAMPLE_PLAN: &str = include_str!("../plans/example.ron");

/// The starter plan `preshow new` writes.
pub const TEMPLATE_PLAN: &str = include_str!("../plans/template.ron");
