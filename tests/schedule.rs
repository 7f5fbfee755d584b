//! The schedule board driven headlessly with egui_kittest: blocks found by their labels
//! ("<account> <HH:MM>"), columns by their headers, meetings moved and resized by dragging.

use crate::support::{click_at, drag, keys, press_and_move};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::{Command, Place, Workbench};
use preshow::model::Section;
use std::path::{Path, PathBuf};

const PLAN: &str = include_str!("fixtures/schedule/plan.ron");

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, PLAN).expect("write plan");
    Fixture { _dir: dir, path }
}

/// The workbench on the fixture, showing the schedule.
fn schedule(path: &Path) -> Harness<'static, Workbench> {
    let mut h = crate::support::workbench(path, crate::support::feb_1());
    let Some(Place::Board(board)) = Place::parse("schedule") else {
        panic!("`schedule` names a board");
    };
    h.state_mut().command(Command::Show(board));
    h.run();
    h
}

fn start_of(h: &Harness<'static, Workbench>, id: &str) -> String {
    let m = h.state().doc.plan.meetings.iter().find(|m| m.id == id);
    m.expect("meeting").start.to_string()
}

fn minutes_of(h: &Harness<'static, Workbench>, id: &str) -> i64 {
    let m = h.state().doc.plan.meetings.iter().find(|m| m.id == id);
    m.expect("meeting").minutes
}

#[test]
fn shows_the_meetings_of_the_first_day() {
    let f = fixture();
    let h = schedule(&f.path);
    assert!(h.query_by_label("Tue 9 Mar").is_some(), "a button per day");
    assert!(h.query_by_label("Wed 10 Mar").is_some(), "a button per day");
    h.get_by_label("Acme Hospitals 10:00");
    h.get_by_label("Beta Clinics 10:30");
    // A meeting of two people shows in both their columns.
    assert_eq!(h.get_all_by_label("Gamma Labs 14:00").count(), 2);
    // The second day's meeting is not on the first day.
    assert!(h.query_by_label("Delta Works 12:00").is_none());
    // Columns by person: Sales first, then Marketing.
    let headers: Vec<String> = h
        .get_all_by_role(Role::ColumnHeader)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(headers, ["Ana Ruiz", "Bo Lind", "Mo Chen"]);
    // Ana may take one meeting a day and has two.
    let ana = h.get_by_role_and_label(Role::ColumnHeader, "Ana Ruiz");
    assert_eq!(ana.value().as_deref(), Some("⚠ 2 / 1 meetings"));
    let bo = h.get_by_role_and_label(Role::ColumnHeader, "Bo Lind");
    assert_eq!(bo.value().as_deref(), Some("1 meeting"));
}

#[test]
fn by_room_shows_a_column_per_room() {
    let f = fixture();
    let mut h = schedule(&f.path);
    h.get_by_label("By room").click();
    h.run();
    let headers: Vec<String> = h
        .get_all_by_role(Role::ColumnHeader)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    // "Room A" and " room a " are one room, as the room-double-booked check has it.
    assert_eq!(headers, ["Room A", "No room"]);
    // Each meeting once: no one is in two rooms.
    assert_eq!(h.get_all_by_label("Gamma Labs 14:00").count(), 1);
    h.get_by_label("Acme Hospitals 10:00");
    h.get_by_label("Beta Clinics 10:30");
}

/// A meeting booked the day before the show shows up in the day picker (its gap says so), but the
/// board still opens on the show's first day.
#[test]
fn opens_on_the_first_show_day_even_with_a_meeting_before_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let early = r#"(id: "early-call", account: "acme", start: "2027-03-08T16:00", minutes: 30, people: ["ana"]),
        (id: "acme-demo""#;
    std::fs::write(&path, PLAN.replacen(r#"(id: "acme-demo""#, early, 1)).expect("write plan");
    let h = schedule(&path);
    assert!(
        h.query_by_label("Mon 8 Mar").is_some(),
        "the early day is in the picker"
    );
    h.get_by_label("Acme Hospitals 10:00");
    assert!(h.query_by_label("Acme Hospitals 16:00").is_none());
}

#[test]
fn another_day_and_declined_meetings() {
    let f = fixture();
    let mut h = schedule(&f.path);
    h.get_by_label("Wed 10 Mar").click();
    h.run();
    assert!(
        h.query_by_label_contains("No meetings on Wed 10 Mar")
            .is_some()
    );
    assert!(h.query_by_label("Delta Works 12:00").is_none());
    h.get_by_label("Show declined, cancelled and no-shows")
        .click();
    h.run();
    h.get_by_label("Delta Works 12:00");
}

#[test]
fn dragging_a_meeting_down_an_hour_moves_it_and_undo_restores_it() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let block = h.get_by_label("Acme Hospitals 10:00").rect();
    // The block of a 60-minute meeting is one hour tall.
    let hour = block.height();
    assert!(
        hour >= 59.0,
        "an hour is at least 60 points tall, got {hour}"
    );
    drag(
        &mut h,
        block.center(),
        block.center() + Vec2::new(0.0, hour),
    );
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T11:00");
    assert_eq!(minutes_of(&h, "acme-demo"), 60, "a move keeps the length");
    h.get_by_label("Acme Hospitals 11:00");
    // The move was checked: Acme no longer shares Room A with Beta at 10:30.
    h.state_mut().check_now();
    assert!(
        !h.state()
            .gaps()
            .findings
            .iter()
            .any(|f| f.rule == "room-double-booked"),
        "the room clash is gone"
    );

    // The whole drag is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T10:00");
}

#[test]
fn dragging_a_little_snaps_to_quarter_hours() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let block = h.get_by_label("Acme Hospitals 10:00").rect();
    let hour = block.height();
    // 20 minutes up snaps to 15.
    drag(
        &mut h,
        block.center(),
        block.center() - Vec2::new(0.0, hour / 3.0),
    );
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T09:45");
}

#[test]
fn dragging_the_bottom_edge_changes_the_length() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let hour = h.get_by_label("Acme Hospitals 10:00").rect().height();
    let edge = h.get_by_label("End of Acme Hospitals 10:00").rect();
    drag(
        &mut h,
        edge.center(),
        edge.center() + Vec2::new(0.0, hour / 2.0),
    );
    assert_eq!(minutes_of(&h, "acme-demo"), 90);
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T10:00");

    // Never shorter than a quarter hour.
    let edge = h.get_by_label("End of Acme Hospitals 10:00").rect();
    drag(
        &mut h,
        edge.center(),
        edge.center() - Vec2::new(0.0, hour * 3.0),
    );
    assert_eq!(minutes_of(&h, "acme-demo"), 15);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(minutes_of(&h, "acme-demo"), 90);
}

#[test]
fn hovering_a_meeting_tells_its_details_and_gaps() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let block = h.get_by_label("Beta Clinics 10:30").rect();
    h.hover_at(block.center());
    h.run();
    // Tooltips wait for the pointer to rest.
    std::thread::sleep(std::time::Duration::from_millis(600));
    h.hover_at(block.center() + Vec2::new(1.0, 0.0));
    h.run();
    assert!(h.query_by_label("Status: Requested").is_some());
    assert!(h.query_by_label("Room: room a").is_some());
    assert!(h.query_by_label("People: Bo Lind").is_some());
    assert!(
        h.query_by_label_contains("⚠ The room \"Room A\" is already taken")
            .is_some(),
        "the room clash is in the tooltip"
    );
}

#[test]
fn escape_cancels_a_drag() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let block = h.get_by_label("Acme Hospitals 10:00").rect();
    let from = block.center();
    let to = from + Vec2::new(0.0, block.height() * 2.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + Vec2::new(0.0, block.height()));
    h.run();
    h.hover_at(to);
    h.run();
    assert_eq!(
        start_of(&h, "acme-demo"),
        "2027-03-09T12:00",
        "moves while dragged"
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T10:00");
    h.hover_at(to + Vec2::new(0.0, 20.0));
    h.run();
    h.drop_at(to);
    h.run();
    assert_eq!(
        start_of(&h, "acme-demo"),
        "2027-03-09T10:00",
        "stays put after Esc"
    );
    // The board still has the keyboard: Enter opens the meeting that was dragged.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().selected(Section::Meetings), Some(0));
}

#[test]
fn clicking_a_meeting_opens_it() {
    let f = fixture();
    let mut h = schedule(&f.path);
    h.get_by_label("Beta Clinics 10:30").click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Meetings);
    assert_eq!(h.state().selected(Section::Meetings), Some(1));
    assert_eq!(
        start_of(&h, "beta-intro"),
        "2027-03-09T10:30",
        "a click moves nothing"
    );
}

/// Gives the board the keyboard by clicking an empty spot of Ana's column, between her
/// meetings at 10:00 and 14:00.
fn focus_the_board(h: &mut Harness<'static, Workbench>) {
    let acme = h.get_by_label("Acme Hospitals 10:00").rect();
    let empty = acme.center() + Vec2::new(0.0, acme.height() * 2.5);
    click_at(h, empty);
    assert!(
        h.state().board.is_some(),
        "a click on nothing opens nothing"
    );
}

#[test]
fn the_keyboard_walks_a_column_and_enter_opens_the_meeting() {
    let f = fixture();
    let mut h = schedule(&f.path);
    focus_the_board(&mut h);
    // The keyboard starts on the first meeting in view (Ana's at 10:00); Down goes on to her
    // next one, then into Bo's column.
    keys(
        &mut h,
        Modifiers::NONE,
        &[Key::ArrowDown, Key::ArrowDown, Key::Enter],
    );
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Meetings);
    assert_eq!(
        h.state().selected(Section::Meetings),
        Some(1),
        "Bo's meeting with Beta Clinics"
    );
}

#[test]
fn left_and_right_go_to_the_nearest_meeting_of_the_next_column() {
    let f = fixture();
    let mut h = schedule(&f.path);
    focus_the_board(&mut h);
    // From Ana's 10:00 to Bo's 10:30, then to Mo's 14:00 (his only one), and back to Bo's.
    keys(
        &mut h,
        Modifiers::NONE,
        &[
            Key::ArrowRight,
            Key::ArrowRight,
            Key::ArrowRight,
            Key::Enter,
        ],
    );
    assert_eq!(
        h.state().selected(Section::Meetings),
        Some(2),
        "Right stops at the last column: Mo's meeting with Gamma Labs"
    );
}

#[test]
fn dragging_an_empty_spot_moves_nothing() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let before: Vec<String> = (0..4)
        .map(|i| h.state().doc.plan.meetings[i].start.to_string())
        .collect();
    let acme = h.get_by_label("Acme Hospitals 10:00").rect();
    let empty = acme.center() + Vec2::new(0.0, acme.height() * 2.5);
    drag(&mut h, empty, empty + Vec2::new(0.0, acme.height()));
    let after: Vec<String> = (0..4)
        .map(|i| h.state().doc.plan.meetings[i].start.to_string())
        .collect();
    assert_eq!(before, after);
    assert!(h.state().board.is_some(), "and opens nothing");
}

#[test]
fn each_block_and_its_bottom_edge_are_read_out_with_the_details() {
    let f = fixture();
    let h = schedule(&f.path);
    let block = h.get_by_label("Beta Clinics 10:30");
    assert_eq!(block.accesskit_node().role(), Role::Button);
    let description = block.accesskit_node().description().unwrap_or_default();
    assert!(
        description.contains("Status: Requested") && description.contains("Room: room a"),
        "the tooltip's details, for those who cannot hover: {description}"
    );
    let edge = h.get_by_label("End of Beta Clinics 10:30").rect();
    assert!(
        (edge.bottom() - block.rect().bottom()).abs() < 0.5,
        "the edge is at the bottom of the block"
    );
}

#[test]
fn alt_and_the_arrows_move_the_meeting_and_the_keyboard_stays_on_it() {
    let f = fixture();
    let mut h = schedule(&f.path);
    focus_the_board(&mut h);
    // The keyboard is on Ana's 10:00 with Acme; Alt+Down moves it a quarter hour later.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T10:15");
    // With Shift, its end: 15 minutes longer, then back.
    h.key_press_modifiers(Modifiers::ALT | Modifiers::SHIFT, Key::ArrowDown);
    h.run();
    assert_eq!(minutes_of(&h, "acme-demo"), 75);
    h.key_press_modifiers(Modifiers::ALT | Modifiers::SHIFT, Key::ArrowUp);
    h.run();
    assert_eq!(minutes_of(&h, "acme-demo"), 60);
    // Past her 14:00 meeting: the keyboard stays on Acme, now second in her column.
    keys(&mut h, Modifiers::ALT, &[Key::ArrowDown; 17]);
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T14:30");
    // Each press is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T14:15");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().selected(Section::Meetings),
        Some(0),
        "Enter opens the meeting that was moved"
    );
}

/// The fixture with an early meeting for Ana, so that the grid starts at 06:00, in a window too
/// short for the whole day: the board scrolls.
fn tall_day() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let early = r#"(id: "early", account: "acme", start: "2027-03-09T06:00", minutes: 120, people: ["ana"]),
        (id: "acme-demo""#;
    std::fs::write(&path, PLAN.replacen(r#"(id: "acme-demo""#, early, 1)).expect("write plan");
    let mut h = crate::support::drive(
        Harness::builder().with_size([1440.0, 600.0]),
        crate::support::open(&path, crate::support::feb_1()),
    );
    h.run();
    // The offer to upgrade the plan's format answered, so the grid has the window's height.
    h.state_mut().command(Command::KeepFormat1);
    h.run();
    let Some(Place::Board(board)) = Place::parse("schedule") else {
        panic!("`schedule` names a board");
    };
    h.state_mut().command(Command::Show(board));
    h.run();
    (dir, h)
}

/// Scrolls the board 60 points down with the mouse wheel over Beta's block.
fn scroll_down(h: &mut Harness<'static, Workbench>) -> egui::Rect {
    let beta = h.get_by_label("Beta Clinics 10:30").rect();
    h.hover_at(beta.center());
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, -60.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
    });
    h.run();
    let scrolled = h.get_by_label("Beta Clinics 10:30").rect();
    assert!(
        scrolled.top() < beta.top() - 30.0,
        "scrolled: {beta:?} -> {scrolled:?}"
    );
    scrolled
}

#[test]
fn a_press_straight_onto_a_block_moves_it() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let block = h.get_by_label("Acme Hospitals 10:00").rect();
    let empty = block.center() + Vec2::new(0.0, block.height() * 2.5);
    h.hover_at(empty);
    h.run();
    // A touch or a pen lands and presses in the same frame, with no hover over the block first.
    press_and_move(
        &mut h,
        block.center(),
        block.center() + Vec2::new(0.0, block.height()),
    );
    assert_eq!(start_of(&h, "acme-demo"), "2027-03-09T11:00");
}

#[test]
fn dragging_an_empty_spot_scrolls_the_board() {
    let (_dir, mut h) = tall_day();
    let beta = h.get_by_label("Beta Clinics 10:30").rect();
    let empty = beta.center() + Vec2::new(0.0, beta.height() * 3.0);
    drag(&mut h, empty, empty - Vec2::new(0.0, 80.0));
    let after = h.get_by_label("Beta Clinics 10:30").rect();
    assert!(
        after.top() < beta.top() - 40.0,
        "the board follows the pointer up: {beta:?} -> {after:?}"
    );
    assert_eq!(
        start_of(&h, "beta-intro"),
        "2027-03-09T10:30",
        "nothing moved"
    );
}

#[test]
fn enter_after_a_drag_opens_the_dragged_meeting() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let block = h.get_by_label("Beta Clinics 10:30").rect();
    let hour = h.get_by_label("Acme Hospitals 10:00").rect().height();
    drag(
        &mut h,
        block.center(),
        block.center() + Vec2::new(0.0, hour),
    );
    assert_eq!(start_of(&h, "beta-intro"), "2027-03-09T11:30");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().selected(Section::Meetings),
        Some(1),
        "the meeting just dragged (Beta), not the first in view"
    );
}

#[test]
fn clicking_an_empty_spot_does_not_scroll_the_board() {
    let (_dir, mut h) = tall_day();
    let scrolled = scroll_down(&mut h);
    // Ana's early meeting is now partly under the header; a click on an empty spot of Bo's
    // column gives the board the keyboard without jumping to it.
    let empty = scrolled.center() + Vec2::new(0.0, scrolled.height() * 4.0);
    click_at(&mut h, empty);
    let after = h.get_by_label("Beta Clinics 10:30").rect();
    assert!(
        (after.top() - scrolled.top()).abs() < 0.5,
        "the board stays where it was: {scrolled:?} -> {after:?}"
    );
}

#[test]
fn a_press_on_nothing_released_on_a_block_opens_nothing() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let block = h.get_by_label("Acme Hospitals 10:00").rect();
    let above = block.center_top() - Vec2::new(0.0, 3.0);
    h.hover_at(above);
    h.run();
    h.drag_at(above);
    h.run();
    h.hover_at(block.center_top() + Vec2::new(0.0, 2.0));
    h.run();
    h.drop_at(block.center_top() + Vec2::new(0.0, 2.0));
    h.run();
    assert!(h.state().board.is_some(), "still on the board");
}

#[test]
fn the_clash_mark_follows_the_theme() {
    use preshow::app::theme::Theme;
    fn mark_colors(h: &Harness<'static, Workbench>) -> Vec<egui::Color32> {
        h.output()
            .shapes
            .iter()
            .filter_map(|s| match &s.shape {
                egui::Shape::Text(t) if t.galley.text() == "⚠" => {
                    t.galley.job.sections.first().map(|s| s.format.color)
                }
                _ => None,
            })
            .collect()
    }
    let f = fixture();
    let mut h = schedule(&f.path);
    let before = mark_colors(&h);
    assert!(!before.is_empty(), "Beta's block has a clash mark");
    h.state_mut()
        .command(Command::SetTheme(Theme::HighContrastDark));
    h.run();
    let after = mark_colors(&h);
    // Black reads better than white on the high-contrast red.
    assert!(
        !after.is_empty() && after.iter().all(|c| *c == egui::Color32::BLACK),
        "before {before:?}, after {after:?}"
    );
}

#[test]
fn screen_readers_follow_the_keyboard_from_block_to_block() {
    let f = fixture();
    let mut h = schedule(&f.path);
    focus_the_board(&mut h);
    h.key_press(Key::ArrowDown);
    h.run();
    let focused: Vec<String> = h
        .root()
        .query_all(egui_kittest::kittest::By::new().predicate(|n| n.is_focused()))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(focused, ["Gamma Labs 14:00"]);
}

/// Keys typed into another item bring new gaps (the day's layout is kept while the edit goes on:
/// only the findings are taken in), and a meeting's new finding is in its details at once.
#[test]
fn gaps_a_key_brings_show_on_the_meetings_at_once() {
    let f = fixture();
    let mut h = schedule(&f.path);
    let details = |h: &Harness<'static, Workbench>| {
        let block = h.get_by_label("Acme Hospitals 10:00");
        block.accesskit_node().description().unwrap_or_default()
    };
    assert!(
        !details(&h).contains("Nobody from Sales"),
        "{}",
        details(&h)
    );
    // Ana, the only one at Acme's demo, moves to Marketing in an edit not finished yet (as a
    // key typed into her would be): no id changes, no clash, but the meeting has no one from
    // Sales now.
    let wb = h.state_mut();
    let at = wb.doc.plan.people.iter().position(|p| p.id == "ana");
    let at = at.expect("the fixture's Ana");
    wb.doc.plan.people[at].team = preshow::model::Team::Marketing;
    wb.doc.edited_items(false, &[(Section::People, at)]);
    h.run();
    let described = details(&h);
    assert!(
        described.contains("Nobody from Sales"),
        "the meeting's new gap is in its details: {described}"
    );
}
