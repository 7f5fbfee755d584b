//! The Sign-offs board: who agreed to what, and when, across the whole plan, newest first, with
//! who recorded each one when the file is in git (verified when its signer committed it); and
//! the sign-offs earlier versions had that no longer stand (withdrawn, replaced by a re-sign, or
//! gone with their item).

use crate::analysis::provenance::{ProvenanceKind, SignoffHistory, judge};
use crate::app::boards::context::BoardCx;
use crate::app::commands::Command;
use crate::app::job::Job;
use crate::app::provenance::SignoffTrail;
use crate::app::widgets::palette;
use crate::app::widgets::provenance::{Badge, badge_ui, kind_label};
use crate::git::ledger::{Entry, Past, Standing};
use crate::git::{Commit, Tracked};
use crate::model::{Plan, Team};
use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::path::{Path, PathBuf};

/// How many commits of the file the history reads at most.
pub const HISTORY_COMMITS: usize = 50;

/// Which sign-offs are listed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Show {
    /// Every one.
    #[default]
    All,
    /// Those that count.
    Agreed,
    /// Those whose text changed since.
    Stale,
}

/// Earlier versions of the plan, reduced to what sign-offs need.
type Versions = Vec<(Commit, Plan)>;

/// The history as read for one file, or why it could not be.
type History = Result<Versions, String>;

/// State between frames.
#[derive(Default)]
pub struct SignoffsState {
    show: Show,
    team: Option<Team>,
    search: String,
    ledger: Option<(u64, Vec<Entry>)>,
    /// Which provenance is listed (all when `None`).
    provenance: Option<ProvenanceKind>,
    /// The ledger's badges, for a revision of the plan and a reading of its history.
    badges: Option<(u64, usize, Vec<Option<Badge>>)>,
    history: Option<(Option<PathBuf>, History)>,
    job: Option<(Option<PathBuf>, Job<History>)>,
    past: Option<(u64, Vec<Past>)>,
}

impl SignoffsState {
    /// Whether the history is still being read.
    pub fn loading(&self) -> bool {
        self.job.is_some()
    }
}

/// Keeps only what sign-offs need: people and the items people sign.
fn reduced(mut plan: Plan) -> Plan {
    plan.accounts = Vec::new();
    plan.meetings = Vec::new();
    plan.tasks = Vec::new();
    plan.stages = Vec::new();
    plan
}

fn read_history(path: Option<PathBuf>) -> History {
    let Some(path) = path else {
        return Err("The plan has no file yet, so it has no history.".to_owned());
    };
    let tracked = Tracked::find(&path)
        .map_err(|e| format!("{} is not in a git repository ({e}).", path.display()))?;
    let mut versions = Vec::new();
    for commit in tracked
        .history(HISTORY_COMMITS)
        .map_err(|e| e.to_string())?
    {
        // A version that does not load (a conflict committed by mistake) is passed over.
        if let Some(text) = tracked.text_at(&commit.hash).map_err(|e| e.to_string())?
            && let Ok(loaded) = crate::format::parse(&text)
        {
            versions.push((commit, reduced(loaded.plan)));
        }
    }
    Ok(versions)
}

fn standing_color(s: Standing) -> Color32 {
    match s {
        Standing::Current | Standing::Unpinned => palette::ok(),
        Standing::Stale => palette::error(),
    }
}

fn team_name(team: Option<Team>) -> &'static str {
    team.map_or("unknown person", |t| t.as_str())
}

/// The badge of every sign-off of the ledger, in its order.
fn badges(plan: &Plan, ledger: &[Entry], history: &SignoffHistory) -> Vec<Option<Badge>> {
    let name_of = |id: &str| {
        plan.person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone())
    };
    ledger
        .iter()
        .map(|e| {
            let p = judge(
                history.origin(&e.key()),
                &e.by,
                |id| plan.person(id).and_then(|p| p.email.clone()),
                |email| plan.person_with_email(email).map(|p| p.id.clone()),
            );
            Some(Badge::new(&p, &e.name, name_of))
        })
        .collect()
}

fn matches(state: &SignoffsState, e: &Entry, badge: Option<&Badge>) -> bool {
    if let Some(kind) = state.provenance
        && badge.is_none_or(|b| b.kind != kind)
    {
        return false;
    }
    let show = match state.show {
        Show::All => true,
        Show::Agreed => e.standing != Standing::Stale,
        Show::Stale => e.standing == Standing::Stale,
    };
    let needle = crate::model::fold(state.search.trim());
    show && state.team.is_none_or(|t| e.team == Some(t))
        && (needle.is_empty()
            || [&e.title, &e.name, &e.id]
                .iter()
                .any(|s| crate::model::fold(s).contains(&needle)))
}

/// Draws the board.
pub fn signoffs_ui(ui: &mut Ui, state: &mut SignoffsState, cx: &mut BoardCx<'_>) {
    if state.ledger.as_ref().is_none_or(|(r, _)| *r != cx.revision) {
        state.ledger = Some((cx.revision, crate::git::ledger::entries(cx.plan)));
    }
    let trail = &cx.derived.trail;
    let reading = match trail {
        SignoffTrail::Ready(h) => std::sync::Arc::as_ptr(h) as usize,
        _ => 0,
    };
    if state
        .badges
        .as_ref()
        .is_none_or(|(r, h, _)| *r != cx.revision || *h != reading)
        && let Some((_, ledger)) = &state.ledger
    {
        let list = match trail.history() {
            Some(history) => badges(cx.plan, ledger, history),
            None => vec![None; ledger.len()],
        };
        state.badges = Some((cx.revision, reading, list));
    }
    let path = cx.path.map(Path::to_owned);
    let mut refresh = false;

    ui.horizontal(|ui| {
        ui.heading("Sign-offs");
        let (all, stale) = state.ledger.as_ref().map_or((0, 0), |(_, l)| {
            (
                l.len(),
                l.iter().filter(|e| e.standing == Standing::Stale).count(),
            )
        });
        ui.label(format!("{all} in the plan"));
        if stale > 0 {
            ui.colored_label(palette::error(), format!("{stale} stale"));
        }
        let unverified = state.badges.as_ref().map_or(0, |(_, _, b)| {
            b.iter()
                .flatten()
                .filter(|b| b.kind != ProvenanceKind::Verified)
                .count()
        });
        if unverified > 0 {
            ui.colored_label(palette::warning(), format!("{unverified} not verified"))
                .on_hover_text(
                    "Not committed by their signer: recorded by someone else, by an unknown \
                     author, or not committed yet",
                );
        }
    });
    ui.horizontal(|ui| {
        for (show, label) in [
            (Show::All, "All"),
            (Show::Agreed, "Agreed"),
            (Show::Stale, "Stale"),
        ] {
            ui.selectable_value(&mut state.show, show, label);
        }
        ui.separator();
        ui.selectable_value(&mut state.team, None, "Both teams");
        ui.selectable_value(&mut state.team, Some(Team::Sales), "Sales");
        ui.selectable_value(&mut state.team, Some(Team::Marketing), "Marketing");
        ui.separator();
        let label = ui.label("Search");
        ui.add(
            egui::TextEdit::singleline(&mut state.search)
                .hint_text("item or person")
                .desired_width(180.0),
        )
        .labelled_by(label.id);
    });
    provenance_filter_ui(ui, state, trail);
    ui.separator();

    let Some((_, ledger)) = &state.ledger else {
        return;
    };
    let no_badges = Vec::new();
    let all_badges = state.badges.as_ref().map_or(&no_badges, |(_, _, b)| b);
    let rows: Vec<(&Entry, Option<&Badge>)> = ledger
        .iter()
        .enumerate()
        .map(|(i, e)| (e, all_badges.get(i).and_then(Option::as_ref)))
        .filter(|(e, b)| matches(state, e, *b))
        .collect();
    let body = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let height = (ui.available_height() * 0.6).max(body * 4.0);
    if ledger.is_empty() {
        ui.label("Nobody has signed anything yet. Open a message, objective, term, the scoring or a handoff and use “Sign off as…”.");
    } else if rows.is_empty() {
        ui.label("No sign-off matches.");
    } else {
        ui.push_id("ledger", |ui| {
            ledger_ui(ui, &rows, body, height, cx.commands);
        });
    }

    // History from git, read off the frame.
    ui.add_space(10.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Earlier sign-offs that no longer stand").strong());
        refresh = ui
            .small_button("Refresh")
            .on_hover_text("Read the file's git history again")
            .clicked();
    });
    if let Some((p, job)) = &state.job
        && let Some(answer) = job.poll()
    {
        let answer = answer.unwrap_or_else(|| Err("Reading the history failed.".to_owned()));
        state.history = Some((p.clone(), answer));
        state.job = None;
        state.past = None;
    }
    let stale = state.history.as_ref().is_none_or(|(p, _)| *p != path);
    let fetching = state.job.as_ref().is_some_and(|(p, _)| *p == path);
    if (stale || refresh) && !fetching {
        let p = path.clone();
        state.job = Some((path.clone(), Job::spawn(ui.ctx(), move || read_history(p))));
    }
    let versions = match &state.history {
        Some((p, v)) if *p == path => v,
        _ => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading the file's git history…");
            });
            return;
        }
    };
    let versions = match versions {
        Ok(v) => v,
        Err(why) => {
            ui.weak(why);
            return;
        }
    };
    if state.past.as_ref().is_none_or(|(r, _)| *r != cx.revision) {
        state.past = Some((cx.revision, crate::git::ledger::past(cx.plan, versions)));
    }
    let Some((_, past)) = &state.past else {
        return;
    };
    ui.weak(format!(
        "From the last {} that changed the file (at most {HISTORY_COMMITS}).",
        crate::model::human::count(versions.len(), "commit")
    ));
    if past.is_empty() {
        ui.label("None: every sign-off the history has is still in the plan.");
        return;
    }
    ui.push_id("past", |ui| {
        past_ui(ui, past, cx.plan, body);
    });
}

/// The provenance filter, or why there is none: the file's history is being read, or cannot be.
fn provenance_filter_ui(ui: &mut Ui, state: &mut SignoffsState, trail: &SignoffTrail) {
    match trail {
        SignoffTrail::Ready(_) => {
            ui.horizontal_wrapped(|ui| {
                ui.label("Recorded");
                ui.selectable_value(&mut state.provenance, None, "Any way");
                for kind in [
                    ProvenanceKind::Verified,
                    ProvenanceKind::RecordedBy,
                    ProvenanceKind::UnknownAuthor,
                    ProvenanceKind::NotCommitted,
                ] {
                    ui.selectable_value(&mut state.provenance, Some(kind), kind_label(kind));
                }
            });
        }
        SignoffTrail::Reading => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak("Reading who recorded each sign-off from the file's git history…");
            });
        }
        SignoffTrail::Unavailable(why) => {
            ui.weak(why.as_ref());
        }
        SignoffTrail::NoFile => {
            ui.weak("Save the plan in a git repository to see who recorded each sign-off.");
        }
    }
}

fn ledger_ui(
    ui: &mut Ui,
    rows: &[(&Entry, Option<&Badge>)],
    body: f32,
    height: f32,
    commands: &mut Vec<Command>,
) {
    // Widths from the text they hold, so the table fits at any text size; on a narrow screen
    // the columns beside the item's give up to half their width (their text is clipped, and
    // whole on hover).
    let w = |sample: &str| crate::app::widgets::text_width(ui, sample) + 12.0;
    let date = w("Wed 30 Sep");
    let item_least = w("Messages: Pays back in");
    let wanted = [
        w("Priya Natarajan (Marketing)"),
        w("✔ agreed (not pinned)"),
        w("⚠ recorded by Priya Natarajan"),
    ];
    let room = ui.available_width() - date - item_least;
    let scale = (room / wanted.iter().sum::<f32>()).clamp(0.5, 1.0);
    let [who, standing, recorded] = wanted.map(|x| x * scale);
    // Widths are worked out again when the room changes (a resized window, a panel shown or
    // hidden, the zoom of presentation mode settling).
    let salt = ("ledger", ui.available_width().round() as i32);
    // A click anywhere on a row opens its item, so the cells' text does not take clicks.
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt(salt)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .max_scroll_height(height)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(date))
        .column(Column::initial(who).at_least(date * 0.6).clip(true))
        .column(Column::remainder().at_least(date).clip(true))
        .column(Column::initial(standing).at_least(date * 0.6).clip(true))
        .column(Column::initial(recorded).at_least(date * 0.6).clip(true))
        .header(body, |mut h| {
            for title in ["Date", "Who", "Item", "Standing", "Recorded"] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body_ui| {
            body_ui.rows(body, rows.len(), |mut row| {
                let Some(&(e, badge)) = rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    ui.label(crate::app::widgets::human_date(ui.ctx(), e.on));
                });
                row.col(|ui| {
                    let who = format!("{} ({})", e.name, team_name(e.team));
                    match &e.entered_by {
                        Some(by) => ui
                            .label(format!("{who}, entered by {by}"))
                            .on_hover_text(format!("{by} recorded this agreement for {}", e.name)),
                        None => ui.label(&who).on_hover_text(&who),
                    };
                });
                row.col(|ui| {
                    let item = format!("{}: {}", e.section.title(), e.title);
                    ui.label(&item).on_hover_text(item);
                });
                row.col(|ui| {
                    let mark = if e.standing == Standing::Stale {
                        "⚠ "
                    } else {
                        "✔ "
                    };
                    ui.colored_label(
                        standing_color(e.standing),
                        format!("{mark}{}", e.standing.label()),
                    );
                });
                row.col(|ui| match badge {
                    Some(b) => {
                        badge_ui(ui, b);
                    }
                    None => {
                        ui.weak("–");
                    }
                });
                if row.response().clicked() {
                    commands.push(Command::Reveal(e.section, Some(e.index), Some("signoffs")));
                }
            });
        });
}

fn past_ui(ui: &mut Ui, past: &[Past], plan: &Plan, body: f32) {
    let w = |sample: &str| crate::app::widgets::text_width(ui, sample) + 12.0;
    let date = w("Wed 30 Sep");
    let who = w("Priya Natarajan");
    let item = w("Messages: Retrofit in one shift");
    let salt = ("past", ui.available_width().round() as i32);
    TableBuilder::new(ui)
        .id_salt(salt)
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(date))
        .column(Column::initial(who).at_least(date).clip(true))
        .column(Column::initial(item).at_least(date).clip(true))
        .column(Column::remainder().at_least(date).clip(true))
        .header(body, |mut h| {
            for title in ["Signed on", "Who", "Item", "What became of it"] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body_ui| {
            body_ui.rows(body, past.len(), |mut row| {
                let p = &past[row.index()];
                row.col(|ui| {
                    ui.label(crate::app::widgets::human_date(ui.ctx(), p.on));
                });
                row.col(|ui| {
                    let name = plan.person(&p.by).map_or(p.by.as_str(), |x| &x.name);
                    ui.label(name);
                });
                row.col(|ui| {
                    ui.label(format!("{}: {}", p.section.title(), p.title));
                });
                row.col(|ui| {
                    let item_exists = match p.section {
                        crate::model::Section::Scoring => plan.scoring.is_some(),
                        s => plan.ids(s).contains(&p.id.as_str()),
                    };
                    let how = if p.replaced {
                        "replaced by a newer sign-off"
                    } else if item_exists {
                        "withdrawn"
                    } else {
                        "gone with its item"
                    };
                    let when = match &p.until {
                        Some(c) => format!("{how} in {} ({}, {})", c.short, c.date, c.author),
                        None => format!("{how} since the last commit"),
                    };
                    ui.label(when).on_hover_text(format!(
                        "First seen in {} ({}): {}",
                        p.since.short, p.since.date, p.since.subject
                    ));
                });
            });
        });
}
