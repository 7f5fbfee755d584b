//! Plan text on a terminal: a plan (or a CSV, or a file name) holding escape sequences, carriage
//! returns or bidirectional overrides cannot drive the terminal through what `check`, `import`,
//! `diff`, `merge` and `export` print. Each payload comes out written as an escape (`\u{1b}`,
//! `\r`; in JSON `\u001b`), so the user sees what the file holds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn preshow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("runs")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Everything the command printed, both streams.
fn printed(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// No byte of the output drives a terminal: no ESC, CSI, BEL, backspace, bare CR or other
/// control character but the line breaks, and no bidirectional override.
fn assert_inert(what: &str, out: &str) {
    for c in out.chars() {
        assert!(
            c == '\n' || !preshow::format::is_unsafe_on_terminal(c),
            "{what}: {c:?} reached the terminal in:\n{}",
            out.escape_debug()
        );
    }
}

/// A clear-screen sequence, and a carriage return followed by a fake clean result that would
/// overwrite the finding on a terminal (RON escapes, so the file itself is plain text).
const CLEAR: &str = r"\u{1b}[2J\u{1b}]0;pwned\u{7}";
const OVERWRITE: &str =
    r"\r                                        \rplan.ron: no gaps found\u{8}\u{202e}";

fn hostile_plan(name_suffix: &str) -> String {
    format!(
        r#"#![enable(implicit_some)]
(
    format: 1,
    event: (name: "Show{CLEAR}", starts: "2027-03-09", ends: "2027-03-10"),
    people: [
        (id: "ana", name: "Ana{OVERWRITE}", team: Sales),
    ],
    accounts: [
        (id: "acme{CLEAR}", name: "Acme{name_suffix}{OVERWRITE}", tier: 1, owner: "ana"),
    ],
    meetings: [
        (id: "m1{OVERWRITE}", account: "acme", start: "2027-03-09T10:00", minutes: 30,
         people: ["ana"], status: Confirmed),
    ],
)
"#
    )
}

#[test]
fn check_prints_plan_text_escaped_in_every_terminal_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = write(dir.path(), "plan.ron", &hostile_plan(""));
    for format in ["human", "github"] {
        let o = preshow(&[
            "check",
            s(&plan),
            "--format",
            format,
            "--today",
            "2027-02-01",
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", printed(&o));
        let out = printed(&o);
        assert_inert(format, &out);
        assert!(out.contains(r"Show\u{1b}[2J\u{1b}]0;pwned\u{7}"), "{out}");
        assert!(
            out.contains(r"Acme\r                                        \rplan.ron: no gaps found\u{8}\u{202e}"),
            "{out}"
        );
        // Each finding stays on its own line: the CR-LF in an id does not start a new one.
        let stdout = String::from_utf8_lossy(&o.stdout);
        let mut lines: Vec<&str> = stdout.lines().collect();
        if format == "human" {
            assert!(lines.pop().is_some_and(|l| l.contains(" error")), "{out}");
        }
        let start = if format == "human" {
            format!("{}:", s(&plan))
        } else {
            "::".to_owned()
        };
        for line in lines {
            assert!(line.starts_with(&start), "{format}: not a finding: {line}");
        }
    }
    // JSON keeps the text exactly, escaped by JSON itself.
    let o = preshow(&[
        "check",
        s(&plan),
        "--format",
        "json",
        "--today",
        "2027-02-01",
    ]);
    let out = printed(&o);
    assert_inert("json", &out);
    assert!(
        out.contains(r#""id": "acme\u001b[2J\u001b]0;pwned\u0007""#),
        "{out}"
    );
    assert!(out.contains(r"no gaps found\b\u202e"), "{out}");
}

#[test]
fn a_value_quoted_in_a_read_error_is_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = hostile_plan("").replace(
        r#"starts: "2027-03-09""#,
        r#"starts: "2027-03-09\u{1b}[2J\rplan.ron: no gaps found""#,
    );
    let plan = write(dir.path(), "plan.ron", &text);
    let o = preshow(&["check", s(&plan)]);
    assert_eq!(o.status.code(), Some(2));
    let out = printed(&o);
    assert_inert("read error", &out);
    assert!(
        out.contains(r"`2027-03-09\u{1b}[2J\rplan.ron: no gaps found` is not a date"),
        "{out}"
    );
}

#[test]
fn import_reports_print_csv_and_plan_text_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = write(dir.path(), "plan.ron", &hostile_plan(""));
    let csv = write(
        dir.path(),
        "accounts.csv",
        "Account Name,Account Owner,Notes\u{1b}[2J\n\
         Beta\u{1b}[2J,Bob\u{1b}]0;pwned\u{7},hi\n\
         Beta\u{1b}[2J,ana,\u{202e}x\n",
    );
    let o = preshow(&["import", s(&plan), "--accounts", s(&csv), "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", printed(&o));
    let out = printed(&o);
    assert_inert("import", &out);
    assert!(out.contains(r"not used: Notes\u{1b}[2J"), "{out}");
    assert!(out.contains(r"owner 'Bob\u{1b}]0;pwned\u{7}'"), "{out}");
    assert!(
        out.contains(r"'Beta\u{1b}[2J' is the same account"),
        "{out}"
    );
}

#[test]
fn diff_prints_ids_and_values_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = write(dir.path(), "old.ron", &hostile_plan(""));
    let new = write(dir.path(), "new.ron", &hostile_plan(" GmbH"));
    let o = preshow(&["diff", s(&old), s(&new)]);
    assert_eq!(o.status.code(), Some(1), "{}", printed(&o));
    let out = printed(&o);
    assert_inert("diff", &out);
    assert!(out.contains(r"~ acme\u{1b}[2J\u{1b}]0;pwned\u{7}"), "{out}");
    // The old and new names, each on the one line of the field that changed.
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("name: \"Acme") && l.contains("→ \"Acme GmbH")),
        "{out}"
    );
    let o = preshow(&["diff", s(&old), s(&new), "--format", "json"]);
    assert_inert("diff json", &printed(&o));
}

#[test]
fn merge_conflicts_print_ids_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = write(dir.path(), "base.ron", &hostile_plan(""));
    let ours = write(dir.path(), "ours.ron", &hostile_plan(" Ours"));
    let theirs = write(dir.path(), "theirs.ron", &hostile_plan(" Theirs"));
    let o = preshow(&[
        "merge",
        s(&base),
        s(&ours),
        s(&theirs),
        "plans/show\u{1b}[2J.ron",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", printed(&o));
    let out = printed(&o);
    assert_inert("merge", &out);
    assert!(out.contains(r"plans/show\u{1b}[2J.ron"), "{out}");
    assert!(
        out.contains(r"accounts/acme\u{1b}[2J\u{1b}]0;pwned\u{7}: changed on both sides"),
        "{out}"
    );
}
