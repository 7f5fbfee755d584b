//! The Results board after the show, driven headlessly through the real workbench: the figures
//! a review meeting reads, the late and stuck leads under their owners, a lead opening in Leads,
//! and what the board says before anything happened.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::boards::Board;
use preshow::app::{Command, Workbench};
use preshow::model::{Date, Section};
use std::path::Path;

/// Two days of show; two tier-1 accounts met, a tier-2 no-show. Three leads: Jana took 30 h
/// from MQL to SAL (SLA 24 h: late), Piotr rests at MQL since 13 April (stuck from 15 April),
/// Ines did everything in time. Meetings held meets its target; pipeline misses its own.
const PLAN: &str = r#"#![enable(implicit_some)]
(
    format: 2,
    event: (name: "Results Expo", starts: "2027-04-13", ends: "2027-04-14"),
    people: [
        (id: "raj", name: "Raj Patel", team: Sales),
        (id: "mo", name: "Mo Chen", team: Marketing),
    ],
    objectives: [
        (id: "meetings", name: "Meetings held", target: 2.0, unit: "meetings", measure: MeetingsHeld),
        (id: "pipeline", name: "Sourced pipeline", target: 100000.0, unit: "EUR", measure: Pipeline),
        (id: "speed", name: "Follow-up speed", target: 95.0, unit: "%", actual: 82.0),
    ],
    accounts: [
        (id: "acme", name: "Acme Hospitals", tier: 1, owner: "raj", marketing_owner: "mo"),
        (id: "beta", name: "Beta Labs", tier: 1, owner: "raj", marketing_owner: "mo"),
        (id: "cora", name: "Cora Care", tier: 2, owner: "raj", marketing_owner: "mo"),
    ],
    meetings: [
        (id: "acme-demo", account: "acme", start: "2027-04-13T10:00", minutes: 30, people: ["raj"], status: Held),
        (id: "beta-demo", account: "beta", start: "2027-04-13T11:00", minutes: 30, people: ["raj"], status: Held),
        (id: "cora-demo", account: "cora", start: "2027-04-14T11:00", minutes: 30, people: ["raj"], status: NoShow),
    ],
    stages: [
        (id: "visit", name: "Visit", team: Marketing, entry: true),
        (id: "mql", name: "MQL", team: Marketing),
        (id: "sal", name: "SAL", team: Sales, terminal: true),
    ],
    handoffs: [
        (id: "visit-to-mql", from: "visit", to: "mql", trigger: "Scored", owner: "mo", sla_hours: 4),
        (id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified", owner: "raj", sla_hours: 24),
    ],
    leads: [
        (id: "jana", name: "Jana Novak", account: "acme", owner: "raj", captured: "2027-04-13T11:00",
         pipeline: 45000.0, reached: [(stage: "visit", at: "2027-04-13T11:00"),
         (stage: "mql", at: "2027-04-13T12:00"), (stage: "sal", at: "2027-04-14T18:00")]),
        (id: "piotr", name: "Piotr Kowalski", owner: "raj", captured: "2027-04-13T12:00",
         reached: [(stage: "visit", at: "2027-04-13T12:00"), (stage: "mql", at: "2027-04-13T13:00")]),
        (id: "ines", name: "Ines Costa", account: "beta", owner: "raj", captured: "2027-04-13T10:00",
         pipeline: 30000.0, reached: [(stage: "visit", at: "2027-04-13T10:00"),
         (stage: "mql", at: "2027-04-13T11:00"), (stage: "sal", at: "2027-04-13T14:00")]),
    ],
)
"#;

fn after_the_show() -> Date {
    Date::from_ymd(2027, 4, 20).expect("valid date")
}

fn results_board(path: &Path, today: Date) -> Harness<'static, Workbench> {
    let mut h = crate::support::workbench(path, today);
    h.state_mut().command(Command::Show(Board::Results));
    h.run();
    h
}

#[test]
fn the_board_reads_the_show_and_opens_a_late_lead() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write plan");
    let mut h = results_board(&path, after_the_show());
    assert_eq!(h.state().board, Some(Board::Results));

    // Objectives: target against actual, the verdict in words, how each was measured.
    h.get_by_label("1 of 3 objectives met · 2 missed");
    h.get_by_label("2 of 2 meetings · 100%");
    h.get_by_label("75,000 of 100,000 EUR · 75%");
    h.get_by_label("82% against 95%");
    assert_eq!(h.query_all_by_label("✔ met").count(), 1);
    assert_eq!(h.query_all_by_label("✖ missed").count(), 2);
    h.get_by_label("Counted: pipeline of the leads");
    h.get_by_label("Typed in");
    h.get_by_role_and_label(
        Role::ProgressIndicator,
        "Sourced pipeline: 75,000 of 100,000 EUR · 75%, ✖ missed",
    );

    // Handoffs: MQL ➡ SAL taken twice, one within 24 h; Visit ➡ MQL three times in time.
    h.get_by_role_and_label(Role::Button, "MQL ➡ SAL");
    h.get_by_label("1 · 50%");
    h.get_by_label("3 · 100%");

    // Accounts, meetings and leads.
    h.get_by_role_and_label(
        Role::ProgressIndicator,
        "Tier 1 accounts met: 2 of 2 · 100%",
    );
    h.get_by_role_and_label(Role::ProgressIndicator, "Tier 2 accounts met: 0 of 1 · 0%");
    h.get_by_label("2 held");
    h.get_by_label("1 no-show");
    h.get_by_label("3 in total");
    h.get_by_label("2 from target accounts");
    h.get_by_label("1 stuck");
    h.get_by_label("0 without owner");

    // Who owes what: Raj follows both up and owns the handoff they ran late on.
    h.get_by_label_contains("Raj Patel · 1 stuck, 1 late · 1 handoff");
    h.get_by_label("stuck at MQL, overdue since Wed 14 Apr");
    h.get_by_label("30 h into SAL, SLA 24 h");
    assert!(
        h.query_by_label("Ines Costa").is_none(),
        "in time: owes nothing"
    );

    // The late lead opens in Leads.
    h.get_by_role_and_label(Role::Button, "Jana Novak").click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Leads);
    assert_eq!(h.state().selected(Section::Leads), Some(0));
}

#[test]
fn before_anything_happened_the_board_says_how_to_get_there() {
    let (_dir, mut h) = crate::support::example();
    h.state_mut().command(Command::Show(Board::Results));
    h.run();
    h.get_by_label_contains("nothing has happened yet that this board can measure");
    // No empty charts.
    for heading in ["Accounts met", "Within SLA", "Who owes what"] {
        assert!(
            h.query_by_label(heading).is_none(),
            "no {heading} before there is anything to show"
        );
    }

    h.get_by_label("Go to Meetings").click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Meetings);
}
