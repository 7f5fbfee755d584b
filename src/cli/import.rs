//! `preshow import`: merge a CRM's CSV export of accounts, meetings or leads into a plan.

use crate::cli::{
    EXIT_OK, EXIT_TROUBLE, STDIN_NAME, comments_would_be_lost, is_std, not_written, replace, shown,
};
use crate::format;
use crate::interchange::import::{self, DateOrder, ImportReport, Mapping};
use clap::{Args, ValueEnum};
use std::borrow::Cow;
use std::path::PathBuf;

/// How slashed dates are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Dates {
    /// Day first: 09/03/2027 is 9 March.
    Dmy,
    /// Month first: 03/09/2027 is 9 March.
    Mdy,
}

/// The arguments of `preshow import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The plan file to merge into.
    pub file: PathBuf,
    /// A CSV export of accounts (Salesforce accounts, HubSpot companies, or any sheet with a
    /// name column; `-`: standard input).
    #[arg(
        long,
        value_name = "CSV",
        conflicts_with_all = ["meetings", "leads"],
        required_unless_present_any = ["meetings", "leads"]
    )]
    pub accounts: Option<PathBuf>,
    /// A CSV export of meetings (account, start, length, location, attendees, status, subject;
    /// `-`: standard input).
    #[arg(long, value_name = "CSV", conflicts_with = "leads")]
    pub meetings: Option<PathBuf>,
    /// A CSV export of leads: HubSpot contacts or Salesforce leads (name, company, owner, create
    /// date, CRM ids, and the stages each entered with their times; `-`: standard input). A CRM
    /// stage is the plan's stage whose crm_stage it is, or the one --map "NAME=stage:ID" gives.
    #[arg(long, value_name = "CSV")]
    pub leads: Option<PathBuf>,
    /// Print what would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Read a column as a field, overriding the recognised headers, e.g.
    /// --map "Key Account Manager=owner" (fields: id, name, owner, owner_email, marketing_owner,
    /// marketing_owner_email, tier, segment, notes, crm_id; account, start, date, time, minutes,
    /// end, location, attendees, status, goal; for leads also first_name, last_name, company,
    /// account_crm_id, captured, crm_stage, converted; ignore). For leads, NAME=stage:ID says
    /// that the CRM stage NAME (a lifecycle stage, a lead status), or the column of times called
    /// NAME, is the plan's stage ID: --map "Working - Contacted=stage:sal".
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// How to read slashed dates such as 09/03/2027 (default: the only possible way, or the way
    /// that falls within the event's days).
    #[arg(long, value_enum)]
    pub dates: Option<Dates>,
    /// Rewrite the plan even when its comments would be lost or it is read-only.
    #[arg(long)]
    pub force: bool,
}

pub(super) fn run(args: &ImportArgs) -> u8 {
    match import_file(args) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("{}", format::display_safe_lines(&e));
            EXIT_TROUBLE
        }
    }
}

fn import_file(args: &ImportArgs) -> Result<(), String> {
    let (csv_path, kind) = match (&args.accounts, &args.meetings, &args.leads) {
        (Some(p), _, _) => (p, import::Kind::Accounts),
        (None, Some(p), _) => (p, import::Kind::Meetings),
        (None, None, Some(p)) => (p, import::Kind::Leads),
        (None, None, None) => {
            return Err(
                "preshow import: give --accounts CSV, --meetings CSV or --leads CSV".into(),
            );
        }
    };
    let mut mapping = Mapping::parse(&args.map).map_err(|e| format!("preshow import: {e}"))?;
    mapping.date_order = args.dates.map(|d| match d {
        Dates::Dmy => DateOrder::DayFirst,
        Dates::Mdy => DateOrder::MonthFirst,
    });
    let path = &args.file;
    let fail = |error| format::LoadError {
        path: path.clone(),
        error,
    };
    let text = format::read_text(path).map_err(|e| fail(e).to_string())?;
    let loaded = format::parse(&text).map_err(|e| fail(e).to_string())?;
    // The plan is in the model now: its text is not held through the import.
    drop(text);
    if let Some(from) = loaded.migrated_from {
        eprintln!(
            "{}: read as format {from}; it is written as format {}",
            path.display(),
            loaded.plan.format
        );
    }
    let comments = loaded.source.comments;
    let csv_text = if is_std(csv_path) {
        stdin_csv()?
    } else {
        import::read_file(csv_path).map_err(|e| e.to_string())?
    };
    let csv_name = shown(csv_path);
    let report: ImportReport = import::import(kind, Cow::Owned(loaded.plan), &csv_text, &mapping)
        .map_err(|e| format!("{csv_name}: {e}"))?;
    drop(csv_text);
    println!(
        "{}: {} from {csv_name}{}",
        path.display(),
        kind,
        if args.dry_run { " (dry run)" } else { "" }
    );
    print!("{}", report.render());
    for hint in &report.hints {
        println!(
            "hint: {}",
            match hint {
                import::Hint::ImportAccountsFirst =>
                    "import the accounts first (`preshow import --accounts`), then the meetings again",
                import::Hint::ChooseDateOrder =>
                    "say which comes first in the ambiguous dates with --dates dmy or --dates mdy",
                import::Hint::NameCrmStages =>
                    "to read the stage times, give each stage of the plan its CRM name \
                     (`crm_stage: \"Marketing Qualified Lead\"`), or map them: \
                     --map \"Marketing Qualified Lead=stage:mql\"",
            }
        );
    }
    if args.dry_run {
        println!("dry run: {} was not changed", path.display());
        return Ok(());
    }
    if !report.changed() {
        println!("nothing to change: {} was not written", path.display());
        return Ok(());
    }
    if !comments.is_empty() && !args.force {
        return Err(comments_would_be_lost(path, &comments));
    }
    let canonical = report
        .plan_text(format::MAX_FILE_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    format::write_file(path, canonical.as_bytes(), replace(args.force))
        .map_err(|e| not_written(&e))?;
    println!("{}: written", path.display());
    Ok(())
}

/// A CSV export piped on standard input (`--accounts -`), read as a file would be.
fn stdin_csv() -> Result<String, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(format::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{STDIN_NAME}: {e}"))?;
    if bytes.len() as u64 > format::MAX_FILE_BYTES {
        return Err(format!(
            "{STDIN_NAME}: larger than {} MiB, and refused",
            format::MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    import::decode(bytes).map_err(|e| format!("{STDIN_NAME}: {e}"))
}
