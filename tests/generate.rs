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

#[test]
fn after_the_show_the_plan_is_format_2_with_every_outcome() {
    let text = generate::generate_after_text(N, generate::DEFAULT_SEED);
    assert_eq!(
        text,
        generate::generate_after_text(N, generate::DEFAULT_SEED)
    );
    let loaded = preshow::format::parse(&text).expect("loads");
    let plan = loaded.plan;
    assert_eq!(plan.format, 2);
    assert!(text.contains("\n    format: 2,\n"), "written as format 2");
    assert_eq!(preshow::format::to_string(&plan), text, "fmt is a no-op");
    assert_eq!(plan, generate::generate_after(N, generate::DEFAULT_SEED));

    // The plan before the show is the same, outcome aside.
    let before = generate(N, generate::DEFAULT_SEED);
    assert_eq!(plan.accounts.len(), before.accounts.len());
    assert_eq!(plan.meetings.len(), before.meetings.len());
    for (after, before) in plan.meetings.iter().zip(&before.meetings) {
        assert_eq!((&after.id, after.start), (&before.id, before.start));
        if before.status != MeetingStatus::Confirmed {
            assert_eq!(after.status, before.status, "{} kept its status", after.id);
        }
    }

    let leads = plan.leads.len();
    assert!(
        (N * 9..=N * 11).contains(&leads),
        "about ten per account: {leads}"
    );
    let results = preshow::analysis::results::measure(&plan, generate::after_today());
    let late: usize = results.handoffs.iter().filter_map(|h| h.late()).sum();
    let within: usize = results.handoffs.iter().filter_map(|h| h.within_sla()).sum();
    assert!(
        late > 0 && within > 5 * late,
        "most within the SLA: {within}, late {late}"
    );
    let stuck = results.lead_counts.stuck;
    assert!(
        stuck > 0 && stuck < leads / 20,
        "a few stuck: {stuck} of {leads}"
    );
    assert!(results.meetings.held > 5 * results.meetings.no_show);
    assert!(results.meetings.no_show > 0);
    assert!(results.lead_counts.without_owner > 0);
    assert!(results.lead_counts.from_accounts > 0);
    assert!(results.objectives.iter().any(|o| o.met == Some(true)));
    assert!(results.objectives.iter().any(|o| o.met == Some(false)));
    assert!(
        plan.objectives
            .iter()
            .any(|o| o.measure.is_none() && o.actual.is_some())
    );
    assert!(plan.stages.iter().any(|s| s.crm_stage.is_some()));
    assert!(plan.accounts.iter().all(|a| a.crm_id.is_some()));
    // On the show's last day, fewer are stuck than a week later.
    let early = preshow::analysis::results::measure(&plan, plan.event.ends);
    assert!(early.lead_counts.stuck < stuck);

    // Some `reached` lists are out of time order, some skip a stage no handoff describes.
    assert!(
        plan.leads
            .iter()
            .any(|l| l.reached.windows(2).any(|w| w[0].at > w[1].at))
    );
    let skips = (0..leads)
        .flat_map(|l| preshow::analysis::results::path(&plan, l))
        .filter(|s| s.hours.is_some() && s.handoffs.is_empty())
        .count();
    assert!(skips > 0, "a few moves that no handoff describes");
    for lead in &plan.leads {
        assert!(
            lead.reached.iter().all(|r| r.at >= lead.captured),
            "{}",
            lead.id
        );
        let day = lead.captured.date();
        assert!(
            plan.event.starts <= day && day <= plan.event.ends,
            "{}",
            lead.id
        );
    }
}

#[test]
fn the_command_writes_the_plan_after_the_show() {
    let out = preshow(&["generate", "--accounts", "50", "--after", "--seed", "4"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        generate::generate_after_text(50, 4)
    );
    let help = preshow(&["generate", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--after") && help.contains("after the show"),
        "{help}"
    );
}
