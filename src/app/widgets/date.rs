//! Dates and times typed as text: the field keeps what is typed while it has the keyboard, says
//! what is wrong while it does not parse, and the plan gets the value once it does.

use crate::app::widgets::form::{Edits, set_if_changed};
use crate::app::widgets::palette;
use crate::model::{Date, DateTime};
use egui::{Response, Ui};

/// A value typed as text in a field of its own width.
trait Typed: Sized + PartialEq {
    /// The width of the field.
    const WIDTH: f32;
    /// The text the field shows for the value.
    fn show(&self) -> String;
    /// The value a (trimmed) text gives, or what is wrong with it.
    fn read(text: &str) -> Result<Self, String>;
}

impl Typed for Date {
    const WIDTH: f32 = 110.0;
    fn show(&self) -> String {
        self.to_string()
    }
    fn read(text: &str) -> Result<Self, String> {
        text.parse::<Date>().map_err(|e| e.to_string())
    }
}

/// An optional date: empty means none.
impl Typed for Option<Date> {
    const WIDTH: f32 = 110.0;
    fn show(&self) -> String {
        self.map(|d| d.to_string()).unwrap_or_default()
    }
    fn read(text: &str) -> Result<Self, String> {
        if text.is_empty() {
            Ok(None)
        } else {
            Date::read(text).map(Some)
        }
    }
}

impl Typed for DateTime {
    const WIDTH: f32 = 150.0;
    fn show(&self) -> String {
        self.to_string()
    }
    fn read(text: &str) -> Result<Self, String> {
        text.parse::<DateTime>().map_err(|e| e.to_string())
    }
}

/// A date typed as `YYYY-MM-DD`, validated as typed.
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

/// A local time typed as `YYYY-MM-DDTHH:MM`, validated as typed.
pub fn date_time_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut DateTime,
    edits: &mut Edits,
) -> Response {
    typed_ui(ui, label, value, edits)
}

/// A value typed as text, validated as typed: what is wrong is shown beside the field while it
/// has the keyboard, and the value is stored once it parses.
fn typed_ui<T: Typed>(ui: &mut Ui, label: egui::Id, value: &mut T, edits: &mut Edits) -> Response {
    let (r, parsed, error) = buffered_ui(ui, label, value.show(), T::WIDTH, T::read);
    if let Some(v) = parsed {
        set_if_changed(value, v, edits);
    }
    if let Some(e) = error {
        ui.colored_label(palette::error(), e);
    }
    r
}

/// A text field with a buffer that only reaches the plan when valid. Returns the text while
/// it is being typed and the parsed value once it parses.
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
    let value = if r.changed() { parsed.ok() } else { None };
    let error = if r.has_focus() { error } else { None };
    (r, value, error)
}
