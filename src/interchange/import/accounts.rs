//! Merging the accounts of a CRM export into a plan: each row matched to an account by id, else
//! by name; its values written where they differ; new accounts added; nothing deleted.

use crate::interchange::import::error::ImportError;
use crate::interchange::import::fields::{Field, Kind};
use crate::interchange::import::lookup::Lookup;
use crate::interchange::import::mapping::{Mapping, Row, assign_columns};
use crate::interchange::import::people::{People, Resolved, resolve_owner};
use crate::interchange::import::read::read_table;
use crate::interchange::import::report::{ImportReport, Skipped, Tally, set, set_text};
use crate::interchange::import::text::{fold, several};
use crate::interchange::import::values::parse_tier;
use crate::model::{Account, Plan};
use std::borrow::Cow;
use std::collections::HashMap;

/// Merges the accounts of a CRM export into `plan`: existing accounts (matched by id, else by
/// CRM id, else by name, case- and accent-insensitively) get the values the CSV gives where they differ; new ones
/// are added with an id made from their name (tier 3 when the CSV gives none), except a name
/// close to an account's, which is reported as ambiguous; nothing is deleted. Owners are matched to people by email, id or name.
pub fn accounts(
    plan: &Plan,
    csv_text: &str,
    mapping: &Mapping,
) -> Result<ImportReport, ImportError> {
    accounts_into(Cow::Borrowed(plan), csv_text, mapping)
}

/// [`accounts`] on a plan the caller may give away (the command line's, read from its file):
/// an owned plan takes the rows itself, never copied.
pub(super) fn accounts_into(
    plan: Cow<'_, Plan>,
    csv_text: &str,
    mapping: &Mapping,
) -> Result<ImportReport, ImportError> {
    let table = read_table(csv_text)?;
    let cols = assign_columns(&table.headers, Kind::Accounts, mapping)?;
    // An accounts import never changes the people: their index is of the plan as it was.
    let people = plan.people.clone();
    let mut report = ImportReport::start(plan.into_owned(), Kind::Accounts, &cols, &table);
    if !cols.has(Field::Tier) {
        report
            .notes
            .push("no tier column: new accounts are added as tier 3".to_owned());
    }
    let lookup = Lookup::new(&report.plan.accounts, |a| &a.id, |a| &a.name);
    let mut crm = HashMap::new();
    for (i, a) in report.plan.accounts.iter().enumerate() {
        if let Some(c) = &a.crm_id {
            crm.entry(c.clone()).or_insert(i);
        }
    }
    let mut merge = Merge {
        people: People::new(&people),
        report,
        tally: Tally::default(),
        lookup,
        crm,
    };
    for (line, cells) in &table.rows {
        if cells.iter().all(String::is_empty) {
            continue;
        }
        merge.report.rows += 1;
        merge.row(cols.row(*line, cells));
    }
    Ok(merge.report.finish())
}

/// The CRM id a row gives, as written (an export writes it back the same).
fn crm_id_of<'a>(row: Row<'a>) -> Option<&'a str> {
    row.cell(Field::CrmId)
}

/// An accounts import under way.
struct Merge<'p> {
    /// The people of the plan as it was before the import, who own the accounts.
    people: People<'p>,
    /// The report, whose plan takes the rows.
    report: ImportReport,
    tally: Tally,
    /// The accounts of the report's plan, kept current as rows add and rename them.
    lookup: Lookup,
    /// The accounts of the report's plan by their CRM id, kept current likewise.
    crm: HashMap<String, usize>,
}

/// The values a row gives an account besides its id and name.
struct Values {
    tier: Option<i64>,
    owner: Resolved,
    marketing: Resolved,
    segment: Option<String>,
    notes: Option<String>,
    crm_id: Option<String>,
}

impl Merge<'_> {
    /// Merges one row: into the account it matches, or as a new account.
    fn row(&mut self, row: Row<'_>) {
        let name = row.cell(Field::Name);
        let crm_id = crm_id_of(row);
        let by_plan_id = row.cell(Field::Id).and_then(|id| self.lookup.id(id.trim()));
        let by_crm_id = crm_id.and_then(|c| self.crm.get(c).copied());
        let by_id = by_plan_id.or(by_crm_id);
        let Ok(index) = self.find(row, by_id, name) else {
            return;
        };
        if by_id.is_none()
            && let (Some(i), Some(theirs)) = (index, crm_id)
            && let Some(a) = self.report.plan.accounts.get(i)
            && let Some(ours) = a.crm_id.as_deref()
            && ours != theirs
        {
            // Two CRM records of one name: this row is not the account the plan has.
            self.report.ambiguous.push((
                row.line,
                format!(
                    "'{}' has CRM id {theirs}, but account {} of that name has {ours}: skipped \
                     (two CRM records of one name)",
                    name.unwrap_or_default(),
                    a.id
                ),
            ));
            return;
        }
        let existing = index
            .and_then(|i| self.report.plan.accounts.get(i))
            .cloned();
        let values = self.values(row, existing.as_ref());
        match index {
            Some(i) => {
                // A row matched by id names the account as it is now; by CRM id, the CRM's
                // spelling ("IBERLOG DISTRIBUCION") does not replace the plan's ("Iberlog
                // Distribución") unless it is another name.
                let current = self.report.plan.accounts.get(i).map(|a| fold(&a.name));
                let rename = match (by_plan_id, by_crm_id) {
                    (Some(_), _) => name,
                    (None, Some(_)) => name.filter(|n| current != Some(fold(n))),
                    (None, None) => None,
                };
                self.update(row.line, i, rename, values)
            }
            None => {
                if let Some(name) = name {
                    self.add(row.line, name, values);
                }
            }
        }
    }

    /// The account a row is about, by id (the plan's, else the CRM's), else by name: `Ok(None)` when it is a new one, `Err`
    /// when the row is skipped (the report says why).
    fn find(
        &mut self,
        row: Row<'_>,
        by_id: Option<usize>,
        name: Option<&str>,
    ) -> Result<Option<usize>, Skipped> {
        let line = row.line;
        match (by_id, name) {
            (Some(i), _) => Ok(Some(i)),
            (None, None) => {
                let reason = match row.cell(Field::Id) {
                    Some(id) => format!("no name, and id '{id}' is not in the plan: skipped"),
                    None => "no name: skipped".to_owned(),
                };
                self.report.skipped.push((line, reason));
                Err(Skipped)
            }
            (None, Some(n)) => {
                let found = self.lookup.name(n).to_vec();
                match found[..] {
                    [] => self.near_miss(line, n),
                    [i] => Ok(Some(i)),
                    _ => {
                        let ids = found
                            .iter()
                            .filter_map(|&i| self.report.plan.accounts.get(i));
                        let which = several("accounts", ids.map(|a| a.id.as_str()));
                        self.report
                            .ambiguous
                            .push((line, format!("name '{n}' matches {which}: skipped")));
                        Err(Skipped)
                    }
                }
            }
        }
    }

    /// A row whose name matches no account: `Ok(None)`, a new account, unless the name is close
    /// to an account's (a typo, a plural: see [`Lookup::near`]); then it is reported as ambiguous
    /// and skipped (`Err`), never added as a second account.
    fn near_miss(&mut self, line: usize, name: &str) -> Result<Option<usize>, Skipped> {
        let near = self.lookup.near(name);
        let accounts = &self.report.plan.accounts;
        let which = match near[..] {
            [] => return Ok(None),
            [i] => match accounts.get(i) {
                Some(a) => format!("account '{}' ({})", a.name, a.id),
                None => return Ok(None),
            },
            _ => several(
                "accounts",
                near.iter()
                    .filter_map(|&i| accounts.get(i))
                    .map(|a| a.id.as_str()),
            ),
        };
        self.report.ambiguous.push((
            line,
            format!(
                "name '{name}' is close to {which}: skipped (if it is the same account, \
                 give its id or its name as the plan has it; if not, add it in the plan first)"
            ),
        ));
        Err(Skipped)
    }

    /// Reads a row's tier, owners, segment and notes, reporting what cannot be read or matched
    /// (and what then stays as it is, for an `existing` account).
    fn values(&mut self, row: Row<'_>, existing: Option<&Account>) -> Values {
        let line = row.line;
        let unassigned = |current: Option<&String>| match current {
            Some(p) => format!("owner stays '{p}'"),
            None => "left unassigned".to_owned(),
        };
        let tier = row.cell(Field::Tier).and_then(|t| {
            let parsed = parse_tier(t);
            if parsed.is_none() {
                let outcome = if existing.is_some() {
                    "tier not changed"
                } else {
                    "added as tier 3"
                };
                self.report.skipped.push((
                    line,
                    format!("tier '{t}' is not Hot/Warm/Cold, A/B/C or 1/2/3: {outcome}"),
                ));
            }
            parsed
        });
        let owner = if row.cell(Field::Owner).is_some() || row.cell(Field::OwnerEmail).is_some() {
            let outcome = unassigned(existing.and_then(|a| a.owner.as_ref()));
            resolve_owner(
                &self.people,
                &mut self.report,
                line,
                "owner",
                row.cell(Field::Owner),
                row.cell(Field::OwnerEmail),
                &outcome,
            )
        } else {
            Resolved::Unresolved
        };
        let marketing = if row.cell(Field::MarketingOwner).is_some()
            || row.cell(Field::MarketingOwnerEmail).is_some()
        {
            let outcome = unassigned(existing.and_then(|a| a.marketing_owner.as_ref()))
                .replace("owner stays", "marketing owner stays");
            resolve_owner(
                &self.people,
                &mut self.report,
                line,
                "marketing owner",
                row.cell(Field::MarketingOwner),
                row.cell(Field::MarketingOwnerEmail),
                &outcome,
            )
        } else {
            Resolved::Unresolved
        };
        Values {
            tier,
            owner,
            marketing,
            segment: row.cell(Field::Segment).map(str::to_owned),
            notes: row.cell(Field::Notes).map(str::to_owned),
            crm_id: crm_id_of(row).map(str::to_owned),
        }
    }

    /// Writes a row's values into account `i` where they differ (its name too, when `rename`
    /// gives one), noting each field that changed.
    fn update(&mut self, line: usize, i: usize, rename: Option<&str>, values: Values) {
        let mut changed = Vec::new();
        let Some(a) = self.report.plan.accounts.get_mut(i) else {
            return;
        };
        if let Some(n) = rename
            && a.name.trim() != n.trim()
        {
            self.lookup.rename(i, &a.name, n);
            set(&mut a.name, n.to_owned(), "name", &mut changed);
        }
        if let Some(t) = values.tier {
            set(&mut a.tier, t, "tier", &mut changed);
        }
        if let Resolved::Person(p) = values.owner {
            set(&mut a.owner, Some(p), "owner", &mut changed);
        }
        if let Resolved::Person(p) = values.marketing {
            set(
                &mut a.marketing_owner,
                Some(p),
                "marketing_owner",
                &mut changed,
            );
        }
        if let Some(s) = values.segment {
            set_text(&mut a.segment, &s, "segment", &mut changed);
        }
        if let Some(n) = values.notes {
            set_text(&mut a.notes, &n, "notes", &mut changed);
        }
        if let Some(c) = values.crm_id {
            self.crm.entry(c.clone()).or_insert(i);
            set_text(&mut a.crm_id, &c, "crm_id", &mut changed);
        }
        let (id, label) = (a.id.clone(), a.name.clone());
        self.report.seen(&mut self.tally.first, &id, &label, line);
        for field in changed {
            self.report.touch(&mut self.tally, &id, field);
        }
    }

    /// Adds a new account named `name` with a row's values (tier 3 when it gives none).
    fn add(&mut self, line: usize, name: &str, values: Values) {
        let id = self.lookup.fresh_id(name);
        let i = self.report.plan.accounts.len();
        self.lookup.add(i, &id, name);
        if let Some(c) = &values.crm_id {
            self.crm.entry(c.clone()).or_insert(i);
        }
        self.report.plan.accounts.push(Account {
            id: id.clone(),
            name: name.to_owned(),
            tier: values.tier.unwrap_or(3),
            owner: values.owner.into_person(),
            marketing_owner: values.marketing.into_person(),
            segment: values.segment,
            messages: Vec::new(),
            notes: values.notes,
            crm_id: values.crm_id,
        });
        self.report.seen(&mut self.tally.first, &id, name, line);
        self.report.add(&mut self.tally, id);
    }
}
