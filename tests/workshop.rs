//! Workshop mode: presentation mode and the gap walk-through, driven through the real UI.

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Workbench};
use preshow::model::Section;
use std::collections::BTreeSet;
use std::path::Path;

fn workbench(path: &Path, size: [f32; 2]) -> Harness<'static, Workbench> {
    use crate::support::{drive, feb_15, open};
    let mut harness = drive(Harness::builder().with_size(size), open(path, feb_15()));
    harness.run();
    harness
}

fn plan_file(dir: &tempfile::TempDir, text: &str) -> std::path::PathBuf {
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, text).expect("write plan");
    path
}

fn current(
    h: &Harness<'static, Workbench>,
) -> Option<(preshow::check::RuleId, Section, Option<String>, String)> {
    let app = h.state();
    let walk = app.walk.as_ref()?;
    walk.current(app.gaps())
        .map(|f| (f.rule, f.section, f.id.clone(), f.message.clone()))
}

#[test]
fn the_walk_visits_every_open_gap_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan_file(&dir, preshow::EXAMPLE_PLAN);
    let mut h = workbench(&path, [1440.0, 900.0]);
    let all: BTreeSet<_> = h
        .state()
        .gaps()
        .findings
        .iter()
        .map(|f| (f.rule, f.section, f.id.clone(), f.message.clone()))
        .collect();
    assert!(all.len() >= 5);
    let mut seen = Vec::new();
    for _ in 0..all.len() {
        h.key_press(Key::F8);
        h.run();
        let gap = current(&h).expect("a gap is shown");
        // The walk opens the gap's item.
        assert_eq!(h.state().section, preshow::app::sections::view_of(gap.1));
        seen.push(gap);
    }
    let unique: BTreeSet<_> = seen.iter().cloned().collect();
    assert_eq!(unique.len(), seen.len(), "no gap is shown twice");
    assert_eq!(unique, all, "every gap is shown");
    h.key_press(Key::F8);
    h.run();
    assert!(h.state().walk.as_ref().is_some_and(|w| w.finished));
    assert!(
        h.query_all_by_label_contains("Every open gap has been shown")
            .count()
            >= 1
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().walk.is_none());
}

#[test]
fn fixing_a_gap_on_the_spot_moves_the_walk_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan_file(&dir, include_str!("fixtures/app/plan.ron"));
    let mut h = workbench(&path, [1440.0, 900.0]);
    h.state_mut().command(Command::NextGap);
    h.run();
    let first = current(&h).expect("walking");
    assert_eq!(first.0, "no-objectives");
    assert_eq!(h.state().section, Section::Objectives);
    h.get_by_label("+ Add objective").click();
    h.run();
    let walk = h.state().walk.as_ref().expect("still walking");
    assert_eq!(walk.closed, 1);
    let next = current(&h).expect("moved on");
    assert_ne!(next.0, "no-objectives");
}

#[test]
fn presentation_mode_is_large_and_still_editable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan_file(&dir, include_str!("fixtures/app/plan.ron"));
    let mut h = workbench(&path, [1920.0, 1080.0]);
    assert!(h.query_by_label("File").is_some(), "menus while editing");
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().presenting);
    let body = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    let pixels = body * h.ctx.zoom_factor() * h.ctx.pixels_per_point();
    assert!(pixels >= 24.0, "body text is {pixels} px");
    assert!(h.query_by_label("File").is_none(), "menus are hidden");
    assert!(h.query_by_label("Exit presentation").is_some());

    // Editing still works.
    h.state_mut().command(Command::GoTo(Section::Accounts));
    h.run();
    h.get_by_label("Beta Clinics").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Sales owner")
        .click();
    h.run();
    h.get_by_label("Bo Lind").click();
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));

    // Zoom, theme, and back.
    h.get_by_label("A+").click();
    h.run();
    assert!(h.ctx.zoom_factor() > 1.0);
    h.get_by_label("Light room").click();
    h.run();
    assert!(!h.ctx.global_style().visuals.dark_mode);
    h.key_press(Key::F11);
    h.run();
    assert!(!h.state().presenting);
    assert!(h.query_by_label("File").is_some());
}
