//! The lead flow board: stages as boxes from left to right by how many handoffs they are from an
//! entry stage, handoffs as arrows labelled with owner and SLA, and the gaps of the flow (dead
//! ends, traps, stages nothing reaches, handoffs nobody owns) marked where they are.
//!
//! The layout ([`layout`]) is plain data computed from the plan alone, in the core
//! ([`crate::analysis::flow::layout`]); drawing scales it to fit.

use super::board::BoardCx;
use crate::analysis::flow::layout::signature;
use crate::analysis::flow::{SALES_FOLLOW_UP_HOURS, hands_to_sales};
use crate::app::Gaps;
use crate::app::commands::Command;
use crate::app::widgets::severity_color;
use crate::check::{Finding, Severity};
use crate::model::{Plan, Section, Team};
use egui::epaint::CubicBezierShape;
use egui::{
    Align2, Color32, CornerRadius, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, StrokeKind,
    Ui, Vec2, pos2, vec2,
};
use std::sync::Arc;

pub use crate::analysis::flow::layout::{Arrow, FlowLayout, Placed, Route, layout};

// ------------------------------------------------------------------------------------------
// Drawing.
// ------------------------------------------------------------------------------------------

/// State between frames: the layout of the last plan drawn.
#[derive(Default)]
pub struct LeadFlowState {
    cache: Option<(u64, Arc<FlowLayout>)>,
}

impl LeadFlowState {
    fn layout(&mut self, plan: &Plan) -> Arc<FlowLayout> {
        let sig = signature(plan);
        match &self.cache {
            Some((s, l)) if *s == sig => l.clone(),
            _ => {
                let l = Arc::new(layout(plan));
                self.cache = Some((sig, l.clone()));
                l
            }
        }
    }
}

/// The colour of a team on the board.
fn team_color(team: Team) -> Color32 {
    match team {
        Team::Sales => Color32::from_rgb(0x2f, 0x7f, 0xe0),
        Team::Marketing => Color32::from_rgb(0xa0, 0x50, 0xe0),
        Team::Leadership => Color32::from_rgb(0x10, 0xa8, 0x98),
    }
}

/// A team's colour for words on its stage's tinted fill: darker on light themes, lighter on dark.
fn team_text(team: Team, dark: bool) -> Color32 {
    let base = team_color(team);
    if dark {
        base.lerp_to_gamma(Color32::WHITE, 0.3)
    } else {
        base.lerp_to_gamma(Color32::BLACK, 0.4)
    }
}

// Sizes in units of the body text size times the fitting scale.
const BOX_W: f32 = 12.0;
const BOX_H: f32 = 6.4;
const COL_GAP: f32 = 10.0;
const ROW_GAP: f32 = 2.6;
const BAND_GAP: f32 = 4.0;
const TOP: f32 = 3.6;
const SIDE: f32 = 2.5;
const BOTTOM: f32 = 1.5;
/// The smallest scale of the body text size before the board scrolls instead of shrinking...
const MIN_SCALE: f32 = 0.6;
/// ...and the smallest unit in points, so labels stay readable at any text size.
const MIN_UNIT: f32 = 9.0;
/// The largest scale of the body text size.
const MAX_SCALE: f32 = 1.9;

/// The diagram's size in units.
fn content_units(l: &FlowLayout) -> Vec2 {
    let cols = l.columns.max(1) as f32;
    let band = if l.has_entry && l.has_unreached() {
        BAND_GAP
    } else {
        0.0
    };
    let rows = l.rows.max(1.0);
    vec2(
        2.0 * SIDE + cols * BOX_W + (cols - 1.0) * COL_GAP,
        TOP + rows * (BOX_H + ROW_GAP) - ROW_GAP + band + BOTTOM,
    )
}

/// Where the units of the diagram land on screen.
struct Geometry {
    origin: Pos2,
    u: f32,
    main_rows: f32,
    band: bool,
}

impl Geometry {
    fn stage_rect(&self, p: &Placed) -> Rect {
        let u = self.u;
        let x = SIDE + p.column as f32 * (BOX_W + COL_GAP);
        let band = if self.band && p.row >= self.main_rows {
            BAND_GAP
        } else {
            0.0
        };
        let y = TOP + p.row * (BOX_H + ROW_GAP) + band;
        Rect::from_min_size(self.origin + vec2(x, y) * u, vec2(BOX_W, BOX_H) * u)
    }
}

/// A short tag for a stage's finding.
fn tag_of(rule: &str) -> &str {
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
fn handoff_tag(rule: &str) -> &str {
    match rule {
        "handoff-without-owner" => "no owner",
        "handoff-without-sla" => "no SLA",
        "handoff-sla-too-slow" => "SLA too slow",
        "handoff-not-accepted" => "not accepted",
        other => tag_of(other),
    }
}

fn stage_label(plan: &Plan, i: usize) -> String {
    plan.stages.get(i).map_or_else(String::new, |s| {
        if s.name.trim().is_empty() {
            s.id.clone()
        } else {
            s.name.trim().to_owned()
        }
    })
}

fn person_label(plan: &Plan, id: &str) -> String {
    plan.person(id)
        .map_or_else(|| format!("{id} (unknown)"), |p| p.name.clone())
}

/// What the board shows about one stage.
struct StageView {
    label: String,
    team: Team,
    entry: bool,
    terminal: bool,
    tags: Vec<String>,
    worst: Option<Severity>,
    findings: Vec<Finding>,
}

/// What the board shows about one handoff.
struct HandoffView {
    label: String,
    crossing: bool,
    /// Short words for its gaps ("no owner", "no SLA"...), for screen readers.
    tags: Vec<String>,
    worst: Option<Severity>,
    findings: Vec<Finding>,
}

fn stage_views(plan: &Plan, l: &FlowLayout, gaps: &Gaps) -> Vec<StageView> {
    let flagged: Vec<&Vec<usize>> = l
        .traps
        .iter()
        .filter(|g| {
            g.iter().any(|&i| {
                gaps.on_item(Section::Stages, i)
                    .any(|f| f.rule == "stage-trap")
            })
        })
        .collect();
    plan.stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut findings: Vec<Finding> = gaps.on_item(Section::Stages, i).cloned().collect();
            for g in &flagged {
                if g.contains(&i) && !findings.iter().any(|f| f.rule == "stage-trap") {
                    findings.extend(
                        g.iter()
                            .flat_map(|&j| gaps.on_item(Section::Stages, j))
                            .filter(|f| f.rule == "stage-trap")
                            .cloned(),
                    );
                }
            }
            let mut tags: Vec<String> = Vec::new();
            for f in &findings {
                let t = tag_of(f.rule).to_owned();
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

fn handoff_views(plan: &Plan, gaps: &Gaps) -> Vec<HandoffView> {
    let team = |id: &str| plan.stages.iter().find(|s| s.id == id).map(|s| s.team);
    let name = |id: &str| {
        plan.stages
            .iter()
            .position(|s| s.id == id)
            .map_or_else(|| format!("\"{id}\""), |i| stage_label(plan, i))
    };
    plan.handoffs
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let findings: Vec<Finding> = gaps.on_item(Section::Handoffs, i).cloned().collect();
            HandoffView {
                label: format!("Handoff from {} to {}", name(&h.from), name(&h.to)),
                crossing: hands_to_sales(h, team),
                tags: findings
                    .iter()
                    .map(|f| handoff_tag(f.rule).to_owned())
                    .collect(),
                worst: findings.iter().map(|f| f.severity).min(),
                findings,
            }
        })
        .collect()
}

/// Draws the board.
pub fn lead_flow_ui(ui: &mut Ui, state: &mut LeadFlowState, cx: &mut BoardCx<'_>) {
    let plan: &Plan = cx.plan;
    let fs = egui::TextStyle::Body.resolve(ui.style()).size;
    if plan.stages.is_empty() {
        ui.add_space(fs * 3.0);
        ui.vertical_centered(|ui| {
            ui.label(RichText::new("No lead stages yet").size(fs * 1.5).strong());
            ui.label(
                "Stages are the steps a booth lead passes through, from the badge scan to a deal.",
            );
            ui.add_space(fs * 0.5);
            if ui.button("Add stages in Stages").clicked() {
                cx.commands
                    .push(Command::Reveal(Section::Stages, None, None));
            }
        });
        return;
    }
    let l = state.layout(plan);
    let stages = stage_views(plan, &l, cx.gaps);
    let handoffs = handoff_views(plan, cx.gaps);

    header_ui(ui, plan, cx.gaps, cx.commands, fs);

    let drawn: Vec<usize> = l.arrows.iter().map(|a| a.handoff).collect();
    for (i, h) in plan.handoffs.iter().enumerate() {
        if !drawn.contains(&i) {
            let text = format!(
                "⚠ Not on the diagram: handoff \"{}\" names a stage that does not exist",
                h.id
            );
            if ui
                .link(RichText::new(text).color(severity_color(Severity::Error)))
                .on_hover_text("Show this handoff")
                .clicked()
            {
                cx.commands
                    .push(Command::Reveal(Section::Handoffs, Some(i), None));
            }
        }
    }

    let units = content_units(&l);
    let avail = ui.available_size();
    let fit = (avail.x / units.x).min(avail.y / units.y);
    let u = fit.clamp((fs * MIN_SCALE).max(MIN_UNIT).min(fs), fs * MAX_SCALE);
    if units.x * u > avail.x + 1.0 || units.y * u > avail.y + 1.0 {
        ui.weak("The flow is larger than the window: scroll to see all of it.");
    }
    egui::ScrollArea::both()
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            let size = units * u;
            let view = ui.available_size();
            let (rect, _) = ui.allocate_exact_size(size.max(view), Sense::hover());
            let origin = rect.center() - size / 2.0;
            let geo = Geometry {
                origin: pos2(origin.x.max(rect.left()), origin.y.max(rect.top())),
                u,
                main_rows: l.main_rows,
                band: l.has_entry && l.has_unreached(),
            };
            diagram_ui(ui, plan, &l, &geo, &stages, &handoffs, cx.commands);
        });
}

/// The summary line, the legend, and banners for gaps of the flow as a whole.
fn header_ui(ui: &mut Ui, plan: &Plan, gaps_now: &Gaps, commands: &mut Vec<Command>, fs: f32) {
    let flow_findings: Vec<&Finding> = gaps_now
        .findings
        .iter()
        .filter(|f| matches!(f.section, Section::Stages | Section::Handoffs))
        .collect();
    let gaps = flow_findings.len();
    let worst = flow_findings.iter().map(|f| f.severity).min();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{} · {}",
                plural(plan.stages.len(), "stage", "stages"),
                plural(plan.handoffs.len(), "handoff", "handoffs"),
            ))
            .size(fs * 1.3)
            .strong(),
        );
        let gap_text = if gaps == 0 {
            RichText::new("· ✔ no gaps in the flow").color(crate::app::widgets::palette::ok())
        } else {
            RichText::new(format!("· {} in the flow", plural(gaps, "gap", "gaps")))
                .color(worst.map_or(ui.visuals().text_color(), severity_color))
        };
        ui.label(gap_text.size(fs * 1.3).strong());
        ui.add_space(fs * 2.0);
        legend_ui(ui, fs);
    });
    for f in &gaps_now.findings {
        let target = match f.rule {
            "no-entry-stage" => Section::Stages,
            "no-sales-handoff" => Section::Handoffs,
            _ => continue,
        };
        let color = severity_color(f.severity);
        egui::Frame::new()
            .fill(ui.visuals().panel_fill.lerp_to_gamma(color, 0.12))
            .stroke(Stroke::new(2.0, color))
            .corner_radius(6.0)
            .inner_margin(fs * 0.6)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("⚠ {}", f.message))
                            .color(color)
                            .size(fs * 1.1)
                            .strong(),
                    );
                    if ui.button(format!("Open {}", target.title())).clicked() {
                        commands.push(Command::Reveal(target, None, None));
                    }
                });
            });
    }
    ui.add_space(fs * 0.4);
}

/// One entry of the legend: a sample and its words, kept together when the line wraps.
fn legend_item(
    ui: &mut Ui,
    fs: f32,
    sample_width: f32,
    text: &str,
    sample: impl FnOnce(&egui::Painter, Rect),
) {
    let color = ui.visuals().text_color();
    let galley = ui.painter().layout_no_wrap(
        text.to_owned(),
        egui::TextStyle::Body.resolve(ui.style()),
        color,
    );
    let gap = if sample_width > 0.0 { fs * 0.4 } else { 0.0 };
    let size = vec2(
        sample_width + gap + galley.size().x,
        galley.size().y.max(fs),
    );
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let swatch = Rect::from_center_size(
        pos2(rect.left() + sample_width / 2.0, rect.center().y),
        vec2(sample_width, fs),
    );
    sample(ui.painter(), swatch);
    let at = pos2(
        rect.left() + sample_width + gap,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter().galley(at, galley, color);
}

fn legend_ui(ui: &mut Ui, fs: f32) {
    let panel = ui.visuals().panel_fill;
    for team in Team::ALL {
        legend_item(ui, fs, fs * 1.2, team.as_str(), |p, r| {
            p.rect(
                r,
                3.0,
                panel.lerp_to_gamma(team_color(team), 0.3),
                Stroke::new(2.0, team_color(team)),
                StrokeKind::Inside,
            );
        });
    }
    legend_item(ui, fs, 0.0, "⏵ entry", |_, _| {});
    legend_item(ui, fs, 0.0, "⏹ end", |_, _| {});
    legend_item(ui, fs, fs * 2.2, "hand-off to sales", |p, r| {
        p.line_segment(
            [r.left_center(), r.right_center()],
            Stroke::new(fs * 0.3, team_color(Team::Sales)),
        );
    });
}

/// One arrow ready to paint.
struct Curve {
    arrow: usize,
    points: [Pos2; 4],
}

fn bezier_at(p: &[Pos2; 4], t: f32) -> Pos2 {
    let [a, b, c, d] = *p;
    let m = 1.0 - t;
    let v = a.to_vec2() * (m * m * m)
        + b.to_vec2() * (3.0 * m * m * t)
        + c.to_vec2() * (3.0 * m * t * t)
        + d.to_vec2() * (t * t * t);
    v.to_pos2()
}

/// The four points of each arrow's curve: ends spread along the side of a box they leave or
/// enter, sorted by where the other end is, so arrows fan out instead of piling up.
fn curves(l: &FlowLayout, rects: &[Rect], u: f32) -> Vec<Curve> {
    // (stage, right side?) -> [(other end's y, handoff, arrow index, is start)]
    let mut ports: Vec<Vec<(f32, usize, usize, bool)>> = vec![Vec::new(); rects.len() * 2];
    let centre_y = |s: usize| rects.get(s).map_or(0.0, |r| r.center().y);
    for (k, a) in l.arrows.iter().enumerate() {
        let (from_right, to_right) = match a.route {
            Route::Forward => (true, false),
            Route::Back => (false, true),
            Route::Same => (false, false),
            Route::SelfLoop => continue,
        };
        if let Some(p) = ports.get_mut(a.from * 2 + usize::from(from_right)) {
            p.push((centre_y(a.to), a.handoff, k, true));
        }
        if let Some(p) = ports.get_mut(a.to * 2 + usize::from(to_right)) {
            p.push((centre_y(a.from), a.handoff, k, false));
        }
    }
    let mut ends: Vec<[Option<Pos2>; 2]> = vec![[None, None]; l.arrows.len()];
    for (slot, list) in ports.iter_mut().enumerate() {
        let Some(r) = rects.get(slot / 2) else {
            continue;
        };
        let x = if slot % 2 == 1 { r.right() } else { r.left() };
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.3.cmp(&b.3)));
        let n = list.len() as f32;
        for (i, &(_, _, k, start)) in list.iter().enumerate() {
            let y = r.top() + r.height() * (0.18 + 0.64 * (i as f32 + 1.0) / (n + 1.0));
            if let Some([from, to]) = ends.get_mut(k) {
                *(if start { from } else { to }) = Some(pos2(x, y));
            }
        }
    }
    let mut out = Vec::new();
    for (k, a) in l.arrows.iter().enumerate() {
        let (Some(ra), Some(rb)) = (rects.get(a.from), rects.get(a.to)) else {
            continue;
        };
        let [p0, p3] = ends.get(k).copied().unwrap_or([None, None]);
        let points = match (a.route, p0, p3) {
            (Route::SelfLoop, _, _) => {
                // Round the top-right corner: out of the top, back into the right side above
                // the ports of other arrows.
                let p0 = pos2(ra.right() - ra.width() * 0.25, ra.top());
                let p3 = pos2(ra.right(), ra.top() + ra.height() * 0.14);
                [p0, p0 + vec2(0.0, -2.4 * u), p3 + vec2(3.6 * u, 0.0), p3]
            }
            (Route::Forward, Some(p0), Some(p3)) => {
                let dx = ((p3.x - p0.x) * 0.5).max(2.0 * u);
                [p0, p0 + vec2(dx, 0.0), p3 - vec2(dx, 0.0), p3]
            }
            (Route::Back, Some(p0), Some(p3)) => {
                let dx = ((p0.x - p3.x).abs() * 0.45).max(4.0 * u);
                [p0, p0 - vec2(dx, 0.0), p3 + vec2(dx, 0.0), p3]
            }
            (Route::Same, Some(p0), Some(p3)) => {
                let bulge = 3.0 * u + 0.12 * (p3.y - p0.y).abs();
                [p0, p0 - vec2(bulge, 0.0), p3 - vec2(bulge, 0.0), p3]
            }
            _ => {
                let (p0, p3) = (ra.right_center(), rb.left_center());
                [p0, p0, p3, p3]
            }
        };
        out.push(Curve { arrow: k, points });
    }
    out
}

/// The text of a handoff's label, line by line, with colours.
fn label_lines(
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
                .any(|f| f.rule == "handoff-sla-too-slow")
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
        .find(|f| f.rule == "handoff-not-accepted")
    {
        lines.push(("not accepted".to_owned(), severity_color(f.severity), true));
    }
    let shown = [
        "handoff-without-owner",
        "handoff-without-sla",
        "handoff-sla-too-slow",
        "handoff-not-accepted",
    ];
    let others = view
        .findings
        .iter()
        .filter(|f| !shown.contains(&f.rule))
        .count();
    if others > 0 {
        let color = view
            .findings
            .iter()
            .filter(|f| !shown.contains(&f.rule))
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
struct Chip {
    handoff: usize,
    arrow: usize,
    galleys: Vec<Arc<egui::Galley>>,
    rect: Rect,
    /// The point on the curve a label that had to move off it belongs to.
    anchor: Option<Pos2>,
}

/// Colours and sizes every part of the diagram shares.
struct Style {
    u: f32,
    text: Color32,
    weak: Color32,
    line: Color32,
    panel: Color32,
    label_fill: Color32,
    hover_fill: Color32,
    focus: Stroke,
    dark: bool,
}

/// The labels of the arrows: laid out, then placed along their curve where they cover no stage
/// and no other label; where the curve is crowded, moved up or down from its middle with a
/// leader line to it.
fn place_chips(
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

/// Makes a stage or a label a button for the pointer, the keyboard and screen readers.
fn interact(ui: &Ui, rect: Rect, key: (&str, usize), label: &str, about: String) -> egui::Response {
    let resp = ui.interact(rect, ui.make_persistent_id(key), Sense::click());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label));
    ui.ctx()
        .accesskit_node_builder(resp.id, |n| n.set_description(about));
    resp
}

fn stage_about(v: &StageView) -> String {
    let mut about = vec![format!("{} stage", v.team)];
    if v.entry {
        about.push("entry".to_owned());
    }
    if v.terminal {
        about.push("end".to_owned());
    }
    about.extend(v.tags.iter().cloned());
    about.join(", ")
}

/// Trapped groups, shaded together behind their stages.
fn paint_traps(
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
                .is_some_and(|v| v.tags.iter().any(|t| t == "trap"))
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

/// Column captions, and the line above the band of stages no entry stage reaches.
fn paint_frame(painter: &egui::Painter, l: &FlowLayout, geo: &Geometry, style: &Style) {
    let u = geo.u;
    if geo.band {
        let warning = severity_color(Severity::Warning);
        let y = geo.origin.y + (TOP + l.main_rows * (BOX_H + ROW_GAP) + BAND_GAP * 0.45) * u;
        let left = geo.origin.x + SIDE * 0.5 * u;
        let right = geo.origin.x + (content_units(l).x - SIDE * 0.5) * u;
        painter.add(Shape::dashed_line(
            &[pos2(left, y), pos2(right, y)],
            Stroke::new(1.5, warning),
            0.8 * u,
            0.5 * u,
        ));
        painter.text(
            pos2(left, y + 0.3 * u),
            Align2::LEFT_TOP,
            "⚠ Not reached from any entry stage",
            FontId::proportional(0.95 * u),
            warning,
        );
    }
    if l.has_entry {
        for c in 0..l.columns {
            let x = geo.origin.x + (SIDE + c as f32 * (BOX_W + COL_GAP) + BOX_W / 2.0) * u;
            let caption = match c {
                0 => "entry".to_owned(),
                1 => "1 handoff in".to_owned(),
                n => format!("{n} handoffs in"),
            };
            painter.text(
                pos2(x, geo.origin.y + 0.4 * u),
                Align2::CENTER_TOP,
                caption,
                FontId::proportional(0.9 * u),
                style.weak,
            );
        }
    }
}

/// One arrow: its curve and a filled head. `lit` is whether the pointer is on something it
/// touches (`Some(false)` when it is on something else).
fn paint_arrow(
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
    painter.add(Shape::CubicBezier(CubicBezierShape::from_points_stroke(
        c.points,
        false,
        Color32::TRANSPARENT,
        Stroke::new(width, color),
    )));
    let [_, _, c2, tip] = c.points;
    let mut dir = tip - c2;
    if dir.length() < 0.01 {
        dir = vec2(1.0, 0.0);
    }
    let dir = dir.normalized();
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
fn paint_stage(
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

/// One arrow's label, with a leader to its arrow when it had to move off it.
fn paint_chip(
    painter: &egui::Painter,
    chip: &Chip,
    view: Option<&HandoffView>,
    resp: &egui::Response,
    lit: bool,
    style: &Style,
) {
    let u = style.u;
    if let Some(a) = chip.anchor {
        let to = pos2(
            a.x.clamp(chip.rect.left(), chip.rect.right()),
            a.y.clamp(chip.rect.top(), chip.rect.bottom()),
        );
        painter.add(Shape::dashed_line(
            &[a, to],
            Stroke::new(1.0, style.weak),
            0.4 * u,
            0.3 * u,
        ));
        painter.circle_filled(a, 0.22 * u, style.weak);
    }
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

#[allow(clippy::too_many_arguments)]
fn diagram_ui(
    ui: &mut Ui,
    plan: &Plan,
    l: &FlowLayout,
    geo: &Geometry,
    stages: &[StageView],
    handoffs: &[HandoffView],
    commands: &mut Vec<Command>,
) {
    let visuals = ui.visuals();
    let style = Style {
        u: geo.u,
        text: visuals.strong_text_color(),
        weak: visuals.weak_text_color(),
        line: visuals.text_color().gamma_multiply(0.8),
        panel: visuals.panel_fill,
        label_fill: visuals.extreme_bg_color,
        hover_fill: visuals.widgets.hovered.bg_fill,
        focus: visuals.selection.stroke,
        dark: visuals.dark_mode,
    };
    let painter = ui.painter().clone();
    let rects: Vec<Rect> = l.stages.iter().map(|p| geo.stage_rect(p)).collect();
    let curves = curves(l, &rects, geo.u);
    let chips = place_chips(&painter, plan, l, &curves, &rects, handoffs, &style);

    // Interaction first (stages, then labels on top), so hover can light up what is connected.
    let stage_responses: Vec<egui::Response> = rects
        .iter()
        .zip(stages)
        .enumerate()
        .map(|(i, (r, v))| interact(ui, *r, ("lead-flow-stage", i), &v.label, stage_about(v)))
        .collect();
    let chip_responses: Vec<egui::Response> = chips
        .iter()
        .map(|chip| {
            let (label, about) = handoffs.get(chip.handoff).map_or_else(
                || (String::new(), String::new()),
                |v| (v.label.clone(), v.tags.join(", ")),
            );
            interact(
                ui,
                chip.rect,
                ("lead-flow-handoff", chip.handoff),
                &label,
                about,
            )
        })
        .collect();
    let hovered_stage = stage_responses.iter().position(egui::Response::hovered);
    let hovered_arrow = chips
        .iter()
        .zip(&chip_responses)
        .find(|(_, r)| r.hovered())
        .map(|(c, _)| c.arrow);
    let lit = |k: usize| -> Option<bool> {
        let a = l.arrows.get(k)?;
        match (hovered_stage, hovered_arrow) {
            (Some(s), _) => Some(a.from == s || a.to == s),
            (None, Some(h)) => Some(h == k),
            (None, None) => None,
        }
    };

    paint_traps(&painter, l, &rects, stages, geo.u);
    paint_frame(&painter, l, geo, &style);
    for c in &curves {
        let crossing = l
            .arrows
            .get(c.arrow)
            .and_then(|a| handoffs.get(a.handoff))
            .is_some_and(|v| v.crossing);
        paint_arrow(&painter, c, crossing, lit(c.arrow), &style);
    }
    for ((r, v), resp) in rects.iter().zip(stages).zip(&stage_responses) {
        paint_stage(&painter, *r, v, resp, &style);
    }
    for (chip, resp) in chips.iter().zip(&chip_responses) {
        let view = handoffs.get(chip.handoff);
        paint_chip(
            &painter,
            chip,
            view,
            resp,
            lit(chip.arrow) == Some(true),
            &style,
        );
    }

    // Tooltips and clicks.
    for (i, resp) in stage_responses.into_iter().enumerate() {
        let Some(v) = stages.get(i) else {
            continue;
        };
        let resp = resp
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_ui(|ui| stage_tooltip_ui(ui, plan, i, v));
        if resp.clicked() {
            commands.push(Command::Reveal(Section::Stages, Some(i), None));
        }
    }
    for (chip, resp) in chips.iter().zip(chip_responses) {
        let Some(v) = handoffs.get(chip.handoff) else {
            continue;
        };
        let resp = resp
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_ui(|ui| handoff_tooltip_ui(ui, plan, chip.handoff, v));
        if resp.clicked() {
            commands.push(Command::Reveal(Section::Handoffs, Some(chip.handoff), None));
        }
    }
}

fn findings_ui(ui: &mut Ui, findings: &[Finding]) {
    if findings.is_empty() {
        ui.colored_label(crate::app::widgets::palette::ok(), "✔ no gaps");
    }
    for f in findings {
        ui.colored_label(severity_color(f.severity), format!("⚠ {}", f.message));
    }
}

fn stage_tooltip_ui(ui: &mut Ui, plan: &Plan, i: usize, v: &StageView) {
    ui.set_max_width(ui.spacing().tooltip_width * 1.3);
    ui.strong(&v.label);
    let mut what = format!("{} stage", v.team);
    if v.entry {
        what.push_str(" · leads enter here");
    }
    if v.terminal {
        what.push_str(" · leads may rest here");
    }
    ui.label(what);
    let id = plan
        .stages
        .get(i)
        .map(|s| s.id.as_str())
        .unwrap_or_default();
    let name_of = |sid: &str| {
        plan.stages
            .iter()
            .position(|s| s.id == sid)
            .map_or_else(|| format!("\"{sid}\""), |j| stage_label(plan, j))
    };
    let into: Vec<String> = plan
        .handoffs
        .iter()
        .filter(|h| h.to == id)
        .map(|h| name_of(&h.from))
        .collect();
    let out: Vec<String> = plan
        .handoffs
        .iter()
        .filter(|h| h.from == id)
        .map(|h| name_of(&h.to))
        .collect();
    if !into.is_empty() {
        ui.label(format!("From: {}", into.join(", ")));
    }
    if !out.is_empty() {
        ui.label(format!("To: {}", out.join(", ")));
    }
    ui.separator();
    findings_ui(ui, &v.findings);
    ui.weak("Click to open it in Stages");
}

fn handoff_tooltip_ui(ui: &mut Ui, plan: &Plan, i: usize, v: &HandoffView) {
    ui.set_max_width(ui.spacing().tooltip_width * 1.3);
    ui.strong(&v.label);
    let Some(h) = plan.handoffs.get(i) else {
        return;
    };
    if v.crossing {
        ui.colored_label(
            team_color(Team::Sales),
            "Marketing hands these leads to sales",
        );
    }
    ui.label(format!("Trigger: {}", h.trigger));
    ui.label(format!(
        "Owner: {}",
        h.owner
            .as_deref()
            .map_or_else(|| "nobody".to_owned(), |o| person_label(plan, o))
    ));
    ui.label(format!(
        "SLA: {}",
        h.sla_hours
            .map_or_else(|| "none".to_owned(), |x| format!("{x} h"))
    ));
    if !h.signoffs.is_empty() {
        let who: Vec<String> = h
            .signoffs
            .iter()
            .map(|s| person_label(plan, &s.by))
            .collect();
        ui.label(format!("Signed off by {}", who.join(", ")));
    }
    ui.separator();
    findings_ui(ui, &v.findings);
    ui.weak("Click to open it in Handoffs");
}
