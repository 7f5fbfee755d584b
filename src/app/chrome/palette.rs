//! The command palette (Ctrl+K): type to find any command, section or recent plan.

use crate::app::commands::Command;
use crate::app::sections::SECTIONS;
use egui::{Context, Id, Key, RichText};
use std::path::PathBuf;

/// The palette's state while open.
#[derive(Default)]
pub struct PaletteState {
    query: String,
    selected: usize,
    focused: bool,
}

fn entries(recent: &[PathBuf]) -> Vec<Command> {
    let mut all: Vec<Command> = Command::GENERAL.to_vec();
    all.retain(|c| *c != Command::Palette);
    all.extend(
        crate::app::boards::id::Board::ALL
            .iter()
            .map(|b| Command::Show(*b)),
    );
    all.extend(SECTIONS.iter().map(|s| Command::GoTo(*s)));
    all.extend(recent.iter().cloned().map(Command::OpenRecent));
    all
}

/// Draws the palette. Returns `Some(choice)` when it closes, with the chosen command if any.
pub fn palette_ui(
    ctx: &Context,
    state: &mut PaletteState,
    recent: &[PathBuf],
) -> Option<Option<Command>> {
    let needle = state.query.to_lowercase();
    let words: Vec<&str> = needle.split_whitespace().collect();
    let hits: Vec<Command> = entries(recent)
        .into_iter()
        .filter(|c| {
            let label = c.label().to_lowercase();
            words.iter().all(|w| label.contains(w))
        })
        .collect();
    state.selected = state.selected.min(hits.len().saturating_sub(1));
    let mut result = None;
    let modal = egui::Modal::new(Id::unique("palette")).show(ctx, |ui| {
        ui.set_width(520.0);
        let l = ui.label(RichText::new("Command palette").strong());
        let r = ui
            .add(
                egui::TextEdit::singleline(&mut state.query)
                    .hint_text("Type a command…")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if !state.focused {
            r.request_focus();
            state.focused = true;
        }
        if r.changed() {
            state.selected = 0;
        }
        let (down, up, enter) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::Enter),
            )
        });
        if down {
            state.selected = (state.selected + 1).min(hits.len().saturating_sub(1));
        }
        if up {
            state.selected = state.selected.saturating_sub(1);
        }
        ui.separator();
        let moved = down || up;
        let list_height = ui.text_style_height(&egui::TextStyle::Body) * 16.0;
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .min_scrolled_height(list_height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, c) in hits.iter().enumerate() {
                    ui.horizontal(|ui| {
                        let r = ui.selectable_label(i == state.selected, c.label());
                        if moved && i == state.selected {
                            r.scroll_to_me(None);
                        }
                        if let Some(s) = c.shortcut_text(ui.ctx()) {
                            ui.weak(s);
                        }
                        if r.clicked() {
                            result = Some(Some(c.clone()));
                        }
                    });
                }
                if hits.is_empty() {
                    ui.weak("No command matches");
                }
            });
        if enter && let Some(c) = hits.get(state.selected) {
            result = Some(Some(c.clone()));
        }
    });
    if modal.should_close() && result.is_none() {
        result = Some(None);
    }
    result
}
