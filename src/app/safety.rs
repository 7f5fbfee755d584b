//! Keeping a plan safe while it is open: recovery copies of unsaved edits, and noticing when
//! someone else changes the file on disk.

use crate::app::dialogs::{ChangedWhileEditing, Dialog, Recover};
use crate::app::state::DiskTrouble;
use crate::app::{Lasts, Workbench, recovery, watch};
use std::time::Duration;

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
                self.tell(
                    format!("Could not keep a recovery copy in {}: {e}", dir.display()),
                    true,
                    Lasts::UntilReplaced,
                );
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

    /// Notices changes to the plan's file made by someone else: when the watching thread says
    /// the file changed (or, without the thread, on every frame), compares it with what was
    /// read. Asks for no frame of its own.
    pub(super) fn watch_disk(&mut self) {
        let path = self.doc.path.clone();
        if let Some(watch) = &self.disk.watch {
            if self.disk.watching != path {
                watch.watch(path.clone());
                self.disk.watching = path.clone();
            }
            if !watch.take_changed() {
                return;
            }
        }
        if let Some(path) = path {
            self.check_disk_now(&path);
        }
    }

    /// Compares the file on disk with what was read or written: reloads it when someone else
    /// changed it and there are no local edits, asks when there are, and says so when it is
    /// gone or no longer reads as a plan (the plan shown then differs from the file).
    pub fn check_disk_now(&mut self, path: &std::path::Path) {
        let seen = watch::look(path);
        if seen == self.disk.seen && seen.is_some() {
            return;
        }
        self.disk.seen = seen;
        self.doc.take_digest(true);
        let Some(read) = self.doc.disk_digest.clone() else {
            return;
        };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(_) => {
                self.disk.trouble = Some(DiskTrouble::Gone);
                self.tell(
                    format!(
                        "{} was moved or deleted; Save asks before writing it again",
                        path.display()
                    ),
                    true,
                    Lasts::WhileFileTrouble,
                );
                return;
            }
        };
        // There and readable: any trouble found now is found again below.
        self.disk.trouble = None;
        let now = crate::app::document::digest(&bytes);
        if now == read {
            return;
        }
        if self.disk.change_noted.as_deref() == Some(now.as_str()) {
            return;
        }
        if self.doc.is_dirty() {
            self.disk.change_noted = Some(now);
            if self.dialog.is_none() {
                self.dialog = Some(Dialog::ChangedWhileEditing(ChangedWhileEditing {
                    path: path.to_owned(),
                }));
            }
            return;
        }
        self.start_opening(
            path.to_owned(),
            crate::app::opening::Why::ChangedOnDisk { seen, digest: now },
        );
    }
}
