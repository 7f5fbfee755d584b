//! Forms: fields stacked under their labels, the field a gap points at highlighted and
//! scrolled to, and [`Edits`], which tells whether an editor changed the plan this frame.

use crate::app::widgets::palette;
use egui::{Response, RichText, Ui};

/// Tracks whether an editor changed the plan this frame.
#[derive(Debug, Default, Clone, Copy)]
pub struct Edits {
    /// Something changed.
    pub changed: bool,
    /// The list item a list's editor changed, when the changes were all in it (the edit then
    /// costs that item, not the plan: see [`crate::app::Document::edited_items`]).
    pub item: Option<(crate::model::Section, usize)>,
}

impl Edits {
    /// Notes a widget's change when the value it edits really differs from `before` (a drag
    /// value can report a change that leaves the number as it was). A number field being typed
    /// in applies its text only on Enter or on leaving it: until then it is noted as pending
    /// ([`note_pending`]).
    pub fn track_value<T: PartialEq>(&mut self, r: &Response, before: &T, after: &T) -> bool {
        typing_in_number(r);
        let changed = r.changed() && before != after;
        self.changed |= changed;
        changed
    }

    /// Notes a widget's change.
    pub fn track(&mut self, r: &Response) -> bool {
        self.changed |= r.changed();
        r.changed()
    }
}

fn pending_id() -> egui::Id {
    egui::Id::unique("preshow-pending-text")
}

/// Notes that a field holds typed text that has not reached the plan yet (it applies on Enter
/// or on leaving the field). Fields call it on every frame they hold such text.
pub fn note_pending(ctx: &egui::Context) {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(pending_id(), pass));
}

/// Whether a field noted typed text not yet in the plan during this frame.
pub fn any_pending(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<u64>(pending_id())) == Some(ctx.cumulative_pass_nr())
}

/// A number field's text is not visible from outside egui's drag value: a field counts as
/// pending from the first key typed into it until it loses the keyboard.
fn typing_in_number(r: &Response) {
    let id = r.id.with("preshow-typed");
    if !r.has_focus() {
        if r.lost_focus() {
            r.ctx.data_mut(|d| d.remove::<bool>(id));
        }
        return;
    }
    let typed = r.ctx.input(|i| {
        i.events.iter().any(|e| match e {
            egui::Event::Text(_) | egui::Event::Paste(_) => true,
            egui::Event::Key { key, pressed, .. } => {
                *pressed && matches!(key, egui::Key::Backspace | egui::Key::Delete)
            }
            _ => false,
        })
    });
    let was = r.ctx.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    if typed && !was {
        r.ctx.data_mut(|d| d.insert_temp(id, true));
    }
    if typed || was {
        note_pending(&r.ctx);
    }
}

fn scroll_request_id() -> egui::Id {
    egui::Id::unique("preshow-scroll-to-highlight")
}

/// Asks the highlighted field to scroll into view once, on the next frame.
pub fn request_scroll_to_highlight(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(scroll_request_id(), true));
}

fn take_scroll_request(ctx: &egui::Context) -> bool {
    ctx.data_mut(|d| d.remove_temp::<bool>(scroll_request_id()))
        .unwrap_or(false)
}

fn focus_request_id() -> egui::Id {
    egui::Id::unique("preshow-focus-highlight")
}

/// Asks the highlighted field to take the keyboard on the next frame: a gap shown by the walk
/// (or Enter during it) puts the cursor where the fix is typed.
pub fn request_focus_highlight(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), true));
}

/// Whether the highlighted field has been asked to take the keyboard and has not yet.
pub fn focus_highlight_pending(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(focus_request_id()))
        .unwrap_or(false)
}

/// Gives the keyboard to the first widget drawn next in `ui`, whatever its kind (text, number,
/// picker, check box): a focus point just before it takes the focus and passes it on, the way
/// Tab would, in the same frame.
fn focus_next_widget(ui: &mut Ui) {
    let id = ui.make_persistent_id("focus-point");
    ui.memory_mut(|m| {
        m.request_focus(id);
        m.move_focus(egui::FocusDirection::Next);
    });
    let at = egui::Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
    ui.interact(at, id, egui::Sense::focusable_noninteractive());
}

/// A form: fields stacked, each label above its widget, as wide as the editor.
pub fn form_ui<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 4.0;
        add(ui)
    })
    .inner
}

/// A field of a form: a label, then the widget, highlighted when a gap points at it.
pub fn field_row<R>(
    ui: &mut Ui,
    label: &str,
    highlight: bool,
    add: impl FnOnce(&mut Ui, egui::Id) -> R,
) -> R {
    warned_row(ui, label, highlight, None, add)
}

/// A field of a form whose change has a cost the user should hear of first (sign-offs it would
/// make stale): as [`field_row`], and while the user works in the field (it has the keyboard
/// focus, or was the last clicked, such as a picker being opened) `warning` beside it.
pub fn warned_row<R>(
    ui: &mut Ui,
    label: &str,
    highlight: bool,
    warning: Option<String>,
    add: impl FnOnce(&mut Ui, egui::Id) -> R,
) -> R {
    let text = if highlight {
        RichText::new(label).strong().color(palette::highlight())
    } else {
        RichText::new(label).small().strong()
    };
    // A scope per field keeps its widgets' ids (focus, typed text) stable when something
    // appears above it, such as the item's gaps after a re-check.
    ui.push_id(label, |ui| {
        let l = ui.label(text);
        let focus = highlight
            && ui
                .data_mut(|d| d.remove_temp::<bool>(focus_request_id()))
                .unwrap_or(false);
        let row = ui.scope_id();
        let r = ui.horizontal_wrapped(|ui| {
            if focus {
                focus_next_widget(ui);
            }
            let inner = add(ui, l.id);
            if let Some(w) = stake_ui(ui, row, ui.min_rect().union(l.rect), warning) {
                ui.colored_label(palette::warning(), format!("⚠ {w}"));
            }
            inner
        });
        if highlight {
            let rect = l.rect.union(r.response.rect).expand(4.0);
            ui.painter().rect_stroke(
                rect,
                4.0,
                egui::Stroke::new(2.0, palette::highlight()),
                egui::StrokeKind::Outside,
            );
            if take_scroll_request(ui.ctx()) {
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
            }
        }
        ui.add_space(6.0);
        r.inner
    })
    .inner
}

/// The warning to show beside a field (`part`, covering `rect`) while the user works in it. Text
/// changes as it is typed, so the first letter already makes the sign-offs stale and `warning`
/// goes: while the field keeps the focus, the warning it had stays, and the form does not jump
/// under the typing.
fn stake_ui(ui: &Ui, part: egui::Id, rect: egui::Rect, warning: Option<String>) -> Option<String> {
    let kept = part.with("stake");
    if warning.is_none() && ui.ctx().data(|d| d.get_temp::<String>(kept)).is_none() {
        // Nothing to warn of, nor kept: no need to follow the user.
        return None;
    }
    if !working_in(ui, part, rect) {
        ui.ctx().data_mut(|d| d.remove::<String>(kept));
        return None;
    }
    match warning {
        Some(w) => {
            ui.ctx().data_mut(|d| d.insert_temp(kept, w.clone()));
            Some(w)
        }
        None if focus_in(ui, rect) => ui.ctx().data(|d| d.get_temp::<String>(kept)),
        None => {
            ui.ctx().data_mut(|d| d.remove::<String>(kept));
            None
        }
    }
}

/// Whether the widget with the keyboard focus lies in `rect`.
fn focus_in(ui: &Ui, rect: egui::Rect) -> bool {
    let ctx = ui.ctx();
    ctx.memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
        .is_some_and(|r| rect.contains(r.rect.center()))
}

fn working_in_id() -> egui::Id {
    egui::Id::unique("preshow-field-worked-in")
}

/// Whether the user is working in the part of a form `rect` covers, known as `part`: the widget
/// with the keyboard focus is in it, or (with nothing focused) the pointer last pressed in it.
/// A press elsewhere ends it, unless it lands in a popup (a picker's list) opened from the part.
pub fn working_in(ui: &Ui, part: egui::Id, rect: egui::Rect) -> bool {
    let ctx = ui.ctx();
    let key = working_in_id();
    let pressed_at = ctx.input(|i| {
        if i.pointer.any_pressed() {
            i.pointer.press_origin()
        } else {
            None
        }
    });
    let last = ctx.data(|d| d.get_temp::<egui::Id>(key));
    if let Some(at) = pressed_at {
        if rect.contains(at) {
            ctx.data_mut(|d| d.insert_temp(key, part));
        } else if last == Some(part) && !egui::Popup::is_any_open(ctx) {
            ctx.data_mut(|d| d.remove::<egui::Id>(key));
        }
    }
    let focused = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
        .map(|r| rect.contains(r.rect.center()));
    match focused {
        Some(here) => here,
        None => ctx.data(|d| d.get_temp::<egui::Id>(key)) == Some(part),
    }
}

/// Stores `new` and notes an edit only when it differs from what is there: a widget can report
/// a change that leaves the value as it was, and that must not become an undo step or a check.
pub(super) fn set_if_changed<T: PartialEq>(slot: &mut T, new: T, edits: &mut Edits) {
    if *slot != new {
        *slot = new;
        edits.changed = true;
    }
}
