//! The frame: panels laid out, the open view drawn, dialogs and the palette shown, then the
//! commands the frame asked for run and the undo point made.

use crate::app::chrome::{example_banner, gaps_panel, nav, palette, walk};
use crate::app::editor::EditorRun;
use crate::app::open_problem::Action;
use crate::app::state::DiskTrouble;
use crate::app::{Command, Workbench, boards, dialogs, sections, widgets};
use crate::model::Section;

impl Workbench {
    /// Draws the frame and runs what it asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.shortcuts(&ctx);
        self.checks
            .derived
            .refresh(self.doc.shape, self.doc.revision, self.today);
        let event = &self.doc.plan.event;
        widgets::set_plan_days(&ctx, event.starts, event.ends);
        if self.presenting {
            egui::Panel::top("presenting").show(ui, |ui| self.presentation_bar_ui(ui));
        } else {
            egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
            egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        }
        if self.opening_shown() {
            egui::CentralPanel::default().show(ui, |ui| self.opening_ui(ui));
        } else if let Some(problem) = &mut self.open_problem {
            let action = egui::CentralPanel::default()
                .show(ui, |ui| problem.ui(ui))
                .inner;
            let path = problem.path.clone();
            match action {
                Some(Action::TryAgain) => self.frame.pending.push(Command::Reload),
                Some(Action::OpenAnother) => self.frame.pending.push(Command::Open),
                Some(Action::NewPlan) => self.frame.pending.push(Command::NewPlan),
                Some(Action::CreateHere) => self.new_plan_at(path),
                None => {}
            }
        } else {
            self.plan_ui(ui);
        }
        if let Some(p) = &mut self.views.palette
            && let Some(done) = palette::palette_ui(
                &ctx,
                p,
                &mut self.views.palette_index,
                &palette::Sources {
                    plan: &self.doc.plan,
                    gaps: &self.checks.checker.gaps,
                    lookup: &self.checks.derived.lookup,
                    recent: &self.files.recent(),
                    revision: self.doc.revision,
                },
            )
        {
            self.views.palette = None;
            if let Some(cmd) = done {
                self.frame.pending.push(cmd);
            }
        }
        if let Some(dialog) = self.dialog.take() {
            let (open, answer) = dialogs::dialog_ui(&ctx, dialog, &self.doc.plan);
            self.dialog = open;
            if let Some(a) = answer {
                self.answer(&ctx, a);
            }
        }
        self.start_import_preview(&ctx);
        self.drop_hint_ui(&ctx);
        self.end_frame(&ctx);
    }

    /// Whether the plan in the window is the bundled example, not yet saved as a file.
    pub(super) fn example_shown(&self) -> bool {
        self.views.example && self.doc.path.is_none()
    }

    /// The plan's panels: the banner when its file cannot be read or is the bundled example, the
    /// walk-through, the navigation, the gaps and the open view.
    fn plan_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(DiskTrouble::Unreadable(message)) = &self.disk.trouble {
            let message = message.clone();
            egui::Panel::top("disk-trouble").show(ui, |ui| self.disk_trouble_ui(ui, &message));
        }
        if self.example_shown() && !self.presenting {
            let frame = crate::app::outcomes::banner_frame(ui);
            let asked = egui::Panel::top("example")
                .frame(frame)
                .show(ui, example_banner::example_banner_ui)
                .inner;
            self.frame.pending.extend(asked);
        }
        if self.format_offer_shown() {
            let frame = crate::app::outcomes::banner_frame(ui);
            egui::Panel::top("format-offer")
                .frame(frame)
                .show(ui, |ui| self.format_offer_ui(ui));
        }
        if let Some(walk) = &self.walk {
            let shown = match self.board {
                Some(_) => None,
                None => Some((self.section, self.selected(self.section))),
            };
            let gaps = &self.checks.checker.gaps;
            let action = egui::Panel::top("walk")
                .show(ui, |ui| walk::walk_ui(ui, walk, gaps, shown))
                .inner;
            let cmd = match action {
                Some(walk::WalkAction::Next) => Some(Command::NextGap),
                Some(walk::WalkAction::Previous) => Some(Command::PreviousGap),
                Some(walk::WalkAction::Stop) => Some(Command::EndWalk),
                Some(walk::WalkAction::Back) => walk
                    .current(gaps)
                    .map(|f| Command::Reveal(f.section, f.index, f.rule.rule().field)),
                None => None,
            };
            self.frame.pending.extend(cmd);
        }
        // The navigation grows with the type, so section names fit at any zoom.
        let nav_width = (ui.text_style_height(&egui::TextStyle::Body) * 11.0).max(200.0);
        if self.panels().nav {
            egui::Panel::left("nav")
                .resizable(false)
                .exact_size(nav_width)
                .show(ui, |ui| {
                    nav::nav_ui(
                        ui,
                        &mut self.section,
                        &mut self.board,
                        &self.checks.checker.gaps,
                        &self.doc.plan,
                    );
                });
        }
        if self.panels().gaps {
            egui::Panel::right("gaps")
                .resizable(true)
                .default_size(330.0)
                .show(ui, |ui| {
                    gaps_panel::gaps_panel_ui(
                        ui,
                        &self.checks.checker.gaps,
                        &self.doc.plan,
                        &mut self.frame.pending,
                    );
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            (self.frame.edited, self.frame.edited_items) = match self.board {
                Some(board) => (self.board_ui(ui, board), None),
                None => self.section_ui(ui),
            };
        });
    }

    /// The banner over the plan while its file on disk cannot be read: what is wrong, where,
    /// and that the plan shown is the one read before.
    fn disk_trouble_ui(&mut self, ui: &mut egui::Ui, message: &str) {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(
                egui::RichText::new("The file on disk cannot be read:")
                    .strong()
                    .color(widgets::palette::error()),
            );
            ui.label(egui::RichText::new(message).monospace());
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(
                "The plan shown is the one read before. Fix the file and it is read again, \
                 or Save to write this plan over it.",
            );
            if let Some(path) = &self.doc.path
                && ui.button("Open in editor").clicked()
            {
                self.disk.editor = Some(EditorRun::start(ui.ctx(), path));
            }
            if let Some(run) = &mut self.disk.editor {
                run.poll();
                run.ui(ui);
            }
        });
        ui.add_space(4.0);
    }

    /// Runs the commands the frame asked for and makes its undo point. Edits asked for while
    /// drawing (id renames) run first, before the undo point is made, like the edits widgets make
    /// in place; then the rest, in the order asked.
    fn end_frame(&mut self, ctx: &egui::Context) {
        let edited = std::mem::take(&mut self.frame.edited);
        let mut items = std::mem::take(&mut self.frame.edited_items);
        // A field holding typed text changes the header: show it now, not on the next key.
        let typing = widgets::any_pending(ctx);
        if typing != self.frame.typing {
            self.frame.typing = typing;
            ctx.request_repaint();
        }
        let (frame_edits, commands): (Vec<Command>, Vec<Command>) =
            std::mem::take(&mut self.frame.pending)
                .into_iter()
                .partition(Command::edits_in_frame);
        // Edits asked for by the frame (an id following its name) may reach other items.
        if !frame_edits.is_empty() {
            items = None;
        }
        for cmd in frame_edits {
            self.run(ctx, cmd);
        }
        self.after_frame(ctx, edited, items.as_deref());
        if !commands.is_empty() {
            for cmd in commands {
                self.run(ctx, cmd);
            }
            // Show what the commands changed at once, not on the next mouse move.
            ctx.request_repaint();
        }
        self.update_title(ctx);
    }

    fn board_ui(&mut self, ui: &mut egui::Ui, board: boards::Board) -> bool {
        let mut edits = widgets::Edits::default();
        let mut cx = boards::BoardCx {
            plan: &mut self.doc.plan,
            gaps: &self.checks.checker.gaps,
            today: self.today,
            path: self.doc.path.as_deref(),
            revision: self.doc.revision,
            shape: self.doc.shape,
            derived: &self.checks.derived,
            commands: &mut self.frame.pending,
            edits: &mut edits,
        };
        boards::board_ui(ui, board, &mut self.views.boards, &mut cx);
        edits.changed
    }

    /// Draws the section; returns whether it changed the plan, and the items it changed when it
    /// says (its editor's item, or none for the event and scoring forms).
    fn section_ui(&mut self, ui: &mut egui::Ui) -> (bool, Option<Vec<(Section, usize)>>) {
        let state = self.views.lists.entry(self.section).or_default();
        let edits = sections::section_ui(
            ui,
            self.section,
            &mut self.doc.plan,
            state,
            &self.checks.checker.gaps,
            &self.checks.derived,
            self.today,
            &mut self.frame.pending,
        );
        let items = match (self.section, edits.item) {
            (_, Some(item)) => Some(vec![item]),
            (Section::Event | Section::Scoring, None) => Some(Vec::new()),
            _ => None,
        };
        (edits.changed, items)
    }

    /// Undo points: an edit is finished when no field is being typed in or dragged, or when the
    /// focus moves to another field.
    fn after_frame(
        &mut self,
        ctx: &egui::Context,
        edited: bool,
        items: Option<&[(Section, usize)]>,
    ) {
        let focus = ctx.memory(|m| m.focused());
        let typing = ctx.text_edit_focused();
        let dragging = ctx.input(|i| i.pointer.any_down());
        if focus != self.frame.text_focus {
            self.doc.commit();
            self.frame.text_focus = focus;
            self.frame.field_undid = None;
            // A field's own undo covers what was typed since it got the keyboard; what came
            // before is the plan's undo (the same field shows other items' text in turn).
            if let Some(id) = focus
                && let Some(mut state) = egui::TextEdit::load_state(ctx, id)
            {
                state.clear_undoer();
                state.store(ctx, id);
            }
        }
        if edited {
            self.recovery.last_edit_at = ctx.input(|i| i.time);
            match items {
                Some(items) => self.doc.edited_items(!typing && !dragging, items),
                None => self.doc.edited(!typing && !dragging),
            }
        } else if !typing && !dragging {
            self.doc.commit();
        }
        if !self.checks.checker.is_current(self.doc.revision) {
            self.checks.checker.request(&mut self.doc, self.today);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() || self.views.palette.is_some() {
            return;
        }
        // A presenter's remote sends Page Down and Page Up; during the walk they move it on,
        // from a field too (leaving the field keeps what was typed in it).
        if self.walk.is_some() || (self.presenting && !ctx.text_edit_focused()) {
            let none = egui::Modifiers::NONE;
            let step = if ctx.input_mut(|i| i.consume_key(none, egui::Key::PageDown)) {
                Some(Command::NextGap)
            } else if ctx.input_mut(|i| i.consume_key(none, egui::Key::PageUp)) {
                Some(Command::PreviousGap)
            } else {
                None
            };
            if let Some(step) = step {
                // The field is left in this frame, while its item is still on screen, so what
                // was typed lands there; the walk moves at the frame's end.
                if let Some(id) = ctx.memory(|m| m.focused()) {
                    ctx.memory_mut(|m| m.surrender_focus(id));
                }
                self.frame.pending.push(step);
            }
        }
        if self.walk.is_some()
            && !ctx.text_edit_focused()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            self.frame.pending.push(Command::EndWalk);
        }
        // Enter, with nothing focused during the walk, edits the field the gap points at (Enter
        // in a field commits it and leaves it).
        if self.walk.is_some()
            && ctx.memory(|m| m.focused()).is_none()
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter))
        {
            widgets::request_focus_highlight(ctx);
            widgets::request_scroll_to_highlight(ctx);
        }
        // Keys a focused text field edits with are the field's: Ctrl+Delete deletes a word
        // there, not the item. Undo and redo are the field's while it has typing to undo.
        let field = ctx
            .memory(|m| m.focused())
            .filter(|_| ctx.text_edit_focused());
        let field_undo = field.is_some() && self.field_keeps_undo(ctx, field);
        for (shortcut, cmd) in Command::with_shortcuts() {
            if field.is_some() && Command::text_field_uses(&shortcut) {
                continue;
            }
            if field_undo && cmd.is_undo_or_redo() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.frame.pending.push(cmd);
            }
        }
    }

    /// Whether the undo or redo pressed in the focused text field `field` is the field's own:
    /// undo while the field holds typing that is not an undo point of the plan yet, redo after
    /// the field undid some. Otherwise they are the plan's: Ctrl+Z in a field just entered, or
    /// once the field's typing is all undone, undoes the last finished edit. Worked out only in
    /// a frame where one is pressed.
    fn field_keeps_undo(&mut self, ctx: &egui::Context, field: Option<egui::Id>) -> bool {
        let (undo, redo) = ctx.input(|i| {
            let z = i.modifiers.command && i.key_pressed(egui::Key::Z);
            let y = i.modifiers.command && i.key_pressed(egui::Key::Y);
            (z && !i.modifiers.shift, y || (z && i.modifiers.shift))
        });
        if !undo && !redo {
            return false;
        }
        let own_typing = self.frame.typing || !self.doc.pending_patch().is_empty();
        if undo && own_typing {
            self.frame.field_undid = field;
        }
        (undo && own_typing) || (redo && (own_typing || self.frame.field_undid == field))
    }
}
