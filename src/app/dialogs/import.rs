//! The import dialog (File ▸ Import accounts/meetings/leads from CSV): pick a CRM export, say
//! what it holds (accounts, meetings or leads), adjust which column fills which field, see every change before it is made, and apply it as one undoable
//! step.
//!
//! The merging is the command line's (`preshow import`): [`crate::interchange::import`] returns the merged
//! plan with an [`ImportReport`], which the dialog shows as its preview.

use crate::app::dialogs::import_preview::{Preview, preview_lines, preview_ui};
use crate::app::widgets::palette;
use crate::interchange::import::{self, DateOrder, Field, ImportReport, Kind, Mapping};
use crate::model::Plan;
use egui::RichText;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A CSV file read into memory.
#[derive(Debug, Clone)]
struct CsvFile {
    path: PathBuf,
    text: String,
    headers: Vec<String>,
}

/// The import dialog's state.
#[derive(Debug, Clone)]
pub struct ImportDialog {
    /// Accounts, meetings or leads.
    pub kind: Kind,
    /// The CSV path as typed.
    pub path: String,
    file: Option<CsvFile>,
    /// Columns the user mapped explicitly, by header.
    choices: BTreeMap<String, Field>,
    date_order: Option<DateOrder>,
    /// The column whose mapping is being edited (index into the headers).
    column: Option<usize>,
    preview: Option<Preview>,
    /// Why there is no preview (unreadable file, missing column...).
    problem: Option<String>,
    /// The inputs changed: the preview must be made again.
    stale: bool,
    /// The path field has had the keyboard focus once.
    focused: bool,
}

impl ImportDialog {
    /// An empty dialog for `kind`.
    pub fn new(kind: Kind) -> Self {
        ImportDialog {
            kind,
            path: String::new(),
            file: None,
            choices: BTreeMap::new(),
            date_order: None,
            column: None,
            preview: None,
            problem: None,
            stale: false,
            focused: false,
        }
    }

    /// The preview, when the file was read and imports.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref()
    }

    /// Reads the file at the typed path and makes the preview.
    pub fn read(&mut self, plan: &Plan) {
        let typed = self.path.trim();
        if typed.is_empty() {
            self.problem = Some("Type the CSV file's path, or Browse… for it".to_owned());
            return;
        }
        let path = PathBuf::from(typed);
        self.file = None;
        self.preview = None;
        self.column = None;
        match import::read_file(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                import::headers(&text)
                    .map(|headers| (text, headers))
                    .map_err(|e| format!("{}: {e}", path.display()))
            }) {
            Ok((text, headers)) => {
                // Explicit choices carry over to a file with the same columns.
                self.choices.retain(|h, _| headers.contains(h));
                self.file = Some(CsvFile {
                    path,
                    text,
                    headers,
                });
                self.refresh(plan);
            }
            Err(e) => self.problem = Some(e),
        }
    }

    /// Takes a file chosen in the desktop's dialog.
    pub fn chosen(&mut self, path: PathBuf, plan: &Plan) {
        self.path = path.display().to_string();
        self.read(plan);
    }

    fn mapping(&self) -> Mapping {
        Mapping {
            columns: self.choices.iter().map(|(h, f)| (h.clone(), *f)).collect(),
            date_order: self.date_order,
            stages: Vec::new(),
        }
    }

    /// Makes the preview again from the file read and the current choices.
    pub fn refresh(&mut self, plan: &Plan) {
        self.stale = false;
        self.problem = None;
        self.preview = None;
        let Some(file) = &self.file else {
            return;
        };
        let mapping = self.mapping();
        let result = match self.kind {
            Kind::Accounts => import::accounts(plan, &file.text, &mapping),
            Kind::Meetings => import::meetings(plan, &file.text, &mapping),
            Kind::Leads => import::leads(plan, &file.text, &mapping),
        };
        match result {
            Ok(report) => {
                let lines = preview_lines(plan, &report);
                self.preview = Some(Preview { report, lines });
            }
            Err(e) => self.problem = Some(format!("{}: {e}", file.path.display())),
        }
    }

    /// The report to apply to `plan`: the import made again on the plan as it is now, given only
    /// if it does exactly what the preview showed (else the preview is refreshed and an error
    /// says to look again).
    pub fn report_to_apply(&mut self, plan: &Plan) -> Result<ImportReport, String> {
        let shown = self.preview.as_ref().map(|p| same_outcome(&p.report));
        self.refresh(plan);
        let now = self.preview.as_ref().map(|p| same_outcome(&p.report));
        match (&self.preview, shown == now) {
            (Some(p), true) => Ok(p.report.clone()),
            (Some(_), false) => {
                let message =
                    "The plan or the file changed since the preview: check it again".to_owned();
                self.problem = Some(message.clone());
                Err(message)
            }
            (None, _) => Err(self
                .problem
                .clone()
                .unwrap_or_else(|| "Nothing to import".to_owned())),
        }
    }

    /// What decides the dialog's size: when it changes, the modal is laid out again at once
    /// (a centred modal places itself by the size it had the frame before).
    fn layout_key(&self) -> (bool, usize, Option<usize>, bool, Kind) {
        (
            self.file.is_some(),
            self.preview.as_ref().map_or(0, |p| p.lines.len()),
            self.column,
            self.problem.is_some(),
            self.kind,
        )
    }

    /// Reads the file as `kind` from now on: the columns chosen for the other kind are
    /// forgotten (its fields are others) and the preview is made again.
    pub fn set_kind(&mut self, kind: Kind, plan: &Plan) {
        if self.kind == kind {
            return;
        }
        self.kind = kind;
        self.choices.clear();
        self.column = None;
        self.refresh(plan);
    }

    /// The column headers of the file read, if one was.
    pub fn headers(&self) -> Option<&[String]> {
        self.file.as_ref().map(|f| f.headers.as_slice())
    }

    /// The CSV file read, for the status bar.
    pub fn file_path(&self) -> Option<&std::path::Path> {
        self.file.as_ref().map(|f| f.path.as_path())
    }
}

type Outcome = (
    Vec<String>,
    Vec<(String, Vec<&'static str>)>,
    Vec<(usize, String)>,
    Vec<(usize, String)>,
);

fn same_outcome(r: &ImportReport) -> Outcome {
    (
        r.added.clone(),
        r.updated.clone(),
        r.skipped.clone(),
        r.ambiguous.clone(),
    )
}

/// What the user asked of the import dialog.
#[derive(Debug, Clone)]
pub enum ImportAction {
    /// Choose the CSV file in the desktop's file dialog.
    Browse,
    /// Apply the import as previewed (the dialog as it was then).
    Apply(Box<ImportDialog>),
}

impl ImportDialog {
    /// Draws the import dialog's contents; returns what the user asked when they apply or browse,
    /// and sets `close` on Cancel.
    pub fn ui(&mut self, ui: &mut egui::Ui, plan: &Plan, close: &mut bool) -> Option<ImportAction> {
        let d = self;
        let mut answer = None;
        let layout = d.layout_key();
        // A steady size once a file is read, so the dialog does not jump as the preview changes.
        let screen = ui.ctx().content_rect().size();
        ui.set_min_width((screen.x - 80.0).clamp(480.0, 880.0));
        if d.file.is_some() {
            ui.set_min_height((screen.y - 120.0).clamp(320.0, 680.0));
        }
        ui.heading(match d.kind {
            Kind::Accounts => "Import accounts from CSV",
            Kind::Meetings => "Import meetings from CSV",
            Kind::Leads => "Import leads from CSV",
        });
        ui.label(
            "Merges a CRM export into the plan: matching items are updated and new ones added; \
             nothing is deleted. Nothing changes until you apply.",
        );
        ui.add_space(6.0);
        let mut kind = d.kind;
        ui.horizontal(|ui| {
            ui.label("The file holds:");
            for (k, label) in [
                (Kind::Accounts, "Accounts"),
                (Kind::Meetings, "Meetings"),
                (Kind::Leads, "Leads (contacts)"),
            ] {
                ui.radio_value(&mut kind, k, label);
            }
        });
        d.set_kind(kind, plan);
        let mut enter = false;
        ui.horizontal(|ui| {
            let l = ui.label("CSV file");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut d.path)
                        .desired_width(520.0)
                        .hint_text("exports/accounts.csv"),
                )
                .labelled_by(l.id);
            if !d.focused {
                r.request_focus();
                d.focused = true;
            }
            enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Preview").clicked() {
                enter = true;
            }
            if ui
                .button("Browse…")
                .on_hover_text("Choose the file in the desktop's file dialog")
                .clicked()
            {
                answer = Some(ImportAction::Browse);
            }
        });
        if enter {
            d.read(plan);
        }
        if d.file.is_some() {
            columns_ui(ui, d);
            if matches!(d.kind, Kind::Meetings | Kind::Leads) {
                ui.horizontal(|ui| {
                    ui.label("Dates like 03/04/2027:");
                    for (order, label) in [
                        (None, "decide by the event's days"),
                        (Some(DateOrder::DayFirst), "day first"),
                        (Some(DateOrder::MonthFirst), "month first"),
                    ] {
                        if ui.radio_value(&mut d.date_order, order, label).changed() {
                            d.stale = true;
                        }
                    }
                });
            }
        }
        if d.stale {
            d.refresh(plan);
        }
        if let Some(p) = &d.problem {
            ui.add(egui::Label::new(RichText::new(p.as_str()).color(palette::error())).wrap());
        }
        if let Some(preview) = &d.preview {
            ui.add_space(6.0);
            ui.label(RichText::new(preview.report.summary()).strong());
            preview_ui(ui, &preview.lines);
        }
        if d.layout_key() != layout {
            ui.ctx().request_repaint();
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let changes = d.preview.as_ref().is_some_and(|p| p.report.changed());
            let apply = ui
                .add_enabled(changes, egui::Button::new("Apply import"))
                .on_hover_text("One step: Ctrl+Z undoes the whole import")
                .on_disabled_hover_text("Nothing to change: preview a file first");
            if apply.clicked() {
                answer = Some(ImportAction::Apply(Box::new(d.clone())));
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        answer
    }
}

/// The columns of the file with the field each fills, and the choice for the selected one.
fn columns_ui(ui: &mut egui::Ui, d: &mut ImportDialog) {
    let Some(file) = &d.file else {
        return;
    };
    let recognised: Vec<Option<Field>> = match &d.preview {
        Some(p) => p.report.columns.iter().map(|(_, f)| *f).collect(),
        None => file
            .headers
            .iter()
            .map(|h| d.choices.get(h).copied())
            .collect(),
    };
    ui.add_space(6.0);
    ui.label("Columns: select one to choose the field it fills");
    let mut selected = d.column;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("import-columns")
            .max_height(110.0)
            .min_scrolled_height(110.0)
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (i, header) in file.headers.iter().enumerate() {
                        let fills = match recognised.get(i).copied().flatten() {
                            Some(f) => f.key(),
                            None => "not used",
                        };
                        let explicit = if d.choices.contains_key(header) {
                            " ★"
                        } else {
                            ""
                        };
                        let text = format!("{header} ➡ {fills}{explicit}");
                        if ui.selectable_label(selected == Some(i), text).clicked() {
                            selected = if selected == Some(i) { None } else { Some(i) };
                        }
                    }
                });
            });
    });
    d.column = selected;
    let Some(header) = d.column.and_then(|i| file.headers.get(i)).cloned() else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Read “{header}” as:"));
        let current = d.choices.get(&header).copied();
        if ui
            .selectable_label(current.is_none(), "recognise automatically")
            .clicked()
            && current.is_some()
        {
            d.choices.remove(&header);
            d.stale = true;
        }
        for &field in d.kind.fields() {
            let label = if field == Field::Ignore {
                "ignore"
            } else {
                field.key()
            };
            if ui.selectable_label(current == Some(field), label).clicked()
                && current != Some(field)
            {
                d.choices.insert(header.clone(), field);
                d.stale = true;
            }
        }
    });
}
