//! The gaps panel: every open finding, live, grouped by severity and section; a click opens the
//! item and highlights the field to fix.

use crate::app::checker::Gaps;
use crate::app::commands::Command;
use crate::app::widgets::severity_color;
use crate::check::Severity;
use crate::model::{Plan, Section};
use egui::{RichText, Ui};

/// A short name of the item a finding is about.
fn item_name(plan: &Plan, section: Section, index: Option<usize>, id: Option<&str>) -> String {
    let Some(i) = index else {
        return section.title().to_owned();
    };
    let name = match section {
        Section::People => plan.people.get(i).map(|x| x.name.clone()),
        Section::Objectives => plan.objectives.get(i).map(|x| x.name.clone()),
        Section::Terms => plan.terms.get(i).map(|x| x.term.clone()),
        Section::Accounts => plan.accounts.get(i).map(|x| x.name.clone()),
        Section::Meetings => plan.meetings.get(i).map(|x| x.id.clone()),
        Section::Messages => plan.messages.get(i).map(|x| x.headline.clone()),
        Section::Stages => plan.stages.get(i).map(|x| x.name.clone()),
        Section::Handoffs => plan.handoffs.get(i).map(|x| x.id.clone()),
        Section::Tasks => plan.tasks.get(i).map(|x| x.title.clone()),
        Section::Leads => plan.leads.get(i).map(|x| x.name.clone()),
        _ => None,
    };
    name.or_else(|| id.map(str::to_owned)).unwrap_or_default()
}

/// One line of the panel's list.
#[derive(Clone, Copy)]
enum Row {
    /// A severity's heading: how many, and whether its findings are shown.
    Severity(Severity, usize, bool),
    /// A section's name above its findings.
    Section(Section),
    /// A finding, by its place in the findings.
    Finding(usize),
}

/// Lines a finding's message may take before it is cut (the whole message is in the tooltip).
const MESSAGE_LINES: f32 = 3.0;

/// Draws the panel. Only the rows in view are laid out, so thousands of findings cost what a
/// screenful does.
pub fn gaps_panel_ui(ui: &mut Ui, gaps: &Gaps, plan: &Plan, commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.heading("Gaps");
        let s = gaps.summary();
        if gaps.revision != 0 {
            ui.weak(format!("{} · F8 next", s.total()));
        }
    });
    ui.separator();
    // No check of this plan is in yet (it was just opened).
    if gaps.revision == 0 {
        ui.add_space(20.0);
        ui.vertical_centered(|ui| ui.weak("Checking the plan for gaps…"));
        return;
    }
    if gaps.findings.is_empty() {
        ui.add_space(20.0);
        ui.vertical_centered(|ui| {
            ui.label(
                RichText::new("✔ No open gaps")
                    .color(crate::app::widgets::palette::ok())
                    .size(18.0),
            )
        });
        return;
    }
    let open_id = ui.make_persistent_id("gaps-open");
    let mut open: [bool; 3] = ui
        .data_mut(|d| d.get_temp(open_id))
        .unwrap_or([true, true, false]);
    let rows = rows(gaps, &open);
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let small = ui.text_style_height(&egui::TextStyle::Small);
    let height = |row: &Row| match row {
        Row::Severity(..) => ui.spacing().interact_size.y.max(body) + 8.0,
        Row::Section(_) => small + 10.0,
        Row::Finding(_) => body * MESSAGE_LINES + 8.0,
    };
    // Where each row starts, and the total height.
    let mut tops = Vec::with_capacity(rows.len() + 1);
    let mut y = 0.0;
    for row in &rows {
        tops.push(y);
        y += height(row);
    }
    tops.push(y);
    let mut toggled = None;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            ui.set_height(y);
            let origin = ui.min_rect().min;
            let first = tops
                .partition_point(|&t| t <= viewport.min.y)
                .saturating_sub(1);
            for (i, row) in rows.iter().enumerate().skip(first) {
                let (Some(&top), Some(&bottom)) = (tops.get(i), tops.get(i + 1)) else {
                    break;
                };
                if top > viewport.max.y {
                    break;
                }
                let rect = egui::Rect::from_min_max(
                    origin + egui::vec2(0.0, top),
                    origin + egui::vec2(width, bottom),
                );
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect)
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                match *row {
                    Row::Severity(severity, count, is_open) => {
                        if severity_row_ui(&mut child, severity, count, is_open) {
                            toggled = Some(severity);
                        }
                    }
                    Row::Section(section) => {
                        child.add_space(6.0);
                        child.label(RichText::new(section.title()).small().strong());
                    }
                    Row::Finding(i) => {
                        if let Some(f) = gaps.findings.get(i)
                            && finding_row_ui(&mut child, plan, f)
                        {
                            commands.push(Command::Reveal(f.section, f.index, f.rule.rule().field));
                        }
                    }
                }
            }
        });
    if let Some(severity) = toggled
        && let Some(flag) = open.get_mut(severity_slot(severity))
    {
        *flag = !*flag;
        ui.data_mut(|d| d.insert_temp(open_id, open));
    }
}

fn severity_slot(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// The rows of the list: each severity's heading, then (when open) its findings under the name
/// of their section. Findings come sorted by severity, then section.
fn rows(gaps: &Gaps, open: &[bool; 3]) -> Vec<Row> {
    let mut rows = Vec::new();
    for severity in Severity::ALL {
        let start = rows.len();
        let is_open = open.get(severity_slot(severity)).copied().unwrap_or(true);
        let mut count = 0;
        let mut last_section = None;
        rows.push(Row::Severity(severity, 0, is_open));
        for (i, f) in gaps.findings.iter().enumerate() {
            if f.severity != severity {
                continue;
            }
            count += 1;
            if !is_open {
                continue;
            }
            if last_section != Some(f.section) {
                rows.push(Row::Section(f.section));
                last_section = Some(f.section);
            }
            rows.push(Row::Finding(i));
        }
        if count == 0 {
            rows.truncate(start);
        } else if let Some(heading) = rows.get_mut(start) {
            *heading = Row::Severity(severity, count, is_open);
        }
    }
    rows
}

/// A severity's heading; true when clicked (to fold or unfold it).
fn severity_row_ui(ui: &mut Ui, severity: Severity, count: usize, open: bool) -> bool {
    ui.add_space(2.0);
    let arrow = if open { "⏷" } else { "⏵" };
    let title = RichText::new(format!("{arrow} {} ({count})", heading(severity)))
        .color(severity_color(severity))
        .strong();
    ui.add(egui::Button::new(title).frame(false))
        .on_hover_text(if open { "Fold" } else { "Unfold" })
        .clicked()
}

/// A finding: its message on up to three lines; true when clicked (to open its item).
fn finding_row_ui(ui: &mut Ui, plan: &Plan, f: &crate::check::Finding) -> bool {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::single_section(
        f.message.clone(),
        egui::TextFormat::simple(font, ui.visuals().text_color()),
    );
    job.wrap = egui::text::TextWrapping {
        max_width: ui.available_width(),
        max_rows: MESSAGE_LINES as usize,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    let galley = ui.ctx().fonts_mut(|fonts| fonts.layout_job(job));
    let name = item_name(plan, f.section, f.index, f.id.as_deref());
    ui.add_space(2.0);
    // One tooltip with the whole message: ours, not also egui's own for cut text.
    ui.add(
        egui::Label::new(galley)
            .sense(egui::Sense::click())
            .show_tooltip_when_elided(false),
    )
    .on_hover_text(format!(
        "{}\n{name} · {} · click to open",
        f.message, f.rule
    ))
    .clicked()
}

fn heading(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Errors",
        Severity::Warning => "Warnings",
        Severity::Info => "Notes",
    }
}
