//! The labels of the arrows ("chips"): what each says, line by line, how big that is, and where
//! it goes: in the slot the layout keeps for it on its own arrow.

use crate::analysis::flow::SALES_FOLLOW_UP_HOURS;
use crate::analysis::flow::layout::{FlowLayout, Routed};
use crate::app::boards::lead_flow::geometry::{Geometry, LABEL_PAD, LABEL_WRAP};
use crate::app::boards::lead_flow::items::{HandoffView, person_label};
use crate::app::boards::lead_flow::style::{Style, team_color};
use crate::app::widgets::severity_color;
use crate::check::{RuleId, Severity};
use crate::model::{Plan, Team};
use egui::{Color32, FontId, Rect, Vec2, vec2};
use std::sync::Arc;

/// The gaps a handoff's label spells out in its own lines; others are counted as "more gaps".
const ON_THE_LABEL: [RuleId; 4] = [
    RuleId::HandoffWithoutOwner,
    RuleId::HandoffWithoutSla,
    RuleId::HandoffSlaTooSlow,
    RuleId::HandoffNotAccepted,
];

/// The text of a handoff's label, line by line, with colours.
pub(super) fn label_lines(
    plan: &Plan,
    h: usize,
    view: &HandoffView,
    text: Color32,
) -> Vec<(String, Color32, bool)> {
    let error = severity_color(Severity::Error);
    let warning = severity_color(Severity::Warning);
    let Some(x) = plan.handoffs.get(h) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if view.crossing {
        lines.push((
            "hand-off to sales".to_owned(),
            team_color(Team::Sales),
            true,
        ));
    }
    match &x.owner {
        Some(id) => lines.push((person_label(plan, id), text, false)),
        None => lines.push(("no owner".to_owned(), error, false)),
    }
    match x.sla_hours {
        Some(hours) => {
            let slow = view
                .findings
                .iter()
                .any(|f| f.rule == RuleId::HandoffSlaTooSlow)
                || (view.crossing && hours > SALES_FOLLOW_UP_HOURS);
            let color = if slow { warning } else { text };
            let note = if slow { " (too slow)" } else { "" };
            lines.push((format!("{hours} h{note}"), color, false));
        }
        None => lines.push(("no SLA".to_owned(), error, false)),
    }
    if let Some(f) = view
        .findings
        .iter()
        .find(|f| f.rule == RuleId::HandoffNotAccepted)
    {
        lines.push(("not accepted".to_owned(), severity_color(f.severity), true));
    }
    let others = view
        .findings
        .iter()
        .filter(|f| !ON_THE_LABEL.contains(&f.rule))
        .count();
    if others > 0 {
        let color = view
            .findings
            .iter()
            .filter(|f| !ON_THE_LABEL.contains(&f.rule))
            .map(|f| f.severity)
            .min()
            .map_or(warning, severity_color);
        let text = if others == 1 {
            "⚠ 1 more gap".to_owned()
        } else {
            format!("⚠ {others} more gaps")
        };
        lines.push((text, color, true));
    }
    lines
}

/// A laid-out handoff label.
pub(super) struct Chip {
    pub(super) handoff: usize,
    pub(super) arrow: usize,
    pub(super) galleys: Vec<Arc<egui::Galley>>,
    pub(super) rect: Rect,
}

/// The words of each arrow's label, laid out at `u` points to the unit, in the order of the
/// layout's arrows.
pub(super) fn label_galleys(
    painter: &egui::Painter,
    plan: &Plan,
    l: &FlowLayout,
    handoffs: &[HandoffView],
    style: &Style,
) -> Vec<Vec<Arc<egui::Galley>>> {
    let u = style.u;
    l.arrows
        .iter()
        .map(|a| {
            let Some(view) = handoffs.get(a.handoff) else {
                return Vec::new();
            };
            label_lines(plan, a.handoff, view, style.text)
                .into_iter()
                .map(|(s, color, small)| {
                    let size = if small { 0.9 * u } else { 1.0 * u };
                    painter.layout(s, FontId::proportional(size), color, LABEL_WRAP * u)
                })
                .collect()
        })
        .collect()
}

/// The size of a label of `galleys` laid out at `u` points to the unit, in units, its padding
/// included.
pub(super) fn label_units(galleys: &[Arc<egui::Galley>], u: f32) -> (f32, f32) {
    let size = galleys.iter().fold(Vec2::ZERO, |acc, g| {
        vec2(acc.x.max(g.size().x), acc.y + g.size().y)
    }) / u.max(1.0)
        + LABEL_PAD * 2.0;
    // A little room for the words laid out again at another size.
    (size.x + 0.3, size.y + 0.1)
}

/// The labels on screen, each in the slot the layout keeps for it on its arrow.
pub(super) fn place_chips(
    l: &FlowLayout,
    routed: &Routed,
    geo: &Geometry,
    galleys: Vec<Vec<Arc<egui::Galley>>>,
) -> Vec<Chip> {
    l.arrows
        .iter()
        .zip(galleys)
        .enumerate()
        .filter_map(|(k, (a, galleys))| {
            let area = routed.labels.get(k)?;
            Some(Chip {
                handoff: a.handoff,
                arrow: k,
                galleys,
                rect: geo.rect(*area),
            })
        })
        .collect()
}
