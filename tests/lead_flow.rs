//! The lead flow board driven through the real workbench with egui_kittest: every stage drawn
//! and named, gaps marked on the stage they are about, and a click opening the item's editor.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::{Place, Workbench};
use preshow::model::Section;
use std::path::{Path, PathBuf};

const PLAN: &str = r#"#![enable(implicit_some)]
(
    format: 1,
    event: (name: "Test Expo", starts: "2027-03-09", ends: "2027-03-10"),
    people: [
        (id: "ana", name: "Ana Ruiz", team: Sales),
        (id: "mo", name: "Mo Chen", team: Marketing),
        (id: "cy", name: "Cy Boss", team: Leadership),
    ],
    stages: [
        (id: "visit", name: "Booth visit", team: Marketing, entry: true),
        (id: "mql", name: "Marketing-qualified lead", team: Marketing),
        (id: "sal", name: "Sales-accepted lead", team: Sales),
        (id: "won", name: "Opportunity", team: Sales, terminal: true),
        (id: "hold", name: "On hold", team: Marketing),
        (id: "requalify", name: "Requalify", team: Sales),
        (id: "exec", name: "Executive sponsor call", team: Leadership),
        (id: "orphan", name: "Partner referral", team: Sales),
    ],
    handoffs: [
        (id: "visit-to-mql", from: "visit", to: "mql", trigger: "Scanned", owner: "mo", sla_hours: 4),
        (id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified", sla_hours: 72),
        (id: "mql-to-hold", from: "mql", to: "hold", trigger: "Not ready", owner: "mo"),
        (id: "hold-to-requalify", from: "hold", to: "requalify", trigger: "30 days", owner: "ana", sla_hours: 24),
        (id: "requalify-to-hold", from: "requalify", to: "hold", trigger: "Still not ready", owner: "mo", sla_hours: 24),
        (id: "visit-to-exec", from: "visit", to: "exec", trigger: "CxO at booth", owner: "cy", sla_hours: 24),
        (id: "exec-to-won", from: "exec", to: "won", trigger: "Sponsor agrees", owner: "cy", sla_hours: 48),
        (id: "exec-to-exec", from: "exec", to: "exec", trigger: "Follow-up call", owner: "cy", sla_hours: 24),
        (id: "orphan-to-won", from: "orphan", to: "won", trigger: "Partner intro", owner: "ana", sla_hours: 24),
    ],
)
"#;

const NO_ENTRY: &str = r#"(
    format: 1,
    event: (name: "Test Expo", starts: "2027-03-09", ends: "2027-03-10"),
    stages: [
        (id: "visit", name: "Booth visit", team: Marketing),
        (id: "won", name: "Opportunity", team: Marketing, terminal: true),
    ],
    handoffs: [
        (id: "visit-to-won", from: "visit", to: "won", trigger: "Scanned"),
    ],
)
"#;

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn fixture(text: &str) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, text).expect("write plan");
    Fixture { _dir: dir, path }
}

fn board(path: &Path) -> Harness<'static, Workbench> {
    use crate::support::{SIZE, drive, feb_1, open};
    let mut app = open(path, feb_1());
    app.go(Place::parse("lead-flow").expect("the lead flow board has a name"));
    let mut harness = drive(Harness::builder().with_size(SIZE), app);
    harness.run();
    harness
}

fn description(h: &Harness<'static, Workbench>, label: &str) -> String {
    h.get_by_label(label)
        .accesskit_node()
        .description()
        .unwrap_or_default()
}

#[test]
fn every_stage_and_handoff_is_drawn() {
    let f = fixture(PLAN);
    let h = board(&f.path);
    assert!(h.state().board.is_some());
    for stage in &h.state().doc.plan.stages {
        h.get_by_label(&stage.name);
    }
    h.get_by_label("Handoff from Booth visit to Marketing-qualified lead");
    h.get_by_label("Handoff from Executive sponsor call to Executive sponsor call");
    assert!(h.query_by_label_contains("8 stages · 9 handoffs").is_some());
}

#[test]
fn gaps_are_marked_on_their_stages() {
    let f = fixture(PLAN);
    let h = board(&f.path);
    assert!(description(&h, "Sales-accepted lead").contains("dead end"));
    assert!(description(&h, "Partner referral").contains("unreachable"));
    // Both stages of the loop are marked, not only the one the finding is on.
    assert!(description(&h, "On hold").contains("trap"));
    assert!(description(&h, "Requalify").contains("trap"));
    assert!(description(&h, "Booth visit").contains("entry"));
    assert!(description(&h, "Opportunity").contains("end"));
    let clean = description(&h, "Marketing-qualified lead");
    assert!(
        !clean.contains("dead end") && !clean.contains("trap") && !clean.contains("unreachable"),
        "{clean}"
    );
}

#[test]
fn clicking_a_stage_opens_it_in_stages() {
    let f = fixture(PLAN);
    let mut h = board(&f.path);
    h.get_by_label("Sales-accepted lead").click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Stages);
    assert_eq!(h.state().selected(Section::Stages), Some(2));
}

#[test]
fn clicking_a_handoff_label_opens_it_in_handoffs() {
    let f = fixture(PLAN);
    let mut h = board(&f.path);
    h.get_by_label("Handoff from Marketing-qualified lead to Sales-accepted lead")
        .click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Handoffs);
    assert_eq!(h.state().selected(Section::Handoffs), Some(1));
}

#[test]
fn the_example_plan_draws() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("show.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write example");
    let h = board(&path);
    for stage in &h.state().doc.plan.stages {
        h.get_by_label(&stage.name);
    }
}

#[test]
fn a_flow_without_an_entry_stage_says_so() {
    let f = fixture(NO_ENTRY);
    let h = board(&f.path);
    let banners: Vec<String> = h
        .state()
        .gaps()
        .findings
        .iter()
        .filter(|f| f.rule == "no-entry-stage" || f.rule == "no-sales-handoff")
        .map(|f| format!("⚠ {}", f.message))
        .collect();
    assert_eq!(banners.len(), 2);
    for b in &banners {
        h.get_by_label(b);
    }
    h.get_by_label("Booth visit");
    h.get_by_label("Opportunity");
}
