//! The plan after the show, measured (`format-2.md`): the definitions of taken, within the SLA,
//! stuck and the median on hand-made leads; the JSON of `preshow results` on a small show; and
//! where each catalogue-2 check starts and stops firing.

use preshow::analysis::results::measure;
use preshow::check::{self, Finding};
use preshow::model::{Date, Plan, Section};
use std::process::Command;

const SHOW: &str = include_str!("fixtures/results/show.ron");
const SHOW_PATH: &str = "tests/fixtures/results/show.ron";

fn day(d: u32) -> Date {
    Date::from_ymd(2027, 4, d).expect("a date in April 2027")
}

fn plan(text: &str) -> Plan {
    preshow::format::parse(text).expect("the plan loads").plan
}

fn lead(p: &Plan, id: &str) -> usize {
    p.leads.iter().position(|l| l.id == id).expect("the lead")
}

fn handoff(p: &Plan, id: &str) -> usize {
    p.handoffs
        .iter()
        .position(|h| h.id == id)
        .expect("the handoff")
}

/// The leads (by id) that took handoff `h`, with their hours, in plan order.
fn takers(p: &Plan, h: &str) -> Vec<(String, f64)> {
    let r = measure(p, day(20));
    r.handoffs[handoff(p, h)]
        .taken
        .iter()
        .map(|t| (p.leads[t.lead].id.clone(), t.hours))
        .collect()
}

#[test]
fn a_lead_that_skips_a_stage_takes_no_handoff() {
    let p = plan(SHOW);
    // Ola went visit → sal: no handoff describes it, so she took none.
    for h in ["visit-to-mql", "mql-to-sal", "sal-to-won"] {
        assert!(
            takers(&p, h).iter().all(|(id, _)| id != "ola"),
            "{h}: {:?}",
            takers(&p, h)
        );
    }
    // She still reached a Sales stage, and has no owner.
    let r = measure(&p, day(20));
    assert!(r.leads[lead(&p, "ola")].reached_sales);
    assert_eq!(r.lead_counts.without_owner, 1);
}

#[test]
fn entries_out_of_order_in_the_file_are_read_by_time() {
    let p = plan(SHOW);
    // Piotr's file order is sal, visit, mql: by time, visit → mql in 2 hours, mql → sal in 24.
    assert!(takers(&p, "visit-to-mql").contains(&("piotr".to_owned(), 2.0)));
    assert!(takers(&p, "mql-to-sal").contains(&("piotr".to_owned(), 24.0)));
    // Minutes count: Jana's 3 hours 40 minutes are 3.67 hours.
    let (_, jana) = takers(&p, "visit-to-mql")
        .into_iter()
        .find(|(id, _)| id == "jana")
        .expect("Jana took it");
    assert_eq!(jana, 220.0 / 60.0);
}

#[test]
fn exactly_the_sla_is_within_it_and_a_handoff_without_one_is_never_late() {
    let p = plan(SHOW);
    let r = measure(&p, day(20));
    let mql_to_sal = &r.handoffs[handoff(&p, "mql-to-sal")];
    // Piotr's 24 hours are within the 24-hour SLA; Jana's 42 are late.
    assert_eq!(
        (mql_to_sal.within_sla(), mql_to_sal.late()),
        (Some(1), Some(1))
    );
    let late: Vec<usize> = mql_to_sal.late_leads().map(|t| t.lead).collect();
    assert_eq!(late, vec![lead(&p, "jana")]);
    let sal_to_won = &r.handoffs[handoff(&p, "sal-to-won")];
    assert_eq!((sal_to_won.within_sla(), sal_to_won.late()), (None, None));
    assert_eq!(sal_to_won.median_hours, None, "nobody took it");
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
    let p = plan(SHOW);
    let r = measure(&p, day(20));
    // mql → sal: Jana 42 hours, Piotr 24.
    assert_eq!(
        r.handoffs[handoff(&p, "mql-to-sal")].median_hours,
        Some(33.0)
    );
    // visit → mql: 2, 3.67 and 5 hours: the middle one.
    assert_eq!(
        r.handoffs[handoff(&p, "visit-to-mql")].median_hours,
        Some(220.0 / 60.0)
    );
}

#[test]
fn a_lead_is_stuck_only_from_the_day_after_its_deadline() {
    let p = plan(SHOW);
    let tomas = lead(&p, "tomas");
    // At mql since 13 April 14:00; the largest SLA out of mql is 24 hours: due 14 April 14:00.
    let on_the_day = measure(&p, day(14));
    assert_eq!(on_the_day.leads[tomas].stuck_at, None);
    assert_eq!(on_the_day.lead_counts.stuck, 0);
    let next_day = measure(&p, day(15));
    let mql = p.stages.iter().position(|s| s.id == "mql");
    assert_eq!(next_day.leads[tomas].stuck_at, mql);
    assert_eq!(next_day.leads[tomas].due, Some(day(14).at(14, 0)));
    assert_eq!(
        next_day.handoffs[handoff(&p, "mql-to-sal")].stuck,
        vec![tomas]
    );
    // Resting at sal, whose only handoff out has no SLA, is never stuck.
    assert_eq!(next_day.lead_counts.stuck, 1);
}

/// Runs `preshow` in the repository's folder.
fn preshow(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("preshow runs")
}

#[test]
fn results_json_is_the_documented_document() {
    let o = preshow(&[
        "results",
        SHOW_PATH,
        "--today",
        "2027-04-20",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let got: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    let want = serde_json::json!({
        "objectives": [
            {"id": "pipeline", "target": 100000.0, "actual": 75000.0, "unit": "EUR", "met": false},
            {"id": "meetings", "target": 2.0, "actual": 2.0, "unit": "meetings", "met": true},
            {"id": "sals", "target": 3.0, "actual": 3.0, "unit": null, "met": true},
            {"id": "survey", "target": 8.0, "actual": null, "unit": null, "met": null},
            {"id": "visitors", "target": null, "actual": 950.0, "unit": "visitors", "met": null}
        ],
        "handoffs": [
            {"id": "visit-to-mql", "sla_hours": 4, "taken": 3, "within_sla": 2, "late": 1,
             "median_hours": 220.0 / 60.0, "stuck": 0},
            {"id": "mql-to-sal", "sla_hours": 24, "taken": 2, "within_sla": 1, "late": 1,
             "median_hours": 33.0, "stuck": 1},
            {"id": "sal-to-won", "sla_hours": null, "taken": 0, "within_sla": null, "late": null,
             "median_hours": null, "stuck": 0}
        ],
        "accounts": {"tier1": {"planned": 2, "met": 1}, "tier2": {"planned": 1, "met": 1},
                     "tier3": {"planned": 1, "met": 0}},
        "meetings": {"held": 2, "no_show": 1, "cancelled": 1, "declined": 0, "open": 1},
        "leads": {"total": 4, "from_accounts": 1, "stuck": 1, "without_owner": 1}
    });
    assert_eq!(got, want);
    // Keys in the documented order, and the same bytes every time.
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let at = |key: &str| text.find(&format!("\"{key}\":")).expect(key);
    assert!(at("objectives") < at("handoffs") && at("handoffs") < at("accounts"));
    assert!(at("accounts") < at("meetings") && at("meetings") < at("leads"));
    assert!(at("target") < at("actual") && at("actual") < at("unit") && at("unit") < at("met"));
    let again = preshow(&[
        "results",
        SHOW_PATH,
        "--today",
        "2027-04-20",
        "--format",
        "json",
    ]);
    assert_eq!(o.stdout, again.stdout);
}

#[test]
fn results_for_people_is_a_scorecard() {
    let o = preshow(&["results", SHOW_PATH, "--today", "2027-04-20"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let line = |start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line `{start}` in:\n{text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        text.starts_with("Results of Expo 2027, as of Tue 20 Apr\n"),
        "{text}"
    );
    assert_eq!(
        line("Sourced pipeline"),
        "Sourced pipeline 75,000 100,000 EUR missed"
    );
    assert_eq!(line("Brand survey"), "Brand survey score - 8 not known yet");
    assert_eq!(
        line("Marketing-qualified lead →"),
        "Marketing-qualified lead → Sales-accepted lead 24 h 2 1 1 33 h 1"
    );
    assert_eq!(
        line("Sales-accepted lead →"),
        "Sales-accepted lead → Won - 0 - - - 0"
    );
    assert_eq!(line("Tier 1"), "Tier 1 2 1");
    assert_eq!(
        line("Meetings:"),
        "Meetings: 2 held, 1 no-show, 1 cancelled, 0 declined, 1 still open"
    );
    assert_eq!(
        line("Leads:"),
        "Leads: 4 in total, 1 from accounts, 1 stuck, 1 without an owner"
    );
}

#[test]
fn results_reads_standard_input_and_refuses_what_it_cannot_read() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(["results", "-", "--today", "2027-04-20", "--format", "json"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("preshow starts");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(SHOW.as_bytes()).expect("written");
    }
    let piped = child.wait_with_output().expect("runs");
    let from_file = preshow(&[
        "results",
        SHOW_PATH,
        "--today",
        "2027-04-20",
        "--format",
        "json",
    ]);
    assert_eq!(piped.status.code(), Some(0));
    assert_eq!(piped.stdout, from_file.stdout);
    let o = preshow(&["results", "tests/fixtures/results/no-such-plan.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-plan.ron"));
}

/// The findings of `rule` on `text` as of `today`, as `(section, id)`.
fn found(text: &str, today: Date, rule: &str) -> Vec<(Section, String)> {
    check::check(&plan(text), today)
        .into_iter()
        .filter(|f: &Finding| f.rule == rule)
        .map(|f| (f.section, f.id.unwrap_or_default()))
        .collect()
}

fn on_leads(ids: &[&str]) -> Vec<(Section, String)> {
    ids.iter()
        .map(|id| (Section::Leads, (*id).to_owned()))
        .collect()
}

#[test]
fn lead_sla_missed_fires_past_the_sla_and_not_at_it() {
    // Jana: mql → sal in 42 hours (SLA 24); Tomas: visit → mql in 5 hours (SLA 4). Piotr took
    // mql → sal in exactly 24 hours: within.
    assert_eq!(
        found(SHOW, day(20), "lead-sla-missed"),
        on_leads(&["jana", "tomas"])
    );
    let finding = check::check(&plan(SHOW), day(20))
        .into_iter()
        .find(|f| f.rule == "lead-sla-missed")
        .expect("a finding");
    assert!(
        finding.message.starts_with(
            "Jana Novak waited 42 hours for the handoff from Marketing-qualified lead to \
             Sales-accepted lead, whose SLA is 24 hours: Raj Patel, who owns the handoff,"
        ),
        "{}",
        finding.message
    );
    assert_eq!(finding.rule.rule().field, Some("reached"));
    // One minute more for Piotr is late.
    let later = SHOW.replace(
        "(stage: \"sal\", at: \"2027-04-14T12:00\")",
        "(stage: \"sal\", at: \"2027-04-14T12:01\")",
    );
    assert_eq!(
        found(&later, day(20), "lead-sla-missed"),
        on_leads(&["jana", "piotr", "tomas"])
    );
}

#[test]
fn lead_stuck_fires_from_the_day_after_the_deadline() {
    assert_eq!(found(SHOW, day(14), "lead-stuck"), vec![]);
    assert_eq!(found(SHOW, day(15), "lead-stuck"), on_leads(&["tomas"]));
    let f = check::check(&plan(SHOW), day(15))
        .into_iter()
        .find(|f| f.rule == "lead-stuck")
        .expect("a finding");
    assert_eq!(
        f.message,
        "Tomas Horak has been at Marketing-qualified lead since Tue 13 Apr, 14:00 and was due \
         to move on by Wed 14 Apr, 14:00: Raj Patel, who owns the handoff out of it, should \
         follow the lead up, or record the stage it moved to"
    );
}

#[test]
fn lead_without_owner_fires_once_a_sales_stage_is_reached() {
    assert_eq!(
        found(SHOW, day(20), "lead-without-owner"),
        on_leads(&["ola"])
    );
    // Before she reached sal, Ola was Marketing's alone.
    let marketing_only = SHOW.replace(
        "(stage: \"sal\", at: \"2027-04-13T16:00\")",
        "(stage: \"mql\", at: \"2027-04-13T16:00\")",
    );
    assert_eq!(
        found(&marketing_only, day(20), "lead-without-owner"),
        vec![]
    );
}

#[test]
fn objective_missed_fires_only_after_the_last_day() {
    // The show ends on 15 April: on that day nothing is missed yet.
    assert_eq!(found(SHOW, day(15), "objective-missed"), vec![]);
    // From the 16th, the pipeline (75,000 of 100,000 EUR) is missed; the met ones, the one with
    // no actual and the one with no target are not.
    assert_eq!(
        found(SHOW, day(16), "objective-missed"),
        vec![(Section::Objectives, "pipeline".to_owned())]
    );
}

#[test]
fn integrity_checks_cover_leads() {
    let broken = SHOW
        // A second lead with Ola's id.
        .replace(
            "(id: \"tomas\", name: \"Tomas Horak\"",
            "(id: \"ola\", name: \"Tomas Horak\"",
        )
        // Unknown account, owner and stage.
        .replace(
            "account: \"vistula\", owner: \"raj\",",
            "account: \"vistul\", owner: \"rj\",",
        )
        .replace(
            "(stage: \"visit\", at: \"2027-04-13T11:20\")",
            "(stage: \"vist\", at: \"2027-04-13T11:20\")",
        )
        // A negative pipeline, and a stage reached before Piotr was captured.
        .replace("pipeline: 30000.0", "pipeline: -30000.0")
        .replace(
            "captured: \"2027-04-13T10:00\", pipeline: -30000.0",
            "captured: \"2027-04-13T11:00\", pipeline: -30000.0",
        )
        // A negative actual, and a measure counting a stage nobody has.
        .replace("actual: 950.0", "actual: -950.0")
        .replace("LeadsReaching(\"sal\")", "LeadsReaching(\"sql\")");
    let findings = check::check(&plan(&broken), day(20));
    let message = |rule: &str, id: &str| {
        findings
            .iter()
            .find(|f| f.rule == rule && f.id.as_deref() == Some(id))
            .map(|f| f.message.clone())
            .unwrap_or_else(|| panic!("no {rule} on {id}: {findings:#?}"))
    };
    assert!(message("duplicate-id", "ola").contains("already used by Ola Berg"));
    let unknown = message("unknown-reference", "jana");
    for named in ["account \"vistul\"", "owner \"rj\"", "stage \"vist\""] {
        assert!(unknown.contains(named), "{unknown}");
    }
    assert!(message("unknown-reference", "sals").contains("stage \"sql\""));
    let piotr = message("invalid-value", "piotr");
    assert!(piotr.contains("pipeline -30,000"), "{piotr}");
    assert!(
        piotr.contains("Booth visit reached at Tue 13 Apr, 10:00 (before the lead was captured, Tue 13 Apr, 11:00)"),
        "{piotr}"
    );
    assert!(message("invalid-value", "visitors").contains("actual -950"));
    // Not one finding more of these rules than the breakage asked for.
    let integrity = findings
        .iter()
        .filter(|f| {
            ["duplicate-id", "unknown-reference", "invalid-value"].contains(&f.rule.as_str())
        })
        .count();
    assert_eq!(integrity, 5, "{findings:#?}");
}
