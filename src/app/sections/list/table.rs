//! A list section's table: a header that sorts and resizes its columns, and rows painted
//! directly. Each visible row is one widget (not one per cell), so a screen full of rows costs
//! little more to draw than a few, and only the visible rows are laid out.

use crate::analysis::lookup::Lookup;
use crate::app::checker::Gaps;
use crate::app::sections::list::{Column, ListSection, ListState, refresh_rows};
use crate::app::widgets::{arrow_step, focus_outline, severity_color, text_still_good};
use crate::model::Plan;
use egui::text::Galley;
use egui::{
    Align2, CursorIcon, Rect, RichText, Role, Sense, Stroke, TextStyle, TextWrapMode, Ui,
    UiBuilder, WidgetInfo, WidgetText, pos2, vec2,
};
use std::collections::HashMap;
use std::sync::Arc;

/// The first column: a dot when the item has gaps.
const GAP_COLUMN: f32 = 22.0;
/// The narrowest a column can be dragged.
const MIN_WIDTH: f32 = 40.0;
/// The narrowest a column that takes the rest of the width becomes.
const MIN_REST: f32 = 160.0;
/// How far either side of a column's edge the resize handle reaches.
const HANDLE: f32 = 4.0;

/// Column widths as the user left them: `None` takes the rest of the width until dragged.
#[derive(Default)]
pub struct Widths(Vec<Option<f32>>);

impl Widths {
    /// The width of each column, the gap column first, to fill `available` points.
    fn resolve<T>(&mut self, columns: &[Column<T>], available: f32, spacing: f32) -> Vec<f32> {
        if self.0.len() != columns.len() {
            self.0 = columns.iter().map(|c| c.width).collect();
        }
        let fixed: f32 = self.0.iter().flatten().sum();
        let rest = self.0.iter().filter(|w| w.is_none()).count();
        let used = GAP_COLUMN + fixed + spacing * columns.len() as f32;
        let share = if rest == 0 {
            0.0
        } else {
            ((available - used) / rest as f32).max(MIN_REST)
        };
        std::iter::once(GAP_COLUMN)
            .chain(self.0.iter().map(|w| w.unwrap_or(share)))
            .collect()
    }
}

/// The laid-out text of the rows drawn last frame, so that a frame with nothing new to show
/// lays out no text. Kept for one plan revision, text size and set of widths; holds only the
/// rows on screen.
#[derive(Default)]
pub struct CellCache {
    key: Option<(u64, u32, Vec<u32>)>,
    rows: HashMap<usize, Vec<Arc<Galley>>>,
    /// See [`text_still_good`].
    generation: Option<Arc<Galley>>,
}

impl CellCache {
    /// Starts a frame: forgets everything when the plan, the text size or the widths changed,
    /// or egui laid all text out anew.
    fn begin(&mut self, revision: u64, ui: &Ui, widths: &[f32]) {
        let size = ui.text_style_height(&TextStyle::Body) * ui.ctx().pixels_per_point();
        let key = (
            revision,
            size.to_bits(),
            widths.iter().map(|w| w.to_bits()).collect(),
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

/// The table, scrolling sideways when its columns are wider than the space it has.
pub(super) fn table_ui<S: ListSection>(
    ui: &mut Ui,
    plan: &Plan,
    state: &mut ListState,
    gaps: &Gaps,
    lookup: &Lookup,
    revision: u64,
) {
    let columns = S::columns();
    refresh_rows::<S>(plan, lookup, state, &columns, revision);
    let spacing = ui.spacing().item_spacing.x;
    let widths = state
        .widths
        .resolve(&columns, ui.available_width(), spacing);
    let total: f32 = widths.iter().sum::<f32>() + spacing * (widths.len() - 1) as f32;
    let row_h = (ui.text_style_height(&TextStyle::Body) + 12.0).round();
    state.cells.begin(revision, ui, &widths);
    let mut clicks = Clicks::default();
    egui::ScrollArea::horizontal()
        .id_salt(("table-x", S::SECTION.key()))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let width = total.max(ui.available_width());
            let top = ui.cursor().min;
            header_ui::<S>(
                ui,
                state,
                &columns,
                &widths,
                width,
                row_h + 2.0,
                &mut clicks,
            );
            body_ui::<S>(
                ui,
                plan,
                state,
                gaps,
                lookup,
                &columns,
                &widths,
                width,
                row_h,
                &mut clicks,
            );
            column_edges_ui::<S>(ui, state, &columns, &widths, top);
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

/// The header: a sort button per column and a handle on each column's right edge to resize it.
fn header_ui<S: ListSection>(
    ui: &mut Ui,
    state: &mut ListState,
    columns: &[Column<S::Item>],
    widths: &[f32],
    width: f32,
    height: f32,
    clicks: &mut Clicks,
) {
    let spacing = ui.spacing().item_spacing.x;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let line = ui.visuals().widgets.noninteractive.bg_stroke;
    ui.painter().hline(
        rect.x_range(),
        rect.max.y - 0.5,
        Stroke::new(1.0, line.color),
    );
    let mut x = rect.min.x;
    let Some((&gap_w, widths)) = widths.split_first() else {
        return;
    };
    let gap_cell = Rect::from_min_size(pos2(x, rect.min.y), vec2(gap_w, height));
    ui.interact(gap_cell, ui.make_persistent_id("gap-head"), Sense::hover())
        .on_hover_text("Gaps on the item");
    x += gap_w + spacing;
    for (i, (c, &w)) in columns.iter().zip(widths).enumerate() {
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
        if sort.on_hover_text("Sort").clicked() {
            clicks.sort = Some(i);
        }
        x += w + spacing;
    }
}

/// The lines between the columns, from the header down, each a handle that resizes the column
/// on its left: drag it, or double-click it for the column's first width. Drawn after the rows,
/// so the handles lie on top of them.
fn column_edges_ui<S: ListSection>(
    ui: &mut Ui,
    state: &mut ListState,
    columns: &[Column<S::Item>],
    widths: &[f32],
    top: egui::Pos2,
) {
    let spacing = ui.spacing().item_spacing.x;
    let bottom = ui.min_rect().max.y.min(ui.clip_rect().max.y);
    let line = ui.visuals().widgets.noninteractive.bg_stroke;
    let Some((&gap_w, widths)) = widths.split_first() else {
        return;
    };
    let mut left = top.x + gap_w + spacing;
    ui.painter()
        .vline(left - spacing / 2.0, top.y..=bottom, line);
    let mut resized = None;
    for (i, (c, &w)) in columns.iter().zip(widths).enumerate() {
        let edge = left + w + spacing / 2.0;
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
            resized = Some((i, Some((p.x - spacing / 2.0 - left).max(MIN_WIDTH))));
        }
        if r.double_clicked() {
            resized = Some((i, c.width));
        }
        left += w + spacing;
    }
    if let Some((i, w)) = resized
        && let Some(slot) = state.widths.0.get_mut(i)
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
    widths: &[f32],
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
    let spacing = ui.spacing().item_spacing.x;
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
                    spacing,
                };
                let cells = Cells {
                    columns,
                    widths,
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

/// A row's columns, their widths, and the text laid out for it last frame.
struct Cells<'c, T> {
    columns: &'c [Column<T>],
    widths: &'c [f32],
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
    spacing: f32,
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
    let Some((&gap_w, widths)) = cells.widths.split_first() else {
        return RowOut::default();
    };
    // Text is laid out only for rows that were not on screen last frame.
    let galleys = match cells.laid_out {
        Some(galleys) if galleys.len() == cells.columns.len() => galleys,
        _ => cells
            .columns
            .iter()
            .zip(widths)
            .map(|(c, &w)| {
                WidgetText::from((c.text)(item, plan, lookup)).into_galley(
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
    if response.has_focus() {
        focus_outline(ui, painter, rect);
    }
    let pointer = response.hover_pos();
    // What the pointer rests on that has more to say: the gap dot, or a cut cell.
    let mut tip = None;
    let mut x = rect.min.x;
    let dot = Rect::from_min_size(pos2(x, rect.min.y), vec2(gap_w, row.height));
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
    x += gap_w + row.spacing;
    for (galley, &w) in galleys.iter().zip(widths) {
        let cell = Rect::from_min_size(pos2(x, rect.min.y), vec2(w, row.height));
        if galley.elided && pointer.is_some_and(|p| cell.contains(p)) {
            tip = Some(galley.text().to_owned());
        }
        let top = rect.center().y - galley.size().y / 2.0;
        painter.galley(pos2(x, top), Arc::clone(galley), text_color);
        x += w + row.spacing;
    }
    // Screen readers (and tests) know the row by its first column, and hear the other columns
    // and the item's gaps after it.
    let name = galleys.first().map(|g| g.text()).unwrap_or_default();
    response.widget_info(|| WidgetInfo::labeled(Role::Row, true, name));
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_selected(row.selected);
        let mut parts: Vec<String> = cells
            .columns
            .iter()
            .zip(&galleys)
            .skip(1)
            .filter(|(_, g)| !g.text().trim().is_empty())
            .map(|(c, g)| format!("{}: {}", c.title, g.text()))
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
