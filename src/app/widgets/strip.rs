//! Items painted inside one sensor (a row of headers, a column of headlines): each made known to
//! screen readers, the pointer finding them by position, and the keyboard moving among them
//! with the arrow keys.

use egui::{Response, Ui};

/// What a painted item tells screen readers.
pub struct ItemInfo {
    /// What it is: a link, a column header...
    pub role: egui::accesskit::Role,
    /// Its name.
    pub label: String,
    /// What its tooltip says, for those who cannot hover (empty for nothing).
    pub description: String,
    /// Whether clicking it does something.
    pub clickable: bool,
}

/// An item painted inside a larger sensor (a row of headers, a column of headlines), made known
/// to screen readers and tests as a widget of its own in its place on screen. Only while a
/// screen reader listens (when `strip`, the sensor, has a node): otherwise it costs nothing and
/// `info` is never made. True when a screen reader asked to click it.
fn painted_item(
    ui: &mut Ui,
    strip: &Response,
    id: egui::Id,
    rect: egui::Rect,
    info: impl FnOnce() -> ItemInfo,
) -> bool {
    use egui::accesskit::Action;
    if ui.ctx().accesskit_node_builder(strip.id, |_| ()).is_none() {
        return false;
    }
    let info = info();
    // Senses hover only: the strip under it still gets the pointer.
    let r = ui.interact(rect, id, egui::Sense::hover());
    r.widget_info(|| egui::WidgetInfo::labeled(info.role, true, &info.label));
    ui.ctx().accesskit_node_builder(id, |node| {
        if !info.description.is_empty() {
            node.set_description(info.description.clone());
        }
        if info.clickable {
            node.add_action(Action::Click);
        }
    });
    info.clickable && ui.input(|i| i.has_accesskit_action_request(id, Action::Click))
}

/// A sensor for painted items that answers the pointer only: not focusable (Enter on it would
/// act on whatever the mouse happens to rest on), clicks with the primary button.
pub fn pointer_sensor(ui: &mut Ui, rect: egui::Rect, id: egui::Id, label: &str) -> Response {
    let sensor = ui.interact(rect, id, egui::Sense::CLICK);
    sensor.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Group, true, label));
    sensor
}

/// A strip of painted items (a row of headers, a column of headlines) behind one sensor.
pub struct Strip {
    /// The sensor.
    pub response: Response,
    /// The item the keyboard is on, while the strip has the focus.
    pub focus: Option<usize>,
    /// The keyboard moved to another item this frame.
    pub moved: bool,
    /// Enter or Space was pressed on the item in focus.
    pub key_click: bool,
    /// In a grid of strips ([`Arrows::Grid`]): the arrow keys across the strip pressed this
    /// frame, to the previous (-1) or the next (+1) strip; for the caller to act on.
    pub across: isize,
    /// The pointer clicked somewhere on the strip.
    pub pointer_click: bool,
}

impl Strip {
    /// Item `k` of the strip, painted by the caller at `rect`: its node for screen readers, its
    /// outline while the keyboard is on it, and whether it was opened (clicked while `hovered`,
    /// Enter or Space on it, or a screen reader's click).
    #[allow(clippy::too_many_arguments)]
    pub fn item(
        &self,
        ui: &mut Ui,
        painter: &egui::Painter,
        k: usize,
        id: egui::Id,
        rect: egui::Rect,
        hovered: bool,
        info: impl FnOnce() -> ItemInfo,
    ) -> bool {
        let read_out = painted_item(ui, &self.response, id, rect, info);
        let focused = self.focus == Some(k);
        if focused {
            focus_outline(ui, painter, rect);
            // Screen readers follow the keyboard from item to item within the strip.
            ui.ctx().accesskit_node_builder(self.response.id, |node| {
                node.set_active_descendant(id.accesskit_id());
            });
        }
        read_out || (focused && self.key_click) || (hovered && self.pointer_click)
    }

    /// A part of an item (a block's bottom edge), painted by the caller at `rect`: a node of
    /// its own for screen readers, which the keyboard does not stop at.
    pub fn part(
        &self,
        ui: &mut Ui,
        id: egui::Id,
        rect: egui::Rect,
        info: impl FnOnce() -> ItemInfo,
    ) {
        painted_item(ui, &self.response, id, rect, info);
    }
}

/// While the widget `id` has the keyboard focus: the arrow keys along it (`horizontal` or not)
/// move within it rather than to the next widget that way. This frame's press: -1, 0 or +1.
pub fn arrow_step(ui: &Ui, id: egui::Id, horizontal: bool) -> isize {
    let (vertical, sideways) = arrow_steps(ui, id, !horizontal, horizontal);
    if horizontal { sideways } else { vertical }
}

/// While the widget `id` has the keyboard focus: the arrow keys up and down (`vertical`) and
/// left and right (`horizontal`) act within it rather than move to the next widget that way.
/// This frame's presses, each -1, 0 or +1: down or up, and right or left.
fn arrow_steps(ui: &Ui, id: egui::Id, vertical: bool, horizontal: bool) -> (isize, isize) {
    use egui::Key;
    let filter = egui::EventFilter {
        vertical_arrows: vertical,
        horizontal_arrows: horizontal,
        ..Default::default()
    };
    ui.memory_mut(|m| m.set_focus_lock_filter(id, filter));
    let step = |on: bool, back: Key, forward: Key| {
        ui.input(|i| {
            isize::from(on && i.key_pressed(forward)) - isize::from(on && i.key_pressed(back))
        })
    };
    (
        step(vertical, Key::ArrowUp, Key::ArrowDown),
        step(horizontal, Key::ArrowLeft, Key::ArrowRight),
    )
}

/// Which arrow keys a [`Strip`] takes while it has the keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrows {
    /// Left and Right, along a row; Up and Down go on to other widgets.
    Row,
    /// Up and Down, along a column; Left and Right go on to other widgets.
    Column,
    /// Up and Down along a column, and Left and Right across to the neighbouring columns of a
    /// grid ([`Strip::across`]).
    Grid,
}

/// A strip of `count` painted items behind one sensor: the pointer finds its items by position,
/// and the keyboard reaches the strip as one Tab stop, moves between its items with the arrow
/// keys along it and opens one with Enter or Space. Pointer and keyboard clicks are told apart,
/// so a key never acts on whatever the mouse happens to rest on. `focus` keeps the item between
/// frames; the keyboard starts at `first_visible`.
#[allow(clippy::too_many_arguments)]
pub fn strip_ui(
    ui: &mut Ui,
    rect: egui::Rect,
    id: egui::Id,
    label: &str,
    focus: &mut Option<usize>,
    count: usize,
    first_visible: usize,
    horizontal: bool,
) -> Strip {
    let response = ui.interact(rect, id, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Group, true, label));
    let arrows = if horizontal {
        Arrows::Row
    } else {
        Arrows::Column
    };
    Strip::new(ui, response, focus, count, first_visible, arrows)
}

impl Strip {
    /// A strip of `count` painted items behind `response`, a focusable sensor the caller made
    /// (one that also senses drags, say), with the keyboard handling of [`strip_ui`].
    pub fn new(
        ui: &Ui,
        response: Response,
        focus: &mut Option<usize>,
        count: usize,
        first_visible: usize,
        arrows: Arrows,
    ) -> Strip {
        let clicked = response.clicked();
        let pointer_click = clicked && ui.input(|i| i.pointer.any_click());
        let mut strip = Strip {
            focus: None,
            moved: false,
            key_click: clicked && !pointer_click,
            pointer_click,
            across: 0,
            response,
        };
        if strip.response.has_focus() && count > 0 {
            let id = strip.response.id;
            let (along, across) = match arrows {
                Arrows::Row => (arrow_step(ui, id, true), 0),
                Arrows::Column => (arrow_step(ui, id, false), 0),
                Arrows::Grid => arrow_steps(ui, id, true, true),
            };
            strip.across = across;
            let was = focus.unwrap_or(first_visible).min(count - 1);
            let now = was.saturating_add_signed(along).min(count - 1);
            strip.moved = focus.is_none() || now != was;
            *focus = Some(now);
            strip.focus = Some(now);
        }
        strip
    }
}

/// The outline of the item the keyboard is on.
pub fn focus_outline(ui: &Ui, painter: &egui::Painter, rect: egui::Rect) {
    let stroke = ui.visuals().selection.stroke;
    painter.rect_stroke(rect.shrink(1.0), 2.0, stroke, egui::StrokeKind::Inside);
}
