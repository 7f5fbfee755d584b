//! "Today" in the window: set from the View menu (or `--today`), it decides overdue tasks as
//! `preshow check --today` does, so the window and the command line find the same gaps.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Workbench};
use preshow::check;
use preshow::model::{Date, Section};
use std::collections::BTreeMap;

fn date(text: &str) -> Date {
    text.parse().expect("a date")
}

/// Each finding as its rule, section, item and message, counted.
type Census = BTreeMap<(String, Section, Option<String>, String), usize>;

fn census<'a>(findings: impl IntoIterator<Item = &'a check::Finding>) -> Census {
    let mut out = Census::new();
    for f in findings {
        let key = (
            f.rule.to_string(),
            f.section,
            f.id.clone(),
            f.message.clone(),
        );
        *out.entry(key).or_default() += 1;
    }
    out
}

/// Waits for the checker to catch up with the plan.
fn settle(h: &mut Harness<'static, Workbench>) {
    for _ in 0..200 {
        h.run();
        if h.state().gaps().revision == h.state().doc.revision {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn with_today_set_the_window_finds_what_check_finds() {
    let (_dir, mut h) = crate::support::example();
    for day in ["2027-02-15", "2027-03-10", "2026-11-01"] {
        h.state_mut().command(Command::SetToday(Some(date(day))));
        h.run();
        settle(&mut h);
        assert_eq!(h.state().today(), date(day));
        let plan = h.state().doc.plan.clone();
        let expected = census(&check::check(&plan, date(day)));
        assert_eq!(census(&h.state().gaps().findings), expected, "on {day}");
    }
    // The dates above do disagree about overdue tasks, so the date is really used.
    let plan = h.state().doc.plan.clone();
    let overdue = |day: &str| {
        check::check(&plan, date(day))
            .iter()
            .filter(|f| f.rule == "task-overdue")
            .count()
    };
    assert_ne!(overdue("2026-11-01"), overdue("2027-03-10"));
}

#[test]
fn today_is_set_from_the_view_menu() {
    let (_dir, mut h) = crate::support::example();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Set today…").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "Date (YYYY-MM-DD)");
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Date (YYYY-MM-DD)")
        .type_text("2027-03-10");
    h.run();
    h.get_by_label("Use this date").click();
    h.run();
    assert_eq!(h.state().today(), date("2027-03-10"));
    assert!(h.state().dialog.is_none());
    assert!(h.query_by_label_contains("Today: Wed 10 Mar").is_some());

    // A date that is not one is refused with a word why, and changes nothing.
    h.state_mut().command(Command::ChooseToday);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Date (YYYY-MM-DD)")
        .focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Date (YYYY-MM-DD)")
        .type_text("2027-02-30");
    h.run();
    h.get_by_label("Use this date").click();
    h.run();
    assert!(h.state().dialog.is_some());
    assert!(h.query_by_label_contains("Not a date").is_some());
    assert_eq!(h.state().today(), date("2027-03-10"));
}
