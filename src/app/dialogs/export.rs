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
        if path.is_file() && self.replace_ok.as_deref() != Some(path.as_path()) {
            return Err(format!(
                "{} already exists and was not replaced",
                path.display()
            ));
        }
        let (text, what) = match self.format {
            ExportFormat::Calendar => {
                let stamp = chrono::Utc::now().naive_utc();
                // The calendar being replaced says which meetings changed since it was written.
                let earlier = ics::Earliers::read(&path);
                let cal = ics::calendar_replacing(plan, self.person.as_deref(), stamp, &earlier)
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
            ExportFormat::AccountsCsv
            | ExportFormat::MeetingsCsv
            | ExportFormat::HandoffsCsv
            | ExportFormat::LeadsCsv => {
                let table = match self.format {
                    ExportFormat::AccountsCsv => csv::Table::Accounts,
                    ExportFormat::MeetingsCsv => csv::Table::Meetings,
                    ExportFormat::LeadsCsv => csv::Table::Leads,
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
        crate::format::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
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

/// What a file of each format holds, said where a calendar lists whose meetings it holds.
fn about(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Calendar => "The active meetings, for a calendar program.",
        ExportFormat::AccountsCsv => {
            "One row per account: its name, tier, segment, owners and their emails, messages and \
             notes, with the headers a CRM imports (and Preshow imports back)."
        }
        ExportFormat::MeetingsCsv => {
            "One row per meeting: its account, start and end, place, status, goal, attendees and \
             messages, with the headers a CRM imports (and Preshow imports back)."
        }
        ExportFormat::HandoffsCsv => {
            "One row per lead handoff: the stages it goes between, what triggers it, its owner \
             and the hours allowed."
        }
        ExportFormat::LeadsCsv => {
            "One row per lead: name, company, account, owner and email, when they were captured, \
             the stage they are at and when they entered each stage, with the headers a CRM \
             imports."
        }
        ExportFormat::BriefMarkdown => {
            "A one-page brief for leadership: the event, objectives and targets, tier-1 accounts \
             and their meetings, the agreed messages, the handoffs and the open gaps by team, \
             as Markdown."
        }
        ExportFormat::BriefHtml => {
            "A one-page brief for leadership: the event, objectives and targets, tier-1 accounts \
             and their meetings, the agreed messages, the handoffs and the open gaps by team, \
             as one printable web page."
        }
    }
}

impl ExportDialog {
    /// Draws the export dialog's contents; returns what the user asked when they export or
    /// browse, and sets `close` on Cancel.
    ///
    /// Its size never changes while it is open, so the modal, centred by its size, stays where
    /// it is and the next click lands where the user aims: the width comes from the text size,
    /// and the parts that change (whose meetings or what the file holds; a problem or the
    /// question before replacing a file) each have a place of fixed height.
    pub fn ui(&mut self, ui: &mut egui::Ui, plan: &Plan, close: &mut bool) -> Option<ExportAction> {
        let d = self;
        let mut answer = None;
        let body = ui.text_style_height(&egui::TextStyle::Body);
        let row = ui.spacing().interact_size.y.max(body);
        let gap = ui.spacing().item_spacing.y;
        let screen = ui.ctx().content_rect();
        let width = (body * 46.0)
            .min(screen.width() - body * 4.0)
            .max(body * 20.0);
        ui.set_width(width);
        ui.heading("Export the plan");
        ui.label("Write the plan for another program. The plan itself is not changed.");
        ui.add_space(6.0);
        let before = (d.format, d.person.clone());
        ui.horizontal_wrapped(|ui| {
            for f in ExportFormat::ALL {
                ui.radio_value(&mut d.format, f, f.title());
            }
        });
        ui.add_space(4.0);
        // Whose meetings (a calendar) or what the file holds: always this high.
        let choice_height = row * 7.0 + gap * 2.0;
        fixed_height_ui(ui, choice_height, |ui| {
            if d.format == ExportFormat::Calendar {
                d.whose_meetings_ui(ui, plan, choice_height - row - gap);
            } else {
                ui.label(RichText::new(about(d.format)).weak());
            }
        });
        if (d.format, d.person.clone()) != before {
            d.suggest(plan);
        }
        ui.add_space(6.0);
        let mut enter = false;
        ui.horizontal(|ui| {
            let l = ui.label("Output file");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
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
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut d.path)
                            .desired_width(ui.available_width())
                            .hint_text(format!("brief.{}", d.format.extension())),
                    )
                    .labelled_by(l.id);
                if r.changed() {
                    d.edited_path();
                }
                enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
        });
        ui.add_space(4.0);
        // A problem, or the question before replacing a file: always two rows high.
        fixed_height_ui(ui, row * 2.0 + gap, |ui| {
            if d.asking_replace {
                if let Some(write) = d.replace_ui(ui) {
                    answer = Some(write);
                }
            } else if let Some(p) = &d.problem {
                ui.add(
                    egui::Label::new(RichText::new(p.as_str()).color(palette::error())).truncate(),
                );
            }
        });
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let export = ui.add_enabled(!d.asking_replace, egui::Button::new("Export"));
            if (export.clicked() || enter) && !d.asking_replace {
                match d.target() {
                    None => d.problem = Some("Type where to write the file".to_owned()),
                    // Only a file is worth asking about: a folder or a pipe is refused by name
                    // when written.
                    Some(path) if path.is_file() && d.replace_ok.as_ref() != Some(&path) => {
                        d.asking_replace = true;
                    }
                    Some(_) => answer = Some(ExportAction::Write(Box::new(d.clone()))),
                }
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }

    /// For a calendar: the list of people to choose whose meetings it holds, `height` high.
    fn whose_meetings_ui(&mut self, ui: &mut egui::Ui, plan: &Plan, height: f32) {
        ui.label("Whose meetings");
        // A list, not a drop-down: a pop-up inside a modal can end up behind it.
        let frame = egui::Frame::group(ui.style());
        let inside = height - frame.total_margin().sum().y;
        frame.show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("export-person")
                .max_height(inside)
                .min_scrolled_height(inside)
                .auto_shrink([false, false])
                .show(ui, |ui| {
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
        ui.add(
            egui::Label::new(
                RichText::new(format!("⚠ {shown} already exists. Replace it?"))
                    .color(palette::warning()),
            )
            .truncate(),
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
        answer
    }
}

/// Lays out `contents` in a place exactly `height` high and as wide as `ui`, whatever they take.
fn fixed_height_ui(ui: &mut egui::Ui, height: f32, contents: impl FnOnce(&mut egui::Ui)) {
    let size = egui::vec2(ui.available_width(), height);
    ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.set_min_size(size);
        ui.set_max_height(height);
        contents(ui);
    });
}
