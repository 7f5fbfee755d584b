//! Where things go on the grid: the sizes of hours and columns, time to pixels, the blocks in
//! view and which one is under the pointer, and the numbering the keyboard walks. Nothing is
//! painted here.

use crate::app::boards::schedule::columns::{Block, Column, Item};
use crate::app::boards::schedule::day::Tally;
use egui::{Color32, FontId, Pos2, Rect, TextStyle, Ui, pos2};

/// The grid shows at least these hours.
const FIRST_HOUR: i64 = 8;
const LAST_HOUR: i64 = 19;
/// Smallest sizes, in points.
const MIN_HOUR_HEIGHT: f32 = 60.0;
const MIN_COLUMN_WIDTH: f32 = 150.0;
/// Height of the handle at a block's bottom edge that changes its length.
const HANDLE: f32 = 6.0;

/// Sizes of the grid, in points.
pub(super) struct Metrics {
    pub(super) body: FontId,
    pub(super) small: FontId,
    pub(super) body_h: f32,
    pub(super) small_h: f32,
    pub(super) first_hour: i64,
    pub(super) last_hour: i64,
    pub(super) hour_h: f32,
    pub(super) gutter: f32,
    pub(super) header: f32,
}

impl Metrics {
    /// The sizes for the day summed up in `tally`, with the fonts and room of `ui`.
    pub(super) fn new(ui: &Ui, tally: &Tally) -> Metrics {
        let body = TextStyle::Body.resolve(ui.style());
        // Details a little smaller than body text, never smaller than the small style.
        let small_size = (body.size * 0.88).max(TextStyle::Small.resolve(ui.style()).size);
        let small = FontId::new(small_size, body.family.clone());
        let body_h = ui.text_style_height(&TextStyle::Body);
        let small_h = ui
            .painter()
            .layout_no_wrap("Ag".to_owned(), small.clone(), Color32::WHITE)
            .size()
            .y;
        let (first_hour, last_hour) = hours(tally);
        let hours = (last_hour - first_hour).max(1) as f32;
        let header = body_h + small_h + 14.0;
        let gutter = ui
            .painter()
            .layout_no_wrap("00:00".to_owned(), body.clone(), Color32::WHITE)
            .size()
            .x
            + 16.0;
        // Big enough for three lines of text in an hour, and filling the screen when there is
        // room.
        let min_hour = MIN_HOUR_HEIGHT.max(body_h * 3.6);
        let fill = (ui.available_height() - header - body_h - 24.0) / hours;
        let hour_h = min_hour.max(fill.min(min_hour * 2.0));
        Metrics {
            body,
            small,
            body_h,
            small_h,
            first_hour,
            last_hour,
            hour_h,
            gutter,
            header,
        }
    }

    /// Points per minute of the day.
    pub(super) fn per_minute(&self) -> f32 {
        self.hour_h / 60.0
    }

    /// The y offset of a minute of the day below the header.
    pub(super) fn y(&self, minute: i64) -> f32 {
        self.header + (minute - self.first_hour * 60) as f32 * self.per_minute()
    }
}

/// The first and last hour the grid shows: the usual working day, or longer when meetings are.
fn hours(tally: &Tally) -> (i64, i64) {
    let earliest = tally.earliest.unwrap_or(FIRST_HOUR * 60);
    let latest = tally.latest.unwrap_or(LAST_HOUR * 60);
    let first_hour = (earliest.div_euclid(60)).clamp(0, FIRST_HOUR);
    let last_hour = ((latest + 59).div_euclid(60)).clamp(LAST_HOUR, 24);
    (first_hour, last_hour)
}

/// The columns' widths: as wide as their text needs (more when meetings sit side by side), and
/// wider to fill `available` points when there are few.
pub(super) fn column_widths(available: f32, m: &Metrics, columns: &[Column]) -> Vec<f32> {
    let base = MIN_COLUMN_WIDTH.max(m.body_h * 9.5);
    let lane = base * 0.75;
    let mut widths: Vec<f32> = columns
        .iter()
        .map(|c| base.max(lane * c.lanes as f32))
        .collect();
    let total: f32 = widths.iter().sum();
    let room = available - m.gutter - 16.0;
    if total > 0.0 && total < room {
        let scale = (room / total).min(2.0);
        for w in &mut widths {
            *w *= scale;
        }
    }
    widths
}

/// A block in view and where it is drawn.
pub(super) struct Placed {
    /// Its column, and its place among the column's blocks.
    pub(super) column: usize,
    pub(super) block: usize,
    pub(super) rect: Rect,
}

/// The grid in one frame: the day's columns and blocks, where they are on screen and which are
/// in view.
pub(super) struct Grid<'a> {
    pub(super) items: &'a [Item],
    pub(super) columns: &'a [Column],
    pub(super) m: &'a Metrics,
    /// The grid's top left corner, on screen.
    pub(super) origin: Pos2,
    /// The part of the grid in view, on screen.
    pub(super) view: Rect,
    /// Each column's left edge, on screen.
    pub(super) lefts: Vec<f32>,
    /// Each column's width.
    pub(super) widths: Vec<f32>,
    /// The right edge of the last column.
    pub(super) right: f32,
    /// The blocks in view, column by column and by time within a column: the order they are
    /// drawn and read out in.
    pub(super) placed: Vec<Placed>,
    /// Where the pointer reaches blocks: the grid in view, less the header and the hours, which
    /// are drawn over the blocks.
    pub(super) area: Rect,
}

impl<'a> Grid<'a> {
    /// The grid with its top left corner at `origin`, of which `view` is in view.
    pub(super) fn new(
        items: &'a [Item],
        columns: &'a [Column],
        m: &'a Metrics,
        widths: Vec<f32>,
        origin: Pos2,
        view: Rect,
    ) -> Grid<'a> {
        let mut x = origin.x + m.gutter;
        let mut lefts = Vec::with_capacity(columns.len());
        for w in &widths {
            lefts.push(x);
            x += w;
        }
        let mut grid = Grid {
            items,
            columns,
            m,
            origin,
            view,
            lefts,
            widths,
            right: x,
            placed: Vec::new(),
            area: Rect::NOTHING,
        };
        grid.area = Rect::from_min_max(
            pos2(view.left() + m.gutter, view.top() + m.header),
            view.max,
        )
        .intersect(Rect::from_min_max(
            pos2(origin.x + m.gutter, grid.top()),
            pos2(grid.right, grid.bottom()),
        ));
        grid.placed = grid.place_in_view();
        grid
    }

    /// The top of the hours, below the header, on screen.
    pub(super) fn top(&self) -> f32 {
        self.origin.y + self.m.header
    }

    /// The bottom of the last hour, on screen.
    pub(super) fn bottom(&self) -> f32 {
        self.origin.y + self.m.y(self.m.last_hour * 60)
    }

    /// The y of a minute of the day, on screen.
    pub(super) fn y(&self, minute: i64) -> f32 {
        self.origin.y + self.m.y(minute)
    }

    /// Column `k`'s left edge and width.
    pub(super) fn span(&self, k: usize) -> Option<(f32, f32)> {
        Some((*self.lefts.get(k)?, *self.widths.get(k)?))
    }

    /// Where block `b`, of an item, is drawn in a column at `left`, `width` wide.
    fn rect_of(&self, item: &Item, b: &Block, (left, width): (f32, f32)) -> Rect {
        let lane_w = (width - 6.0) / b.lanes.max(1) as f32;
        let x0 = left + 3.0 + lane_w * b.lane as f32;
        Rect::from_min_max(
            pos2(x0, self.y(item.from)),
            pos2(x0 + lane_w, self.y(item.to)),
        )
    }

    fn place_in_view(&self) -> Vec<Placed> {
        let mut placed = Vec::new();
        for (k, c) in self.columns.iter().enumerate() {
            let Some((left, width)) = self.span(k) else {
                continue;
            };
            if left >= self.view.right() || left + width <= self.view.left() {
                continue;
            }
            for (j, b) in c.blocks.iter().enumerate() {
                let Some(item) = self.items.get(b.item) else {
                    continue;
                };
                let rect = self.rect_of(item, b, (left, width));
                if rect.intersects(self.view) {
                    placed.push(Placed {
                        column: k,
                        block: j,
                        rect,
                    });
                }
            }
        }
        placed
    }

    /// The block in view under `pos` (its place in `placed`), and whether `pos` is on its
    /// bottom edge. Nothing under the header and the hours, which are drawn over the blocks.
    pub(super) fn hit(&self, pos: Pos2) -> Option<(usize, bool)> {
        if !self.area.contains(pos) {
            return None;
        }
        let k = self.placed.iter().rposition(|p| p.rect.contains(pos))?;
        let on_edge = self
            .placed
            .get(k)
            .is_some_and(|p| handle_rect(p.rect).contains(pos));
        Some((k, on_edge))
    }

    /// The item of block `k` in view.
    pub(super) fn item_in_view(&self, k: usize) -> Option<&'a Item> {
        let p = self.placed.get(k)?;
        let b = self.columns.get(p.column)?.blocks.get(p.block)?;
        self.items.get(b.item)
    }

    /// The number of a block in view.
    pub(super) fn number_of(&self, p: &Placed) -> usize {
        self.columns.get(p.column).map_or(0, |c| c.first + p.block)
    }

    /// The item of block number `n`, where it is drawn, and its column's key.
    pub(super) fn numbered(&self, n: usize) -> Option<(&'a Item, Rect, &'a String)> {
        let (k, j) = locate(self.columns, n)?;
        let c = self.columns.get(k)?;
        let b = c.blocks.get(j)?;
        let item = self.items.get(b.item)?;
        Some((item, self.rect_of(item, b, self.span(k)?), &c.key))
    }
}

/// The strip at a block's bottom edge that changes its length when dragged.
pub(super) fn handle_rect(r: Rect) -> Rect {
    let h = HANDLE.min(r.height() / 3.0);
    Rect::from_min_max(pos2(r.left(), r.bottom() - h), r.max)
}

/// The column and place in it of block number `n`.
pub(super) fn locate(columns: &[Column], n: usize) -> Option<(usize, usize)> {
    let k = columns.partition_point(|c| c.first <= n).checked_sub(1)?;
    let j = n - columns.get(k)?.first;
    (j < columns.get(k)?.blocks.len()).then_some((k, j))
}

/// The number of the block of `meeting` in the column keyed `key`.
pub(super) fn find_block(
    items: &[Item],
    columns: &[Column],
    meeting: usize,
    key: &str,
) -> Option<usize> {
    let c = columns.iter().find(|c| c.key == key)?;
    let j = c
        .blocks
        .iter()
        .position(|b| items.get(b.item).is_some_and(|i| i.index == meeting))?;
    Some(c.first + j)
}
