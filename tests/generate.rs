//! `preshow generate`: a deterministic, realistic plan of any size with a few gaps of every kind.

use preshow::check::{self, RULES};
use preshow::model::MeetingStatus;
use preshow::ops::generate::{self, generate, generate_text};
use std::collections::BTreeMap;
use std::process::Command;

const N: usize = 1_000;

/// Rules a generated plan cannot show without hiding others: a plan with no objectives has none
/// to be unshared or without a target, a lead flow with no entry stage has no stage to be
/// unreachable from it, and one with no marketing-to-sales handoff has none to be too slow. And
/// the checks of the plan after the show (catalogue 2): a generated plan is one before the show,
/// with no leads, checked before the event.
const RULED_OUT: [&str; 7] = [
    "no-objectives",
    "no-entry-stage",
    "no-sales-handoff",
    "lead-sla-missed",
    "lead-stuck",
    "lead-without-owner",
    "objective-missed",
];

fn counts(plan: &preshow::model::Plan) -> BTreeMap<&'static str, usize> {
    let mut by_rule = BTreeMap::new();
    for f in check::check(plan, generate::today()) {
        *by_rule.entry(f.rule.as_str()).or_default() += 1;
    }
    by_rule
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let a = generate_text(N, 7);
    assert_eq!(a, generate_text(N, 7));
    assert_ne!(a, generate_text(N, 8));
    assert_eq!(
        generate_text(N, generate::DEFAULT_SEED),
        generate_text(N, generate::DEFAULT_SEED)
    );
}

#[test]
fn sizes_follow_the_number_of_accounts() {
    let plan = generate(N, generate::DEFAULT_SEED);
    assert_eq!(plan.accounts.len(), N);
    assert_eq!(plan.people.len(), N / 100 + 5);
    assert_eq!(plan.messages.len(), N / 50);
    let meetings = plan.meetings.len();
    assert!(
        (N * 27 / 10..=N * 33 / 10).contains(&meetings),
        "about 3 meetings per account, got {meetings}"
    );
    assert!(!plan.tasks.is_empty() && !plan.stages.is_empty() && !plan.handoffs.is_empty());
    let days = plan.event.starts.days_until(plan.event.ends) + 1;
    let on_days = |d: i64| {
        plan.meetings
            .iter()
            .filter(|m| m.start.date() == plan.event.starts.plus_days(d))
            .count()
    };
    for d in 0..days {
        assert!(on_days(d) > meetings / 5, "meetings spread over the days");
    }
    let confirmed = plan
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Confirmed)
        .count();
    assert!(confirmed > N / 10, "{confirmed} confirmed meetings");
}

#[test]
fn every_kind_of_gap_shows_a_few_times() {
    let plan = generate(N, generate::DEFAULT_SEED);
    let by_rule = counts(&plan);
    // Rules that read git history are not asked of a plan alone.
    for rule in RULES.iter().filter(|r| !r.history) {
        let n = by_rule.get(rule.name).copied().unwrap_or(0);
        if RULED_OUT.contains(&rule.name) {
            assert_eq!(n, 0, "{} cannot show beside the others", rule.name);
        } else {
            assert!(n >= 1, "no finding of {}: {by_rule:?}", rule.name);
            // A few, not a flood: the plan is mostly in order.
            assert!(n <= 40, "{n} findings of {}: {by_rule:?}", rule.name);
        }
    }
}

#[test]
fn small_and_other_plans_have_gaps_of_every_kind_too() {
    for (n, seed) in [(100, 1), (250, 99), (3_000, 5)] {
        let by_rule = counts(&generate(n, seed));
        for rule in RULES
            .iter()
            .filter(|r| !r.history && !RULED_OUT.contains(&r.name))
        {
            assert!(
                by_rule.contains_key(rule.name),
                "{n} accounts, seed {seed}: no finding of {}",
                rule.name
            );
        }
    }
}

#[test]
fn the_plan_is_canonical_and_loads() {
    let text = generate_text(N, generate::DEFAULT_SEED);
    let loaded = preshow::format::parse(&text).expect("loads");
    assert_eq!(loaded.plan, generate(N, generate::DEFAULT_SEED));
    assert_eq!(
        preshow::format::to_string(&loaded.plan),
        text,
        "fmt is a no-op"
    );
}

fn preshow(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn the_command_writes_the_plan_that_fmt_keeps_and_check_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.ron");
    let path = file.to_str().expect("utf-8 path");
    let o = preshow(&["generate", "--accounts", "1000", "--seed", "3", "-o", path]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let written = std::fs::read_to_string(&file).expect("written");
    assert_eq!(written, generate_text(1000, 3));

    let again = preshow(&["generate", "--accounts", "10", "-o", path]);
    assert_eq!(again.status.code(), Some(2), "never overwrites unasked");
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), written);

    let stdout = preshow(&["generate", "--accounts", "1000", "--seed", "3"]);
    assert_eq!(String::from_utf8_lossy(&stdout.stdout), written);

    let fmt = preshow(&["fmt", "--check", path]);
    assert_eq!(fmt.status.code(), Some(0), "canonical: {fmt:?}");

    let today = generate::today().to_string();
    let check = preshow(&["check", path, "--today", &today, "--format", "json"]);
    assert_eq!(check.status.code(), Some(1), "errors were planted");
    let json: serde_json::Value =
        serde_json::from_slice(&check.stdout).expect("the check prints JSON");
    let findings = json["findings"].as_array().expect("findings");
    for rule in RULES
        .iter()
        .filter(|r| !r.history && !RULED_OUT.contains(&r.name))
    {
        assert!(
            findings.iter().any(|f| f["rule"] == rule.name),
            "no {} in the check's output",
            rule.name
        );
    }
    assert!(
        findings
            .iter()
            .all(|f| f["line"].as_u64().is_some_and(|l| l > 0)),
        "every finding has a line"
    );
}
