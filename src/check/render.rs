//! Findings as text for people, JSON for tools, and GitHub Actions annotations: a thin layer
//! over the structured findings. Plan text (ids, names in messages) and file names go into the
//! text and the annotations through [`display_safe`], so no control character or
//! bidirectional override from a plan reaches the terminal or the CI log; JSON escapes them
//! itself.

use crate::check::{Finding, Severity, Summary};
use crate::format::{SourceMap, display_safe, json_display_safe};
use serde::Serialize;
use std::fmt::Write as _;

/// A finding placed in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file, as the user named it.
    pub file: String,
    /// The line of the item (or section) it is about.
    pub line: usize,
    /// The finding.
    pub finding: Finding,
}

/// The line a finding points at: its item's line, else its section's, else 1.
pub fn line_of(finding: &Finding, source: &SourceMap) -> usize {
    finding
        .index
        .and_then(|i| source.item_line(finding.section, i))
        .or_else(|| source.key_line(finding.section))
        .unwrap_or(1)
}

/// Places findings in `file` and sorts them by file, line and rule.
pub fn locate(file: &str, findings: Vec<Finding>, source: &SourceMap) -> Vec<Located> {
    let mut located: Vec<Located> = findings
        .into_iter()
        .map(|finding| Located {
            file: file.to_owned(),
            line: line_of(&finding, source),
            finding,
        })
        .collect();
    sort(&mut located);
    located
}

/// Sorts by file, line, rule (then message, for a total order).
pub fn sort(located: &mut [Located]) {
    located.sort_by(|a, b| {
        (&a.file, a.line, a.finding.rule, &a.finding.message).cmp(&(
            &b.file,
            b.line,
            b.finding.rule,
            &b.finding.message,
        ))
    });
}

/// Text for a terminal: one line per finding, then a summary.
pub fn human(located: &[Located]) -> String {
    let mut out = String::new();
    for l in located {
        let f = &l.finding;
        let item = match &f.id {
            Some(id) => format!("{} `{}`", f.section, display_safe(id)),
            None => f.section.to_string(),
        };
        let _ = writeln!(
            out,
            "{}:{}: {}[{}] {}: {}",
            display_safe(&l.file),
            l.line,
            f.severity,
            f.rule,
            item,
            display_safe(&f.message)
        );
    }
    let summary = Summary::of(located.iter().map(|l| &l.finding));
    if summary.total() == 0 {
        out.push_str("no gaps found\n");
    } else {
        let _ = writeln!(out, "{summary}");
    }
    out
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    file: &'a str,
    rule: &'a str,
    severity: &'a str,
    section: &'a str,
    id: Option<&'a str>,
    line: usize,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

/// One JSON document: `{"findings": [...], "summary": {...}}`.
pub fn json(located: &[Located]) -> String {
    let summary = Summary::of(located.iter().map(|l| &l.finding));
    let report = JsonReport {
        findings: located
            .iter()
            .map(|l| JsonFinding {
                file: &l.file,
                rule: l.finding.rule.as_str(),
                severity: l.finding.severity.as_str(),
                section: l.finding.section.key(),
                id: l.finding.id.as_deref(),
                line: l.line,
                message: &l.finding.message,
            })
            .collect(),
        summary: JsonSummary {
            error: summary.error,
            warning: summary.warning,
            info: summary.info,
        },
    };
    let text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_owned());
    let mut text = json_display_safe(&text).into_owned();
    text.push('\n');
    text
}

/// One GitHub Actions annotation per finding.
pub fn github(located: &[Located]) -> String {
    let mut out = String::new();
    for l in located {
        let level = match l.finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let _ = writeln!(
            out,
            "::{level} file={},line={},title={}::{}",
            escape_property(&l.file),
            l.line,
            escape_property(l.finding.rule.as_str()),
            escape_data(&l.finding.message)
        );
    }
    out
}

/// A workflow command's message: control characters written out ([`display_safe`]), then `%`
/// encoded, as GitHub reads it back.
fn escape_data(s: &str) -> String {
    // A line break would be `%0A`; display_safe has already written it out as `\n`, so that a
    // finding stays one line, as in the human format.
    display_safe(s).replace('%', "%25")
}

/// A workflow command's property: as [`escape_data`], and `:` and `,` encoded too.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}
