//! The lead flow of a generated plan: stages from a booth visit to an opportunity, and the
//! handoffs between them, with their owners, SLAs and sign-offs. A few gaps are planted here
//! already: a dead end, a stage nothing leads into, a loop with no way out, a handoff without an
//! owner, one without a follow-up time, one too slow, and one not accepted by those who receive
//! the leads.

use crate::model::fingerprint::Signable;
use crate::model::{Handoff, Stage, Team};
use crate::ops::generate::generator::Generator;

/// Who owns or signs a handoff.
#[derive(Clone, Copy)]
enum Lead {
    /// The sales lead.
    Sales,
    /// The head of field marketing.
    Marketing,
    /// The event manager.
    Event,
}

/// A handoff to write: id, from, to, trigger, owner, SLA hours, accepted by.
type Flow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<Lead>,
    Option<i64>,
    Option<Lead>,
);

/// The handoffs, in the plan's order.
const FLOWS: [Flow; 10] = [
    (
        "visit-to-mql",
        "visit",
        "mql",
        "Badge scanned and score at the threshold",
        Some(Lead::Event),
        Some(4),
        None,
    ),
    (
        "mql-to-sal",
        "mql",
        "sal",
        "Qualified lead per definition",
        Some(Lead::Sales),
        Some(24),
        Some(Lead::Sales),
    ),
    // Too slow: marketing to sales in more than 48 hours.
    (
        "visit-to-sal",
        "visit",
        "sal",
        "Asked for a demo at the booth",
        Some(Lead::Sales),
        Some(72),
        Some(Lead::Sales),
    ),
    (
        "sal-to-opportunity",
        "sal",
        "opportunity",
        "Discovery call held and budget confirmed",
        Some(Lead::Sales),
        Some(48),
        None,
    ),
    // No follow-up time.
    (
        "mql-to-nurture",
        "mql",
        "nurture",
        "Below the threshold or no budget this year",
        Some(Lead::Marketing),
        None,
        None,
    ),
    // No owner.
    (
        "visit-to-webinar",
        "visit",
        "webinar",
        "Asked for the webinar recording",
        None,
        Some(24),
        None,
    ),
    (
        "partner-to-sal",
        "partner",
        "sal",
        "Partner registers the deal",
        Some(Lead::Sales),
        Some(24),
        None,
    ),
    // Not accepted by marketing, who receive the leads.
    (
        "sal-to-recycled",
        "sal",
        "recycled",
        "No answer after three calls",
        Some(Lead::Sales),
        Some(24),
        Some(Lead::Sales),
    ),
    (
        "recycled-to-re-engage",
        "recycled",
        "re-engage",
        "Quarterly re-engagement campaign",
        Some(Lead::Marketing),
        Some(72),
        None,
    ),
    (
        "re-engage-to-recycled",
        "re-engage",
        "recycled",
        "No reply to the re-engagement email",
        Some(Lead::Marketing),
        Some(168),
        None,
    ),
];

impl Generator {
    /// Adds the stages and the handoffs between them.
    pub(super) fn lead_flow(&mut self) {
        let stage = |id: &str, name: &str, team: Team, entry: bool, terminal: bool| Stage {
            id: id.to_owned(),
            name: name.to_owned(),
            team,
            entry,
            terminal,
            crm_stage: None,
        };
        self.plan.stages = vec![
            stage("visit", "Booth visit", Team::Marketing, true, false),
            stage(
                "mql",
                "Marketing-qualified lead",
                Team::Marketing,
                false,
                false,
            ),
            stage("sal", "Sales-accepted lead", Team::Sales, false, false),
            stage("opportunity", "Opportunity", Team::Sales, false, true),
            stage("nurture", "Nurture", Team::Marketing, false, true),
            // Planted gaps: a dead end, a stage nothing leads into, and a loop with no way out.
            stage("webinar", "Webinar sign-up", Team::Marketing, false, false),
            stage("partner", "Partner referral", Team::Sales, false, false),
            stage("recycled", "Recycled lead", Team::Marketing, false, false),
            stage("re-engage", "Re-engagement", Team::Marketing, false, false),
        ];
        for (id, from, to, trigger, owner, sla, signer) in FLOWS {
            let mut h = Handoff {
                id: id.to_owned(),
                from: from.to_owned(),
                to: to.to_owned(),
                trigger: trigger.to_owned(),
                owner: owner.map(|o| self.person_id(self.lead(o))),
                sla_hours: sla,
                signoffs: Vec::new(),
            };
            if let Some(s) = signer {
                let f = h.fingerprint();
                let by = self.lead(s);
                h.signoffs.push(self.signoff(by, Some(f)));
            }
            self.plan.handoffs.push(h);
        }
    }

    /// The index of the person who is `who`.
    fn lead(&self, who: Lead) -> usize {
        match who {
            Lead::Sales => self.sales_lead,
            Lead::Marketing => self.marketing_lead,
            Lead::Event => self.event_manager,
        }
    }
}
