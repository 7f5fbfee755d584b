use crate::check::rules::prelude::*;
use crate::analysis::references::{self, RefField};
use crate::check::maps::HashSet;

rule! {
    /// ## What it finds
    /// A field that names an id nothing in the plan has.
    ///
    /// The fields checked: an account's, handoff's, task's or lead's `owner`, a `marketing_owner`, a
    /// meeting's or lead's `account`, a meeting's `people`, the `messages` of an account or
    /// meeting, a message's `author`, a handoff's `from` and `to`, the stages of a lead's
    /// `reached`, the stage an objective's `measure: LeadsReaching("...")` counts, and the `by` of
    /// every sign-off. One finding per item, naming every unknown id in it.
    ///
    /// ## Why it matters
    /// A typo in an id looks fine to whoever reads the plan, but the checks and the workbench
    /// cannot follow it: a meeting with `"anna"` instead of `"ana"` has nobody from sales in it,
    /// and a sign-off by someone who is not on the plan counts for no team.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 30, people: ["anna"]),
    /// ```
    /// Fix: whoever booked the meeting corrects the id to `"ana"`, or adds Anna to `people`.
    UNKNOWN_REFERENCE = Rule {
        name: "unknown-reference",
        severity: Error,
        check: check,
        field: None,
        fixed_by: ItemTeam,
        tag: "unknown reference",
    }
}

/// The unknown references of one item, each once, in the order found.
#[derive(Default)]
struct Unknown {
    seen: HashSet<String>,
    found: Vec<String>,
}

impl Unknown {
    fn note(&mut self, field: &str, id: &str) {
        let text = format!("{field} \"{id}\"");
        if self.seen.insert(text.clone()) {
            self.found.push(text);
        }
    }

    fn message(self, ctx: &Context, section: Section, index: usize) -> Option<String> {
        if self.found.is_empty() {
            return None;
        }
        let name = ctx.item_name(section, index);
        let (verb, it) = if self.found.len() == 1 {
            ("is", "the id")
        } else {
            ("are", "the ids")
        };
        Some(sentence(format!(
            "{name} names {}, which {verb} not in the plan: {} should correct {it} or add what is missing",
            join_and(&self.found),
            editor(section)
        )))
    }
}

/// Whether the plan has an item of `target` with this id.
fn known(ctx: &Context, target: Section, id: &str) -> bool {
    match target {
        Section::People => ctx.person_index(id).is_some(),
        Section::Accounts => ctx.account(id).is_some(),
        Section::Messages => ctx.message(id).is_some(),
        Section::Stages => ctx.stage(id).is_some(),
        _ => true,
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    // The meeting rows know which meetings name an unknown id; only those are read again.
    let rows = &ctx.meetings().rows;
    for holder in references::holders() {
        let fields: Vec<&RefField> = references::fields_of(holder).collect();
        for i in 0..plan.count(holder) {
            if holder == Section::Meetings && rows.get(i).is_none_or(|r| !r.names_unknown) {
                continue;
            }
            // Nearly every item names only what the plan has: its list of unknowns is made
            // when the first is found.
            let mut unknown: Option<Unknown> = None;
            for field in &fields {
                for id in field.ids(plan, i) {
                    if !known(ctx, field.target, id) {
                        unknown.get_or_insert_default().note(field.noun, id);
                    }
                }
            }
            let Some(message) = unknown.and_then(|u| u.message(ctx, holder, i)) else {
                continue;
            };
            match ctx.id(holder, i) {
                Some(id) => out.item(holder, i, id, message),
                None => out.section(holder, message),
            }
        }
    }
}
