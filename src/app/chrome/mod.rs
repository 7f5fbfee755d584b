//! The window's chrome: the menu bar, the presentation bar, the status bar and the window title,
//! and the banner over the bundled example.

pub mod example_banner;
pub mod gaps_panel;
pub mod nav;
pub mod palette;
pub mod walk;

use crate::app::boards::id::Board;
use crate::app::{Command, Workbench, sections, theme, widgets};
use crate::interchange::export::ExportFormat;
use crate::interchange::import::Kind;
use crate::model::human;

impl Workbench {
    /// The menu bar, with the plan's name and its gaps at the right.
    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let plan_open = self.plan_open();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui));
            ui.add_enabled_ui(plan_open, |ui| {
                ui.menu_button("Edit", |ui| self.edit_menu_ui(ui));
            });
            ui.menu_button("View", |ui| self.view_menu_ui(ui));
            ui.add_enabled_ui(plan_open, |ui| {
                ui.menu_button("Go", |ui| self.go_menu_ui(ui));
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.summary_ui(ui);
            });
        });
    }

    fn file_menu_ui(&mut self, ui: &mut egui::Ui) {
        let plan_open = self.plan_open();
        let pending = &mut self.frame.pending;
        item_ui(ui, pending, Command::NewPlan, true);
        item_ui(ui, pending, Command::Open, true);
        ui.menu_button("Open recent", |ui| {
            let recent = self.files.recent();
            if recent.is_empty() {
                ui.weak("No recent plans");
            }
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    pending.push(Command::OpenRecent(path));
                    ui.close();
                }
            }
        });
        ui.separator();
        item_ui(ui, pending, Command::Save, plan_open);
        item_ui(ui, pending, Command::SaveAs, plan_open);
        item_ui(
            ui,
            pending,
            Command::Reload,
            self.open_problem.is_some() || (self.doc.path.is_some() && plan_open),
        );
        ui.separator();
        item_ui(ui, pending, Command::Import(Kind::Accounts), plan_open);
        item_ui(ui, pending, Command::Import(Kind::Meetings), plan_open);
        item_ui(ui, pending, Command::Import(Kind::Leads), plan_open);
        ui.add_enabled_ui(plan_open, |ui| {
            ui.menu_button("Export", |ui| {
                for f in ExportFormat::ALL {
                    item_ui(ui, pending, Command::Export(f), true);
                }
            });
        });
        ui.separator();
        item_ui(ui, pending, Command::Quit, true);
    }

    fn edit_menu_ui(&mut self, ui: &mut egui::Ui) {
        let has_list = self.section.is_list();
        let selected = self.selected(self.section).is_some();
        let pending = &mut self.frame.pending;
        item_ui(ui, pending, Command::Undo, self.doc.can_undo());
        item_ui(ui, pending, Command::Redo, self.doc.can_redo());
        ui.separator();
        item_ui(ui, pending, Command::AddItem, has_list);
        item_ui(ui, pending, Command::DuplicateItem, has_list && selected);
        item_ui(ui, pending, Command::DeleteItem, has_list && selected);
        ui.separator();
        item_ui(ui, pending, Command::Find, has_list);
        item_ui(ui, pending, Command::Palette, true);
    }

    fn view_menu_ui(&mut self, ui: &mut egui::Ui) {
        let pending = &mut self.frame.pending;
        item_ui(ui, pending, Command::Present, true);
        item_ui(ui, pending, Command::NextGap, true);
        item_ui(ui, pending, Command::ChooseToday, true);
        item_ui(ui, pending, Command::ChooseYou, true);
        ui.separator();
        for t in theme::Theme::ALL {
            if ui.radio(self.window.theme == t, t.label()).clicked() {
                pending.push(Command::SetTheme(t));
                ui.close();
            }
        }
        ui.separator();
        item_ui(ui, pending, Command::ZoomIn, true);
        item_ui(ui, pending, Command::ZoomOut, true);
        item_ui(ui, pending, Command::ZoomReset, true);
    }

    fn go_menu_ui(&mut self, ui: &mut egui::Ui) {
        let pending = &mut self.frame.pending;
        for b in Board::ALL {
            item_ui(ui, pending, Command::Show(b), true);
        }
        ui.separator();
        for s in sections::SECTIONS {
            item_ui(ui, pending, Command::GoTo(s), true);
        }
        ui.separator();
        item_ui(ui, pending, Command::NextGap, true);
        item_ui(ui, pending, Command::PreviousGap, true);
        item_ui(ui, pending, Command::ToggleGaps, true);
        item_ui(ui, pending, Command::ToggleNav, true);
    }

    /// The palette button, the plan's name and whether it is saved, and its gaps by severity.
    fn summary_ui(&mut self, ui: &mut egui::Ui) {
        let s = self.checks.checker.gaps.summary();
        if ui.button("Command palette  Ctrl+K").clicked() {
            self.frame.pending.push(Command::Palette);
        }
        if let Some(o) = self.opening().filter(|o| o.shown()) {
            ui.weak(format!("{} · opening", o.file_name()));
            return;
        }
        if let Some(problem) = &self.open_problem {
            ui.colored_label(
                widgets::palette::error(),
                format!("{} · not opened", problem.file_name()),
            );
            return;
        }
        let state = self.saved_state();
        if self.disk.trouble.is_some() {
            ui.colored_label(
                widgets::palette::warning(),
                format!("{} · {state}", self.doc.title()),
            );
        } else {
            ui.label(format!("{} · {state}", self.doc.title()));
        }
        ui.separator();
        // No check of this plan in yet (just opened): no counts to show.
        if self.checks.checker.gaps.revision == 0 {
            ui.weak("Checking for gaps…");
            return;
        }
        ui.colored_label(widgets::palette::info(), format!("{} info", s.info));
        ui.colored_label(widgets::palette::warning(), count(s.warning, "warning"));
        ui.colored_label(widgets::palette::error(), count(s.error, "error"));
    }

    /// Whether a plan is on screen (not the screen of one being opened, or of one that could not
    /// be): the menus that work on a plan are on only then.
    pub(super) fn plan_open(&self) -> bool {
        self.open_problem.is_none() && !self.opening_shown()
    }

    /// Whether the plan in the window is the file on disk, in a few words for the header.
    pub(super) fn saved_state(&self) -> &'static str {
        match &self.disk.trouble {
            Some(crate::app::state::DiskTrouble::Gone) => "file gone, not saved",
            Some(crate::app::state::DiskTrouble::Unreadable(_)) => "differs from the file",
            None if self.doc.is_dirty() => "unsaved changes",
            None if self.frame.typing => "editing, not saved",
            // The bundled example, or a plan not yet given a file: nothing on disk to match.
            None if self.doc.path.is_none() => "no file yet",
            None => "saved",
        }
    }

    /// Whether the window shows something the file on disk does not hold.
    fn differs_from_file(&self) -> bool {
        self.doc.is_dirty() || self.frame.typing || self.disk.trouble.is_some()
    }

    /// The bar shown instead of the menus while presenting.
    pub(super) fn presentation_bar_ui(&mut self, ui: &mut egui::Ui) {
        let plan_open = self.plan_open();
        ui.horizontal(|ui| {
            if let Some(o) = self.opening().filter(|o| o.shown()) {
                // The screen below says what is opened and turns the spinner.
                ui.label(egui::RichText::new(o.file_name()).strong());
                ui.weak("opening");
            } else if let Some(problem) = &self.open_problem {
                ui.colored_label(
                    widgets::palette::error(),
                    format!("{} · not opened", problem.file_name()),
                );
            } else {
                ui.label(egui::RichText::new(&self.doc.plan.event.name).strong());
                let s = self.checks.checker.gaps.summary();
                if self.checks.checker.gaps.revision == 0 {
                    ui.weak("Checking for gaps…");
                } else {
                    ui.colored_label(widgets::palette::error(), count(s.error, "error"));
                    ui.colored_label(widgets::palette::warning(), count(s.warning, "warning"));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Exit presentation")
                    .on_hover_text("F11")
                    .clicked()
                {
                    self.frame.pending.push(Command::Present);
                }
                for (shown, label, cmd) in [
                    (self.panels().gaps, "Gaps", Command::ToggleGaps),
                    (self.panels().nav, "Navigation", Command::ToggleNav),
                ] {
                    let tip = format!(
                        "{} the {} panel ({})",
                        if shown { "Hide" } else { "Show" },
                        label.to_lowercase(),
                        cmd.shortcut_text(ui.ctx()).unwrap_or_default()
                    );
                    if ui
                        .selectable_label(shown, label)
                        .on_hover_text(tip)
                        .clicked()
                    {
                        self.frame.pending.push(cmd);
                    }
                }
                if ui.button("A+").on_hover_text("Zoom in (Ctrl +)").clicked() {
                    self.frame.pending.push(Command::ZoomIn);
                }
                if ui.button("A−").on_hover_text("Zoom out (Ctrl −)").clicked() {
                    self.frame.pending.push(Command::ZoomOut);
                }
                let other = if self.window.present_theme == theme::Theme::HighContrastDark {
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
                    self.frame.pending.push(Command::SetTheme(other));
                }
                self.you_ui(ui);
                if plan_open
                    && self.walk.is_none()
                    && ui
                        .button("Walk through gaps")
                        .on_hover_text("F8 or Page Down")
                        .clicked()
                {
                    self.frame.pending.push(Command::NextGap);
                }
            });
        });
    }

    /// The status bar: the plan's file, its gaps, and the last message.
    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(o) = self.opening() {
                // The screen says what is opened; here, where it is.
                if o.shown() {
                    ui.label(o.path.display().to_string());
                    return;
                }
                ui.add(egui::Spinner::new());
                ui.label(o.doing());
                ui.separator();
            }
            if let Some(problem) = &self.open_problem {
                ui.colored_label(widgets::palette::error(), problem.summary());
                return;
            }
            let where_ = match &self.doc.path {
                Some(p) => p.display().to_string(),
                None => "Bundled example: Save as… to keep your changes".to_owned(),
            };
            ui.label(where_);
            ui.separator();
            self.you_ui(ui);
            ui.separator();
            if self.checks.checker.is_current(self.doc.revision) {
                ui.label(format!("Gaps: {}", self.checks.checker.gaps.summary()));
            } else {
                ui.weak("Checking…");
            }
            self.file_jobs_ui(ui);
            if self.today_set {
                ui.separator();
                ui.label(format!(
                    "Today: {}",
                    human::date(self.today, self.doc.plan.year())
                ))
                .on_hover_text(
                    "Set in the View menu, Set today…: overdue tasks and new sign-offs go by it",
                );
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

    /// "You are: Lena Hoffmann", or "You are: not set"; a click asks.
    fn you_ui(&mut self, ui: &mut egui::Ui) {
        let who = self
            .you()
            .map_or_else(|| "not set".to_owned(), |p| p.name.clone());
        if ui
            .button(format!("You are: {who}"))
            .on_hover_text("The person sign-offs are entered by. Click to change.")
            .clicked()
        {
            self.frame.pending.push(Command::ChooseYou);
        }
    }

    /// Sets the window title when it changes: the plan, unsaved edits, errors and warnings.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let s = self.checks.checker.gaps.summary();
        let opening = self.opening().filter(|o| o.shown());
        let title = match (opening, &self.open_problem) {
            (Some(o), _) => format!("Opening {} — Preshow", o.file_name()),
            (None, Some(p)) => format!("{} could not be opened — Preshow", p.file_name()),
            (None, None) => format!(
                "{}{} — Preshow ({}, {})",
                // The window title is drawn by the desktop, not egui: any glyph works there.
                if self.differs_from_file() { "● " } else { "" },
                self.doc.title(),
                count(s.error, "error"),
                count(s.warning, "warning")
            ),
        };
        if title != self.window.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.title = title;
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

/// A menu entry for `cmd`, showing its shortcut; clicked, it queues the command and closes the
/// menu.
fn item_ui(ui: &mut egui::Ui, pending: &mut Vec<Command>, cmd: Command, enabled: bool) {
    let mut button = egui::Button::new(cmd.label());
    if let Some(s) = cmd.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(s);
    }
    if ui.add_enabled(enabled, button).clicked() {
        pending.push(cmd);
        ui.close();
    }
}
