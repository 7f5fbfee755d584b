//! The shape every list section shares: a searchable, sortable table that draws only the
//! visible rows, and the selected item's editor beside it.

use crate::analysis::lookup::Lookup;
use crate::app::checker::Gaps;
use crate::app::commands::Command;
use crate::app::derived::Derived;
use crate::app::widgets::{Edits, severity_color};
use crate::check::Finding;
use crate::model::{Date, DateTime, Plan, Section};
use egui::{RichText, Ui};
use std::cmp::Ordering;

mod fit;
mod table;

pub use fit::Priority;

/// How a column sorts.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum SortKey {
    /// By text, case-insensitively.
    Text(String),
    /// By number.
    Number(f64),
}

/// The cell text of a column: the item, its plan, and answers about the plan worked out once per
/// version (so a cell never scans the plan).
pub type CellText<T> = fn(&T, &Plan, &Lookup) -> String;

/// The sort key of a column.
pub type CellKey<T> = fn(&T, &Plan, &Lookup) -> SortKey;

/// How wide a column wants to be, in terms of its text, never in fixed points: the table
/// measures it with the text size of the moment (so it is right at any zoom), and the header
/// title is always whole.
#[derive(Clone, Copy)]
pub enum Fit {
    /// Free text: readable at `min` characters, whole at about `pref`; takes a share of spare
    /// width.
    Chars {
        /// The narrowest, in characters.
        min: f32,
        /// The preferred width, in characters.
        pref: f32,
    },
    /// As wide as the widest of these texts (every status, a representative date, the largest
    /// count), and never wider: shown whole or not at all.
    Widest(fn() -> Vec<String>),
}

/// One column of a list.
pub struct Column<T> {
    /// Header.
    pub title: &'static str,
    /// How wide it wants to be.
    pub fit: Fit,
    /// How much it matters when the width runs out: the least important columns are left
    /// out first (the editor beside the table still shows every field).
    pub priority: Priority,
    /// The cell text.
    pub text: CellText<T>,
    /// The sort key; `None` sorts by the cell text.
    pub key: Option<CellKey<T>>,
}

/// A column being declared: its header, how wide it wants to be and how much it matters; the
/// text comes last. `column("Name").priority(Always).chars(12.0, 26.0).text(|a, _, _| ..)`.
#[derive(Clone, Copy)]
pub struct ColumnHead {
    title: &'static str,
    fit: Fit,
    priority: Priority,
}

/// Starts declaring a column titled `title`: of normal priority, 6 to 14 characters wide until
/// said otherwise.
pub const fn column(title: &'static str) -> ColumnHead {
    ColumnHead {
        title,
        fit: Fit::Chars {
            min: 6.0,
            pref: 14.0,
        },
        priority: Priority::Normal,
    }
}

impl ColumnHead {
    /// Readable at `min` characters, whole at about `pref`.
    pub const fn chars(mut self, min: f32, pref: f32) -> Self {
        self.fit = Fit::Chars { min, pref };
        self
    }

    /// As wide as the widest of `samples` (see [`Fit::Widest`]).
    pub const fn widest(mut self, samples: fn() -> Vec<String>) -> Self {
        self.fit = Fit::Widest(samples);
        self
    }

    /// How much the column matters (see [`Priority`]).
    pub const fn priority(mut self, priority: Priority) -> Self {
        self.priority = priority;
        self
    }

    /// The column, showing `text` and sorting by it.
    pub const fn text<T>(self, text: CellText<T>) -> Column<T> {
        Column {
            title: self.title,
            fit: self.fit,
            priority: self.priority,
            text,
            key: None,
        }
    }

    /// The column, showing `text` and sorting by `key`.
    pub const fn keyed<T>(self, text: CellText<T>, key: CellKey<T>) -> Column<T> {
        let mut c = self.text(text);
        c.key = Some(key);
        c
    }
}

impl<T> Column<T> {
    fn sort_key(&self, item: &T, plan: &Plan, lookup: &Lookup) -> SortKey {
        match self.key {
            Some(k) => k(item, plan, lookup),
            None => SortKey::Text(crate::model::fold(&(self.text)(item, plan, lookup))),
        }
    }
}

/// What a list section is: its items, columns, and editor.
pub trait ListSection {
    /// The item type.
    type Item;
    /// The section.
    const SECTION: Section;
    /// A word for one item ("account").
    const NOUN: &'static str;
    /// The items.
    fn items(plan: &Plan) -> &Vec<Self::Item>;
    /// The items, to change.
    fn items_mut(plan: &mut Plan) -> &mut Vec<Self::Item>;
    /// The table's columns.
    fn columns() -> Vec<Column<Self::Item>>;
    /// A new item with a fresh id.
    fn new_item(plan: &Plan, today: Date) -> Self::Item;
    /// The item's id.
    fn id(item: &Self::Item) -> &str;
    /// What a new item's id is made from.
    fn name(item: &Self::Item) -> String;
    /// The item's editor; `cx.highlight` names the field a gap points at.
    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>);
}

/// What an editor gets besides the plan.
pub struct EditorCx<'a> {
    /// Today, for sign-offs.
    pub today: Date,
    /// Answers about the plan as it was at the start of the frame, and the pickers' choices.
    pub derived: &'a Derived,
    /// The field to highlight.
    pub highlight: Option<&'static str>,
    /// Where the editor reports changes.
    pub edits: &'a mut Edits,
    /// Commands for the app to run at the end of the frame.
    pub commands: &'a mut Vec<Command>,
    /// A requested id rename: (old, new). The list asks the app for it with
    /// [`Command::RenameId`].
    pub rename: &'a mut Option<(String, String)>,
}

/// The item at `index` to edit, and whether another item of its list has a given id (for the id
/// field's "already used", without copying every id each frame).
pub fn edit_item<T>(
    items: &mut [T],
    index: usize,
    id: fn(&T) -> &str,
) -> Option<(&mut T, impl Fn(&str) -> bool + '_)> {
    if index >= items.len() {
        return None;
    }
    let (before, rest) = items.split_at_mut(index);
    let (item, after) = rest.split_first_mut()?;
    let (before, after) = (&*before, &*after);
    let taken = move |wanted: &str| before.iter().chain(after).any(|x| id(x) == wanted);
    Some((item, taken))
}

/// The position of `item` in `items`, when it is one of them: found by its place in memory, in
/// constant time, so a cell can find its item's results without an id lookup (and two items
/// with the same id each find their own).
pub fn position_of<T>(items: &[T], item: &T) -> Option<usize> {
    let size = std::mem::size_of::<T>();
    if size == 0 {
        return None;
    }
    let offset = (std::ptr::from_ref(item) as usize).checked_sub(items.as_ptr() as usize)?;
    let i = offset / size;
    items.get(i).filter(|x| std::ptr::eq(*x, item)).map(|_| i)
}

/// What the cached row order was computed for: plan revision, search text, sort.
type RowsKey = (u64, String, Option<(usize, bool)>);

/// Per-section table state: selection, search, sort, and the cached row order.
#[derive(Default)]
pub struct ListState {
    /// The selected item's index in its list.
    pub selected: Option<usize>,
    /// The search text.
    pub filter: String,
    /// Sorted column and whether ascending.
    pub sort: Option<(usize, bool)>,
    /// Focus the search box next frame.
    pub focus_filter: bool,
    /// Scroll the selected row into view next frame.
    pub scroll_to_selected: bool,
    /// The field a gap points at, for the selected item.
    pub highlight: Option<&'static str>,
    /// The id of a just-added item, which follows its name until the id is edited by hand.
    pub following: Option<String>,
    rows: Vec<usize>,
    rows_for: Option<RowsKey>,
    widths: table::Widths,
    cells: table::CellCache,
    /// The row with the keyboard focus last frame, by item index.
    focused_row: Option<usize>,
    /// Scroll the selected row into view just enough, not to the centre.
    nudge: bool,
}

impl ListState {
    /// Selects an item and scrolls to it.
    pub fn select(&mut self, index: usize, highlight: Option<&'static str>) {
        self.following = None;
        self.selected = Some(index);
        self.scroll_to_selected = true;
        self.highlight = highlight;
    }
}

/// Draws a list section: toolbar, table and editor; returns what the editor changed. An id
/// rename the editor asks for is queued as [`Command::RenameId`].
pub fn section_ui<S: ListSection>(
    ui: &mut Ui,
    plan: &mut Plan,
    state: &mut ListState,
    gaps: &Gaps,
    derived: &Derived,
    today: Date,
    commands: &mut Vec<Command>,
) -> Edits {
    let revision = derived.version();
    let mut edits = Edits::default();
    let mut rename = None;
    let len = S::items(plan).len();
    if state.selected.is_some_and(|i| i >= len) {
        state.selected = len.checked_sub(1);
    }
    // Something is always open in the editor, so the first glance shows what can be edited.
    if state.selected.is_none() && len > 0 && state.filter.is_empty() {
        state.selected = Some(0);
    }
    // The editor takes at most half of the width it shares with the table, so the table keeps
    // its columns that matter on a small screen or a zoomed one.
    let half = ui.available_width() / 2.0;
    egui::Panel::right(("editor", S::SECTION.key()))
        .resizable(true)
        .default_size(400.0)
        .min_size(300.0)
        .max_size(half.max(300.0))
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| match state.selected {
                    Some(index) => {
                        item_gaps_ui(ui, gaps.on_item(S::SECTION, index));
                        let mut cx = EditorCx {
                            today,
                            derived,
                            highlight: state.highlight,
                            edits: &mut edits,
                            commands,
                            rename: &mut rename,
                        };
                        S::editor_ui(ui, plan, index, &mut cx);
                        if edits.changed {
                            edits.item = Some((S::SECTION, index));
                        }
                    }
                    None => {
                        ui.add_space(24.0);
                        ui.vertical_centered(|ui| {
                            ui.weak(format!(
                                "Select {} {} to edit it,",
                                article(S::NOUN),
                                S::NOUN
                            ));
                            if ui.button(format!("or add a new {}", S::NOUN)).clicked() {
                                commands.push(Command::AddItem);
                            }
                        });
                    }
                });
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let columns = S::columns();
        let layout = table::layout::<S>(ui, state, &columns);
        let hidden: Vec<&str> = layout
            .hidden
            .iter()
            .filter_map(|&i| columns.get(i).map(|c| c.title))
            .collect();
        toolbar_ui::<S>(ui, plan, state, &hidden, commands);
        let lookup = &derived.lookup;
        let versions = (revision, derived.revision());
        table::table_ui::<S>(ui, plan, state, gaps, lookup, versions, &columns, &layout);
    });
    if edits.changed {
        state.highlight = None;
        if rename.is_none() {
            follow_name::<S>(plan, state, commands);
        }
    }
    if let Some((old, new)) = rename {
        state.following = None;
        commands.push(Command::RenameId {
            section: S::SECTION,
            old,
            new,
        });
    }
    edits
}

/// Longest id made from a name.
const MAX_MADE_ID: usize = 40;

/// Keeps a just-added item's id made from its name, and unique: asks for the new id with
/// [`Command::IdFollowsName`], which takes it into the name's undo step.
fn follow_name<S: ListSection>(plan: &Plan, state: &mut ListState, commands: &mut Vec<Command>) {
    let (Some(index), Some(following)) = (state.selected, state.following.clone()) else {
        return;
    };
    let Some(item) = S::items(plan).get(index) else {
        return;
    };
    if S::id(item) != following {
        state.following = None;
        return;
    }
    let mut made = crate::model::slug(&S::name(item));
    if made.len() > MAX_MADE_ID {
        let cut = made
            .get(..MAX_MADE_ID)
            .and_then(|s| s.rfind('-'))
            .unwrap_or(MAX_MADE_ID);
        made.truncate(cut);
    }
    let items = S::items(plan);
    let others = items
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, x)| S::id(x));
    let new = crate::model::unique_id(&made, others);
    if new != following {
        commands.push(Command::IdFollowsName {
            section: S::SECTION,
            old: following,
            new,
        });
    }
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn item_gaps_ui<'a>(ui: &mut Ui, findings: impl Iterator<Item = &'a Finding>) {
    let mut any = false;
    for f in findings {
        any = true;
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                severity_color(f.severity),
                RichText::new(format!("⏺ {}", f.rule)).strong(),
            );
            ui.label(&f.message);
        });
    }
    if any {
        ui.separator();
    }
}

/// The section's title and count, the columns left out for lack of room (`hidden`), the
/// buttons and the search box.
fn toolbar_ui<S: ListSection>(
    ui: &mut Ui,
    plan: &Plan,
    state: &mut ListState,
    hidden: &[&str],
    commands: &mut Vec<Command>,
) {
    let total = S::items(plan).len();
    ui.horizontal_wrapped(|ui| {
        ui.heading(S::SECTION.title());
        if state.filter.is_empty() {
            ui.weak(format!(
                "{} {}",
                crate::model::human::number(total as f64, 0),
                plural(S::NOUN, total)
            ));
        } else {
            let number = |n: usize| crate::model::human::number(n as f64, 0);
            ui.weak(format!(
                "{} of {} shown",
                number(state.rows.len()),
                number(total)
            ));
        }
        if !hidden.is_empty() {
            let n = hidden.len();
            ui.weak(format!("· {n} {} not shown", plural("column", n)))
                .on_hover_text(format!(
                    "No room for {}. The editor shows every field of the selected {}; a \
                     wider window or a narrower editor brings the {} back.",
                    and_list(hidden),
                    S::NOUN,
                    plural("column", n),
                ));
        }
    });
    // Wraps rather than overlaps when the type is large (presentation mode).
    ui.horizontal_wrapped(|ui| {
        let has_selection = state.selected.is_some();
        if ui.button(format!("+ Add {}", S::NOUN)).clicked() {
            commands.push(Command::AddItem);
        }
        if ui
            .add_enabled(has_selection, egui::Button::new("Duplicate"))
            .clicked()
        {
            commands.push(Command::DuplicateItem);
        }
        if ui
            .add_enabled(has_selection, egui::Button::new("Delete…"))
            .clicked()
        {
            commands.push(Command::DeleteItem);
        }
    });
    ui.horizontal(|ui| {
        let search_label = ui.label("Search");
        let width = (ui.available_width() - 40.0).max(120.0);
        let search = ui
            .add(
                egui::TextEdit::singleline(&mut state.filter)
                    .hint_text("any column · Ctrl+F")
                    .desired_width(width),
            )
            .labelled_by(search_label.id);
        if std::mem::take(&mut state.focus_filter) {
            // Ctrl+F selects what was searched before, so typing replaces it.
            search.request_focus();
            if let Some(mut text_state) = egui::TextEdit::load_state(ui.ctx(), search.id) {
                let all = egui::text::CCursorRange::two(
                    egui::text::CCursor::new(0),
                    egui::text::CCursor::new(state.filter.chars().count()),
                );
                text_state.cursor.set_char_range(Some(all));
                text_state.store(ui.ctx(), search.id);
            }
        }
        if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            state.filter.clear();
        }
        if !state.filter.is_empty() && ui.small_button("✖").on_hover_text("Clear search").clicked()
        {
            state.filter.clear();
        }
    });
    ui.add_space(4.0);
}

/// "A", "A and B", "A, B and C".
fn and_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The texts to size a date column by: `format` applied to a day in every month and on every
/// weekday, at a late two-digit hour, so that whatever the format (month and weekday names
/// differ in width), the widest date fits. A date column sizes itself with
/// `.widest(|| date_samples(f))`, `f` being the function its cells use, so a new format keeps
/// the column whole.
pub fn date_samples(format: impl Fn(DateTime) -> String) -> Vec<String> {
    let months = (1..=12).filter_map(|m| Date::from_ymd(2027, m, 28));
    let weekdays = (22..=28).filter_map(|d| Date::from_ymd(2027, 9, d));
    months
        .chain(weekdays)
        .map(|d| format(d.at(23, 58)))
        .collect()
}

/// The plural of a noun, for counts.
pub fn plural(noun: &str, n: usize) -> String {
    if n == 1 {
        noun.to_owned()
    } else if noun == "person" {
        "people".to_owned()
    } else if let Some(stem) = noun.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{noun}s")
    }
}

fn refresh_rows<S: ListSection>(
    plan: &Plan,
    lookup: &Lookup,
    state: &mut ListState,
    columns: &[Column<S::Item>],
    revision: u64,
) {
    let wanted = (revision, state.filter.clone(), state.sort);
    if state.rows_for.as_ref() == Some(&wanted) {
        return;
    }
    let items = S::items(plan);
    // Case, accents and script ignored, as names are compared everywhere: "gdansk" finds Gdańsk.
    let needle = crate::model::fold(state.filter.trim());
    let mut rows: Vec<usize> = (0..items.len())
        .filter(|&i| {
            needle.is_empty()
                || items.get(i).is_some_and(|item| {
                    S::id(item).contains(&needle)
                        || columns.iter().any(|c| {
                            crate::model::fold(&(c.text)(item, plan, lookup)).contains(&needle)
                        })
                })
        })
        .collect();
    if let Some((col, ascending)) = state.sort
        && let Some(column) = columns.get(col)
    {
        let mut keyed: Vec<(SortKey, usize)> = rows
            .iter()
            .filter_map(|&i| {
                items
                    .get(i)
                    .map(|item| (column.sort_key(item, plan, lookup), i))
            })
            .collect();
        keyed.sort_by(|a, b| {
            let o =
                a.0.partial_cmp(&b.0)
                    .unwrap_or(Ordering::Equal)
                    .then(a.1.cmp(&b.1));
            if ascending { o } else { o.reverse() }
        });
        rows = keyed.into_iter().map(|(_, i)| i).collect();
    }
    state.rows = rows;
    state.rows_for = Some(wanted);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_samples_cover_every_month_and_weekday() {
        let samples = date_samples(|m| m.0.format("%a %b %H:%M").to_string());
        let all = samples.join(" ");
        for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
            assert!(all.contains(day), "{day} in {all}");
        }
        for month in [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ] {
            assert!(all.contains(month), "{month} in {all}");
        }
        assert!(samples.iter().all(|s| s.ends_with("23:58")), "a late hour");
    }

    #[test]
    fn a_list_of_names_reads_as_english() {
        assert_eq!(and_list(&["Segment"]), "Segment");
        assert_eq!(and_list(&["Segment", "Messages"]), "Segment and Messages");
        assert_eq!(
            and_list(&["Tier", "Segment", "Messages"]),
            "Tier, Segment and Messages"
        );
    }
}
