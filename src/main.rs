//! The `preshow` binary: the workbench, or a command-line command.

use clap::Parser;
use preshow::cli::{Cli, run};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: a plan is hundreds of thousands of small strings,
/// and glibc's allocator made loading a 100,000-account plan 14 times slower than a
/// 10,000-account one (10 times with mimalloc; see README, Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => preshow::app::run(cli.file, cli.show, cli.present, cli.walk),
    }
}
