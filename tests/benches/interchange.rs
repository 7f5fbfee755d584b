//! What users wait for when files cross to other tools: every export (`preshow export`: the four
//! CSV tables, the brief in Markdown and HTML, the calendar) and every import of a file Preshow
//! exported itself (accounts, meetings, leads; as `--dry-run` does it, the merge without writing),
//! at 1,000, 10,000 and 100,000 accounts, with how much each grows from 10,000 to 100,000
//! accounts. The target: at most 15 ×, what linear work grows with room for caches.
//!
//! `cargo bench --bench core -- exports`, `cargo bench --bench core -- imports`; sizes can be
//! given too (`cargo bench --bench core -- exports 1000 10000`). The leads go with the plan after
//! the show (about ten leads per account); the rest with the plan before it.

use crate::common::{Stats, measure, ms, verdict};
use preshow::interchange::export::{brief, csv, ics};
use preshow::interchange::import::{self, Mapping};
use preshow::model::Plan;
use preshow::ops::generate;

/// The most a measurement may grow from 10,000 to 100,000 accounts.
const MOST_GROWTH: f64 = 15.0;

/// One measurement at every size: (accounts, median).
struct Line {
    name: &'static str,
    at: Vec<(usize, Stats)>,
}

fn runs(accounts: usize) -> usize {
    match accounts {
        0..=2_000 => 11,
        2_001..=20_000 => 5,
        _ => 3,
    }
}

/// The plans of one size: before the show, and after it (with leads).
struct Plans {
    before: Plan,
    after: Plan,
}

fn plans(accounts: usize) -> Plans {
    Plans {
        before: generate::generate(accounts, generate::DEFAULT_SEED),
        after: generate::generate_after(accounts, generate::DEFAULT_SEED),
    }
}

type Job = (&'static str, fn(&Plans) -> usize);

/// Each export, as text; what it returns is the text's length, so nothing is optimised away.
const EXPORTS: [Job; 7] = [
    ("export --csv accounts", |p| {
        csv::export(&p.before, csv::Table::Accounts).map_or(0, |t| t.len())
    }),
    ("export --csv meetings", |p| {
        csv::export(&p.before, csv::Table::Meetings).map_or(0, |t| t.len())
    }),
    ("export --csv handoffs", |p| {
        csv::export(&p.before, csv::Table::Handoffs).map_or(0, |t| t.len())
    }),
    ("export --csv leads (after the show)", |p| {
        csv::export(&p.after, csv::Table::Leads).map_or(0, |t| t.len())
    }),
    ("export --brief md", |p| {
        brief::markdown(&p.before, generate::today()).len()
    }),
    ("export --brief html", |p| {
        brief::html(&p.before, generate::today()).len()
    }),
    ("export --ics", |p| {
        let stamp = generate::today().at(9, 0).0;
        ics::calendar(&p.before, None, stamp).map_or(0, |c| c.text.len())
    }),
];

/// Each import of a file exported from the same plan, as `--dry-run` runs it (the merge and its
/// report, no file written).
const IMPORTS: [(&str, csv::Table, bool); 3] = [
    (
        "import --accounts (its own export)",
        csv::Table::Accounts,
        false,
    ),
    (
        "import --meetings (its own export)",
        csv::Table::Meetings,
        false,
    ),
    ("import --leads (its own export)", csv::Table::Leads, true),
];

fn import(plan: &Plan, table: csv::Table, text: &str) -> usize {
    let mapping = Mapping::default();
    let report = match table {
        csv::Table::Accounts => import::accounts(plan, text, &mapping),
        csv::Table::Meetings => import::meetings(plan, text, &mapping),
        _ => import::leads(plan, text, &mapping),
    };
    report.map_or(0, |r| r.render().len())
}

/// Runs the exports, the imports or both at each size and prints a table with the growth.
pub fn run(sizes: &[usize], exports: bool, imports: bool) {
    let mut lines: Vec<Line> = Vec::new();
    let mut line = |name: &'static str, accounts: usize, stats: Stats| match lines
        .iter_mut()
        .find(|l| l.name == name)
    {
        Some(l) => l.at.push((accounts, stats)),
        None => lines.push(Line {
            name,
            at: vec![(accounts, stats)],
        }),
    };
    for &accounts in sizes {
        let plans = plans(accounts);
        let n = runs(accounts);
        if exports {
            for (name, job) in EXPORTS {
                line(name, accounts, measure(n, || job(&plans)));
            }
        }
        if imports {
            for (name, table, after) in IMPORTS {
                let plan = if after { &plans.after } else { &plans.before };
                let text = csv::export(plan, table).expect("the export is made");
                line(name, accounts, measure(n, || import(plan, table, &text)));
            }
        }
    }
    println!();
    println!("exports and imports (median / min of several runs, milliseconds)");
    print!("{:<38}", "");
    for &accounts in sizes {
        print!(" {:>19}", format!("{accounts} accounts"));
    }
    println!("  100,000 / 10,000");
    for l in &lines {
        print!("{:<38}", l.name);
        for &accounts in sizes {
            let cell =
                l.at.iter()
                    .find(|(a, _)| *a == accounts)
                    .map(|(_, s)| format!("{}/{}", ms(s.median), ms(s.min)))
                    .unwrap_or_default();
            print!(" {cell:>19}");
        }
        let at = |a: usize| l.at.iter().find(|(x, _)| *x == a).map(|(_, s)| *s);
        match (at(10_000), at(100_000)) {
            (Some(small), Some(big)) => {
                let x = big.median.as_secs_f64() / small.median.as_secs_f64();
                println!(
                    "  {x:>6.1} x  target {MOST_GROWTH} x  {}",
                    verdict(x <= MOST_GROWTH)
                );
            }
            _ => println!(),
        }
    }
}
