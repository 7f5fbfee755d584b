//! Files dropped on the window: a plan opens (asking first when there are unsaved changes, as
//! File ▸ Open does), a CSV file opens the import with it read. While files are dragged over
//! the window, a hint over everything says what dropping them will do.

use crate::app::dialogs::{Dialog, ImportDialog};
use crate::app::{Command, Lasts, Workbench};
use std::path::{Path, PathBuf};

/// What dropping a file does.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DropAction {
    /// Opens it as the plan.
    Open(PathBuf),
    /// Reads it in the import dialog.
    Import(PathBuf),
    /// Nothing, and why.
    Refused(String),
}

/// Whether `path` names a CSV file, by its extension (anything else is taken for a plan, which
/// may be called anything).
fn is_csv(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// The file's name, as the user knows it.
fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl Workbench {
    /// Acts on files dropped on the window in this frame.
    pub(super) fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        let Some(first) = paths.first() else {
            return;
        };
        let others = paths.len() - 1;
        match self.on_drop(first) {
            DropAction::Open(path) => {
                // As File ▸ Open: asks first when there are unsaved changes.
                self.run(ctx, Command::OpenRecent(path.clone()));
                let note = match others {
                    0 => String::new(),
                    1 => "; one plan at a time, the other file was left".to_owned(),
                    n => format!("; one plan at a time, the other {n} files were left"),
                };
                if let Some(o) = &mut self.opening
                    && o.path == path
                {
                    // Said once the plan is in.
                    o.note = note;
                } else if self.doc.path.as_deref() == Some(path.as_path())
                    && let Some(status) = &mut self.status
                {
                    status.text.push_str(&note);
                }
            }
            DropAction::Import(path) => {
                let dialog = match self.dialog.take() {
                    Some(Dialog::Import(mut d)) => {
                        d.chosen(path);
                        d
                    }
                    _ => Box::new(ImportDialog::dropped(path)),
                };
                self.dialog = Some(Dialog::Import(dialog));
            }
            DropAction::Refused(why) => self.tell(why, true, Lasts::Brief),
        }
        ctx.request_repaint();
    }

    /// What dropping `path` does now.
    fn on_drop(&self, path: &Path) -> DropAction {
        let csv = is_csv(path);
        let importing = matches!(self.dialog, Some(Dialog::Import(_)));
        if csv && !self.plan_open() {
            return DropAction::Refused(format!(
                "Open a plan first, then drop {} on it to import it",
                name(path)
            ));
        }
        if csv && (importing || self.dialog.is_none()) {
            return DropAction::Import(path.to_owned());
        }
        if self.dialog.is_some() {
            return DropAction::Refused(format!(
                "Close the dialog first, then drop {} again",
                name(path)
            ));
        }
        DropAction::Open(path.to_owned())
    }

    /// While files are dragged over the window: the window dimmed, and what dropping them does.
    pub(super) fn drop_hint_ui(&self, ctx: &egui::Context) {
        let hovered: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .hovered_files
                .iter()
                .filter_map(|f| f.path.clone())
                .collect()
        });
        // Some desktops say a file is dragged over without saying which.
        let any = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if !any {
            return;
        }
        let (title, detail) = match hovered.first().map(|p| (p, self.on_drop(p))) {
            None => ("Drop to open the plan".to_owned(), String::new()),
            Some((path, DropAction::Open(_))) => {
                let detail = if self.open_problem.is_none() && self.doc.is_dirty() {
                    "You are asked about the unsaved changes first"
                } else if hovered.len() > 1 {
                    "One plan at a time: the first file opens"
                } else {
                    ""
                };
                (format!("Drop to open {}", name(path)), detail.to_owned())
            }
            Some((path, DropAction::Import(_))) => (
                format!("Drop to import {}", name(path)),
                "A preview shows what it changes before anything does".to_owned(),
            ),
            Some((_, DropAction::Refused(why))) => (why, String::new()),
        };
        let screen = ctx.content_rect();
        let dim = egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("preshow-drop-hint-dim"),
        );
        ctx.layer_painter(dim)
            .rect_filled(screen, 0.0, egui::Color32::from_black_alpha(170));
        egui::Area::new(egui::Id::unique("preshow-drop-hint"))
            .order(egui::Order::Tooltip)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .inner_margin(ui.text_style_height(&egui::TextStyle::Body) * 1.5)
                    .show(ui, |ui| {
                        ui.vertical_centered(|ui| {
                            ui.heading(title);
                            if !detail.is_empty() {
                                ui.label(detail);
                            }
                        });
                    });
            });
    }
}
