//! The export dialog (File ▸ Export): the plan as a calendar, CRM-ready CSV or a brief, written
//! where the user says, never over an existing file without asking.
//!
//! The files are the command line's (`preshow export`): [`crate::interchange::export`] makes the text and
//! [`crate::format::write_atomic`] writes it.

use crate::app::widgets::palette;
use crate::interchange::export::{ExportFormat, brief, csv, ics};
use crate::model::{Date, Plan};
use egui::RichText;
use std::path::{Path, PathBuf};

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
        let mut name = crate::interchange::export::event_slug(plan);
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

/// What the user asked of the export dialog.
#[derive(Debug, Clone)]
pub enum ExportAction {
    /// Choose the file in the desktop's save dialog.
    Browse {
        /// The format chosen, for the file types offered.
        format: ExportFormat,
        /// Where to start.
        suggested: Option<PathBuf>,
    },
    /// Write the export (the dialog as it was then).
    Write(Box<ExportDialog>),
}

impl ExportDialog {
    /// Draws the export dialog's contents; returns what the user asked when they export or
    /// browse, and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut egui::Ui, plan: &Plan, close: &mut bool) -> Option<ExportAction> {
        let d = self;
        let mut answer = None;
        // A centred modal places itself by the size it had the frame before: when the size changes,
        // lay it out again at once.
        let layout = d.layout_key();
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
            d.whose_meetings_ui(ui, plan);
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
                answer = Some(ExportAction::Browse {
                    format: d.format,
                    suggested: d.target(),
                });
            }
        });
        if let Some(p) = &d.problem {
            ui.colored_label(palette::error(), p.as_str());
        }
        ui.add_space(8.0);
        if d.asking_replace
            && let Some(write) = d.replace_ui(ui)
        {
            answer = Some(write);
        }
        ui.horizontal(|ui| {
            if (ui.button("Export").clicked() || enter) && !d.asking_replace {
                match d.target() {
                    None => d.problem = Some("Type where to write the file".to_owned()),
                    Some(path) if path.exists() && d.replace_ok.as_ref() != Some(&path) => {
                        d.asking_replace = true;
                    }
                    Some(_) => answer = Some(ExportAction::Write(Box::new(d.clone()))),
                }
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        if d.layout_key() != layout {
            ui.ctx().request_repaint();
        }
        answer
    }

    /// What decides the dialog's size.
    fn layout_key(&self) -> (bool, bool, bool) {
        (
            self.format == ExportFormat::Calendar,
            self.asking_replace,
            self.problem.is_some(),
        )
    }

    /// For a calendar: the list of people to choose whose meetings it holds.
    fn whose_meetings_ui(&mut self, ui: &mut egui::Ui, plan: &Plan) {
        ui.add_space(4.0);
        ui.label("Whose meetings");
        // A list, not a drop-down: a pop-up inside a modal can end up behind it.
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("export-person")
                .max_height(120.0)
                .show(ui, |ui| {
                    ui.set_min_width(420.0);
                    ui.selectable_value(&mut self.person, None, "Everyone");
                    for p in &plan.people {
                        ui.selectable_value(
                            &mut self.person,
                            Some(p.id.clone()),
                            format!("{} · {}", p.name, p.team),
                        );
                    }
                });
        });
    }

    /// The output file exists: asks before replacing it. Returns the export once agreed.
    fn replace_ui(&mut self, ui: &mut egui::Ui) -> Option<ExportAction> {
        let mut answer = None;
        let shown = self.path.trim().to_owned();
        ui.colored_label(
            palette::warning(),
            format!("⚠ {shown} already exists. Replace it?"),
        );
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new("Replace it").color(palette::error()))
                .clicked()
            {
                self.replace_ok = self.target();
                answer = Some(ExportAction::Write(Box::new(self.clone())));
            }
            if ui.button("Keep it").clicked() {
                self.asking_replace = false;
            }
        });
        ui.add_space(4.0);
        answer
    }
}
