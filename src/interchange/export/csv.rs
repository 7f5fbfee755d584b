//! CRM-ready CSV of accounts, meetings or handoffs, with owners' names and emails.
//!
//! The files are RFC 4180 CSV (comma-separated, CRLF line endings, quoted where needed) in UTF-8
//! with a byte-order mark, so spreadsheet programs read accents right. Every cell that a
//! spreadsheet could run as a formula is prefixed with a single quote `'`, as OWASP recommends
//! against CSV injection: the cell then opens as text ([`neutralise`] says which). The importer
//! drops that marker again ([`drop_text_marker`]) and recognises these headers, so an exported
//! file imports back with nothing changed.

use crate::interchange::export::{
    account_name, message_headline, person_email, person_name, stage_name,
};
use crate::model::Plan;
use std::borrow::Cow;
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
}

impl Table {
    /// `accounts`, `meetings` or `handoffs`.
    pub fn key(self) -> &'static str {
        match self {
            Table::Accounts => "accounts",
            Table::Meetings => "meetings",
            Table::Handoffs => "handoffs",
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
type Rows = (Vec<&'static str>, Vec<Vec<String>>);

/// The headers and rows of a table, before neutralising.
pub fn rows(plan: &Plan, table: Table) -> (Vec<&'static str>, Vec<Vec<String>>) {
    match table {
        Table::Accounts => account_rows(plan),
        Table::Meetings => meeting_rows(plan),
        Table::Handoffs => handoff_rows(plan),
    }
}

/// The name of the person an owner field names (empty when none).
fn name(plan: &Plan, id: &Option<String>) -> String {
    id.as_deref()
        .map(|p| person_name(plan, p))
        .unwrap_or_default()
}

/// The email of the person an owner field names (empty when none is known).
fn email(plan: &Plan, id: &Option<String>) -> String {
    id.as_deref()
        .and_then(|p| person_email(plan, p))
        .unwrap_or_default()
        .to_owned()
}

/// One row per account, with its owners' names and emails, its messages' headlines and its CRM
/// id, so that an export can update the CRM records it came from. The CRM id's column is
/// `Account ID`, Salesforce's name for an account's record id (the column its account exports
/// have, which Data Loader's update maps to the record's `Id`); a HubSpot import maps it to
/// "Record ID" in its mapping step. The importer reads it back as the CRM id.
fn account_rows(plan: &Plan) -> Rows {
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
                    name(plan, &a.owner),
                    email(plan, &a.owner),
                    name(plan, &a.marketing_owner),
                    email(plan, &a.marketing_owner),
                    a.messages
                        .iter()
                        .map(|m| message_headline(plan, m))
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
fn meeting_rows(plan: &Plan) -> Rows {
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
                    account_name(plan, &m.account),
                    m.account.clone(),
                    m.start.0.format("%Y-%m-%d %H:%M").to_string(),
                    m.end().0.format("%Y-%m-%d %H:%M").to_string(),
                    m.minutes.to_string(),
                    m.location.clone().unwrap_or_default(),
                    m.status.to_string(),
                    m.goal.clone().unwrap_or_default(),
                    m.people
                        .iter()
                        .map(|p| person_name(plan, p))
                        .collect::<Vec<_>>()
                        .join("; "),
                    m.people
                        .iter()
                        .filter_map(|p| person_email(plan, p))
                        .collect::<Vec<_>>()
                        .join("; "),
                    m.messages
                        .iter()
                        .map(|x| message_headline(plan, x))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect(),
    )
}

/// One row per handoff, with its stages' and owner's names and who signed it off.
fn handoff_rows(plan: &Plan) -> Rows {
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
                    stage_name(plan, &h.from),
                    stage_name(plan, &h.to),
                    h.trigger.clone(),
                    name(plan, &h.owner),
                    email(plan, &h.owner),
                    h.owner
                        .as_deref()
                        .and_then(|p| plan.person(p))
                        .map(|p| p.team.to_string())
                        .unwrap_or_default(),
                    h.sla_hours.map(|n| n.to_string()).unwrap_or_default(),
                    h.signoffs
                        .iter()
                        .map(|s| format!("{} ({})", person_name(plan, &s.by), s.on))
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
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
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
    let text = String::from_utf8(bytes).map_err(io::Error::other)?;
    Ok(format!("\u{feff}{text}"))
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
