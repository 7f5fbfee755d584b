//! Painting a meeting's block: its status look, the clash outline or a finding's dot, and its
//! text, laid out once and kept while the block's size, colours and fonts stay the same.

use crate::app::boards::schedule::columns::{Column, ColumnKind, Item};
use crate::app::boards::schedule::layout::Metrics;
use crate::app::boards::schedule::paint::{Look, hatch, look, one_line, text_on};
use crate::app::boards::schedule::time::{hhmm, time_range};
use crate::app::widgets::{palette, severity_color};
use crate::model::MeetingStatus;
use egui::{Color32, CornerRadius, Pos2, Rect, Stroke, StrokeKind, Ui, pos2, vec2};
use std::sync::Arc;

/// A block to paint: its meeting, its column, where it is, and how it stands.
pub(super) struct Painted<'a> {
    pub(super) item: &'a Item,
    pub(super) column: &'a Column,
    pub(super) rect: Rect,
    /// It clashes: a double-booking finding is on it, or it overlaps another in its column.
    pub(super) clash: bool,
    /// It is hovered or dragged, and drawn with a shadow.
    pub(super) lifted: bool,
}

/// A block's text laid out, kept while the block's size, the text colour and the fonts stay
/// the same: a frame then lays out only blocks that changed.
pub(super) struct BlockText {
    key: TextKey,
    /// The clash mark.
    badge: Option<Arc<egui::Galley>>,
    /// The lines and where they go from the block's top left corner.
    lines: Vec<(egui::Vec2, Arc<egui::Galley>)>,
    /// The lines fit in the block. Only text that does not is clipped to it: a clip of its own
    /// would make the block a mesh of its own to draw.
    fits: bool,
}

/// What a block's laid-out text depends on: the block's size, the colours (of its text and of
/// the clash mark on the theme's red) and the fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextKey {
    width: u32,
    height: u32,
    text: Color32,
    badge: Color32,
    fonts: u64,
}

/// What every block's laid-out text depends on besides its size and colours: the fonts and the
/// pixel density.
pub(super) fn fonts_key(ui: &Ui, m: &Metrics) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    m.body.hash(&mut h);
    m.small.hash(&mut h);
    ui.ctx().pixels_per_point().to_bits().hash(&mut h);
    h.finish()
}

/// Draws a block: its status look, the clash outline or finding dot, and its text (`text`, laid
/// out anew when it no longer fits the block).
pub(super) fn paint_block(
    ui: &Ui,
    painter: &egui::Painter,
    block: &Painted<'_>,
    text: &mut Option<BlockText>,
    m: &Metrics,
    fonts: u64,
) {
    let visuals = ui.visuals();
    let l = look(block.item.status, visuals);
    let shape = block.rect.shrink2(vec2(1.0, 1.0));
    paint_shape(painter, visuals, block, &l, shape, m);
    let key = TextKey {
        width: shape.width().to_bits(),
        height: shape.height().to_bits(),
        text: l.text,
        badge: text_on(palette::error()),
        fonts,
    };
    let laid_out = match text.take() {
        Some(t) if t.key == key => t,
        _ => block_text(painter, block, shape, m, &l, key),
    };
    let clipped;
    let p = if laid_out.fits {
        painter
    } else {
        clipped = painter.with_clip_rect(shape.intersect(painter.clip_rect()));
        &clipped
    };
    // The clash mark, or a dot for other findings, in the top right corner.
    if let Some(g) = &laid_out.badge {
        let on_red = text_on(palette::error());
        let badge = Rect::from_min_size(
            pos2(
                shape.right() - g.size().x - 10.0,
                (shape.top() + 4.0).min(shape.center().y - g.size().y / 2.0),
            ),
            g.size() + vec2(6.0, 0.0),
        );
        p.rect_filled(badge, CornerRadius::same(3), palette::error());
        p.galley(badge.min + vec2(3.0, 0.0), g.clone(), on_red);
    } else if let Some(s) = block.item.worst {
        let c = Pos2::new(shape.right() - 8.0, shape.top() + 8.0);
        p.circle(
            c,
            4.0,
            severity_color(s),
            Stroke::new(1.0, visuals.panel_fill),
        );
    }
    for (offset, g) in &laid_out.lines {
        p.galley(shape.min + *offset, g.clone(), l.text);
    }
    *text = Some(laid_out);
}

/// The block's body at `shape`: its shadow when lifted, its status look, and the clash outline.
fn paint_shape(
    painter: &egui::Painter,
    visuals: &egui::Visuals,
    block: &Painted<'_>,
    l: &Look,
    shape: Rect,
    m: &Metrics,
) {
    let radius = CornerRadius::same(4);
    if block.lifted {
        painter.rect_filled(
            shape.translate(vec2(0.0, 2.0)),
            radius,
            Color32::from_black_alpha(50),
        );
    }
    painter.rect(shape, radius, l.fill, l.stroke, StrokeKind::Inside);
    if l.struck {
        hatch(painter, shape, l.stroke.color);
    }
    if block.clash {
        // Red, with a thin line of the background inside it so it reads on any fill.
        painter.rect_stroke(
            shape,
            radius,
            Stroke::new(3.0, palette::error()),
            StrokeKind::Inside,
        );
        // (Not in a short block, where it would run through the text.)
        if shape.height() >= 2.0 * m.body_h {
            painter.rect_stroke(
                shape.shrink(3.0),
                CornerRadius::same(2),
                Stroke::new(1.0, visuals.panel_fill),
                StrokeKind::Inside,
            );
        }
    }
}

/// Lays out a block's text for a block shaped `shape`: account, time and status, then what the
/// column does not already say (the room by person, the people by room) as room allows.
fn block_text(
    painter: &egui::Painter,
    block: &Painted<'_>,
    shape: Rect,
    m: &Metrics,
    l: &Look,
    key: TextKey,
) -> BlockText {
    let item = block.item;
    let pad = 5.0;
    let mut width = shape.width() - 2.0 * pad;
    let mut badge = None;
    let room_for_two = shape.height() >= m.body_h + m.small_h + 6.0;
    if block.clash {
        // Smaller in a short block, so that it stays inside it.
        let font = if room_for_two { &m.body } else { &m.small };
        let g = painter.layout_no_wrap("⚠".to_owned(), font.clone(), key.badge);
        width -= g.size().x + 8.0;
        badge = Some(g);
    } else if item.worst.is_some() {
        width -= 12.0;
    }
    let mut lines = Vec::new();
    if !room_for_two {
        // A short meeting: time and account on one line.
        let mark = if item.status == MeetingStatus::Held {
            "✔ "
        } else {
            ""
        };
        let text = format!("{mark}{} {}", hhmm(item.from), item.account);
        let g = one_line(painter, &text, m.small.clone(), l.text, width, l.struck);
        let y = (shape.height() - g.size().y) / 2.0;
        lines.push((vec2(pad, y), g));
        return BlockText::new(key, badge, lines, shape.size());
    }
    let top = 2.0;
    // A held meeting carries a check mark before its account, as its look says done.
    let account = if item.status == MeetingStatus::Held {
        format!("✔ {}", item.account)
    } else {
        item.account.clone()
    };
    let g = one_line(painter, &account, m.body.clone(), l.text, width, l.struck);
    lines.push((vec2(pad, top), g));
    let mut y = top + m.body_h + 1.0;
    let full = shape.width() - 2.0 * pad;
    let time = time_range(item.start, item.minutes);
    let time = if item.status.is_active() {
        time
    } else {
        format!("{time} · {}", item.status.label())
    };
    let g = one_line(painter, &time, m.small.clone(), l.text, full, false);
    lines.push((vec2(pad, y), g));
    y += m.small_h + 1.0;
    if y + m.small_h > shape.height() - 2.0 {
        return BlockText::new(key, badge, lines, shape.size());
    }
    let extra = extra_line(item, block.column);
    if !extra.is_empty() {
        let g = painter.layout(extra.clone(), m.small.clone(), l.text, full);
        let rows = ((shape.height() - 2.0 - y) / m.small_h).floor().max(1.0) as usize;
        let g = if g.rows.len() <= rows {
            g
        } else {
            one_line(painter, &extra, m.small.clone(), l.text, full, false)
        };
        lines.push((vec2(pad, y), g));
    }
    BlockText::new(key, badge, lines, shape.size())
}

/// What the column does not already say of a meeting: its people in a room's column, its room
/// and the other people in a person's.
fn extra_line(item: &Item, column: &Column) -> String {
    match column.kind {
        ColumnKind::Room | ColumnKind::NoRoom => item.people.join(", "),
        _ => {
            let mut parts = Vec::new();
            if !item.room.is_empty() {
                parts.push(item.room.clone());
            }
            if item.people.len() > 1 {
                let others: Vec<&str> = item
                    .people
                    .iter()
                    .map(String::as_str)
                    .filter(|n| *n != column.title)
                    .collect();
                parts.push(format!("with {}", others.join(", ")));
            }
            parts.join(" · ")
        }
    }
}

impl BlockText {
    fn new(
        key: TextKey,
        badge: Option<Arc<egui::Galley>>,
        lines: Vec<(egui::Vec2, Arc<egui::Galley>)>,
        size: egui::Vec2,
    ) -> Self {
        let fits = lines.iter().all(|(offset, g)| {
            let end = *offset + g.size();
            offset.x >= 0.0 && offset.y >= 0.0 && end.x <= size.x && end.y <= size.y
        });
        BlockText {
            key,
            badge,
            lines,
            fits,
        }
    }
}
