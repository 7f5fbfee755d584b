//! The lead flow board: stages as boxes from left to right by how many handoffs they are from an
//! entry stage, handoffs as arrows labelled with owner and SLA, and the gaps of the flow (dead
//! ends, traps, stages nothing reaches, handoffs nobody owns) marked where they are.
//!
//! The layout ([`layout`]) is plain data computed in the core
//! ([`crate::analysis::flow::layout`]): from the plan alone, then routed with the sizes of the
//! labels measured here; drawing scales it to fit. This file holds the board's
//! state and its frame; its parts are the lines above the diagram (`header`), what it shows of
//! each item (`items`), where things go on screen (`geometry`, `chips`), painting
//! (`paint`), and the pointer and keyboard (`input`, `tooltip`). A gap's short tag is its
//! rule's own ([`crate::check::Rule::tag`]).

mod chips;
mod geometry;
mod header;
mod input;
mod items;
mod paint;
mod style;
mod tooltip;

pub use crate::analysis::flow::layout::{Arrow, FlowLayout, Placed, Route, layout};

use crate::analysis::flow::layout::{Routed, Sizes, route, signature};
use crate::app::boards::context::BoardCx;
use crate::app::commands::Command;
use crate::app::widgets::severity_color;
use crate::check::Severity;
use crate::model::{Plan, Section};
use chips::{label_galleys, label_units, place_chips};
use egui::{Rect, RichText, Sense, Ui};
use geometry::{Geometry, content_units, curves, fit_unit, sizes};
use header::header_ui;
use input::Hits;
use items::{HandoffView, StageView, handoff_views, stage_views};
use paint::{paint_arrow, paint_band, paint_chip, paint_stage, paint_traps};
use std::sync::Arc;
use style::Style;

/// State between frames: the layout of the last plan drawn, and its routing at the last label
/// sizes.
#[derive(Default)]
pub struct LeadFlowState {
    cache: Option<(u64, Arc<FlowLayout>)>,
    routed: Option<(u64, Sizes, Arc<Routed>)>,
}

impl LeadFlowState {
    fn layout(&mut self, plan: &Plan) -> (u64, Arc<FlowLayout>) {
        let sig = signature(plan);
        match &self.cache {
            Some((s, l)) if *s == sig => (sig, l.clone()),
            _ => {
                let l = Arc::new(layout(plan));
                self.cache = Some((sig, l.clone()));
                (sig, l)
            }
        }
    }

    fn routed(&mut self, sig: u64, l: &FlowLayout, sizes: Sizes) -> Arc<Routed> {
        match &self.routed {
            Some((s, z, r)) if *s == sig && *z == sizes => r.clone(),
            _ => {
                let r = Arc::new(route(l, &sizes));
                self.routed = Some((sig, sizes, r.clone()));
                r
            }
        }
    }
}

/// Draws the board.
pub fn lead_flow_ui(ui: &mut Ui, state: &mut LeadFlowState, cx: &mut BoardCx<'_>) {
    let plan: &Plan = cx.plan;
    let fs = egui::TextStyle::Body.resolve(ui.style()).size;
    if plan.stages.is_empty() {
        no_stages_ui(ui, cx.commands, fs);
        return;
    }
    let (sig, l) = state.layout(plan);
    let stages = stage_views(plan, &l, cx.gaps);
    let handoffs = handoff_views(plan, cx.gaps);

    header_ui(ui, plan, cx.gaps, cx.commands, fs);
    not_drawn_ui(ui, plan, &l, cx.commands);

    // The labels' sizes in units, measured at the text size, lay the flow out.
    let at_text_size = Style::new(ui.visuals(), fs);
    let labels: Vec<(f32, f32)> = label_galleys(ui.painter(), plan, &l, &handoffs, &at_text_size)
        .iter()
        .map(|g| label_units(g, fs))
        .collect();
    let routed = state.routed(sig, &l, sizes(labels));

    let units = content_units(&routed);
    let avail = ui.available_size();
    let u = fit_unit(units, avail, fs);
    if units.x * u > avail.x + 1.0 || units.y * u > avail.y + 1.0 {
        ui.label("The flow is larger than the window: scroll to see all of it.");
    }
    egui::ScrollArea::both()
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            let size = units * u;
            let view = ui.available_size();
            let (rect, _) = ui.allocate_exact_size(size.max(view), Sense::hover());
            let geo = Geometry::centred(rect, &routed, u);
            diagram_ui(ui, plan, &l, &routed, &geo, &stages, &handoffs, cx.commands);
        });
}

/// The board of a plan with no stages: what stages are, and a way to add them.
fn no_stages_ui(ui: &mut Ui, commands: &mut Vec<Command>, fs: f32) {
    ui.add_space(fs * 3.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("No lead stages yet").size(fs * 1.5).strong());
        ui.label(
            "Stages are the steps a booth lead passes through, from the badge scan to a deal.",
        );
        ui.add_space(fs * 0.5);
        if ui.button("Add stages in Stages").clicked() {
            commands.push(Command::Reveal(Section::Stages, None, None));
        }
    });
}

/// A link to each handoff the diagram cannot draw, because a stage it names does not exist.
fn not_drawn_ui(ui: &mut Ui, plan: &Plan, l: &FlowLayout, commands: &mut Vec<Command>) {
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
                commands.push(Command::Reveal(Section::Handoffs, Some(i), None));
            }
        }
    }
}

/// The diagram: stages, arrows and their labels, lit up around what the pointer is on.
#[allow(clippy::too_many_arguments)]
fn diagram_ui(
    ui: &mut Ui,
    plan: &Plan,
    l: &FlowLayout,
    routed: &Routed,
    geo: &Geometry,
    stages: &[StageView],
    handoffs: &[HandoffView],
    commands: &mut Vec<Command>,
) {
    let style = Style::new(ui.visuals(), geo.u);
    let painter = ui.painter().clone();
    let rects: Vec<Rect> = routed.stages.iter().map(|a| geo.rect(*a)).collect();
    let curves = curves(routed, geo);
    let galleys = label_galleys(&painter, plan, l, handoffs, &style);
    let chips = place_chips(l, routed, geo, galleys);

    // Interaction first (stages, then labels on top), so hover can light up what is connected.
    let hits = Hits::new(ui, &rects, stages, &chips, handoffs);

    paint_traps(&painter, l, &rects, stages, geo.u);
    paint_band(&painter, routed, geo);
    for c in &curves {
        let crossing = l
            .arrows
            .get(c.arrow)
            .and_then(|a| handoffs.get(a.handoff))
            .is_some_and(|v| v.crossing);
        paint_arrow(&painter, c, crossing, hits.lit(l, c.arrow), &style);
    }
    for ((r, v), resp) in rects.iter().zip(stages).zip(&hits.stages) {
        paint_stage(&painter, *r, v, resp, &style);
    }
    for (chip, resp) in chips.iter().zip(&hits.chips) {
        let view = handoffs.get(chip.handoff);
        let lit = hits.lit(l, chip.arrow) == Some(true);
        paint_chip(&painter, chip, view, resp, lit, &style);
    }

    // Tooltips and clicks.
    hits.respond(plan, stages, &chips, handoffs, commands);
}
