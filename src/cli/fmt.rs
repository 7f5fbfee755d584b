//! `preshow fmt`: rewrite plans in the canonical form, or say which would change; `fmt -` is a
//! filter, from standard input to standard output. A plan keeps its format version unless it
//! uses something only a newer format has; `--upgrade` writes it in the newest format.

use crate::cli::{
    EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, STDIN_NAME, comments_would_be_lost, is_std, not_written,
    read_plan_text, replace, write_stdout,
};
use crate::format;
use crate::model::CURRENT_FORMAT;
use std::path::{Path, PathBuf};

/// What `preshow fmt` was asked.
#[derive(Debug, Clone, Copy)]
pub(super) struct Options {
    /// Change nothing; say what would change.
    pub check: bool,
    /// Write in the newest format.
    pub upgrade: bool,
    /// Rewrite even when comments would be lost or the file is read-only.
    pub force: bool,
}

/// A loaded plan in its canonical form, with what `fmt` still needs of the rest.
struct Canonical {
    /// The canonical text, in the newest format with `upgrade`.
    text: String,
    /// The format it was upgraded from, when it was.
    upgraded: Option<u32>,
    /// The format it is written in.
    format: u32,
    /// The comments of the file, which the canonical text does not keep.
    comments: Vec<format::Comment>,
    /// The format it was migrated from when read, if any.
    migrated_from: Option<u32>,
}

/// The canonical form of `loaded`. Only the comments of where things were are kept: the rest
/// (a line and an id for every item) and the plan itself go as soon as the text is made.
fn canonical(loaded: format::Loaded, upgrade: bool) -> Canonical {
    let format::Loaded {
        mut plan,
        source,
        migrated_from,
    } = loaded;
    let comments = source.comments;
    let was = plan.written_format();
    if upgrade {
        plan.format = CURRENT_FORMAT;
    }
    let text = format::to_string(&plan);
    Canonical {
        text,
        upgraded: (plan.written_format() > was).then_some(was),
        format: plan.format,
        comments,
        migrated_from,
    }
}

pub(super) fn run(files: &[PathBuf], opts: Options) -> u8 {
    let Options {
        check: check_only,
        upgrade,
        force,
    } = opts;
    if files.iter().any(|f| is_std(f)) {
        if files.len() > 1 {
            eprintln!("preshow fmt: `-` (standard input) is formatted alone, to standard output");
            return EXIT_TROUBLE;
        }
        return filter(opts);
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
        let Canonical {
            text: canonical,
            upgraded,
            format: format_now,
            comments,
            migrated_from,
        } = canonical(loaded, upgrade);
        if canonical == text {
            continue;
        }
        if check_only {
            match upgraded {
                Some(_) => println!(
                    "{}: would be upgraded to format {CURRENT_FORMAT}",
                    path.display()
                ),
                None => println!("{}: would be reformatted", path.display()),
            }
            status = status.max(EXIT_FINDINGS);
            continue;
        }
        if !comments.is_empty() && !force {
            eprintln!("{}", comments_would_be_lost(path, &comments));
            status = EXIT_TROUBLE;
            continue;
        }
        if let Some(from) = migrated_from {
            eprintln!(
                "{}: migrated from format {from} to format {}",
                path.display(),
                format_now
            );
        }
        match format::write_file(path, canonical.as_bytes(), replace(force)) {
            Ok(()) => match upgraded {
                Some(from) => println!(
                    "{}: upgraded from format {from} to format {CURRENT_FORMAT}, which older \
                     versions of Preshow cannot open",
                    path.display()
                ),
                None => println!("{}: reformatted", path.display()),
            },
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
fn filter(opts: Options) -> u8 {
    let Options {
        check: check_only,
        upgrade,
        force,
    } = opts;
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
    let Canonical {
        text: canonical,
        upgraded,
        format: format_now,
        comments,
        migrated_from,
    } = canonical(loaded, upgrade);
    if check_only {
        if canonical == text {
            return EXIT_OK;
        }
        match upgraded {
            Some(_) => println!("{STDIN_NAME}: would be upgraded to format {CURRENT_FORMAT}"),
            None => println!("{STDIN_NAME}: would be reformatted"),
        }
        return EXIT_FINDINGS;
    }
    if !comments.is_empty() && !force {
        eprintln!(
            "{}",
            comments_would_be_lost(Path::new(STDIN_NAME), &comments)
        );
        return EXIT_TROUBLE;
    }
    if let Some(from) = migrated_from {
        eprintln!("{STDIN_NAME}: migrated from format {from} to format {format_now}");
    }
    if let Some(from) = upgraded {
        eprintln!("{STDIN_NAME}: upgraded from format {from} to format {CURRENT_FORMAT}");
    }
    match write_stdout(canonical.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("preshow fmt: {e}");
            EXIT_TROUBLE
        }
    }
}
