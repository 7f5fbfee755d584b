//! How long the canonical text of a plan will be, worked out from the lengths of its strings
//! and the shape the writer gives each item, so that [`super::to_string`] makes room once. A
//! little more rather than less: room never written is never touched, so it costs address space,
//! not memory; too little would make the buffer double at the end, the very copy this avoids.

use crate::model::{
    Account, Event, Handoff, Lead, Meeting, Message, Objective, Person, Plan, Scoring, Signoff,
    Stage, Task, Term,
};

/// Indentation of an item's fields: three levels of four spaces (the plan, its list, the item).
const FIELD_INDENT: usize = 12;

/// The most a number, a date or a time takes as the writer spells it (`-9223372036854775808`,
/// `2027-03-09T10:30`, `1.7976931348623157e308`).
const NUMBER: usize = 24;

/// The estimated length of the canonical text of `plan`: an upper bound unless strings hold
/// characters the writer escapes (quotes, backslashes, control characters), with a margin.
pub(super) fn estimate(plan: &Plan) -> usize {
    let mut n = 64 + event(&plan.event);
    n += list("people", &plan.people, person);
    n += list("objectives", &plan.objectives, objective);
    n += list("terms", &plan.terms, term);
    n += plan.scoring.as_ref().map_or(0, scoring);
    n += list("accounts", &plan.accounts, account);
    n += list("meetings", &plan.meetings, meeting);
    n += list("messages", &plan.messages, message);
    n += list("stages", &plan.stages, stage);
    n += list("handoffs", &plan.handoffs, handoff);
    n += list("tasks", &plan.tasks, task);
    n += list("leads", &plan.leads, lead);
    n + n / 64 + 1024
}

/// `    name: [`, each item in `(` and `),` lines, then `],`.
fn list<T>(name: &str, items: &[T], each: fn(&T) -> usize) -> usize {
    let item = 2 * 8 + "(\n),\n".len();
    4 + name.len() + 8 + items.iter().map(|x| item + each(x)).sum::<usize>()
}

/// `name: value,` on a line of its own at an item's indentation.
fn field(name: &str, value: usize) -> usize {
    FIELD_INDENT + name.len() + ": ,\n".len() + value
}

/// A quoted string field.
fn text(name: &str, value: &str) -> usize {
    field(name, value.len() + 2)
}

/// A quoted string field that may be absent.
fn opt(name: &str, value: &Option<String>) -> usize {
    value.as_deref().map_or(0, |v| text(name, v))
}

/// A number, date or other short value that may be absent.
fn short<T>(name: &str, value: &Option<T>) -> usize {
    value.as_ref().map_or(0, |_| field(name, NUMBER))
}

/// A list of strings: on one line when short, else one a line.
fn strings(name: &str, values: &[String]) -> usize {
    if values.is_empty() {
        return 0;
    }
    let inline = 2 + values.iter().map(|v| v.len() + 4).sum::<usize>();
    if inline <= super::INLINE_LIST_WIDTH {
        field(name, inline)
    } else {
        let each: usize = values.iter().map(|v| FIELD_INDENT + 4 + v.len() + 4).sum();
        field(name, 2) + each + FIELD_INDENT + 3
    }
}

/// Sign-offs, one a line.
fn signoffs(values: &[Signoff]) -> usize {
    if values.is_empty() {
        return 0;
    }
    let each: usize = values
        .iter()
        .map(|s| {
            FIELD_INDENT
                + 4
                + 32
                + s.by.len()
                + NUMBER
                + s.fingerprint.as_ref().map_or(0, |f| f.len() + 20)
                + s.entered_by.as_ref().map_or(0, |e| e.len() + 20)
        })
        .sum();
    field("signoffs", 2) + each + FIELD_INDENT + 3
}

fn event(e: &Event) -> usize {
    16 + text("name", &e.name)
        + opt("venue", &e.venue)
        + opt("booth", &e.booth)
        + opt("timezone", &e.timezone)
        + 2 * field("starts", NUMBER)
}

fn person(p: &Person) -> usize {
    text("id", &p.id)
        + text("name", &p.name)
        + field("team", 12)
        + opt("role", &p.role)
        + opt("email", &p.email)
        + short("max_meetings_per_day", &p.max_meetings_per_day)
}

fn objective(o: &Objective) -> usize {
    let measure = o
        .measure
        .as_ref()
        .map_or(0, |_| field("measure", 64 + o.id.len()));
    text("id", &o.id)
        + text("name", &o.name)
        + opt("metric", &o.metric)
        + short("target", &o.target)
        + opt("unit", &o.unit)
        + measure
        + short("actual", &o.actual)
        + signoffs(&o.signoffs)
}

fn term(t: &Term) -> usize {
    text("id", &t.id)
        + text("term", &t.term)
        + text("definition", &t.definition)
        + signoffs(&t.signoffs)
}

fn scoring(s: &Scoring) -> usize {
    let signals: usize = s
        .signals
        .iter()
        .map(|x| 8 + 32 + x.signal.len() + NUMBER)
        .sum();
    64 + field("threshold", NUMBER) + signals + signoffs(&s.signoffs)
}

fn account(a: &Account) -> usize {
    text("id", &a.id)
        + text("name", &a.name)
        + field("tier", NUMBER)
        + opt("owner", &a.owner)
        + opt("marketing_owner", &a.marketing_owner)
        + opt("segment", &a.segment)
        + strings("messages", &a.messages)
        + opt("notes", &a.notes)
        + opt("crm_id", &a.crm_id)
}

fn meeting(m: &Meeting) -> usize {
    text("id", &m.id)
        + text("account", &m.account)
        + field("start", NUMBER)
        + field("minutes", NUMBER)
        + opt("location", &m.location)
        + strings("people", &m.people)
        + field("status", 12)
        + opt("goal", &m.goal)
        + strings("messages", &m.messages)
}

fn message(m: &Message) -> usize {
    let proof: usize = m.proof.iter().map(|p| FIELD_INDENT + 8 + p.len()).sum();
    text("id", &m.id)
        + text("headline", &m.headline)
        + opt("body", &m.body)
        + field("proof", 2)
        + proof
        + opt("author", &m.author)
        + strings("segments", &m.segments)
        + signoffs(&m.signoffs)
}

fn stage(s: &Stage) -> usize {
    text("id", &s.id)
        + text("name", &s.name)
        + field("team", 12)
        + 2 * field("terminal", 4)
        + opt("crm_stage", &s.crm_stage)
}

fn handoff(h: &Handoff) -> usize {
    text("id", &h.id)
        + text("from", &h.from)
        + text("to", &h.to)
        + text("trigger", &h.trigger)
        + opt("owner", &h.owner)
        + short("sla_hours", &h.sla_hours)
        + signoffs(&h.signoffs)
}

fn task(t: &Task) -> usize {
    text("id", &t.id)
        + text("title", &t.title)
        + opt("owner", &t.owner)
        + short("due", &t.due)
        + field("done", 4)
}

fn lead(l: &Lead) -> usize {
    let reached: usize = l
        .reached
        .iter()
        .map(|r| FIELD_INDENT + 4 + 24 + r.stage.len() + NUMBER)
        .sum();
    text("id", &l.id)
        + text("name", &l.name)
        + opt("company", &l.company)
        + opt("account", &l.account)
        + opt("crm_id", &l.crm_id)
        + opt("owner", &l.owner)
        + field("captured", NUMBER)
        + short("pipeline", &l.pipeline)
        + field("reached", 2)
        + reached
        + FIELD_INDENT
        + 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The estimate is never short on plans as they come, and not far over: a buffer that grows
    /// at the end, or one twice as large, would defeat it.
    #[test]
    fn the_estimate_is_a_little_over_the_text() {
        let mut plans = vec![
            crate::format::parse(crate::EXAMPLE_PLAN)
                .map(|l| l.plan)
                .unwrap_or_else(|e| panic!("the example loads: {e}")),
        ];
        plans.push(crate::ops::generate::generate(2_000, 7));
        plans.push(crate::ops::generate::generate_after(500, 7));
        for plan in &plans {
            let text = super::super::to_string(plan);
            let guess = estimate(plan);
            assert!(guess >= text.len(), "{guess} < {}", text.len());
            // Small plans are mostly the fixed margin; large ones within a third.
            assert!(
                guess <= text.len() + text.len() / 3 + 4096,
                "{guess} is far over {}",
                text.len()
            );
        }
    }
}
