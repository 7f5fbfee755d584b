//! Starting, opening, saving and reloading the plan: paths chosen in file dialogs or typed, reading a plan
//! (keeping the current one if it does not load), and saving with the checks that keep others'
//! changes and the file's comments from being lost without asking.

use crate::app::dialogs::{ChangedOnDisk, CommentsWouldBeLost, Dialog, TypedPath};
use crate::app::files::{Chosen, Purpose};
use crate::app::opening::Why;
use crate::app::{Document, Workbench};
use crate::format;
use crate::model::Section;
use std::path::{Path, PathBuf};

impl Workbench {
    /// Starts a new plan from the starter template.
    pub(super) fn new_plan(&mut self) {
        match format::parse(crate::TEMPLATE_PLAN) {
            Ok(l) => {
                self.replace_document(Document::new(l.plan, None, true));
                self.open_problem = None;
                self.section = Section::Event;
                self.say_until_edit("New plan from the starter template: Save as… to keep it");
            }
            Err(e) => self.complain("The starter template does not load", e.to_string()),
        }
    }

    /// Starts a new plan from the starter template that saves to `path` (where there is no
    /// file yet); nothing is written until it is saved.
    pub(super) fn new_plan_at(&mut self, path: PathBuf) {
        match format::parse(crate::TEMPLATE_PLAN) {
            Ok(l) => {
                self.replace_document(Document::new(l.plan, Some(path.clone()), false));
                self.open_problem = None;
                self.section = Section::Event;
                self.say_until_edit(format!(
                    "New plan from the starter template: Save writes it to {}",
                    path.display()
                ));
            }
            Err(e) => self.complain("The starter template does not load", e.to_string()),
        }
    }

    /// A path chosen in the desktop's dialog.
    pub(super) fn chosen(&mut self, _ctx: &egui::Context, chosen: Chosen) {
        match (chosen.purpose, &mut self.dialog) {
            (Purpose::ImportCsv, Some(Dialog::Import(d))) => {
                d.chosen(chosen.path);
                return;
            }
            (Purpose::Export(_), Some(Dialog::Export(d))) => {
                d.chosen(chosen.path);
                return;
            }
            // The dialog that asked was closed meanwhile.
            (Purpose::ImportCsv | Purpose::Export(_), _) => return,
            _ => {}
        }
        if matches!(self.dialog, Some(Dialog::TypedPath(_))) {
            self.dialog = None;
        }
        match chosen.purpose {
            Purpose::Open => {
                self.load(chosen.path);
            }
            // The desktop's dialog has already asked before replacing a file.
            Purpose::SaveAs => {
                self.save_to(&chosen.path);
            }
            Purpose::ImportCsv | Purpose::Export(_) => {}
        }
    }

    /// Asks for a path: the desktop's dialog, and a typed path beside it.
    pub(super) fn ask_path(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let suggested = self.doc.path.clone();
        self.files.pick(purpose, ctx, suggested.as_deref());
        let text = match (purpose, &suggested) {
            (Purpose::SaveAs, Some(p)) => p.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::TypedPath(TypedPath::new(purpose, text)));
    }

    /// Puts `doc` in place of the open plan, with fresh view state and checks. A plan still
    /// being read is let go: this one took its place.
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.opening = None;
        // This session's copy of edits being replaced; copies left by an earlier run stay.
        if self.recovery.written.is_some() {
            self.forget_recovery();
        }
        self.doc = doc;
        self.disk.seen = None;
        self.disk.change_noted = None;
        self.disk.trouble = None;
        self.views.lists.clear();
        self.views.format_offer_answered = false;
        self.views.example = false;
        self.walk = None;
        self.checks.checker.forget();
        self.checks.checker.request(&mut self.doc, self.today);
    }

    /// Opens `path`, off the window's thread when checks run off it, keeping the current plan
    /// until the new one is in, and keeping it if the new one does not load (or, on the screen
    /// shown when a plan could not be opened, showing this file's problem there).
    pub fn load(&mut self, path: PathBuf) {
        self.start_opening(path, Why::Open);
    }

    /// Saves to `path`; returns whether it worked.
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.save_checked(path, false)
    }

    /// Saves to `path`. First asks when the save would make a format-1 plan format 2. Unless
    /// `overwrite`, makes sure the plan's own file has not been
    /// changed, moved or deleted by someone else since it was read, and that comments the file
    /// had are not dropped without asking.
    pub(super) fn save_checked(&mut self, path: &Path, overwrite: bool) -> bool {
        self.doc.commit();
        if !self.format_allows_save(path, overwrite) {
            return false;
        }
        let own_file = self.doc.path.as_deref() == Some(path);
        if own_file && !self.doc.comments.is_empty() {
            self.dialog = Some(Dialog::CommentsWouldBeLost(CommentsWouldBeLost {
                path: path.to_owned(),
                comments: self.doc.comments.clone(),
            }));
            return false;
        }
        self.doc.take_digest(true);
        if own_file
            && !overwrite
            && let Some(read) = &self.doc.disk_digest
        {
            let now = std::fs::read(path);
            let changed = match &now {
                Ok(bytes) => crate::app::document::digest(bytes) != *read,
                Err(_) => true,
            };
            if changed {
                self.dialog = Some(Dialog::ChangedOnDisk(ChangedOnDisk {
                    path: path.to_owned(),
                    deleted: now.is_err(),
                }));
                return false;
            }
        }
        let text = format::to_string(&self.doc.plan);
        match format::write_atomic(path, text.as_bytes()) {
            Ok(()) => {
                self.doc.disk_digest = Some(crate::app::document::digest(text.as_bytes()));
                self.doc.comments.clear();
                self.disk.seen = None;
                self.disk.change_noted = None;
                self.disk.trouble = None;
                self.open_problem = None;
                self.doc.mark_saved(path.to_owned());
                self.files.add_recent(path);
                self.say_until_edit(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.complain("The plan was not saved", e.to_string());
                false
            }
        }
    }
}
