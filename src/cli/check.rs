//! `preshow check`: findings for CI and people, with the exit statuses of the rule catalogue.

use crate::check::{self, Severity, render};
use crate::cli::{
    Deny, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, OutputFormat, date_option, load_plan, shown,
    stdin_once,
};
use crate::format::display_safe;
use std::path::PathBuf;

pub(super) fn run(
    files: &[PathBuf],
    output: OutputFormat,
    deny: Option<Deny>,
    today: Option<&str>,
) -> u8 {
    let today = match date_option("today", today) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("preshow check: {e}");
            return EXIT_TROUBLE;
        }
    };
    if let Err(e) = stdin_once(files) {
        eprintln!("preshow check: {e}");
        return EXIT_TROUBLE;
    }
    let mut located = Vec::new();
    let mut unreadable = false;
    for path in files {
        match load_plan(path) {
            Ok(loaded) => {
                let name = shown(path);
                if let Some(from) = loaded.migrated_from {
                    eprintln!(
                        "{}: read as format {from} and checked as format {}",
                        display_safe(&name),
                        loaded.plan.format
                    );
                }
                let findings = check::check(&loaded.plan, today);
                located.extend(render::locate(&name, findings, &loaded.source));
            }
            Err(e) => {
                eprintln!("{}", display_safe(&e.to_string()));
                unreadable = true;
            }
        }
    }
    render::sort(&mut located);
    let text = match output {
        // "No gaps found" would be false when a file could not be read at all.
        OutputFormat::Human if unreadable && located.is_empty() => String::new(),
        OutputFormat::Human => render::human(&located),
        OutputFormat::Json => render::json(&located),
        OutputFormat::Github => render::github(&located),
    };
    print!("{text}");
    let fails = |s: Severity| {
        s == Severity::Error || (deny == Some(Deny::Warnings) && s == Severity::Warning)
    };
    if unreadable {
        EXIT_TROUBLE
    } else if located.iter().any(|l| fails(l.finding.severity)) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
