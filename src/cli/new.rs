//! `preshow new FILE`: a starter plan, never over an existing file.

use crate::cli::{EXIT_OK, EXIT_TROUBLE};
use crate::format::{self, Replace};
use std::path::Path;

pub(super) fn run(path: &Path) -> u8 {
    if crate::cli::is_std(path) {
        return match crate::cli::write_stdout(crate::TEMPLATE_PLAN.as_bytes()) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("preshow new: {e}");
                EXIT_TROUBLE
            }
        };
    }
    // Written whole beside the path and moved there only if nothing is there by then: a full
    // disk leaves no empty file behind to stand in the way of the next try.
    match format::write_file(path, crate::TEMPLATE_PLAN.as_bytes(), Replace::Nothing) {
        Ok(()) => {
            println!(
                "{}: starter plan written; open it with `preshow {}` and check it with `preshow check {}`",
                path.display(),
                path.display(),
                path.display()
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("{e}");
            EXIT_TROUBLE
        }
    }
}
