//! The window as a desktop program: recent plans kept between runs, and its
//! size and place kept
//! by eframe.

use crate::support::{drive, feb_15};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::{Command, Settings, Workbench};
use preshow::model::Section;
use std::path::{Path, PathBuf};

/// The workbench on `path` (or the example) with `settings`, after its first frame.
fn open_with(path: Option<&Path>, settings: Settings) -> Harness<'static, Workbench> {
    let ctx = egui::Context::default();
    let mut app = Workbench::open(&ctx, path.map(Path::to_owned), settings);
    app.set_today(feb_15());
    let mut h = drive(Harness::builder().with_size(crate::support::SIZE), app);
    h.run();
    h
}

/// The example plan written as `name` in `dir`, renamed to `event` so the window shows which
/// one is open.
fn plan_file(dir: &Path, name: &str, event: &str) -> PathBuf {
    let path = dir.join(name);
    let text = preshow::EXAMPLE_PLAN.replacen(
        "name: \"Factory Connect Europe 2027\"",
        &format!("name: \"{event}\""),
        1,
    );
    assert_ne!(
        text,
        preshow::EXAMPLE_PLAN,
        "the example's event name changed"
    );
    std::fs::write(&path, text).expect("write plan");
    std::fs::canonicalize(&path).expect("canonical path")
}

fn event_name(h: &Harness<'static, Workbench>) -> String {
    h.state().doc.plan.event.name.clone()
}

/// Plans opened in one run are in File ▸ Open recent in the next, newest first, and open from
/// there; the list lives in the settings file given (never the user's own in a test).
#[test]
fn recent_plans_are_kept_between_runs_and_open_from_the_file_menu() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = plan_file(dir.path(), "first.ron", "First show");
    let second = plan_file(dir.path(), "second.ron", "Second show");
    let recent_file = dir.path().join("config").join("recent.txt");
    let settings = Settings {
        recent_file: Some(recent_file.clone()),
        ..Settings::ephemeral()
    };

    let mut run = open_with(Some(&first), settings.clone());
    run.state_mut().command(Command::OpenRecent(second.clone()));
    run.run();
    assert_eq!(event_name(&run), "Second show");
    drop(run);
    let stored = std::fs::read_to_string(&recent_file).expect("the list is stored");
    assert_eq!(
        stored,
        format!("{}\n{}\n", second.display(), first.display())
    );

    // The next run, on the example: both plans are offered, the newest first.
    let mut next = open_with(None, settings);
    next.get_by_label("File").click();
    next.run();
    next.get_by_label("Open recent").hover();
    next.run();
    let offered: Vec<String> = next
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.ends_with(".ron"))
        .collect();
    assert_eq!(
        offered,
        [second.display().to_string(), first.display().to_string()]
    );
    next.get_by_label(&first.display().to_string()).click();
    next.run();
    assert_eq!(event_name(&next), "First show");
    assert_eq!(next.state().doc.path.as_deref(), Some(first.as_path()));
}

/// The window's size and place are kept by eframe in the settings file given (none in a test
/// run), and full screen belongs to presentation mode: a window that closed while presenting
/// opens as a normal window, and `--present` opens full screen whatever was kept.
#[test]
fn the_window_keeps_its_size_and_place_in_the_settings_file() {
    let file = PathBuf::from("/settings/preshow/window.ron");
    let settings = Settings {
        window_file: Some(file.clone()),
        ..Settings::ephemeral()
    };
    for present in [false, true] {
        let options = preshow::app::native_options(present, &settings);
        assert!(options.persist_window);
        assert_eq!(options.persistence_path.as_deref(), Some(file.as_path()));
        assert_eq!(options.viewport.fullscreen, Some(present));
        // What eframe restores (full screen, from a run that ended presenting) goes through the
        // hook last.
        let restored = egui::ViewportBuilder::default().with_fullscreen(!present);
        let hook = options.window_builder.expect("a hook after restoring");
        assert_eq!(hook(restored).fullscreen, Some(present));
    }
    let options = preshow::app::native_options(false, &Settings::ephemeral());
    assert!(
        !options.persist_window,
        "nothing kept without a settings file"
    );
}
