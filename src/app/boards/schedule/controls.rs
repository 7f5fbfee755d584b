//! The rows above the grid: the day picker and the view choices, the legend with the day's
//! counts, and what an empty day says instead of a grid.

use crate::app::boards::context::BoardCx;
use crate::app::boards::schedule::day::Tally;
use crate::app::boards::schedule::overview::Overview;
use crate::app::boards::schedule::paint::{hatch, look};
use crate::app::boards::schedule::state::ScheduleState;
use crate::app::boards::schedule::time::{day_label, plural};
use crate::app::commands::Command;
use crate::app::widgets::{legend_item_ui, palette};
use crate::model::{Date, MeetingStatus, human};
use egui::{CornerRadius, RichText, Stroke, StrokeKind, TextStyle, Ui};

/// The days to pick from (red with a clash, or when not a day of the show), by person or by
/// room, and whether declined and cancelled meetings show.
pub(super) fn controls_ui(
    ui: &mut Ui,
    state: &mut ScheduleState,
    overview: &Overview,
    cx: &mut BoardCx<'_>,
) {
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
            let r = ui.selectable_label(selected, text).on_hover_text(tip);
            if r.clicked() {
                state.day = Some(*d);
            }
            r.context_menu(|ui| {
                let confirmed = confirmed_on(cx, overview, *d);
                let cmd = Command::MarkHeld(Some(*d));
                let ready = held_ready(cx, *d);
                let r = ui.add_enabled(
                    confirmed > 0 && ready.is_ok(),
                    egui::Button::new(cmd.label()),
                );
                if let Err(why) = &ready {
                    r.on_disabled_hover_text(why.as_str());
                } else if r.clicked() {
                    cx.commands.push(cmd);
                    ui.close();
                }
            });
        }
        if let Some(day) = state.day {
            mark_held_ui(ui, cx, overview, day);
        }
        ui.separator();
        ui.selectable_value(&mut state.by_room, false, "By person");
        ui.selectable_value(&mut state.by_room, true, "By room");
        ui.separator();
        ui.checkbox(
            &mut state.show_inactive,
            "Show declined, cancelled and no-shows",
        );
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
            summary.push_str(&format!(
                " (+{} declined, cancelled or no-show)",
                shown - active
            ));
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
    // Short names, so the legend stays one line on the presentation canvas; the hover says more.
    let statuses = [
        (MeetingStatus::Held, "✔ Held", "Took place"),
        (
            MeetingStatus::Confirmed,
            "Confirmed",
            "The account said yes",
        ),
        (
            MeetingStatus::Requested,
            "Requested",
            "Asked for, no answer yet",
        ),
        (
            MeetingStatus::Proposed,
            "Proposed",
            "Planned, not asked for yet",
        ),
        (
            MeetingStatus::Declined,
            "Not held",
            "Declined, cancelled or no-show: takes no time",
        ),
    ];
    for (status, name, tip) in statuses {
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
        })
        .on_hover_text(tip);
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
                "{} declined, cancelled or no-show: tick \"Show declined, cancelled and \
                 no-shows\" to see {}.",
                plural(hidden, "meeting is", "meetings are"),
                if hidden == 1 { "it" } else { "them" }
            ));
        } else {
            ui.weak("Add meetings in the Meetings section, or pick another day.");
        }
    });
}

/// How many meetings of `day` are confirmed (and so could be marked held).
fn confirmed_on(cx: &BoardCx<'_>, overview: &Overview, day: Date) -> usize {
    overview.by_day.get(&day).map_or(0, |list| {
        list.iter()
            .filter_map(|&i| cx.plan.meetings.get(i))
            .filter(|m| m.status == MeetingStatus::Confirmed)
            .count()
    })
}

/// Whether `day`'s meetings can be marked held now, or why not: only from the first show day
/// on, and only once the day has come (see `Workbench::mark_held`).
fn held_ready(cx: &BoardCx<'_>, day: Date) -> Result<(), String> {
    let year = cx.plan.year();
    if cx.today < cx.plan.event.starts {
        Err(format!(
            "Nothing has been held yet: the show starts {}",
            human::date(cx.plan.event.starts, year)
        ))
    } else if day > cx.today {
        Err(format!("{} has not come yet", human::date(day, year)))
    } else {
        Ok(())
    }
}

/// "Mark held" for the day on screen: every confirmed meeting of it held, in one undo step.
/// Shown once the day has come and it has confirmed meetings; before the show it would only
/// invite a mistake.
fn mark_held_ui(ui: &mut Ui, cx: &mut BoardCx<'_>, overview: &Overview, day: Date) {
    let confirmed = confirmed_on(cx, overview, day);
    if confirmed == 0 || held_ready(cx, day).is_err() {
        return;
    }
    ui.separator();
    if ui
        .button("✔ Mark held")
        .on_hover_text(format!(
            "Mark the {} of {} held (Ctrl+Z undoes)",
            plural(confirmed, "confirmed meeting", "confirmed meetings"),
            human::date(day, cx.plan.year())
        ))
        .clicked()
    {
        cx.commands.push(Command::MarkHeld(Some(day)));
    }
}
