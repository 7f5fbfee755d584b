//! Merging the leads of a CRM export (HubSpot contacts, Salesforce leads) into a plan: each row
//! matched to a lead by id, else by CRM id, else by name; its account found by the CRM id of its
//! company, else by the company's name; the stages it entered, with their times, merged stage by
//! stage; new leads added; nothing deleted.
//!
//! Stages: a column of stage times (`Became a Marketing Qualified Lead Date`, `Date entered
//! 'Marketing Qualified Lead (Lifecycle Stage Pipeline)'`) and the row's current stage
//! (`Lifecycle Stage`, `Lead Status`) name a CRM stage, which is the plan's stage whose
//! `crm_stage` it is (case, accents and punctuation ignored), or the stage `--map
//! "NAME=stage:ID"` gives. A stage entry needs its time: the current stage is recorded at the
//! time a stage column gives it, else at the `Converted Date` (a Salesforce lead's converted
//! status), else not at all, and the row says so. A time given as a date alone is read as the
//! start of that day, or as the capture time on the day of capture (an entry never comes before
//! its lead's capture).

use crate::interchange::import::crm_headers::normalise_header;
use crate::interchange::import::error::ImportError;
use crate::interchange::import::fields::{Field, Kind};
use crate::interchange::import::lookup::Lookup;
use crate::interchange::import::mapping::{DateOrder, Mapping, Row, assign_columns};
use crate::interchange::import::people::{People, Resolved, resolve_owner};
use crate::interchange::import::read::read_table;
use crate::interchange::import::report::{Hint, ImportReport, Skipped, Tally, set, set_text};
use crate::interchange::import::text::{fold, several};
use crate::interchange::import::when::{When, WhenError, note_converted, parse_when};
use crate::model::{DateTime, Lead, Plan, Reached};
use std::collections::{BTreeMap, HashMap};

/// Merges the leads of a CRM export into `plan` (see the module docs): existing leads (matched by
/// id, else by CRM id, else by name, case- and accent-insensitively; a name a typo away from a
/// lead's is reported, never added as a second lead) get the values the CSV gives where they
/// differ, and the stages it gives merged into theirs; new leads are added with an id made from
/// their name. A row without a name or a create date is skipped. Nothing is deleted.
pub fn leads(plan: &Plan, csv_text: &str, mapping: &Mapping) -> Result<ImportReport, ImportError> {
    let table = read_table(csv_text)?;
    let cols = assign_columns(&table.headers, Kind::Leads, mapping)?;
    let names = stage_names(plan, mapping)?;
    let mut report = ImportReport::start(plan.clone(), Kind::Leads, &cols, &table);
    // Each column of stage times with the plan stage it fills (`None`: no stage of the plan).
    let columns: Vec<(usize, String, Option<String>)> = cols
        .stages
        .iter()
        .map(|c| {
            let stage = c
                .stage
                .clone()
                .or_else(|| names.get(&normalise_header(&c.crm_stage)).cloned());
            (c.index, c.crm_stage.clone(), stage)
        })
        .collect();
    let read: Vec<String> = columns
        .iter()
        .filter_map(|(_, crm, stage)| stage.as_ref().map(|s| format!("'{crm}' as {s}")))
        .collect();
    if !read.is_empty() {
        report
            .notes
            .push(format!("stage times read: {}", read.join(", ")));
    }
    let left: Vec<String> = columns
        .iter()
        .filter(|(_, _, stage)| stage.is_none())
        .map(|(_, crm, _)| format!("'{crm}'"))
        .collect();
    if !left.is_empty() {
        report.notes.push(format!(
            "stage times left out: {}: no stage of the plan has {} as its CRM stage",
            left.join(", "),
            if left.len() == 1 { "it" } else { "them" }
        ));
        report.hints.insert(Hint::NameCrmStages);
    }
    let lookup = Lookup::new(&report.plan.leads, |l| &l.id, |l| &l.name);
    let mut crm = HashMap::new();
    for (i, l) in report.plan.leads.iter().enumerate() {
        if let Some(c) = &l.crm_id {
            crm.entry(c.clone()).or_insert(i);
        }
    }
    let mut account_crm = HashMap::new();
    for a in &plan.accounts {
        if let Some(c) = &a.crm_id {
            account_crm.entry(c.clone()).or_insert_with(|| a.id.clone());
        }
    }
    let mut merge = Merge {
        plan,
        date_order: mapping.date_order,
        report,
        tally: Tally::default(),
        lookup,
        crm,
        accounts: Lookup::new(&plan.accounts, |a| &a.id, |a| &a.name),
        people: People::of(plan),
        account_crm,
        names,
        columns,
        unknown_stages: BTreeMap::new(),
        no_account: 0,
        day_only: false,
    };
    for (line, cells) in &table.rows {
        if cells.iter().all(String::is_empty) {
            continue;
        }
        merge.report.rows += 1;
        merge.row(cols.row(*line, cells));
    }
    Ok(merge.finish())
}

/// The plan's stages by the CRM stage each stands for (normalised as headers are): the stages'
/// `crm_stage`, then `--map "NAME=stage:ID"`, which wins; an error when `--map` names a stage the
/// plan does not have.
fn stage_names(plan: &Plan, mapping: &Mapping) -> Result<HashMap<String, String>, ImportError> {
    let mut names = HashMap::new();
    for s in &plan.stages {
        if let Some(crm) = s.crm_stage.as_deref().filter(|c| !c.trim().is_empty()) {
            names
                .entry(normalise_header(crm))
                .or_insert_with(|| s.id.clone());
        }
    }
    for (name, stage) in &mapping.stages {
        if !plan.stages.iter().any(|s| s.id == *stage) {
            return Err(ImportError::UnknownStage {
                name: name.clone(),
                stage: stage.clone(),
                stages: plan
                    .stages
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        names.insert(normalise_header(name), stage.clone());
    }
    Ok(names)
}

/// A leads import under way.
struct Merge<'p> {
    /// The plan as it was before the import (its people, accounts and event).
    plan: &'p Plan,
    date_order: Option<DateOrder>,
    /// The report, whose plan takes the rows.
    report: ImportReport,
    tally: Tally,
    /// The leads of the report's plan, kept current as rows add and rename them.
    lookup: Lookup,
    /// The leads of the report's plan by their CRM id, kept current likewise.
    crm: HashMap<String, usize>,
    /// The plan's accounts by id and name.
    accounts: Lookup,
    /// The plan's people, who own the leads.
    people: People<'p>,
    /// The plan's account ids by their CRM id.
    account_crm: HashMap<String, String>,
    /// Plan stages by the CRM stage each stands for (see [`stage_names`]).
    names: HashMap<String, String>,
    /// Each column of stage times: its place, its CRM stage, and the plan stage it fills.
    columns: Vec<(usize, String, Option<String>)>,
    /// Current CRM stages that are no stage of the plan, as written, with how many rows gave each.
    unknown_stages: BTreeMap<String, usize>,
    /// Rows whose company is no account of the plan.
    no_account: usize,
    /// A time was given as a date alone.
    day_only: bool,
}

/// The values a row gives a lead besides its id and name.
struct Values {
    captured: DateTime,
    company: Option<String>,
    account: Option<String>,
    owner: Resolved,
    crm_id: Option<String>,
    /// Stages entered, one time each, in stage order of the file.
    reached: Vec<Reached>,
}

/// A time as a cell gives it.
enum Time {
    /// A date and time.
    At(DateTime),
    /// A date alone.
    Day(DateTime),
}

impl Merge<'_> {
    /// The report, with the notes about the file as a whole.
    fn finish(mut self) -> ImportReport {
        if !self.unknown_stages.is_empty() {
            let listed: Vec<String> = self
                .unknown_stages
                .iter()
                .map(|(s, n)| format!("'{s}' ({n} {})", if *n == 1 { "row" } else { "rows" }))
                .collect();
            self.report.notes.push(format!(
                "current stages no stage of the plan has as its CRM stage, not recorded: {}",
                listed.join(", ")
            ));
            self.report.hints.insert(Hint::NameCrmStages);
        }
        if self.no_account > 0 {
            self.report.notes.push(format!(
                "{} {} no account of the plan: account left unset",
                self.no_account,
                if self.no_account == 1 {
                    "row names a company that is"
                } else {
                    "rows name companies that are"
                }
            ));
        }
        if self.day_only {
            self.report.notes.push(
                "times given as a date alone were read as the start of that day (on the day of \
                 capture: as the capture time)"
                    .to_owned(),
            );
        }
        self.report.finish()
    }

    /// Merges one row: into the lead it matches, or as a new lead.
    fn row(&mut self, row: Row<'_>) {
        let line = row.line;
        let Some(name) = lead_name(row) else {
            let reason = match row.cell(Field::Id).or(row.cell(Field::CrmId)) {
                Some(id) => format!("no name (lead {id}): skipped"),
                None => "no name: skipped".to_owned(),
            };
            self.report.skipped.push((line, reason));
            return;
        };
        let Ok(captured) = self.captured(row) else {
            return;
        };
        let crm_id = row
            .cell(Field::CrmId)
            .map(str::trim)
            .filter(|c| !c.is_empty());
        let by_plan_id = row.cell(Field::Id).and_then(|id| self.lookup.id(id.trim()));
        let by_crm_id = crm_id.and_then(|c| self.crm.get(c).copied());
        let Ok(index) = self.find(line, by_plan_id.or(by_crm_id), &name, crm_id) else {
            return;
        };
        let existing = index.and_then(|i| self.report.plan.leads.get(i)).cloned();
        let values = self.values(row, captured, crm_id, existing.as_ref());
        match index {
            Some(i) => {
                let current = existing.as_ref().map(|l| fold(&l.name));
                let rename = match (by_plan_id, by_crm_id) {
                    (Some(_), _) => Some(name.as_str()),
                    (None, Some(_)) => Some(name.as_str()).filter(|n| current != Some(fold(n))),
                    (None, None) => None,
                };
                self.update(line, i, rename, values);
            }
            None => self.add(line, &name, values),
        }
    }

    /// The row's create date, the lead's capture; `Err` when the row is skipped (the report
    /// says why).
    fn captured(&mut self, row: Row<'_>) -> Result<DateTime, Skipped> {
        let Some(cell) = row.cell(Field::Created) else {
            self.report
                .skipped
                .push((row.line, "no create date: skipped".to_owned()));
            return Err(Skipped);
        };
        match self.time(row.line, cell, "create date") {
            Some(Time::At(at) | Time::Day(at)) => Ok(at),
            None => Err(Skipped),
        }
    }

    /// Reads a time cell; `None` when it cannot be read, which the report then says (`what` the
    /// cell is, for the message).
    fn time(&mut self, line: usize, cell: &str, what: &str) -> Option<Time> {
        match parse_when(cell, self.date_order, &self.plan.event) {
            Ok(When::Both(at)) => Some(Time::At(at)),
            Ok(When::Converted(at, shift)) => {
                note_converted(&mut self.report, &self.plan.event, shift);
                Some(Time::At(at))
            }
            Ok(When::Day(d)) => {
                self.day_only = true;
                Some(Time::Day(DateTime(d.0.and_time(chrono::NaiveTime::MIN))))
            }
            Ok(When::Clock(_)) => {
                self.report.skipped.push((
                    line,
                    format!("{what} '{cell}' has no date: {}", left_out(what)),
                ));
                None
            }
            Err(WhenError::Invalid(m)) => {
                self.report
                    .skipped
                    .push((line, format!("{what}: {m}: {}", left_out(what))));
                None
            }
            Err(WhenError::Ambiguous(m)) => {
                self.report.hints.insert(Hint::ChooseDateOrder);
                self.report
                    .ambiguous
                    .push((line, format!("{what}: {m}: {}", left_out(what))));
                None
            }
        }
    }

    /// The lead a row is about: the one its id or CRM id found, else the one of its name (one
    /// with another CRM id is another person); `Ok(None)` for a new lead, `Err` when the row is
    /// skipped (the report says why).
    fn find(
        &mut self,
        line: usize,
        by_id: Option<usize>,
        name: &str,
        crm_id: Option<&str>,
    ) -> Result<Option<usize>, Skipped> {
        if let Some(i) = by_id {
            return Ok(Some(i));
        }
        let leads = &self.report.plan.leads;
        // A lead with another CRM id is another record in the CRM, so another person.
        let maybe_same = |i: &usize| {
            leads
                .get(*i)
                .is_some_and(|l| l.crm_id.is_none() || crm_id.is_none())
        };
        let same: Vec<usize> = self
            .lookup
            .name(name)
            .iter()
            .copied()
            .filter(maybe_same)
            .collect();
        match same[..] {
            [i] => return Ok(Some(i)),
            [] => {}
            _ => {
                let which = several(
                    "leads",
                    same.iter()
                        .filter_map(|&i| leads.get(i))
                        .map(|l| l.id.as_str()),
                );
                self.report
                    .ambiguous
                    .push((line, format!("name '{name}' matches {which}: skipped")));
                return Err(Skipped);
            }
        }
        let near: Vec<usize> = self
            .lookup
            .near(name)
            .into_iter()
            .filter(maybe_same)
            .collect();
        let which = match near[..] {
            [] => return Ok(None),
            [i] => match leads.get(i) {
                Some(l) => format!("lead '{}' ({})", l.name, l.id),
                None => return Ok(None),
            },
            _ => several(
                "leads",
                near.iter()
                    .filter_map(|&i| leads.get(i))
                    .map(|l| l.id.as_str()),
            ),
        };
        self.report.ambiguous.push((
            line,
            format!(
                "name '{name}' is close to {which}: skipped (if it is the same lead, give its \
                 CRM id or its name as the plan has it)"
            ),
        ));
        Err(Skipped)
    }

    /// Reads a row's company, account, owner and stages, reporting what cannot be read or
    /// matched (and what then stays as it is, for an `existing` lead).
    fn values(
        &mut self,
        row: Row<'_>,
        captured: DateTime,
        crm_id: Option<&str>,
        existing: Option<&Lead>,
    ) -> Values {
        let line = row.line;
        let owner = if row.cell(Field::Owner).is_some() || row.cell(Field::OwnerEmail).is_some() {
            let outcome = match existing.and_then(|l| l.owner.as_ref()) {
                Some(p) => format!("owner stays '{p}'"),
                None => "left unassigned".to_owned(),
            };
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
        let company = row
            .cell(Field::Company)
            .or(row.cell(Field::Account))
            .map(str::to_owned);
        let account = self.account(row, existing);
        let reached = self.reached(row, captured, existing);
        Values {
            captured,
            company,
            account,
            owner,
            crm_id: crm_id.map(str::to_owned),
            reached,
        }
    }

    /// The account a row's company is: by its CRM id, else by its name (a name that matches
    /// several accounts, or is a typo away from one, is reported and leaves it unset).
    fn account(&mut self, row: Row<'_>, existing: Option<&Lead>) -> Option<String> {
        if let Some(id) = row
            .cell(Field::AccountCrmId)
            .and_then(|c| self.account_crm.get(c.trim()))
        {
            return Some(id.clone());
        }
        let name = row.cell(Field::Account).or(row.cell(Field::Company))?;
        let outcome = match existing.and_then(|l| l.account.as_ref()) {
            Some(a) => format!("account stays '{a}'"),
            None => "account left unset".to_owned(),
        };
        let accounts = &self.plan.accounts;
        if let Some(a) = self.accounts.id(name.trim()).and_then(|i| accounts.get(i)) {
            return Some(a.id.clone());
        }
        let found = self.accounts.name(name).to_vec();
        match found[..] {
            [i] => accounts.get(i).map(|a| a.id.clone()),
            [] => {
                let near: Vec<&str> = self
                    .accounts
                    .near(name)
                    .into_iter()
                    .filter_map(|i| accounts.get(i))
                    .map(|a| a.id.as_str())
                    .collect();
                match near[..] {
                    [] => self.no_account += 1,
                    _ => self.report.ambiguous.push((
                        row.line,
                        format!(
                            "company '{name}' is close to {}: {outcome}",
                            match near[..] {
                                [one] => format!("account {one}"),
                                _ => several("accounts", near.iter().copied()),
                            }
                        ),
                    )),
                }
                None
            }
            _ => {
                let ids = found.iter().filter_map(|&i| accounts.get(i));
                let which = several("accounts", ids.map(|a| a.id.as_str()));
                self.report.ambiguous.push((
                    row.line,
                    format!("company '{name}' matches {which}: {outcome}"),
                ));
                None
            }
        }
    }

    /// The stages a row says its lead entered, each once with its earliest time: from the
    /// columns of stage times, and the current stage at the time one of them or the converted
    /// date gives. A current stage without a time is reported, unless the lead has it already.
    fn reached(
        &mut self,
        row: Row<'_>,
        captured: DateTime,
        existing: Option<&Lead>,
    ) -> Vec<Reached> {
        let line = row.line;
        let mut found: Vec<Reached> = Vec::new();
        let put = |stage: &str, at: DateTime, found: &mut Vec<Reached>| match found
            .iter_mut()
            .find(|r| r.stage == stage)
        {
            Some(r) => r.at = r.at.min(at),
            None => found.push(Reached {
                stage: stage.to_owned(),
                at,
            }),
        };
        let columns = std::mem::take(&mut self.columns);
        for (index, crm, stage) in &columns {
            let (Some(stage), Some(cell)) = (stage, row.cell_at(*index)) else {
                continue;
            };
            if let Some(t) = self.time(line, cell, &format!("time of '{crm}'")) {
                put(stage, self.not_before(t, captured), &mut found);
            }
        }
        self.columns = columns;
        let Some(status) = row.cell(Field::CrmStage) else {
            return found;
        };
        let Some(stage) = self.names.get(&normalise_header(status)).cloned() else {
            *self
                .unknown_stages
                .entry(status.trim().to_owned())
                .or_default() += 1;
            return found;
        };
        if found.iter().any(|r| r.stage == stage) {
            return found;
        }
        if let Some(cell) = row.cell(Field::Converted)
            && let Some(t) = self.time(line, cell, "converted date")
        {
            put(&stage, self.not_before(t, captured), &mut found);
            return found;
        }
        if !existing.is_some_and(|l| l.reached.iter().any(|r| r.stage == stage)) {
            self.report.skipped.push((
                line,
                format!(
                    "stage '{}' (the plan's {stage}) has no time: not recorded as a stage entry",
                    status.trim()
                ),
            ));
        }
        found
    }

    /// A stage entry's time: a date alone is the start of that day, or the capture time on the
    /// day of capture.
    fn not_before(&self, t: Time, captured: DateTime) -> DateTime {
        match t {
            Time::At(at) => at,
            Time::Day(day) if day.0.date() == captured.0.date() => day.max(captured),
            Time::Day(day) => day,
        }
    }

    /// Writes a row's values into lead `i` where they differ (its name too, when `rename` gives
    /// one), merging its stages by stage, noting each field that changed.
    fn update(&mut self, line: usize, i: usize, rename: Option<&str>, values: Values) {
        let mut changed = Vec::new();
        let Some(l) = self.report.plan.leads.get_mut(i) else {
            return;
        };
        if let Some(n) = rename
            && l.name.trim() != n.trim()
        {
            self.lookup.rename(i, &l.name, n);
            set(&mut l.name, n.to_owned(), "name", &mut changed);
        }
        if let Some(c) = values.company {
            set_text(&mut l.company, &c, "company", &mut changed);
        }
        if let Some(a) = values.account {
            set(&mut l.account, Some(a), "account", &mut changed);
        }
        if let Some(c) = values.crm_id {
            self.crm.entry(c.clone()).or_insert(i);
            set_text(&mut l.crm_id, &c, "crm_id", &mut changed);
        }
        if let Resolved::Person(p) = values.owner {
            set(&mut l.owner, Some(p), "owner", &mut changed);
        }
        set(&mut l.captured, values.captured, "captured", &mut changed);
        let mut reached = l.reached.clone();
        for r in values.reached {
            match reached.iter_mut().find(|x| x.stage == r.stage) {
                Some(x) => x.at = r.at,
                None => reached.push(r),
            }
        }
        if reached != l.reached {
            reached.sort_by_key(|r| r.at);
            l.reached = reached;
            changed.push("reached");
        }
        let (id, label) = (l.id.clone(), l.name.clone());
        self.report.seen(&mut self.tally.first, &id, &label, line);
        for field in changed {
            self.report.touch(&mut self.tally, &id, field);
        }
    }

    /// Adds a new lead named `name` with a row's values.
    fn add(&mut self, line: usize, name: &str, values: Values) {
        let id = self.lookup.fresh_id(name);
        let i = self.report.plan.leads.len();
        self.lookup.add(i, &id, name);
        if let Some(c) = &values.crm_id {
            self.crm.entry(c.clone()).or_insert(i);
        }
        let mut reached = values.reached;
        reached.sort_by_key(|r| r.at);
        self.report.plan.leads.push(Lead {
            id: id.clone(),
            name: name.to_owned(),
            company: values.company,
            account: values.account,
            crm_id: values.crm_id,
            owner: values.owner.into_person(),
            captured: values.captured,
            pipeline: None,
            reached,
        });
        self.report.seen(&mut self.tally.first, &id, name, line);
        self.report.add(&mut self.tally, id);
    }
}

/// A row's lead name: its full name, else its first and last names joined.
fn lead_name(row: Row<'_>) -> Option<String> {
    if let Some(n) = row
        .cell(Field::Name)
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        return Some(n.to_owned());
    }
    let parts: Vec<&str> = [row.cell(Field::FirstName), row.cell(Field::LastName)]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// What happens to a row, or a value, whose time `what` cannot be read.
fn left_out(what: &str) -> &'static str {
    if what == "create date" {
        "skipped"
    } else {
        "left out"
    }
}
