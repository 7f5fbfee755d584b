//! Watching the plan's file from a thread of its own, so an idle window draws nothing: the
//! thread looks at the file's length and modification time every second and asks for a frame
//! only when they change. The frame then compares the contents (`safety.rs`).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::{Duration, SystemTime};

/// How often the thread looks at the file.
pub const EVERY: Duration = Duration::from_secs(1);

/// What the file looks like from outside: its length and modification time, or nothing when it
/// is not there.
pub type Seen = Option<(u64, Option<SystemTime>)>;

/// The file's length and modification time now.
pub fn look(path: &Path) -> Seen {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

/// A thread watching one file; it ends when this is dropped.
pub struct FileWatch {
    tx: Sender<Option<PathBuf>>,
    changed: Arc<AtomicBool>,
}

impl FileWatch {
    /// Starts the thread, looking every `every`; `wake` is called when the file changed.
    pub fn spawn(every: Duration, wake: impl Fn() + Send + 'static) -> Option<Self> {
        let (tx, rx) = channel::<Option<PathBuf>>();
        let changed = Arc::new(AtomicBool::new(false));
        let flag = changed.clone();
        std::thread::Builder::new()
            .name("preshow-file-watch".into())
            .spawn(move || {
                let mut path: Option<PathBuf> = None;
                let mut seen: Seen = None;
                loop {
                    match rx.recv_timeout(every) {
                        Ok(p) => {
                            seen = p.as_deref().and_then(look);
                            path = p;
                            continue;
                        }
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                    let Some(p) = &path else { continue };
                    let now = look(p);
                    if now != seen {
                        seen = now;
                        flag.store(true, Ordering::Release);
                        wake();
                    }
                }
            })
            .ok()?;
        Some(FileWatch { tx, changed })
    }

    /// Watches `path` from now on (`None`: nothing). A change made before this call is not
    /// reported.
    pub fn watch(&self, path: Option<PathBuf>) {
        // The thread ends only when this is dropped, so the send cannot fail while it lives.
        let _ = self.tx.send(path);
    }

    /// Whether the file changed since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }
}
