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
    init_logger();
    preshow::app::run(cli.file, cli.show, cli.present, cli.walk, cli.today)
}

/// The window's log, on standard error: warnings from the libraries under it (eframe, winit,
/// wgpu) and notes from the workbench itself. `RUST_LOG` chooses otherwise, as usual
/// (`RUST_LOG=debug`, `RUST_LOG=wgpu=info`).
#[cfg(feature = "gui")]
fn init_logger() {
    let env = env_logger::Env::default().default_filter_or("warn,preshow=info");
    if let Err(e) = env_logger::Builder::from_env(env).try_init() {
        eprintln!("preshow: no log: {e}");
    }
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
