//! Format 1 and format 2 side by side: a format-1 plan loads and keeps its format through `fmt`,
//! `fmt --upgrade` makes it format 2 and says so, and a reader that knows only format 1 refuses a
//! format-2 file naming both numbers.

use preshow::format::{self, Migrator};
use std::process::Command;

const FORMAT_1: &str = include_str!("fixtures/spec-example.ron");

fn preshow(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("preshow runs")
}

/// The spec example in its canonical form: what `fmt` leaves alone.
fn canonical_format_1() -> String {
    let loaded = format::parse(FORMAT_1).expect("a format-1 plan loads");
    assert_eq!(loaded.plan.format, 1);
    assert_eq!(loaded.migrated_from, None, "format 1 is read as it is");
    format::to_string(&loaded.plan)
}

#[test]
fn fmt_keeps_a_format_1_plan_format_1_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let text = canonical_format_1();
    assert!(text.contains("format: 1,"), "{text}");
    std::fs::write(&path, &text).expect("written");
    let o = preshow(&["fmt", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    let o = preshow(&["fmt", "--check", path.to_str().expect("utf-8")]);
    assert_eq!(o.status.code(), Some(0), "nothing to change");
}

#[test]
fn fmt_upgrade_writes_format_2_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    let file = path.to_str().expect("utf-8");
    std::fs::write(&path, canonical_format_1()).expect("written");
    let o = preshow(&["fmt", "--check", "--upgrade", file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("would be upgraded to format 2"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let o = preshow(&["fmt", "--upgrade", file]);
    assert_eq!(o.status.code(), Some(0));
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        said.contains("upgraded from format 1 to format 2"),
        "{said}"
    );
    let upgraded = std::fs::read_to_string(&path).expect("read");
    let plan = format::parse(&upgraded).expect("loads").plan;
    assert_eq!(plan.format, 2);
    // Only the version changed; and upgrading again changes nothing.
    assert_eq!(
        upgraded,
        canonical_format_1().replacen("format: 1,", "format: 2,", 1)
    );
    let o = preshow(&["fmt", "--upgrade", file]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        o.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn a_reader_of_format_1_refuses_format_2_naming_both_numbers() {
    let text = canonical_format_1().replacen("format: 1,", "format: 2,", 1);
    let only_1 = Migrator {
        current: 1,
        direct: 1,
        steps: vec![],
    };
    let e = format::parse_with(&text, &only_1).expect_err("format 2 is too new");
    assert!(
        e.message.contains("format 2") && e.message.contains("format 1"),
        "{e}"
    );
    // The same reader still reads format 1.
    assert!(format::parse_with(&canonical_format_1(), &only_1).is_ok());
}
