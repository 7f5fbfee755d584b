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
    /// value can report a change that leaves the number as it was).
    pub fn track_value<T: PartialEq>(&mut self, r: &Response, before: &T, after: &T) -> bool {
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
        let r = ui.horizontal_wrapped(|ui| {
            if focus {
                focus_next_widget(ui);
            }
            add(ui, l.id)
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

/// Stores `new` and notes an edit only when it differs from what is there: a widget can report
/// a change that leaves the value as it was, and that must not become an undo step or a check.
pub(super) fn set_if_changed<T: PartialEq>(slot: &mut T, new: T, edits: &mut Edits) {
    if *slot != new {
        *slot = new;
        edits.changed = true;
    }
}
