//! The sections of the plan, one file each. Every list section shares the table-and-editor
//! shape of `list/`; the event and scoring are single forms.

mod accounts;
mod event;
mod handoffs;
mod leads;
pub mod list;
mod meetings;
mod messages;
mod objectives;
mod people;
mod scoring;
mod stages;
mod tasks;
mod terms;

use crate::app::checker::Gaps;
use crate::app::commands::Command;
use crate::app::derived::Derived;
use crate::app::sections::list::{ListSection, ListState, section_ui as list_ui};
use crate::app::widgets::Edits;
use crate::model::{Date, Plan, Section};

/// The sections in navigation order.
pub const SECTIONS: [Section; 12] = [
    Section::Event,
    Section::People,
    Section::Objectives,
    Section::Terms,
    Section::Scoring,
    Section::Accounts,
    Section::Meetings,
    Section::Messages,
    Section::Stages,
    Section::Handoffs,
    Section::Leads,
    Section::Tasks,
];

/// The view that shows a section's findings (plan-wide ones show with the event).
pub fn view_of(section: Section) -> Section {
    match section {
        Section::Plan => Section::Event,
        s => s,
    }
}

/// Open gaps shown in a view.
pub fn gap_count(gaps: &Gaps, view: Section) -> usize {
    match view {
        Section::Event => gaps.count(Section::Event) + gaps.count(Section::Plan),
        s => gaps.count(s),
    }
}

/// The most severe open gap shown in a view.
pub fn worst_gap(gaps: &Gaps, view: Section) -> Option<crate::check::Severity> {
    let plan_wide = (view == Section::Event).then_some(Section::Plan);
    std::iter::once(view)
        .chain(plan_wide)
        .filter_map(|s| gaps.worst(s))
        .min()
}

/// Runs `$body` with `$S` bound to the list section type of `$section`.
macro_rules! with_list {
    ($section:expr, $S:ident => $body:expr, else $other:expr) => {
        match $section {
            Section::People => {
                type $S = people::People;
                $body
            }
            Section::Objectives => {
                type $S = objectives::Objectives;
                $body
            }
            Section::Terms => {
                type $S = terms::Terms;
                $body
            }
            Section::Accounts => {
                type $S = accounts::Accounts;
                $body
            }
            Section::Meetings => {
                type $S = meetings::Meetings;
                $body
            }
            Section::Messages => {
                type $S = messages::Messages;
                $body
            }
            Section::Stages => {
                type $S = stages::Stages;
                $body
            }
            Section::Handoffs => {
                type $S = handoffs::Handoffs;
                $body
            }
            Section::Tasks => {
                type $S = tasks::Tasks;
                $body
            }
            Section::Leads => {
                type $S = leads::Leads;
                $body
            }
            Section::Plan | Section::Event | Section::Scoring => $other,
        }
    };
}

/// Draws the view of `section`.
#[allow(clippy::too_many_arguments)]
pub fn section_ui(
    ui: &mut egui::Ui,
    section: Section,
    plan: &mut Plan,
    state: &mut ListState,
    gaps: &Gaps,
    derived: &Derived,
    today: Date,
    commands: &mut Vec<Command>,
) -> Edits {
    with_list!(section, S => list_ui::<S>(ui, plan, state, gaps, derived, today, commands), else match section {
        Section::Scoring => scoring::scoring_ui(ui, plan, state, gaps, derived.trail.history(), commands),
        _ => event::event_ui(ui, plan, state, gaps),
    })
}

/// Adds a new item to a list section; returns its index.
pub fn add_item(section: Section, plan: &mut Plan, today: Date) -> Option<usize> {
    fn add<S: ListSection>(plan: &mut Plan, today: Date) -> usize {
        let item = S::new_item(plan, today);
        let items = S::items_mut(plan);
        items.push(item);
        items.len() - 1
    }
    with_list!(section, S => Some(add::<S>(plan, today)), else None)
}
