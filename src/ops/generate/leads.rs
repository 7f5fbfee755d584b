//! The leads of a generated plan's outcome: a few contacts of each account (more for the top
//! tier; an account's first contact was captured at its held meeting) and about eight walk-ins
//! per account who belong to none, so 10,000 accounts give about 100,000 leads.
//!
//! Each lead starts at the booth visit during a show day and follows the lead flow's handoffs:
//! most moves within the handoff's SLA, some late, a few leads stuck (their last stage's
//! follow-up was due before [`after_today`](super::after_today)), a few that skip a stage (a
//! qualified lead straight to an opportunity), and now and then a `reached` list written out of
//! time order, as a CRM export may give it. Owners come from the account, or from the team that
//! holds the lead; a few have none. Opportunities carry pipeline, once per account (several
//! contacts of one account share a deal), and some sales-accepted leads an early estimate.

use crate::model::{DateTime, Lead, MeetingStatus, Reached};
use crate::ops::generate::generator::{DAYS, FIRST_HOUR, Generator};
use crate::ops::generate::words::{FIRST_NAMES, LAST_NAMES, PLACES, SEGMENTS};
use std::collections::{HashMap, HashSet};

/// Walk-ins per account.
const WALK_INS: usize = 9;

/// A lead before it has an id: name, company, account (index), captured.
struct Draft {
    name: String,
    company: Option<String>,
    account: Option<usize>,
    captured: DateTime,
}

/// Where a lead can go from a stage, with weights out of 1,000 for an account's contacts and for
/// walk-ins; what is left over stops there. Most walk-ins are below the threshold and go to
/// nurture; an account's contacts, met at a meeting, reach sales far more often.
fn next_stages(stage: &str) -> &'static [(&'static str, usize, usize)] {
    match stage {
        "visit" => &[("mql", 600, 740), ("sal", 150, 2), ("webinar", 230, 248)],
        // Straight to an opportunity skips the sales-accepted stage: no handoff describes it.
        "mql" => &[
            ("sal", 300, 5),
            ("nurture", 650, 980),
            ("opportunity", 20, 2),
        ],
        "sal" => &[("opportunity", 350, 250), ("recycled", 550, 650)],
        "recycled" => &[("re-engage", 850, 850)],
        _ => &[],
    }
}

impl Generator {
    /// Adds the leads, ordered by when they were captured.
    pub(super) fn leads(&mut self) {
        let mut drafts = self.drafts();
        drafts.sort_by_key(|d| d.captured);
        let sla: HashMap<(String, String), Option<i64>> = self
            .plan
            .handoffs
            .iter()
            .map(|h| ((h.from.clone(), h.to.clone()), h.sla_hours))
            .collect();
        let mut with_pipeline: HashSet<usize> = HashSet::new();
        let mut record = 51_000_000_000u64;
        let mut leads = Vec::with_capacity(drafts.len());
        for d in drafts {
            let reached = self.path(d.captured, d.account.is_some(), &sla);
            let sales = reached
                .iter()
                .any(|r| r.stage == "sal" || r.stage == "opportunity");
            let account = d.account.and_then(|a| self.plan.accounts.get(a));
            let tier = account.map_or(4, |a| a.tier);
            let owner = if self.rng.chance(3) {
                None
            } else if let Some(o) = account
                .and_then(|a| a.owner.as_deref())
                .filter(|o| self.people_by_id.contains_key(*o))
            {
                Some(o.to_owned())
            } else if sales || account.is_some() {
                self.rng.pick_index(&self.sales).map(|p| self.person_id(p))
            } else if self.rng.chance(50) {
                Some(self.person_id(self.event_manager))
            } else {
                self.rng
                    .pick_index(&self.marketing)
                    .map(|p| self.person_id(p))
            };
            let account_id = account.map(|a| a.id.clone());
            let opportunity = reached.iter().any(|r| r.stage == "opportunity");
            // Several contacts of one account share its deal: it is counted once.
            let first_deal = d.account.is_none_or(|a| !with_pipeline.contains(&a));
            let estimate = sales && !opportunity && self.rng.chance(10);
            let pipeline = if first_deal && (opportunity || estimate) {
                if let Some(a) = d.account {
                    with_pipeline.insert(a);
                }
                let amount = self.amount(tier);
                Some(if opportunity { amount } else { amount / 2.0 })
            } else {
                None
            };
            record += 1 + self.rng.below(9) as u64;
            let crm_id = (!self.rng.chance(4)).then(|| record.to_string());
            let mut reached = reached;
            // Now and then a CRM export lists the stages newest first.
            if reached.len() > 1 && self.rng.chance(6) {
                reached.reverse();
            }
            leads.push(Lead {
                id: self.id(&d.name),
                name: d.name,
                company: d.company,
                account: account_id,
                crm_id,
                owner,
                captured: d.captured,
                pipeline,
                reached,
            });
        }
        self.plan.leads = leads;
    }

    /// Every lead to be: each account's contacts, then the walk-ins.
    fn drafts(&mut self) -> Vec<Draft> {
        let mut held: HashMap<&str, DateTime> = HashMap::new();
        for m in &self.plan.meetings {
            if m.status == MeetingStatus::Held {
                held.entry(m.account.as_str())
                    .and_modify(|t| *t = (*t).min(m.start))
                    .or_insert(m.start);
            }
        }
        let held: Vec<Option<DateTime>> = self
            .plan
            .accounts
            .iter()
            .map(|a| held.get(a.id.as_str()).copied())
            .collect();
        let mut drafts = Vec::with_capacity(self.n * (WALK_INS + 2));
        for a in 0..self.plan.accounts.len() {
            let (tier, company) = match self.plan.accounts.get(a) {
                Some(acc) => (acc.tier, acc.name.clone()),
                None => continue,
            };
            // Contacts come with a held meeting; now and then one drops by without.
            let met = held.get(a).copied().flatten();
            let count = match (tier, met) {
                (_, None) => usize::from(self.rng.chance(12)),
                (1, Some(_)) => self.rng.between(2, 5),
                (2, Some(_)) => self.rng.between(1, 3),
                _ => self.rng.between(1, 2),
            };
            for k in 0..count {
                let captured = match met {
                    Some(start) if k == 0 && self.open_at(start) => start,
                    _ => self.show_time(),
                };
                drafts.push(Draft {
                    name: self.name(),
                    company: Some(company.clone()),
                    account: Some(a),
                    captured,
                });
            }
        }
        // A walk-in whose company is a target account is that account's lead, as an import
        // from the CRM would file it.
        let accounts: HashMap<String, usize> = self
            .plan
            .accounts
            .iter()
            .enumerate()
            .map(|(i, a)| (crate::model::fold(&a.name), i))
            .collect();
        for _ in 0..self.n * WALK_INS {
            let company = (!self.rng.chance(8)).then(|| {
                let (_, kinds, _) = SEGMENTS[self.rng.below(SEGMENTS.len())];
                format!("{} {}", self.rng.pick(PLACES), self.rng.pick(kinds))
            });
            let account = company
                .as_deref()
                .and_then(|c| accounts.get(&crate::model::fold(c)).copied());
            drafts.push(Draft {
                name: self.name(),
                company,
                account,
                captured: self.show_time(),
            });
        }
        drafts
    }

    /// A visitor's name.
    fn name(&mut self) -> String {
        format!(
            "{} {}",
            self.rng.pick(FIRST_NAMES),
            self.rng.pick(LAST_NAMES)
        )
    }

    /// A time on a show day while the booth is open, to five minutes.
    fn show_time(&mut self) -> DateTime {
        let day = self
            .plan
            .event
            .starts
            .plus_days(self.rng.below(DAYS) as i64);
        let minutes = self.rng.below(10 * 12) * 5;
        day.at(FIRST_HOUR as u32, 0).plus_minutes(minutes as i64)
    }

    /// The stages a lead captured at `captured` reached, in time order: through the flow's
    /// handoffs, most within their SLA, some late; it stops where the weights leave it.
    fn path(
        &mut self,
        captured: DateTime,
        contact: bool,
        sla: &HashMap<(String, String), Option<i64>>,
    ) -> Vec<Reached> {
        let mut reached = vec![Reached {
            stage: "visit".to_owned(),
            at: captured,
        }];
        let mut stage = "visit";
        let mut at = captured;
        loop {
            let roll = self.rng.below(1000);
            let mut sum = 0;
            let mut next = None;
            for &(to, for_contacts, for_walk_ins) in next_stages(stage) {
                sum += if contact { for_contacts } else { for_walk_ins };
                if roll < sum {
                    next = Some(to);
                    break;
                }
            }
            let Some(to) = next else { break };
            let minutes = match sla.get(&(stage.to_owned(), to.to_owned())) {
                Some(Some(hours)) => self.handoff_minutes(*hours),
                // No SLA (into nurture), or no handoff at all (a skipped stage): days.
                _ => self.rng.between(12, 120) as i64 * 60,
            };
            let moved = at.plus_minutes(minutes);
            // People accept leads and open opportunities in office hours; automation any time.
            at = if matches!(to, "sal" | "opportunity" | "recycled") {
                self.office_hours(at, moved)
            } else {
                moved
            };
            reached.push(Reached {
                stage: to.to_owned(),
                at,
            });
            stage = to;
        }
        reached
    }

    /// Whether the booth is open at `at`: a show day, 08:00 to 18:00.
    fn open_at(&self, at: DateTime) -> bool {
        let e = &self.plan.event;
        let minute = at.minute_of_day() as usize;
        (e.starts..=e.ends).contains(&at.date())
            && (FIRST_HOUR * 60..(FIRST_HOUR + 10) * 60).contains(&minute)
    }

    /// `at`, or when it falls outside office hours (08:00 to 19:00), the evening before (when
    /// that is still after `after`) or else the next morning.
    fn office_hours(&mut self, after: DateTime, at: DateTime) -> DateTime {
        let minute = at.minute_of_day();
        if (8 * 60..19 * 60).contains(&minute) {
            return at;
        }
        let (evening, morning) = if minute >= 19 * 60 {
            (at.date(), at.date().plus_days(1))
        } else {
            (at.date().plus_days(-1), at.date())
        };
        let late = evening
            .at(18, 0)
            .plus_minutes(self.rng.below(12) as i64 * 5);
        if late > after {
            late
        } else {
            morning.at(8, 0).plus_minutes(self.rng.below(24) as i64 * 5)
        }
    }

    /// How long a handoff with an SLA of `hours` took, in minutes (to five): mostly within it,
    /// one in eight late by up to twice as much again.
    fn handoff_minutes(&mut self, hours: i64) -> i64 {
        let sla = hours.max(1) as usize * 12;
        let fives = if self.rng.chance(12) {
            self.rng.between(sla + 1, sla * 3)
        } else {
            self.rng.between(sla / 10 + 1, sla)
        };
        fives as i64 * 5
    }

    /// A deal's value for an account of `tier` (4: a walk-in), to 500.
    fn amount(&mut self, tier: i64) -> f64 {
        let (lo, hi) = match tier {
            1 => (15_000, 75_000),
            2 => (8_000, 35_000),
            3 => (5_000, 20_000),
            _ => (2_000, 10_000),
        };
        (self.rng.between(lo / 500, hi / 500) * 500) as f64
    }
}
