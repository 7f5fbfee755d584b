//! What the UI tests share: the workbench on a plan file, driven in a headless harness.

use egui::Pos2;
use egui_kittest::{Harness, HarnessBuilder};
use preshow::app::{Settings, Workbench};
use preshow::model::Date;
use std::path::Path;

/// The window every UI test draws into, as on a laptop.
pub const SIZE: [f32; 2] = [1440.0, 900.0];

/// The workbench with `path` open, as of `today`, saving nothing beside the test's files.
pub fn open(path: &Path, today: Date) -> Workbench {
    let ctx = egui::Context::default();
    let mut app = Workbench::open(&ctx, Some(path.to_owned()), Settings::ephemeral());
    app.set_today(today);
    app
}

/// Runs `app` in a harness made by `builder`, each frame as the window does.
///
/// Background work (checks, the sign-off history) finishes when it finishes and asks for one
/// more frame, so a run may take a few steps more than egui_kittest's default of 4.
pub fn drive(builder: HarnessBuilder<Workbench>, app: Workbench) -> Harness<'static, Workbench> {
    builder.with_max_steps(12).build_ui_state(
        |ui, app: &mut Workbench| {
            app.logic(ui.ctx());
            app.ui(ui);
        },
        app,
    )
}

/// The workbench on `path` as of `today`, in a window of `SIZE`, after its first frame.
pub fn workbench(path: &Path, today: Date) -> Harness<'static, Workbench> {
    let mut h = drive(Harness::builder().with_size(SIZE), open(path, today));
    h.run();
    h
}

/// The bundled example plan written to a temporary folder (kept while the folder lives) and
/// opened as of 15 February.
pub fn example() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    let h = workbench(&path, feb_15());
    (dir, h)
}

/// 2027-02-01: a few weeks before the fixtures' shows.
pub fn feb_1() -> Date {
    Date::from_ymd(2027, 2, 1).expect("valid date")
}

/// 2027-02-15.
pub fn feb_15() -> Date {
    Date::from_ymd(2027, 2, 15).expect("valid date")
}

/// Presses at `from`, moves to `to` in four steps (a frame each), and releases there.
pub fn drag(h: &mut Harness<'static, Workbench>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run();
    press_and_move(h, from, to);
}

/// As [`drag`], but pressed where the pointer lands, with no frame of hover there first (as a
/// touch screen or a pen does).
pub fn press_and_move(h: &mut Harness<'static, Workbench>, from: Pos2, to: Pos2) {
    h.drag_at(from);
    h.run();
    for k in 1..=4 {
        h.hover_at(from + (to - from) * (k as f32 / 4.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// Moves to `at`, presses and releases there, a frame each: a click as egui sees one from a
/// mouse.
pub fn click_at(h: &mut Harness<'static, Workbench>, at: Pos2) {
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
}

/// Presses `keys` one after another with `modifiers`, a frame each.
pub fn keys(h: &mut Harness<'static, Workbench>, modifiers: egui::Modifiers, keys: &[egui::Key]) {
    for &key in keys {
        h.key_press_modifiers(modifiers, key);
        h.run();
    }
}
