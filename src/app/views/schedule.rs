//! The schedule board: one show day of meetings on a time grid, a column per person or per room.
//!
//! Drag a meeting to move it in quarter hours, drag its bottom edge to change its length, click
//! it to open it in the meetings editor. Clashes (a person or a room booked twice) are outlined
//! in red, and people over their daily limit get a red column header.

use super::board::BoardCx;
use crate::app::Gaps;
use crate::app::commands::Command;
use crate::app::widgets::{Arrows, ItemInfo, Strip, palette, severity_color, text_still_good};
use crate::check::{RuleId, Severity};
use crate::model::{Date, DateTime, MeetingStatus, Person, Plan, Section, Team};
use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{
    Color32, CornerRadius, CursorIcon, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind,
    TextStyle, Ui, pos2, vec2,
};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// Moves and lengths snap to this many minutes.
const STEP: i64 = 15;
/// Minutes in a day.
const DAY: i64 = 24 * 60;
/// The most show days the picker lists (a plan with a typo in `ends` must not make thousands).
const MAX_DAYS: i64 = 60;
/// The grid shows at least these hours.
const FIRST_HOUR: i64 = 8;
const LAST_HOUR: i64 = 19;
/// Smallest sizes, in points.
const MIN_HOUR_HEIGHT: f32 = 60.0;
const MIN_COLUMN_WIDTH: f32 = 150.0;
/// Height of the handle at a block's bottom edge that changes its length.
const HANDLE: f32 = 6.0;

/// The rules whose findings mark a clash.
const CLASH_RULES: [RuleId; 2] = [RuleId::PersonDoubleBooked, RuleId::RoomDoubleBooked];

/// State between frames.
#[derive(Default)]
pub struct ScheduleState {
    /// The day on screen (the first show day when none or gone).
    day: Option<Date>,
    /// Columns are rooms rather than people.
    by_room: bool,
    /// Declined and cancelled meetings are drawn too.
    show_inactive: bool,
    /// The drag under way, if any.
    drag: Option<Drag>,
    /// The meeting the keyboard is on, and its column (a meeting of two people is in two). Kept
    /// by meeting rather than by place, which a move may change.
    focus: Option<(usize, String)>,
    /// While a button is down: the meeting it went down on, if any. A click opens a block only
    /// when it was also pressed on it.
    pressed_on: Option<Option<usize>>,
    /// See [`text_still_good`]: the blocks' kept text is laid out anew when it changes.
    text_generation: Option<Arc<egui::Galley>>,
    /// The days and their meetings, for one revision of the plan and of the gaps.
    overview: Option<((u64, u64), Overview)>,
    /// The day on screen, laid out, for one revision and view choice.
    shown: Option<(ShownKey, Shown)>,
}

/// What a day's layout was made for: plan and gaps revisions, day, by room, inactive shown.
type ShownKey = (u64, u64, Date, bool, bool);

/// The show's days and which meetings fall on each: one pass over the plan, kept until it changes.
#[derive(Default)]
struct Overview {
    by_day: BTreeMap<Date, Vec<usize>>,
    clashing: HashSet<usize>,
    clashes_by_day: HashMap<Date, usize>,
    /// Declined and cancelled meetings per day.
    inactive_by_day: HashMap<Date, usize>,
    days: Vec<Date>,
    outside: HashSet<Date>,
}

/// One day's meetings placed in their columns, kept until the plan, the gaps or the choices
/// change: drawing a frame then costs what is on screen.
struct Shown {
    items: Vec<Item>,
    columns: Vec<Column>,
    over: Vec<String>,
    hidden: usize,
    /// What a frame needs of all the items, counted with them rather than every frame.
    tally: Tally,
}

/// The day's items summed up: how many are active, how many clash, and the minutes of the day
/// they span.
#[derive(Debug, Clone, Copy)]
struct Tally {
    active: usize,
    clashes: usize,
    earliest: Option<i64>,
    latest: Option<i64>,
}

impl Tally {
    fn of(items: &[Item]) -> Tally {
        Tally {
            active: items.iter().filter(|i| i.status.is_active()).count(),
            clashes: items.iter().filter(|i| i.clash).count(),
            earliest: items.iter().map(|i| i.from).min(),
            latest: items.iter().map(|i| i.to).max(),
        }
    }
}

/// A drag of a block, remembered from its first frame so the change is measured from the
/// meeting as it was, not accumulated frame by frame.
#[derive(Debug, Clone, Copy)]
struct Drag {
    index: usize,
    resize: bool,
    start: DateTime,
    minutes: i64,
    points_per_minute: f32,
}

/// One meeting of the day, copied out of the plan for drawing.
struct Item {
    index: usize,
    account: String,
    start: DateTime,
    minutes: i64,
    /// Minutes since midnight, clipped to the day, at least one step long for drawing.
    from: i64,
    to: i64,
    status: MeetingStatus,
    people: Vec<String>,
    room: String,
    goal: Option<String>,
    /// A double-booking finding is on it.
    clash: bool,
    /// The most severe finding on it.
    worst: Option<Severity>,
}

/// A block: an item placed in a column.
struct Block {
    item: usize,
    lane: usize,
    lanes: usize,
    /// It overlaps another active block of the column.
    overlap: bool,
    /// Its text, laid out when first drawn.
    text: Option<BlockText>,
}

/// What a column is of.
enum ColumnKind {
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

struct Column {
    key: String,
    kind: ColumnKind,
    title: String,
    sub: String,
    over: bool,
    blocks: Vec<Block>,
    /// The most blocks side by side, set when the blocks are placed.
    lanes: usize,
    /// The number of its first block when the day's blocks are counted column by column (the
    /// order the keyboard walks them in), set when the blocks are placed.
    first: usize,
    width: f32,
}

/// Sizes of the grid, in points.
struct Metrics {
    body: FontId,
    small: FontId,
    body_h: f32,
    small_h: f32,
    first_hour: i64,
    last_hour: i64,
    hour_h: f32,
    gutter: f32,
    header: f32,
}

impl Metrics {
    fn per_minute(&self) -> f32 {
        self.hour_h / 60.0
    }

    /// The y offset of a minute of the day below the header.
    fn y(&self, minute: i64) -> f32 {
        self.header + (minute - self.first_hour * 60) as f32 * self.per_minute()
    }
}

/// `HH:MM`.
fn hhmm(minute: i64) -> String {
    let m = minute.rem_euclid(DAY);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// `HH:MM–HH:MM`, the end with its date when it is another day.
fn time_range(start: DateTime, minutes: i64) -> String {
    let end = start.plus_minutes(minutes);
    let to = if end.date() == start.date() {
        hhmm(i64::from(end.minute_of_day()))
    } else {
        format!(
            "{} {}",
            day_label(end.date()),
            hhmm(i64::from(end.minute_of_day()))
        )
    };
    format!("{}–{to}", hhmm(i64::from(start.minute_of_day())))
}

/// `Tue 16 Mar`.
fn day_label(day: Date) -> String {
    day.0.format("%a %-d %b").to_string()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A move or length after a drag of `delta` minutes from `from`, snapped to quarter hours. Less
/// than half a step leaves it where it was.
fn snapped(from: i64, delta: f32) -> i64 {
    let step = STEP as f32;
    if (delta / step).round() == 0.0 {
        from
    } else {
        ((from as f32 + delta) / step).round() as i64 * STEP
    }
}

/// The room of a meeting as the room rule compares it: trimmed, any case.
fn room_key(location: Option<&str>) -> (String, String) {
    let shown = location.map(str::trim).unwrap_or_default();
    (shown.to_lowercase(), shown.to_owned())
}

/// The show days, then any other day with meetings (which `meeting-outside-event` flags).
fn days(plan: &Plan, by_day: &BTreeMap<Date, Vec<usize>>) -> (Vec<Date>, HashSet<Date>) {
    let (starts, ends) = (plan.event.starts, plan.event.ends);
    let count = starts.days_until(ends).clamp(0, MAX_DAYS - 1);
    let mut days: Vec<Date> = (0..=count).map(|d| starts.plus_days(d)).collect();
    let mut outside = HashSet::new();
    for day in by_day
        .keys()
        .filter(|d| **d < starts || **d > ends)
        .take(MAX_DAYS as usize)
    {
        {
            outside.insert(*day);
            days.push(*day);
        }
    }
    days.sort_unstable();
    days.dedup();
    (days, outside)
}

/// Draws the board.
pub fn schedule_ui(ui: &mut Ui, state: &mut ScheduleState, cx: &mut BoardCx<'_>) {
    let revisions = (cx.revision, cx.gaps.revision);
    let overview = match state.overview.take() {
        Some((key, overview)) if key == revisions => overview,
        _ => overview(cx),
    };
    // The show's first day, even when a meeting was booked before it (that one is flagged and
    // its day is in the picker).
    let starts = cx.plan.event.starts;
    let first = if overview.days.contains(&starts) {
        starts
    } else {
        overview.days.first().copied().unwrap_or(starts)
    };
    let day = match state.day {
        Some(d) if overview.days.contains(&d) => d,
        _ => first,
    };
    state.day = Some(day);

    controls_ui(ui, state, &overview);
    let day = state.day.unwrap_or(day);

    let key = (
        revisions.0,
        revisions.1,
        day,
        state.by_room,
        state.show_inactive,
    );
    let mut shown = match state.shown.take() {
        Some((k, shown)) if k == key => shown,
        Some((k, _)) if (k.2, k.3, k.4) != (key.2, key.3, key.4) => {
            // Another day or other columns: the keyboard starts again at the first in view.
            state.focus = None;
            shown(cx, &overview, day, state.by_room, state.show_inactive)
        }
        _ => shown(cx, &overview, day, state.by_room, state.show_inactive),
    };
    state.overview = Some((revisions, overview));
    legend_ui(ui, &shown.tally, shown.items.len(), &shown.over);
    ui.separator();

    if shown.items.is_empty() {
        empty_ui(ui, day, shown.hidden);
        state.shown = Some((key, shown));
        return;
    }
    let Shown {
        items,
        columns,
        tally,
        ..
    } = &mut shown;
    let items: &[Item] = items;
    let metrics = metrics(ui, tally);
    size_columns(ui, &metrics, columns);

    let mut change: Option<(usize, DateTime, i64)> = None;
    egui::ScrollArea::both()
        .id_salt("schedule-grid")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            change = grid_ui(ui, viewport, state, cx, items, columns, &metrics);
        });
    state.shown = Some((key, shown));

    if let Some((index, start, minutes)) = change
        && let Some(m) = cx.plan.meetings.get_mut(index)
        && (m.start != start || m.minutes != minutes)
    {
        m.start = start;
        m.minutes = minutes;
        cx.edits.changed = true;
    }
}

/// The one pass over all meetings: which day each is on, and the clashes per day.
fn overview(cx: &BoardCx<'_>) -> Overview {
    let mut by_day: BTreeMap<Date, Vec<usize>> = BTreeMap::new();
    let mut inactive_by_day: HashMap<Date, usize> = HashMap::new();
    for (i, m) in cx.plan.meetings.iter().enumerate() {
        by_day.entry(m.start.date()).or_default().push(i);
        if !m.status.is_active() {
            *inactive_by_day.entry(m.start.date()).or_default() += 1;
        }
    }
    let mut clashes_by_day: HashMap<Date, usize> = HashMap::new();
    let mut clashing: HashSet<usize> = HashSet::new();
    for f in &cx.gaps.findings {
        if f.section == Section::Meetings
            && CLASH_RULES.contains(&f.rule)
            && let Some(i) = f.index
            && clashing.insert(i)
            && let Some(m) = cx.plan.meetings.get(i)
        {
            *clashes_by_day.entry(m.start.date()).or_default() += 1;
        }
    }
    let (days, outside) = days(cx.plan, &by_day);
    Overview {
        by_day,
        clashing,
        clashes_by_day,
        inactive_by_day,
        days,
        outside,
    }
}

/// A day's meetings in their columns.
fn shown(
    cx: &BoardCx<'_>,
    overview: &Overview,
    day: Date,
    by_room: bool,
    show_inactive: bool,
) -> Shown {
    let on_day = overview.by_day.get(&day).map_or(&[][..], Vec::as_slice);
    let items = collect_items(cx, on_day, show_inactive, &overview.clashing);
    let hidden = on_day.len().saturating_sub(items.len());
    let mut columns = if by_room {
        room_columns(cx.plan, on_day, &items)
    } else {
        person_columns(cx.plan, on_day, &items)
    };
    let mut first = 0;
    for c in &mut columns {
        place_blocks(&items, c);
        c.first = first;
        first += c.blocks.len();
    }
    let load = day_load(cx.plan, on_day);
    let over: Vec<String> = cx
        .plan
        .people
        .iter()
        .filter(|p| {
            p.max_meetings_per_day
                .is_some_and(|max| load.get(p.id.as_str()).is_some_and(|&n| n > max as usize))
        })
        .map(|p| p.name.clone())
        .collect();
    Shown {
        tally: Tally::of(&items),
        items,
        columns,
        over,
        hidden,
    }
}

fn controls_ui(ui: &mut Ui, state: &mut ScheduleState, overview: &Overview) {
    let Overview {
        by_day,
        clashes_by_day: clashes,
        days,
        outside,
        ..
    } = overview;
    ui.horizontal_wrapped(|ui| {
        for d in days {
            let count = by_day.get(d).map_or(0, Vec::len);
            let clash = clashes.get(d).copied().unwrap_or(0);
            let mut text = RichText::new(day_label(*d));
            if clash > 0 || outside.contains(d) {
                text = text.color(palette::error());
            }
            let mut tip = plural(count, "meeting", "meetings");
            if clash > 0 {
                tip.push_str(&format!(", {}", plural(clash, "clash", "clashes")));
            }
            if outside.contains(d) {
                tip.push_str(": this day is not a day of the show");
            }
            let selected = state.day == Some(*d);
            if ui
                .selectable_label(selected, text)
                .on_hover_text(tip)
                .clicked()
            {
                state.day = Some(*d);
            }
        }
        ui.separator();
        ui.selectable_value(&mut state.by_room, false, "By person");
        ui.selectable_value(&mut state.by_room, true, "By room");
        ui.separator();
        ui.checkbox(&mut state.show_inactive, "Show declined and cancelled");
        let inactive = state
            .day
            .and_then(|d| overview.inactive_by_day.get(&d))
            .copied()
            .unwrap_or(0);
        if inactive > 0 && !state.show_inactive {
            ui.weak(format!("({inactive} hidden)"));
        }
    });
}

/// The day's meetings to draw, with what the board shows of them.
fn collect_items(
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
/// then person ids that are not in the plan, then meetings with nobody.
fn person_columns(plan: &Plan, on_day: &[usize], items: &[Item]) -> Vec<Column> {
    let index_of: HashMap<&str, usize> = plan
        .people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let load = day_load(plan, on_day);
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
    let mut columns: Vec<(Option<(Team, String)>, Column)> = Vec::new();
    for (id, list) in members {
        let n = load.get(id.as_str()).copied().unwrap_or(0);
        let blocks = list.into_iter().map(Block::new).collect();
        let column = match index_of
            .get(id.as_str())
            .and_then(|&i| Some((i, plan.people.get(i)?)))
        {
            Some((i, p)) => {
                let over = p.max_meetings_per_day.is_some_and(|max| n > max as usize);
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
            None => (
                None,
                Column::new(
                    format!("p:{id}"),
                    ColumnKind::UnknownPerson,
                    format!("{id}?"),
                    "not in People".to_owned(),
                    false,
                    blocks,
                ),
            ),
        };
        columns.push(column);
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

/// A column per room used that day (compared trimmed and in any case), by name, then "No room".
fn room_columns(plan: &Plan, on_day: &[usize], items: &[Item]) -> Vec<Column> {
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

impl Block {
    fn new(item: usize) -> Self {
        Block {
            item,
            lane: 0,
            lanes: 1,
            overlap: false,
            text: None,
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
            width: MIN_COLUMN_WIDTH,
        }
    }

    /// Whether two active meetings at once in this column is a clash (a person or a room).
    fn clashes(&self) -> bool {
        matches!(
            self.kind,
            ColumnKind::Person(_) | ColumnKind::UnknownPerson | ColumnKind::Room
        )
    }
}

/// Sorts a column's blocks by time, puts overlapping ones side by side in lanes, and marks
/// active ones that overlap.
fn place_blocks(items: &[Item], column: &mut Column) {
    let span = |b: &Block| items.get(b.item).map_or((0, 0), |i| (i.from, i.to));
    let active = |b: &Block| items.get(b.item).is_some_and(|i| i.status.is_active());
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
    if !column.clashes() {
        return;
    }
    // Real overlaps (not the one-step minimum drawn for very short meetings).
    let real = |b: &Block| {
        items.get(b.item).map_or((0, 0), |i| {
            (i.from, i.from.saturating_add(i.minutes.max(0)))
        })
    };
    for a in 0..count {
        let Some(x) = column.blocks.get(a) else {
            continue;
        };
        if !active(x) {
            continue;
        }
        let (_, x_end) = real(x);
        for b in a + 1..count {
            let Some(y) = column.blocks.get(b) else { break };
            let (y_from, _) = real(y);
            if y_from >= x_end {
                // Sorted by start: later blocks start later still. (Sorting used the drawn span,
                // whose start is the same.)
                break;
            }
            if active(y) && real(y).1 > real(y).0 {
                if let Some(y) = column.blocks.get_mut(b) {
                    y.overlap = true;
                }
                if let Some(x) = column.blocks.get_mut(a) {
                    x.overlap = true;
                }
            }
        }
    }
}

/// How a status looks: fill, outline, text, and whether it is struck out.
struct Look {
    fill: Color32,
    stroke: Stroke,
    text: Color32,
    struck: bool,
}

/// Black or white, whichever reads better on `fill`.
fn text_on(fill: Color32) -> Color32 {
    let luma =
        0.299 * f32::from(fill.r()) + 0.587 * f32::from(fill.g()) + 0.114 * f32::from(fill.b());
    if luma > 140.0 {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

/// Solid for confirmed and requested meetings, outlined for proposed ones, grey and struck out
/// for those that take no time; colours follow the theme's meaning colours.
fn look(status: MeetingStatus, visuals: &egui::Visuals) -> Look {
    let bg = visuals.panel_fill;
    let solid = |fill: Color32| Look {
        fill,
        stroke: Stroke::new(1.0, fill.lerp_to_gamma(text_on(fill), 0.35)),
        text: text_on(fill),
        struck: false,
    };
    match status {
        MeetingStatus::Confirmed => solid(palette::ok()),
        MeetingStatus::Requested => solid(palette::warning()),
        MeetingStatus::Proposed => Look {
            fill: bg.lerp_to_gamma(palette::info(), 0.2),
            stroke: Stroke::new(2.0, palette::info()),
            text: visuals.strong_text_color(),
            struck: false,
        },
        MeetingStatus::Declined | MeetingStatus::Cancelled => Look {
            fill: bg.lerp_to_gamma(visuals.weak_text_color(), 0.15),
            stroke: Stroke::new(1.0, visuals.weak_text_color()),
            text: visuals.weak_text_color(),
            struck: true,
        },
    }
}

fn legend_ui(ui: &mut Ui, tally: &Tally, shown: usize, over: &[String]) {
    let size = ui.text_style_height(&TextStyle::Body);
    ui.horizontal_wrapped(|ui| {
        // As the gap checks count them: one per meeting that runs into an earlier one.
        let Tally {
            clashes, active, ..
        } = *tally;
        let mut summary = plural(active, "meeting", "meetings");
        if active != shown {
            summary.push_str(&format!(" (+{} declined or cancelled)", shown - active));
        }
        ui.label(RichText::new(summary).strong());
        ui.label("·");
        let text = RichText::new(plural(clashes, "clash", "clashes")).strong();
        if clashes > 0 {
            ui.colored_label(palette::error(), text);
        } else {
            ui.colored_label(palette::ok(), text);
        }
        if !over.is_empty() {
            ui.label("·");
            ui.colored_label(
                palette::error(),
                RichText::new(format!("over capacity: {}", over.join(", "))).strong(),
            );
        }
        ui.separator();
        let statuses = [
            (MeetingStatus::Confirmed, "Confirmed"),
            (MeetingStatus::Requested, "Requested"),
            (MeetingStatus::Proposed, "Proposed"),
            (MeetingStatus::Declined, "Declined or cancelled"),
        ];
        for (status, name) in statuses {
            let (rect, _) = ui.allocate_exact_size(vec2(size * 1.6, size), Sense::hover());
            let l = look(status, ui.visuals());
            let p = ui.painter();
            p.rect(
                rect,
                CornerRadius::same(3),
                l.fill,
                l.stroke,
                StrokeKind::Inside,
            );
            if l.struck {
                hatch(p, rect, l.stroke.color);
            }
            ui.label(name);
            ui.add_space(6.0);
        }
        let (rect, _) = ui.allocate_exact_size(vec2(size * 1.6, size), Sense::hover());
        ui.painter().rect(
            rect,
            CornerRadius::same(3),
            ui.visuals().panel_fill,
            Stroke::new(3.0, palette::error()),
            StrokeKind::Inside,
        );
        ui.colored_label(palette::error(), "⚠ clash")
            .on_hover_text("A person or a room booked twice at once");
    });
}

/// Active meetings per person id on the day, drawn or not, as the capacity rule counts them.
fn day_load<'p>(plan: &'p Plan, on_day: &[usize]) -> HashMap<&'p str, usize> {
    let mut load: HashMap<&str, usize> = HashMap::new();
    for m in on_day.iter().filter_map(|&i| plan.meetings.get(i)) {
        if m.status.is_active() {
            let mut seen = HashSet::new();
            for p in m.people.iter().filter(|p| seen.insert(p.as_str())) {
                *load.entry(p.as_str()).or_default() += 1;
            }
        }
    }
    load
}

fn empty_ui(ui: &mut Ui, day: Date, hidden: usize) {
    ui.add_space(24.0);
    ui.vertical_centered(|ui| {
        ui.heading(format!("No meetings on {}", day_label(day)));
        if hidden > 0 {
            ui.label(format!(
                "{} declined or cancelled: tick \"Show declined and cancelled\" to see {}.",
                plural(hidden, "meeting is", "meetings are"),
                if hidden == 1 { "it" } else { "them" }
            ));
        } else {
            ui.weak("Add meetings in the Meetings section, or pick another day.");
        }
    });
}

fn metrics(ui: &Ui, tally: &Tally) -> Metrics {
    let body = TextStyle::Body.resolve(ui.style());
    // Details a little smaller than body text, never smaller than the small style.
    let small_size = (body.size * 0.88).max(TextStyle::Small.resolve(ui.style()).size);
    let small = FontId::new(small_size, body.family.clone());
    let body_h = ui.text_style_height(&TextStyle::Body);
    let small_h = ui
        .painter()
        .layout_no_wrap("Ag".to_owned(), small.clone(), Color32::WHITE)
        .size()
        .y;
    let earliest = tally.earliest.unwrap_or(FIRST_HOUR * 60);
    let latest = tally.latest.unwrap_or(LAST_HOUR * 60);
    let first_hour = (earliest.div_euclid(60)).clamp(0, FIRST_HOUR);
    let last_hour = ((latest + 59).div_euclid(60)).clamp(LAST_HOUR, 24);
    let hours = (last_hour - first_hour).max(1) as f32;
    let header = body_h + small_h + 14.0;
    let gutter = ui
        .painter()
        .layout_no_wrap("00:00".to_owned(), body.clone(), Color32::WHITE)
        .size()
        .x
        + 16.0;
    // Big enough for three lines of text in an hour, and filling the screen when there is room.
    let min_hour = MIN_HOUR_HEIGHT.max(body_h * 3.6);
    let fill = (ui.available_height() - header - body_h - 24.0) / hours;
    let hour_h = min_hour.max(fill.min(min_hour * 2.0));
    Metrics {
        body,
        small,
        body_h,
        small_h,
        first_hour,
        last_hour,
        hour_h,
        gutter,
        header,
    }
}

/// Columns as wide as their text needs (more when meetings sit side by side), and wider to
/// fill the screen when there are few.
fn size_columns(ui: &Ui, m: &Metrics, columns: &mut [Column]) {
    let base = MIN_COLUMN_WIDTH.max(m.body_h * 9.5);
    let lane = base * 0.75;
    for c in columns.iter_mut() {
        c.width = base.max(lane * c.lanes as f32);
    }
    let total: f32 = columns.iter().map(|c| c.width).sum();
    let room = ui.available_width() - m.gutter - 16.0;
    if total > 0.0 && total < room {
        let scale = (room / total).min(2.0);
        for c in columns.iter_mut() {
            c.width *= scale;
        }
    }
}

/// Draws the grid and its blocks; returns a new start and length for a meeting being dragged.
fn grid_ui(
    ui: &mut Ui,
    viewport: Rect,
    state: &mut ScheduleState,
    cx: &mut BoardCx<'_>,
    items: &[Item],
    columns: &mut [Column],
    m: &Metrics,
) -> Option<(usize, DateTime, i64)> {
    let width = m.gutter + columns.iter().map(|c| c.width).sum::<f32>() + 8.0;
    let height = m.y(m.last_hour * 60) + m.body_h;
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let origin = rect.min;
    let view = viewport.translate(origin.to_vec2());
    let visuals = ui.visuals().clone();
    let painter = ui.painter().clone();
    let line = visuals.widgets.noninteractive.bg_stroke.color;

    // Column backgrounds and separators, for the columns in view (a big show has hundreds).
    let mut x = origin.x + m.gutter;
    let grid_top = origin.y + m.header;
    let grid_bottom = origin.y + m.y(m.last_hour * 60);
    let mut lefts = Vec::with_capacity(columns.len());
    for (k, c) in columns.iter().enumerate() {
        lefts.push(x);
        let r = Rect::from_min_max(pos2(x, grid_top), pos2(x + c.width, grid_bottom));
        x += c.width;
        if !r.intersects(view) {
            continue;
        }
        if k % 2 == 1 {
            painter.rect_filled(r, 0.0, visuals.faint_bg_color);
        }
        if c.over {
            painter.rect_filled(r, 0.0, palette::error().gamma_multiply(0.06));
        }
        painter.line_segment([r.left_top(), r.left_bottom()], Stroke::new(1.0, line));
    }
    let right = x;
    painter.line_segment(
        [pos2(right, grid_top), pos2(right, grid_bottom)],
        Stroke::new(1.0, line),
    );
    // Hour and half-hour lines.
    for h in m.first_hour..=m.last_hour {
        let y = origin.y + m.y(h * 60);
        painter.line_segment(
            [pos2(origin.x + m.gutter - 6.0, y), pos2(right, y)],
            Stroke::new(1.0, line),
        );
        if h < m.last_hour {
            let y = origin.y + m.y(h * 60 + 30);
            painter.line_segment(
                [pos2(origin.x + m.gutter, y), pos2(right, y)],
                Stroke::new(1.0, line.gamma_multiply(0.4)),
            );
        }
    }

    // Blocks: painted behind one sensor, so a frame costs one widget however many are in view.
    let area = Rect::from_min_max(
        pos2(view.left() + m.gutter, view.top() + m.header),
        view.max,
    )
    .intersect(Rect::from_min_max(
        pos2(origin.x + m.gutter, grid_top),
        pos2(right, grid_bottom),
    ));
    let placed = place_in_view(items, columns, &lefts, origin, view, m);
    let change = blocks_ui(
        ui, &painter, area, state, cx, items, columns, origin, &lefts, &placed, m,
    );

    // The header and the hour labels stay in view while scrolling, over the blocks.
    let head = Rect::from_min_max(
        pos2(view.left(), view.top()),
        pos2(right.max(view.right()), view.top() + m.header),
    );
    painter.rect_filled(head, 0.0, visuals.panel_fill);
    painter.line_segment(
        [head.left_bottom(), head.right_bottom()],
        Stroke::new(1.0, line),
    );
    for (c, left) in columns.iter().zip(&lefts) {
        let r = Rect::from_min_max(pos2(*left, head.top()), pos2(left + c.width, head.bottom()));
        if r.intersects(view) {
            header_ui(ui, &painter, cx, c, r, m);
        }
    }
    let gutter = Rect::from_min_max(
        pos2(view.left(), view.top()),
        pos2(view.left() + m.gutter, view.bottom().max(grid_bottom)),
    );
    painter.rect_filled(gutter, 0.0, visuals.panel_fill);
    for h in m.first_hour..=m.last_hour {
        let y = origin.y + m.y(h * 60);
        if y < head.bottom() - 1.0 {
            continue;
        }
        let g = painter.layout_no_wrap(hhmm(h * 60), m.body.clone(), visuals.text_color());
        let top = (y - g.size().y / 2.0).max(head.bottom() + 1.0);
        painter.galley(
            pos2(gutter.right() - 10.0 - g.size().x, top),
            g,
            visuals.text_color(),
        );
    }
    // Header and gutter catch clicks so blocks scrolled under them are not clicked by mistake.
    ui.interact(
        gutter,
        ui.scope_id().with("schedule-gutter"),
        Sense::click(),
    );
    change
}

fn header_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    cx: &mut BoardCx<'_>,
    c: &Column,
    r: Rect,
    m: &Metrics,
) {
    let visuals = ui.visuals();
    if c.over {
        painter.rect_filled(
            r.shrink(1.0),
            CornerRadius::same(3),
            palette::error().gamma_multiply(0.18),
        );
        painter.rect_stroke(
            r.shrink(1.0),
            CornerRadius::same(3),
            Stroke::new(2.0, palette::error()),
            StrokeKind::Inside,
        );
    }
    let placeholder = matches!(
        c.kind,
        ColumnKind::Nobody | ColumnKind::NoRoom | ColumnKind::UnknownPerson
    );
    let title_color = if c.over {
        palette::error()
    } else if placeholder {
        visuals.weak_text_color()
    } else {
        visuals.strong_text_color()
    };
    let width = r.width() - 12.0;
    let title = one_line(painter, &c.title, m.body.clone(), title_color, width, false);
    painter.galley(pos2(r.left() + 6.0, r.top() + 5.0), title, title_color);
    let sub_color = if c.over {
        palette::error()
    } else {
        visuals.weak_text_color()
    };
    let sub = one_line(painter, &c.sub, m.small.clone(), sub_color, width, false);
    painter.galley(
        pos2(r.left() + 6.0, r.top() + 7.0 + m.body_h),
        sub,
        sub_color,
    );

    let resp = ui.interact(
        r,
        ui.scope_id().with(("schedule-header", &c.key)),
        Sense::click(),
    );
    resp.widget_info(|| egui::WidgetInfo {
        // What the header says under the name ("2 / 1 meetings"), for screen readers.
        current_text_value: Some(c.sub.clone()),
        ..egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, &c.title)
    });
    if let ColumnKind::Person(i) = c.kind {
        let person = cx.plan.people.get(i);
        let resp = resp.on_hover_ui(|ui| {
            if let Some(p) = person {
                ui.strong(&p.name);
                let mut line = p.team.to_string();
                if let Some(role) = &p.role {
                    line.push_str(&format!(" · {role}"));
                }
                ui.label(line);
            }
            if c.over {
                ui.colored_label(palette::error(), format!("⚠ Over capacity: {}", c.sub));
            } else {
                ui.label(&c.sub);
            }
            ui.weak("Click to open this person");
        });
        if resp.clicked() {
            cx.commands
                .push(Command::Reveal(Section::People, Some(i), None));
        }
    }
}

/// `text` on one line, cut with "…" to `width`.
fn one_line(
    painter: &egui::Painter,
    text: &str,
    font: FontId,
    color: Color32,
    width: f32,
    struck: bool,
) -> Arc<egui::Galley> {
    let mut job = LayoutJob::default();
    job.append(
        text,
        0.0,
        TextFormat {
            font_id: font,
            color,
            strikethrough: if struck {
                Stroke::new(1.5, color)
            } else {
                Stroke::NONE
            },
            ..Default::default()
        },
    );
    job.wrap = TextWrapping::truncate_at_width(width.max(1.0));
    painter.layout_job(job)
}

/// Diagonal lines across `rect`, for meetings that take no time.
fn hatch(painter: &egui::Painter, rect: Rect, color: Color32) {
    let p = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let stroke = Stroke::new(1.0, color.gamma_multiply(0.5));
    let gap = 8.0;
    let mut x = rect.left() - rect.height();
    while x < rect.right() {
        p.line_segment(
            [pos2(x, rect.bottom()), pos2(x + rect.height(), rect.top())],
            stroke,
        );
        x += gap;
    }
}

/// A block in view and where it is drawn.
struct Placed {
    /// Its column, and its place among the column's blocks.
    column: usize,
    block: usize,
    rect: Rect,
}

/// Where block `b` of column `c`, whose left edge is at `left`, is drawn.
fn block_rect(item: &Item, c: &Column, b: &Block, left: f32, origin: Pos2, m: &Metrics) -> Rect {
    let lane_w = (c.width - 6.0) / b.lanes.max(1) as f32;
    let x0 = left + 3.0 + lane_w * b.lane as f32;
    Rect::from_min_max(
        pos2(x0, origin.y + m.y(item.from)),
        pos2(x0 + lane_w, origin.y + m.y(item.to)),
    )
}

/// The strip at a block's bottom edge that changes its length when dragged.
fn handle_rect(r: Rect) -> Rect {
    let h = HANDLE.min(r.height() / 3.0);
    Rect::from_min_max(pos2(r.left(), r.bottom() - h), r.max)
}

/// The blocks in view, column by column and by time within a column: the order they are drawn
/// and read out in.
fn place_in_view(
    items: &[Item],
    columns: &[Column],
    lefts: &[f32],
    origin: Pos2,
    view: Rect,
    m: &Metrics,
) -> Vec<Placed> {
    let mut placed = Vec::new();
    for (k, (c, &left)) in columns.iter().zip(lefts).enumerate() {
        if left >= view.right() || left + c.width <= view.left() {
            continue;
        }
        for (j, b) in c.blocks.iter().enumerate() {
            let Some(item) = items.get(b.item) else {
                continue;
            };
            let rect = block_rect(item, c, b, left, origin, m);
            if rect.intersects(view) {
                placed.push(Placed {
                    column: k,
                    block: j,
                    rect,
                });
            }
        }
    }
    placed
}

/// The block in view under `pos` (its place in `placed`), and whether `pos` is on its bottom
/// edge. Nothing under the header and the hours, which are drawn over the blocks.
fn hit(placed: &[Placed], area: Rect, pos: Pos2) -> Option<(usize, bool)> {
    if !area.contains(pos) {
        return None;
    }
    let k = placed.iter().rposition(|p| p.rect.contains(pos))?;
    let on_edge = placed
        .get(k)
        .is_some_and(|p| handle_rect(p.rect).contains(pos));
    Some((k, on_edge))
}

/// The number of a block in view.
fn number_of(columns: &[Column], p: &Placed) -> usize {
    columns.get(p.column).map_or(0, |c| c.first + p.block)
}

/// The column and place in it of block number `n`.
fn locate(columns: &[Column], n: usize) -> Option<(usize, usize)> {
    let k = columns.partition_point(|c| c.first <= n).checked_sub(1)?;
    let j = n - columns.get(k)?.first;
    (j < columns.get(k)?.blocks.len()).then_some((k, j))
}

/// From block number `n`, the block of the nearest column `step` columns over (skipping empty
/// ones) that starts nearest in time.
fn across(items: &[Item], columns: &[Column], n: usize, step: isize) -> Option<usize> {
    let (k, j) = locate(columns, n)?;
    let from = columns
        .get(k)?
        .blocks
        .get(j)
        .and_then(|b| items.get(b.item))?
        .from;
    let mut k = k;
    loop {
        k = k.checked_add_signed(step)?;
        let c = columns.get(k)?;
        let nearest = c
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(j, b)| Some((j, items.get(b.item)?.from)))
            .min_by_key(|&(_, start)| (start - from).abs());
        if let Some((j, _)) = nearest {
            return Some(c.first + j);
        }
    }
}

/// The number of the block of `meeting` in the column keyed `key`.
fn find_block(items: &[Item], columns: &[Column], meeting: usize, key: &str) -> Option<usize> {
    let c = columns.iter().find(|c| c.key == key)?;
    let j = c
        .blocks
        .iter()
        .position(|b| items.get(b.item).is_some_and(|i| i.index == meeting))?;
    Some(c.first + j)
}

/// Quarter hours to move the meeting the keyboard is on (Alt+Down later, Alt+Up earlier) and to
/// change its length (the same with Shift), pressed this frame. The keys are taken, so that
/// they do not also move the keyboard to another meeting.
fn nudges(input: &mut egui::InputState) -> (i64, i64) {
    use egui::{Key, Modifiers};
    let mut count = |modifiers: Modifiers, key: Key| {
        i64::try_from(input.count_and_consume_key(modifiers, key)).unwrap_or(0)
    };
    let longer = Modifiers::ALT | Modifiers::SHIFT;
    let length = count(longer, Key::ArrowDown) - count(longer, Key::ArrowUp);
    let time = count(Modifiers::ALT, Key::ArrowDown) - count(Modifiers::ALT, Key::ArrowUp);
    (time, length)
}

/// The meeting blocks in view, behind one sensor: the pointer finds a block by position, clicks
/// open it, drags move it or (from its bottom edge) change its length. The keyboard reaches the
/// board as one Tab stop: Up and Down walk a column's meetings and go on into the next column,
/// Left and Right go to the neighbouring column, Enter opens the meeting, Alt+Up and Alt+Down
/// move it by a quarter hour (with Shift, its end). While a screen reader listens each block is
/// a node of its own. Returns a new start and length for a meeting being dragged or moved.
#[allow(clippy::too_many_arguments)]
fn blocks_ui(
    ui: &mut Ui,
    painter: &egui::Painter,
    area: Rect,
    state: &mut ScheduleState,
    cx: &mut BoardCx<'_>,
    items: &[Item],
    columns: &mut [Column],
    origin: Pos2,
    lefts: &[f32],
    placed: &[Placed],
    m: &Metrics,
) -> Option<(usize, DateTime, i64)> {
    let id = ui.scope_id().with("schedule-blocks");
    // Always senses drags, so that a press moves a block even without a frame of hover first:
    // a drag from an empty spot scrolls the board instead.
    let response = ui.interact(area, id, Sense::click_and_drag());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, "Meetings of the day"));
    let count = columns.last().map_or(0, |c| c.first + c.blocks.len());
    let first_visible = placed.first().map_or(0, |p| number_of(columns, p));
    // The block where the pointer went down, and whether on its bottom edge.
    let press_origin = ui.input(|i| i.pointer.press_origin());
    let press = press_origin.and_then(|from| hit(placed, area, from));
    let meeting_at = |k: usize| {
        let p = placed.get(k)?;
        let b = columns.get(p.column)?.blocks.get(p.block)?;
        Some(items.get(b.item)?.index)
    };
    // Kept while the button is down; let go of on release (a press and a release in one frame,
    // as from a touch screen, leave nothing to compare with).
    let pressed_on = if press_origin.is_some() {
        let on = press.and_then(|(k, _)| meeting_at(k));
        state.pressed_on = Some(on);
        Some(on)
    } else {
        state.pressed_on.take()
    };
    // The keyboard's block, found by its meeting: a move may have changed its place.
    let mut number = state
        .focus
        .as_ref()
        .and_then(|(meeting, key)| find_block(items, columns, *meeting, key));
    let pointer_press =
        response.drag_started() || (response.clicked() && ui.input(|i| i.pointer.any_click()));
    let tabbed_in = response.gained_focus() && !pointer_press;
    if pointer_press {
        // The keyboard goes where the pointer worked, and the board stays where it is.
        number = press
            .and_then(|(k, _)| placed.get(k))
            .map(|p| number_of(columns, p))
            .or(number)
            .or(Some(first_visible));
        response.request_focus();
    }
    let nudge = if response.has_focus() {
        ui.input_mut(nudges)
    } else {
        (0, 0)
    };
    let mut strip = Strip::new(
        ui,
        response,
        &mut number,
        count,
        first_visible,
        Arrows::Grid,
    );
    // Tabbing back in brings the keyboard's block into view.
    strip.moved |= tabbed_in;
    if strip.across != 0
        && let Some(n) = strip.focus
        && let Some(next) = across(items, columns, n, strip.across)
    {
        number = Some(next);
        strip.focus = Some(next);
        strip.moved = true;
    }
    let focused = number.and_then(|n| locate(columns, n)).and_then(|(k, j)| {
        let c = columns.get(k)?;
        let b = c.blocks.get(j)?;
        let item = items.get(b.item)?;
        Some((
            item,
            block_rect(item, c, b, *lefts.get(k)?, origin, m),
            &c.key,
        ))
    });
    // (Kept without copying the column's key each frame while it stays the same.)
    if state.focus.as_ref().map(|(m, k)| (*m, k.as_str()))
        != focused.map(|(item, _, key)| (item.index, key.as_str()))
    {
        state.focus = focused.map(|(item, _, key)| (item.index, key.clone()));
    }
    let mut change = None;
    if nudge != (0, 0)
        && state.drag.is_none()
        && let Some((item, _, _)) = focused
    {
        // As a drag of whole quarter hours would: the time first, else the length.
        let (resize, steps) = if nudge.0 == 0 {
            (true, nudge.1)
        } else {
            (false, nudge.0)
        };
        let d = Drag {
            index: item.index,
            resize,
            start: item.start,
            minutes: item.minutes,
            points_per_minute: 1.0,
        };
        change = Some(dragged(d, (steps * STEP) as f32));
    }
    if strip.moved
        && let Some((_, r, _)) = focused
    {
        // Into view below the header and right of the hours, which are drawn over the blocks.
        ui.scroll_to_rect(
            Rect::from_min_max(r.min - vec2(m.gutter, m.header), r.max),
            None,
        );
    }
    let mut opened = focused.filter(|_| strip.key_click).map(|(i, _, _)| i.index);

    // A drag: which meeting, and its time or its length, is decided where it began.
    let sensor = &strip.response;
    if sensor.drag_started()
        && let Some((k, on_edge)) = press
        && let Some(item) = placed.get(k).and_then(|p| {
            let b = columns.get(p.column)?.blocks.get(p.block)?;
            items.get(b.item)
        })
    {
        state.drag = Some(Drag {
            index: item.index,
            resize: on_edge,
            start: item.start,
            minutes: item.minutes,
            points_per_minute: m.per_minute(),
        });
    }
    // Esc ends the drag (egui lets go of it) and puts the meeting back where it was; the board
    // keeps the keyboard, which egui lets go of on Esc too.
    if ui.input(|i| i.key_pressed(egui::Key::Escape))
        && let Some(d) = state.drag.take()
    {
        change = Some((d.index, d.start, d.minutes));
        sensor.request_focus();
    }
    if !sensor.dragged() {
        state.drag = None;
    }
    if let Some(d) = state.drag
        && let Some(delta) = sensor.total_drag_delta()
        && d.points_per_minute > 0.0
    {
        change = Some(dragged(d, delta.y / d.points_per_minute));
    }
    let drag = state.drag;
    let panning = sensor.dragged() && drag.is_none();
    if panning {
        ui.scroll_with_delta(sensor.drag_delta());
    }

    let hovered = sensor.hover_pos().and_then(|p| hit(placed, area, p));
    match (drag, hovered) {
        _ if panning => ui.ctx().set_cursor_icon(CursorIcon::Grabbing),
        (Some(d), _) if d.resize => ui.ctx().set_cursor_icon(CursorIcon::ResizeVertical),
        (Some(_), _) => ui.ctx().set_cursor_icon(CursorIcon::Grabbing),
        (None, Some((_, true))) => ui.ctx().set_cursor_icon(CursorIcon::ResizeVertical),
        (None, Some((_, false))) => ui.ctx().set_cursor_icon(CursorIcon::Grab),
        (None, None) => {}
    }

    let fonts = fonts_key(ui, m);
    if !text_still_good(ui, &mut state.text_generation) {
        for b in columns.iter_mut().flat_map(|c| c.blocks.iter_mut()) {
            b.text = None;
        }
    }
    let gaps = cx.gaps;
    for (k, p) in placed.iter().enumerate() {
        let Some(c) = columns.get_mut(p.column) else {
            continue;
        };
        let number = c.first + p.block;
        let Column {
            blocks,
            kind,
            title,
            ..
        } = c;
        let Some(b) = blocks.get_mut(p.block) else {
            continue;
        };
        let Some(item) = items.get(b.item) else {
            continue;
        };
        let is_hovered = hovered.is_some_and(|(h, _)| h == k);
        let lifted = drag.map_or(is_hovered && !panning, |d| d.index == item.index);
        let clash = item.clash || b.overlap;
        let text = &mut b.text;
        paint_block(
            ui, painter, item, kind, title, text, clash, lifted, p.rect, m, fonts,
        );

        let node = id.with(("meeting", item.index, p.column));
        let label = || format!("{} {}", item.account, hhmm(item.from));
        // A click opens the block only when it was also pressed on that block.
        let clicked_here = is_hovered && pressed_on.is_none_or(|on| on == Some(item.index));
        if strip.item(ui, painter, number, node, p.rect, clicked_here, || {
            ItemInfo {
                role: egui::Role::Button,
                label: label(),
                description: details(item, gaps)
                    .into_iter()
                    .map(|(_, line)| line)
                    .collect::<Vec<_>>()
                    .join(". "),
                clickable: true,
            }
        }) {
            opened = Some(item.index);
        }
        // The bottom edge, on its own for screen readers: dragging it changes the length.
        strip.part(ui, node.with("end"), handle_rect(p.rect), || ItemInfo {
            role: egui::Role::Button,
            label: format!("End of {}", label()),
            description: "Drag to change the length of the meeting".to_owned(),
            clickable: false,
        });
    }

    // The tooltip of the block under the pointer, beside it.
    if drag.is_none()
        && !panning
        && let Some((k, _)) = hovered
        && let Some(p) = placed.get(k)
        && let Some(item) = columns
            .get(p.column)
            .and_then(|c| c.blocks.get(p.block))
            .and_then(|b| items.get(b.item))
    {
        let mut tooltip = egui::Tooltip::for_enabled(&strip.response);
        tooltip.popup = tooltip.popup.anchor(p.rect);
        tooltip.show(|ui| tooltip_ui(ui, item, gaps));
    }
    if let Some(index) = opened {
        cx.commands
            .push(Command::Reveal(Section::Meetings, Some(index), None));
    }
    change
}

/// The meeting after a drag of `minutes` from where it was when the drag started.
fn dragged(d: Drag, minutes: f32) -> (usize, DateTime, i64) {
    let from = i64::from(d.start.minute_of_day());
    let midnight = d.start.date().at(0, 0);
    if d.resize {
        let length = snapped(d.minutes, minutes);
        if length == d.minutes {
            return (d.index, d.start, d.minutes);
        }
        (d.index, d.start, length.min(DAY - from).max(STEP))
    } else {
        let at = snapped(from, minutes);
        if at == from {
            return (d.index, d.start, d.minutes);
        }
        let latest = (DAY - d.minutes.max(STEP)).max(0);
        let at = at.clamp(0, latest);
        (d.index, midnight.plus_minutes(at), d.minutes)
    }
}

/// A block's text laid out, kept while the block's size, the text colour and the fonts stay
/// the same: a frame then lays out only blocks that changed.
struct BlockText {
    key: TextKey,
    /// The clash mark.
    badge: Option<Arc<egui::Galley>>,
    /// The lines and where they go from the block's top left corner.
    lines: Vec<(egui::Vec2, Arc<egui::Galley>)>,
    /// The lines fit in the block. Only text that does not is clipped to it: a clip of its own
    /// would make the block a mesh of its own to draw.
    fits: bool,
}

/// What a block's laid-out text depends on: the block's size, the colours (of its text and of
/// the clash mark on the theme's red) and the fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextKey {
    width: u32,
    height: u32,
    text: Color32,
    badge: Color32,
    fonts: u64,
}

/// What every block's laid-out text depends on besides its size and colours: the fonts and the
/// pixel density.
fn fonts_key(ui: &Ui, m: &Metrics) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    m.body.hash(&mut h);
    m.small.hash(&mut h);
    ui.ctx().pixels_per_point().to_bits().hash(&mut h);
    h.finish()
}

/// Draws a block: its status look, the clash outline or finding dot, and its text.
#[allow(clippy::too_many_arguments)]
fn paint_block(
    ui: &Ui,
    painter: &egui::Painter,
    item: &Item,
    kind: &ColumnKind,
    title: &str,
    text: &mut Option<BlockText>,
    clash: bool,
    lifted: bool,
    r: Rect,
    m: &Metrics,
    fonts: u64,
) {
    let visuals = ui.visuals();
    let l = look(item.status, visuals);
    let shape = r.shrink2(vec2(1.0, 1.0));
    let radius = CornerRadius::same(4);
    if lifted {
        painter.rect_filled(
            shape.translate(vec2(0.0, 2.0)),
            radius,
            Color32::from_black_alpha(50),
        );
    }
    painter.rect(shape, radius, l.fill, l.stroke, StrokeKind::Inside);
    if l.struck {
        hatch(painter, shape, l.stroke.color);
    }
    if clash {
        // Red, with a thin line of the background inside it so it reads on any fill.
        painter.rect_stroke(
            shape,
            radius,
            Stroke::new(3.0, palette::error()),
            StrokeKind::Inside,
        );
        // (Not in a short block, where it would run through the text.)
        if shape.height() >= 2.0 * m.body_h {
            painter.rect_stroke(
                shape.shrink(3.0),
                CornerRadius::same(2),
                Stroke::new(1.0, visuals.panel_fill),
                StrokeKind::Inside,
            );
        }
    }
    let key = TextKey {
        width: shape.width().to_bits(),
        height: shape.height().to_bits(),
        text: l.text,
        badge: text_on(palette::error()),
        fonts,
    };
    let laid_out = match text.take() {
        Some(t) if t.key == key => t,
        _ => block_text(painter, item, kind, title, clash, shape, m, &l, key),
    };
    let clipped;
    let p = if laid_out.fits {
        painter
    } else {
        clipped = painter.with_clip_rect(shape.intersect(painter.clip_rect()));
        &clipped
    };
    // The clash mark, or a dot for other findings, in the top right corner.
    if let Some(g) = &laid_out.badge {
        let on_red = text_on(palette::error());
        let badge = Rect::from_min_size(
            pos2(
                shape.right() - g.size().x - 10.0,
                (shape.top() + 4.0).min(shape.center().y - g.size().y / 2.0),
            ),
            g.size() + vec2(6.0, 0.0),
        );
        p.rect_filled(badge, CornerRadius::same(3), palette::error());
        p.galley(badge.min + vec2(3.0, 0.0), g.clone(), on_red);
    } else if let Some(s) = item.worst {
        let c = Pos2::new(shape.right() - 8.0, shape.top() + 8.0);
        p.circle(
            c,
            4.0,
            severity_color(s),
            Stroke::new(1.0, visuals.panel_fill),
        );
    }
    for (offset, g) in &laid_out.lines {
        p.galley(shape.min + *offset, g.clone(), l.text);
    }
    *text = Some(laid_out);
}

/// Lays out a block's text for a block shaped `shape`: account, time and status, then what the
/// column does not already say (the room by person, the people by room) as room allows.
#[allow(clippy::too_many_arguments)]
fn block_text(
    painter: &egui::Painter,
    item: &Item,
    kind: &ColumnKind,
    title: &str,
    clash: bool,
    shape: Rect,
    m: &Metrics,
    l: &Look,
    key: TextKey,
) -> BlockText {
    let pad = 5.0;
    let mut width = shape.width() - 2.0 * pad;
    let mut badge = None;
    let room_for_two = shape.height() >= m.body_h + m.small_h + 6.0;
    if clash {
        // Smaller in a short block, so that it stays inside it.
        let font = if room_for_two { &m.body } else { &m.small };
        let g = painter.layout_no_wrap("⚠".to_owned(), font.clone(), key.badge);
        width -= g.size().x + 8.0;
        badge = Some(g);
    } else if item.worst.is_some() {
        width -= 12.0;
    }
    let mut lines = Vec::new();
    if !room_for_two {
        // A short meeting: time and account on one line.
        let text = format!("{} {}", hhmm(item.from), item.account);
        let g = one_line(painter, &text, m.small.clone(), l.text, width, l.struck);
        let y = (shape.height() - g.size().y) / 2.0;
        lines.push((vec2(pad, y), g));
        return BlockText::new(key, badge, lines, shape.size());
    }
    let top = 2.0;
    let g = one_line(
        painter,
        &item.account,
        m.body.clone(),
        l.text,
        width,
        l.struck,
    );
    lines.push((vec2(pad, top), g));
    let mut y = top + m.body_h + 1.0;
    let full = shape.width() - 2.0 * pad;
    let time = time_range(item.start, item.minutes);
    let time = if item.status.is_active() {
        time
    } else {
        format!("{time} · {}", item.status)
    };
    let g = one_line(painter, &time, m.small.clone(), l.text, full, false);
    lines.push((vec2(pad, y), g));
    y += m.small_h + 1.0;
    if y + m.small_h > shape.height() - 2.0 {
        return BlockText::new(key, badge, lines, shape.size());
    }
    let extra = match kind {
        ColumnKind::Room | ColumnKind::NoRoom => item.people.join(", "),
        _ => {
            let mut parts = Vec::new();
            if !item.room.is_empty() {
                parts.push(item.room.clone());
            }
            if item.people.len() > 1 {
                let others: Vec<&str> = item
                    .people
                    .iter()
                    .map(String::as_str)
                    .filter(|n| *n != title)
                    .collect();
                parts.push(format!("with {}", others.join(", ")));
            }
            parts.join(" · ")
        }
    };
    if !extra.is_empty() {
        let g = painter.layout(extra.clone(), m.small.clone(), l.text, full);
        let rows = ((shape.height() - 2.0 - y) / m.small_h).floor().max(1.0) as usize;
        let g = if g.rows.len() <= rows {
            g
        } else {
            one_line(painter, &extra, m.small.clone(), l.text, full, false)
        };
        lines.push((vec2(pad, y), g));
    }
    BlockText::new(key, badge, lines, shape.size())
}

impl BlockText {
    fn new(
        key: TextKey,
        badge: Option<Arc<egui::Galley>>,
        lines: Vec<(egui::Vec2, Arc<egui::Galley>)>,
        size: egui::Vec2,
    ) -> Self {
        let fits = lines.iter().all(|(offset, g)| {
            let end = *offset + g.size();
            offset.x >= 0.0 && offset.y >= 0.0 && end.x <= size.x && end.y <= size.y
        });
        BlockText {
            key,
            badge,
            lines,
            fits,
        }
    }
}

/// How a line of a meeting's details reads.
#[derive(Debug, Clone, Copy)]
enum Tone {
    Plain,
    Weak,
    Warning,
    Finding(Severity),
}

/// A meeting's details under its account name: when, who, where, status, goal and its gaps.
/// The tooltip shows them, screen readers read them out.
fn details(item: &Item, gaps: &Gaps) -> Vec<(Tone, String)> {
    let mut lines = vec![(
        Tone::Plain,
        format!(
            "{} {} ({} min)",
            day_label(item.start.date()),
            time_range(item.start, item.minutes),
            item.minutes
        ),
    )];
    lines.push(if item.people.is_empty() {
        (Tone::Warning, "Nobody from our side".to_owned())
    } else {
        (Tone::Plain, format!("People: {}", item.people.join(", ")))
    });
    lines.push(if item.room.is_empty() {
        (Tone::Weak, "No room".to_owned())
    } else {
        (Tone::Plain, format!("Room: {}", item.room))
    });
    lines.push((Tone::Plain, format!("Status: {}", item.status)));
    if let Some(goal) = &item.goal {
        lines.push((Tone::Plain, format!("Goal: {goal}")));
    }
    for f in gaps.on_item(Section::Meetings, item.index) {
        lines.push((Tone::Finding(f.severity), format!("⚠ {}", f.message)));
    }
    lines
}

fn tooltip_ui(ui: &mut Ui, item: &Item, gaps: &Gaps) {
    ui.set_max_width(ui.text_style_height(&TextStyle::Body) * 26.0);
    ui.strong(&item.account);
    for (tone, line) in details(item, gaps) {
        match tone {
            Tone::Plain => ui.label(line),
            Tone::Weak => ui.weak(line),
            Tone::Warning => ui.colored_label(palette::warning(), line),
            Tone::Finding(s) => ui.colored_label(severity_color(s), line),
        };
    }
    ui.weak("Click to open · drag to move · drag the bottom edge to change the length");
}
