//! A realistic plan of any size, made up deterministically from a seed: for demos, for trying the
//! workbench on a big show, and for the benchmarks (`preshow generate --accounts N`).
//!
//! The plan is a medical-technology company at a three-day trade show. For `N` accounts it has
//! `N / 100 + 5` people (account executives, marketers, a sales lead, an event manager and an
//! executive sponsor), `N / 50` messages, about `3 N` meetings, a lead flow and a few dozen
//! tasks. The booth staff cannot take three meetings for every account, so the meetings their
//! calendars hold are confirmed, requested or proposed, the top-tier accounts first, and the rest
//! were declined or cancelled, as at a real show.
//!
//! Every kind of gap the checks find is planted a few times (with [`today`] as the date that
//! decides what is overdue), except the three that rule out others: `no-objectives` (the plan has
//! objectives, some of them not shared or without a target), `no-entry-stage` (the lead flow has
//! an entry, and a stage no path reaches from it) and `no-sales-handoff` (marketing hands leads
//! to sales, once too slowly).
//!
//! [`generate_after`] adds the show's outcome (format 2, `preshow generate --after`): most
//! confirmed meetings held and a few no-shows, the CRM's names for the stages and ids for the
//! accounts, objectives with a measure (and one typed in by hand), and about ten leads per
//! account (a few contacts of the accounts met, the rest walk-ins) with where each got to in the
//! lead flow: most handoffs within their SLA, some late, a few leads stuck as of
//! [`after_today`], a week after the show.
//!
//! The same size and seed always give the same plan, on every platform: the random numbers come
//! from a small generator of our own (SplitMix64), never from the system.
//!
//! The files, by step: `rng` (the random numbers), `words` (the names, places, segments, meeting
//! kinds and tasks a plan is written from), `generator` (the plan under way and its
//! bookkeeping), `calendar` (the staff's half-hour slots), then one file per part of the plan in
//! the order [`generate`] makes them: `people`, `messages`, `accounts`, `meetings`, `lead_flow`,
//! `agreements`, `tasks`, and last the planted gaps, `meeting_gaps` and `gaps`; after the show,
//! `outcome` and `leads`.

mod accounts;
mod agreements;
mod calendar;
mod gaps;
mod generator;
mod lead_flow;
mod leads;
mod meeting_gaps;
mod meetings;
mod messages;
mod outcome;
mod people;
mod rng;
mod tasks;
mod words;

pub use generator::today;
pub use outcome::after_today;

use crate::model::Plan;
use generator::Generator;

/// The seed `preshow generate` uses when none is given.
pub const DEFAULT_SEED: u64 = 2027;

/// A plan with `accounts` accounts, the same for the same `accounts` and `seed`.
pub fn generate(accounts: usize, seed: u64) -> Plan {
    before(accounts, seed).plan
}

/// [`generate`]'s plan after the show (format 2): held and no-show meetings, the CRM's stage
/// names and account ids, measured objectives and the leads, with where each one got to.
/// Check it as of [`after_today`], a week after the show.
pub fn generate_after(accounts: usize, seed: u64) -> Plan {
    let mut g = before(accounts, seed);
    g.outcome();
    g.plan
}

/// The plan before the show, with the generator's bookkeeping.
fn before(accounts: usize, seed: u64) -> Generator {
    let mut g = Generator::new(accounts, seed);
    g.people();
    g.messages();
    g.accounts();
    g.meetings();
    g.lead_flow();
    g.agreements();
    g.tasks();
    g.plant_meeting_gaps();
    g.plant_account_gaps();
    g.plant_other_gaps();
    g
}

/// The canonical text of [`generate`]'s plan.
pub fn generate_text(accounts: usize, seed: u64) -> String {
    crate::format::to_string(&generate(accounts, seed))
}

/// The canonical text of [`generate_after`]'s plan.
pub fn generate_after_text(accounts: usize, seed: u64) -> String {
    crate::format::to_string(&generate_after(accounts, seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_plans_are_whole() {
        for n in [0, 1, 7, 60] {
            let plan = generate(n, 1);
            assert_eq!(plan.accounts.len(), n);
            assert_eq!(plan.people.len(), n / 100 + 5);
        }
    }
}
