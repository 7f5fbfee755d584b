//! A plan given to the window that cannot be opened shows what is wrong, where, and what to do;
//! it never opens another plan in its place, and never writes to the file.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Settings, Start, Workbench, start};
use std::path::Path;

/// The window as `preshow PATH --today 2027-02-15` starts it.
fn window_on(path: &Path) -> Harness<'static, Workbench> {
    let ctx = egui::Context::default();
    let asked = Start {
        file: Some(path.to_owned()),
        today: Some(crate::support::feb_15()),
        ..Default::default()
    };
    let app = start(&ctx, asked, Settings::ephemeral());
    let mut h = crate::support::drive(Harness::builder().with_size(crate::support::SIZE), app);
    h.run();
    h
}

/// The example plan with a mistake on line 5, column 46.
fn broken_example() -> String {
    preshow::EXAMPLE_PLAN.replacen(
        "name: \"Factory Connect Europe 2027\",",
        "name: \"Factory Connect Europe 2027\", ]]] oops",
        1,
    )
}

#[test]
fn a_broken_plan_shows_where_it_is_broken_and_opens_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    let text = broken_example();
    std::fs::write(&path, &text).expect("write");
    let mut h = window_on(&path);

    assert!(h.query_by_label("This plan could not be opened").is_some());
    assert!(h.query_by_label("broken.ron").is_some());
    assert!(
        h.query_by_label_contains("Line 5, column 46:").is_some(),
        "the message says where"
    );
    assert!(
        h.query_by_label_contains("5 │         name: \"Factory Connect Europe 2027\", ]]] oops")
            .is_some(),
        "the offending line is shown"
    );
    let caret = format!("  │ {}^", " ".repeat(45));
    assert!(
        h.query_by_label_contains(&caret).is_some(),
        "a caret under column 46"
    );
    // No plan took its place: not the example, nothing to save over the file.
    assert!(h.query_by_label("Brenner Automotive Components").is_none());
    assert!(h.state().doc.plan.accounts.is_empty());
    assert_eq!(h.state().doc.path, None);
    assert!(
        h.state()
            .title()
            .starts_with("broken.ron could not be opened")
    );
    for label in [
        "Try again",
        "Open in editor",
        "Open another plan…",
        "New plan…",
    ] {
        assert!(h.query_by_label(label).is_some(), "{label}");
    }

    // Saving does nothing here; the file stays as it was.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("Try again").click();
    h.run();
    assert!(h.query_by_label("This plan could not be opened").is_some());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);

    // Fixed in an editor, it opens on Try again.
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("fix");
    h.get_by_label("Try again").click();
    h.run();
    assert!(h.query_by_label("This plan could not be opened").is_none());
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(h.state().doc.plan.accounts.len(), 36);
    assert!(h.query_by_label("Brenner Automotive Components").is_some());
}

#[test]
fn a_missing_plan_says_so_and_can_be_started_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("new-show.ron");
    let mut h = window_on(&path);
    assert!(h.query_by_label("There is no plan at this path").is_some());
    assert!(h.query_by_label("new-show.ron").is_some());
    assert!(h.state().doc.plan.accounts.is_empty());

    h.get_by_label("Start a new plan here").click();
    h.run();
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert!(!path.exists(), "nothing is written before Save");
    assert!(h.query_by_label_contains("· unsaved changes").is_some());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let saved = preshow::format::load_file(&path).expect("saved as a plan");
    assert_eq!(saved.plan, h.state().doc.plan);
    assert!(h.query_by_label_contains("· saved").is_some());
}
