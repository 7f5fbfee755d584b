//! The command line keeps clap's and cargo's conventions: a mistyped command is an error with a
//! suggestion, `-` is standard input and output, shells get completions, `--help` reads at 80
//! columns, and `NO_COLOR` is obeyed. Real files and pipes in, output and exit statuses out.

use clap::CommandFactory;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_preshow");
const EXAMPLE: &str = "plans/example.ron";
const SPEC_EXAMPLE: &str = include_str!("fixtures/spec-example.ron");

/// Runs preshow in the repository's folder with `input` on its standard input, and without the
/// colour variables of whoever runs the tests.
fn run(args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("preshow starts");
    let mut stdin = child.stdin.take().expect("stdin");
    // A command that does not read its input closes the pipe early: that is no failure here.
    let _ = stdin.write_all(input.as_bytes());
    drop(stdin);
    child.wait_with_output().expect("preshow runs")
}

fn preshow(args: &[&str]) -> Output {
    run(args, "", &[])
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)).expect("example")
}

#[test]
fn a_mistyped_command_is_an_error_with_a_suggestion() {
    let o = preshow(&["chekc", EXAMPLE]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let e = err(&o);
    assert!(e.contains("unrecognized subcommand 'chekc'"), "{e}");
    assert!(
        e.contains("tip: a similar subcommand exists: 'check'"),
        "{e}"
    );
    assert_eq!(out(&o), "");

    // Alone, and after an option that takes a value.
    let o = preshow(&["--today", "2027-02-15", "gitsetup"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("'git-setup'"), "{}", err(&o));
    // Nothing close: no suggestion, still no window.
    let o = preshow(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("unrecognized subcommand 'frobnicate'") && !err(&o).contains("tip:"),
        "{}",
        err(&o)
    );

    // A plan is still a plan: a path, or any existing file, even one named like a command.
    let parse = |args: &[&str]| preshow::cli::try_parse_from(args.iter().copied());
    let cli = parse(&["preshow", EXAMPLE]).expect("a path opens the workbench");
    assert_eq!(cli.file.as_deref(), Some(Path::new(EXAMPLE)));
    assert!(cli.command.is_none());
    let dir = tempfile::tempdir().expect("tempdir");
    let odd = dir.path().join("chekc");
    std::fs::write(&odd, SPEC_EXAMPLE).expect("write");
    let cli = parse(&["preshow", odd.to_str().expect("utf-8")]).expect("an existing file");
    assert_eq!(cli.file.as_deref(), Some(odd.as_path()));
    let cli = parse(&["preshow", "--show", "schedule", "missing.ron"]).expect("a path");
    assert_eq!(cli.show.as_deref(), Some("schedule"));
    let cli = parse(&["preshow", "--", "chekc"]).expect("after --, a file");
    assert_eq!(cli.file.as_deref(), Some(Path::new("chekc")));
    let e = parse(&["preshow", "chekc"]).expect_err("a typo");
    assert_eq!(e.kind(), clap::error::ErrorKind::InvalidSubcommand);
    assert_eq!(e.exit_code(), 2);
}

#[test]
fn no_color_turns_colour_off_even_when_forced() {
    let forced = run(&["chekc"], "", &[("CLICOLOR_FORCE", "1")]);
    assert!(err(&forced).contains('\x1b'), "{}", err(&forced));
    let plain = run(
        &["chekc"],
        "",
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert_eq!(plain.status.code(), Some(2));
    assert!(!err(&plain).contains('\x1b'), "{:?}", err(&plain));
    assert!(err(&plain).contains("'check'"));
    // And on a pipe, no colour at all.
    let piped = preshow(&["--help"]);
    assert!(!out(&piped).contains('\x1b'));
}

#[test]
fn check_reads_a_plan_from_standard_input() {
    let o = run(
        &["check", "-", "--today", "2027-02-15"],
        &example_text(),
        &[],
    );
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let from_stdin = out(&o);
    assert!(
        from_stdin.contains("<stdin>:") && from_stdin.contains("error[handoff-without-owner]"),
        "{from_stdin}"
    );
    // The same findings as from the file, named `<stdin>`.
    let file = preshow(&["check", EXAMPLE, "--today", "2027-02-15"]);
    assert_eq!(
        from_stdin,
        out(&file).replace(&format!("{EXAMPLE}:"), "<stdin>:")
    );

    let o = run(
        &["check", "-", "--format", "json", "--today", "2027-02-15"],
        &example_text(),
        &[],
    );
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).expect("json");
    assert_eq!(doc["findings"][0]["file"], "<stdin>");

    // Unreadable input: exit 2, with line and column.
    let o = run(&["check", "-"], "(\n  format: 1,\n  event: 3,\n)", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).starts_with("<stdin>:3:"), "{}", err(&o));
    // Standard input is read once.
    let o = run(&["check", "-", "-"], &example_text(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("only once"), "{}", err(&o));
}

#[test]
fn fmt_dash_formats_standard_input_to_standard_output() {
    let o = run(&["fmt", "-"], SPEC_EXAMPLE, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let canonical = out(&o);
    let plan = preshow::format::parse(SPEC_EXAMPLE).expect("parses").plan;
    assert_eq!(canonical, preshow::format::to_string(&plan));
    assert_ne!(canonical, SPEC_EXAMPLE);
    // Round trip: the canonical form formats to itself.
    let again = run(&["fmt", "-"], &canonical, &[]);
    assert_eq!(
        (again.status.code(), out(&again)),
        (Some(0), canonical.clone())
    );

    // --check writes no plan: exit 1 when the form would change, 0 when it would not.
    let o = run(&["fmt", "--check", "-"], SPEC_EXAMPLE, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(out(&o), "<stdin>: would be reformatted\n");
    let o = run(&["fmt", "--check", "-"], &canonical, &[]);
    assert_eq!((o.status.code(), out(&o)), (Some(0), String::new()));

    // Trouble writes nothing to standard output, so an editor keeps its buffer.
    let commented = format!("// Owned by the events team.\n{SPEC_EXAMPLE}");
    let o = run(&["fmt", "-"], &commented, &[]);
    assert_eq!((o.status.code(), out(&o)), (Some(2), String::new()));
    assert!(err(&o).contains("<stdin>:1:1: // Owned"), "{}", err(&o));
    let o = run(&["fmt", "--force", "-"], &commented, &[]);
    assert_eq!((o.status.code(), out(&o)), (Some(0), canonical));
    let o = run(&["fmt", "-"], "(format: 1,", &[]);
    assert_eq!((o.status.code(), out(&o)), (Some(2), String::new()));
    let o = run(&["fmt", "-", EXAMPLE], SPEC_EXAMPLE, &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn dash_is_standard_input_and_output_for_the_other_commands() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("plan.ron");
    std::fs::write(&copy, example_text()).expect("write");
    let copy = copy.to_str().expect("utf-8");

    // diff: either side from standard input.
    let o = run(&["diff", copy, "-"], &example_text(), &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let changed = example_text().replacen("tier: 1,", "tier: 3,", 1);
    let o = run(&["diff", copy, "-"], &changed, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        out(&o).starts_with(&format!("{copy} → <stdin>\n")),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains("tier: 1 → 3"), "{}", out(&o));

    // export: the plan from standard input, the CSV to standard output.
    let from_file = preshow(&["export", EXAMPLE, "--csv", "accounts", "-o", "-"]);
    let o = run(
        &["export", "-", "--csv", "accounts", "-o", "-"],
        &example_text(),
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).lines().count() > 10, "{}", out(&o));
    assert_eq!(out(&o), out(&from_file));
    assert!(
        err(&o).starts_with("<stdin>: accounts CSV written to -"),
        "{}",
        err(&o)
    );

    // import: the CSV from standard input.
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/salesforce-accounts.csv"),
    )
    .expect("csv");
    let o = run(&["import", copy, "--accounts", "-", "--dry-run"], &csv, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("from <stdin>"), "{}", out(&o));

    // generate and new: `-o -` and `-` are standard output.
    let o = preshow(&["generate", "--accounts", "3", "-o", "-"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(out(&o), out(&preshow(&["generate", "--accounts", "3"])));
    assert!(!Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists());
    let o = preshow(&["new", "-"]);
    assert_eq!(
        (o.status.code(), out(&o)),
        (Some(0), preshow::TEMPLATE_PLAN.to_owned())
    );
}

#[test]
fn completions_for_every_shell() {
    let o = preshow(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let script = out(&o);
    assert!(script.contains("complete -F _preshow"), "{script}");
    for command in ["check", "git-setup", "completions"] {
        assert!(script.contains(command), "{command} missing");
    }
    assert!(script.contains("--deny"), "options of check");
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let o = preshow(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", err(&o));
        assert!(out(&o).contains("git-setup"), "{shell}");
    }
    let o = preshow(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("possible values"), "{}", err(&o));
}

#[test]
fn manual_pages_for_the_packages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = dir.path().join("man1");
    let o = preshow(&["man-pages", out_dir.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let page = std::fs::read_to_string(out_dir.join("preshow.1")).expect("preshow.1");
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "a roff page: {page}");
    assert!(page.contains(".TH preshow 1"), "{page}");
    assert!(
        page.contains("\\-\\-present"),
        "the workbench's options: {page}"
    );
    let check = std::fs::read_to_string(out_dir.join("preshow-check.1")).expect("check's page");
    assert!(check.contains("\\-\\-deny"), "{check}");
    // A page per command people use; none for the packagers' own command.
    assert!(out_dir.join("preshow-git-setup.1").exists());
    assert!(!out_dir.join("preshow-man-pages.1").exists());
    assert!(!out(&preshow(&["--help"])).contains("man-pages"));
}

#[test]
fn help_summaries_are_one_short_line() {
    let cli = preshow::cli::Cli::command();
    let width = cli
        .get_subcommands()
        .map(|c| c.get_name().len())
        .max()
        .unwrap_or(0);
    for command in cli.get_subcommands() {
        let about = command
            .get_about()
            .map(ToString::to_string)
            .unwrap_or_default();
        // `  NAME  about` in `preshow --help` fits 80 columns.
        assert!(
            !about.is_empty()
                && !about.contains('\n')
                && 2 + width + 2 + about.chars().count() <= 80,
            "`{}`: {about:?}",
            command.get_name()
        );
    }
    let o = run(&["--help"], "", &[("COLUMNS", "80")]);
    assert_eq!(o.status.code(), Some(0));
    let help = out(&o);
    assert!(
        help.contains("  check        Check plans for gaps\n"),
        "{help}"
    );
    for line in help.lines() {
        assert!(
            line.chars().count() <= 80,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    // The details are in each command's own --help.
    let o = preshow(&["check", "--help"]);
    assert!(out(&o).contains("standard input"), "{}", out(&o));
    let o = preshow(&["merge", "--help"]);
    assert!(out(&o).contains("%O %A %B %P %L %S %X %Y"), "{}", out(&o));
}
