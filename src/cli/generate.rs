//! `preshow generate`: a realistic plan of any size, for demos and benchmarks.

use crate::cli::{EXIT_OK, EXIT_TROUBLE};
use crate::ops::generate;
use std::io::Write;
use std::path::Path;

pub(super) fn run(accounts: usize, seed: u64, out: Option<&Path>, force: bool) -> u8 {
    let text = generate::generate_text(accounts, seed);
    let Some(path) = out.filter(|p| !crate::cli::is_std(p)) else {
        let mut stdout = std::io::stdout().lock();
        return match stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Ok(()) => EXIT_OK,
            // A closed pipe (`| head`) is the reader's choice, not a failure.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
            Err(e) => {
                eprintln!("preshow generate: could not write: {e}");
                EXIT_TROUBLE
            }
        };
    };
    let replace = if force {
        crate::format::Replace::ReadOnlyToo
    } else {
        crate::format::Replace::Nothing
    };
    match crate::format::write_file(path, text.as_bytes(), replace) {
        Ok(()) => {
            eprintln!(
                "{}: a plan of {accounts} accounts written (seed {seed}); check it with \
                 `preshow check {} --today {}`",
                path.display(),
                path.display(),
                generate::today()
            );
            EXIT_OK
        }
        Err(e @ crate::format::WriteError::Exists { .. }) => {
            eprintln!("{e} (pass --force to replace it)");
            EXIT_TROUBLE
        }
        Err(e) => {
            eprintln!("{e}");
            EXIT_TROUBLE
        }
    }
}
