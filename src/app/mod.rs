//! The workbench: a window onto one plan, every section editable, its gaps shown live.
//!
//! The [`Workbench`] is here, its state grouped by concern in `state.rs`. The frame is composed
//! in `frame.rs`, with the menus, bars, navigation, palette, gaps panel and walk-through of
//! `chrome/`; every action runs as a [`Command`] once at the end of the frame (`actions.rs`,
//! `open_save.rs`). The list editors are in `sections/`, the boards in `boards/`, the dialogs in
//! `dialogs/` and the widgets they share in `widgets/`, one file each. A plan that cannot be
//! opened shows `open_problem.rs` instead; the plan's file is watched from a thread
//! (`watch.rs`, compared in `safety.rs`) and opened in the system's editor by `editor.rs`.
//! Files dropped on the window are opened or imported by `drop.rs`; the window's size and place
//! are kept between runs as `window.rs` sets up. Every plan is read and parsed off the window's
//! thread by `opening.rs`, which shows the file being opened meanwhile.

mod actions;
pub mod boards;
mod checker;
mod chrome;
pub mod commands;
mod derived;
mod dialogs;
mod document;
mod drop;
mod editor;
mod file_jobs;
mod files;
mod frame;
pub mod identity;
mod job;
mod open_problem;
mod open_save;
pub mod opening;
mod outcomes;
mod place;
pub mod presenting;
mod provenance;
pub mod recovery;
mod safety;
pub mod sections;
mod state;
pub mod theme;
mod watch;
pub mod widgets;
mod window;

pub use checker::Gaps;
pub use commands::{Command, Signer};
pub use document::Document;
pub use files::Settings;
pub use open_problem::{OpenProblem, Problem};
pub use place::Place;
pub use state::Panels;
pub use window::native_options;

use crate::model::{Date, Section};
use boards::Board;
use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the workbench on `file`, or on the most recent plan, or on the bundled example.
pub fn run(
    file: Option<PathBuf>,
    show: Option<String>,
    present: bool,
    walk: bool,
    today: Option<Date>,
) -> ExitCode {
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
    let settings = Settings::user();
    let options = native_options(present, &settings);
    let result = eframe::run_native(
        "Preshow",
        options,
        Box::new(move |cc| {
            let start = Start {
                file,
                place,
                present,
                walk,
                today,
            };
            let app = self::start(&cc.egui_ctx, start, settings);
            recovery::install_panic_hook(app.recovery.snapshot.clone());
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("preshow: could not open a window: {e}");
            eprintln!(
                "The window needs a desktop session (DISPLAY or WAYLAND_DISPLAY) and a graphics \
                 driver for OpenGL or Vulkan (on Debian and Ubuntu: the libgl1-mesa-dri package). \
                 The command line works without them: preshow --help"
            );
            ExitCode::from(2)
        }
    }
}

/// What the window was asked to start with: `preshow [FILE] [--show VIEW] [--present] [--walk]
/// [--today DATE]`.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// The plan to open; `None`: the most recent plan still on disk, or the bundled example.
    pub file: Option<PathBuf>,
    /// The view to show first.
    pub place: Option<Place>,
    /// Presentation mode.
    pub present: bool,
    /// Start the gap walk-through.
    pub walk: bool,
    /// The date taken as today.
    pub today: Option<Date>,
}

/// The workbench as the window starts it, on what `start` asks for. A file that cannot be
/// opened shows the screen that says why, with no plan open in its place.
pub fn start(ctx: &egui::Context, start: Start, settings: Settings) -> Workbench {
    let mut app = Workbench::open_as_of(ctx, start.file, settings, start.today);
    if let Some(place) = start.place {
        app.go(place);
    }
    if start.present {
        app.set_presenting(ctx, true);
    }
    if let Some(today) = start.today {
        app.command(Command::SetToday(Some(today)));
    }
    if start.walk {
        app.once_open(Command::NextGap);
    }
    app
}

/// A message in the status bar, and how long it stays true.
#[derive(Debug, Clone)]
pub struct Status {
    /// The text.
    pub text: String,
    /// Whether it reports a problem.
    pub problem: bool,
    /// When it goes.
    pub lasts: Lasts,
    /// The plan's revision when it was said: an edit ends messages about the plan as it was.
    revision: u64,
    /// When it was first drawn (egui time, seconds), for a brief message.
    shown_at: Option<f64>,
}

/// How long a status message stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lasts {
    /// A few seconds, or until the plan is edited: "Undone", "Added".
    Brief,
    /// Until the plan is edited: "Saved", "Opened".
    UntilEdit,
    /// While the plan's file is gone or cannot be read; it goes when the file is back.
    WhileFileTrouble,
    /// Until another message takes its place: problems.
    UntilReplaced,
}

/// Seconds a brief status message stays.
pub const BRIEF_STATUS_SECS: f64 = 6.0;

/// The whole workbench state. What tests and the frame read directly is public here; the rest
/// is grouped by concern in `state.rs`.
pub struct Workbench {
    /// The open plan.
    pub doc: Document,
    /// The section on screen (when no board is).
    pub section: Section,
    /// The board on screen, if any.
    pub board: Option<Board>,
    /// The gap walk-through, while one runs.
    pub walk: Option<chrome::walk::Walk>,
    /// The open dialog, if any.
    pub dialog: Option<dialogs::Dialog>,
    /// The last status message, while it is true.
    pub status: Option<Status>,
    /// Why the plan asked for could not be opened, shown instead of a plan.
    pub open_problem: Option<OpenProblem>,
    /// Presentation mode: full screen, large type, high contrast, editing chrome hidden.
    pub presenting: bool,
    /// Today, for sign-offs and overdue tasks (tests pin it).
    today: Date,
    /// Whether the user set today to a date other than the system's (View ▸ Set today…, or
    /// `--today`); the status bar says so.
    today_set: bool,
    /// The plan's gaps, and what the views work out from it.
    checks: state::Checks,
    /// What the views keep between frames: lists, boards, the gaps panel, the palette.
    views: state::ViewState,
    /// The commands the frame asked for, and what its undo points go by.
    frame: state::FrameState,
    /// The window's themes and title, and whether it may close.
    window: state::WindowState,
    /// File dialogs and recent plans.
    files: files::Files,
    /// Recovery copies of unsaved edits.
    recovery: state::RecoveryState,
    /// The watch on the plan's file for changes made by someone else.
    disk: state::DiskWatch,
    /// Who is at the keyboard: the person sign-offs are entered by.
    identity: identity::Identity,
    /// The plan being read, while one is (off the window's thread).
    opening: Option<opening::Opening>,
}

impl Workbench {
    /// The workbench on `file`; with none, on the most recent plan still on disk, or else the
    /// bundled example (with a banner that says so). A file that fails to load is not replaced
    /// by the example: the screen that says why is shown, with an empty plan behind it.
    pub fn open(ctx: &egui::Context, file: Option<PathBuf>, settings: Settings) -> Self {
        Workbench::open_as_of(ctx, file, settings, None)
    }

    /// The workbench on `file` (as [`Workbench::open`]) with `today` taken as today, if given.
    /// When checks run off the window's thread, the file is read off it too: the first frame
    /// shows the file being opened, and the plan is in once it has parsed (see
    /// [`Workbench::wait_opened`]); its first check then starts at once, off the window's
    /// thread, while the plan is shown. Else the plan is in when this returns.
    pub fn open_as_of(
        ctx: &egui::Context,
        file: Option<PathBuf>,
        settings: Settings,
        today: Option<Date>,
    ) -> Self {
        let repaint_ctx = ctx.clone();
        let background = settings.background_checks;
        let recovery_dir = settings.recovery_dir.clone();
        let identity =
            identity::Identity::load(settings.identity_file.clone(), settings.git_identity);
        let watch = if settings.watch_in_background {
            let ctx = ctx.clone();
            watch::FileWatch::spawn(watch::EVERY, move || ctx.request_repaint())
        } else {
            None
        };
        let empty = crate::model::Plan::empty("New show", Date::today(), Date::today());
        let mut app = Workbench {
            doc: Document::new(empty, None, true),
            section: Section::Accounts,
            board: None,
            walk: None,
            dialog: None,
            status: None,
            open_problem: None,
            presenting: false,
            today: today.unwrap_or_else(Date::today),
            today_set: false,
            checks: state::Checks {
                checker: checker::Checker::new(move || repaint_ctx.request_repaint(), background),
                derived: derived::Derived::default(),
                trail: provenance::TrailReader::default(),
            },
            views: state::ViewState::default(),
            frame: state::FrameState::default(),
            window: state::WindowState {
                repaint: ctx.clone(),
                ..Default::default()
            },
            files: files::Files::new(settings),
            recovery: state::RecoveryState {
                dir: recovery_dir,
                ..Default::default()
            },
            identity,
            disk: state::DiskWatch {
                watch,
                ..Default::default()
            },
            opening: None,
        };
        // No file asked for: the plan worked on last, if it is still there.
        let file = file.or_else(|| app.files.recent().into_iter().find(|p| p.is_file()));
        match file {
            Some(path) => app.start_opening(path, opening::Why::Start),
            None => {
                if let Ok(l) = crate::format::parse(crate::EXAMPLE_PLAN) {
                    app.doc = Document::new(l.plan, None, true);
                    app.views.example = true;
                }
                app.offer_recovery();
            }
        }
        // Zoom is a command like any other (menus and presentation bar show it).
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        app.apply_theme(ctx);
        app.checks.checker.request(&mut app.doc, app.today);
        app
    }

    /// Shows a section or a board.
    pub fn go(&mut self, place: Place) {
        match place {
            Place::Section(s) => {
                self.board = None;
                self.section = sections::view_of(s);
                self.list_state(self.section).scroll_to_selected = true;
            }
            Place::Board(b) => self.board = Some(b),
        }
    }

    /// The date taken as today.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Uses `today` for sign-offs and overdue tasks (tests pin it), and checks the plan as of
    /// it (on the checker's thread when there is one).
    pub fn set_today(&mut self, today: Date) {
        self.today = today;
        self.checks.checker.request(&mut self.doc, today);
    }

    /// The person at the keyboard, whom sign-offs are entered by, when known.
    pub fn you(&self) -> Option<&crate::model::Person> {
        self.identity.you(&self.doc.plan)
    }

    /// The findings currently shown.
    pub fn gaps(&self) -> &Gaps {
        &self.checks.checker.gaps
    }

    /// Queues a command, as a menu item would.
    pub fn command(&mut self, command: Command) {
        self.frame.pending.push(command);
    }

    /// Checks the plan now, on this thread (tests use it to avoid waiting for the worker).
    pub fn check_now(&mut self) {
        self.checks.checker.check_now(&mut self.doc, self.today);
    }

    /// The list state of a section.
    pub fn list_state(&mut self, section: Section) -> &mut sections::list::ListState {
        self.views.lists.entry(section).or_default()
    }

    /// The selected item of a section.
    pub fn selected(&self, section: Section) -> Option<usize> {
        self.views.lists.get(&section).and_then(|l| l.selected)
    }

    /// Turns presentation mode on or off.
    pub fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        if on == self.presenting {
            return;
        }
        self.presenting = on;
        if on {
            self.window.zoom.start(ctx);
        } else {
            self.window.zoom.stop(ctx);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.apply_theme(ctx);
    }

    /// Which side panels show, in the current mode.
    pub fn panels(&self) -> state::Panels {
        if self.presenting {
            self.views.present_panels
        } else {
            self.views.panels
        }
    }

    fn panels_mut(&mut self) -> &mut state::Panels {
        if self.presenting {
            &mut self.views.present_panels
        } else {
            &mut self.views.panels
        }
    }

    /// The theme in use.
    pub fn current_theme(&self) -> theme::Theme {
        if self.presenting {
            self.window.present_theme
        } else {
            self.window.theme
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        theme::apply(ctx, self.current_theme(), self.presenting);
    }

    /// Non-drawing work of a frame: results of checks and file dialogs.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if self.presenting {
            self.window.zoom.apply(ctx);
        }
        self.checks.checker.poll();
        self.finish_opening();
        self.doc.take_digest(false);
        self.finish_file_jobs();
        if self.checks.trail.logic(ctx, self.doc.path.as_deref()) {
            self.checks.derived.trail = self.checks.trail.trail.clone();
        }
        if self.checks.checker.is_current(self.doc.revision)
            && let Some(walk) = &mut self.walk
            && let Some(step) = walk.after_check(&self.checks.checker.gaps)
        {
            self.show_step(ctx, step);
        }
        if let Some(chosen) = self.files.poll() {
            self.chosen(ctx, chosen);
        }
        self.take_dropped_files(ctx);
        self.keep_recovery(ctx);
        // The file being read again, or another plan taking this one's place: nothing to compare.
        if self.opening.is_none() {
            self.watch_disk();
        }
        self.expire_status(ctx);
        if ctx.input(|i| i.viewport().close_requested()) && !self.window.allow_close {
            self.doc.commit();
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialog = Some(dialogs::Dialog::unsaved(Command::Quit));
            }
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.window.title
    }
}

impl eframe::App for Workbench {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        Workbench::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        Workbench::ui(self, ui);
    }

    /// Only the window's size and place are kept between runs (and the recent plans, in their
    /// own file): zoom, scrolling and the state of every widget start fresh.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    /// Called by eframe after it noted the window's size and place: a window closed while
    /// presenting is kept as the normal window it was before.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.presenting {
            window::keep_unpresented(storage);
        }
    }
}
