//! File ▸ Export and File ▸ Import off the window's thread. The file is made (or read and
//! imported) where the checker keeps its copy of the plan (so the window neither waits nor
//! copies the plan), the status bar shows a spinner and what is being done ("Exporting
//! meetings…", "Reading accounts.csv…"), and the result is taken in when it is ready. Frames go
//! on meanwhile; an export holds the plan as it was when Export was pressed, and an import is
//! applied only to the plan it was made of.

use crate::app::checker::PlanWork;
use crate::app::dialogs::{Dialog, ExportDialog, ImportDialog, PreviewJob, PreviewMade};
use crate::app::{Lasts, Workbench};
use crate::interchange::export::ExportFormat;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a file job ends with.
enum Outcome {
    /// An export's message for the status bar, or the problem and the dialog to show it in
    /// again.
    Export(Result<String, String>, Box<ExportDialog>),
    /// An import's preview, for the dialog open.
    Preview(Box<PreviewMade>),
    /// An import made again to be applied, with the dialog it was made for.
    Apply(Box<PreviewMade>, Box<ImportDialog>),
}

/// A file being written or read off the window's thread.
pub struct FileJob {
    /// What the status bar says meanwhile.
    pub doing: String,
    outcome: Receiver<Outcome>,
}

/// What the status bar says while `format` is exported.
pub fn exporting(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Calendar => "Exporting the calendar…",
        ExportFormat::AccountsCsv => "Exporting accounts…",
        ExportFormat::MeetingsCsv => "Exporting meetings…",
        ExportFormat::HandoffsCsv => "Exporting handoffs…",
        ExportFormat::LeadsCsv => "Exporting leads…",
        ExportFormat::BriefMarkdown | ExportFormat::BriefHtml => "Exporting the brief…",
    }
}

impl Workbench {
    /// Writes the export the dialog `d` describes, off the window's thread when checks run off
    /// it (else at once, as tests want).
    pub(super) fn export(&mut self, ctx: &egui::Context, d: Box<ExportDialog>) {
        let (tx, outcome) = channel();
        let today = self.today;
        let repaint = ctx.clone();
        let doing = exporting(d.format);
        let work: PlanWork = Box::new(move |plan| {
            let result = d.write(plan, today);
            // The window may have closed meanwhile; then nobody is told.
            let _ = tx.send(Outcome::Export(result, d));
            repaint.request_repaint();
        });
        self.start_file_job(doing.to_owned(), work, outcome);
    }

    /// Runs `work` on the plan as it is now, off the window's thread when checks run off it
    /// (else at once, as tests want), and waits for what comes on `outcome`.
    fn start_file_job(&mut self, doing: String, work: PlanWork, outcome: Receiver<Outcome>) {
        if let Err(work) = self.checks.checker.run_on_plan(&mut self.doc, work) {
            work(&self.doc.plan);
        }
        self.views.file_jobs.push(FileJob { doing, outcome });
        self.finish_file_jobs();
    }

    /// Starts the preview the import dialog asks for, if it asks.
    pub(super) fn start_import_preview(&mut self, ctx: &egui::Context) {
        let Some(Dialog::Import(d)) = &mut self.dialog else {
            return;
        };
        let Some(job) = d.take_job() else {
            return;
        };
        let doing = d.doing().unwrap_or("Reading the file…").to_owned();
        let (tx, outcome) = channel();
        let work = self.import_work(ctx, job, move |made| Outcome::Preview(Box::new(made)), tx);
        self.start_file_job(doing, work, outcome);
    }

    /// The work of an import job on the plan as it is now, sending its outcome back.
    fn import_work(
        &self,
        ctx: &egui::Context,
        job: PreviewJob,
        wrap: impl FnOnce(PreviewMade) -> Outcome + Send + 'static,
        tx: std::sync::mpsc::Sender<Outcome>,
    ) -> PlanWork {
        let revision = self.doc.revision;
        let repaint = ctx.clone();
        Box::new(move |plan| {
            let made = job.run(plan, revision);
            // The window may have closed meanwhile; then nobody is told.
            let _ = tx.send(wrap(made));
            repaint.request_repaint();
        })
    }

    /// Applies an import as previewed, as one undoable step: at once when the preview was made
    /// of the plan as it is now, else once the import is made again off the window's thread
    /// (if it would now do something else than the preview showed, the new preview is shown
    /// instead).
    pub(super) fn apply_import(&mut self, ctx: &egui::Context, mut d: Box<ImportDialog>) {
        self.doc.commit();
        if let Some(report) = d.take_current_report(self.doc.revision) {
            self.import_applied(&d, report);
            return;
        }
        let Some(job) = d.apply_job() else {
            self.tell("Nothing to import", true, Lasts::UntilReplaced);
            self.dialog = Some(Dialog::Import(d));
            return;
        };
        let doing = match d.file_path().and_then(|p| p.file_name()) {
            Some(name) => format!("Importing {}…", name.to_string_lossy()),
            None => "Importing…".to_owned(),
        };
        let (tx, outcome) = channel();
        let work = self.import_work(ctx, job, move |made| Outcome::Apply(Box::new(made), d), tx);
        self.start_file_job(doing, work, outcome);
    }

    /// Puts the import's plan in the window, as one undoable step, and says what it did.
    fn import_applied(
        &mut self,
        d: &ImportDialog,
        report: crate::interchange::import::ImportReport,
    ) {
        let from = d
            .file_path()
            .map(|p| format!(" from {}", p.display()))
            .unwrap_or_default();
        let summary = report.summary();
        let kind = report.kind;
        self.doc.replace_plan(report.plan);
        self.say_until_edit(format!("Imported {kind}{from}: {summary} (Ctrl+Z undoes)"));
    }

    /// Takes the outcomes of the files written since the last frame: says what was written, or
    /// shows the problem in the dialog again.
    pub(super) fn finish_file_jobs(&mut self) {
        let mut done = Vec::new();
        self.views
            .file_jobs
            .retain(|job| match job.outcome.try_recv() {
                Ok(outcome) => {
                    done.push(Some(outcome));
                    false
                }
                Err(TryRecvError::Empty) => true,
                Err(TryRecvError::Disconnected) => {
                    done.push(None);
                    false
                }
            });
        for outcome in done {
            match outcome {
                Some(Outcome::Export(Ok(written), _)) => self.say(written),
                Some(Outcome::Preview(made)) => {
                    if let Some(Dialog::Import(d)) = &mut self.dialog {
                        d.made(*made);
                    }
                }
                Some(Outcome::Apply(made, mut d)) => {
                    self.doc.commit();
                    match d.report_to_apply(*made, self.doc.revision) {
                        Ok(report) => self.import_applied(&d, report),
                        Err(problem) => {
                            self.tell(problem, true, Lasts::UntilReplaced);
                            if self.dialog.is_none() {
                                self.dialog = Some(Dialog::Import(d));
                            }
                        }
                    }
                }
                Some(Outcome::Export(Err(problem), mut d)) => {
                    self.tell(problem.clone(), true, Lasts::UntilReplaced);
                    if self.dialog.is_none() {
                        d.problem = Some(problem);
                        self.dialog = Some(Dialog::Export(d));
                    }
                }
                None => self.tell(
                    "The work on the file stopped before it was done",
                    true,
                    Lasts::UntilReplaced,
                ),
            }
        }
    }

    /// The spinner and what is being done, in the status bar, while a file is written or read.
    pub(super) fn file_jobs_ui(&self, ui: &mut egui::Ui) {
        if let Some(job) = self.views.file_jobs.first() {
            ui.separator();
            ui.add(egui::Spinner::new());
            ui.label(job.doing.as_str());
        }
    }
}
