//! `preshow new FILE`: a starter plan, never over an existing file.

use crate::cli::{EXIT_OK, EXIT_TROUBLE};
use std::io::Write;
use std::path::Path;

pub(super) fn run(path: &Path) -> u8 {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path);
    let result = file.and_then(|mut f| {
        f.write_all(crate::TEMPLATE_PLAN.as_bytes())?;
        f.sync_all()
    });
    match result {
        Ok(()) => {
            println!(
                "{}: starter plan written; open it with `preshow {}` and check it with `preshow check {}`",
                path.display(),
                path.display(),
                path.display()
            );
            EXIT_OK
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("{}: already exists; nothing was written", path.display());
            EXIT_TROUBLE
        }
        Err(e) => {
            eprintln!("{}: could not write: {e}", path.display());
            EXIT_TROUBLE
        }
    }
}
