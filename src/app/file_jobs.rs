//! File ▸ Export off the window's thread. The file is made where the checker keeps its copy of
//! the plan (so the window neither waits nor copies the plan), the status bar shows a spinner
//! and what is being written ("Exporting meetings…"), and the result is said when it is in.
//! Frames go on meanwhile and the plan can be edited; the file holds the plan as it was when
//! Export was pressed.

use crate::app::checker::PlanWork;
use crate::app::dialogs::{Dialog, ExportDialog};
use crate::app::{Lasts, Workbench};
use crate::interchange::export::ExportFormat;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What an export ends with: the message for the status bar, or the problem and the dialog to
/// show it in again.
type Outcome = (Result<String, String>, Box<ExportDialog>);

/// A file being written off the window's thread.
pub struct FileJob {
    /// What the status bar says meanwhile.
    pub doing: &'static str,
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
            let _ = tx.send((result, d));
            repaint.request_repaint();
        });
        if let Err(work) = self.checks.checker.run_on_plan(&mut self.doc, work) {
            work(&self.doc.plan);
        }
        self.views.file_jobs.push(FileJob { doing, outcome });
        self.finish_file_jobs();
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
                Some((Ok(written), _)) => self.say(written),
                Some((Err(problem), mut d)) => {
                    self.tell(problem.clone(), true, Lasts::UntilReplaced);
                    if self.dialog.is_none() {
                        d.problem = Some(problem);
                        self.dialog = Some(Dialog::Export(d));
                    }
                }
                None => self.tell(
                    "The export stopped before its file was written",
                    true,
                    Lasts::UntilReplaced,
                ),
            }
        }
    }

    /// The spinner and what is being written, in the status bar, while a file is.
    pub(super) fn file_jobs_ui(&self, ui: &mut egui::Ui) {
        if let Some(job) = self.views.file_jobs.first() {
            ui.separator();
            ui.add(egui::Spinner::new());
            ui.label(job.doing);
        }
    }
}
