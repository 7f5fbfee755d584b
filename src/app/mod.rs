//! The workbench: a window onto one plan, every section editable, its gaps shown live.
//!
//! Each view is a file under `views/`; the frame is composed here, and every action runs as a
//! [`Command`] once at the end of the frame (`actions.rs`).

mod actions;
mod board_id;
mod checker;
pub mod commands;
mod derived;
mod dialogs;
mod document;
mod files;
mod gaps_panel;
mod job;
mod list;
mod nav;
mod palette;
pub mod recovery;
mod safety;
pub mod theme;
pub mod views;
mod walk;
pub mod widgets;

pub use checker::Gaps;
pub use commands::Command;
pub use document::Document;
pub use files::Settings;

use crate::model::{Date, Section};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the workbench on `file`, or on the bundled example.
pub fn run(file: Option<PathBuf>, show: Option<String>, present: bool, walk: bool) -> ExitCode {
    let place = match show.as_deref().map(Place::parse) {
        Some(Some(p)) => Some(p),
        Some(None) => {
            eprintln!(
                "preshow: --show takes one of: {}",
                Place::names().join(", ")
            );
            return ExitCode::from(2);
        }
        None => None,
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size(if present {
                [1920.0, 1080.0]
            } else {
                [1440.0, 900.0]
            })
            .with_min_inner_size([900.0, 560.0])
            .with_title("Preshow")
            .with_fullscreen(present),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Preshow",
        options,
        Box::new(move |cc| {
            let mut app = Workbench::open(&cc.egui_ctx, file, Settings::user());
            recovery::install_panic_hook(app.snapshot.clone());
            if let Some(place) = place {
                app.go(place);
            }
            if present {
                app.set_presenting(&cc.egui_ctx, true);
            }
            if walk {
                app.command(Command::NextGap);
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

/// "1 error", "2 errors".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Somewhere the workbench can show: a section or a board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A section of the plan.
    Section(Section),
    /// A board.
    Board(views::board::Board),
}

impl Place {
    /// The place named on the command line (`accounts`, `schedule`...).
    pub fn parse(name: &str) -> Option<Place> {
        views::SECTIONS
            .iter()
            .find(|s| s.key() == name)
            .map(|s| Place::Section(*s))
            .or_else(|| {
                views::board::Board::ALL
                    .iter()
                    .find(|b| b.key() == name)
                    .map(|b| Place::Board(*b))
            })
    }

    /// Every name [`Place::parse`] knows.
    pub fn names() -> Vec<&'static str> {
        views::board::Board::ALL
            .iter()
            .map(|b| b.key())
            .chain(views::SECTIONS.iter().map(|s| s.key()))
            .collect()
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
    /// What the views work out from the plan, once per revision.
    derived: derived::Derived,
    /// The section on screen (when no board is).
    pub section: Section,
    /// The board on screen, if any.
    pub board: Option<views::board::Board>,
    boards: views::board::Boards,
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
    /// The gap walk-through, while one runs.
    pub walk: Option<walk::Walk>,
    /// Presentation mode: full screen, large type, high contrast, editing chrome hidden.
    pub presenting: bool,
    theme: theme::Theme,
    present_theme: theme::Theme,
    allow_close: bool,
    title: String,
    recovery_dir: Option<PathBuf>,
    /// The revision last written as a recovery copy.
    recovery_written: Option<u64>,
    /// When the plan last changed (egui time, seconds).
    last_edit_at: f64,
    /// The plan the panic hook would save.
    snapshot: recovery::Snapshot,
    snapshot_revision: Option<u64>,
    /// When the file on disk was last looked at, and how it looked.
    disk_checked_at: f64,
    disk_seen: Option<(u64, Option<std::time::SystemTime>)>,
    /// A digest of a change on disk the user chose to keep editing over.
    disk_change_noted: Option<String>,
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
        let recovery_dir = settings.recovery_dir.clone();
        let mut app = Workbench {
            doc: Document::new(plan, None, true),
            checker: checker::Checker::new(move || repaint_ctx.request_repaint(), background),
            derived: derived::Derived::default(),
            section: Section::Accounts,
            board: None,
            boards: Default::default(),
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
            walk: None,
            presenting: false,
            theme: theme::Theme::Dark,
            present_theme: theme::Theme::HighContrastDark,
            allow_close: false,
            title: String::new(),
            recovery_dir,
            recovery_written: None,
            last_edit_at: 0.0,
            snapshot: Default::default(),
            snapshot_revision: None,
            disk_checked_at: 0.0,
            disk_seen: None,
            disk_change_noted: None,
        };
        if let Some(path) = file {
            app.load(path);
        }
        app.offer_recovery();
        // Zoom is a command like any other (menus and presentation bar show it).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        app.apply_theme(ctx);
        app.checker.check_now(&mut app.doc, app.today);
        app
    }

    /// Shows a section or a board.
    pub fn go(&mut self, place: Place) {
        match place {
            Place::Section(s) => {
                self.board = None;
                self.section = views::view_of(s);
                self.list_state(self.section).scroll_to_selected = true;
            }
            Place::Board(b) => self.board = Some(b),
        }
    }

    /// Uses `today` for sign-offs and overdue tasks (tests pin it).
    pub fn set_today(&mut self, today: Date) {
        self.today = today;
        self.checker.check_now(&mut self.doc, today);
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
        self.checker.check_now(&mut self.doc, self.today);
    }

    /// The list state of a section.
    pub fn list_state(&mut self, section: Section) -> &mut list::ListState {
        self.lists.entry(section).or_default()
    }

    /// The selected item of a section.
    pub fn selected(&self, section: Section) -> Option<usize> {
        self.lists.get(&section).and_then(|l| l.selected)
    }

    /// Turns presentation mode on or off.
    pub fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        self.presenting = on;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.apply_theme(ctx);
    }

    /// The theme in use.
    pub fn current_theme(&self) -> theme::Theme {
        if self.presenting {
            self.present_theme
        } else {
            self.theme
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        theme::apply(ctx, self.current_theme(), self.presenting);
    }

    /// Non-drawing work of a frame: results of checks and file dialogs.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.checker.poll();
        if self.checker.is_current(self.doc.revision)
            && let Some(walk) = &mut self.walk
            && let Some(step) = walk.after_check(&self.checker.gaps)
        {
            self.show_step(ctx, step);
        }
        if let Some(chosen) = self.files.poll() {
            self.chosen(ctx, chosen);
        }
        self.keep_recovery(ctx);
        self.watch_disk(ctx);
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
        self.derived.refresh(self.doc.revision);
        if self.presenting {
            egui::Panel::top("presenting").show(ui, |ui| self.presentation_bar_ui(ui));
        } else {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        }
        if let Some(walk) = &self.walk {
            let (step, stop) = egui::Panel::top("walk")
                .show(ui, |ui| walk::walk_ui(ui, walk, &self.checker.gaps))
                .inner;
            match step {
                Some(true) => self.pending.push(Command::NextGap),
                Some(false) => self.pending.push(Command::PreviousGap),
                None => {}
            }
            if stop {
                self.pending.push(Command::EndWalk);
            }
        }
        // The navigation grows with the type, so section names fit in presentation mode.
        let nav_width = (ui.text_style_height(&egui::TextStyle::Body) * 11.0).max(200.0);
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(nav_width)
            .show(ui, |ui| {
                nav::nav_ui(
                    ui,
                    &mut self.section,
                    &mut self.board,
                    &self.checker.gaps,
                    &self.doc.plan,
                );
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
            edited = match self.board {
                Some(board) => self.board_ui(ui, board),
                None => self.section_ui(ui),
            };
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
        // Edits asked for while drawing (id renames) run first, before the frame's undo point is
        // made, like the edits widgets make in place; then the rest, in the order asked.
        let (frame_edits, commands): (Vec<Command>, Vec<Command>) =
            std::mem::take(&mut self.pending)
                .into_iter()
                .partition(Command::edits_in_frame);
        for cmd in frame_edits {
            self.run(&ctx, cmd);
        }
        self.after_frame(&ctx, edited);
        if !commands.is_empty() {
            for cmd in commands {
                self.run(&ctx, cmd);
            }
            // Show what the commands changed at once, not on the next mouse move.
            ctx.request_repaint();
        }
        self.update_title(&ctx);
    }

    fn board_ui(&mut self, ui: &mut egui::Ui, board: views::board::Board) -> bool {
        let mut edits = widgets::Edits::default();
        let mut cx = views::board::BoardCx {
            plan: &mut self.doc.plan,
            gaps: &self.checker.gaps,
            today: self.today,
            path: self.doc.path.as_deref(),
            revision: self.doc.revision,
            derived: &self.derived,
            commands: &mut self.pending,
            edits: &mut edits,
        };
        views::board::board_ui(ui, board, &mut self.boards, &mut cx);
        edits.changed
    }

    fn section_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let state = self.lists.entry(self.section).or_default();
        let edits = views::section_ui(
            ui,
            self.section,
            &mut self.doc.plan,
            state,
            &self.checker.gaps,
            &self.derived,
            self.today,
            &mut self.pending,
        );
        edits.changed
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
            self.last_edit_at = ctx.input(|i| i.time);
            self.doc.edited(!typing && !dragging);
        } else if !typing && !dragging {
            self.doc.commit();
        }
        if !self.checker.is_current(self.doc.revision) {
            self.checker.request(&mut self.doc, self.today);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() || self.palette.is_some() {
            return;
        }
        // A presenter's remote sends Page Down and Page Up.
        if self.presenting && !ctx.text_edit_focused() {
            let none = egui::Modifiers::NONE;
            if ctx.input_mut(|i| i.consume_key(none, egui::Key::PageDown)) {
                self.pending.push(Command::NextGap);
            }
            if ctx.input_mut(|i| i.consume_key(none, egui::Key::PageUp)) {
                self.pending.push(Command::PreviousGap);
            }
        }
        if self.walk.is_some()
            && !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.pending.push(Command::EndWalk);
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
                item(
                    ui,
                    &mut self.pending,
                    Command::Import(crate::import::Kind::Accounts),
                    true,
                );
                item(
                    ui,
                    &mut self.pending,
                    Command::Import(crate::import::Kind::Meetings),
                    true,
                );
                ui.menu_button("Export", |ui| {
                    for f in crate::export::ExportFormat::ALL {
                        item(ui, &mut self.pending, Command::Export(f), true);
                    }
                });
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
            ui.menu_button("View", |ui| {
                item(ui, &mut self.pending, Command::Present, true);
                item(ui, &mut self.pending, Command::NextGap, true);
                ui.separator();
                for t in theme::Theme::ALL {
                    if ui.radio(self.theme == t, t.label()).clicked() {
                        self.pending.push(Command::SetTheme(t));
                        ui.close();
                    }
                }
                ui.separator();
                item(ui, &mut self.pending, Command::ZoomIn, true);
                item(ui, &mut self.pending, Command::ZoomOut, true);
                item(ui, &mut self.pending, Command::ZoomReset, true);
            });
            ui.menu_button("Go", |ui| {
                for b in views::board::Board::ALL {
                    item(ui, &mut self.pending, Command::Show(b), true);
                }
                ui.separator();
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
                ui.colored_label(widgets::palette::info(), format!("{} info", s.info));
                ui.colored_label(widgets::palette::warning(), count(s.warning, "warning"));
                ui.colored_label(widgets::palette::error(), count(s.error, "error"));
            });
        });
    }

    fn presentation_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(&self.doc.plan.event.name).strong());
            let s = self.checker.gaps.summary();
            ui.colored_label(widgets::palette::error(), count(s.error, "error"));
            ui.colored_label(widgets::palette::warning(), count(s.warning, "warning"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Exit presentation")
                    .on_hover_text("F11")
                    .clicked()
                {
                    self.pending.push(Command::Present);
                }
                if ui.button("A+").on_hover_text("Zoom in (Ctrl +)").clicked() {
                    self.pending.push(Command::ZoomIn);
                }
                if ui.button("A−").on_hover_text("Zoom out (Ctrl −)").clicked() {
                    self.pending.push(Command::ZoomOut);
                }
                let other = if self.present_theme == theme::Theme::HighContrastDark {
                    theme::Theme::HighContrastLight
                } else {
                    theme::Theme::HighContrastDark
                };
                let label = if other == theme::Theme::HighContrastLight {
                    "Light room"
                } else {
                    "Dark room"
                };
                if ui
                    .button(label)
                    .on_hover_text("Switch the high-contrast theme")
                    .clicked()
                {
                    self.pending.push(Command::SetTheme(other));
                }
                if self.walk.is_none()
                    && ui
                        .button("Walk through gaps")
                        .on_hover_text("F8 or Page Down")
                        .clicked()
                {
                    self.pending.push(Command::NextGap);
                }
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
                    ui.colored_label(widgets::palette::error(), &s.text);
                } else {
                    ui.label(&s.text);
                }
            }
        });
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let s = self.checker.gaps.summary();
        let title = format!(
            "{}{} — Preshow ({}, {})",
            // The window title is drawn by the desktop, not egui: any glyph works there.
            if self.doc.is_dirty() { "● " } else { "" },
            self.doc.title(),
            count(s.error, "error"),
            count(s.warning, "warning")
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
