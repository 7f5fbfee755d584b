//! A list section's table driven headlessly: rows found by their first column, sorted and
//! resized from the header, searched, and scrolled to when an item far down is revealed.

use crate::support::drag;
use egui::accesskit::Role;
use egui::{Key, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::{Command, Workbench};
use preshow::model::Section;
use preshow::ops::generate;

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
fn search_ignores_case_accents_and_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = PLAN
        .replace("Acme Hospitals", "Gdańsk Hospitals")
        .replace("Beta Clinics", "Москва Clinics");
    let mut h = open(&dir, &plan, Section::Accounts);
    // Types into the search box what a user types, after Escape has cleared it.
    let search = |h: &mut Harness<'static, Workbench>, text: &str| {
        h.get_by_label("Search").click();
        h.run();
        h.key_press(Key::Escape);
        h.run();
        h.get_by_label("Search").click();
        h.run();
        h.get_by_label("Search").type_text(text);
        h.run();
    };
    search(&mut h, "GDANSK");
    assert!(h.query_by_label("Gdańsk Hospitals").is_some());
    assert!(h.query_by_label("Москва Clinics").is_none());
    search(&mut h, "gdańsk hosp");
    assert!(h.query_by_label("Gdańsk Hospitals").is_some());
    search(&mut h, "moskva");
    assert!(h.query_by_label("Москва Clinics").is_some());
    assert!(h.query_by_label("Gdańsk Hospitals").is_none());
    search(&mut h, "МОСКВА");
    assert!(h.query_by_label("Москва Clinics").is_some());
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

/// Rows keep their laid-out text between frames; an edit and its undo still show at once (a
/// narrower column shows at once too: see `a_cut_cell_shows_its_whole_text_on_hover`).
#[test]
fn the_table_shows_edits_and_undo_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::Accounts);
    h.get_by_label("Beta Clinics").click();
    h.run();
    let name = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name");
    name.focus();
    name.type_text(" Group");
    h.run();
    assert!(
        h.query_by_label("Beta Clinics Group").is_some(),
        "the row follows the typing"
    );
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.query_by_label("Beta Clinics").is_some(), "and the undo");
    assert!(h.query_by_label("Beta Clinics Group").is_none());
}

#[test]
fn the_arrow_keys_move_the_selection_through_the_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::People);
    h.get_by_label("Ana Ruiz").click();
    h.run();
    let selected =
        |h: &mut Harness<'static, Workbench>| h.state_mut().list_state(Section::People).selected;
    assert_eq!(selected(&mut h), Some(0));
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(selected(&mut h), Some(1), "down to Bo Lind");
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(selected(&mut h), Some(2), "down to Mo Chen");
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(selected(&mut h), Some(1), "back up to Bo Lind");
}

/// Holding Down past the bottom of the table scrolls it along.
#[test]
fn the_arrow_keys_scroll_past_the_bottom_of_the_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = generate::generate_text(300, generate::DEFAULT_SEED);
    let mut h = open(&dir, &text, Section::Accounts);
    let first = h.state().doc.plan.accounts[0].name.clone();
    h.get_by_label(&first).click();
    h.run();
    for _ in 0..40 {
        h.key_press(Key::ArrowDown);
        h.run();
    }
    let state = h.state_mut().list_state(Section::Accounts);
    assert_eq!(state.selected, Some(40));
    let name = h.state().doc.plan.accounts[40].name.clone();
    let on_screen = h
        .query_all_by_label(&name)
        .any(|n| n.rect().min.y > 0.0 && n.rect().max.y < 900.0);
    assert!(on_screen, "{name} was scrolled into view");
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

/// The middle of the handle on the Name column's right edge, in the header.
fn name_edge(h: &Harness<'static, Workbench>) -> Pos2 {
    let handle = h
        .get_by_role_and_label(Role::Splitter, "Resize Name")
        .rect();
    Pos2::new(handle.center().x, header(h, "Name").rect().center().y)
}

/// The resize handle on the right edge of the column before `next`.
fn edge_before(h: &Harness<'static, Workbench>, next: &str) -> Pos2 {
    let r = header(h, next).rect();
    Pos2::new(r.min.x - 4.0, r.center().y)
}

#[test]
fn a_row_reads_as_selected_with_its_columns_and_gaps() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::Accounts);
    h.get_by_label("Beta Clinics").click();
    h.run();
    let row = h.get_by_label("Beta Clinics");
    let node = row.accesskit_node();
    assert_eq!(node.is_selected(), Some(true));
    let said = node.description().unwrap_or_default();
    assert!(said.contains("Tier: 2"), "{said}");
    assert!(
        said.contains("Gaps: ") && said.contains("no sales owner"),
        "{said}"
    );
    assert_eq!(
        h.get_by_label("Acme Hospitals")
            .accesskit_node()
            .is_selected(),
        Some(false)
    );
}

#[test]
fn a_cut_cell_shows_its_whole_text_on_hover() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(&dir, PLAN, Section::Accounts);
    // Narrow the name column until "Beta Clinics" is cut.
    let edge = edge_before(&h, "Tier");
    let name_left = header(&h, "Name").rect().min.x;
    drag(&mut h, edge, Pos2::new(name_left + 50.0, edge.y));
    let row = h.get_by_label("Beta Clinics").rect();
    let before = h.query_all_by_label_contains("Beta Clinics").count();
    h.hover_at(Pos2::new(name_left + 20.0, row.center().y));
    for _ in 0..8 {
        h.step();
    }
    let after = h.query_all_by_label_contains("Beta Clinics").count();
    assert!(after > before, "a tooltip repeats the name in full");
}

#[test]
fn dragging_a_column_edge_resizes_it_and_a_double_click_restores_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write plan");
    // Sixty frames a second: the harness's usual quarter-second frames are too slow for a
    // double-click.
    let builder = Harness::builder()
        .with_size(crate::support::SIZE)
        .with_step_dt(1.0 / 60.0);
    let mut h = crate::support::drive(
        builder,
        crate::support::open(&path, crate::support::feb_1()),
    );
    h.run();
    h.state_mut().command(Command::GoTo(Section::Accounts));
    h.run();

    // The edge sits on the Name column's right: dragged left, the column narrows with it.
    let edge = name_edge(&h);
    drag(&mut h, edge, edge - egui::vec2(60.0, 0.0));
    let moved = name_edge(&h).x - edge.x;
    assert!((moved + 60.0).abs() < 2.0, "the edge moved by {moved}");

    // A double-click on the edge fits the column to the table again.
    let narrowed = name_edge(&h);
    h.hover_at(narrowed);
    h.run();
    for pressed in [true, false, true, false] {
        h.event(egui::Event::PointerButton {
            pos: narrowed,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    let back = name_edge(&h).x;
    assert!(
        (back - edge.x).abs() < 2.0,
        "back at {back}, was {}",
        edge.x
    );

    // The edge can be taken anywhere down the table, not only in the header.
    let y = h.get_by_label("Beta Clinics").rect().center().y;
    let from = Pos2::new(edge.x, y);
    drag(&mut h, from, from - egui::vec2(30.0, 0.0));
    let moved = name_edge(&h).x - edge.x;
    assert!((moved + 30.0).abs() < 2.0, "moved by {moved}");
}
