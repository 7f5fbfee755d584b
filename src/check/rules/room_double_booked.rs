use crate::check::rules::prelude::*;
use std::collections::BTreeMap;

rule! {
    /// ## What it finds
    /// Two active meetings in the same `location` that overlap in time.
    ///
    /// Locations are compared without regard to case or surrounding spaces; meetings with no location
    /// are left out. The finding is on the meeting that starts later (of two that start together, the
    /// one later in the file); back-to-back meetings are not an overlap.
    ///
    /// ## Why it matters
    /// Meeting rooms at a show are few and booked by many people. Two accounts arriving at the
    /// same room at the same time means one of them waits in the aisle, or leaves.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 60, location: "Room A"),
    /// (id: "beta-intro", account: "beta", start: "2027-03-09T10:30", minutes: 30, location: "Room A"),
    /// ```
    /// Fix: whoever booked `beta-intro` moves it or finds another room.
    ROOM_DOUBLE_BOOKED = Rule {
        name: "room-double-booked",
        severity: Error,
        check: check,
        field: Some("location"),
        fixed_by: ItemTeam,
        tag: "room clash",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let meetings = &ctx.plan.meetings;
    // Each room's meetings (rooms match whatever their case) swept in start order: one that
    // starts before the latest end seen so far clashes with the meeting that holds that end.
    let clashes: BTreeMap<usize, usize> = ctx
        .meetings()
        .bookings_by_room()
        .overlaps()
        .into_iter()
        .map(|(b, holder)| (b.meeting as usize, holder as usize))
        .collect();
    for (i, other) in clashes {
        let (Some(m), Some(o)) = (meetings.get(i), meetings.get(other)) else {
            continue;
        };
        let room = o.location.as_deref().map(str::trim).unwrap_or_default();
        out.item(
            Section::Meetings,
            i,
            &m.id,
            format!(
                "The room \"{room}\" is already taken by the {} when the {} starts: whoever booked this meeting \
                 should move it or find another room",
                ctx.meeting_label(o),
                ctx.meeting_label(m)
            ),
        );
    }
}
