//! A list section's table driven headlessly: rows found by their first column, sorted and
//! resized from the header, searched, and scrolled to when an item far down is revealed.

use egui::accesskit::Role;
use egui::{Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Workbench};
use preshow::generate;
use preshow::model::Section;

const PLAN: &str = include_str!("fixtures/app/plan.ron");

fn open(dir: &tempfile::TempDir, text: &str, section: Section) -> Harness<'static, Workbench> {
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, text).expect("write plan");
    let mut h = crate::support::workbench(&path, crate::support::feb_1());
    h.state_mut().command(Command::GoTo(section));
    h.run();
    h
}

/// A column's header: a button that sorts by it.
fn header<'h>(h: &'h Harness<'static, Workbench>, title: &'h str) -> egui_kittest::Node<'h> {
    h.get_by_role_and_label(Role::Button, title)
}

/// Where a row with this first column is on screen (its top).
fn row_top(h: &Harness<'static, Workbench>, name: &str) -> f32 {
    h.get_by_label(name).rect().min.y
}

#[test]
fn a_header_sorts_and_a_second_click_reverses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::People);
    // The plan lists Ana, Bo, Mo: in file order first.
    assert!(row_top(&h, "Ana Ruiz") < row_top(&h, "Mo Chen"));

    header(&h, "Name").click();
    h.run();
    assert!(row_top(&h, "Ana Ruiz") < row_top(&h, "Bo Lind"));
    assert!(row_top(&h, "Bo Lind") < row_top(&h, "Mo Chen"));
    assert!(
        h.query_by_role_and_label(Role::Button, "Name ⏶").is_some(),
        "the header shows the order"
    );

    header(&h, "Name ⏶").click();
    h.run();
    assert!(row_top(&h, "Mo Chen") < row_top(&h, "Bo Lind"));
    assert!(row_top(&h, "Bo Lind") < row_top(&h, "Ana Ruiz"));

    // A third click goes back to the file's order.
    header(&h, "Name ⏷").click();
    h.run();
    assert!(row_top(&h, "Ana Ruiz") < row_top(&h, "Mo Chen"));
    assert!(h.query_by_role_and_label(Role::Button, "Name").is_some());
}

#[test]
fn search_keeps_the_matching_rows_and_escape_clears_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::Accounts);
    assert!(h.query_by_label("Acme Hospitals").is_some());

    h.get_by_label("Search").click();
    h.run();
    h.get_by_label("Search").type_text("beta");
    h.run();
    assert!(h.query_by_label("Beta Clinics").is_some());
    assert!(h.query_by_label("Acme Hospitals").is_none());
    assert!(
        h.query_by_label_contains("1 of ").is_some(),
        "the count says so"
    );

    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Acme Hospitals").is_some());
}

#[test]
fn clicking_a_row_opens_it_in_the_editor() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::Accounts);
    h.get_by_label("Beta Clinics").click();
    h.run();
    let state = h.state_mut().list_state(Section::Accounts);
    assert_eq!(state.selected, Some(1));
}

#[test]
fn revealing_an_item_far_down_scrolls_it_into_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = generate::generate_text(3_000, generate::DEFAULT_SEED);
    let mut h = open(&dir, &text, Section::Accounts);
    let index = 2_500;
    let name = h.state().doc.plan.accounts[index].name.clone();
    let on_screen = |h: &Harness<'static, Workbench>| {
        h.query_all_by_label(&name)
            .any(|n| n.rect().min.y > 0.0 && n.rect().max.y < 900.0)
    };
    assert!(!on_screen(&h), "far down at first");

    h.state_mut()
        .command(Command::Reveal(Section::Accounts, Some(index), None));
    for _ in 0..30 {
        h.step();
    }
    h.run();
    assert!(on_screen(&h), "{name} is scrolled into view");
    let state = h.state_mut().list_state(Section::Accounts);
    assert_eq!(state.selected, Some(index));
}

#[test]
fn dragging_a_column_edge_resizes_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::Accounts);
    let tier = header(&h, "Tier").rect().min.x;
    // The handle sits in the gap just left of the next column's header.
    let edge = Pos2::new(tier - 4.0, header(&h, "Tier").rect().center().y);
    h.hover_at(edge);
    h.run();
    h.drag_at(edge);
    h.run();
    for k in 1..=4 {
        h.hover_at(edge + egui::vec2(25.0 * k as f32, 0.0));
        h.run();
    }
    h.drop_at(edge + egui::vec2(100.0, 0.0));
    h.run();
    let moved = header(&h, "Tier").rect().min.x - tier;
    assert!(
        (moved - 100.0).abs() < 2.0,
        "the Name column grew by {moved}"
    );
}
