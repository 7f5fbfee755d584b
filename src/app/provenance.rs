//! Who recorded each sign-off, as the plan file's git history tells it
//! ([`crate::git::provenance`]), read off the UI thread: once when a file is opened, and again
//! when the repository's `HEAD` moves (a commit, a checkout, a pull), which is noticed by
//! looking at two small files in the git folder at most every two seconds while frames are
//! drawn. No frame runs git.

use crate::analysis::provenance::SignoffHistory;
use crate::app::job::Job;
use crate::app::watch::{Seen, look};
use crate::git::provenance::FileHistory;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How often, at most, the git folder is looked at for a new commit (seconds).
const LOOK_EVERY_SECS: f64 = 2.0;

/// What the window knows of the file's history of sign-offs.
#[derive(Debug, Clone, Default)]
pub enum SignoffTrail {
    /// The plan has no file yet.
    #[default]
    NoFile,
    /// Being read.
    Reading,
    /// Read.
    Ready(Arc<SignoffHistory>),
    /// Why it cannot be read (not in a git repository, git missing).
    Unavailable(Arc<str>),
}

impl SignoffTrail {
    /// The history, when it has been read.
    pub fn history(&self) -> Option<&SignoffHistory> {
        match self {
            SignoffTrail::Ready(h) => Some(h),
            _ => None,
        }
    }
}

type Answer = Result<FileHistory, String>;

/// Reads the history when the file or its repository's `HEAD` changes.
#[derive(Default)]
pub struct TrailReader {
    /// The file it was last read for (or is being read for).
    path: Option<PathBuf>,
    job: Option<Job<Answer>>,
    /// The git folder's `HEAD` and `logs/HEAD`, and how they looked when the history was read.
    watched: Vec<(PathBuf, Seen)>,
    /// When the git folder was last looked at (egui's time, seconds).
    looked_at: f64,
    /// What the window shows.
    pub trail: SignoffTrail,
}

impl TrailReader {
    /// Starts reading the history of `path` again.
    pub fn refresh(&mut self, ctx: &egui::Context) {
        self.start(ctx, self.path.clone());
    }

    fn start(&mut self, ctx: &egui::Context, path: Option<PathBuf>) {
        self.path.clone_from(&path);
        self.watched.clear();
        let Some(path) = path else {
            self.job = None;
            self.trail = SignoffTrail::NoFile;
            return;
        };
        if !matches!(self.trail, SignoffTrail::Ready(_)) {
            self.trail = SignoffTrail::Reading;
        }
        self.job = Some(Job::spawn(ctx, move || read(&path)));
    }

    /// Once a frame: starts a read when the file changed or `HEAD` moved, and takes in a read
    /// that finished. Returns whether [`TrailReader::trail`] changed.
    pub fn logic(&mut self, ctx: &egui::Context, path: Option<&Path>) -> bool {
        if self.path.as_deref() != path {
            self.trail = SignoffTrail::NoFile;
            self.start(ctx, path.map(Path::to_owned));
            return true;
        }
        if let Some(job) = &self.job {
            let Some(answer) = job.poll() else {
                return false;
            };
            self.job = None;
            let answer = answer.unwrap_or_else(|| Err("Reading the history failed.".to_owned()));
            self.trail = match answer {
                Ok(read) => {
                    self.watched = ["HEAD", "logs/HEAD"]
                        .iter()
                        .map(|f| {
                            let p = read.git_dir.join(f);
                            let seen = look(&p);
                            (p, seen)
                        })
                        .collect();
                    SignoffTrail::Ready(Arc::new(read.signoffs))
                }
                Err(why) => SignoffTrail::Unavailable(why.into()),
            };
            return true;
        }
        let now = ctx.input(|i| i.time);
        if !self.watched.is_empty() && now - self.looked_at >= LOOK_EVERY_SECS {
            self.looked_at = now;
            if self.watched.iter().any(|(p, seen)| look(p) != *seen) {
                self.refresh(ctx);
            }
        }
        false
    }
}

fn read(path: &Path) -> Answer {
    crate::git::provenance::history(path).map_err(|e| match e {
        crate::git::GitError::NotAWorkTree => {
            "The plan's file is not in a git repository, so who recorded each sign-off cannot be \
             told."
                .to_owned()
        }
        e => format!("The plan's git history could not be read: {e}."),
    })
}
