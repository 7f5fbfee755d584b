//! What sales and marketing agreed on in a generated plan: objectives, terms and lead scoring,
//! each signed off, with gaps planted: an objective not shared, one without a target, the lead
//! definition under an unknown id, a term not agreed, and scoring signed on a stale version.

use crate::model::fingerprint::Signable;
use crate::model::{Objective, Scoring, Signal, Term};
use crate::ops::generate::generator::Generator;

impl Generator {
    /// Objectives, terms and scoring, with who agreed to them.
    pub(super) fn agreements(&mut self) {
        self.objectives();
        self.terms();
        self.scoring();
    }

    /// Objectives with targets that grow with the plan; one not shared, one without a target.
    fn objectives(&mut self) {
        let n = self.n as f64;
        let (sl, ml) = (self.sales_lead, self.marketing_lead);
        let objectives = [
            (
                "pipeline",
                "Sourced pipeline",
                "Pipeline created within 30 days",
                Some((n * 2400.0).max(50_000.0)),
                "EUR",
                true,
            ),
            (
                "meetings-held",
                "Meetings held",
                "Confirmed meetings held at the booth",
                Some((n * 0.3).ceil().max(10.0)),
                "meetings",
                true,
            ),
            // Not shared: marketing has not signed.
            (
                "qualified-leads",
                "Qualified leads",
                "Badge scans that meet the lead definition",
                Some((n * 0.2).ceil().max(20.0)),
                "leads",
                false,
            ),
            // No target.
            (
                "awareness",
                "Brand awareness",
                "Visitors who remember us a week later",
                None,
                "",
                true,
            ),
        ];
        for (id, name, metric, target, unit, shared) in objectives {
            let mut o = Objective {
                id: id.to_owned(),
                name: name.to_owned(),
                metric: Some(metric.to_owned()),
                target,
                unit: (!unit.is_empty()).then(|| unit.to_owned()),
                measure: None,
                actual: None,
                signoffs: Vec::new(),
            };
            let f = o.fingerprint();
            o.signoffs.push(self.signoff(sl, Some(f.clone())));
            if shared {
                o.signoffs.push(self.signoff(ml, Some(f)));
            }
            self.plan.objectives.push(o);
        }
    }

    /// Agreed terms; the lead definition under an id the checks do not know, and one term not
    /// agreed.
    fn terms(&mut self) {
        let (sl, ml) = (self.sales_lead, self.marketing_lead);
        let terms = [
            // The lead definition under an id the checks do not know: `lead-definition-missing`.
            (
                "qualified-lead-2026",
                "Qualified lead",
                "Director or above at a provider with a budget for 2027",
                true,
            ),
            (
                "booth-visit",
                "Booth visit",
                "A badge scanned at the booth, demo station or theatre",
                true,
            ),
            (
                "tier-1",
                "Tier-1 account",
                "An account with an open project over 250,000 EUR",
                true,
            ),
            // Not agreed: sales has not signed.
            (
                "meeting-held",
                "Meeting held",
                "A meeting the account attended for at least 15 minutes",
                false,
            ),
        ];
        for (id, term, definition, both) in terms {
            let mut t = Term {
                id: id.to_owned(),
                term: term.to_owned(),
                definition: definition.to_owned(),
                signoffs: Vec::new(),
            };
            let f = t.fingerprint();
            t.signoffs.push(self.signoff(ml, Some(f.clone())));
            if both {
                t.signoffs.push(self.signoff(sl, Some(f)));
            }
            self.plan.terms.push(t);
        }
    }

    /// Lead scoring whose threshold no lead can reach, signed by sales on an earlier version.
    fn scoring(&mut self) {
        let (sl, ml) = (self.sales_lead, self.marketing_lead);
        // Sales signed an earlier version (budget was worth 30): stale, so not agreed; and the
        // threshold of 70 is out of reach of 25 + 20 + 15.
        let signal = |signal: &str, points: i64| Signal {
            signal: signal.to_owned(),
            points,
        };
        let mut scoring = Scoring {
            threshold: 70,
            signals: vec![
                signal("Director or above", 25),
                signal("Budget this year", 30),
                signal("Evaluating now", 15),
                signal("Student or competitor", -50),
            ],
            signoffs: Vec::new(),
        };
        let old = scoring.fingerprint();
        if let Some(s) = scoring.signals.get_mut(1) {
            s.points = 20;
        }
        let current = scoring.fingerprint();
        scoring.signoffs = vec![self.signoff(ml, Some(current)), self.signoff(sl, Some(old))];
        self.plan.scoring = Some(scoring);
    }
}
