//! `preshow results`: the scorecard both teams agreed to before the show, measured (objectives,
//! handoffs, accounts met, meetings by outcome, leads), for people or, with `--format json`, as
//! the one JSON document of `format-2.md`.

use crate::analysis::results::{self, Results};
use crate::cli::{EXIT_OK, EXIT_TROUBLE, date_option, load_plan, write_stdout};
use crate::format::{display_safe, json_display_safe};
use crate::model::{Date, Plan, human};
use clap::ValueEnum;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// Output formats of `results`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ResultsFormat {
    /// A scorecard for people on a terminal.
    Human,
    /// One JSON document for tools.
    Json,
}

pub(super) fn run(file: &Path, today: Option<&str>, format: ResultsFormat) -> u8 {
    let today = match date_option("today", today) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("preshow results: {e}");
            return EXIT_TROUBLE;
        }
    };
    let loaded = match load_plan(file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", display_safe(&e.to_string()));
            return EXIT_TROUBLE;
        }
    };
    let plan = &loaded.plan;
    let measured = results::measure(plan, today);
    let text = match format {
        ResultsFormat::Human => human_text(plan, &measured, today),
        ResultsFormat::Json => json(plan, &measured),
    };
    match write_stdout(text.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("preshow results: {e}");
            EXIT_TROUBLE
        }
    }
}

/// The JSON document, keys in the order of `format-2.md`.
#[derive(Serialize)]
struct Document<'a> {
    objectives: Vec<Objective<'a>>,
    handoffs: Vec<Handoff<'a>>,
    accounts: Accounts,
    meetings: Meetings,
    leads: Leads,
}

#[derive(Serialize)]
struct Objective<'a> {
    id: &'a str,
    target: Option<f64>,
    actual: Option<f64>,
    unit: Option<&'a str>,
    met: Option<bool>,
}

#[derive(Serialize)]
struct Handoff<'a> {
    id: &'a str,
    sla_hours: Option<i64>,
    taken: usize,
    within_sla: Option<usize>,
    late: Option<usize>,
    median_hours: Option<f64>,
    stuck: usize,
}

#[derive(Serialize)]
struct Accounts {
    tier1: Tier,
    tier2: Tier,
    tier3: Tier,
}

#[derive(Serialize)]
struct Tier {
    planned: usize,
    met: usize,
}

#[derive(Serialize)]
struct Meetings {
    held: usize,
    no_show: usize,
    cancelled: usize,
    declined: usize,
    open: usize,
}

#[derive(Serialize)]
struct Leads {
    total: usize,
    from_accounts: usize,
    stuck: usize,
    without_owner: usize,
}

/// `--format json`: one document, pretty-printed, ending in a newline.
fn json(plan: &Plan, r: &Results) -> String {
    let tier = |t: results::TierResult| Tier {
        planned: t.planned,
        met: t.met,
    };
    let doc = Document {
        objectives: plan
            .objectives
            .iter()
            .zip(&r.objectives)
            .map(|(o, m)| Objective {
                id: &o.id,
                target: o.target,
                actual: m.actual,
                unit: o.unit.as_deref(),
                met: m.met,
            })
            .collect(),
        handoffs: plan
            .handoffs
            .iter()
            .zip(&r.handoffs)
            .map(|(h, m)| Handoff {
                id: &h.id,
                sla_hours: m.sla_hours,
                taken: m.taken.len(),
                within_sla: m.within_sla(),
                late: m.late(),
                median_hours: m.median_hours,
                stuck: m.stuck.len(),
            })
            .collect(),
        accounts: Accounts {
            tier1: tier(r.tiers[0]),
            tier2: tier(r.tiers[1]),
            tier3: tier(r.tiers[2]),
        },
        meetings: Meetings {
            held: r.meetings.held,
            no_show: r.meetings.no_show,
            cancelled: r.meetings.cancelled,
            declined: r.meetings.declined,
            open: r.meetings.open,
        },
        leads: Leads {
            total: r.lead_counts.total,
            from_accounts: r.lead_counts.from_accounts,
            stuck: r.lead_counts.stuck,
            without_owner: r.lead_counts.without_owner,
        },
    };
    let text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_owned());
    let mut text = json_display_safe(&text).into_owned();
    text.push('\n');
    text
}

/// A count with thousands grouped.
fn count(n: usize) -> String {
    human::number(n as f64, 0)
}

/// The scorecard for people: objectives, handoffs, accounts by tier, meetings and leads.
fn human_text(plan: &Plan, r: &Results, today: Date) -> String {
    let year = plan.year();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Results of {}, as of {}",
        display_safe(plan.event.name.trim()),
        human::date(today, year)
    );

    out.push_str("\nObjectives\n");
    if plan.objectives.is_empty() {
        out.push_str("  none in the plan\n");
    } else {
        let mut rows = vec![row(&["", "actual", "target", "", ""])];
        for (o, m) in plan.objectives.iter().zip(&r.objectives) {
            let verdict = match (m.met, m.actual) {
                (Some(true), _) => "met",
                (Some(false), _) => "missed",
                (None, None) => "not known yet",
                (None, Some(_)) => "no target",
            };
            rows.push(vec![
                display_safe(o.name.trim()).into_owned(),
                m.actual
                    .map_or_else(|| "-".to_owned(), |a| human::number(a, 2)),
                o.target
                    .map_or_else(|| "-".to_owned(), |t| human::number(t, 2)),
                display_safe(o.unit.as_deref().unwrap_or_default().trim()).into_owned(),
                verdict.to_owned(),
            ]);
        }
        table(&mut out, &rows, &[false, true, true, false, false]);
    }

    out.push_str("\nHandoffs\n");
    if plan.handoffs.is_empty() {
        out.push_str("  none in the plan\n");
    } else {
        let stage = |id: &str| {
            plan.stages
                .iter()
                .find(|s| s.id == id)
                .map_or(id, |s| s.name.trim())
                .to_owned()
        };
        let mut rows = vec![row(&[
            "", "SLA", "taken", "within", "late", "median", "stuck",
        ])];
        for (h, m) in plan.handoffs.iter().zip(&r.handoffs) {
            let or_dash = |n: Option<usize>| n.map_or_else(|| "-".to_owned(), count);
            rows.push(vec![
                display_safe(&format!("{} → {}", stage(&h.from), stage(&h.to))).into_owned(),
                m.sla_hours
                    .map_or_else(|| "-".to_owned(), |s| format!("{} h", count_i(s))),
                count(m.taken.len()),
                or_dash(m.within_sla()),
                or_dash(m.late()),
                m.median_hours
                    .map_or_else(|| "-".to_owned(), |x| format!("{} h", human::number(x, 1))),
                count(m.stuck.len()),
            ]);
        }
        table(
            &mut out,
            &rows,
            &[false, true, true, true, true, true, true],
        );
    }

    out.push_str("\nAccounts met\n");
    let mut rows = vec![row(&["", "planned", "met"])];
    for (i, t) in r.tiers.iter().enumerate() {
        rows.push(vec![
            format!("Tier {}", i + 1),
            count(t.planned),
            count(t.met),
        ]);
    }
    table(&mut out, &rows, &[false, true, true]);

    let m = &r.meetings;
    let _ = writeln!(
        out,
        "\nMeetings: {} held, {} no-show, {} cancelled, {} declined, {} still open",
        count(m.held),
        count(m.no_show),
        count(m.cancelled),
        count(m.declined),
        count(m.open)
    );
    let l = &r.lead_counts;
    let _ = writeln!(
        out,
        "Leads: {} in total, {} from accounts, {} stuck, {} without an owner",
        count(l.total),
        count(l.from_accounts),
        count(l.stuck),
        count(l.without_owner)
    );
    out
}

/// A whole number with thousands grouped.
fn count_i(n: i64) -> String {
    human::number(n as f64, 0)
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// Writes `rows` as a table indented by two spaces, columns two spaces apart; `right[c]` aligns
/// column `c` to the right (numbers). Widths count characters.
fn table(out: &mut String, rows: &[Vec<String>], right: &[bool]) {
    let columns = right.len();
    let mut widths = vec![0; columns];
    for r in rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for r in rows {
        let mut line = String::from("  ");
        for (c, cell) in r.iter().enumerate() {
            let width = widths.get(c).copied().unwrap_or_default();
            let pad = " ".repeat(width.saturating_sub(cell.chars().count()));
            if c > 0 {
                line.push_str("  ");
            }
            if right.get(c).copied().unwrap_or_default() {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}
