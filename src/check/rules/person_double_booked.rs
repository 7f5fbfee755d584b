use super::prelude::*;
use crate::check::maps::{HashMap, HashMapExt};
use std::collections::BTreeSet;

rule! {
    /// ## What it finds
    /// A person in two active meetings that overlap in time.
    ///
    /// The finding is on the meeting that starts later; back-to-back meetings (one ends as the next
    /// starts) are not an overlap.
    ///
    /// ## Why it matters
    /// A rep who is double-booked stands up one of the accounts the team worked hardest to get to
    /// the booth. It is cheap to fix in the plan and expensive to fix on the show floor.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 60, people: ["ana"]),
    /// (id: "beta-intro", account: "beta", start: "2027-03-09T10:30", minutes: 30, people: ["ana"]),
    /// ```
    /// Fix: whoever booked `beta-intro` moves it or sends someone else.
    PERSON_DOUBLE_BOOKED = ("person-double-booked", Error, check)
}

fn check(ctx: &Context, out: &mut Sink) {
    let meetings = &ctx.plan.meetings;
    // Each person's active meetings, swept in start order: a meeting that starts before the
    // latest end seen so far overlaps an earlier one.
    let mut by_person: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, m) in meetings.iter().enumerate() {
        if m.status.is_active() && m.minutes > 0 {
            each_distinct(&m.people, |p| by_person.entry(p).or_default().push(i));
        }
    }
    let mut clashes: HashMap<usize, BTreeSet<&str>> = HashMap::new();
    for (person, mut list) in by_person {
        list.sort_by_key(|&i| (meetings[i].start, i));
        let mut latest_end = None;
        for i in list {
            let m = &meetings[i];
            if latest_end.is_some_and(|end| m.start < end) {
                clashes.entry(i).or_default().insert(person);
            }
            latest_end = latest_end.max(Some(m.end()));
        }
    }
    let mut clashes: Vec<_> = clashes.into_iter().collect();
    clashes.sort_unstable();
    for (i, people) in clashes {
        let m = &meetings[i];
        let names: Vec<String> = people
            .iter()
            .map(|p| {
                ctx.person(p)
                    .map_or_else(|| (*p).to_owned(), |x| x.name.clone())
            })
            .collect();
        out.item(
            Section::Meetings,
            i,
            &m.id,
            format!(
                "{} already in another meeting at {}: whoever booked this meeting should move it or send someone else",
                join_names(&names),
                m.start
            ),
        );
    }
}

fn join_names(names: &[String]) -> String {
    match names {
        [one] => format!("{one} is"),
        _ => format!("{} are", names.join(" and ")),
    }
}
