//! Opening a plan off the window's thread: the file is read and parsed (and its undo baseline
//! made) on a thread of its own while the window goes on drawing. Until it is in, the window
//! shows the file's name and size with a spinner ("Opening plan.ron (140 MB)…"), the menus that
//! need a plan are off, and the plan that was open stays as it is, in place, until the new one
//! has parsed: a file that does not read changes nothing but the message. Every open takes this
//! path: the file given at start, File ▸ Open, Open recent, a dropped plan, Reload, and the file
//! read again after someone else changed it. When checks run on the window's thread (tests),
//! the reading does too, and the plan is in at once.

use crate::app::job::Job;
use crate::app::open_problem::OpenProblem;
use crate::app::watch::Seen;
use crate::app::{Command, Document, Lasts, Workbench, dialogs};
use crate::format;
use crate::model::human;
use egui::{RichText, TextStyle, Ui};
use std::path::{Path, PathBuf};

/// What a plan's file read gives: the document and a note for the status bar, or why not.
type Read = Result<(Document, String), Box<Failed>>;

/// Why a plan's file did not open.
pub struct Failed {
    /// What is wrong, and where.
    error: format::LoadError,
    /// The screen that says so, when it is to be shown (made where the file was read: it reads
    /// the lines around the problem).
    problem: Option<OpenProblem>,
}

/// Why a plan is being read: what is done with it once it is in.
#[derive(Debug, Clone)]
pub enum Why {
    /// The plan the window starts on; with none in place yet, the screen that says why is shown
    /// if it does not open, and recovered edits are offered once it does.
    Start,
    /// File ▸ Open, Open recent, a dropped plan, Reload, or Try again.
    Open,
    /// Someone else changed the open plan's file and there were no unsaved edits: it is read
    /// again, and replaces the plan only if there are still none when it is in.
    ChangedOnDisk {
        /// How the file looked when the change was noticed.
        seen: Seen,
        /// A digest of the file as changed.
        digest: String,
    },
}

/// A plan being read.
pub struct Opening {
    /// The file.
    pub path: PathBuf,
    /// Its size when the reading started (`None` when it is not a plain file).
    pub bytes: Option<u64>,
    /// Why it is read.
    pub why: Why,
    /// Commands to run once the plan is in (`--walk` at start).
    then: Vec<Command>,
    /// Said after "Opened …" once the plan is in (a drop of several files).
    pub note: String,
    job: Job<Read>,
}

impl Opening {
    /// The file's name, as the user knows it.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// "Opening plan.ron (140 MB)…".
    pub fn doing(&self) -> String {
        match self.bytes {
            Some(b) => format!("Opening {} ({})…", self.file_name(), size(b)),
            None => format!("Opening {}…", self.file_name()),
        }
    }

    /// Whether the window shows this opening in place of the plan (a file read again after
    /// someone changed it shows only in the status bar, over the plan it replaces).
    pub fn shown(&self) -> bool {
        !matches!(self.why, Why::ChangedOnDisk { .. })
    }
}

/// A file's size in the units people read: "812 bytes", "14 KB", "140 MB".
pub fn size(bytes: u64) -> String {
    const K: u64 = 1000;
    match bytes {
        1 => "1 byte".to_owned(),
        b if b < K => format!("{b} bytes"),
        b if b < K * K => format!("{} KB", b.div_ceil(K)),
        b => format!(
            "{} MB",
            human::number((b as f64 / (K * K) as f64).round(), 0)
        ),
    }
}

/// Reads the plan at `path` as a document, with a note for the status bar when it was migrated
/// from an older format; when it does not open, with the screen that says why if `screen`.
/// Runs on whichever thread opens the plan.
fn read(path: &Path, screen: bool) -> Read {
    read_document(path).map_err(|error| {
        let problem = screen.then(|| OpenProblem::new(path.to_owned(), &error.error));
        Box::new(Failed { error, problem })
    })
}

/// Reads the plan at `path` as a document, with a note for the status bar when it was migrated
/// from an older format.
fn read_document(path: &Path) -> Result<(Document, String), format::LoadError> {
    let read = format::read_text(path).and_then(|text| format::parse(&text).map(|l| (l, text)));
    let (loaded, text) = read.map_err(|error| format::LoadError {
        path: path.to_owned(),
        error,
    })?;
    // The source map goes before the plan is copied for undo: at 100,000 accounts it is a few
    // hundred megabytes. The text goes once its digest is worked out, off this thread.
    let format::Loaded {
        plan,
        source,
        migrated_from,
    } = loaded;
    // Only the comments are kept (`{ source }` moves the map into a temporary, so the rest of
    // it goes at the end of this statement).
    let format::SourceMap { comments, .. } = { source };
    let note = migrated_from
        .map(|f| {
            format!(
                " (migrated from format {f}; saving writes format {})",
                plan.format
            )
        })
        .unwrap_or_default();
    let mut doc = Document::new(plan, Some(path.to_owned()), migrated_from.is_none());
    doc.digest_in_background(text);
    doc.comments = comments;
    Ok((doc, note))
}

impl Workbench {
    /// Starts reading the plan at `path`, for `why`: on a thread of its own when checks run off
    /// the window's thread, else here and now (and then it is in when this returns). A plan
    /// already being read is let go.
    pub(super) fn start_opening(&mut self, path: PathBuf, why: Why) {
        let bytes = std::fs::metadata(&path)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map(|m| m.len());
        // Where there is no plan to keep, a file that does not open shows the screen that says
        // why (at start, or from that screen).
        let screen = matches!(why, Why::Start) || self.open_problem.is_some();
        let job = if self.checks.checker.in_background() {
            let p = path.clone();
            Job::spawn(&self.window.repaint, move || read(&p, screen))
        } else {
            Job::ready(read(&path, screen))
        };
        self.opening = Some(Opening {
            path,
            bytes,
            why,
            then: Vec::new(),
            note: String::new(),
            job,
        });
        self.finish_opening();
    }

    /// Runs `cmd` once the plan being read is in (at once when none is).
    pub(super) fn once_open(&mut self, cmd: Command) {
        match &mut self.opening {
            Some(o) => o.then.push(cmd),
            None => self.command(cmd),
        }
    }

    /// The plan being read, while one is.
    pub fn opening(&self) -> Option<&Opening> {
        self.opening.as_ref()
    }

    /// Whether the window shows a plan being opened instead of the plan.
    pub(super) fn opening_shown(&self) -> bool {
        self.opening.as_ref().is_some_and(Opening::shown)
    }

    /// Waits until the plan being read is in, and takes it (tests and benchmarks use it).
    pub fn wait_opened(&mut self) {
        while let Some(o) = &self.opening {
            match o.job.wait() {
                Some(read) => self.opened(read),
                None => self.opening_stopped(),
            }
        }
    }

    /// Lets go of the plan being read: the window goes back to what it showed before.
    pub(super) fn cancel_opening(&mut self) {
        if let Some(o) = self.opening.take() {
            self.say(format!("Stopped opening {}", o.file_name()));
        }
    }

    /// Takes the plan being read if it is in.
    pub(super) fn finish_opening(&mut self) {
        let Some(o) = &self.opening else {
            return;
        };
        match o.job.poll() {
            None => {}
            Some(Some(read)) => self.opened(read),
            Some(None) => self.opening_stopped(),
        }
    }

    /// The reading thread ended without an answer.
    fn opening_stopped(&mut self) {
        if let Some(o) = self.opening.take() {
            self.complain(
                "This plan could not be opened",
                format!("Reading {} stopped before it was done", o.path.display()),
            );
        }
    }

    /// Puts the plan read in place (or says why it is not), as what it was read for asks.
    fn opened(&mut self, read: Read) {
        let Some(o) = self.opening.take() else {
            return;
        };
        let path = o.path;
        match (o.why.clone(), read) {
            (Why::Start | Why::Open, Ok((doc, note))) => {
                let start = matches!(o.why, Why::Start);
                self.replace_document(doc);
                self.open_problem = None;
                self.files.add_recent(&path);
                self.say_until_edit(format!("Opened {}{note}{}", path.display(), o.note));
                if start {
                    self.offer_recovery();
                }
                self.frame.pending.extend(o.then);
            }
            (Why::Start | Why::Open, Err(failed)) => match failed.problem {
                Some(problem) => self.open_problem = Some(problem),
                None => self.complain(
                    "This plan could not be opened; the current plan stays open",
                    failed.error.to_string(),
                ),
            },
            (Why::ChangedOnDisk { seen, digest }, read) => {
                self.reread(&path, seen, digest, read);
            }
        }
    }

    /// The plan's file as read again after someone else changed it: it replaces the plan
    /// unless edits were made meanwhile (then the user is asked, as when there were edits).
    fn reread(&mut self, path: &Path, seen: Seen, digest: String, read: Read) {
        self.doc.commit();
        if self.doc.is_dirty() || self.doc.path.as_deref() != Some(path) {
            self.disk.change_noted = Some(digest);
            if self.dialog.is_none() && self.doc.path.as_deref() == Some(path) {
                self.dialog = Some(dialogs::Dialog::ChangedWhileEditing(
                    dialogs::ChangedWhileEditing {
                        path: path.to_owned(),
                    },
                ));
            }
            return;
        }
        match read {
            Ok((doc, note)) => {
                let section = self.section;
                let board = self.board;
                self.replace_document(doc);
                self.section = section;
                self.board = board;
                self.disk.seen = seen;
                self.say_until_edit(format!(
                    "{} changed on disk and was reloaded (you had no unsaved edits){note}",
                    path.display()
                ));
            }
            Err(failed) => {
                let message = failed.error.to_string();
                self.tell(
                    format!(
                        "{} changed on disk and cannot be read, so it was not reloaded: {message}",
                        path.display()
                    ),
                    true,
                    Lasts::WhileFileTrouble,
                );
                self.disk.trouble = Some(crate::app::state::DiskTrouble::Unreadable(message));
            }
        }
    }

    /// The screen shown while a plan is opened: its name and size, a spinner, and
    /// (when a plan is open behind it) a button that stops and goes back to it.
    pub(super) fn opening_ui(&mut self, ui: &mut Ui) {
        let Some(o) = &self.opening else {
            return;
        };
        let body = ui.text_style_height(&TextStyle::Body);
        // At start there is nothing behind it to go back to.
        let back = matches!(o.why, Why::Open).then(|| match &self.open_problem {
            Some(p) => format!("Stop, and go back to {}", p.file_name()),
            None => format!("Stop, and go back to {}", self.doc.title()),
        });
        let mut stop = false;
        ui.vertical_centered(|ui| {
            ui.add_space(body * 6.0);
            ui.horizontal(|ui| {
                // Centred as one line: the spinner beside the heading.
                let heading = RichText::new(o.doing()).heading();
                let galley_width = ui.fonts_mut(|f| {
                    f.layout_no_wrap(
                        o.doing(),
                        TextStyle::Heading.resolve(ui.style()),
                        egui::Color32::WHITE,
                    )
                    .size()
                    .x
                });
                let width = galley_width + body * 2.0;
                ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
                ui.add(egui::Spinner::new().size(body * 1.4));
                ui.label(heading);
            });
            ui.add_space(body * 0.6);
            ui.label("The gaps are checked as soon as it is in.");
            if let Some(back) = &back {
                ui.add_space(body * 1.5);
                stop = ui.button(back.as_str()).clicked();
            }
        });
        if stop {
            self.cancel_opening();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(size(1), "1 byte");
        assert_eq!(size(812), "812 bytes");
        assert_eq!(size(13_800), "14 KB");
        assert_eq!(size(13_800_000), "14 MB");
        assert_eq!(size(140_179_627), "140 MB");
        assert_eq!(size(2_400_000_000), "2,400 MB");
    }
}
