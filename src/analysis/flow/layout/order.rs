//! The order top to bottom in each rank: stages, the label of each arrow and the lanes of
//! arrows that pass a rank, ordered to keep arrows from crossing. Barycentre sweeps down and up
//! the ranks, each followed by swapping neighbours that cross less the other way round and by
//! moving each node to its best place in its rank (sifting, for ranks of up to 64 places); the
//! best order seen is kept. Crossings are counted in E log V; a sweep is near-linear in the
//! size of the layered graph but for the sifting of short ranks. Every tie is broken by plan
//! order, so the same plan always gives the same board.

use super::Node;

/// Sweeps at most (half of them down, half up); fewer when the crossings stop falling.
const MAX_SWEEPS: usize = 24;
/// Sweeps without a better order before giving up.
const PATIENCE: usize = 4;
/// The longest rank that is sifted.
const SIFT_LIMIT: usize = 64;

/// A layered graph: nodes in ranks, links only between neighbouring ranks.
pub(super) struct Layered {
    /// What each node is.
    pub(super) nodes: Vec<Node>,
    /// Whether each node is in the main band (reached from an entry stage); the main band
    /// comes first in every rank.
    pub(super) main: Vec<bool>,
    /// The rank of each node.
    pub(super) rank: Vec<usize>,
    /// The nodes of each rank, top to bottom.
    pub(super) ranks: Vec<Vec<usize>>,
    /// Each node's neighbours in the rank above it (to the left) and below it (to the right),
    /// once per link.
    pub(super) left: Vec<Vec<usize>>,
    pub(super) right: Vec<Vec<usize>>,
}

impl Layered {
    /// An empty graph of `ranks` ranks.
    pub(super) fn new(ranks: usize) -> Layered {
        Layered {
            nodes: Vec::new(),
            main: Vec::new(),
            rank: Vec::new(),
            ranks: vec![Vec::new(); ranks],
            left: Vec::new(),
            right: Vec::new(),
        }
    }

    /// Adds `node` at the bottom of rank `r`, and returns its id.
    pub(super) fn add(&mut self, node: Node, r: usize, main: bool) -> usize {
        let id = self.nodes.len();
        self.nodes.push(node);
        self.main.push(main);
        self.rank.push(r);
        self.left.push(Vec::new());
        self.right.push(Vec::new());
        if self.ranks.len() <= r {
            self.ranks.resize(r + 1, Vec::new());
        }
        if let Some(list) = self.ranks.get_mut(r) {
            list.push(id);
        }
        id
    }

    /// Links node `a` to node `b` of the next rank.
    pub(super) fn link(&mut self, a: usize, b: usize) {
        if let Some(list) = self.right.get_mut(a) {
            list.push(b);
        }
        if let Some(list) = self.left.get_mut(b) {
            list.push(a);
        }
    }

    /// Where each node is in its rank.
    pub(super) fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0; self.nodes.len()];
        for list in &self.ranks {
            for (i, &v) in list.iter().enumerate() {
                if let Some(p) = pos.get_mut(v) {
                    *p = i;
                }
            }
        }
        pos
    }

    /// How many pairs of links cross, over all neighbouring ranks: for each pair of ranks, the
    /// inversions among the links sorted by their upper end (a Fenwick tree, E log V).
    pub(super) fn crossings(&self) -> usize {
        let pos = self.positions();
        let at = |v: usize| pos.get(v).copied().unwrap_or(0);
        let mut total = 0;
        for (r, list) in self.ranks.iter().enumerate() {
            let below = self.ranks.get(r + 1).map_or(0, Vec::len);
            let mut links: Vec<(usize, usize)> = list
                .iter()
                .flat_map(|&a| {
                    self.right
                        .get(a)
                        .into_iter()
                        .flatten()
                        .map(move |&b| (at(a), at(b)))
                })
                .collect();
            links.sort_unstable();
            let mut tree = vec![0usize; below + 1];
            for (seen, &(_, b)) in links.iter().enumerate() {
                // Links seen so far whose lower end is right of b cross this one.
                let mut not_after = 0;
                let mut i = b + 1;
                while i > 0 {
                    not_after += tree.get(i).copied().unwrap_or(0);
                    i -= i & i.wrapping_neg();
                }
                total += seen - not_after;
                let mut i = b + 1;
                while i <= below {
                    if let Some(t) = tree.get_mut(i) {
                        *t += 1;
                    }
                    i += i & i.wrapping_neg();
                }
            }
        }
        total
    }

    /// Orders every rank to keep links from crossing; returns how many cross in the end.
    /// Sweeps start from the order things were added in and from its reverse (barycentre
    /// sweeps settle where they start, and one start often misses the order without a
    /// crossing), and the better end wins.
    pub(super) fn reduce_crossings(&mut self) -> usize {
        let start = self.ranks.clone();
        let mut best = self.settle();
        let mut best_ranks = self.ranks.clone();
        if best > 0 {
            self.ranks = start;
            for list in &mut self.ranks {
                list.reverse();
            }
            let other = self.settle();
            if other < best {
                best = other;
                best_ranks = self.ranks.clone();
            }
        }
        self.ranks = best_ranks;
        best
    }

    /// Sweeps from the present order until the crossings stop falling; returns how many cross.
    fn settle(&mut self) -> usize {
        self.keep_bands_apart();
        self.transpose();
        self.sift();
        let mut best = self.crossings();
        let mut best_ranks = self.ranks.clone();
        let mut stale = 0;
        for sweep in 0..MAX_SWEEPS {
            if best == 0 || stale >= PATIENCE {
                break;
            }
            self.sweep(sweep % 2 == 0);
            self.transpose();
            self.sift();
            let now = self.crossings();
            if now < best {
                best = now;
                best_ranks = self.ranks.clone();
                stale = 0;
            } else {
                stale += 1;
            }
        }
        self.ranks = best_ranks;
        best
    }

    /// The main band first in every rank, each band in the order it had.
    fn keep_bands_apart(&mut self) {
        let main = &self.main;
        for list in &mut self.ranks {
            list.sort_by_key(|&v| !main.get(v).copied().unwrap_or(true));
        }
    }

    /// One barycentre sweep, down the ranks (each ordered by its left neighbours) or up them.
    fn sweep(&mut self, down: bool) {
        let n = self.ranks.len();
        let order: Vec<usize> = if down {
            (1..n).collect()
        } else {
            (0..n.saturating_sub(1)).rev().collect()
        };
        for r in order {
            let pos = self.positions();
            let neighbours = if down { &self.left } else { &self.right };
            let Some(list) = self.ranks.get(r) else {
                continue;
            };
            // (band, key, old place) of each node; a node with no neighbours there keeps its
            // place, and the others fill the remaining places by their key.
            let keyed: Vec<(usize, Option<f64>)> = list
                .iter()
                .map(|&v| {
                    let ns = neighbours.get(v).map(Vec::as_slice).unwrap_or_default();
                    let key = (!ns.is_empty()).then(|| {
                        ns.iter()
                            .map(|&w| pos.get(w).copied().unwrap_or(0) as f64)
                            .sum::<f64>()
                            / ns.len() as f64
                    });
                    (v, key)
                })
                .collect();
            let mut movable: Vec<(bool, f64, usize, usize)> = keyed
                .iter()
                .enumerate()
                .filter_map(|(i, &(v, key))| {
                    key.map(|k| (!self.main.get(v).copied().unwrap_or(true), k, i, v))
                })
                .collect();
            movable.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
            // Fill the places of the movable nodes, band by band so bands stay apart.
            let mut next = list.clone();
            for band in [false, true] {
                let slots: Vec<usize> = keyed
                    .iter()
                    .enumerate()
                    .filter(|(_, (v, key))| {
                        key.is_some() && self.main.get(*v).copied().unwrap_or(true) != band
                    })
                    .map(|(i, _)| i)
                    .collect();
                let movers = movable.iter().filter(|m| m.0 == band).map(|m| m.3);
                for (slot, v) in slots.into_iter().zip(movers) {
                    if let Some(place) = next.get_mut(slot) {
                        *place = v;
                    }
                }
            }
            if let Some(list) = self.ranks.get_mut(r) {
                *list = next;
            }
        }
    }

    /// How many links of `u` cross links of `v` when `u` is above `v` in their rank.
    fn pair_crossings(&self, pos: &[usize], u: usize, v: usize) -> usize {
        let at = |w: &usize| pos.get(*w).copied().unwrap_or(0);
        let mut n = 0;
        for side in [&self.left, &self.right] {
            let (Some(us), Some(vs)) = (side.get(u), side.get(v)) else {
                continue;
            };
            for a in us {
                n += vs.iter().filter(|b| at(a) > at(b)).count();
            }
        }
        n
    }

    /// Moves each node, one at a time, to the place in its rank (within its band) where its
    /// links cross fewest others ("sifting").
    /// Ranks longer than [`SIFT_LIMIT`] are left to the sweeps, as sifting one costs the square
    /// of its length.
    fn sift(&mut self) {
        // Sifting a rank moves nothing the cost of its own places depends on (their
        // neighbours are in the ranks either side), so the places are updated rank by rank.
        let mut pos = self.positions();
        for r in 0..self.ranks.len() {
            let members = self.ranks.get(r).cloned().unwrap_or_default();
            if members.len() > SIFT_LIMIT {
                continue;
            }
            for v in members {
                let Some(list) = self.ranks.get(r) else {
                    break;
                };
                let band = self.main.get(v).copied().unwrap_or(true);
                let others: Vec<usize> = list.iter().copied().filter(|&w| w != v).collect();
                // Cost of v at slot j among `others` (before others[j]); only slots within
                // its band are allowed.
                let mut cost: usize = others
                    .iter()
                    .map(|&w| self.pair_crossings(&pos, v, w))
                    .sum();
                let mut best: Option<(usize, usize)> = None;
                for j in 0..=others.len() {
                    let before = j.checked_sub(1).and_then(|i| others.get(i));
                    let after = others.get(j);
                    let fits = before.is_none_or(|&w| {
                        self.main.get(w).copied().unwrap_or(true) == band || !band
                    }) && after
                        .is_none_or(|&w| self.main.get(w).copied().unwrap_or(true) == band || band);
                    if fits && best.is_none_or(|(c, _)| cost < c) {
                        best = Some((cost, j));
                    }
                    if let Some(&w) = after {
                        cost = cost + self.pair_crossings(&pos, w, v)
                            - self.pair_crossings(&pos, v, w);
                    }
                }
                let now = list.iter().position(|&w| w == v).unwrap_or(0);
                if let Some((_, j)) = best
                    && j != now
                {
                    let mut next = others;
                    next.insert(j, v);
                    for (i, &w) in next.iter().enumerate() {
                        if let Some(p) = pos.get_mut(w) {
                            *p = i;
                        }
                    }
                    if let Some(list) = self.ranks.get_mut(r) {
                        *list = next;
                    }
                }
            }
        }
    }

    /// Swaps neighbours of one band in a rank while that crosses fewer links.
    fn transpose(&mut self) {
        for _ in 0..8 {
            let mut improved = false;
            let mut pos = self.positions();
            for r in 0..self.ranks.len() {
                let len = self.ranks.get(r).map_or(0, Vec::len);
                for i in 1..len {
                    let Some(list) = self.ranks.get(r) else {
                        break;
                    };
                    let (Some(&u), Some(&v)) = (list.get(i - 1), list.get(i)) else {
                        continue;
                    };
                    if self.main.get(u) != self.main.get(v) {
                        continue;
                    }
                    if self.pair_crossings(&pos, v, u) < self.pair_crossings(&pos, u, v) {
                        if let Some(list) = self.ranks.get_mut(r) {
                            list.swap(i - 1, i);
                        }
                        pos.swap(u, v);
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }
}
