//! Preshow: the pre-show planning workbench.
//!
//! Sales and marketing plan a trade show in one RON file; Preshow edits it in a window
//! ([`app`]), checks it for gaps as you type ([`check`]), and is a command-line tool for CI and
//! git ([`cli`]). This page is the map for the next engineer.
//!
//! # Layers
//!
//! Bottom to top; each layer uses only those below it, and no file imports another that
//! imports it back.
//!
//! | Layer | What it holds |
//! |---|---|
//! | [`model`] | The plan as plain data: items, dates, ids, sign-off fingerprints. No I/O. |
//! | [`analysis`] | Facts about a plan, each computed in one place: agreement and the provenance of sign-offs, coverage, bookings and load, the lead-flow graph and its layout, the reference schema, the views' [`analysis::lookup::Lookup`]. |
//! | [`format`](mod@format) | The file: reading with positions for every error, migrating older formats, writing the canonical form, and [`format::write_file`], the one way any file is written (through links, never over a folder, pipe or device, never half). |
//! | [`check`] | The gap checks: one file per rule in `check/rules/`, structured findings, rendering as text, JSON and annotations. |
//! | [`readiness`] | The readiness score and who owes what, from a plan and its findings. |
//! | [`ops`] | Operations on a plan: edits that follow references, patches for undo and the checker, diff for people, merge for git, generated plans. |
//! | [`interchange`] | CRM CSV in, calendars, CSV and briefs out. |
//! | [`git`] | The git command-line wrapper, the sign-off ledger read from history, and who recorded each sign-off (provenance). |
//! | [`cli`] | One file per subcommand. |
//! | [`app`] | The workbench: the only module that uses egui, eframe and rfd. |
//!
//! Everything but `app` is the core. The compiler holds that line: the `gui` cargo feature
//! (on by default) brings in `app` and the GUI crates, and `cargo build --no-default-features`
//! builds the command line with none of them (CI checks `cargo tree` for it).
//!
//! Inside [`app`]: `chrome/` (menus, navigation, palette, status, gaps panel, walk-through),
//! `dialogs/` (one file per dialog), `widgets/` (one file per kind), `sections/` (the list
//! editors, on the shared table-and-editor of `sections/list/`) and `boards/` (readiness,
//! changes, sign-offs, and a folder each for the schedule, the lead flow and the message map).
//!
//! # The path of an edit
//!
//! 1. A keystroke reaches a widget in a section's editor (`app/sections/*.rs`), which changes
//!    the plan in place and notes it in [`app::widgets::Edits`]. Anything more than a plain
//!    field edit (rename, sign off, delete, duplicate, import) is not done in place: the widget
//!    pushes an [`app::Command`] on the frame's queue.
//! 2. At the end of the frame (`app/frame.rs`) the queued commands run (`app/actions.rs`), and
//!    the document (`app/document.rs`) takes note of the edit. The undo point is made once the
//!    user stops typing or dragging, as an [`ops::patch::Patch`] of the items that changed.
//! 3. The checker (`app/checker.rs`) sends the patch to its worker thread, which keeps its own
//!    copy of the plan, applies the patch, runs [`check::check`] and works out the readiness
//!    figures. Typing never waits for a check.
//! 4. When the result comes back (newest revision wins), the gaps panel, the navigation's
//!    counts and the boards show it on the next frame.
//!
//! # How to add…
//!
//! - **A rule:** a file in `src/check/rules/` with `rule!` (its doc comment is what `preshow
//!   explain` prints: What it finds / Why it matters / Example), its severity, the field that
//!   fixes it, who owns the fix and a short tag; a line in the `catalogue!` of
//!   `check/rules/mod.rs`, which also makes its [`check::RuleId`]; fixtures in
//!   `tests/fixtures/rules/<name>/`; and the rule in `../shared/spec/rules.md`. A rule that
//!   reads git history (`history: true`, as `signoff-unverified`) runs only when
//!   [`check::check_verified`] is asked for, and its fixture folder has a `history.txt`. If a board needs
//!   a fact the rule decides, put the fact in [`analysis`] and have both call it.
//! - **A section or a board:** a file in `app/sections/` implementing `ListSection` (and a line
//!   in `with_list!`; each column says how much it matters and how wide it wants to be in
//!   characters or by its widest value, never in points), or a folder in `app/boards/` with its state in `boards::Boards` and its
//!   entry in `boards::board_ui` and [`app::boards::Board`]. Draw only what is visible.
//! - **A command:** a variant of [`app::Command`] with its label and shortcuts in
//!   `app/commands.rs`, run in `app/actions.rs`. Menus, the palette and shortcuts all read it.
//! - **A format version:** raise `model::CURRENT_FORMAT`, add a [`format::Step`] from the old
//!   version in `format/migrate.rs` (it rewrites the parsed tree, so old files keep loading),
//!   and teach the fast reader (`format/fast/`) and the writer the new fields.
//!
//! Tests live in `tests/` (one binary, `tests/suite.rs`); benchmarks and what they measured in
//! `tests/benches/`; the fuzz target in `tests/fuzz/`.

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod check;
pub mod cli;
pub mod format;
pub mod git;
pub mod interchange;
pub mod model;
pub mod ops;
pub mod readiness;

/// The example plan, bundled so the workbench opens on it with no file given.
pub const EXAMPLE_PLAN: &str = include_str!("../plans/example.ron");

/// The starter plan `preshow new` writes.
pub const TEMPLATE_PLAN: &str = include_str!("../plans/template.ron");
