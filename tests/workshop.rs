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
    let pixels = body * h.ctx.pixels_per_point();
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

/// Presentation mode zooms everything to one canvas: body text is 24 px on a 1080p projector and
/// 16 px on a 720p one (the same share of the wall), and the side panels can be put away.
#[test]
fn presentation_fits_its_canvas_on_any_projector() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan_file(&dir, include_str!("fixtures/app/plan.ron"));
    for (size, px) in [([1920.0, 1080.0], 24.0), ([1280.0, 720.0], 16.0)] {
        let mut h = workbench(&path, size);
        h.key_press(Key::F11);
        h.run();
        let body = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
        let pixels = body * h.ctx.pixels_per_point();
        assert!(
            (pixels - px).abs() < 0.1,
            "{size:?}: body text is {pixels} px"
        );
        // The gaps panel starts put away; both panels come and go from the bar.
        assert!(h.query_by_label("Gaps").is_some(), "the bar's toggle");
        assert!(h.query_by_label_contains("Errors (").is_none());
        h.get_by_label("Gaps").click();
        h.run();
        assert!(h.query_by_label_contains("Errors (").is_some());
        assert!(h.query_by_label("Schedule").is_some(), "the navigation");
        h.get_by_label("Navigation").click();
        h.run();
        assert!(h.query_by_label("Schedule").is_none());
        // Back to editing: the zoom and the panels are as they were.
        h.key_press(Key::F11);
        h.run();
        h.run();
        assert_eq!(h.ctx.zoom_factor(), 1.0);
        assert!(h.query_by_label("Schedule").is_some());
    }
}

/// On the presentation canvas (1,120 × 630 points: what a 1080p projector shows at its zoom) a
/// meeting's start reads "Tue 16 Mar, 09:30" whole in its field, and a drop-down shows at least
/// eight people.
#[test]
fn on_the_canvas_dates_are_whole_and_lists_are_long() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = plan_file(&dir, preshow::EXAMPLE_PLAN);
    let canvas = preshow::app::presenting::CANVAS;
    let mut h = workbench(&path, [canvas.x, canvas.y]);
    h.key_press(Key::F11);
    h.run();
    assert_eq!(h.ctx.zoom_factor(), 1.0, "the canvas itself needs no zoom");
    h.state_mut().command(Command::GoTo(Section::Meetings));
    h.run();
    h.run();
    let start = h.get_by_role_and_label(Role::TextInput, "Start");
    let text = start.value().expect("the start's text");
    assert!(
        text.contains(", ") && text.contains(':'),
        "human date and time: {text}"
    );
    let field = start.rect();
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    let width = h.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.clone(), font, egui::Color32::WHITE)
            .size()
            .x
    });
    assert!(
        width < field.width(),
        "\"{text}\" ({width} pt) is cut in its field ({} pt)",
        field.width()
    );
    assert!(field.max.x <= canvas.x, "the field is on screen: {field:?}");

    // The account's sales owner: a list of the example's twelve people.
    h.state_mut().command(Command::GoTo(Section::Accounts));
    h.run();
    let combo = h.get_by_role_and_label(Role::ComboBox, "Sales owner");
    let below = combo.rect().max.y;
    combo.click();
    h.run();
    h.run();
    let rows = h
        .query_all_by_label_contains(" · ")
        .filter(|n| {
            let r = n.rect();
            r.min.y >= below && r.max.y <= canvas.y
        })
        .count();
    assert!(rows >= 8, "the list shows {rows} people at once");
}
