//! Every value typed is kept: number fields take what is typed whole, with frames (and so
//! re-layouts) between the keys, and apply it on Enter or on leaving the field.

use egui::accesskit::Role;
use egui::{Event, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Workbench};
use preshow::model::Section;

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
    let (_dir, mut h) = crate::support::example();
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
    let (_dir, mut h) = crate::support::example();
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

/// Opens `field` of item `index` of `section`, replaces the text of its text field (labelled
/// `label`) by typing `text` slowly, and presses Enter.
fn retype_slowly(
    h: &mut Harness<'static, Workbench>,
    (section, index, field): (Section, usize, &'static str),
    label: &str,
    text: &str,
) {
    h.state_mut()
        .command(Command::Reveal(section, Some(index), Some(field)));
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_slowly(h, text);
    h.key_press(Key::Enter);
    h.run();
}

/// A name typed slowly lands whole, though the list, the id and the gaps follow it as it goes.
#[test]
fn a_name_typed_with_pauses_keeps_every_letter() {
    let (_dir, mut h) = crate::support::example();
    retype_slowly(&mut h, (Section::Accounts, 0, "name"), "Name", "Zeta Labs");
    assert_eq!(h.state().doc.plan.accounts[0].name, "Zeta Labs");
}

/// A meeting's start typed slowly lands whole: the time is not cut off by a re-layout once the
/// date alone reads as valid.
#[test]
fn a_start_typed_with_pauses_keeps_every_digit() {
    let (_dir, mut h) = crate::support::example();
    retype_slowly(
        &mut h,
        (Section::Meetings, 0, "start"),
        "Start",
        "2027-03-17T14:45",
    );
    assert_eq!(
        h.state().doc.plan.meetings[0].start.to_string(),
        "2027-03-17T14:45"
    );
}

/// A meeting's start as people say it, typed that way, and picked on the calendar: the day and
/// the time each change without touching the other, and the file keeps ISO.
#[test]
fn a_start_reads_as_people_say_it_and_is_picked_on_a_calendar() {
    let (_dir, mut h) = crate::support::example();
    h.state_mut()
        .command(Command::Reveal(Section::Meetings, Some(0), Some("start")));
    h.run();
    let start = h.get_by_role_and_label(Role::TextInput, "Start");
    assert_eq!(start.value().as_deref(), Some("Tue 16 Mar, 09:30"));

    // Typed as people say it; it lands on leaving the field.
    start.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_slowly(&mut h, "17 Mar 2:15 pm");
    assert_eq!(
        h.state().doc.plan.meetings[0].start.to_string(),
        "2027-03-16T09:30",
        "nothing lands mid-typing"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.plan.meetings[0].start.to_string(),
        "2027-03-17T14:15"
    );

    // The calendar: another day keeps the time; a time from the list keeps the day.
    h.get_by_label("📅").click();
    h.run();
    h.get_by_label("18").click();
    h.run();
    assert_eq!(
        h.state().doc.plan.meetings[0].start.to_string(),
        "2027-03-18T14:15"
    );
    h.get_by_label("📅").click();
    h.run();
    h.get_by_label("10:45").click();
    h.run();
    assert_eq!(
        h.state().doc.plan.meetings[0].start.to_string(),
        "2027-03-18T10:45"
    );
    assert!(
        preshow::format::to_string(&h.state().doc.plan).contains("start: \"2027-03-18T10:45\""),
        "the file keeps ISO"
    );
}

/// The event's time zone: picked from every IANA zone by typing part of its name, or typed
/// freely; a misspelt one shows the check's finding under the field, naming the nearest zone.
#[test]
fn a_time_zone_is_picked_from_the_list_or_typed_and_a_misspelt_one_is_named() {
    let (_dir, mut h) = crate::support::example();
    h.state_mut()
        .command(Command::Reveal(Section::Event, None, Some("timezone")));
    h.run();
    h.get_by_label("☰").click();
    h.run();
    type_slowly(&mut h, "jerus");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.state().doc.plan.event.timezone.as_deref(),
        Some("Asia/Jerusalem")
    );

    let field = h.get_by_role_and_label(Role::TextInput, "Time zone");
    field.focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.run();
    type_slowly(&mut h, "Europe/Madird");
    assert_eq!(
        h.state().doc.plan.event.timezone.as_deref(),
        Some("Europe/Madird")
    );
    // The field is left, and the plan checked (on this thread: no waiting for the worker).
    h.key_press(Key::Tab);
    h.run();
    h.state_mut().check_now();
    h.run();
    let message = h
        .state()
        .gaps()
        .findings
        .iter()
        .find(|f| f.message.contains("Europe/Madird"))
        .map(|f| f.message.clone())
        .expect("the check names the zone as written");
    assert!(
        message.contains("which is not an IANA time zone (did you mean Europe/Madrid?)"),
        "{message}"
    );
    // Shown right under the field, word for word (besides the gaps panel).
    let field = h.get_by_role_and_label(Role::TextInput, "Time zone").rect();
    assert!(
        h.query_all_by_label(&message).any(|n| {
            let r = n.rect();
            r.top() >= field.bottom()
                && r.top() < field.bottom() + field.height()
                && r.left() < field.right()
        }),
        "the finding under the field"
    );
}
