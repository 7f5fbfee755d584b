//! Recovery copies: while a plan has unsaved edits, a copy is written every few idle seconds (and
//! from the panic hook) to the user's data folder, never beside the plan. The next start offers
//! it back and shows what differs from the file on disk.

use crate::model::Plan;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Seconds of idle time before a recovery copy is written.
pub const IDLE_SECS: f64 = 2.0;

/// The user's folder for recovery copies.
pub fn default_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("LOCALAPPDATA").map(PathBuf::from))
        .or_else(|| {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share"))
        })?;
    Some(base.join("preshow").join("recovery"))
}

/// The recovery file of a plan (`None`: a plan not saved anywhere yet).
pub fn file_for(dir: &Path, plan: Option<&Path>) -> PathBuf {
    let key = match plan {
        Some(p) => std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.to_owned())
            .display()
            .to_string(),
        None => "a new plan".to_owned(),
    };
    let digest = crate::app::document::digest(key.as_bytes());
    dir.join(format!("{}.ron", digest.get(..16).unwrap_or(&digest)))
}

fn header(plan: Option<&Path>) -> String {
    let of = plan.map_or_else(|| "a new plan".to_owned(), |p| p.display().to_string());
    format!(
        "// Preshow recovery copy of unsaved changes to {of}\n// Written {}\n",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S")
    )
}

/// Writes the recovery copy of `plan`, whose file is `path`.
pub fn write(dir: &Path, path: Option<&Path>, plan: &Plan) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let text = format!("{}{}", header(path), crate::format::to_string(plan));
    crate::format::write_atomic(&file_for(dir, path), text.as_bytes()).map_err(Into::into)
}

/// A recovery copy found at start.
#[derive(Debug, Clone)]
pub struct Found {
    /// The plan with the unsaved edits.
    pub plan: Plan,
    /// When it was written, as its header says.
    pub written: String,
}

/// The recovery copy for the plan at `path`, if there is one that loads.
pub fn find(dir: &Path, path: Option<&Path>) -> Option<Found> {
    let file = file_for(dir, path);
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => {
            log::warn!("the recovery copy {} was not read: {e}", file.display());
            return None;
        }
    };
    let written = text
        .lines()
        .find_map(|l| l.strip_prefix("// Written "))
        .unwrap_or("at an unknown time")
        .to_owned();
    match crate::format::parse(&text) {
        Ok(loaded) => Some(Found {
            plan: loaded.plan,
            written,
        }),
        Err(e) => {
            log::warn!(
                "the recovery copy {} is not offered: it does not read as a plan: {e}",
                file.display()
            );
            None
        }
    }
}

/// Removes the recovery copy of the plan at `path`.
pub fn remove(dir: &Path, path: Option<&Path>) {
    // Nothing to remove is fine; failing to remove only means an offer at the next start.
    let file = file_for(dir, path);
    if let Err(e) = std::fs::remove_file(&file)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        log::warn!("the recovery copy {} was not removed: {e}", file.display());
    }
}

/// What the panic hook writes: the recovery file and the latest plan with edits.
pub type Snapshot = Arc<Mutex<Option<(PathBuf, Option<PathBuf>, Plan)>>>;

/// Installs a panic hook that writes `snapshot` as a recovery copy before the usual report.
pub fn install_panic_hook(snapshot: Snapshot) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(guard) = snapshot.try_lock()
            && let Some((dir, path, plan)) = guard.as_ref()
        {
            let file = file_for(dir, path.as_deref());
            match write(dir, path.as_deref(), plan) {
                Ok(()) => eprintln!("preshow: unsaved changes were kept in {}", file.display()),
                Err(e) => eprintln!(
                    "preshow: unsaved changes could not be kept in {}: {e}",
                    file.display()
                ),
            }
        }
        default(info);
    }));
}
