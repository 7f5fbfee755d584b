use crate::check::rules::prelude::*;
use crate::analysis::bookings::{DayLoad, over_limit};

rule! {
    /// ## What it finds
    /// A person with more active meetings (proposed, requested or confirmed) starting on one day than
    /// their `max_meetings_per_day`.
    ///
    /// One finding per person and day, on the person.
    ///
    /// ## Why it matters
    /// A rep with back-to-back meetings all day has no time to walk the booth, eat, or write up
    /// what they heard, and the last meetings of the day get the worst of them. The limit is the
    /// person's own estimate of what they can do well.
    ///
    /// ## Example
    /// ```ron
    /// people: [(id: "ana", name: "Ana Ruiz", team: Sales, max_meetings_per_day: 2)],
    /// meetings: [   // three meetings for Ana on 2027-03-09
    ///     (id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 30, people: ["ana"]),
    ///     (id: "beta-intro", account: "beta", start: "2027-03-09T11:00", minutes: 30, people: ["ana"]),
    ///     (id: "gamma-call", account: "gamma", start: "2027-03-09T14:00", minutes: 30, people: ["ana"]),
    /// ],
    /// ```
    /// Fix: the sales lead moves one of Ana's meetings to another day or to another rep.
    PERSON_OVER_CAPACITY = Rule {
        name: "person-over-capacity",
        severity: Warning,
        check: check,
        field: Some("max_meetings_per_day"),
        fixed_by: ItemTeam,
        tag: "over capacity",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    // Active meetings per day of each person with a limit (by person index).
    let people = &ctx.plan.people;
    let table = ctx.meetings();
    let limited: Vec<Option<usize>> = table
        .attendees
        .iter()
        .map(|a| {
            a.person.filter(|&k| {
                people
                    .get(k)
                    .is_some_and(|p| p.max_meetings_per_day.is_some())
            })
        })
        .collect();
    let mut load = DayLoad::new(people.len());
    for (i, row) in table.rows.iter().enumerate() {
        // Skipped before their people are read: a long plan can hold many declined meetings.
        if !DayLoad::counts(row.status) {
            continue;
        }
        let attendees = table.people(i).iter();
        let limited = attendees.filter_map(|&a| limited.get(a as usize).copied().flatten());
        load.count(row.start.date(), row.status, limited);
    }
    for (i, person) in ctx.plan.people.iter().enumerate() {
        let Some(max) = person.max_meetings_per_day else {
            continue;
        };
        // A later person with a duplicate id is left to `duplicate-id`.
        if ctx.person_index(&person.id) != Some(i) {
            continue;
        }
        for (day, count) in load.days(i) {
            if let Some(excess) = over_limit(count, max) {
                out.item(
                    Section::People,
                    i,
                    &person.id,
                    sentence(format!(
                        "{} has {count} meetings on {}, more than their limit of {max}: whoever books \
                         their meetings should move {excess} of them to another day or another person",
                        ctx.item_name(Section::People, i),
                        ctx.date(day),
                    )),
                );
            }
        }
    }
}
