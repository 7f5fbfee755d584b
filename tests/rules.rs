//! Every gap check against real plan files.
//!
//! `tests/fixtures/rules/base.ron` is a small plan with no gap at all. Each rule has a folder
//! `tests/fixtures/rules/<rule-name>/` holding:
//! - `fires.ron`: the base plan with a few lines changed so that the rule fires;
//! - `expected.txt`: the rule's findings on `fires.ron`, in the order the rule gives them, one
//!   `section id` a line (`-` as the id of a finding on a whole section), optionally followed by
//!   `~ text` that the finding's message must contain;
//! - `clean.ron` (and any `clean-*.ron`): near misses on which the rule must stay quiet.
//!
//! A rule that reads git history (`signoff-unverified`) also has `history.txt`: the commits
//! behind its plans, each a plan file of the folder and its author. The test builds that
//! repository in a temporary folder, tags the first commit `rev`, writes the plan under test over
//! the last commit, and checks it with `--verify-signoffs rev`.

use preshow::check::{self, Finding, RULES, Severity};
use preshow::model::Date;
use std::fs;
use std::path::{Path, PathBuf};

/// The day every fixture is checked on, so that `task-overdue` does not depend on the clock.
fn today() -> Date {
    Date::from_ymd(2027, 2, 1).expect("2027-02-01 is a date")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn check_file(path: &Path) -> Vec<Finding> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let loaded =
        preshow::format::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    check::check(&loaded.plan, today())
}

/// Runs git in `dir` as `author` (`Name <email>`), away from the user's and the system's config.
fn git(dir: &Path, author: &str, args: &[&str]) {
    let (name, email) = author
        .trim_end_matches('>')
        .split_once(" <")
        .unwrap_or_else(|| panic!("`{author}` is not `Name <email>`"));
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", dir.join(".no-global-gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", name)
        .env("GIT_AUTHOR_EMAIL", email)
        .env("GIT_COMMITTER_NAME", name)
        .env("GIT_COMMITTER_EMAIL", email)
        // Fixed dates make the same commits, hashes and all, every time.
        .env("GIT_AUTHOR_DATE", "2027-02-01T12:00:00+00:00")
        .env("GIT_COMMITTER_DATE", "2027-02-01T12:00:00+00:00")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The findings on `path` as `rule` sees them: for a rule that reads git history, checked
/// against the repository its folder's `history.txt` describes.
fn findings_for(rule: &check::Rule, path: &Path) -> Vec<Finding> {
    if !rule.history {
        return check_file(path);
    }
    let folder = path.parent().expect("a fixture folder");
    let history = fs::read_to_string(folder.join("history.txt"))
        .unwrap_or_else(|e| panic!("{}/history.txt: {e}", folder.display()));
    let repo = tempfile::tempdir().expect("tempdir");
    let plan = repo.path().join("plan.ron");
    let someone = "Fixture Maker <maker@example.com>";
    git(repo.path(), someone, &["init", "-q", "-b", "main"]);
    let commits = history
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'));
    for (i, line) in commits.enumerate() {
        let (file, author) = line
            .split_once(char::is_whitespace)
            .unwrap_or_else(|| panic!("history.txt: `{line}`"));
        fs::copy(folder.join(file), &plan).unwrap_or_else(|e| panic!("{file}: {e}"));
        git(repo.path(), author.trim(), &["add", "plan.ron"]);
        git(repo.path(), author.trim(), &["commit", "-q", "-m", file]);
        if i == 0 {
            git(repo.path(), someone, &["tag", "rev"]);
        }
    }
    fs::copy(path, &plan).expect("the plan under test");
    let text = fs::read_to_string(&plan).expect("the plan");
    let loaded =
        preshow::format::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let verification = preshow::git::provenance::verification(&plan, "rev")
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    check::check_verified(&loaded.plan, today(), &verification)
}

/// One line of an `expected.txt`.
#[derive(Debug)]
struct Expected {
    section: String,
    id: Option<String>,
    contains: Option<String>,
}

fn read_expected(path: &Path) -> Vec<Expected> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (place, contains) = match line.split_once(" ~ ") {
                Some((place, text)) => (place, Some(text.trim().to_owned())),
                None => (line, None),
            };
            let (section, id) = place
                .split_once(' ')
                .unwrap_or_else(|| panic!("{}: `{line}`", path.display()));
            let id = id.trim();
            Expected {
                section: section.to_owned(),
                id: (id != "-").then(|| id.to_owned()),
                contains,
            }
        })
        .collect()
}

fn place(f: &Finding) -> String {
    format!("{} {}", f.section.key(), f.id.as_deref().unwrap_or("-"))
}

fn clean_plans(dir: &Path) -> Vec<PathBuf> {
    let mut plans: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("clean") && n.ends_with(".ron"))
        })
        .collect();
    plans.sort();
    plans
}

/// The catalogues of `shared/spec/rules.md` and `format-2.md`: names and severities are a contract.
const CATALOGUE: &[(&str, Severity)] = &[
    ("duplicate-id", Severity::Error),
    ("unknown-reference", Severity::Error),
    ("invalid-value", Severity::Error),
    ("no-objectives", Severity::Error),
    ("objective-not-shared", Severity::Error),
    ("objective-without-target", Severity::Warning),
    ("lead-definition-missing", Severity::Error),
    ("term-not-agreed", Severity::Error),
    ("scoring-not-agreed", Severity::Error),
    ("scoring-threshold-unreachable", Severity::Error),
    ("account-without-owner", Severity::Error),
    ("account-owner-not-sales", Severity::Warning),
    ("account-without-marketing-owner", Severity::Warning),
    ("priority-account-without-meeting", Severity::Warning),
    ("account-without-message", Severity::Warning),
    ("meeting-outside-event", Severity::Error),
    ("person-double-booked", Severity::Error),
    ("room-double-booked", Severity::Error),
    ("meeting-without-sales", Severity::Warning),
    ("person-over-capacity", Severity::Warning),
    ("message-not-agreed", Severity::Error),
    ("signoff-stale", Severity::Error),
    ("signoff-unverified", Severity::Error),
    ("message-without-proof", Severity::Warning),
    ("message-unused", Severity::Info),
    ("no-entry-stage", Severity::Error),
    ("stage-dead-end", Severity::Error),
    ("stage-unreachable", Severity::Warning),
    ("stage-trap", Severity::Error),
    ("no-sales-handoff", Severity::Error),
    ("handoff-without-owner", Severity::Error),
    ("handoff-without-sla", Severity::Error),
    ("handoff-sla-too-slow", Severity::Warning),
    ("handoff-not-accepted", Severity::Warning),
    ("task-without-owner", Severity::Error),
    ("task-overdue", Severity::Warning),
    // Catalogue 2 (`shared/spec/format-2.md`): the plan after the show.
    ("lead-sla-missed", Severity::Warning),
    ("lead-stuck", Severity::Warning),
    ("lead-without-owner", Severity::Warning),
    ("objective-missed", Severity::Info),
];

#[test]
fn rules_match_the_catalogue() {
    let rules: Vec<(&str, Severity)> = RULES.iter().map(|r| (r.name, r.severity)).collect();
    assert_eq!(rules, CATALOGUE);
}

#[test]
fn the_base_plan_has_no_finding_from_any_rule() {
    let findings = check_file(&fixtures().join("base.ron"));
    assert!(
        findings.is_empty(),
        "base.ron should be clean, found:\n{findings:#?}"
    );
}

#[test]
fn every_rule_has_fixtures() {
    let mut missing = Vec::new();
    for rule in RULES {
        let dir = fixtures().join(rule.name);
        for file in ["fires.ron", "expected.txt", "clean.ron"] {
            if !dir.join(file).is_file() {
                missing.push(format!("{}/{file}", rule.name));
            }
        }
    }
    assert!(missing.is_empty(), "missing fixtures: {missing:#?}");
    // And no fixture folder for a rule that does not exist.
    for entry in fs::read_dir(fixtures())
        .expect("fixtures folder")
        .filter_map(Result::ok)
    {
        if entry.path().is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(
                check::find_rule(&name).is_some(),
                "fixture folder {name} names no rule"
            );
        }
    }
}

#[test]
fn every_rule_fires_exactly_where_expected() {
    let mut failures = Vec::new();
    for rule in RULES {
        let dir = fixtures().join(rule.name);
        let expected = read_expected(&dir.join("expected.txt"));
        let found: Vec<Finding> = findings_for(rule, &dir.join("fires.ron"))
            .into_iter()
            .filter(|f| f.rule == rule.name)
            .collect();
        let want: Vec<String> = expected
            .iter()
            .map(|e| format!("{} {}", e.section, e.id.as_deref().unwrap_or("-")))
            .collect();
        let got: Vec<String> = found.iter().map(place).collect();
        if want.is_empty() {
            failures.push(format!("{}: expected.txt lists no finding", rule.name));
        }
        if got != want {
            failures.push(format!("{}: expected {want:?}, found {got:?}", rule.name));
            continue;
        }
        for (e, f) in expected.iter().zip(&found) {
            if f.severity != rule.severity {
                failures.push(format!(
                    "{}: {} has severity {}",
                    rule.name,
                    place(f),
                    f.severity
                ));
            }
            if let Some(text) = &e.contains
                && !f.message.contains(text.as_str())
            {
                failures.push(format!(
                    "{}: message of {} lacks `{text}`: {}",
                    rule.name,
                    place(f),
                    f.message
                ));
            }
            if f.index.is_some() != f.id.is_some() {
                failures.push(format!(
                    "{}: {} has index {:?}",
                    rule.name,
                    place(f),
                    f.index
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_stays_quiet_on_its_clean_plans() {
    let mut failures = Vec::new();
    for rule in RULES {
        for plan in clean_plans(&fixtures().join(rule.name)) {
            let found: Vec<String> = findings_for(rule, &plan)
                .iter()
                .filter(|f| f.rule == rule.name)
                .map(|f| format!("{place}: {}", f.message, place = place(f)))
                .collect();
            if !found.is_empty() {
                failures.push(format!("{} on {}: {found:#?}", rule.name, plan.display()));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn messages_are_plain_sentences_that_say_who_fixes_it() {
    for rule in RULES {
        let dir = fixtures().join(rule.name);
        for f in findings_for(rule, &dir.join("fires.ron")) {
            let m = &f.message;
            assert!(!m.is_empty() && !m.ends_with('.'), "{}: `{m}`", f.rule);
            assert!(
                m.trim_start_matches('"')
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
                "{}: `{m}` starts in lower case",
                f.rule
            );
            let (_, fix) = m
                .rsplit_once(": ")
                .unwrap_or_else(|| panic!("{}: `{m}` says nobody fixes it", f.rule));
            assert!(
                fix.contains(" should "),
                "{}: `{m}` says nobody fixes it",
                f.rule
            );
        }
    }
}

#[test]
fn findings_are_deterministic() {
    for rule in RULES {
        let path = fixtures().join(rule.name).join("fires.ron");
        assert_eq!(
            findings_for(rule, &path),
            findings_for(rule, &path),
            "{}",
            rule.name
        );
    }
}
