//! Import from CRM exports: accounts, meetings and leads read from CSV and merged into a plan.
//!
//! [`accounts`], [`meetings`] and [`leads`] are pure: they take a plan and the text of a CSV file and give
//! back the merged plan together with a report of what was added, what was updated (field by
//! field), and which rows or values were skipped or ambiguous, each with its CSV line number. The
//! command line prints the report (and writes the plan unless `--dry-run`); the workbench can show
//! the same report as a preview and apply [`ImportReport::plan`] as one undoable step.
//!
//! Columns are recognised by their headers, case- and accent-insensitively, with the names that
//! Salesforce, HubSpot and hand-made sheets use ("Account Name", "Company name", "Account Owner",
//! "Rating", "Industry", ...). A [`Mapping`] overrides the recognition column by column.
//!
//! Merging never deletes: accounts are matched by id, else by CRM id, else by name (folded as
//! everywhere: [`crate::model::fold`]), and a name a typo away from an account's is reported,
//! never added as a second account; meetings by id, else by account and start; leads by id,
//! else by CRM id, else by name, their stages merged stage by stage (see [`leads`]). Only cells that
//! hold a value change anything; an empty cell leaves the plan's value alone, and a cell's `'`
//! before a formula sign, which an export adds, is dropped
//! ([`crate::interchange::export::csv::drop_text_marker`]).
//!
//! The files, by job: `read` turns a file into rows (encoding, delimiter, header row); `fields`
//! and `crm_headers` name what a column can fill and the headers each CRM uses for it; `mapping`
//! decides which column fills which field; `values` and `when` read the cells (tiers, statuses,
//! lengths, dates and times); `text` folds names for comparing them; `people` and `lookup` match
//! names to the plan's people, accounts and meetings; `accounts`, `meetings` and `leads` merge the
//! rows;
//! `report` says what happened; `error` holds why a file cannot be imported at all.

mod accounts;
mod crm_headers;
mod error;
mod fields;
mod leads;
mod lookup;
mod mapping;
mod meetings;
mod people;
mod read;
mod report;
mod text;
mod values;
mod when;

pub use accounts::accounts;
pub use crm_headers::{is_lead_export, normalise_header};
pub use error::{DecodeError, ImportError, MappingError, ReadError};
pub use fields::{Field, Kind};
pub use leads::leads;
pub use mapping::{DateOrder, Mapping};
pub use meetings::meetings;
pub use people::{PersonMatch, match_person};
pub use read::{decode, headers, read_file};
pub use report::{Hint, ImportReport};
pub use values::{parse_minutes, parse_status, parse_tier};

use crate::model::Plan;
use std::borrow::Cow;

/// Imports a CSV file of `kind` into `plan`: [`accounts`], [`meetings`] or [`leads`]. A plan
/// given away ([`Cow::Owned`], as the command line's, read from its file) becomes the report's
/// plan where the import allows, instead of being copied.
pub fn import(
    kind: Kind,
    plan: Cow<'_, Plan>,
    csv_text: &str,
    mapping: &Mapping,
) -> Result<ImportReport, ImportError> {
    match kind {
        Kind::Accounts => accounts::accounts_into(plan, csv_text, mapping),
        Kind::Meetings => meetings(&plan, csv_text, mapping),
        Kind::Leads => leads(&plan, csv_text, mapping),
    }
}
