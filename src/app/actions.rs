//! Running commands and dialog answers: files, undo, items, gaps, navigation.

use super::dialogs::{
    Answer, ChangedOnDisk, CommentsWouldBeLost, ConfirmDelete, ConfirmOverwrite, Dialog,
    ErrorMessage, ExportDialog, ImportDialog, TypedPath,
};
use super::files::{Chosen, Purpose};
use super::{Command, Document, Status, Workbench, views};
use crate::format;
use crate::model::Section;
use std::path::{Path, PathBuf};

impl Workbench {
    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            problem: false,
        });
    }

    fn complain(&mut self, title: &str, message: String) {
        self.status = Some(Status {
            text: message.clone(),
            problem: true,
        });
        self.dialog = Some(Dialog::Error(ErrorMessage {
            title: title.to_owned(),
            message,
        }));
    }

    /// Whether `cmd` may go ahead now; if edits would be lost, asks first.
    fn guard(&mut self, cmd: &Command) -> bool {
        self.doc.commit();
        if std::mem::take(&mut self.skip_guard) || !self.doc.is_dirty() {
            return true;
        }
        self.dialog = Some(Dialog::unsaved(cmd.clone()));
        false
    }

    /// Runs one command.
    pub(super) fn run(&mut self, ctx: &egui::Context, cmd: Command) {
        match cmd {
            Command::NewPlan => {
                if self.guard(&cmd) {
                    match format::parse(crate::TEMPLATE_PLAN) {
                        Ok(l) => {
                            self.replace_document(Document::new(l.plan, None, true));
                            self.section = Section::Event;
                            self.say("New plan from the starter template: Save as… to keep it");
                        }
                        Err(e) => {
                            self.complain("The starter template does not load", e.to_string())
                        }
                    }
                }
            }
            Command::Open => {
                if self.guard(&cmd) {
                    self.ask_path(ctx, Purpose::Open);
                }
            }
            Command::OpenRecent(ref path) => {
                if self.guard(&cmd) {
                    self.load(path.clone());
                }
            }
            Command::Save => match self.doc.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.ask_path(ctx, Purpose::SaveAs),
            },
            Command::SaveAs => self.ask_path(ctx, Purpose::SaveAs),
            Command::Reload => {
                if let Some(path) = self.doc.path.clone()
                    && self.guard(&cmd)
                {
                    self.load(path);
                }
            }
            Command::Quit => {
                if self.guard(&cmd) {
                    self.allow_close = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Command::Undo => {
                if self.doc.undo() {
                    self.say("Undone");
                }
            }
            Command::Redo => {
                if self.doc.redo() {
                    self.say("Redone");
                }
            }
            Command::Find => {
                if self.section.is_list() {
                    self.list_state(self.section).focus_filter = true;
                }
            }
            Command::Palette => self.palette = Some(Default::default()),
            Command::AddItem => {
                if self.add_item() {
                    super::widgets::request_focus_first_text(ctx);
                }
            }
            Command::DuplicateItem => self.duplicate_item(),
            Command::DeleteItem => self.delete_item(),
            Command::NextGap => self.step_gap(ctx, true),
            Command::PreviousGap => self.step_gap(ctx, false),
            Command::ToggleGaps => self.show_gaps = !self.show_gaps,
            Command::EndWalk => self.walk = None,
            Command::Present => self.set_presenting(ctx, !self.presenting),
            Command::ZoomIn => ctx.set_zoom_factor((ctx.zoom_factor() + 0.1).min(3.0)),
            Command::ZoomOut => ctx.set_zoom_factor((ctx.zoom_factor() - 0.1).max(0.5)),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::SetTheme(theme) => {
                if self.presenting {
                    self.present_theme = theme;
                } else {
                    self.theme = theme;
                }
                self.apply_theme(ctx);
            }
            Command::GoTo(section) => self.go(super::Place::Section(section)),
            Command::Show(board) => self.go(super::Place::Board(board)),
            Command::Reveal(section, index, field) => {
                self.reveal(section, index, field);
                super::widgets::request_scroll_to_highlight(ctx);
            }
            Command::Import(kind) => {
                self.dialog = Some(Dialog::Import(Box::new(ImportDialog::new(kind))));
            }
            Command::Export(format) => {
                let d = ExportDialog::new(format, &self.doc.plan, self.doc.path.as_deref());
                self.dialog = Some(Dialog::Export(Box::new(d)));
            }
            Command::RenameId { section, old, new } => {
                if crate::edit::rename_id(&mut self.doc.plan, section, &old, &new) {
                    self.doc.edited(true);
                    self.say(format!("Renamed `{old}` to `{new}` everywhere"));
                }
            }
            Command::IdFollowsName { section, old, new } => {
                // No undo point of its own: the frame's, made after it, takes it with the name.
                if crate::edit::rename_id(&mut self.doc.plan, section, &old, &new) {
                    self.list_state(section).following = Some(new);
                }
            }
        }
    }

    /// Handles a dialog's answer.
    pub(super) fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        match answer {
            Answer::SaveThen(then) => {
                let saved = match self.doc.path.clone() {
                    Some(path) => self.save_to(&path),
                    None => {
                        self.ask_path(ctx, Purpose::SaveAs);
                        false
                    }
                };
                if saved {
                    self.run(ctx, then);
                }
            }
            Answer::DiscardThen(then) => {
                self.skip_guard = true;
                self.run(ctx, then);
                self.skip_guard = false;
            }
            Answer::Delete {
                section,
                index,
                reassign,
            } => {
                self.doc.commit();
                let mut plan = self.doc.plan.clone();
                if let Some(report) =
                    crate::edit::delete_item(&mut plan, section, index, reassign.as_deref())
                {
                    self.doc.replace_plan(plan);
                    let mut text = String::from("Deleted");
                    if report.reassigned > 0 {
                        text.push_str(&format!(", {} reference(s) moved", report.reassigned));
                    }
                    if report.cleared > 0 {
                        text.push_str(&format!(", {} reference(s) cleared", report.cleared));
                    }
                    if !report.removed.is_empty() {
                        text.push_str(&format!(
                            ", {} dependent item(s) removed",
                            report.removed.len()
                        ));
                    }
                    text.push_str(" (Ctrl+Z undoes)");
                    self.say(text);
                }
            }
            Answer::Path(Purpose::Open, path) => self.load(path),
            Answer::Path(Purpose::SaveAs, path) => {
                if path.exists() && self.doc.path.as_deref() != Some(path.as_path()) {
                    self.dialog = Some(Dialog::ConfirmOverwrite(ConfirmOverwrite { path }));
                } else {
                    self.save_to(&path);
                }
            }
            Answer::Overwrite(path) => {
                self.save_checked(&path, true);
            }
            Answer::DropComments(path) => {
                self.doc.comments.clear();
                self.save_to(&path);
            }
            Answer::SaveAs => self.ask_path(ctx, Purpose::SaveAs),
            Answer::Restore(plan) => {
                self.doc.replace_plan(*plan);
                self.say("Restored the unsaved changes: save them to keep them (Ctrl+Z undoes the restore)");
            }
            Answer::DiscardRecovery => {
                self.forget_recovery();
                self.say("Discarded the recovery copy");
            }
            Answer::ReloadDiscarding(path) => self.load(path),
            // Typed paths are only asked for plans.
            Answer::Path(Purpose::ImportCsv | Purpose::Export(_), _) => {}
            Answer::Browse { purpose, suggested } => {
                self.files.pick(purpose, ctx, suggested.as_deref());
            }
            Answer::ApplyImport(d) => self.apply_import(*d),
            Answer::Export(d) => match d.write(&self.doc.plan, self.today) {
                Ok(done) => self.say(done),
                Err(problem) => {
                    self.status = Some(Status {
                        text: problem.clone(),
                        problem: true,
                    });
                    let mut d = d;
                    d.problem = Some(problem);
                    self.dialog = Some(Dialog::Export(d));
                }
            },
        }
    }

    /// Applies an import as previewed, as one undoable step; if the import would now do
    /// something else than the preview showed, shows the new preview instead.
    fn apply_import(&mut self, mut d: ImportDialog) {
        self.doc.commit();
        match d.report_to_apply(&self.doc.plan) {
            Ok(report) => {
                let from = d
                    .file_path()
                    .map(|p| format!(" from {}", p.display()))
                    .unwrap_or_default();
                let summary = report.summary();
                self.doc.replace_plan(report.plan);
                self.say(format!(
                    "Imported {}{from}: {summary} (Ctrl+Z undoes)",
                    report.kind
                ));
            }
            Err(problem) => {
                self.status = Some(Status {
                    text: problem,
                    problem: true,
                });
                self.dialog = Some(Dialog::Import(Box::new(d)));
            }
        }
    }

    /// A path chosen in the desktop's dialog.
    pub(super) fn chosen(&mut self, _ctx: &egui::Context, chosen: Chosen) {
        match (chosen.purpose, &mut self.dialog) {
            (Purpose::ImportCsv, Some(Dialog::Import(d))) => {
                d.chosen(chosen.path, &self.doc.plan);
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
            Purpose::Open => self.load(chosen.path),
            // The desktop's dialog has already asked before replacing a file.
            Purpose::SaveAs => {
                self.save_to(&chosen.path);
            }
            Purpose::ImportCsv | Purpose::Export(_) => {}
        }
    }

    fn ask_path(&mut self, ctx: &egui::Context, purpose: Purpose) {
        let suggested = self.doc.path.clone();
        self.files.pick(purpose, ctx, suggested.as_deref());
        let text = match (purpose, &suggested) {
            (Purpose::SaveAs, Some(p)) => p.display().to_string(),
            _ => String::new(),
        };
        self.dialog = Some(Dialog::TypedPath(TypedPath {
            purpose,
            text,
            problem: None,
        }));
    }

    fn replace_document(&mut self, doc: Document) {
        // This session's copy of edits being replaced; copies left by an earlier run stay.
        if self.recovery_written.is_some() {
            self.forget_recovery();
        }
        self.doc = doc;
        self.disk_seen = None;
        self.disk_change_noted = None;
        self.lists.clear();
        self.walk = None;
        self.checker.check_now(&mut self.doc, self.today);
    }

    /// Opens `path`, keeping the current plan if it does not load.
    pub fn load(&mut self, path: PathBuf) {
        let read =
            format::read_text(&path).and_then(|text| format::parse(&text).map(|l| (l, text)));
        match read {
            Ok((loaded, text)) => {
                // The text and the source map go before the plan is copied for undo and the
                // checker: at 100,000 accounts they are a few hundred megabytes.
                let digest = super::document::digest(text.as_bytes());
                drop(text);
                let format::Loaded {
                    plan,
                    source,
                    migrated_from,
                } = loaded;
                // Only the comments are kept (`{ source }` moves the map into a temporary, so
                // the rest of it goes at the end of this statement).
                let format::SourceMap { comments, .. } = { source };
                let note = migrated_from
                    .map(|f| {
                        format!(
                            " (migrated from format {f}; saving writes format {})",
                            plan.format
                        )
                    })
                    .unwrap_or_default();
                let mut doc = Document::new(plan, Some(path.clone()), migrated_from.is_none());
                doc.disk_digest = Some(digest);
                doc.comments = comments;
                self.replace_document(doc);
                self.files.add_recent(&path);
                self.say(format!("Opened {}{note}", path.display()));
            }
            Err(error) => self.complain(
                "This plan could not be opened; the current plan stays open",
                format::LoadError {
                    path: path.clone(),
                    error,
                }
                .to_string(),
            ),
        }
    }

    /// Saves to `path`; returns whether it worked.
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.save_checked(path, false)
    }

    /// Saves to `path`. Unless `overwrite`, first makes sure the plan's own file has not been
    /// changed, moved or deleted by someone else since it was read, and that comments the file
    /// had are not dropped without asking.
    fn save_checked(&mut self, path: &Path, overwrite: bool) -> bool {
        self.doc.commit();
        let own_file = self.doc.path.as_deref() == Some(path);
        if own_file && !self.doc.comments.is_empty() {
            self.dialog = Some(Dialog::CommentsWouldBeLost(CommentsWouldBeLost {
                path: path.to_owned(),
                comments: self.doc.comments.clone(),
            }));
            return false;
        }
        if own_file
            && !overwrite
            && let Some(read) = &self.doc.disk_digest
        {
            let now = std::fs::read(path);
            let changed = match &now {
                Ok(bytes) => super::document::digest(bytes) != *read,
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
                self.doc.disk_digest = Some(super::document::digest(text.as_bytes()));
                self.doc.comments.clear();
                self.disk_seen = None;
                self.disk_change_noted = None;
                self.doc.mark_saved(path.to_owned());
                self.files.add_recent(path);
                self.say(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.complain("The plan was not saved", format!("{}: {e}", path.display()));
                false
            }
        }
    }

    fn add_item(&mut self) -> bool {
        if !self.section.is_list() {
            return false;
        }
        self.doc.commit();
        if let Some(index) = views::add_item(self.section, &mut self.doc.plan, self.today) {
            self.doc.edited(true);
            let section = self.section;
            self.list_state(section).filter.clear();
            self.list_state(section).select(index, Some("name"));
            let id = self
                .doc
                .plan
                .ids(section)
                .get(index)
                .map(|s| (*s).to_owned());
            self.list_state(section).following = id;
            self.say("Added (Ctrl+Z undoes)");
            return true;
        }
        false
    }

    fn duplicate_item(&mut self) {
        let section = self.section;
        let Some(index) = self.selected(section) else {
            return;
        };
        self.doc.commit();
        if let Some(copy) = crate::edit::duplicate_item(&mut self.doc.plan, section, index) {
            self.doc.edited(true);
            self.list_state(section).select(copy, None);
            self.say("Duplicated");
        }
    }

    fn delete_item(&mut self) {
        let section = self.section;
        let Some(index) = self.selected(section) else {
            return;
        };
        let Some(id) = self
            .doc
            .plan
            .ids(section)
            .get(index)
            .map(|s| (*s).to_owned())
        else {
            return;
        };
        let twins = self
            .doc
            .plan
            .ids(section)
            .iter()
            .filter(|x| **x == id)
            .count();
        let refs = if twins > 1 {
            Vec::new()
        } else {
            crate::edit::referrers(&self.doc.plan, section, &id)
        };
        if refs.is_empty() {
            self.doc.commit();
            if crate::edit::remove_item(&mut self.doc.plan, section, index) {
                self.doc.edited(true);
                self.say(format!("Deleted `{id}` (Ctrl+Z undoes)"));
            }
        } else {
            self.dialog = Some(Dialog::ConfirmDelete(ConfirmDelete {
                section,
                index,
                id,
                refs,
                reassign: None,
            }));
        }
    }

    /// Shows the next (or previous) gap of the walk-through, starting the walk if needed.
    fn step_gap(&mut self, ctx: &egui::Context, forward: bool) {
        let walk = self.walk.get_or_insert_with(Default::default);
        let step = if forward {
            walk.next(&self.checker.gaps)
        } else {
            walk.previous(&self.checker.gaps)
        };
        match step {
            Some(step) => self.show_step(ctx, step),
            None if self.checker.gaps.findings.is_empty() => self.say("No open gaps"),
            None => self.say("Every open gap has been shown"),
        }
    }

    /// Opens the item of a walk step with its field highlighted.
    pub(super) fn show_step(&mut self, ctx: &egui::Context, step: super::walk::Step) {
        let f = step.finding;
        self.reveal(f.section, f.index, super::gaps_panel::field_for(f.rule));
        super::widgets::request_scroll_to_highlight(ctx);
    }

    fn reveal(&mut self, section: Section, index: Option<usize>, field: Option<&'static str>) {
        self.go(super::Place::Section(section));
        if let Some(i) = index {
            self.list_state(section).select(i, field);
        } else {
            self.list_state(section).highlight = field;
        }
    }
}
