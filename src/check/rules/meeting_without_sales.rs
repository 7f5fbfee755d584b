use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An active meeting (proposed, requested or confirmed) with nobody from the Sales team in its
    /// `people`.
    ///
    /// ## Why it matters
    /// A meeting at the show is where a lead becomes a deal. Marketing can run a great demo, but
    /// if no account executive is in the room nobody asks for the next step, and the account hears
    /// from sales weeks later, from someone it has never met.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 30,
    ///  people: ["mo"], status: Confirmed),   // Mo is Marketing
    /// ```
    /// Fix: the account's owner joins, `people: ["mo", "ana"]`, or the sales lead sends another account executive.
    MEETING_WITHOUT_SALES = Rule {
        name: "meeting-without-sales",
        severity: Warning,
        check: check,
        field: Some("people"),
        fixed_by: Sales,
        tag: "no Sales person",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    let table = ctx.meetings();
    let sales: Vec<bool> = table
        .attendees
        .iter()
        .map(|a| {
            a.person
                .and_then(|k| plan.people.get(k))
                .is_some_and(|p| p.team == Team::Sales)
        })
        .collect();
    for (i, row) in table.rows.iter().enumerate() {
        let with_sales = table
            .people(i)
            .iter()
            .any(|&a| sales.get(a as usize).copied().unwrap_or_default());
        if !row.is_active() || with_sales {
            continue;
        }
        let Some(m) = plan.meetings.get(i) else {
            continue;
        };
        let owner = row
            .account
            .and_then(|a| plan.accounts.get(a as usize))
            .and_then(|a| a.owner.as_deref())
            .and_then(|o| ctx.person(o))
            .filter(|p| p.team == Team::Sales);
        let who = match owner {
            Some(p) => format!(
                "{}, the account's owner, should join or the sales lead should send",
                p.name
            ),
            None => "the sales lead should send".to_owned(),
        };
        out.item(
            Section::Meetings,
            i,
            &m.id,
            format!(
                "Nobody from Sales is in the {}: {who} an account executive",
                ctx.meeting_label(m)
            ),
        );
    }
}
