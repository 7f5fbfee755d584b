//! The plan file: reading every shape the format allows, refusing broken input with a place
//! and a reason, and writing the canonical form byte for byte.

use preshow::format::tree::Node;
use preshow::format::{self, Migrator, Step};
use preshow::model::{MeetingStatus, Team};

const SPEC_EXAMPLE: &str = include_str!("fixtures/spec-example.ron");

fn err(text: &str) -> format::ParseError {
    match format::parse(text) {
        Ok(_) => panic!("expected an error for:\n{text}"),
        Err(e) => e,
    }
}

fn minimal(extra: &str) -> String {
    format!(
        "(format: 1, event: (name: \"Show\", starts: \"2027-03-09\", ends: \"2027-03-11\"), {extra})"
    )
}

#[test]
fn reads_the_spec_example() {
    let plan = format::parse(SPEC_EXAMPLE)
        .expect("spec example loads")
        .plan;
    assert_eq!(plan.event.name, "MedTech Expo 2027");
    assert_eq!(plan.people.len(), 2);
    assert_eq!(plan.people[1].team, Team::Marketing);
    assert_eq!(plan.accounts[0].owner.as_deref(), Some("ana"));
    assert_eq!(plan.meetings[0].status, MeetingStatus::Confirmed);
    assert_eq!(plan.objectives[0].target, Some(1_200_000.0));
    assert_eq!(plan.stages.len(), 5);
    assert!(plan.stages[0].entry);
    assert_eq!(plan.handoffs[1].signoffs.len(), 1);
    assert_eq!(plan.scoring.as_ref().map(|s| s.threshold), Some(60));
}

#[test]
fn reads_with_and_without_struct_names_and_implicit_some() {
    let named = "Plan(format: 1, event: Event(name: \"S\", starts: \"2027-03-09\", ends: \"2027-03-09\"),\n\
                 people: [Person(id: \"ana\", name: \"Ana\", team: Sales)],\n\
                 accounts: [Account(id: \"a\", name: \"A\", tier: 1, owner: Some(\"ana\"))])";
    let plan = format::parse(named)
        .expect("named structs and Some(...) load")
        .plan;
    assert_eq!(plan.accounts[0].owner.as_deref(), Some("ana"));

    let bare = format!(
        "#![enable(implicit_some)]\n{}",
        minimal("accounts: [(id: \"a\", name: \"A\", tier: 1, owner: \"ana\")]")
    );
    let plan = format::parse(&bare).expect("implicit_some loads").plan;
    assert_eq!(plan.accounts[0].owner.as_deref(), Some("ana"));
    assert!(
        plan.tasks.is_empty() && plan.scoring.is_none(),
        "missing lists are empty"
    );
}

#[test]
fn bare_optional_without_the_header_says_how_to_fix_it() {
    let e = err(&minimal(
        "accounts: [(id: \"a\", name: \"A\", tier: 1, owner: \"ana\")]",
    ));
    assert!(e.message.contains("implicit_some"), "{e}");
    assert!(e.pos.is_some());
}

#[test]
fn writer_output_is_canonical_and_stable() {
    let plan = format::parse(SPEC_EXAMPLE).expect("loads").plan;
    let once = format::to_string(&plan);
    let again = format::to_string(&format::parse(&once).expect("canonical loads").plan);
    assert_eq!(
        once, again,
        "save(load(x)) is byte-identical for writer output"
    );
    assert!(!once.contains('\r'));
    assert!(once.starts_with("#![enable(implicit_some)]\n(\n    format: 1,\n"));
    assert!(
        once.contains("\n        (\n            id: \"ana\",\n            name: \"Ana Ruiz\",\n")
    );
}

#[test]
fn bundled_plans_are_canonical() {
    for text in [preshow::EXAMPLE_PLAN, preshow::TEMPLATE_PLAN] {
        let plan = format::parse(text).expect("bundled plan loads").plan;
        assert_eq!(format::to_string(&plan), text);
    }
}

#[test]
fn list_order_is_the_users() {
    let text = minimal(
        "people: [(id: \"zed\", name: \"Z\", team: Sales), (id: \"amy\", name: \"A\", team: Marketing)]",
    );
    let out = format::to_string(&format::parse(&text).expect("loads").plan);
    let zed = out.find("\"zed\"").expect("zed written");
    let amy = out.find("\"amy\"").expect("amy written");
    assert!(zed < amy);
}

#[test]
fn strings_round_trip_with_every_awkward_character() {
    let awkward = "Quote \" backslash \\ newline \n tab \t bell \u{7} ünïcødé 🎪";
    let mut plan = format::parse(&minimal("")).expect("loads").plan;
    plan.event.venue = Some(awkward.to_owned());
    plan.objectives.push(preshow::model::Objective {
        id: "o".into(),
        name: "O".into(),
        metric: None,
        target: Some(0.1 + 0.2),
        unit: None,
        measure: None,
        actual: None,
        signoffs: vec![],
    });
    let text = format::to_string(&plan);
    let back = format::parse(&text).expect("reloads").plan;
    assert_eq!(back, plan);
}

#[test]
fn unknown_field_is_named_with_the_allowed_ones_and_its_place() {
    let text = minimal("accounts: [\n    (id: \"a\", name: \"A\", tier: 1, ownr: \"x\"),\n]");
    let e = err(&format!("#![enable(implicit_some)]\n{text}"));
    assert!(e.message.contains("`ownr`"), "{e}");
    assert!(
        e.message.contains("`owner`") && e.message.contains("`marketing_owner`"),
        "{e}"
    );
    let pos = e.pos.expect("has a place");
    assert_eq!(pos.line, 3, "{e}");
    assert!(pos.column > 1);
}

#[test]
fn wrong_types_bad_dates_and_unknown_values_have_places() {
    let cases = [
        (
            minimal("accounts: [(id: \"a\", name: \"A\", tier: \"one\")]"),
            "whole number",
        ),
        (
            "(format: 1, event: (name: \"S\", starts: \"2027-02-30\", ends: \"2027-03-01\"))"
                .to_owned(),
            "not a day on the calendar",
        ),
        (
            "(format: 1, event: (name: \"S\", starts: \"March 9\", ends: \"2027-03-01\"))"
                .to_owned(),
            "YYYY-MM-DD",
        ),
        (
            minimal(
                "meetings: [(id: \"m\", account: \"a\", start: \"2027-03-09T24:30\", minutes: 30)]",
            ),
            "not a time",
        ),
        (
            minimal("people: [(id: \"p\", name: \"P\", team: Engineering)]"),
            "`Engineering`",
        ),
        (
            minimal(
                "meetings: [(id: \"m\", account: \"a\", start: \"2027-03-09T10:00\", minutes: 30, status: Maybe)]",
            ),
            "`Confirmed`",
        ),
        (minimal("people: [(id: \"p\", team: Sales)]"), "`name`"),
        (
            "(event: (name: \"S\", starts: \"2027-03-09\", ends: \"2027-03-09\"))".to_owned(),
            "`format`",
        ),
    ];
    for (text, needle) in cases {
        let e = err(&text);
        assert!(e.message.contains(needle), "expected {needle:?} in {e}");
        assert!(e.pos.is_some(), "no place for {e}");
    }
}

#[test]
fn empty_truncated_and_deep_input_is_refused() {
    assert!(err("").message.contains("empty"));
    assert!(err("  \n\t").message.contains("empty"));
    let truncated = &SPEC_EXAMPLE[..SPEC_EXAMPLE.len() / 2];
    let e = err(truncated);
    assert!(e.pos.is_some(), "{e}");
    let deep = format!("(format: 1, event: {}", "(".repeat(1_000_000));
    let e = err(&deep);
    assert!(e.message.contains("nested"), "{e}");
    let e = err("{garbage");
    assert!(e.pos.is_some());
}

#[test]
fn newer_format_is_refused_naming_both_numbers() {
    let e = err(
        "(format: 7, event: (name: \"S\", starts: \"2027-03-09\", ends: \"2027-03-09\"), rooms: [])",
    );
    assert!(
        e.message.contains("format 7") && e.message.contains("format 2"),
        "{e}"
    );
    assert_eq!(e.pos.map(|p| p.line), Some(1));
}

#[test]
fn unknown_older_format_is_refused() {
    let e = err("(format: 0, event: (name: \"S\", starts: \"2027-03-09\", ends: \"2027-03-09\"))");
    assert!(e.message.contains("format 0"), "{e}");
}

fn rename_venue_field(plan: &mut Node) -> Result<(), String> {
    let event = plan.field_mut("event").ok_or("no event")?;
    event.rename_field("hall", "venue");
    Ok(())
}

#[test]
fn older_formats_migrate_step_by_step() {
    // A pretend format 2 whose predecessor called the venue `hall`.
    let migrator = Migrator {
        current: 2,
        direct: 2,
        steps: vec![Step {
            from: 1,
            summary: "`hall` is now `venue`",
            apply: rename_venue_field,
        }],
    };
    let old = "#![enable(implicit_some)]\nPlan(format: 1, event: Event(name: \"S\", hall: \"Hall 3\", starts: \"2027-03-09\", ends: \"2027-03-09\"),\n\
               people: [(id: \"ana\", name: \"Ana\", team: Sales, max_meetings_per_day: 3)],\n\
               scoring: (threshold: -5, signals: [(signal: \"x\", points: -10)]),\n\
               meetings: [(id: \"m\", account: \"a\", start: \"2027-03-09T10:00\", minutes: 30, status: Confirmed)])";
    let loaded = format::parse_with(old, &migrator).expect("migrates");
    assert_eq!(loaded.migrated_from, Some(1));
    assert_eq!(loaded.plan.format, 2);
    assert_eq!(loaded.plan.event.venue.as_deref(), Some("Hall 3"));
    assert_eq!(loaded.plan.people[0].team, Team::Sales);
    assert_eq!(loaded.plan.people[0].max_meetings_per_day, Some(3));
    assert_eq!(
        loaded
            .plan
            .scoring
            .as_ref()
            .map(|s| (s.threshold, s.signals[0].points)),
        Some((-5, -10))
    );
    assert_eq!(loaded.plan.meetings[0].status, MeetingStatus::Confirmed);
    assert_eq!(migrator.oldest(), 1);
    // The standard migrator reads format 1 as it is.
    let current = format::parse(SPEC_EXAMPLE).expect("loads");
    assert_eq!(current.migrated_from, None);
}

#[test]
fn item_lines_are_known() {
    let loaded = format::parse(SPEC_EXAMPLE).expect("loads");
    let line = loaded
        .source
        .item_line(preshow::model::Section::Accounts, 0)
        .expect("account line");
    let text_line = SPEC_EXAMPLE.lines().nth(line - 1).expect("line exists");
    assert!(text_line.contains("\"acme\""), "{text_line}");
}

#[test]
fn files_too_large_or_not_utf8_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.ron");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(format::MAX_FILE_BYTES + 1).expect("sparse file");
    let e = format::load_file(&big).expect_err("too large");
    assert!(e.to_string().contains("MiB"), "{e}");

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, b"(format: 1,\n  event: (name: \"\xff\xfe\"").expect("write");
    let e = format::load_file(&bad).expect_err("not utf-8");
    assert_eq!(
        e.error.pos.map(|p| (p.line, p.column)),
        Some((2, 18)),
        "{e}"
    );
    assert!(
        e.to_string()
            .starts_with(&format!("{}:2:18: ", bad.display())),
        "{e}"
    );

    let missing = dir.path().join("missing.ron");
    let e = format::load_file(&missing).expect_err("missing");
    assert!(e.to_string().contains("no such file"), "{e}");
}

#[test]
fn the_migration_tree_keeps_every_name() {
    for text in [SPEC_EXAMPLE, preshow::EXAMPLE_PLAN] {
        let tree = format::tree::parse(text).expect("tree parses");
        let again = format::parse(&tree.to_text())
            .expect("printed tree loads")
            .plan;
        assert_eq!(again, format::parse(text).expect("loads").plan);
    }
}
