//! The Changes board: what changed in the plan since the file's last commit (asked of `git`), or
//! since it was last saved, item by item and field by field. Each change opens its item.

use crate::app::boards::context::BoardCx;
use crate::app::commands::Command;
use crate::app::job::Job;
use crate::app::widgets::palette;
use crate::git::Tracked;
use crate::model::{Plan, Section};
use crate::ops::diff::{Change, ChangeKind, diff};
use egui::{Color32, RichText, Ui};
use std::path::{Path, PathBuf};

/// What the plan is compared with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Since {
    /// The file as the repository's `HEAD` has it.
    #[default]
    LastCommit,
    /// The file as it is on disk.
    Saved,
}

impl Since {
    fn label(self) -> &'static str {
        match self {
            Since::LastCommit => "the last commit",
            Since::Saved => "the saved file",
        }
    }
}

/// The plan compared with, and what it is.
struct Base {
    /// Where it came from, as people read it.
    what: String,
    /// The plan; `None` when the file is not in the last commit.
    plan: Option<Plan>,
}

type Key = (Option<PathBuf>, Since);

/// One line of the list.
#[derive(Debug, Clone, Copy)]
enum Row {
    Section(Section, usize),
    Item(usize),
    Field(usize, usize),
}

/// The changes for one plan revision.
struct Shown {
    key: Key,
    revision: u64,
    changes: Vec<Change>,
    rows: Vec<Row>,
    added: usize,
    removed: usize,
    changed: usize,
}

/// State between frames.
#[derive(Default)]
pub struct ChangesState {
    since: Since,
    base: Option<(Key, Result<Base, String>)>,
    job: Option<(Key, Job<Result<Base, String>>)>,
    shown: Option<Shown>,
}

impl ChangesState {
    /// Whether the comparison is still being fetched.
    pub fn loading(&self) -> bool {
        self.job.is_some()
    }
}

fn fetch(path: Option<PathBuf>, since: Since) -> Result<Base, String> {
    let Some(path) = path else {
        return Err(
            "This plan has no file yet: save it to compare it with the file, or with \
                    git once the file is committed."
                .to_owned(),
        );
    };
    match since {
        Since::Saved => {
            let loaded = crate::format::load_file(&path).map_err(|e| e.to_string())?;
            Ok(Base {
                what: format!("{} on disk", path.display()),
                plan: Some(loaded.plan),
            })
        }
        Since::LastCommit => {
            let tracked = Tracked::find(&path)
                .map_err(|e| format!("{} is not in a git repository ({e}).", path.display()))?;
            let Some(commit) = tracked.commit("HEAD").map_err(|e| e.to_string())? else {
                return Ok(Base {
                    what: "a repository with no commit yet".to_owned(),
                    plan: None,
                });
            };
            let what = format!(
                "commit {} by {} on {}: {}",
                commit.short, commit.author, commit.date, commit.subject
            );
            let Some(text) = tracked.text_at("HEAD").map_err(|e| e.to_string())? else {
                return Ok(Base { what, plan: None });
            };
            let label = format!("HEAD:{}", tracked.path);
            let plan = crate::format::parse(&text)
                .map_err(|e| format!("{label}:{e}"))?
                .plan;
            Ok(Base {
                what,
                plan: Some(plan),
            })
        }
    }
}

fn rows_of(changes: &[Change]) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut section = None;
    for (ci, c) in changes.iter().enumerate() {
        if section != Some(c.section) {
            section = Some(c.section);
            let n = changes[ci..]
                .iter()
                .take_while(|x| x.section == c.section)
                .count();
            rows.push(Row::Section(c.section, n));
        }
        rows.push(Row::Item(ci));
        if let ChangeKind::Changed(fields) = &c.kind {
            rows.extend((0..fields.len()).map(|fi| Row::Field(ci, fi)));
        }
    }
    rows
}

fn shown(key: Key, revision: u64, base: &Plan, plan: &Plan) -> Shown {
    let changes = diff(base, plan);
    let count = |f: fn(&ChangeKind) -> bool| changes.iter().filter(|c| f(&c.kind)).count();
    Shown {
        key,
        revision,
        rows: rows_of(&changes),
        added: count(|k| matches!(k, ChangeKind::Added)),
        removed: count(|k| matches!(k, ChangeKind::Removed)),
        changed: count(|k| matches!(k, ChangeKind::Changed(_))),
        changes,
    }
}

/// Draws the board.
pub fn changes_ui(ui: &mut Ui, state: &mut ChangesState, cx: &mut BoardCx<'_>) {
    let key: Key = (cx.path.map(Path::to_owned), state.since);
    let mut refresh = false;

    ui.horizontal(|ui| {
        ui.heading("Changes since");
        for since in [Since::LastCommit, Since::Saved] {
            ui.selectable_value(&mut state.since, since, since.label());
        }
        refresh = ui
            .button("Refresh")
            .on_hover_text("Ask git (or the disk) again")
            .clicked();
    });

    // Fetch the comparison when the file or the choice changed, or on request.
    if let Some((k, job)) = &state.job
        && let Some(answer) = job.poll()
    {
        let answer = answer.unwrap_or_else(|| Err("Reading the comparison failed.".to_owned()));
        state.base = Some((k.clone(), answer));
        state.job = None;
        state.shown = None;
    }
    let stale = state.base.as_ref().is_none_or(|(k, _)| *k != key);
    let fetching = state.job.as_ref().is_some_and(|(k, _)| *k == key);
    if (stale || refresh) && !fetching {
        let (path, since) = key.clone();
        state.job = Some((
            key.clone(),
            Job::spawn(ui.ctx(), move || fetch(path, since)),
        ));
    }

    let base = match &state.base {
        Some((k, base)) if *k == key => base,
        _ => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Reading {}…", state.since.label()));
            });
            return;
        }
    };
    let base = match base {
        Ok(base) => base,
        Err(why) => {
            ui.colored_label(palette::warning(), why);
            return;
        }
    };
    ui.label(RichText::new(format!("Compared with {}.", base.what)).weak());
    let Some(base_plan) = &base.plan else {
        ui.label("The file is not in the last commit yet: everything in it is new.");
        return;
    };

    let current = state
        .shown
        .as_ref()
        .is_some_and(|s| s.key == key && s.revision == cx.revision);
    if !current {
        state.shown = Some(shown(key, cx.revision, base_plan, cx.plan));
    }
    let Some(shown) = &state.shown else {
        return;
    };
    if shown.changes.is_empty() {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("No changes since {}.", state.since.label()))
                .color(palette::ok()),
        );
        return;
    }
    ui.horizontal(|ui| {
        ui.colored_label(palette::ok(), format!("{} added", shown.added));
        ui.label("·");
        ui.colored_label(palette::warning(), format!("{} changed", shown.changed));
        ui.label("·");
        ui.colored_label(palette::error(), format!("{} removed", shown.removed));
        ui.weak("  Click an item to open it.");
    });
    ui.separator();
    list_ui(ui, shown, cx);
}

fn kind_text(kind: &ChangeKind) -> (&'static str, Color32) {
    match kind {
        ChangeKind::Added => ("added", palette::ok()),
        ChangeKind::Removed => ("removed", palette::error()),
        ChangeKind::Changed(_) => ("changed", palette::warning()),
    }
}

fn value(v: Option<&String>) -> String {
    v.map_or_else(|| "(none)".to_owned(), |v| crate::ops::merge::one_line(v))
}

fn list_ui(ui: &mut Ui, shown: &Shown, cx: &mut BoardCx<'_>) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_height, shown.rows.len(), |ui, range| {
            for row in &shown.rows[range] {
                match *row {
                    Row::Section(section, n) => {
                        ui.label(
                            RichText::new(format!("{}  ({n})", section.title()))
                                .strong()
                                .size(ui.text_style_height(&egui::TextStyle::Body) + 1.0),
                        );
                    }
                    Row::Item(ci) => item_ui(ui, &shown.changes[ci], cx),
                    Row::Field(ci, fi) => {
                        let c = &shown.changes[ci];
                        if let ChangeKind::Changed(fields) = &c.kind
                            && let Some(f) = fields.get(fi)
                        {
                            let text = format!(
                                "{}: {}  ➡  {}",
                                f.field,
                                value(f.before.as_ref()),
                                value(f.after.as_ref())
                            );
                            ui.horizontal(|ui| {
                                ui.add_space(36.0);
                                let r = ui.add(
                                    egui::Label::new(RichText::new(text).monospace())
                                        .truncate()
                                        .sense(egui::Sense::click()),
                                );
                                if r.clicked() {
                                    reveal(c, cx);
                                }
                            });
                        }
                    }
                }
            }
        });
}

fn index_in(plan: &Plan, c: &Change) -> Option<usize> {
    plan.ids(c.section).iter().position(|id| *id == c.id)
}

fn reveal(c: &Change, cx: &mut BoardCx<'_>) {
    match c.section {
        Section::Plan => {}
        Section::Event | Section::Scoring => {
            cx.commands.push(Command::Reveal(c.section, None, None));
        }
        s => {
            if let Some(i) = index_in(cx.plan, c) {
                cx.commands.push(Command::Reveal(s, Some(i), None));
            }
        }
    }
}

fn item_ui(ui: &mut Ui, c: &Change, cx: &mut BoardCx<'_>) {
    let (word, color) = kind_text(&c.kind);
    let index = index_in(cx.plan, c);
    let name = index
        .and_then(|i| cx.plan.label(c.section, i))
        .map(|n| format!("  {n}"))
        .unwrap_or_default();
    ui.horizontal(|ui| {
        ui.add_space(12.0);
        ui.add_sized(
            [90.0, ui.spacing().interact_size.y],
            egui::Label::new(RichText::new(word).color(color).strong()),
        );
        let removed = matches!(c.kind, ChangeKind::Removed);
        let text = RichText::new(format!("{}{name}", c.id));
        if removed || c.section == Section::Plan {
            ui.label(if removed { text.strikethrough() } else { text });
        } else {
            let r = ui
                .link(text)
                .on_hover_text(format!("Open in {}", c.section.title()));
            if r.clicked() {
                reveal(c, cx);
            }
        }
    });
}
