//! `preshow export`: the meetings as a calendar, CRM-ready CSV, or a brief for leadership.

use crate::cli::{EXIT_OK, EXIT_TROUBLE, date_option, load_plan, not_written, replace, shown};
use crate::format::{self, display_safe};
use crate::interchange::export::{brief, csv, ics};
use clap::{ArgGroup, Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Which CSV to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvTable {
    /// Accounts with their owners' names and emails.
    Accounts,
    /// Meetings with their attendees' names and emails.
    Meetings,
    /// Lead handoffs with their owners and SLAs.
    Handoffs,
    /// Leads with their owners and the time they entered each stage (HubSpot's headers).
    Leads,
}

/// Which brief to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML page that prints on one or two sheets.
    Html,
}

/// The arguments of `preshow export`.
#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["ics", "csv", "brief"])))]
pub struct ExportArgs {
    /// The plan file (`-`: standard input).
    pub file: PathBuf,
    /// Write an RFC 5545 calendar of the active meetings to OUT (`-`: standard output).
    #[arg(long, value_name = "OUT")]
    pub ics: Option<PathBuf>,
    /// With --ics: only this person's meetings (a person id).
    #[arg(long, value_name = "ID", requires = "ics")]
    pub person: Option<String>,
    /// Write CRM-ready CSV of accounts, meetings, handoffs or leads (to -o OUT).
    #[arg(long, value_enum, value_name = "TABLE")]
    pub csv: Option<CsvTable>,
    /// Write a one-page brief for leadership as Markdown or HTML (to -o OUT).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub brief: Option<BriefFormat>,
    /// Where --csv and --brief write (`-`: standard output).
    #[arg(
        short = 'o',
        long = "out",
        value_name = "OUT",
        conflicts_with = "ics",
        required_unless_present = "ics"
    )]
    pub output: Option<PathBuf>,
    /// The date that decides what is overdue in the brief (YYYY-MM-DD; default: the system date).
    #[arg(long)]
    pub today: Option<String>,
    /// Replace OUT even when it is read-only.
    #[arg(long)]
    pub force: bool,
}

pub(super) fn run(args: &ExportArgs) -> u8 {
    match export(args) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("{}", display_safe(&e));
            EXIT_TROUBLE
        }
    }
}

fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn write_out(path: &Path, text: &str, force: bool) -> Result<(), String> {
    if is_stdout(path) {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| format!("could not write to standard output: {e}"))
    } else {
        format::write_file(path, text.as_bytes(), replace(force)).map_err(|e| match e {
            format::WriteError::NotAFile { what, .. } if what != "a folder" => {
                format!("{e} (to write to standard output, give -)")
            }
            _ => not_written(&e),
        })
    }
}

/// Says what was written: on standard output, or on standard error when the export went there.
fn done(path: &Path, what: String) {
    if is_stdout(path) {
        eprintln!("{what}");
    } else {
        println!("{what}");
    }
}

fn export(args: &ExportArgs) -> Result<(), String> {
    let today =
        date_option("today", args.today.as_deref()).map_err(|e| format!("preshow export: {e}"))?;
    let loaded = load_plan(&args.file).map_err(|e| e.to_string())?;
    let name = shown(&args.file);
    if let Some(from) = loaded.migrated_from {
        eprintln!(
            "{name}: read as format {from} and exported as format {}",
            loaded.plan.format
        );
    }
    let plan = &loaded.plan;
    if let Some(out) = &args.ics {
        let stamp = chrono::Utc::now().naive_utc();
        // The calendar being replaced says which meetings changed since it was written.
        let earlier = if is_stdout(out) {
            ics::Earliers::default()
        } else {
            ics::Earliers::read(out)
        };
        let cal = ics::calendar_replacing(plan, args.person.as_deref(), stamp, &earlier)
            .map_err(|e| format!("{name}: {e}"))?;
        if let Some(w) = &cal.warning {
            eprintln!("{name}: {}", display_safe(w));
        }
        write_out(out, &cal.text, args.force)?;
        done(
            out,
            format!(
                "{name}: {} meeting{} written to {}",
                cal.events,
                if cal.events == 1 { "" } else { "s" },
                out.display()
            ),
        );
        return Ok(());
    }
    let Some(out) = &args.output else {
        return Err("preshow export: --csv and --brief need -o OUT".into());
    };
    let (text, what) = if let Some(table) = args.csv {
        let table = match table {
            CsvTable::Accounts => csv::Table::Accounts,
            CsvTable::Meetings => csv::Table::Meetings,
            CsvTable::Handoffs => csv::Table::Handoffs,
            CsvTable::Leads => csv::Table::Leads,
        };
        let text =
            csv::export(plan, table).map_err(|e| format!("{name}: could not make the CSV: {e}"))?;
        (text, format!("{} CSV", table.key()))
    } else {
        match args.brief {
            Some(BriefFormat::Md) => (brief::markdown(plan, today), "Markdown brief".to_owned()),
            Some(BriefFormat::Html) => (brief::html(plan, today), "HTML brief".to_owned()),
            None => return Err("preshow export: give --ics, --csv or --brief".into()),
        }
    };
    write_out(out, &text, args.force)?;
    done(out, format!("{name}: {what} written to {}", out.display()));
    Ok(())
}
