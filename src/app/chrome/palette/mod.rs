//! The palette (Ctrl+K): type to go to anything. An account, a person, a meeting, any item of
//! the plan, an open gap (by its message), a view or a command, found by a fuzzy match
//! (`fuzzy.rs`) over an index built when the palette opens (`index.rs`). Arrow keys pick, Enter
//! goes, Esc closes. Choosing runs the command that goes there: an item opens selected in its
//! section, a gap opens at the field it points at, a view opens, a command runs.

mod fuzzy;
mod index;

pub use index::{Index, Sources};

use crate::app::commands::Command;
use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Context, Id, Key, RichText, Sense, Stroke, TextStyle, Ui, WidgetInfo};
use fuzzy::{Query, Scratch};

/// The most results a query shows; typing more narrows them.
const MOST_SHOWN: usize = 100;

/// The palette's state while open.
#[derive(Default)]
pub struct PaletteState {
    query: String,
    selected: usize,
    focused: bool,
    search: Search,
    /// The first row in view last frame.
    first_row: usize,
}

/// The entries that match a query, worked out once per change of the query.
#[derive(Default)]
struct Search {
    /// The query and the index build the results are for.
    done_for: Option<(String, u64)>,
    /// The texts that match, by number.
    texts: Vec<u32>,
    /// Each text's score (`None`: no match), by number.
    scores: Vec<Option<i32>>,
    /// How many entries match.
    matched: usize,
    /// The best [`MOST_SHOWN`] of them, best first, by their place in the index.
    shown: Vec<u32>,
    scratch: Scratch,
}

impl Search {
    /// Matches `query` against the index, if it or the index changed. Each text is scored once,
    /// however many entries share it; and when the query only grew, the texts that matched
    /// before are the only ones that can match now: only they are tried.
    fn update(&mut self, query: &str, index: &Index) {
        let generation = index.generation();
        if self
            .done_for
            .as_ref()
            .is_some_and(|(q, g)| q == query && *g == generation)
        {
            return;
        }
        let q = Query::new(query);
        let entries = index.entries();
        let texts = index.texts();
        if q.is_empty() {
            self.shown = (0..index.offered()).filter_map(as_u32).collect();
            self.matched = self.shown.len();
            self.texts.clear();
        } else {
            let narrows = self.done_for.as_ref().is_some_and(|(before, g)| {
                *g == generation && !Query::new(before).is_empty() && query.starts_with(before)
            });
            let candidates: Vec<u32> = if narrows {
                std::mem::take(&mut self.texts)
            } else {
                (0..texts.len()).filter_map(as_u32).collect()
            };
            self.scores.clear();
            self.scores.resize(texts.len(), None);
            self.texts.clear();
            for t in candidates {
                let (chars, bonus) = texts.get(t);
                let score = q.score(chars, bonus, &mut self.scratch);
                if let Some(slot) = self.scores.get_mut(t as usize) {
                    *slot = score;
                }
                if score.is_some() {
                    self.texts.push(t);
                }
            }
            let scores = &self.scores;
            let mut scored: Vec<(i32, usize, u32)> = entries
                .iter()
                .enumerate()
                .filter_map(|(i, e)| {
                    let score = scores.get(e.text as usize).copied().flatten()?;
                    Some((score, texts.get(e.text).0.len(), as_u32(i)?))
                })
                .collect();
            self.matched = scored.len();
            // Best first; then the shorter text, then the index's order (views, commands,
            // accounts, people, ... gaps).
            let order = |&(score, len, i): &(i32, usize, u32)| (std::cmp::Reverse(score), len, i);
            if scored.len() > MOST_SHOWN {
                scored.select_nth_unstable_by_key(MOST_SHOWN - 1, order);
                scored.truncate(MOST_SHOWN);
            }
            scored.sort_unstable_by_key(order);
            self.shown = scored.into_iter().map(|(_, _, i)| i).collect();
        }
        self.done_for = Some((query.to_owned(), generation));
    }
}

fn as_u32(i: usize) -> Option<u32> {
    u32::try_from(i).ok()
}

/// Draws the palette, refreshing `index` first if the plan or its gaps changed. Returns
/// `Some(choice)` when it closes, with the command that goes where the user chose, if any.
pub fn palette_ui(
    ctx: &Context,
    state: &mut PaletteState,
    index: &mut Index,
    sources: &Sources<'_>,
) -> Option<Option<Command>> {
    index.refresh(sources);
    let mut result = None;
    let modal = egui::Modal::new(Id::unique("palette")).show(ctx, |ui| {
        let body = ui.text_style_height(&TextStyle::Body);
        let screen = ui.ctx().content_rect();
        // About sixty letters wide, never wider than the window.
        let width = (body * 40.0)
            .min(screen.width() - body * 4.0)
            .max(body * 10.0);
        ui.set_width(width);
        let l = ui.label(RichText::new("Go to anything").strong());
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .hint_text("An account, a person, a gap, a view or a command…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        // Again until it has the keyboard: a modal's first frame only measures it.
        if !state.focused {
            if r.has_focus() {
                state.focused = true;
            } else {
                r.request_focus();
            }
        }
        state.search.update(&state.query, index);
        let count = state.search.shown.len();
        let (down, up, page_down, page_up, enter) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::PageDown),
                i.key_pressed(Key::PageUp),
                i.key_pressed(Key::Enter),
            )
        });
        // Rows in view: as many as fit in about half the window, at least 8 and at most 14.
        let row_height = ui.spacing().interact_size.y.max(body + 4.0);
        let stride = row_height + ui.spacing().item_spacing.y;
        let rows = ((screen.height() * 0.55) / stride).floor().clamp(8.0, 14.0) as usize;
        let last = count.saturating_sub(1);
        let before = state.selected;
        if r.changed() {
            state.selected = 0;
        }
        if down {
            state.selected += 1;
        }
        if up {
            state.selected = state.selected.saturating_sub(1);
        }
        if page_down {
            state.selected += rows;
        }
        if page_up {
            state.selected = state.selected.saturating_sub(rows);
        }
        state.selected = state.selected.min(last);
        ui.separator();
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("palette-results")
            .max_height(stride * rows as f32)
            .min_scrolled_height(stride * rows as f32)
            .auto_shrink([false, false]);
        // Keep the selected row in view when it moved past the rows shown.
        if state.selected != before || r.changed() {
            let top = if state.selected < state.first_row {
                Some(state.selected)
            } else if state.selected >= state.first_row + rows {
                Some(state.selected + 1 - rows)
            } else {
                None
            };
            if let Some(top) = top {
                scroll = scroll.vertical_scroll_offset(top as f32 * stride);
            }
        }
        let query = Query::new(&state.query);
        let shown = &state.search.shown;
        let entries = index.entries();
        let output = scroll.show_rows(ui, row_height, count, |ui, range| {
            for row in range {
                let Some(entry) = shown.get(row).and_then(|&i| entries.get(i as usize)) else {
                    continue;
                };
                let selected = row == state.selected;
                if row_ui(
                    ui,
                    entry,
                    &query,
                    selected,
                    row_height,
                    index.texts(),
                    sources,
                ) {
                    result = Some(entry.target.command(sources.gaps));
                }
            }
        });
        state.first_row = (output.state.clamped_offset().y / stride).round() as usize;
        // Always one line, so the palette keeps its height as results come and go.
        let matched = state.search.matched;
        let footer = if count == 0 {
            "Nothing matches".to_owned()
        } else if matched > count {
            format!("The best {count} of {matched}: type more to narrow")
        } else {
            "Arrow keys pick, Enter goes, Esc closes".to_owned()
        };
        ui.weak(footer);
        if enter
            && let Some(entry) = state
                .search
                .shown
                .get(state.selected)
                .and_then(|&i| entries.get(i as usize))
        {
            result = Some(entry.target.command(sources.gaps));
        }
    });
    if modal.should_close() && result.is_none() {
        result = Some(None);
    }
    result
}

/// One result: what kind it is, its name with the letters typed marked, and a few words more.
/// Painted as one widget; true when clicked.
fn row_ui(
    ui: &mut Ui,
    entry: &index::Entry,
    query: &Query,
    selected: bool,
    height: f32,
    texts: &index::Texts,
    sources: &Sources<'_>,
) -> bool {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), Sense::click());
    let target = &entry.target;
    let name = target.name(sources);
    let detail = target.detail(sources, ui.ctx());
    let mut label = format!("{} · {name}", target.kind());
    if let Some(d) = &detail {
        label.push_str(" · ");
        label.push_str(d);
    }
    response.widget_info(|| WidgetInfo::labeled(egui::Role::ListBoxOption, true, &label));
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_selected(selected));
    if !ui.is_rect_visible(rect) {
        return response.clicked();
    }
    let visuals = ui.visuals();
    if selected {
        ui.painter().rect_filled(
            rect,
            visuals.widgets.active.corner_radius,
            visuals.selection.bg_fill,
        );
    } else if response.hovered() {
        ui.painter().rect_filled(
            rect,
            visuals.widgets.hovered.corner_radius,
            visuals.widgets.hovered.weak_bg_fill,
        );
    }
    let font = TextStyle::Body.resolve(ui.style());
    let plain = TextFormat::simple(font.clone(), visuals.text_color());
    let weak = TextFormat::simple(font.clone(), visuals.weak_text_color());
    let strong = visuals.strong_text_color();
    let marked = TextFormat {
        underline: Stroke::new(1.0, strong),
        ..TextFormat::simple(font, strong)
    };
    let mut job = LayoutJob::default();
    job.append(target.kind(), 0.0, weak.clone());
    job.append(" · ", 0.0, weak.clone());
    // The letters typed, marked where the match found them.
    let places = query.positions(texts.get(entry.text).0);
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in name.chars().enumerate() {
        let is_marked = places.binary_search(&i).is_ok();
        if is_marked != run_marked && !run.is_empty() {
            job.append(
                &run,
                0.0,
                if run_marked {
                    marked.clone()
                } else {
                    plain.clone()
                },
            );
            run.clear();
        }
        run_marked = is_marked;
        run.push(c);
    }
    job.append(&run, 0.0, if run_marked { marked } else { plain });
    if let Some(d) = &detail {
        job.append(" · ", 0.0, weak.clone());
        job.append(d, 0.0, weak);
    }
    let pad = ui.spacing().button_padding.x;
    job.wrap = TextWrapping {
        max_width: (width - 2.0 * pad).max(0.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
    let at = egui::pos2(rect.left() + pad, rect.center().y - galley.size().y / 2.0);
    ui.painter().galley(at, galley, visuals.text_color());
    response.clicked()
}
