//! Import and export from the workbench, driven through its real UI with egui_kittest: the import
//! dialog previews exactly what applying does, applying is one undo step, and exports write the
//! command line's files without replacing an existing file unasked.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::Workbench;
use preshow::interchange::export::csv;
use preshow::interchange::import::{self, Mapping};
use preshow::model::{Plan, Section};
use preshow::ops::diff::{ChangeKind, diff};
use std::path::{Path, PathBuf};

const ACCOUNTS_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/salesforce-accounts.csv"
);
const MEETINGS_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/hubspot-meetings.csv"
);

struct Fixture {
    dir: tempfile::TempDir,
    path: PathBuf,
}

/// The example plan, saved in a temporary folder.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    Fixture { dir, path }
}

fn workbench(path: &Path) -> Harness<'static, Workbench> {
    crate::support::workbench(path, crate::support::feb_1())
}

/// Clicks File, then the item labelled `item` (in the submenu `sub` if given).
fn file_menu(h: &mut Harness<'static, Workbench>, sub: Option<&str>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    if let Some(sub) = sub {
        h.get_by_label(sub).hover();
        h.run();
    }
    h.get_by_label(item).click();
    h.run();
}

/// Replaces the text of the text field labelled `label`.
fn type_into(h: &mut Harness<'static, Workbench>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

fn read_csv(path: &str) -> String {
    std::fs::read_to_string(path).expect("fixture")
}

fn shown(h: &Harness<'static, Workbench>, text: &str) -> bool {
    h.query_by_label(text).is_some()
}

/// The preview lines the dialog shows now.
fn visible_preview_lines(h: &Harness<'static, Workbench>) -> Vec<String> {
    h.query_all_by_role(Role::Label)
        .filter_map(|n| n.value())
        .filter(|l| {
            l.starts_with("+ ")
                || l.starts_with("line ")
                || l.contains(" ➡ ")
                || l.starts_with("Added:")
                || l.starts_with("Updated:")
        })
        .collect()
}

/// Every preview line, as a user reads them: scrolling the preview down with the mouse wheel
/// until no new line comes into view.
fn preview_lines(h: &mut Harness<'static, Workbench>) -> Vec<String> {
    let mut lines = visible_preview_lines(h);
    for _ in 0..20 {
        let Some(shown) = visible_preview_lines(h).pop() else {
            break;
        };
        let at = h.get_by_label(&shown).rect().center();
        h.hover_at(at);
        h.run();
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::Vec2::new(0.0, -150.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        h.run();
        let before = lines.len();
        for line in visible_preview_lines(h) {
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        if lines.len() == before {
            break;
        }
    }
    lines
}

#[test]
fn importing_accounts_does_what_the_preview_showed_in_one_undo_step() {
    let f = fixture();
    let mut h = workbench(&f.path);
    let before: Plan = h.state().doc.plan.clone();
    // What the command line's dry run reports for the same file.
    let expected =
        import::accounts(&before, &read_csv(ACCOUNTS_CSV), &Mapping::default()).expect("imports");
    assert_eq!(
        expected.added,
        ["helios-robotics", "nordlicht-brauerei", "alba-textiles"]
    );

    file_menu(&mut h, None, "Import accounts from CSV…");
    type_into(&mut h, "CSV file", ACCOUNTS_CSV);
    h.get_by_label("Preview").click();
    h.run();

    assert!(shown(
        &h,
        "15 rows read: 3 accounts added, 10 updated, 3 skipped, 1 ambiguous"
    ));
    let lines = preview_lines(&mut h);
    // Added rows, with the fields they get.
    for id in &expected.added {
        assert!(
            lines.iter().any(|l| l.starts_with(&format!("+ {id} · "))),
            "{id} added: {lines:#?}"
        );
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("+ helios-robotics · name: \"Helios Robotics\"")),
        "{lines:#?}"
    );
    // Updated fields, before and after.
    let changes = diff(&before, &expected.plan);
    let mut updated_lines = 0;
    for c in &changes {
        if c.section == Section::Plan {
            // The CRM ids the import keeps are format 2's: the plan becomes format 2.
            assert_eq!(c.id, "format", "{c:?}");
            continue;
        }
        assert_eq!(c.section, Section::Accounts, "only accounts change: {c:?}");
        if let ChangeKind::Changed(fields) = &c.kind {
            for fc in fields {
                let line = format!(
                    "{} · {}: {} ➡ {}",
                    c.id,
                    fc.field,
                    fc.before.as_deref().unwrap_or("(none)"),
                    fc.after.as_deref().unwrap_or("(none)")
                );
                assert!(lines.contains(&line), "{line} not in {lines:#?}");
                updated_lines += 1;
            }
        }
    }
    assert_eq!(
        updated_lines, 16,
        "rhine tier, voltera owner, baltic owner, tecnoplast tier and segment, lumen notes, and \
         the CRM id of the ten accounts already in the plan"
    );
    assert!(lines.contains(&"line 9: no name: skipped".to_owned()));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("line 13: tier 'Lukewarm'"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("line 16: 'Helios Robotics' has CRM id 0015g00000Hel15AAB"))
    );
    assert_eq!(h.state().doc.plan, before, "previewing changes nothing");

    h.get_by_label("Apply import").click();
    h.run();

    // The plan changed exactly as the preview said.
    let after = h.state().doc.plan.clone();
    assert_eq!(after, expected.plan);
    let applied = diff(&before, &after);
    let added: Vec<&str> = applied
        .iter()
        .filter(|c| c.kind == ChangeKind::Added)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(added, expected.added);
    assert_eq!(applied, changes);
    assert!(
        h.query_by_label("Apply import").is_none(),
        "the dialog closed"
    );
    let status = h.state().status.clone().expect("a status");
    assert!(!status.problem);
    assert!(
        status.text.starts_with("Imported accounts from ")
            && status.text.contains("3 accounts added, 10 updated"),
        "{}",
        status.text
    );
    // The gaps follow the new plan: the new accounts are checked.
    h.state_mut().check_now();
    let alba = after
        .ids(Section::Accounts)
        .iter()
        .position(|x| *x == "alba-textiles");
    assert!(alba.is_some());
    assert!(
        h.state()
            .gaps()
            .findings
            .iter()
            .any(|g| g.section == Section::Accounts && g.index == alba),
        "the added account without messages or marketing owner has gaps"
    );

    // One undo step takes the whole import back; redo brings it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan, before);
    assert!(!h.state().doc.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan, expected.plan);
}

#[test]
fn an_explicit_column_mapping_changes_the_preview_and_the_import() {
    let f = fixture();
    let mut h = workbench(&f.path);
    let before = h.state().doc.plan.clone();
    file_menu(&mut h, None, "Import accounts from CSV…");
    type_into(&mut h, "CSV file", ACCOUNTS_CSV);
    h.get_by_label("Preview").click();
    h.run();
    // The same header recognition as the command line.
    assert!(shown(&h, "Account Name ➡ name"));
    assert!(shown(&h, "Description ➡ notes"));
    assert!(shown(&h, "Billing City ➡ not used"));

    h.get_by_label("Billing City ➡ not used").click();
    h.run();
    h.get_by_label("notes").click();
    h.run();

    assert!(shown(&h, "Billing City ➡ notes ★"));
    assert!(shown(&h, "Description ➡ not used"));
    let mapping = Mapping::parse(&["Billing City=notes"]).expect("mapping");
    let expected = import::accounts(&before, &read_csv(ACCOUNTS_CSV), &mapping).expect("imports");
    assert!(shown(&h, &expected.summary()), "{}", expected.summary());
    let lines = preview_lines(&mut h);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("brenner · notes: ") && l.ends_with(" ➡ \"Zaragoza\"")),
        "{lines:#?}"
    );

    h.get_by_label("Apply import").click();
    h.run();
    assert_eq!(h.state().doc.plan, expected.plan);
}

#[test]
fn cancel_leaves_the_plan_untouched() {
    let f = fixture();
    let mut h = workbench(&f.path);
    let before = h.state().doc.plan.clone();
    file_menu(&mut h, None, "Import meetings from CSV…");
    type_into(&mut h, "CSV file", MEETINGS_CSV);
    h.get_by_label("Preview").click();
    h.run();
    assert!(shown(
        &h,
        "6 rows read: 2 meetings added, 1 updated, 3 skipped, 1 ambiguous"
    ));
    let lines = preview_lines(&mut h);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("line 5: date '03/04/2027' could be")),
        "{lines:#?}"
    );
    // Choosing how to read slashed dates settles line 5.
    h.get_by_label("day first").click();
    h.run();
    assert!(
        !preview_lines(&mut h)
            .iter()
            .any(|l| l.starts_with("line 5: date"))
    );

    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Apply import").is_none());
    assert_eq!(h.state().doc.plan, before);
    assert!(!h.state().doc.is_dirty());
    assert!(!h.state().doc.can_undo());
}

#[test]
fn a_file_that_cannot_be_read_says_why() {
    let f = fixture();
    let mut h = workbench(&f.path);
    file_menu(&mut h, None, "Import accounts from CSV…");
    let missing = f.dir.path().join("missing.csv");
    type_into(&mut h, "CSV file", &missing.display().to_string());
    h.get_by_label("Preview").click();
    h.run();
    assert!(
        h.query_by_label_contains(&format!("{}: cannot read", missing.display()))
            .is_some()
    );
    assert!(
        h.get_by_label("Apply import")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn exports_write_the_files_and_ask_before_replacing_one() {
    let f = fixture();
    let mut h = workbench(&f.path);
    let plan = h.state().doc.plan.clone();

    // A calendar of one person's meetings.
    file_menu(&mut h, Some("Export"), "Export calendar (.ics)…");
    let priya = plan.person("priya").expect("priya").clone();
    h.get_by_label(&format!("{} · {}", priya.name, priya.team))
        .click();
    h.run();
    let ics = f.dir.path().join("priya.ics");
    type_into(&mut h, "Output file", &ics.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    let text = std::fs::read_to_string(&ics).expect("the calendar was written");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    let stamp = chrono::NaiveDate::from_ymd_opt(2027, 2, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("valid time");
    let expected =
        preshow::interchange::export::ics::calendar(&plan, Some("priya"), stamp).expect("exports");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), expected.events);
    assert!(expected.events > 0);
    for m in plan
        .meetings
        .iter()
        .filter(|m| m.people.iter().any(|p| p == "priya"))
    {
        if matches!(
            m.status,
            preshow::model::MeetingStatus::Cancelled | preshow::model::MeetingStatus::Declined
        ) {
            continue;
        }
        assert!(
            text.contains(&format!("UID:{}@", m.id)),
            "{} in the calendar",
            m.id
        );
    }
    let status = h.state().status.clone().expect("a status");
    assert!(!status.problem);
    assert!(
        status
            .text
            .ends_with(&format!("written to {}", ics.display())),
        "{}",
        status.text
    );

    // A CSV over an existing file: asked first, kept when the user says so.
    let out = f.dir.path().join("accounts.csv");
    std::fs::write(&out, "keep me\n").expect("write");
    file_menu(&mut h, Some("Export"), "Export accounts as CSV…");
    type_into(&mut h, "Output file", &out.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    assert!(shown(
        &h,
        &format!("⚠ {} already exists. Replace it?", out.display())
    ));
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me\n");
    h.get_by_label("Keep it").click();
    h.run();
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "keep me\n");

    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    h.get_by_label("Replace it").click();
    h.run();
    let written = std::fs::read_to_string(&out).expect("read");
    assert_eq!(
        written,
        csv::export(&plan, csv::Table::Accounts).expect("csv")
    );
    assert!(written.contains("Id,Account Name,"), "{written}");
    let status = h.state().status.clone().expect("a status");
    assert_eq!(
        status.text,
        format!("Accounts CSV written to {}", out.display())
    );
    assert_eq!(h.state().doc.plan, plan, "exporting changes nothing");
    assert!(!h.state().doc.is_dirty());
}

/// File ▸ Export with checks on a worker thread, as in the window: the file is made there (the
/// frames go on meanwhile), then it is on disk and the status bar says so.
#[test]
fn an_export_made_off_the_window_thread_writes_the_file_and_says_so() {
    let f = fixture();
    let mut h = workbench_off_thread(&f);
    let plan = h.state().doc.plan.clone();
    file_menu(&mut h, Some("Export"), "Export meetings as CSV…");
    let out = f.dir.path().join("meetings.csv");
    type_into(&mut h, "Output file", &out.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    let said = format!("Meetings CSV written to {}", out.display());
    // The worker asks for a frame when the file is written; draw until then.
    step_until(&mut h, |h| shown(h, &said));
    assert!(shown(&h, &said), "the status bar says the file was written");
    assert!(
        !shown(&h, "Exporting meetings…"),
        "and no longer that it is being written"
    );
    let written = std::fs::read_to_string(&out).expect("the file was written");
    assert_eq!(
        written,
        csv::export(&plan, csv::Table::Meetings).expect("csv")
    );
    assert_eq!(h.state().doc.plan, plan, "exporting changes nothing");
}

/// The workbench on the example plan with checks (and file work) on a worker thread, as in the
/// window.
fn workbench_off_thread(f: &Fixture) -> Harness<'static, Workbench> {
    let settings = preshow::app::Settings {
        background_checks: true,
        ..preshow::app::Settings::ephemeral()
    };
    let ctx = egui::Context::default();
    let mut app = Workbench::open(&ctx, Some(f.path.clone()), settings);
    app.wait_opened();
    app.set_today(crate::support::feb_1());
    let builder = Harness::builder().with_size(crate::support::SIZE);
    let mut h = crate::support::drive(builder, app);
    h.run();
    h
}

/// Draws frames until `done` holds (the worker asks for a frame when its work is in).
fn step_until(
    h: &mut Harness<'static, Workbench>,
    done: impl Fn(&Harness<'static, Workbench>) -> bool,
) {
    for _ in 0..2_000 {
        if done(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
}

/// File ▸ Import with the file read and imported on a worker thread, as in the window: the
/// preview comes in, applying changes the plan as it showed in one undo step (also when the
/// import has to be made again because the plan moved on since the preview), and the status
/// bar says what was imported.
#[test]
fn an_import_made_off_the_window_thread_previews_and_applies() {
    let f = fixture();
    let mut h = workbench_off_thread(&f);
    let before = h.state().doc.plan.clone();
    let expected =
        import::accounts(&before, &read_csv(ACCOUNTS_CSV), &Mapping::default()).expect("imports");
    file_menu(&mut h, None, "Import accounts from CSV…");
    type_into(&mut h, "CSV file", ACCOUNTS_CSV);
    h.get_by_label("Preview").click();
    h.run();
    let summary = "15 rows read: 3 accounts added, 10 updated, 3 skipped, 1 ambiguous";
    step_until(&mut h, |h| shown(h, summary));
    assert!(shown(&h, summary), "the preview came in");
    assert!(
        !shown(&h, "Reading salesforce-accounts.csv…"),
        "and the dialog no longer says the file is being read"
    );
    assert_eq!(h.state().doc.plan, before, "previewing changes nothing");

    // The plan moves on after the preview (a new revision, the same plan): applying makes the
    // import again off the window's thread and applies it, as it still does what was shown.
    h.state_mut().doc.edited(true);
    h.get_by_label("Apply import").click();
    h.run();
    let imported = |h: &Harness<'static, Workbench>| {
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Imported accounts from "))
    };
    step_until(&mut h, imported);
    let status = h.state().status.clone().expect("a status");
    assert!(!status.problem, "{}", status.text);
    assert!(
        status.text.contains("3 accounts added, 10 updated"),
        "{}",
        status.text
    );
    assert_eq!(
        h.state().doc.plan,
        expected.plan,
        "the plan changed as shown"
    );
    assert!(
        h.query_by_label("Apply import").is_none(),
        "the dialog closed"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.plan, before, "one undo step takes it back");
}

#[test]
fn an_export_onto_a_folder_is_refused_by_name_without_asking_to_replace_it() {
    let f = fixture();
    let mut h = workbench(&f.path);
    let folder = f.dir.path().join("exports");
    std::fs::create_dir(&folder).expect("mkdir");
    file_menu(&mut h, Some("Export"), "Export accounts as CSV…");
    type_into(&mut h, "Output file", &folder.display().to_string());
    h.get_by_role_and_label(Role::Button, "Export").click();
    h.run();
    assert!(
        h.query_by_label_contains("Replace it?").is_none(),
        "a folder is not offered for replacing"
    );
    let message = format!(
        "{} is a folder, not a file; nothing was written",
        folder.display()
    );
    assert!(
        h.query_all_by_label(&message).next().is_some(),
        "says: {message}"
    );
    assert!(folder.is_dir());
}
