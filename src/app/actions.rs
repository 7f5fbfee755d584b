//! Running commands and dialog answers: undo, items (add, duplicate, delete, rename), imports and
//! exports, gaps, navigation. Opening and saving the plan is in `open_save.rs`.

use crate::app::commands::Signer;
use crate::app::dialogs::{
    Answer, ChooseToday, ConfirmDelete, ConfirmOverwrite, Dialog, ErrorMessage, ExportDialog,
    ImportDialog, WhoAreYou,
};
use crate::app::files::Purpose;
use crate::app::{BRIEF_STATUS_SECS, Command, Lasts, Status, Workbench, sections};
use crate::model::Section;

impl Workbench {
    /// Shows `text` in the status bar for a few seconds, or until the next edit.
    pub(super) fn say(&mut self, text: impl Into<String>) {
        self.tell(text, false, Lasts::Brief);
    }

    /// Shows `text` in the status bar until the next edit ("Saved", "Opened").
    pub(super) fn say_until_edit(&mut self, text: impl Into<String>) {
        self.tell(text, false, Lasts::UntilEdit);
    }

    /// Shows a message in the status bar, for as long as `lasts` says.
    pub(super) fn tell(&mut self, text: impl Into<String>, problem: bool, lasts: Lasts) {
        self.status = Some(Status {
            text: text.into(),
            problem,
            lasts,
            revision: self.doc.revision,
            shown_at: None,
        });
    }

    /// Ends the status message once it is no longer true: after an edit, after its seconds, or
    /// when the trouble with the file it reports is over. A brief message asks for one repaint,
    /// when it is due to go.
    pub(super) fn expire_status(&mut self, ctx: &egui::Context) {
        let Some(s) = &mut self.status else {
            return;
        };
        let edited = s.revision != self.doc.revision;
        let over = match s.lasts {
            Lasts::UntilEdit => edited,
            Lasts::WhileFileTrouble => self.disk.trouble.is_none(),
            Lasts::UntilReplaced => false,
            Lasts::Brief => {
                let now = ctx.input(|i| i.time);
                let left = BRIEF_STATUS_SECS - (now - *s.shown_at.get_or_insert(now));
                if !edited && left > 0.0 {
                    ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
                }
                edited || left <= 0.0
            }
        };
        if over {
            self.status = None;
        }
    }

    /// Reports a problem in the status bar and in an error dialog.
    pub(super) fn complain(&mut self, title: &str, message: String) {
        self.tell(message.clone(), true, Lasts::UntilReplaced);
        self.dialog = Some(Dialog::Error(ErrorMessage {
            title: title.to_owned(),
            message,
        }));
    }

    /// Whether `cmd` may go ahead now; if edits would be lost, asks first.
    fn guard(&mut self, cmd: &Command) -> bool {
        self.doc.commit();
        if std::mem::take(&mut self.frame.skip_guard) || !self.doc.is_dirty() {
            return true;
        }
        self.dialog = Some(Dialog::unsaved(cmd.clone()));
        false
    }

    /// Runs one command.
    pub(super) fn run(&mut self, ctx: &egui::Context, cmd: Command) {
        // While a plan is opened, only what needs none works (another plan, the view, quitting).
        if self.opening_shown() && !cmd.works_without_a_plan() {
            return;
        }
        if let Some(problem) = &self.open_problem {
            if cmd == Command::Reload {
                let path = problem.path.clone();
                self.load(path);
            }
            if !cmd.works_without_a_plan() || cmd == Command::Reload {
                return;
            }
        }
        match cmd {
            Command::NewPlan => {
                if self.guard(&cmd) {
                    self.new_plan();
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
                    self.window.allow_close = true;
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
            Command::Palette => self.views.palette = Some(Default::default()),
            Command::AddItem => {
                if self.add_item() {
                    crate::app::widgets::request_focus_first_text(ctx);
                }
            }
            Command::DuplicateItem => self.duplicate_item(),
            Command::DeleteItem => self.delete_item(),
            Command::NextGap => self.step_gap(ctx, true),
            Command::PreviousGap => self.step_gap(ctx, false),
            Command::ToggleGaps => self.panels_mut().gaps ^= true,
            Command::EndWalk => self.walk = None,
            Command::Present => self.set_presenting(ctx, !self.presenting),
            Command::ZoomIn if self.presenting => self.window.zoom.adjust(1),
            Command::ZoomOut if self.presenting => self.window.zoom.adjust(-1),
            Command::ZoomReset if self.presenting => self.window.zoom.adjust(0),
            Command::ZoomIn => ctx.set_zoom_factor((ctx.zoom_factor() + 0.1).min(3.0)),
            Command::ZoomOut => ctx.set_zoom_factor((ctx.zoom_factor() - 0.1).max(0.5)),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::ToggleNav => self.panels_mut().nav ^= true,
            Command::ChooseToday => {
                self.dialog = Some(Dialog::Today(ChooseToday::new(self.today)));
            }
            Command::SetToday(date) => self.take_as_today(date),
            Command::SetTheme(theme) => {
                if self.presenting {
                    self.window.present_theme = theme;
                } else {
                    self.window.theme = theme;
                }
                self.apply_theme(ctx);
            }
            Command::GoTo(section) => self.go(crate::app::Place::Section(section)),
            Command::Show(board) => self.go(crate::app::Place::Board(board)),
            Command::Reveal(section, index, field) => {
                self.reveal(section, index, field);
                crate::app::widgets::request_scroll_to_highlight(ctx);
                crate::app::widgets::request_focus_highlight(ctx);
            }
            Command::Import(kind) => {
                self.dialog = Some(Dialog::Import(Box::new(ImportDialog::new(kind))));
            }
            Command::Export(format) => {
                let d = ExportDialog::new(format, &self.doc.plan, self.doc.path.as_deref());
                self.dialog = Some(Dialog::Export(Box::new(d)));
            }
            Command::RenameId { section, old, new } => self.rename_id(section, &old, &new),
            Command::SignOff { section, id, by } => self.sign_off(section, id, by),
            Command::ChooseYou => self.ask_who(None),
            Command::IdFollowsName { section, old, new } => {
                self.id_follows_name(section, &old, new)
            }
            Command::MarkHeld(day) => self.mark_held(day),
            Command::UpgradeFormat => self.upgrade_format(),
            Command::KeepFormat1 => self.keep_format_1(),
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
                // The edits are thrown away on purpose: so is their recovery copy, or the next
                // start would offer them back as if the window had been killed.
                self.forget_recovery();
                self.frame.skip_guard = true;
                self.run(ctx, then);
                self.frame.skip_guard = false;
            }
            Answer::Delete {
                section,
                index,
                reassign,
            } => {
                self.doc.commit();
                let mut plan = self.doc.plan.clone();
                if let Some(report) =
                    crate::ops::edit::delete_item(&mut plan, section, index, reassign.as_deref())
                {
                    self.doc.replace_plan(plan);
                    let count = crate::model::human::count;
                    let mut text = String::from("Deleted");
                    if report.reassigned > 0 {
                        text.push_str(&format!(
                            ", {} moved",
                            count(report.reassigned, "reference")
                        ));
                    }
                    if report.cleared > 0 {
                        text.push_str(&format!(", {} cleared", count(report.cleared, "reference")));
                    }
                    if !report.removed.is_empty() {
                        text.push_str(&format!(
                            ", {} removed",
                            count(report.removed.len(), "dependent item")
                        ));
                    }
                    text.push_str(" (Ctrl+Z undoes)");
                    self.say(text);
                }
            }
            Answer::Path(Purpose::Open, path) => {
                self.load(path);
            }
            Answer::Path(Purpose::SaveAs, path) => {
                // Only a file is worth asking about: a folder or a device is refused by the save.
                if path.is_file() && self.doc.path.as_deref() != Some(path.as_path()) {
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
                self.say_until_edit("Restored the unsaved changes: save them to keep them (Ctrl+Z undoes the restore)");
            }
            Answer::DiscardRecovery => {
                self.forget_recovery();
                self.say("Discarded the recovery copy");
            }
            Answer::ReloadDiscarding(path) => {
                self.load(path);
            }
            Answer::SetToday(date) => self.take_as_today(date),
            Answer::SaveAsFormat2 { path, overwrite } => self.save_as_format_2(&path, overwrite),
            Answer::YouAre { id, then } => {
                self.you_are(&id);
                if let Some(cmd) = then
                    && self.you().is_some()
                {
                    self.run(ctx, cmd);
                }
            }
            // Typed paths are only asked for plans.
            Answer::Path(Purpose::ImportCsv | Purpose::Export(_), _) => {}
            Answer::Browse { purpose, suggested } => {
                self.files.pick(purpose, ctx, suggested.as_deref());
            }
            Answer::ApplyImport(d) => self.apply_import(ctx, d),
            Answer::Export(d) => self.export(ctx, d),
        }
    }

    fn add_item(&mut self) -> bool {
        if !self.section.is_list() {
            return false;
        }
        self.doc.commit();
        if let Some(index) = sections::add_item(self.section, &mut self.doc.plan, self.today) {
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

    /// Renames an item's id and every reference to it, as one undoable step.
    fn rename_id(&mut self, section: Section, old: &str, new: &str) {
        if crate::ops::edit::rename_id(&mut self.doc.plan, section, old, new) {
            self.doc.edited(true);
            self.say(format!("Renamed the id \"{old}\" to \"{new}\" everywhere"));
        }
    }

    /// Takes `date` as today (`None`: the system date), re-checks, and says so.
    fn take_as_today(&mut self, date: Option<crate::model::Date>) {
        let system = crate::model::Date::today();
        self.set_today(date.unwrap_or(system));
        self.today_set = date.is_some_and(|d| d != system);
        self.say(if self.today_set {
            format!(
                "Today is taken as {} for overdue tasks and new sign-offs",
                crate::model::human::date(self.today, self.doc.plan.year())
            )
        } else {
            format!(
                "Today is the system date, {}",
                crate::model::human::date(self.today, self.doc.plan.year())
            )
        });
    }

    /// Records `by`'s agreement to an item's current text today, entered by the person at the
    /// keyboard, as an undo step of its own; asks who that is first when nobody knows.
    fn sign_off(&mut self, section: Section, id: String, by: Signer) {
        let Some(you) = self.you().map(|p| (p.id.clone(), p.name.clone())) else {
            self.ask_who(Some(Command::SignOff { section, id, by }));
            return;
        };
        let (you_id, you_name) = you;
        let signer = match by {
            Signer::You => you_id.clone(),
            Signer::Person(p) => p,
        };
        self.doc.commit();
        let today = self.today;
        let plan = &mut self.doc.plan;
        if crate::ops::edit::sign_off(plan, section, &id, &signer, Some(&you_id), today).is_none() {
            return;
        }
        self.doc.edited(true);
        if signer == you_id {
            self.say(format!("Signed off as {you_name} (Ctrl+Z undoes)"));
        } else {
            let name = self
                .doc
                .plan
                .person(&signer)
                .map_or(signer.clone(), |p| p.name.clone());
            self.say(format!(
                "Recorded {name}'s agreement, entered by {you_name} (Ctrl+Z undoes)"
            ));
        }
    }

    /// Asks who is at the keyboard, then runs `then` (the sign-off that asked) as them.
    fn ask_who(&mut self, then: Option<Command>) {
        let suggested = self
            .identity
            .suggestion(&self.doc.plan, self.doc.path.as_deref())
            .map(|(p, email)| (p.id.clone(), email));
        let current = self.you().map(|p| p.id.clone());
        self.dialog = Some(Dialog::WhoAreYou(WhoAreYou {
            then,
            suggested,
            current,
        }));
    }

    /// Takes person `id` as the one at the keyboard, remembered for the next run.
    fn you_are(&mut self, id: &str) {
        let Some(person) = self.doc.plan.person(id).cloned() else {
            return;
        };
        match self.identity.choose(&person) {
            Ok(()) => self.say(format!(
                "You are {}: sign-offs you enter carry your name",
                person.name
            )),
            Err(e) => {
                self.tell(
                    format!(
                        "You are {} for now; it could not be remembered for next time ({e})",
                        person.name
                    ),
                    true,
                    Lasts::UntilReplaced,
                );
            }
        }
    }

    /// Gives a just-added item the id made from its name. No undo point of its own: the frame's,
    /// made after it, takes it with the name's edit.
    fn id_follows_name(&mut self, section: Section, old: &str, new: String) {
        if crate::ops::edit::rename_id(&mut self.doc.plan, section, old, &new) {
            self.list_state(section).following = Some(new);
        }
    }

    fn duplicate_item(&mut self) {
        let section = self.section;
        let Some(index) = self.selected(section) else {
            return;
        };
        self.doc.commit();
        if let Some(copy) = crate::ops::edit::duplicate_item(&mut self.doc.plan, section, index) {
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
            crate::ops::edit::referrers(&self.doc.plan, section, &id)
        };
        let names = crate::check::Context::new(&self.doc.plan, self.today);
        let name = names.item_name(section, index);
        if refs.is_empty() {
            self.doc.commit();
            if crate::ops::edit::remove_item(&mut self.doc.plan, section, index) {
                self.doc.edited(true);
                self.say(format!("Deleted {name} (Ctrl+Z undoes)"));
            }
        } else {
            let places = refs
                .iter()
                .map(|r| {
                    format!(
                        "{} · {} ({})",
                        r.section.title(),
                        names.item_name(r.section, r.index),
                        r.field
                    )
                })
                .collect();
            self.dialog = Some(Dialog::ConfirmDelete(ConfirmDelete {
                section,
                index,
                id,
                name,
                places,
                refs,
                reassign: None,
            }));
        }
    }

    /// Shows the next (or previous) gap of the walk-through, starting the walk if needed.
    fn step_gap(&mut self, ctx: &egui::Context, forward: bool) {
        let walk = self.walk.get_or_insert_with(Default::default);
        let step = if forward {
            walk.next(&self.checks.checker.gaps)
        } else {
            walk.previous(&self.checks.checker.gaps)
        };
        match step {
            Some(step) => self.show_step(ctx, step),
            None if self.checks.checker.gaps.findings.is_empty() => self.say("No open gaps"),
            None => self.say("Every open gap has been shown"),
        }
    }

    /// Opens the item of a walk step with its field highlighted.
    pub(super) fn show_step(&mut self, ctx: &egui::Context, step: crate::app::chrome::walk::Step) {
        let f = step.finding;
        self.reveal(f.section, f.index, f.rule.rule().field);
        crate::app::widgets::request_scroll_to_highlight(ctx);
        crate::app::widgets::request_focus_highlight(ctx);
    }

    fn reveal(&mut self, section: Section, index: Option<usize>, field: Option<&'static str>) {
        self.go(crate::app::Place::Section(section));
        if let Some(i) = index {
            self.list_state(section).select(i, field);
        } else {
            self.list_state(section).highlight = field;
        }
    }
}
