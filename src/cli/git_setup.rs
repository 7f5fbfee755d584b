//! `preshow git-setup`: tells the current git repository to diff plans by item and field
//! (`textconv`) and to merge them with `preshow merge`. Running it again changes nothing. With
//! `--global`, the same for every repository of the user: the drivers in the global git config
//! and the attributes in the global attributes file.

use crate::cli::{EXIT_OK, EXIT_TROUBLE};
use crate::format;
use crate::git::{run as git, toplevel};
use std::path::Path;

/// The `.gitattributes` line that routes plans to the drivers.
pub const ATTRIBUTES: &str = "*.ron diff=preshow merge=preshow";

/// The merge driver's arguments: git's placeholders for the files, the path, the marker size and
/// the labels of the three versions.
pub const DRIVER_ARGS: &str = "merge %O %A %B %P %L %S %X %Y";

pub(super) fn run(command: Option<&str>, global: bool) -> u8 {
    let done = if global {
        setup_global(command)
    } else {
        setup(command)
    };
    match done {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("preshow git-setup: {e}");
            EXIT_TROUBLE
        }
    }
}

fn setup(command: Option<&str>) -> Result<Vec<String>, String> {
    let top = toplevel(None).map_err(|e| e.to_string())?;
    let mut report = vec![attributes(&top.join(".gitattributes"))?];
    let program = program(command, &mut report)?;
    configure(Some(&top), "--local", &program, &mut report)?;
    report.push(
        "commit .gitattributes; everyone who clones runs `preshow git-setup` once (git config is \
         not shared)"
            .to_owned(),
    );
    Ok(report)
}

/// `git-setup --global`: the drivers in the user's global git config (`git config --global`,
/// which honours `GIT_CONFIG_GLOBAL`), and the attributes line in the global attributes file:
/// `core.attributesFile` when set, else git's default, `$XDG_CONFIG_HOME/git/attributes` (or
/// `~/.config/git/attributes`), which git reads without being told.
fn setup_global(command: Option<&str>) -> Result<Vec<String>, String> {
    let file = global_attributes_file()?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let added = attributes(&file)?;
    let mut report = vec![added.replacen(".gitattributes", &file.display().to_string(), 1)];
    let program = program(command, &mut report)?;
    configure(None, "--global", &program, &mut report)?;
    report.push(
        "every repository of yours now diffs and merges *.ron plans with preshow; a repository's \
         own settings (from `preshow git-setup` there) still come first"
            .to_owned(),
    );
    Ok(report)
}

/// Where git reads the user's own attributes: `core.attributesFile` (with `~/` expanded), or
/// git's default.
fn global_attributes_file() -> Result<std::path::PathBuf, String> {
    let home = std::env::var_os("HOME").filter(|h| !h.is_empty());
    let configured = git(
        None,
        &["config", "--global", "--get", "core.attributesFile"],
    )
    .ok()
    .map(|v| {
        String::from_utf8_lossy(&v)
            .trim_end_matches('\n')
            .to_owned()
    })
    .filter(|v| !v.is_empty());
    if let Some(path) = configured {
        return match (path.strip_prefix("~/"), &home) {
            (Some(rest), Some(home)) => Ok(Path::new(home).join(rest)),
            (Some(_), None) => Err(format!(
                "core.attributesFile is {path}, but HOME is not set to say where ~ is"
            )),
            (None, _) => Ok(path.into()),
        };
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|x| !x.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| home.map(|h| Path::new(&h).join(".config")))
        .ok_or("neither XDG_CONFIG_HOME nor HOME is set, so git has no global attributes file")?;
    Ok(config.join("git").join("attributes"))
}

/// The command git should run: `--command`, `preshow` when it is on the PATH, else this program.
fn program(command: Option<&str>, report: &mut Vec<String>) -> Result<String, String> {
    Ok(match command {
        Some(c) => shell_quote(c),
        None if on_path("preshow") => "preshow".to_owned(),
        // Git could not run a bare `preshow`: name this very program instead.
        None => {
            let me = std::env::current_exe()
                .map_err(|e| format!("`preshow` is not on the PATH, and {e}"))?;
            let me = me.to_string_lossy().into_owned();
            report.push(format!(
                "`preshow` is not on the PATH, so git will run {me} (use --command to choose)"
            ));
            shell_quote(&me)
        }
    })
}

/// Sets the drivers in git's config at `scope` (`--local` in `top`, or `--global`), saying
/// what changed.
fn configure(
    top: Option<&Path>,
    scope: &str,
    program: &str,
    report: &mut Vec<String>,
) -> Result<(), String> {
    let settings = [
        (
            "diff.preshow.textconv",
            format!("{program} diff --textconv"),
        ),
        ("merge.preshow.name", "Preshow plan merge".to_owned()),
        ("merge.preshow.driver", format!("{program} {DRIVER_ARGS}")),
    ];
    for (key, value) in settings {
        let current = git(top, &["config", scope, "--get", key]).ok().map(|v| {
            String::from_utf8_lossy(&v)
                .trim_end_matches('\n')
                .to_owned()
        });
        if current.as_deref() == Some(value.as_str()) {
            report.push(format!("{key} is already `{value}`"));
        } else {
            git(top, &["config", scope, key, &value]).map_err(|e| e.to_string())?;
            report.push(format!("set {key} to `{value}`"));
        }
    }
    Ok(())
}

/// Adds [`ATTRIBUTES`] to the file unless a line already says it.
///
/// A `.gitattributes` that is a link (or anything but a regular file) is refused, never
/// followed: git itself does not read attributes through a link, and following it would copy
/// a file from wherever it points, outside the repository perhaps, into one to be committed.
fn attributes(path: &Path) -> Result<String, String> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let target = std::fs::read_link(path)
                .map(|t| format!(" (to {})", t.display()))
                .unwrap_or_default();
            return Err(format!(
                "{} is a symbolic link{target}; git does not read attributes through a link, \
                 and git-setup does not follow it: make it a regular file, then run git-setup again",
                path.display()
            ));
        }
        Ok(m) if !m.is_file() => {
            return Err(format!(
                "{} is not a regular file: make it one, then run git-setup again",
                path.display()
            ));
        }
        _ => {}
    }
    let existing = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let wanted: Vec<&str> = ATTRIBUTES.split_whitespace().collect();
    if existing
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == wanted)
    {
        return Ok(".gitattributes already routes *.ron plans to preshow".to_owned());
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(ATTRIBUTES);
    text.push('\n');
    format::write_atomic(path, text.as_bytes()).map_err(|e| e.to_string())?;
    Ok(format!("added `{ATTRIBUTES}` to .gitattributes"))
}

/// `path` as one word for the shell git runs drivers with.
fn shell_quote(path: &str) -> String {
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:,@=".contains(c));
    if plain {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', r"'\''"))
    }
}

/// Whether an executable named `name` is on the PATH.
fn on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| {
            let candidate = dir.join(name);
            candidate.is_file() || candidate.with_extension("exe").is_file()
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::cli::git_setup::shell_quote;

    #[test]
    fn quotes_only_what_the_shell_would_split() {
        assert_eq!(shell_quote("/usr/bin/preshow"), "/usr/bin/preshow");
        assert_eq!(shell_quote("/a b/preshow"), "'/a b/preshow'");
        assert_eq!(shell_quote("/it's/preshow"), r"'/it'\''s/preshow'");
    }
}
