//! What pickers offer: the people, accounts, messages, stages and segments of the plan, copied
//! from it before the item being edited is borrowed.

use crate::analysis::provenance::{Provenance, SignoffHistory, SignoffKey, judge, same_email};
use crate::model::{Plan, Team};

/// A person as pickers show them.
#[derive(Debug, Clone)]
pub struct PersonChoice {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Team.
    pub team: Team,
    /// Role, if any.
    pub role: Option<String>,
    /// Work email, if any: what tells their commits from others'.
    pub email: Option<String>,
}

/// A list item as pickers show it.
#[derive(Debug, Clone)]
pub struct Choice {
    /// Id.
    pub id: String,
    /// What people read.
    pub label: String,
}

/// What the pickers of an editor offer, copied from the plan before the item is borrowed.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    /// People.
    pub people: Vec<PersonChoice>,
    /// Accounts.
    pub accounts: Vec<Choice>,
    /// Messages.
    pub messages: Vec<Choice>,
    /// Stages, with their team.
    pub stages: Vec<(Choice, Team)>,
    /// Segments in use, sorted.
    pub segments: Vec<String>,
}

impl Choices {
    /// People only.
    pub fn people(plan: &Plan) -> Self {
        Choices {
            people: plan
                .people
                .iter()
                .map(|p| PersonChoice {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    team: p.team,
                    role: p.role.clone(),
                    email: p.email.clone(),
                })
                .collect(),
            ..Choices::default()
        }
    }

    /// People, messages, and the segments in use.
    pub fn people_and_messages(plan: &Plan, lookup: &crate::analysis::lookup::Lookup) -> Self {
        let mut c = Choices::people(plan);
        c.messages = plan
            .messages
            .iter()
            .map(|m| Choice {
                id: m.id.clone(),
                label: m.headline.clone(),
            })
            .collect();
        c.segments = lookup.segments(plan).to_vec();
        c
    }

    /// Everything a meeting needs.
    pub fn for_meetings(plan: &Plan, lookup: &crate::analysis::lookup::Lookup) -> Self {
        let mut c = Choices::people_and_messages(plan, lookup);
        c.accounts = plan
            .accounts
            .iter()
            .map(|a| Choice {
                id: a.id.clone(),
                label: a.name.clone(),
            })
            .collect();
        c
    }

    /// Everything a handoff needs.
    pub fn for_handoffs(plan: &Plan) -> Self {
        let mut c = Choices::people(plan);
        c.stages = plan
            .stages
            .iter()
            .map(|s| {
                (
                    Choice {
                        id: s.id.clone(),
                        label: s.name.clone(),
                    },
                    s.team,
                )
            })
            .collect();
        c
    }

    /// The name of a person id, or the id itself in brackets when nobody has it.
    pub fn person_name(&self, id: &str) -> String {
        self.people
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| format!("{id} (unknown)"), |p| p.name.clone())
    }

    /// What history makes of `signoff` on `item`, judged against these people; `None` while
    /// the history is not known.
    pub fn provenance<'h, T: crate::model::fingerprint::Signable>(
        &self,
        history: Option<&'h SignoffHistory>,
        item: &T,
        signoff: &crate::model::Signoff,
    ) -> Option<Provenance<'h>> {
        let origin = history?.origin(&SignoffKey::of(item, signoff));
        Some(judge(
            origin,
            &signoff.by,
            |id| {
                self.people
                    .iter()
                    .find(|p| p.id == id)
                    .and_then(|p| p.email.clone())
            },
            |email| {
                self.people
                    .iter()
                    .find(|p| p.email.as_deref().is_some_and(|e| same_email(e, email)))
                    .map(|p| p.id.clone())
            },
        ))
    }

    /// The team of a person id, when somebody has it.
    pub(super) fn person_team(&self, id: &str) -> Option<Team> {
        self.people.iter().find(|p| p.id == id).map(|p| p.team)
    }
}
