//! Never lose a plan: changes on disk under the running workbench, and recovery after a kill.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Settings, Workbench};
use preshow::model::Section;
use std::path::Path;

const PLAN: &str = include_str!("fixtures/app/plan.ron");

fn workbench(path: &Path, settings: Settings) -> Harness<'static, Workbench> {
    let ctx = egui::Context::default();
    let mut app = Workbench::open(&ctx, Some(path.to_owned()), settings);
    app.set_today(crate::support::feb_1());
    // Half a second a frame, so idle timers and the disk watch run within a few frames.
    let builder = Harness::builder()
        .with_size(crate::support::SIZE)
        .with_step_dt(0.5);
    let mut harness = crate::support::drive(builder, app);
    harness.run_steps(2);
    harness
}

fn assign_owner(h: &mut Harness<'static, Workbench>) {
    h.state_mut().command(Command::GoTo(Section::Accounts));
    h.run_steps(2);
    h.get_by_label("Beta Clinics").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::ComboBox, "Sales owner")
        .click();
    h.run_steps(2);
    h.get_by_label("Bo Lind").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));
}

#[test]
fn a_change_on_disk_reloads_when_there_are_no_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write");
    let mut h = workbench(&path, Settings::ephemeral());
    std::fs::write(&path, PLAN.replace("Test Expo", "Test Expo 2027")).expect("their change");
    h.run_steps(4);
    assert_eq!(h.state().doc.plan.event.name, "Test Expo 2027");
    assert!(!h.state().doc.is_dirty());
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("changed on disk and was reloaded"))
    );
}

#[test]
fn a_change_on_disk_never_overwrites_and_keeps_local_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write");
    let mut h = workbench(&path, Settings::ephemeral());
    assign_owner(&mut h);

    let theirs = PLAN.replace("Test Expo", "Their Expo");
    std::fs::write(&path, &theirs).expect("their change");
    h.run_steps(4);
    assert!(h.query_by_label("The file changed on disk").is_some());
    h.get_by_label("Keep editing").click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc.plan.accounts[1].owner.as_deref(),
        Some("bo"),
        "local edits kept"
    );

    // Save does not overwrite their change without asking.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    assert!(
        h.query_by_label("Replace their version with mine")
            .is_some()
    );
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), theirs);
    assert!(h.state().doc.is_dirty());

    // Asked, it does.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    h.get_by_label("Replace their version with mine").click();
    h.run_steps(2);
    let saved = preshow::format::load_file(&path).expect("loads").plan;
    assert_eq!(saved.accounts[1].owner.as_deref(), Some("bo"));
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn a_deleted_file_is_reported_and_not_silently_recreated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write");
    let mut h = workbench(&path, Settings::ephemeral());
    assign_owner(&mut h);
    std::fs::remove_file(&path).expect("delete");
    h.run_steps(4);
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.problem && s.text.contains("moved or deleted"))
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(!path.exists(), "saving asks first");
    h.get_by_label("Save it there again").click();
    h.run_steps(2);
    assert!(path.exists());
}

/// The plan written into `dir`, and the folder beside it where recovery copies go.
fn plan_with_recovery(dir: &tempfile::TempDir) -> (std::path::PathBuf, std::path::PathBuf) {
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write");
    (path, dir.path().join("recovery"))
}

#[test]
fn killed_with_unsaved_edits_the_next_start_restores_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, recovery) = plan_with_recovery(&dir);
    let settings = || Settings {
        recovery_dir: Some(recovery.clone()),
        ..Settings::ephemeral()
    };

    let mut h = workbench(&path, settings());
    assign_owner(&mut h);
    // A few idle seconds pass, then the process dies without saving or cleaning up.
    h.run_steps(8);
    let copies: Vec<_> = std::fs::read_dir(&recovery)
        .expect("recovery folder")
        .collect();
    assert_eq!(
        copies.len(),
        1,
        "one recovery copy, outside the plan's folder"
    );
    std::mem::forget(h);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        PLAN,
        "the plan file is untouched"
    );

    let mut h = workbench(&path, settings());
    assert!(h.query_by_label("Recover unsaved changes?").is_some());
    assert!(
        h.query_by_label_contains("Accounts \"beta\" changed: owner")
            .is_some()
    );
    h.get_by_label("Restore my unsaved changes").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));
    assert!(h.state().doc.is_dirty());

    // Saved, the copy goes away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(3);
    assert!(!h.state().doc.is_dirty());
    assert_eq!(std::fs::read_dir(&recovery).expect("folder").count(), 0);
}

/// Quitting and choosing to discard the edits discards their recovery copy too: the next start
/// does not offer to restore what the user threw away.
#[test]
fn discarding_at_quit_leaves_no_recovery_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, recovery) = plan_with_recovery(&dir);
    let settings = || Settings {
        recovery_dir: Some(recovery.clone()),
        ..Settings::ephemeral()
    };

    let mut h = workbench(&path, settings());
    assign_owner(&mut h);
    h.run_steps(8);
    assert_eq!(std::fs::read_dir(&recovery).expect("folder").count(), 1);
    h.state_mut().command(Command::Quit);
    h.run_steps(2);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run_steps(2);
    assert_eq!(
        std::fs::read_dir(&recovery).expect("folder").count(),
        0,
        "the discarded edits' copy is gone"
    );
    drop(h);

    let h = workbench(&path, settings());
    assert!(h.query_by_label("Recover unsaved changes?").is_none());
    assert_eq!(std::fs::read_to_string(&path).expect("read"), PLAN);
}
