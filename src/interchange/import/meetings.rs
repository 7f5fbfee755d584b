//! Merging the meetings of a CRM export into a plan: each row's account must be in the plan; the
//! row is matched to a meeting by id, else by account and start; its values written where they
//! differ, attendees added (never removed); new meetings added; nothing deleted.

use crate::interchange::import::error::ImportError;
use crate::interchange::import::fields::{Field, Kind};
use crate::interchange::import::lookup::Lookup;
use crate::interchange::import::mapping::{DateOrder, Mapping, Row, assign_columns, header_list};
use crate::interchange::import::people::{People, attendees};
use crate::interchange::import::read::read_table;
use crate::interchange::import::report::{Hint, ImportReport, Skipped, Tally, set, set_text};
use crate::interchange::import::text::several;
use crate::interchange::import::values::{parse_minutes, parse_status};
use crate::interchange::import::when::{
    Shift, When, WhenError, note_converted, parse_when, row_start,
};
use crate::model::{Account, DateTime, Meeting, MeetingStatus, Plan};
use std::collections::HashMap;

/// Merges the meetings of a CRM export into `plan`: each row's account must be in the plan (by
/// id or name); existing meetings (matched by id, else by account and start) get the values the
/// CSV gives where they differ, attendees are added (never removed); new meetings are added with
/// an id made from their account; nothing is deleted.
///
/// Starts are read from a start column (`2027-03-09 10:00`, `2027-03-09T10:00`,
/// `09.03.2027 10:00`, `09/03/2027 10:00`, `3/9/2027 2:30 PM`), or from a date column and a time
/// column. Slashed dates follow [`Mapping::date_order`]; without it they are read the only way
/// they can be, or the way that falls within the event's days, else reported as ambiguous.
pub fn meetings(
    plan: &Plan,
    csv_text: &str,
    mapping: &Mapping,
) -> Result<ImportReport, ImportError> {
    let table = read_table(csv_text)?;
    let cols = assign_columns(&table.headers, Kind::Meetings, mapping)?;
    if !cols.has(Field::Start) && !cols.has(Field::Date) {
        return Err(ImportError::MissingColumn {
            what: "meeting's start",
            field: Field::Start.key(),
            headers: header_list(&table.headers),
        });
    }
    let report = ImportReport::start(plan.clone(), Kind::Meetings, &cols, &table);
    let mut merge = Merge::new(plan, mapping.date_order, report);
    for (line, cells) in &table.rows {
        if cells.iter().all(String::is_empty) {
            continue;
        }
        merge.report.rows += 1;
        merge.row(cols.row(*line, cells));
    }
    Ok(merge.report.finish())
}

/// A meetings import under way.
struct Merge<'p> {
    /// The plan as it was before the import (its accounts and people are what rows name).
    plan: &'p Plan,
    /// How to read slashed dates.
    date_order: Option<DateOrder>,
    /// The report, whose plan takes the rows.
    report: ImportReport,
    tally: Tally,
    /// The plan's accounts.
    accounts: Lookup,
    /// The plan's people, whom attendees name.
    people: People<'p>,
    /// The ids of the report's meetings, kept current as rows add them.
    ids: Lookup,
    /// The meetings of each account at each start, kept current as rows move and add them.
    slots: HashMap<(String, DateTime), Vec<usize>>,
}

/// The values a row gives a meeting besides its id and account.
struct Values {
    start: Option<DateTime>,
    minutes: Option<i64>,
    status: Option<MeetingStatus>,
    people: Vec<String>,
    location: Option<String>,
    goal: Option<String>,
}

impl<'p> Merge<'p> {
    fn new(plan: &'p Plan, date_order: Option<DateOrder>, report: ImportReport) -> Merge<'p> {
        let accounts = Lookup::new(&plan.accounts, |a| &a.id, |a| &a.name);
        let ids = Lookup::new(&report.plan.meetings, |m| &m.id, |m| &m.id);
        let mut slots: HashMap<(String, DateTime), Vec<usize>> = HashMap::new();
        for (i, m) in report.plan.meetings.iter().enumerate() {
            slots
                .entry((m.account.clone(), m.start))
                .or_default()
                .push(i);
        }
        Merge {
            plan,
            date_order,
            report,
            tally: Tally::default(),
            accounts,
            people: People::of(plan),
            ids,
            slots,
        }
    }

    /// Merges one row: into the meeting it matches, or as a new meeting.
    fn row(&mut self, row: Row<'_>) {
        let Ok(account) = self.account(row) else {
            return;
        };
        let by_id = row.cell(Field::Id).and_then(|id| self.ids.id(id.trim()));
        let Ok(start) = self.start(row, by_id.is_some()) else {
            return;
        };
        let Ok(index) = self.find(row.line, by_id, start, account) else {
            return;
        };
        let values = self.values(row, start, index);
        match index {
            Some(i) => self.update(row.line, i, account, values),
            None => self.add(row, account, values),
        }
    }

    /// The account a row names, by id or name; `Err` when the row is skipped (the report says
    /// why).
    fn account(&mut self, row: Row<'_>) -> Result<&'p Account, Skipped> {
        let (plan, line) = (self.plan, row.line);
        let Some(account_cell) = row.cell(Field::Account) else {
            self.report
                .skipped
                .push((line, "no account: skipped".to_owned()));
            return Err(Skipped);
        };
        if let Some(a) = self
            .accounts
            .id(account_cell)
            .and_then(|i| plan.accounts.get(i))
        {
            return Ok(a);
        }
        let found = self.accounts.name(account_cell).to_vec();
        match found[..] {
            [i] => plan.accounts.get(i).ok_or(Skipped),
            [] => {
                let near: Vec<&str> = self
                    .accounts
                    .near(account_cell)
                    .into_iter()
                    .filter_map(|i| plan.accounts.get(i))
                    .map(|a| a.name.as_str())
                    .collect();
                if !near.is_empty() {
                    self.report.ambiguous.push((
                        line,
                        format!(
                            "account '{account_cell}' is not in the plan, but close to '{}': \
                             skipped",
                            near.join("', '")
                        ),
                    ));
                    return Err(Skipped);
                }
                self.report.skipped.push((
                    line,
                    format!("account '{account_cell}' is not in the plan: skipped"),
                ));
                self.report.hints.insert(Hint::ImportAccountsFirst);
                Err(Skipped)
            }
            _ => {
                let ids = found.iter().filter_map(|&i| plan.accounts.get(i));
                let which = several("accounts", ids.map(|a| a.id.as_str()));
                self.report.ambiguous.push((
                    line,
                    format!("account '{account_cell}' matches {which}: skipped"),
                ));
                Err(Skipped)
            }
        }
    }

    /// The start a row gives (`None`: none); when it cannot be read, a row that matched a meeting
    /// by id leaves its start alone, any other is skipped (`Err`; the report says why).
    fn start(&mut self, row: Row<'_>, by_id: bool) -> Result<Option<DateTime>, Skipped> {
        let start = row_start(
            row.cell(Field::Start),
            row.cell(Field::Date),
            row.cell(Field::Time),
            self.date_order,
            &self.plan.event,
        );
        let e = match start {
            Ok(s) => {
                if let Some(shift) = s.and_then(|s| s.shift) {
                    self.converted(shift);
                }
                return Ok(s.map(|s| s.at));
            }
            Err(e) => e,
        };
        let (list, msg) = match e {
            WhenError::Ambiguous(m) => {
                self.report.hints.insert(Hint::ChooseDateOrder);
                (&mut self.report.ambiguous, m)
            }
            WhenError::Invalid(m) => (&mut self.report.skipped, m),
        };
        if by_id {
            list.push((row.line, format!("{msg}: start not changed")));
            Ok(None)
        } else {
            list.push((row.line, format!("{msg}: skipped")));
            Err(Skipped)
        }
    }

    /// Notes in the report, once per import, that times given in UTC or with an offset were
    /// converted to event time.
    fn converted(&mut self, shift: Shift) {
        note_converted(&mut self.report, &self.plan.event, shift);
    }

    /// The meeting a row is about: the one matched by id, else the account's meeting at the
    /// start; `Ok(None)` when it is a new one, `Err` when the row is skipped (the report says
    /// why).
    fn find(
        &mut self,
        line: usize,
        by_id: Option<usize>,
        start: Option<DateTime>,
        account: &Account,
    ) -> Result<Option<usize>, Skipped> {
        match (by_id, start) {
            (Some(i), _) => Ok(Some(i)),
            (None, None) => {
                self.report
                    .skipped
                    .push((line, "no start (date and time): skipped".to_owned()));
                Err(Skipped)
            }
            (None, Some(s)) => {
                let same: Vec<usize> = self
                    .slots
                    .get(&(account.id.clone(), s))
                    .cloned()
                    .unwrap_or_default();
                match same[..] {
                    [] => Ok(None),
                    [i] => Ok(Some(i)),
                    _ => {
                        let ids = same
                            .iter()
                            .filter_map(|&i| self.report.plan.meetings.get(i));
                        let which = several("meetings", ids.map(|m| m.id.as_str()));
                        self.report.ambiguous.push((
                            line,
                            format!("{} at {s} matches {which}: skipped", account.name),
                        ));
                        Err(Skipped)
                    }
                }
            }
        }
    }

    /// Reads a row's length, status, attendees, location and goal, reporting what cannot be
    /// read or matched (and what then stays as it is, for the existing meeting `index`).
    fn values(&mut self, row: Row<'_>, start: Option<DateTime>, index: Option<usize>) -> Values {
        let start_for_end = start.or_else(|| {
            index
                .and_then(|i| self.report.plan.meetings.get(i))
                .map(|m| m.start)
        });
        let existing = index.is_some();
        let minutes = self.minutes(row, start_for_end, existing);
        let status = self.status(row, existing);
        let people = row
            .cell(Field::Attendees)
            .map(|c| attendees(&self.people, &mut self.report, row.line, c))
            .unwrap_or_default();
        Values {
            start,
            minutes,
            status,
            people,
            location: row.cell(Field::Location).map(str::to_owned),
            goal: row.cell(Field::Goal).map(str::to_owned),
        }
    }

    /// A row's length in minutes, from its length cell, else from its end and the start.
    fn minutes(&mut self, row: Row<'_>, start: Option<DateTime>, existing: bool) -> Option<i64> {
        let keep = if existing {
            "length not changed"
        } else {
            "skipped"
        };
        let mut minutes = None;
        if let Some(m) = row.cell(Field::Minutes) {
            minutes = parse_minutes(m);
            if minutes.is_none() {
                self.report.skipped.push((
                    row.line,
                    format!(
                        "length '{m}' is not a number of minutes (30, 45 min, 1h, 1:30): {keep}"
                    ),
                ));
            }
        } else if let (Some(e), Some(s)) = (row.cell(Field::End), start) {
            let end = match parse_when(e, self.date_order, &self.plan.event) {
                Ok(When::Both(dt) | When::Converted(dt, _)) => Some(dt),
                Ok(When::Clock(c)) => Some(DateTime(s.0.date().and_time(c))),
                _ => None,
            };
            minutes = end.map(|end| s.minutes_until(end)).filter(|&n| n > 0);
            if minutes.is_none() {
                self.report.skipped.push((
                    row.line,
                    format!("end '{e}' is not a time after the start: {keep}"),
                ));
            }
        }
        minutes
    }

    /// A row's status, reporting one that is not a status.
    fn status(&mut self, row: Row<'_>, existing: bool) -> Option<MeetingStatus> {
        let s = row.cell(Field::Status)?;
        let parsed = parse_status(s);
        if parsed.is_none() {
            let outcome = if existing {
                "status not changed"
            } else {
                "added as Proposed"
            };
            self.report.skipped.push((
                row.line,
                format!(
                    "status '{s}' is not Proposed, Requested, Confirmed, Declined or Cancelled: {outcome}"
                ),
            ));
        }
        parsed
    }

    /// Writes a row's values into meeting `i` where they differ (adding its attendees), noting
    /// each field that changed.
    fn update(&mut self, line: usize, i: usize, account: &Account, values: Values) {
        let mut changed = Vec::new();
        let Some(m) = self.report.plan.meetings.get_mut(i) else {
            return;
        };
        if let Some(at) = self.slots.get_mut(&(m.account.clone(), m.start)) {
            at.retain(|&j| j != i);
        }
        set(&mut m.account, account.id.clone(), "account", &mut changed);
        if let Some(s) = values.start {
            set(&mut m.start, s, "start", &mut changed);
        }
        if let Some(n) = values.minutes {
            set(&mut m.minutes, n, "minutes", &mut changed);
        }
        if let Some(l) = values.location {
            set_text(&mut m.location, &l, "location", &mut changed);
        }
        let mut all = m.people.clone();
        for p in values.people {
            if !all.contains(&p) {
                all.push(p);
            }
        }
        set(&mut m.people, all, "people", &mut changed);
        if let Some(s) = values.status {
            set(&mut m.status, s, "status", &mut changed);
        }
        if let Some(g) = values.goal {
            set_text(&mut m.goal, &g, "goal", &mut changed);
        }
        let id = m.id.clone();
        let at = self.slots.entry((m.account.clone(), m.start)).or_default();
        let pos = at.partition_point(|&j| j < i);
        at.insert(pos, i);
        self.report
            .seen(&mut self.tally.first, &id, &account.name, line);
        for field in changed {
            self.report.touch(&mut self.tally, &id, field);
        }
    }

    /// Adds a new meeting with `account` from a row's values, or reports why it cannot (it needs
    /// a start and a length).
    fn add(&mut self, row: Row<'_>, account: &Account, values: Values) {
        let (Some(start), Some(minutes)) = (values.start, values.minutes) else {
            if row.cell(Field::Minutes).is_none() && row.cell(Field::End).is_none() {
                self.report.skipped.push((
                    row.line,
                    "no length (minutes, duration or end): skipped".to_owned(),
                ));
            }
            return;
        };
        let id = self.ids.fresh_id(&format!("{} meeting", account.id));
        let at = self.report.plan.meetings.len();
        self.ids.add(at, &id, &id);
        self.slots
            .entry((account.id.clone(), start))
            .or_default()
            .push(at);
        self.report.plan.meetings.push(Meeting {
            id: id.clone(),
            account: account.id.clone(),
            start,
            minutes,
            location: values.location,
            people: values.people,
            status: values.status.unwrap_or_default(),
            goal: values.goal,
            messages: Vec::new(),
        });
        self.report
            .seen(&mut self.tally.first, &id, &account.name, row.line);
        self.report.add(&mut self.tally, id);
    }
}
