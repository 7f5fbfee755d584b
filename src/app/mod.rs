//! The workbench: a window onto one plan, every section editable, its gaps shown live.
//!
//! Each view is a file under `views/`; the frame is composed here, and every action runs as a
//! [`Command`] once at the end of the frame (`actions.rs`).

mod actions;
mod checker;
pub mod commands;
mod dialogs;
mod document;
mod files;
mod gaps_panel;
mod list;
mod nav;
mod palette;
mod views;
mod widgets;

pub use checker::Gaps;
pub use commands::Command;
pub use document::Document;
pub use files::Settings;

use crate::model::{Date, Section};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the workbench on `file`, or on the bundled example.
pub fn run(file: Option<PathBuf>, show: Option<Section>, present: bool) -> ExitCode {
    let _ = present;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([900.0, 560.0])
            .with_title("Preshow"),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Preshow",
        options,
        Box::new(move |cc| {
            let mut app = Workbench::open(&cc.egui_ctx, file, Settings::user());
            if let Some(section) = show {
                app.section = views::view_of(section);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("preshow: could not open a window: {e}");
            ExitCode::from(2)
        }
    }
}

/// A message in the status bar.
#[derive(Debug, Clone)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a problem.
    pub problem: bool,
}

/// The whole workbench state.
pub struct Workbench {
    /// The open plan.
    pub doc: Document,
    checker: checker::Checker,
    /// The section on screen.
    pub section: Section,
    lists: BTreeMap<Section, list::ListState>,
    show_gaps: bool,
    palette: Option<palette::PaletteState>,
    /// The open dialog, if any.
    pub dialog: Option<dialogs::Dialog>,
    files: files::Files,
    /// The last status message.
    pub status: Option<Status>,
    today: Date,
    pending: Vec<Command>,
    skip_guard: bool,
    text_focus: Option<egui::Id>,
    gap_cursor: Option<usize>,
    allow_close: bool,
    title: String,
}

impl Workbench {
    /// The workbench on `file` (or the example), reporting a file that fails to load.
    pub fn open(ctx: &egui::Context, file: Option<PathBuf>, settings: Settings) -> Self {
        let example = crate::format::parse(crate::EXAMPLE_PLAN).map(|l| l.plan);
        let plan = match example {
            Ok(p) => p,
            Err(_) => crate::model::Plan::empty("New show", Date::today(), Date::today()),
        };
        let repaint_ctx = ctx.clone();
        let background = settings.background_checks;
        let mut app = Workbench {
            doc: Document::new(plan, None, true),
            checker: checker::Checker::new(move || repaint_ctx.request_repaint(), background),
            section: Section::Accounts,
            lists: BTreeMap::new(),
            show_gaps: true,
            palette: None,
            dialog: None,
            files: files::Files::new(settings),
            status: None,
            today: Date::today(),
            pending: Vec::new(),
            skip_guard: false,
            text_focus: None,
            gap_cursor: None,
            allow_close: false,
            title: String::new(),
        };
        if let Some(path) = file {
            app.load(path);
        }
        app.checker
            .check_now(&app.doc.plan, app.doc.revision, app.today);
        app
    }

    /// Uses `today` for sign-offs and overdue tasks (tests pin it).
    pub fn set_today(&mut self, today: Date) {
        self.today = today;
        self.checker
            .check_now(&self.doc.plan, self.doc.revision, today);
    }

    /// The findings currently shown.
    pub fn gaps(&self) -> &Gaps {
        &self.checker.gaps
    }

    /// Queues a command, as a menu item would.
    pub fn command(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Checks the plan now, on this thread (tests use it to avoid waiting for the worker).
    pub fn check_now(&mut self) {
        self.checker
            .check_now(&self.doc.plan, self.doc.revision, self.today);
    }

    /// The list state of a section.
    pub fn list_state(&mut self, section: Section) -> &mut list::ListState {
        self.lists.entry(section).or_default()
    }

    /// The selected item of a section.
    pub fn selected(&self, section: Section) -> Option<usize> {
        self.lists.get(&section).and_then(|l| l.selected)
    }

    /// Non-drawing work of a frame: results of checks and file dialogs.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.checker.poll();
        if let Some(chosen) = self.files.poll() {
            self.chosen(ctx, chosen);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            self.doc.commit();
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(dialogs::Dialog::unsaved(Command::Quit));
            }
        }
    }

    /// Draws the frame and runs what it asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(210.0)
            .show(ui, |ui| {
                nav::nav_ui(ui, &mut self.section, &self.checker.gaps, &self.doc.plan);
            });
        if self.show_gaps {
            egui::Panel::right("gaps")
                .resizable(true)
                .default_size(330.0)
                .show(ui, |ui| {
                    gaps_panel::gaps_panel_ui(
                        ui,
                        &self.checker.gaps,
                        &self.doc.plan,
                        &mut self.pending,
                    );
                });
        }
        let mut edited = false;
        egui::CentralPanel::default().show(ui, |ui| {
            edited = self.section_ui(ui);
        });
        if let Some(p) = &mut self.palette
            && let Some(done) = palette::palette_ui(&ctx, p, &self.files.recent())
        {
            self.palette = None;
            if let Some(cmd) = done {
                self.pending.push(cmd);
            }
        }
        if let Some(dialog) = self.dialog.take() {
            let (open, answer) = dialogs::dialog_ui(&ctx, dialog, &self.doc.plan);
            self.dialog = open;
            if let Some(a) = answer {
                self.answer(&ctx, a);
            }
        }
        self.after_frame(&ctx, edited);
        let commands = std::mem::take(&mut self.pending);
        if !commands.is_empty() {
            for cmd in commands {
                self.run(&ctx, cmd);
            }
            // Show what the commands changed at once, not on the next mouse move.
            ctx.request_repaint();
        }
        self.update_title(&ctx);
    }

    fn section_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let state = self.lists.entry(self.section).or_default();
        let outcome = views::section_ui(
            ui,
            self.section,
            &mut self.doc.plan,
            state,
            &self.checker.gaps,
            self.doc.revision,
            self.today,
            &mut self.pending,
        );
        if let Some((old, new)) = outcome.rename
            && crate::edit::rename_id(&mut self.doc.plan, self.section, &old, &new)
        {
            self.doc.edited(true);
            self.status = Some(Status {
                text: format!("Renamed `{old}` to `{new}` everywhere"),
                problem: false,
            });
        }
        outcome.edits.changed
    }

    /// Undo points: an edit is finished when no field is being typed in or dragged, or when the
    /// focus moves to another field.
    fn after_frame(&mut self, ctx: &egui::Context, edited: bool) {
        let focus = ctx.memory(|m| m.focused());
        let typing = ctx.text_edit_focused();
        let dragging = ctx.input(|i| i.pointer.any_down());
        if focus != self.text_focus {
            self.doc.commit();
            self.text_focus = focus;
        }
        if edited {
            self.doc.edited(!typing && !dragging);
        } else if !typing && !dragging {
            self.doc.commit();
        }
        if !self.checker.is_current(self.doc.revision) {
            self.checker
                .request(&self.doc.plan, self.doc.revision, self.today);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() || self.palette.is_some() {
            return;
        }
        for (shortcut, cmd) in Command::with_shortcuts() {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.pending.push(cmd);
            }
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let item = |ui: &mut egui::Ui, pending: &mut Vec<Command>, cmd: Command, enabled: bool| {
            let mut button = egui::Button::new(cmd.label());
            if let Some(s) = cmd.shortcut_text(&ctx) {
                button = button.shortcut_text(s);
            }
            if ui.add_enabled(enabled, button).clicked() {
                pending.push(cmd);
                ui.close();
            }
        };
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(ui, &mut self.pending, Command::NewPlan, true);
                item(ui, &mut self.pending, Command::Open, true);
                ui.menu_button("Open recent", |ui| {
                    let recent = self.files.recent();
                    if recent.is_empty() {
                        ui.weak("No recent plans");
                    }
                    for path in recent {
                        if ui.button(path.display().to_string()).clicked() {
                            self.pending.push(Command::OpenRecent(path));
                            ui.close();
                        }
                    }
                });
                ui.separator();
                item(ui, &mut self.pending, Command::Save, true);
                item(ui, &mut self.pending, Command::SaveAs, true);
                item(
                    ui,
                    &mut self.pending,
                    Command::Reload,
                    self.doc.path.is_some(),
                );
                ui.separator();
                item(ui, &mut self.pending, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                item(ui, &mut self.pending, Command::Undo, self.doc.can_undo());
                item(ui, &mut self.pending, Command::Redo, self.doc.can_redo());
                ui.separator();
                let has_list = self.section.is_list();
                let selected = self.selected(self.section).is_some();
                item(ui, &mut self.pending, Command::AddItem, has_list);
                item(
                    ui,
                    &mut self.pending,
                    Command::DuplicateItem,
                    has_list && selected,
                );
                item(
                    ui,
                    &mut self.pending,
                    Command::DeleteItem,
                    has_list && selected,
                );
                ui.separator();
                item(ui, &mut self.pending, Command::Find, has_list);
                item(ui, &mut self.pending, Command::Palette, true);
            });
            ui.menu_button("Go", |ui| {
                for s in views::SECTIONS {
                    item(ui, &mut self.pending, Command::GoTo(s), true);
                }
                ui.separator();
                item(ui, &mut self.pending, Command::NextGap, true);
                item(ui, &mut self.pending, Command::PreviousGap, true);
                item(ui, &mut self.pending, Command::ToggleGaps, true);
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let s = self.checker.gaps.summary();
                if ui.button("Command palette  Ctrl+K").clicked() {
                    self.pending.push(Command::Palette);
                }
                ui.label(format!(
                    "{} · {}",
                    self.doc.title(),
                    if self.doc.is_dirty() {
                        "unsaved changes"
                    } else {
                        "saved"
                    }
                ));
                ui.separator();
                ui.colored_label(widgets::palette::INFO, format!("{} info", s.info));
                ui.colored_label(widgets::palette::WARNING, format!("{} warnings", s.warning));
                ui.colored_label(widgets::palette::ERROR, format!("{} errors", s.error));
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let where_ = match &self.doc.path {
                Some(p) => p.display().to_string(),
                None => "Bundled example: Save as… to keep your changes".to_owned(),
            };
            ui.label(where_);
            ui.separator();
            if self.checker.is_current(self.doc.revision) {
                ui.label(format!("Gaps: {}", self.checker.gaps.summary()));
            } else {
                ui.weak("Checking…");
            }
            if let Some(s) = &self.status {
                ui.separator();
                if s.problem {
                    ui.colored_label(widgets::palette::ERROR, &s.text);
                } else {
                    ui.label(&s.text);
                }
            }
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let s = self.checker.gaps.summary();
        let title = format!(
            "{}{} — Preshow ({} errors, {} warnings)",
            if self.doc.is_dirty() { "⏺ " } else { "" },
            self.doc.title(),
            s.error,
            s.warning
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }
}

impl eframe::App for Workbench {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        Workbench::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        Workbench::ui(self, ui);
    }
}
