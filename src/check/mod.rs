//! The gap checks: every rule of the catalogue, run over a plan, giving structured findings.
//!
//! Each rule lives in its own file under `rules/`; its doc comment is also the text that
//! `preshow explain RULE` prints. Rendering findings as text, JSON or annotations is a separate,
//! thin layer ([`render`]).

mod context;
mod finding;
mod index;
mod kept;
mod meetings;
pub mod render;
pub mod rules;

pub use context::{Context, Flow};
pub use meetings::{Attendee, Booking, Bookings, MeetingRow, MeetingTable};

/// The hash maps of the checks. Ids are short strings looked up a few times per item; SipHash's
/// strength against crafted keys costs more than the rest of a check, and foldhash (seeded per
/// process) is several times faster. No rule depends on the order of a map.
pub(crate) mod maps {
    pub use foldhash::{HashMap, HashMapExt, HashSet};
}
pub use finding::{Finding, Severity, Summary};
pub use kept::{Kept, check_keeping};
pub use rules::{ALL as RULES, FixedBy, Rule, RuleId, find as find_rule};

use crate::analysis::provenance::Verification;
use crate::model::{Date, Plan};

/// Runs every rule over `plan`, with `today` deciding what is overdue. Findings come in the
/// order of the rule catalogue, then of the items.
pub fn check(plan: &Plan, today: Date) -> Vec<Finding> {
    run(Context::new(plan, today))
}

/// As [`check`], and also verifies the sign-offs added since the revision of `verification`
/// against the file's history (`signoff-unverified`, which [`check`] never reports).
pub fn check_verified(plan: &Plan, today: Date, verification: &Verification) -> Vec<Finding> {
    run(Context::new(plan, today).with_verification(verification))
}

fn run(ctx: Context<'_>) -> Vec<Finding> {
    run_on(&ctx)
}

/// Every rule, in catalogue order, on one context.
fn run_on(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for &id in RuleId::ALL {
        let mut sink = Sink { id, out: &mut out };
        (id.rule().check)(ctx, &mut sink);
    }
    out
}

/// Where a rule puts its findings; it fills in the rule's name and severity.
pub struct Sink<'a> {
    id: RuleId,
    out: &'a mut Vec<Finding>,
}

impl Sink<'_> {
    /// A finding on item `index` of a list section.
    pub fn item(
        &mut self,
        section: crate::model::Section,
        index: usize,
        id: &str,
        message: String,
    ) {
        self.push(section, Some(index), Some(id.to_owned()), message);
    }

    /// A finding on a section as a whole (`no-objectives`) or a single item (`event`, `scoring`).
    pub fn section(&mut self, section: crate::model::Section, message: String) {
        self.push(section, None, None, message);
    }

    fn push(
        &mut self,
        section: crate::model::Section,
        index: Option<usize>,
        id: Option<String>,
        message: String,
    ) {
        self.out.push(Finding {
            rule: self.id,
            severity: self.id.rule().severity,
            section,
            index,
            id,
            message,
        });
    }
}
