//! Keeping a plan safe while it is open: recovery copies of unsaved edits, and noticing when
//! someone else changes the file on disk.

use crate::app::dialogs::{ChangedWhileEditing, Dialog, Recover};
use crate::app::{Status, Workbench, recovery};
use std::time::Duration;

/// How often the file on disk is looked at.
const DISK_CHECK_SECS: f64 = 1.0;

impl Workbench {
    /// At start: offers the recovery copy of the plan just opened, if it differs from the file.
    pub(super) fn offer_recovery(&mut self) {
        let Some(dir) = self.recovery.dir.clone() else {
            return;
        };
        let Some(found) = recovery::find(&dir, self.doc.path.as_deref()) else {
            return;
        };
        let changes = crate::ops::diff::diff(&self.doc.plan, &found.plan);
        if changes.is_empty() {
            recovery::remove(&dir, self.doc.path.as_deref());
            return;
        }
        self.dialog = Some(Dialog::Recover(Recover {
            plan: Box::new(found.plan),
            written: found.written,
            changes,
        }));
    }

    /// Writes a recovery copy after a few idle seconds of unsaved edits; removes it when there
    /// are none. Keeps the panic hook's copy of the plan current.
    pub(super) fn keep_recovery(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.recovery.dir.clone() else {
            return;
        };
        // Closing, the edits saved or discarded on purpose: nothing is left to recover.
        if self.window.allow_close {
            return;
        }
        let typing = ctx.text_edit_focused() || ctx.input(|i| i.pointer.any_down());
        if !self.doc.is_dirty() {
            if self.recovery.written.is_some() || self.recovery.snapshot_revision.is_some() {
                recovery::remove(&dir, self.doc.path.as_deref());
                self.recovery.written = None;
                self.recovery.snapshot_revision = None;
                if let Ok(mut s) = self.recovery.snapshot.lock() {
                    *s = None;
                }
            }
            return;
        }
        if self.recovery.snapshot_revision != Some(self.doc.revision) && !typing {
            if let Ok(mut s) = self.recovery.snapshot.lock() {
                *s = Some((dir.clone(), self.doc.path.clone(), self.doc.plan.clone()));
            }
            self.recovery.snapshot_revision = Some(self.doc.revision);
        }
        if self.recovery.written == Some(self.doc.revision) {
            return;
        }
        let idle = ctx.input(|i| i.time) - self.recovery.last_edit_at;
        if idle >= recovery::IDLE_SECS {
            self.write_recovery_now();
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(recovery::IDLE_SECS - idle + 0.05));
        }
    }

    /// Writes the recovery copy of the unsaved edits now.
    pub fn write_recovery_now(&mut self) {
        let Some(dir) = self.recovery.dir.clone() else {
            return;
        };
        match recovery::write(&dir, self.doc.path.as_deref(), &self.doc.plan) {
            Ok(()) => self.recovery.written = Some(self.doc.revision),
            Err(e) => {
                self.recovery.written = Some(self.doc.revision);
                self.status = Some(Status {
                    text: format!("Could not keep a recovery copy in {}: {e}", dir.display()),
                    problem: true,
                });
            }
        }
    }

    /// Drops the recovery copy (after saving, opening or discarding).
    pub(super) fn forget_recovery(&mut self) {
        if let Some(dir) = &self.recovery.dir {
            recovery::remove(dir, self.doc.path.as_deref());
        }
        self.recovery.written = None;
        // Nor may the panic hook write it back.
        self.recovery.snapshot_revision = None;
        if let Ok(mut s) = self.recovery.snapshot.lock() {
            *s = None;
        }
    }

    /// Looks at the plan's file every second: reloads it when someone else changed it and there
    /// are no local edits, and asks when there are.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if now - self.disk.checked_at < DISK_CHECK_SECS {
            ctx.request_repaint_after(Duration::from_secs_f64(DISK_CHECK_SECS));
            return;
        }
        self.disk.checked_at = now;
        ctx.request_repaint_after(Duration::from_secs_f64(DISK_CHECK_SECS));
        self.check_disk_now(&path);
    }

    /// Compares the file on disk with what was read or written.
    pub fn check_disk_now(&mut self, path: &std::path::Path) {
        let meta = std::fs::metadata(path);
        let seen = meta.as_ref().ok().map(|m| (m.len(), m.modified().ok()));
        if seen == self.disk.seen && seen.is_some() {
            return;
        }
        self.disk.seen = seen;
        let Some(read) = self.doc.disk_digest.clone() else {
            return;
        };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(_) => {
                self.status = Some(Status {
                    text: format!(
                        "{} was moved or deleted; Save asks before writing it again",
                        path.display()
                    ),
                    problem: true,
                });
                return;
            }
        };
        let now = crate::app::document::digest(&bytes);
        if now == read || self.disk.change_noted.as_deref() == Some(now.as_str()) {
            return;
        }
        if self.doc.is_dirty() {
            self.disk.change_noted = Some(now);
            if self.dialog.is_none() {
                self.dialog = Some(Dialog::ChangedWhileEditing(ChangedWhileEditing {
                    path: path.to_owned(),
                }));
            }
        } else {
            let section = self.section;
            let board = self.board;
            self.load(path.to_owned());
            self.section = section;
            self.board = board;
            self.status = Some(Status {
                text: format!(
                    "{} changed on disk and was reloaded (you had no unsaved edits)",
                    path.display()
                ),
                problem: false,
            });
        }
    }
}
