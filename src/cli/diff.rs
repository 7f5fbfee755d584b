//! `preshow diff`: what changed between two plans, by section, item id and field; for people, for
//! tools (`--format json`), against a git revision (`--git REV`), and for git itself
//! (`--textconv FILE`, and git's external-diff arguments).

use crate::cli::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, read_plan_text, shown, stdin_once};
use crate::format::{self, LoadError, display_safe, display_safe_lines, item_fields};
use crate::git::{repo_path, run as git, toplevel};
use crate::model::{Plan, Section};
use crate::ops::diff::{self, ChangeKind};
use crate::ops::merge::one_line;
use clap::ValueEnum;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Lines for people on a terminal.
    Human,
    /// One JSON document for tools.
    Json,
}

/// How `preshow diff` was asked to compare.
pub(super) struct Request<'a> {
    pub(super) files: &'a [PathBuf],
    pub(super) git: Option<&'a str>,
    pub(super) textconv: bool,
    pub(super) git_external: bool,
    pub(super) format: DiffFormat,
}

/// The number of arguments git passes to an external diff command.
const GIT_EXTERNAL_ARGS: usize = 7;

pub(super) fn run(req: &Request<'_>) -> u8 {
    let files = req.files;
    if req.textconv {
        return match files {
            [file] => textconv(file),
            _ => usage("--textconv takes one FILE"),
        };
    }
    if req.git_external || (req.git.is_none() && files.len() == GIT_EXTERNAL_ARGS) {
        return match files {
            [path, old, _, _, new, _, _] => git_external(path, old, new, req.format),
            _ => usage(
                "--git-external takes git's 7 arguments: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE",
            ),
        };
    }
    let compared = match (req.git, files) {
        (Some(rev), [] | [_]) => against_git(rev, files.first()),
        (Some(_), _) => return usage("--git REV takes at most one FILE"),
        (None, [old, new]) => stdin_once(files)
            .and_then(|()| two_files(old, new))
            .map(|c| vec![c]),
        (None, _) => return usage("give OLD NEW, or --git REV [FILE]"),
    };
    match compared {
        Ok(all) => {
            print!("{}", render(&all, req.format));
            if all.iter().any(|c| !c.entries.is_empty()) {
                EXIT_FINDINGS
            } else {
                EXIT_OK
            }
        }
        Err(e) => {
            eprintln!("{}", display_safe_lines(&e));
            EXIT_TROUBLE
        }
    }
}

fn usage(what: &str) -> u8 {
    eprintln!("preshow diff: {what}");
    EXIT_TROUBLE
}

/// One compared file: its labels (`None`: the file does not exist on that side) and what changed.
struct Compared {
    old: Option<String>,
    new: Option<String>,
    entries: Vec<Entry>,
}

/// One changed item, with every field that differs (all of them for added and removed items).
struct Entry {
    section: Section,
    id: String,
    change: &'static str,
    fields: Vec<diff::FieldChange>,
}

fn load(label: &str, text: &str) -> Result<Plan, LoadError> {
    format::parse(text)
        .map(|l| l.plan)
        .map_err(|error| LoadError {
            path: PathBuf::from(label),
            error,
        })
}

fn read(path: &Path) -> Result<String, LoadError> {
    format::read_text(path).map_err(|error| LoadError {
        path: path.to_owned(),
        error,
    })
}

fn two_files(old: &Path, new: &Path) -> Result<Compared, String> {
    let old_plan = read_plan_text(old)
        .and_then(|t| load(&shown(old), &t))
        .map_err(|e| e.to_string());
    let new_plan = read_plan_text(new)
        .and_then(|t| load(&shown(new), &t))
        .map_err(|e| e.to_string());
    let (old_plan, new_plan) = match (old_plan, new_plan) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(a), Err(b)) => return Err(format!("{}\n{}", display_safe(&a), display_safe(&b))),
        (Err(e), _) | (_, Err(e)) => return Err(display_safe(&e).into_owned()),
    };
    Ok(Compared {
        old: Some(shown(old)),
        new: Some(shown(new)),
        entries: entries(Some(&old_plan), Some(&new_plan)),
    })
}

/// Every changed item between two versions of a plan; `None` is a file that does not exist.
fn entries(old: Option<&Plan>, new: Option<&Plan>) -> Vec<Entry> {
    let whole = |plan: &Plan, added: bool| -> Vec<Entry> {
        Section::ALL
            .into_iter()
            .flat_map(|section| {
                item_fields(plan, section)
                    .into_iter()
                    .map(move |(id, fields)| Entry {
                        section,
                        id,
                        change: if added { "added" } else { "removed" },
                        fields: all_fields(&fields, added),
                    })
            })
            .collect()
    };
    match (old, new) {
        (None, None) => Vec::new(),
        (None, Some(new)) => whole(new, true),
        (Some(old), None) => whole(old, false),
        (Some(old), Some(new)) => diff::diff_with_fields(old, new)
            .into_iter()
            .map(|(c, fields)| Entry {
                section: c.section,
                id: c.id,
                change: match c.kind {
                    ChangeKind::Added => "added",
                    ChangeKind::Removed => "removed",
                    ChangeKind::Changed(_) => "changed",
                },
                fields,
            })
            .collect(),
    }
}

fn all_fields(fields: &[(String, String)], added: bool) -> Vec<diff::FieldChange> {
    fields
        .iter()
        .map(|(name, value)| diff::FieldChange {
            field: name.clone(),
            before: (!added).then(|| value.clone()),
            after: added.then(|| value.clone()),
        })
        .collect()
}

fn render(all: &[Compared], output: DiffFormat) -> String {
    match output {
        DiffFormat::Human => all.iter().map(human).collect(),
        DiffFormat::Json => json(all),
    }
}

/// Plan text (file names, ids, values) goes through [`display_safe`].
///
/// ```text
/// plans/show.ron (was HEAD:plans/show.ron)
///   accounts
///     ~ acme
///         owner: "ana" → "mo"
///     + zeta
///         name: "Zeta Foods"
///     - beta
///         name: "Beta Clinics"
///   leads
///     ~ jana-novak
///         reached: + (stage: "sal", at: "2027-04-15T09:00")
/// ```
fn human(c: &Compared) -> String {
    let mut out = String::new();
    let (old, new) = (
        display_safe(c.old.as_deref().unwrap_or("(none)")),
        display_safe(c.new.as_deref().unwrap_or("(none)")),
    );
    let _ = match (&c.old, &c.new) {
        (Some(_), Some(_)) => writeln!(out, "{old} → {new}"),
        (None, _) => writeln!(out, "{new}: new plan file"),
        (_, None) => writeln!(out, "{old}: plan file deleted"),
    };
    if c.entries.is_empty() {
        out.push_str("  no changes\n");
        return out;
    }
    let mut section = None;
    for e in &c.entries {
        if section != Some(e.section) {
            section = Some(e.section);
            let _ = writeln!(out, "  {}", e.section.key());
        }
        let mark = match e.change {
            "added" => '+',
            "removed" => '-',
            _ => '~',
        };
        let _ = writeln!(out, "    {mark} {}", display_safe(&e.id));
        let shown = |v: &Option<String>| {
            v.as_deref().map_or("(none)".to_owned(), |v| {
                display_safe(&one_line(v)).into_owned()
            })
        };
        for f in e
            .fields
            .iter()
            .filter(|f| f.field != "id" || e.change == "changed")
        {
            // A lead's path changes a stage at a time: show the entries, not both lists.
            if e.section == Section::Leads
                && f.field == "reached"
                && e.change == "changed"
                && let Some((removed, added)) =
                    diff::list_entries_changed(f.before.as_deref(), f.after.as_deref())
            {
                for (mark, entry) in removed
                    .iter()
                    .map(|r| ('-', r))
                    .chain(added.iter().map(|a| ('+', a)))
                {
                    let _ = writeln!(out, "        {}: {mark} {}", f.field, display_safe(entry));
                }
                if removed.is_empty() && added.is_empty() {
                    let _ = writeln!(out, "        {}: same stages, another order", f.field);
                }
                continue;
            }
            let _ = match e.change {
                "added" => writeln!(out, "        {}: {}", f.field, shown(&f.after)),
                "removed" => writeln!(out, "        {}: {}", f.field, shown(&f.before)),
                _ => writeln!(
                    out,
                    "        {}: {} → {}",
                    f.field,
                    shown(&f.before),
                    shown(&f.after)
                ),
            };
        }
    }
    out
}

fn json(all: &[Compared]) -> String {
    use serde_json::{Value, json};
    let value = |v: &Option<String>| v.as_deref().map_or(Value::Null, |s| json!(one_line(s)));
    let files: Vec<Value> = all
        .iter()
        .map(|c| {
            let changes: Vec<Value> = c
                .entries
                .iter()
                .map(|e| {
                    let fields: Vec<Value> = e
                        .fields
                        .iter()
                        .map(|f| {
                            json!({"field": f.field, "before": value(&f.before), "after": value(&f.after)})
                        })
                        .collect();
                    json!({"section": e.section.key(), "id": e.id, "change": e.change, "fields": fields})
                })
                .collect();
            json!({"old": c.old, "new": c.new, "changes": changes})
        })
        .collect();
    let text = serde_json::to_string_pretty(&json!({ "files": files })).unwrap_or_default();
    let mut text = format::json_display_safe(&text).into_owned();
    text.push('\n');
    text
}

/// `--git REV [FILE]`: plans at `rev` against the working tree.
fn against_git(rev: &str, file: Option<&PathBuf>) -> Result<Vec<Compared>, String> {
    let top = toplevel(None).map_err(|e| format!("preshow diff --git: {e}"))?;
    git(
        Some(&top),
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| format!("preshow diff --git: `{rev}` is not a revision in this repository"))?;
    let paths: Vec<String> = match file {
        Some(f) => vec![repo_path(&top, f).map_err(|e| format!("preshow diff --git: {e}"))?],
        None => {
            let out = git(
                Some(&top),
                &[
                    "diff",
                    "--name-only",
                    "--no-renames",
                    "-z",
                    rev,
                    "--",
                    "*.ron",
                ],
            )
            .map_err(|e| e.to_string())?;
            String::from_utf8_lossy(&out)
                .split('\0')
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect()
        }
    };
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let old_label = format!("{rev}:{path}");
        let old = match git(Some(&top), &["cat-file", "-e", &old_label]) {
            Err(_) => None,
            Ok(_) => {
                let bytes = git(Some(&top), &["show", &old_label]).map_err(|e| e.to_string())?;
                let text = format::decode(bytes).map_err(|error| {
                    LoadError {
                        path: PathBuf::from(&old_label),
                        error,
                    }
                    .to_string()
                })?;
                Some(text)
            }
        };
        let on_disk = top.join(&path);
        let new = if on_disk.exists() {
            Some(read(&on_disk).map_err(|e| e.to_string())?)
        } else {
            None
        };
        if old.is_none() && new.is_none() {
            errors.push(format!(
                "preshow diff --git: {} exists neither at {rev} nor in the working tree",
                display_safe(&path)
            ));
            continue;
        }
        let old_plan = old.as_deref().map(|t| load(&old_label, t)).transpose();
        let new_plan = new.as_deref().map(|t| load(&path, t)).transpose();
        match (old_plan, new_plan) {
            (Ok(o), Ok(n)) => all.push(Compared {
                old: o.is_some().then(|| old_label.clone()),
                new: n.is_some().then(|| path.clone()),
                entries: entries(o.as_ref(), n.as_ref()),
            }),
            (o, n) => {
                errors.extend(o.err().map(|e| display_safe(&e.to_string()).into_owned()));
                errors.extend(n.err().map(|e| display_safe(&e.to_string()).into_owned()));
            }
        }
    }
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(errors.join("\n"))
    }
}

/// Git's external diff: `PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE`, where a
/// missing side is `/dev/null`. Git stops on a non-zero exit, so changes exit 0; a side that is
/// not a readable plan falls back to git's own line diff.
fn git_external(path: &Path, old: &Path, new: &Path, output: DiffFormat) -> u8 {
    let name = path.display().to_string();
    let side = |file: &Path, label: String| -> Result<Option<Plan>, LoadError> {
        if file == Path::new("/dev/null") {
            return Ok(None);
        }
        let text = format::read_text(file).map_err(|error| LoadError {
            path: PathBuf::from(&label),
            error,
        })?;
        load(&label, &text).map(Some)
    };
    let (old_label, new_label) = (format!("a/{name}"), format!("b/{name}"));
    match (side(old, old_label.clone()), side(new, new_label.clone())) {
        (Ok(o), Ok(n)) => {
            let compared = Compared {
                old: o.is_some().then_some(old_label),
                new: n.is_some().then_some(new_label),
                entries: entries(o.as_ref(), n.as_ref()),
            };
            print!("{}", render(&[compared], output));
            EXIT_OK
        }
        (o, n) => {
            for e in [o.err(), n.err()].into_iter().flatten() {
                eprintln!(
                    "preshow diff: {}; showing the line diff",
                    display_safe(&e.to_string())
                );
            }
            let _ = std::io::stdout().flush();
            let status = Command::new("git")
                .args(["diff", "--no-index", "--no-ext-diff", "--no-textconv", "--"])
                .arg(old)
                .arg(new)
                .status();
            match status {
                // `git diff --no-index` exits 1 when the files differ.
                Ok(s) if matches!(s.code(), Some(0 | 1)) => EXIT_OK,
                _ => EXIT_TROUBLE,
            }
        }
    }
}

/// `--textconv FILE`: the plan as one line per field, `section/id: field = value`, items in file
/// order with a blank line between them, so a line diff of two versions names every changed
/// item and field. A file that is not a readable plan is printed as it is.
fn textconv(file: &Path) -> u8 {
    let mut stdout = std::io::stdout().lock();
    let text = match format::read_text(file) {
        Ok(t) => t,
        Err(_) => {
            return match std::fs::read(file) {
                Ok(bytes) => {
                    let _ = stdout.write_all(&bytes);
                    EXIT_OK
                }
                Err(e) => {
                    eprintln!("{}: {e}", file.display());
                    EXIT_TROUBLE
                }
            };
        }
    };
    let out = match format::parse(&text) {
        Ok(loaded) => field_lines(&loaded.plan),
        Err(_) => text,
    };
    match stdout.write_all(out.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(_) => EXIT_TROUBLE,
    }
}

/// The text form of `--textconv`.
fn field_lines(plan: &Plan) -> String {
    let mut out = format!("format = {}\n", plan.format);
    for section in Section::ALL {
        for (id, fields) in item_fields(plan, section) {
            let at = if section.is_list() {
                format!("{}/{}", section.key(), display_safe(&id))
            } else {
                id
            };
            out.push('\n');
            for (name, value) in fields {
                if section.is_list() && name == "id" {
                    continue;
                }
                let _ = writeln!(out, "{at}: {name} = {}", display_safe(&one_line(&value)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textconv_names_every_item_and_field() {
        let plan = format::parse(include_str!("../../tests/fixtures/app/plan.ron"))
            .expect("fixture loads")
            .plan;
        let text = field_lines(&plan);
        assert!(
            text.starts_with("format = 1\n\nevent: name = \"Test Expo\"\n"),
            "{text}"
        );
        assert!(
            text.contains("\naccounts/acme: owner = \"ana\"\n"),
            "{text}"
        );
        assert!(
            text.contains("\nmessages/roi: proof = [\"St. Mary's\"]\n"),
            "{text}"
        );
        assert!(!text.contains("accounts/acme: id ="), "{text}");
    }
}
