//! The boards driven headlessly through the real workbench with egui_kittest: the message map
//! and the readiness board show what their pure functions compute.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::boards::Board;
use preshow::app::boards::readiness;
use preshow::app::{Command, Workbench};
use preshow::model::{Date, Section};
use std::path::{Path, PathBuf};

/// Two messages; the segment "Labs" and the tier-1 account "Beta Labs" have none.
const PLAN: &str = r#"#![enable(implicit_some)]
(
    format: 1,
    event: (name: "Board Expo", starts: "2027-03-09", ends: "2027-03-10"),
    people: [
        (id: "ana", name: "Ana Ruiz", team: Sales, role: "Account executive"),
        (id: "mo", name: "Mo Chen", team: Marketing),
    ],
    accounts: [
        (id: "acme", name: "Acme Hospitals", tier: 1, owner: "ana", marketing_owner: "mo",
         segment: "Hospitals", messages: ["roi"]),
        (id: "beta", name: "Beta Labs", tier: 1, owner: "ana", marketing_owner: "mo", segment: "Labs"),
        (id: "cora", name: "Cora Care", tier: 2, marketing_owner: "mo", segment: "Hospitals"),
    ],
    meetings: [
        (id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 30,
         people: ["ana"], status: Confirmed),
    ],
    messages: [
        (id: "roi", headline: "Cut readmissions by 20%", proof: ["St. Mary's"], author: "mo",
         segments: ["Hospitals"], signoffs: [(by: "ana", on: "2027-01-20")]),
        (id: "speed", headline: "Discharge patients a day sooner", author: "mo"),
    ],
    tasks: [
        (id: "brief", title: "Brief booth staff", owner: "mo", due: "2027-01-15"),
        (id: "rooms", title: "Book rooms", owner: "ana", done: true),
    ],
)
"#;

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

fn today() -> Date {
    Date::from_ymd(2027, 2, 1).expect("valid date")
}

fn workbench(path: &Path, board: Board) -> Harness<'static, Workbench> {
    let mut harness = crate::support::workbench(path, today());
    harness.state_mut().command(Command::Show(board));
    harness.run();
    harness
}

#[test]
fn message_map_shows_every_headline_and_marks_what_no_message_covers() {
    let f = fixture();
    let mut h = workbench(&f.path, Board::MessageMap);
    assert_eq!(h.state().board, Some(Board::MessageMap));

    for m in &h.state().doc.plan.messages.clone() {
        h.get_by_label(&m.headline);
    }
    // The "No message" row marks the uncovered segment and the uncovered tier-1 account, and
    // only those.
    h.get_by_label("No message for Labs");
    h.get_by_label("No message for Beta Labs");
    assert!(h.query_by_label("No message for Hospitals").is_none());
    assert!(h.query_by_label("No message for Acme Hospitals").is_none());
    // Beta Labs is listed under "Accounts no message covers"; Cora Care is covered by its
    // segment.
    h.get_by_label("Accounts no message covers (1)");
    assert!(h.query_by_role_and_label(Role::Link, "Cora Care").is_none());

    // A link opens the account.
    h.get_by_role_and_label(Role::Link, "Beta Labs").click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Accounts);
}

#[test]
fn clicking_a_headline_opens_the_message() {
    let f = fixture();
    let mut h = workbench(&f.path, Board::MessageMap);
    h.get_by_label("Discharge patients a day sooner").click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Messages);
}

/// Tooltips are made only when hovered; hovering still tells what each part of the map is.
#[test]
fn hovering_the_map_explains_headlines_columns_and_gaps() {
    let f = fixture();
    let mut h = workbench(&f.path, Board::MessageMap);
    let hover_and_read = |h: &mut Harness<'static, Workbench>, label: &str, tip: &str| {
        let at = h.get_by_label(label).rect().center();
        h.hover_at(at);
        for _ in 0..8 {
            h.step();
        }
        assert!(
            h.query_all_by_label_contains(tip).next().is_some(),
            "hovering {label} tells {tip}"
        );
    };
    hover_and_read(
        &mut h,
        "Discharge patients a day sooner",
        "Click to open the message.",
    );
    hover_and_read(&mut h, "Segment Labs", "Segment: Labs");
    hover_and_read(
        &mut h,
        "No message for Labs",
        "No message lists the segment Labs.",
    );
}

/// Headlines, headers and links are painted, not widgets: screen readers still hear each with
/// what its tooltip says, and can open it; the keyboard never acts on what the mouse rests on.
#[test]
fn the_map_speaks_to_screen_readers_and_ignores_stray_keys() {
    let f = fixture();
    let mut h = workbench(&f.path, Board::MessageMap);
    let headline = "Discharge patients a day sooner";
    let said = h
        .get_by_role_and_label(Role::Link, headline)
        .accesskit_node()
        .description()
        .unwrap_or_default();
    assert!(
        said.contains("Not agreed"),
        "the agreement is read out: {said}"
    );
    let said = h
        .get_by_role_and_label(Role::ColumnHeader, "Segment Labs")
        .accesskit_node()
        .description()
        .unwrap_or_default();
    assert!(said.contains("1 account in it"), "{said}");
    // They sit in the map, where they are on screen, not at the end of the window.
    let parent = h
        .get_by_role_and_label(Role::Link, headline)
        .accesskit_node()
        .parent()
        .map(|p| p.role());
    assert!(parent.is_some_and(|r| r != Role::Window), "{parent:?}");

    // The mouse rests on a headline; Enter and Space do not open it.
    let at = h.get_by_label(headline).rect().center();
    h.hover_at(at);
    h.run();
    h.key_press(egui::Key::Enter);
    h.key_press(egui::Key::Space);
    h.run();
    assert_eq!(h.state().board, Some(Board::MessageMap));

    // A segment's header opens nothing; an account's opens the account.
    h.get_by_label("Segment Labs").click();
    h.run();
    assert_eq!(h.state().board, Some(Board::MessageMap));
    h.get_by_role_and_label(Role::ColumnHeader, "Beta Labs")
        .click_accesskit();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Accounts);

    // A screen reader's click opens a headline's message.
    h.state_mut().command(Command::Show(Board::MessageMap));
    h.run();
    h.get_by_role_and_label(Role::Link, headline)
        .click_accesskit();
    h.run();
    assert_eq!(h.state().section, Section::Messages);
    assert_eq!(h.state().board, None);
}

/// The keyboard reaches the headlines and the headers as one stop each, walks them with the
/// arrow keys, and opens one with Enter.
#[test]
fn the_keyboard_walks_the_headlines_and_headers() {
    let f = fixture();
    let mut h = workbench(&f.path, Board::MessageMap);
    h.get_by_role_and_label(Role::Group, "Headlines").focus();
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Messages);
    assert_eq!(
        h.state_mut().list_state(Section::Messages).selected,
        Some(1)
    );

    h.state_mut().command(Command::Show(Board::MessageMap));
    h.run();
    let columns = preshow::app::boards::message_map::columns(&h.state().doc.plan);
    let first_account = columns
        .iter()
        .position(|c| matches!(c, preshow::app::boards::message_map::MapColumn::Account(_)))
        .expect("a tier-1 account column");
    let Some(preshow::app::boards::message_map::MapColumn::Account(account)) =
        columns.get(first_account).cloned()
    else {
        panic!("an account column");
    };
    // The accounts no message covers: Tab to their row of links, Enter opens one.
    h.state_mut().command(Command::Show(Board::MessageMap));
    h.run();
    h.get_by_role_and_label(Role::Group, "Uncovered accounts")
        .focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().section, Section::Accounts);
    let beta = h
        .state()
        .doc
        .plan
        .accounts
        .iter()
        .position(|a| a.id == "beta");
    assert_eq!(h.state_mut().list_state(Section::Accounts).selected, beta);

    h.state_mut().command(Command::Show(Board::MessageMap));
    h.run();
    h.get_by_role_and_label(Role::Group, "Column headers")
        .focus();
    h.run();
    for _ in 0..first_account {
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().section, Section::Accounts);
    assert_eq!(
        h.state_mut().list_state(Section::Accounts).selected,
        Some(account)
    );
}

#[test]
fn readiness_shows_the_computed_score_and_who_owes_what() {
    let f = fixture();
    let mut h = workbench(&f.path, Board::Readiness);
    assert_eq!(h.state().board, Some(Board::Readiness));
    // Hide the gaps panel so that each finding shows once, on the board.
    h.state_mut().command(Command::ToggleGaps);
    h.run();

    let plan = &h.state().doc.plan;
    let score = readiness::readiness_text(plan, today());
    assert_ne!(score, "—");
    h.get_by_label(&score);
    h.get_by_label(readiness::FORMULA);

    h.get_by_label("Who owes what");
    let debts = readiness::who_owes(plan, &h.state().gaps().findings);
    let mo = debts
        .iter()
        .flat_map(|t| &t.debtors)
        .find(|d| d.person.as_deref() == Some("mo"))
        .expect("Mo owes something: the overdue brief");
    let label = readiness::debtor_label(mo);
    assert!(label.starts_with("Mo Chen ("), "{label}");
    h.get_by_label(&label);
    // The overdue task is listed under Mo, and opens the task.
    h.get_by_label_contains("Brief booth staff").click();
    h.run();
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Tasks);
}

#[test]
fn in_edit_mode_a_click_on_a_cell_links_the_message_and_undo_unlinks_it() {
    let f = fixture();
    let mut h = workbench(&f.path, Board::MessageMap);
    h.get_by_label("Edit by clicking").click();
    h.run();
    // The cell of "Cut readmissions by 20%" in the "Labs" column.
    let x = h.get_by_label("No message for Labs").rect().center().x;
    let y = h.get_by_label("Cut readmissions by 20%").rect().center().y;
    let pos = egui::pos2(x, y);
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(
        h.state().doc.plan.messages[0].segments,
        vec!["Hospitals".to_owned(), "Labs".to_owned()]
    );
    assert!(h.query_by_label("No message for Labs").is_none());
    assert_eq!(
        h.state().board,
        Some(Board::MessageMap),
        "editing stays on the board"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.plan.messages[0].segments,
        vec!["Hospitals".to_owned()]
    );
}

/// The example plan's workbench at `size` on `board`, the gaps panel shown or not.
fn example_board(
    size: [f32; 2],
    board: Board,
    gaps_panel: bool,
) -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    let app = crate::support::open(&path, crate::support::feb_15());
    let mut h = crate::support::drive(Harness::builder().with_size(size), app);
    h.run();
    h.state_mut().command(Command::Show(board));
    if !gaps_panel {
        h.state_mut().command(Command::ToggleGaps);
    }
    h.run();
    (dir, h)
}

#[test]
fn legends_are_one_line_on_the_presentation_canvas() {
    // 1120 points for the board, the navigation beside it, the gaps panel hidden.
    let size = [1320.0, 630.0];
    for (board, entries) in [
        (
            Board::MessageMap,
            &["Listed", "Via segment", "No message"][..],
        ),
        (
            Board::Schedule,
            &[
                "✔ Held",
                "Confirmed",
                "Requested",
                "Proposed",
                "Not held",
                "Clash",
            ][..],
        ),
        (
            Board::LeadFlow,
            &[
                "Sales",
                "Marketing",
                "Leadership",
                "entry",
                "end",
                "hand-off to sales",
            ][..],
        ),
    ] {
        let (_dir, h) = example_board(size, board, false);
        let rects: Vec<egui::Rect> = entries
            .iter()
            .map(|e| {
                h.get_all_by_label(e)
                    .map(|n| n.rect())
                    .min_by(|a, b| a.top().total_cmp(&b.top()))
                    .expect("a legend entry")
            })
            .collect();
        let first = rects[0];
        for (e, r) in entries.iter().zip(&rects) {
            assert!(
                (r.center().y - first.center().y).abs() < 1.0,
                "{board:?}: {e} at {r:?}, first at {first:?}"
            );
            assert!(r.right() <= size[0], "{board:?}: {e} runs off at {r:?}");
        }
    }
}

/// The readiness board of the example plan at `size` (the gaps panel shown or not): every
/// area's bar, and every line of who owes what, with the window's rectangle.
fn readiness_at(size: [f32; 2], gaps_panel: bool) -> (Vec<egui::Rect>, Vec<egui::Rect>) {
    let (_dir, h) = example_board(size, Board::Readiness, gaps_panel);
    let bars: Vec<egui::Rect> = h
        .get_all_by_role(Role::ProgressIndicator)
        .map(|n| n.rect())
        .collect();
    let plan = &h.state().doc.plan;
    let debts = readiness::who_owes(plan, &h.state().gaps().findings);
    let mut lines = vec![h.get_by_label("Who owes what").rect()];
    for d in debts.iter().flat_map(|t| &t.debtors) {
        // "Nobody named yet" heads a list in more than one team.
        lines.extend(
            h.get_all_by_label(&readiness::debtor_label(d))
                .map(|n| n.rect()),
        );
        for &i in &d.findings {
            let f = &h.state().gaps().findings[i];
            // The board's line, left of the gaps panel's.
            let on_board = h
                .get_all_by_label(&f.message)
                .map(|n| n.rect())
                .min_by(|a, b| a.left().total_cmp(&b.left()))
                .expect("the gap is listed");
            lines.push(on_board);
        }
    }
    (bars, lines)
}

#[test]
fn readiness_fits_one_screen_with_bars_of_one_length() {
    // The presentation canvas (1120 by 630 points, the navigation beside it), and a laptop
    // with both panels shown.
    for (size, gaps_panel) in [([1320.0, 630.0], false), (crate::support::SIZE, true)] {
        let (bars, lines) = readiness_at(size, gaps_panel);
        assert_eq!(bars.len(), 7, "a bar per area");
        let width = bars[0].width();
        assert!(width > 40.0, "{width}");
        for b in &bars {
            assert!((b.width() - width).abs() < 0.5, "{size:?}: {bars:?}");
            assert!(
                (b.left() - bars[0].left()).abs() < 0.5,
                "{size:?}: {bars:?}"
            );
        }
        // Every line of who owes what is on screen, above the status bar.
        for r in &lines {
            assert!(
                r.bottom() <= size[1] - 20.0,
                "{size:?}: {r:?} is below the fold"
            );
            assert!(
                r.right() <= size[0] + 0.5,
                "{size:?}: {r:?} runs off the side"
            );
        }
    }
}
