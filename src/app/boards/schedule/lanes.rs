//! Blocks side by side: a column's blocks in time order, meetings at the same time in lanes of
//! their own, and which active ones overlap (a clash in a person's or a room's column).

use crate::app::boards::schedule::columns::{Block, Column, Item};

/// Sorts a column's blocks by time, puts overlapping ones side by side in lanes, and marks
/// active ones that overlap.
pub(super) fn place_blocks(items: &[Item], column: &mut Column) {
    let span = |b: &Block| items.get(b.item).map_or((0, 0), |i| (i.from, i.to));
    column.blocks.sort_by_key(|b| (span(b), b.item));
    column.lanes = 1;
    // Clusters of blocks that overlap one another, directly or through others.
    let mut cluster_start = 0;
    let mut cluster_end = i64::MIN;
    let mut lane_ends: Vec<i64> = Vec::new();
    let count = column.blocks.len();
    for k in 0..=count {
        let next = column.blocks.get(k).map(span);
        if next.is_none_or(|(from, _)| from >= cluster_end) {
            // Close the cluster so far: every block gets the cluster's lane count.
            let lanes = lane_ends.len().max(1);
            column.lanes = column.lanes.max(lanes);
            for b in column.blocks.iter_mut().take(k).skip(cluster_start) {
                b.lanes = lanes;
            }
            cluster_start = k;
            lane_ends.clear();
        }
        let (Some((from, to)), Some(b)) = (next, column.blocks.get_mut(k)) else {
            break;
        };
        cluster_end = if cluster_start == k {
            to
        } else {
            cluster_end.max(to)
        };
        match lane_ends.iter().position(|&end| end <= from) {
            Some(lane) => {
                b.lane = lane;
                if let Some(end) = lane_ends.get_mut(lane) {
                    *end = to;
                }
            }
            None => {
                b.lane = lane_ends.len();
                lane_ends.push(to);
            }
        }
    }
    if column.clashes() {
        mark_overlaps(items, &mut column.blocks);
    }
}

/// Marks the active blocks (sorted by start) that overlap another active block, by the
/// meetings' real times (not the one-step minimum drawn for very short meetings).
fn mark_overlaps(items: &[Item], blocks: &mut [Block]) {
    let active = |b: &Block| items.get(b.item).is_some_and(|i| i.status.is_active());
    let real = |b: &Block| {
        items.get(b.item).map_or((0, 0), |i| {
            (i.from, i.from.saturating_add(i.minutes.max(0)))
        })
    };
    let count = blocks.len();
    for a in 0..count {
        let Some(x) = blocks.get(a) else {
            continue;
        };
        if !active(x) {
            continue;
        }
        let (_, x_end) = real(x);
        for b in a + 1..count {
            let Some(y) = blocks.get(b) else { break };
            let (y_from, _) = real(y);
            if y_from >= x_end {
                // Sorted by start: later blocks start later still. (Sorting used the drawn span,
                // whose start is the same.)
                break;
            }
            if active(y) && real(y).1 > real(y).0 {
                if let Some(y) = blocks.get_mut(b) {
                    y.overlap = true;
                }
                if let Some(x) = blocks.get_mut(a) {
                    x.overlap = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::boards::schedule::columns::ColumnKind;
    use crate::model::{Date, MeetingStatus};

    fn item(index: usize, from: i64, minutes: i64, status: MeetingStatus) -> Item {
        let day = Date::from_ymd(2027, 3, 9).expect("a date");
        Item {
            index,
            account: format!("account {index}"),
            start: day.at(0, 0).plus_minutes(from),
            minutes,
            from,
            to: from + minutes,
            status,
            people: vec!["Ana".to_owned()],
            room: String::new(),
            goal: None,
            clash: false,
            worst: None,
        }
    }

    fn column(kind: ColumnKind, items: &[Item]) -> Column {
        let blocks = (0..items.len())
            .map(|item| Block {
                item,
                lane: 0,
                lanes: 1,
                overlap: false,
            })
            .collect();
        Column {
            key: "p:ana".to_owned(),
            kind,
            title: "Ana".to_owned(),
            sub: String::new(),
            over: false,
            blocks,
            lanes: 1,
            first: 0,
        }
    }

    /// Meetings at once sit side by side, the whole cluster as wide as its most lanes; active
    /// ones that overlap are marked in a person's column, a declined one is not.
    #[test]
    fn overlapping_meetings_share_lanes_and_active_ones_are_marked() {
        let items = [
            item(0, 600, 60, MeetingStatus::Confirmed),
            item(1, 630, 30, MeetingStatus::Proposed),
            item(2, 660, 30, MeetingStatus::Confirmed),
            item(3, 600, 30, MeetingStatus::Declined),
        ];
        let mut c = column(ColumnKind::Person(0), &items);
        place_blocks(&items, &mut c);
        let placed: Vec<_> = c
            .blocks
            .iter()
            .map(|b| (b.item, b.lane, b.lanes, b.overlap))
            .collect();
        assert_eq!(
            placed,
            [
                (3, 0, 2, false),
                (0, 1, 2, true),
                (1, 0, 2, true),
                (2, 0, 1, false)
            ]
        );
        assert_eq!(c.lanes, 2);
    }

    /// In a column of meetings with no room, overlaps are no clash.
    #[test]
    fn no_room_marks_no_overlap() {
        let items = [
            item(0, 600, 60, MeetingStatus::Confirmed),
            item(1, 630, 30, MeetingStatus::Confirmed),
        ];
        let mut c = column(ColumnKind::NoRoom, &items);
        place_blocks(&items, &mut c);
        assert!(c.blocks.iter().all(|b| !b.overlap));
        assert_eq!(c.lanes, 2);
    }
}
