//! What the board shows about each stage and handoff: its label, its team and marks, the short
//! tags and the findings of its gaps, and the worst of them. Plain data, built once a frame from
//! the plan and the gaps.

use crate::analysis::flow::hands_to_sales;
use crate::analysis::flow::layout::FlowLayout;
use crate::app::Gaps;
use crate::check::{Finding, RuleId, Severity};
use crate::model::{Plan, Section, Team};

/// What the board shows about one stage.
pub(super) struct StageView {
    pub(super) label: String,
    pub(super) team: Team,
    pub(super) entry: bool,
    pub(super) terminal: bool,
    pub(super) tags: Vec<String>,
    pub(super) worst: Option<Severity>,
    pub(super) findings: Vec<Finding>,
}

/// What the board shows about one handoff.
pub(super) struct HandoffView {
    pub(super) label: String,
    /// Whether it passes leads from marketing to sales.
    pub(super) crossing: bool,
    /// Short words for its gaps ("no owner", "no SLA"...), for screen readers.
    pub(super) tags: Vec<String>,
    pub(super) worst: Option<Severity>,
    pub(super) findings: Vec<Finding>,
}

impl StageView {
    /// The stage's team, marks and gaps in a few words, for screen readers.
    pub(super) fn about(&self) -> String {
        let mut about = vec![format!("{} stage", self.team)];
        if self.entry {
            about.push("entry".to_owned());
        }
        if self.terminal {
            about.push("end".to_owned());
        }
        about.extend(self.tags.iter().cloned());
        about.join(", ")
    }
}

/// What the board shows about each stage, in plan order. Every stage of a trap carries the
/// trap's finding, wherever in the group the check put it.
pub(super) fn stage_views(plan: &Plan, l: &FlowLayout, gaps: &Gaps) -> Vec<StageView> {
    let flagged: Vec<&Vec<usize>> = l
        .traps
        .iter()
        .filter(|g| {
            g.iter().any(|&i| {
                gaps.on_item(Section::Stages, i)
                    .any(|f| f.rule == RuleId::StageTrap)
            })
        })
        .collect();
    plan.stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut findings: Vec<Finding> = gaps.on_item(Section::Stages, i).cloned().collect();
            for g in &flagged {
                if g.contains(&i) && !findings.iter().any(|f| f.rule == RuleId::StageTrap) {
                    findings.extend(
                        g.iter()
                            .flat_map(|&j| gaps.on_item(Section::Stages, j))
                            .filter(|f| f.rule == RuleId::StageTrap)
                            .cloned(),
                    );
                }
            }
            let mut tags: Vec<String> = Vec::new();
            for f in &findings {
                let t = f.rule.rule().tag.to_owned();
                if !tags.contains(&t) {
                    tags.push(t);
                }
            }
            StageView {
                label: stage_label(plan, i),
                team: s.team,
                entry: s.entry,
                terminal: s.terminal,
                tags,
                worst: findings.iter().map(|f| f.severity).min(),
                findings,
            }
        })
        .collect()
}

/// What the board shows about each handoff, in plan order.
pub(super) fn handoff_views(plan: &Plan, gaps: &Gaps) -> Vec<HandoffView> {
    let team = |id: &str| plan.stages.iter().find(|s| s.id == id).map(|s| s.team);
    plan.handoffs
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let findings: Vec<Finding> = gaps.on_item(Section::Handoffs, i).cloned().collect();
            HandoffView {
                label: format!(
                    "Handoff from {} to {}",
                    stage_name(plan, &h.from),
                    stage_name(plan, &h.to)
                ),
                crossing: hands_to_sales(h, team),
                tags: findings
                    .iter()
                    .map(|f| f.rule.rule().tag.to_owned())
                    .collect(),
                worst: findings.iter().map(|f| f.severity).min(),
                findings,
            }
        })
        .collect()
}

/// A stage's name as the board shows it: its name, or its id when the name is blank.
pub(super) fn stage_label(plan: &Plan, i: usize) -> String {
    plan.stages.get(i).map_or_else(String::new, |s| {
        if s.name.trim().is_empty() {
            s.id.clone()
        } else {
            s.name.trim().to_owned()
        }
    })
}

/// A person's name, or their id marked unknown.
pub(super) fn person_label(plan: &Plan, id: &str) -> String {
    plan.person(id)
        .map_or_else(|| format!("{id} (unknown)"), |p| p.name.clone())
}

/// The name of the (first) stage with `id`, or the quoted id when there is none.
pub(super) fn stage_name(plan: &Plan, id: &str) -> String {
    plan.stages
        .iter()
        .position(|s| s.id == id)
        .map_or_else(|| format!("\"{id}\""), |i| stage_label(plan, i))
}
