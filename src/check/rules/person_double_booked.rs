use crate::check::rules::prelude::*;

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
    PERSON_DOUBLE_BOOKED = Rule {
        name: "person-double-booked",
        severity: Error,
        check: check,
        field: Some("start"),
        fixed_by: ItemTeam,
        tag: "double-booked",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let table = ctx.meetings();
    // Each person's active meetings, swept in start order: a meeting that starts before the
    // latest end seen so far overlaps an earlier one.
    let mut clashes: Vec<(usize, &str)> = table
        .bookings_by_attendee()
        .overlaps()
        .into_iter()
        .map(|(b, _)| {
            let id = table.attendees.get(b.key as usize).map_or("", |a| &*a.id);
            (b.meeting as usize, id)
        })
        .collect();
    clashes.sort_unstable();
    for same in clashes.chunk_by(|a, b| a.0 == b.0) {
        let Some(&(i, _)) = same.first() else {
            continue;
        };
        let Some(m) = ctx.plan.meetings.get(i) else {
            continue;
        };
        let names: Vec<String> = same
            .iter()
            .map(|&(_, p)| {
                ctx.person(p)
                    .map_or_else(|| p.to_owned(), |x| x.name.clone())
            })
            .collect();
        out.item(
            Section::Meetings,
            i,
            &m.id,
            format!(
                "{} already in another meeting at {}: whoever booked this meeting should move it or send someone else",
                join_names(&names),
                ctx.when(m.start)
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
