//! Every rule name the board knows, and what it makes of each: the short tags of stages and
//! handoffs, the gaps a handoff's label already spells out, and the gaps of the flow as a whole
//! that stand above the diagram as banners.

use crate::model::Section;

/// Groups of stages leads never leave; the board shades each group it is found on.
pub(super) const STAGE_TRAP: &str = "stage-trap";
/// A crossing from marketing to sales that gives sales too long.
pub(super) const HANDOFF_SLA_TOO_SLOW: &str = "handoff-sla-too-slow";
/// A handoff the receiving team has not signed off.
pub(super) const HANDOFF_NOT_ACCEPTED: &str = "handoff-not-accepted";

/// A short tag for a stage's finding.
pub(super) fn tag_of(rule: &str) -> &str {
    match rule {
        "stage-dead-end" => "dead end",
        "stage-trap" => "trap",
        "stage-unreachable" => "unreachable",
        "duplicate-id" => "duplicate id",
        "invalid-value" => "invalid value",
        "unknown-reference" => "unknown reference",
        other => other,
    }
}

/// A short tag for a handoff's finding.
pub(super) fn handoff_tag(rule: &str) -> &str {
    match rule {
        "handoff-without-owner" => "no owner",
        "handoff-without-sla" => "no SLA",
        "handoff-sla-too-slow" => "SLA too slow",
        "handoff-not-accepted" => "not accepted",
        other => tag_of(other),
    }
}

/// The gaps a handoff's label spells out in its own lines; others are counted as "more gaps".
pub(super) const ON_THE_LABEL: [&str; 4] = [
    "handoff-without-owner",
    "handoff-without-sla",
    "handoff-sla-too-slow",
    "handoff-not-accepted",
];

/// The list a gap of the whole flow is fixed in, for the rules shown as a banner above it.
pub(super) fn banner_target(rule: &str) -> Option<Section> {
    match rule {
        "no-entry-stage" => Some(Section::Stages),
        "no-sales-handoff" => Some(Section::Handoffs),
        _ => None,
    }
}
