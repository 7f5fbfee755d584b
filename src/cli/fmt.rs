//! `preshow fmt`: rewrite plans in the canonical form, or say which would change.

use crate::cli::{
    EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, comments_would_be_lost, not_written, replace,
};
use crate::format;
use std::path::PathBuf;

pub(super) fn run(files: &[PathBuf], check_only: bool, force: bool) -> u8 {
    let mut status = EXIT_OK;
    for path in files {
        let text = match format::read_text(path) {
            Ok(t) => t,
            Err(error) => {
                let e = format::LoadError {
                    path: path.clone(),
                    error,
                };
                eprintln!("{}", format::display_safe(&e.to_string()));
                status = EXIT_TROUBLE;
                continue;
            }
        };
        let loaded = match format::parse(&text) {
            Ok(l) => l,
            Err(error) => {
                let e = format::LoadError {
                    path: path.clone(),
                    error,
                };
                eprintln!("{}", format::display_safe(&e.to_string()));
                status = EXIT_TROUBLE;
                continue;
            }
        };
        let canonical = format::to_string(&loaded.plan);
        if canonical == text {
            continue;
        }
        if check_only {
            println!("{}: would be reformatted", path.display());
            status = status.max(EXIT_FINDINGS);
            continue;
        }
        if !loaded.source.comments.is_empty() && !force {
            eprintln!("{}", comments_would_be_lost(path, &loaded.source.comments));
            status = EXIT_TROUBLE;
            continue;
        }
        if let Some(from) = loaded.migrated_from {
            eprintln!(
                "{}: migrated from format {from} to format {}",
                path.display(),
                loaded.plan.format
            );
        }
        match format::write_file(path, canonical.as_bytes(), replace(force)) {
            Ok(()) => println!("{}: reformatted", path.display()),
            Err(e) => {
                eprintln!("{}", not_written(&e));
                status = EXIT_TROUBLE;
            }
        }
    }
    status
}
