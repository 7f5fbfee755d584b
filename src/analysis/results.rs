//! The plan after the show, measured (format 2): how each lead moved through the stages, how
//! fast each handoff really was, which leads are stuck, and what each objective reached.
//!
//! The definitions are `format-2.md`'s, to the letter, because teams compare these numbers with
//! their CRM:
//! - a lead's `reached` is ordered by time (ties keep file order); it *took* handoff `H` (A → B)
//!   when B is the stage it reached right after A, and its hours are the time between the two
//!   (90 minutes is 1.5); it was within the SLA when the hours are at most `H.sla_hours`;
//! - a lead is *stuck* at A when A is the last stage it reached, A has handoffs out of it, and
//!   today is later than the time it reached A plus the largest `sla_hours` of those handoffs.
//!   Today is a day, so a lead whose deadline falls on 14 April is stuck from 15 April;
//! - a move to a next stage that no handoff describes counts for no handoff.
//!
//! Everything is one pass over the leads with hash lookups and no allocation per lead (the
//! order of a lead's entries is worked out in one buffer, reused): 100,000 leads are measured in
//! a few milliseconds (`cargo bench --bench core -- leads`).

use crate::model::{Date, DateTime, Measure, MeetingStatus, Plan, Team};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::borrow::Cow;

/// One step of a lead's path: a stage entered, and the handoffs the move into it took.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Index into `lead.reached` of this entry.
    pub entry: usize,
    /// The stage's index in the plan, if a stage has that id.
    pub stage: Option<usize>,
    /// When it was entered.
    pub at: DateTime,
    /// Hours since the step before (none for the first).
    pub hours: Option<f64>,
    /// The handoffs (indices) whose `from` is the previous stage and `to` this one.
    pub handoffs: Vec<usize>,
}

/// A lead's path through the stages, ordered by time (ties keep file order).
pub fn path(plan: &Plan, lead: usize) -> Vec<Step> {
    let stages = stage_index(plan);
    let handoffs = handoff_index(plan, &stages);
    plan.leads
        .get(lead)
        .map(|l| path_with(l, &stages, &handoffs))
        .unwrap_or_default()
}

/// A handoff taken by one lead.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Taken {
    /// The lead (index).
    pub lead: usize,
    /// Hours from entering `from` to entering `to`.
    pub hours: f64,
    /// Whether the hours were within the SLA; `None` when the handoff has none.
    pub within: Option<bool>,
}

/// What happened to one handoff's leads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HandoffResult {
    /// The handoff's SLA in hours, if it has one: without it, nothing is within or late.
    pub sla_hours: Option<i64>,
    /// Every lead that took it, in plan order of the leads.
    pub taken: Vec<Taken>,
    /// Leads stuck at its `from` stage (indices, plan order).
    pub stuck: Vec<usize>,
    /// The median hours of the leads that took it; `None` when none did.
    pub median_hours: Option<f64>,
}

impl HandoffResult {
    /// Leads that took it within the SLA; `None` when the handoff has no SLA.
    pub fn within_sla(&self) -> Option<usize> {
        self.counted(true)
    }

    /// Leads that took it later than the SLA; `None` when the handoff has no SLA.
    pub fn late(&self) -> Option<usize> {
        self.counted(false)
    }

    /// The late leads (indices, plan order).
    pub fn late_leads(&self) -> impl Iterator<Item = &Taken> {
        self.taken.iter().filter(|t| t.within == Some(false))
    }

    fn counted(&self, within: bool) -> Option<usize> {
        self.sla_hours.map(|_| {
            self.taken
                .iter()
                .filter(|t| t.within == Some(within))
                .count()
        })
    }
}

/// Where one lead stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeadResult {
    /// The stage (index) it is stuck at, if it is.
    pub stuck_at: Option<usize>,
    /// When it entered the stage it is stuck at, if it is.
    pub since: Option<DateTime>,
    /// When its last stage's follow-up was due, if it is stuck.
    pub due: Option<DateTime>,
    /// Whether it reached a stage of the Sales team.
    pub reached_sales: bool,
    /// How many handoffs it took later than their SLA.
    pub late: usize,
}

/// An objective measured.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectiveResult {
    /// The actual: counted by its `measure`, else typed in as `actual`, else unknown.
    pub actual: Option<f64>,
    /// Whether the actual reached the target; `None` when either is unknown.
    pub met: Option<bool>,
}

/// Accounts of one tier: how many were planned and how many were met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TierResult {
    /// Accounts of the tier.
    pub planned: usize,
    /// Those with a held meeting.
    pub met: usize,
}

/// Meetings by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MeetingCounts {
    /// `Held`.
    pub held: usize,
    /// `NoShow`.
    pub no_show: usize,
    /// `Cancelled`.
    pub cancelled: usize,
    /// `Declined`.
    pub declined: usize,
    /// `Proposed`, `Requested` and `Confirmed`.
    pub open: usize,
}

/// Leads in total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeadCounts {
    /// Every lead.
    pub total: usize,
    /// Leads whose `account` is set.
    pub from_accounts: usize,
    /// Leads stuck at their last stage.
    pub stuck: usize,
    /// Leads that reached a Sales stage and have no owner.
    pub without_owner: usize,
}

/// The scorecard: the plan's agreements, measured.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Results {
    /// One per objective, in plan order.
    pub objectives: Vec<ObjectiveResult>,
    /// One per handoff, in plan order.
    pub handoffs: Vec<HandoffResult>,
    /// One per lead, in plan order.
    pub leads: Vec<LeadResult>,
    /// Tiers 1, 2 and 3.
    pub tiers: [TierResult; 3],
    /// Meetings by outcome.
    pub meetings: MeetingCounts,
    /// Leads in total.
    pub lead_counts: LeadCounts,
}

impl Results {
    /// Whether the plan has anything of the show's outcome: a lead, a held or no-show meeting,
    /// an objective's actual.
    pub fn has_outcomes(plan: &Plan) -> bool {
        !plan.leads.is_empty()
            || plan.meetings.iter().any(|m| m.status.is_format_2())
            || plan.objectives.iter().any(|o| o.actual.is_some())
    }
}

/// The first stage index of each id.
fn stage_index(plan: &Plan) -> HashMap<&str, usize> {
    let mut map = HashMap::with_capacity(plan.stages.len());
    for (i, s) in plan.stages.iter().enumerate() {
        map.entry(s.id.as_str()).or_insert(i);
    }
    map
}

/// Handoffs by `(from, to)`: by the stages' indices when both are stages of the plan (a lead's
/// step is then found without comparing text), else by the ids as written.
struct HandoffIndex<'p> {
    by_stage: HashMap<(usize, usize), Vec<usize>>,
    /// Handoffs naming a stage the plan does not have (a gap `unknown-reference` reports):
    /// few, so a list.
    by_id: Vec<(&'p str, &'p str, usize)>,
}

impl HandoffIndex<'_> {
    /// The handoffs from the stage `from` (its id, its index) to `to`.
    fn get(&self, from: (&str, Option<usize>), to: (&str, Option<usize>)) -> Cow<'_, [usize]> {
        match (from.1, to.1) {
            (Some(a), Some(b)) => {
                Cow::Borrowed(self.by_stage.get(&(a, b)).map_or(&[][..], Vec::as_slice))
            }
            _ => self
                .by_id
                .iter()
                .filter(|(f, t, _)| *f == from.0 && *t == to.0)
                .map(|&(_, _, i)| i)
                .collect(),
        }
    }
}

fn handoff_index<'p>(plan: &'p Plan, stages: &HashMap<&str, usize>) -> HandoffIndex<'p> {
    let mut index = HandoffIndex {
        by_stage: HashMap::with_capacity(plan.handoffs.len()),
        by_id: Vec::new(),
    };
    for (i, h) in plan.handoffs.iter().enumerate() {
        match (stages.get(h.from.as_str()), stages.get(h.to.as_str())) {
            (Some(&a), Some(&b)) => index.by_stage.entry((a, b)).or_default().push(i),
            _ => index.by_id.push((h.from.as_str(), h.to.as_str(), i)),
        }
    }
    index
}

fn path_with(
    lead: &crate::model::Lead,
    stages: &HashMap<&str, usize>,
    handoffs: &HandoffIndex<'_>,
) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::with_capacity(lead.reached.len());
    walk(lead, stages, handoffs, &mut Vec::new(), |step| {
        steps.push(Step {
            entry: step.entry,
            stage: step.stage,
            at: step.at,
            hours: step.hours,
            handoffs: step.handoffs.into_owned(),
        });
    });
    steps
}

/// One step of a lead's path as [`walk`] gives it: a [`Step`] that borrows its handoffs.
struct StepRef<'h> {
    entry: usize,
    stage: Option<usize>,
    at: DateTime,
    hours: Option<f64>,
    handoffs: Cow<'h, [usize]>,
}

/// Calls `f` with each step of `lead`'s path, in order of time (ties keep file order). `order`
/// is a buffer for the order of the entries, reused from lead to lead.
fn walk<'h, 'p>(
    lead: &'p crate::model::Lead,
    stages: &HashMap<&str, usize>,
    handoffs: &'h HandoffIndex<'_>,
    order: &mut Vec<usize>,
    mut f: impl FnMut(StepRef<'h>),
) {
    let reached = &lead.reached;
    // Entries are nearly always written in order of time: sort only when they are not.
    let sorted = reached.is_sorted_by_key(|r| r.at);
    if !sorted {
        order.clear();
        order.extend(0..reached.len());
        // Stable: entries at the same minute keep the order of the file.
        order.sort_by_key(|&i| reached.get(i).map(|r| r.at));
    }
    let count = reached.len();
    let mut previous: Option<(&str, Option<usize>, DateTime)> = None;
    for k in 0..count {
        let i = if sorted {
            k
        } else {
            order.get(k).copied().unwrap_or(k)
        };
        let Some(r) = reached.get(i) else {
            continue;
        };
        let stage = stages.get(r.stage.as_str()).copied();
        let (hours, taken) = match previous {
            Some((from, from_stage, at)) => (
                Some(hours_between(at, r.at)),
                handoffs.get((from, from_stage), (r.stage.as_str(), stage)),
            ),
            None => (None, Cow::Borrowed(&[][..])),
        };
        f(StepRef {
            entry: i,
            stage,
            at: r.at,
            hours,
            handoffs: taken,
        });
        previous = Some((r.stage.as_str(), stage, r.at));
    }
}

/// Hours from `a` to `b`; minutes count (90 minutes is 1.5).
pub fn hours_between(a: DateTime, b: DateTime) -> f64 {
    a.minutes_until(b) as f64 / 60.0
}

/// The median of `values` (sorted here); the mean of the middle two for an even count.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => values.get(n / 2).copied(),
        _ => Some((values.get(n / 2 - 1)? + values.get(n / 2)?) / 2.0),
    }
}

/// Measures the plan as of `today`.
pub fn measure(plan: &Plan, today: Date) -> Results {
    let stages = stage_index(plan);
    let handoffs = handoff_index(plan, &stages);
    // The largest SLA out of each stage, and whether any handoff leaves it.
    let mut leaving: HashMap<&str, Option<i64>> = HashMap::with_capacity(plan.stages.len());
    for h in &plan.handoffs {
        let sla = leaving.entry(h.from.as_str()).or_insert(None);
        if let Some(hours) = h.sla_hours {
            *sla = Some(sla.map_or(hours, |s| s.max(hours)));
        }
    }
    // The handoffs out of each stage, and whether each stage (by index) is a Sales stage.
    let mut out_of: HashMap<&str, Vec<usize>> = HashMap::with_capacity(plan.stages.len());
    for (i, h) in plan.handoffs.iter().enumerate() {
        out_of.entry(h.from.as_str()).or_default().push(i);
    }
    let sales: Vec<bool> = plan.stages.iter().map(|s| s.team == Team::Sales).collect();
    let mut handoff_results: Vec<HandoffResult> = plan
        .handoffs
        .iter()
        .map(|h| HandoffResult {
            sla_hours: h.sla_hours,
            ..HandoffResult::default()
        })
        .collect();
    let mut lead_results = Vec::with_capacity(plan.leads.len());
    let mut counts = LeadCounts {
        total: plan.leads.len(),
        ..LeadCounts::default()
    };
    let mut order = Vec::new();
    for (li, lead) in plan.leads.iter().enumerate() {
        let mut result = LeadResult::default();
        // The last step: its entry, stage and time.
        let mut last: Option<(usize, Option<usize>, DateTime)> = None;
        walk(lead, &stages, &handoffs, &mut order, |step| {
            if let Some(hours) = step.hours {
                for &h in step.handoffs.iter() {
                    if let Some(r) = handoff_results.get_mut(h) {
                        let within = r.sla_hours.map(|sla| hours <= sla as f64);
                        if within == Some(false) {
                            result.late += 1;
                        }
                        r.taken.push(Taken {
                            lead: li,
                            hours,
                            within,
                        });
                    }
                }
            }
            if step.stage.and_then(|s| sales.get(s)).copied() == Some(true) {
                result.reached_sales = true;
            }
            last = Some((step.entry, step.stage, step.at));
        });
        if let Some((entry, stage, at)) = last
            && let Some(lr) = lead.reached.get(entry)
            && let Some(&Some(sla)) = leaving.get(lr.stage.as_str())
        {
            let due = at.plus_minutes(sla.saturating_mul(60));
            if due.date() < today {
                result.stuck_at = stage;
                result.since = Some(at);
                result.due = Some(due);
                counts.stuck += 1;
                for &hi in out_of.get(lr.stage.as_str()).map_or(&[][..], Vec::as_slice) {
                    if let Some(r) = handoff_results.get_mut(hi) {
                        r.stuck.push(li);
                    }
                }
            }
        }
        if lead.account.is_some() {
            counts.from_accounts += 1;
        }
        if result.reached_sales && lead.owner.is_none() {
            counts.without_owner += 1;
        }
        lead_results.push(result);
    }
    for r in &mut handoff_results {
        let mut hours: Vec<f64> = r.taken.iter().map(|t| t.hours).collect();
        r.median_hours = median(&mut hours);
    }

    let mut meetings = MeetingCounts::default();
    let mut met_accounts: HashSet<&str> = HashSet::new();
    for m in &plan.meetings {
        match m.status {
            MeetingStatus::Held => {
                meetings.held += 1;
                met_accounts.insert(m.account.as_str());
            }
            MeetingStatus::NoShow => meetings.no_show += 1,
            MeetingStatus::Cancelled => meetings.cancelled += 1,
            MeetingStatus::Declined => meetings.declined += 1,
            MeetingStatus::Proposed | MeetingStatus::Requested | MeetingStatus::Confirmed => {
                meetings.open += 1;
            }
        }
    }
    let mut tiers = [TierResult::default(); 3];
    for a in &plan.accounts {
        let Some(t) = a
            .tier
            .checked_sub(1)
            .and_then(|t| usize::try_from(t).ok())
            .and_then(|i| tiers.get_mut(i))
        else {
            continue;
        };
        t.planned += 1;
        if met_accounts.contains(a.id.as_str()) {
            t.met += 1;
        }
    }

    let objectives = plan
        .objectives
        .iter()
        .map(|o| {
            let actual = match &o.measure {
                Some(Measure::MeetingsHeld) => Some(meetings.held as f64),
                Some(Measure::Tier1AccountsMet) => Some(tiers[0].met as f64),
                Some(Measure::Leads) => Some(plan.leads.len() as f64),
                Some(Measure::LeadsReaching(stage)) => Some(
                    plan.leads
                        .iter()
                        .filter(|l| l.reached.iter().any(|r| r.stage == *stage))
                        .count() as f64,
                ),
                Some(Measure::Pipeline) => {
                    Some(plan.leads.iter().filter_map(|l| l.pipeline).sum::<f64>())
                }
                None => o.actual,
            };
            let met = match (actual, o.target) {
                (Some(a), Some(t)) => Some(a >= t),
                _ => None,
            };
            ObjectiveResult { actual, met }
        })
        .collect();

    Results {
        objectives,
        handoffs: handoff_results,
        leads: lead_results,
        tiers,
        meetings,
        lead_counts: counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Handoff, Lead, Reached, Stage};

    fn at(d: u32, h: u32, m: u32) -> DateTime {
        Date::from_ymd(2027, 4, d).map_or_else(|| unreachable!(), |x| x.at(h, m))
    }

    fn plan() -> Plan {
        let day = Date::from_ymd(2027, 4, 13).unwrap_or_else(|| unreachable!());
        let mut p = Plan::empty("Show", day, day);
        let stage = |id: &str, team| Stage {
            id: id.into(),
            name: id.into(),
            team,
            entry: id == "visit",
            terminal: id == "won",
            crm_stage: None,
        };
        p.stages = vec![
            stage("visit", Team::Marketing),
            stage("mql", Team::Marketing),
            stage("sal", Team::Sales),
            stage("won", Team::Sales),
        ];
        let handoff = |id: &str, from: &str, to: &str, sla| Handoff {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            trigger: "t".into(),
            owner: None,
            sla_hours: sla,
            signoffs: Vec::new(),
        };
        p.handoffs = vec![
            handoff("visit-to-mql", "visit", "mql", Some(4)),
            handoff("mql-to-sal", "mql", "sal", Some(24)),
            handoff("sal-to-won", "sal", "won", None),
        ];
        p
    }

    fn lead(id: &str, reached: &[(&str, DateTime)]) -> Lead {
        Lead {
            id: id.into(),
            name: id.into(),
            company: None,
            account: None,
            crm_id: None,
            owner: None,
            captured: at(13, 9, 0),
            pipeline: None,
            reached: reached
                .iter()
                .map(|(s, at)| Reached {
                    stage: (*s).into(),
                    at: *at,
                })
                .collect(),
        }
    }

    #[test]
    fn handoffs_are_measured_in_hours_with_minutes_counting() {
        let mut p = plan();
        p.leads = vec![
            // 90 minutes to mql, then 30 hours to sal: late.
            lead(
                "a",
                &[
                    ("visit", at(13, 10, 0)),
                    ("mql", at(13, 11, 30)),
                    ("sal", at(14, 17, 30)),
                ],
            ),
            // Out of order in the file: read by time.
            lead(
                "b",
                &[
                    ("sal", at(14, 9, 0)),
                    ("visit", at(13, 10, 0)),
                    ("mql", at(13, 12, 0)),
                ],
            ),
        ];
        let r = measure(
            &p,
            Date::from_ymd(2027, 4, 13).unwrap_or_else(|| unreachable!()),
        );
        let h = &r.handoffs;
        assert_eq!(h[0].taken.len(), 2);
        assert_eq!(h[0].taken[0].hours, 1.5);
        // Even count: the mean of the middle two.
        assert_eq!(h[0].median_hours, Some(1.75));
        assert_eq!((h[0].within_sla(), h[0].late()), (Some(2), Some(0)));
        assert_eq!(h[1].taken.len(), 2);
        assert_eq!((h[1].within_sla(), h[1].late()), (Some(1), Some(1)));
        assert_eq!(h[1].median_hours, Some((30.0 + 21.0) / 2.0));
        assert_eq!(h[2].median_hours, None);
        assert_eq!((h[2].within_sla(), h[2].late()), (None, None));
    }

    #[test]
    fn a_skipped_stage_takes_no_handoff_and_stuck_waits_for_the_next_day() {
        let mut p = plan();
        p.leads = vec![
            // visit → sal: no handoff describes it.
            lead("skip", &[("visit", at(13, 10, 0)), ("sal", at(13, 12, 0))]),
            // At mql since 13 April 11:00; 24 h SLA: due 14 April 11:00.
            lead("wait", &[("visit", at(13, 10, 0)), ("mql", at(13, 11, 0))]),
        ];
        let day = |d| Date::from_ymd(2027, 4, d).unwrap_or_else(|| unreachable!());
        let r = measure(&p, day(14));
        assert!(
            r.handoffs
                .iter()
                .all(|h| h.taken.iter().all(|t| t.lead != 0))
        );
        assert_eq!(r.leads[1].stuck_at, None);
        let r = measure(&p, day(15));
        assert_eq!(r.leads[1].stuck_at, Some(1));
        assert_eq!(r.leads[1].due, Some(at(14, 11, 0)));
        assert_eq!(r.handoffs[1].stuck, vec![1]);
        // "skip" rests at sal, whose only handoff has no SLA: never stuck.
        assert_eq!(r.leads[0].stuck_at, None);
        assert_eq!(r.lead_counts.stuck, 1);
        // It reached a Sales stage with no owner.
        assert!(r.leads[0].reached_sales);
        assert_eq!(r.lead_counts.without_owner, 1);
    }
}
