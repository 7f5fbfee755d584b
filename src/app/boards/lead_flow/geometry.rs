//! Where the diagram goes on screen: the sizes the core lays it out with (in units of the text
//! size), the scale that fits it to the board, and the mapping of its boxes, labels and arrows
//! from units to points.

use crate::analysis::flow::layout::{Area, Point, Routed, Sizes};
use egui::{Pos2, Rect, Vec2, pos2, vec2};

// Sizes in units of the body text size times the fitting scale.
pub(super) const BOX_W: f32 = 10.5;
pub(super) const BOX_H: f32 = 6.4;
/// Space above the diagram, below the diagram, and either side of it.
const TOP: f32 = 1.2;
const BOTTOM: f32 = 1.2;
const SIDE: f32 = 1.0;
/// Room around a label's words.
pub(super) const LABEL_PAD: Vec2 = vec2(0.45, 0.25);
/// The widest a label's line gets before it wraps.
pub(super) const LABEL_WRAP: f32 = 9.5;
/// The smallest scale of the body text size before the board scrolls instead of shrinking...
const MIN_SCALE: f32 = 0.6;
/// ...and the smallest unit in points, so labels stay readable at any text size.
const MIN_UNIT: f32 = 9.0;
/// The largest scale of the body text size.
const MAX_SCALE: f32 = 1.9;

/// The sizes the core lays the flow out with, given each arrow's label size in units.
pub(super) fn sizes(labels: Vec<(f32, f32)>) -> Sizes {
    Sizes {
        stage: (BOX_W, BOX_H),
        labels,
        lane: 1.0,
        row_gap: 2.2,
        gap: 0.9,
        channel: 1.8,
        band_gap: 4.2,
    }
}

/// The diagram's size in units, margins included.
pub(super) fn content_units(r: &Routed) -> Vec2 {
    vec2(r.size.0 + 2.0 * SIDE, r.size.1 + TOP + BOTTOM)
}

/// Points to the unit: the diagram's `units` fitted to `avail`, within bounds set by the body
/// text size `fs`.
pub(super) fn fit_unit(units: Vec2, avail: Vec2, fs: f32) -> f32 {
    let fit = (avail.x / units.x).min(avail.y / units.y);
    fit.clamp((fs * MIN_SCALE).max(MIN_UNIT).min(fs), fs * MAX_SCALE)
}

/// Where the units of the diagram land on screen.
pub(super) struct Geometry {
    origin: Pos2,
    pub(super) u: f32,
}

impl Geometry {
    /// The diagram `r` at `u` points to the unit, centred in `rect` (the left and top edges
    /// kept in view when it is larger).
    pub(super) fn centred(rect: Rect, r: &Routed, u: f32) -> Geometry {
        let size = content_units(r) * u;
        let corner = rect.center() - size / 2.0;
        let corner = pos2(corner.x.max(rect.left()), corner.y.max(rect.top()));
        Geometry {
            origin: corner + vec2(SIDE, TOP) * u,
            u,
        }
    }

    /// Where a point of the layout lands.
    pub(super) fn point(&self, p: Point) -> Pos2 {
        self.origin + vec2(p.x, p.y) * self.u
    }

    /// Where an area of the layout lands.
    pub(super) fn rect(&self, a: Area) -> Rect {
        Rect::from_min_max(
            self.point(Point {
                x: a.left,
                y: a.top,
            }),
            self.point(Point {
                x: a.right,
                y: a.bottom,
            }),
        )
    }

    /// The left and right edge of the diagram and the height `y` (in units), on screen.
    pub(super) fn across(&self, r: &Routed, y: f32) -> (Pos2, Pos2) {
        let left = self.point(Point { x: -SIDE * 0.5, y });
        let right = self.point(Point {
            x: r.size.0 + SIDE * 0.5,
            y,
        });
        (left, right)
    }
}

/// One arrow ready to paint: its path on screen, smoothed where it bends.
pub(super) struct Curve {
    pub(super) arrow: usize,
    pub(super) points: Vec<Pos2>,
}

/// The point at `t` (0 to 1) along the cubic curve `p`.
fn bezier_at(p: &[Pos2; 4], t: f32) -> Pos2 {
    let [a, b, c, d] = *p;
    let m = 1.0 - t;
    let v = a.to_vec2() * (m * m * m)
        + b.to_vec2() * (3.0 * m * m * t)
        + c.to_vec2() * (3.0 * m * t * t)
        + d.to_vec2() * (t * t * t);
    v.to_pos2()
}

/// Each arrow's path on screen. Level pieces stay straight; a piece that changes height (only
/// ever in a channel between ranks, which holds nothing else) becomes an S-curve leaving and
/// arriving level, which stays within the channel.
pub(super) fn curves(r: &Routed, geo: &Geometry) -> Vec<Curve> {
    r.paths
        .iter()
        .enumerate()
        .map(|(k, path)| {
            let mut points: Vec<Pos2> = Vec::with_capacity(path.len() * 4);
            for pair in path.windows(2) {
                let &[a, b] = pair else {
                    continue;
                };
                let (a, b) = (geo.point(a), geo.point(b));
                if points.is_empty() {
                    points.push(a);
                }
                if (a.y - b.y).abs() < 0.5 || (a.x - b.x).abs() < 0.5 {
                    points.push(b);
                } else {
                    let dx = (b.x - a.x) * 0.5;
                    let bend = [a, a + vec2(dx, 0.0), b - vec2(dx, 0.0), b];
                    points.extend((1..=16).map(|i| bezier_at(&bend, i as f32 / 16.0)));
                }
            }
            Curve { arrow: k, points }
        })
        .collect()
}
