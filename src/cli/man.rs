//! `preshow man-pages DIR`: the manual pages, drawn from the same clap definitions as `--help`
//! (clap_mangen): `preshow.1` and one `preshow-COMMAND.1` per command. Hidden from `--help`; the
//! packaging script (`.ci/package`) runs it so the packages carry `man preshow`.

use super::{Cli, EXIT_OK, EXIT_TROUBLE};
use clap::CommandFactory;
use std::path::Path;

/// Writes the pages into `dir` (made if missing), overwriting pages of an earlier run.
pub fn run(dir: &Path) -> u8 {
    match write(dir) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("preshow man-pages: {}: {e}", dir.display());
            EXIT_TROUBLE
        }
    }
}

/// The pages, into `dir`.
fn write(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    clap_mangen::generate_to(Cli::command(), dir)
}
