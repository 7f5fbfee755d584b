//! The `preshow` binary: the workbench, or a command-line command.

use clap::Parser;
use preshow::cli::{Cli, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => {
            let _ = (cli.file, cli.present);
            eprintln!("preshow: the workbench comes in the next change; see `preshow --help` for the command line");
            ExitCode::from(2)
        }
    }
}
