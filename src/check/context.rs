//! What every rule needs to look things up in linear time: indexes by id, teams of people,
//! agreement by team, and the lead-flow graph.

use super::maps::{HashMap, HashMapExt};
use crate::fingerprint::Signable;
use crate::model::{Date, Handoff, Meeting, Person, Plan, Section, Team};
use petgraph::graph::{DiGraph, NodeIndex};
use std::cell::OnceCell;

/// A plan with its indexes, built once per check run.
pub struct Context<'a> {
    /// The plan being checked.
    pub plan: &'a Plan,
    /// The date that decides what is overdue.
    pub today: Date,
    people: HashMap<&'a str, &'a Person>,
    accounts: HashMap<&'a str, usize>,
    messages: HashMap<&'a str, usize>,
    stages: HashMap<&'a str, usize>,
    flow: OnceCell<Flow>,
}

/// The lead flow as a graph: one node per stage (the first of each id), one edge per handoff
/// whose stages both exist. Node weights are stage indexes, edge weights handoff indexes.
pub struct Flow {
    /// The graph.
    pub graph: DiGraph<usize, usize>,
    /// The node of each stage index (`None` for a duplicate id).
    pub node_of_stage: Vec<Option<NodeIndex>>,
}

fn index_by_id<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, usize> {
    let mut map = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'a> Context<'a> {
    /// Indexes `plan`.
    pub fn new(plan: &'a Plan, today: Date) -> Self {
        let mut people = HashMap::with_capacity(plan.people.len());
        for p in &plan.people {
            people.entry(p.id.as_str()).or_insert(p);
        }
        Context {
            plan,
            today,
            people,
            accounts: index_by_id(&plan.accounts, |a| &a.id),
            messages: index_by_id(&plan.messages, |m| &m.id),
            stages: index_by_id(&plan.stages, |s| &s.id),
            flow: OnceCell::new(),
        }
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.people.get(id).copied()
    }

    /// The team of the person with this id.
    pub fn team_of(&self, id: &str) -> Option<Team> {
        self.person(id).map(|p| p.team)
    }

    /// The index of the account with this id.
    pub fn account(&self, id: &str) -> Option<usize> {
        self.accounts.get(id).copied()
    }

    /// The index of the message with this id.
    pub fn message(&self, id: &str) -> Option<usize> {
        self.messages.get(id).copied()
    }

    /// The index of the stage with this id.
    pub fn stage(&self, id: &str) -> Option<usize> {
        self.stages.get(id).copied()
    }

    /// The team of the stage with this id.
    pub fn stage_team(&self, id: &str) -> Option<Team> {
        self.stage(id)
            .and_then(|i| self.plan.stages.get(i))
            .map(|s| s.team)
    }

    /// Teams with at least one current (not stale) sign-off on `item`.
    pub fn agreeing_teams(&self, item: &impl Signable) -> Vec<Team> {
        let fingerprint = item.fingerprint();
        let mut teams: Vec<Team> = item
            .signoffs()
            .iter()
            .filter(|s| s.fingerprint.as_deref().is_none_or(|f| f == fingerprint))
            .filter_map(|s| self.team_of(&s.by))
            .collect();
        teams.sort();
        teams.dedup();
        teams
    }

    /// Whether both Sales and Marketing have a current sign-off on `item`.
    pub fn agreed_by_both(&self, item: &impl Signable) -> bool {
        let teams = self.agreeing_teams(item);
        teams.contains(&Team::Sales) && teams.contains(&Team::Marketing)
    }

    /// Sales and Marketing, less the teams with a current sign-off on `item`: who still has to
    /// agree before both teams have.
    pub fn missing_teams(&self, item: &impl Signable) -> Vec<Team> {
        let teams = self.agreeing_teams(item);
        [Team::Sales, Team::Marketing]
            .into_iter()
            .filter(|t| !teams.contains(t))
            .collect()
    }

    /// The name of the person with this id, or the id in quotes when nobody has it.
    pub fn person_name(&self, id: &str) -> String {
        self.person(id)
            .map_or_else(|| quoted(id), |p| named(&p.name, id))
    }

    /// The name of the account with this id, or the id in quotes when no account has it.
    pub fn account_name(&self, id: &str) -> String {
        self.account(id)
            .and_then(|i| self.plan.accounts.get(i))
            .map_or_else(|| quoted(id), |a| named(&a.name, id))
    }

    /// The name of the stage with this id, or the id in quotes when no stage has it.
    pub fn stage_name(&self, id: &str) -> String {
        self.stage(id)
            .and_then(|i| self.plan.stages.get(i))
            .map_or_else(|| quoted(id), |s| named(&s.name, id))
    }

    /// A meeting as people say it: `meeting with Acme Hospitals at 2027-03-09T10:00`.
    pub fn meeting_label(&self, meeting: &Meeting) -> String {
        format!(
            "meeting with {} at {}",
            self.account_name(&meeting.account),
            meeting.start
        )
    }

    /// A handoff as people say it: `handoff from Booth visit to Marketing-qualified lead`.
    pub fn handoff_label(&self, handoff: &Handoff) -> String {
        format!(
            "handoff from {} to {}",
            self.stage_name(&handoff.from),
            self.stage_name(&handoff.to)
        )
    }

    /// The human name of item `index` of `section` (a person's name, a message's headline...),
    /// or of the single item `event` or `scoring`. Message headlines and task titles, which are
    /// whole phrases, come in quotes; meetings and handoffs, which have no name, read
    /// `the meeting with ...` and `the handoff from ...`.
    pub fn item_name(&self, section: Section, index: usize) -> String {
        let plan = self.plan;
        let name = match section {
            Section::Plan => Some("the plan".to_owned()),
            Section::Event => Some(named(&plan.event.name, "event")),
            Section::Scoring => Some("the lead scoring".to_owned()),
            Section::People => plan.people.get(index).map(|x| named(&x.name, &x.id)),
            Section::Objectives => plan.objectives.get(index).map(|x| named(&x.name, &x.id)),
            Section::Terms => plan.terms.get(index).map(|x| named(&x.term, &x.id)),
            Section::Accounts => plan.accounts.get(index).map(|x| named(&x.name, &x.id)),
            Section::Meetings => plan
                .meetings
                .get(index)
                .map(|x| format!("the {}", self.meeting_label(x))),
            Section::Messages => plan
                .messages
                .get(index)
                .map(|x| quoted_name(&x.headline, &x.id)),
            Section::Stages => plan.stages.get(index).map(|x| named(&x.name, &x.id)),
            Section::Handoffs => plan
                .handoffs
                .get(index)
                .map(|x| format!("the {}", self.handoff_label(x))),
            Section::Tasks => plan.tasks.get(index).map(|x| quoted_name(&x.title, &x.id)),
        };
        name.unwrap_or_else(|| format!("item {} of {section}", index + 1))
    }

    /// The lead-flow graph, built on first use.
    pub fn flow(&self) -> &Flow {
        self.flow.get_or_init(|| {
            let mut graph =
                DiGraph::with_capacity(self.plan.stages.len(), self.plan.handoffs.len());
            let node_of_stage = self
                .plan
                .stages
                .iter()
                .enumerate()
                .map(|(i, s)| (self.stage(&s.id) == Some(i)).then(|| graph.add_node(i)))
                .collect::<Vec<_>>();
            for (h, handoff) in self.plan.handoffs.iter().enumerate() {
                let node = |id: &str| {
                    self.stage(id)
                        .and_then(|i| node_of_stage.get(i).copied().flatten())
                };
                if let (Some(a), Some(b)) = (node(&handoff.from), node(&handoff.to)) {
                    graph.add_edge(a, b, h);
                }
            }
            Flow {
                graph,
                node_of_stage,
            }
        })
    }
}

/// An id as messages quote it: `"acme"`.
fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// A human name, or the quoted id when the name is blank.
fn named(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        quoted(id)
    } else {
        name.trim().to_owned()
    }
}

/// A phrase used as a name (a headline, a task title) in quotes, or the quoted id when it is blank.
fn quoted_name(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        quoted(id)
    } else {
        quoted(name.trim())
    }
}
