//! The lead flow board's layout, as plain data computed from the plan alone, in the manner of
//! a layered ("Sugiyama") drawing:
//!
//! 1. **Columns** (`rank`): handoffs that close a loop are turned round, found by a depth-first
//!    walk from the entry stages, and every stage sits one column right of the furthest stage
//!    that hands leads to it, so the flow reads left to right from the entry stages.
//! 2. **Ranks**: between two columns of stages runs a rank for the arrows' labels; an arrow
//!    that spans several columns gets a lane in every rank it passes, and its label sits in the
//!    rank next to the stage it leaves. Stages no entry stage reaches keep to a band of their
//!    own below the others.
//! 3. **Order** (`order`): barycentre sweeps and neighbour swaps order every rank to keep
//!    arrows from crossing.
//! 4. **Routing** ([`route()`]): given the size of the boxes and the labels, where everything
//!    goes, and each arrow as a path that runs through its own lanes and label and through
//!    no other box or label.
//!
//! Steps 1 to 3 depend on the plan alone and are cached by the board ([`signature`]); step 4
//! on the sizes of the labels too. Drawing scales it to fit (the board,
//! `app::boards::lead_flow`).

mod order;
mod rank;
pub mod route;

pub use route::{Area, Point, Routed, Sizes, route};

use crate::analysis::flow::Flow;
use crate::model::Plan;
use order::Layered;
use std::hash::{Hash, Hasher};

/// How a handoff's arrow runs, from the columns of its two stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// With the flow: to a later column, left to right.
    Forward,
    /// Against the flow, closing a loop: back to an earlier column, on lanes of its own.
    Back,
    /// From a stage to itself.
    SelfLoop,
}

/// Where one stage sits on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Column, from the left: one right of the furthest stage that hands leads to it.
    pub column: usize,
    /// Whether a path of handoffs reaches it from an entry stage (or, with no entry stage at
    /// all, whether it is in the main band: then every stage is).
    pub reached: bool,
}

/// What sits at one place of a rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// A stage, by index in the plan.
    Stage(usize),
    /// The label of an arrow, by index in [`FlowLayout::arrows`].
    Label(usize),
    /// An arrow passing through the rank, by index in [`FlowLayout::arrows`].
    Lane(usize),
}

/// One handoff drawn as an arrow.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrow {
    /// The handoff's index in the plan.
    pub handoff: usize,
    /// The stage index it leaves.
    pub from: usize,
    /// The stage index it enters.
    pub to: usize,
    /// How it runs.
    pub route: Route,
    /// The places it passes, rank by rank from its left end to its right end, as (rank, place
    /// in the rank): its left stage, its lanes and label, its right stage. A loop on one stage
    /// has its stage and its label.
    pub path: Vec<(usize, usize)>,
}

/// The whole board's layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowLayout {
    /// One per stage, in plan order.
    pub stages: Vec<Placed>,
    /// Columns of stages used.
    pub columns: usize,
    /// The handoffs whose two stages exist, in plan order.
    pub arrows: Vec<Arrow>,
    /// The ranks from left to right, each top to bottom: rank `2 c` holds the stages of column
    /// `c` (and lanes of arrows passing it), rank `2 c + 1` the labels and lanes between
    /// columns `c` and `c + 1`.
    pub ranks: Vec<Vec<Node>>,
    /// How many pairs of arrows cross, as ordered (between neighbouring ranks).
    pub crossings: usize,
    /// Groups of stages that leads enter and never leave towards a terminal stage, as stage
    /// indexes (sorted): [`Flow::traps`], which `stage-trap` reports.
    pub traps: Vec<Vec<usize>>,
    /// Whether the flow has an entry stage to start from ([`Flow::entries`]).
    pub has_entry: bool,
}

impl FlowLayout {
    /// Whether some stage sits in the band of stages no entry stage reaches.
    pub fn has_unreached(&self) -> bool {
        self.stages.iter().any(|p| !p.reached)
    }

    /// Whether `node` belongs to the main band (an arrow belongs to its first stage's band).
    pub fn in_main_band(&self, node: Node) -> bool {
        let stage = match node {
            Node::Stage(s) => Some(s),
            Node::Label(k) | Node::Lane(k) => self.arrows.get(k).map(|a| a.from),
        };
        stage
            .and_then(|s| self.stages.get(s))
            .is_none_or(|p| p.reached)
    }
}

/// The board's layout for `plan`: columns, ranks and their order, as the module docs tell.
/// Deterministic: the same plan always gives the same layout.
pub fn layout(plan: &Plan) -> FlowLayout {
    let flow = Flow::of(plan);
    let n = plan.stages.len();
    let links = flow.links();
    let entries = flow.entries(plan);
    let has_entry = !entries.is_empty();
    let hops = flow.hops_from_entry(plan, &links);
    let reached: Vec<bool> = (0..n)
        .map(|s| !has_entry || hops.get(s).copied().flatten().is_some())
        .collect();
    let handoffs = flow.handoffs();
    let edges: Vec<(usize, usize)> = handoffs.iter().map(|&(_, a, b)| (a, b)).collect();
    // The walk starts at the entry stages, then at stages nothing leads into.
    let mut roots = entries.clone();
    roots.extend((0..n).filter(|&s| links.pred.get(s).is_none_or(Vec::is_empty)));
    let back = rank::back_edges(n, &edges, &roots);
    let pinned: Vec<bool> = (0..n).map(|s| entries.contains(&s)).collect();
    let column = rank::columns(n, &edges, &back, &pinned);
    let col = |s: usize| column.get(s).copied().unwrap_or(0);
    let columns = column.iter().map(|c| c + 1).max().unwrap_or(0);

    let mut g = Layered::new((2 * columns).saturating_sub(1));
    for s in 0..n {
        g.add(
            Node::Stage(s),
            2 * col(s),
            reached.get(s).copied().unwrap_or(true),
        );
    }
    let mut arrows = Vec::with_capacity(handoffs.len());
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(handoffs.len());
    for (k, &(handoff, from, to)) in handoffs.iter().enumerate() {
        let main = reached.get(from).copied().unwrap_or(true);
        let is_back = back.get(k).copied().unwrap_or(false);
        let route = if from == to {
            Route::SelfLoop
        } else if is_back {
            Route::Back
        } else {
            Route::Forward
        };
        let chain = if route == Route::SelfLoop {
            let label = g.add(Node::Label(k), 2 * col(from) + 1, main);
            g.link(from, label);
            vec![from, label]
        } else {
            let (lo, hi) = if is_back { (to, from) } else { (from, to) };
            let label_rank = if is_back {
                2 * col(from) - 1
            } else {
                2 * col(from) + 1
            };
            let mut chain = vec![lo];
            for r in 2 * col(lo) + 1..2 * col(hi) {
                let node = if r == label_rank {
                    Node::Label(k)
                } else {
                    Node::Lane(k)
                };
                let id = g.add(node, r, main);
                if let Some(&prev) = chain.last() {
                    g.link(prev, id);
                }
                chain.push(id);
            }
            if let Some(&prev) = chain.last() {
                g.link(prev, hi);
            }
            chain.push(hi);
            chain
        };
        chains.push(chain);
        arrows.push(Arrow {
            handoff,
            from,
            to,
            route,
            path: Vec::new(),
        });
    }
    let crossings = g.reduce_crossings();
    let pos = g.positions();
    for (a, chain) in arrows.iter_mut().zip(&chains) {
        a.path = chain
            .iter()
            .map(|&v| {
                (
                    g.rank.get(v).copied().unwrap_or(0),
                    pos.get(v).copied().unwrap_or(0),
                )
            })
            .collect();
    }
    let ranks = g
        .ranks
        .iter()
        .map(|list| {
            list.iter()
                .filter_map(|&v| g.nodes.get(v).copied())
                .collect()
        })
        .collect();
    let stages = (0..n)
        .map(|s| Placed {
            column: col(s),
            reached: reached.get(s).copied().unwrap_or(true),
        })
        .collect();
    FlowLayout {
        stages,
        columns,
        arrows,
        ranks,
        crossings,
        traps: flow.traps(plan),
        has_entry,
    }
}

/// What the layout depends on: stage ids, teams, entry and terminal marks, and where each
/// handoff runs. Names, owners and SLAs change the drawing, not the layout.
pub fn signature(plan: &Plan) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    plan.stages.len().hash(&mut h);
    for s in &plan.stages {
        (&s.id, s.team, s.entry, s.terminal).hash(&mut h);
    }
    plan.handoffs.len().hash(&mut h);
    for x in &plan.handoffs {
        (&x.from, &x.to).hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests;
