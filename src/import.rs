//! Import from CRM exports: accounts and meetings read from CSV and merged into a plan.
//!
//! [`accounts`] and [`meetings`] are pure: they take a plan and the text of a CSV file and give
//! back the merged plan together with a report of what was added, what was updated (field by
//! field), and which rows or values were skipped or ambiguous, each with its CSV line number. The
//! command line prints the report (and writes the plan unless `--dry-run`); the workbench can show
//! the same report as a preview and apply [`ImportReport::plan`] as one undoable step.
//!
//! Columns are recognised by their headers, case- and accent-insensitively, with the names that
//! Salesforce, HubSpot and hand-made sheets use ("Account Name", "Company name", "Account Owner",
//! "Rating", "Industry", ...). A [`Mapping`] overrides the recognition column by column.
//!
//! Merging never deletes: accounts are matched by id, else by name (case- and
//! accent-insensitively); meetings by id, else by account and start. Only cells that hold a value
//! change anything; an empty cell leaves the plan's value alone.

use crate::model::{Account, Date, DateTime, Event, Meeting, MeetingStatus, Plan, sort_key};
use chrono::{NaiveDate, NaiveTime};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// A field of the plan that a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The item's id in the plan (used to match; new items get an id made from the name).
    Id,
    /// An account's name.
    Name,
    /// The sales owner: a person's name, id or email.
    Owner,
    /// The sales owner's email.
    OwnerEmail,
    /// The marketing owner: a person's name, id or email.
    MarketingOwner,
    /// The marketing owner's email.
    MarketingOwnerEmail,
    /// An account's tier: Hot/Warm/Cold, A/B/C or 1/2/3.
    Tier,
    /// An account's segment (an industry).
    Segment,
    /// An account's notes.
    Notes,
    /// A meeting's account: its name or id.
    Account,
    /// A meeting's start: a date and time (or a time, with a date column).
    Start,
    /// A meeting's day (with a time column, or a start column that holds only a time).
    Date,
    /// A meeting's start time (with a date column).
    Time,
    /// A meeting's length: `30`, `30 min`, `1h`, `1:30`.
    Minutes,
    /// A meeting's end: a time, or a date and time (used when there is no length).
    End,
    /// A meeting's room or place.
    Location,
    /// Who attends: emails, ids or names, separated by `;` (or by `,` when there is no `;`).
    Attendees,
    /// A meeting's status.
    Status,
    /// A meeting's goal or subject.
    Goal,
    /// A column to leave out.
    Ignore,
}

/// What a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Accounts (companies).
    Accounts,
    /// Meetings (events, activities).
    Meetings,
}

impl Kind {
    /// The plan section's name: `accounts` or `meetings`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Accounts => "accounts",
            Kind::Meetings => "meetings",
        }
    }

    /// The fields a column can fill for this kind, in the order columns are recognised.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Accounts => &[
                Field::Id,
                Field::Name,
                Field::OwnerEmail,
                Field::Owner,
                Field::MarketingOwnerEmail,
                Field::MarketingOwner,
                Field::Tier,
                Field::Segment,
                Field::Notes,
                Field::Ignore,
            ],
            Kind::Meetings => &[
                Field::Id,
                Field::Account,
                Field::Start,
                Field::Date,
                Field::Time,
                Field::Minutes,
                Field::End,
                Field::Location,
                Field::Attendees,
                Field::Status,
                Field::Goal,
                Field::Ignore,
            ],
        }
    }

    fn item(self) -> &'static str {
        match self {
            Kind::Accounts => "account",
            Kind::Meetings => "meeting",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Field {
    /// Every field.
    pub const ALL: [Field; 20] = [
        Field::Id,
        Field::Name,
        Field::Owner,
        Field::OwnerEmail,
        Field::MarketingOwner,
        Field::MarketingOwnerEmail,
        Field::Tier,
        Field::Segment,
        Field::Notes,
        Field::Account,
        Field::Start,
        Field::Date,
        Field::Time,
        Field::Minutes,
        Field::End,
        Field::Location,
        Field::Attendees,
        Field::Status,
        Field::Goal,
        Field::Ignore,
    ];

    /// The name used in `--map COLUMN=FIELD`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Owner => "owner",
            Field::OwnerEmail => "owner_email",
            Field::MarketingOwner => "marketing_owner",
            Field::MarketingOwnerEmail => "marketing_owner_email",
            Field::Tier => "tier",
            Field::Segment => "segment",
            Field::Notes => "notes",
            Field::Account => "account",
            Field::Start => "start",
            Field::Date => "date",
            Field::Time => "time",
            Field::Minutes => "minutes",
            Field::End => "end",
            Field::Location => "location",
            Field::Attendees => "attendees",
            Field::Status => "status",
            Field::Goal => "goal",
            Field::Ignore => "ignore",
        }
    }

    /// The field named `key` (`owner_email`, `owner-email` and `owner email` alike).
    pub fn from_key(key: &str) -> Option<Field> {
        let key = key.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Field::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Headers recognised for this field, normalised (see [`normalise_header`]), best first.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "preshow id", "plan id"],
            Field::Name => &[
                "account name",
                "company name",
                "name",
                "account",
                "company",
                "organization name",
                "organisation name",
                "organization",
                "organisation",
            ],
            Field::OwnerEmail => &[
                "account owner email",
                "company owner email",
                "sales owner email",
                "owner email",
                "account owner e mail",
                "owner e mail",
            ],
            Field::Owner => &[
                "account owner",
                "company owner",
                "sales owner",
                "owner",
                "owner name",
                "account owner name",
                "account manager",
            ],
            Field::MarketingOwnerEmail => &["marketing owner email"],
            Field::MarketingOwner => &["marketing owner", "marketing owner name"],
            Field::Tier => &[
                "tier",
                "account tier",
                "rating",
                "account rating",
                "priority",
                "ideal customer profile tier",
                "icp tier",
                "lifecycle stage",
            ],
            Field::Segment => &["segment", "market segment", "industry", "vertical"],
            Field::Notes => &["notes", "note", "description"],
            Field::Account => &[
                "account",
                "account name",
                "company",
                "company name",
                "associated company",
                "related to",
                "organization",
                "organisation",
            ],
            Field::Start => &[
                "start",
                "starts",
                "start datetime",
                "start date time",
                "meeting start time",
                "start time",
                "datetime",
                "date time",
                "when",
            ],
            Field::Date => &["date", "start date", "meeting date", "activity date", "day"],
            Field::Time => &["time", "meeting time"],
            Field::Minutes => &[
                "minutes",
                "duration minutes",
                "duration mins",
                "duration min",
                "duration",
                "meeting duration",
                "length",
                "length minutes",
            ],
            Field::End => &[
                "end",
                "ends",
                "end datetime",
                "end date time",
                "meeting end time",
                "end time",
            ],
            Field::Location => &["location", "meeting location", "room", "where", "place"],
            Field::Attendees => &[
                "attendee emails",
                "attendees",
                "internal attendees",
                "people",
                "participants",
                "attendee",
                "assigned to",
                "activity assigned to",
                "assigned",
                "meeting owner",
                "owner",
            ],
            Field::Status => &["status", "meeting status", "outcome", "meeting outcome"],
            Field::Goal => &[
                "goal",
                "subject",
                "meeting name",
                "meeting title",
                "title",
                "purpose",
                "objective",
                "topic",
            ],
            Field::Ignore => &[],
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// How to read dates written with slashes, such as `09/03/2027`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// Day first: `09/03/2027` is 9 March.
    DayFirst,
    /// Month first: `03/09/2027` is 9 March.
    MonthFirst,
}

/// Explicit choices that override what the importer recognises by itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Column header (matched case- and accent-insensitively) to field.
    pub columns: Vec<(String, Field)>,
    /// How to read slashed dates; `None`: decide by the event's days, else report the row.
    pub date_order: Option<DateOrder>,
}

impl Mapping {
    /// A mapping from `COLUMN=FIELD` specifications (the last `=` separates them).
    pub fn parse<S: AsRef<str>>(specs: &[S]) -> Result<Mapping, String> {
        let mut columns = Vec::new();
        for spec in specs {
            let spec = spec.as_ref();
            let Some((column, field)) = spec.rsplit_once('=') else {
                return Err(format!(
                    "--map `{spec}`: write it as \"Column header=field\", for example \"Account Owner=owner\""
                ));
            };
            let column = column.trim();
            if column.is_empty() {
                return Err(format!("--map `{spec}`: the column header is empty"));
            }
            let field = Field::from_key(field).ok_or_else(|| {
                format!(
                    "--map `{spec}`: `{}` is not a field; fields are {}",
                    field.trim(),
                    Field::ALL.map(Field::key).join(", ")
                )
            })?;
            columns.push((column.to_owned(), field));
        }
        Ok(Mapping {
            columns,
            date_order: None,
        })
    }
}

/// Why a CSV file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Nothing to read.
    #[error("the CSV file is empty: it needs a header row and at least one row")]
    Empty,
    /// The header row could not be read.
    #[error("the CSV header row cannot be read: {0}")]
    NotCsv(String),
    /// A column the import needs is not there.
    #[error(
        "no column for the {what}: the headers are {headers}; name the column with --map \"Header={field}\""
    )]
    MissingColumn {
        /// What is missing, in words.
        what: &'static str,
        /// The field to map.
        field: &'static str,
        /// The headers found.
        headers: String,
    },
    /// `--map` names a column the file does not have.
    #[error(
        "--map names the column `{column}`, which the CSV file does not have (headers: {headers})"
    )]
    NoSuchColumn {
        /// The column named.
        column: String,
        /// The headers found.
        headers: String,
    },
    /// `--map` maps a column to a field of the other kind of import.
    #[error("--map `{column}={field}`: {kind} have no field `{field}`; they take {allowed}")]
    WrongField {
        /// The column.
        column: String,
        /// The field asked for.
        field: &'static str,
        /// The import's kind.
        kind: Kind,
        /// The fields allowed.
        allowed: String,
    },
}

/// What an import did, or would do: the merged plan and every change, skip and doubt.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    /// The plan with the import applied.
    pub plan: Plan,
    /// Accounts or meetings.
    pub kind: Kind,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Each CSV column in order, with the field it fills (`None`: not used).
    pub columns: Vec<(String, Option<Field>)>,
    /// Ids of the items added, in CSV order.
    pub added: Vec<String>,
    /// Ids of existing items changed, with the plan fields that changed, in CSV order.
    pub updated: Vec<(String, Vec<&'static str>)>,
    /// Rows skipped, and values left out, with their CSV line numbers.
    pub skipped: Vec<(usize, String)>,
    /// Values that matched more than one thing, or rows met twice, with their CSV line numbers.
    pub ambiguous: Vec<(usize, String)>,
    /// Remarks about the file as a whole (such as a default used for a missing column).
    pub notes: Vec<String>,
}

impl ImportReport {
    /// Whether the plan changed.
    pub fn changed(&self) -> bool {
        !self.added.is_empty() || !self.updated.is_empty()
    }

    /// One line: rows read, added, updated, skipped, ambiguous.
    pub fn summary(&self) -> String {
        format!(
            "{} row{} read: {} {} added, {} updated, {} skipped, {} ambiguous",
            self.rows,
            plural(self.rows),
            self.added.len(),
            if self.added.len() == 1 {
                self.kind.item()
            } else {
                self.kind.key()
            },
            self.updated.len(),
            self.skipped.len(),
            self.ambiguous.len()
        )
    }

    /// The whole report as lines for a terminal or a preview.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let used: Vec<String> = self
            .columns
            .iter()
            .filter_map(|(h, f)| f.map(|f| format!("{h} -> {f}")))
            .collect();
        let unused: Vec<&str> = self
            .columns
            .iter()
            .filter(|(_, f)| f.is_none())
            .map(|(h, _)| h.as_str())
            .collect();
        out.push_str(&format!("columns: {}\n", used.join(", ")));
        if !unused.is_empty() {
            out.push_str(&format!("not used: {}\n", unused.join(", ")));
        }
        for note in &self.notes {
            out.push_str(&format!("note: {note}\n"));
        }
        if !self.added.is_empty() {
            out.push_str(&format!(
                "added {} {}: {}\n",
                self.added.len(),
                if self.added.len() == 1 {
                    self.kind.item()
                } else {
                    self.kind.key()
                },
                self.added.join(", ")
            ));
        }
        if !self.updated.is_empty() {
            out.push_str(&format!(
                "updated {} {}:\n",
                self.updated.len(),
                if self.updated.len() == 1 {
                    self.kind.item()
                } else {
                    self.kind.key()
                }
            ));
            for (id, fields) in &self.updated {
                out.push_str(&format!("  {id}: {}\n", fields.join(", ")));
            }
        }
        if !self.skipped.is_empty() {
            out.push_str("skipped:\n");
            for (line, reason) in &self.skipped {
                out.push_str(&format!("  line {line}: {reason}\n"));
            }
        }
        if !self.ambiguous.is_empty() {
            out.push_str("ambiguous:\n");
            for (line, reason) in &self.ambiguous {
                out.push_str(&format!("  line {line}: {reason}\n"));
            }
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// Notes that `field` of the existing item `id` changed.
    fn touch(&mut self, tally: &mut Tally, id: &str, field: &'static str) {
        if tally.added.contains(id) {
            return;
        }
        match tally
            .updated_at
            .get(id)
            .and_then(|&i| self.updated.get_mut(i))
        {
            Some((_, fields)) => {
                if !fields.contains(&field) {
                    fields.push(field);
                }
            }
            None => {
                tally.updated_at.insert(id.to_owned(), self.updated.len());
                self.updated.push((id.to_owned(), vec![field]));
            }
        }
    }

    /// Notes that the item `id` was added.
    fn add(&mut self, tally: &mut Tally, id: String) {
        tally.added.insert(id.clone());
        self.added.push(id);
    }
}

/// What an import has met so far, to answer "seen before?" in constant time per row.
#[derive(Default)]
struct Tally {
    /// The first line that met each id.
    first: HashMap<String, usize>,
    /// Ids added.
    added: HashSet<String>,
    /// Where each updated id is in the report's `updated`.
    updated_at: HashMap<String, usize>,
}

/// The ids and names of a list (accounts, meetings), looked up in constant time, kept current as
/// rows add and rename items. A list of 10,000 accounts imports 10,000 rows in linear time.
struct Lookup {
    ids: HashMap<String, usize>,
    names: HashMap<String, Vec<usize>>,
}

impl Lookup {
    fn new<'a, T: 'a>(
        items: &'a [T],
        id: impl Fn(&'a T) -> &'a str,
        name: impl Fn(&'a T) -> &'a str,
    ) -> Lookup {
        let mut lookup = Lookup {
            ids: HashMap::with_capacity(items.len()),
            names: HashMap::with_capacity(items.len()),
        };
        for (i, x) in items.iter().enumerate() {
            lookup.add(i, id(x), name(x));
        }
        lookup
    }

    /// The first item with this id.
    fn id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The items whose name is `name`, case and accents ignored, in list order.
    fn name(&self, name: &str) -> &[usize] {
        self.names.get(&fold(name)).map_or(&[], Vec::as_slice)
    }

    fn add(&mut self, i: usize, id: &str, name: &str) {
        self.ids.entry(id.to_owned()).or_insert(i);
        let at = self.names.entry(fold(name)).or_default();
        let pos = at.partition_point(|&j| j < i);
        at.insert(pos, i);
    }

    fn rename(&mut self, i: usize, old: &str, new: &str) {
        if let Some(at) = self.names.get_mut(&fold(old)) {
            at.retain(|&j| j != i);
        }
        let at = self.names.entry(fold(new)).or_default();
        let pos = at.partition_point(|&j| j < i);
        at.insert(pos, i);
    }

    /// An id made from `name` that no item has (as [`crate::model::unique_id`] makes it).
    fn fresh_id(&self, name: &str) -> String {
        let base = crate::model::slug(name);
        if !self.ids.contains_key(&base) {
            return base;
        }
        (2u64..)
            .map(|n| format!("{base}-{n}"))
            .find(|c| !self.ids.contains_key(c))
            .unwrap_or(base)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The text of a CSV file's bytes: UTF-8 (with or without a byte-order mark), or an error that
/// says how to export it so.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (byte {} is not): export it as \"CSV UTF-8\"",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

/// A header as the importer compares it: lowercase, accents folded, every run of other
/// characters one space (`Duration (minutes)` gives `duration minutes`).
pub fn normalise_header(header: &str) -> String {
    let folded = sort_key(header.trim_start_matches('\u{feff}'));
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

/// Text as names are compared: case and accents ignored, runs of white space one space.
fn fold(text: &str) -> String {
    sort_key(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The rows of a CSV file: its headers, and each data row with its line number.
struct Table {
    headers: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
    unreadable: Vec<(usize, String)>,
}

/// The delimiter the header line uses most: `,`, `;` (European spreadsheets) or a tab.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .copied()
        .fold(
            (b',', 0),
            |best, (d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// Reads a CSV file as text, refusing what is too large or not UTF-8; errors name the file.
pub fn read_file(path: &std::path::Path) -> Result<String, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{}: cannot read: {e}", path.display()))?
        .len();
    if size > crate::format::MAX_FILE_BYTES {
        return Err(format!(
            "{}: {size} bytes is too large for a CSV export",
            path.display()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    decode(bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The column headers of a CSV file, as the importer reads them (so that a caller can offer an
/// explicit [`Mapping`] even when the file's columns are not recognised).
pub fn headers(csv_text: &str) -> Result<Vec<String>, ImportError> {
    let text = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    Ok(reader
        .headers()
        .map_err(|e| ImportError::NotCsv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect())
}

fn read_table(text: &str) -> Result<Table, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::NotCsv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                rows.push((line, r.iter().map(|c| c.trim().to_owned()).collect()));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                unreadable.push((line, format!("not readable as CSV ({e}): skipped")));
            }
        }
    }
    Ok(Table {
        headers,
        rows,
        unreadable,
    })
}

/// Which column fills which field.
struct Columns {
    by_field: HashMap<Field, usize>,
    listed: Vec<(String, Option<Field>)>,
}

impl Columns {
    fn cell<'a>(&self, row: &'a [String], field: Field) -> Option<&'a str> {
        let i = *self.by_field.get(&field)?;
        row.get(i).map(String::as_str).filter(|c| !c.is_empty())
    }

    fn has(&self, field: Field) -> bool {
        self.by_field.contains_key(&field)
    }
}

fn assign_columns(
    headers: &[String],
    kind: Kind,
    mapping: &Mapping,
) -> Result<Columns, ImportError> {
    let normal: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let header_list = || {
        headers
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut taken: Vec<Option<Field>> = vec![None; headers.len()];
    let mut claimed = vec![false; headers.len()];
    let mut by_field = HashMap::new();
    for (column, field) in &mapping.columns {
        if !kind.fields().contains(field) {
            return Err(ImportError::WrongField {
                column: column.clone(),
                field: field.key(),
                kind,
                allowed: kind
                    .fields()
                    .iter()
                    .map(|f| f.key())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        let wanted = normalise_header(column);
        let Some(i) = normal.iter().position(|n| *n == wanted) else {
            return Err(ImportError::NoSuchColumn {
                column: column.clone(),
                headers: header_list(),
            });
        };
        claimed[i] = true;
        if *field != Field::Ignore {
            // A later --map for the same field wins; the earlier column is then unused.
            if let Some(old) = by_field.insert(*field, i) {
                taken[old] = None;
            }
            taken[i] = Some(*field);
        }
    }
    for &field in kind.fields() {
        if by_field.contains_key(&field) || field == Field::Ignore {
            continue;
        }
        let found = field.synonyms().iter().find_map(|syn| {
            normal
                .iter()
                .enumerate()
                .position(|(i, n)| !claimed[i] && n == syn)
        });
        if let Some(i) = found {
            claimed[i] = true;
            taken[i] = Some(field);
            by_field.insert(field, i);
        }
    }
    let (needed, what) = match kind {
        Kind::Accounts => (Field::Name, "account name"),
        Kind::Meetings => (Field::Account, "meeting's account"),
    };
    if !by_field.contains_key(&needed) {
        return Err(ImportError::MissingColumn {
            what,
            field: needed.key(),
            headers: header_list(),
        });
    }
    Ok(Columns {
        by_field,
        listed: headers.iter().cloned().zip(taken).collect(),
    })
}

/// How a name, id or email matched the plan's people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonMatch {
    /// Exactly one person.
    One(String),
    /// Several people (their ids).
    Many(Vec<String>),
    /// Nobody.
    None,
}

fn email_in(text: &str) -> Option<&str> {
    let text = text.trim();
    let inner = match (text.rfind('<'), text.rfind('>')) {
        (Some(a), Some(b)) if a < b => &text[a + 1..b],
        _ => text,
    };
    let inner = inner.trim().trim_start_matches("mailto:");
    inner.contains('@').then_some(inner)
}

/// Matches `text` against the plan's people: by email (case-insensitively), then by id, then by
/// full name (case- and accent-insensitively, `Last, First` too), then by a name with initials
/// (`J. Weber`, `Jonas W.`).
pub fn match_person(plan: &Plan, text: &str) -> PersonMatch {
    let text = text.trim();
    if text.is_empty() {
        return PersonMatch::None;
    }
    let found = |ids: Vec<String>| match ids.len() {
        0 => PersonMatch::None,
        1 => ids
            .into_iter()
            .next()
            .map_or(PersonMatch::None, PersonMatch::One),
        _ => PersonMatch::Many(ids),
    };
    if let Some(email) = email_in(text) {
        return found(
            plan.people
                .iter()
                .filter(|p| {
                    p.email
                        .as_deref()
                        .is_some_and(|e| e.trim().eq_ignore_ascii_case(email))
                })
                .map(|p| p.id.clone())
                .collect(),
        );
    }
    if let Some(p) = plan.people.iter().find(|p| p.id == text) {
        return PersonMatch::One(p.id.clone());
    }
    let mut wanted = fold(text);
    if let Some((last, first)) = wanted.split_once(',') {
        wanted = format!("{} {}", first.trim(), last.trim());
    }
    let exact: Vec<String> = plan
        .people
        .iter()
        .filter(|p| fold(&p.name) == wanted)
        .map(|p| p.id.clone())
        .collect();
    if !exact.is_empty() {
        return found(exact);
    }
    let tokens: Vec<String> = wanted
        .split(' ')
        .map(|t| t.trim_end_matches('.').to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.len() < 2 {
        return PersonMatch::None;
    }
    found(
        plan.people
            .iter()
            .filter(|p| initials_match(&tokens, &fold(&p.name)))
            .map(|p| p.id.clone())
            .collect(),
    )
}

/// `["j", "weber"]` matches "jonas weber": same number of words, each equal or an initial, at
/// least one in full.
fn initials_match(tokens: &[String], name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() != tokens.len() {
        return false;
    }
    let mut full = false;
    for (t, w) in tokens.iter().zip(&words) {
        if t == w {
            full = true;
        } else if !(t.chars().count() == 1 && w.starts_with(t.as_str())) {
            return false;
        }
    }
    full
}

/// Reads a tier: Hot/A/1 give 1, Warm/B/2 give 2, Cold/C/3 give 3 (case-insensitively, with or
/// without a leading "Tier").
pub fn parse_tier(text: &str) -> Option<i64> {
    let t = fold(text);
    let t = t.strip_prefix("tier").unwrap_or(&t).trim();
    match t {
        "hot" | "a" | "1" | "1.0" => Some(1),
        "warm" | "b" | "2" | "2.0" => Some(2),
        "cold" | "c" | "3" | "3.0" => Some(3),
        _ => None,
    }
}

/// Reads a meeting status: the plan's names, and common CRM words (Scheduled, Accepted, Booked,
/// Held, Completed: Confirmed; Pending, Invited, Tentative, Sent: Requested; Planned, Draft:
/// Proposed; Rejected: Declined; Canceled, No show: Cancelled).
pub fn parse_status(text: &str) -> Option<MeetingStatus> {
    match fold(text).as_str() {
        "proposed" | "planned" | "draft" | "idea" => Some(MeetingStatus::Proposed),
        "requested" | "pending" | "invited" | "tentative" | "sent" | "awaiting reply" => {
            Some(MeetingStatus::Requested)
        }
        "confirmed" | "scheduled" | "accepted" | "booked" | "held" | "completed" | "done" => {
            Some(MeetingStatus::Confirmed)
        }
        "declined" | "rejected" => Some(MeetingStatus::Declined),
        "cancelled" | "canceled" | "no show" | "no-show" => Some(MeetingStatus::Cancelled),
        _ => None,
    }
}

/// Reads a length in minutes: `30`, `30 min`, `45m`, `1h`, `1.5 h`, `1:30`, `90 minutes`.
pub fn parse_minutes(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase();
    if let Some((h, m)) = t.split_once(':') {
        let (h, m) = (h.trim().parse::<i64>().ok()?, m.trim().parse::<i64>().ok()?);
        return (0..60)
            .contains(&m)
            .then_some(h * 60 + m)
            .filter(|&n| n > 0);
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match unit.trim() {
        "" | "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
        _ => return None,
    };
    let minutes = (number * factor).round();
    (1.0..=100_000.0)
        .contains(&minutes)
        .then_some(minutes as i64)
}

/// Why a date or time cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum WhenError {
    /// Not a date or time at all.
    Invalid(String),
    /// A slashed date that could be either day-first or month-first.
    Ambiguous(String),
}

/// Reads a date: `2027-03-09`, `2027/03/09`, `09.03.2027`, or a slashed date (`09/03/2027`):
/// day-first or month-first as `order` says; without it, a slashed date whose first or second
/// number is above 12 is read the only way it can be, and one that reads both ways is read the
/// way that falls within the event, else reported as ambiguous.
fn parse_day(text: &str, order: Option<DateOrder>, event: &Event) -> Result<Date, WhenError> {
    let invalid = || {
        WhenError::Invalid(format!(
            "'{text}' is not a date (write 2027-03-09, 09.03.2027 or 09/03/2027)"
        ))
    };
    let nums = |sep: char| -> Option<Vec<u32>> {
        let parts: Vec<&str> = text.split(sep).collect();
        (parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())))
        .then(|| parts.iter().filter_map(|p| p.parse().ok()).collect())
    };
    let ymd = |y: u32, m: u32, d: u32| {
        i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .map(Date)
    };
    let four = |s: &str, i: usize| {
        s.split(['-', '/', '.'])
            .nth(i)
            .is_some_and(|p| p.len() == 4)
    };
    for sep in ['-', '/', '.'] {
        let Some(n) = nums(sep) else { continue };
        let [a, b, c] = n[..] else {
            return Err(invalid());
        };
        if four(text, 0) {
            return ymd(a, b, c).ok_or_else(invalid);
        }
        if !four(text, 2) {
            return Err(invalid());
        }
        if sep == '.' || sep == '-' {
            return ymd(c, b, a).ok_or_else(invalid);
        }
        let day_first = ymd(c, b, a);
        let month_first = ymd(c, a, b);
        let chosen = match (order, day_first, month_first) {
            (Some(DateOrder::DayFirst), d, _) => d,
            (Some(DateOrder::MonthFirst), _, m) => m,
            (None, Some(d), None) => Some(d),
            (None, None, Some(m)) => Some(m),
            (None, Some(d), Some(m)) if d == m => Some(d),
            (None, Some(d), Some(m)) => {
                let during = |x: Date| event.starts <= x && x <= event.ends;
                match (during(d), during(m)) {
                    (true, false) => Some(d),
                    (false, true) => Some(m),
                    _ => {
                        return Err(WhenError::Ambiguous(format!(
                            "date '{text}' could be {d} (day first) or {m} (month first); \
                             pass --dates dmy or --dates mdy"
                        )));
                    }
                }
            }
            (None, None, None) => None,
        };
        return chosen.ok_or_else(invalid);
    }
    Err(invalid())
}

/// Reads a time of day: `10:00`, `9:30`, `10:00:00`, `2:30 PM`, `2pm`.
fn parse_clock(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_ascii_lowercase().replace('.', "");
    let (t, offset) = if let Some(x) = t.strip_suffix("am") {
        (x.trim().to_owned(), Some(0))
    } else if let Some(x) = t.strip_suffix("pm") {
        (x.trim().to_owned(), Some(12))
    } else {
        (t, None)
    };
    let parts: Vec<&str> = if t.contains(':') {
        t.split(':').collect()
    } else if offset.is_some() {
        vec![t.as_str(), "00"]
    } else {
        return None;
    };
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| {
        parts
            .get(i)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let mut hour = n(0);
    if let Some(add) = offset {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + add;
    }
    NaiveTime::from_hms_opt(hour, n(1), n(2))
}

/// A cell that holds a date, a time, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum When {
    Day(Date),
    Clock(NaiveTime),
    Both(DateTime),
}

fn parse_when(text: &str, order: Option<DateOrder>, event: &Event) -> Result<When, WhenError> {
    let text = text.trim();
    let zoned = |t: &str| {
        t.ends_with('Z')
            || t.ends_with('z')
            || t.contains('+')
            || t.rfind('-').is_some_and(|i| i > 10 && t[..i].contains(':'))
    };
    if let Some(clock) = parse_clock(text) {
        return Ok(When::Clock(clock));
    }
    let (day, clock) = match text.find(['T', ' ']) {
        Some(i) if i >= 8 => (&text[..i], text[i + 1..].trim()),
        _ => (text, ""),
    };
    let day = parse_day(day.trim_end_matches(','), order, event).map_err(|e| match e {
        WhenError::Invalid(_) => WhenError::Invalid(format!(
            "'{text}' is not a date or time (write 2027-03-09 10:00, 09.03.2027, 10:00 or 2:30 PM)"
        )),
        ambiguous => ambiguous,
    })?;
    if clock.is_empty() {
        return Ok(When::Day(day));
    }
    if zoned(clock) {
        return Err(WhenError::Invalid(format!(
            "'{text}' has a time zone: give the local event time, such as 2027-03-09 10:00"
        )));
    }
    let clock = parse_clock(clock).ok_or_else(|| {
        WhenError::Invalid(format!(
            "'{text}' is not a date and time (write 2027-03-09 10:00, 2027-03-09T10:00 or 09.03.2027 10:00)"
        ))
    })?;
    Ok(When::Both(DateTime(day.0.and_time(clock))))
}

/// What a person column resolved to.
enum Resolved {
    Person(String),
    Unresolved,
}

/// Resolves an owner from its name (or id) and email cells, reporting what does not resolve.
fn resolve_owner(
    plan: &Plan,
    report: &mut ImportReport,
    line: usize,
    role: &str,
    name: Option<&str>,
    email: Option<&str>,
    outcome: &str,
) -> Resolved {
    let mut unknown = Vec::new();
    for value in [email, name].into_iter().flatten() {
        match match_person(plan, value) {
            PersonMatch::One(id) => return Resolved::Person(id),
            PersonMatch::Many(ids) => {
                report.ambiguous.push((
                    line,
                    format!(
                        "{role} '{value}' matches {} people ({}): {outcome}",
                        count_word(ids.len()),
                        ids.join(", ")
                    ),
                ));
                return Resolved::Unresolved;
            }
            PersonMatch::None => unknown.push(value),
        }
    }
    if !unknown.is_empty() {
        let what = unknown
            .iter()
            .map(|u| format!("'{u}'"))
            .collect::<Vec<_>>()
            .join(" / ");
        report.skipped.push((
            line,
            format!("{role} {what} is not a person in the plan: {outcome}"),
        ));
    }
    Resolved::Unresolved
}

/// Several matches, named: "two accounts (a, b)".
fn several<'a>(noun: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    format!("{} {noun} ({})", count_word(ids.len()), ids.join(", "))
}

fn count_word(n: usize) -> String {
    match n {
        2 => "two".to_owned(),
        3 => "three".to_owned(),
        n => n.to_string(),
    }
}

impl ImportReport {
    fn start(plan: &Plan, kind: Kind, columns: &Columns, table: &Table) -> ImportReport {
        ImportReport {
            plan: plan.clone(),
            kind,
            rows: 0,
            columns: columns.listed.clone(),
            added: Vec::new(),
            updated: Vec::new(),
            skipped: table.unreadable.clone(),
            ambiguous: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn finish(mut self) -> ImportReport {
        self.skipped.sort_by_key(|(line, _)| *line);
        self.ambiguous.sort_by_key(|(line, _)| *line);
        self
    }

    /// Notes that `id` was met on `line`, reporting when an earlier row met it too.
    fn seen(&mut self, first: &mut HashMap<String, usize>, id: &str, name: &str, line: usize) {
        match first.get(id) {
            Some(earlier) => self.ambiguous.push((
                line,
                format!(
                    "'{name}' is the same {} as line {earlier} ({id}): this row's values win",
                    self.kind.item()
                ),
            )),
            None => {
                first.insert(id.to_owned(), line);
            }
        }
    }
}

fn set<T: PartialEq>(slot: &mut T, value: T, field: &'static str, changed: &mut Vec<&'static str>) {
    if *slot != value {
        *slot = value;
        changed.push(field);
    }
}

/// Merges the accounts of a CRM export into `plan`: existing accounts (matched by id, else by
/// name, case- and accent-insensitively) get the values the CSV gives where they differ; new ones
/// are added with an id made from their name (tier 3 when the CSV gives none); nothing is
/// deleted. Owners are matched to people by email, id or name.
pub fn accounts(
    plan: &Plan,
    csv_text: &str,
    mapping: &Mapping,
) -> Result<ImportReport, ImportError> {
    let table = read_table(csv_text)?;
    let cols = assign_columns(&table.headers, Kind::Accounts, mapping)?;
    let mut report = ImportReport::start(plan, Kind::Accounts, &cols, &table);
    if !cols.has(Field::Tier) {
        report
            .notes
            .push("no tier column: new accounts are added as tier 3".to_owned());
    }
    let mut tally = Tally::default();
    let mut lookup = Lookup::new(&report.plan.accounts, |a| &a.id, |a| &a.name);
    for (line, row) in &table.rows {
        let line = *line;
        if row.iter().all(String::is_empty) {
            continue;
        }
        report.rows += 1;
        let cell = |f: Field| cols.cell(row, f);
        let name = cell(Field::Name);
        let by_id = cell(Field::Id).and_then(|id| lookup.id(id.trim()));
        let index = match (by_id, name) {
            (Some(i), _) => Some(i),
            (None, None) => {
                let reason = match cell(Field::Id) {
                    Some(id) => format!("no name, and id '{id}' is not in the plan: skipped"),
                    None => "no name: skipped".to_owned(),
                };
                report.skipped.push((line, reason));
                continue;
            }
            (None, Some(n)) => {
                let found = lookup.name(n).to_vec();
                match found[..] {
                    [] => None,
                    [i] => Some(i),
                    _ => {
                        let ids = found.iter().filter_map(|&i| report.plan.accounts.get(i));
                        let which = several("accounts", ids.map(|a| a.id.as_str()));
                        report
                            .ambiguous
                            .push((line, format!("name '{n}' matches {which}: skipped")));
                        continue;
                    }
                }
            }
        };
        let existing = index.and_then(|i| report.plan.accounts.get(i)).cloned();
        let unassigned = |current: Option<&String>| match current {
            Some(p) => format!("owner stays '{p}'"),
            None => "left unassigned".to_owned(),
        };
        let tier = cell(Field::Tier).and_then(|t| {
            let parsed = parse_tier(t);
            if parsed.is_none() {
                let outcome = if existing.is_some() {
                    "tier not changed"
                } else {
                    "added as tier 3"
                };
                report.skipped.push((
                    line,
                    format!("tier '{t}' is not Hot/Warm/Cold, A/B/C or 1/2/3: {outcome}"),
                ));
            }
            parsed
        });
        let owner = if cell(Field::Owner).is_some() || cell(Field::OwnerEmail).is_some() {
            let outcome = unassigned(existing.as_ref().and_then(|a| a.owner.as_ref()));
            resolve_owner(
                plan,
                &mut report,
                line,
                "owner",
                cell(Field::Owner),
                cell(Field::OwnerEmail),
                &outcome,
            )
        } else {
            Resolved::Unresolved
        };
        let marketing = if cell(Field::MarketingOwner).is_some()
            || cell(Field::MarketingOwnerEmail).is_some()
        {
            let outcome = unassigned(existing.as_ref().and_then(|a| a.marketing_owner.as_ref()))
                .replace("owner stays", "marketing owner stays");
            resolve_owner(
                plan,
                &mut report,
                line,
                "marketing owner",
                cell(Field::MarketingOwner),
                cell(Field::MarketingOwnerEmail),
                &outcome,
            )
        } else {
            Resolved::Unresolved
        };
        let segment = cell(Field::Segment).map(str::to_owned);
        let notes = cell(Field::Notes).map(str::to_owned);
        match index {
            Some(i) => {
                let mut changed = Vec::new();
                let Some(a) = report.plan.accounts.get_mut(i) else {
                    continue;
                };
                if let (Some(_), Some(n)) = (by_id, name)
                    && a.name != n
                {
                    lookup.rename(i, &a.name, n);
                    set(&mut a.name, n.to_owned(), "name", &mut changed);
                }
                if let Some(t) = tier {
                    set(&mut a.tier, t, "tier", &mut changed);
                }
                if let Resolved::Person(p) = owner {
                    set(&mut a.owner, Some(p), "owner", &mut changed);
                }
                if let Resolved::Person(p) = marketing {
                    set(
                        &mut a.marketing_owner,
                        Some(p),
                        "marketing_owner",
                        &mut changed,
                    );
                }
                if let Some(s) = segment {
                    set(&mut a.segment, Some(s), "segment", &mut changed);
                }
                if let Some(n) = notes {
                    set(&mut a.notes, Some(n), "notes", &mut changed);
                }
                let (id, label) = (a.id.clone(), a.name.clone());
                report.seen(&mut tally.first, &id, &label, line);
                for field in changed {
                    report.touch(&mut tally, &id, field);
                }
            }
            None => {
                let Some(name) = name else { continue };
                let id = lookup.fresh_id(name);
                lookup.add(report.plan.accounts.len(), &id, name);
                report.plan.accounts.push(Account {
                    id: id.clone(),
                    name: name.to_owned(),
                    tier: tier.unwrap_or(3),
                    owner: match owner {
                        Resolved::Person(p) => Some(p),
                        Resolved::Unresolved => None,
                    },
                    marketing_owner: match marketing {
                        Resolved::Person(p) => Some(p),
                        Resolved::Unresolved => None,
                    },
                    segment,
                    messages: Vec::new(),
                    notes,
                });
                report.seen(&mut tally.first, &id, name, line);
                report.add(&mut tally, id);
            }
        }
    }
    Ok(report.finish())
}

/// The start a row gives, from its start, date and time cells.
fn row_start(
    start: Option<&str>,
    date: Option<&str>,
    time: Option<&str>,
    order: Option<DateOrder>,
    event: &Event,
) -> Result<Option<DateTime>, WhenError> {
    let parse = |c: Option<&str>| c.map(|c| parse_when(c, order, event)).transpose();
    let (s, d, t) = (parse(start)?, parse(date)?, parse(time)?);
    let day = [s, d].into_iter().flatten().find_map(|w| match w {
        When::Day(d) => Some(d),
        _ => None,
    });
    let clock = [s, t, d].into_iter().flatten().find_map(|w| match w {
        When::Clock(c) => Some(c),
        _ => None,
    });
    if let Some(When::Both(dt)) = s {
        return Ok(Some(dt));
    }
    if let Some(When::Both(dt)) = d {
        // A date column that holds the whole start, with a time column that may refine it.
        return Ok(Some(match clock {
            Some(c) => DateTime(dt.0.date().and_time(c)),
            None => dt,
        }));
    }
    match (day, clock) {
        (Some(d), Some(c)) => Ok(Some(DateTime(d.0.and_time(c)))),
        (None, None) => Ok(None),
        (Some(d), None) => Err(WhenError::Invalid(format!("start {d} has no time of day"))),
        (None, Some(c)) => Err(WhenError::Invalid(format!(
            "start {} has no date",
            c.format("%H:%M")
        ))),
    }
}

/// The people that an attendees cell names, reporting those it cannot place.
fn attendees(plan: &Plan, report: &mut ImportReport, line: usize, cell: &str) -> Vec<String> {
    let separator = if cell.contains(';') { ';' } else { ',' };
    let mut people: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for value in cell
        .split(separator)
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        match match_person(plan, value) {
            PersonMatch::One(id) => {
                if !people.contains(&id) {
                    people.push(id);
                }
            }
            PersonMatch::Many(ids) => report.ambiguous.push((
                line,
                format!(
                    "attendee '{value}' matches {} people ({}): left out",
                    count_word(ids.len()),
                    ids.join(", ")
                ),
            )),
            PersonMatch::None => unknown.push(format!("'{value}'")),
        }
    }
    if !unknown.is_empty() {
        report.skipped.push((
            line,
            format!(
                "attendee{} {} not a person in the plan: left out",
                if unknown.len() == 1 { "" } else { "s" },
                if unknown.len() == 1 {
                    format!("{} is", unknown.join(", "))
                } else {
                    format!("{} are", unknown.join(", "))
                }
            ),
        ));
    }
    people
}

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
            headers: table
                .headers
                .iter()
                .map(|h| format!("\"{h}\""))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let mut report = ImportReport::start(plan, Kind::Meetings, &cols, &table);
    let mut tally = Tally::default();
    let accounts = Lookup::new(&plan.accounts, |a| &a.id, |a| &a.name);
    let mut ids = Lookup::new(&report.plan.meetings, |m| &m.id, |m| &m.id);
    // The meetings of each account at each start.
    let mut slots: HashMap<(String, DateTime), Vec<usize>> = HashMap::new();
    for (i, m) in report.plan.meetings.iter().enumerate() {
        slots
            .entry((m.account.clone(), m.start))
            .or_default()
            .push(i);
    }
    for (line, row) in &table.rows {
        let line = *line;
        if row.iter().all(String::is_empty) {
            continue;
        }
        report.rows += 1;
        let cell = |f: Field| cols.cell(row, f);
        let Some(account_cell) = cell(Field::Account) else {
            report
                .skipped
                .push((line, "no account: skipped".to_owned()));
            continue;
        };
        let account = match accounts.id(account_cell).and_then(|i| plan.accounts.get(i)) {
            Some(a) => a,
            None => {
                let found = accounts.name(account_cell).to_vec();
                match found[..] {
                    [i] => match plan.accounts.get(i) {
                        Some(a) => a,
                        None => continue,
                    },
                    [] => {
                        report.skipped.push((
                            line,
                            format!(
                                "account '{account_cell}' is not in the plan: skipped (import it with --accounts first)"
                            ),
                        ));
                        continue;
                    }
                    _ => {
                        let ids = found.iter().filter_map(|&i| plan.accounts.get(i));
                        let which = several("accounts", ids.map(|a| a.id.as_str()));
                        report.ambiguous.push((
                            line,
                            format!("account '{account_cell}' matches {which}: skipped"),
                        ));
                        continue;
                    }
                }
            }
        };
        let by_id = cell(Field::Id).and_then(|id| ids.id(id.trim()));
        let start = row_start(
            cell(Field::Start),
            cell(Field::Date),
            cell(Field::Time),
            mapping.date_order,
            &plan.event,
        );
        let start = match (start, by_id) {
            (Ok(s), _) => s,
            (Err(e), Some(_)) => {
                let (list, msg) = match e {
                    WhenError::Ambiguous(m) => (&mut report.ambiguous, m),
                    WhenError::Invalid(m) => (&mut report.skipped, m),
                };
                list.push((line, format!("{msg}: start not changed")));
                None
            }
            (Err(e), None) => {
                let (list, msg) = match e {
                    WhenError::Ambiguous(m) => (&mut report.ambiguous, m),
                    WhenError::Invalid(m) => (&mut report.skipped, m),
                };
                list.push((line, format!("{msg}: skipped")));
                continue;
            }
        };
        let index = match (by_id, start) {
            (Some(i), _) => Some(i),
            (None, None) => {
                report
                    .skipped
                    .push((line, "no start (date and time): skipped".to_owned()));
                continue;
            }
            (None, Some(s)) => {
                let same: Vec<usize> = slots
                    .get(&(account.id.clone(), s))
                    .cloned()
                    .unwrap_or_default();
                match same[..] {
                    [] => None,
                    [i] => Some(i),
                    _ => {
                        let ids = same.iter().filter_map(|&i| report.plan.meetings.get(i));
                        let which = several("meetings", ids.map(|m| m.id.as_str()));
                        report.ambiguous.push((
                            line,
                            format!("{} at {s} matches {which}: skipped", account.name),
                        ));
                        continue;
                    }
                }
            }
        };
        let start_for_end = start.or_else(|| {
            index
                .and_then(|i| report.plan.meetings.get(i))
                .map(|m| m.start)
        });
        let existing = index.is_some();
        let keep = if existing {
            "length not changed"
        } else {
            "skipped"
        };
        let mut minutes = None;
        if let Some(m) = cell(Field::Minutes) {
            minutes = parse_minutes(m);
            if minutes.is_none() {
                report.skipped.push((
                    line,
                    format!(
                        "length '{m}' is not a number of minutes (30, 45 min, 1h, 1:30): {keep}"
                    ),
                ));
            }
        } else if let (Some(e), Some(s)) = (cell(Field::End), start_for_end) {
            let end = match parse_when(e, mapping.date_order, &plan.event) {
                Ok(When::Both(dt)) => Some(dt),
                Ok(When::Clock(c)) => Some(DateTime(s.0.date().and_time(c))),
                _ => None,
            };
            minutes = end.map(|end| s.minutes_until(end)).filter(|&n| n > 0);
            if minutes.is_none() {
                report.skipped.push((
                    line,
                    format!("end '{e}' is not a time after the start: {keep}"),
                ));
            }
        }
        let status = cell(Field::Status).and_then(|s| {
            let parsed = parse_status(s);
            if parsed.is_none() {
                let outcome = if existing {
                    "status not changed"
                } else {
                    "added as Proposed"
                };
                report.skipped.push((
                    line,
                    format!(
                        "status '{s}' is not Proposed, Requested, Confirmed, Declined or Cancelled: {outcome}"
                    ),
                ));
            }
            parsed
        });
        let people = cell(Field::Attendees)
            .map(|c| attendees(plan, &mut report, line, c))
            .unwrap_or_default();
        let location = cell(Field::Location).map(str::to_owned);
        let goal = cell(Field::Goal).map(str::to_owned);
        match index {
            Some(i) => {
                let mut changed = Vec::new();
                let Some(m) = report.plan.meetings.get_mut(i) else {
                    continue;
                };
                if let Some(at) = slots.get_mut(&(m.account.clone(), m.start)) {
                    at.retain(|&j| j != i);
                }
                set(&mut m.account, account.id.clone(), "account", &mut changed);
                if let Some(s) = start {
                    set(&mut m.start, s, "start", &mut changed);
                }
                if let Some(n) = minutes {
                    set(&mut m.minutes, n, "minutes", &mut changed);
                }
                if let Some(l) = location {
                    set(&mut m.location, Some(l), "location", &mut changed);
                }
                let mut all = m.people.clone();
                for p in people {
                    if !all.contains(&p) {
                        all.push(p);
                    }
                }
                set(&mut m.people, all, "people", &mut changed);
                if let Some(s) = status {
                    set(&mut m.status, s, "status", &mut changed);
                }
                if let Some(g) = goal {
                    set(&mut m.goal, Some(g), "goal", &mut changed);
                }
                let id = m.id.clone();
                let at = slots.entry((m.account.clone(), m.start)).or_default();
                let pos = at.partition_point(|&j| j < i);
                at.insert(pos, i);
                report.seen(&mut tally.first, &id, &account.name, line);
                for field in changed {
                    report.touch(&mut tally, &id, field);
                }
            }
            None => {
                let (Some(start), Some(minutes)) = (start, minutes) else {
                    if cell(Field::Minutes).is_none() && cell(Field::End).is_none() {
                        report.skipped.push((
                            line,
                            "no length (minutes, duration or end): skipped".to_owned(),
                        ));
                    }
                    continue;
                };
                let id = ids.fresh_id(&format!("{} meeting", account.id));
                let at = report.plan.meetings.len();
                ids.add(at, &id, &id);
                slots
                    .entry((account.id.clone(), start))
                    .or_default()
                    .push(at);
                report.plan.meetings.push(Meeting {
                    id: id.clone(),
                    account: account.id.clone(),
                    start,
                    minutes,
                    location,
                    people,
                    status: status.unwrap_or_default(),
                    goal,
                    messages: Vec::new(),
                });
                report.seen(&mut tally.first, &id, &account.name, line);
                report.add(&mut tally, id);
            }
        }
    }
    Ok(report.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        Plan::empty(
            "Show",
            Date::from_ymd(2027, 3, 9).unwrap_or(Date(NaiveDate::MIN)),
            Date::from_ymd(2027, 3, 11).unwrap_or(Date(NaiveDate::MIN)),
        )
        .event
    }

    #[test]
    fn headers_are_normalised() {
        assert_eq!(normalise_header("Duration (minutes)"), "duration minutes");
        assert_eq!(normalise_header("\u{feff}Account_Name "), "account name");
        assert_eq!(normalise_header("Société"), "societe");
    }

    #[test]
    fn tiers_statuses_and_lengths_read() {
        assert_eq!(parse_tier("Hot"), Some(1));
        assert_eq!(parse_tier("b"), Some(2));
        assert_eq!(parse_tier("Tier 3"), Some(3));
        assert_eq!(parse_tier("Customer"), None);
        assert_eq!(parse_status("Scheduled"), Some(MeetingStatus::Confirmed));
        assert_eq!(parse_status("canceled"), Some(MeetingStatus::Cancelled));
        assert_eq!(parse_minutes("45"), Some(45));
        assert_eq!(parse_minutes("45 min"), Some(45));
        assert_eq!(parse_minutes("1h"), Some(60));
        assert_eq!(parse_minutes("1.5 h"), Some(90));
        assert_eq!(parse_minutes("1:30"), Some(90));
        assert_eq!(parse_minutes("0"), None);
        assert_eq!(parse_minutes("soon"), None);
    }

    #[test]
    fn dates_read_in_the_documented_forms() {
        let ev = event();
        let when = |s: &str| {
            parse_when(s, None, &ev).map(|w| match w {
                When::Both(dt) => dt.to_string(),
                When::Day(d) => d.to_string(),
                When::Clock(c) => c.format("%H:%M").to_string(),
            })
        };
        assert_eq!(when("2027-03-09 10:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("2027-03-09T10:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("2027-03-09T10:00:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("09.03.2027 10:00"), Ok("2027-03-09T10:00".into()));
        // Within the event (9-11 March) only day-first fits.
        assert_eq!(when("09/03/2027 10:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("3/10/2027 2:30 PM"), Ok("2027-03-10T14:30".into()));
        assert_eq!(when("25/03/2027 10:00"), Ok("2027-03-25T10:00".into()));
        assert_eq!(when("10:30"), Ok("10:30".into()));
        assert_eq!(when("2027-03-09"), Ok("2027-03-09".into()));
        assert!(matches!(
            parse_when("04/05/2027 10:00", None, &ev),
            Err(WhenError::Ambiguous(_))
        ));
        assert_eq!(
            parse_when("04/05/2027 10:00", Some(DateOrder::MonthFirst), &ev)
                .map(|w| matches!(w, When::Both(dt) if dt.to_string() == "2027-04-05T10:00")),
            Ok(true)
        );
        assert!(matches!(
            parse_when("2027-03-09T10:00Z", None, &ev),
            Err(WhenError::Invalid(_))
        ));
        assert!(matches!(
            parse_when("2027-03-09 25:00", None, &ev),
            Err(WhenError::Invalid(_))
        ));
        assert!(matches!(
            parse_when("next week", None, &ev),
            Err(WhenError::Invalid(_))
        ));
    }

    #[test]
    fn people_match_by_email_id_name_and_initials() {
        let mut plan = Plan::empty("Show", event().starts, event().ends);
        let person = |id: &str, name: &str, email: &str| crate::model::Person {
            id: id.into(),
            name: name.into(),
            team: crate::model::Team::Sales,
            role: None,
            email: Some(email.into()),
            max_meetings_per_day: None,
        };
        plan.people = vec![
            person("jonas", "Jonas Weber", "jonas.weber@x.example"),
            person("jana", "Jana Weber", "jana.weber@x.example"),
            person("tomas", "Tomás Ibarra", "tomas@x.example"),
        ];
        let one = |s: &str| PersonMatch::One(s.to_owned());
        assert_eq!(match_person(&plan, "JONAS.WEBER@x.example"), one("jonas"));
        assert_eq!(
            match_person(&plan, "Jonas <jonas.weber@x.example>"),
            one("jonas")
        );
        assert_eq!(match_person(&plan, "tomas"), one("tomas"));
        assert_eq!(match_person(&plan, "tomas ibarra"), one("tomas"));
        assert_eq!(match_person(&plan, "Ibarra, Tomás"), one("tomas"));
        assert_eq!(match_person(&plan, "T. Ibarra"), one("tomas"));
        assert_eq!(match_person(&plan, "Jonas W."), one("jonas"));
        assert_eq!(
            match_person(&plan, "J. Weber"),
            PersonMatch::Many(vec!["jonas".into(), "jana".into()])
        );
        assert_eq!(match_person(&plan, "Weber"), PersonMatch::None);
        assert_eq!(match_person(&plan, "nobody@x.example"), PersonMatch::None);
    }

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("a;b;\"c,d\"\n1;2;3"), b';');
        assert_eq!(sniff_delimiter("a,b\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n"), b'\t');
    }
}
