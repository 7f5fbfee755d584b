//! Dialogs a user types into at once and clicks through without chasing buttons: the typed path
//! of Open and Save as takes the keyboard when it opens, and the export dialog keeps its buttons
//! where they are while its content changes.

use crate::support::{example, keys};
use egui::accesskit::Role;
use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use preshow::app::{Command, Workbench};
use preshow::interchange::export::ExportFormat;

/// Types `text` where the keyboard is, with no click first.
fn type_text(h: &mut Harness<'static, Workbench>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    h.run();
}

#[test]
fn open_takes_a_typed_path_at_once_and_enter_opens_it() {
    let (dir, mut h) = example();
    let other = dir.path().join("other.ron");
    std::fs::write(
        &other,
        preshow::EXAMPLE_PLAN.replace("Factory Connect Europe 2027", "Other Show 2028"),
    )
    .expect("write plan");
    keys(&mut h, Modifiers::COMMAND, &[Key::O]);
    assert!(h.query_by_label("Open a plan").is_some());
    assert!(
        h.get_by_role_and_label(Role::TextInput, "Path")
            .is_focused(),
        "the path field has the keyboard"
    );
    type_text(&mut h, &other.display().to_string());
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    assert!(
        h.query_by_label("Open a plan").is_none(),
        "the dialog closed"
    );
    assert_eq!(h.state().doc.path.as_deref(), Some(other.as_path()));
    assert_eq!(h.state().doc.plan.event.name, "Other Show 2028");
}

#[test]
fn save_as_offers_the_plans_path_selected_so_typing_replaces_it() {
    let (dir, mut h) = example();
    let before = h.state().doc.path.clone().expect("a path");
    keys(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, &[Key::S]);
    let field = h.get_by_role_and_label(Role::TextInput, "Path");
    assert!(field.is_focused());
    assert_eq!(field.value(), Some(before.display().to_string()));
    let copy = dir.path().join("copy.ron");
    type_text(&mut h, &copy.display().to_string());
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Path").value(),
        Some(copy.display().to_string()),
        "what was typed replaced the path offered"
    );
    keys(&mut h, Modifiers::NONE, &[Key::Enter]);
    assert_eq!(h.state().doc.path.as_deref(), Some(copy.as_path()));
    let saved = std::fs::read_to_string(&copy).expect("saved");
    assert!(saved.contains("Factory Connect Europe 2027"));
}

/// Where the dialog's buttons are.
fn buttons(h: &Harness<'static, Workbench>) -> Vec<Rect> {
    ["Export", "Cancel", "Browse…"]
        .iter()
        .map(|b| h.get_by_role_and_label(Role::Button, b).rect())
        .collect()
}

#[test]
fn the_export_dialog_keeps_its_buttons_in_place_as_its_content_changes() {
    let (dir, mut h) = example();
    h.state_mut()
        .command(Command::Export(ExportFormat::AccountsCsv));
    h.run();
    let at = buttons(&h);
    let same = |h: &mut Harness<'static, Workbench>, what: &str| {
        h.run();
        assert_eq!(buttons(h), at, "the buttons stay put after: {what}");
    };

    h.get_by_label("Calendar (.ics)").click();
    same(&mut h, "choosing a calendar, which lists people");
    let priya = h
        .state()
        .doc
        .plan
        .person("priya")
        .map(|p| format!("{} · {}", p.name, p.team))
        .expect("priya");
    h.get_by_label(&priya).click();
    same(&mut h, "choosing whose meetings");
    h.get_by_label("Brief (HTML)").click();
    same(&mut h, "choosing a brief");

    // A problem, then the question before replacing a file.
    h.get_by_role_and_label(Role::TextInput, "Output file")
        .focus();
    h.run();
    keys(&mut h, Modifiers::COMMAND, &[Key::A, Key::Delete]);
    h.get_by_role_and_label(Role::Button, "Export").click();
    same(&mut h, "a problem shown");
    assert!(h.query_by_label("Type where to write the file").is_some());
    let existing = dir.path().join("brief.html");
    std::fs::write(&existing, "keep me").expect("write");
    h.get_by_role_and_label(Role::TextInput, "Output file")
        .focus();
    h.run();
    type_text(&mut h, &existing.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    same(&mut h, "the question before replacing a file");
    assert!(
        h.query_by_label(&format!(
            "⚠ {} already exists. Replace it?",
            existing.display()
        ))
        .is_some()
    );
    h.get_by_label("Keep it").click();
    same(&mut h, "keeping the file");
    assert_eq!(std::fs::read_to_string(&existing).expect("read"), "keep me");
}
