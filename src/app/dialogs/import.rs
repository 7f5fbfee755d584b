//! The import dialog (File ▸ Import accounts/meetings/leads from CSV): pick a CRM export, say
//! what it holds (accounts, meetings or leads), adjust which column fills which field, see every change before it is made, and apply it as one undoable
//! step.
//!
//! The merging is the command line's (`preshow import`): [`crate::interchange::import`] returns the merged
//! plan with an [`ImportReport`], which the dialog shows as its preview. Reading the file and
//! importing it run off the window's thread ([`PreviewJob`]); meanwhile the dialog says what is
//! being done and stays responsive.

use crate::app::dialogs::import_preview::{Preview, preview_lines, preview_ui};
use crate::app::widgets::palette;
use crate::interchange::import::{self, DateOrder, Field, ImportReport, Kind, Mapping};
use crate::model::Plan;
use egui::RichText;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A CSV file read into memory.
#[derive(Debug)]
struct CsvFile {
    path: PathBuf,
    text: String,
    headers: Vec<String>,
}

/// The preview being made off the window's thread.
#[derive(Debug, Clone)]
struct Busy {
    /// Which request it answers: answers to older ones are dropped.
    ticket: u64,
    /// What the dialog and the status bar say meanwhile.
    doing: String,
    /// The file being read, when it is (not yet in `file`).
    reading: Option<PathBuf>,
}

/// What the dialog wants made next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// Read the file at the typed path, then preview it.
    Read,
    /// Preview the file read again (the choices or the kind changed).
    Refresh,
}

/// The import dialog's state.
#[derive(Debug, Clone)]
pub struct ImportDialog {
    /// Accounts, meetings or leads.
    pub kind: Kind,
    /// The CSV path as typed.
    pub path: String,
    file: Option<Arc<CsvFile>>,
    /// Columns the user mapped explicitly, by header.
    choices: BTreeMap<String, Field>,
    date_order: Option<DateOrder>,
    /// The column whose mapping is being edited (index into the headers).
    column: Option<usize>,
    preview: Option<Preview>,
    /// The plan revision the preview was made of.
    preview_of: Option<u64>,
    /// Why there is no preview (unreadable file, missing column...).
    problem: Option<String>,
    /// What is to be made next, when the window next starts work.
    want: Option<Want>,
    /// The file was dropped on the window: the kind is guessed from what it holds.
    guess_kind: bool,
    busy: Option<Busy>,
    /// The path field has had the keyboard focus once.
    focused: bool,
}

/// The work of a preview, made off the window's thread: reading the file (when asked) and
/// importing it into a copy of the plan.
pub struct PreviewJob {
    ticket: u64,
    kind: Kind,
    guess_kind: bool,
    source: Source,
    choices: BTreeMap<String, Field>,
    date_order: Option<DateOrder>,
}

/// Where a preview's CSV text comes from.
enum Source {
    Path(PathBuf),
    Read(Arc<CsvFile>),
}

/// A preview made: the file read and the import's report, or why not.
pub struct PreviewMade {
    ticket: u64,
    kind: Kind,
    /// The plan revision the import was made of.
    revision: u64,
    outcome: Result<(Arc<CsvFile>, Result<Preview, String>), String>,
}

/// Tickets of preview requests, unique across dialogs.
static TICKETS: AtomicU64 = AtomicU64::new(1);

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read_csv(path: PathBuf) -> Result<CsvFile, String> {
    let text = import::read_file(&path).map_err(|e| e.to_string())?;
    let headers = import::headers(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(CsvFile {
        path,
        text,
        headers,
    })
}

fn import_as(
    kind: Kind,
    plan: &Plan,
    file: &CsvFile,
    mapping: &Mapping,
) -> Result<Preview, String> {
    let result = import::import(kind, Cow::Borrowed(plan), &file.text, mapping);
    match result {
        Ok(report) => {
            let lines = preview_lines(plan, &report);
            Ok(Preview { report, lines })
        }
        Err(e) => Err(format!("{}: {e}", file.path.display())),
    }
}

impl PreviewJob {
    /// Reads the file if asked and imports it into a copy of `plan` (at `revision`).
    pub fn run(self, plan: &Plan, revision: u64) -> PreviewMade {
        let PreviewJob {
            ticket,
            mut kind,
            guess_kind,
            source,
            mut choices,
            date_order,
        } = self;
        let file = match source {
            Source::Read(file) => file,
            Source::Path(path) => match read_csv(path) {
                Ok(file) => Arc::new(file),
                Err(e) => {
                    return PreviewMade {
                        ticket,
                        kind,
                        revision,
                        outcome: Err(e),
                    };
                }
            },
        };
        // Explicit choices carry over to a file with the same columns.
        choices.retain(|h, _| file.headers.contains(h));
        let mapping = Mapping {
            columns: choices.into_iter().collect(),
            date_order,
            stages: Vec::new(),
        };
        let mut preview = None;
        if guess_kind {
            // Leads when the headers are a contact or lead export's, meetings when the file
            // reads as meetings, else accounts (whose preview then says what is missing).
            kind = if import::is_lead_export(&file.headers) {
                Kind::Leads
            } else {
                match import_as(Kind::Meetings, plan, &file, &mapping) {
                    Ok(p) => {
                        preview = Some(Ok(p));
                        Kind::Meetings
                    }
                    Err(_) => Kind::Accounts,
                }
            };
        }
        let preview = preview.unwrap_or_else(|| import_as(kind, plan, &file, &mapping));
        PreviewMade {
            ticket,
            kind,
            revision,
            outcome: Ok((file, preview)),
        }
    }
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
            preview_of: None,
            problem: None,
            want: None,
            guess_kind: false,
            busy: None,
            focused: false,
        }
    }

    /// A dialog for a file dropped on the window: it is read, and previewed as leads, meetings
    /// or accounts by what it holds.
    pub fn dropped(path: PathBuf) -> Self {
        let mut d = ImportDialog::new(Kind::Accounts);
        d.guess_kind = true;
        d.chosen(path);
        d
    }

    /// The preview, when the file was read and imports.
    pub fn preview(&self) -> Option<&Preview> {
        self.preview.as_ref()
    }

    /// What is being made off the window's thread, if anything ("Reading accounts.csv…").
    pub fn doing(&self) -> Option<&str> {
        self.busy.as_ref().map(|b| b.doing.as_str())
    }

    /// Reads the file at the typed path and makes the preview, once the window starts the
    /// work ([`ImportDialog::take_job`]).
    pub fn read(&mut self) {
        self.want = Some(Want::Read);
    }

    /// Takes a file chosen in the desktop's dialog.
    pub fn chosen(&mut self, path: PathBuf) {
        self.path = path.display().to_string();
        self.read();
    }

    /// Makes the preview again from the file read and the current choices.
    pub fn refresh(&mut self) {
        if self.want.is_none() {
            self.want = Some(Want::Refresh);
        }
    }

    /// The work the dialog wants done now, if any: the window runs it off its thread and hands
    /// the outcome to [`ImportDialog::made`]. Meanwhile the dialog says what is being done.
    pub fn take_job(&mut self) -> Option<PreviewJob> {
        let want = self.want.take()?;
        let source = match (want, &self.file, &self.busy) {
            (Want::Refresh, Some(file), _) => Source::Read(Arc::clone(file)),
            // Still reading: read again, with the new choices.
            (
                Want::Refresh,
                None,
                Some(Busy {
                    reading: Some(path),
                    ..
                }),
            ) => Source::Path(path.clone()),
            (Want::Refresh, None, _) => {
                self.problem = None;
                self.preview = None;
                return None;
            }
            (Want::Read, _, _) => {
                let typed = self.path.trim();
                if typed.is_empty() {
                    self.problem = Some("Type the CSV file's path, or Browse… for it".to_owned());
                    return None;
                }
                self.file = None;
                self.preview = None;
                self.preview_of = None;
                self.column = None;
                Source::Path(PathBuf::from(typed))
            }
        };
        let ticket = TICKETS.fetch_add(1, Ordering::Relaxed);
        let (doing, reading) = match &source {
            Source::Path(path) => (format!("Reading {}…", file_name(path)), Some(path.clone())),
            Source::Read(file) => (
                format!("Matching {} with the plan…", file_name(&file.path)),
                None,
            ),
        };
        self.busy = Some(Busy {
            ticket,
            doing,
            reading,
        });
        Some(PreviewJob {
            ticket,
            kind: self.kind,
            guess_kind: std::mem::take(&mut self.guess_kind),
            source,
            choices: self.choices.clone(),
            date_order: self.date_order,
        })
    }

    /// Takes in a preview made off the window's thread, unless a newer one was asked for since.
    pub fn made(&mut self, made: PreviewMade) {
        if self.busy.as_ref().is_none_or(|b| b.ticket != made.ticket) {
            return;
        }
        self.busy = None;
        if made.kind != self.kind {
            self.kind = made.kind;
            self.choices.clear();
        }
        match made.outcome {
            Ok((file, preview)) => {
                self.choices.retain(|h, _| file.headers.contains(h));
                self.file = Some(file);
                match preview {
                    Ok(p) => {
                        self.preview = Some(p);
                        self.preview_of = Some(made.revision);
                        self.problem = None;
                    }
                    Err(e) => {
                        self.preview = None;
                        self.preview_of = None;
                        self.problem = Some(e);
                    }
                }
            }
            Err(e) => {
                self.file = None;
                self.preview = None;
                self.preview_of = None;
                self.column = None;
                self.problem = Some(e);
            }
        }
    }

    /// The report to apply when the preview shown was made of the plan at `revision`, as it is
    /// now; else `None`, and the import must be made again ([`ImportDialog::apply_job`]).
    pub fn take_current_report(&mut self, revision: u64) -> Option<ImportReport> {
        if self.busy.is_some() || self.preview_of != Some(revision) {
            return None;
        }
        self.preview_of = None;
        self.preview.take().map(|p| p.report)
    }

    /// The import made again on the plan as it is now, for applying.
    pub fn apply_job(&mut self) -> Option<PreviewJob> {
        self.want = Some(Want::Refresh);
        self.take_job()
    }

    /// The report to apply, from the import made again (`made`, of the plan at `revision`, as it
    /// is now): given only if it does exactly what the preview showed (else the new preview is
    /// kept and an error says to look again).
    pub fn report_to_apply(
        &mut self,
        made: PreviewMade,
        revision: u64,
    ) -> Result<ImportReport, String> {
        let shown = self.preview.as_ref().map(|p| same_outcome(&p.report));
        self.made(made);
        let now = self.preview.as_ref().map(|p| same_outcome(&p.report));
        match (
            &self.preview,
            shown == now && self.preview_of == Some(revision),
        ) {
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
    fn layout_key(&self) -> (bool, usize, Option<usize>, bool, Kind, bool) {
        (
            self.file.is_some(),
            self.preview.as_ref().map_or(0, |p| p.lines.len()),
            self.column,
            self.problem.is_some(),
            self.kind,
            self.busy.is_some(),
        )
    }

    /// Reads the file as `kind` from now on: the columns chosen for the other kind are
    /// forgotten (its fields are others) and the preview is made again.
    pub fn set_kind(&mut self, kind: Kind) {
        if self.kind == kind {
            return;
        }
        self.kind = kind;
        self.choices.clear();
        self.column = None;
        self.refresh();
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
    pub fn ui(&mut self, ui: &mut egui::Ui, close: &mut bool) -> Option<ImportAction> {
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
        d.set_kind(kind);
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
            d.read();
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
                            d.refresh();
                        }
                    }
                });
            }
        }
        if let Some(doing) = d.doing() {
            ui.horizontal(|ui| {
                ui.add(egui::Spinner::new());
                ui.label(doing);
            });
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
        let mut apply_clicked = false;
        ui.horizontal(|ui| {
            let changes =
                d.busy.is_none() && d.preview.as_ref().is_some_and(|p| p.report.changed());
            let apply = ui
                .add_enabled(changes, egui::Button::new("Apply import"))
                .on_hover_text("One step: Ctrl+Z undoes the whole import")
                .on_disabled_hover_text("Nothing to change: preview a file first");
            apply_clicked = apply.clicked();
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
        if apply_clicked {
            // The dialog closes: it is handed over whole, its preview's plan not copied.
            let kind = d.kind;
            answer = Some(ImportAction::Apply(Box::new(std::mem::replace(
                d,
                ImportDialog::new(kind),
            ))));
        }
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
            d.refresh();
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
                d.refresh();
            }
        }
    });
}
