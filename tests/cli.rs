//! The command line as CI and people use it: real files in, output and exit statuses out.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SPEC_EXAMPLE: &str = include_str!("fixtures/spec-example.ron");

fn preshow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

const CLEAN: &str = r#"#![enable(implicit_some)]
(
    format: 1,
    event: (name: "Show", starts: "2027-03-09", ends: "2027-03-10"),
    people: [
        (id: "ana", name: "Ana Ruiz", team: Sales),
        (id: "mo", name: "Mo Chen", team: Marketing),
    ],
    objectives: [(id: "pipeline", name: "Pipeline", target: 100.0, signoffs: [(by: "ana", on: "2027-01-01"), (by: "mo", on: "2027-01-01")])],
    terms: [(id: "qualified-lead", term: "Qualified lead", definition: "Budget this year", signoffs: [(by: "ana", on: "2027-01-01"), (by: "mo", on: "2027-01-01")])],
)
"#;

#[test]
fn check_clean_plan_exits_zero() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(dir.path(), "clean.ron", CLEAN);
    let o = preshow(&["check", s(&f), "--today", "2027-02-01"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("no gaps found"));
}

#[test]
fn check_errors_exit_one_and_name_rule_item_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = CLEAN.replace(
        "    ],\n    objectives",
        "    ],\n    tasks: [(id: \"t\", title: \"Print badges\")],\n    objectives",
    );
    let f = write(dir.path(), "gap.ron", &text);
    let o = preshow(&["check", s(&f), "--today", "2027-02-01"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains(&format!("{}:9: error[task-without-owner] tasks `t`", s(&f))),
        "{out}"
    );
}

#[test]
fn deny_warnings_fails_on_warnings_only_when_asked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = CLEAN.replace("target: 100.0, ", "");
    let f = write(dir.path(), "warn.ron", &text);
    let o = preshow(&["check", s(&f), "--today", "2027-02-01"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("objective-without-target"));
    let o = preshow(&[
        "check",
        s(&f),
        "--today",
        "2027-02-01",
        "--deny",
        "warnings",
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn json_output_is_exactly_the_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = CLEAN.replace("target: 100.0, ", "");
    let f = write(dir.path(), "warn.ron", &text);
    let o = preshow(&["check", s(&f), "--today", "2027-02-01", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let findings = doc["findings"].as_array().expect("findings array");
    assert_eq!(findings.len(), 1, "{doc}");
    let f0 = &findings[0];
    let keys: Vec<&str> = f0
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "file", "rule", "severity", "section", "id", "line", "message",
    ];
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
    assert_eq!(f0["file"], s(&f));
    assert_eq!(f0["rule"], "objective-without-target");
    assert_eq!(f0["severity"], "warning");
    assert_eq!(f0["section"], "objectives");
    assert_eq!(f0["id"], "pipeline");
    assert_eq!(f0["line"], 9);
    assert!(f0["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(
        doc["summary"],
        serde_json::json!({"error": 0, "warning": 1, "info": 0})
    );
}

#[test]
fn json_findings_are_sorted_by_file_line_rule_and_plan_wide_ids_are_null() {
    let dir = tempfile::tempdir().expect("tempdir");
    let b = write(dir.path(), "b.ron", SPEC_EXAMPLE);
    let a = write(
        dir.path(),
        "a.ron",
        "(format: 1, event: (name: \"S\", starts: \"2027-03-09\", ends: \"2027-03-09\"))",
    );
    let o = preshow(&[
        "check",
        s(&b),
        s(&a),
        "--today",
        "2027-02-01",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let findings = doc["findings"].as_array().expect("array");
    let keys: Vec<(String, u64, String)> = findings
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap_or_default().to_owned(),
                f["line"].as_u64().unwrap_or_default(),
                f["rule"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let no_objectives = findings
        .iter()
        .find(|f| f["rule"] == "no-objectives")
        .expect("no-objectives on a.ron");
    assert!(no_objectives["id"].is_null());
    assert_eq!(no_objectives["file"], s(&a));
}

#[test]
fn github_annotations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = CLEAN.replace("target: 100.0, ", "");
    let f = write(dir.path(), "warn.ron", &text);
    let o = preshow(&[
        "check",
        s(&f),
        "--today",
        "2027-02-01",
        "--format",
        "github",
    ]);
    let out = stdout(&o);
    let line = out.lines().next().expect("one annotation");
    assert!(
        line.starts_with(&format!(
            "::warning file={},line=9,title=objective-without-target::",
            s(&f)
        )),
        "{line}"
    );
}

#[test]
fn unreadable_files_exit_two_with_file_line_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(
        dir.path(),
        "bad.ron",
        "(\n  format: 1,\n  event: (name: \"S\", starts: \"2027-13-01\", ends: \"2027-03-09\"),\n)",
    );
    let o = preshow(&["check", s(&f)]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("{}:3:", s(&f))), "{err}");
    assert!(err.contains("2027-13-01"), "{err}");

    let o = preshow(&["check", s(&dir.path().join("missing.ron"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"));

    let o = preshow(&["check", s(&f), "--today", "yesterday"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn fmt_rewrites_then_is_a_no_op() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(dir.path(), "plan.ron", SPEC_EXAMPLE);
    let o = preshow(&["fmt", "--check", s(&f)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("would be reformatted"));
    assert_eq!(
        std::fs::read_to_string(&f).expect("read"),
        SPEC_EXAMPLE,
        "--check touches nothing"
    );

    let o = preshow(&["fmt", s(&f)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let once = std::fs::read_to_string(&f).expect("read");
    assert_ne!(once, SPEC_EXAMPLE);
    let o = preshow(&["fmt", s(&f)]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&f).expect("read"),
        once,
        "second fmt changes nothing"
    );
    let o = preshow(&["fmt", "--check", s(&f)]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn fmt_refuses_to_drop_comments_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!("// Owned by the events team.\n{SPEC_EXAMPLE}");
    let f = write(dir.path(), "plan.ron", &text);
    let o = preshow(&["fmt", s(&f)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(":1:1: // Owned by the events team."),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&f).expect("read"), text);
    let o = preshow(&["fmt", "--force", s(&f)]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn fmt_refuses_newer_formats_and_leaves_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "(format: 9, event: (name: \"S\", starts: \"2027-03-09\", ends: \"2027-03-09\"))";
    let f = write(dir.path(), "future.ron", text);
    let o = preshow(&["fmt", s(&f)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("format 9"));
    assert_eq!(std::fs::read_to_string(&f).expect("read"), text);
}

#[test]
fn rules_and_explain() {
    let o = preshow(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for rule in preshow::check::RULES {
        assert!(
            out.contains(rule.name),
            "{} missing from `preshow rules`",
            rule.name
        );
    }
    let o = preshow(&["explain", "account-without-owner"]);
    assert_eq!(o.status.code(), Some(0));
    let rule = preshow::check::find_rule("account-without-owner").expect("rule exists");
    assert!(stdout(&o).contains(&rule.explanation()));
    let o = preshow(&["explain", "no-such-rule"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn sign_pins_the_current_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = write(dir.path(), "plan.ron", SPEC_EXAMPLE);
    let o = preshow(&[
        "sign",
        s(&f),
        "messages",
        "roi",
        "--by",
        "mo",
        "--on",
        "2027-02-03",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let plan = preshow::format::load_file(&f).expect("loads").plan;
    let signoffs = &plan.messages[0].signoffs;
    assert_eq!(signoffs.len(), 2);
    assert_eq!(signoffs[1].by, "mo");
    assert_eq!(signoffs[1].on.to_string(), "2027-02-03");
    assert_eq!(signoffs[1].fingerprint.as_deref(), Some("0640715e92689248"));

    let o = preshow(&["sign", s(&f), "messages", "roi", "--by", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    let o = preshow(&["sign", s(&f), "accounts", "acme", "--by", "ana"]);
    assert_eq!(o.status.code(), Some(2));
    let o = preshow(&["sign", s(&f), "scoring", "scoring", "--by", "mo"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn new_writes_a_starter_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("show.ron");
    let o = preshow(&["new", s(&f)]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(&f).expect("read"),
        preshow::TEMPLATE_PLAN
    );
    std::fs::write(&f, "mine").expect("write");
    let o = preshow(&["new", s(&f)]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&f).expect("read"), "mine");
}

/// The workbench's `--today` is checked before any window opens: a date that is not one is
/// refused with exit 2 and a word why.
#[cfg(feature = "gui")]
#[test]
fn the_workbench_refuses_a_today_that_is_not_a_date() {
    let o = preshow(&["--today", "2027-02-30", "plans/example.ron"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--today"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("not a day on the calendar"),
        "{}",
        stderr(&o)
    );
}
