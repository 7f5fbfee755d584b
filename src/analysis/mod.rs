//! Facts about a plan, computed once, used by the checks, readiness, the boards and the exports.

pub mod agreement;
pub mod bookings;
pub mod coverage;
pub mod flow;
pub mod lookup;
pub mod provenance;
pub mod references;
pub mod results;
