//! `preshow sign`: agree to an item from a terminal, with a fingerprint that pins its text.

use crate::analysis::provenance::same_email;
use crate::cli::{
    EXIT_OK, EXIT_TROUBLE, comments_would_be_lost, date_option, not_written, replace,
};
use crate::format;
use crate::model::{Plan, Section};
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
        Ok((msg, warning)) => {
            println!("{}", format::display_safe(&msg));
            if let Some(w) = warning {
                eprintln!("{}", format::display_safe(&w));
            }
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
) -> Result<(String, Option<String>), String> {
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
    let warning = git_warning(path, plan, by);
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
    Ok((
        format!("{}: {person} signed off {what} on {on}", path.display()),
        warning,
    ))
}

/// A warning when the plan is in git and git does not commit as `by`: the sign-off will then
/// count as recorded by someone else (see `preshow explain signoff-unverified`).
fn git_warning(path: &Path, plan: &Plan, by: &str) -> Option<String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    crate::git::toplevel(Some(dir)).ok()?;
    let signer = plan.person(by)?;
    let email = signer.email.as_deref().filter(|e| !e.trim().is_empty());
    let git = crate::git::user_email(dir);
    let mut recorder = "someone else".to_owned();
    let why = match (email, git.as_deref()) {
        (Some(e), Some(g)) if same_email(e, g) => return None,
        (None, _) => format!("{} has no email in the plan", signer.name),
        (Some(_), None) => "git has no user.email here".to_owned(),
        (Some(_), Some(g)) => match plan.person_with_email(g) {
            Some(p) => {
                recorder.clone_from(&p.name);
                format!("git commits here as {g} ({})", p.name)
            }
            None => format!("git commits here as {g}, who is not in the plan"),
        },
    };
    Some(format!(
        "warning: {why}, so once committed this sign-off will count as recorded by {recorder} \
         in {name}'s name, not as given by {name}; {name} should commit it from their own git \
         account (preshow explain signoff-unverified)",
        name = signer.name
    ))
}
