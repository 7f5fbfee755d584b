//! Native file dialogs off the UI thread, and the list of recent plans.
//!
//! A native dialog may not exist (no portal on the desktop) and then answers exactly as a cancel
//! would; the workbench therefore always offers a typed path beside it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// Most recent plans remembered.
const MAX_RECENT: usize = 10;

/// Where the workbench keeps its own state, and whether native dialogs are used.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// The file listing recent plans; `None` keeps the list in memory only.
    pub recent_file: Option<PathBuf>,
    /// The file keeping the window's size and position between runs (written by eframe when
    /// the window closes); `None` keeps neither.
    pub window_file: Option<PathBuf>,
    /// Whether to open the desktop's file dialogs.
    pub native_dialogs: bool,
    /// Whether checks run on a worker thread (off: on the UI thread, for deterministic tests).
    pub background_checks: bool,
    /// Where recovery copies of unsaved edits go; `None` keeps none.
    pub recovery_dir: Option<PathBuf>,
    /// The file remembering who is at the keyboard; `None` keeps it for the run only.
    pub identity_file: Option<PathBuf>,
    /// The file listing the plans whose owners chose to keep them at format 1 (the offer to
    /// upgrade is not made again for them); `None` remembers the choice for the run only.
    pub format_1_file: Option<PathBuf>,
    /// Whether git's email suggests who is at the keyboard.
    pub git_identity: bool,
    /// Whether a thread watches the plan's file for changes made by others, so an idle window
    /// draws nothing (off: the file is looked at on every frame, for deterministic tests).
    pub watch_in_background: bool,
}

impl Settings {
    /// The user's settings: recent plans and who is at the keyboard in the user's config folder,
    /// native dialogs on.
    pub fn user() -> Self {
        Settings {
            recent_file: config_dir().map(|d| d.join("recent.txt")),
            window_file: config_dir().map(|d| d.join("window.ron")),
            native_dialogs: true,
            background_checks: true,
            recovery_dir: crate::app::recovery::default_dir(),
            identity_file: config_dir().map(|d| d.join("identity.txt")),
            format_1_file: config_dir().map(|d| d.join("keep-format-1.txt")),
            git_identity: true,
            watch_in_background: true,
        }
    }

    /// For tests: nothing stored, no native dialogs, checks on the UI thread, git not asked, the
    /// plan's file looked at on every frame.
    pub fn ephemeral() -> Self {
        Settings::default()
    }
}

/// The user's folder for Preshow's own settings.
pub fn config_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("APPDATA").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("preshow"))
}

/// Writes one of the workbench's own small files. They are a convenience: failing to store one
/// must not disturb the user, but it is worth a line in the log.
fn store(file: &Path, text: &str, what: &str) {
    let stored = match file.parent() {
        Some(dir) => std::fs::create_dir_all(dir).map_err(|e| e.to_string()),
        None => Ok(()),
    }
    .and_then(|()| crate::format::write_atomic(file, text.as_bytes()).map_err(|e| e.to_string()));
    if let Err(e) = stored {
        log::warn!("{what} {} was not stored: {e}", file.display());
    }
}

/// The stored list of recent plans, newest first (empty when there is none).
fn read_recent(settings: &Settings) -> Vec<PathBuf> {
    settings
        .recent_file
        .as_ref()
        .and_then(|f| match std::fs::read_to_string(f) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                log::warn!("the list of recent plans {} was not read: {e}", f.display());
                None
            }
        })
        .map(|t| {
            t.lines()
                .filter(|l| !l.is_empty())
                .map(PathBuf::from)
                .take(MAX_RECENT)
                .collect()
        })
        .unwrap_or_default()
}

/// What a file dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Choosing a plan to open.
    Open,
    /// Choosing where to save.
    SaveAs,
    /// Choosing a CSV file to import.
    ImportCsv,
    /// Choosing where to write an export.
    Export(crate::interchange::export::ExportFormat),
}

impl Purpose {
    /// The file type the dialog offers: its name and extensions.
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Purpose::Open | Purpose::SaveAs => ("Preshow plan", &["ron"]),
            Purpose::ImportCsv => ("CSV export", &["csv", "txt"]),
            Purpose::Export(format) => (format.file_type(), format.extensions()),
        }
    }
}

/// A path the user chose.
#[derive(Debug, Clone)]
pub struct Chosen {
    /// What for.
    pub purpose: Purpose,
    /// The path.
    pub path: PathBuf,
}

/// File dialogs and recent plans.
pub struct Files {
    settings: Settings,
    recent: Vec<PathBuf>,
    /// Plans kept at format 1 (canonical paths), sorted.
    format_1: Vec<PathBuf>,
    waiting: Option<Receiver<(Purpose, Option<PathBuf>)>>,
}

impl Files {
    /// Loads the recent list.
    pub fn new(settings: Settings) -> Self {
        let recent = read_recent(&settings);
        let format_1 = settings
            .format_1_file
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .map(|t| {
                t.lines()
                    .filter(|l| !l.is_empty())
                    .map(PathBuf::from)
                    .collect()
            })
            .unwrap_or_default();
        let mut format_1: Vec<PathBuf> = format_1;
        format_1.sort();
        format_1.dedup();
        Files {
            settings,
            recent,
            format_1,
            waiting: None,
        }
    }

    /// Whether the plan at `path` was chosen to stay at format 1.
    pub fn keeps_format_1(&self, path: &Path) -> bool {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.format_1.binary_search(&path).is_ok()
    }

    /// Remembers that the plan at `path` stays at format 1, and stores the list.
    pub fn keep_format_1(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if let Err(at) = self.format_1.binary_search(&path) {
            self.format_1.insert(at, path);
        }
        if let Some(file) = &self.settings.format_1_file {
            let text: String = self
                .format_1
                .iter()
                .map(|p| format!("{}\n", p.display()))
                .collect();
            store(file, &text, "the plans kept at format 1");
        }
    }

    /// Recent plans, newest first.
    pub fn recent(&self) -> Vec<PathBuf> {
        self.recent.clone()
    }

    /// Puts `path` first in the recent list and stores it. The list is read again first: another
    /// window may have opened plans since this one started, and they stay in it.
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if self.settings.recent_file.is_some() {
            self.recent = read_recent(&self.settings);
        }
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
        if let Some(file) = &self.settings.recent_file {
            let text: String = self
                .recent
                .iter()
                .map(|p| format!("{}\n", p.display()))
                .collect();
            store(file, &text, "the list of recent plans");
        }
    }

    /// Opens the desktop's dialog on a worker thread, if native dialogs are on.
    pub fn pick(&mut self, purpose: Purpose, ctx: &egui::Context, suggested: Option<&Path>) {
        if !self.settings.native_dialogs || self.waiting.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let dir = suggested.and_then(Path::parent).map(Path::to_owned);
        let name = suggested
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned());
        let spawned = std::thread::Builder::new()
            .name("preshow-file-dialog".into())
            .spawn(move || {
                let (filter, extensions) = purpose.filter();
                let mut dialog = rfd::FileDialog::new().add_filter(filter, extensions);
                if let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
                    dialog = dialog.set_directory(d);
                }
                let path = match purpose {
                    Purpose::Open | Purpose::ImportCsv => dialog.pick_file(),
                    Purpose::SaveAs => dialog
                        .set_file_name(name.unwrap_or_else(|| "plan.ron".into()))
                        .save_file(),
                    Purpose::Export(format) => dialog
                        .set_file_name(
                            name.unwrap_or_else(|| format!("export.{}", format.extension())),
                        )
                        .save_file(),
                };
                let _ = tx.send((purpose, path));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.waiting = Some(rx),
            // The typed path beside it still works.
            Err(e) => log::warn!("the desktop's file dialog could not be started: {e}"),
        }
    }

    /// A path chosen in a native dialog, once there is one.
    pub fn poll(&mut self) -> Option<Chosen> {
        let rx = self.waiting.as_ref()?;
        match rx.try_recv() {
            Ok((purpose, path)) => {
                self.waiting = None;
                path.map(|path| Chosen { purpose, path })
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.waiting = None;
                None
            }
        }
    }
}
