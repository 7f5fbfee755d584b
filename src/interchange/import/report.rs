//! What an import did, or would do ([`ImportReport`]): the merged plan, every item added or
//! changed, every row or value skipped or found ambiguous, and its rendering as lines.

use crate::format::display_safe;
use crate::interchange::import::error::ImportError;
use crate::interchange::import::fields::{Field, Kind};
use crate::interchange::import::mapping::Columns;
use crate::interchange::import::read::Table;
use crate::model::Plan;
use std::collections::{HashMap, HashSet};

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
    /// What would let the skipped rows in, each once, for the command line or the window to
    /// word in its own terms (a flag, a control).
    pub hints: std::collections::BTreeSet<Hint>,
}

/// What the user can do about skipped rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hint {
    /// Meetings name accounts the plan does not have: import the accounts first.
    ImportAccountsFirst,
    /// Dates like 03/04 could be either: say whether the day or the month comes first.
    ChooseDateOrder,
    /// The CRM's stages match no stage of the plan: give the stages their CRM names.
    NameCrmStages,
}

impl ImportReport {
    /// Whether the plan changed.
    pub fn changed(&self) -> bool {
        !self.added.is_empty() || !self.updated.is_empty()
    }

    /// The merged plan's text, to be written, or why it must not be: text longer than `limit`
    /// bytes ([`crate::format::MAX_FILE_BYTES`] for a plan file) would be refused by every
    /// command and the workbench the next time it is opened.
    pub fn plan_text(&self, limit: u64) -> Result<String, ImportError> {
        let text = crate::format::to_string(&self.plan);
        let bytes = text.len() as u64;
        if bytes > limit {
            return Err(ImportError::TooLarge { bytes, limit });
        }
        Ok(text)
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

    /// The whole report as lines for a terminal or a preview. Text from the CSV or the plan
    /// (headers, ids, values) goes through [`display_safe`]: one line each, and no control
    /// character reaches the terminal.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let used: Vec<String> = self
            .columns
            .iter()
            .filter_map(|(h, f)| f.map(|f| format!("{} -> {f}", display_safe(h))))
            .collect();
        let unused: Vec<std::borrow::Cow<'_, str>> = self
            .columns
            .iter()
            .filter(|(_, f)| f.is_none())
            .map(|(h, _)| display_safe(h))
            .collect();
        out.push_str(&format!("columns: {}\n", used.join(", ")));
        if !unused.is_empty() {
            out.push_str(&format!("not used: {}\n", unused.join(", ")));
        }
        for note in &self.notes {
            out.push_str(&format!("note: {}\n", display_safe(note)));
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
                self.added
                    .iter()
                    .map(|id| display_safe(id))
                    .collect::<Vec<_>>()
                    .join(", ")
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
                out.push_str(&format!("  {}: {}\n", display_safe(id), fields.join(", ")));
            }
        }
        if !self.skipped.is_empty() {
            out.push_str("skipped:\n");
            for (line, reason) in &self.skipped {
                out.push_str(&format!("  line {line}: {}\n", display_safe(reason)));
            }
        }
        if !self.ambiguous.is_empty() {
            out.push_str("ambiguous:\n");
            for (line, reason) in &self.ambiguous {
                out.push_str(&format!("  line {line}: {}\n", display_safe(reason)));
            }
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }
}

/// What an import has met so far, to answer "seen before?" in constant time per row.
#[derive(Default)]
pub(super) struct Tally {
    /// The first line that met each id.
    pub(super) first: HashMap<String, usize>,
    /// Ids added.
    added: HashSet<String>,
    /// Where each updated id is in the report's `updated`.
    updated_at: HashMap<String, usize>,
}

/// `s` for any count but one.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl ImportReport {
    /// An empty report on `plan`, with the file's columns and its unreadable rows.
    pub(super) fn start(plan: Plan, kind: Kind, columns: &Columns, table: &Table) -> ImportReport {
        ImportReport {
            plan,
            kind,
            rows: 0,
            columns: columns.listed.clone(),
            added: Vec::new(),
            updated: Vec::new(),
            skipped: table.unreadable.clone(),
            ambiguous: Vec::new(),
            notes: Vec::new(),
            hints: Default::default(),
        }
    }

    /// The report with its skipped and ambiguous rows in line order.
    pub(super) fn finish(mut self) -> ImportReport {
        self.skipped.sort_by_key(|(line, _)| *line);
        self.ambiguous.sort_by_key(|(line, _)| *line);
        // A CRM id (or a lead) is format 2's: the plan becomes what it will be written as.
        self.plan.format = self.plan.written_format();
        self
    }

    /// Notes that `id` was met on `line`, reporting when an earlier row met it too.
    pub(super) fn seen(
        &mut self,
        first: &mut HashMap<String, usize>,
        id: &str,
        name: &str,
        line: usize,
    ) {
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

    /// Notes that `field` of the existing item `id` changed.
    pub(super) fn touch(&mut self, tally: &mut Tally, id: &str, field: &'static str) {
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
    pub(super) fn add(&mut self, tally: &mut Tally, id: String) {
        tally.added.insert(id.clone());
        self.added.push(id);
    }
}

/// Sets `slot` to `value`, noting `field` in `changed` when that changes it.
pub(super) fn set<T: PartialEq>(
    slot: &mut T,
    value: T,
    field: &'static str,
    changed: &mut Vec<&'static str>,
) {
    if *slot != value {
        *slot = value;
        changed.push(field);
    }
}

/// Sets the text in `slot` to a cell's `value`, noting `field` when that changes it. Cells are
/// read without the spaces around them, so a text that differs from the cell only by those
/// spaces is left as it is: an export imports back unchanged.
pub(super) fn set_text(
    slot: &mut Option<String>,
    value: &str,
    field: &'static str,
    changed: &mut Vec<&'static str>,
) {
    if slot.as_deref().map(str::trim) != Some(value.trim()) {
        *slot = Some(value.to_owned());
        changed.push(field);
    }
}

/// A row left out of the import; the report already says why.
pub(super) struct Skipped;
