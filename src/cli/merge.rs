//! `preshow merge BASE OURS THEIRS [NAME]`: git's merge driver for plans (`%O %A %B %P`). The
//! three-way merge by item and field is [`crate::ops::merge`]; this writes its result into OURS.

use crate::cli::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::format::{self, LoadError, display_safe};
use crate::model::Plan;
use crate::ops::merge::{self, MARKER_OURS, MARKER_SEPARATOR, MARKER_THEIRS, Merge};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub(super) fn run(base: &Path, ours: &Path, theirs: &Path, name: Option<&str>) -> u8 {
    // Git merges temporary copies: name the file as the repository does when we know it. The
    // name and everything from the plans is printed through display_safe.
    let label =
        display_safe(&name.map_or_else(|| ours.display().to_string(), str::to_owned)).into_owned();
    let mut plans: Vec<Plan> = Vec::with_capacity(3);
    for (path, side) in [(base, "base"), (ours, "ours"), (theirs, "theirs")] {
        let text = match format::read_text(path) {
            Ok(t) => t,
            Err(error) => {
                // Git hands over temporary copies: the error names the file as the repository
                // does, and which side it is.
                let e = LoadError {
                    path: PathBuf::from(&label),
                    error,
                };
                eprintln!(
                    "preshow merge: {label} ({side}) could not be read: {}",
                    display_safe(&e.to_string())
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
                display_safe(
                    &LoadError {
                        path: PathBuf::from(&label),
                        error
                    }
                    .to_string()
                )
            ),
        };
        eprintln!("preshow merge: {why}; merging line by line instead");
        return line_merge(base, ours, theirs, &label);
    }
    let [base_plan, our_plan, their_plan] = plans.as_slice() else {
        return EXIT_TROUBLE;
    };
    match merge::merge(base_plan, our_plan, their_plan) {
        Ok(Merge::Clean(plan)) => write(ours, format::to_string(&plan).as_bytes(), EXIT_OK),
        Ok(Merge::Conflicted { text, conflicts }) => {
            eprintln!(
                "preshow merge: {label}: {} conflict{}, marked in the file between `{MARKER_OURS}`, \
                 `{MARKER_SEPARATOR}` and `{MARKER_THEIRS}`:",
                conflicts.len(),
                if conflicts.len() == 1 { "" } else { "s" }
            );
            for c in &conflicts {
                eprintln!("  {}", display_safe(&c.to_string()));
            }
            eprintln!(
                "keep one side of each (or combine them), delete the marker lines, run \
                 `preshow check {label}`, then `git add` it"
            );
            write(ours, text.as_bytes(), EXIT_FINDINGS)
        }
        Err(e) => {
            eprintln!(
                "preshow merge: {label}: the merged plan did not read back ({}); merging line \
                 by line instead",
                display_safe(&e.to_string())
            );
            line_merge(base, ours, theirs, &label)
        }
    }
}

/// Writes the result into OURS (through a link, atomically) and returns `status`, or trouble
/// when it could not be written.
fn write(path: &Path, text: &[u8], status: u8) -> u8 {
    match format::write_atomic(path, text) {
        Ok(()) => status,
        Err(e) => {
            eprintln!("preshow merge: {e}");
            EXIT_TROUBLE
        }
    }
}

/// Git's own line merge (`git merge-file`) into OURS: for what is not a plan this build can
/// merge by item, such as a file with comments, or of a newer format. Git prints the result,
/// which is written into OURS the one safe way; a clean result that is no plan Preshow can
/// open is reported as a conflict, so git does not record it as merged.
fn line_merge(base: &Path, ours: &Path, theirs: &Path, label: &str) -> u8 {
    let output = Command::new("git")
        .args([
            "merge-file",
            "--stdout",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
            "--",
        ])
        .arg(ours)
        .arg(base)
        .arg(theirs)
        .stderr(Stdio::inherit())
        .output();
    let output = match output {
        Ok(o) => o,
        Err(e) => {
            eprintln!("preshow merge: could not run git merge-file: {e}");
            return EXIT_TROUBLE;
        }
    };
    let conflicts = match output.status.code() {
        // A positive status is the number of conflicts, marked in the text.
        Some(n @ 0..=127) => n,
        _ => {
            eprintln!("preshow merge: git merge-file failed ({})", output.status);
            return EXIT_TROUBLE;
        }
    };
    let text = output.stdout;
    let status = if conflicts > 0 {
        eprintln!(
            "preshow merge: {label}: {} from the line merge, marked in the file; keep one side \
             of each (or combine them), delete the marker lines, run `preshow check {label}`, \
             then `git add` it",
            crate::model::human::count(usize::try_from(conflicts).unwrap_or(0), "conflict")
        );
        EXIT_FINDINGS
    } else {
        let why = match std::str::from_utf8(&text) {
            Ok(t) => format::parse(t).err().map(|error| {
                LoadError {
                    path: PathBuf::from(label),
                    error,
                }
                .to_string()
            }),
            Err(_) => Some(format!("{label}: the merged text is not UTF-8")),
        };
        match why {
            None => EXIT_OK,
            Some(why) => {
                eprintln!(
                    "preshow merge: the line merge gave a file Preshow cannot open, so it is \
                     left as a conflict: {why}\nmake it a plan again (`preshow check {label}` \
                     says what is wrong), then `git add` it"
                );
                EXIT_FINDINGS
            }
        }
    };
    write(ours, &text, status)
}
