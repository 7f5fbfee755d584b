//! Agreements are never broken by surprise: an edit that would make sign-offs stale says whose
//! first, sign-offs are entered by the person at the keyboard ("You are"), and recording someone
//! else's agreement says who entered it.

use crate::support::{drive, example, feb_15};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Settings, Workbench};
use preshow::model::Section;
use preshow::model::fingerprint::Signable;
use std::path::Path;

const WARNING: &str = "Changing this will need Lena Hoffmann and Yuki Tanaka to sign again";

fn handoff_index(h: &Harness<'static, Workbench>, id: &str) -> usize {
    h.state()
        .doc
        .plan
        .handoffs
        .iter()
        .position(|x| x.id == id)
        .expect("the handoff is in the example")
}

fn reveal(
    h: &mut Harness<'static, Workbench>,
    section: Section,
    index: usize,
    field: &'static str,
) {
    h.state_mut()
        .command(Command::Reveal(section, Some(index), Some(field)));
    h.run();
}

fn type_slowly(h: &mut Harness<'static, Workbench>, text: &str) {
    for c in text.chars() {
        h.event(egui::Event::Text(c.to_string()));
        h.run();
        h.run();
    }
}

/// The issue as seen: an SLA changed on a handoff Lena and Yuki signed made both sign-offs stale
/// with no warning. Now the field names them while the new value is typed, and once it lands
/// the sign-offs show as stale. A field outside the fingerprint (the id) warns of nothing.
#[test]
fn changing_a_signed_sla_names_who_must_sign_again_first() {
    let (_dir, mut h) = example();
    let i = handoff_index(&h, "mql-to-sal");
    reveal(&mut h, Section::Handoffs, i, "sla_hours");
    // Shown a gap, the field has the keyboard: the warning is there before anything is typed.
    assert!(
        h.query_by_label_contains(WARNING).is_some(),
        "the warning shows as the field takes the keyboard"
    );
    assert_eq!(h.state().doc.plan.handoffs[i].sla_hours, Some(72));

    h.get_by_role_and_label(Role::SpinButton, "SLA").click();
    h.run();
    type_slowly(&mut h, "48");
    // Before the value lands: the plan is as it was, and the field says who would sign again.
    assert_eq!(h.state().doc.plan.handoffs[i].sla_hours, Some(72));
    h.get_by_label(&format!("⚠ {WARNING}"));
    assert_eq!(h.query_all_by_label("⚠ stale").count(), 0);

    h.key_press(Key::Enter);
    h.run();
    let handoff = &h.state().doc.plan.handoffs[i];
    assert_eq!(handoff.sla_hours, Some(48));
    assert!(handoff.signoffs.iter().all(|s| !handoff.is_current(s)));
    // The item shows both sign-offs as stale, and there is nothing left to warn of.
    assert_eq!(h.query_all_by_label("⚠ stale").count(), 2);
    assert_eq!(h.query_all_by_label("Re-sign").count(), 2);
    assert!(h.query_by_label_contains(WARNING).is_none());

    // Undone, the sign-offs hold again; the id is not pinned, so working in it warns of nothing.
    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan.handoffs[i].sla_hours, Some(72));
    assert_eq!(h.query_all_by_label("⚠ stale").count(), 0);
    h.get_by_role_and_label(Role::TextInput, "Id").click();
    h.run();
    assert!(
        h.query_by_label_contains("Changing this will need")
            .is_none()
    );
    h.get_by_role_and_label(Role::TextInput, "Trigger").click();
    h.run();
    h.get_by_label(&format!("⚠ {WARNING}"));
    // Text lands as it is typed: the first letter makes the sign-offs stale, and the warning
    // stays while the field has the focus, so the form does not jump under the typing.
    h.key_press(Key::End);
    h.run();
    type_slowly(&mut h, "!");
    let handoff = &h.state().doc.plan.handoffs[i];
    assert!(handoff.trigger.ends_with('!'));
    assert!(handoff.signoffs.iter().all(|s| !handoff.is_current(s)));
    h.get_by_label(&format!("⚠ {WARNING}"));
    h.get_by_role_and_label(Role::TextInput, "Id").click();
    h.run();
    assert!(
        h.query_by_label_contains("Changing this will need")
            .is_none()
    );
    assert_eq!(h.query_all_by_label("⚠ stale").count(), 2);
}

/// A picker warns while its list is open, before a choice lands.
#[test]
fn opening_a_signed_owner_picker_warns_first() {
    let (_dir, mut h) = example();
    let i = handoff_index(&h, "visit-to-nurture");
    reveal(&mut h, Section::Handoffs, i, "owner");
    h.get_by_role_and_label(Role::ComboBox, "Owner").click();
    h.run();
    h.get_by_label("⚠ Changing this will need Yuki Tanaka to sign again");
}

fn choose_you(h: &mut Harness<'static, Workbench>, name: &str) {
    h.get_by_label("You are: not set").click();
    h.run();
    h.get_by_label("Who are you?");
    h.get_by_role_and_label(Role::Button, name).click();
    h.run();
}

/// "You are" set in the status bar; "Sign off" signs as that person; "Sign for someone else…"
/// records another person's agreement and says who entered it, in the status bar, on the item
/// and in the file; each is one undo step.
#[test]
fn sign_offs_are_entered_by_the_person_at_the_keyboard() {
    let (dir, mut h) = example();
    choose_you(&mut h, "Lena Hoffmann");
    assert_eq!(h.state().you().map(|p| p.id.as_str()), Some("lena"));
    h.get_by_label("You are: Lena Hoffmann");

    let i = handoff_index(&h, "visit-to-nurture");
    reveal(&mut h, Section::Handoffs, i, "signoffs");
    let before = h.state().doc.plan.clone();
    h.get_by_label("Sign off").click();
    h.run();
    let signed = &h.state().doc.plan.handoffs[i].signoffs;
    let mine = signed.iter().find(|s| s.by == "lena").expect("Lena signed");
    assert_eq!(mine.entered_by, None);
    assert_eq!(mine.on, feb_15());
    h.get_by_label_contains("Signed off as Lena Hoffmann");

    h.get_by_label("Sign for someone else…").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Kwame Mensah")
        .click();
    h.run();
    let signed = h.state().doc.plan.handoffs[i].signoffs.clone();
    let kwame = signed
        .iter()
        .find(|s| s.by == "kwame")
        .expect("Kwame's agreement");
    assert_eq!(kwame.entered_by.as_deref(), Some("lena"));
    h.get_by_label_contains("Recorded Kwame Mensah's agreement, entered by Lena Hoffmann");
    h.get_by_label_contains("Kwame Mensah (Sales) on Mon 15 Feb, entered by Lena Hoffmann");

    // Saved, the file says who entered it.
    h.state_mut().command(Command::Save);
    h.run();
    let text = std::fs::read_to_string(dir.path().join("plan.ron")).expect("saved");
    assert!(text.contains(r#"(by: "kwame", on: "2027-02-15", fingerprint: "#));
    assert!(text.contains(r#"entered_by: "lena")"#), "{text}");
    let reread = preshow::format::parse(&text).expect("reads back").plan;
    assert_eq!(reread.handoffs[i].signoffs, signed);

    // One undo step each, and redo.
    h.state_mut().command(Command::Undo);
    h.run();
    let signed = &h.state().doc.plan.handoffs[i].signoffs;
    assert!(signed.iter().all(|s| s.by != "kwame"));
    assert!(signed.iter().any(|s| s.by == "lena"));
    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan, before);
    h.state_mut().command(Command::Redo);
    h.run();
    assert!(
        h.state().doc.plan.handoffs[i]
            .signoffs
            .iter()
            .any(|s| s.by == "lena")
    );
}

fn open_with(path: &Path, settings: Settings) -> Harness<'static, Workbench> {
    let ctx = egui::Context::default();
    let mut app = Workbench::open(&ctx, Some(path.to_owned()), settings);
    app.set_today(feb_15());
    let mut h = drive(Harness::builder().with_size(crate::support::SIZE), app);
    h.run();
    h
}

/// Who you are is set once and found again by the next run, from the settings file given.
#[test]
fn you_are_is_remembered_between_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    let settings = Settings {
        identity_file: Some(dir.path().join("config").join("identity.txt")),
        ..Settings::ephemeral()
    };
    let mut first = open_with(&path, settings.clone());
    choose_you(&mut first, "Yuki Tanaka");
    drop(first);
    let later = open_with(&path, settings);
    assert_eq!(later.state().you().map(|p| p.id.as_str()), Some("yuki"));
    later.get_by_label("You are: Yuki Tanaka");
}

/// Nobody known: the first "Sign off" asks, suggesting the person whose email git commits with
/// in the plan's folder, and signs as the person chosen.
#[test]
fn the_first_sign_off_asks_who_you_are_and_git_suggests() {
    let dir = tempfile::tempdir().expect("tempdir");
    let git = |args: &[&str]| preshow::git::run(Some(dir.path()), args).expect("git");
    git(&["init", "-q"]);
    git(&["config", "user.email", "Yuki.Tanaka@Stratoline.example"]);
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    let settings = Settings {
        git_identity: true,
        ..Settings::ephemeral()
    };
    let mut h = open_with(&path, settings);
    assert!(
        h.state().you().is_none(),
        "git suggests, it does not decide"
    );
    let i = h
        .state()
        .doc
        .plan
        .messages
        .iter()
        .position(|m| m.signoffs.is_empty())
        .unwrap_or(0);
    reveal(&mut h, Section::Messages, i, "signoffs");
    h.get_by_label("Sign off").click();
    h.run();
    h.get_by_label_contains("Your git email is Yuki.Tanaka@Stratoline.example");
    h.get_by_label("I am Yuki Tanaka").click();
    h.run();
    let m = &h.state().doc.plan.messages[i];
    let yuki = m
        .signoffs
        .iter()
        .find(|s| s.by == "yuki")
        .expect("signed as Yuki");
    assert_eq!(yuki.fingerprint.as_deref(), Some(m.fingerprint().as_str()));
    h.get_by_label("You are: Yuki Tanaka");
}
