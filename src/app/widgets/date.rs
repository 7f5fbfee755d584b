//! Dates and times: shown as people say them ("Tue 16 Mar, 09:30"), typed the same way (or as
//! ISO), or picked on a calendar. The field keeps what is typed while it has the keyboard, says
//! what is wrong while it does not parse, and the plan gets the value on Enter, Tab or leaving
//! the field, never mid-typing. Fields are as wide as the longest value they show in the current
//! type, so nothing is cut at any zoom.

use crate::app::widgets::calendar;
use crate::app::widgets::form::{Edits, set_if_changed};
use crate::app::widgets::palette;
use crate::model::{Date, DateTime, human};
use egui::{Response, Ui};

fn plan_days_id() -> egui::Id {
    egui::Id::unique("preshow-plan-days")
}

/// Tells the date fields and labels of this frame the show's first and last days: their year is
/// left unsaid, and calendars mark them.
pub fn set_plan_days(ctx: &egui::Context, first: Date, last: Date) {
    ctx.data_mut(|d| d.insert_temp(plan_days_id(), (first, last)));
}

/// The show's first and last days, as set for this frame (today before any plan is drawn).
pub fn plan_days(ctx: &egui::Context) -> (Date, Date) {
    ctx.data(|d| d.get_temp(plan_days_id()))
        .unwrap_or_else(|| (Date::today(), Date::today()))
}

/// The plan's year: the year the show starts.
pub fn plan_year(ctx: &egui::Context) -> i32 {
    chrono::Datelike::year(&plan_days(ctx).0.0)
}

/// A date as people read it, in the plan's year: "Tue 16 Mar".
pub fn human_date(ctx: &egui::Context, d: Date) -> String {
    human::date(d, plan_year(ctx))
}

/// A date and time as people read it, in the plan's year: "Tue 16 Mar, 09:30".
pub fn human_date_time(ctx: &egui::Context, t: DateTime) -> String {
    human::date_time(t, plan_year(ctx))
}

/// The width of a field that shows `sample` (the longest value it shows) in the body type.
pub fn text_width(ui: &Ui, sample: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(sample.to_owned(), font, egui::Color32::PLACEHOLDER);
    galley.size().x + 2.0 * ui.spacing().button_padding.x + 4.0
}

/// A value typed as text, with a calendar beside it.
trait Typed: Sized + PartialEq + Clone {
    /// The longest text the field shows, for its width.
    const SAMPLE: &'static str;
    /// The text the field shows for the value.
    fn show(&self, year: i32) -> String;
    /// The value a (trimmed) text gives, or what is wrong with it.
    fn read(text: &str, year: i32) -> Result<Self, String>;
    /// The day the calendar opens on and marks.
    fn day(&self) -> Option<Date>;
    /// The value with its day replaced by `day` (the time, if any, kept).
    fn with_day(&self, day: Date) -> Self;
    /// The time of day, for values that have one.
    fn time(&self) -> Option<DateTime> {
        None
    }
    /// The value at `minute` past midnight (values without a time stay as they are).
    fn with_minute(&self, _minute: u32) -> Self {
        self.clone()
    }
}

impl Typed for Date {
    const SAMPLE: &'static str = "Wed 30 Sep 2026";
    fn show(&self, year: i32) -> String {
        human::date(*self, year)
    }
    fn read(text: &str, year: i32) -> Result<Self, String> {
        human::read_date(text, year)
    }
    fn day(&self) -> Option<Date> {
        Some(*self)
    }
    fn with_day(&self, day: Date) -> Self {
        day
    }
}

/// An optional date: empty means none.
impl Typed for Option<Date> {
    const SAMPLE: &'static str = "Wed 30 Sep 2026";
    fn show(&self, year: i32) -> String {
        self.map(|d| human::date(d, year)).unwrap_or_default()
    }
    fn read(text: &str, year: i32) -> Result<Self, String> {
        if text.is_empty() {
            Ok(None)
        } else {
            human::read_date(text, year).map(Some)
        }
    }
    fn day(&self) -> Option<Date> {
        *self
    }
    fn with_day(&self, day: Date) -> Self {
        Some(day)
    }
}

impl Typed for DateTime {
    const SAMPLE: &'static str = "Wed 30 Sep 2026, 09:30";
    fn show(&self, year: i32) -> String {
        human::date_time(*self, year)
    }
    fn read(text: &str, year: i32) -> Result<Self, String> {
        human::read_date_time(text, year)
    }
    fn day(&self) -> Option<Date> {
        Some(self.date())
    }
    fn with_day(&self, day: Date) -> Self {
        day.at(0, 0).plus_minutes(i64::from(self.minute_of_day()))
    }
    fn time(&self) -> Option<DateTime> {
        Some(*self)
    }
    fn with_minute(&self, minute: u32) -> Self {
        self.date().at(0, 0).plus_minutes(i64::from(minute))
    }
}

/// A date, typed ("Tue 16 Mar", "16/3", ISO) or picked on a calendar.
pub fn date_ui(ui: &mut Ui, label: egui::Id, value: &mut Date, edits: &mut Edits) -> Response {
    typed_ui(ui, label, value, edits)
}

/// An optional date: empty means none.
pub fn opt_date_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<Date>,
    edits: &mut Edits,
) -> Response {
    typed_ui(ui, label, value, edits)
}

/// A local date and time, typed ("Tue 16 Mar, 09:30", "16 Mar 2:30 pm", ISO) or picked on a
/// calendar with a time list.
pub fn date_time_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut DateTime,
    edits: &mut Edits,
) -> Response {
    typed_ui(ui, label, value, edits)
}

/// A value typed as text, validated as typed: what is wrong is shown beside the field while it
/// has the keyboard, and the value is stored when the field is left with valid text.
fn typed_ui<T: Typed>(ui: &mut Ui, label: egui::Id, value: &mut T, edits: &mut Edits) -> Response {
    let year = plan_year(ui.ctx());
    let width = text_width(ui, T::SAMPLE);
    let inner = ui.horizontal(|ui| {
        let (r, parsed, error) =
            buffered_ui(ui, label, value.show(year), width, |s| T::read(s, year));
        if let Some(v) = parsed {
            set_if_changed(value, v, edits);
        }
        let picked = calendar::calendar_button_ui(
            ui,
            label,
            value.day().unwrap_or_else(Date::today),
            value.time().map(DateTime::minute_of_day),
        );
        let new = match picked {
            Some(calendar::Pick::Day(day)) => Some(value.with_day(day)),
            Some(calendar::Pick::Minute(minute)) => Some(value.with_minute(minute)),
            None => None,
        };
        if let Some(new) = new {
            set_if_changed(value, new, edits);
        }
        if let Some(e) = error {
            ui.colored_label(palette::error(), e);
        }
        r
    });
    inner.inner
}

/// A text field with a buffer that only reaches the plan when left with valid text. Returns the
/// field, the parsed value when it is left (Enter, Tab, a click elsewhere), and what is wrong
/// with the text while it has the keyboard.
fn buffered_ui<T>(
    ui: &mut Ui,
    label: egui::Id,
    current: String,
    width: f32,
    parse: impl Fn(&str) -> Result<T, String>,
) -> (Response, Option<T>, Option<String>) {
    let id = ui.make_persistent_id(("buffer", label));
    let mut text: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.clone());
    let r = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(width))
        .labelled_by(label);
    let parsed = parse(text.trim());
    let error = parsed.as_ref().err().cloned();
    if r.has_focus() {
        if text.trim() != current {
            crate::app::widgets::form::note_pending(ui.ctx());
        }
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        // Not being edited: show what the plan holds (an invalid entry is dropped on leaving).
        ui.data_mut(|d| d.remove::<String>(id));
    }
    let value = if r.lost_focus() && text != current {
        parsed.ok()
    } else {
        None
    };
    let error = if r.has_focus() { error } else { None };
    (r, value, error)
}
