//! The palette (Ctrl+K) goes to anything: an account, a person, a gap, a view, a command, found
//! by a fuzzy match of part of its name, picked with the arrow keys and Enter.

use crate::support::{drive, example, keys, open};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::boards::Board;
use preshow::app::{Command, Workbench};
use preshow::model::Section;

/// What a result says it is.
const KINDS: [&str; 14] = [
    "View",
    "Command",
    "Recent plan",
    "Account",
    "Person",
    "Meeting",
    "Message",
    "Objective",
    "Term",
    "Stage",
    "Handoff",
    "Task",
    "Gap",
    "Section",
];

/// Opens the palette with Ctrl+K and types `text`, with no click: the field has the keyboard.
fn palette(h: &mut Harness<'static, Workbench>, text: &str) {
    keys(h, Modifiers::COMMAND, &[Key::K]);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Go to anything")
            .is_focused(),
        "the palette's field takes the keyboard when it opens"
    );
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

/// The results, as they read, best first.
fn results(h: &Harness<'static, Workbench>) -> Vec<String> {
    h.query_all_by_role(Role::ListBoxOption)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| KINDS.iter().any(|k| l.starts_with(&format!("{k} · "))))
        .collect()
}

fn is_open(h: &Harness<'static, Workbench>) -> bool {
    h.query_by_label("Go to anything").is_some()
}

/// Where the example keeps an item, by id.
fn account(h: &Harness<'static, Workbench>, id: &str) -> usize {
    let plan = &h.state().doc.plan;
    plan.accounts
        .iter()
        .position(|a| a.id == id)
        .expect("in the example")
}

#[test]
fn part_of_an_accounts_name_and_enter_select_it_in_accounts() {
    let (_dir, mut h) = example();
    h.state_mut().command(Command::Show(Board::Schedule));
    h.run();
    palette(&mut h, "helix");
    let first = results(&h).into_iter().next();
    assert_eq!(first.as_deref(), Some("Account · Helix Biologics · tier 1"));
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    assert!(!is_open(&h), "Enter closes the palette");
    let helix = account(&h, "helix-biologics");
    let app = h.state();
    assert_eq!(app.board, None);
    assert_eq!(app.section, Section::Accounts);
    assert_eq!(app.selected(Section::Accounts), Some(helix));
    // The editor shows it.
    assert!(
        h.query_all_by_role(Role::TextInput)
            .any(|n| n.value().as_deref() == Some("Helix Biologics"))
    );
}

#[test]
fn letters_left_out_still_find_it() {
    let (_dir, mut h) = example();
    palette(&mut h, "hlx bio");
    let found = results(&h);
    assert_eq!(
        found.first().map(String::as_str),
        Some("Account · Helix Biologics · tier 1"),
        "{found:?}"
    );
    // Case and accents do not matter either.
    keys(&mut h, Modifiers::NONE, &[Key::Escape]);
    palette(&mut h, "OZTURK");
    assert_eq!(
        results(&h).first().map(String::as_str),
        Some("Account · Öztürk Metal Forming · tier 1")
    );
}

#[test]
fn a_person_opens_selected_in_people() {
    let (_dir, mut h) = example();
    palette(&mut h, "tomas ib");
    let found = results(&h);
    assert!(
        found
            .first()
            .is_some_and(|r| r.starts_with("Person · Tomás Ibarra · ")),
        "{found:?}"
    );
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    let tomas = h
        .state()
        .doc
        .plan
        .people
        .iter()
        .position(|p| p.id == "tomas");
    assert_eq!(h.state().section, Section::People);
    assert_eq!(h.state().selected(Section::People), tomas);
}

#[test]
fn a_gap_opens_at_the_field_it_points_at() {
    let (_dir, mut h) = example();
    // Only the gap's message says "was due"; the task's title has "badge scanner" too.
    palette(&mut h, "badge scanner was due");
    let found = results(&h);
    assert!(
        found.first().is_some_and(|r| r.starts_with(
            "Gap · The task \"Load the scoring questions into the badge scanner app\" was due"
        )),
        "{found:?}"
    );
    let gap = h
        .state()
        .gaps()
        .findings
        .iter()
        .find(|f| f.message.contains("badge scanner app\" was due"))
        .cloned()
        .expect("the example's overdue task");
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    assert_eq!(h.state().section, Section::Tasks);
    assert_eq!(h.state().selected(Section::Tasks), gap.index);
    let field = gap.rule.rule().field;
    assert!(field.is_some());
    assert_eq!(h.state_mut().list_state(Section::Tasks).highlight, field);
}

#[test]
fn a_view_opens() {
    let (_dir, mut h) = example();
    palette(&mut h, "lead flow");
    assert_eq!(
        results(&h).first().map(String::as_str),
        Some("View · Lead flow · board")
    );
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    assert_eq!(h.state().board, Some(Board::LeadFlow));

    palette(&mut h, "handoffs");
    assert_eq!(
        results(&h).first().map(String::as_str),
        Some("View · Handoffs · section")
    );
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Handoffs);
}

#[test]
fn arrow_down_picks_the_second_result() {
    let (_dir, mut h) = example();
    palette(&mut h, "helix");
    let found = results(&h);
    let second = found.get(1).cloned().expect("two results");
    assert!(
        second.starts_with("Meeting · Helix Biologics · "),
        "{found:?}"
    );
    keys(&mut h, Modifiers::NONE, &[Key::ArrowDown]);
    let selected: Vec<String> = h
        .query_all_by_role(Role::ListBoxOption)
        .filter(|n| n.accesskit_node().is_selected() == Some(true))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(
        selected,
        std::slice::from_ref(&second),
        "the second result is marked"
    );
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    let app = h.state();
    assert_eq!(app.section, Section::Meetings);
    let meeting = app
        .selected(Section::Meetings)
        .and_then(|i| app.doc.plan.meetings.get(i))
        .expect("a meeting is selected");
    assert_eq!(meeting.account, "helix-biologics");
    let when = meeting.start.0.format("%a %-d %b %H:%M").to_string();
    assert!(second.contains(&when), "{second} is the meeting at {when}");
}

#[test]
fn a_command_runs_and_esc_closes_without_going_anywhere() {
    let (_dir, mut h) = example();
    palette(&mut h, "gaps show");
    assert_eq!(
        results(&h).first().map(String::as_str),
        Some("Command · Show or hide gaps · Ctrl+G")
    );
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    assert!(
        h.query_by_label("Gaps").is_none(),
        "the gaps panel is hidden"
    );

    let before = h.state().selected(Section::Accounts);
    palette(&mut h, "helix");
    keys(&mut h, Modifiers::NONE, &[Key::ArrowDown, Key::Escape]);
    assert!(!is_open(&h));
    assert_eq!(h.state().section, Section::Accounts);
    assert_eq!(h.state().selected(Section::Accounts), before);
}

#[test]
fn at_least_eight_results_fit_on_the_presentation_canvas() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    let size = egui::vec2(1120.0, 630.0);
    let mut h = drive(
        Harness::builder().with_size(size),
        open(&path, crate::support::feb_15()),
    );
    h.run();
    palette(&mut h, "e");
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    let field = h
        .get_by_role_and_label(Role::TextInput, "Go to anything")
        .rect();
    let rows: Vec<egui::Rect> = h
        .query_all_by_role(Role::ListBoxOption)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| KINDS.iter().any(|k| l.starts_with(&format!("{k} · "))))
        })
        .map(|n| n.rect())
        .filter(|r| screen.contains_rect(*r))
        .collect();
    assert!(rows.len() >= 8, "{} rows in view", rows.len());
    assert!(screen.contains_rect(field));
    // Down past the rows in view scrolls the list: the picked row stays in view.
    for _ in 0..20 {
        keys(&mut h, Modifiers::NONE, &[Key::ArrowDown]);
    }
    let picked = h
        .query_all_by_role(Role::ListBoxOption)
        .find(|n| n.accesskit_node().is_selected() == Some(true))
        .map(|n| n.rect())
        .expect("the picked row is laid out");
    let list_bottom = rows.iter().map(|r| r.max.y).fold(0.0, f32::max);
    assert!(picked.max.y <= list_bottom + 1.0 && screen.contains_rect(picked));
}
