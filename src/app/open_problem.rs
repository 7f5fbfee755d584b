//! The screen shown instead of a plan when the plan asked for cannot be opened (a file given on
//! the command line with a mistake in it, or no file at that path): what is wrong and where,
//! the lines around it with a caret under the place, and what to do next. Nothing here ever
//! writes to the file.

use crate::app::editor::EditorRun;
use crate::app::widgets::palette;
use crate::format::{ParseError, Pos};
use egui::{RichText, TextStyle, Ui};
use std::path::{Path, PathBuf};

/// A plan that could not be opened, and the screen that says why.
pub struct OpenProblem {
    /// The file asked for.
    pub path: PathBuf,
    /// What is wrong with it.
    pub problem: Problem,
    /// The editor started from this screen, while it runs and after.
    editor: Option<EditorRun>,
}

/// What is wrong with a plan's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// There is no file at the path.
    Missing,
    /// The file does not read as a plan.
    Unreadable {
        /// What is wrong, in plain words.
        message: String,
        /// Where, when the problem has a place.
        pos: Option<Pos>,
        /// The line with the problem and the one before it, numbered from 1.
        lines: Vec<(usize, String)>,
    },
}

/// What the user asked for on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read the file again.
    TryAgain,
    /// Choose another plan.
    OpenAnother,
    /// Start a new plan from the starter template.
    NewPlan,
    /// Start a new plan that saves to the missing file's path.
    CreateHere,
}

impl OpenProblem {
    /// The screen for `path`, which failed to open with `error`.
    pub fn new(path: PathBuf, error: &ParseError) -> Self {
        let problem = if !path.exists() {
            Problem::Missing
        } else {
            let lines = error
                .pos
                .map(|pos| excerpt(&path, pos.line))
                .unwrap_or_default();
            Problem::Unreadable {
                message: error.message.trim().to_owned(),
                pos: error.pos,
                lines,
            }
        };
        OpenProblem {
            path,
            problem,
            editor: None,
        }
    }

    /// The file's name, for headings and the window title.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }

    /// One line for the status bar: `FILE:LINE:COLUMN: what is wrong`, or that it is missing.
    pub fn summary(&self) -> String {
        match &self.problem {
            Problem::Missing => format!("There is no file at {}", self.path.display()),
            Problem::Unreadable {
                message, pos: None, ..
            } => format!("{}: {message}", self.path.display()),
            Problem::Unreadable {
                message,
                pos: Some(p),
                ..
            } => format!("{}:{}:{}: {message}", self.path.display(), p.line, p.column),
        }
    }

    /// Draws the screen; returns what the user asked for.
    pub fn ui(&mut self, ui: &mut Ui) -> Option<Action> {
        if let Some(run) = &mut self.editor {
            run.poll();
        }
        let body = ui.text_style_height(&TextStyle::Body);
        let width = (body * 46.0)
            .min(ui.available_width() - 2.0 * body)
            .max(body * 10.0);
        let mut action = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.add_space(body * 3.0);
                let margin = ((ui.available_width() - width) / 2.0).max(0.0);
                ui.horizontal(|ui| {
                    ui.add_space(margin);
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        action = self.contents_ui(ui);
                    });
                });
            });
        action
    }

    fn contents_ui(&mut self, ui: &mut Ui) -> Option<Action> {
        let body = ui.text_style_height(&TextStyle::Body);
        let heading = match self.problem {
            Problem::Missing => "There is no plan at this path",
            Problem::Unreadable { .. } => "This plan could not be opened",
        };
        ui.heading(heading);
        ui.add_space(body * 0.5);
        ui.label(RichText::new(self.file_name()).strong().size(body * 1.3));
        ui.weak(self.path.display().to_string());
        ui.add_space(body);
        match &self.problem {
            Problem::Missing => {
                ui.label(
                    "Nothing was opened. Start a plan that saves to this path, or open another.",
                );
            }
            Problem::Unreadable {
                message,
                pos,
                lines,
            } => {
                let place = match pos {
                    Some(p) => format!("Line {}, column {}: {message}", p.line, p.column),
                    None => message.clone(),
                };
                ui.add(
                    egui::Label::new(RichText::new(place).color(palette::error()).strong()).wrap(),
                );
                if let Some(pos) = pos
                    && !lines.is_empty()
                {
                    ui.add_space(body * 0.5);
                    excerpt_ui(ui, lines, *pos);
                }
                ui.add_space(body * 0.5);
                ui.add(
                    egui::Label::new(
                        "Nothing has been opened, and nothing is written to this file from here. \
                         Fix it in an editor, then try again.",
                    )
                    .wrap(),
                );
            }
        }
        ui.add_space(body);
        let mut action = None;
        ui.horizontal_wrapped(|ui| match self.problem {
            Problem::Missing => {
                if ui
                    .button("Start a new plan here")
                    .on_hover_text("From the starter template; Save writes it to this path")
                    .clicked()
                {
                    action = Some(Action::CreateHere);
                }
                if ui.button("Open another plan…").clicked() {
                    action = Some(Action::OpenAnother);
                }
                if ui.button("New plan…").clicked() {
                    action = Some(Action::NewPlan);
                }
            }
            Problem::Unreadable { .. } => {
                if ui
                    .button("Try again")
                    .on_hover_text("Read the file again")
                    .clicked()
                {
                    action = Some(Action::TryAgain);
                }
                if ui.button("Open in editor").clicked() {
                    self.editor = Some(EditorRun::start(ui.ctx(), &self.path));
                }
                if ui.button("Open another plan…").clicked() {
                    action = Some(Action::OpenAnother);
                }
                if ui.button("New plan…").clicked() {
                    action = Some(Action::NewPlan);
                }
            }
        });
        if let Some(run) = &self.editor {
            ui.add_space(body * 0.5);
            run.ui(ui);
        }
        action
    }
}

/// The line `line` of the file and the one before it.
fn excerpt(path: &Path, line: usize) -> Vec<(usize, String)> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&bytes);
    let first = line.saturating_sub(1).max(1);
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .skip(first - 1)
        .take(line + 1 - first)
        .map(|(n, l)| (n, l.to_owned()))
        .collect()
}

/// The lines in a frame, numbered, with a caret under the column of the problem.
fn excerpt_ui(ui: &mut Ui, lines: &[(usize, String)], pos: Pos) {
    let digits = lines.last().map(|(n, _)| n.to_string().len()).unwrap_or(1);
    egui::Frame::group(ui.style())
        .fill(ui.visuals().extreme_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            egui::ScrollArea::horizontal()
                .id_salt("open-problem-lines")
                .show(ui, |ui| {
                    for (n, text) in lines {
                        // Tabs are shown as four spaces; columns count them as one character.
                        let shown = text.replace('\t', "    ");
                        ui.label(RichText::new(format!("{n:>digits$} │ {shown}")).monospace());
                        if *n == pos.line {
                            let before: usize = text
                                .chars()
                                .take(pos.column.saturating_sub(1))
                                .map(|c| if c == '\t' { 4 } else { 1 })
                                .sum();
                            let caret = format!("{:>digits$} │ {}^", "", " ".repeat(before));
                            ui.label(
                                RichText::new(caret)
                                    .monospace()
                                    .strong()
                                    .color(palette::error()),
                            );
                        }
                    }
                });
        });
}
