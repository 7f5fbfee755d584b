use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An active meeting (proposed, requested or confirmed) that starts before the event's first day
    /// or ends after its last day.
    ///
    /// ## Why it matters
    /// A meeting outside the show days is usually a typo in the date, and the account will turn up
    /// to an empty booth, or the rep will have flown home. Either way the meeting the team worked
    /// for does not happen.
    ///
    /// ## Example
    /// ```ron
    /// event: (name: "MedTech Expo 2027", starts: "2027-03-09", ends: "2027-03-11"),
    /// meetings: [(id: "acme-demo", account: "acme", start: "2027-03-12T10:00", minutes: 30)],
    /// ```
    /// Fix: whoever booked the meeting moves it into the show days, `start: "2027-03-11T10:00"`.
    MEETING_OUTSIDE_EVENT = Rule {
        name: "meeting-outside-event",
        severity: Error,
        check: check,
        field: Some("start"),
        fixed_by: ItemTeam,
        tag: "outside the show",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let event = &ctx.plan.event;
    let opens = event.starts.at(0, 0);
    let closes = event.ends.plus_days(1).at(0, 0);
    let rows = &ctx.meetings().rows;
    for (i, row) in rows.iter().enumerate() {
        if row.is_active() && (row.start < opens || row.end > closes) {
            let Some(m) = ctx.plan.meetings.get(i) else {
                continue;
            };
            let when = if m.start < opens {
                "before the show starts"
            } else {
                "after the show ends"
            };
            out.item(
                Section::Meetings,
                i,
                &m.id,
                format!(
                    "The {} is {when} ({} runs {} to {}): whoever booked it should move it into the show days",
                    ctx.meeting_label(m),
                    ctx.item_name(Section::Event, 0),
                    ctx.date(event.starts),
                    ctx.date(event.ends)
                ),
            );
        }
    }
}
