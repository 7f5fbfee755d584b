//! `preshow merge BASE OURS THEIRS [NAME [SIZE [BASE-LABEL OURS-LABEL THEIRS-LABEL]]]`: git's
//! merge driver for plans (`%O %A %B %P %L %S %X %Y`). The three-way merge by item and field is
//! [`crate::ops::merge`]; this writes its result into OURS, with conflict markers that carry
//! git's labels, and a base section when asked (`--diff3`, or git's `merge.conflictStyle`).

use crate::cli::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE};
use crate::format::{self, LoadError, display_safe};
use crate::model::Plan;
use crate::ops::merge::{self, Markers, Merge};
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The arguments of `preshow merge`, in the order git's placeholders give them.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's `%O`).
    pub base: PathBuf,
    /// Our version (`%A`); the result is written here.
    pub ours: PathBuf,
    /// Their version (`%B`).
    pub theirs: PathBuf,
    /// The file's name in the repository, for messages (`%P`).
    pub name: Option<String>,
    /// How long conflict markers are (`%L`; 7 when left out, and never shorter).
    #[arg(value_name = "SIZE")]
    pub marker_size: Option<String>,
    /// The common ancestor's label, after `|||||||` (`%S`).
    #[arg(value_name = "BASE-LABEL")]
    pub base_label: Option<String>,
    /// Our label, after `<<<<<<<` (`%X`; `ours` when left out).
    #[arg(value_name = "OURS-LABEL")]
    pub ours_label: Option<String>,
    /// Their label, after `>>>>>>>` (`%Y`; `theirs` when left out).
    #[arg(value_name = "THEIRS-LABEL")]
    pub theirs_label: Option<String>,
    /// Write the common ancestor's version in each conflict, between `|||||||` and `=======`
    /// (git's diff3 style). Without it, the base is written when git's `merge.conflictStyle` is
    /// `diff3` or `zdiff3`.
    #[arg(long)]
    pub diff3: bool,
}

impl MergeArgs {
    /// The markers the arguments ask for. An argument git left unexpanded (an older git passes
    /// `%S` as it is) or empty counts as left out.
    fn markers(&self) -> Result<Markers, String> {
        let given = |v: &Option<String>| {
            v.as_deref()
                .filter(|v| !v.is_empty() && !is_placeholder(v))
                .map(str::to_owned)
        };
        let mut markers = Markers::default();
        if let Some(size) = given(&self.marker_size) {
            markers.size = size
                .parse()
                .map_err(|_| format!("the marker size must be a number, not `{size}`"))?;
        }
        for (value, label) in [
            (&self.base_label, &mut markers.base),
            (&self.ours_label, &mut markers.ours),
            (&self.theirs_label, &mut markers.theirs),
        ] {
            if let Some(v) = given(value) {
                *label = v;
            }
        }
        markers.diff3 = self.diff3 || git_asks_for_diff3();
        Ok(markers)
    }
}

/// Whether `value` is one of git's placeholders (`%S`) left as it was.
fn is_placeholder(value: &str) -> bool {
    value.len() == 2 && value.starts_with('%')
}

/// Whether git's `merge.conflictStyle` (for the repository git runs the driver in, or given
/// with `git -c`) asks for the base in conflicts, as it does of `git merge-file`.
fn git_asks_for_diff3() -> bool {
    crate::git::run(None, &["config", "--get", "merge.conflictStyle"])
        .is_ok_and(|style| matches!(String::from_utf8_lossy(&style).trim(), "diff3" | "zdiff3"))
}

pub(super) fn run(args: &MergeArgs) -> u8 {
    let (base, ours, theirs) = (&*args.base, &*args.ours, &*args.theirs);
    // Git merges temporary copies: name the file as the repository does when we know it. The
    // name and everything from the plans is printed through display_safe.
    let label = display_safe(
        &args
            .name
            .clone()
            .unwrap_or_else(|| ours.display().to_string()),
    )
    .into_owned();
    let markers = match args.markers() {
        Ok(m) => m,
        Err(e) => {
            eprintln!("preshow merge: {e}");
            return EXIT_TROUBLE;
        }
    };
    let paths = [base, ours, theirs];
    let read = |path: &Path, side: &str| read_side(path, side, &label, paths, &markers);
    let base_plan = match read(base, "base") {
        Ok(plan) => plan,
        Err(status) => return status,
    };
    let our_plan = match read(ours, "ours") {
        Ok(plan) => plan,
        Err(status) => return status,
    };
    // What ours kept of the base is let go before theirs is read, so that three whole plans
    // are never in memory at once.
    let thinned = merge::Base::thin(base_plan, &our_plan);
    let their_plan = match read(theirs, "theirs") {
        Ok(plan) => plan,
        Err(status) => return status,
    };
    // The plans are not needed after the merge: a clean result is made of their items.
    match merge::merge_thinned(thinned, our_plan, their_plan, &markers) {
        Merge::Clean(plan) => {
            // Written as it is rendered: the text is never in memory whole.
            let written = format::write_file_with(ours, format::Replace::Writable, |out| {
                format::write_to(&plan, out)
            });
            // Freeing a large plan item by item takes longer than the process's exit.
            std::mem::forget(plan);
            match written {
                Ok(()) => EXIT_OK,
                Err(e) => {
                    eprintln!("preshow merge: {e}");
                    EXIT_TROUBLE
                }
            }
        }
        Merge::Conflicted { text, conflicts } => {
            let base_section = if markers.diff3 {
                format!(", `{}` (the base)", display_safe(&markers.base_line()))
            } else {
                String::new()
            };
            eprintln!(
                "preshow merge: {label}: {}, marked in the file between `{}`{base_section}, `{}` \
                 and `{}`:",
                crate::model::human::count(conflicts.len(), "conflict"),
                display_safe(&markers.ours_line()),
                markers.separator_line(),
                display_safe(&markers.theirs_line()),
            );
            for c in &conflicts {
                let described = c.describe(&markers.ours, &markers.theirs);
                eprintln!("  {}", display_safe(&described));
            }
            eprintln!(
                "keep one side of each (or combine them), delete the marker lines, run \
                 `preshow check {label}`, then `git add` it"
            );
            write(ours, text.as_bytes(), EXIT_FINDINGS)
        }
    }
}

/// Reads and parses one side of the merge. When it cannot be read, or cannot be merged by item
/// (it is no plan, or has comments), this says why and returns the status to exit with: trouble,
/// or that of the line merge done instead.
fn read_side(
    path: &Path,
    side: &str,
    label: &str,
    [base, ours, theirs]: [&Path; 3],
    markers: &Markers,
) -> Result<Plan, u8> {
    let text = match format::read_text(path) {
        Ok(t) => t,
        Err(error) => {
            // Git hands over temporary copies: the error names the file as the repository
            // does, and which side it is.
            let e = LoadError {
                path: PathBuf::from(label),
                error,
            };
            eprintln!(
                "preshow merge: {label} ({side}) could not be read: {}",
                display_safe(&e.to_string())
            );
            return Err(EXIT_TROUBLE);
        }
    };
    // The merge points at no item's line: the items need not be noted.
    let why = match format::parse_without_items(&text) {
        Ok(loaded) if loaded.source.comments.is_empty() => return Ok(loaded.plan),
        Ok(loaded) => format!(
            "{label} ({side}) has {}, which the merged canonical form would drop",
            crate::model::human::count(loaded.source.comments.len(), "comment")
        ),
        Err(error) => format!(
            "{label} ({side}) is not a readable plan: {}",
            display_safe(
                &LoadError {
                    path: PathBuf::from(label),
                    error
                }
                .to_string()
            )
        ),
    };
    drop(text);
    eprintln!("preshow merge: {why}; merging line by line instead");
    Err(line_merge(base, ours, theirs, label, markers))
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
fn line_merge(base: &Path, ours: &Path, theirs: &Path, label: &str, markers: &Markers) -> u8 {
    let size = format!("--marker-size={}", markers.size.max(Markers::MIN_SIZE));
    let mut command = Command::new("git");
    command.args([
        "merge-file",
        "--stdout",
        &size,
        "-L",
        &markers.ours,
        "-L",
        &markers.base,
        "-L",
        &markers.theirs,
    ]);
    if markers.diff3 {
        command.arg("--diff3");
    }
    let output = command
        .arg("--")
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
