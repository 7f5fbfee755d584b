//! Where the diagram goes on screen: its size in units of the text size, the box of each stage,
//! and the curve of each arrow.

use crate::analysis::flow::layout::{FlowLayout, Placed, Route};
use egui::{Pos2, Rect, Vec2, pos2, vec2};

// Sizes in units of the body text size times the fitting scale.
pub(super) const BOX_W: f32 = 12.0;
pub(super) const BOX_H: f32 = 6.4;
pub(super) const COL_GAP: f32 = 10.0;
pub(super) const ROW_GAP: f32 = 2.6;
pub(super) const BAND_GAP: f32 = 4.0;
pub(super) const TOP: f32 = 3.6;
pub(super) const SIDE: f32 = 2.5;
pub(super) const BOTTOM: f32 = 1.5;
/// The smallest scale of the body text size before the board scrolls instead of shrinking...
const MIN_SCALE: f32 = 0.6;
/// ...and the smallest unit in points, so labels stay readable at any text size.
const MIN_UNIT: f32 = 9.0;
/// The largest scale of the body text size.
const MAX_SCALE: f32 = 1.9;

/// The diagram's size in units.
pub(super) fn content_units(l: &FlowLayout) -> Vec2 {
    let cols = l.columns.max(1) as f32;
    let band = if l.has_entry && l.has_unreached() {
        BAND_GAP
    } else {
        0.0
    };
    let rows = l.rows.max(1.0);
    vec2(
        2.0 * SIDE + cols * BOX_W + (cols - 1.0) * COL_GAP,
        TOP + rows * (BOX_H + ROW_GAP) - ROW_GAP + band + BOTTOM,
    )
}

/// Where the units of the diagram land on screen.
pub(super) struct Geometry {
    pub(super) origin: Pos2,
    pub(super) u: f32,
    pub(super) main_rows: f32,
    pub(super) band: bool,
}

/// Points to the unit: the diagram's `units` fitted to `avail`, within bounds set by the body
/// text size `fs`.
pub(super) fn fit_unit(units: Vec2, avail: Vec2, fs: f32) -> f32 {
    let fit = (avail.x / units.x).min(avail.y / units.y);
    fit.clamp((fs * MIN_SCALE).max(MIN_UNIT).min(fs), fs * MAX_SCALE)
}

impl Geometry {
    /// The diagram of `l` at `u` points to the unit, centred in `rect` (the left and top edges
    /// kept in view when it is larger).
    pub(super) fn centred(rect: Rect, l: &FlowLayout, u: f32) -> Geometry {
        let size = content_units(l) * u;
        let origin = rect.center() - size / 2.0;
        Geometry {
            origin: pos2(origin.x.max(rect.left()), origin.y.max(rect.top())),
            u,
            main_rows: l.main_rows,
            band: l.has_entry && l.has_unreached(),
        }
    }

    /// Where stage `p` sits on screen.
    pub(super) fn stage_rect(&self, p: &Placed) -> Rect {
        let u = self.u;
        let x = SIDE + p.column as f32 * (BOX_W + COL_GAP);
        let band = if self.band && p.row >= self.main_rows {
            BAND_GAP
        } else {
            0.0
        };
        let y = TOP + p.row * (BOX_H + ROW_GAP) + band;
        Rect::from_min_size(self.origin + vec2(x, y) * u, vec2(BOX_W, BOX_H) * u)
    }
}

/// One arrow ready to paint.
pub(super) struct Curve {
    pub(super) arrow: usize,
    pub(super) points: [Pos2; 4],
}

/// The point at `t` (0 to 1) along the cubic curve `p`.
pub(super) fn bezier_at(p: &[Pos2; 4], t: f32) -> Pos2 {
    let [a, b, c, d] = *p;
    let m = 1.0 - t;
    let v = a.to_vec2() * (m * m * m)
        + b.to_vec2() * (3.0 * m * m * t)
        + c.to_vec2() * (3.0 * m * t * t)
        + d.to_vec2() * (t * t * t);
    v.to_pos2()
}

/// The four points of each arrow's curve: ends spread along the side of a box they leave or
/// enter, sorted by where the other end is, so arrows fan out instead of piling up.
pub(super) fn curves(l: &FlowLayout, rects: &[Rect], u: f32) -> Vec<Curve> {
    // (stage, right side?) -> [(other end's y, handoff, arrow index, is start)]
    let mut ports: Vec<Vec<(f32, usize, usize, bool)>> = vec![Vec::new(); rects.len() * 2];
    let centre_y = |s: usize| rects.get(s).map_or(0.0, |r| r.center().y);
    for (k, a) in l.arrows.iter().enumerate() {
        let (from_right, to_right) = match a.route {
            Route::Forward => (true, false),
            Route::Back => (false, true),
            Route::Same => (false, false),
            Route::SelfLoop => continue,
        };
        if let Some(p) = ports.get_mut(a.from * 2 + usize::from(from_right)) {
            p.push((centre_y(a.to), a.handoff, k, true));
        }
        if let Some(p) = ports.get_mut(a.to * 2 + usize::from(to_right)) {
            p.push((centre_y(a.from), a.handoff, k, false));
        }
    }
    let mut ends: Vec<[Option<Pos2>; 2]> = vec![[None, None]; l.arrows.len()];
    for (slot, list) in ports.iter_mut().enumerate() {
        let Some(r) = rects.get(slot / 2) else {
            continue;
        };
        let x = if slot % 2 == 1 { r.right() } else { r.left() };
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.3.cmp(&b.3)));
        let n = list.len() as f32;
        for (i, &(_, _, k, start)) in list.iter().enumerate() {
            let y = r.top() + r.height() * (0.18 + 0.64 * (i as f32 + 1.0) / (n + 1.0));
            if let Some([from, to]) = ends.get_mut(k) {
                *(if start { from } else { to }) = Some(pos2(x, y));
            }
        }
    }
    let mut out = Vec::new();
    for (k, a) in l.arrows.iter().enumerate() {
        let (Some(ra), Some(rb)) = (rects.get(a.from), rects.get(a.to)) else {
            continue;
        };
        let [p0, p3] = ends.get(k).copied().unwrap_or([None, None]);
        let points = match (a.route, p0, p3) {
            (Route::SelfLoop, _, _) => {
                // Round the top-right corner: out of the top, back into the right side above
                // the ports of other arrows.
                let p0 = pos2(ra.right() - ra.width() * 0.25, ra.top());
                let p3 = pos2(ra.right(), ra.top() + ra.height() * 0.14);
                [p0, p0 + vec2(0.0, -2.4 * u), p3 + vec2(3.6 * u, 0.0), p3]
            }
            (Route::Forward, Some(p0), Some(p3)) => {
                let dx = ((p3.x - p0.x) * 0.5).max(2.0 * u);
                [p0, p0 + vec2(dx, 0.0), p3 - vec2(dx, 0.0), p3]
            }
            (Route::Back, Some(p0), Some(p3)) => {
                let dx = ((p0.x - p3.x).abs() * 0.45).max(4.0 * u);
                [p0, p0 - vec2(dx, 0.0), p3 + vec2(dx, 0.0), p3]
            }
            (Route::Same, Some(p0), Some(p3)) => {
                let bulge = 3.0 * u + 0.12 * (p3.y - p0.y).abs();
                [p0, p0 - vec2(bulge, 0.0), p3 - vec2(bulge, 0.0), p3]
            }
            _ => {
                let (p0, p3) = (ra.right_center(), rb.left_center());
                [p0, p0, p3, p3]
            }
        };
        out.push(Curve { arrow: k, points });
    }
    out
}
