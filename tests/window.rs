//! The window as a desktop program: recent plans kept between runs, files dropped on it opened
//! or imported (with a hint while they are dragged over), its size and place kept by eframe,
//! and the keys of a focused text field left to the field.

use crate::support::{drive, feb_15, keys};
use egui::accesskit::Role;
use egui::{DroppedFile, HoveredFile, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::{Command, Settings, Workbench};
use preshow::model::Section;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const MEETINGS_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/hubspot-meetings.csv"
);

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

/// A file dropped from the desktop, as the window's integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Files dropped on the window in the next frame.
fn drop_files(h: &mut Harness<'static, Workbench>, paths: &[&Path]) {
    h.input_mut().dropped_files = paths
        .iter()
        .map(|p| -> egui::DroppedFileHandle { Arc::new(Dropped(p.to_path_buf())) })
        .collect();
    h.run();
}

/// Files dragged over the window, until `hover_over(h, &[])`.
fn hover_over(h: &mut Harness<'static, Workbench>, paths: &[&Path]) {
    h.input_mut().hovered_files = paths
        .iter()
        .map(|p| HoveredFile {
            path: Some(p.to_path_buf()),
            ..Default::default()
        })
        .collect();
    // egui draws every frame while files are dragged over the window: it never settles.
    h.run_steps(3);
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

    // The next run, with no file asked for, reopens the newest; both plans are offered, the
    // newest first.
    let mut next = open_with(None, settings);
    assert_eq!(event_name(&next), "Second show");
    assert_eq!(next.state().doc.path.as_deref(), Some(second.as_path()));
    assert!(next.query_by_label(EXAMPLE_BANNER).is_none());
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

/// The words that start the banner over the bundled example.
const EXAMPLE_BANNER: &str = "This is the example plan.";

/// Started with no file and no recent plan, the window shows the example under a banner that
/// says so; its New plan button starts a plan from the template and the banner goes.
#[test]
fn with_no_file_and_no_recent_plan_the_example_opens_under_its_banner() {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = Settings {
        recent_file: Some(dir.path().join("recent.txt")),
        ..Settings::ephemeral()
    };
    let mut h = open_with(None, settings);
    assert_eq!(event_name(&h), "Factory Connect Europe 2027");
    assert!(h.state().doc.path.is_none());
    h.get_by_label(EXAMPLE_BANNER);
    assert!(
        h.query_by_label("Upgrade to format 2").is_none(),
        "the example's format is not the user's to answer for"
    );

    // Save asks where: the example is never written over.
    h.state_mut().command(Command::Save);
    h.run();
    h.get_by_label("Save the plan as");
    h.key_press(Key::Escape);
    h.run();

    h.get_by_label("New plan").click();
    h.run();
    assert_ne!(event_name(&h), "Factory Connect Europe 2027");
    assert_eq!(h.state().section, Section::Event);
    assert!(h.query_by_label(EXAMPLE_BANNER).is_none());
}

/// The banner's Open… asks for a plan, and the plan opened replaces the example and its banner.
#[test]
fn the_example_banner_opens_a_plan_of_ones_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = plan_file(dir.path(), "mine.ron", "My show");
    let mut h = open_with(None, Settings::ephemeral());
    h.get_by_label("Open…").click();
    h.run();
    h.get_by_label("Open a plan");
    h.state_mut().command(Command::OpenRecent(mine.clone()));
    h.run();
    assert_eq!(event_name(&h), "My show");
    assert!(h.query_by_label(EXAMPLE_BANNER).is_none());
}

/// A recent plan that is gone from disk is passed over: the next one still there opens, and
/// with none left, the example.
#[test]
fn with_no_file_the_newest_recent_plan_still_on_disk_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let kept = plan_file(dir.path(), "kept.ron", "Kept show");
    let gone = dir.path().join("gone.ron");
    let recent_file = dir.path().join("recent.txt");
    std::fs::write(
        &recent_file,
        format!("{}\n{}\n", gone.display(), kept.display()),
    )
    .expect("write the list");
    let settings = Settings {
        recent_file: Some(recent_file.clone()),
        ..Settings::ephemeral()
    };
    let h = open_with(None, settings.clone());
    assert_eq!(event_name(&h), "Kept show");
    assert!(h.query_by_label(EXAMPLE_BANNER).is_none());
    drop(h);

    std::fs::remove_file(&kept).expect("remove");
    let h = open_with(None, settings);
    assert_eq!(event_name(&h), "Factory Connect Europe 2027");
    h.get_by_label(EXAMPLE_BANNER);
}

/// Two windows open at once, each on its own file (as a double click on two plans starts
/// them): each shows its own plan, and neither drops the other's plans from the recent list
/// they share.
#[test]
fn two_windows_at_once_show_their_own_plans_and_keep_each_others_recent_plans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = plan_file(dir.path(), "a.ron", "Show A");
    let b = plan_file(dir.path(), "b.ron", "Show B");
    let c = plan_file(dir.path(), "c.ron", "Show C");
    let recent_file = dir.path().join("recent.txt");
    let settings = Settings {
        recent_file: Some(recent_file.clone()),
        ..Settings::ephemeral()
    };
    let mut first = open_with(Some(&a), settings.clone());
    let second = open_with(Some(&b), settings);
    assert_eq!(event_name(&first), "Show A");
    assert_eq!(event_name(&second), "Show B");

    // The first window opens another plan after the second window started.
    first.state_mut().command(Command::OpenRecent(c.clone()));
    first.run();
    assert_eq!(event_name(&first), "Show C");
    assert_eq!(event_name(&second), "Show B");
    let stored = std::fs::read_to_string(&recent_file).expect("the list is stored");
    assert_eq!(
        stored,
        format!("{}\n{}\n{}\n", c.display(), b.display(), a.display())
    );
}

/// A plan dropped on the window opens in place of the one shown.
#[test]
fn a_plan_dropped_on_the_window_opens() {
    let (dir, mut h) = crate::support::example();
    let other = plan_file(dir.path(), "other.ron", "Dropped show");
    drop_files(&mut h, &[&other]);
    assert_eq!(event_name(&h), "Dropped show");
    assert_eq!(h.state().doc.path.as_deref(), Some(other.as_path()));
    assert!(h.query_by_label_contains("Opened").is_some());
}

/// With unsaved changes, dropping a plan asks first, as File ▸ Open does: Cancel keeps the
/// changes, "Discard changes" opens the dropped plan.
#[test]
fn a_plan_dropped_over_unsaved_changes_asks_first() {
    let (dir, mut h) = crate::support::example();
    let other = plan_file(dir.path(), "other.ron", "Dropped show");
    h.state_mut().command(Command::GoTo(Section::Accounts));
    h.state_mut().command(Command::AddItem);
    h.run();
    let accounts = h.state().doc.plan.accounts.len();

    drop_files(&mut h, &[&other]);
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc.plan.accounts.len(), accounts, "kept");
    assert_ne!(event_name(&h), "Dropped show");

    drop_files(&mut h, &[&other]);
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(event_name(&h), "Dropped show");
}

/// Several files dropped at once: the first opens and the status bar says the rest were left.
#[test]
fn of_several_files_dropped_the_first_opens() {
    let (dir, mut h) = crate::support::example();
    let one = plan_file(dir.path(), "one.ron", "Show one");
    let two = plan_file(dir.path(), "two.ron", "Show two");
    drop_files(&mut h, &[&one, &two]);
    assert_eq!(event_name(&h), "Show one");
    h.get_by_label_contains("Opened");
    h.get_by_label_contains("one plan at a time, the other file was left");
}

/// A CSV file dropped on the window opens the import with it read and previewed, as meetings
/// when it holds meetings; nothing changes until the import is applied.
#[test]
fn a_csv_file_dropped_opens_the_import_with_its_preview() {
    let (_dir, mut h) = crate::support::example();
    let before = h.state().doc.plan.clone();
    drop_files(&mut h, &[Path::new(MEETINGS_CSV)]);
    h.get_by_label("Import meetings from CSV");
    assert!(
        h.query_by_label_contains("rows read").is_some(),
        "the preview is shown"
    );
    assert_eq!(h.state().doc.plan, before);
}

/// While a file is dragged over the window a hint says what dropping it does; it goes when the
/// file leaves.
#[test]
fn a_file_dragged_over_the_window_shows_what_dropping_does() {
    let (dir, mut h) = crate::support::example();
    let other = plan_file(dir.path(), "other.ron", "Dropped show");
    assert!(h.query_by_label("Drop to open other.ron").is_none());
    hover_over(&mut h, &[&other]);
    h.get_by_label("Drop to open other.ron");
    hover_over(&mut h, &[]);
    assert!(h.query_by_label("Drop to open other.ron").is_none());

    // With unsaved changes it says they are asked about; a CSV file is imported.
    h.state_mut().command(Command::AddItem);
    h.run();
    hover_over(&mut h, &[&other]);
    h.get_by_label("You are asked about the unsaved changes first");
    hover_over(&mut h, &[Path::new(MEETINGS_CSV)]);
    h.get_by_label("Drop to import hubspot-meetings.csv");
}

/// Ctrl as a keyboard on Linux or Windows sends it: the command key, and Ctrl itself (which
/// text fields look at to delete a word).
const CTRL: Modifiers = Modifiers {
    ctrl: true,
    ..Modifiers::COMMAND
};

/// The example's first account, shown with its name field focused and the cursor at its start.
fn name_field_focused(h: &mut Harness<'static, Workbench>) -> String {
    h.state_mut()
        .command(Command::Reveal(Section::Accounts, Some(0), Some("name")));
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    keys(h, Modifiers::NONE, &[Key::Home]);
    h.state().doc.plan.accounts[0].name.clone()
}

/// Ctrl+Delete while typing in a field deletes the next word, as in any text field, and not
/// the item; with no field focused it is still Delete item.
#[test]
fn ctrl_delete_in_a_field_deletes_a_word_not_the_item() {
    let (_dir, mut h) = crate::support::example();
    let accounts = h.state().doc.plan.accounts.len();
    let name = name_field_focused(&mut h);
    let (first_word, rest) = name.split_once(' ').expect("a name of two words");

    keys(&mut h, CTRL, &[Key::Delete]);
    assert_eq!(
        h.state().doc.plan.accounts.len(),
        accounts,
        "no item deleted"
    );
    assert!(h.state().dialog.is_none(), "no deletion asked about");
    let now = h.state().doc.plan.accounts[0].name.clone();
    assert!(
        !now.contains(first_word) && now.trim() == rest,
        "{name:?} became {now:?}"
    );

    // Ctrl+Backspace at the end deletes the last word.
    keys(&mut h, Modifiers::NONE, &[Key::End]);
    keys(&mut h, CTRL, &[Key::Backspace]);
    assert_eq!(h.state().doc.plan.accounts.len(), accounts);
    assert!(h.state().doc.plan.accounts[0].name.len() < now.len());

    // Out of the field, Ctrl+Delete is Delete item again.
    keys(&mut h, Modifiers::NONE, &[Key::Escape]);
    let id = h.state().doc.plan.accounts[0].id.clone();
    keys(&mut h, CTRL, &[Key::Delete]);
    let gone = h.state().doc.plan.accounts.iter().all(|a| a.id != id);
    assert!(
        gone || h.state().dialog.is_some(),
        "deleted, or asked about its references"
    );
}

/// Ctrl+Z in a field first undoes what was typed there, a pause at a time (the field's own
/// undo); once that is all undone, or in a field just entered, it undoes the plan's last
/// finished edit. Redo in the field brings the typing back.
#[test]
fn ctrl_z_in_a_field_undoes_its_typing_then_the_plan() {
    let (_dir, mut h) = crate::support::example();
    // A finished edit of the plan: the second account's segment.
    let segment_before = h.state().doc.plan.accounts[1].segment.clone();
    h.state_mut().doc.plan.accounts[1].segment = Some("Robotics".into());
    h.state_mut().doc.edited(true);
    h.run();

    let name = name_field_focused(&mut h);
    let name_of = |h: &Harness<'static, Workbench>| h.state().doc.plan.accounts[0].name.clone();
    keys(&mut h, Modifiers::NONE, &[Key::End]);
    let type_text = |h: &mut Harness<'static, Workbench>, text: &str| {
        for c in text.chars() {
            h.event(egui::Event::Text(c.to_string()));
            h.run();
        }
        // A pause of a second and a half.
        h.run_steps(6);
    };
    type_text(&mut h, " Labs");
    type_text(&mut h, " Two");
    assert_eq!(name_of(&h), format!("{name} Labs Two"));

    // The field's own undo, a pause at a time, and its redo.
    keys(&mut h, CTRL, &[Key::Z]);
    assert_eq!(name_of(&h), format!("{name} Labs"));
    keys(&mut h, CTRL | Modifiers::SHIFT, &[Key::Z]);
    assert_eq!(name_of(&h), format!("{name} Labs Two"));
    keys(&mut h, CTRL, &[Key::Z, Key::Z]);
    assert_eq!(name_of(&h), name);
    assert_eq!(
        h.state().doc.plan.accounts[1].segment.as_deref(),
        Some("Robotics")
    );

    // Nothing typed is left: the plan's undo, from the same field.
    keys(&mut h, CTRL, &[Key::Z]);
    assert_eq!(h.state().doc.plan.accounts[1].segment, segment_before);
    assert_eq!(name_of(&h), name);
    assert!(h.query_by_label("Undone").is_some());
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
