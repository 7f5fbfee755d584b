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

use crate::model::{Plan, slug};

/// The event's name as an id, used in calendar UIDs: "Factory Connect Europe 2027" gives
/// `factory-connect-europe-2027`.
pub fn event_slug(plan: &Plan) -> String {
    slug(&plan.event.name)
}

/// A person's name, or the id itself when the plan has no such person.
fn person_name(plan: &Plan, id: &str) -> String {
    plan.person(id)
        .map_or_else(|| id.to_owned(), |p| p.name.clone())
}

/// A person's email, when the plan knows it.
fn person_email<'a>(plan: &'a Plan, id: &str) -> Option<&'a str> {
    plan.person(id)
        .and_then(|p| p.email.as_deref())
        .map(str::trim)
        .filter(|e| !e.is_empty())
}

/// An account's name, or the id itself when the plan has no such account.
fn account_name(plan: &Plan, id: &str) -> String {
    plan.accounts
        .iter()
        .find(|a| a.id == id)
        .map_or_else(|| id.to_owned(), |a| a.name.clone())
}

/// A stage's name, or the id itself when the plan has no such stage.
fn stage_name(plan: &Plan, id: &str) -> String {
    plan.stages
        .iter()
        .find(|s| s.id == id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}

/// A message's headline, or the id itself when the plan has no such message.
fn message_headline(plan: &Plan, id: &str) -> String {
    plan.messages
        .iter()
        .find(|m| m.id == id)
        .map_or_else(|| id.to_owned(), |m| m.headline.clone())
}
