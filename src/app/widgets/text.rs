//! Text fields: required and optional text, ids (renamed only when valid and unique) and free
//! text with suggestions.

use crate::app::widgets::form::{Edits, set_if_changed};
use crate::app::widgets::palette;
use egui::{Response, Ui};

fn focus_request_id() -> egui::Id {
    egui::Id::unique("preshow-focus-first-text")
}

/// Asks the first required text field drawn next (a new item's name) to take the keyboard with
/// its text selected, so typing replaces the placeholder.
pub fn request_focus_first_text(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), true));
}

/// Gives the keyboard to the text field `id` (drawn next) with all its `text` selected, so typing
/// replaces it and the arrow keys keep it.
pub fn focus_selecting_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    ctx.memory_mut(|m| m.request_focus(id));
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let all = egui::text::CCursorRange::two(
        egui::text::CCursor::new(0),
        egui::text::CCursor::new(text.chars().count()),
    );
    state.cursor.set_char_range(Some(all));
    state.store(ctx, id);
}

/// A required single-line text.
pub fn text_ui(ui: &mut Ui, label: egui::Id, value: &mut String, edits: &mut Edits) -> Response {
    let id = ui.make_persistent_id("text");
    let focus_now = ui
        .data_mut(|d| d.remove_temp::<bool>(focus_request_id()))
        .unwrap_or(false);
    if focus_now {
        focus_selecting_all(ui.ctx(), id, value);
    }
    let before = value.clone();
    let r = ui
        .add(
            egui::TextEdit::singleline(value)
                .id(id)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
    edits.changed |= r.changed() && *value != before;
    r
}

/// An optional single-line text: empty means absent.
pub fn opt_text_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    hint: &str,
    edits: &mut Edits,
) -> Response {
    let mut s = value.clone().unwrap_or_default();
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut s)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
    if r.changed() {
        set_if_changed(value, (!s.trim().is_empty()).then_some(s), edits);
    }
    r
}

/// An optional multi-line text: empty means absent.
pub fn opt_multiline_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    hint: &str,
    edits: &mut Edits,
) -> Response {
    let mut s = value.clone().unwrap_or_default();
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut s)
                .hint_text(hint)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label);
    if r.changed() {
        set_if_changed(value, (!s.trim().is_empty()).then_some(s), edits);
    }
    r
}

/// An item id: applied on Enter or when the field is left, only if valid and unique.
/// Returns the new id to rename to.
pub fn id_ui(
    ui: &mut Ui,
    label: egui::Id,
    current: &str,
    taken: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let id = ui.make_persistent_id(("id-buffer", label));
    let mut text: String = ui
        .data_mut(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| current.to_owned());
    let r = ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(200.0))
        .labelled_by(label);
    let problem = if text == current {
        None
    } else if !crate::model::is_valid_id(&text) {
        Some("use lowercase letters, digits and -".to_owned())
    } else if taken(&text) {
        Some(format!("\"{text}\" is already another item's id"))
    } else {
        None
    };
    if r.has_focus() {
        if text != current {
            crate::app::widgets::form::note_pending(ui.ctx());
        }
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
        if let Some(p) = &problem {
            ui.colored_label(palette::error(), p);
        } else if text != current {
            ui.weak("Enter renames everywhere");
        }
        None
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
        (r.lost_focus() && problem.is_none() && text != current).then_some(text)
    }
}

/// Free text from a list of known values (segments), or a new one.
pub fn suggest_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    known: &[String],
    edits: &mut Edits,
) {
    let mut s = value.clone().unwrap_or_default();
    let width = (ui.available_width() - 44.0).max(120.0);
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut s)
                .hint_text("none")
                .desired_width(width),
        )
        .labelled_by(label);
    if r.changed() {
        set_if_changed(value, (!s.trim().is_empty()).then_some(s), edits);
    }
    if !known.is_empty() {
        ui.menu_button("⏷", |ui| {
            for k in known {
                if ui.button(k).clicked() {
                    *value = Some(k.clone());
                    edits.changed = true;
                    ui.close();
                }
            }
        });
    }
}
