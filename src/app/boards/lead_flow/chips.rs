//! The labels of the arrows ("chips"): what each says, line by line, and where it goes, on its
//! arrow where there is room, else moved off it with a leader line.

use crate::analysis::flow::SALES_FOLLOW_UP_HOURS;
use crate::analysis::flow::layout::{FlowLayout, Route};
use crate::app::boards::lead_flow::geometry::{Curve, bezier_at};
use crate::app::boards::lead_flow::items::{HandoffView, person_label};
use crate::app::boards::lead_flow::style::{Style, team_color};
use crate::app::widgets::severity_color;
use crate::check::{RuleId, Severity};
use crate::model::{Plan, Team};
use egui::{Color32, FontId, Pos2, Rect, Vec2, pos2, vec2};
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
    /// The point on the curve a label that had to move off it belongs to.
    pub(super) anchor: Option<Pos2>,
}

/// The labels of the arrows: laid out, then placed along their curve where they cover no stage
/// and no other label; where the curve is crowded, moved up or down from its middle with a
/// leader line to it.
pub(super) fn place_chips(
    painter: &egui::Painter,
    plan: &Plan,
    l: &FlowLayout,
    curves: &[Curve],
    rects: &[Rect],
    handoffs: &[HandoffView],
    style: &Style,
) -> Vec<Chip> {
    let u = style.u;
    let pad = vec2(0.45 * u, 0.25 * u);
    let mut taken: Vec<Rect> = rects.iter().map(|r| r.expand(0.3 * u)).collect();
    let mut chips = Vec::new();
    for c in curves {
        let Some(a) = l.arrows.get(c.arrow) else {
            continue;
        };
        let Some(view) = handoffs.get(a.handoff) else {
            continue;
        };
        let galleys: Vec<Arc<egui::Galley>> = label_lines(plan, a.handoff, view, style.text)
            .into_iter()
            .map(|(s, color, small)| {
                let size = if small { 0.9 * u } else { 1.0 * u };
                painter.layout(s, FontId::proportional(size), color, 9.5 * u)
            })
            .collect();
        let size = galleys.iter().fold(Vec2::ZERO, |acc, g| {
            vec2(acc.x.max(g.size().x), acc.y + g.size().y)
        }) + pad * 2.0;
        let [p0, c1, c2, _] = c.points;
        let along: Vec<Pos2> = if a.route == Route::SelfLoop {
            let corner = pos2(c2.x, c1.y);
            vec![
                bezier_at(&c.points, 0.7) + vec2(0.3 * u + size.x / 2.0, 0.0),
                corner + vec2(size.x / 2.0, -size.y / 2.0),
                corner + vec2(0.0, -size.y / 2.0),
            ]
        } else {
            [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78, 0.15, 0.85]
                .iter()
                .map(|&t| bezier_at(&c.points, t))
                .collect()
        };
        let anchor = along.first().copied().unwrap_or(p0);
        let step = size.y * 0.55;
        let nudged = (1..=8).flat_map(|k| {
            let dy = step * k as f32;
            [anchor - vec2(0.0, dy), anchor + vec2(0.0, dy)]
        });
        let free = |p: &Pos2| {
            let r = Rect::from_center_size(*p, size);
            !taken.iter().any(|t| t.intersects(r))
        };
        let spot = along
            .iter()
            .copied()
            .find(free)
            .or_else(|| nudged.clone().find(free))
            .unwrap_or(anchor);
        let anchor = if along.contains(&spot) {
            None
        } else if a.route == Route::SelfLoop {
            Some(bezier_at(&c.points, 0.7))
        } else {
            Some(anchor)
        };
        let rect = Rect::from_center_size(spot, size);
        taken.push(rect.expand(0.15 * u));
        chips.push(Chip {
            handoff: a.handoff,
            arrow: c.arrow,
            galleys,
            rect,
            anchor,
        });
    }
    chips
}
