//! A day's meetings copied out of the plan, and the columns they go in: one per person (or per
//! room), with the header each column shows. No drawing here: the lanes within a column are
//! placed by `lanes`, the sizes on screen by `layout`.

use crate::analysis::bookings::{PeopleLoad, over_limit};
use crate::app::boards::context::BoardCx;
use crate::app::boards::schedule::time::{DAY, STEP, plural};
use crate::check::Severity;
use crate::model::{Date, DateTime, MeetingStatus, Person, Plan, Section, Team};
use std::collections::{BTreeMap, HashMap, HashSet};

/// One meeting of the day, copied out of the plan for drawing.
pub(super) struct Item {
    pub(super) index: usize,
    pub(super) account: String,
    pub(super) start: DateTime,
    pub(super) minutes: i64,
    /// Minutes since midnight, clipped to the day, at least one step long for drawing.
    pub(super) from: i64,
    pub(super) to: i64,
    pub(super) status: MeetingStatus,
    pub(super) people: Vec<String>,
    pub(super) room: String,
    pub(super) goal: Option<String>,
    /// A double-booking finding is on it.
    pub(super) clash: bool,
    /// The most severe finding on it.
    pub(super) worst: Option<Severity>,
}

/// A block: an item placed in a column.
pub(super) struct Block {
    /// The item (its place in the day's items).
    pub(super) item: usize,
    pub(super) lane: usize,
    pub(super) lanes: usize,
    /// It overlaps another active block of the column.
    pub(super) overlap: bool,
}

/// What a column is of.
pub(super) enum ColumnKind {
    /// A person of the plan (their index in `people`).
    Person(usize),
    /// A person id that is not in the plan.
    UnknownPerson,
    /// Meetings with nobody from our side.
    Nobody,
    /// A room.
    Room,
    /// Meetings with no room.
    NoRoom,
}

/// A column of the grid: whose (or which room's) meetings, its header, and its blocks.
pub(super) struct Column {
    pub(super) key: String,
    pub(super) kind: ColumnKind,
    pub(super) title: String,
    pub(super) sub: String,
    pub(super) over: bool,
    pub(super) blocks: Vec<Block>,
    /// The most blocks side by side, set when the blocks are placed.
    pub(super) lanes: usize,
    /// The number of its first block when the day's blocks are counted column by column (the
    /// order the keyboard walks them in), set when the blocks are placed.
    pub(super) first: usize,
}

/// How many blocks the columns hold (a meeting of two people is two).
pub(super) fn count_blocks(columns: &[Column]) -> usize {
    columns.last().map_or(0, |c| c.first + c.blocks.len())
}

impl Block {
    fn new(item: usize) -> Self {
        Block {
            item,
            lane: 0,
            lanes: 1,
            overlap: false,
        }
    }
}

impl Column {
    fn new(
        key: String,
        kind: ColumnKind,
        title: String,
        sub: String,
        over: bool,
        blocks: Vec<Block>,
    ) -> Self {
        Column {
            key,
            kind,
            title,
            sub,
            over,
            blocks,
            lanes: 1,
            first: 0,
        }
    }

    /// Whether two active meetings at once in this column is a clash (a person or a room).
    pub(super) fn clashes(&self) -> bool {
        matches!(
            self.kind,
            ColumnKind::Person(_) | ColumnKind::UnknownPerson | ColumnKind::Room
        )
    }
}

/// The day's meetings to draw, with what the board shows of them.
pub(super) fn collect_items(
    cx: &BoardCx<'_>,
    on_day: &[usize],
    show_inactive: bool,
    clashing: &HashSet<usize>,
) -> Vec<Item> {
    let accounts: HashMap<&str, &str> = cx
        .plan
        .accounts
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let people: HashMap<&str, &Person> =
        cx.plan.people.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut items = Vec::new();
    for &index in on_day {
        let Some(m) = cx.plan.meetings.get(index) else {
            continue;
        };
        if !show_inactive && !m.status.is_active() {
            continue;
        }
        let from = i64::from(m.start.minute_of_day());
        let end = from.saturating_add(m.minutes.max(0));
        let to = end.clamp(from + STEP, DAY.max(from + STEP));
        items.push(Item {
            index,
            account: accounts
                .get(m.account.as_str())
                .map_or_else(|| format!("{}?", m.account), |n| (*n).to_owned()),
            start: m.start,
            minutes: m.minutes,
            from,
            to,
            status: m.status,
            people: m
                .people
                .iter()
                .map(|p| {
                    people
                        .get(p.as_str())
                        .map_or_else(|| format!("{p}?"), |x| x.name.clone())
                })
                .collect(),
            room: m
                .location
                .as_deref()
                .map(str::trim)
                .unwrap_or_default()
                .to_owned(),
            goal: m.goal.clone(),
            clash: clashing.contains(&index),
            worst: cx.gaps.worst_on_item(Section::Meetings, index),
        });
    }
    items
}

/// A column per person with a meeting that day (Sales, Marketing, Leadership, then by name),
/// then person ids that are not in the plan, then meetings with nobody. The headers count each
/// person's active meetings of `day` in `load`.
pub(super) fn person_columns(
    plan: &Plan,
    items: &[Item],
    load: &PeopleLoad<'_>,
    day: Date,
) -> Vec<Column> {
    let index_of: HashMap<&str, usize> = plan
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let (members, nobody) = members(plan, items);
    let mut columns: Vec<(Option<(Team, String)>, Column)> = Vec::new();
    for (id, list) in members {
        let n = load.on(&id, day);
        let blocks = list.into_iter().map(Block::new).collect();
        let person = index_of
            .get(id.as_str())
            .and_then(|&i| Some((i, plan.people.get(i)?)));
        columns.push(person_column(id, person, n, blocks));
    }
    // Known people by team and name; unknown ids after them (already in id order).
    columns.sort_by(|a, b| match (&a.0, &b.0) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    let mut columns: Vec<Column> = columns.into_iter().map(|(_, c)| c).collect();
    if !nobody.is_empty() {
        let n = nobody.len();
        columns.push(Column::new(
            "nobody".to_owned(),
            ColumnKind::Nobody,
            "No one".to_owned(),
            format!("{} without people", plural(n, "meeting", "meetings")),
            false,
            nobody.into_iter().map(Block::new).collect(),
        ));
    }
    columns
}

/// The items (places in `items`) of each person id named that day, each meeting once per id,
/// and the items with nobody.
fn members(plan: &Plan, items: &[Item]) -> (BTreeMap<String, Vec<usize>>, Vec<usize>) {
    let mut members: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut nobody = Vec::new();
    for (pos, item) in items.iter().enumerate() {
        let Some(m) = plan.meetings.get(item.index) else {
            continue;
        };
        let mut seen = HashSet::new();
        for p in m.people.iter().filter(|p| seen.insert(p.as_str())) {
            members.entry(p.clone()).or_default().push(pos);
        }
        if m.people.is_empty() {
            nobody.push(pos);
        }
    }
    (members, nobody)
}

/// The column of person id `id` (`person`, with their index, when the plan has them), who has
/// `n` active meetings that day, with the key it sorts by (none for an unknown id).
fn person_column(
    id: String,
    person: Option<(usize, &Person)>,
    n: usize,
    blocks: Vec<Block>,
) -> (Option<(Team, String)>, Column) {
    let Some((i, p)) = person else {
        return (
            None,
            Column::new(
                format!("p:{id}"),
                ColumnKind::UnknownPerson,
                format!("{id}?"),
                "not in People".to_owned(),
                false,
                blocks,
            ),
        );
    };
    let over = p
        .max_meetings_per_day
        .is_some_and(|max| over_limit(n, max).is_some());
    let sub = match p.max_meetings_per_day {
        Some(max) if over => format!("⚠ {n} / {max} meetings"),
        Some(max) => format!("{n} / {max} meetings"),
        None => plural(n, "meeting", "meetings"),
    };
    let sort = Some((p.team, p.name.to_lowercase()));
    (
        sort,
        Column::new(
            format!("p:{id}"),
            ColumnKind::Person(i),
            p.name.clone(),
            sub,
            over,
            blocks,
        ),
    )
}

/// A column per room used that day (compared trimmed and in any case), by name, then "No room".
pub(super) fn room_columns(plan: &Plan, on_day: &[usize], items: &[Item]) -> Vec<Column> {
    let mut active: HashMap<String, usize> = HashMap::new();
    for m in on_day.iter().filter_map(|&i| plan.meetings.get(i)) {
        if m.status.is_active() {
            *active.entry(room_key(m.location.as_deref()).0).or_default() += 1;
        }
    }
    let mut rooms: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
    let mut none = Vec::new();
    for (pos, item) in items.iter().enumerate() {
        let (key, shown) = room_key(Some(&item.room));
        if key.is_empty() {
            none.push(pos);
        } else {
            rooms
                .entry(key)
                .or_insert_with(|| (shown, Vec::new()))
                .1
                .push(pos);
        }
    }
    let mut columns: Vec<Column> = rooms
        .into_iter()
        .map(|(key, (shown, list))| {
            let n = active.get(&key).copied().unwrap_or(0);
            Column::new(
                format!("r:{key}"),
                ColumnKind::Room,
                shown,
                plural(n, "meeting", "meetings"),
                false,
                list.into_iter().map(Block::new).collect(),
            )
        })
        .collect();
    if !none.is_empty() {
        let n = none.len();
        columns.push(Column::new(
            "no-room".to_owned(),
            ColumnKind::NoRoom,
            "No room".to_owned(),
            plural(n, "meeting", "meetings"),
            false,
            none.into_iter().map(Block::new).collect(),
        ));
    }
    columns
}

/// The room of a meeting as the room rule compares it: trimmed, any case.
fn room_key(location: Option<&str>) -> (String, String) {
    let shown = location.map(str::trim).unwrap_or_default();
    (shown.to_lowercase(), shown.to_owned())
}
