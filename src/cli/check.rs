//! `preshow check`: findings for CI and people, with the exit statuses of the rule catalogue;
//! with `--verify-signoffs REV`, also who committed each sign-off added since `REV`.

use crate::check::{self, Severity, render};
use crate::cli::{
    Deny, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, OutputFormat, date_option, load_plan, shown,
    stdin_once,
};
use crate::format::display_safe;
use crate::git::GitError;
use std::path::{Path, PathBuf};

/// What `preshow check` was asked.
pub(super) struct Request<'a> {
    pub files: &'a [PathBuf],
    pub output: OutputFormat,
    pub deny: Option<Deny>,
    pub today: Option<&'a str>,
    pub verify_signoffs: Option<&'a str>,
}

pub(super) fn run(req: &Request<'_>) -> u8 {
    let today = match date_option("today", req.today) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("preshow check: {e}");
            return EXIT_TROUBLE;
        }
    };
    if let Err(e) = stdin_once(req.files) {
        eprintln!("preshow check: {e}");
        return EXIT_TROUBLE;
    }
    let mut located = Vec::new();
    let mut unreadable = false;
    let mut shallow_said = false;
    for path in req.files {
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
                let findings = match req.verify_signoffs {
                    None => check::check(&loaded.plan, today),
                    Some(rev) => match crate::git::provenance::verification(path, rev) {
                        Ok(v) => {
                            if let Some(c) = &v.history.shallow
                                && !shallow_said
                            {
                                eprintln!(
                                    "preshow check: this is a shallow clone; its history of {} \
                                     starts at commit {}, so sign-offs that commit already has are \
                                     trusted as older than the clone",
                                    path.display(),
                                    c.short
                                );
                                shallow_said = true;
                            }
                            check::check_verified(&loaded.plan, today, &v)
                        }
                        Err(e) => {
                            eprintln!("{}", history_error(path, &e));
                            unreadable = true;
                            continue;
                        }
                    },
                };
                located.extend(render::locate(&name, findings, &loaded.source));
            }
            Err(e) => {
                eprintln!("{}", display_safe(&e.to_string()));
                unreadable = true;
            }
        }
    }
    render::sort(&mut located);
    let text = match req.output {
        // "No gaps found" would be false when a file could not be read at all.
        OutputFormat::Human if unreadable && located.is_empty() => String::new(),
        OutputFormat::Human => render::human(&located),
        OutputFormat::Json => render::json(&located),
        OutputFormat::Github => render::github(&located),
    };
    print!("{text}");
    let fails = |s: Severity| {
        s == Severity::Error || (req.deny == Some(Deny::Warnings) && s == Severity::Warning)
    };
    if unreadable {
        EXIT_TROUBLE
    } else if located.iter().any(|l| fails(l.finding.severity)) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Why the history of `path` could not be read, for `--verify-signoffs`.
fn history_error(path: &Path, e: &GitError) -> String {
    match e {
        GitError::NotAWorkTree => format!(
            "{}: --verify-signoffs needs the plan's git history, and the file is not inside a git \
             repository",
            path.display()
        ),
        _ => format!(
            "{}: --verify-signoffs could not read the plan's git history: {e}",
            path.display()
        ),
    }
}
