//! Export: the plan as an RFC 5545 calendar of its meetings ([`ics`]), as CRM-ready CSV
//! ([`csv`](mod@csv)), and as a one-page brief for leadership in Markdown or HTML ([`brief`]).
//!
//! Every function here is pure: it takes a plan (and the date or time it needs) and returns text,
//! so the command line and the workbench produce the same files. [`ExportFormat`] names each kind
//! of export the workbench offers.

pub mod brief;
pub mod csv;
pub mod ics;
mod kind;

pub use kind::ExportFormat;

use crate::analysis::lookup::Lookup;
use crate::model::{Account, Message, Person, Plan, Stage, slug};
use std::collections::HashMap;

/// The event's name as an id, used in calendar UIDs: "Factory Connect Europe 2027" gives
/// `factory-connect-europe-2027`.
pub fn event_slug(plan: &Plan) -> String {
    slug(&plan.event.name)
}

/// The plan's people, accounts, messages and stages by id, indexed once per export so that
/// every row's names cost a hash lookup, never a walk of a whole list: an export of 100,000
/// accounts takes about ten times one of 10,000. The first item with an id wins, as everywhere in
/// Preshow, and an id the plan does not have gives the id itself where a name is asked for.
pub(crate) struct Names<'p> {
    plan: &'p Plan,
    lookup: Lookup,
    /// Stages by id, the first of each id.
    stages: HashMap<&'p str, &'p Stage>,
}

impl<'p> Names<'p> {
    /// The names of `plan`; each index is built the first time it is asked for.
    pub(crate) fn of(plan: &'p Plan) -> Names<'p> {
        let mut stages = HashMap::with_capacity(plan.stages.len());
        for s in &plan.stages {
            stages.entry(s.id.as_str()).or_insert(s);
        }
        Names {
            plan,
            lookup: Lookup::default(),
            stages,
        }
    }

    /// The lookup the names come from, for the other answers it has (an account's meetings).
    pub(crate) fn lookup(&self) -> &Lookup {
        &self.lookup
    }

    /// The person with this id.
    pub(crate) fn person(&self, id: &str) -> Option<&'p Person> {
        let plan = self.plan;
        self.lookup
            .person(plan, id)
            .and_then(|i| plan.people.get(i))
    }

    /// The account with this id.
    pub(crate) fn account(&self, id: &str) -> Option<&'p Account> {
        let plan = self.plan;
        self.lookup
            .account(plan, id)
            .and_then(|i| plan.accounts.get(i))
    }

    /// The message with this id.
    pub(crate) fn message(&self, id: &str) -> Option<&'p Message> {
        let plan = self.plan;
        self.lookup
            .message(plan, id)
            .and_then(|i| plan.messages.get(i))
    }

    /// A person's name, or the id itself when the plan has no such person.
    pub(crate) fn person_name(&self, id: &str) -> String {
        self.person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    }

    /// A person's email, when the plan knows it.
    pub(crate) fn person_email(&self, id: &str) -> Option<&'p str> {
        self.person(id)
            .and_then(|p| p.email.as_deref())
            .map(str::trim)
            .filter(|e| !e.is_empty())
    }

    /// An account's name, or the id itself when the plan has no such account.
    pub(crate) fn account_name(&self, id: &str) -> String {
        self.account(id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    }

    /// A stage's name, or the id itself when the plan has no such stage.
    pub(crate) fn stage_name(&self, id: &str) -> String {
        self.stages
            .get(id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    }

    /// A message's headline, or the id itself when the plan has no such message.
    pub(crate) fn message_headline(&self, id: &str) -> String {
        self.message(id)
            .map_or_else(|| id.to_owned(), |m| m.headline.clone())
    }
}
