//! A list section's table: a header that sorts and resizes its columns, and rows painted
//! directly. Each visible row is one widget (not one per cell), so a screen full of rows costs
//! little more to draw than a few, and only the visible rows are laid out.

use crate::analysis::lookup::Lookup;
use crate::app::checker::Gaps;
use crate::app::sections::list::fit::{Want, fit};
use crate::app::sections::list::{Column, Fit, ListSection, ListState, refresh_rows};
use crate::app::widgets::{arrow_step, focus_outline, severity_color, text_still_good};
use crate::model::Plan;
use egui::text::Galley;
use egui::{
    Align2, CursorIcon, Rect, RichText, Role, Sense, Stroke, TextStyle, TextWrapMode, Ui,
    UiBuilder, WidgetInfo, WidgetText, pos2, vec2,
};
use std::collections::HashMap;
use std::sync::Arc;

/// How far either side of a column's edge the resize handle reaches.
const HANDLE: f32 = 4.0;
/// A sentence whose letters are as wide as a column of names or words is, on average: the
/// width of one of its characters is the unit of [`Fit::Chars`].
const PANGRAM: &str = "The quick brown fox jumps over the lazy dog";

/// Column widths: what each column wants at the current text size, and the widths the user
/// dragged.
#[derive(Default)]
pub struct Widths {
    /// A width dragged by the user, per column; `None` fits the column to the table.
    dragged: Vec<Option<f32>>,
    /// What each column wants, measured at the text size of `generation`.
    wants: Vec<Want>,
    /// The text size the wants were measured at (points per pixel included).
    measured_at: Option<u32>,
    /// See [`text_still_good`].
    generation: Option<Arc<Galley>>,
}

/// The columns shown and their widths, in points.
pub(super) struct Layout {
    /// The first column: a dot when the item has gaps.
    gap: f32,
    /// The columns shown, left to right: (index in the section's columns, width). The first
    /// is frozen: it stays in view when the table scrolls sideways.
    shown: Vec<(usize, f32)>,
    /// The columns left out for lack of room.
    pub(super) hidden: Vec<usize>,
    /// Between columns.
    spacing: f32,
}

impl Layout {
    /// The width of all the columns shown, with the spacing between them.
    fn total(&self) -> f32 {
        let columns: f32 = self.shown.iter().map(|(_, w)| w).sum();
        self.gap + columns + self.spacing * self.shown.len() as f32
    }

    /// The right edge of the frozen part (gap column and first column), from the row's left.
    fn frozen(&self) -> f32 {
        let first = self.shown.first().map_or(0.0, |(_, w)| *w);
        self.gap + self.spacing + first + self.spacing / 2.0
    }
}

/// The width of `text` laid out on one line.
fn text_width(ui: &Ui, text: impl Into<WidgetText>, style: TextStyle) -> f32 {
    text.into()
        .into_galley(ui, Some(TextWrapMode::Extend), f32::INFINITY, style)
        .size()
        .x
}

/// What a column wants: its header whole (with room for the sort arrow), and its text as its
/// [`Fit`] says, measured at the current text size.
fn measure<T>(ui: &Ui, column: &Column<T>, ch: f32) -> Want {
    let header = text_width(
        ui,
        RichText::new(format!("{} ⏷", column.title)).strong(),
        TextStyle::Button,
    ) + 2.0 * ui.spacing().button_padding.x;
    let (min, pref, grows) = match column.fit {
        Fit::Chars { min, pref } => (min * ch, pref * ch, true),
        Fit::Widest(samples) => {
            let widest = samples()
                .into_iter()
                .map(|s| text_width(ui, s, TextStyle::Body))
                .fold(0.0, f32::max);
            (widest, widest, false)
        }
    };
    let min = min.max(header).ceil();
    Want {
        min,
        pref: pref.ceil().max(min),
        // Squeezed, a column keeps room for a few letters and the "…".
        floor: (4.0 * ch).min(min).ceil(),
        grows,
        priority: column.priority,
    }
}

impl Widths {
    /// The columns that fit in `available` points and their widths; measures the columns anew
    /// when the text size changed.
    fn layout<T>(&mut self, ui: &Ui, columns: &[Column<T>], available: f32) -> Layout {
        if self.dragged.len() != columns.len() {
            self.dragged = vec![None; columns.len()];
        }
        let body = ui.text_style_height(&TextStyle::Body);
        let size = (body * ui.ctx().pixels_per_point()).to_bits();
        let fonts_same = text_still_good(ui, &mut self.generation);
        if !fonts_same || self.measured_at != Some(size) || self.wants.len() != columns.len() {
            let ch = text_width(ui, PANGRAM, TextStyle::Body) / PANGRAM.chars().count() as f32;
            self.wants = columns.iter().map(|c| measure(ui, c, ch)).collect();
            self.measured_at = Some(size);
        }
        let wants: Vec<Want> = self
            .wants
            .iter()
            .zip(&self.dragged)
            .map(|(want, dragged)| match dragged {
                Some(w) => Want {
                    min: *w,
                    pref: *w,
                    floor: *w,
                    grows: false,
                    ..*want
                },
                None => *want,
            })
            .collect();
        let spacing = ui.spacing().item_spacing.x;
        let gap = (body * 1.6).round();
        let widths = fit(&wants, available - gap - spacing, spacing);
        let mut layout = Layout {
            gap,
            shown: Vec::new(),
            hidden: Vec::new(),
            spacing,
        };
        for (i, w) in widths.into_iter().enumerate() {
            match w {
                Some(w) => layout.shown.push((i, w)),
                None => layout.hidden.push(i),
            }
        }
        layout
    }
}

/// What laid-out cells were laid out for: the plan revision, the text size, and each column
/// shown with its width (as bits).
type CellsFor = ((u64, u64), u32, Vec<(usize, u32)>);

/// The laid-out text of the rows drawn last frame, so that a frame with nothing new to show
/// lays out no text. Kept for one plan revision, text size and set of columns and widths; holds
/// only the rows on screen.
#[derive(Default)]
pub struct CellCache {
    key: Option<CellsFor>,
    rows: HashMap<usize, Vec<Arc<Galley>>>,
    /// See [`text_still_good`].
    generation: Option<Arc<Galley>>,
}

impl CellCache {
    /// Starts a frame: forgets everything when the plan, the text size or the columns and
    /// widths changed, or egui laid all text out anew.
    fn begin(&mut self, revision: (u64, u64), ui: &Ui, layout: &Layout) {
        let size = ui.text_style_height(&TextStyle::Body) * ui.ctx().pixels_per_point();
        let key = (
            revision,
            size.to_bits(),
            layout
                .shown
                .iter()
                .map(|(i, w)| (*i, w.to_bits()))
                .collect(),
        );
        let good = text_still_good(ui, &mut self.generation);
        if !good || self.key.as_ref() != Some(&key) {
            self.rows.clear();
            self.key = Some(key);
        }
    }
}

/// What the user did in the table this frame.
#[derive(Default)]
struct Clicks {
    row: Option<usize>,
    sort: Option<usize>,
    /// The row was reached with the arrow keys: bring it into view, just.
    stepped: bool,
}

/// Which columns fit the width left in `ui`, and how wide.
pub(super) fn layout<S: ListSection>(
    ui: &Ui,
    state: &mut ListState,
    columns: &[Column<S::Item>],
) -> Layout {
    state.widths.layout(ui, columns, ui.available_width())
}

/// The table: the columns of `layout`, and the first frozen when the columns that always stay
/// are wider than the space the table has and it scrolls sideways.
#[allow(clippy::too_many_arguments)]
pub(super) fn table_ui<S: ListSection>(
    ui: &mut Ui,
    plan: &Plan,
    state: &mut ListState,
    gaps: &Gaps,
    lookup: &Lookup,
    versions: (u64, u64),
    columns: &[Column<S::Item>],
    layout: &Layout,
) {
    // The rows' order is kept while an item is typed in; its cells show what is typed.
    refresh_rows::<S>(plan, lookup, state, columns, versions.0);
    let row_h = (ui.text_style_height(&TextStyle::Body) + 12.0).round();
    state.cells.begin(versions, ui, layout);
    let mut clicks = Clicks::default();
    egui::ScrollArea::horizontal()
        .id_salt(("table-x", S::SECTION.key()))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = layout.total().max(ui.available_width());
            let top = ui.cursor().min;
            header_ui::<S>(ui, state, columns, layout, width, row_h + 2.0, &mut clicks);
            body_ui::<S>(
                ui,
                plan,
                state,
                gaps,
                lookup,
                columns,
                layout,
                width,
                row_h,
                &mut clicks,
            );
            column_edges_ui::<S>(ui, state, columns, layout, top);
        });
    if let Some(i) = clicks.sort {
        state.sort = match state.sort {
            Some((c, true)) if c == i => Some((i, false)),
            Some((c, false)) if c == i => None,
            _ => Some((i, true)),
        };
    }
    if let Some(i) = clicks.row {
        state.selected = Some(i);
        state.highlight = None;
    }
    if clicks.stepped {
        state.scroll_to_selected = true;
        state.nudge = true;
    }
}

/// How far the table has scrolled sideways past `left`, the left edge of its rows: where the
/// frozen column is drawn, from `left`.
fn scrolled(ui: &Ui, left: f32) -> f32 {
    (ui.clip_rect().min.x - left).max(0.0)
}

/// Covers what scrolled under the frozen part of a row or the header (`rect`, its full height)
/// with the panel's colour and `fill` over it, and draws the line along its right edge.
fn cover_frozen(ui: &Ui, rect: Rect, fill: Option<egui::Color32>) {
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, ui.visuals().panel_fill);
    if let Some(fill) = fill {
        painter.rect_filled(rect, 0.0, fill);
    }
    let line = ui.visuals().widgets.noninteractive.bg_stroke;
    painter.vline(rect.max.x, rect.y_range(), line);
}

/// The header: a sort button per column and a handle on each column's right edge to resize it.
fn header_ui<S: ListSection>(
    ui: &mut Ui,
    state: &mut ListState,
    columns: &[Column<S::Item>],
    layout: &Layout,
    width: f32,
    height: f32,
    clicks: &mut Clicks,
) {
    let spacing = layout.spacing;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let line = ui.visuals().widgets.noninteractive.bg_stroke;
    ui.painter().hline(
        rect.x_range(),
        rect.max.y - 0.5,
        Stroke::new(1.0, line.color),
    );
    let shift = scrolled(ui, rect.min.x);
    let mut sort_button = |ui: &mut Ui, i: usize, x: f32, w: f32| {
        let Some(c) = columns.get(i) else {
            return;
        };
        let cell = Rect::from_min_size(pos2(x, rect.min.y), vec2(w, height));
        let arrow = match state.sort {
            Some((col, true)) if col == i => " ⏶",
            Some((col, false)) if col == i => " ⏷",
            _ => "",
        };
        let mut cell_ui = ui.new_child(
            UiBuilder::new()
                .max_rect(cell)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
        );
        cell_ui.shrink_clip_rect(cell);
        cell_ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
        let sort = cell_ui.add(
            egui::Button::new(RichText::new(format!("{}{arrow}", c.title)).strong()).frame(false),
        );
        // The tip names the column: its title in full, should a narrowed column cut it.
        if sort
            .on_hover_text(format!("Sort by {}", c.title.to_lowercase()))
            .clicked()
        {
            clicks.sort = Some(i);
        }
    };
    let first = layout.shown.first().map_or(0.0, |(_, w)| w + spacing);
    let mut x = rect.min.x + layout.gap + spacing + first;
    for &(i, w) in layout.shown.iter().skip(1) {
        sort_button(ui, i, x, w);
        x += w + spacing;
    }
    // The frozen part last, over what scrolled under it.
    let left = rect.min.x + shift;
    let frozen = Rect::from_x_y_ranges(left..=left + layout.frozen(), rect.y_range());
    if shift > 0.0 {
        cover_frozen(ui, frozen.with_max_y(frozen.max.y - 1.0), None);
    }
    ui.interact(
        Rect::from_min_size(frozen.min, vec2(layout.gap, height)),
        ui.make_persistent_id("gap-head"),
        Sense::hover(),
    )
    .on_hover_text("Gaps on the item");
    if let Some(&(i, w)) = layout.shown.first() {
        sort_button(ui, i, left + layout.gap + spacing, w);
    }
}

/// The lines between the columns, from the header down, each a handle that resizes the column
/// on its left: drag it, or double-click it to fit the column to the table again. Drawn after
/// the rows, so the handles lie on top of them.
fn column_edges_ui<S: ListSection>(
    ui: &mut Ui,
    state: &mut ListState,
    columns: &[Column<S::Item>],
    layout: &Layout,
    top: egui::Pos2,
) {
    let spacing = layout.spacing;
    let bottom = ui.min_rect().max.y.min(ui.clip_rect().max.y);
    let line = ui.visuals().widgets.noninteractive.bg_stroke;
    let shift = scrolled(ui, top.x);
    let frozen_right = top.x + shift + layout.frozen();
    let mut left = top.x + layout.gap + spacing;
    ui.painter()
        .vline(left + shift - spacing / 2.0, top.y..=bottom, line);
    let mut resized = None;
    for (k, &(i, w)) in layout.shown.iter().enumerate() {
        // The frozen column's edge moves with it; the edges that scrolled under it are gone.
        let edge = if k == 0 {
            frozen_right
        } else {
            left + w + spacing / 2.0
        };
        let from = if k == 0 { left + shift } else { left };
        left += w + spacing;
        if k > 0 && edge <= frozen_right + HANDLE {
            continue;
        }
        let Some(c) = columns.get(i) else {
            continue;
        };
        let handle = Rect::from_x_y_ranges(edge - HANDLE..=edge + HANDLE, top.y..=bottom);
        let id = ui.make_persistent_id(("resize", i));
        let r = ui
            .interact(handle, id, Sense::click_and_drag())
            .on_hover_cursor(CursorIcon::ResizeColumn);
        r.widget_info(|| WidgetInfo::labeled(Role::Splitter, true, format!("Resize {}", c.title)));
        let stroke = if r.hovered() || r.dragged() {
            ui.visuals().widgets.hovered.fg_stroke
        } else {
            line
        };
        ui.painter().vline(edge, top.y..=bottom, stroke);
        if r.dragged()
            && let Some(p) = r.interact_pointer_pos()
        {
            // The edge follows the pointer, also back from the narrowest width.
            let narrowest = 3.0 * ui.text_style_height(&TextStyle::Body);
            resized = Some((i, Some((p.x - spacing / 2.0 - from).max(narrowest))));
        }
        if r.double_clicked() {
            resized = Some((i, None));
        }
    }
    if let Some((i, w)) = resized
        && let Some(slot) = state.widths.dragged.get_mut(i)
    {
        *slot = w;
    }
}

/// The rows on screen, painted: stripes, selection, hover, the gap dot and each cell's text.
#[allow(clippy::too_many_arguments)]
fn body_ui<S: ListSection>(
    ui: &mut Ui,
    plan: &Plan,
    state: &mut ListState,
    gaps: &Gaps,
    lookup: &Lookup,
    columns: &[Column<S::Item>],
    layout: &Layout,
    width: f32,
    row_h: f32,
    clicks: &mut Clicks,
) {
    let items = S::items(plan);
    let area = egui::ScrollArea::vertical()
        .id_salt(("table-y", S::SECTION.key()))
        .auto_shrink([false, false]);
    let scroll_to = if std::mem::take(&mut state.scroll_to_selected) {
        state
            .selected
            .and_then(|s| state.rows.iter().position(|&r| r == s))
    } else {
        None
    };
    // Centred when revealed, moved into view just enough when stepped to with the keyboard.
    let align = if std::mem::take(&mut state.nudge) {
        None
    } else {
        Some(egui::Align::Center)
    };
    let rows = &state.rows;
    let selected = state.selected;
    let had_focus = state.focused_row.take();
    let mut focused_row = None;
    let mut step = None;
    // The rows drawn last frame keep their text; rows scrolled away are dropped.
    let mut cached = std::mem::take(&mut state.cells.rows);
    let mut drawn = HashMap::with_capacity(cached.len());
    ui.scope(|ui| {
        // Rows touch: stripes and the selection have no gaps between them.
        ui.spacing_mut().item_spacing.y = 0.0;
        area.show_rows(ui, row_h, rows.len(), |ui, range| {
            if let Some(pos) = scroll_to {
                // The row may be far off screen: its place is known without laying it out
                // (this `ui` starts at the first visible row).
                let top = ui.max_rect().top() + (pos as f32 - range.start as f32) * row_h;
                let rect = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=top + row_h);
                ui.scroll_to_rect(rect, align);
            }
            for pos in range {
                let Some(&index) = rows.get(pos) else { break };
                let Some(item) = items.get(index) else {
                    continue;
                };
                let row = Row {
                    pos,
                    index,
                    selected: selected == Some(index),
                    had_focus: had_focus == Some(index),
                    width,
                    height: row_h,
                };
                let cells = Cells {
                    columns,
                    layout,
                    laid_out: cached.remove(&index),
                };
                let out = row_ui::<S>(ui, &row, item, plan, gaps, lookup, cells);
                if out.focused {
                    focused_row = Some(index);
                }
                if out.clicked {
                    clicks.row = Some(index);
                }
                if out.step != 0 {
                    step = Some((pos, out.step));
                }
                drawn.insert(index, out.galleys);
            }
            // Up or Down from the focused row: select the next one and take the focus there,
            // though it may not be on screen yet.
            if let Some((pos, step)) = step
                && let Some(next) = pos.checked_add_signed(step)
                && let Some(&index) = rows.get(next)
            {
                clicks.row = Some(index);
                clicks.stepped = true;
                let id = ui.make_persistent_id(("row", index));
                ui.memory_mut(|m| m.request_focus(id));
                focused_row = Some(index);
            }
        });
    });
    state.cells.rows = drawn;
    state.focused_row = focused_row;
}

/// A row's columns, those shown and their widths, and the text laid out for it last frame.
struct Cells<'c, T> {
    columns: &'c [Column<T>],
    layout: &'c Layout,
    laid_out: Option<Vec<Arc<Galley>>>,
}

/// Where a row is and how it looks.
struct Row {
    /// Its place on screen, for the stripes.
    pos: usize,
    /// The item's index in its list.
    index: usize,
    selected: bool,
    /// It had the keyboard focus last frame.
    had_focus: bool,
    width: f32,
    height: f32,
}

/// One row: whether it was clicked, and its cells' laid-out text.
fn row_ui<S: ListSection>(
    ui: &mut Ui,
    row: &Row,
    item: &S::Item,
    plan: &Plan,
    gaps: &Gaps,
    lookup: &Lookup,
    cells: Cells<'_, S::Item>,
) -> RowOut {
    let layout = cells.layout;
    // Text is laid out only for rows that were not on screen last frame.
    let galleys = match cells.laid_out {
        Some(galleys) if galleys.len() == layout.shown.len() => galleys,
        _ => layout
            .shown
            .iter()
            .map(|&(i, w)| {
                let text = cells
                    .columns
                    .get(i)
                    .map(|c| (c.text)(item, plan, lookup))
                    .unwrap_or_default();
                WidgetText::from(text).into_galley(
                    ui,
                    Some(TextWrapMode::Truncate),
                    w,
                    TextStyle::Body,
                )
            })
            .collect(),
    };
    let (_, rect) = ui.allocate_space(vec2(row.width, row.height));
    // The id follows the item, not the row's place on screen, so hover and focus stay put.
    let id = ui.make_persistent_id(("row", row.index));
    // Only the part on screen is the row's: wide tables scroll sideways under the editor.
    let on_screen = rect.intersect(ui.clip_rect());
    let response = if on_screen.is_positive() {
        ui.interact(on_screen, id, Sense::click())
    } else if row.had_focus {
        // Keeps the keyboard focus while it scrolls into view.
        ui.interact(rect, id, Sense::click())
    } else {
        return RowOut {
            galleys,
            ..RowOut::default()
        };
    };
    let visuals = ui.visuals();
    let fill = if row.selected {
        Some(visuals.selection.bg_fill)
    } else if response.hovered() {
        Some(visuals.widgets.hovered.bg_fill)
    } else if row.pos % 2 == 1 {
        Some(visuals.faint_bg_color)
    } else {
        None
    };
    let text_color = if row.selected {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    let painter = ui.painter();
    if let Some(fill) = fill {
        painter.rect_filled(rect, 0.0, fill);
    }
    let pointer = response.hover_pos();
    // What the pointer rests on that has more to say: the gap dot, or a cut cell.
    let mut tip = None;
    let spacing = layout.spacing;
    let cell_at = |x: f32, w: f32| Rect::from_min_size(pos2(x, rect.min.y), vec2(w, row.height));
    let paint = |galley: &Arc<Galley>, cell: Rect, tip: &mut Option<String>| {
        if galley.elided && pointer.is_some_and(|p| cell.contains(p)) {
            *tip = Some(galley.text().to_owned());
        }
        let top = rect.center().y - galley.size().y / 2.0;
        painter.galley(pos2(cell.min.x, top), Arc::clone(galley), text_color);
    };
    // The columns after the first, then the frozen part over whatever scrolled under it.
    let mut x = rect.min.x + layout.frozen() + spacing / 2.0;
    for (galley, &(_, w)) in galleys.iter().zip(&layout.shown).skip(1) {
        paint(galley, cell_at(x, w), &mut tip);
        x += w + spacing;
    }
    let shift = scrolled(ui, rect.min.x);
    let left = rect.min.x + shift;
    if shift > 0.0 {
        let frozen = Rect::from_x_y_ranges(left..=left + layout.frozen(), rect.y_range());
        cover_frozen(ui, frozen, fill);
        if pointer.is_some_and(|p| frozen.contains(p)) {
            tip = None;
        }
    }
    if let (Some(galley), Some(&(_, w))) = (galleys.first(), layout.shown.first()) {
        paint(galley, cell_at(left + layout.gap + spacing, w), &mut tip);
    }
    let dot = cell_at(left, layout.gap);
    if let Some(severity) = gaps.worst_on_item(S::SECTION, row.index) {
        painter.text(
            dot.center(),
            Align2::CENTER_CENTER,
            "⏺",
            TextStyle::Body.resolve(ui.style()),
            severity_color(severity),
        );
        if pointer.is_some_and(|p| dot.contains(p)) {
            tip = Some(gap_messages::<S>(gaps, row.index).join("\n"));
        }
    }
    if response.has_focus() {
        focus_outline(ui, painter, on_screen);
    }
    // Screen readers (and tests) know the row by its first column, and hear the other columns
    // (those left out for lack of room too) and the item's gaps after it.
    let name = galleys.first().map(|g| g.text()).unwrap_or_default();
    response.widget_info(|| WidgetInfo::labeled(Role::Row, true, name));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_selected(row.selected);
        let first = layout.shown.first().map(|(i, _)| *i);
        let mut parts: Vec<String> = cells
            .columns
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != first)
            .filter_map(|(i, c)| {
                let shown = layout.shown.iter().position(|(j, _)| *j == i);
                let text = match shown.and_then(|k| galleys.get(k)) {
                    Some(g) => g.text().to_owned(),
                    None => (c.text)(item, plan, lookup),
                };
                (!text.trim().is_empty()).then(|| format!("{}: {text}", c.title))
            })
            .collect();
        let gaps = gap_messages::<S>(gaps, row.index);
        if !gaps.is_empty() {
            parts.push(format!("Gaps: {}", gaps.join(" ")));
        }
        node.set_description(parts.join(", "));
    });
    // The keyboard moves through the rows (Tab, or the arrow keys from a row), and the
    // selection follows it.
    if response.clicked() {
        response.request_focus();
    }
    // (Focus moved by Tab arrives between frames, which `gained_focus` misses.)
    let has_focus = response.has_focus();
    let arrived = has_focus && !row.had_focus;
    if arrived {
        response.scroll_to_me(None);
    }
    // Up and Down move through the rows, not to whatever widget lies that way.
    let step = if has_focus {
        arrow_step(ui, id, false)
    } else {
        0
    };
    let clicked = response.clicked() || arrived;
    if let Some(tip) = tip {
        response.on_hover_text_at_pointer(tip);
    }
    RowOut {
        clicked,
        focused: has_focus,
        step,
        galleys,
    }
}

/// What a row reports.
#[derive(Default)]
struct RowOut {
    /// It was clicked, or the keyboard focus arrived on it.
    clicked: bool,
    /// It has the keyboard focus.
    focused: bool,
    /// Up (-1) or Down (+1) was pressed on it.
    step: isize,
    /// Its cells' laid-out text.
    galleys: Vec<Arc<Galley>>,
}

/// The messages of an item's gaps.
fn gap_messages<S: ListSection>(gaps: &Gaps, index: usize) -> Vec<&str> {
    gaps.on_item(S::SECTION, index)
        .map(|f| f.message.as_str())
        .collect()
}
