//! The stages and the handoffs' labels as buttons for the pointer, the keyboard and screen
//! readers: what the pointer is on, what that lights up, and what a hover or a click does.

use crate::analysis::flow::layout::FlowLayout;
use crate::app::boards::lead_flow::chips::Chip;
use crate::app::boards::lead_flow::items::{HandoffView, StageView};
use crate::app::boards::lead_flow::tooltip::{handoff_tooltip_ui, stage_tooltip_ui};
use crate::app::commands::Command;
use crate::model::{Plan, Section};
use egui::{Rect, Response, Sense, Ui};

/// Makes a stage or a label a button for the pointer, the keyboard and screen readers.
fn interact(ui: &Ui, rect: Rect, key: (&str, usize), label: &str, about: String) -> Response {
    let resp = ui.interact(rect, ui.make_persistent_id(key), Sense::click());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, label));
    ui.ctx()
        .accesskit_node_builder(resp.id, |n| n.set_description(about));
    resp
}

/// The responses of the stages and the labels, taken before anything is painted so that hover
/// can light up what is connected.
pub(super) struct Hits {
    /// One per stage, in plan order.
    pub(super) stages: Vec<Response>,
    /// One per label, in the order of the labels.
    pub(super) chips: Vec<Response>,
    hovered_stage: Option<usize>,
    hovered_arrow: Option<usize>,
}

impl Hits {
    /// Makes the stages at `rects`, then the labels on top of them, buttons.
    pub(super) fn new(
        ui: &Ui,
        rects: &[Rect],
        stages: &[StageView],
        chips: &[Chip],
        handoffs: &[HandoffView],
    ) -> Hits {
        let stage_responses: Vec<Response> = rects
            .iter()
            .zip(stages)
            .enumerate()
            .map(|(i, (r, v))| interact(ui, *r, ("lead-flow-stage", i), &v.label, v.about()))
            .collect();
        let chip_responses: Vec<Response> = chips
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
        let hovered_stage = stage_responses.iter().position(Response::hovered);
        let hovered_arrow = chips
            .iter()
            .zip(&chip_responses)
            .find(|(_, r)| r.hovered())
            .map(|(c, _)| c.arrow);
        Hits {
            stages: stage_responses,
            chips: chip_responses,
            hovered_stage,
            hovered_arrow,
        }
    }

    /// Whether arrow `k` of `l` touches what the pointer is on: `Some(false)` when the pointer is
    /// on something else, `None` when it is on nothing.
    pub(super) fn lit(&self, l: &FlowLayout, k: usize) -> Option<bool> {
        let a = l.arrows.get(k)?;
        match (self.hovered_stage, self.hovered_arrow) {
            (Some(s), _) => Some(a.from == s || a.to == s),
            (None, Some(h)) => Some(h == k),
            (None, None) => None,
        }
    }

    /// Tooltips on hover; a click opens the stage or handoff in its list.
    pub(super) fn respond(
        self,
        plan: &Plan,
        stages: &[StageView],
        chips: &[Chip],
        handoffs: &[HandoffView],
        commands: &mut Vec<Command>,
    ) {
        for (i, resp) in self.stages.into_iter().enumerate() {
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
        for (chip, resp) in chips.iter().zip(self.chips) {
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
}
