//! The load/check/save path, shared by the fuzz target (`fuzz_targets/load_check_save.rs`) and
//! the regression tests of the main crate (`tests/fuzz_regressions.rs`).
//!
//! Bytes that are not UTF-8 are not a plan. Text that is must either be refused with an error or
//! load; a plan that loads is checked and measured (format 2's results), saved, and loaded again,
//! and must come back the same (a plan that uses something of format 2 is saved as format 2).
//! Loading the same text the full way (scan, tree, `ron`), through no-op migration steps to a
//! pretend format 3, must give the same plan and the same source map too: the fast reader and
//! serde agree on formats 1 and 2.

use preshow::analysis::results;
use preshow::check;
use preshow::format::{self, Migrator, Step};
use preshow::model::{Date, Plan};

/// What became of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // Each includer uses a different subset.
pub enum Outcome {
    /// Not UTF-8: never given to the parser.
    NotUtf8,
    /// Refused with an error.
    Refused,
    /// Loaded, checked, saved and loaded again.
    RoundTripped,
}

/// The plan as text that tells every value apart (`-0.0` from `0.0`) and finds `NaN` equal to
/// itself, unlike `==`.
fn exact(plan: &Plan) -> String {
    format!("{plan:?}")
}

/// Reads formats 1 and 2 the full way: both migrate to a pretend format 3 with steps that change
/// nothing.
fn pretend_format_3() -> Migrator {
    let noop = |from| Step {
        from,
        summary: "noop",
        apply: |_| Ok(()),
    };
    Migrator {
        current: 3,
        direct: 3,
        steps: vec![noop(1), noop(2)],
    }
}

/// Runs one input through load, check and save; panics when an invariant breaks.
pub fn load_check_save(data: &[u8]) -> Outcome {
    let Ok(text) = std::str::from_utf8(data) else {
        return Outcome::NotUtf8;
    };
    let loaded = match format::parse(text) {
        Ok(loaded) => loaded,
        Err(e) => {
            let _ = e.to_string();
            return Outcome::Refused;
        }
    };
    let plan = &loaded.plan;

    let mut days = vec![plan.event.starts, plan.event.ends];
    days.extend(Date::from_ymd(2027, 3, 1));
    days.extend(Date::from_ymd(-262_000, 1, 1));
    days.extend(Date::from_ymd(262_000, 12, 31));
    for today in days {
        let findings = check::check(plan, today);
        assert_eq!(
            findings,
            check::check(plan, today),
            "checks are deterministic"
        );
        let located = check::render::locate("fuzz.ron", findings, &loaded.source);
        let _ = check::render::human(&located);
        let _ = check::render::json(&located);
        let _ = check::render::github(&located);
        let measured = results::measure(plan, today);
        assert_eq!(
            format!("{measured:?}"),
            format!("{:?}", results::measure(plan, today)),
            "results are deterministic"
        );
        for lead in 0..plan.leads.len().min(50) {
            let _ = results::path(plan, lead);
        }
    }

    let saved = format::to_string(plan);
    let again = match format::parse(&saved) {
        Ok(again) => again,
        Err(e) => panic!(
            "the writer's output does not load: {e}\n--- input ---\n{text}\n--- saved ---\n{saved}"
        ),
    };
    // A plan that uses something of format 2 is saved as format 2, whatever it said.
    let mut written = plan.clone();
    written.format = plan.written_format();
    assert_eq!(
        exact(&again.plan),
        exact(&written),
        "save and load changed the plan\n--- input ---\n{text}\n--- saved ---\n{saved}"
    );
    assert_eq!(
        format::to_string(&again.plan),
        saved,
        "saving is not idempotent"
    );

    if loaded.migrated_from.is_none() {
        match format::parse_with(text, &pretend_format_3()) {
            Ok(migrated) => {
                let mut expected = plan.clone();
                expected.format = 3;
                assert_eq!(
                    exact(&migrated.plan),
                    exact(&expected),
                    "a no-op migration changed the plan\n--- input ---\n{text}"
                );
                // Read for a format-3 reader, a plan always takes the full way (scan, tree,
                // `ron`); read as it is, it may take the fast way. Both must agree on where
                // everything is, too.
                assert_eq!(
                    migrated.source, loaded.source,
                    "the two ways in disagree on the source map\n--- input ---\n{text}"
                );
            }
            Err(e) => panic!("a plan that loads does not migrate: {e}\n--- input ---\n{text}"),
        }
    }
    Outcome::RoundTripped
}
