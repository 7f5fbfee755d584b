//! Reading who recorded each sign-off from the plan file's git history, in a few git processes
//! whatever the number of commits and sign-offs: one `rev-parse`, one `log --follow` (renames
//! followed) and one `cat-file --batch` that hands over every version of the file. Each version
//! is read with the fast reader; the facts and the judgement are in
//! [`crate::analysis::provenance`].
//!
//! In a shallow clone the oldest commit at hand stands for all the history before it: the
//! sign-offs it carries are older than the clone and trusted ([`SignoffHistory::shallow`]).

use crate::analysis::provenance::{Recorded, SignoffHistory, SignoffKey, Verification, keys};
use crate::git::{GitError, repo_path};
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// One commit that changed the file, and the file's path in it (`None`: it deleted the file).
struct Change {
    commit: Recorded,
    path: Option<String>,
}

/// The repository around a plan file.
struct Repo {
    top: PathBuf,
    git_dir: PathBuf,
    path: String,
    /// The commits where a shallow clone's history stops.
    boundary: HashSet<String>,
}

fn find(file: &Path) -> Result<Repo, GitError> {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(GitError::NoFolder(dir));
    }
    let out = crate::git::run(
        Some(&dir),
        &[
            "rev-parse",
            "--show-toplevel",
            "--absolute-git-dir",
            "--is-shallow-repository",
            "--git-path",
            "shallow",
        ],
    )
    .map_err(|_| GitError::NotAWorkTree)?;
    let text = String::from_utf8_lossy(&out);
    let mut lines = text.lines();
    let top = PathBuf::from(lines.next().ok_or(GitError::NotAWorkTree)?);
    let top = top.canonicalize().unwrap_or(top);
    let git_dir = PathBuf::from(lines.next().ok_or(GitError::NotAWorkTree)?);
    let shallow = lines.next() == Some("true");
    let boundary = match (shallow, lines.next()) {
        (true, Some(p)) => {
            let p = Path::new(p);
            let p = if p.is_absolute() {
                p.to_owned()
            } else {
                dir.join(p)
            };
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .lines()
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect()
        }
        _ => HashSet::new(),
    };
    let path = repo_path(&top, file)?;
    Ok(Repo {
        top,
        git_dir,
        path,
        boundary,
    })
}

/// The commits that changed the file, newest first, following renames.
fn changes(repo: &Repo) -> Result<Vec<Change>, GitError> {
    let args = [
        "log",
        "--follow",
        "--topo-order",
        "--format=%x1e%H%x1f%h%x1f%an%x1f%ae",
        "--name-status",
        "-z",
        "--",
        repo.path.as_str(),
    ];
    let out = match crate::git::run(Some(&repo.top), &args) {
        Ok(out) => out,
        // A repository with no commit yet has no history.
        Err(GitError::Failed { stderr, .. }) if stderr.contains("does not have any commits") => {
            return Ok(Vec::new());
        }
        Err(e) => return Err(e),
    };
    let text = String::from_utf8_lossy(&out);
    // The path at the newer commit: a merge lists no file, and keeps the path it had.
    let mut path = repo.path.clone();
    let mut out = Vec::new();
    for record in text.split('\x1e').filter(|r| !r.is_empty()) {
        let (head, files) = record.split_once('\0').unwrap_or((record, ""));
        let mut f = head.split('\x1f');
        let (Some(hash), Some(short), Some(name), Some(email)) =
            (f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let fields: Vec<&str> = files
            .trim_start_matches(['\n', '\r'])
            .split('\0')
            .filter(|s| !s.is_empty())
            .collect();
        let mut at = Some(path.clone());
        match fields.as_slice() {
            [status, old, new, ..] if status.starts_with(['R', 'C']) => {
                at = Some((*new).to_owned());
                path = (*old).to_owned();
            }
            [status, p, ..] => {
                at = (!status.starts_with('D')).then(|| (*p).to_owned());
                path = (*p).to_owned();
            }
            _ => {}
        }
        out.push(Change {
            commit: Recorded {
                hash: hash.to_owned(),
                short: short.to_owned(),
                name: name.to_owned(),
                email: email.to_owned(),
            },
            path: at,
        });
    }
    Ok(out)
}

/// What `read` makes of the objects `specs` name (`REV:PATH`, `REV^{commit}`), read through one
/// `git cat-file --batch`, in order; `None` for one that does not exist. `read` runs on worker
/// threads while git is still handing over the next objects.
fn objects<T: Send>(
    top: &Path,
    specs: Vec<String>,
    read: impl Fn(&[u8]) -> T + Sync,
) -> Result<Vec<Option<T>>, GitError> {
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .args(["cat-file", "--batch"])
        .current_dir(top)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(GitError::Spawn)?;
    let failed = |why: &str| GitError::Failed {
        args: "cat-file --batch".to_owned(),
        stderr: why.to_owned(),
    };
    let mut stdin = child.stdin.take().ok_or_else(|| failed("no input"))?;
    let stdout = child.stdout.take().ok_or_else(|| failed("no output"))?;
    let count = specs.len();
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
    // The objects go to the workers as they come; what they make of them comes back with each
    // object's place.
    let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<(usize, Vec<u8>)>(workers * 2);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, T)>();
    let result = std::thread::scope(|scope| {
        // Asked on a thread of its own, so that a full pipe of answers never blocks the questions.
        scope.spawn(move || {
            for s in specs {
                if writeln!(stdin, "{s}").is_err() {
                    break;
                }
            }
        });
        for _ in 0..workers {
            let (work_rx, done_tx, read) = (&work_rx, done_tx.clone(), &read);
            scope.spawn(move || {
                loop {
                    let next = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((i, body)) = next else { return };
                    if done_tx.send((i, read(&body))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let mut line = String::new();
        let mut outcome = Ok(());
        for i in 0..count {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) => {
                    outcome = Err(failed("the answers stopped early"));
                    break;
                }
                Err(e) => {
                    outcome = Err(GitError::Spawn(e));
                    break;
                }
                Ok(_) => {}
            }
            let header = line.trim_end();
            if header.ends_with(" missing") || header.ends_with(" ambiguous") {
                continue;
            }
            let Some(size) = header
                .split(' ')
                .nth(2)
                .and_then(|s| s.parse::<usize>().ok())
            else {
                outcome = Err(failed(header));
                break;
            };
            let mut body = vec![0; size + 1];
            if let Err(e) = reader.read_exact(&mut body) {
                outcome = Err(GitError::Spawn(e));
                break;
            }
            body.truncate(size);
            if work_tx.send((i, body)).is_err() {
                break;
            }
        }
        drop(work_tx);
        let mut out: Vec<Option<T>> = std::iter::repeat_with(|| None).take(count).collect();
        for (i, t) in done_rx {
            if let Some(slot) = out.get_mut(i) {
                *slot = Some(t);
            }
        }
        outcome.map(|()| out)
    });
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// The sign-offs of one version of the file, or `None` when it does not read as a plan (a
/// conflict committed by mistake).
fn version_keys(bytes: &[u8]) -> Option<HashSet<SignoffKey>> {
    let text = std::str::from_utf8(bytes).ok()?;
    crate::format::parse(text)
        .ok()
        .map(|loaded| keys(&loaded.plan))
}

/// Reads the history of `file`, and, when `rev` is given, the sign-offs the file had at `rev`.
fn read(file: &Path, rev: Option<&str>) -> Result<(Verification, PathBuf), GitError> {
    let repo = find(file)?;
    let mut changes = changes(&repo)?;
    changes.reverse(); // Oldest first.
    let mut specs: Vec<String> = changes
        .iter()
        .filter_map(|c| c.path.as_ref().map(|p| format!("{}:{p}", c.commit.hash)))
        .collect();
    // The file at `rev`, under its current name or any name it had before.
    let mut names: Vec<String> = vec![repo.path.clone()];
    for c in changes.iter().rev() {
        if let Some(p) = &c.path
            && !names.contains(p)
        {
            names.push(p.clone());
        }
    }
    if let Some(rev) = rev {
        specs.push(format!("{rev}^{{commit}}"));
        specs.extend(names.iter().map(|n| format!("{rev}:{n}")));
    }
    let mut answers = objects(&repo.top, specs, version_keys)?.into_iter();
    let mut history = SignoffHistory::default();
    // A version that does not read as a plan may have brought sign-offs that only the next
    // readable version shows: those count as recorded by the first unreadable one, never by
    // whoever repaired the file.
    let mut unreadable: Option<Recorded> = None;
    for change in changes {
        let keys = match &change.path {
            Some(_) => answers.next().flatten().flatten(),
            None => Some(HashSet::new()),
        };
        let Some(keys) = keys else {
            unreadable.get_or_insert(change.commit);
            continue;
        };
        let commit = unreadable.take().unwrap_or(change.commit);
        let boundary = repo.boundary.contains(&commit.hash);
        history.add_version(commit, boundary, keys);
    }
    let mut baseline = HashSet::new();
    if let Some(rev) = rev {
        if answers.next().flatten().is_none() {
            return Err(GitError::UnknownRevision {
                rev: rev.to_owned(),
                shallow: !repo.boundary.is_empty(),
            });
        }
        // The file at `rev` under the first name it has there.
        if let Some(keys) = answers.flatten().next() {
            baseline = keys.unwrap_or_default();
        }
    }
    let verification = Verification {
        rev: rev.unwrap_or_default().to_owned(),
        baseline,
        history,
    };
    Ok((verification, repo.git_dir))
}

/// The sign-offs of a plan file's history, and where to look for new commits.
#[derive(Debug, Clone)]
pub struct FileHistory {
    /// Who first committed each sign-off the file ever carried.
    pub signoffs: SignoffHistory,
    /// The repository's git folder (of this work tree): its `HEAD` and `logs/HEAD` change with
    /// every commit, checkout and reset.
    pub git_dir: PathBuf,
}

/// Who first committed each sign-off the history of `file` ever carried.
pub fn history(file: &Path) -> Result<FileHistory, GitError> {
    read(file, None).map(|(v, git_dir)| FileHistory {
        signoffs: v.history,
        git_dir,
    })
}

/// What `check --verify-signoffs REV` needs for `file`: its history, and its sign-offs at `rev`.
pub fn verification(file: &Path, rev: &str) -> Result<Verification, GitError> {
    read(file, Some(rev)).map(|(v, _)| v)
}
