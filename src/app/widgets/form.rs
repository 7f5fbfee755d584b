//! Forms: fields stacked under their labels, the field a gap points at highlighted and
//! scrolled to, and [`Edits`], which tells whether an editor changed the plan this frame.

use crate::app::widgets::palette;
use egui::{Response, RichText, Ui};

/// Tracks whether an editor changed the plan this frame.
#[derive(Debug, Default, Clone, Copy)]
pub struct Edits {
    /// Something changed.
    pub changed: bool,
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
    let text = if highlight {
        RichText::new(label).strong().color(palette::highlight())
    } else {
        RichText::new(label).small().strong()
    };
    // A scope per field keeps its widgets' ids (focus, typed text) stable when something
    // appears above it, such as the item's gaps after a re-check.
    ui.push_id(label, |ui| {
        let l = ui.label(text);
        let r = ui.horizontal_wrapped(|ui| add(ui, l.id));
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

/// Stores `new` and notes an edit only when it differs from what is there: a widget can report
/// a change that leaves the value as it was, and that must not become an undo step or a check.
pub(super) fn set_if_changed<T: PartialEq>(slot: &mut T, new: T, edits: &mut Edits) {
    if *slot != new {
        *slot = new;
        edits.changed = true;
    }
}
