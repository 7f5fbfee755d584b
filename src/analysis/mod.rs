//! Facts about a plan, computed once, used by the checks, readiness, the boards and the exports.

pub mod references;
