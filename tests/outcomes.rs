//! The show's outcomes in the window (format 2): the leads table and a lead's path, marking a
//! day's meetings held, an objective's measured actual, the offer to upgrade a format-1 plan
//! and the question before a save makes a plan format 2.

use crate::support::{drive, workbench};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::boards::Board;
use preshow::app::{Command, Settings, Workbench};
use preshow::model::{Date, Lead, Measure, MeetingStatus, Plan, Reached, Section};

/// 25 March 2027: a week after the example's show (16 to 18 March).
fn after_show() -> Date {
    Date::from_ymd(2027, 3, 25).expect("valid date")
}

fn at(text: &str) -> preshow::model::DateTime {
    preshow::model::DateTime(
        chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("a time"),
    )
}

fn lead(id: &str, name: &str, reached: &[(&str, &str)]) -> Lead {
    Lead {
        id: id.into(),
        name: name.into(),
        company: Some("Brenner Automotive Components".into()),
        account: Some("brenner".into()),
        crm_id: None,
        owner: Some("lena".into()),
        captured: at(reached.first().map_or("2027-03-16T10:00", |r| r.1)),
        pipeline: Some(40000.0),
        reached: reached
            .iter()
            .map(|(stage, t)| Reached {
                stage: (*stage).into(),
                at: at(t),
            })
            .collect(),
    }
}

/// The example plan after the show: format 2, the first day's confirmed meetings held, two
/// leads (one on track, one stuck at MQL since the follow-up was due), and the meetings
/// objective counted.
fn after_show_plan() -> Plan {
    let mut plan = preshow::format::parse(preshow::EXAMPLE_PLAN)
        .expect("the example loads")
        .plan;
    plan.format = 2;
    for m in &mut plan.meetings {
        if m.start.date() == Date::from_ymd(2027, 3, 16).expect("day")
            && m.status == MeetingStatus::Confirmed
        {
            m.status = MeetingStatus::Held;
        }
    }
    plan.leads = vec![
        lead(
            "jana-novak",
            "Jana Novak",
            &[
                ("visit", "2027-03-16T10:20"),
                ("mql", "2027-03-16T13:00"),
                ("sal", "2027-03-18T09:00"),
            ],
        ),
        lead(
            "ana-ferreira",
            "Ana Ferreira",
            &[("visit", "2027-03-16T12:40"), ("mql", "2027-03-16T14:00")],
        ),
    ];
    if let Some(o) = plan.objectives.iter_mut().find(|o| o.id == "meetings-held") {
        o.measure = Some(Measure::MeetingsHeld);
    }
    plan
}

fn open_plan(
    dir: &tempfile::TempDir,
    plan: &Plan,
    today: Date,
) -> (std::path::PathBuf, Harness<'static, Workbench>) {
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::format::to_string(plan)).expect("write plan");
    let h = workbench(&path, today);
    (path, h)
}

#[test]
fn the_leads_table_shows_status_and_the_editor_adds_a_stage_entry_undoably() {
    let dir = tempfile::tempdir().expect("tempdir");
    // On 20 March Jana's follow-up at SAL is not due yet; Ana's at MQL was due on the 19th.
    let today = Date::from_ymd(2027, 3, 20).expect("day");
    let (_, mut h) = open_plan(&dir, &after_show_plan(), today);
    h.state_mut().command(Command::GoTo(Section::Leads));
    h.run();
    // The table: each lead's last stage and where it stands.
    let row = |name: &str| {
        h.get_by_role_and_label(Role::Row, name)
            .accesskit_node()
            .description()
            .unwrap_or_default()
            .to_owned()
    };
    let jana = row("Jana Novak");
    assert!(jana.contains("Stage: Sales-accepted lead"), "{jana}");
    assert!(jana.contains("Status: On track"), "{jana}");
    let ana = row("Ana Ferreira");
    assert!(ana.contains("Status: Stuck"), "Ana waits at MQL: {ana}");

    // The first lead is open: its path, with each handoff's hours against its SLA.
    assert!(
        h.query_by_label_contains("2.7 h after Booth visit")
            .is_some()
    );
    assert!(h.query_by_label_contains("within 72 h").is_some());
    assert!(h.query_by_label("Sales-accepted lead").is_some());

    // The add form starts at the next stage from SAL (Opportunity) at SAL's time.
    h.get_by_role_and_label(Role::Button, "Add").click();
    h.run();
    let reached = |h: &Harness<'static, Workbench>| {
        h.state()
            .doc
            .plan
            .leads
            .first()
            .map(|l| {
                l.reached
                    .iter()
                    .map(|r| r.stage.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(reached(&h), ["visit", "mql", "sal", "opportunity"]);
    assert!(
        h.query_by_label("Opportunity").is_some(),
        "the path shows it"
    );

    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(reached(&h), ["visit", "mql", "sal"], "one undo step");
}

#[test]
fn a_stuck_lead_says_where_it_waits_and_whose_move_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, mut h) = open_plan(&dir, &after_show_plan(), after_show());
    h.state_mut()
        .command(Command::Reveal(Section::Leads, Some(1), None));
    h.run();
    assert!(
        h.query_by_label_contains("Stuck at Marketing-qualified lead since")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("to Sales-accepted lead within 72 h, owned by Jonas")
            .is_some(),
        "the handoff out of MQL and its owner"
    );
    // Removing its MQL entry leaves it at the booth visit.
    let remove = h.get_all_by_role_and_label(Role::Button, "✖").count();
    assert_eq!(remove, 2, "one per entry");
    h.get_all_by_role_and_label(Role::Button, "✖")
        .last()
        .expect("the MQL entry's button")
        .click();
    h.run();
    let stages: Vec<String> = h.state().doc.plan.leads[1]
        .reached
        .iter()
        .map(|r| r.stage.clone())
        .collect();
    assert_eq!(stages, ["visit"]);
}

#[test]
fn mark_held_marks_the_days_confirmed_meetings_in_one_undo_step() {
    let (_dir, mut h) = crate::support::example();
    let day = Date::from_ymd(2027, 3, 16).expect("day");
    let count = |h: &Harness<'static, Workbench>, s: MeetingStatus| {
        h.state()
            .doc
            .plan
            .meetings
            .iter()
            .filter(|m| m.start.date() == day && m.status == s)
            .count()
    };
    let confirmed = count(&h, MeetingStatus::Confirmed);
    assert!(
        confirmed > 3,
        "the example's first day has confirmed meetings"
    );

    // Before the show nothing has been held: the schedule does not offer it.
    h.state_mut().command(Command::Show(Board::Schedule));
    h.run();
    assert!(h.query_by_label("✔ Mark held").is_none());

    h.state_mut()
        .set_today(Date::from_ymd(2027, 3, 17).expect("day"));
    h.run();
    h.get_by_label("✔ Mark held").click();
    h.run();
    assert_eq!(count(&h, MeetingStatus::Held), confirmed);
    assert_eq!(count(&h, MeetingStatus::Confirmed), 0);
    assert!(
        h.query_by_label_contains("Marked ").is_some(),
        "the status bar says so"
    );

    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(count(&h, MeetingStatus::Confirmed), confirmed, "one step");
    assert_eq!(count(&h, MeetingStatus::Held), 0);
}

#[test]
fn an_objectives_measure_shows_the_counted_actual_against_the_target() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = after_show_plan();
    let held = plan
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Held)
        .count();
    let (_, mut h) = open_plan(&dir, &plan, after_show());
    let index = plan
        .objectives
        .iter()
        .position(|o| o.id == "meetings-held")
        .expect("the meetings objective");
    h.state_mut()
        .command(Command::Reveal(Section::Objectives, Some(index), None));
    h.run();
    // The table's Actual column and the editor: counted, short of 40 after the show.
    let said = h
        .get_by_role_and_label(Role::Row, "Pre-booked meetings held")
        .accesskit_node()
        .description()
        .unwrap_or_default()
        .to_owned();
    assert!(said.contains(&format!("Actual: {held} · missed")), "{said}");
    assert!(
        h.query_by_label_contains(&format!("{held} meetings of 40 meetings: missed"))
            .is_some()
    );
}

#[test]
fn a_format_1_plan_offers_the_upgrade_once() {
    let (_dir, mut h) = crate::support::example();
    assert_eq!(h.state().doc.plan.format, 1);
    h.get_by_label("Upgrade to format 2").click();
    h.run();
    assert_eq!(h.state().doc.plan.format, 2);
    assert!(h.state().doc.is_dirty(), "not saved yet");
    assert!(h.query_by_label("Upgrade to format 2").is_none());
    h.state_mut().command(Command::Undo);
    h.run();
    assert_eq!(h.state().doc.plan.format, 1, "one undo step");
}

#[test]
fn keeping_format_1_is_remembered_for_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write plan");
    let settings = Settings {
        format_1_file: Some(dir.path().join("keep-format-1.txt")),
        ..Settings::ephemeral()
    };
    let start = |settings: Settings| {
        let ctx = egui::Context::default();
        let app = Workbench::open(&ctx, Some(path.clone()), settings);
        let mut h = drive(Harness::builder().with_size(crate::support::SIZE), app);
        h.run();
        h
    };
    let mut h = start(settings.clone());
    h.get_by_label("Keep format 1").click();
    h.run();
    assert!(h.query_by_label("Keep format 1").is_none());
    assert_eq!(h.state().doc.plan.format, 1);
    assert!(!h.state().doc.is_dirty(), "keeping changes nothing");
    drop(h);

    let h = start(settings);
    assert!(
        h.query_by_label("Upgrade to format 2").is_none(),
        "not offered again"
    );
}

#[test]
fn saving_a_format_1_plan_that_gained_a_lead_asks_first() {
    let (dir, mut h) = crate::support::example();
    let path = dir.path().join("plan.ron");
    h.get_by_label("Keep format 1").click();
    h.run();
    h.state_mut().command(Command::GoTo(Section::Leads));
    h.run();
    h.state_mut().command(Command::AddItem);
    h.run();
    h.state_mut().command(Command::Save);
    h.run();
    assert!(h.query_by_label("Save as format 2?").is_some());
    assert!(
        h.query_by_label_contains("it now has 1 lead").is_some(),
        "says why"
    );
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(on_disk.contains("format: 1"), "nothing written yet");
    assert!(!on_disk.contains("leads:"));

    h.get_by_label("Save as format 2").click();
    h.run();
    let on_disk = std::fs::read_to_string(&path).expect("read");
    assert!(on_disk.contains("format: 2"));
    assert!(on_disk.contains("leads:"));
    assert_eq!(h.state().doc.plan.format, 2);
    assert!(!h.state().doc.is_dirty());
}

/// A stage's CRM name (what an import of leads reads stage times by) is edited in Stages, and
/// the plan then needs format 2.
#[test]
fn a_stage_takes_its_crm_name_in_the_stages_editor() {
    let (_dir, mut h) = crate::support::example();
    h.state_mut().command(Command::GoTo(Section::Stages));
    h.run();
    h.get_by_label("Marketing-qualified lead").click();
    h.run();
    let field = h.get_by_role_and_label(Role::TextInput, "CRM stage");
    field.focus();
    field.type_text("Marketing Qualified Lead");
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    let plan = &h.state().doc.plan;
    let mql = plan.stages.iter().find(|s| s.id == "mql").expect("mql");
    assert_eq!(mql.crm_stage.as_deref(), Some("Marketing Qualified Lead"));
    assert_eq!(plan.needs_format(), 2);
}
