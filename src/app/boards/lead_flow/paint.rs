//! Painting the diagram: the shaded traps, the line above the unreached band, the arrows, the
//! stage boxes, and the labels of the arrows.

use crate::analysis::flow::layout::FlowLayout;
use crate::analysis::flow::layout::Routed;
use crate::app::boards::lead_flow::chips::Chip;
use crate::app::boards::lead_flow::geometry::{Curve, Geometry};
use crate::app::boards::lead_flow::items::{HandoffView, StageView};
use crate::app::boards::lead_flow::style::{Style, team_color, team_text};
use crate::app::widgets::severity_color;
use crate::check::{RuleId, Severity};
use crate::model::Team;
use egui::{Align2, CornerRadius, FontId, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

/// Trapped groups, shaded together behind their stages.
pub(super) fn paint_traps(
    painter: &egui::Painter,
    l: &FlowLayout,
    rects: &[Rect],
    stages: &[StageView],
    u: f32,
) {
    let error = severity_color(Severity::Error);
    for group in &l.traps {
        let flagged = group.iter().any(|&i| {
            stages
                .get(i)
                .is_some_and(|v| v.tags.iter().any(|t| t == RuleId::StageTrap.rule().tag))
        });
        if !flagged {
            continue;
        }
        let area = group
            .iter()
            .filter_map(|&i| rects.get(i))
            .fold(Rect::NOTHING, |a, r| a.union(*r))
            .expand(0.9 * u);
        painter.rect(
            area,
            u,
            error.gamma_multiply(0.12),
            Stroke::new(1.5, error.gamma_multiply(0.8)),
            StrokeKind::Outside,
        );
        painter.text(
            area.left_top() + vec2(0.5 * u, -0.1 * u),
            Align2::LEFT_BOTTOM,
            "trap: leads never get out",
            FontId::proportional(0.9 * u),
            error,
        );
    }
}

/// The line above the band of stages no entry stage reaches, and what it means.
pub(super) fn paint_band(painter: &egui::Painter, routed: &Routed, geo: &Geometry) {
    let Some(top) = routed.band_top else {
        return;
    };
    let u = geo.u;
    let warning = severity_color(Severity::Warning);
    let (left, right) = geo.across(routed, top - 2.8);
    painter.add(Shape::dashed_line(
        &[left, right],
        Stroke::new(1.5, warning),
        0.8 * u,
        0.5 * u,
    ));
    painter.text(
        left + vec2(0.0, 0.3 * u),
        Align2::LEFT_TOP,
        "⚠ Not reached from any entry stage",
        FontId::proportional(u),
        warning,
    );
}

/// One arrow: its curve and a filled head. `lit` is whether the pointer is on something it
/// touches (`Some(false)` when it is on something else).
pub(super) fn paint_arrow(
    painter: &egui::Painter,
    c: &Curve,
    crossing: bool,
    lit: Option<bool>,
    style: &Style,
) {
    let u = style.u;
    let mut color = if crossing {
        team_color(Team::Sales)
    } else {
        style.line
    };
    let mut width = if crossing { 0.34 * u } else { 0.14 * u }.max(1.5);
    match lit {
        Some(true) => {
            width *= 1.6;
            if !crossing {
                color = style.text;
            }
        }
        Some(false) => color = color.gamma_multiply(0.3),
        None => {}
    }
    painter.add(Shape::line(c.points.clone(), Stroke::new(width, color)));
    // Every path arrives level at the side of its box.
    let n = c.points.len();
    let (Some(&tip), Some(&before)) = (
        c.points.last(),
        n.checked_sub(2).and_then(|i| c.points.get(i)),
    ) else {
        return;
    };
    let dir = vec2(if tip.x >= before.x { 1.0 } else { -1.0 }, 0.0);
    let head = (0.75 * u).max(width * 2.6);
    let side = vec2(-dir.y, dir.x) * head * 0.5;
    let base = tip - dir * head;
    painter.add(Shape::convex_polygon(
        vec![tip, base + side, base - side],
        color,
        Stroke::NONE,
    ));
}

/// One stage: a rounded box in its team's colour, with its team, its entry and end marks, its
/// name, and its gaps.
pub(super) fn paint_stage(
    painter: &egui::Painter,
    r: Rect,
    v: &StageView,
    resp: &egui::Response,
    style: &Style,
) {
    let u = style.u;
    let tc = team_color(v.team);
    let hovered = resp.hovered();
    let radius = CornerRadius::same((0.6 * u).clamp(2.0, 20.0) as u8);
    let fill = style
        .panel
        .lerp_to_gamma(tc, if hovered { 0.32 } else { 0.2 });
    painter.rect(r, radius, fill, Stroke::NONE, StrokeKind::Inside);
    let stripe = Rect::from_min_size(r.min, vec2(0.5 * u, r.height()));
    let stripe_radius = CornerRadius {
        nw: radius.nw,
        sw: radius.sw,
        ne: 0,
        se: 0,
    };
    painter.rect_filled(stripe, stripe_radius, tc);
    let (border, bw) = match v.worst {
        Some(s) => (severity_color(s), (0.28 * u).max(2.5)),
        None => (tc, (0.1 * u).max(1.0)),
    };
    let border = if hovered { style.text } else { border };
    painter.rect_stroke(r, radius, Stroke::new(bw, border), StrokeKind::Outside);
    if v.terminal {
        painter.rect_stroke(
            r.shrink(0.35 * u),
            radius,
            Stroke::new((0.1 * u).max(1.0), tc),
            StrokeKind::Inside,
        );
    }
    if resp.has_focus() {
        painter.rect_stroke(r.expand(bw + 2.0), radius, style.focus, StrokeKind::Outside);
    }
    paint_stage_words(painter, r, v, style);
}

/// The words on a stage's box: its team, its entry and end marks, its name, and its gaps.
fn paint_stage_words(painter: &egui::Painter, r: Rect, v: &StageView, style: &Style) {
    let u = style.u;
    let inner = Rect::from_min_max(
        r.min + vec2(1.0 * u, 0.5 * u),
        r.max - vec2(0.6 * u, 0.45 * u),
    );
    let small = FontId::proportional(0.9 * u);
    painter.text(
        inner.left_top(),
        Align2::LEFT_TOP,
        v.team.as_str(),
        small.clone(),
        team_text(v.team, style.dark),
    );
    let mut marks = Vec::new();
    if v.entry {
        marks.push("⏵ entry");
    }
    if v.terminal {
        marks.push("⏹ end");
    }
    if !marks.is_empty() {
        painter.text(
            inner.right_top(),
            Align2::RIGHT_TOP,
            marks.join("  "),
            small,
            style.text,
        );
    }
    let mut job = egui::text::LayoutJob::single_section(
        v.label.clone(),
        egui::TextFormat::simple(FontId::proportional(1.2 * u), style.text),
    );
    job.wrap = egui::text::TextWrapping {
        max_width: inner.width(),
        max_rows: 2,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let name = painter.layout_job(job);
    painter.galley(pos2(inner.left(), inner.top() + 1.35 * u), name, style.text);
    if !v.tags.is_empty() {
        let color = v
            .worst
            .map_or(severity_color(Severity::Warning), severity_color);
        painter.text(
            inner.left_bottom(),
            Align2::LEFT_BOTTOM,
            format!("⚠ {}", v.tags.join(" · ")),
            FontId::proportional(0.9 * u),
            color,
        );
    }
}

/// One arrow's label, on its arrow.
pub(super) fn paint_chip(
    painter: &egui::Painter,
    chip: &Chip,
    view: Option<&HandoffView>,
    resp: &egui::Response,
    lit: bool,
    style: &Style,
) {
    let u = style.u;
    let crossing = view.is_some_and(|v| v.crossing);
    let worst = view.and_then(|v| v.worst);
    let border = match worst {
        Some(s) => severity_color(s),
        None if crossing => team_color(Team::Sales),
        None => style.weak,
    };
    let hovered = resp.hovered() || lit;
    let fill = if hovered {
        style.hover_fill
    } else {
        style.label_fill
    };
    let bw = if hovered || worst.is_some() { 2.0 } else { 1.0 };
    painter.rect(
        chip.rect,
        0.4 * u,
        fill,
        Stroke::new(bw, border),
        StrokeKind::Inside,
    );
    if resp.has_focus() {
        painter.rect_stroke(
            chip.rect.expand(3.0),
            0.4 * u,
            style.focus,
            StrokeKind::Outside,
        );
    }
    let mut y = chip.rect.top() + 0.25 * u;
    for g in &chip.galleys {
        let x = chip.rect.center().x - g.size().x / 2.0;
        let h = g.size().y;
        painter.galley(pos2(x, y), g.clone(), style.text);
        y += h;
    }
}
