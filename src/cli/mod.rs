//! The command line: `preshow check`, `results`, `fmt`, `rules`, `explain`, `sign`, `new` and
//! the rest, for CI, pre-commit hooks and people who work in a terminal. With no command, the
//! workbench opens.
//!
//! It follows clap's and cargo's conventions: a mistyped command is an error with a suggestion
//! ([`parse`]), `-` is standard input where a plan or CSV is read and standard output where one
//! is written, `completions SHELL` prints a completion script, each command's summary is one
//! short line (the details are in its own `--help`), and help and errors are coloured only on a
//! terminal, never with `NO_COLOR` set.

mod check;
mod diff;
mod export;
mod fmt;
mod generate;
mod git_setup;
mod import;
mod man;
mod merge;
mod new;
mod results;
mod rules;
mod sign;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
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
    args_conflicts_with_subcommands = true,
    max_term_width = 100
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
    /// Check plans for gaps.
    ///
    /// Exit 0: no errors; 1: errors (or warnings with --deny warnings); 2: a file could not be
    /// read. `-` reads a plan from standard input (named `<stdin>` in the findings).
    Check {
        /// Plan files (`-`: standard input).
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
        /// Also check that every sign-off added since git revision REV was committed by its
        /// signer (`signoff-unverified`), reading each file's git history. For pull requests:
        /// `--verify-signoffs origin/main`.
        #[arg(long, value_name = "REV")]
        verify_signoffs: Option<String>,
    },
    /// Score the show against the plan: objectives, handoffs, leads.
    ///
    /// The scorecard both teams agreed to before the show, measured as of --today: each
    /// objective's actual against its target, how fast leads really took each handoff, the
    /// accounts met by tier, meetings by outcome, and the leads. Exit 0: written; 2: the plan
    /// could not be read. `-` reads the plan from standard input.
    ///
    /// With --format json, one document with the keys `objectives`, `handoffs`, `accounts`,
    /// `meetings` and `leads`. An objective's `actual` is null when the plan cannot count it and
    /// none was typed in, and its `met` is null when the actual or the target is unknown. A
    /// handoff's `median_hours` is null when no lead took it, and its `within_sla` and `late` are
    /// null when it has no `sla_hours`: without a deadline nothing is late.
    Results {
        /// The plan file (`-`: standard input).
        file: PathBuf,
        /// The date that decides which leads are stuck (YYYY-MM-DD; default: the system date).
        #[arg(long)]
        today: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = results::ResultsFormat::Human)]
        format: results::ResultsFormat,
    },
    /// Rewrite plans in the canonical form.
    ///
    /// `fmt -` reads a plan from standard input and writes its canonical form to standard output
    /// (for editors); with --check it writes nothing and exits 1 when the form would change.
    /// A plan keeps its format version; --upgrade writes it in the newest format.
    Fmt {
        /// Plan files (`-`: standard input, written to standard output).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 and name the files that would change.
        #[arg(long)]
        check: bool,
        /// Write the plans in the newest format (format 2), which older versions of Preshow
        /// cannot open; without it, a plan keeps its format.
        #[arg(long)]
        upgrade: bool,
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
        /// Where to write it (`-`: standard output).
        file: PathBuf,
    },
    /// What changed between two plans, by section, item id and field.
    ///
    /// Exit 0: no change; 1: changes; 2: a plan could not be read (FILE:LINE:COLUMN on standard
    /// error).
    Diff {
        /// OLD NEW (either may be `-`, standard input); with --git, at most one FILE (default:
        /// every changed *.ron file); with --textconv, one FILE.
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
    /// Merge a CRM's CSV export of accounts or meetings into a plan.
    ///
    /// Reports every row it skips or finds ambiguous. Exit 0: done (or dry run); 2: a file or
    /// the mapping is wrong.
    Import(import::ImportArgs),
    /// Export meetings as a calendar, CRM-ready CSV or a one-page brief.
    ///
    /// A calendar (--ics), CRM-ready CSV (--csv) or a one-page brief for leadership (--brief).
    /// Exit 0: written; 2: a file could not be read or written.
    Export(export::ExportArgs),
    /// Write a made-up plan of any size, for demos and benchmarks.
    ///
    /// A realistic plan with a few gaps of every kind, before the show or, with --after, after
    /// it. The same size, seed and --after always give the same file.
    Generate {
        /// How many accounts.
        #[arg(long, value_name = "N")]
        accounts: usize,
        /// Another seed gives another plan of the same size.
        #[arg(long, value_name = "S", default_value_t = crate::ops::generate::DEFAULT_SEED)]
        seed: u64,
        /// The plan after the show, with its outcome (format 2).
        ///
        /// Meetings held or missed, leads (about ten per account) and how far each got through
        /// the lead flow, objectives measured. Check it as of a week after the show:
        /// `--today 2027-03-18`.
        #[arg(long)]
        after: bool,
        /// Where to write it (`-`, or left out: standard output).
        #[arg(short = 'o', long = "out", value_name = "OUT")]
        out: Option<PathBuf>,
        /// Replace OUT if it exists, even when it is read-only.
        #[arg(long)]
        force: bool,
    },
    /// Print shell completions: bash, zsh, fish, powershell or elvish.
    ///
    /// For example, for bash: `preshow completions bash > ~/.local/share/bash-completion/completions/preshow`;
    /// for zsh: `preshow completions zsh > ~/.zfunc/_preshow` (with ~/.zfunc on your fpath); for
    /// fish: `preshow completions fish > ~/.config/fish/completions/preshow.fish`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the manual pages into DIR, for packagers.
    #[command(hide = true)]
    ManPages {
        /// Where to write preshow.1 and a preshow-COMMAND.1 page per command.
        dir: PathBuf,
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
            verify_signoffs,
        } => check::run(&check::Request {
            files: &files,
            output: format,
            deny,
            today: today.as_deref(),
            verify_signoffs: verify_signoffs.as_deref(),
        }),
        Command::Results {
            file,
            today,
            format,
        } => results::run(&file, today.as_deref(), format),
        Command::Fmt {
            files,
            check,
            upgrade,
            force,
        } => fmt::run(
            &files,
            fmt::Options {
                check,
                upgrade,
                force,
            },
        ),
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
            after,
            out,
            force,
        } => generate::run(&generate::Request {
            accounts,
            seed,
            after,
            out: out.as_deref(),
            force,
        }),
        Command::Completions { shell } => completions(shell),
        Command::ManPages { dir } => man::run(&dir),
    };
    ExitCode::from(status)
}

/// The command line of this process, parsed; on a mistake, clap's message and exit status 2.
pub fn parse() -> Cli {
    try_parse_from(std::env::args_os()).unwrap_or_else(|e| e.exit())
}

/// Parses a command line (the program's name first) as clap does, and refuses a mistyped
/// command (`preshow chekc plan.ron`) as clap refuses an unknown subcommand, with a suggestion,
/// rather than taking it for the name of a plan to open. A word is taken for a plan only when
/// it names an existing file or looks like a path (it has a `/`, `\` or `.`).
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let mut cmd = Cli::command();
    if let Some(word) = mistyped_command(&cmd, &args) {
        return Err(unknown_command(&mut cmd, word));
    }
    Cli::try_parse_from(args)
}

/// The first word that is not an option, when it is neither a command nor a plan file.
fn mistyped_command(cmd: &clap::Command, args: &[OsString]) -> Option<String> {
    let takes_value = |long: &str| {
        cmd.get_arguments()
            .any(|a| a.get_long() == Some(long) && a.get_action().takes_values())
    };
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        // A name that is not UTF-8 can only be a file's.
        let arg = arg.to_str()?;
        if arg == "--" {
            return None;
        }
        if let Some(long) = arg.strip_prefix("--") {
            if !long.contains('=') && takes_value(long) {
                rest.next();
            }
            continue;
        }
        if arg.starts_with('-') && arg != "-" {
            continue;
        }
        let known = arg == "help" || cmd.find_subcommand(arg).is_some();
        let a_path = arg.contains(['/', '\\', '.']) || arg == "-" || Path::new(arg).exists();
        return (!known && !a_path).then(|| arg.to_owned());
    }
    None
}

/// Clap's "unrecognized subcommand" error for `word`, suggesting the closest command (by clap's
/// own measure: Jaro similarity above 0.7).
fn unknown_command(cmd: &mut clap::Command, word: String) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let closest = cmd
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
        .chain(["help"])
        .map(|name| (strsim::jaro(&word, name), name))
        .filter(|&(similarity, _)| similarity > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name.to_owned());
    let usage = cmd.render_usage();
    let mut err = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(cmd);
    err.insert(ContextKind::InvalidSubcommand, ContextValue::String(word));
    if let Some(name) = closest {
        err.insert(ContextKind::SuggestedSubcommand, ContextValue::String(name));
    }
    err.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    err
}

/// `preshow completions SHELL`: the completion script on standard output.
fn completions(shell: clap_complete::Shell) -> u8 {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "preshow", &mut script);
    match write_stdout(&script) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("preshow completions: {e}");
            EXIT_TROUBLE
        }
    }
}

/// Whether a file argument is `-`: standard input or output.
fn is_std(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How messages and findings name standard input.
const STDIN_NAME: &str = "<stdin>";

/// A file argument as messages name it: `<stdin>` for `-`.
fn shown(path: &Path) -> String {
    if is_std(path) {
        STDIN_NAME.to_owned()
    } else {
        path.display().to_string()
    }
}

/// The text of a plan file, or of standard input for `-`; errors name it as [`shown`] does.
fn read_plan_text(path: &Path) -> Result<String, crate::format::LoadError> {
    let text = if is_std(path) {
        crate::format::read_stdin()
    } else {
        crate::format::read_text(path)
    };
    text.map_err(|error| crate::format::LoadError {
        path: PathBuf::from(shown(path)),
        error,
    })
}

/// Reads and parses a plan file, or standard input for `-`.
fn load_plan(path: &Path) -> Result<crate::format::Loaded, crate::format::LoadError> {
    let text = read_plan_text(path)?;
    crate::format::parse(&text).map_err(|error| crate::format::LoadError {
        path: PathBuf::from(shown(path)),
        error,
    })
}

/// Refuses `-` given more than once: standard input can be read only once.
fn stdin_once(files: &[PathBuf]) -> Result<(), String> {
    if files.iter().filter(|f| is_std(f)).count() > 1 {
        Err("`-` (standard input) can be given only once".to_owned())
    } else {
        Ok(())
    }
}

/// Writes `bytes` to standard output; a reader that closed the pipe (`| head`) is no failure.
fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("could not write to standard output: {e}"))
        }
        _ => Ok(()),
    }
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
