//! The `preshow` binary: the workbench, or a command-line command.

use preshow::cli::{Cli, run};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: a plan is hundreds of thousands of small strings,
/// and glibc's allocator made loading a 100,000-account plan 14 times slower than a
/// 10,000-account one (10 times with mimalloc; see tests/benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // For telling a killed save's leftovers from a save in progress.
    preshow::format::note_process_start();
    let cli = preshow::cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => open_workbench(cli),
    }
}

/// No command: the workbench, on the file given or the bundled example.
#[cfg(feature = "gui")]
fn open_workbench(cli: Cli) -> ExitCode {
    preshow::app::run(cli.file, cli.show, cli.present, cli.walk, cli.today)
}

/// No command, in a build without the workbench (`--no-default-features`): say so, and how to
/// get it, rather than do nothing.
#[cfg(not(feature = "gui"))]
fn open_workbench(_cli: Cli) -> ExitCode {
    eprintln!(
        "preshow: this build has the command line only (built without the `gui` feature); \
         run `preshow --help` for its commands"
    );
    ExitCode::from(preshow::cli::EXIT_TROUBLE)
}
