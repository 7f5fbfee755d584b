//! Every value typed is kept: number fields take what is typed whole, with frames (and so
//! re-layouts) between the keys, and apply it on Enter or on leaving the field.

use egui::accesskit::Role;
use egui::{Event, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Workbench};
use preshow::model::Section;

fn example() -> (tempfile::TempDir, Harness<'static, Workbench>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    let h = crate::support::workbench(&path, crate::support::feb_15());
    (dir, h)
}

/// Types `text` one character at a time, with a few frames after each, as a person types.
fn type_slowly(h: &mut Harness<'static, Workbench>, text: &str) {
    for c in text.chars() {
        h.event(Event::Text(c.to_string()));
        for _ in 0..4 {
            h.run();
        }
    }
}

fn sla_of(h: &Harness<'static, Workbench>, index: usize) -> Option<i64> {
    h.state().doc.plan.handoffs[index].sla_hours
}

/// The issue as seen: click the SLA (72 h), type `2`, wait, type `4`: the SLA is 24, not 2.
#[test]
fn an_sla_typed_with_pauses_keeps_every_digit() {
    let (_dir, mut h) = example();
    let index = h
        .state()
        .doc
        .plan
        .handoffs
        .iter()
        .position(|x| x.sla_hours == Some(72))
        .expect("a handoff of 72 h");
    h.state_mut().command(Command::Reveal(
        Section::Handoffs,
        Some(index),
        Some("sla_hours"),
    ));
    h.run();
    h.get_by_role_and_label(Role::SpinButton, "SLA").click();
    h.run();
    type_slowly(&mut h, "2");
    // Nothing applies mid-typing, so nothing re-lays out under the field.
    assert_eq!(sla_of(&h, index), Some(72));
    type_slowly(&mut h, "4");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(sla_of(&h, index), Some(24));

    // One undo step for the whole value.
    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(sla_of(&h, index), Some(72));
}

/// Leaving the field (Tab) applies what was typed, as Enter does.
#[test]
fn a_number_applies_when_the_field_is_left() {
    let (_dir, mut h) = example();
    let index = 0;
    h.state_mut().command(Command::Reveal(
        Section::Handoffs,
        Some(index),
        Some("sla_hours"),
    ));
    h.run();
    h.get_by_role_and_label(Role::SpinButton, "SLA").click();
    h.run();
    type_slowly(&mut h, "36");
    h.key_press(Key::Tab);
    h.run();
    assert_eq!(sla_of(&h, index), Some(36));
}

/// Selects all of the focused text field's text, so what is typed next replaces it.
fn select_all(h: &mut Harness<'static, Workbench>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
}

/// A name typed slowly lands whole, though the list, the id and the gaps follow it as it goes.
#[test]
fn a_name_typed_with_pauses_keeps_every_letter() {
    let (_dir, mut h) = example();
    h.state_mut()
        .command(Command::Reveal(Section::Accounts, Some(0), Some("name")));
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    select_all(&mut h);
    type_slowly(&mut h, "Zeta Labs");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.plan.accounts[0].name, "Zeta Labs");
}

/// A meeting's start typed slowly lands whole: the time is not cut off by a re-layout once the
/// date alone reads as valid.
#[test]
fn a_start_typed_with_pauses_keeps_every_digit() {
    let (_dir, mut h) = example();
    h.state_mut()
        .command(Command::Reveal(Section::Meetings, Some(0), Some("start")));
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Start").focus();
    h.run();
    select_all(&mut h);
    type_slowly(&mut h, "2027-03-17T14:45");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.plan.meetings[0].start.to_string(),
        "2027-03-17T14:45"
    );
}
