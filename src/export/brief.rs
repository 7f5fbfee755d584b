//! A one-page brief for leadership, in Markdown or self-contained HTML: the event, objectives and
//! targets (agreed or not), tier-1 accounts and their meetings, the agreed messages with their
//! proof, the handoffs with their SLAs and owners, and the open gaps by team.
//!
//! The brief is built once as a small document ([`Doc`]) and rendered twice, so both formats say
//! the same. All plan text is escaped for the format it goes into. The open gaps come from
//! [`crate::check::check`] and are attributed to teams and people exactly as the readiness board
//! does it ([`who_owes`]).

use super::{person_name, stage_name};
use crate::check::{self, Context, Finding, Severity, Summary};
use crate::model::{Date, Plan, QUALIFIED_LEAD, Team};
use crate::readiness::who_owes;

/// The brief as a document: a title, facts, and sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The title.
    pub title: String,
    /// Label and value pairs under the title.
    pub facts: Vec<(&'static str, String)>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// One section of the brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Its heading.
    pub title: String,
    /// What it holds.
    pub blocks: Vec<Block>,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sub-heading.
    Heading(String),
    /// A paragraph.
    Para(String),
    /// A list; each item may have sub-items.
    List(Vec<Item>),
    /// A table with a header row.
    Table {
        /// Column headings.
        head: Vec<&'static str>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
    },
}

/// A list item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item's text.
    pub text: String,
    /// Sub-items.
    pub sub: Vec<String>,
    /// Whether it is a gap worth a reader's eye.
    pub flagged: bool,
}

fn item(text: String, sub: Vec<String>, flagged: bool) -> Item {
    Item { text, sub, flagged }
}

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
    let findings = check::check(plan, today);
    let summary = Summary::of(&findings);
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
    let confirmed = active
        .iter()
        .filter(|m| m.status == crate::model::MeetingStatus::Confirmed)
        .count();
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

    let mut sections = Vec::new();

    // Objectives and targets.
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
    sections.push(Section {
        title: "Objectives and targets".to_owned(),
        blocks,
    });

    // Tier-1 accounts and their meetings.
    let mut items = Vec::new();
    for a in plan.accounts.iter().filter(|a| a.tier == 1) {
        let mut about = Vec::new();
        match &a.owner {
            Some(o) => about.push(format!("owner {}", person_name(plan, o))),
            None => about.push("no sales owner".to_owned()),
        }
        if let Some(s) = &a.segment {
            about.push(s.clone());
        }
        let mut meetings: Vec<_> = plan
            .meetings
            .iter()
            .filter(|m| m.account == a.id && m.status.is_active())
            .collect();
        meetings.sort_by_key(|m| m.start);
        let sub: Vec<String> = if meetings.is_empty() {
            vec!["No meeting booked".to_owned()]
        } else {
            meetings
                .iter()
                .map(|m| {
                    let people: Vec<String> =
                        m.people.iter().map(|p| person_name(plan, p)).collect();
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
                })
                .collect()
        };
        let confirmed = meetings
            .iter()
            .any(|m| m.status == crate::model::MeetingStatus::Confirmed);
        items.push(item(
            format!("{}: {}", a.name, about.join(", ")),
            sub,
            !confirmed || a.owner.is_none(),
        ));
    }
    sections.push(Section {
        title: "Tier-1 accounts and their meetings".to_owned(),
        blocks: vec![if items.is_empty() {
            Block::Para("No tier-1 accounts yet.".to_owned())
        } else {
            Block::List(items)
        }],
    });

    // Agreed messages.
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
    sections.push(Section {
        title: "Agreed messages".to_owned(),
        blocks,
    });

    // Handoffs.
    sections.push(Section {
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
                                stage_name(plan, &h.from),
                                stage_name(plan, &h.to)
                            ),
                            h.trigger.clone(),
                            h.owner
                                .as_deref()
                                .map_or_else(|| "Nobody".to_owned(), |o| person_name(plan, o)),
                            h.sla_hours
                                .map_or_else(|| "No SLA".to_owned(), |n| format!("{n} hours")),
                            agreement(&ctx.agreeing_teams(h)),
                        ]
                    })
                    .collect(),
            }
        }],
    });

    // Open gaps by team.
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
        let in_team: Vec<&Finding> = debt
            .debtors
            .iter()
            .flat_map(|d| d.findings.iter().filter_map(|&i| listed.get(i)))
            .collect();
        let s = Summary::of(in_team.iter().copied());
        blocks.push(Block::Heading(format!(
            "{}: {} open ({} error{}, {} warning{})",
            debt.group.title(),
            s.error + s.warning,
            s.error,
            if s.error == 1 { "" } else { "s" },
            s.warning,
            if s.warning == 1 { "" } else { "s" },
        )));
        let items = debt
            .debtors
            .iter()
            .map(|d| {
                let mut fs: Vec<&Finding> =
                    d.findings.iter().filter_map(|&i| listed.get(i)).collect();
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
            })
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
    sections.push(Section {
        title: "Open gaps by team".to_owned(),
        blocks,
    });

    Doc {
        title: format!("{}: leadership brief", ev.name),
        facts,
        sections,
    }
}

/// Escapes text for Markdown (CommonMark and GitHub tables): characters that could start markup
/// get a backslash (`&` only where it could start an entity, and a leading `-`, `+`, `=` or
/// `1.` that would start a list or a heading underline); line breaks become spaces.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut digits_only = true;
    while let Some(c) = chars.next() {
        let at_start = out.is_empty();
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if digits_only && !at_start => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        digits_only = digits_only && c.is_ascii_digit();
    }
    out
}

/// The brief in Markdown.
pub fn markdown(plan: &Plan, today: Date) -> String {
    render_markdown(&document(plan, today))
}

/// Renders a brief document as Markdown.
pub fn render_markdown(doc: &Doc) -> String {
    let e = escape_markdown;
    let mut out = format!("# {}\n\n", e(&doc.title));
    for (label, value) in &doc.facts {
        out.push_str(&format!("- **{label}:** {}\n", e(value)));
    }
    for s in &doc.sections {
        out.push_str(&format!("\n## {}\n", e(&s.title)));
        for b in &s.blocks {
            out.push('\n');
            match b {
                Block::Heading(h) => out.push_str(&format!("### {}\n", e(h))),
                Block::Para(p) => out.push_str(&format!("{}\n", e(p))),
                Block::List(items) => {
                    for it in items {
                        if it.flagged {
                            out.push_str(&format!("- **{}**\n", e(&it.text)));
                        } else {
                            out.push_str(&format!("- {}\n", e(&it.text)));
                        }
                        for sub in &it.sub {
                            out.push_str(&format!("  - {}\n", e(sub)));
                        }
                    }
                }
                Block::Table { head, rows } => {
                    out.push_str(&format!("| {} |\n", head.join(" | ")));
                    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(|c| e(c)).collect();
                        out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    }
                }
            }
        }
    }
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The style sheet: readable on screen, and on paper (A4 or Letter) without backgrounds and
/// without breaking a section across pages where it fits on one.
const STYLE: &str = "\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f3; color: #1b1f24;
  font: 10.5pt/1.45 -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 58rem; margin: 1.5rem auto; padding: 1.8rem 2.2rem; background: #fff;
  border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; color: #1f4e79; border-bottom: 2px solid #1f4e79;
  padding-bottom: .15rem; margin: 1.3rem 0 .5rem; }
h3 { font-size: .98rem; margin: .8rem 0 .25rem; }
p { margin: .35rem 0; }
ul { margin: .25rem 0; padding-left: 1.3rem; }
ul ul { padding-left: 1.1rem; color: #3a424c; }
li { margin: .1rem 0; }
.facts { list-style: none; padding: 0; margin: 0 0 .5rem; display: grid;
  grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.flag > span { font-weight: 600; color: #9b1c1c; }
table { width: 100%; border-collapse: collapse; font-size: .95em; }
th, td { text-align: left; vertical-align: top; padding: .25rem .45rem;
  border-bottom: 1px solid #c9ced6; }
th { background: #e8eef6; font-weight: 600; }
@page { margin: 14mm 13mm; }
@media print {
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  body { font-size: 9pt; line-height: 1.3; color: #000; }
  main { max-width: none; margin: 0; padding: 0; border-radius: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11pt; margin: 9pt 0 4pt; color: #000; border-bottom-color: #000; }
  h3 { margin: 6pt 0 2pt; }
  th, td { padding: 2pt 4pt; border-bottom-color: #888; }
  .flag > span { color: #000; }
  section.keep, header, tr, li, p { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
";

/// Sections of at most this many printed lines (roughly) are kept on one page.
const KEEP_LINES: usize = 30;

/// Roughly how many printed lines a section takes.
fn lines(s: &Section) -> usize {
    s.blocks
        .iter()
        .map(|b| match b {
            Block::Heading(_) => 2,
            Block::Para(p) => 1 + p.len() / 120,
            Block::List(items) => items
                .iter()
                .map(|i| {
                    1 + i.text.len() / 120 + i.sub.iter().map(|x| 1 + x.len() / 120).sum::<usize>()
                })
                .sum(),
            Block::Table { rows, .. } => {
                1 + rows
                    .iter()
                    .map(|r| 1 + r.iter().map(String::len).max().unwrap_or(0) / 60)
                    .sum::<usize>()
            }
        })
        .sum::<usize>()
        + 2
}

/// The brief as one self-contained HTML page.
pub fn html(plan: &Plan, today: Date) -> String {
    render_html(&document(plan, today))
}

/// Renders a brief document as one self-contained HTML page (inline CSS, no scripts, no links).
pub fn render_html(doc: &Doc) -> String {
    let e = escape_html;
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", e(&doc.title)));
    out.push_str(&format!(
        "<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    out.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<dl class=\"facts\">\n",
        e(&doc.title)
    ));
    for (label, value) in &doc.facts {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(label), e(value)));
    }
    out.push_str("</dl>\n</header>\n");
    for s in &doc.sections {
        // A section short enough to fit a page is kept on one; a long one breaks between its
        // items (never inside one), so no page is left mostly empty.
        let class = if lines(s) <= KEEP_LINES {
            " class=\"keep\""
        } else {
            ""
        };
        out.push_str(&format!("<section{class}>\n<h2>{}</h2>\n", e(&s.title)));
        for b in &s.blocks {
            match b {
                Block::Heading(h) => out.push_str(&format!("<h3>{}</h3>\n", e(h))),
                Block::Para(p) => out.push_str(&format!("<p>{}</p>\n", e(p))),
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for it in items {
                        let class = if it.flagged { " class=\"flag\"" } else { "" };
                        out.push_str(&format!("<li{class}><span>{}</span>", e(&it.text)));
                        if !it.sub.is_empty() {
                            out.push_str("\n<ul>\n");
                            for sub in &it.sub {
                                out.push_str(&format!("<li>{}</li>\n", e(sub)));
                            }
                            out.push_str("</ul>\n");
                        }
                        out.push_str("</li>\n");
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table { head, rows } => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", e(h)));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for c in row {
                            out.push_str(&format!("<td>{}</td>", e(c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
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

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_html("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
        assert_eq!(
            escape_markdown("a|b *c* [d](e)"),
            "a\\|b \\*c\\* \\[d\\](e)"
        );
        assert_eq!(escape_markdown("Food & beverage"), "Food & beverage");
        assert_eq!(escape_markdown("&amp; -x"), "\\&amp; -x");
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("2027. A year"), "2027\\. A year");
        assert_eq!(escape_markdown("2027 a.b"), "2027 a.b");
    }
}
