use super::prelude::*;
use crate::check::maps::HashSet;
use crate::model::Signoff;

rule! {
    /// ## What it finds
    /// A field that names an id nothing in the plan has.
    ///
    /// The fields checked: an account's, handoff's or task's `owner`, a `marketing_owner`, a meeting's
    /// `account` and `people`, the `messages` of an account or meeting, a message's `author`, a
    /// handoff's `from` and `to`, and the `by` of every sign-off. One finding per item, naming every
    /// unknown id in it.
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
    fn note(&mut self, known: bool, field: &str, id: &str) {
        if !known {
            let text = format!("{field} \"{id}\"");
            if self.seen.insert(text.clone()) {
                self.found.push(text);
            }
        }
    }

    fn person(&mut self, ctx: &Context, field: &str, id: &str) {
        self.note(ctx.person(id).is_some(), field, id);
    }

    fn signoffs(&mut self, ctx: &Context, signoffs: &[Signoff]) {
        for s in signoffs {
            self.person(ctx, "signer", &s.by);
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

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    let report = |out: &mut Sink, section: Section, i: usize, id: &str, unknown: Unknown| {
        if let Some(message) = unknown.message(ctx, section, i) {
            out.item(section, i, id, message);
        }
    };
    for (i, o) in plan.objectives.iter().enumerate() {
        let mut u = Unknown::default();
        u.signoffs(ctx, &o.signoffs);
        report(out, Section::Objectives, i, &o.id, u);
    }
    for (i, t) in plan.terms.iter().enumerate() {
        let mut u = Unknown::default();
        u.signoffs(ctx, &t.signoffs);
        report(out, Section::Terms, i, &t.id, u);
    }
    if let Some(scoring) = &plan.scoring {
        let mut u = Unknown::default();
        u.signoffs(ctx, &scoring.signoffs);
        if let Some(message) = u.message(ctx, Section::Scoring, 0) {
            out.section(Section::Scoring, message);
        }
    }
    for (i, a) in plan.accounts.iter().enumerate() {
        let mut u = Unknown::default();
        if let Some(owner) = &a.owner {
            u.person(ctx, "owner", owner);
        }
        if let Some(owner) = &a.marketing_owner {
            u.person(ctx, "marketing owner", owner);
        }
        for m in &a.messages {
            u.note(ctx.message(m).is_some(), "message", m);
        }
        report(out, Section::Accounts, i, &a.id, u);
    }
    // The meeting rows know which meetings name an unknown id; only those are read again.
    let rows = &ctx.meetings().rows;
    for ((i, m), row) in plan.meetings.iter().enumerate().zip(rows) {
        if !row.names_unknown {
            continue;
        }
        let mut u = Unknown::default();
        u.note(row.account.is_some(), "account", &m.account);
        for p in &m.people {
            u.person(ctx, "person", p);
        }
        for msg in &m.messages {
            u.note(ctx.message(msg).is_some(), "message", msg);
        }
        report(out, Section::Meetings, i, &m.id, u);
    }
    for (i, m) in plan.messages.iter().enumerate() {
        let mut u = Unknown::default();
        if let Some(author) = &m.author {
            u.person(ctx, "author", author);
        }
        u.signoffs(ctx, &m.signoffs);
        report(out, Section::Messages, i, &m.id, u);
    }
    for (i, h) in plan.handoffs.iter().enumerate() {
        let mut u = Unknown::default();
        u.note(ctx.stage(&h.from).is_some(), "from stage", &h.from);
        u.note(ctx.stage(&h.to).is_some(), "to stage", &h.to);
        if let Some(owner) = &h.owner {
            u.person(ctx, "owner", owner);
        }
        u.signoffs(ctx, &h.signoffs);
        report(out, Section::Handoffs, i, &h.id, u);
    }
    for (i, t) in plan.tasks.iter().enumerate() {
        let mut u = Unknown::default();
        if let Some(owner) = &t.owner {
            u.person(ctx, "owner", owner);
        }
        report(out, Section::Tasks, i, &t.id, u);
    }
}
