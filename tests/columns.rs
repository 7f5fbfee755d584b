//! The list tables' columns as a user sees them on the example plan: the columns that matter
//! whole and in view at 1440×900 and on a small screen, the least important ones left out when
//! the width runs out (their values still in the editor and read out with the row), and a long
//! cell cut with "…" and shown whole on hover.

use egui::accesskit::Role;
use egui::epaint::{Shape, TextShape};
use egui::{Pos2, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::{Command, Workbench};
use preshow::model::Section;

/// A piece of text painted in the last frame: where, and whether it was cut short with "…".
struct Painted {
    rect: Rect,
    elided: bool,
}

fn collect(shape: &Shape, text: &str, out: &mut Vec<Painted>) {
    match shape {
        Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, text, out)),
        Shape::Text(TextShape { pos, galley, .. }) if galley.text() == text => {
            out.push(Painted {
                rect: Rect::from_min_size(*pos, galley.size()),
                elided: galley.elided,
            });
        }
        _ => {}
    }
}

/// Every place `text` (in full: a cut galley keeps its whole text) was painted, left to right.
fn painted(h: &Harness<'static, Workbench>, text: &str) -> Vec<Painted> {
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        // Text clipped away entirely is not seen.
        if clipped.clip_rect.is_positive() {
            collect(&clipped.shape, text, &mut out);
        }
    }
    out.sort_by(|a, b| a.rect.min.x.total_cmp(&b.rect.min.x));
    out
}

fn go(h: &mut Harness<'static, Workbench>, section: Section) {
    h.state_mut().command(Command::GoTo(section));
    h.run();
}

/// The part of the table on screen, from a row (a row's rect is its visible part).
fn table(h: &Harness<'static, Workbench>, row: &str) -> Rect {
    h.query_all_by_role_and_label(Role::Row, row)
        .next()
        .map_or(Rect::NOTHING, |n| n.rect())
}

/// Whether `text` is painted whole as a column header (just above the first row) within the
/// table's visible width.
fn header_whole(h: &Harness<'static, Workbench>, text: &str, table: Rect) -> bool {
    painted(h, text).iter().any(|p| {
        !p.elided
            && p.rect.max.y <= table.min.y
            && p.rect.min.y > table.min.y - 3.0 * table.height()
            && p.rect.min.x >= table.min.x
            && p.rect.max.x <= table.max.x
    })
}

#[test]
fn at_1440_the_columns_that_matter_are_whole_and_in_view() {
    let (_dir, mut h) = crate::support::example();
    let plan = h.state().doc.plan.clone();
    let first = |section: Section| match section {
        Section::Meetings => plan
            .meetings
            .first()
            .map(|m| preshow::model::human::date_time(m.start, plan.year())),
        Section::Tasks => plan.tasks.first().map(|t| t.title.clone()),
        _ => plan.accounts.first().map(|a| a.name.clone()),
    };
    for (section, header) in [
        (Section::Meetings, "Status"),
        (Section::Meetings, "Account"),
        (Section::Tasks, "Due"),
        (Section::Tasks, "Owner"),
        (Section::Accounts, "Marketing owner"),
        (Section::Accounts, "Sales owner"),
    ] {
        go(&mut h, section);
        let row = first(section).unwrap_or_default();
        let table = table(&h, &row);
        assert!(
            header_whole(&h, header, table),
            "{header} is whole and within the table ({table:?}) in {section:?}"
        );
    }

    // The dates and statuses are whole too, in every row on screen.
    go(&mut h, Section::Meetings);
    let confirmed = painted(&h, "Confirmed");
    assert!(confirmed.len() > 5, "statuses are painted");
    assert!(confirmed.iter().all(|p| !p.elided), "and whole");
    go(&mut h, Section::Tasks);
    let due = plan
        .tasks
        .first()
        .and_then(|t| t.due)
        .map(|d| preshow::model::human::date(d, plan.year()))
        .unwrap_or_default();
    let cells = painted(&h, &due);
    assert!(
        !cells.is_empty() && cells.iter().all(|p| !p.elided),
        "{due} is whole"
    );
}

#[test]
fn on_a_small_screen_the_least_important_columns_give_way() {
    let (dir, _) = crate::support::example();
    let path = dir.path().join("plan.ron");
    // The canvas of presentation mode, with the navigation and gaps panels open.
    let builder = Harness::builder().with_size([1120.0, 630.0]);
    let app = crate::support::open(&path, crate::support::feb_15());
    let mut h = crate::support::drive(builder, app);
    h.run();
    go(&mut h, Section::Accounts);
    let account = h.state().doc.plan.accounts.first().cloned();
    let Some(account) = account else {
        panic!("the example has accounts");
    };
    // Still there: the name, and both owners whole.
    let row = h.get_by_label(&account.name);
    let table = row.rect();
    for header in ["Name", "Sales owner", "Marketing owner"] {
        assert!(
            painted(&h, header)
                .iter()
                .any(|p| p.rect.min.x >= table.min.x && p.rect.max.x <= table.max.x),
            "{header} stays in view ({table:?})"
        );
    }
    // Gone: the segment and the messages, and the count says so.
    for header in ["Segment", "Messages"] {
        let in_table = painted(&h, header)
            .iter()
            .any(|p| p.rect.max.y <= table.min.y && p.rect.min.x < table.max.x);
        assert!(!in_table, "{header} gave way");
    }
    assert!(
        h.query_by_label_contains("columns not shown").is_some(),
        "the toolbar says columns are left out"
    );
    // A left-out value is still read out with the row, and the editor has it.
    let said = row.accesskit_node().description().unwrap_or_default();
    let segment = account.segment.clone().unwrap_or_default();
    assert!(
        said.contains(&format!("Segment: {segment}")),
        "the row reads out its segment: {said}"
    );
    let editor_segment = h
        .query_all_by_value(&segment)
        .any(|n| n.rect().min.x >= table.max.x);
    assert!(
        editor_segment,
        "the editor beside the table shows {segment}"
    );
}

#[test]
fn a_long_definition_ends_in_an_ellipsis_and_shows_whole_on_hover() {
    let (_dir, mut h) = crate::support::example();
    go(&mut h, Section::Terms);
    let term = h.state().doc.plan.terms.first().cloned();
    let Some(term) = term else {
        panic!("the example has terms");
    };
    let definition = term.definition.replace('\n', " ");
    let row = h
        .query_all_by_label_contains(&term.term)
        .find(|n| n.accesskit_node().role() == Role::Row)
        .map(|n| n.rect());
    let Some(row) = row else {
        panic!("a row for {}", term.term);
    };
    let cells = painted(&h, &definition);
    let cell = cells.first();
    assert!(
        cell.is_some_and(|c| c.elided && c.rect.max.x <= row.max.x),
        "the definition is cut with … inside the table"
    );
    let before = h.query_all_by_label(&definition).count();
    let at = cell.map_or(row.center(), |c| c.rect.center());
    h.hover_at(Pos2::new(at.x, row.center().y));
    for _ in 0..8 {
        h.step();
    }
    let after = h.query_all_by_label(&definition).count();
    assert_eq!(after, before + 1, "one tooltip shows the whole definition");
}

/// A name column dragged wider than the table makes it scroll sideways; the names stay in view.
#[test]
fn the_first_column_stays_in_view_when_the_table_scrolls_sideways() {
    let (_dir, mut h) = crate::support::example();
    go(&mut h, Section::Accounts);
    let name = h
        .state()
        .doc
        .plan
        .accounts
        .first()
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let before = table(&h, &name);
    let handle = h
        .get_by_role_and_label(Role::Splitter, "Resize Name")
        .rect();
    let edge = Pos2::new(handle.center().x, handle.top() + 10.0);
    crate::support::drag(&mut h, edge, Pos2::new(before.max.x + 400.0, edge.y));
    assert!(
        painted(&h, "Marketing owner")
            .iter()
            .all(|p| p.rect.min.x > before.max.x),
        "the owners are pushed past the right edge, though squeezed"
    );

    // Scrolled sideways to the end, the owners come into view and the name stays put.
    h.hover_at(before.center());
    h.run();
    for _ in 0..4 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-400.0, 0.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        h.run();
    }
    let table = table(&h, &name);
    // (Squeezed to a few letters by the wide name column, so cut with "…".)
    let owners_in_view = painted(&h, "Marketing owner")
        .iter()
        .any(|p| p.rect.min.x > table.min.x && p.rect.max.x <= table.max.x);
    assert!(owners_in_view, "the owners scrolled into view");
    let shown = painted(&h, &name);
    let cell = shown.first();
    assert!(
        cell.is_some_and(|c| c.rect.min.x >= table.min.x && c.rect.min.x < table.min.x + 60.0),
        "{name} is still at the left of the table: {:?} in {table:?}",
        cell.map(|c| c.rect)
    );
    assert!(header_whole(&h, "Name", table), "and so is its header");
}
