//! The command line: `preshow check`, `fmt`, `rules`, `explain`, `sign` and `new`, for CI,
//! pre-commit hooks and people who work in a terminal. With no command, the workbench opens.

mod check;
mod diff;
mod export;
mod fmt;
mod generate;
mod git_setup;
mod import;
mod merge;
mod new;
mod rules;
mod sign;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status: no error-level finding, or the command did what it was asked.
pub const EXIT_OK: u8 = 0;
/// Exit status: gaps that fail the check, or files that `fmt --check` would change.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: a file could not be read, parsed or written, or the command was wrong.
pub const EXIT_TROUBLE: u8 = 2;

/// Preshow: plan a trade show as one team. With no command, opens the workbench.
#[derive(Debug, Parser)]
#[command(
    name = "preshow",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// The command; none opens the workbench.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The plan to open in the workbench (the bundled example when left out).
    pub file: Option<PathBuf>,
    /// Open the workbench in presentation mode, for a room planning together.
    #[arg(long)]
    pub present: bool,
    /// Start the gap walk-through at once (with --present, for the workshop).
    #[arg(long)]
    pub walk: bool,
    /// The view the workbench shows first: a board (readiness, schedule, lead-flow,
    /// message-map) or a section (accounts, meetings, messages, ...).
    #[arg(long, value_name = "VIEW")]
    pub show: Option<String>,
    /// The date the workbench takes as today, for overdue tasks and new sign-offs
    /// (YYYY-MM-DD; default: the system date), as `check --today` does.
    #[arg(long, value_name = "DATE")]
    pub today: Option<crate::model::Date>,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Lines for people on a terminal.
    Human,
    /// One JSON document for tools.
    Json,
    /// GitHub Actions annotations.
    Github,
}

/// What `--deny` makes fail the check, besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings fail the check too.
    Warnings,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plans for gaps. Exit 0: no errors; 1: errors (or warnings with --deny warnings);
    /// 2: a file could not be read.
    Check {
        /// Plan files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// Also fail on warnings.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// The date that decides what is overdue (YYYY-MM-DD; default: the system date).
        #[arg(long)]
        today: Option<String>,
    },
    /// Rewrite plans in the canonical form.
    Fmt {
        /// Plan files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 and name the files that would change.
        #[arg(long)]
        check: bool,
        /// Rewrite even when the file's comments would be lost or it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// List every check with its severity.
    Rules,
    /// Explain a check: what it finds, why it matters, an example.
    Explain {
        /// The check's name, such as `account-without-owner`.
        rule: String,
    },
    /// Sign off on an item, pinning its current text with a fingerprint.
    Sign {
        /// The plan file.
        file: PathBuf,
        /// `messages`, `objectives`, `terms`, `handoffs` or `scoring`.
        section: String,
        /// The item's id (for `scoring`, write `scoring`).
        id: String,
        /// The person who agrees (a person id).
        #[arg(long)]
        by: String,
        /// The date of agreement (YYYY-MM-DD; default: today).
        #[arg(long)]
        on: Option<String>,
        /// Rewrite even when the file's comments would be lost or it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// Write a starter plan (never overwrites).
    New {
        /// Where to write it.
        file: PathBuf,
    },
    /// What changed between two plans, by section, item id and field. Exit 0: no change; 1:
    /// changes; 2: a plan could not be read (FILE:LINE:COLUMN on standard error).
    Diff {
        /// OLD NEW; with --git, at most one FILE (default: every changed *.ron file); with
        /// --textconv, one FILE.
        files: Vec<PathBuf>,
        /// Compare the plans at this git revision with the working tree.
        #[arg(long, value_name = "REV")]
        git: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Human)]
        format: diff::DiffFormat,
        /// Print FILE as one `section/id: field = value` line per field, for git's `textconv`.
        #[arg(long, conflicts_with_all = ["git", "git_external"])]
        textconv: bool,
        /// Take git's 7 external-diff arguments (GIT_EXTERNAL_DIFF, `diff.<driver>.command`).
        #[arg(long, hide = true, conflicts_with = "git")]
        git_external: bool,
    },
    /// Three-way merge of plans by item and field: git's merge driver.
    ///
    /// Git runs it as `preshow merge %O %A %B %P %L %S %X %Y` (what `git-setup` configures):
    /// the result is written into OURS, and conflicts are marked with git's labels
    /// (`<<<<<<< HEAD`, `>>>>>>> feature-x`). Exit 0: merged; 1: conflicts, marked in OURS, or a
    /// result that is not a plan Preshow can open; 2: trouble.
    Merge(merge::MergeArgs),
    /// Make git diff and merge plans by item and field.
    ///
    /// In the current repository: adds `*.ron diff=preshow merge=preshow` to .gitattributes and
    /// sets the drivers (`preshow diff --textconv`, `preshow merge %O %A %B %P %L %S %X %Y`) in
    /// the repository's git config. With --global: the same for every repository of yours, in
    /// your global git config and global attributes file. Running it again changes nothing.
    GitSetup {
        /// The preshow that git should run (default: `preshow` on the PATH).
        #[arg(long, value_name = "PATH")]
        command: Option<String>,
        /// Set up git for every repository of yours (`git config --global`, and the attributes
        /// in core.attributesFile or ~/.config/git/attributes), not the current one.
        #[arg(long)]
        global: bool,
    },
    /// Merge a CRM's CSV export of accounts or meetings into a plan, reporting every row it
    /// skips or finds ambiguous. Exit 0: done (or dry run); 2: a file or the mapping is wrong.
    Import(import::ImportArgs),
    /// Export the meetings as a calendar (--ics), CRM-ready CSV (--csv) or a one-page brief for
    /// leadership (--brief). Exit 0: written; 2: a file could not be read or written.
    Export(export::ExportArgs),
    /// Write a realistic made-up plan of any size, with a few gaps of every kind: for demos and
    /// benchmarks. The same size and seed always give the same file.
    Generate {
        /// How many accounts.
        #[arg(long, value_name = "N")]
        accounts: usize,
        /// Another seed gives another plan of the same size.
        #[arg(long, value_name = "S", default_value_t = crate::ops::generate::DEFAULT_SEED)]
        seed: u64,
        /// Where to write it (standard output when left out).
        #[arg(short = 'o', long = "out", value_name = "OUT")]
        out: Option<PathBuf>,
        /// Replace OUT if it exists, even when it is read-only.
        #[arg(long)]
        force: bool,
    },
}

/// Runs a command-line command; `None` means the workbench should open.
pub fn run(command: Command) -> ExitCode {
    let status = match command {
        Command::Check {
            files,
            format,
            deny,
            today,
        } => check::run(&files, format, deny, today.as_deref()),
        Command::Fmt {
            files,
            check,
            force,
        } => fmt::run(&files, check, force),
        Command::Rules => rules::list(),
        Command::Explain { rule } => rules::explain(&rule),
        Command::Sign {
            file,
            section,
            id,
            by,
            on,
            force,
        } => sign::run(&file, &section, &id, &by, on.as_deref(), force),
        Command::New { file } => new::run(&file),
        Command::Diff {
            files,
            git,
            format,
            textconv,
            git_external,
        } => diff::run(&diff::Request {
            files: &files,
            git: git.as_deref(),
            textconv,
            git_external,
            format,
        }),
        Command::Merge(args) => merge::run(&args),
        Command::GitSetup { command, global } => git_setup::run(command.as_deref(), global),
        Command::Import(args) => import::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Generate {
            accounts,
            seed,
            out,
            force,
        } => generate::run(accounts, seed, out.as_deref(), force),
    };
    ExitCode::from(status)
}

/// Parses a `YYYY-MM-DD` option, saying what is wrong.
fn date_option(name: &str, value: Option<&str>) -> Result<crate::model::Date, String> {
    match value {
        None => Ok(crate::model::Date::today()),
        Some(v) => v.parse().map_err(|e| format!("--{name}: {e}")),
    }
}

/// What a write with `--force` (or without) may replace: `--force` also replaces a read-only
/// file.
fn replace(force: bool) -> crate::format::Replace {
    if force {
        crate::format::Replace::ReadOnlyToo
    } else {
        crate::format::Replace::Writable
    }
}

/// The message for a file that was not written, for a command that has `--force`.
fn not_written(e: &crate::format::WriteError) -> String {
    match e {
        crate::format::WriteError::ReadOnly { .. } => {
            format!("{e} (pass --force to write it anyway)")
        }
        _ => e.to_string(),
    }
}

/// The message printed when a rewrite would drop the file's comments.
fn comments_would_be_lost(path: &std::path::Path, comments: &[crate::format::Comment]) -> String {
    let mut msg = format!(
        "{}: has {} comment{} that rewriting would drop (the canonical form keeps no comments):\n",
        path.display(),
        comments.len(),
        if comments.len() == 1 { "" } else { "s" }
    );
    for c in comments.iter().take(5) {
        let first = c.text.lines().next().unwrap_or_default();
        msg.push_str(&format!(
            "  {}:{}:{}: {}\n",
            path.display(),
            c.pos.line,
            c.pos.column,
            crate::format::display_safe(first)
        ));
    }
    if comments.len() > 5 {
        msg.push_str(&format!("  ... and {} more\n", comments.len() - 5));
    }
    msg.push_str("nothing was written; pass --force to rewrite anyway");
    msg
}
