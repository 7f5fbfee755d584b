//! Every integration test in one binary: one link of the workbench instead of twenty keeps
//! `cargo test` quick and its build small on a two-core machine. Each module is one area
//! (`app`, `cli`, `rules`, ...); filter with `cargo test --test suite app::`.

mod app;
mod atomic_save;
mod boards;
mod cli;
mod format;
mod fuzz_regressions;
mod generate;
mod git;
mod idle;
mod import_app;
mod import_export;
mod lead_flow;
mod lists;
mod properties;
mod review;
mod rules;
mod safety;
mod schedule;
mod support;
mod workshop;
