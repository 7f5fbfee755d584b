//! An idle workbench leaves the plan alone: drawing any view of a large plan, frame after frame,
//! is not an edit. (At 10,000 accounts some editors used to report changes nobody made, and every
//! frame became an undo step and a full check.)

use egui_kittest::Harness;
use preshow::app::Command;
use preshow::app::boards::Board;
use preshow::ops::generate;

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
