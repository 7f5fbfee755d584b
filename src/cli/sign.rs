//! `preshow sign`: agree to an item from a terminal, with a fingerprint that pins its text.

use crate::cli::{
    EXIT_OK, EXIT_TROUBLE, comments_would_be_lost, date_option, not_written, replace,
};
use crate::format;
use crate::model::Section;
use crate::ops::edit::sign_off;
use std::path::Path;

pub(super) fn run(
    path: &Path,
    section: &str,
    id: &str,
    by: &str,
    on: Option<&str>,
    force: bool,
) -> u8 {
    match sign(path, section, id, by, on, force) {
        Ok(msg) => {
            println!("{}", format::display_safe(&msg));
            EXIT_OK
        }
        Err(e) => {
            eprintln!("{}", format::display_safe_lines(&e));
            EXIT_TROUBLE
        }
    }
}

fn sign(
    path: &Path,
    section: &str,
    id: &str,
    by: &str,
    on: Option<&str>,
    force: bool,
) -> Result<String, String> {
    let on = date_option("on", on)?;
    let mut loaded = format::load_file(path).map_err(|e| e.to_string())?;
    if !loaded.source.comments.is_empty() && !force {
        return Err(comments_would_be_lost(path, &loaded.source.comments));
    }
    let plan = &mut loaded.plan;
    let person = plan
        .person(by)
        .map(|p| format!("{} ({})", p.name, p.team))
        .ok_or_else(|| format!("{}: there is no person with id `{by}`", path.display()))?;
    let section = Section::from_key(section)
        .filter(|s| matches!(s, Section::Messages | Section::Objectives | Section::Terms | Section::Handoffs | Section::Scoring))
        .ok_or_else(|| format!("`{section}` cannot be signed off: use messages, objectives, terms, handoffs or scoring"))?;
    let what = sign_off(plan, section, id, by, None, on).ok_or_else(|| {
        format!(
            "{}: there is no {} item with id `{id}`",
            path.display(),
            section
        )
    })?;
    format::write_file(path, format::to_string(plan).as_bytes(), replace(force))
        .map_err(|e| not_written(&e))?;
    Ok(format!(
        "{}: {person} signed off {what} on {on}",
        path.display()
    ))
}
