//! Opening a plan off the window's thread: the window shows the file being opened at once, then
//! the plan; the plan open before stays until the new one is in; a file that does not read says
//! where, as when it was read on the window's thread.
//!
//! The plan is written into a named pipe, so it arrives only when the test sends it: the
//! window's frames before that are the frames of a plan still being read, however fast the
//! machine is.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::{Settings, Start, Workbench};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Reading and checking on threads of their own, as in the window. The file is watched from a
/// thread too: looking at a pipe on every frame would wait for a writer.
fn off_thread() -> Settings {
    Settings {
        background_checks: true,
        watch_in_background: true,
        ..Settings::ephemeral()
    }
}

/// A named pipe at `dir/name`: reading it waits until something is written into it.
fn pipe(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo made {}", path.display());
    path
}

/// Writes `text` into the pipe at `path` (on a thread: opening it waits for its reader).
fn send(path: &Path, text: &str) -> std::thread::JoinHandle<()> {
    let path = path.to_owned();
    let text = text.to_owned();
    std::thread::spawn(move || {
        std::fs::write(&path, text).expect("write into the pipe");
    })
}

/// Draws a few frames (the spinner asks for frames while the plan is read, so `run` would not
/// settle).
fn frames(h: &mut Harness<'static, Workbench>, n: usize) {
    for _ in 0..n {
        h.step();
    }
}

/// Draws frames until nothing is being opened any more.
fn until_opened(h: &mut Harness<'static, Workbench>) {
    for _ in 0..2_000 {
        if h.state().opening().is_none() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    assert!(h.state().opening().is_none(), "the plan was read");
    h.run();
}

fn window(app: Workbench) -> Harness<'static, Workbench> {
    crate::support::drive(Harness::builder().with_size(crate::support::SIZE), app)
}

#[test]
fn the_window_shows_the_file_being_opened_then_the_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = pipe(dir.path(), "plan.ron");
    let asked = Start {
        file: Some(path.clone()),
        today: Some(crate::support::feb_15()),
        ..Default::default()
    };
    let app = preshow::app::start(&egui::Context::default(), asked, off_thread());
    let mut h = window(app);
    frames(&mut h, 3);

    // The window is there, naming the file, before a byte of it is read.
    assert!(
        h.query_by_label("Opening plan.ron…").is_some(),
        "the file's name while it is read"
    );
    assert_eq!(h.state().title(), "Opening plan.ron — Preshow");
    assert!(h.query_by_label("Brenner Automotive Components").is_none());
    // Nothing to go back to at start; the menus that need a plan are off.
    assert!(h.query_by_label_contains("go back to").is_none());
    assert!(
        h.get_by_label("Edit").accesskit_node().is_disabled(),
        "Edit waits for the plan"
    );

    send(&path, preshow::EXAMPLE_PLAN).join().expect("sent");
    until_opened(&mut h);

    assert!(h.query_by_label("Opening plan.ron…").is_none());
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    let example = preshow::format::parse(preshow::EXAMPLE_PLAN).expect("example");
    assert_eq!(h.state().doc.plan, example.plan);
    assert!(!h.get_by_label("Edit").accesskit_node().is_disabled());
    assert!(
        h.query_by_label_contains(&format!("Opened {}", path.display()))
            .is_some(),
        "the status bar says it opened"
    );
    assert!(h.state().title().starts_with("plan.ron — Preshow"));
}

#[test]
fn the_open_plan_stays_until_the_new_one_is_in_and_can_be_gone_back_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = dir.path().join("first.ron");
    std::fs::write(&first, preshow::EXAMPLE_PLAN).expect("write");
    let mut app = Workbench::open(&egui::Context::default(), Some(first.clone()), off_thread());
    app.wait_opened();
    app.set_today(crate::support::feb_15());
    let mut h = window(app);
    h.run();
    let before = h.state().doc.plan.clone();

    let second = pipe(dir.path(), "second.ron");
    h.state_mut().load(second.clone());
    frames(&mut h, 3);

    assert!(h.query_by_label("Opening second.ron…").is_some());
    // The plan that was open is still the window's, untouched, until the new one is in.
    assert_eq!(h.state().doc.path.as_deref(), Some(first.as_path()));
    assert_eq!(h.state().doc.plan, before);
    h.get_by_label("Stop, and go back to first.ron").click();
    frames(&mut h, 2);

    assert!(h.state().opening().is_none());
    assert!(h.query_by_label("Opening second.ron…").is_none());
    assert!(
        h.query_by_label_contains("Stopped opening second.ron")
            .is_some()
    );
    assert_eq!(h.state().doc.path.as_deref(), Some(first.as_path()));
    assert_eq!(h.state().doc.plan, before);
    // What arrives after stopping is not taken in.
    send(&second, preshow::EXAMPLE_PLAN).join().expect("sent");
    std::thread::sleep(Duration::from_millis(50));
    frames(&mut h, 3);
    assert_eq!(h.state().doc.path.as_deref(), Some(first.as_path()));
}

#[test]
fn a_plan_that_does_not_read_still_says_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    let broken = preshow::EXAMPLE_PLAN.replacen(
        "name: \"Factory Connect Europe 2027\",",
        "name: \"Factory Connect Europe 2027\", ]]] oops",
        1,
    );
    std::fs::write(&path, &broken).expect("write");

    // At start: the screen that says why, with the line and a caret under the column.
    let asked = Start {
        file: Some(path.clone()),
        ..Default::default()
    };
    let mut h = window(preshow::app::start(
        &egui::Context::default(),
        asked,
        off_thread(),
    ));
    until_opened(&mut h);
    assert!(h.query_by_label("This plan could not be opened").is_some());
    assert!(
        h.query_by_label_contains("Line 5, column 46:").is_some(),
        "the screen says where"
    );
    assert!(
        h.query_all_by_label_contains(&format!("{}:5:46:", path.display()))
            .next()
            .is_some(),
        "the status bar names file, line and column"
    );

    // File ▸ Open with a plan open: the plan stays, and the message says where.
    let good = dir.path().join("good.ron");
    std::fs::write(&good, preshow::EXAMPLE_PLAN).expect("write");
    h.state_mut().load(good.clone());
    until_opened(&mut h);
    assert_eq!(h.state().doc.path.as_deref(), Some(good.as_path()));
    h.state_mut().load(path.clone());
    until_opened(&mut h);
    assert_eq!(h.state().doc.path.as_deref(), Some(good.as_path()));
    assert!(
        h.query_all_by_label_contains(&format!("{}:5:46:", path.display()))
            .next()
            .is_some(),
        "the message names file, line and column"
    );
}
