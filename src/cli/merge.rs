//! `preshow merge BASE OURS THEIRS [NAME]`: git's merge driver for plans (`%O %A %B %P`). The
//! three-way merge by item and field is [`crate::ops::merge`]; this writes its result into OURS.

use crate::cli::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::format::{self, LoadError};
use crate::model::Plan;
use crate::ops::merge::{self, MARKER_OURS, MARKER_SEPARATOR, MARKER_THEIRS, Merge};
use std::path::{Path, PathBuf};
use std::process::Command;

pub(super) fn run(base: &Path, ours: &Path, theirs: &Path, name: Option<&str>) -> u8 {
    // Git merges temporary copies: name the file as the repository does when we know it.
    let label = name.map_or_else(|| ours.display().to_string(), str::to_owned);
    let mut plans: Vec<Plan> = Vec::with_capacity(3);
    for (path, side) in [(base, "base"), (ours, "ours"), (theirs, "theirs")] {
        let text = match format::read_text(path) {
            Ok(t) => t,
            Err(error) => {
                // Git hands over temporary copies: the error names the file as the repository
                // does, and which side it is.
                eprintln!(
                    "preshow merge: {label} ({side}) could not be read: {}",
                    LoadError {
                        path: PathBuf::from(&label),
                        error
                    }
                );
                return EXIT_TROUBLE;
            }
        };
        let why = match format::parse(&text) {
            Ok(loaded) if loaded.source.comments.is_empty() => {
                plans.push(loaded.plan);
                continue;
            }
            Ok(loaded) => format!(
                "{label} ({side}) has {}, which the merged canonical form would drop",
                crate::model::human::count(loaded.source.comments.len(), "comment")
            ),
            Err(error) => format!(
                "{label} ({side}) is not a readable plan: {}",
                LoadError {
                    path: PathBuf::from(&label),
                    error
                }
            ),
        };
        eprintln!("preshow merge: {why}; merging line by line instead");
        return line_merge(base, ours, theirs);
    }
    let [base_plan, our_plan, their_plan] = plans.as_slice() else {
        return EXIT_TROUBLE;
    };
    match merge::merge(base_plan, our_plan, their_plan) {
        Ok(Merge::Clean(plan)) => write(ours, &format::to_string(&plan), EXIT_OK),
        Ok(Merge::Conflicted { text, conflicts }) => {
            eprintln!(
                "preshow merge: {label}: {} conflict{}, marked in the file between `{MARKER_OURS}`, \
                 `{MARKER_SEPARATOR}` and `{MARKER_THEIRS}`:",
                conflicts.len(),
                if conflicts.len() == 1 { "" } else { "s" }
            );
            for c in &conflicts {
                eprintln!("  {c}");
            }
            eprintln!(
                "keep one side of each (or combine them), delete the marker lines, run \
                 `preshow check {label}`, then `git add` it"
            );
            write(ours, &text, EXIT_FINDINGS)
        }
        Err(e) => {
            eprintln!(
                "preshow merge: {label}: the merged plan did not read back ({e}); merging line \
                 by line instead"
            );
            line_merge(base, ours, theirs)
        }
    }
}

fn write(path: &Path, text: &str, status: u8) -> u8 {
    match format::write_atomic(path, text.as_bytes()) {
        Ok(()) => status,
        Err(e) => {
            eprintln!("{}: could not write: {e}", path.display());
            EXIT_TROUBLE
        }
    }
}

/// Git's own line merge (`git merge-file`) into OURS: for what is not a plan this build can
/// merge by item, such as a file with comments, or of a newer format.
fn line_merge(base: &Path, ours: &Path, theirs: &Path) -> u8 {
    let status = Command::new("git")
        .args(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs"])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .status();
    match status.map(|s| s.code()) {
        Ok(Some(0)) => EXIT_OK,
        // A positive status is the number of conflicts, marked in OURS.
        Ok(Some(1..=127)) => EXIT_FINDINGS,
        Ok(_) => EXIT_TROUBLE,
        Err(e) => {
            eprintln!("preshow merge: could not run git merge-file: {e}");
            EXIT_TROUBLE
        }
    }
}
