//! The fast reader held to the full one: on every plan the tests and fixtures hold, on odd plans
//! found by fuzzing, and on thousands of small edits of them.

use crate::format::fast::parse;
use crate::format::scan::{self, SourceMap};
use crate::model::Plan;
use std::path::Path;

/// What the full reader makes of `text`: the scan's map and ron's plan.
fn full(text: &str) -> Option<(Plan, SourceMap)> {
    let map = scan::scan(text).ok()?;
    let plan = crate::format::de::deserialize::<Plan>(text).ok()?;
    Some((plan, map))
}

/// The fast reader either gives up or agrees with the full one exactly.
fn agrees(text: &str) -> bool {
    match parse(text) {
        None => false,
        Some(fast) => {
            let slow = full(text);
            assert!(
                slow.as_ref() == Some(&fast),
                "the fast reader read what the full reader reads otherwise:\n{text}\n\
                 fast: {fast:#?}\nfull: {slow:#?}"
            );
            true
        }
    }
}

fn ron_files(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
    }
}

const HAND_WRITTEN: &str = "// A plan written by hand\n\
    Plan( /* the header is optional */\n  format : 1 ,\n  event: Event (name: \"Sh\\\"ow\\\\\", \
    starts: \"2027-03-09\", ends: \"2027-03-10\", venue: Some(\"Hall \\u{41}\\n2\",), booth: None),\n\
    people: [Person(id: \"ana\", name: \"Ana\", team: Sales, max_meetings_per_day: Some(8)),\r\n\
      (id: \"mo\", name: \"Mo\", team: Marketing,),],\n\
    objectives: [(id: \"p\", name: \"P\", target: Some(1.5e3), signoffs: [Signoff(by: \"ana\", on: \"2027-01-01\", \
    fingerprint: Some(\"ab\"))])],\n\
    scoring: Some(Scoring(threshold: -5, signals: [Signal(signal: \"x\", points: -10)])),\n\
    accounts: [\n  Account\n  (id: \"a\", name: \"A\", tier: 1, messages: [],),\n],\n\
    meetings: [(id: \"m\", account: \"a\", start: \"2027-03-09T10:00:30\", minutes: 30, status: Declined)],\n\
    stages: [(id: \"s\", name: \"S\", team: Leadership, entry: true, terminal: false)],\n\
    tasks: [(id: \"t\", title: \"T\\tab\", due: Some(\"2027-01-02\"), done: true)], // done\n\
    ) /* end */\n";

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = vec![
        crate::EXAMPLE_PLAN.to_owned(),
        crate::TEMPLATE_PLAN.to_owned(),
        HAND_WRITTEN.to_owned(),
        HAND_WRITTEN.replace('\n', "\r\n"),
        crate::ops::generate::generate_text(120, 3),
    ];
    ron_files(&root.join("tests/fixtures"), &mut texts);
    texts
}

/// Odd plans found by fuzzing: raw strings, unusual escapes and numbers, which the fast
/// reader may leave to the full one.
fn odd_corpus() -> Vec<String> {
    let mut texts = Vec::new();
    ron_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions"),
        &mut texts,
    );
    texts
}

#[test]
fn reads_every_plan_the_full_reader_reads_the_same() {
    let texts = corpus();
    for hand in &texts[2..4] {
        assert!(
            full(hand).is_some(),
            "the full reader reads the hand-written plan"
        );
    }
    for text in texts {
        let Some((plan, _)) = full(&text) else {
            continue;
        };
        if plan.format != crate::model::CURRENT_FORMAT {
            continue;
        }
        assert!(agrees(&text), "the fast reader gave up on:\n{text}");
    }
    for text in odd_corpus() {
        agrees(&text);
    }
}

/// Small edits of real plans, many of them broken: whatever the fast reader accepts, the full
/// reader reads the same. `PRESHOW_FAST_CASES` sets how many (default 4000).
#[test]
fn never_disagrees_on_edited_plans() {
    const SNIPPETS: &[&str] = &[
        ",",
        ")",
        "(",
        "]",
        "[",
        "\"",
        "\\",
        "/*",
        "*/",
        "//",
        "\n",
        " ",
        "\t",
        "Some(",
        "None",
        "0",
        "-",
        "1.5",
        "e",
        "x",
        "#",
        "r#",
        "\\u{41}",
        "\\x41",
        "é",
        "\u{2028}",
        "\u{b}",
        "Plan",
        "Account",
        "id: \"x\", ",
        ": ",
        "true",
        "Some(\"y\")",
        "01",
        "+1",
        "1_0",
        "\r",
        "'",
        "r\"a\"",
        "inf",
        "NaN",
        "2027-02-30",
        "#![enable(implicit_some)]",
        "#![enable(unwrap_newtypes)]",
        "\\\n",
        "Sales",
        "name: \"n\", ",
    ];
    let cases: usize = std::env::var("PRESHOW_FAST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000);
    let texts: Vec<String> = corpus()
        .into_iter()
        .chain(odd_corpus())
        .filter(|t| t.len() < 40_000)
        .collect();
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % (n.max(1) as u64)).unwrap_or(0)
    };
    let mut accepted = 0;
    for case in 0..cases {
        let mut text = texts[case % texts.len()].clone();
        for _ in 0..1 + next(3) {
            let mut at = next(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + next(12)).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            match next(3) {
                0 => text.replace_range(at..end, ""),
                1 => text.insert_str(at, SNIPPETS[next(SNIPPETS.len())]),
                _ => text.replace_range(at..end, SNIPPETS[next(SNIPPETS.len())]),
            }
        }
        if agrees(&text) {
            accepted += 1;
        }
    }
    assert!(
        accepted > cases / 20,
        "only {accepted} of {cases} edited plans were read"
    );
}

/// Without items in the source map, the plan and the rest of the map are the same.
#[test]
fn leaving_out_the_items_leaves_the_plan_and_the_rest_of_the_map() {
    let text = crate::ops::generate::generate_text(50, 2);
    let with = crate::format::parse(&text).expect("a generated plan");
    let without = crate::format::parse_without_items(&text).expect("a generated plan");
    assert_eq!(without.plan, with.plan);
    assert!(!with.source.items.is_empty());
    assert!(without.source.items.is_empty());
    assert_eq!(without.source.keys, with.source.keys);
    assert_eq!(without.source.format, with.source.format);
    let commented = format!("// a note\n{text}");
    let loaded = crate::format::parse_without_items(&commented).expect("a plan with a comment");
    assert_eq!(loaded.source.comments.len(), 1);
}
