//! The message map board: messages against the segments and tier-1 accounts they cover, with
//! the columns no message covers marked in red, and the accounts no message reaches.
//!
//! The matrix scrolls both ways with the headline column and the header row frozen, and draws
//! only the rows and columns on screen, so it stays fast with thousands of tier-1 accounts.

use super::board::BoardCx;
use crate::app::commands::Command;
use crate::app::widgets::{ItemInfo, palette, pointer_sensor, severity_color, strip_ui};
use crate::check::Severity;
use crate::fingerprint::Signable;
use crate::model::{Account, Message, Plan, Section, Team};
use egui::accesskit::Role;
use egui::text::{LayoutJob, TextWrapping};
use egui::{
    Align2, Color32, CursorIcon, FontId, PointerButton, Pos2, Rect, RichText, Sense, Stroke,
    TextStyle, Ui, WidgetInfo, pos2, vec2,
};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// State between frames.
#[derive(Default)]
pub struct MessageMapState {
    /// Clicking a cell changes the plan (adds or removes the segment or the message) instead of
    /// opening the item.
    pub edit: bool,
    /// The columns and what covers them, for one revision of the plan.
    summary: Option<(u64, Summary)>,
    /// The column header the keyboard is on.
    focus_head: Option<usize>,
    /// The headline the keyboard is on.
    focus_line: Option<usize>,
    /// The uncovered account the keyboard is on: its row of links, and its place in the row.
    focus_link: Option<(usize, usize)>,
}

/// What the map shows of the plan, worked out in one linear pass per revision so that a frame
/// costs only the cells in view.
struct Summary {
    cols: Vec<MapColumn>,
    n_segments: usize,
    /// Per column: no message covers it.
    gap: Vec<bool>,
    /// Per column: for a segment, how many accounts are in it.
    accounts_in: Vec<usize>,
    /// Accounts no message covers.
    uncovered: Vec<usize>,
    /// The longest column name, in characters.
    longest: usize,
    /// Per message: whether Sales agreed to it (fingerprints are worked out once, not per frame).
    agreement: Vec<Agreement>,
}

impl Summary {
    /// Whether Sales agreed to message `r`.
    fn agreement_of(&self, r: usize) -> Agreement {
        self.agreement
            .get(r)
            .copied()
            .unwrap_or(Agreement::NotAgreed)
    }

    fn of(plan: &Plan) -> Summary {
        let cols = columns(plan);
        let listed: HashSet<&str> = plan
            .messages
            .iter()
            .flat_map(|m| m.segments.iter().map(String::as_str))
            .collect();
        let ids: HashSet<&str> = plan.messages.iter().map(|m| m.id.as_str()).collect();
        let mut in_segment: HashMap<&str, usize> = HashMap::new();
        for a in &plan.accounts {
            if let Some(s) = a.segment.as_deref() {
                *in_segment.entry(s).or_default() += 1;
            }
        }
        let for_segment = |a: &Account| a.segment.as_deref().is_some_and(|s| listed.contains(s));
        let gap = cols
            .iter()
            .map(|c| match c {
                MapColumn::Segment(s) => !listed.contains(s.as_str()),
                MapColumn::Account(i) => plan.accounts.get(*i).is_none_or(|a| {
                    !a.messages.iter().any(|m| ids.contains(m.as_str())) && !for_segment(a)
                }),
            })
            .collect();
        let accounts_in = cols
            .iter()
            .map(|c| match c {
                MapColumn::Segment(s) => in_segment.get(s.as_str()).copied().unwrap_or(0),
                MapColumn::Account(_) => 0,
            })
            .collect();
        let uncovered = plan
            .accounts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.messages.is_empty() && !for_segment(a))
            .map(|(i, _)| i)
            .collect();
        let longest = cols
            .iter()
            .map(|c| match c {
                MapColumn::Segment(s) => s.chars().count(),
                MapColumn::Account(i) => {
                    plan.accounts.get(*i).map_or(0, |a| a.name.chars().count())
                }
            })
            .max()
            .unwrap_or(0);
        Summary {
            agreement: plan.messages.iter().map(|m| agreement(plan, m)).collect(),
            longest,
            n_segments: cols
                .iter()
                .filter(|c| matches!(c, MapColumn::Segment(_)))
                .count(),
            cols,
            gap,
            accounts_in,
            uncovered,
        }
    }
}

/// Whether Sales agreed to a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// A sign-off by a Sales person holds.
    Agreed,
    /// Sales signed off, but the text changed since.
    Stale,
    /// No Sales person has signed off.
    NotAgreed,
}

impl Agreement {
    /// The badge text.
    pub fn label(self) -> &'static str {
        match self {
            Agreement::Agreed => "✔ agreed",
            Agreement::Stale => "⚠ stale",
            Agreement::NotAgreed => "not agreed",
        }
    }

    fn explain(self) -> &'static str {
        match self {
            Agreement::Agreed => "Agreed: a Sales person signed off on this text.",
            Agreement::Stale => {
                "Stale: a Sales person signed off, but the headline, body or proof changed since."
            }
            Agreement::NotAgreed => "Not agreed: no Sales person has signed off yet.",
        }
    }

    fn color(self) -> Color32 {
        match self {
            Agreement::Agreed => ok_color(),
            Agreement::Stale => severity_color(Severity::Warning),
            Agreement::NotAgreed => severity_color(Severity::Error),
        }
    }
}

fn ok_color() -> Color32 {
    palette::ok()
}

fn missing_color() -> Color32 {
    severity_color(Severity::Error)
}

/// Whether Sales agreed to `m`: a current sign-off by a Sales person, else a stale one, else none.
pub fn agreement(plan: &Plan, m: &Message) -> Agreement {
    let mut by_sales = m
        .signoffs
        .iter()
        .filter(|s| plan.person(&s.by).is_some_and(|p| p.team == Team::Sales))
        .peekable();
    let any = by_sales.peek().is_some();
    if by_sales.any(|s| m.is_current(s)) {
        Agreement::Agreed
    } else if any {
        Agreement::Stale
    } else {
        Agreement::NotAgreed
    }
}

/// A column of the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapColumn {
    /// A segment, by name.
    Segment(String),
    /// A tier-1 account, by index in `plan.accounts`.
    Account(usize),
}

/// How a message covers a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cover {
    /// Not at all.
    No,
    /// The message lists the account's segment (the account did not choose it).
    ViaSegment,
    /// The message lists the segment, or the account lists the message.
    Listed,
}

/// Every segment used by accounts or messages, sorted.
pub fn segments(plan: &Plan) -> Vec<String> {
    let set: BTreeSet<&str> = plan
        .accounts
        .iter()
        .filter_map(|a| a.segment.as_deref())
        .chain(
            plan.messages
                .iter()
                .flat_map(|m| m.segments.iter().map(String::as_str)),
        )
        .filter(|s| !s.trim().is_empty())
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

/// The columns: segments (sorted), then tier-1 accounts (by name).
pub fn columns(plan: &Plan) -> Vec<MapColumn> {
    let mut tier1: Vec<(String, usize)> = plan
        .accounts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.tier == 1)
        .map(|(i, a)| (a.name.to_lowercase(), i))
        .collect();
    tier1.sort_unstable();
    segments(plan)
        .into_iter()
        .map(MapColumn::Segment)
        .chain(tier1.into_iter().map(|(_, i)| MapColumn::Account(i)))
        .collect()
}

/// How `m` covers `column`.
pub fn cover(plan: &Plan, m: &Message, column: &MapColumn) -> Cover {
    match column {
        MapColumn::Segment(s) => {
            if m.segments.contains(s) {
                Cover::Listed
            } else {
                Cover::No
            }
        }
        MapColumn::Account(i) => match plan.accounts.get(*i) {
            Some(a) if a.messages.contains(&m.id) => Cover::Listed,
            Some(a) if a.segment.as_ref().is_some_and(|s| m.segments.contains(s)) => {
                Cover::ViaSegment
            }
            _ => Cover::No,
        },
    }
}

/// Whether any message covers `column`.
pub fn covered(plan: &Plan, column: &MapColumn) -> bool {
    plan.messages
        .iter()
        .any(|m| cover(plan, m, column) != Cover::No)
}

/// Whether an account lists no message and no message lists its segment.
pub fn account_uncovered(plan: &Plan, a: &Account) -> bool {
    a.messages.is_empty()
        && !a
            .segment
            .as_ref()
            .is_some_and(|s| plan.messages.iter().any(|m| m.segments.contains(s)))
}

/// Accounts (any tier) with no `messages` whose segment no message lists, by index.
pub fn uncovered_accounts(plan: &Plan) -> Vec<usize> {
    plan.accounts
        .iter()
        .enumerate()
        .filter(|(_, a)| account_uncovered(plan, a))
        .map(|(i, _)| i)
        .collect()
}

fn column_name<'p>(plan: &'p Plan, c: &'p MapColumn) -> &'p str {
    match c {
        MapColumn::Segment(s) => s,
        MapColumn::Account(i) => plan.accounts.get(*i).map_or("", |a| a.name.as_str()),
    }
}

/// Sizes of the matrix, from the text size so zoom and presentation mode scale it.
struct Metrics {
    font: FontId,
    small: FontId,
    row_h: f32,
    col_w: f32,
    first_w: f32,
    group_h: f32,
    header_h: f32,
}

impl Metrics {
    fn head_h(&self) -> f32 {
        self.group_h + self.header_h
    }
}

/// Draws the board.
pub fn message_map_ui(ui: &mut Ui, state: &mut MessageMapState, cx: &mut BoardCx<'_>) {
    let summary = match state.summary.take() {
        Some((revision, summary)) if revision == cx.revision => summary,
        _ => Summary::of(cx.plan),
    };
    map_ui(ui, state, cx, &summary);
    state.summary = Some((cx.revision, summary));
}

fn map_ui(ui: &mut Ui, state: &mut MessageMapState, cx: &mut BoardCx<'_>, summary: &Summary) {
    let plan: &Plan = cx.plan;
    let (cols, n_segments) = (&summary.cols, summary.n_segments);
    let n_accounts = cols.len() - n_segments;
    let gaps = summary.gap.iter().filter(|g| **g).count();
    let uncovered = &summary.uncovered;

    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.heading("Message map");
        ui.add_space(12.0);
        ui.label(format!(
            "{} {} · {} {} · {} tier-1 {}",
            plan.messages.len(),
            plural("message", plan.messages.len()),
            n_segments,
            plural("segment", n_segments),
            n_accounts,
            plural("account", n_accounts),
        ));
        ui.add_space(12.0);
        if !cols.is_empty() && !plan.messages.is_empty() {
            if gaps == 0 {
                ui.add(
                    egui::Label::new(
                        RichText::new("✔ every column has a message").color(ok_color()),
                    )
                    .extend(),
                );
            } else {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "⚠ {} {} no message covers",
                            gaps,
                            plural("column", gaps)
                        ))
                        .color(missing_color())
                        .strong(),
                    )
                    .extend(),
                );
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.toggle_value(&mut state.edit, "Edit by clicking")
                .on_hover_text(
                    "On: clicking a cell adds or removes the segment in the message, or the \
                     message in the account's messages.\nOff: clicking a cell opens the item.",
                );
        });
    });
    ui.add_space(4.0);

    if plan.messages.is_empty() {
        ui.add_space(20.0);
        ui.label("No messages yet: the map shows which segments and tier-1 accounts each covers.");
        if ui.button("Go to Messages").clicked() {
            cx.commands.push(Command::GoTo(Section::Messages));
        }
    } else if cols.is_empty() {
        ui.add_space(20.0);
        ui.label(
            "No segments and no tier-1 accounts yet: give accounts a segment, or messages the \
             segments they are for.",
        );
    } else {
        let list_reserve = if uncovered.is_empty() {
            ui.text_style_height(&TextStyle::Heading) * 2.5
        } else {
            (ui.text_style_height(&TextStyle::Body) * 9.0).min(ui.available_height() * 0.4)
        };
        let max_h = (ui.available_height() - list_reserve).max(160.0);
        matrix_ui(ui, state, cx, summary, max_h);
    }

    ui.add_space(10.0);
    uncovered_ui(ui, state, cx, uncovered);
}

fn plural(word: &str, n: usize) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// One line of text, cut with "…" to `width`.
fn line_galley(
    ui: &Ui,
    text: &str,
    font: &FontId,
    color: Color32,
    width: f32,
) -> Arc<egui::Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font.clone(), color);
    job.wrap = TextWrapping::truncate_at_width(width.max(8.0));
    ui.painter().layout_job(job)
}

fn metrics(ui: &Ui, cols: &[MapColumn], longest: usize, max_h: f32) -> Metrics {
    let font = TextStyle::Body.resolve(ui.style());
    let small = TextStyle::Small.resolve(ui.style());
    let size = font.size;
    let row_h = (size * 2.1).max(ui.spacing().interact_size.y + 6.0).round();
    let col_w = (size * 2.2).round();
    // Rotated headers: tall enough for most names, long ones are cut and shown in full on hover.
    let longest = longest as f32;
    // At most a third of the height, so rows stay in view with large type.
    let header_h = (longest * size * 0.52 + size)
        .min(size * 12.0)
        .min(max_h * 0.34)
        .max(size * 5.0);
    // The headline column takes what the columns leave, within reason.
    let spare = ui.available_width() - cols.len() as f32 * col_w - 16.0;
    let first_w = spare.clamp(size * 16.0, size * 32.0);
    Metrics {
        font,
        small,
        row_h,
        col_w,
        first_w,
        group_h: (size * 1.8).round(),
        header_h,
    }
}

/// The matrix, with the headline column and the header row frozen.
fn matrix_ui(
    ui: &mut Ui,
    state: &mut MessageMapState,
    cx: &mut BoardCx<'_>,
    summary: &Summary,
    max_h: f32,
) {
    let cols = &summary.cols;
    let m = metrics(ui, cols, summary.longest, max_h);
    let n_msgs = cx.plan.messages.len();
    let total = vec2(
        m.first_w + cols.len() as f32 * m.col_w + 2.0,
        m.head_h() + (n_msgs + 1) as f32 * m.row_h + 2.0,
    );
    let mut toggle: Option<(usize, usize)> = None;
    egui::ScrollArea::both()
        .id_salt("message-map")
        .content_margin(0.0)
        .max_height(max_h)
        .auto_shrink([false, true])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            ui.set_min_size(total);
            let vis = viewport.translate(origin.to_vec2());
            toggle = draw_matrix(ui, state, cx, summary, &m, origin, vis, viewport);
        });
    if let Some((mi, c)) = toggle {
        apply_toggle(cx, cols, mi, c);
    }
}

/// Adds or removes the link between message `mi` and column `c`.
fn apply_toggle(cx: &mut BoardCx<'_>, cols: &[MapColumn], mi: usize, c: usize) {
    let Some(col) = cols.get(c) else { return };
    let Some(msg_id) = cx.plan.messages.get(mi).map(|m| m.id.clone()) else {
        return;
    };
    match col {
        MapColumn::Segment(s) => {
            if let Some(msg) = cx.plan.messages.get_mut(mi) {
                if let Some(pos) = msg.segments.iter().position(|x| x == s) {
                    msg.segments.remove(pos);
                } else {
                    msg.segments.push(s.clone());
                }
                cx.edits.changed = true;
            }
        }
        MapColumn::Account(ai) => {
            if let Some(a) = cx.plan.accounts.get_mut(*ai) {
                if let Some(pos) = a.messages.iter().position(|x| *x == msg_id) {
                    a.messages.remove(pos);
                } else {
                    a.messages.push(msg_id);
                }
                cx.edits.changed = true;
            }
        }
    }
}

/// Visible index range `[start, end)` of cells of size `step` in `[lo, hi]` (content units,
/// measured from the first cell).
fn visible_range(lo: f32, hi: f32, step: f32, count: usize) -> std::ops::Range<usize> {
    if step <= 0.0 || hi <= lo {
        return 0..0;
    }
    let start = (lo / step).floor().max(0.0) as usize;
    let end = ((hi / step).ceil().max(0.0) as usize).min(count);
    start.min(end)..end
}

#[allow(clippy::too_many_arguments)]
fn draw_matrix(
    ui: &mut Ui,
    state: &mut MessageMapState,
    cx: &mut BoardCx<'_>,
    summary: &Summary,
    m: &Metrics,
    origin: Pos2,
    vis: Rect,
    viewport: Rect,
) -> Option<(usize, usize)> {
    let (cols, n_segments) = (summary.cols.as_slice(), summary.n_segments);
    let is_gap = |c: usize| summary.gap.get(c).copied().unwrap_or(true);
    let plan: &Plan = cx.plan;
    let visuals = ui.visuals().clone();
    let text = visuals.text_color();
    let weak = visuals.weak_text_color();
    let grid = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    let panel = visuals.panel_fill;
    let stripe = visuals.faint_bg_color;
    let painter = ui.painter().clone();
    let base = ui.make_persistent_id("message-map-matrix");
    let n_msgs = plan.messages.len();
    let head_h = m.head_h();

    let col_range = visible_range(
        viewport.min.x,
        viewport.max.x - m.first_w,
        m.col_w,
        cols.len(),
    );
    let row_range = visible_range(viewport.min.y, viewport.max.y - head_h, m.row_h, n_msgs);
    let col_x = |c: usize| origin.x + m.first_w + c as f32 * m.col_w;
    let row_y = |r: usize| origin.y + head_h + r as f32 * m.row_h;
    // The "No message" row: after the last message, or pinned to the bottom when they run longer.
    let none_y = row_y(n_msgs)
        .min(vis.max.y - m.row_h)
        .max(vis.min.y + head_h);
    let cells_rect = Rect::from_min_max(pos2(vis.min.x + m.first_w, vis.min.y + head_h), vis.max);
    let msg_cells_rect = Rect::from_min_max(cells_rect.min, pos2(vis.max.x, none_y));

    // What the pointer is over, for the crosshair and the tooltip.
    let pointer = ui.ctx().pointer_hover_pos();
    let hover_col = pointer
        .filter(|p| vis.contains(*p) && p.x > cells_rect.min.x)
        .and_then(|p| {
            let c = ((p.x - col_x(0)) / m.col_w).floor();
            (c >= 0.0 && (c as usize) < cols.len()).then_some(c as usize)
        });
    let hover_row = pointer
        .filter(|p| vis.contains(*p) && p.y > cells_rect.min.y && p.y < none_y)
        .and_then(|p| {
            let r = ((p.y - row_y(0)) / m.row_h).floor();
            (r >= 0.0 && (r as usize) < n_msgs).then_some(r as usize)
        });

    // Body: stripes, crosshair, cells.
    let content_right = col_x(cols.len()).min(vis.max.x);
    for r in row_range.clone() {
        let y = row_y(r);
        let row_rect =
            Rect::from_min_max(pos2(cells_rect.min.x, y), pos2(content_right, y + m.row_h));
        if r % 2 == 1 {
            painter.rect_filled(row_rect, 0.0, stripe);
        }
        if hover_row == Some(r) {
            painter.rect_filled(
                row_rect,
                0.0,
                visuals.widgets.hovered.weak_bg_fill.gamma_multiply(0.6),
            );
        }
    }
    if let Some(c) = hover_col {
        let x = col_x(c);
        let r = Rect::from_min_max(
            pos2(x, vis.min.y),
            pos2(x + m.col_w, row_y(n_msgs).min(vis.max.y)),
        );
        painter.rect_filled(
            r,
            0.0,
            visuals.widgets.hovered.weak_bg_fill.gamma_multiply(0.6),
        );
    }
    let full = ok_color();
    let light = ok_color().gamma_multiply(0.35);
    let inset = (m.col_w * 0.14).round();
    // The tiles and the lines under each row go into one mesh of plain quads: a screen holds
    // hundreds of tiles, and a shape each (rounded and anti-aliased) cost more than the rest of
    // the map. Snapped to pixels, square edges need no anti-aliasing.
    use egui::emath::GuiRounding as _;
    let ppp = ui.ctx().pixels_per_point();
    let mut mesh = egui::epaint::Mesh::default();
    let line_w = 1.0 / ppp;
    for r in row_range.clone() {
        let Some(msg) = plan.messages.get(r) else {
            continue;
        };
        for c in col_range.clone() {
            let Some(col) = cols.get(c) else { continue };
            let cell = Rect::from_min_size(pos2(col_x(c), row_y(r)), vec2(m.col_w, m.row_h));
            let color = match cover(plan, msg, col) {
                Cover::Listed => full,
                Cover::ViaSegment => light,
                Cover::No => continue,
            };
            let tile = cell.shrink2(vec2(inset, inset)).round_to_pixels(ppp);
            mesh.add_colored_rect(tile, color);
        }
        let y = row_y(r) + m.row_h;
        let line = Rect::from_min_max(pos2(cells_rect.min.x, y - line_w), pos2(content_right, y));
        mesh.add_colored_rect(line.round_to_pixels(ppp), grid.color);
    }
    painter.add(egui::Shape::mesh(mesh));
    // Vertical lines between columns, a stronger one between segments and accounts.
    for c in col_range.clone() {
        let x = col_x(c + 1);
        let strong = c + 1 == n_segments && n_segments < cols.len();
        let stroke = if strong { Stroke::new(2.5, weak) } else { grid };
        painter.line_segment(
            [pos2(x, vis.min.y), pos2(x, row_y(n_msgs).min(vis.max.y))],
            stroke,
        );
    }

    // Clicks and tooltips on message cells: one sensor for the whole area.
    let mut toggle = None;
    let sensor = pointer_sensor(ui, msg_cells_rect, base.with("cells"), "Cells");
    if let (Some(r), Some(c)) = (hover_row, hover_col)
        && let (Some(msg), Some(col)) = (plan.messages.get(r), cols.get(c))
    {
        let how = cover(plan, msg, col);
        let name = column_name(plan, col);
        let what = match (col, how) {
            (MapColumn::Segment(_), Cover::Listed) => {
                format!("“{}” lists the segment {name}.", msg.headline)
            }
            (MapColumn::Segment(_), _) => {
                format!("“{}” does not list the segment {name}.", msg.headline)
            }
            (MapColumn::Account(_), Cover::Listed) => format!("{name} lists “{}”.", msg.headline),
            (MapColumn::Account(_), Cover::ViaSegment) => format!(
                "“{}” is for {name}'s segment, but {name} has not chosen it.",
                msg.headline
            ),
            (MapColumn::Account(_), Cover::No) => {
                format!("“{}” does not cover {name}.", msg.headline)
            }
        };
        let action = match (state.edit, col) {
            (true, MapColumn::Segment(_)) if how == Cover::Listed => {
                "Click to remove the segment from the message."
            }
            (true, MapColumn::Segment(_)) => "Click to add the segment to the message.",
            (true, MapColumn::Account(_)) if how == Cover::Listed => {
                "Click to remove the message from the account."
            }
            (true, MapColumn::Account(_)) => "Click to add the message to the account.",
            (false, MapColumn::Segment(_)) => "Click to open the message.",
            (false, MapColumn::Account(_)) => "Click to open the account.",
        };
        let sensor = sensor.on_hover_cursor(CursorIcon::PointingHand);
        let clicked = sensor.clicked_by(PointerButton::Primary);
        sensor.on_hover_text_at_pointer(format!("{what}\n{action}"));
        if clicked {
            if state.edit {
                toggle = Some((r, c));
            } else {
                match col {
                    MapColumn::Segment(_) => cx.commands.push(Command::Reveal(
                        Section::Messages,
                        Some(r),
                        Some("segments"),
                    )),
                    MapColumn::Account(i) => cx.commands.push(Command::Reveal(
                        Section::Accounts,
                        Some(*i),
                        Some("messages"),
                    )),
                }
            }
        }
    }

    // The "No message" row.
    let none_rect = Rect::from_min_max(pos2(vis.min.x, none_y), pos2(vis.max.x, none_y + m.row_h));
    painter.rect_filled(none_rect, 0.0, panel);
    painter.line_segment(
        [
            pos2(vis.min.x, none_y),
            pos2(content_right.max(vis.min.x + m.first_w), none_y),
        ],
        Stroke::new(2.0, weak),
    );
    for c in col_range.clone() {
        let Some(col) = cols.get(c) else { continue };
        if !is_gap(c) {
            continue;
        }
        let cell = Rect::from_min_size(pos2(col_x(c), none_y), vec2(m.col_w, m.row_h));
        painter.rect_filled(cell.shrink2(vec2(inset, inset)), 4.0, missing_color());
        painter.text(
            cell.center(),
            Align2::CENTER_CENTER,
            "⚠",
            m.small.clone(),
            panel,
        );
        let name = column_name(plan, col);
        let id = base.with(("none", c));
        let r = ui.interact(cell.intersect(cells_rect), id, Sense::click());
        r.widget_info(|| WidgetInfo::labeled(Role::Label, true, format!("No message for {name}")));
        // Few columns lack a message, so these stay widgets with their tooltip (which screen
        // readers also get).
        let r = r.on_hover_text(match col {
            MapColumn::Segment(_) => format!("No message lists the segment {name}."),
            MapColumn::Account(_) => format!(
                "No message covers {name}: it lists none and none is for its segment.\nClick to open the account."
            ),
        });
        if let MapColumn::Account(i) = col {
            let r = r.on_hover_cursor(CursorIcon::PointingHand);
            if r.clicked() {
                cx.commands.push(Command::Reveal(
                    Section::Accounts,
                    Some(*i),
                    Some("messages"),
                ));
            }
        }
    }
    for c in col_range.clone() {
        let x = col_x(c + 1);
        let strong = c + 1 == n_segments && n_segments < cols.len();
        let stroke = if strong { Stroke::new(2.5, weak) } else { grid };
        painter.line_segment([pos2(x, none_y), pos2(x, none_y + m.row_h)], stroke);
    }

    // Frozen header: the groups, then one rotated name per column.
    let header = Rect::from_min_size(vis.min, vec2(vis.width(), head_h));
    painter.rect_filled(header, 0.0, panel);
    let groups = [
        ("Segments", 0, n_segments),
        ("Tier-1 accounts", n_segments, cols.len()),
    ];
    for (title, a, b) in groups {
        if a >= b {
            continue;
        }
        let left = col_x(a).max(vis.min.x + m.first_w);
        let right = col_x(b).min(vis.max.x);
        if right <= left {
            continue;
        }
        let band = Rect::from_min_max(pos2(left, vis.min.y), pos2(right, vis.min.y + m.group_h));
        let g = line_galley(ui, title, &m.font, text, band.width() - 8.0);
        painter.galley(
            pos2(band.min.x + 4.0, band.center().y - g.size().y / 2.0),
            g,
            text,
        );
        painter.line_segment(
            [
                pos2(band.min.x + 2.0, band.max.y - 2.0),
                pos2(band.max.x - 2.0, band.max.y - 2.0),
            ],
            Stroke::new(2.0, weak),
        );
    }
    let header_clip = Rect::from_min_max(
        pos2(vis.min.x + m.first_w, vis.min.y),
        pos2(vis.max.x, vis.min.y + head_h),
    );
    let header_painter = painter.with_clip_rect(header_clip.intersect(painter.clip_rect()));
    // One sensor for the row of headers: a frame with hundreds of columns in view costs one
    // widget, not one per column. Each header is still its own node for screen readers.
    let heads = Rect::from_min_max(
        pos2(header_clip.min.x, vis.min.y + m.group_h),
        header_clip.max,
    );
    let strip = strip_ui(
        ui,
        heads,
        base.with("heads"),
        "Column headers",
        &mut state.focus_head,
        cols.len(),
        col_range.start,
        true,
    );
    if strip.moved
        && let Some(c) = strip.focus
    {
        // Into view, right of the frozen headline column.
        let x = col_x(c);
        ui.scroll_to_rect(
            Rect::from_x_y_ranges(x - m.first_w..=x + m.col_w, vis.y_range()),
            None,
        );
    }
    let hover_head = strip
        .response
        .hover_pos()
        .and_then(|p| {
            let c = ((p.x - col_x(0)) / m.col_w).floor();
            (c >= 0.0).then_some(c as usize)
        })
        .filter(|c| col_range.contains(c));
    let mut head_clicked = None;
    for c in col_range.clone() {
        let Some(col) = cols.get(c) else { continue };
        let name = column_name(plan, col);
        let color = if is_gap(c) { missing_color() } else { text };
        let font = match col {
            MapColumn::Segment(_) => FontId::new(m.font.size, m.font.family.clone()),
            MapColumn::Account(_) => m.font.clone(),
        };
        let g = line_galley(ui, name, &font, color, m.header_h - 10.0);
        let gh = g.size().y;
        let x = col_x(c) + (m.col_w - gh) / 2.0;
        let bottom = vis.min.y + head_h - 6.0;
        header_painter.add(
            egui::epaint::TextShape::new(pos2(x, bottom), g, color)
                .with_angle(-std::f32::consts::FRAC_PI_2),
        );
        let cell = Rect::from_min_max(
            pos2(col_x(c), vis.min.y + m.group_h),
            pos2(col_x(c) + m.col_w, vis.min.y + head_h),
        );
        let cell = cell.intersect(header_clip);
        if cell.width() <= 0.0 {
            continue;
        }
        let hovered = hover_head == Some(c);
        let id = base.with(("head", c));
        if strip.item(ui, &header_painter, c, id, cell, hovered, || {
            let (label, description) = header_text(plan, summary, c, col);
            ItemInfo {
                role: Role::ColumnHeader,
                label,
                description,
                clickable: matches!(col, MapColumn::Account(_)),
            }
        }) {
            head_clicked = Some(c);
        }
    }
    if let Some(c) = hover_head
        && let Some(col) = cols.get(c)
    {
        let tip = header_text(plan, summary, c, col).1;
        let sensor = match col {
            MapColumn::Segment(_) => strip.response,
            MapColumn::Account(_) => strip.response.on_hover_cursor(CursorIcon::PointingHand),
        };
        sensor.on_hover_text_at_pointer(tip);
    }
    if let Some(MapColumn::Account(i)) = head_clicked.and_then(|c| cols.get(c)) {
        cx.commands
            .push(Command::Reveal(Section::Accounts, Some(*i), None));
    }
    painter.line_segment(
        [
            pos2(vis.min.x, vis.min.y + head_h),
            pos2(vis.max.x, vis.min.y + head_h),
        ],
        Stroke::new(2.0, weak),
    );

    // Frozen first column: headline and agreement badge.
    let first = Rect::from_min_max(
        pos2(vis.min.x, vis.min.y + head_h),
        pos2(vis.min.x + m.first_w, vis.max.y),
    );
    painter.rect_filled(first, 0.0, panel);
    let first_clip = first.intersect(painter.clip_rect());
    let first_painter = painter.with_clip_rect(Rect::from_min_max(
        first_clip.min,
        pos2(first_clip.max.x, none_y),
    ));
    let badge_font = m.small.clone();
    let badge_w = {
        let widest = [Agreement::Agreed, Agreement::Stale, Agreement::NotAgreed]
            .iter()
            .map(|a| {
                ui.painter()
                    .layout_no_wrap(a.label().to_owned(), badge_font.clone(), text)
                    .size()
                    .x
            })
            .fold(0.0_f32, f32::max);
        widest + 14.0
    };
    // One sensor for the headlines, as for the headers.
    let headlines = Rect::from_min_max(first_clip.min, pos2(first_clip.max.x, none_y));
    let strip = strip_ui(
        ui,
        headlines,
        base.with("headlines"),
        "Headlines",
        &mut state.focus_line,
        n_msgs,
        row_range.start,
        false,
    );
    if strip.moved
        && let Some(r) = strip.focus
    {
        // Into view, below the frozen header.
        let y = row_y(r);
        ui.scroll_to_rect(
            Rect::from_x_y_ranges(vis.x_range(), y - head_h..=y + m.row_h),
            None,
        );
    }
    let pointer_on_line = strip.response.hover_pos();
    let mut hover_line = None;
    let mut line_clicked = None;
    for r in row_range.clone() {
        let Some(msg) = plan.messages.get(r) else {
            continue;
        };
        let y = row_y(r);
        let row_rect = Rect::from_min_size(pos2(vis.min.x, y), vec2(m.first_w, m.row_h));
        if r % 2 == 1 {
            first_painter.rect_filled(row_rect, 0.0, stripe);
        }
        if hover_row == Some(r) {
            first_painter.rect_filled(
                row_rect,
                0.0,
                visuals.widgets.hovered.weak_bg_fill.gamma_multiply(0.6),
            );
        }
        // Badge on the right.
        let ag = summary.agreement_of(r);
        let bcol = ag.color();
        let badge = Rect::from_center_size(
            pos2(row_rect.max.x - 8.0 - badge_w / 2.0, row_rect.center().y),
            vec2(badge_w, (m.small.size * 1.6).min(m.row_h - 4.0)),
        );
        first_painter.rect(
            badge,
            4.0,
            stripe,
            Stroke::new(1.5, bcol),
            egui::StrokeKind::Inside,
        );
        first_painter.text(
            badge.center(),
            Align2::CENTER_CENTER,
            ag.label(),
            badge_font.clone(),
            bcol,
        );
        // Headline as a link.
        let text_rect = Rect::from_min_max(
            pos2(row_rect.min.x + 8.0, y),
            pos2(badge.min.x - 8.0, y + m.row_h),
        );
        let sense_rect = text_rect
            .intersect(first_clip)
            .intersect(Rect::from_min_max(
                first_clip.min,
                pos2(first_clip.max.x, none_y),
            ));
        if sense_rect.height() <= 0.0 {
            continue;
        }
        // Only the headline's own space is the link: not the padding, not the badge.
        let hovered = pointer_on_line.is_some_and(|p| sense_rect.contains(p));
        if hovered {
            hover_line = Some(r);
        }
        let color = if hovered {
            visuals.hyperlink_color
        } else {
            text
        };
        let g = line_galley(ui, &msg.headline, &m.font, color, text_rect.width());
        let gy = text_rect.center().y - g.size().y / 2.0;
        let underline = hovered;
        let gw = g.size().x;
        first_painter.galley(pos2(text_rect.min.x, gy), g, color);
        if underline {
            first_painter.line_segment(
                [
                    pos2(text_rect.min.x, gy + m.font.size * 1.15),
                    pos2(text_rect.min.x + gw, gy + m.font.size * 1.15),
                ],
                Stroke::new(1.0, color),
            );
        }
        let id = base.with(("msg", r));
        if strip.item(ui, &first_painter, r, id, sense_rect, hovered, || {
            ItemInfo {
                role: Role::Link,
                label: msg.headline.clone(),
                description: headline_tip(plan, msg, ag),
                clickable: true,
            }
        }) {
            line_clicked = Some(r);
        }
    }
    if let Some(r) = hover_line
        && let Some(msg) = plan.messages.get(r)
    {
        strip
            .response
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text_at_pointer(headline_tip(plan, msg, summary.agreement_of(r)));
    }
    if let Some(r) = line_clicked {
        cx.commands
            .push(Command::Reveal(Section::Messages, Some(r), None));
    }
    // "No message" label in the frozen column.
    let none_first = Rect::from_min_size(pos2(vis.min.x, none_y), vec2(m.first_w, m.row_h));
    painter.rect_filled(none_first, 0.0, panel);
    painter.line_segment(
        [none_first.left_top(), none_first.right_top()],
        Stroke::new(2.0, weak),
    );
    painter.text(
        pos2(none_first.min.x + 8.0, none_first.center().y),
        Align2::LEFT_CENTER,
        "No message",
        m.font.clone(),
        missing_color(),
    );
    painter.line_segment(
        [
            pos2(vis.min.x + m.first_w, vis.min.y),
            pos2(vis.min.x + m.first_w, (none_y + m.row_h).min(vis.max.y)),
        ],
        Stroke::new(2.0, weak),
    );

    // Corner: the legend.
    let corner = Rect::from_min_size(vis.min, vec2(m.first_w, head_h));
    painter.rect_filled(corner, 0.0, panel);
    let sw = m.small.size * 1.2;
    let legend = [
        (
            full,
            "Listed: the message names the segment, or the account chose the message",
        ),
        (
            light,
            "Via segment: the message is for the account's segment",
        ),
        (missing_color(), "No message covers this column"),
    ];
    let mut y = corner.min.y + 6.0;
    for (color, what) in legend {
        let sq = Rect::from_min_size(pos2(corner.min.x + 8.0, y + 2.0), vec2(sw, sw));
        painter.rect_filled(sq, 3.0, color);
        let g = painter.layout(
            what.to_owned(),
            m.small.clone(),
            weak,
            m.first_w - sw - 26.0,
        );
        let h = g.size().y;
        painter.galley(pos2(sq.max.x + 8.0, y), g, weak);
        y += h.max(sw) + 6.0;
    }
    let msg_title = line_galley(ui, "Message", &m.font, text, m.first_w - badge_w - 24.0);
    painter.galley(
        pos2(corner.min.x + 8.0, corner.max.y - msg_title.size().y - 4.0),
        msg_title,
        text,
    );
    painter.text(
        pos2(corner.max.x - 8.0 - badge_w / 2.0, corner.max.y - 4.0),
        Align2::CENTER_BOTTOM,
        "Sales",
        m.font.clone(),
        text,
    );

    toggle
}

/// A column header's accessible name and its tooltip.
fn header_text(plan: &Plan, summary: &Summary, c: usize, col: &MapColumn) -> (String, String) {
    let name = column_name(plan, col);
    match col {
        MapColumn::Segment(_) => {
            let n = summary.accounts_in.get(c).copied().unwrap_or(0);
            (
                format!("Segment {name}"),
                format!("Segment: {name}\n{n} {} in it", plural("account", n)),
            )
        }
        MapColumn::Account(i) => {
            let segment = plan.accounts.get(*i).and_then(|a| a.segment.as_deref());
            (
                name.to_owned(),
                format!(
                    "{name}\nTier 1 · {}\nClick to open the account.",
                    segment.unwrap_or("no segment")
                ),
            )
        }
    }
}

/// What a headline's tooltip (and screen readers) say: author, segments, and Sales' agreement.
fn headline_tip(plan: &Plan, msg: &Message, ag: Agreement) -> String {
    let author = msg
        .author
        .as_deref()
        .map_or("nobody", |a| plan.person(a).map_or(a, |p| p.name.as_str()));
    let segments = if msg.segments.is_empty() {
        "no segment".to_owned()
    } else {
        msg.segments.join(", ")
    };
    format!(
        "{}\nBy {author} · for {segments}\n{}\nClick to open the message.",
        msg.headline,
        ag.explain()
    )
}

/// The tooltip of an account no message covers.
fn uncovered_tip(a: &Account) -> String {
    format!(
        "{}\nTier {} · {}\nClick to open the account and choose its messages.",
        a.name,
        a.tier,
        a.segment.as_deref().unwrap_or("no segment")
    )
}

/// "Accounts no message covers": links that open each account.
fn uncovered_ui(
    ui: &mut Ui,
    state: &mut MessageMapState,
    cx: &mut BoardCx<'_>,
    uncovered: &[usize],
) {
    let plan: &Plan = cx.plan;
    if uncovered.is_empty() {
        if !plan.accounts.is_empty() && !plan.messages.is_empty() {
            ui.label(
                RichText::new(
                    "✔ Every account has a message: its own choice or one for its segment.",
                )
                .color(ok_color()),
            );
        }
        return;
    }
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Accounts no message covers ({})", uncovered.len()))
                .heading()
                .color(missing_color()),
        );
        ui.weak("they list no message, and no message is for their segment");
    });
    ui.add_space(4.0);
    let size = ui.text_style_height(&TextStyle::Body);
    let cell_w = (size * 16.0).max(160.0);
    let per_row = ((ui.available_width() / cell_w).floor() as usize).max(1);
    let rows = uncovered.len().div_ceil(per_row);
    let row_h = ui.spacing().interact_size.y.max(size * 1.5);
    egui::ScrollArea::vertical()
        .id_salt("message-map-uncovered")
        .auto_shrink([false, true])
        .show_rows(ui, row_h, rows, |ui, range| {
            // A row of links is one sensor and one Tab stop (Left and Right move along it); each
            // link is painted and read out on its own.
            let link = ui.visuals().hyperlink_color;
            let font = TextStyle::Body.resolve(ui.style());
            for row in range {
                let (id, rect) = ui.allocate_space(vec2(ui.available_width(), row_h));
                let count = per_row.min(uncovered.len().saturating_sub(row * per_row));
                let mut focus = state.focus_link.filter(|&(r, _)| r == row).map(|(_, k)| k);
                let strip = strip_ui(
                    ui,
                    rect,
                    id,
                    "Uncovered accounts",
                    &mut focus,
                    count,
                    0,
                    true,
                );
                if strip.focus.is_some() {
                    state.focus_link = focus.map(|k| (row, k));
                }
                let pointer = strip.response.hover_pos();
                for k in 0..per_row {
                    let Some(&i) = uncovered.get(row * per_row + k) else {
                        break;
                    };
                    let Some(a) = plan.accounts.get(i) else {
                        continue;
                    };
                    let cell = Rect::from_min_size(
                        pos2(rect.min.x + k as f32 * cell_w, rect.min.y),
                        vec2(cell_w - 8.0, row_h),
                    );
                    let g = line_galley(ui, &a.name, &font, link, cell.width());
                    let top = cell.center().y - g.size().y / 2.0;
                    let (gw, gh) = (g.size().x, g.size().y);
                    ui.painter().galley(pos2(cell.min.x, top), g, link);
                    // The name is the link, not the blank after it.
                    let text = Rect::from_min_size(pos2(cell.min.x, top), vec2(gw, gh));
                    let is_hovered = pointer.is_some_and(|p| text.contains(p));
                    if is_hovered {
                        let y = top + gh - 1.0;
                        ui.painter()
                            .hline(cell.min.x..=cell.min.x + gw, y, Stroke::new(1.0, link));
                        strip
                            .response
                            .clone()
                            .on_hover_cursor(CursorIcon::PointingHand)
                            .on_hover_text_at_pointer(uncovered_tip(a));
                    }
                    let painter = ui.painter().clone();
                    let around = text.expand(2.0);
                    let opened =
                        strip.item(ui, &painter, k, id.with(k), around, is_hovered, || {
                            ItemInfo {
                                role: Role::Link,
                                label: a.name.clone(),
                                description: uncovered_tip(a),
                                clickable: true,
                            }
                        });
                    if opened {
                        cx.commands.push(Command::Reveal(
                            Section::Accounts,
                            Some(i),
                            Some("messages"),
                        ));
                    }
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Signoff};

    fn plan() -> Plan {
        let d = Date::from_ymd(2027, 3, 1).expect("date");
        let mut p = Plan::empty("Expo", d, d);
        p.people = vec![crate::model::Person {
            id: "ana".into(),
            name: "Ana".into(),
            team: Team::Sales,
            role: None,
            email: None,
            max_meetings_per_day: None,
        }];
        let msg = |id: &str, segs: &[&str]| Message {
            id: id.into(),
            headline: id.to_uppercase(),
            body: None,
            proof: vec![],
            author: None,
            segments: segs.iter().map(|s| (*s).to_owned()).collect(),
            signoffs: vec![],
        };
        p.messages = vec![msg("roi", &["Hospitals"]), msg("speed", &[])];
        let acc = |id: &str, name: &str, tier: i64, seg: Option<&str>, msgs: &[&str]| Account {
            id: id.into(),
            name: name.into(),
            tier,
            owner: None,
            marketing_owner: None,
            segment: seg.map(str::to_owned),
            messages: msgs.iter().map(|s| (*s).to_owned()).collect(),
            notes: None,
        };
        p.accounts = vec![
            acc("zed", "Zed Clinics", 1, Some("Hospitals"), &[]),
            acc("acme", "Acme", 1, Some("Labs"), &["speed"]),
            acc("bolt", "Bolt", 2, Some("Labs"), &[]),
            acc("cove", "Cove", 1, None, &[]),
        ];
        p
    }

    #[test]
    fn columns_are_sorted_segments_then_tier1_accounts_by_name() {
        let p = plan();
        assert_eq!(
            columns(&p),
            vec![
                MapColumn::Segment("Hospitals".into()),
                MapColumn::Segment("Labs".into()),
                MapColumn::Account(1),
                MapColumn::Account(3),
                MapColumn::Account(0),
            ]
        );
    }

    #[test]
    fn cover_and_gaps() {
        let p = plan();
        let (roi, speed) = (&p.messages[0], &p.messages[1]);
        assert_eq!(
            cover(&p, roi, &MapColumn::Segment("Hospitals".into())),
            Cover::Listed
        );
        assert_eq!(cover(&p, roi, &MapColumn::Account(0)), Cover::ViaSegment);
        assert_eq!(cover(&p, speed, &MapColumn::Account(1)), Cover::Listed);
        assert!(!covered(&p, &MapColumn::Segment("Labs".into())));
        assert!(!covered(&p, &MapColumn::Account(3)));
        assert_eq!(uncovered_accounts(&p), vec![2, 3]);
    }

    #[test]
    fn agreement_needs_a_current_sales_signoff() {
        let mut p = plan();
        let d = Date::from_ymd(2027, 2, 1).expect("date");
        assert_eq!(agreement(&p, &p.messages[0]), Agreement::NotAgreed);
        p.messages[0].signoffs.push(Signoff {
            by: "ana".into(),
            on: d,
            fingerprint: Some("0000000000000000".into()),
        });
        assert_eq!(agreement(&p, &p.messages[0]), Agreement::Stale);
        p.messages[0].signoffs.push(Signoff {
            by: "ana".into(),
            on: d,
            fingerprint: None,
        });
        assert_eq!(agreement(&p, &p.messages[0]), Agreement::Agreed);
    }

    #[test]
    fn visible_ranges() {
        assert_eq!(visible_range(0.0, 100.0, 10.0, 5), 0..5);
        assert_eq!(visible_range(25.0, 55.0, 10.0, 100), 2..6);
        assert_eq!(visible_range(0.0, -5.0, 10.0, 5), 0..0);
    }

    /// The summary made in one pass says what the per-column rules say.
    #[test]
    fn summary_agrees_with_the_rules() {
        let mut plans = vec![crate::generate::generate(400, 3)];
        if let Ok(l) = crate::format::parse(crate::EXAMPLE_PLAN) {
            plans.push(l.plan);
        }
        for plan in plans {
            let s = Summary::of(&plan);
            assert_eq!(s.cols, columns(&plan));
            for (c, col) in s.cols.iter().enumerate() {
                assert_eq!(s.gap[c], !covered(&plan, col), "column {c}");
                if let MapColumn::Segment(name) = col {
                    let n = plan
                        .accounts
                        .iter()
                        .filter(|a| a.segment.as_ref() == Some(name))
                        .count();
                    assert_eq!(s.accounts_in[c], n);
                }
            }
            assert_eq!(s.uncovered, uncovered_accounts(&plan));
        }
    }
}
