//! The command line: `preshow check`, `fmt`, `rules`, `explain`, `sign` and `new`, for CI,
//! pre-commit hooks and people who work in a terminal. With no command, the workbench opens.

mod check;
mod fmt;
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
        /// Rewrite even when the file's comments would be lost.
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
        /// Rewrite even when the file's comments would be lost.
        #[arg(long)]
        force: bool,
    },
    /// Write a starter plan (never overwrites).
    New {
        /// Where to write it.
        file: PathBuf,
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
            "  {}:{}:{}: {first}\n",
            path.display(),
            c.pos.line,
            c.pos.column
        ));
    }
    if comments.len() > 5 {
        msg.push_str(&format!("  ... and {} more\n", comments.len() - 5));
    }
    msg.push_str("nothing was written; pass --force to rewrite anyway");
    msg
}
