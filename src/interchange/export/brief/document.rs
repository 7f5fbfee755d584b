//! What the brief says, built from the plan: the facts under the title, then, once the plan
//! holds the show's outcome (format 2), the results ([`crate::analysis::results`]: objectives
//! against their targets, handoffs against their SLAs, accounts met, meetings held, leads), then
//! one section each for objectives and targets, tier-1 accounts and their meetings, agreed
//! messages, lead handoffs, and the open gaps by team. The open gaps come from [`crate::check::check`] and are
//! attributed to teams and people exactly as the readiness board does it ([`who_owes`]).

use crate::analysis::results::{self, Results};
use crate::check::{self, Context, Finding, Severity, Summary};
use crate::interchange::export::Names;
use crate::interchange::export::brief::doc::{Block, Doc, Item, Section, item};
use crate::model::{Account, Date, Meeting, Plan, QUALIFIED_LEAD, Team};
use crate::readiness::{Debtor, TeamDebt, who_owes};

/// At most this many findings are listed per person or team; the rest are counted.
const FINDINGS_PER_DEBTOR: usize = 3;

/// Who agreed, as the brief says it: "Sales and Marketing", "Sales", "Not agreed"...
fn agreement(teams: &[Team]) -> String {
    let names: Vec<&str> = teams.iter().map(|t| t.as_str()).collect();
    match names.len() {
        0 => "Not agreed".to_owned(),
        1 => names.concat(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// `1800000.0` gives `1,800,000`; `0.5` gives `0.5`.
fn number(n: f64) -> String {
    if n.fract() != 0.0 || n.abs() >= 1e15 {
        return n.to_string();
    }
    let digits = format!("{}", n.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0.0 { format!("-{out}") } else { out }
}

fn days(starts: Date, ends: Date) -> String {
    let (s, e) = (starts.0, ends.0);
    if s == e {
        s.format("%-d %B %Y").to_string()
    } else if s.format("%Y-%m").to_string() == e.format("%Y-%m").to_string() {
        format!("{}–{}", s.format("%-d"), e.format("%-d %B %Y"))
    } else if s.format("%Y").to_string() == e.format("%Y").to_string() {
        format!("{} – {}", s.format("%-d %B"), e.format("%-d %B %Y"))
    } else {
        format!("{} – {}", s.format("%-d %B %Y"), e.format("%-d %B %Y"))
    }
}

/// Builds the brief of `plan`, with `today` deciding what is overdue.
pub fn document(plan: &Plan, today: Date) -> Doc {
    let ctx = Context::new(plan, today);
    let names = Names::of(plan);
    let findings = check::check(plan, today);
    let summary = Summary::of(&findings);
    let mut sections = Vec::new();
    if Results::has_outcomes(plan) {
        sections.push(results_section(plan, &names, today));
    }
    sections.extend([
        objectives(plan, &ctx),
        tier_one_accounts(plan, &names),
        agreed_messages(plan, &ctx),
        handoffs(plan, &names, &ctx),
        open_gaps(plan, &findings, &summary),
    ]);
    Doc {
        title: format!("{}: leadership brief", plan.event.name),
        facts: facts(plan, &summary, today),
        sections,
    }
}

/// `1 lead`, `3 leads`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(n as f64), if n == 1 { one } else { many })
}

/// `n` of `of` as a whole percentage: `80%`.
fn share(n: usize, of: usize) -> String {
    if of == 0 {
        return "–".to_owned();
    }
    format!("{}%", (n as f64 * 100.0 / of as f64).round())
}

/// A number of hours as people read it: `19.5 hours`, `1 hour`.
fn hours(h: f64) -> String {
    let rounded = (h * 10.0).round() / 10.0;
    if rounded == 1.0 {
        "1 hour".to_owned()
    } else {
        format!("{} hours", number(rounded))
    }
}

/// The show's outcome, measured as of `today`: objectives against their targets, each handoff
/// against its SLA (within, late, stuck), accounts met by tier, meetings and leads.
fn results_section(plan: &Plan, names: &Names, today: Date) -> Section {
    let r = results::measure(plan, today);
    let mut blocks = vec![Block::Para(format!(
        "Measured on {}.",
        today.0.format("%-d %B %Y")
    ))];
    if !plan.objectives.is_empty() {
        blocks.push(Block::Table {
            head: vec!["Objective", "Target", "Actual", "Result"],
            rows: plan
                .objectives
                .iter()
                .zip(&r.objectives)
                .map(|(o, res)| {
                    let with_unit = |n: f64| match o.unit.as_deref() {
                        Some(u) => format!("{} {u}", number(n)),
                        None => number(n),
                    };
                    let actual = match (res.actual, &o.measure) {
                        (Some(a), Some(_)) => with_unit(a),
                        (Some(a), None) => format!("{} (entered by hand)", with_unit(a)),
                        (None, _) => "Not known".to_owned(),
                    };
                    vec![
                        o.name.clone(),
                        o.target.map_or_else(|| "No target".to_owned(), with_unit),
                        actual,
                        match res.met {
                            Some(true) => "Met",
                            Some(false) => "Missed",
                            None => "Not known",
                        }
                        .to_owned(),
                    ]
                })
                .collect(),
        });
    }
    if !plan.handoffs.is_empty() {
        blocks.push(Block::Heading("Handoffs against their SLAs".to_owned()));
        blocks.push(Block::Table {
            head: vec![
                "Handoff",
                "SLA",
                "Leads",
                "Within SLA",
                "Late",
                "Stuck",
                "Median",
            ],
            rows: plan
                .handoffs
                .iter()
                .zip(&r.handoffs)
                .map(|(h, res)| {
                    let taken = res.taken.len();
                    let (within, late) = match (res.within_sla(), res.late()) {
                        (Some(w), Some(l)) if taken == 0 => (number(w as f64), number(l as f64)),
                        (Some(w), Some(l)) => (
                            format!("{} ({})", number(w as f64), share(w, taken)),
                            number(l as f64),
                        ),
                        _ => ("–".to_owned(), "–".to_owned()),
                    };
                    vec![
                        format!(
                            "{} → {}",
                            names.stage_name(&h.from),
                            names.stage_name(&h.to)
                        ),
                        h.sla_hours
                            .map_or_else(|| "No SLA".to_owned(), |n| hours(n as f64)),
                        number(taken as f64),
                        within,
                        late,
                        number(res.stuck.len() as f64),
                        res.median_hours.map_or_else(|| "–".to_owned(), hours),
                    ]
                })
                .collect(),
        });
    }
    blocks.push(Block::Heading("Accounts met".to_owned()));
    blocks.push(Block::List(
        r.tiers
            .iter()
            .enumerate()
            .filter(|(_, t)| t.planned > 0)
            .map(|(i, t)| {
                item(
                    format!(
                        "Tier {}: {} of {} met ({})",
                        i + 1,
                        number(t.met as f64),
                        count(t.planned, "account", "accounts"),
                        share(t.met, t.planned)
                    ),
                    Vec::new(),
                    i == 0 && t.met < t.planned,
                )
            })
            .collect(),
    ));
    let m = r.meetings;
    blocks.push(Block::Para(format!(
        "Meetings: {} held, {}, {} cancelled, {} declined, {} still open.",
        number(m.held as f64),
        count(m.no_show, "no-show", "no-shows"),
        number(m.cancelled as f64),
        number(m.declined as f64),
        number(m.open as f64),
    )));
    let l = r.lead_counts;
    blocks.push(Block::Para(format!(
        "Leads: {} captured, {} from target accounts; {} stuck past their follow-up time, {} \
         reached sales with no owner.",
        number(l.total as f64),
        number(l.from_accounts as f64),
        number(l.stuck as f64),
        number(l.without_owner as f64),
    )));
    Section {
        title: "Results after the show".to_owned(),
        blocks,
    }
}

/// The facts under the title: when, where, in which time zone, the plan in numbers, and the
/// open gaps as of `today`.
fn facts(plan: &Plan, summary: &Summary, today: Date) -> Vec<(&'static str, String)> {
    let ev = &plan.event;
    let mut facts = vec![("When", days(ev.starts, ev.ends))];
    let place: Vec<String> = [
        ev.venue.clone(),
        ev.booth.as_ref().map(|b| format!("booth {b}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !place.is_empty() {
        facts.push(("Where", place.join(", ")));
    }
    if let Some(tz) = &ev.timezone {
        facts.push(("Times", format!("local event time ({tz})")));
    }
    let tier1 = plan.accounts.iter().filter(|a| a.tier == 1).count();
    let active: Vec<_> = plan
        .meetings
        .iter()
        .filter(|m| m.status.is_active())
        .collect();
    let confirmed = active.iter().filter(|m| m.status.is_confirmed()).count();
    facts.push((
        "Plan",
        format!(
            "{} accounts ({tier1} tier 1), {} meetings booked ({confirmed} confirmed), {} people",
            plan.accounts.len(),
            active.len(),
            plan.people.len()
        ),
    ));
    facts.push(("Open gaps", format!("{summary} (checked {today})")));
    facts
}

/// Objectives and targets, who agreed to each, and the definition of a qualified lead.
fn objectives(plan: &Plan, ctx: &Context) -> Section {
    let mut blocks = Vec::new();
    if plan.objectives.is_empty() {
        blocks.push(Block::Para("No objectives are set yet.".to_owned()));
    } else {
        blocks.push(Block::Table {
            head: vec!["Objective", "Target", "Measured by", "Agreed by"],
            rows: plan
                .objectives
                .iter()
                .map(|o| {
                    let target = match (o.target, o.unit.as_deref()) {
                        (Some(t), Some(u)) => format!("{} {u}", number(t)),
                        (Some(t), None) => number(t),
                        (None, _) => "No target".to_owned(),
                    };
                    vec![
                        o.name.clone(),
                        target,
                        o.metric.clone().unwrap_or_default(),
                        agreement(&ctx.agreeing_teams(o)),
                    ]
                })
                .collect(),
        });
    }
    match plan.terms.iter().find(|t| t.id == QUALIFIED_LEAD) {
        Some(t) => {
            let teams = ctx.agreeing_teams(t);
            let agreed = if teams.is_empty() {
                "not agreed yet".to_owned()
            } else {
                format!("agreed by {}", agreement(&teams))
            };
            blocks.push(Block::Para(format!(
                "{}: {} ({agreed})",
                t.term, t.definition
            )));
        }
        None => blocks.push(Block::Para(
            "There is no agreed definition of a qualified lead yet.".to_owned(),
        )),
    }
    Section {
        title: "Objectives and targets".to_owned(),
        blocks,
    }
}

/// Each tier-1 account with its owner and segment, and its active meetings in time order;
/// flagged when it has no confirmed meeting or no sales owner.
fn tier_one_accounts(plan: &Plan, names: &Names) -> Section {
    let items: Vec<Item> = plan
        .accounts
        .iter()
        .filter(|a| a.tier == 1)
        .map(|a| account_item(plan, names, a))
        .collect();
    Section {
        title: "Tier-1 accounts and their meetings".to_owned(),
        blocks: vec![if items.is_empty() {
            Block::Para("No tier-1 accounts yet.".to_owned())
        } else {
            Block::List(items)
        }],
    }
}

/// One tier-1 account and its meetings: those naming its id, grouped by account once for the
/// whole plan ([`Names::lookup`]), so an account with the id of one before it shares its meetings.
fn account_item(plan: &Plan, names: &Names, a: &Account) -> Item {
    let mut about = Vec::new();
    match &a.owner {
        Some(o) => about.push(format!("owner {}", names.person_name(o))),
        None => about.push("no sales owner".to_owned()),
    }
    if let Some(s) = &a.segment {
        about.push(s.clone());
    }
    let lookup = names.lookup();
    let of_account = lookup
        .account(plan, &a.id)
        .map_or(&[][..], |i| lookup.meetings_of_account(plan, i));
    let mut meetings: Vec<&Meeting> = of_account
        .iter()
        .filter_map(|&i| plan.meetings.get(i as usize))
        .filter(|m| m.status.is_active())
        .collect();
    meetings.sort_by_key(|m| m.start);
    let sub: Vec<String> = if meetings.is_empty() {
        vec!["No meeting booked".to_owned()]
    } else {
        meetings.iter().map(|m| meeting_line(names, m)).collect()
    };
    let confirmed = meetings.iter().any(|m| m.status.is_confirmed());
    item(
        format!("{}: {}", a.name, about.join(", ")),
        sub,
        !confirmed || a.owner.is_none(),
    )
}

/// A meeting as the brief lists it: "Tue 16 Mar 09:30–10:30 Confirmed: goal (people)".
fn meeting_line(names: &Names, m: &Meeting) -> String {
    let people: Vec<String> = m.people.iter().map(|p| names.person_name(p)).collect();
    let mut s = format!(
        "{}–{} {}",
        m.start.0.format("%a %-d %b %H:%M"),
        m.end().0.format("%H:%M"),
        m.status
    );
    if let Some(g) = &m.goal {
        s.push_str(&format!(": {g}"));
    }
    if !people.is_empty() {
        s.push_str(&format!(" ({})", people.join(", ")));
    }
    s
}

/// The messages Sales agreed to, with their proof, and the headlines not yet agreed.
fn agreed_messages(plan: &Plan, ctx: &Context) -> Section {
    let (agreed, open): (Vec<_>, Vec<_>) = plan
        .messages
        .iter()
        .partition(|m| ctx.agreeing_teams(*m).contains(&Team::Sales));
    let mut blocks = Vec::new();
    if agreed.is_empty() {
        blocks.push(Block::Para("No message is agreed by Sales yet.".to_owned()));
    } else {
        blocks.push(Block::List(
            agreed
                .iter()
                .map(|m| item(m.headline.clone(), m.proof.clone(), false))
                .collect(),
        ));
    }
    if !open.is_empty() {
        blocks.push(Block::Para(format!(
            "Not yet agreed by Sales: {}.",
            open.iter()
                .map(|m| m.headline.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        )));
    }
    Section {
        title: "Agreed messages".to_owned(),
        blocks,
    }
}

/// The lead handoffs: stages, trigger, owner, follow-up time and who agreed.
fn handoffs(plan: &Plan, names: &Names, ctx: &Context) -> Section {
    Section {
        title: "Lead handoffs".to_owned(),
        blocks: vec![if plan.handoffs.is_empty() {
            Block::Para("No handoffs are defined yet.".to_owned())
        } else {
            Block::Table {
                head: vec!["Handoff", "When", "Owner", "Follow-up within", "Agreed by"],
                rows: plan
                    .handoffs
                    .iter()
                    .map(|h| {
                        vec![
                            format!(
                                "{} → {}",
                                names.stage_name(&h.from),
                                names.stage_name(&h.to)
                            ),
                            h.trigger.clone(),
                            h.owner
                                .as_deref()
                                .map_or_else(|| "Nobody".to_owned(), |o| names.person_name(o)),
                            h.sla_hours
                                .map_or_else(|| "No SLA".to_owned(), |n| format!("{n} hours")),
                            agreement(&ctx.agreeing_teams(h)),
                        ]
                    })
                    .collect(),
            }
        }],
    }
}

/// The open errors and warnings by team, as the readiness board attributes them, with a few
/// per person and the rest counted; informational findings are only counted.
fn open_gaps(plan: &Plan, findings: &[Finding], summary: &Summary) -> Section {
    let listed: Vec<Finding> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .cloned()
        .collect();
    let mut blocks = Vec::new();
    if listed.is_empty() {
        blocks.push(Block::Para("No open errors or warnings.".to_owned()));
    }
    for debt in who_owes(plan, &listed) {
        blocks.push(team_heading(&debt, &listed));
        let items = debt
            .debtors
            .iter()
            .map(|d| debtor_item(d, &listed))
            .collect();
        blocks.push(Block::List(items));
    }
    if summary.info > 0 {
        blocks.push(Block::Para(format!(
            "{} informational finding{} not listed; `preshow check` shows them all.",
            summary.info,
            if summary.info == 1 { " is" } else { "s are" }
        )));
    }
    Section {
        title: "Open gaps by team".to_owned(),
        blocks,
    }
}

/// A team's heading: "Sales: 3 open (1 error, 2 warnings)".
fn team_heading(debt: &TeamDebt, listed: &[Finding]) -> Block {
    let in_team: Vec<&Finding> = debt
        .debtors
        .iter()
        .flat_map(|d| d.findings.iter().filter_map(|&i| listed.get(i)))
        .collect();
    let s = Summary::of(in_team.iter().copied());
    Block::Heading(format!(
        "{}: {} open ({} error{}, {} warning{})",
        debt.group.title(),
        s.error + s.warning,
        s.error,
        if s.error == 1 { "" } else { "s" },
        s.warning,
        if s.warning == 1 { "" } else { "s" },
    ))
}

/// A person's (or a team's) open findings, errors first, at most [`FINDINGS_PER_DEBTOR`] of
/// them; flagged when one is an error.
fn debtor_item(d: &Debtor, listed: &[Finding]) -> Item {
    let mut fs: Vec<&Finding> = d.findings.iter().filter_map(|&i| listed.get(i)).collect();
    fs.sort_by_key(|f| f.severity);
    let mut sub: Vec<String> = fs
        .iter()
        .take(FINDINGS_PER_DEBTOR)
        .map(|f| format!("{}: {}", f.severity, f.message))
        .collect();
    if fs.len() > FINDINGS_PER_DEBTOR {
        sub.push(format!("and {} more", fs.len() - FINDINGS_PER_DEBTOR));
    }
    item(
        format!("{} ({})", d.name, fs.len()),
        sub,
        fs.iter().any(|f| f.severity == Severity::Error),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_days_read_well() {
        assert_eq!(number(1_800_000.0), "1,800,000");
        assert_eq!(number(120.0), "120");
        assert_eq!(number(0.5), "0.5");
        let d = |s: &str| s.parse::<Date>().unwrap_or(Date(chrono::NaiveDate::MIN));
        assert_eq!(days(d("2027-03-16"), d("2027-03-18")), "16–18 March 2027");
        assert_eq!(
            days(d("2027-03-30"), d("2027-04-01")),
            "30 March – 1 April 2027"
        );
    }
}
