//! Frame benchmarks: the workbench drawn headlessly (egui without a window or GPU: the UI code
//! and tessellation, which is the CPU work of a frame) on every section and board, with generated
//! plans of 100 and 10,000 accounts; then what typing costs at 10,000 and 100,000 accounts: the
//! frame right after an edit, and how long until the gaps are current again (checks off the UI
//! thread; frames meanwhile drawn as eframe draws them, when asked for and at most 60 a second),
//! each against its target (`typing`); opening a plan of 10,000 and 100,000 accounts:
//! the time to the first frame, until the plan is shown and until the gaps are current, and the
//! frames meanwhile (`opening`); and
//! how many frames the window asks for in ten seconds left alone (`idle`); the palette at
//! 10,000 accounts: opening it, and the frame after each key typed in it; and the leads table
//! with 100 and 10,000 leads (`leads`).
//!
//! Run with `cargo bench --bench frames`, `cargo bench --bench frames -- 10000`, or name views
//! to draw only those: `cargo bench --bench frames -- 10000 accounts typing palette memory idle`;
//! `cargo bench --bench frames -- 100000 typing opening` measures typing and opening at 100,000
//! accounts alone.
//! The figures as measured are in `README.md` beside this file.

/// The allocator the `preshow` binary uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[allow(dead_code)] // shared with the core benchmark, which uses all of it
mod common;

use common::{Stats, ms, only, sizes, verdict, wanted};
use preshow::app::boards::Board;
use preshow::app::{Command, Settings, Workbench};
use preshow::model::Section;
use preshow::ops::generate;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

const WARM_UP: usize = 5;
const FRAMES: usize = 300;

/// Frames timed per view: `FRAMES`, or `PRESHOW_BENCH_FRAMES` (more, to profile one view).
fn frames() -> usize {
    std::env::var("PRESHOW_BENCH_FRAMES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(FRAMES)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Section(Section),
    Board(Board),
}

impl Place {
    fn all() -> Vec<Place> {
        let mut all: Vec<Place> = preshow::app::sections::SECTIONS
            .iter()
            .map(|s| Place::Section(*s))
            .collect();
        all.extend(Board::ALL.iter().map(|b| Place::Board(*b)));
        all
    }

    fn name(self) -> String {
        match self {
            Place::Section(s) => format!("section {}", s.key()),
            Place::Board(b) => format!("board {}", b.key()),
        }
    }

    fn command(self) -> Command {
        match self {
            Place::Section(s) => Command::GoTo(s),
            Place::Board(b) => Command::Show(b),
        }
    }
}

struct Screen {
    ctx: egui::Context,
    app: Workbench,
    time: f64,
    /// While typing: a text field drawn over the workbench that has the keyboard, as the field
    /// typed in has it in the window (the workbench makes the undo point, and views their
    /// lookups anew, when the keyboard leaves it).
    field: Option<String>,
}

impl Screen {
    fn open(path: &std::path::Path, settings: Settings) -> Screen {
        let ctx = egui::Context::default();
        let mut app = Workbench::open(&ctx, Some(path.to_owned()), settings);
        app.wait_opened();
        app.set_today(generate::today());
        Screen {
            ctx,
            app,
            time: 0.0,
            field: None,
        }
    }

    /// One frame: the UI code, then tessellation. Returns (ui, tessellation) times.
    fn frame(&mut self) -> (Duration, Duration) {
        self.frame_with(Vec::new())
    }

    /// One frame with these input events (keys, text typed).
    fn frame_with(&mut self, events: Vec<egui::Event>) -> (Duration, Duration) {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            events,
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1440.0, 900.0),
            )),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            ..Default::default()
        };
        let app = &mut self.app;
        let field = &mut self.field;
        let started = Instant::now();
        let output = self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx());
            app.ui(ui);
            if let Some(text) = field {
                egui::Area::new(egui::Id::unique("bench typing")).show(ui.ctx(), |ui| {
                    let edit = egui::TextEdit::singleline(text).id_salt("bench field");
                    let response = ui.add(edit.desired_width(40.0));
                    if !response.has_focus() {
                        response.request_focus();
                    }
                });
            }
        });
        let ui = started.elapsed();
        let started = Instant::now();
        let meshes = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let tessellate = started.elapsed();
        std::hint::black_box(meshes);
        (ui, tessellate)
    }

    fn show(&mut self, place: Place) {
        self.app.command(place.command());
        for _ in 0..WARM_UP {
            self.frame();
        }
    }

    fn time_frames(&mut self, count: usize) -> Stats {
        Stats::of(
            (0..count)
                .map(|_| {
                    let (ui, tess) = self.frame();
                    ui + tess
                })
                .collect(),
        )
    }

    /// An edit as typing makes it: one field changes, the edit is not finished yet.
    fn type_a_key(&mut self, k: usize) {
        let plan = &mut self.app.doc.plan;
        if let Some(a) = plan.accounts.get_mut(1) {
            a.notes = Some(format!("Typed {k}"));
        }
        // The account's editor says which item it changed, as the workbench's editors do.
        self.app.doc.edited_items(false, &[(Section::Accounts, 1)]);
    }
}

fn write_plan(accounts: usize, dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join(format!("plan-{accounts}.ron"));
    std::fs::write(
        &path,
        generate::generate_text(accounts, generate::DEFAULT_SEED),
    )
    .expect("write the plan");
    path
}

/// Set to a plan's path, the benchmark opens it in the workbench, draws every view, waits for the
/// gaps, prints its peak resident memory and exits: a process of its own, so nothing else counts.
const PEAK_ENV: &str = "PRESHOW_BENCH_PEAK";

/// The peak resident memory of this process (Linux: `VmHWM`), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

fn peak_child(path: &std::path::Path) {
    let settings = Settings {
        background_checks: true,
        ..Settings::ephemeral()
    };
    let mut screen = Screen::open(path, settings);
    for place in Place::all() {
        screen.show(place);
    }
    // An edit, as the workbench makes it: an undo step and a new check.
    screen.type_a_key(0);
    screen.app.doc.commit();
    let started = Instant::now();
    while screen.app.gaps().revision != screen.app.doc.revision
        && started.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(5));
        screen.frame();
    }
    println!("{}", peak_rss().unwrap_or(0));
}

/// Peak memory of the workbench holding a plan of each size, against 5 × the file + 100 MB.
fn memory(dir: &std::path::Path, sizes: &[usize]) {
    println!();
    println!("peak memory of the workbench (plan open, every view drawn, one edit checked)");
    let Ok(me) = std::env::current_exe() else {
        println!("  (cannot find this benchmark's executable)");
        return;
    };
    for &accounts in sizes {
        let path = write_plan(accounts, dir);
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let out = std::process::Command::new(&me)
            .env(PEAK_ENV, &path)
            .output()
            .ok()
            .filter(|o| o.status.success());
        let peak: Option<u64> =
            out.and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok());
        let Some(peak) = peak.filter(|p| *p > 0) else {
            println!("{accounts:>7} accounts  (could not measure)");
            continue;
        };
        let limit = 5 * bytes + 100 * 1024 * 1024;
        let mb = |b: u64| b as f64 / (1024.0 * 1024.0);
        println!(
            "{accounts:>7} accounts  file {:>7.1} MB  peak {:>7.1} MB  target {:>7.1} MB  {}",
            mb(bytes),
            mb(peak),
            mb(limit),
            verdict(peak <= limit)
        );
    }
}

fn main() {
    if let Some(path) = std::env::var_os(PEAK_ENV) {
        peak_child(std::path::Path::new(&path));
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut results: BTreeMap<usize, BTreeMap<Place, Stats>> = BTreeMap::new();
    let sizes = sizes(&[100, 10_000]);
    let only = only();
    println!(
        "preshow frame benchmarks: 1440×900, median / min of {} frames after {WARM_UP} warm-up frames, milliseconds",
        frames()
    );
    for &accounts in &sizes {
        let path = write_plan(accounts, dir.path());
        let mut screen = Screen::open(&path, Settings::ephemeral());
        let mut row = BTreeMap::new();
        for place in Place::all() {
            if !wanted(&place.name(), &only) {
                continue;
            }
            screen.show(place);
            let stats = screen.time_frames(frames());
            println!(
                "{accounts:>7} accounts  {:<24} {:>8} / {:>8}",
                place.name(),
                ms(stats.median),
                ms(stats.min)
            );
            row.insert(place, stats);
        }
        results.insert(accounts, row);
    }
    if let (Some(small), Some(big)) = (results.get(&100), results.get(&10_000)) {
        println!();
        println!(
            "{:<24} {:>10} {:>10} {:>7}  target: ≤ 1.5 × and < 8 ms",
            "view", "100", "10,000", "ratio"
        );
        for place in Place::all() {
            let (Some(a), Some(b)) = (small.get(&place), big.get(&place)) else {
                continue;
            };
            let ratio = b.median.as_secs_f64() / a.median.as_secs_f64().max(1e-9);
            let ok = ratio <= 1.5 && b.median < Duration::from_millis(8);
            println!(
                "{:<24} {:>10} {:>10} {:>7.2}  {}",
                place.name(),
                ms(a.median),
                ms(b.median),
                ratio,
                verdict(ok)
            );
        }
    }
    // Typing and opening at 10,000 and 100,000 accounts, or at the sizes of 10,000 and more
    // asked for (`cargo bench --bench frames -- 100000 typing`).
    let large: Vec<usize> = if sizes.contains(&10_000) {
        vec![10_000, 100_000]
    } else {
        sizes.iter().copied().filter(|&n| n >= 10_000).collect()
    };
    if wanted("typing", &only) {
        for &accounts in &large {
            typing(&write_plan(accounts, dir.path()), accounts);
        }
    }
    if wanted("opening", &only) {
        opening(dir.path(), &large);
    }
    if sizes.contains(&10_000) && wanted("palette", &only) {
        palette(&write_plan(10_000, dir.path()));
    }
    let mut peak_sizes = sizes.clone();
    if sizes.contains(&10_000) {
        peak_sizes.push(100_000);
    }
    if sizes.contains(&10_000) && wanted("leads", &only) {
        leads(dir.path());
    }
    if wanted("memory", &only) {
        memory(dir.path(), &peak_sizes);
    }
    if wanted("idle", &only) {
        idle(dir.path());
    }
}

/// When the next frame is due, as eframe keeps it: the earliest repaint asked for, from a frame
/// or from another thread.
#[derive(Default)]
struct Due {
    at: std::sync::Mutex<Option<Instant>>,
    wake: std::sync::Condvar,
    requests: std::sync::atomic::AtomicUsize,
}

impl Due {
    fn ask(&self, delay: Duration) {
        self.requests
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let at = Instant::now() + delay;
        if let Ok(mut due) = self.at.lock() {
            *due = Some(due.map_or(at, |d| d.min(at)));
        }
        self.wake.notify_all();
    }

    /// Waits until a frame is due or `until`; returns whether one is due.
    fn wait(&self, until: Instant) -> bool {
        let Ok(mut due) = self.at.lock() else {
            return false;
        };
        loop {
            let now = Instant::now();
            if due.is_some_and(|d| d <= now) {
                *due = None;
                return true;
            }
            if now >= until {
                return false;
            }
            let next = due.map_or(until, |d| d.min(until));
            match self.wake.wait_timeout(due, next - now) {
                Ok((d, _)) => due = d,
                Err(_) => return false,
            }
        }
    }
}

/// The workbench left alone for ten seconds of real time, run as eframe runs it: a frame only
/// when a repaint is due. Counts the repaints asked for and the frames drawn once the first frames
/// have settled (the plan read, its first check shown); both should be zero.
fn idle(dir: &std::path::Path) {
    println!();
    println!(
        "idle: the example plan open, no input for 10 s (real time, frames only when asked for)"
    );
    let path = dir.join("idle.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write the plan");
    let settings = Settings {
        background_checks: true,
        watch_in_background: true,
        recovery_dir: Some(dir.join("recovery")),
        ..Settings::ephemeral()
    };
    let ctx = egui::Context::default();
    let due = std::sync::Arc::new(Due::default());
    let asked = due.clone();
    ctx.set_request_repaint_callback(move |info| asked.ask(info.delay));
    let mut app = Workbench::open(&ctx, Some(path), settings);
    app.wait_opened();
    let started = Instant::now();
    let frame = |app: &mut Workbench| {
        let begun = Instant::now();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1440.0, 900.0),
            )),
            time: Some(started.elapsed().as_secs_f64()),
            predicted_dt: 1.0 / 60.0,
            ..Default::default()
        };
        let output = ctx.run_ui(input, |ui| {
            app.logic(ui.ctx());
            app.ui(ui);
        });
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
        // A window shows at most 60 frames a second (vsync).
        std::thread::sleep(Duration::from_secs_f64(1.0 / 60.0).saturating_sub(begun.elapsed()));
        ctx.repaint_causes()
    };
    // Settling: the first frame, and those asked for until the first check is shown.
    frame(&mut app);
    let mut settling = 1;
    while settling < 100
        && (app.gaps().revision != app.doc.revision
            || due.wait(Instant::now() + Duration::from_millis(50)))
    {
        frame(&mut app);
        settling += 1;
    }
    due.requests.store(0, std::sync::atomic::Ordering::Relaxed);
    let end = Instant::now() + Duration::from_secs(10);
    let mut frames = 0;
    let mut causes = std::collections::BTreeSet::new();
    while due.wait(end) {
        causes.extend(frame(&mut app).iter().map(|c| c.to_string()));
        frames += 1;
    }
    let requests = due.requests.load(std::sync::atomic::Ordering::Relaxed);
    println!(
        "  settled after {settling} frames; then in 10 s: {requests} repaints asked for, {frames} frames drawn  (target 0: {})",
        verdict(requests == 0 && frames == 0)
    );
    for cause in causes {
        println!("    asked for by {cause}");
    }
}

/// The frame after a key: under 8 ms at 10,000 accounts, under 16 ms (a frame at 60 Hz) at
/// 100,000.
fn frame_target(accounts: usize) -> Duration {
    Duration::from_millis(if accounts > 10_000 { 16 } else { 8 })
}

/// Typing at `accounts` accounts with checks off the UI thread, as the workbench runs them: the
/// frame after each key, and the time from the key until the gaps are for the plan as typed.
fn typing(path: &std::path::Path, accounts: usize) {
    println!();
    println!(
        "typing at {} accounts (checks on a worker thread, as in the workbench)",
        preshow::model::human::number(accounts as f64, 0)
    );
    let settings = Settings {
        background_checks: true,
        ..Settings::ephemeral()
    };
    let mut screen = Screen::open(path, settings);
    // Frames come as eframe gives them: when one is asked for (the checker asks when its answer
    // is in, an animation asks for the next), at most 60 a second.
    let due = std::sync::Arc::new(Due::default());
    let asked = due.clone();
    screen
        .ctx
        .set_request_repaint_callback(move |info| asked.ask(info.delay));
    let target = frame_target(accounts);
    for place in [
        Place::Section(Section::Accounts),
        Place::Board(Board::Schedule),
        Place::Board(Board::Readiness),
    ] {
        screen.show(place);
        // The keyboard goes into a text field; the frames that takes settle before the keys.
        screen.field = Some(String::new());
        for _ in 0..3 {
            screen.frame();
        }
        let mut frames = Vec::new();
        let mut current = Vec::new();
        for k in 0..15 {
            screen.type_a_key(k);
            let typed = Instant::now();
            let (ui, tess) = screen.frame();
            frames.push(ui + tess);
            // Draw the frames the window would until the gaps catch up: each when asked for,
            // and not sooner than a 60 Hz screen shows one after the last.
            let mut last = typed;
            while screen.app.gaps().revision != screen.app.doc.revision {
                if typed.elapsed() > Duration::from_secs(5) {
                    break;
                }
                if !due.wait(Instant::now() + Duration::from_millis(50)) {
                    continue;
                }
                let vsync = Duration::from_secs_f64(1.0 / 60.0);
                std::thread::sleep(vsync.saturating_sub(last.elapsed()));
                last = Instant::now();
                screen.frame();
            }
            current.push(typed.elapsed());
        }
        // The keyboard leaves the field: the edit is finished, its undo point made, and what
        // views work out from the whole plan made anew.
        // egui takes the keyboard from a field at the end of the first frame without it, the
        // undo point is made at the end of the next, and views see it in the one after.
        screen.field = None;
        let finished = (0..4)
            .map(|_| {
                let (ui, tess) = screen.frame();
                ui + tess
            })
            .max()
            .unwrap_or_default();
        let frames = Stats::of(frames);
        let current = Stats::of(current);
        println!(
            "{accounts:>7} accounts  {:<24} frame after a key {:>8} / {:>8}  (< {} ms: {})   gaps current after {:>8} / {:>8}  (≤ 100 ms: {})",
            place.name(),
            ms(frames.median),
            ms(frames.min),
            target.as_millis(),
            verdict(frames.median < target),
            ms(current.median),
            ms(current.min),
            verdict(current.median <= Duration::from_millis(100)),
        );
        println!(
            "{accounts:>7} accounts  {:<24} the frames that finish the edit (the slower) {:>8}",
            place.name(),
            ms(finished),
        );
    }
}

/// Opening a plan as the window does (the workbench made, today set, the first frame drawn),
/// with the file read and checked on worker threads: the time until the first frame is drawn
/// (the window with the file's name and a spinner), until the plan is shown (read, parsed and
/// in the window), and until the gaps shown are the plan's. Also the slowest frame while it was
/// read: the window must stay responsive.
fn opening(dir: &std::path::Path, sizes: &[usize]) {
    println!();
    println!(
        "opening a plan: the first frame, the plan shown, the gaps current (reading and checks on worker threads)"
    );
    for &accounts in sizes {
        let path = write_plan(accounts, dir);
        let mut firsts = Vec::new();
        let mut shown = Vec::new();
        let mut currents = Vec::new();
        let mut slowest = Vec::new();
        let mut taking = Vec::new();
        for _ in 0..5 {
            // As the window: the file watched from a thread (looked at on every frame, the first
            // look would wait for the file's digest).
            let settings = Settings {
                background_checks: true,
                watch_in_background: true,
                ..Settings::ephemeral()
            };
            let ctx = egui::Context::default();
            let started = Instant::now();
            let start = preshow::app::Start {
                file: Some(path.clone()),
                today: Some(generate::today()),
                ..Default::default()
            };
            let app = preshow::app::start(&ctx, start, settings);
            let mut screen = Screen {
                ctx,
                app,
                time: 0.0,
                field: None,
            };
            let (ui, tess) = screen.frame();
            let mut worst = ui + tess;
            firsts.push(started.elapsed());
            // Frames as the window draws them while the spinner turns: one each 60th of a second.
            while screen.app.opening().is_some() && started.elapsed() < Duration::from_secs(30) {
                std::thread::sleep(Duration::from_millis(16));
                let (ui, tess) = screen.frame();
                if screen.app.opening().is_some() {
                    worst = worst.max(ui + tess);
                } else {
                    taking.push(ui + tess);
                }
            }
            shown.push(started.elapsed());
            slowest.push(worst);
            while screen.app.gaps().revision != screen.app.doc.revision
                && started.elapsed() < Duration::from_secs(30)
            {
                std::thread::sleep(Duration::from_millis(1));
                screen.frame();
            }
            currents.push(started.elapsed());
        }
        let first = Stats::of(firsts);
        let shown = Stats::of(shown);
        let current = Stats::of(currents);
        let slowest = Stats::of(slowest);
        let taking = Stats::of(taking);
        println!(
            "{accounts:>7} accounts  first frame {:>8} / {:>8} (< 100 ms: {})   plan shown {:>8} / {:>8}   gaps current {:>8} / {:>8}",
            ms(first.median),
            ms(first.min),
            verdict(first.median < Duration::from_millis(100)),
            ms(shown.median),
            ms(shown.min),
            ms(current.median),
            ms(current.min),
        );
        println!(
            "{:>16}  slowest frame while reading {:>8}   the frame that takes the plan in {:>8} / {:>8}",
            "",
            ms(slowest.median),
            ms(taking.median),
            ms(taking.min),
        );
    }
}

/// The palette at 10,000 accounts (about 40,000 items and every gap to go to): the frame that
/// opens it (and builds what it searches), then the frame after each key typed.
fn palette(path: &std::path::Path) {
    println!();
    println!("the palette at 10,000 accounts: Ctrl+K, then typing");
    let mut screen = Screen::open(path, Settings::ephemeral());
    screen.show(Place::Section(Section::Accounts));
    let mut opens = Vec::new();
    let mut keys = Vec::new();
    let mut first_keys = Vec::new();
    for _ in 0..5 {
        // A plan revision of its own each time, so every opening builds the index again.
        screen.type_a_key(0);
        screen.app.doc.commit();
        screen.app.check_now();
        screen.frame();
        screen.app.command(Command::Palette);
        screen.frame();
        let (ui, tess) = screen.frame();
        opens.push(ui + tess);
        for (i, text) in ["h", "e", "l", "i", "x", " ", "b", "i", "o"]
            .iter()
            .enumerate()
        {
            let (ui, tess) = screen.frame_with(vec![egui::Event::Text((*text).to_owned())]);
            if i == 0 {
                first_keys.push(ui + tess);
            } else {
                keys.push(ui + tess);
            }
        }
        screen.frame_with(vec![egui::Event::Key {
            key: egui::Key::Escape,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }]);
        screen.frame();
    }
    for (what, times, target_ms) in [
        ("open (index built)", opens, 50),
        ("first key (all items)", first_keys, 8),
        ("each later key", keys, 8),
    ] {
        let stats = Stats::of(times);
        println!(
            "{what:<24} {:>8} / {:>8}  (< {target_ms} ms: {})",
            ms(stats.median),
            ms(stats.min),
            verdict(stats.median < Duration::from_millis(target_ms))
        );
    }
}

/// The plan of `accounts` accounts with `count` leads, each captured at the show and moved
/// along the plan's handoffs for a few stages (some on time, some late, some stuck).
fn write_plan_with_leads(
    accounts: usize,
    count: usize,
    dir: &std::path::Path,
) -> std::path::PathBuf {
    let mut plan = generate::generate(accounts, generate::DEFAULT_SEED);
    plan.format = 2;
    let entry = plan
        .stages
        .iter()
        .find(|s| s.entry)
        .or_else(|| plan.stages.first())
        .map(|s| s.id.clone())
        .unwrap_or_default();
    let start = plan.event.starts.at(9, 0);
    for i in 0..count {
        let captured = start.plus_minutes((i % 3 * 24 * 60 + i % 480) as i64);
        let mut reached = vec![preshow::model::Reached {
            stage: entry.clone(),
            at: captured,
        }];
        let mut at = captured;
        for step in 0..(i % 4) {
            let Some(last) = reached.last() else { break };
            let out: Vec<&preshow::model::Handoff> = plan
                .handoffs
                .iter()
                .filter(|h| h.from == last.stage)
                .collect();
            let Some(h) = out.get((i + step) % out.len().max(1)) else {
                break;
            };
            at = at.plus_minutes(((i * 37 + step * 11) % (96 * 60)) as i64);
            reached.push(preshow::model::Reached {
                stage: h.to.clone(),
                at,
            });
        }
        let account = plan.accounts.get(i % plan.accounts.len().max(1));
        plan.leads.push(preshow::model::Lead {
            id: format!("lead-{i}"),
            name: format!("Lead {i}"),
            company: account.map(|a| a.name.clone()),
            account: account.filter(|_| i % 3 != 0).map(|a| a.id.clone()),
            crm_id: None,
            owner: plan
                .people
                .get(i % plan.people.len().max(1))
                .map(|p| p.id.clone()),
            captured,
            pipeline: (i % 2 == 0).then_some((i % 50) as f64 * 1000.0),
            reached,
        });
    }
    let path = dir.join(format!("plan-{accounts}-{count}-leads.ron"));
    std::fs::write(&path, preshow::format::to_string(&plan)).expect("write the plan");
    path
}

/// The leads table and editor with 100 and with 10,000 leads (in a 10,000-account plan): the
/// table draws only the rows in view, so the frame should not grow with the leads.
fn leads(dir: &std::path::Path) {
    println!();
    println!("the leads section at 10,000 accounts: 100 and 10,000 leads, the first lead open");
    let mut medians = Vec::new();
    for count in [100, 10_000] {
        let path = write_plan_with_leads(10_000, count, dir);
        let mut screen = Screen::open(&path, Settings::ephemeral());
        screen.show(Place::Section(Section::Leads));
        let stats = screen.time_frames(frames());
        println!(
            "{count:>7} leads  section leads            {:>8} / {:>8}",
            ms(stats.median),
            ms(stats.min)
        );
        medians.push(stats.median);
    }
    if let [small, big] = medians[..] {
        let ratio = big.as_secs_f64() / small.as_secs_f64().max(1e-9);
        println!(
            "  10,000 / 100 leads: {ratio:.2}  (≤ 1.5 × and < 8 ms: {})",
            verdict(ratio <= 1.5 && big < Duration::from_millis(8))
        );
    }
}
