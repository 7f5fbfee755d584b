//! The window says what is true now: a reload that failed says so and the plan is marked as
//! differing from the file, messages go once they stop being true, and a field being typed in
//! counts as unsaved before the typing is applied.

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Lasts, Workbench};
use preshow::model::Section;
use std::path::Path;

const PLAN: &str = include_str!("fixtures/app/plan.ron");

/// The workbench on `path`, half a second a frame, so seconds pass in a few frames.
fn workbench(path: &Path) -> Harness<'static, Workbench> {
    let app = crate::support::open(path, crate::support::feb_1());
    let builder = Harness::builder()
        .with_size(crate::support::SIZE)
        .with_step_dt(0.5);
    let mut h = crate::support::drive(builder, app);
    h.run_steps(2);
    h
}

fn header_says(h: &Harness<'static, Workbench>, what: &str) -> bool {
    h.query_by_label(&format!("plan.ron · {what}")).is_some()
}

#[test]
fn a_reload_that_fails_says_so_and_the_plan_differs_from_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write");
    let mut h = workbench(&path);
    assert!(header_says(&h, "saved"));
    let before = h.state().doc.plan.clone();

    // Someone writes broken text into the file while it is open.
    let broken = PLAN.replacen("name: \"Test Expo\",", "name: \"Test Expo\" oops", 1);
    std::fs::write(&path, &broken).expect("their broken change");
    h.run_steps(4);

    assert!(h.state().doc.plan == before, "the plan read before stays");
    assert!(!header_says(&h, "saved"));
    assert!(header_says(&h, "differs from the file"));
    let status = h.state().status.clone().expect("a status");
    assert!(status.problem);
    assert!(
        status
            .text
            .contains("cannot be read, so it was not reloaded"),
        "{}",
        status.text
    );
    assert!(
        status.text.contains(&format!("{}:4:", path.display())),
        "file:line:column: {}",
        status.text
    );
    assert!(
        h.query_by_label("The file on disk cannot be read:")
            .is_some()
    );
    assert!(h.state().dialog.is_none(), "no dialog claims it was opened");
    assert!(h.state().title().starts_with("● "));

    // Fixed on disk, it is read again and all is true again.
    std::fs::write(&path, PLAN.replace("Test Expo", "Test Expo 2027")).expect("fixed");
    h.run_steps(4);
    assert_eq!(h.state().doc.plan.event.name, "Test Expo 2027");
    assert!(header_says(&h, "saved"));
    assert!(
        h.query_by_label("The file on disk cannot be read:")
            .is_none()
    );
    let status = h.state().status.clone().expect("a status");
    assert!(
        !status.problem && status.text.contains("was reloaded"),
        "{}",
        status.text
    );
}

#[test]
fn saving_over_an_unreadable_file_makes_the_plan_saved_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write");
    let mut h = workbench(&path);
    std::fs::write(&path, "(format: 1, oops").expect("their broken change");
    h.run_steps(4);
    assert!(header_says(&h, "differs from the file"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    h.get_by_label("Replace their version with mine").click();
    h.run_steps(2);
    assert!(header_says(&h, "saved"));
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Saved"))
    );
    assert!(preshow::format::load_file(&path).is_ok());
}

#[test]
fn messages_go_when_they_stop_being_true() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write");
    let mut h = workbench(&path);

    // "Saved" stays while it is true, and goes with the next edit.
    h.state_mut().command(Command::GoTo(Section::Event));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Saved"))
    );
    h.run_steps(30);
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Saved")),
        "fifteen seconds later the plan is still saved"
    );
    h.state_mut().doc.plan.event.booth = Some("B-12".to_owned());
    h.state_mut().doc.edited(true);
    h.run_steps(1);
    assert!(
        h.state().status.is_none(),
        "after an edit, not saved any more"
    );

    // A brief message fades after a few seconds, asking for one frame when it is due.
    h.state_mut().command(Command::Undo);
    h.run_steps(1);
    let status = h.state().status.clone().expect("Undone");
    assert_eq!(
        (status.text.as_str(), status.lasts),
        ("Undone", Lasts::Brief)
    );
    let delay = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.repaint_delay)
        .expect("the window's output");
    assert!(
        delay <= std::time::Duration::from_secs_f64(preshow::app::BRIEF_STATUS_SECS),
        "a frame is asked for when it goes: {delay:?}"
    );
    h.run_steps(14);
    assert!(h.state().status.is_none(), "gone after seven seconds");
}

#[test]
fn a_number_being_typed_is_not_saved() {
    let (_dir, mut h) = crate::support::example();
    h.state_mut().command(Command::Reveal(
        Section::Handoffs,
        Some(0),
        Some("sla_hours"),
    ));
    h.run();
    assert!(h.query_by_label("plan.ron · saved").is_some());
    h.get_by_role_and_label(Role::SpinButton, "SLA").click();
    h.run();
    assert!(
        h.query_by_label("plan.ron · saved").is_some(),
        "clicking into a field changes nothing"
    );
    h.event(Event::Text("3".to_owned()));
    h.run();
    assert!(!h.state().doc.is_dirty(), "not applied yet");
    assert!(h.query_by_label("plan.ron · saved").is_none());
    assert!(h.query_by_label("plan.ron · editing, not saved").is_some());
    assert!(h.state().title().starts_with("● "));
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("plan.ron · unsaved changes").is_some());
}

#[test]
fn an_id_being_typed_is_not_saved() {
    let (_dir, mut h) = crate::support::example();
    h.state_mut().command(Command::GoTo(Section::Accounts));
    h.run();
    let id = h.get_by_role_and_label(Role::TextInput, "Id");
    id.focus();
    h.run();
    h.event(Event::Text("x".to_owned()));
    h.run();
    assert!(!h.state().doc.is_dirty());
    assert!(h.query_by_label("plan.ron · editing, not saved").is_some());
    // Enter renames: an edit like any other.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.plan.accounts[0].id, "brennerx");
    assert!(h.query_by_label("plan.ron · unsaved changes").is_some());
}
