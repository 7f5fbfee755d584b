//! Every integration test in one binary: one link of the workbench instead of twenty keeps
//! `cargo test` quick and its build small on a two-core machine. Each module is one area
//! (`app`, `cli`, `rules`, ...); filter with `cargo test --test suite app::`.

#[cfg(feature = "gui")]
mod agreements;
#[cfg(feature = "gui")]
mod app;
mod atomic_save;
#[cfg(feature = "gui")]
mod boards;
mod calendar;
mod cli;
mod cli_conventions;
#[cfg(feature = "gui")]
mod columns;
mod crm_files;
#[cfg(feature = "gui")]
mod dialogs;
mod format;
mod fuzz_regressions;
#[cfg(feature = "gui")]
mod gaps_panel;
mod generate;
mod git;
mod hostile_reads;
#[cfg(feature = "gui")]
mod idle;
#[cfg(feature = "gui")]
mod import_app;
mod import_export;
#[cfg(feature = "gui")]
mod input;
#[cfg(feature = "gui")]
mod keyboard_walk;
#[cfg(feature = "gui")]
mod lead_flow;
mod lead_import;
#[cfg(feature = "gui")]
mod lists;
#[cfg(feature = "gui")]
mod open_problem;
#[cfg(all(feature = "gui", unix))]
mod opening;
mod outcome_exports;
#[cfg(feature = "gui")]
mod outcomes;
#[cfg(feature = "gui")]
mod palette;
mod properties;
mod provenance;
mod results;
#[cfg(feature = "gui")]
mod results_board;
#[cfg(feature = "gui")]
mod review;
mod rules;
#[cfg(feature = "gui")]
mod safety;
#[cfg(feature = "gui")]
mod schedule;
#[cfg(feature = "gui")]
mod status;
#[cfg(feature = "gui")]
mod support;
mod terminal_text;
#[cfg(feature = "gui")]
mod today;
mod upgrade;
#[cfg(feature = "gui")]
mod window;
#[cfg(feature = "gui")]
mod workshop;
mod writers;
