//! CRM-ready CSV of accounts, meetings, handoffs or leads, with owners' names and emails.
//!
//! The files are RFC 4180 CSV (comma-separated, CRLF line endings, quoted where needed) in UTF-8
//! with a byte-order mark, so spreadsheet programs read accents right. Every cell that a
//! spreadsheet could run as a formula is prefixed with a single quote `'`, as OWASP recommends
//! against CSV injection: the cell then opens as text ([`neutralise`] says which). The importer
//! drops that marker again ([`drop_text_marker`]) and recognises these headers, so an exported
//! file imports back with nothing changed.
//!
//! **Leads** ([`Table::Leads`]) take HubSpot's contact export headers, the ones the spec lists
//! for lead imports, so a CRM maps them without help and Preshow's lead import recognises them:
//! `Record ID` (the lead's `crm_id`), `First Name` and `Last Name` (the name split at its first
//! space), `Company Name`, `Associated Company` and `Associated Company ID` (the account's name
//! and CRM id), `Contact owner` (and its email), `Create Date` (captured), `Lifecycle Stage`
//! (the last stage reached, by its `crm_stage`, else its name), and one
//! `Date entered '<stage> (Lifecycle Stage Pipeline)'` column per stage of the plan, in plan
//! order, named by the stage's `crm_stage` (else its name) and holding when the lead last
//! entered it. Preshow's own `Id`, `Account Id` and `Pipeline` come first and last, so the file
//! also carries what a CRM has no column for. Times are local event time, `YYYY-MM-DD HH:MM`.
//! A stage entered twice shows its latest time, and a stage the plan does not have is left out:
//! the file is a CRM's view of the leads, the plan keeps their whole path.

use crate::interchange::export::Names;
use crate::model::{DateTime, Plan, Stage};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per account.
    Accounts,
    /// One row per meeting.
    Meetings,
    /// One row per handoff of the lead flow.
    Handoffs,
    /// One row per lead, with the time it entered each stage.
    Leads,
}

impl Table {
    /// `accounts`, `meetings` or `handoffs`.
    pub fn key(self) -> &'static str {
        match self {
            Table::Accounts => "accounts",
            Table::Meetings => "meetings",
            Table::Handoffs => "handoffs",
            Table::Leads => "leads",
        }
    }
}

/// A cell as it is safe to open in a spreadsheet: it gets a leading `'` when it
/// - starts with a control character (NUL, tab, line feed, carriage return, any other), which
///   spreadsheets drop or read as a cell break before what follows, or
/// - has, after any leading spaces, control characters and invisible characters (zero-width
///   spaces and joiners, the byte-order mark, direction marks), a formula sign: `=`, `+`, `-`,
///   `@`, or a look-alike that spreadsheets take for one: the full-width `＝ ＋ － ＠`, the small
///   `﹦ ﹢ ﹣ ﹫`, the superscript and subscript `⁼ ⁺ ⁻ ₌ ₊ ₋` (every character that Unicode
///   compatibility normalisation turns into one of the four) and the minus sign `−`.
///
/// A cell that starts with `'` before one of these gets one more `'`, so that
/// [`drop_text_marker`] gives back exactly what was written. Any other cell is unchanged.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if needs_text_marker(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as the plan had it before [`neutralise`]: a leading `'` before what `neutralise`
/// protects (a formula sign, a control character, or `'` again before one) is Excel's text
/// marker, and is dropped. `'- prefers mornings` gives `- prefers mornings`; `'quoted` stays.
/// The importer reads every cell through this, so an exported file imports back unchanged.
pub fn drop_text_marker(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_text_marker(rest) => rest,
        _ => cell,
    }
}

/// Whether [`neutralise`] prefixes `cell` with a `'`.
fn needs_text_marker(cell: &str) -> bool {
    // `'` before a protected cell is protected too, so the marker can always be told from text.
    let cell = cell.trim_start_matches('\'');
    let starts_with_control = cell.chars().next().is_some_and(char::is_control);
    let first_visible = cell
        .chars()
        .find(|&c| !(c.is_whitespace() || c.is_control() || is_invisible(c)));
    starts_with_control || first_visible.is_some_and(is_formula_sign)
}

/// `=`, `+`, `-`, `@` and the characters that read as them (see [`neutralise`]).
fn is_formula_sign(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\u{FF1D}' // ＝ full-width
            | '\u{FF0B}' // ＋
            | '\u{FF0D}' // －
            | '\u{FF20}' // ＠
            | '\u{FE66}' // ﹦ small
            | '\u{FE62}' // ﹢
            | '\u{FE63}' // ﹣
            | '\u{FE6B}' // ﹫
            | '\u{207C}' // ⁼ superscript
            | '\u{207A}' // ⁺
            | '\u{207B}' // ⁻
            | '\u{208C}' // ₌ subscript
            | '\u{208A}' // ₊
            | '\u{208B}' // ₋
            | '\u{FB29}' // ﬩ Hebrew alternative plus
            | '\u{2212}' // − minus sign
    )
}

/// Characters that take no room: a spreadsheet shows the cell as if they were not there.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// A table's header row and data rows.
type Rows = (Vec<Cow<'static, str>>, Vec<Vec<String>>);

/// A table whose headers are always the same.
type FixedRows = (Vec<&'static str>, Vec<Vec<String>>);

/// The headers and rows of a table, before neutralising.
pub fn rows(plan: &Plan, table: Table) -> Rows {
    let fixed =
        |(headers, rows): FixedRows| (headers.into_iter().map(Cow::Borrowed).collect(), rows);
    match table {
        Table::Accounts => fixed(account_rows(plan)),
        Table::Meetings => fixed(meeting_rows(plan)),
        Table::Handoffs => fixed(handoff_rows(plan)),
        Table::Leads => lead_rows(plan),
    }
}

/// A time as the CSV files write it: `2027-04-13 11:20`.
fn csv_time(t: DateTime) -> String {
    t.0.format("%Y-%m-%d %H:%M").to_string()
}

/// The header of the column holding when a lead entered `stage`, in HubSpot's current form.
pub fn stage_entered_header(stage: &Stage) -> String {
    let name = stage
        .crm_stage
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .unwrap_or(&stage.name);
    format!("Date entered '{name} (Lifecycle Stage Pipeline)'")
}

/// One row per lead (see the module's docs for the columns). Lookups are by hash, so 100,000
/// leads take no longer than reading them.
fn lead_rows(plan: &Plan) -> Rows {
    let mut headers: Vec<Cow<'static, str>> = [
        "Id",
        "Record ID",
        "First Name",
        "Last Name",
        "Company Name",
        "Associated Company",
        "Associated Company ID",
        "Account Id",
        "Contact owner",
        "Contact owner Email",
        "Create Date",
        "Lifecycle Stage",
    ]
    .into_iter()
    .map(Cow::Borrowed)
    .collect();
    // The first stage of each id, as every lookup of the plan does.
    let mut stage_column: HashMap<&str, usize> = HashMap::new();
    for (i, s) in plan.stages.iter().enumerate() {
        stage_column.entry(s.id.as_str()).or_insert(i);
    }
    let columns: Vec<usize> = {
        let mut c: Vec<usize> = stage_column.values().copied().collect();
        c.sort_unstable();
        c
    };
    for &i in &columns {
        if let Some(s) = plan.stages.get(i) {
            headers.push(Cow::Owned(stage_entered_header(s)));
        }
    }
    headers.push(Cow::Borrowed("Pipeline"));
    let mut accounts: HashMap<&str, &crate::model::Account> = HashMap::new();
    for a in &plan.accounts {
        accounts.entry(a.id.as_str()).or_insert(a);
    }
    let mut people: HashMap<&str, &crate::model::Person> = HashMap::new();
    for p in &plan.people {
        people.entry(p.id.as_str()).or_insert(p);
    }
    let rows = plan
        .leads
        .iter()
        .map(|l| {
            let (first, last) = l.name.split_once(' ').unwrap_or((l.name.as_str(), ""));
            let account = l.account.as_deref().and_then(|a| accounts.get(a));
            let owner = l.owner.as_deref().map(|o| (o, people.get(o)));
            // When the lead last entered each stage, and the stage it is at now.
            let mut entered: Vec<Option<DateTime>> = vec![None; plan.stages.len()];
            let mut current: Option<(DateTime, usize)> = None;
            for r in &l.reached {
                let Some(&i) = stage_column.get(r.stage.as_str()) else {
                    continue;
                };
                if let Some(slot) = entered.get_mut(i) {
                    *slot = Some(slot.map_or(r.at, |t| t.max(r.at)));
                }
                // The latest entry is where it is; at the same time, the later in the file.
                if current.is_none_or(|(t, _)| r.at >= t) {
                    current = Some((r.at, i));
                }
            }
            let lifecycle = current
                .and_then(|(_, i)| plan.stages.get(i))
                .map(|s| {
                    s.crm_stage
                        .as_deref()
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .unwrap_or(&s.name)
                        .to_owned()
                })
                .unwrap_or_default();
            let mut row = vec![
                l.id.clone(),
                l.crm_id.clone().unwrap_or_default(),
                first.to_owned(),
                last.to_owned(),
                l.company.clone().unwrap_or_default(),
                account.map(|a| a.name.clone()).unwrap_or_default(),
                account.and_then(|a| a.crm_id.clone()).unwrap_or_default(),
                l.account.clone().unwrap_or_default(),
                owner
                    .map(|(id, p)| p.map_or_else(|| id.to_owned(), |p| p.name.clone()))
                    .unwrap_or_default(),
                owner
                    .and_then(|(_, p)| p.and_then(|p| p.email.as_deref()))
                    .map(str::trim)
                    .unwrap_or_default()
                    .to_owned(),
                csv_time(l.captured),
                lifecycle,
            ];
            row.extend(columns.iter().map(|&i| {
                entered
                    .get(i)
                    .copied()
                    .flatten()
                    .map(csv_time)
                    .unwrap_or_default()
            }));
            row.push(l.pipeline.map(|p| p.to_string()).unwrap_or_default());
            row
        })
        .collect();
    (headers, rows)
}

/// The name of the person an owner field names (empty when none).
fn name(names: &Names, id: &Option<String>) -> String {
    id.as_deref()
        .map(|p| names.person_name(p))
        .unwrap_or_default()
}

/// The email of the person an owner field names (empty when none is known).
fn email(names: &Names, id: &Option<String>) -> String {
    id.as_deref()
        .and_then(|p| names.person_email(p))
        .unwrap_or_default()
        .to_owned()
}

/// One row per account, with its owners' names and emails, its messages' headlines and its CRM
/// id, so that an export can update the CRM records it came from. The CRM id's column is
/// `Account ID`, Salesforce's name for an account's record id (the column its account exports
/// have, which Data Loader's update maps to the record's `Id`); a HubSpot import maps it to
/// "Record ID" in its mapping step. The importer reads it back as the CRM id.
fn account_rows(plan: &Plan) -> FixedRows {
    let names = Names::of(plan);
    (
        vec![
            "Id",
            "Account Name",
            "Tier",
            "Segment",
            "Account Owner",
            "Account Owner Email",
            "Marketing Owner",
            "Marketing Owner Email",
            "Messages",
            "Notes",
            "Account ID",
        ],
        plan.accounts
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.tier.to_string(),
                    a.segment.clone().unwrap_or_default(),
                    name(&names, &a.owner),
                    email(&names, &a.owner),
                    name(&names, &a.marketing_owner),
                    email(&names, &a.marketing_owner),
                    a.messages
                        .iter()
                        .map(|m| names.message_headline(m))
                        .collect::<Vec<_>>()
                        .join("; "),
                    a.notes.clone().unwrap_or_default(),
                    a.crm_id.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )
}

/// One row per meeting, with its account's name and its attendees' names and emails.
fn meeting_rows(plan: &Plan) -> FixedRows {
    let names = Names::of(plan);
    (
        vec![
            "Id",
            "Account",
            "Account Id",
            "Start",
            "End",
            "Minutes",
            "Location",
            "Status",
            "Goal",
            "Attendees",
            "Attendee Emails",
            "Messages",
        ],
        plan.meetings
            .iter()
            .map(|m| {
                vec![
                    m.id.clone(),
                    names.account_name(&m.account),
                    m.account.clone(),
                    m.start.0.format("%Y-%m-%d %H:%M").to_string(),
                    m.end().0.format("%Y-%m-%d %H:%M").to_string(),
                    m.minutes.to_string(),
                    m.location.clone().unwrap_or_default(),
                    m.status.to_string(),
                    m.goal.clone().unwrap_or_default(),
                    m.people
                        .iter()
                        .map(|p| names.person_name(p))
                        .collect::<Vec<_>>()
                        .join("; "),
                    m.people
                        .iter()
                        .filter_map(|p| names.person_email(p))
                        .collect::<Vec<_>>()
                        .join("; "),
                    m.messages
                        .iter()
                        .map(|x| names.message_headline(x))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect(),
    )
}

/// One row per handoff, with its stages' and owner's names and who signed it off.
fn handoff_rows(plan: &Plan) -> FixedRows {
    let names = Names::of(plan);
    (
        vec![
            "Id",
            "From Stage",
            "To Stage",
            "Trigger",
            "Owner",
            "Owner Email",
            "Owner Team",
            "SLA Hours",
            "Signed Off By",
        ],
        plan.handoffs
            .iter()
            .map(|h| {
                vec![
                    h.id.clone(),
                    names.stage_name(&h.from),
                    names.stage_name(&h.to),
                    h.trigger.clone(),
                    name(&names, &h.owner),
                    email(&names, &h.owner),
                    h.owner
                        .as_deref()
                        .and_then(|p| names.person(p))
                        .map(|p| p.team.to_string())
                        .unwrap_or_default(),
                    h.sla_hours.map(|n| n.to_string()).unwrap_or_default(),
                    h.signoffs
                        .iter()
                        .map(|s| format!("{} ({})", names.person_name(&s.by), s.on))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect(),
    )
}

/// The table as CSV text: a byte-order mark, the header row, one row per item, every cell
/// neutralised.
pub fn export(plan: &Plan, table: Table) -> io::Result<String> {
    let (headers, rows) = rows(plan, table);
    // The byte-order mark first, so the text is never copied to put it in front.
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    writer
        .write_record(headers.iter().map(|h| neutralise(h).into_owned()))
        .map_err(io::Error::other)?;
    for row in rows {
        writer
            .write_record(row.iter().map(|c| neutralise(c).into_owned()))
            .map_err(io::Error::other)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=1+1", "+49 30", "-5", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for fine in [
            "Acme", "", " Acme", "'quoted", "1-2", "Ünal", "日本", "a=b", "–dash",
        ] {
            assert_eq!(neutralise(fine), fine);
        }
        assert_eq!(neutralise("'=1+1"), "''=1+1");
        assert_eq!(neutralise("''-5"), "'''-5");
    }

    #[test]
    fn the_text_marker_is_dropped_again() {
        for cell in [
            "=1+1",
            "+1 Media",
            "- prefers mornings",
            "@home",
            "\tx",
            "'=x",
            "''+y",
            "'quoted",
            "'",
            "''",
            "Acme",
            "",
            " -1",
            "\u{200B}=x",
            "－5",
            "it's",
        ] {
            assert_eq!(drop_text_marker(&neutralise(cell)), cell, "{cell:?}");
        }
        assert_eq!(drop_text_marker("'Acme"), "'Acme");
        assert_eq!(drop_text_marker("'-5"), "-5");
    }
}
