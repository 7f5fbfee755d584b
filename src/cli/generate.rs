//! `preshow generate`: a realistic plan of any size, for demos and benchmarks.

use crate::cli::{EXIT_OK, EXIT_TROUBLE};
use crate::ops::generate;
use std::io::Write;
use std::path::Path;

/// What to generate and where.
pub(super) struct Request<'a> {
    /// How many accounts.
    pub(super) accounts: usize,
    /// The seed.
    pub(super) seed: u64,
    /// With the show's outcome (format 2).
    pub(super) after: bool,
    /// Where to write it; standard output when `None` or `-`.
    pub(super) out: Option<&'a Path>,
    /// Replace `out` if it exists.
    pub(super) force: bool,
}

pub(super) fn run(r: &Request) -> u8 {
    let (accounts, seed) = (r.accounts, r.seed);
    let (text, today) = if r.after {
        (
            generate::generate_after_text(accounts, seed),
            generate::after_today(),
        )
    } else {
        (generate::generate_text(accounts, seed), generate::today())
    };
    let Some(path) = r.out.filter(|p| !crate::cli::is_std(p)) else {
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
    let replace = if r.force {
        crate::format::Replace::ReadOnlyToo
    } else {
        crate::format::Replace::Nothing
    };
    match crate::format::write_file(path, text.as_bytes(), replace) {
        Ok(()) => {
            eprintln!(
                "{}: a plan of {accounts} accounts{} written (seed {seed}); check it with \
                 `preshow check {} --today {today}`",
                path.display(),
                if r.after { " after the show" } else { "" },
                path.display(),
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
