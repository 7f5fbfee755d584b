//! The import dialog's preview: the core's [`ImportReport`] as lines to read before applying
//! (what is added, what changes field by field, what is skipped or ambiguous), and drawing them.

use crate::app::widgets::palette;
use crate::interchange::import::{ImportReport, Kind};
use crate::model::{Plan, Section};
use crate::ops::diff::{ChangeKind, FieldChange};
use egui::RichText;
use std::collections::BTreeMap;

/// What a preview line reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// A heading over a group of lines.
    Heading,
    /// An item added.
    Added,
    /// A field of an existing item changed.
    Updated,
    /// A row or value skipped.
    Skipped,
    /// A row or value that matched more than one thing.
    Ambiguous,
    /// A remark about the file.
    Note,
}

/// One line of the preview.
#[derive(Debug, Clone)]
pub struct PreviewLine {
    /// What kind of line.
    pub tone: Tone,
    /// Its text.
    pub text: String,
}

/// The import as it would be applied.
#[derive(Debug, Clone)]
pub struct Preview {
    /// The core's report, with the merged plan.
    pub report: ImportReport,
    /// The report as lines, ready to draw.
    pub lines: Vec<PreviewLine>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The report as preview lines: notes, then added items with their fields, updated items field by
/// field (before ➡ after), skipped rows and ambiguous rows with their CSV lines.
pub fn preview_lines(before: &Plan, report: &ImportReport) -> Vec<PreviewLine> {
    let section = match report.kind {
        Kind::Accounts => Section::Accounts,
        Kind::Meetings => Section::Meetings,
        Kind::Leads => Section::Leads,
    };
    let (one, many) = match report.kind {
        Kind::Accounts => ("account", "accounts"),
        Kind::Meetings => ("meeting", "meetings"),
        Kind::Leads => ("lead", "leads"),
    };
    let mut lines = Vec::new();
    let mut push = |tone, text: String| lines.push(PreviewLine { tone, text });
    for note in &report.notes {
        push(Tone::Note, format!("Note: {note}"));
    }
    if !report.added.is_empty() {
        push(
            Tone::Heading,
            format!("Added: {}", plural(report.added.len(), one, many)),
        );
        // The last item with each id: an added item comes after any it could share an id with.
        let index: BTreeMap<&str, usize> = report
            .plan
            .ids(section)
            .into_iter()
            .enumerate()
            .map(|(i, id)| (id, i))
            .collect();
        for id in &report.added {
            let fields = index
                .get(id.as_str())
                .map(|&i| crate::format::item_fields_at(&report.plan, section, i))
                .unwrap_or_default();
            let described: Vec<String> = fields
                .iter()
                .filter(|(name, _)| name != "id")
                .map(|(name, value)| format!("{name}: {value}"))
                .collect();
            push(Tone::Added, format!("+ {id} · {}", described.join(" · ")));
        }
    }
    if !report.updated.is_empty() {
        push(
            Tone::Heading,
            format!("Updated: {}", plural(report.updated.len(), one, many)),
        );
        let mut changes: BTreeMap<String, Vec<FieldChange>> = BTreeMap::new();
        for c in crate::ops::diff::diff(before, &report.plan) {
            if c.section == section
                && let ChangeKind::Changed(fields) = c.kind
            {
                changes.entry(c.id).or_default().extend(fields);
            }
        }
        for (id, fields) in &report.updated {
            let found = changes.get(id);
            for field in fields {
                let change = found.and_then(|cs| cs.iter().find(|c| c.field == *field));
                let text = match change {
                    Some(c) => format!(
                        "{id} · {field}: {} ➡ {}",
                        c.before.as_deref().unwrap_or("(none)"),
                        c.after.as_deref().unwrap_or("(none)")
                    ),
                    None => format!("{id} · {field} changes"),
                };
                push(Tone::Updated, text);
            }
        }
    }
    if !report.skipped.is_empty() {
        push(
            Tone::Heading,
            format!(
                "Skipped: {}",
                plural(report.skipped.len(), "row or value", "rows or values")
            ),
        );
        for (line, reason) in &report.skipped {
            push(Tone::Skipped, format!("line {line}: {reason}"));
        }
    }
    if !report.ambiguous.is_empty() {
        push(
            Tone::Heading,
            format!(
                "Ambiguous: {}",
                plural(report.ambiguous.len(), "row or value", "rows or values")
            ),
        );
        for (line, reason) in &report.ambiguous {
            push(Tone::Ambiguous, format!("line {line}: {reason}"));
        }
    }
    for hint in &report.hints {
        push(
            Tone::Heading,
            match hint {
                crate::interchange::import::Hint::ImportAccountsFirst => {
                    "To let these meetings in: import the accounts first (File menu, Import accounts from CSV…), then the meetings again".to_owned()
                }
                crate::interchange::import::Hint::ChooseDateOrder => {
                    "To read the ambiguous dates: choose \"day first\" or \"month first\" above".to_owned()
                }
                crate::interchange::import::Hint::NameCrmStages => {
                    "To read the stage times: give each stage its CRM name (Stages, \"CRM stage\"), then import again".to_owned()
                }
            },
        );
    }
    lines
}

/// The preview lines in a scroll area that lays out only the rows in view (an export of 10,000
/// rows stays fast).
pub fn preview_ui(ui: &mut egui::Ui, lines: &[PreviewLine]) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    // Room for the buttons below.
    let height = (ui.available_height() - 56.0).max(120.0);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::both()
            .id_salt("import-preview")
            .max_height(height)
            .min_scrolled_height(height)
            .auto_shrink([false, false])
            .show_rows(ui, row_height, lines.len(), |ui, range| {
                for line in lines.get(range).unwrap_or_default() {
                    let text = RichText::new(line.text.as_str());
                    let text = match line.tone {
                        Tone::Heading => text.strong(),
                        Tone::Added => text.color(palette::ok()),
                        Tone::Updated => text,
                        Tone::Skipped => text.color(palette::warning()),
                        Tone::Ambiguous => text.color(palette::error()),
                        Tone::Note => text.italics(),
                    };
                    ui.add(egui::Label::new(text).extend());
                }
            });
    });
}
