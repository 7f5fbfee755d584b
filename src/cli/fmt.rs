//! `preshow fmt`: rewrite plans in the canonical form, or say which would change; `fmt -` is a
//! filter, from standard input to standard output.

use crate::cli::{
    EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, STDIN_NAME, comments_would_be_lost, is_std, not_written,
    read_plan_text, replace, write_stdout,
};
use crate::format;
use std::path::{Path, PathBuf};

pub(super) fn run(files: &[PathBuf], check_only: bool, force: bool) -> u8 {
    if files.iter().any(|f| is_std(f)) {
        if files.len() > 1 {
            eprintln!("preshow fmt: `-` (standard input) is formatted alone, to standard output");
            return EXIT_TROUBLE;
        }
        return filter(check_only, force);
    }
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

/// `fmt -`: the canonical form of standard input on standard output, or with `check_only`,
/// nothing written and exit 1 when it would change. On any trouble nothing goes to standard
/// output, so an editor never replaces a buffer with half a plan.
fn filter(check_only: bool, force: bool) -> u8 {
    let stdin = Path::new("-");
    let parsed = read_plan_text(stdin).and_then(|text| {
        format::parse(&text)
            .map(|loaded| (text, loaded))
            .map_err(|error| format::LoadError {
                path: PathBuf::from(STDIN_NAME),
                error,
            })
    });
    let (text, loaded) = match parsed {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", format::display_safe(&e.to_string()));
            return EXIT_TROUBLE;
        }
    };
    let canonical = format::to_string(&loaded.plan);
    if check_only {
        if canonical == text {
            return EXIT_OK;
        }
        println!("{STDIN_NAME}: would be reformatted");
        return EXIT_FINDINGS;
    }
    if !loaded.source.comments.is_empty() && !force {
        eprintln!(
            "{}",
            comments_would_be_lost(Path::new(STDIN_NAME), &loaded.source.comments)
        );
        return EXIT_TROUBLE;
    }
    if let Some(from) = loaded.migrated_from {
        eprintln!(
            "{STDIN_NAME}: migrated from format {from} to format {}",
            loaded.plan.format
        );
    }
    match write_stdout(canonical.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("preshow fmt: {e}");
            EXIT_TROUBLE
        }
    }
}
