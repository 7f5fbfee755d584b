//! The lead flow as a graph, and what is true of it: which stages are entry stages, how many
//! handoffs each stage is from one, which stages no path reaches, which stages leads stop at,
//! which groups of stages leads never leave, and which handoffs pass leads from marketing to sales.
//!
//! The checks report these facts as gaps and the lead flow board draws them ([`layout`]), from the
//! one implementation here, so the board and the gaps panel always agree.

pub mod layout;

use crate::model::{Handoff, Plan, Team};
use petgraph::algo::tarjan_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{HashMap, VecDeque};

/// The most hours a lead from marketing may wait for sales before it goes cold
/// (`handoff-sla-too-slow`).
pub const SALES_FOLLOW_UP_HOURS: i64 = 48;

/// The lead flow as a graph: one node per stage (the first of each id), one edge per handoff
/// whose stages both exist. Node weights are stage indexes, edge weights handoff indexes.
pub struct Flow {
    /// The graph.
    pub graph: DiGraph<usize, usize>,
    /// The node of each stage index (`None` for a duplicate id).
    pub node_of_stage: Vec<Option<NodeIndex>>,
}

/// Which stages each stage hands leads to and takes them from, by stage index: sorted, each
/// stage once, and without a stage's handoffs to itself.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Links {
    /// The stages each stage hands leads to.
    pub succ: Vec<Vec<usize>>,
    /// The stages each stage takes leads from.
    pub pred: Vec<Vec<usize>>,
}

impl Flow {
    /// The flow of `plan`, where `stage_of` gives the index of the first stage with an id (the
    /// checks pass the index they already hold).
    pub fn new(plan: &Plan, stage_of: impl Fn(&str) -> Option<usize>) -> Flow {
        let mut graph = DiGraph::with_capacity(plan.stages.len(), plan.handoffs.len());
        let node_of_stage = plan
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (stage_of(&s.id) == Some(i)).then(|| graph.add_node(i)))
            .collect::<Vec<_>>();
        for (h, handoff) in plan.handoffs.iter().enumerate() {
            let node =
                |id: &str| stage_of(id).and_then(|i| node_of_stage.get(i).copied().flatten());
            if let (Some(a), Some(b)) = (node(&handoff.from), node(&handoff.to)) {
                graph.add_edge(a, b, h);
            }
        }
        Flow {
            graph,
            node_of_stage,
        }
    }

    /// The flow of `plan` on its own, indexing the stages by id first.
    pub fn of(plan: &Plan) -> Flow {
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(plan.stages.len());
        for (i, s) in plan.stages.iter().enumerate() {
            first.entry(s.id.as_str()).or_insert(i);
        }
        Flow::new(plan, |id| first.get(id).copied())
    }

    /// The entry stages the flow starts from, in plan order: stages marked `entry` that are in
    /// the graph (a stage whose id an earlier stage already has is not).
    pub fn entries(&self, plan: &Plan) -> Vec<usize> {
        plan.stages
            .iter()
            .zip(&self.node_of_stage)
            .enumerate()
            .filter(|(_, (s, node))| s.entry && node.is_some())
            .map(|(i, _)| i)
            .collect()
    }

    /// The handoffs on the graph as (handoff, stage it leaves, stage it enters), in plan order.
    pub fn handoffs(&self) -> Vec<(usize, usize, usize)> {
        let graph = &self.graph;
        let mut edges: Vec<(usize, usize, usize)> = graph
            .edge_references()
            .filter_map(|e| {
                let a = graph.node_weight(e.source())?;
                let b = graph.node_weight(e.target())?;
                Some((*e.weight(), *a, *b))
            })
            .collect();
        edges.sort_unstable();
        edges
    }

    /// Which stages each stage hands leads to and takes them from.
    pub fn links(&self) -> Links {
        let n = self.node_of_stage.len();
        let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut pred: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (_, a, b) in self.handoffs() {
            if a != b {
                if let Some(list) = succ.get_mut(a) {
                    list.push(b);
                }
                if let Some(list) = pred.get_mut(b) {
                    list.push(a);
                }
            }
        }
        for list in succ.iter_mut().chain(pred.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        Links { succ, pred }
    }

    /// For each stage, the fewest handoffs that lead to it from an entry stage (0 for an entry
    /// stage), or `None` where no path leads.
    pub fn hops_from_entry(&self, plan: &Plan, links: &Links) -> Vec<Option<usize>> {
        let n = self.node_of_stage.len();
        let mut hops = vec![None; n];
        bfs(&self.entries(plan), &links.succ, &vec![true; n], &mut hops);
        hops
    }

    /// The stages in the graph that no path of handoffs reaches from an entry stage, in plan
    /// order; none when there is no entry stage (then `no-entry-stage` is the gap).
    pub fn unreachable(&self, plan: &Plan) -> Vec<usize> {
        if self.entries(plan).is_empty() {
            return Vec::new();
        }
        let hops = self.hops_from_entry(plan, &self.links());
        self.node_of_stage
            .iter()
            .zip(&hops)
            .enumerate()
            .filter(|(_, (node, hops))| node.is_some() && hops.is_none())
            .map(|(i, _)| i)
            .collect()
    }

    /// Groups of stages that leads enter and never leave towards a terminal stage: a cycle of
    /// handoffs (or a stage that hands leads back to itself) with no terminal stage in it and no
    /// handoff out of it. Each group as its stage indexes, sorted; the groups sorted.
    pub fn traps(&self, plan: &Plan) -> Vec<Vec<usize>> {
        let graph = &self.graph;
        let groups = tarjan_scc(graph);
        let mut group_of = vec![usize::MAX; graph.node_count()];
        for (k, group) in groups.iter().enumerate() {
            for n in group {
                if let Some(g) = group_of.get_mut(n.index()) {
                    *g = k;
                }
            }
        }
        let mut traps: Vec<Vec<usize>> = Vec::new();
        for (k, group) in groups.iter().enumerate() {
            let cycle = group.len() > 1 || group.iter().any(|&n| graph.find_edge(n, n).is_some());
            let rests = group.iter().any(|&n| {
                graph
                    .node_weight(n)
                    .and_then(|&i| plan.stages.get(i))
                    .is_some_and(|s| s.terminal)
            });
            let exits = group.iter().any(|&n| {
                graph
                    .neighbors(n)
                    .any(|m| group_of.get(m.index()) != Some(&k))
            });
            if cycle && !rests && !exits {
                let mut members: Vec<usize> = group
                    .iter()
                    .filter_map(|&n| graph.node_weight(n).copied())
                    .collect();
                members.sort_unstable();
                traps.push(members);
            }
        }
        traps.sort_unstable();
        traps
    }
}

/// Whether the plan has stages and none of them is marked `entry`.
pub fn lacks_entry_stage(plan: &Plan) -> bool {
    !plan.stages.is_empty() && !plan.stages.iter().any(|s| s.entry)
}

/// The stages leads stop at, in plan order: not `terminal`, and no handoff leaves their id
/// (a handoff to a stage that does not exist still leaves).
pub fn dead_ends(plan: &Plan) -> Vec<usize> {
    let left: foldhash::HashSet<&str> = plan.handoffs.iter().map(|h| h.from.as_str()).collect();
    plan.stages
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.terminal && !left.contains(s.id.as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// Whether `handoff` passes leads from a Marketing stage to a Sales stage, with `team_of` giving
/// the team of the (first) stage with an id.
pub fn hands_to_sales(handoff: &Handoff, team_of: impl Fn(&str) -> Option<Team>) -> bool {
    team_of(&handoff.from) == Some(Team::Marketing) && team_of(&handoff.to) == Some(Team::Sales)
}

/// Breadth-first hops from `roots`, over stages `allowed`, into stages with no hops yet only.
fn bfs(roots: &[usize], succ: &[Vec<usize>], allowed: &[bool], hops: &mut [Option<usize>]) {
    let mut queue = VecDeque::new();
    for &r in roots {
        if let Some(c) = hops.get_mut(r)
            && c.is_none()
        {
            *c = Some(0);
            queue.push_back(r);
        }
    }
    while let Some(s) = queue.pop_front() {
        let Some(d) = hops.get(s).copied().flatten() else {
            continue;
        };
        for &t in succ.get(s).map(Vec::as_slice).unwrap_or_default() {
            if !allowed.get(t).copied().unwrap_or(false) {
                continue;
            }
            if let Some(c) = hops.get_mut(t)
                && c.is_none()
            {
                *c = Some(d + 1);
                queue.push_back(t);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Date, Stage};

    pub(crate) fn stage(id: &str, team: Team, entry: bool, terminal: bool) -> Stage {
        Stage {
            id: id.to_owned(),
            name: id.to_uppercase(),
            team,
            entry,
            terminal,
            crm_stage: None,
        }
    }

    pub(crate) fn handoff(from: &str, to: &str) -> Handoff {
        Handoff {
            id: format!("{from}-to-{to}"),
            from: from.to_owned(),
            to: to.to_owned(),
            trigger: "t".to_owned(),
            owner: None,
            sla_hours: None,
            signoffs: Vec::new(),
        }
    }

    pub(crate) fn plan(stages: Vec<Stage>, handoffs: Vec<Handoff>) -> Plan {
        let day = Date::from_ymd(2027, 3, 9).expect("date");
        let mut p = Plan::empty("Test", day, day);
        p.stages = stages;
        p.handoffs = handoffs;
        p
    }

    pub(crate) fn example() -> Plan {
        crate::format::parse(crate::EXAMPLE_PLAN)
            .expect("example parses")
            .plan
    }

    /// A flow with every gap: a trap, a stage nothing reaches, a dead end and a duplicate id.
    fn gappy() -> Plan {
        plan(
            vec![
                stage("visit", Team::Marketing, true, false),
                stage("hold", Team::Marketing, false, false),
                stage("requalify", Team::Sales, false, false),
                stage("won", Team::Sales, false, true),
                stage("orphan", Team::Sales, false, false),
                stage("stuck", Team::Sales, false, false),
                stage("visit", Team::Sales, true, false),
            ],
            vec![
                handoff("visit", "hold"),
                handoff("hold", "requalify"),
                handoff("requalify", "hold"),
                handoff("visit", "won"),
                handoff("orphan", "won"),
                handoff("visit", "stuck"),
            ],
        )
    }

    #[test]
    fn traps_are_found_as_groups() {
        let p = gappy();
        assert_eq!(Flow::of(&p).traps(&p), vec![vec![1, 2]]);
        let q = plan(
            vec![stage("a", Team::Marketing, true, false)],
            vec![handoff("a", "a")],
        );
        assert_eq!(Flow::of(&q).traps(&q), vec![vec![0]]);
        assert!(Flow::of(&example()).traps(&example()).is_empty());
    }

    #[test]
    fn hops_and_unreachable_stages_start_at_the_entry_stages() {
        let p = gappy();
        let flow = Flow::of(&p);
        assert_eq!(
            flow.entries(&p),
            vec![0],
            "the second \"visit\" is not on the graph"
        );
        let hops = flow.hops_from_entry(&p, &flow.links());
        assert_eq!(
            hops,
            vec![Some(0), Some(1), Some(2), Some(1), None, Some(1), None]
        );
        assert_eq!(flow.unreachable(&p), vec![4]);
        // With no entry stage, no stage is called unreachable.
        let q = plan(
            vec![stage("a", Team::Sales, false, false)],
            vec![handoff("b", "a")],
        );
        assert!(Flow::of(&q).unreachable(&q).is_empty());
        assert!(lacks_entry_stage(&q));
        assert!(!lacks_entry_stage(&p));
        assert!(!lacks_entry_stage(&plan(Vec::new(), Vec::new())));
    }

    #[test]
    fn dead_ends_and_the_handoff_to_sales() {
        let p = gappy();
        assert_eq!(dead_ends(&p), vec![5]);
        let team = |id: &str| p.stages.iter().find(|s| s.id == id).map(|s| s.team);
        let to_sales: Vec<bool> = p.handoffs.iter().map(|h| hands_to_sales(h, team)).collect();
        assert_eq!(to_sales, vec![false, true, false, true, false, true]);
    }
}
