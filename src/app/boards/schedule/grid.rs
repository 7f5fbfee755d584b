//! The grid of one day: columns and hour lines behind, the meeting blocks behind one sensor,
//! and the header row and hours over them, which stay in view while the board scrolls.

use crate::app::Gaps;
use crate::app::boards::context::BoardCx;
use crate::app::boards::schedule::block::{BlockText, Painted, fonts_key, paint_block};
use crate::app::boards::schedule::input::{Change, Keys, Press, drag, keyboard, set_cursor};
use crate::app::boards::schedule::layout::{Grid, Metrics, handle_rect};
use crate::app::boards::schedule::paint::{header_ui, paint_background, paint_head, paint_hours};
use crate::app::boards::schedule::state::{Kept, ScheduleState};
use crate::app::boards::schedule::time::hhmm;
use crate::app::boards::schedule::tooltip::{details, tooltip_ui};
use crate::app::commands::Command;
use crate::app::widgets::{ItemInfo, Strip, text_still_good};
use crate::model::Section;
use egui::{Rect, Sense, Ui, pos2, vec2};

/// Draws the grid of the day `kept`, its columns `widths` wide, in the scrolled `viewport`;
/// returns a new start and length for a meeting being dragged or moved.
pub(super) fn grid_ui(
    ui: &mut Ui,
    viewport: Rect,
    state: &mut ScheduleState,
    cx: &mut BoardCx<'_>,
    kept: &mut Kept,
    m: &Metrics,
    widths: Vec<f32>,
) -> Option<Change> {
    let Kept { shown, texts, .. } = kept;
    let (items, columns) = (&shown.items[..], &shown.columns[..]);
    let width = m.gutter + widths.iter().sum::<f32>() + 8.0;
    let height = m.y(m.last_hour * 60) + m.body_h;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let origin = rect.min;
    let view = viewport.translate(origin.to_vec2());
    let grid = Grid::new(items, columns, m, widths, origin, view);
    let visuals = ui.visuals().clone();
    let painter = ui.painter().clone();

    paint_background(&painter, &visuals, &grid);
    // Blocks: painted behind one sensor, so a frame costs one widget however many are in view.
    let change = blocks_ui(ui, &painter, state, cx, &grid, texts);

    // The header and the hour labels stay in view while scrolling, over the blocks.
    let head = paint_head(&painter, &visuals, &grid);
    for (k, c) in columns.iter().enumerate() {
        let Some((left, width)) = grid.span(k) else {
            continue;
        };
        let r = Rect::from_min_max(pos2(left, head.top()), pos2(left + width, head.bottom()));
        if r.intersects(view) {
            header_ui(ui, &painter, cx, c, r, m);
        }
    }
    let gutter = paint_hours(&painter, &visuals, &grid, head);
    // Header and gutter catch clicks so blocks scrolled under them are not clicked by mistake.
    ui.interact(
        gutter,
        ui.scope_id().with("schedule-gutter"),
        Sense::click(),
    );
    change
}

/// The meeting blocks in view, behind one sensor: the pointer finds a block by position, clicks
/// open it, drags move it or (from its bottom edge) change its length. The keyboard reaches the
/// board as one Tab stop (see [`keyboard`]). While a screen reader listens each block is a node
/// of its own. Returns a new start and length for a meeting being dragged or moved.
fn blocks_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    state: &mut ScheduleState,
    cx: &mut BoardCx<'_>,
    grid: &Grid<'_>,
    texts: &mut [Option<BlockText>],
) -> Option<Change> {
    let id = ui.scope_id().with("schedule-blocks");
    // Always senses drags, so that a press moves a block even without a frame of hover first:
    // a drag from an empty spot scrolls the board instead.
    let response = ui.interact(grid.area, id, Sense::click_and_drag());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, "Meetings of the day"));
    let press = Press::read(ui, state, grid);
    let Keys {
        strip,
        mut change,
        mut opened,
    } = keyboard(ui, state, grid, response, &press);
    let (dragged, panning) = drag(ui, state, grid, &strip.response, &press);
    change = dragged.or(change);
    let drag = state.drag;
    let hovered = strip.response.hover_pos().and_then(|p| grid.hit(p));
    set_cursor(ui, drag, hovered, panning);

    if !text_still_good(ui, &mut state.text_generation) {
        texts.fill_with(|| None);
    }
    let lifted = |k: usize, index: usize| {
        let is_hovered = hovered.is_some_and(|(h, _)| h == k);
        drag.map_or(is_hovered && !panning, |d| d.index == index)
    };
    let shown = Shown {
        id,
        strip: &strip,
        hovered: hovered.map(|(k, _)| k),
        pressed_on: press.on,
        gaps: cx.gaps,
    };
    if let Some(index) = paint_blocks(ui, painter, grid, texts, &shown, lifted) {
        opened = Some(index);
    }

    // The tooltip of the block under the pointer, beside it.
    if drag.is_none()
        && !panning
        && let Some((k, _)) = hovered
        && let Some(p) = grid.placed.get(k)
        && let Some(item) = grid.item_in_view(k)
    {
        let mut tooltip = egui::Tooltip::for_enabled(&strip.response);
        tooltip.popup = tooltip.popup.anchor(p.rect);
        tooltip.show(|ui| tooltip_ui(ui, item, cx.gaps));
    }
    if let Some(index) = opened {
        cx.commands
            .push(Command::Reveal(Section::Meetings, Some(index), None));
    }
    change
}

/// What the painted blocks answer to: the sensor's id and keyboard strip, the block in view
/// under the pointer, the meeting the button went down on, and the findings they read out.
struct Shown<'a> {
    id: egui::Id,
    strip: &'a Strip,
    hovered: Option<usize>,
    pressed_on: Option<Option<usize>>,
    gaps: &'a Gaps,
}

/// Paints the blocks in view, each with its node for screen readers and that of its bottom
/// edge; returns the meeting of the last one opened (clicked, or Enter on it). `lifted` tells
/// whether block `k` in view, of meeting `index`, is drawn lifted.
fn paint_blocks(
    ui: &mut Ui,
    painter: &egui::Painter,
    grid: &Grid<'_>,
    texts: &mut [Option<BlockText>],
    shown: &Shown<'_>,
    lifted: impl Fn(usize, usize) -> bool,
) -> Option<usize> {
    let fonts = fonts_key(ui, grid.m);
    let mut opened = None;
    for (k, p) in grid.placed.iter().enumerate() {
        let Some(c) = grid.columns.get(p.column) else {
            continue;
        };
        let number = c.first + p.block;
        let Some(b) = c.blocks.get(p.block) else {
            continue;
        };
        let Some(item) = grid.items.get(b.item) else {
            continue;
        };
        let block = Painted {
            item,
            column: c,
            rect: p.rect,
            clash: item.clash || b.overlap,
            lifted: lifted(k, item.index),
        };
        let mut spare = None;
        let text = texts.get_mut(number).unwrap_or(&mut spare);
        paint_block(ui, painter, &block, text, grid.m, fonts);

        let node = shown.id.with(("meeting", item.index, p.column));
        let label = || format!("{} {}", item.account, hhmm(item.from));
        // A click opens the block only when it was also pressed on that block.
        let clicked_here =
            shown.hovered == Some(k) && shown.pressed_on.is_none_or(|on| on == Some(item.index));
        let strip = shown.strip;
        if strip.item(ui, painter, number, node, p.rect, clicked_here, || {
            ItemInfo {
                role: egui::Role::Button,
                label: label(),
                description: details(item, shown.gaps)
                    .into_iter()
                    .map(|(_, line)| line)
                    .collect::<Vec<_>>()
                    .join(". "),
                clickable: true,
            }
        }) {
            opened = Some(item.index);
        }
        // The bottom edge, on its own for screen readers: dragging it changes the length.
        strip.part(ui, node.with("end"), handle_rect(p.rect), || ItemInfo {
            role: egui::Role::Button,
            label: format!("End of {}", label()),
            description: "Drag to change the length of the meeting".to_owned(),
            clickable: false,
        });
    }
    opened
}
