//! Widgets the views share, one file per kind: [`form`] rows and [`Edits`], [`text`] fields,
//! [`date`] and [`number`](mod@number) fields with their [`calendar`], [`pickers`] (with the [`choices`] they offer), [`signoffs`] with their [`provenance`] badges, painted items
//! behind one sensor ([`strip`]), work saved between frames ([`lazy`]) and the [`palette`] of
//! colours with meaning. Everything is re-exported here: `crate::app::widgets::X`.

pub mod calendar;
pub mod choices;
pub mod date;
pub mod form;
pub mod lazy;
pub mod legend;
pub mod number;
pub mod palette;
pub mod pickers;
pub mod provenance;
pub mod signoffs;
pub mod strip;
pub mod text;

pub use choices::{Choice, Choices, PersonChoice};
pub use date::{
    date_time_ui, date_ui, human_date, human_date_time, opt_date_ui, plan_year, set_plan_days,
    text_width,
};
pub use form::{
    Edits, any_pending, field_row, focus_highlight_pending, form_ui, note_pending,
    request_focus_highlight, request_scroll_to_highlight, warned_row, working_in,
};
pub use lazy::{lazy_ui, text_generation, text_still_good};
pub use legend::legend_item_ui;
pub use number::number;
pub use palette::severity_color;
pub use pickers::{
    choice_picker_ui, multi_picker_ui, opt_choice_picker_ui, people_picker_ui, person_picker_ui,
    suggested_text_ui,
};
pub use signoffs::{Stakes, signoffs_ui};
pub use strip::{Arrows, ItemInfo, Strip, arrow_step, focus_outline, pointer_sensor, strip_ui};
pub use text::{
    focus_selecting_all, id_ui, opt_multiline_ui, opt_text_ui, request_focus_first_text,
    suggest_ui, text_ui,
};
