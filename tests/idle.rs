//! An idle workbench leaves the plan alone: drawing any view of a large plan, frame after frame,
//! is not an edit. (At 10,000 accounts some editors used to report changes nobody made, and every
//! frame became an undo step and a full check.) And it asks for no frames while nothing happens.

use egui_kittest::Harness;
use preshow::app::boards::Board;
use preshow::app::{Command, Settings, Workbench};
use preshow::ops::generate;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[test]
fn drawing_every_view_of_a_large_plan_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.ron");
    std::fs::write(
        &path,
        generate::generate_text(10_000, generate::DEFAULT_SEED),
    )
    .expect("write the plan");
    let mut h = crate::support::drive(
        Harness::builder().with_size(crate::support::SIZE),
        crate::support::open(&path, generate::today()),
    );
    let original = h.state().doc.plan.clone();
    let mut places: Vec<Command> = preshow::app::sections::SECTIONS
        .iter()
        .map(|s| Command::GoTo(*s))
        .collect();
    places.extend(Board::ALL.iter().map(|b| Command::Show(*b)));
    for place in places {
        let name = format!("{place:?}");
        h.state_mut().command(place);
        h.step();
        h.step();
        let revision = h.state().doc.revision;
        for _ in 0..4 {
            h.step();
        }
        assert_eq!(
            h.state().doc.revision,
            revision,
            "{name}: drawing the view counted as an edit"
        );
        assert!(!h.state().doc.is_dirty(), "{name}: the plan became dirty");
    }
    assert!(h.state().doc.plan == original, "the plan changed");
}

/// Left alone, the window asks for no frame: no timer, no animation, and the watch on the
/// plan's file wakes it only when the file changes. Ten seconds pass in twenty frames (the
/// harness's clock, not a wait).
#[test]
fn an_idle_window_asks_for_no_frame() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write the plan");
    let settings = Settings {
        watch_in_background: true,
        recovery_dir: Some(dir.path().join("recovery")),
        ..Settings::ephemeral()
    };
    // Wake-ups from other threads (the file's watch, the checker) go to this context.
    let ctx = egui::Context::default();
    let woken = Arc::new(AtomicUsize::new(0));
    let count = woken.clone();
    ctx.set_request_repaint_callback(move |_| {
        count.fetch_add(1, Ordering::Relaxed);
    });
    let mut app = Workbench::open(&ctx, Some(path.clone()), settings);
    app.set_today(crate::support::feb_15());
    let builder = Harness::builder()
        .with_size(crate::support::SIZE)
        .with_step_dt(0.5);
    let mut h = crate::support::drive(builder, app);
    // Settling: the first frames lay out and show the first check.
    h.run();
    woken.store(0, Ordering::Relaxed);
    for step in 0..20 {
        h.step();
        let delay = h
            .output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .map(|v| v.repaint_delay);
        assert_eq!(
            delay,
            Some(Duration::MAX),
            "frame {step} asked for another: {:?}",
            h.ctx.repaint_causes()
        );
    }
    assert_eq!(
        woken.load(Ordering::Relaxed),
        0,
        "woken from another thread"
    );
    assert!(
        h.state().status.is_some(),
        "\"Opened\" stays: it is still true"
    );

    // A change on disk wakes the window (the watch looks once a second).
    std::fs::write(
        &path,
        preshow::EXAMPLE_PLAN.replace("Fira Barcelona", "Fira de Barcelona"),
    )
    .expect("their change");
    let started = std::time::Instant::now();
    while woken.load(Ordering::Relaxed) == 0 && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        woken.load(Ordering::Relaxed) > 0,
        "the watch asked for a frame"
    );
    h.run();
    assert!(
        h.state()
            .doc
            .plan
            .event
            .venue
            .as_deref()
            .is_some_and(|v| v.contains("Fira de Barcelona"))
    );
}
