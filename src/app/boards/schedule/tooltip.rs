//! A meeting's details: the tooltip beside its block, and the description screen readers read
//! out.

use crate::app::Gaps;
use crate::app::boards::schedule::columns::Item;
use crate::app::boards::schedule::time::{day_label, time_range};
use crate::app::widgets::{palette, severity_color};
use crate::check::Severity;
use crate::model::Section;
use egui::{TextStyle, Ui};

/// How a line of a meeting's details reads.
#[derive(Debug, Clone, Copy)]
pub(super) enum Tone {
    Plain,
    Weak,
    Warning,
    Finding(Severity),
}

/// A meeting's details under its account name: when, who, where, status, goal and its gaps.
/// The tooltip shows them, screen readers read them out.
pub(super) fn details(item: &Item, gaps: &Gaps) -> Vec<(Tone, String)> {
    let mut lines = vec![(
        Tone::Plain,
        format!(
            "{} {} ({} min)",
            day_label(item.start.date()),
            time_range(item.start, item.minutes),
            item.minutes
        ),
    )];
    lines.push(if item.people.is_empty() {
        (Tone::Warning, "Nobody from our side".to_owned())
    } else {
        (Tone::Plain, format!("People: {}", item.people.join(", ")))
    });
    lines.push(if item.room.is_empty() {
        (Tone::Weak, "No room".to_owned())
    } else {
        (Tone::Plain, format!("Room: {}", item.room))
    });
    lines.push((Tone::Plain, format!("Status: {}", item.status.label())));
    if let Some(goal) = &item.goal {
        lines.push((Tone::Plain, format!("Goal: {goal}")));
    }
    for f in gaps.on_item(Section::Meetings, item.index) {
        lines.push((Tone::Finding(f.severity), format!("⚠ {}", f.message)));
    }
    lines
}

/// The tooltip of a meeting's block.
pub(super) fn tooltip_ui(ui: &mut Ui, item: &Item, gaps: &Gaps) {
    ui.set_max_width(ui.text_style_height(&TextStyle::Body) * 26.0);
    ui.strong(&item.account);
    for (tone, line) in details(item, gaps) {
        match tone {
            Tone::Plain => ui.label(line),
            Tone::Weak => ui.weak(line),
            Tone::Warning => ui.colored_label(palette::warning(), line),
            Tone::Finding(s) => ui.colored_label(severity_color(s), line),
        };
    }
    ui.weak("Click to open · drag to move · drag the bottom edge to change the length");
}
