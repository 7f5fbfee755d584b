//! The lead flow board's layout, as plain data computed from the plan alone: stages in columns
//! by how many handoffs they are from an entry stage, stages no entry stage reaches in a band of
//! their own below, rows ordered to keep arrows from crossing, and how each handoff's arrow runs.
//! Drawing scales it to fit (see the board, `app::views::lead_flow`).

use crate::analysis::flow::{Flow, Links, bfs};
use crate::model::Plan;
use std::hash::{Hash, Hasher};

/// How a handoff's arrow runs, from the columns of its two stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// To a later column: left to right.
    Forward,
    /// Between two stages of one column.
    Same,
    /// Back to an earlier column.
    Back,
    /// From a stage to itself.
    SelfLoop,
}

/// Where one stage sits on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Column, from the left: handoffs from an entry stage (within its band).
    pub column: usize,
    /// Row from the top, in box heights (fractions centre a stage between others); rows of the
    /// unreached band start at [`FlowLayout::main_rows`].
    pub row: f32,
    /// Whether a path of handoffs reaches it from an entry stage (or, with no entry stage at
    /// all, whether it is in the main band: then every stage is).
    pub reached: bool,
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
}

/// The whole board's layout.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FlowLayout {
    /// One per stage, in plan order.
    pub stages: Vec<Placed>,
    /// Columns used (the widest band).
    pub columns: usize,
    /// Rows of the main band (stages reached from an entry stage).
    pub main_rows: f32,
    /// Rows of both bands together.
    pub rows: f32,
    /// The handoffs whose two stages exist, in plan order.
    pub arrows: Vec<Arrow>,
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
}

/// Columns for every stage of `set`, from the stages with no handoff into them from the set
/// (or, for a loop nothing leads into, its first stage in the file).
fn layer_all(set: &[usize], links: &Links, column: &mut [Option<usize>]) {
    let mut allowed = vec![false; column.len()];
    for &s in set {
        if let Some(a) = allowed.get_mut(s) {
            *a = true;
        }
    }
    loop {
        let unplaced: Vec<usize> = set
            .iter()
            .copied()
            .filter(|&s| column.get(s).is_some_and(Option::is_none))
            .collect();
        let Some(&first) = unplaced.first() else {
            break;
        };
        let mut roots: Vec<usize> = unplaced
            .iter()
            .copied()
            .filter(|&s| {
                links.pred.get(s).is_none_or(|ps| {
                    ps.iter()
                        .all(|&p| !allowed.get(p).copied().unwrap_or(false))
                })
            })
            .collect();
        if roots.is_empty() {
            roots.push(first);
        }
        bfs(&roots, &links.succ, &allowed, column);
    }
}

/// Rows for the stages of one band: the first column in file order, every later one ordered by
/// the average row of the stages that hand leads into it (which keeps arrows from crossing),
/// then nudged up to sit level with them. Rows start at 0.
fn order_band(
    members: &[usize],
    column: &[Option<usize>],
    pred: &[Vec<usize>],
    row: &mut [Option<f32>],
) -> f32 {
    let columns = members
        .iter()
        .filter_map(|&s| column.get(s).copied().flatten())
        .max()
        .map_or(0, |c| c + 1);
    // The members of each column, in the order of `members`.
    let mut by_column: Vec<Vec<usize>> = vec![Vec::new(); columns];
    for &s in members {
        if let Some(list) = column
            .get(s)
            .copied()
            .flatten()
            .and_then(|c| by_column.get_mut(c))
        {
            list.push(s);
        }
    }
    for (c, in_column) in by_column.iter().enumerate() {
        let mut items: Vec<(Option<f32>, usize)> = in_column
            .iter()
            .copied()
            .map(|s| {
                let rows: Vec<f32> = pred
                    .get(s)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .filter(|&&p| column.get(p).copied().flatten().is_some_and(|pc| pc < c))
                    .filter_map(|&p| row.get(p).copied().flatten())
                    .collect();
                let desired =
                    (!rows.is_empty()).then(|| rows.iter().sum::<f32>() / rows.len() as f32);
                (desired, s)
            })
            .collect();
        items.sort_by(|a, b| match (a.0, b.0) {
            (Some(x), Some(y)) => x.total_cmp(&y).then(a.1.cmp(&b.1)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.1.cmp(&b.1),
        });
        let mut placed: Vec<(usize, f32, Option<f32>)> = Vec::with_capacity(items.len());
        let mut previous: Option<f32> = None;
        for (desired, s) in items {
            let next = previous.map_or(0.0, |p| p + 1.0);
            let y = match desired {
                Some(d) => previous.map_or(d, |p| d.max(p + 1.0)),
                None => next,
            };
            previous = Some(y);
            placed.push((s, y, desired));
        }
        let pulls: Vec<f32> = placed
            .iter()
            .filter_map(|&(_, y, d)| d.map(|d| d - y))
            .collect();
        let shift = if pulls.is_empty() {
            0.0
        } else {
            pulls.iter().sum::<f32>() / pulls.len() as f32
        };
        for (s, y, _) in placed {
            if let Some(r) = row.get_mut(s) {
                *r = Some(y + shift);
            }
        }
    }
    let ys: Vec<f32> = members
        .iter()
        .filter_map(|&s| row.get(s).copied().flatten())
        .collect();
    let Some(min) = ys.iter().copied().reduce(f32::min) else {
        return 0.0;
    };
    for &s in members {
        if let Some(Some(r)) = row.get_mut(s) {
            *r -= min;
        }
    }
    ys.iter().copied().fold(0.0, f32::max) - min + 1.0
}

/// The board's layout for `plan`: columns by breadth-first distance from the entry stages over
/// the handoffs, stages no entry stage reaches in a band of their own below, and rows ordered to
/// keep arrows from crossing. Deterministic: the same plan always gives the same layout.
pub fn layout(plan: &Plan) -> FlowLayout {
    let flow = Flow::of(plan);
    let n = plan.stages.len();
    let links = flow.links();
    let has_entry = !flow.entries(plan).is_empty();
    let all: Vec<usize> = (0..n).collect();
    let (mut column, main, rest): (Vec<Option<usize>>, Vec<usize>, Vec<usize>) = if has_entry {
        let column = flow.hops_from_entry(plan, &links);
        let (main, rest) = all
            .iter()
            .partition(|&&s| column.get(s).copied().flatten().is_some());
        (column, main, rest)
    } else {
        let mut column = vec![None; n];
        layer_all(&all, &links, &mut column);
        (column, all, Vec::new())
    };
    layer_all(&rest, &links, &mut column);

    let mut row: Vec<Option<f32>> = vec![None; n];
    let main_rows = order_band(&main, &column, &links.pred, &mut row);
    let rest_rows = order_band(&rest, &column, &links.pred, &mut row);
    let mut reached = vec![true; n];
    for &s in &rest {
        if let Some(r) = reached.get_mut(s) {
            *r = false;
        }
    }
    let stages: Vec<Placed> = (0..n)
        .map(|s| {
            let reached = reached.get(s).copied().unwrap_or(true);
            let local = row.get(s).copied().flatten().unwrap_or(0.0);
            Placed {
                column: column.get(s).copied().flatten().unwrap_or(0),
                row: if reached { local } else { main_rows + local },
                reached,
            }
        })
        .collect();
    let columns = stages.iter().map(|p| p.column + 1).max().unwrap_or(0);
    let arrows = arrows(flow.handoffs(), &stages);
    FlowLayout {
        stages,
        columns,
        main_rows,
        rows: main_rows + rest_rows,
        arrows,
        traps: flow.traps(plan),
        has_entry,
    }
}

/// The arrows of `handoffs` (handoff, from, to), and how each runs between the columns of
/// `stages`.
fn arrows(handoffs: Vec<(usize, usize, usize)>, stages: &[Placed]) -> Vec<Arrow> {
    let col = |s: usize| stages.get(s).map_or(0, |p| p.column);
    handoffs
        .into_iter()
        .map(|(handoff, from, to)| Arrow {
            handoff,
            from,
            to,
            route: if from == to {
                Route::SelfLoop
            } else if col(to) > col(from) {
                Route::Forward
            } else if col(to) == col(from) {
                Route::Same
            } else {
                Route::Back
            },
        })
        .collect()
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
mod tests {
    use super::*;
    use crate::analysis::flow::tests::{example, handoff, plan, stage};
    use crate::model::Team;

    fn at<'a>(p: &Plan, l: &'a FlowLayout, id: &str) -> &'a Placed {
        let i = p.stages.iter().position(|s| s.id == id).expect("stage");
        &l.stages[i]
    }

    #[test]
    fn columns_are_handoffs_from_an_entry_stage() {
        let p = example();
        let l = layout(&p);
        let col = |id| at(&p, &l, id).column;
        assert_eq!(col("visit"), 0);
        assert_eq!(col("meeting-held"), 0);
        assert_eq!(col("mql"), 1);
        assert_eq!(col("nurture"), 1);
        assert_eq!(col("opportunity"), 1);
        assert_eq!(col("sal"), 2);
        assert_eq!(col("disqualified"), 2);
        assert_eq!(l.columns, 3);
        assert!(l.has_entry);
        assert!(!l.has_unreached());
        assert_eq!(l.arrows.len(), p.handoffs.len());
        // Stages of one column never overlap.
        for (i, a) in l.stages.iter().enumerate() {
            for b in l.stages.iter().skip(i + 1) {
                if a.column == b.column {
                    assert!((a.row - b.row).abs() >= 1.0 - 1e-4, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn arrows_know_their_direction() {
        let p = example();
        let l = layout(&p);
        let route = |id: &str| {
            let h = p.handoffs.iter().position(|x| x.id == id).expect("handoff");
            l.arrows
                .iter()
                .find(|a| a.handoff == h)
                .expect("arrow")
                .route
        };
        assert_eq!(route("visit-to-mql"), Route::Forward);
        assert_eq!(route("nurture-to-mql"), Route::Same);
        assert_eq!(route("sal-to-nurture"), Route::Back);
        let q = plan(
            vec![stage("a", Team::Marketing, true, false)],
            vec![handoff("a", "a")],
        );
        assert_eq!(layout(&q).arrows[0].route, Route::SelfLoop);
    }

    #[test]
    fn unreached_stages_get_a_band_of_their_own() {
        let p = plan(
            vec![
                stage("visit", Team::Marketing, true, false),
                stage("lost", Team::Sales, false, false),
                stage("won", Team::Sales, false, true),
                stage("orphan", Team::Sales, false, false),
            ],
            vec![
                handoff("visit", "won"),
                handoff("lost", "orphan"),
                handoff("orphan", "won"),
            ],
        );
        let l = layout(&p);
        assert!(at(&p, &l, "visit").reached);
        assert!(at(&p, &l, "won").reached);
        assert!(!at(&p, &l, "lost").reached);
        assert!(!at(&p, &l, "orphan").reached);
        assert!(l.has_unreached());
        assert_eq!(l.main_rows, 1.0);
        // Below every reached stage, layered among themselves.
        assert!(at(&p, &l, "lost").row >= l.main_rows);
        assert!(at(&p, &l, "orphan").row >= l.main_rows);
        assert_eq!(at(&p, &l, "lost").column, 0);
        assert_eq!(at(&p, &l, "orphan").column, 1);
        assert_eq!(l.rows, 2.0);
    }

    #[test]
    fn without_an_entry_stage_the_flow_starts_where_nothing_leads_in() {
        let p = plan(
            vec![
                stage("b", Team::Sales, false, true),
                stage("a", Team::Marketing, false, false),
            ],
            vec![handoff("a", "b")],
        );
        let l = layout(&p);
        assert!(!l.has_entry);
        assert!(!l.has_unreached());
        assert_eq!(at(&p, &l, "a").column, 0);
        assert_eq!(at(&p, &l, "b").column, 1);
    }

    #[test]
    fn rows_follow_the_stages_that_lead_in() {
        // File order would cross the arrows: x is listed first but fed from the second entry.
        let p = plan(
            vec![
                stage("a", Team::Marketing, true, false),
                stage("b", Team::Marketing, true, false),
                stage("x", Team::Sales, false, true),
                stage("y", Team::Sales, false, true),
            ],
            vec![handoff("a", "y"), handoff("b", "x")],
        );
        let l = layout(&p);
        assert!(at(&p, &l, "a").row < at(&p, &l, "b").row);
        assert!(at(&p, &l, "y").row < at(&p, &l, "x").row);
        // A single follower sits level with its only source.
        let q = plan(
            vec![
                stage("a", Team::Marketing, true, false),
                stage("b", Team::Marketing, true, false),
                stage("c", Team::Marketing, true, false),
                stage("z", Team::Sales, false, true),
            ],
            vec![handoff("b", "z")],
        );
        let m = layout(&q);
        assert_eq!(at(&q, &m, "z").row, at(&q, &m, "b").row);
    }

    #[test]
    fn layout_is_deterministic() {
        let p = example();
        let first = layout(&p);
        for _ in 0..5 {
            assert_eq!(layout(&p), first);
        }
        assert_eq!(signature(&p), signature(&p.clone()));
        let mut q = p.clone();
        q.handoffs[0].owner = None;
        assert_eq!(signature(&p), signature(&q), "owners do not move stages");
        q.handoffs[0].to = "sal".into();
        assert_ne!(signature(&p), signature(&q));
    }

    #[test]
    fn traps_are_the_flows_traps() {
        let p = plan(
            vec![
                stage("visit", Team::Marketing, true, false),
                stage("hold", Team::Marketing, false, false),
                stage("requalify", Team::Sales, false, false),
                stage("won", Team::Sales, false, true),
            ],
            vec![
                handoff("visit", "hold"),
                handoff("hold", "requalify"),
                handoff("requalify", "hold"),
                handoff("visit", "won"),
            ],
        );
        let l = layout(&p);
        assert_eq!(l.traps, vec![vec![1, 2]]);
        assert_eq!(l.traps, Flow::of(&p).traps(&p));
    }

    #[test]
    fn stages_with_a_duplicate_id_are_still_placed() {
        let p = plan(
            vec![
                stage("a", Team::Marketing, true, false),
                stage("a", Team::Sales, false, true),
            ],
            Vec::new(),
        );
        let l = layout(&p);
        assert_eq!(l.stages.len(), 2);
        assert!(!l.stages[1].reached);
    }

    #[test]
    fn no_stages_no_layout() {
        let l = layout(&plan(Vec::new(), Vec::new()));
        assert_eq!(l.columns, 0);
        assert_eq!(l.rows, 0.0);
        assert!(l.stages.is_empty());
    }
}
