//! The export dialog (File ▸ Export): the plan as a calendar, CRM-ready CSV or a brief, written
//! where the user says, never over an existing file without asking.
//!
//! The files are the command line's (`preshow export`): [`crate::export`] makes the text and
//! [`crate::format::write_atomic`] writes it.

use super::dialogs::Answer;
use super::files::Purpose;
use crate::export::{brief, csv, ics};
use crate::model::{Date, Plan};
use egui::RichText;
use std::path::{Path, PathBuf};

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// An RFC 5545 calendar of the active meetings.
    Calendar,
    /// CRM-ready CSV of the accounts.
    AccountsCsv,
    /// CRM-ready CSV of the meetings.
    MeetingsCsv,
    /// CRM-ready CSV of the lead handoffs.
    HandoffsCsv,
    /// The brief for leadership, as Markdown.
    BriefMarkdown,
    /// The brief for leadership, as one printable HTML page.
    BriefHtml,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Calendar,
        ExportFormat::AccountsCsv,
        ExportFormat::MeetingsCsv,
        ExportFormat::HandoffsCsv,
        ExportFormat::BriefMarkdown,
        ExportFormat::BriefHtml,
    ];

    /// Its name in the dialog.
    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "Calendar (.ics)",
            ExportFormat::AccountsCsv => "Accounts (CSV)",
            ExportFormat::MeetingsCsv => "Meetings (CSV)",
            ExportFormat::HandoffsCsv => "Handoffs (CSV)",
            ExportFormat::BriefMarkdown => "Brief (Markdown)",
            ExportFormat::BriefHtml => "Brief (HTML)",
        }
    }

    /// What the menus and the palette call exporting it.
    pub fn action(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "Export calendar (.ics)…",
            ExportFormat::AccountsCsv => "Export accounts as CSV…",
            ExportFormat::MeetingsCsv => "Export meetings as CSV…",
            ExportFormat::HandoffsCsv => "Export handoffs as CSV…",
            ExportFormat::BriefMarkdown => "Export brief as Markdown…",
            ExportFormat::BriefHtml => "Export brief as HTML…",
        }
    }

    /// The extension its files take.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "ics",
            ExportFormat::AccountsCsv | ExportFormat::MeetingsCsv | ExportFormat::HandoffsCsv => {
                "csv"
            }
            ExportFormat::BriefMarkdown => "md",
            ExportFormat::BriefHtml => "html",
        }
    }

    /// The extensions a save dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Calendar => &["ics"],
            ExportFormat::AccountsCsv | ExportFormat::MeetingsCsv | ExportFormat::HandoffsCsv => {
                &["csv"]
            }
            ExportFormat::BriefMarkdown => &["md", "markdown"],
            ExportFormat::BriefHtml => &["html", "htm"],
        }
    }

    /// The file type a save dialog names.
    pub fn file_type(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "Calendar",
            ExportFormat::AccountsCsv | ExportFormat::MeetingsCsv | ExportFormat::HandoffsCsv => {
                "CSV"
            }
            ExportFormat::BriefMarkdown => "Markdown",
            ExportFormat::BriefHtml => "HTML page",
        }
    }

    /// The end of a suggested file name: `.ics`, `-accounts.csv`, `-brief.md`.
    fn suffix(self) -> &'static str {
        match self {
            ExportFormat::Calendar => ".ics",
            ExportFormat::AccountsCsv => "-accounts.csv",
            ExportFormat::MeetingsCsv => "-meetings.csv",
            ExportFormat::HandoffsCsv => "-handoffs.csv",
            ExportFormat::BriefMarkdown => "-brief.md",
            ExportFormat::BriefHtml => "-brief.html",
        }
    }
}

/// The export dialog's state.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// What to write.
    pub format: ExportFormat,
    /// For a calendar: only this person's meetings (a person id); `None`: everyone's.
    pub person: Option<String>,
    /// The output path as typed.
    pub path: String,
    /// The folder suggestions go in (the plan's folder).
    folder: Option<PathBuf>,
    /// The path last suggested, replaced when the format changes if the user kept it.
    suggested: String,
    /// The existing file the user agreed to replace.
    replace_ok: Option<PathBuf>,
    /// The path exists: the dialog asks before replacing it.
    asking_replace: bool,
    /// What went wrong with the last try.
    pub problem: Option<String>,
}

impl ExportDialog {
    /// The dialog for `format`, suggesting a file beside the plan (`plan_path`) named after the
    /// event.
    pub fn new(format: ExportFormat, plan: &Plan, plan_path: Option<&Path>) -> Self {
        let folder = plan_path.and_then(Path::parent).map(Path::to_owned);
        let mut dialog = ExportDialog {
            format,
            person: None,
            path: String::new(),
            folder,
            suggested: String::new(),
            replace_ok: None,
            asking_replace: false,
            problem: None,
        };
        dialog.suggest(plan);
        dialog
    }

    /// Puts the suggested path in the field if the user has not typed another.
    fn suggest(&mut self, plan: &Plan) {
        let mut name = crate::export::event_slug(plan);
        if name.is_empty() {
            name = "plan".to_owned();
        }
        if self.format == ExportFormat::Calendar
            && let Some(p) = &self.person
        {
            name.push('-');
            name.push_str(&crate::model::slug(p));
        }
        name.push_str(self.format.suffix());
        let path = match &self.folder {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(name),
            _ => PathBuf::from(name),
        };
        let path = path.display().to_string();
        if self.path.trim().is_empty() || self.path == self.suggested {
            self.path = path.clone();
            self.edited_path();
        }
        self.suggested = path;
    }

    fn edited_path(&mut self) {
        self.asking_replace = false;
        self.problem = None;
    }

    /// Takes a path chosen in the desktop's save dialog, which has already asked before
    /// replacing a file.
    pub fn chosen(&mut self, path: PathBuf) {
        self.path = path.display().to_string();
        self.edited_path();
        self.replace_ok = Some(path);
    }

    /// The output path, if one is typed.
    fn target(&self) -> Option<PathBuf> {
        let t = self.path.trim();
        (!t.is_empty()).then(|| PathBuf::from(t))
    }

    /// Makes the file's text and writes it; returns what to say in the status bar. Refuses to
    /// replace an existing file unless the user agreed to.
    pub fn write(&self, plan: &Plan, today: Date) -> Result<String, String> {
        let Some(path) = self.target() else {
            return Err("Type where to write the file".to_owned());
        };
        if path.exists() && self.replace_ok.as_deref() != Some(path.as_path()) {
            return Err(format!(
                "{} already exists and was not replaced",
                path.display()
            ));
        }
        let (text, what) = match self.format {
            ExportFormat::Calendar => {
                let stamp = chrono::Utc::now().naive_utc();
                let cal = ics::calendar(plan, self.person.as_deref(), stamp)
                    .map_err(|e| e.to_string())?;
                let mut what = format!(
                    "Calendar of {} meeting{}",
                    cal.events,
                    if cal.events == 1 { "" } else { "s" }
                );
                if let Some(w) = &cal.warning {
                    what.push_str(&format!(" ({w})"));
                }
                (cal.text, what)
            }
            ExportFormat::AccountsCsv | ExportFormat::MeetingsCsv | ExportFormat::HandoffsCsv => {
                let table = match self.format {
                    ExportFormat::AccountsCsv => csv::Table::Accounts,
                    ExportFormat::MeetingsCsv => csv::Table::Meetings,
                    _ => csv::Table::Handoffs,
                };
                let text =
                    csv::export(plan, table).map_err(|e| format!("Could not make the CSV: {e}"))?;
                (text, format!("{} CSV", capitalised(table.key())))
            }
            ExportFormat::BriefMarkdown => {
                (brief::markdown(plan, today), "Markdown brief".to_owned())
            }
            ExportFormat::BriefHtml => (brief::html(plan, today), "HTML brief".to_owned()),
        };
        crate::format::write_atomic(&path, text.as_bytes())
            .map_err(|e| format!("{}: could not write: {e}", path.display()))?;
        Ok(format!("{what} written to {}", path.display()))
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Draws the export dialog's contents; returns an answer when the user exports or browses, and
/// sets `close` on Cancel.
pub fn export_dialog_ui(
    ui: &mut egui::Ui,
    d: &mut ExportDialog,
    plan: &Plan,
    close: &mut bool,
) -> Option<Answer> {
    let mut answer = None;
    // A centred modal places itself by the size it had the frame before: when the size changes,
    // lay it out again at once.
    let layout = (
        d.format == ExportFormat::Calendar,
        d.asking_replace,
        d.problem.is_some(),
    );
    ui.set_min_width(640.0);
    ui.heading("Export the plan");
    ui.label("Write the plan for another program. The plan itself is not changed.");
    ui.add_space(6.0);
    let before = (d.format, d.person.clone());
    ui.horizontal_wrapped(|ui| {
        for f in ExportFormat::ALL {
            ui.radio_value(&mut d.format, f, f.title());
        }
    });
    if d.format == ExportFormat::Calendar {
        ui.add_space(4.0);
        ui.label("Whose meetings");
        // A list, not a drop-down: a pop-up inside a modal can end up behind it.
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("export-person")
                .max_height(120.0)
                .show(ui, |ui| {
                    ui.set_min_width(420.0);
                    ui.selectable_value(&mut d.person, None, "Everyone");
                    for p in &plan.people {
                        ui.selectable_value(
                            &mut d.person,
                            Some(p.id.clone()),
                            format!("{} · {}", p.name, p.team),
                        );
                    }
                });
        });
    }
    if (d.format, d.person.clone()) != before {
        d.suggest(plan);
    }
    ui.add_space(6.0);
    let mut enter = false;
    ui.horizontal(|ui| {
        let l = ui.label("Output file");
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut d.path)
                    .desired_width(440.0)
                    .hint_text(format!("brief.{}", d.format.extension())),
            )
            .labelled_by(l.id);
        if r.changed() {
            d.edited_path();
        }
        enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui
            .button("Browse…")
            .on_hover_text("Choose the file in the desktop's save dialog")
            .clicked()
        {
            answer = Some(Answer::Browse {
                purpose: Purpose::Export(d.format),
                suggested: d.target(),
            });
        }
    });
    if let Some(p) = &d.problem {
        ui.colored_label(super::widgets::palette::error(), p.as_str());
    }
    ui.add_space(8.0);
    if d.asking_replace {
        let shown = d.path.trim().to_owned();
        ui.colored_label(
            super::widgets::palette::warning(),
            format!("⚠ {shown} already exists. Replace it?"),
        );
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Replace it").color(super::widgets::palette::error()))
                .clicked()
            {
                d.replace_ok = d.target();
                answer = Some(Answer::Export(Box::new(d.clone())));
            }
            if ui.button("Keep it").clicked() {
                d.asking_replace = false;
            }
        });
        ui.add_space(4.0);
    }
    ui.horizontal(|ui| {
        if (ui.button("Export").clicked() || enter) && !d.asking_replace {
            match d.target() {
                None => d.problem = Some("Type where to write the file".to_owned()),
                Some(path) if path.exists() && d.replace_ok.as_ref() != Some(&path) => {
                    d.asking_replace = true;
                }
                Some(_) => answer = Some(Answer::Export(Box::new(d.clone()))),
            }
        }
        if ui.button("Cancel").clicked() {
            *close = true;
        }
    });
    if (
        d.format == ExportFormat::Calendar,
        d.asking_replace,
        d.problem.is_some(),
    ) != layout
    {
        ui.ctx().request_repaint();
    }
    answer
}
