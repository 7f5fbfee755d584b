//! Every input in `tests/fuzz-regressions/` goes through the fuzz target's load/check/save path
//! (`tests/fuzz/round_trip.rs`): crashes the fuzzer found (minimized) and hand-made hostile
//! inputs. None may panic or hang. By name:
//! - `refused-*` must be refused with an error (or not be UTF-8);
//! - `loads-*` must load and survive the round trip;
//! - anything else (`crash-*`, `timeout-*` from the fuzzer) only must not panic or hang.
//!
//! Inputs too large to keep as files (a million commas, a million open brackets) are made here.

#[path = "fuzz/round_trip.rs"]
mod round_trip;

use round_trip::{Outcome, load_check_save};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Longer than any input here needs in a debug build on a slow, busy machine; an input that
/// takes this long is a hang.
const TOO_LONG: Duration = Duration::from_secs(20);

/// Runs one input on a thread of its own, so that a panic names the input and a hang fails the
/// test instead of stalling it.
fn run(name: &str, data: Vec<u8>) -> Result<Outcome, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let started = Instant::now();
    let thread = std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(8 * 1024 * 1024)
        .spawn(move || {
            let outcome = load_check_save(&data);
            let _ = tx.send(outcome);
        })
        .map_err(|e| format!("{name}: could not start a thread: {e}"))?;
    match rx.recv_timeout(TOO_LONG) {
        Ok(outcome) => {
            let _ = thread.join();
            Ok(outcome)
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(format!(
            "{name}: still running after {:?} (a hang)",
            started.elapsed()
        )),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            let why = match thread.join() {
                Err(payload) => payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default(),
                Ok(()) => String::new(),
            };
            Err(format!("{name}: panicked: {why}"))
        }
    }
}

/// Whether the outcome is the one the name promises.
fn expected(name: &str, outcome: Outcome) -> Result<(), String> {
    let ok = if name.starts_with("refused-") {
        matches!(outcome, Outcome::Refused | Outcome::NotUtf8)
    } else if name.starts_with("loads-") {
        outcome == Outcome::RoundTripped
    } else {
        true
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{name}: expected by its name, but {outcome:?}"))
    }
}

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions")
}

#[test]
fn every_regression_input_is_handled() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder())
        .expect("tests/fuzz-regressions exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no regression inputs found");
    let mut failures = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let data = std::fs::read(path).expect("readable input");
        if let Err(e) = run(&name, data).and_then(|outcome| expected(&name, outcome)) {
            failures.push(e);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn huge_hostile_inputs_are_refused_quickly() {
    let event = r#"event: (name: "S", starts: "2027-03-09", ends: "2027-03-11")"#;
    // Each is refused with an error, quickly.
    let cases: Vec<(&str, String)> = vec![
        (
            "a million commas",
            format!("(format: 1, {event}, people: [{}])", ",".repeat(1_000_000)),
        ),
        (
            "a million open parentheses",
            format!("(format: 1, {event}, people: {}", "(".repeat(1_000_000)),
        ),
        (
            "a million open brackets in an old format",
            format!("(format: 0, {event}, people: {}", "[".repeat(1_000_000)),
        ),
        (
            "a million `Some(`",
            format!(
                "#![enable(implicit_some)]\n(format: 1, {event}, scoring: {}",
                "Some(".repeat(1_000_000)
            ),
        ),
        (
            "a million unclosed block comments",
            format!("(format: 1, {event}{}", "/*".repeat(1_000_000)),
        ),
        (
            // Each comment's column was counted from the start of its line: time grew with
            // the square of the line.
            "a million comments on one line, unclosed",
            format!("(format: 1, {event}{}", "/**/".repeat(1_000_000)),
        ),
        (
            "a string of ten million characters, unterminated",
            format!("(format: 1, event: (name: \"{}", "x".repeat(10_000_000)),
        ),
        (
            "a number of a million digits",
            format!("(format: {}, {event})", "9".repeat(1_000_000)),
        ),
        (
            "a million empty people",
            format!(
                "(format: 1, {event}, people: [{}])",
                "(),".repeat(1_000_000)
            ),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text) in cases {
        let started = Instant::now();
        match run(name, text.into_bytes()) {
            Ok(Outcome::Refused) => {}
            Ok(other) => failures.push(format!("{name}: expected an error, got {other:?}")),
            Err(e) => failures.push(e),
        }
        eprintln!("{name}: {:?}", started.elapsed());
    }
    // Valid, if odd: loads, and survives the round trip.
    let attributes = format!(
        "{}(format: 1, {event})",
        "#![enable(implicit_some)]\n".repeat(100_000)
    );
    match run("a hundred thousand attributes", attributes.into_bytes()) {
        Ok(Outcome::RoundTripped) => {}
        Ok(other) => failures.push(format!("a hundred thousand attributes: {other:?}")),
        Err(e) => failures.push(e),
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Found while writing these inputs: RON spells numbers in more ways than the scan read, and a
/// plan written `format: 0x2` loaded as format 1 and was then saved as `format: 2`. (Since
/// format 2 exists, the newer format in these inputs is 3.)
#[test]
fn the_format_number_counts_in_any_spelling() {
    let event = r#"event: (name: "S", starts: "2027-03-09", ends: "2027-03-11")"#;
    for (written, number) in [("0x3", 3), ("0b111", 7), ("1_0", 10), ("0o3", 3)] {
        let text = format!("(format: {written}, {event})");
        let e = preshow::format::parse(&text).expect_err("a newer format is refused");
        assert!(
            e.message.contains(&format!("format {number}")) && e.message.contains("format 2"),
            "{written}: {e}"
        );
        assert_eq!(e.pos.map(|p| p.line), Some(1), "{written}: {e}");
    }
    for older in ["-0", "0x0", "0_0"] {
        let text = format!("(format: {older}, {event})");
        let e = preshow::format::parse(&text).expect_err("format 0 is refused");
        assert!(e.message.contains("format 0"), "{older}: {e}");
    }
    for current in ["0x1", "+1", "0b1", "0_1"] {
        let text = format!("(format: {current}, {event})");
        let loaded = preshow::format::parse(&text).expect("format 1 loads");
        assert_eq!(
            (loaded.plan.format, loaded.migrated_from),
            (1, None),
            "{current}"
        );
    }
}
