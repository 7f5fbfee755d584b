//! The rows above the grid: the day picker and the view choices, the legend with the day's
//! counts, and what an empty day says instead of a grid.

use crate::app::boards::schedule::day::Tally;
use crate::app::boards::schedule::overview::Overview;
use crate::app::boards::schedule::paint::{hatch, look};
use crate::app::boards::schedule::state::ScheduleState;
use crate::app::boards::schedule::time::{day_label, plural};
use crate::app::widgets::{legend_item_ui, palette};
use crate::model::{Date, MeetingStatus};
use egui::{CornerRadius, RichText, Stroke, StrokeKind, TextStyle, Ui};

/// The days to pick from (red with a clash, or when not a day of the show), by person or by
/// room, and whether declined and cancelled meetings show.
pub(super) fn controls_ui(ui: &mut Ui, state: &mut ScheduleState, overview: &Overview) {
    let Overview {
        by_day,
        clashes_by_day: clashes,
        days,
        outside,
        ..
    } = overview;
    ui.horizontal_wrapped(|ui| {
        for d in days {
            let count = by_day.get(d).map_or(0, Vec::len);
            let clash = clashes.get(d).copied().unwrap_or(0);
            let mut text = RichText::new(day_label(*d));
            if clash > 0 || outside.contains(d) {
                text = text.color(palette::error());
            }
            let mut tip = plural(count, "meeting", "meetings");
            if clash > 0 {
                tip.push_str(&format!(", {}", plural(clash, "clash", "clashes")));
            }
            if outside.contains(d) {
                tip.push_str(": this day is not a day of the show");
            }
            let selected = state.day == Some(*d);
            if ui
                .selectable_label(selected, text)
                .on_hover_text(tip)
                .clicked()
            {
                state.day = Some(*d);
            }
        }
        ui.separator();
        ui.selectable_value(&mut state.by_room, false, "By person");
        ui.selectable_value(&mut state.by_room, true, "By room");
        ui.separator();
        ui.checkbox(&mut state.show_inactive, "Show declined and cancelled");
        let inactive = state
            .day
            .and_then(|d| overview.inactive_by_day.get(&d))
            .copied()
            .unwrap_or(0);
        if inactive > 0 && !state.show_inactive {
            ui.weak(format!("({inactive} hidden)"));
        }
    });
}

/// The day's counts (meetings, clashes, who is over capacity), then what the looks mean.
pub(super) fn legend_ui(ui: &mut Ui, tally: &Tally, shown: usize, over: &[String]) {
    ui.horizontal_wrapped(|ui| {
        // As the gap checks count them: one per meeting that runs into an earlier one.
        let Tally {
            clashes, active, ..
        } = *tally;
        let mut summary = plural(active, "meeting", "meetings");
        if active != shown {
            summary.push_str(&format!(" (+{} declined or cancelled)", shown - active));
        }
        ui.label(RichText::new(summary).strong());
        ui.label("·");
        let text = RichText::new(plural(clashes, "clash", "clashes")).strong();
        if clashes > 0 {
            ui.colored_label(palette::error(), text);
        } else {
            ui.colored_label(palette::ok(), text);
        }
        if !over.is_empty() {
            ui.label("·");
            ui.colored_label(
                palette::error(),
                RichText::new(format!("over capacity: {}", over.join(", "))).strong(),
            );
        }
        ui.separator();
        swatches_ui(ui);
    });
}

/// A swatch of each status's look and of the clash outline, each with its name: one piece
/// each, so the line wraps between entries, never inside one.
fn swatches_ui(ui: &mut Ui) {
    let statuses = [
        (MeetingStatus::Confirmed, "Confirmed"),
        (MeetingStatus::Requested, "Requested"),
        (MeetingStatus::Proposed, "Proposed"),
        (MeetingStatus::Declined, "Declined or cancelled"),
    ];
    for (status, name) in statuses {
        let l = look(status, ui.visuals());
        legend_item_ui(ui, 1.6, name, |p, rect| {
            p.rect(
                rect,
                CornerRadius::same(3),
                l.fill,
                l.stroke,
                StrokeKind::Inside,
            );
            if l.struck {
                hatch(p, rect, l.stroke.color);
            }
        });
        ui.add_space(ui.text_style_height(&TextStyle::Body) * 0.3);
    }
    let panel = ui.visuals().panel_fill;
    legend_item_ui(ui, 1.6, "Clash", |p, rect| {
        p.rect(
            rect,
            CornerRadius::same(3),
            panel,
            Stroke::new(3.0, palette::error()),
            StrokeKind::Inside,
        );
    })
    .on_hover_text("A person or a room booked twice at once");
}

/// What a day with no meetings to draw says: none, or how many are hidden and how to show them.
pub(super) fn empty_ui(ui: &mut Ui, day: Date, hidden: usize) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading(format!("No meetings on {}", day_label(day)));
        if hidden > 0 {
            ui.label(format!(
                "{} declined or cancelled: tick \"Show declined and cancelled\" to see {}.",
                plural(hidden, "meeting is", "meetings are"),
                if hidden == 1 { "it" } else { "them" }
            ));
        } else {
            ui.weak("Add meetings in the Meetings section, or pick another day.");
        }
    });
}
