//! Form widgets the editors share: labelled rows, optional text, ids, dates, pickers of people,
//! accounts, messages and stages, and sign-offs.

use crate::fingerprint::Signable;
use crate::model::{Date, DateTime, Plan, Team};
use egui::{Color32, Response, RichText, Ui};

/// Colours the workbench uses for meaning, readable on light and dark themes.
pub mod palette {
    use egui::Color32;
    /// Errors.
    pub fn error() -> Color32 {
        crate::app::theme::meaning().error
    }
    /// Warnings.
    pub fn warning() -> Color32 {
        crate::app::theme::meaning().warning
    }
    /// Information.
    pub fn info() -> Color32 {
        crate::app::theme::meaning().info
    }
    /// Done, agreed, clean.
    pub fn ok() -> Color32 {
        crate::app::theme::meaning().ok
    }
    /// The field a gap points at.
    pub fn highlight() -> Color32 {
        crate::app::theme::meaning().highlight
    }
}

/// The colour of a severity.
pub fn severity_color(s: crate::check::Severity) -> Color32 {
    match s {
        crate::check::Severity::Error => palette::error(),
        crate::check::Severity::Warning => palette::warning(),
        crate::check::Severity::Info => palette::info(),
    }
}

/// A person as pickers show them.
#[derive(Debug, Clone)]
pub struct PersonChoice {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Team.
    pub team: Team,
    /// Role, if any.
    pub role: Option<String>,
}

/// A list item as pickers show it.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Id.
    pub id: String,
    /// What people read.
    pub label: String,
}

/// What the pickers of an editor offer, copied from the plan before the item is borrowed.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// People.
    pub people: Vec<PersonChoice>,
    /// Accounts.
    pub accounts: Vec<Choice>,
    /// Messages.
    pub messages: Vec<Choice>,
    /// Stages, with their team.
    pub stages: Vec<(Choice, Team)>,
    /// Segments in use, sorted.
    pub segments: Vec<String>,
}

impl Choices {
    /// People only.
    pub fn people(plan: &Plan) -> Self {
        Choices {
            people: plan
                .people
                .iter()
                .map(|p| PersonChoice {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    team: p.team,
                    role: p.role.clone(),
                })
                .collect(),
            ..Choices::default()
        }
    }

    /// People, messages, and the segments in use.
    pub fn people_and_messages(plan: &Plan, lookup: &crate::lookup::Lookup) -> Self {
        let mut c = Choices::people(plan);
        c.messages = plan
            .messages
            .iter()
            .map(|m| Choice {
                id: m.id.clone(),
                label: m.headline.clone(),
            })
            .collect();
        c.segments = lookup.segments(plan).to_vec();
        c
    }

    /// Everything a meeting needs.
    pub fn for_meetings(plan: &Plan, lookup: &crate::lookup::Lookup) -> Self {
        let mut c = Choices::people_and_messages(plan, lookup);
        c.accounts = plan
            .accounts
            .iter()
            .map(|a| Choice {
                id: a.id.clone(),
                label: a.name.clone(),
            })
            .collect();
        c
    }

    /// Everything a handoff needs.
    pub fn for_handoffs(plan: &Plan) -> Self {
        let mut c = Choices::people(plan);
        c.stages = plan
            .stages
            .iter()
            .map(|s| {
                (
                    Choice {
                        id: s.id.clone(),
                        label: s.name.clone(),
                    },
                    s.team,
                )
            })
            .collect();
        c
    }

    /// The name of a person id, or the id itself in brackets when nobody has it.
    pub fn person_name(&self, id: &str) -> String {
        self.people
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| format!("{id} (unknown)"), |p| p.name.clone())
    }

    fn person_team(&self, id: &str) -> Option<Team> {
        self.people.iter().find(|p| p.id == id).map(|p| p.team)
    }
}

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

/// Text laid out and kept between frames (a table's cells, the schedule's blocks) is only good
/// while egui's font atlas is: when the atlas fills up, egui clears it and lays all text out
/// anew, and kept text would draw the wrong glyphs. This small galley, laid out through egui's
/// cache every frame text is kept, changes exactly then: keep it with the text and compare them
/// with [`std::sync::Arc::ptr_eq`] (holding it on keeps its address from being reused).
pub fn text_generation(ui: &Ui) -> std::sync::Arc<egui::Galley> {
    ui.painter()
        .layout_no_wrap("Ag".to_owned(), egui::FontId::default(), Color32::WHITE)
}

/// Whether `kept`, the [`text_generation`] kept with some laid-out text, is still current; makes
/// it so when not.
pub fn text_still_good(ui: &Ui, kept: &mut Option<std::sync::Arc<egui::Galley>>) -> bool {
    let now = text_generation(ui);
    let good = kept
        .as_ref()
        .is_some_and(|k| std::sync::Arc::ptr_eq(k, &now));
    if !good {
        *kept = Some(now);
    }
    good
}

/// The outline of the item the keyboard is on.
pub fn focus_outline(ui: &Ui, painter: &egui::Painter, rect: egui::Rect) {
    let stroke = ui.visuals().selection.stroke;
    painter.rect_stroke(rect.shrink(1.0), 2.0, stroke, egui::StrokeKind::Inside);
}

/// Draws `add_contents` only when the space it took when last drawn is in view, and otherwise
/// just takes that space: a long list of items of differing heights (folding ones too) then
/// costs what is on screen. Items must sit one below another in a top-down layout.
pub fn lazy_ui(ui: &mut Ui, id: egui::Id, add_contents: impl FnOnce(&mut Ui)) {
    let key = id.with("lazy-height");
    let known: Option<f32> = ui.data(|d| d.get_temp(key));
    let top = ui.cursor().top();
    if let Some(height) = known {
        let would = egui::Rect::from_min_size(
            egui::pos2(ui.cursor().left(), top),
            egui::vec2(ui.available_width().max(1.0), height.max(1.0)),
        );
        if !ui.clip_rect().intersects(would) {
            let gap = ui.spacing().item_spacing.y;
            ui.allocate_space(egui::vec2(0.0, (height - gap).max(0.0)));
            return;
        }
    }
    add_contents(ui);
    let height = ui.cursor().top() - top;
    if known != Some(height) {
        ui.data_mut(|d| d.insert_temp(key, height));
    }
}

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

fn focus_request_id() -> egui::Id {
    egui::Id::unique("preshow-focus-first-text")
}

/// Asks the first required text field drawn next (a new item's name) to take the keyboard with
/// its text selected, so typing replaces the placeholder.
pub fn request_focus_first_text(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), true));
}

/// Stores `new` and notes an edit only when it differs from what is there: a widget can report
/// a change that leaves the value as it was, and that must not become an undo step or a check.
fn set_if_changed<T: PartialEq>(slot: &mut T, new: T, edits: &mut Edits) {
    if *slot != new {
        *slot = new;
        edits.changed = true;
    }
}

/// A required single-line text.
pub fn text_ui(ui: &mut Ui, label: egui::Id, value: &mut String, edits: &mut Edits) -> Response {
    let id = ui.make_persistent_id("text");
    let focus_now = ui
        .data_mut(|d| d.remove_temp::<bool>(focus_request_id()))
        .unwrap_or(false);
    if focus_now {
        ui.memory_mut(|m| m.request_focus(id));
        let mut state = egui::TextEdit::load_state(ui.ctx(), id).unwrap_or_default();
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(value.chars().count()),
        );
        state.cursor.set_char_range(Some(all));
        state.store(ui.ctx(), id);
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
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        // Not being edited: show what the plan holds (an invalid entry is dropped on leaving).
        ui.data_mut(|d| d.remove::<String>(id));
    }
    let value = if r.changed() { parsed.ok() } else { None };
    let error = if r.has_focus() { error } else { None };
    (r, value, error)
}

/// A date typed as `YYYY-MM-DD`, validated as typed.
pub fn date_ui(ui: &mut Ui, label: egui::Id, value: &mut Date, edits: &mut Edits) -> Response {
    let (r, parsed, error) = buffered_ui(ui, label, value.to_string(), 110.0, |s| {
        s.parse::<Date>().map_err(|e| e.to_string())
    });
    if let Some(d) = parsed
        && d != *value
    {
        *value = d;
        edits.changed = true;
    }
    if let Some(e) = error {
        ui.colored_label(palette::error(), e);
    }
    r
}

/// An optional date: empty means none.
pub fn opt_date_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<Date>,
    edits: &mut Edits,
) -> Response {
    let current = value.map(|d| d.to_string()).unwrap_or_default();
    let (r, parsed, error) = buffered_ui(ui, label, current, 110.0, |s| {
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse::<Date>().map(Some).map_err(|e| e.to_string())
        }
    });
    if let Some(d) = parsed
        && d != *value
    {
        *value = d;
        edits.changed = true;
    }
    if let Some(e) = error {
        ui.colored_label(palette::error(), e);
    }
    r
}

/// A local time typed as `YYYY-MM-DDTHH:MM`, validated as typed.
pub fn date_time_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut DateTime,
    edits: &mut Edits,
) -> Response {
    let (r, parsed, error) = buffered_ui(ui, label, value.to_string(), 150.0, |s| {
        s.parse::<DateTime>().map_err(|e| e.to_string())
    });
    if let Some(d) = parsed
        && d != *value
    {
        *value = d;
        edits.changed = true;
    }
    if let Some(e) = error {
        ui.colored_label(palette::error(), e);
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
        Some(format!("`{text}` is already used"))
    } else {
        None
    };
    if r.has_focus() {
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

/// Picks one person or nobody, people of `prefer`'s team listed first.
pub fn person_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    choices: &Choices,
    prefer: Option<Team>,
    edits: &mut Edits,
) -> Response {
    let shown = match value.as_deref() {
        Some(id) => {
            let team = choices
                .person_team(id)
                .map(|t| format!(" · {t}"))
                .unwrap_or_default();
            format!("{}{team}", choices.person_name(id))
        }
        None => "— nobody —".to_owned(),
    };
    let mut order: Vec<Team> = Team::ALL.to_vec();
    if let Some(p) = prefer {
        order.retain(|t| *t != p);
        order.insert(0, p);
    }
    let before = value.clone();
    let r = egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(240.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "— nobody —");
            for team in order {
                let members: Vec<&PersonChoice> =
                    choices.people.iter().filter(|p| p.team == team).collect();
                if members.is_empty() {
                    continue;
                }
                ui.label(RichText::new(team.as_str()).small().strong());
                for p in members {
                    let text = match &p.role {
                        Some(role) => format!("{} · {role}", p.name),
                        None => p.name.clone(),
                    };
                    ui.selectable_value(value, Some(p.id.clone()), text);
                }
            }
        })
        .response
        .labelled_by(label);
    if *value != before {
        edits.changed = true;
    }
    r
}

/// Picks one of `options` (required), with a search box when the list is long.
pub fn choice_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut String,
    options: &[Choice],
    edits: &mut Edits,
) -> Response {
    let shown = options
        .iter()
        .find(|c| c.id == *value)
        .map_or_else(|| format!("{value} (unknown)"), |c| c.label.clone());
    let search_id = ui.make_persistent_id(("picker-search", label));
    let before = value.clone();
    let r = egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(240.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            let mut search: String = ui.data_mut(|d| d.get_temp(search_id)).unwrap_or_default();
            if options.len() > 12 {
                ui.add(egui::TextEdit::singleline(&mut search).hint_text("Search…"));
                ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
            }
            let needle = search.to_lowercase();
            let hits: Vec<&Choice> = options
                .iter()
                .filter(|c| {
                    needle.is_empty()
                        || c.label.to_lowercase().contains(&needle)
                        || c.id.contains(&needle)
                })
                .collect();
            let row = ui.spacing().interact_size.y;
            egui::ScrollArea::vertical().max_height(280.0).show_rows(
                ui,
                row,
                hits.len(),
                |ui, range| {
                    for c in hits.get(range).unwrap_or_default() {
                        ui.selectable_value(value, c.id.clone(), &c.label);
                    }
                },
            );
        })
        .response
        .labelled_by(label);
    if *value != before {
        edits.changed = true;
    }
    r
}

/// A list of ids as removable chips, with a menu to add more.
pub fn multi_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    values: &mut Vec<String>,
    options: &[Choice],
    edits: &mut Edits,
) {
    ui.horizontal_wrapped(|ui| {
        let mut remove = None;
        for (i, v) in values.iter().enumerate() {
            let text = options
                .iter()
                .find(|c| c.id == *v)
                .map_or_else(|| format!("{v} (unknown)"), |c| c.label.clone());
            let chip = ui
                .add(egui::Button::new(format!("{text}  ✖")).small())
                .on_hover_text("Remove");
            if chip.clicked() {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            values.remove(i);
            edits.changed = true;
        }
        let rest: Vec<&Choice> = options.iter().filter(|c| !values.contains(&c.id)).collect();
        if !rest.is_empty() {
            let mut picked = None;
            egui::ComboBox::from_id_salt(("add", label))
                .selected_text("+ Add…")
                .width(110.0)
                .height(300.0)
                .show_ui(ui, |ui| {
                    for c in rest {
                        if ui.selectable_label(false, &c.label).clicked() {
                            picked = Some(c.id.clone());
                        }
                    }
                })
                .response
                .labelled_by(label);
            if let Some(id) = picked {
                values.push(id);
                edits.changed = true;
            }
        }
    });
}

/// The people of a meeting: chips with team, and a menu to add more, Sales first.
pub fn people_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    values: &mut Vec<String>,
    choices: &Choices,
    edits: &mut Edits,
) {
    let options: Vec<Choice> = Team::ALL
        .iter()
        .flat_map(|t| choices.people.iter().filter(move |p| p.team == *t))
        .map(|p| Choice {
            id: p.id.clone(),
            label: format!("{} · {}", p.name, p.team),
        })
        .collect();
    multi_picker_ui(ui, label, values, &options, edits);
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

/// The sign-offs of an item: who agreed, when, whether it still holds, and "Sign off as…".
pub fn signoffs_ui<T: Signable>(
    ui: &mut Ui,
    item: &mut T,
    choices: &Choices,
    today: Date,
    edits: &mut Edits,
) {
    let fingerprint = item.fingerprint();
    let mut remove = None;
    let mut resign = None;
    for (i, s) in item.signoffs().iter().enumerate() {
        ui.horizontal(|ui| {
            let team = choices
                .person_team(&s.by)
                .map(|t| t.as_str())
                .unwrap_or("unknown person");
            let stale = s.fingerprint.as_ref().is_some_and(|f| *f != fingerprint);
            let (mark, color, note) = if stale {
                (
                    "⚠ stale",
                    palette::error(),
                    "the text changed after this sign-off; it no longer counts",
                )
            } else if s.fingerprint.is_some() {
                ("✔ agreed", palette::ok(), "pinned to the current text")
            } else {
                (
                    "✔ agreed",
                    palette::ok(),
                    "not pinned to a text: counts as agreement to the current one",
                )
            };
            ui.colored_label(color, mark).on_hover_text(note);
            ui.label(format!(
                "{} ({team}) on {}",
                choices.person_name(&s.by),
                s.on
            ));
            if stale
                && ui
                    .small_button("Re-sign")
                    .on_hover_text("Agree to the current text today")
                    .clicked()
            {
                resign = Some(i);
            }
            if ui
                .small_button("✖")
                .on_hover_text("Remove this sign-off")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = resign
        && let Some(by) = item.signoffs().get(i).map(|s| s.by.clone())
    {
        crate::edit::sign_item(item, &by, today);
        edits.changed = true;
    }
    if let Some(i) = remove {
        item.signoffs_mut().remove(i);
        edits.changed = true;
    }
    if item.signoffs().is_empty() {
        ui.colored_label(palette::warning(), "Nobody has agreed to this yet");
    }
    ui.menu_button("Sign off as…", |ui| {
        for team in Team::ALL {
            let members: Vec<&PersonChoice> =
                choices.people.iter().filter(|p| p.team == team).collect();
            if members.is_empty() {
                continue;
            }
            ui.label(RichText::new(team.as_str()).small().strong());
            for p in members {
                if ui.button(&p.name).clicked() {
                    crate::edit::sign_item(item, &p.id, today);
                    edits.changed = true;
                    ui.close();
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kept text is found stale when egui lays text out anew (here: new fonts), and only then.
    #[test]
    fn text_generation_changes_when_egui_lays_text_out_anew() {
        let ctx = egui::Context::default();
        let mut kept = None;
        let mut frame = |ctx: &egui::Context| {
            let mut good = false;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                good = text_still_good(ui, &mut kept);
            });
            // No renderer here to upload the font atlas to.
            output.textures_delta.clear();
            good
        };
        assert!(!frame(&ctx), "nothing kept yet");
        assert!(frame(&ctx));
        assert!(frame(&ctx));
        let mut fonts = egui::FontDefinitions::default();
        fonts
            .families
            .insert(egui::FontFamily::Name("probe".into()), Vec::new());
        ctx.set_fonts(fonts);
        assert!(!frame(&ctx), "the fonts changed");
        assert!(frame(&ctx));
    }
}
