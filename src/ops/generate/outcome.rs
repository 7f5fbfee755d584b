//! The show's outcome (`preshow generate --after`, format 2): most confirmed meetings held and a
//! few no-shows, the CRM's names for the stages and ids for the accounts, objectives measured
//! (four counted by the plan, one typed in by hand), and then the leads (`leads`).

use crate::model::fingerprint::Signable;
use crate::model::{Date, Measure, MeetingStatus, Objective};
use crate::ops::generate::generator::{Generator, day};

/// The date a generated plan with its outcome is written for: a week after the show's last day,
/// when the leads captured at the booth should have moved on and some are stuck.
pub fn after_today() -> Date {
    day(2027, 3, 18)
}

/// HubSpot lifecycle stages for the stages a CRM tracks; the rest (a webinar sign-up, a partner
/// referral, recycling) are kept in the plan only.
const CRM_STAGES: [(&str, &str); 5] = [
    ("visit", "Lead"),
    ("mql", "Marketing Qualified Lead"),
    ("sal", "Sales Qualified Lead"),
    ("opportunity", "Opportunity"),
    ("nurture", "Subscriber"),
];

impl Generator {
    /// Adds what happened at the show and after it: meetings' outcomes, CRM names and ids,
    /// measured objectives and the leads.
    pub(super) fn outcome(&mut self) {
        self.plan.format = 2;
        self.meeting_outcomes();
        for s in &mut self.plan.stages {
            s.crm_stage = CRM_STAGES
                .iter()
                .find(|(id, _)| *id == s.id)
                .map(|(_, name)| (*name).to_owned());
        }
        // HubSpot company record ids: ten digits, ascending in the order the accounts were made.
        let mut record = 9_100_000_000u64;
        for a in &mut self.plan.accounts {
            record += 1 + self.rng.below(40) as u64;
            a.crm_id = Some(record.to_string());
        }
        self.leads();
        self.measured_objectives();
    }

    /// Most confirmed meetings were held, a few accounts did not come, and now and then nobody
    /// updated a meeting after the show; every other meeting keeps its status.
    fn meeting_outcomes(&mut self) {
        for i in 0..self.plan.meetings.len() {
            let roll = self.rng.below(100);
            if let Some(m) = self.plan.meetings.get_mut(i)
                && m.status == MeetingStatus::Confirmed
            {
                m.status = match roll {
                    0..=86 => MeetingStatus::Held,
                    87..=93 => MeetingStatus::NoShow,
                    _ => MeetingStatus::Confirmed,
                };
            }
        }
    }

    /// Measures for the objectives agreed before the show, and the ones only an outcome can
    /// answer: tier-1 accounts met, leads captured and visitor
    /// satisfaction (typed in from the booth survey).
    fn measured_objectives(&mut self) {
        for o in &mut self.plan.objectives {
            o.measure = match o.id.as_str() {
                "pipeline" => Some(Measure::Pipeline),
                "meetings-held" => Some(Measure::MeetingsHeld),
                // The lead definition is what takes a lead from marketing to sales.
                "qualified-leads" => Some(Measure::LeadsReaching("sal".to_owned())),
                _ => None,
            };
        }
        let n = self.n as f64;
        let tier_1 = self.plan.accounts.iter().filter(|a| a.tier == 1).count() as f64;
        let added = [
            (
                "tier-1-met",
                "Tier-1 accounts met",
                "Tier-1 accounts with a meeting held at the show",
                (tier_1 * 0.8).ceil().max(1.0),
                "accounts",
                Some(Measure::Tier1AccountsMet),
                None,
            ),
            (
                "leads-captured",
                "Leads captured",
                "Badges scanned and contacts entered at the booth",
                (n * 9.0).ceil().max(50.0),
                "leads",
                Some(Measure::Leads),
                None,
            ),
            (
                "visitor-satisfaction",
                "Visitor satisfaction",
                "Average score of the booth survey, out of 10",
                8.0,
                "points",
                None,
                Some((74 + self.rng.below(15)) as f64 / 10.0),
            ),
        ];
        let (sl, ml) = (self.sales_lead, self.marketing_lead);
        for (id, name, metric, target, unit, measure, actual) in added {
            let mut o = Objective {
                id: id.to_owned(),
                name: name.to_owned(),
                metric: Some(metric.to_owned()),
                target: Some(target),
                unit: Some(unit.to_owned()),
                measure,
                actual,
                signoffs: Vec::new(),
            };
            let f = o.fingerprint();
            o.signoffs.push(self.signoff(sl, Some(f.clone())));
            o.signoffs.push(self.signoff(ml, Some(f)));
            self.plan.objectives.push(o);
        }
    }
}
