//! The workbench driven headlessly through its real UI with egui_kittest: click labelled
//! widgets, type, press shortcuts, and assert on the plan.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Signer, Workbench};
use preshow::model::{Date, Section};
use std::path::{Path, PathBuf};

const PLAN: &str = include_str!("fixtures/app/plan.ron");

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

fn workbench(path: &Path) -> Harness<'static, Workbench> {
    crate::support::workbench(path, crate::support::feb_1())
}

fn go(h: &mut Harness<'static, Workbench>, section: Section) {
    h.state_mut().command(Command::GoTo(section));
    h.run();
}

fn rules_on(h: &Harness<'static, Workbench>, section: Section, id: &str) -> Vec<&'static str> {
    let index = h
        .state()
        .doc
        .plan
        .ids(section)
        .iter()
        .position(|x| *x == id);
    h.state()
        .gaps()
        .findings
        .iter()
        .filter(|f| f.section == section && f.index == index)
        .map(|f| f.rule.as_str())
        .collect()
}

#[test]
fn assigning_an_owner_closes_the_gap() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Accounts);
    assert!(rules_on(&h, Section::Accounts, "beta").contains(&"account-without-owner"));

    h.get_by_label("Beta Clinics").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Sales owner")
        .click();
    h.run();
    h.get_by_label("Bo Lind").click();
    h.run();

    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));
    assert!(!rules_on(&h, Section::Accounts, "beta").contains(&"account-without-owner"));
    assert!(h.state().doc.is_dirty());
    assert!(
        h.state().title().starts_with("● plan.ron"),
        "{}",
        h.state().title()
    );
}

#[test]
fn undo_and_redo_one_finished_edit() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Accounts);
    h.get_by_label("Beta Clinics").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Sales owner")
        .click();
    h.run();
    h.get_by_label("Bo Lind").click();
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].owner, None);
    assert!(!h.state().doc.is_dirty(), "undo back to the saved plan");

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));
}

#[test]
fn typing_a_name_is_one_undo_step() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Accounts);
    h.get_by_label("Beta Clinics").click();
    h.run();
    let name = h.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    name.type_text(" Group");
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].name, "Beta Clinics Group");
    // Leave the field: the edit is finished.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].name, "Beta Clinics");
}

#[test]
fn a_clashing_meeting_shows_the_conflict() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Meetings);
    h.get_by_label("+ Add meeting").click();
    h.run();
    assert_eq!(h.state().doc.plan.meetings.len(), 2);

    let start = h.get_by_role_and_label(Role::TextInput, "Start");
    start.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let start = h.get_by_role_and_label(Role::TextInput, "Start");
    start.type_text("2027-03-09T10:30");
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "People").click();
    h.run();
    h.get_by_label("Ana Ruiz · Sales").click();
    h.run();

    let m = &h.state().doc.plan.meetings[1];
    assert_eq!(m.start.to_string(), "2027-03-09T10:30");
    assert_eq!(m.people, vec!["ana".to_owned()]);
    let id = m.id.clone();
    assert!(
        rules_on(&h, Section::Meetings, &id).contains(&"person-double-booked"),
        "{:?}",
        h.state().gaps().findings
    );
}

#[test]
fn signing_off_a_message_pins_its_text() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Messages);
    assert!(rules_on(&h, Section::Messages, "roi").contains(&"message-not-agreed"));
    // Nobody is at the keyboard yet: the first sign-off asks who, then goes ahead as them.
    h.get_by_label("Sign off").click();
    h.run();
    assert!(h.state().doc.plan.messages[0].signoffs.is_empty());
    h.get_by_label("Who are you?");
    h.get_by_label("Ana Ruiz").click();
    h.run();

    let m = &h.state().doc.plan.messages[0];
    assert_eq!(m.signoffs.len(), 1);
    assert_eq!(m.signoffs[0].by, "ana");
    assert_eq!(m.signoffs[0].entered_by, None, "signed by herself");
    assert_eq!(m.signoffs[0].on.to_string(), "2027-02-01");
    assert_eq!(
        m.signoffs[0].fingerprint,
        Some(preshow::model::fingerprint::Signable::fingerprint(m))
    );
    assert!(!rules_on(&h, Section::Messages, "roi").contains(&"message-not-agreed"));

    // The sign-off was one undo step of its own.
    h.state_mut().command(Command::Undo);
    h.run();
    assert!(h.state().doc.plan.messages[0].signoffs.is_empty());
}

/// Signing is a command: queued by the sign-off widget (or anyone), run at the end of the frame
/// with the app's date, replacing the signer's earlier sign-off, undone in one step.
#[test]
fn signing_off_is_a_command_undone_in_one_step() {
    let f = fixture();
    let mut h = workbench(&f.path);
    let before = h.state().doc.plan.clone();
    let sign = Command::SignOff {
        section: Section::Messages,
        id: "roi".to_owned(),
        by: Signer::Person("ana".to_owned()),
    };
    h.state_mut().command(sign.clone());
    assert_eq!(h.state().doc.plan, before, "queued, not run");
    h.run();
    // Who enters it is asked first.
    assert_eq!(
        h.state().doc.plan,
        before,
        "nothing recorded before the answer"
    );
    h.get_by_label("Ana Ruiz").click();
    h.run();
    h.state_mut().command(sign);
    h.run();
    let m = &h.state().doc.plan.messages[0];
    assert_eq!(m.signoffs.len(), 1, "a second sign-off replaces the first");
    assert_eq!(m.signoffs[0].on.to_string(), "2027-02-01");
    assert_eq!(
        m.signoffs[0].fingerprint,
        Some(preshow::model::fingerprint::Signable::fingerprint(m))
    );
    h.state_mut().command(Command::Undo);
    h.run();
    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan, before);
}

#[test]
fn deleting_a_person_who_owns_accounts_asks_first() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::People);
    h.get_by_label("Ana Ruiz").click();
    h.run();
    h.get_by_label("Delete…").click();
    h.run();
    assert_eq!(
        h.state().doc.plan.people.len(),
        3,
        "nothing deleted before the answer"
    );
    h.get_by_label("Delete and clear the references").click();
    h.run();

    let plan = &h.state().doc.plan;
    assert_eq!(plan.people.len(), 2);
    assert_eq!(plan.accounts[0].owner, None);
    assert!(plan.meetings[0].people.is_empty());
    assert!(rules_on(&h, Section::Accounts, "acme").contains(&"account-without-owner"));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan.people.len(), 3);
    assert_eq!(h.state().doc.plan.accounts[0].owner.as_deref(), Some("ana"));
}

#[test]
fn a_broken_file_keeps_the_current_plan() {
    let f = fixture();
    let broken = f.path.with_file_name("broken.ron");
    std::fs::write(
        &broken,
        "(\n  format: 1,\n  event: (name: \"X\", starts: \"2027-02-30\", ends: \"2027-03-01\"),\n)",
    )
    .expect("write");
    let mut h = workbench(&f.path);
    let before = h.state().doc.plan.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    let path = h.get_by_role_and_label(Role::TextInput, "Path");
    path.focus();
    path.type_text(&broken.display().to_string());
    h.run();
    h.get_by_label("Open").click();
    h.run();

    assert_eq!(h.state().doc.plan, before);
    assert_eq!(h.state().doc.path.as_deref(), Some(f.path.as_path()));
    let status = h.state().status.clone().expect("a status");
    assert!(status.problem);
    assert!(
        status.text.starts_with(&format!("{}:3:", broken.display())),
        "{}",
        status.text
    );
    assert!(
        h.query_all_by_label_contains("not a day on the calendar")
            .count()
            >= 2,
        "shown in the dialog and the status bar"
    );
}

#[test]
fn unsaved_edits_are_not_lost_to_open() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Accounts);
    h.get_by_label("Beta Clinics").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "Sales owner")
        .click();
    h.run();
    h.get_by_label("Bo Lind").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().doc.plan.accounts[1].owner.as_deref(), Some("bo"));

    // Saving writes the file, and then Open goes ahead without asking.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().doc.is_dirty());
    let saved = preshow::format::load_file(&f.path)
        .expect("saved plan loads")
        .plan;
    assert_eq!(saved.accounts[1].owner.as_deref(), Some("bo"));
}

#[test]
fn every_section_draws_with_its_items() {
    let f = fixture();
    let mut h = workbench(&f.path);
    for section in [
        Section::Event,
        Section::People,
        Section::Objectives,
        Section::Terms,
        Section::Scoring,
        Section::Accounts,
        Section::Meetings,
        Section::Messages,
        Section::Stages,
        Section::Handoffs,
        Section::Tasks,
    ] {
        go(&mut h, section);
        assert_eq!(h.state().section, section);
    }
    go(&mut h, Section::Accounts);
    assert!(h.query_by_label("Acme Hospitals").is_some());
}

#[test]
fn a_new_item_takes_its_id_from_the_name_typed() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Accounts);
    h.get_by_label("+ Add account").click();
    h.run();

    // The placeholder name is selected: typing replaces it.
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Name")
            .is_focused(),
        "the new item's name has the keyboard"
    );
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Zeta Labs");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let a = h.state().doc.plan.accounts.last().expect("added").clone();
    assert_eq!(a.name, "Zeta Labs");
    assert_eq!(a.id, "zeta-labs");

    // An id typed by hand is kept, and renaming it follows every reference.
    go(&mut h, Section::People);
    h.get_by_label("Ana Ruiz").click();
    h.run();
    let id = h.get_by_role_and_label(Role::TextInput, "Id");
    id.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Id")
        .type_text("ana-ruiz");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let plan = &h.state().doc.plan;
    assert_eq!(plan.people[0].id, "ana-ruiz");
    assert_eq!(plan.accounts[0].owner.as_deref(), Some("ana-ruiz"));
    assert_eq!(plan.meetings[0].people, vec!["ana-ruiz".to_owned()]);
}

/// Renaming an id is a command like any other: queued, run at the end of the frame, and undone
/// as one step.
#[test]
fn renaming_an_id_is_a_command_undone_in_one_step() {
    let f = fixture();
    let mut h = workbench(&f.path);
    let before = h.state().doc.plan.clone();
    h.state_mut().command(Command::RenameId {
        section: Section::People,
        old: "ana".to_owned(),
        new: "ana-ruiz".to_owned(),
    });
    // Queued, not run: the plan changes at the end of the next frame.
    assert_eq!(h.state().doc.plan, before);
    h.run();
    let plan = &h.state().doc.plan;
    assert_eq!(plan.people[0].id, "ana-ruiz");
    assert_eq!(plan.accounts[0].owner.as_deref(), Some("ana-ruiz"));
    assert_eq!(plan.meetings[0].people, vec!["ana-ruiz".to_owned()]);
    assert!(h.state().doc.is_dirty());
    let status = h.state().status.as_ref().map(|s| s.text.as_str());
    assert_eq!(
        status,
        Some("Renamed the id \"ana\" to \"ana-ruiz\" everywhere")
    );

    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan, before);
    h.state_mut().command(Command::Redo);
    h.run();
    assert_eq!(h.state().doc.plan.people[0].id, "ana-ruiz");
}

/// A new item's id follows its name in the same undo step as the name: one undo takes both back.
#[test]
fn a_new_items_id_follows_its_name_in_one_undo_step() {
    let f = fixture();
    let mut h = workbench(&f.path);
    go(&mut h, Section::Accounts);
    h.get_by_label("+ Add account").click();
    h.run();
    let added = h.state().doc.plan.accounts.last().expect("added").clone();
    h.get_by_role_and_label(Role::TextInput, "Name")
        .type_text("Zeta Labs");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let named = h.state().doc.plan.accounts.last().expect("added").clone();
    assert_eq!(
        (named.name.as_str(), named.id.as_str()),
        ("Zeta Labs", "zeta-labs")
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let undone = h
        .state()
        .doc
        .plan
        .accounts
        .last()
        .expect("still added")
        .clone();
    assert_eq!(undone, added);
}

/// What README promises a newcomer: open the example, fix three gaps from the gaps panel,
/// save, and `preshow check` agrees with the workbench.
#[test]
fn a_newcomer_fixes_three_gaps_and_check_agrees() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("show.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write example");
    let mut h = workbench(&path);
    h.state_mut()
        .set_today(Date::from_ymd(2027, 2, 15).expect("valid date"));
    h.run();
    let before = h.state().gaps().summary();

    // 1. An account without a marketing owner: click the gap, pick one.
    h.get_by_label_contains("has no marketing owner").click();
    h.run();
    assert_eq!(h.state().section, Section::Accounts);
    h.get_by_role_and_label(Role::ComboBox, "Marketing owner")
        .click();
    h.run();
    h.get_by_label("Yuki Tanaka · Demand generation manager")
        .click();
    h.run();
    let zephyr = h
        .state()
        .doc
        .plan
        .accounts
        .iter()
        .find(|x| x.id == "zephyr-coatings");
    assert_eq!(
        zephyr.and_then(|x| x.marketing_owner.as_deref()),
        Some("yuki")
    );

    // 2. A message Sales has not agreed to: click the gap, sign off as a Sales person.
    h.get_by_label_contains("is not signed off by Sales")
        .click();
    h.run();
    assert_eq!(h.state().section, Section::Messages);
    h.get_by_label("Sign for someone else…").click();
    h.run();
    h.get_by_label("Lena Hoffmann").click();
    h.run();
    // Who records it is asked once; then it is Lena's agreement, entered by Yuki.
    h.get_by_label("Yuki Tanaka").click();
    h.run();
    assert!(
        h.state()
            .doc
            .plan
            .messages
            .iter()
            .any(|m| m.id == "energy" && m.signoffs.iter().any(|s| s.by == "lena"))
    );

    // 3. An overdue task: mark it done.
    h.get_by_label_contains("was due on").click();
    h.run();
    assert_eq!(h.state().section, Section::Tasks);
    h.get_by_role_and_label(Role::CheckBox, "Done").click();
    h.run();
    assert!(
        h.state()
            .doc
            .plan
            .tasks
            .iter()
            .any(|t| t.id == "badge-scanners" && t.done)
    );

    let after = h.state().gaps().summary();

    assert_eq!(
        after.error + after.warning,
        before.error + before.warning - 3,
        "{before} then {after}"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().doc.is_dirty());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(["check", "--format", "json", "--today", "2027-02-15"])
        .arg(&path)
        .output()
        .expect("check runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["summary"]["error"].as_u64(), Some(after.error as u64));
    assert_eq!(
        doc["summary"]["warning"].as_u64(),
        Some(after.warning as u64)
    );
    assert_eq!(doc["summary"]["info"].as_u64(), Some(after.info as u64));
}
