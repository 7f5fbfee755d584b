//! Plans in git, through the `git` command line: the plan file as it was at a revision, and the
//! commits that touched it. Used by `preshow diff --git`, `preshow git-setup`, `preshow check
//! --verify-signoffs` and the workbench's Changes and Sign-offs views ([`ledger`]: who agreed to
//! what; [`provenance`]: who recorded each sign-off). Nothing here writes to the repository.

pub mod ledger;
pub mod provenance;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why git could not tell what was asked.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// The `git` command could not be started.
    #[error("could not run git: {0}")]
    Spawn(std::io::Error),
    /// git ran and failed.
    #[error("git {args}: {stderr}")]
    Failed {
        /// The arguments, separated by spaces.
        args: String,
        /// What git printed on its standard error, trimmed.
        stderr: String,
    },
    /// The folder is not in a git work tree.
    #[error("not inside a git work tree")]
    NotAWorkTree,
    /// The current folder could not be read.
    #[error("{0}")]
    CurrentDir(std::io::Error),
    /// The file is not inside the work tree.
    #[error("{} is outside the repository at {}", file.display(), top.display())]
    Outside {
        /// The file, as given.
        file: PathBuf,
        /// The top of the work tree.
        top: PathBuf,
    },
    /// The folder of the file does not exist.
    #[error("{} does not exist", .0.display())]
    NoFolder(PathBuf),
    /// A revision names no commit here.
    #[error("{rev} names no commit in this repository{}", if *.shallow { " (this is a shallow clone: fetch the whole history, with fetch-depth: 0 on GitHub Actions)" } else { "" })]
    UnknownRevision {
        /// The revision, as given.
        rev: String,
        /// Whether the repository is a shallow clone, which may lack it.
        shallow: bool,
    },
    /// The file at a revision is not UTF-8 text.
    #[error("{spec} is not UTF-8 text")]
    NotUtf8 {
        /// The revision and path, `REV:PATH`.
        spec: String,
    },
}

/// Runs git in `dir` (the current folder when `None`), returning its standard output.
pub fn run(dir: Option<&Path>, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let mut cmd = Command::new("git");
    cmd.args(args);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let out = cmd.output().map_err(GitError::Spawn)?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(GitError::Failed {
            args: args.join(" "),
            stderr: err.trim().to_owned(),
        })
    }
}

/// The top folder of the git work tree around `dir` (the current folder when `None`).
pub fn toplevel(dir: Option<&Path>) -> Result<PathBuf, GitError> {
    let out = run(dir, &["rev-parse", "--show-toplevel"]).map_err(|_| GitError::NotAWorkTree)?;
    let top = PathBuf::from(String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r']));
    Ok(top.canonicalize().unwrap_or(top))
}

/// `file` as git names it from the top of the work tree `top` (with `/` separators). A relative
/// `file` is taken from the current folder; a file that no longer exists is fine.
pub fn repo_path(top: &Path, file: &Path) -> Result<String, GitError> {
    let absolute = if file.is_absolute() {
        file.to_owned()
    } else {
        std::env::current_dir()
            .map_err(GitError::CurrentDir)?
            .join(file)
    };
    // Resolve symbolic links in the folder, but keep a file that no longer exists.
    let resolved = match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => dir
            .canonicalize()
            .map(|d| d.join(name))
            .unwrap_or(absolute.clone()),
        _ => absolute.clone(),
    };
    let relative = resolved.strip_prefix(top).map_err(|_| GitError::Outside {
        file: file.to_owned(),
        top: top.to_owned(),
    })?;
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}

/// The email git signs commits with in `dir` (`git config user.email`: the repository's own
/// setting, else the user's), or `None` when git has none or cannot run.
pub fn user_email(dir: &Path) -> Option<String> {
    let out = run(Some(dir), &["config", "user.email"]).ok()?;
    let email = String::from_utf8_lossy(&out).trim().to_owned();
    (!email.is_empty()).then_some(email)
}

/// One commit, as `git log` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full hash.
    pub hash: String,
    /// The abbreviated hash.
    pub short: String,
    /// The author's name.
    pub author: String,
    /// The commit date, `YYYY-MM-DD`.
    pub date: String,
    /// The first line of the message.
    pub subject: String,
}

/// The `--format` of [`parse_log`]: fields separated by 0x1F, commits by 0x1E.
const LOG_FORMAT: &str = "--format=%H%x1f%h%x1f%an%x1f%cs%x1f%s%x1e";

fn parse_log(out: &[u8]) -> Vec<Commit> {
    String::from_utf8_lossy(out)
        .split('\x1e')
        .filter_map(|record| {
            let mut f = record.trim_start_matches(['\n', '\r']).split('\x1f');
            Some(Commit {
                hash: f.next().filter(|h| !h.is_empty())?.to_owned(),
                short: f.next()?.to_owned(),
                author: f.next()?.to_owned(),
                date: f.next()?.to_owned(),
                subject: f.next()?.trim_end().to_owned(),
            })
        })
        .collect()
}

/// Where a plan file sits in its repository.
#[derive(Debug, Clone)]
pub struct Tracked {
    /// The top of the work tree.
    pub top: PathBuf,
    /// The file's path in the repository.
    pub path: String,
}

impl Tracked {
    /// The repository around `file`, or why there is none to ask.
    pub fn find(file: &Path) -> Result<Tracked, GitError> {
        let dir = match file.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(GitError::NoFolder(dir));
        }
        let top = toplevel(Some(&dir))?;
        let path = repo_path(&top, file)?;
        Ok(Tracked { top, path })
    }

    /// The commit `rev` names (`HEAD`, a branch, a hash), or `None` when it names none (a
    /// repository with no commit yet).
    pub fn commit(&self, rev: &str) -> Result<Option<Commit>, GitError> {
        match run(
            Some(&self.top),
            &["log", "-1", LOG_FORMAT, &format!("{rev}^{{commit}}"), "--"],
        ) {
            Ok(out) => Ok(parse_log(&out).into_iter().next()),
            Err(_) => {
                // Tell a revision that does not exist from git that cannot run.
                run(Some(&self.top), &["rev-parse", "--git-dir"])?;
                Ok(None)
            }
        }
    }

    /// The file's text at `rev`, or `None` when the file is not in that revision.
    pub fn text_at(&self, rev: &str) -> Result<Option<String>, GitError> {
        let spec = format!("{rev}:{}", self.path);
        if run(Some(&self.top), &["cat-file", "-e", &spec]).is_err() {
            return Ok(None);
        }
        let bytes = run(Some(&self.top), &["show", &spec])?;
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| GitError::NotUtf8 { spec })
    }

    /// The newest `limit` commits that changed the file, newest first (following renames).
    pub fn history(&self, limit: usize) -> Result<Vec<Commit>, GitError> {
        let out = run(
            Some(&self.top),
            &[
                "log",
                "--follow",
                &format!("-n{limit}"),
                LOG_FORMAT,
                "--",
                &self.path,
            ],
        )?;
        Ok(parse_log(&out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_records_parse_and_ignore_the_trailing_separator() {
        let out = b"abc123\x1fabc\x1fAna Lima\x1f2027-01-05\x1fAgree the message\x1e\n\
                    def456\x1fdef\x1fTom\x1f2027-01-04\x1fFirst plan\x1e\n";
        let commits = parse_log(out);
        assert_eq!(commits.len(), 2);
        assert_eq!(commits[0].short, "abc");
        assert_eq!(commits[0].author, "Ana Lima");
        assert_eq!(commits[1].date, "2027-01-04");
        assert_eq!(commits[1].subject, "First plan");
        assert!(parse_log(b"").is_empty());
    }

    /// The repository's own email is the one given, and it names a person of the example plan
    /// whatever its case.
    #[test]
    fn user_email_reads_the_repository_setting() {
        let dir = tempfile::tempdir().expect("tempdir");
        run(Some(dir.path()), &["init", "-q"]).expect("git init");
        run(
            Some(dir.path()),
            &["config", "user.email", " Lena.Hoffmann@STRATOLINE.example "],
        )
        .expect("git config");
        let email = user_email(dir.path()).expect("an email");
        assert_eq!(email, "Lena.Hoffmann@STRATOLINE.example");
        let plan = crate::format::parse(crate::EXAMPLE_PLAN)
            .expect("example loads")
            .plan;
        assert_eq!(
            plan.person_with_email(&email).map(|p| p.id.as_str()),
            Some("lena")
        );
        assert!(plan.person_with_email("nobody@example.org").is_none());
        assert!(plan.person_with_email("  ").is_none());
    }
}
