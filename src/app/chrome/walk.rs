//! The gap walk-through: one open gap at a time, shown large with what is missing and who can
//! close it, for a room fixing its plan together. Closing a gap on the spot moves the walk on.

use crate::app::checker::Gaps;
use crate::app::widgets::severity_color;
use crate::check::Finding;
use egui::{RichText, Ui};
use std::collections::BTreeSet;

/// Identifies a gap across re-checks: rule, section, item id and message.
type Key = (
    crate::check::RuleId,
    crate::model::Section,
    Option<String>,
    String,
);

fn key(f: &Finding) -> Key {
    (f.rule, f.section, f.id.clone(), f.message.clone())
}

/// A walk through the open gaps.
#[derive(Debug, Default)]
pub struct Walk {
    visited: BTreeSet<Key>,
    current: Option<Key>,
    /// Where the current gap stood in the list, to continue from there once it is closed.
    position: usize,
    /// Gaps closed during the walk.
    pub closed: usize,
    /// Every open gap has been shown.
    pub finished: bool,
}

/// What the walk wants shown.
pub struct Step {
    /// The finding now on screen.
    pub finding: Finding,
}

impl Walk {
    /// The finding on screen, if it is still open.
    pub fn current<'a>(&self, gaps: &'a Gaps) -> Option<&'a Finding> {
        let k = self.current.as_ref()?;
        gaps.findings.iter().find(|f| key(f) == *k)
    }

    /// How many gaps were shown so far.
    pub fn visited(&self) -> usize {
        self.visited.len()
    }

    /// Moves to the next gap not yet shown, after the current one in list order.
    pub fn next(&mut self, gaps: &Gaps) -> Option<Step> {
        let n = gaps.findings.len();
        let start = match self
            .current
            .as_ref()
            .and_then(|k| gaps.findings.iter().position(|f| key(f) == *k))
        {
            Some(p) => p + 1,
            None => self.position.min(n),
        };
        let found = (0..n).map(|i| (start + i) % n.max(1)).find(|&i| {
            gaps.findings
                .get(i)
                .is_some_and(|f| !self.visited.contains(&key(f)))
        });
        match found.and_then(|i| gaps.findings.get(i).map(|f| (i, f))) {
            Some((i, f)) => {
                self.position = i;
                self.visited.insert(key(f));
                self.current = Some(key(f));
                self.finished = false;
                Some(Step { finding: f.clone() })
            }
            None => {
                self.current = None;
                self.finished = true;
                None
            }
        }
    }

    /// Moves back to the gap shown before the current one, if still open.
    pub fn previous(&mut self, gaps: &Gaps) -> Option<Step> {
        let n = gaps.findings.len();
        if n == 0 {
            return None;
        }
        let here = self
            .current
            .as_ref()
            .and_then(|k| gaps.findings.iter().position(|f| key(f) == *k))
            .unwrap_or(self.position.min(n));
        let i = (here + n - 1) % n;
        let f = gaps.findings.get(i)?;
        self.position = i;
        self.visited.insert(key(f));
        self.current = Some(key(f));
        self.finished = false;
        Some(Step { finding: f.clone() })
    }

    /// After a re-check: when the gap on screen was closed, counts it and moves on.
    pub fn after_check(&mut self, gaps: &Gaps) -> Option<Step> {
        if self.current.is_some() && self.current(gaps).is_none() {
            self.closed += 1;
            self.current = None;
            return self.next(gaps);
        }
        None
    }
}

/// Splits a finding's message into what is missing and who can close it.
pub fn what_and_who(message: &str) -> (&str, Option<&str>) {
    match message.rsplit_once(": ") {
        Some((what, who)) => (what, Some(who)),
        None => (message, None),
    }
}

/// What the walk's card asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkAction {
    /// Show the next gap.
    Next,
    /// Show the previous gap.
    Previous,
    /// End the walk.
    Stop,
    /// Show the current gap's item again (the editor moved to another one).
    Back,
}

/// Whether the editor shows the item a finding is about: `shown` is the section on screen and
/// its selected item (`None` while a board is shown).
pub fn shows(f: &Finding, shown: Option<(crate::model::Section, Option<usize>)>) -> bool {
    let Some((section, selected)) = shown else {
        return false;
    };
    crate::app::sections::view_of(f.section) == section
        && (f.index.is_none() || f.index == selected)
}

/// Draws the walk's card; `shown` is what the editor shows (see [`shows`]).
pub fn walk_ui(
    ui: &mut Ui,
    walk: &Walk,
    gaps: &Gaps,
    shown: Option<(crate::model::Section, Option<usize>)>,
) -> Option<WalkAction> {
    let mut action = None;
    let total = gaps.findings.len();
    egui::Frame::group(ui.style()).inner_margin(12.0).show(ui, |ui| {
        egui::Sides::new().show(
            ui,
            |ui| {
                ui.label(RichText::new("Gap walk-through").strong());
                ui.weak(format!(
                    "{} shown · {} closed · {} open",
                    walk.visited(),
                    walk.closed,
                    total
                ));
            },
            |ui| {
                if ui.button("End walk").on_hover_text("Esc").clicked() {
                    action = Some(WalkAction::Stop);
                }
                if ui.button("Next gap ⏵").on_hover_text("F8 or Page Down").clicked() {
                    action = Some(WalkAction::Next);
                }
                if ui.button("⏴ Previous gap").on_hover_text("Shift+F8 or Page Up").clicked() {
                    action = Some(WalkAction::Previous);
                }
            },
        );
        ui.separator();
        match walk.current(gaps) {
            Some(f) => {
                let (what, who) = what_and_who(&f.message);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("⏺ {}", f.severity))
                            .color(severity_color(f.severity))
                            .strong(),
                    );
                    ui.weak(format!("{} · {}", f.section.title(), f.rule));
                });
                ui.label(RichText::new(what).heading());
                if let Some(who) = who {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new("Who can close it:").strong());
                        ui.label(who);
                    });
                }
                if shows(f, shown) {
                    ui.weak(
                        "Fix it below (Enter edits the marked field, Enter again keeps it): the gap \
                         disappears as soon as it is closed, and the walk moves on.",
                    );
                } else {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new("The editor now shows something else.")
                                .color(crate::app::widgets::palette::warning()),
                        );
                        if ui.button("Back to this gap").clicked() {
                            action = Some(WalkAction::Back);
                        }
                    });
                }
            }
            None if walk.finished => {
                ui.label(
                    RichText::new(format!(
                        "✔ Every open gap has been shown. {} closed on the way, {} still open.",
                        walk.closed, total
                    ))
                    .heading(),
                );
            }
            None if total == 0 => {
                ui.label(RichText::new("✔ No open gaps").heading());
            }
            None => {
                ui.label("Press Next gap to begin.");
            }
        }
    });
    action
}
