//! Where everything of the lead flow goes, given the size of a stage's box and of each arrow's
//! label: ranks side by side with a channel between them where arrows bend, every rank's
//! places stacked top to bottom and pulled level with what they link to, and each arrow as a
//! path of straight pieces.
//!
//! Within a rank an arrow runs level (through its own lane or label, or into a box), so it
//! meets nothing else there: places in a rank never overlap. It changes height only in the
//! channels between ranks, which hold nothing but arrows. So no arrow passes through a box or a
//! label but its own, and labels never overlap each other or a box; the tests check it.

use super::{FlowLayout, Node, Route};
use std::collections::BTreeMap;

/// A point, in the units of [`Sizes`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// From the left.
    pub x: f32,
    /// From the top.
    pub y: f32,
}

/// A rectangle, in the units of [`Sizes`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Area {
    /// Its left edge.
    pub left: f32,
    /// Its top edge.
    pub top: f32,
    /// Its right edge.
    pub right: f32,
    /// Its bottom edge.
    pub bottom: f32,
}

impl Area {
    /// The area of `w` by `h` centred on `c`.
    pub fn centred(c: Point, w: f32, h: f32) -> Area {
        Area {
            left: c.x - w / 2.0,
            top: c.y - h / 2.0,
            right: c.x + w / 2.0,
            bottom: c.y + h / 2.0,
        }
    }

    /// Whether the two overlap (touching edges do not count).
    pub fn overlaps(&self, o: &Area) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }

    /// Whether the straight piece from `a` to `b` passes through the inside of the area
    /// (running along an edge does not count).
    pub fn cut_by(&self, a: Point, b: Point) -> bool {
        // Clip the piece to the area's x and y ranges (Liang–Barsky); it cuts the area when
        // what is left has length inside it.
        let (dx, dy) = (b.x - a.x, b.y - a.y);
        let mut t0 = 0.0f32;
        let mut t1 = 1.0f32;
        let eps = 1e-3;
        for (p, q) in [
            (-dx, a.x - (self.left + eps)),
            (dx, (self.right - eps) - a.x),
            (-dy, a.y - (self.top + eps)),
            (dy, (self.bottom - eps) - a.y),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        t0 < t1
    }
}

/// The sizes to lay the board out with, in any unit (the board uses its text size).
#[derive(Debug, Clone, PartialEq)]
pub struct Sizes {
    /// Width and height of a stage's box.
    pub stage: (f32, f32),
    /// Width and height of each arrow's label, in the order of [`FlowLayout::arrows`].
    pub labels: Vec<(f32, f32)>,
    /// The height an arrow passing through a rank takes.
    pub lane: f32,
    /// The space between two boxes of a rank.
    pub row_gap: f32,
    /// The space between any other two places of a rank.
    pub gap: f32,
    /// The width of the channel between two ranks, where arrows bend.
    pub channel: f32,
    /// The space above the band of stages no entry stage reaches.
    pub band_gap: f32,
}

/// The board laid out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Routed {
    /// Each stage's box, in plan order.
    pub stages: Vec<Area>,
    /// Each arrow's label, in the order of [`FlowLayout::arrows`].
    pub labels: Vec<Area>,
    /// Each arrow's path from the stage it leaves to the stage it enters: straight pieces that
    /// are level inside a rank and bend only in the channels between ranks.
    pub paths: Vec<Vec<Point>>,
    /// The left and right edge of each rank.
    pub ranks: Vec<(f32, f32)>,
    /// Width and height of the whole board.
    pub size: (f32, f32),
    /// The top of the band of stages no entry stage reaches, when there is one.
    pub band_top: Option<f32>,
}

/// Each place's neighbours in one direction, by (rank, place): their (rank, place)s.
type Links = Vec<Vec<Vec<(usize, usize)>>>;

/// One arrow at one side of a box: the height of its other end, the arrow, and which of its
/// ends it is (0 leaving, 3 entering, 1 and 2 a loop's way out and back).
type PortUse = (f32, usize, u8);

/// Passes of pulling places level with what they link to.
const PASSES: usize = 12;

/// Lays `l` out at `sizes`.
pub fn route(l: &FlowLayout, sizes: &Sizes) -> Routed {
    let height = |node: Node| match node {
        Node::Stage(_) => sizes.stage.1,
        Node::Label(k) => sizes.labels.get(k).map_or(sizes.lane, |s| s.1),
        Node::Lane(_) => sizes.lane,
    };
    // Each rank's width and left edge.
    let widths: Vec<f32> = l
        .ranks
        .iter()
        .enumerate()
        .map(|(r, list)| {
            let widest = list
                .iter()
                .map(|&node| match node {
                    Node::Stage(_) => sizes.stage.0,
                    Node::Label(k) => sizes.labels.get(k).map_or(0.0, |s| s.0),
                    Node::Lane(_) => 0.0,
                })
                .fold(0.0, f32::max);
            if r % 2 == 0 {
                sizes.stage.0
            } else if list.is_empty() {
                0.0
            } else {
                widest.max(sizes.channel)
            }
        })
        .collect();
    let mut ranks = Vec::with_capacity(widths.len());
    let mut x = 0.0;
    for w in &widths {
        ranks.push((x, x + w));
        x += w + sizes.channel;
    }
    let width = (x - sizes.channel).max(0.0);

    // Links by (rank, place): each place's neighbours in the rank to its left and right.
    let mut left: Links = l.ranks.iter().map(|r| vec![Vec::new(); r.len()]).collect();
    let mut right = left.clone();
    for a in &l.arrows {
        for pair in a.path.windows(2) {
            let &[p, q] = pair else {
                continue;
            };
            if let Some(list) = right.get_mut(p.0).and_then(|r| r.get_mut(p.1)) {
                list.push(q);
            }
            if let Some(list) = left.get_mut(q.0).and_then(|r| r.get_mut(q.1)) {
                list.push(p);
            }
        }
    }

    // Tops of every place, band by band.
    let mut top: Vec<Vec<f32>> = l.ranks.iter().map(|r| vec![0.0; r.len()]).collect();
    let mut bottom_of_main = 0.0f32;
    let mut band_top = None;
    for main in [true, false] {
        let members: Vec<Vec<usize>> = l
            .ranks
            .iter()
            .map(|list| {
                (0..list.len())
                    .filter(|&i| list.get(i).is_some_and(|&n| l.in_main_band(n) == main))
                    .collect()
            })
            .collect();
        if members.iter().all(Vec::is_empty) {
            continue;
        }
        let place = Placer {
            l,
            sizes,
            height: &height,
            members: &members,
        };
        place.stack(&mut top);
        for pass in 0..PASSES {
            let sides: &[&Links] = match pass % 3 {
                0 => &[&left],
                1 => &[&right],
                _ => &[&left, &right],
            };
            let order: Vec<usize> = if pass % 3 == 1 {
                (0..l.ranks.len()).rev().collect()
            } else {
                (0..l.ranks.len()).collect()
            };
            for r in order {
                place.level(r, sides, &mut top);
            }
        }
        // Move the band to its place: the main band at the top, the other below it.
        let (lo, hi) = place.extent(&top);
        let start = if main {
            0.0
        } else if bottom_of_main > 0.0 {
            bottom_of_main + sizes.band_gap
        } else {
            0.0
        };
        for (r, list) in members.iter().enumerate() {
            for &i in list {
                if let Some(t) = top.get_mut(r).and_then(|row| row.get_mut(i)) {
                    *t += start - lo;
                }
            }
        }
        if main {
            bottom_of_main = hi - lo;
        } else if bottom_of_main > 0.0 {
            band_top = Some(start);
        }
    }

    let area = |r: usize, i: usize| -> Area {
        let node = l.ranks.get(r).and_then(|list| list.get(i)).copied();
        let (x0, x1) = ranks.get(r).copied().unwrap_or_default();
        let t = top
            .get(r)
            .and_then(|row| row.get(i))
            .copied()
            .unwrap_or(0.0);
        let (w, h) = match node {
            Some(Node::Stage(_)) => sizes.stage,
            Some(Node::Label(k)) => sizes.labels.get(k).copied().unwrap_or_default(),
            _ => (x1 - x0, sizes.lane),
        };
        let cx = (x0 + x1) / 2.0;
        Area {
            left: cx - w / 2.0,
            top: t,
            right: cx + w / 2.0,
            bottom: t + h,
        }
    };
    let mut stages = vec![Area::default(); l.stages.len()];
    let mut labels = vec![Area::default(); l.arrows.len()];
    let mut height_all = 0.0f32;
    for (r, list) in l.ranks.iter().enumerate() {
        for (i, &node) in list.iter().enumerate() {
            let a = area(r, i);
            height_all = height_all.max(a.bottom);
            match node {
                Node::Stage(s) => {
                    if let Some(slot) = stages.get_mut(s) {
                        *slot = a;
                    }
                }
                Node::Label(k) => {
                    if let Some(slot) = labels.get_mut(k) {
                        *slot = a;
                    }
                }
                Node::Lane(_) => {}
            }
        }
    }

    let ports = Ports::new(l, &area);
    let paths = l
        .arrows
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let centre_y = |p: (usize, usize)| {
                let b = area(p.0, p.1);
                (b.top + b.bottom) / 2.0
            };
            let rank_x = |r: usize| ranks.get(r).copied().unwrap_or_default();
            if a.route == Route::SelfLoop {
                let (Some(&s), Some(&lab)) = (a.path.first(), a.path.get(1)) else {
                    return Vec::new();
                };
                let box_ = area(s.0, s.1);
                let label = area(lab.0, lab.1);
                let quarter = (label.bottom - label.top) / 4.0;
                let (out_y, back_y) = ports.self_loop(k);
                return vec![
                    Point {
                        x: box_.right,
                        y: out_y,
                    },
                    Point {
                        x: label.left,
                        y: centre_y(lab) - quarter,
                    },
                    Point {
                        x: label.left,
                        y: centre_y(lab) + quarter,
                    },
                    Point {
                        x: box_.right,
                        y: back_y,
                    },
                ];
            }
            let mut points = Vec::new();
            let last = a.path.len().saturating_sub(1);
            for (j, &p) in a.path.iter().enumerate() {
                let b = area(p.0, p.1);
                if j == 0 {
                    points.push(Point {
                        x: b.right,
                        y: ports.right_end(k),
                    });
                } else if j == last {
                    points.push(Point {
                        x: b.left,
                        y: ports.left_end(k),
                    });
                } else {
                    let (x0, x1) = rank_x(p.0);
                    let y = centre_y(p);
                    points.push(Point { x: x0, y });
                    points.push(Point { x: x1, y });
                }
            }
            if a.route == Route::Back {
                points.reverse();
            }
            points
        })
        .collect();

    Routed {
        stages,
        labels,
        paths,
        ranks,
        size: (width, height_all),
        band_top,
    }
}

/// Places one band's places top to bottom in every rank.
struct Placer<'a, H: Fn(Node) -> f32> {
    l: &'a FlowLayout,
    sizes: &'a Sizes,
    height: &'a H,
    /// The places of each rank in the band, top to bottom.
    members: &'a [Vec<usize>],
}

impl<H: Fn(Node) -> f32> Placer<'_, H> {
    fn node(&self, r: usize, i: usize) -> Option<Node> {
        self.l.ranks.get(r).and_then(|list| list.get(i)).copied()
    }

    /// The space between two places of a rank, one above the other.
    fn gap(&self, a: Option<Node>, b: Option<Node>) -> f32 {
        match (a, b) {
            (Some(Node::Stage(_)), Some(Node::Stage(_))) => self.sizes.row_gap,
            _ => self.sizes.gap,
        }
    }

    /// Each place's offset from the top of its rank when all are packed tight.
    fn offsets(&self, r: usize) -> Vec<f32> {
        let list = self.members.get(r).map(Vec::as_slice).unwrap_or_default();
        let mut out = Vec::with_capacity(list.len());
        let mut y = 0.0;
        let mut prev: Option<Node> = None;
        for &i in list {
            let node = self.node(r, i);
            if prev.is_some() {
                y += self.gap(prev, node);
            }
            out.push(y);
            y += node.map_or(0.0, self.height);
            prev = node;
        }
        out
    }

    /// Every rank packed tight from the top.
    fn stack(&self, top: &mut [Vec<f32>]) {
        for r in 0..self.members.len() {
            let list = self.members.get(r).map(Vec::as_slice).unwrap_or_default();
            for (&i, off) in list.iter().zip(self.offsets(r)) {
                if let Some(t) = top.get_mut(r).and_then(|row| row.get_mut(i)) {
                    *t = off;
                }
            }
        }
    }

    /// Rank `r`'s places pulled level with their neighbours on `sides`, as close as the order
    /// and the gaps allow (least squares, by pooling adjacent violators).
    fn level(&self, r: usize, sides: &[&Links], top: &mut [Vec<f32>]) {
        let list = self.members.get(r).map(Vec::as_slice).unwrap_or_default();
        if list.is_empty() {
            return;
        }
        let centre = |p: (usize, usize), top: &[Vec<f32>]| {
            let h = self.node(p.0, p.1).map_or(0.0, self.height);
            top.get(p.0)
                .and_then(|row| row.get(p.1))
                .copied()
                .unwrap_or(0.0)
                + h / 2.0
        };
        let in_band = |p: (usize, usize)| {
            self.members
                .get(p.0)
                .is_some_and(|list| list.contains(&p.1))
        };
        let offsets = self.offsets(r);
        // (wanted top minus offset, weight) of each place.
        let wanted: Vec<(f32, f32)> = list
            .iter()
            .zip(&offsets)
            .map(|(&i, off)| {
                let node = self.node(r, i);
                let h = node.map_or(0.0, self.height);
                let ys: Vec<f32> = sides
                    .iter()
                    .flat_map(|side| {
                        side.get(r)
                            .and_then(|row| row.get(i))
                            .map(Vec::as_slice)
                            .unwrap_or_default()
                    })
                    .filter(|&&p| in_band(p))
                    .map(|&p| centre(p, top))
                    .collect();
                let now = top
                    .get(r)
                    .and_then(|row| row.get(i))
                    .copied()
                    .unwrap_or(0.0);
                let want = if ys.is_empty() {
                    now
                } else {
                    ys.iter().sum::<f32>() / ys.len() as f32 - h / 2.0
                };
                // Lanes and labels weigh more, so long arrows run straight.
                let weight = match node {
                    Some(Node::Stage(_)) => 1.0,
                    _ => 2.0,
                };
                (want - off, weight)
            })
            .collect();
        // Pool adjacent violators: blocks of (weighted sum, weight, count).
        let mut blocks: Vec<(f32, f32, usize)> = Vec::with_capacity(wanted.len());
        for &(z, w) in &wanted {
            blocks.push((z * w, w, 1));
            while blocks.len() >= 2 {
                let n = blocks.len();
                let (Some(&a), Some(&b)) = (blocks.get(n - 2), blocks.get(n - 1)) else {
                    break;
                };
                if a.0 / a.1 <= b.0 / b.1 {
                    break;
                }
                blocks.truncate(n - 2);
                blocks.push((a.0 + b.0, a.1 + b.1, a.2 + b.2));
            }
        }
        let mut k = 0;
        for (sum, w, count) in blocks {
            let z = sum / w;
            for _ in 0..count {
                if let (Some(&i), Some(off)) = (list.get(k), offsets.get(k))
                    && let Some(t) = top.get_mut(r).and_then(|row| row.get_mut(i))
                {
                    *t = z + off;
                }
                k += 1;
            }
        }
    }

    /// The top of the highest place and the bottom of the lowest.
    fn extent(&self, top: &[Vec<f32>]) -> (f32, f32) {
        let mut lo = f32::INFINITY;
        let mut hi = f32::NEG_INFINITY;
        for (r, list) in self.members.iter().enumerate() {
            for &i in list {
                let t = top
                    .get(r)
                    .and_then(|row| row.get(i))
                    .copied()
                    .unwrap_or(0.0);
                let h = self.node(r, i).map_or(0.0, self.height);
                lo = lo.min(t);
                hi = hi.max(t + h);
            }
        }
        if lo.is_finite() { (lo, hi) } else { (0.0, 0.0) }
    }
}

/// Where each arrow meets the side of a box: the arrows on one side spread along it, in the
/// order of where their other end is, so they fan out instead of crossing at the box.
struct Ports {
    /// The height each arrow leaves its left stage at (on its right side).
    right_end: Vec<f32>,
    /// The height each arrow enters its right stage at (on its left side).
    left_end: Vec<f32>,
    /// For a loop on one stage: the heights it leaves and comes back at.
    self_loop: Vec<(f32, f32)>,
}

impl Ports {
    fn new(l: &FlowLayout, area: &dyn Fn(usize, usize) -> Area) -> Ports {
        let n = l.arrows.len();
        let mut ports = Ports {
            right_end: vec![0.0; n],
            left_end: vec![0.0; n],
            self_loop: vec![(0.0, 0.0); n],
        };
        // (stage place, right side?) -> [(other end's height, arrow, which end)]
        let mut sides: BTreeMap<(usize, usize, bool), Vec<PortUse>> = BTreeMap::new();
        let centre = |p: (usize, usize)| {
            let b = area(p.0, p.1);
            (b.top + b.bottom) / 2.0
        };
        for (k, a) in l.arrows.iter().enumerate() {
            let (Some(&first), Some(&second)) = (a.path.first(), a.path.get(1)) else {
                continue;
            };
            if a.route == Route::SelfLoop {
                let label = area(second.0, second.1);
                let q = (label.bottom - label.top) / 4.0;
                let list = sides.entry((first.0, first.1, true)).or_default();
                list.push((centre(second) - q, k, 1));
                list.push((centre(second) + q, k, 2));
                continue;
            }
            let len = a.path.len();
            let (Some(&last), Some(&before)) = (a.path.get(len - 1), a.path.get(len - 2)) else {
                continue;
            };
            sides
                .entry((first.0, first.1, true))
                .or_default()
                .push((centre(second), k, 0));
            sides
                .entry((last.0, last.1, false))
                .or_default()
                .push((centre(before), k, 3));
        }
        for ((r, i, _), mut list) in sides {
            let b = area(r, i);
            list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            let count = list.len() as f32;
            for (j, &(_, k, end)) in list.iter().enumerate() {
                let y = b.top + (b.bottom - b.top) * (0.2 + 0.6 * (j as f32 + 1.0) / (count + 1.0));
                match end {
                    0 => set(&mut ports.right_end, k, y),
                    3 => set(&mut ports.left_end, k, y),
                    1 => {
                        if let Some(p) = ports.self_loop.get_mut(k) {
                            p.0 = y;
                        }
                    }
                    _ => {
                        if let Some(p) = ports.self_loop.get_mut(k) {
                            p.1 = y;
                        }
                    }
                }
            }
        }
        ports
    }

    fn right_end(&self, k: usize) -> f32 {
        self.right_end.get(k).copied().unwrap_or(0.0)
    }

    fn left_end(&self, k: usize) -> f32 {
        self.left_end.get(k).copied().unwrap_or(0.0)
    }

    fn self_loop(&self, k: usize) -> (f32, f32) {
        self.self_loop.get(k).copied().unwrap_or_default()
    }
}

fn set(list: &mut [f32], k: usize, y: f32) {
    if let Some(v) = list.get_mut(k) {
        *v = y;
    }
}

impl Routed {
    /// How many pairs of arrows cross on the board, counted on their paths.
    pub fn crossings(&self) -> usize {
        let mut n = 0;
        for (i, p) in self.paths.iter().enumerate() {
            for q in self.paths.iter().skip(i + 1) {
                let crosses = p.windows(2).any(|s| {
                    q.windows(2).any(|t| match (s, t) {
                        (&[a, b], &[c, d]) => pieces_cross(a, b, c, d),
                        _ => false,
                    })
                });
                n += usize::from(crosses);
            }
        }
        n
    }
}

/// Whether the straight pieces a–b and c–d cross at a point inside both (touching or sharing
/// an end does not count).
pub fn pieces_cross(a: Point, b: Point, c: Point, d: Point) -> bool {
    let side = |p: Point, q: Point, r: Point| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let eps = 1e-4;
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    ((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))
        && ((d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps))
}
