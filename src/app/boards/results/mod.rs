//! The Results board, for the review meeting after the show: the scorecard both teams agreed
//! before it, measured. Each objective's target against its actual, each handoff's SLA against
//! how fast the leads really moved, who owes a follow-up on the late and stuck leads, the
//! accounts met per tier, how the meetings went and the leads in total.
//!
//! The figures are [`crate::analysis::results::measure`]'s, the ones `preshow results` prints,
//! worked out once per revision of the plan and per today. Laid out to be read whole on the
//! presentation canvas (about 1120 by 590 points): the scorecard on the left, the accounts,
//! meetings, leads and who owes what on the right; every size follows the text size.

mod handoffs;
mod owes;
mod scorecard;

pub use owes::{Debtor, Owed, who_owes};

use crate::analysis::results::{Results, measure};
use crate::app::boards::context::BoardCx;
use crate::app::commands::Command;
use crate::model::{Date, Plan, Section, human};
use egui::{RichText, TextStyle, Ui, vec2};
use std::collections::BTreeSet;

/// The board's state between frames: the measured plan, and whose lists are open in full.
#[derive(Default)]
pub struct ResultsState {
    measured: Option<Measured>,
    /// The people (by id; `None` for leads nobody owns) whose whole list of late and stuck
    /// leads is open.
    expanded: BTreeSet<Option<String>>,
}

/// The plan measured, for one revision and one today.
struct Measured {
    revision: u64,
    today: Date,
    has_outcomes: bool,
    results: Results,
    debtors: Vec<Debtor>,
}

/// The measurement for this revision and today, worked out again when either changed.
fn measured<'a>(
    kept: &'a mut Option<Measured>,
    plan: &Plan,
    revision: u64,
    today: Date,
) -> &'a Measured {
    if kept
        .as_ref()
        .is_some_and(|m| m.revision != revision || m.today != today)
    {
        *kept = None;
    }
    kept.get_or_insert_with(|| {
        let results = measure(plan, today);
        Measured {
            revision,
            today,
            has_outcomes: Results::has_outcomes(plan),
            debtors: who_owes(plan, &results),
            results,
        }
    })
}

/// Draws the board.
pub fn results_ui(ui: &mut Ui, state: &mut ResultsState, cx: &mut BoardCx<'_>) {
    let plan: &Plan = cx.plan;
    let today = cx.today;
    let commands = &mut *cx.commands;
    let measured = measured(&mut state.measured, plan, cx.revision, today);
    let (has_outcomes, results) = (measured.has_outcomes, &measured.results);
    let debtors = &measured.debtors;
    let expanded = &mut state.expanded;
    egui::ScrollArea::vertical()
        .id_salt("results")
        .auto_shrink(false)
        .show(ui, |ui| {
            if !has_outcomes {
                nothing_yet_ui(ui, plan, today, commands);
                return;
            }
            header_ui(ui, plan, results, today);
            let body = ui.text_style_height(&TextStyle::Body);
            // Clear of the scroll bar, which floats over the right edge.
            let width = ui.available_width() - body * 0.8;
            let gap = body * 2.0;
            if width >= body * 50.0 {
                let left_w = ((width - gap) * 0.6).floor();
                let right_w = width - gap - left_w;
                ui.horizontal_top(|ui| {
                    column_ui(ui, left_w, |ui| {
                        scorecard::objectives_ui(ui, plan, results, today);
                        ui.add_space(body);
                        handoffs::handoffs_ui(ui, plan, results, commands);
                    });
                    ui.add_space(gap);
                    column_ui(ui, right_w, |ui| {
                        scorecard::outcomes_ui(ui, results, today > plan.event.ends);
                        ui.add_space(body);
                        owes::owes_ui(ui, plan, results, debtors, expanded, commands);
                    });
                });
            } else {
                ui.set_max_width(width);
                scorecard::objectives_ui(ui, plan, results, today);
                ui.add_space(body);
                handoffs::handoffs_ui(ui, plan, results, commands);
                ui.add_space(body);
                scorecard::outcomes_ui(ui, results, today > plan.event.ends);
                ui.add_space(body);
                owes::owes_ui(ui, plan, results, debtors, expanded, commands);
            }
        });
}

/// A column of the board, `width` wide.
fn column_ui(ui: &mut Ui, width: f32, add_contents: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            add_contents(ui);
        },
    );
}

/// "Results", the day they are measured on, and the objectives' verdicts in one line.
fn header_ui(ui: &mut Ui, plan: &Plan, results: &Results, today: Date) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Results");
        let body = ui.text_style_height(&TextStyle::Body);
        ui.add_space(body);
        let year = plan.year();
        let when = if today > plan.event.ends {
            format!("As of {}, after the show", human::date(today, year))
        } else {
            format!("As of {}, before the show ended", human::date(today, year))
        };
        ui.label(RichText::new(when).color(ui.visuals().weak_text_color()));
        let verdicts = scorecard::verdict_counts(plan, results, today);
        if !verdicts.is_empty() {
            ui.add_space(body);
            ui.label(RichText::new(verdicts).strong());
        }
    });
    ui.add_space(ui.text_style_height(&TextStyle::Body) * 0.3);
}

/// What the board will show once the plan has outcomes, and how to give it some.
fn nothing_yet_ui(ui: &mut Ui, plan: &Plan, today: Date, commands: &mut Vec<Command>) {
    let body = ui.text_style_height(&TextStyle::Body);
    ui.heading("Results");
    ui.add_space(body * 0.5);
    let year = plan.year();
    let show = format!(
        "{} – {}",
        human::date(plan.event.starts, year),
        human::date(plan.event.ends, year)
    );
    let first = if today <= plan.event.ends {
        format!("The show is on {show}: nothing has happened yet that this board can measure.")
    } else {
        format!(
            "The show was on {show}, but the plan does not say yet what happened there, so there is nothing to measure."
        )
    };
    ui.label(RichText::new(first).strong());
    ui.add_space(body * 0.5);
    ui.label(
        "After the show, this board sets what both teams agreed against what happened: each \
         objective's target against its actual, each handoff's SLA against how fast the leads \
         really moved, who owes a follow-up on late and stuck leads, the accounts met in each \
         tier, and how the meetings went.",
    );
    ui.add_space(body);
    ui.strong("To fill it:");
    let steps: [(&str, Section); 3] = [
        (
            "Mark the meetings that took place as held, and those the account missed as no-show.",
            Section::Meetings,
        ),
        (
            "Bring in the leads: import your CRM's export of them (in the File menu), or add them in Leads.",
            Section::Leads,
        ),
        (
            "Give each objective a measure the plan can count, or type in the actual it reached.",
            Section::Objectives,
        ),
    ];
    for (i, (text, section)) in steps.into_iter().enumerate() {
        ui.add_space(body * 0.3);
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{}.", i + 1));
            ui.label(text);
            if ui.button(format!("Go to {}", section.title())).clicked() {
                commands.push(Command::GoTo(section));
            }
        });
    }
}
