use super::prelude::*;
use crate::check::maps::{HashMap, HashMapExt};
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
    ROOM_DOUBLE_BOOKED = ("room-double-booked", Error, check)
}

fn check(ctx: &Context, out: &mut Sink) {
    let meetings = &ctx.plan.meetings;
    // Rooms match whatever their case. Many meetings share a room written the same way, so each
    // spelling is lower-cased once.
    let mut by_spelling: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_room: Vec<Vec<usize>> = Vec::new();
    for (i, m) in meetings.iter().enumerate() {
        let room = m.location.as_deref().map(str::trim).unwrap_or_default();
        if m.status.is_active() && m.minutes > 0 && !room.is_empty() {
            let group = *by_spelling.entry(room).or_insert_with(|| {
                *by_name.entry(room.to_lowercase()).or_insert_with(|| {
                    by_room.push(Vec::new());
                    by_room.len() - 1
                })
            });
            if let Some(list) = by_room.get_mut(group) {
                list.push(i);
            }
        }
    }
    // Each room's meetings swept in start order: one that starts before the latest end seen so
    // far clashes with the meeting that holds that end.
    let mut clashes: BTreeMap<usize, usize> = BTreeMap::new();
    for mut list in by_room {
        list.sort_by_key(|&i| (meetings[i].start, i));
        let mut latest: Option<(crate::model::DateTime, usize)> = None;
        for i in list {
            let m = &meetings[i];
            if let Some((end, other)) = latest
                && m.start < end
            {
                clashes.insert(i, other);
            }
            if latest.is_none_or(|(end, _)| m.end() > end) {
                latest = Some((m.end(), i));
            }
        }
    }
    for (i, other) in clashes {
        let m = &meetings[i];
        let room = meetings[other]
            .location
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        out.item(
            Section::Meetings,
            i,
            &m.id,
            format!(
                "The room \"{room}\" is already taken by the {} when the {} starts: whoever booked this meeting \
                 should move it or find another room",
                ctx.meeting_label(&meetings[other]),
                ctx.meeting_label(m)
            ),
        );
    }
}
