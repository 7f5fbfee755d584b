//! The `preshow` binary: the workbench, or a command-line command.

use clap::Parser;
use preshow::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => preshow::app::run(cli.file, cli.show, cli.present, cli.walk),
    }
}
