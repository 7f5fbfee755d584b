//! The gap walk-through run from the keyboard alone, as with a presenter's clicker: F8 starts
//! it, each gap puts the keyboard in the field that fixes it, typing and Enter fix it, Page Down
//! moves on. No mouse event is sent in this file.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::Workbench;
use preshow::check::RuleId;

type H = Harness<'static, Workbench>;

fn current(h: &H) -> Option<(RuleId, Option<String>, String)> {
    let app = h.state();
    let walk = app.walk.as_ref()?;
    walk.current(app.gaps())
        .map(|f| (f.rule, f.id.clone(), f.message.clone()))
}

/// Types `text` into whatever has the keyboard, a frame per character.
fn type_slowly(h: &mut H, text: &str) {
    for c in text.chars() {
        h.event(Event::Text(c.to_string()));
        h.run();
    }
}

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

/// Lets the check catch up with an edit (the walk moves on after it; tests check at once).
fn settle(h: &mut H) {
    for _ in 0..3 {
        h.run();
    }
}

#[test]
fn every_gap_of_the_example_is_walked_by_keyboard_and_three_are_fixed() {
    let (_dir, mut h) = crate::support::example();
    let before: std::collections::BTreeSet<(RuleId, Option<String>)> = h
        .state()
        .gaps()
        .findings
        .iter()
        .map(|f| (f.rule, f.id.clone()))
        .collect();
    let total = before.len();
    assert!(total >= 8, "the example has gaps to walk: {total}");
    let mut shown = std::collections::BTreeSet::new();

    press(&mut h, Key::F8);
    let mut seen = 0;
    let mut fixed = Vec::new();
    while let Some((rule, id, message)) = current(&h) {
        seen += 1;
        shown.insert((rule, id.clone()));
        // A fix can open a gap of its own (a new SLA makes the handoff's sign-off stale).
        assert!(seen <= total + 3, "the walk goes round in circles");
        // The editor shows the gap's item, and the keyboard is in a field of it.
        let focused = h.ctx.memory(|m| m.focused());
        assert!(
            focused.is_some(),
            "{rule}: nothing has the keyboard for {message}"
        );
        let fix: Option<&str> = match rule.as_str() {
            // A number: type it, Enter keeps it.
            "handoff-sla-too-slow" => {
                type_slowly(&mut h, "24");
                press(&mut h, Key::Enter);
                Some("24 h")
            }
            // A date: select what is there, type a new one, Enter.
            "task-overdue" => {
                h.key_press_modifiers(Modifiers::COMMAND, Key::A);
                h.run();
                type_slowly(&mut h, "1 Mar");
                press(&mut h, Key::Enter);
                Some("due 1 Mar")
            }
            // A person: Enter opens the list with the keyboard in its search, Enter picks.
            "account-without-owner" => {
                press(&mut h, Key::Enter);
                type_slowly(&mut h, "sales");
                press(&mut h, Key::Enter);
                Some("a Sales owner")
            }
            _ => None,
        };
        match fix {
            Some(what) => {
                settle(&mut h);
                let still = h
                    .state()
                    .gaps()
                    .findings
                    .iter()
                    .any(|f| f.rule == rule && f.id == id);
                assert!(
                    !still,
                    "{rule} on {id:?} is still open after giving it {what}"
                );
                fixed.push(rule);
                // The walk moved on by itself; the next gap's field has the keyboard.
            }
            None => press(&mut h, Key::PageDown),
        }
    }
    let app = h.state();
    let walk = app.walk.as_ref().expect("the walk is still on");
    assert!(walk.finished, "the walk ended by showing every gap");
    assert_eq!(walk.closed, 3, "closed on the way: {fixed:?}");
    assert_eq!(walk.visited(), seen, "every gap was shown once");
    let missed: Vec<_> = before.difference(&shown).collect();
    assert!(missed.is_empty(), "gaps the walk never showed: {missed:?}");

    // The plan holds what was typed.
    let plan = &app.doc.plan;
    assert!(plan.handoffs.iter().any(|x| x.sla_hours == Some(24)));
    assert!(
        plan.tasks
            .iter()
            .any(|t| t.due.map(|d| d.to_string()) == Some("2027-03-01".into()))
    );
}

/// Leaving the gap's item for another view is fine, but the walk says so instead of "Fix it
/// below", and takes you back.
#[test]
fn the_walk_says_when_the_editor_shows_something_else() {
    let (_dir, mut h) = crate::support::example();
    press(&mut h, Key::F8);
    let (_, id, _) = current(&h).expect("walking");
    assert!(h.query_by_label_contains("Fix it below").is_some());
    h.state_mut()
        .command(preshow::app::Command::GoTo(preshow::model::Section::People));
    h.run();
    assert!(h.query_by_label_contains("Fix it below").is_none());
    h.get_by_label("The editor now shows something else.");
    h.get_by_label("Back to this gap").click();
    h.run();
    h.run();
    assert!(h.query_by_label_contains("Fix it below").is_some());
    let app = h.state();
    let section = app.section;
    let selected = app
        .selected(section)
        .and_then(|i| app.doc.plan.ids(section).get(i).map(|s| s.to_string()));
    assert_eq!(selected, id, "back on the gap's item");
}
