//! The gaps panel: a message cut to fit shows its whole text once, in one tooltip.

use crate::support::example;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::Workbench;

/// The labels on screen that hold `text`.
fn labels_with(h: &Harness<'static, Workbench>, text: &str) -> Vec<String> {
    h.query_all_by_role(Role::Label)
        .filter_map(|n| n.accesskit_node().value())
        .filter(|v| v.contains(text))
        .collect()
}

#[test]
fn a_cut_message_shows_one_tooltip_with_the_whole_text() {
    let (_dir, mut h) = example();
    // The longest message: cut to three lines in a panel of the default width.
    let message = h
        .state()
        .gaps()
        .findings
        .iter()
        .map(|f| f.message.clone())
        .max_by_key(String::len)
        .expect("the example has gaps");
    let row = h.get_by_label(&message).rect();
    assert_eq!(labels_with(&h, &message).len(), 1, "the row only");
    h.hover_at(row.center());
    // Past the tooltip delay.
    for _ in 0..60 {
        h.step();
    }
    let shown = labels_with(&h, &message);
    assert_eq!(
        shown.len(),
        2,
        "the row and one tooltip, not egui's own for cut text beside ours: {shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with(&message) && t.ends_with("click to open")),
        "the tooltip has the whole message and says what a click does: {shown:#?}"
    );
}

/// The show after the fact (`tests/fixtures/results/show.ron`), opened on 20 April: its leads
/// have gaps of catalogue 2.
fn the_show_after_the_fact() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("show.ron");
    std::fs::write(&path, include_str!("fixtures/results/show.ron")).expect("write plan");
    let today = preshow::model::Date::from_ymd(2027, 4, 20).expect("a date");
    // Tall enough that the panel shows every gap without scrolling.
    let builder = Harness::builder().with_size([1440.0, 3000.0]);
    let mut h = crate::support::drive(builder, crate::support::open(&path, today));
    h.run();
    (dir, h)
}

#[test]
fn a_gap_on_a_lead_is_listed_and_a_click_opens_the_lead() {
    use preshow::model::Section;
    let (_dir, mut h) = the_show_after_the_fact();
    let gaps = &h.state().gaps().findings;
    let stuck = gaps
        .iter()
        .find(|f| f.rule == "lead-stuck")
        .cloned()
        .expect("Tomas is stuck at mql");
    assert_eq!(stuck.section, Section::Leads);
    assert!(
        gaps.iter()
            .any(|f| f.rule == "lead-sla-missed" && f.section == Section::Leads)
    );
    // The panel lists it, under the section's name.
    assert!(h.query_by_label("Leads").is_some(), "the Leads heading");
    h.get_by_label(&stuck.message).click();
    h.run();
    let app = h.state();
    assert_eq!(app.section, Section::Leads, "the lead is open");
    let open = app
        .selected(Section::Leads)
        .and_then(|i| app.doc.plan.leads.get(i))
        .map(|l| l.name.clone());
    assert_eq!(open.as_deref(), Some("Tomas Horak"));
}

#[test]
fn the_walk_through_shows_the_gaps_on_leads() {
    use preshow::model::Section;
    let (_dir, mut h) = the_show_after_the_fact();
    let total = h.state().gaps().findings.len();
    let mut leads_seen = Vec::new();
    for _ in 0..total {
        h.key_press(egui::Key::F8);
        h.run();
        let app = h.state();
        let Some(gap) = app.walk.as_ref().and_then(|w| w.current(app.gaps())) else {
            break;
        };
        if gap.section == Section::Leads {
            assert_eq!(app.section, Section::Leads, "the walk opens the lead");
            let open = app
                .selected(Section::Leads)
                .and_then(|i| app.doc.plan.leads.get(i))
                .map(|l| l.id.clone());
            assert_eq!(open, gap.id, "on the gap's lead");
            leads_seen.push((gap.rule.as_str(), gap.id.clone().unwrap_or_default()));
        }
    }
    leads_seen.sort();
    assert_eq!(
        leads_seen,
        [
            ("lead-sla-missed", "jana".to_owned()),
            ("lead-sla-missed", "tomas".to_owned()),
            ("lead-stuck", "tomas".to_owned()),
            ("lead-without-owner", "ola".to_owned()),
        ]
    );
}
