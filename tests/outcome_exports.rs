//! The plan after the show (format 2) in the exports: leads as CRM-ready CSV, the leadership
//! brief's results section, and held and no-show meetings in calendars, each read back by an
//! independent parser.

use icalendar::parser::{read_calendar, unfold};
use preshow::format;
use preshow::interchange::export::{brief, csv as csv_export, ics};
use preshow::model::{Date, MeetingStatus, Plan};
use preshow::ops::generate;

const PLAN: &str = r#"#![enable(implicit_some)]
(
    format: 2,
    event: (name: "Salon 2027", starts: "2027-04-13", ends: "2027-04-14", timezone: "Europe/Paris"),
    people: [
        (id: "raj", name: "Raj Patel", team: Sales, email: "raj@example.com"),
        (id: "mo", name: "Mo Chen", team: Marketing),
    ],
    objectives: [
        (id: "pipeline", name: "Pipeline", target: 100000.0, unit: "EUR", measure: Pipeline),
        (id: "sal", name: "Sales-accepted", target: 1.0, measure: LeadsReaching("sal")),
        (id: "nps", name: "Satisfaction", target: 8.0, actual: 8.5),
    ],
    accounts: [
        (id: "vistula", name: "Vistula Motors", tier: 1, owner: "raj", crm_id: "9100000001"),
        (id: "zeta", name: "Zeta", tier: 2),
    ],
    meetings: [
        (id: "vistula-demo", account: "vistula", start: "2027-04-13T10:00", minutes: 30, people: ["raj"], status: Held),
        (id: "zeta-intro", account: "zeta", start: "2027-04-13T11:00", minutes: 30, people: ["raj"], status: NoShow),
        (id: "zeta-old", account: "zeta", start: "2027-04-14T11:00", minutes: 30, people: ["raj"], status: Cancelled),
    ],
    stages: [
        (id: "visit", name: "Booth visit", team: Marketing, entry: true, crm_stage: "Lead"),
        (id: "mql", name: "MQL", team: Marketing, crm_stage: "Marketing Qualified Lead"),
        (id: "sal", name: "Sales-accepted lead", team: Sales),
    ],
    handoffs: [
        (id: "visit-to-mql", from: "visit", to: "mql", trigger: "Scored", sla_hours: 4),
        (id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified", sla_hours: 24),
    ],
    leads: [
        (id: "jana-novak", name: "Jana Novak", company: "Vistula Motors", account: "vistula",
         crm_id: "0035e000001AbCd", owner: "raj", captured: "2027-04-13T11:20", pipeline: 45000.0,
         reached: [(stage: "mql", at: "2027-04-13T15:00"), (stage: "visit", at: "2027-04-13T11:20"),
                   (stage: "sal", at: "2027-04-15T09:00")]),
        (id: "walk-in", name: "=Cher", captured: "2027-04-14T09:00",
         reached: [(stage: "visit", at: "2027-04-14T09:00"), (stage: "nowhere", at: "2027-04-14T10:00")]),
    ],
)
"#;

fn plan() -> Plan {
    format::parse(PLAN).expect("plan loads").plan
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut r = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = r
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("a row").iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

#[test]
fn leads_export_with_hubspot_headers_and_a_column_per_stage() {
    let text = csv_export::export(&plan(), csv_export::Table::Leads).expect("exports");
    let (headers, rows) = read_csv(&text);
    assert_eq!(
        headers,
        [
            "Id",
            "Record ID",
            "First Name",
            "Last Name",
            "Company Name",
            "Associated Company",
            "Associated Company ID",
            "Account Id",
            "Contact owner",
            "Contact owner Email",
            "Create Date",
            "Lifecycle Stage",
            "Date entered 'Lead (Lifecycle Stage Pipeline)'",
            "Date entered 'Marketing Qualified Lead (Lifecycle Stage Pipeline)'",
            "Date entered 'Sales-accepted lead (Lifecycle Stage Pipeline)'",
            "Pipeline",
        ]
    );
    assert_eq!(
        rows[0],
        [
            "jana-novak",
            "0035e000001AbCd",
            "Jana",
            "Novak",
            "Vistula Motors",
            "Vistula Motors",
            "9100000001",
            "vistula",
            "Raj Patel",
            "raj@example.com",
            "2027-04-13 11:20",
            // The latest stage, though the file lists it last by chance.
            "Sales-accepted lead",
            "2027-04-13 11:20",
            "2027-04-13 15:00",
            "2027-04-15 09:00",
            "45000",
        ]
    );
    // A walk-in: no account, no owner, a stage the plan does not have left out, and a name a
    // spreadsheet would run as a formula opens as text.
    assert_eq!(rows[1][2], "'=Cher");
    assert_eq!(rows[1][5..10], ["", "", "", "", ""]);
    assert_eq!(rows[1][11], "Lead");
    assert_eq!(rows[1][12..], ["2027-04-14 09:00", "", "", ""]);
}

#[test]
fn the_command_line_exports_leads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("after.ron");
    std::fs::write(&file, generate::generate_after_text(40, 3)).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args([
            "export",
            file.to_str().expect("utf-8"),
            "--csv",
            "leads",
            "-o",
            "-",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (headers, rows) = read_csv(&String::from_utf8_lossy(&out.stdout));
    let plan = generate::generate_after(40, 3);
    assert_eq!(rows.len(), plan.leads.len());
    assert_eq!(headers.len(), 12 + plan.stages.len() + 1);
    assert!(headers.contains(
        &"Date entered 'Marketing Qualified Lead (Lifecycle Stage Pipeline)'".to_owned()
    ));
}

#[test]
fn the_brief_has_results_once_the_plan_has_outcomes() {
    let plan = plan();
    let today = Date::from_ymd(2027, 4, 20).expect("a date");
    let md = brief::markdown(&plan, today);
    let results = md
        .split("\n## ")
        .find(|s| s.starts_with("Results after the show"))
        .unwrap_or_else(|| panic!("a results section:\n{md}"));
    assert!(results.contains("Measured on 20 April 2027."), "{results}");
    assert!(
        results.contains("| Pipeline | 100,000 EUR | 45,000 EUR | Missed |"),
        "{results}"
    );
    assert!(
        results.contains("| Sales-accepted | 1 | 1 | Met |"),
        "{results}"
    );
    assert!(
        results.contains("| Satisfaction | 8 | 8\\.5 (entered by hand) | Met |"),
        "{results}"
    );
    // Jana took visit → MQL in 3 h 40 (within 4), MQL → SAL in 42 hours (late); the walk-in's
    // last stage is not in the plan, so it is stuck nowhere.
    assert!(
        results.contains("| Booth visit → MQL | 4 hours | 1 | 1 (100%) | 0 | 0 | 3\\.7 hours |"),
        "{results}"
    );
    assert!(
        results
            .contains("| MQL → Sales-accepted lead | 24 hours | 1 | 0 (0%) | 1 | 0 | 42 hours |"),
        "{results}"
    );
    assert!(
        results.contains("- Tier 1: 1 of 1 account met (100%)"),
        "{results}"
    );
    // Only tier 1 is flagged when not every account was met.
    assert!(
        results.contains("- Tier 2: 0 of 1 account met (0%)"),
        "{results}"
    );
    assert!(
        results.contains("Meetings: 1 held, 1 no-show, 1 cancelled, 0 declined, 0 still open."),
        "{results}"
    );
    assert!(
        results.contains("Leads: 2 captured, 1 from target accounts; 0 stuck past their follow-up time, 0 reached sales with no owner."),
        "{results}"
    );
    // The HTML brief says the same.
    let html = brief::html(&plan, today);
    assert!(html.contains("Results after the show"), "{html}");
    assert!(html.contains("1 held, 1 no-show"), "{html}");

    // A plan before the show has no results section.
    let mut before = plan.clone();
    before.leads.clear();
    for m in &mut before.meetings {
        if m.status.is_format_2() {
            m.status = MeetingStatus::Confirmed;
        }
    }
    for o in &mut before.objectives {
        o.actual = None;
    }
    assert!(!brief::markdown(&before, today).contains("Results after the show"));
}

fn stamp() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2027, 4, 20)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("valid time")
}

/// Each event's UID and STATUS, as an independent parser reads them.
fn events(text: &str) -> Vec<(String, String)> {
    let unfolded = unfold(text);
    let cal = read_calendar(&unfolded).expect("an independent parser reads it");
    cal.components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .map(|c| {
            let p = |n: &str| {
                c.find_prop(n)
                    .map(|p| p.val.as_str().to_owned())
                    .unwrap_or_default()
            };
            (p("UID"), p("STATUS"))
        })
        .collect()
}

#[test]
fn held_meetings_are_confirmed_and_no_shows_left_out_like_cancelled_ones() {
    let plan = plan();
    let cal = ics::calendar(&plan, None, stamp()).expect("exports");
    assert_eq!(
        events(&cal.text),
        [(
            "vistula-demo@2027-04-13.europe-paris.preshow".to_owned(),
            "CONFIRMED".to_owned()
        )],
        "held: it took place; the no-show and the cancelled meeting are not in the calendar"
    );

    // Replacing a calendar written before the show, when both were confirmed: the held meeting
    // stays, and the no-show goes the way a cancelled meeting goes (left out, not sent as
    // STATUS:CANCELLED).
    let mut before = plan.clone();
    for m in &mut before.meetings {
        m.status = MeetingStatus::Confirmed;
    }
    let earlier_text = ics::calendar(&before, None, stamp()).expect("exports").text;
    assert_eq!(events(&earlier_text).len(), 3);
    let earlier = ics::Earliers::parse(&earlier_text);
    let mut cancelled = plan.clone();
    cancelled.meetings[1].status = MeetingStatus::Cancelled;
    let after = ics::calendar_replacing(&plan, None, stamp(), &earlier).expect("exports");
    let with_cancelled =
        ics::calendar_replacing(&cancelled, None, stamp(), &earlier).expect("exports");
    assert_eq!(events(&after.text), events(&with_cancelled.text));
    assert_eq!(events(&after.text).len(), 1);
    assert!(!after.text.contains("STATUS:CANCELLED"));
}
