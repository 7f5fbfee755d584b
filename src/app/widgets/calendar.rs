//! The calendar beside a date field: a month of days (the show's days marked, today outlined)
//! and, for a date and time, a list of quarter hours. One click picks; the field beside it
//! stays the keyboard's way in.

use crate::app::widgets::date::{human_date, plan_days};
use crate::model::{Date, human};
use chrono::{Datelike, NaiveDate};
use egui::{RichText, Ui};

/// What was picked on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// A day.
    Day(Date),
    /// A time of day, in minutes after midnight.
    Minute(u32),
}

/// The first and last minute the time list offers (07:00 to 21:00), and its step.
const FIRST_MINUTE: u32 = 7 * 60;
const LAST_MINUTE: u32 = 21 * 60;
const STEP_MINUTES: u32 = 15;

/// A calendar button for the field labelled `label`; `minute` (minutes after midnight) adds the
/// time list. Returns what was picked this frame.
pub fn calendar_button_ui(
    ui: &mut Ui,
    label: egui::Id,
    day: Date,
    minute: Option<u32>,
) -> Option<Pick> {
    let button = ui.button("📅").on_hover_text(if minute.is_some() {
        "Pick the day and time on a calendar"
    } else {
        "Pick the day on a calendar"
    });
    let month_id = ui.make_persistent_id(("calendar-month", label));
    if button.clicked() {
        ui.data_mut(|d| d.insert_temp(month_id, first_of_month(day.0)));
    }
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let month = ui
                .data(|d| d.get_temp::<NaiveDate>(month_id))
                .unwrap_or_else(|| first_of_month(day.0));
            ui.horizontal_top(|ui| {
                let (shown, pick) = month_ui(ui, month, day);
                ui.data_mut(|d| d.insert_temp(month_id, shown));
                picked = pick.map(Pick::Day);
                if let Some(current) = minute {
                    ui.separator();
                    if let Some(m) = times_ui(ui, current, button.clicked()) {
                        picked = Some(Pick::Minute(m));
                    }
                }
            });
            if picked.is_some() {
                ui.close();
            }
        });
    picked
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// One month: a header with the previous and next months, then the days by week. Returns the
/// month to show next frame and the day clicked.
fn month_ui(ui: &mut Ui, month: NaiveDate, selected: Date) -> (NaiveDate, Option<Date>) {
    let mut shown = month;
    let mut picked = None;
    let (show_start, show_end) = plan_days(ui.ctx());
    let today = Date::today();
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            if ui.button("⏴").on_hover_text("Previous month").clicked() {
                shown = month
                    .checked_sub_months(chrono::Months::new(1))
                    .unwrap_or(month);
            }
            ui.label(
                RichText::new(format!(
                    "{} {}",
                    human::month_name(month.month()),
                    month.year()
                ))
                .strong(),
            );
            if ui.button("⏵").on_hover_text("Next month").clicked() {
                shown = month
                    .checked_add_months(chrono::Months::new(1))
                    .unwrap_or(month);
            }
        });
        let offset = month.weekday().num_days_from_monday();
        egui::Grid::new(("calendar-days", month))
            .spacing([2.0, 2.0])
            .show(ui, |ui| {
                for name in ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] {
                    ui.weak(name);
                }
                ui.end_row();
                for _ in 0..offset {
                    ui.label("");
                }
                let mut column = offset;
                let mut day = Some(month);
                while let Some(d) = day.filter(|d| d.month() == month.month()) {
                    let date = Date(d);
                    let in_show = (show_start..=show_end).contains(&date);
                    let mut text = RichText::new(format!("{:>2}", d.day())).monospace();
                    if in_show {
                        text = text.strong().color(crate::app::widgets::palette::info());
                    }
                    if date == today {
                        text = text.underline();
                    }
                    let r = ui
                        .selectable_label(date == selected, text)
                        .on_hover_text(human_date(ui.ctx(), date));
                    if r.clicked() {
                        picked = Some(date);
                    }
                    column += 1;
                    if column.is_multiple_of(7) {
                        ui.end_row();
                    }
                    day = d.succ_opt();
                }
            });
        ui.weak("Show days in colour; today underlined");
    });
    (shown, picked)
}

/// Quarter hours of the working day, the current one selected (and scrolled to as the list
/// opens).
fn times_ui(ui: &mut Ui, current: u32, opening: bool) -> Option<u32> {
    let mut picked = None;
    let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("calendar-times")
        .max_height(row * 9.0)
        .show(ui, |ui| {
            let mut m = FIRST_MINUTE;
            while m <= LAST_MINUTE {
                let near = current.abs_diff(m) < STEP_MINUTES && current >= m;
                let r = ui.selectable_label(near, format!("{:02}:{:02}", m / 60, m % 60));
                if near && opening {
                    r.scroll_to_me(Some(egui::Align::Center));
                }
                if r.clicked() {
                    picked = Some(m);
                }
                m += STEP_MINUTES;
            }
        });
    picked
}
