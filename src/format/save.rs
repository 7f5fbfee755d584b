//! The one way Preshow writes a file: saves, `fmt`, `sign`, `import`, `merge`, `new`,
//! `generate`, every export, and the workbench's own settings.
//!
//! - A symbolic link is followed to its final target, and the target is replaced: the link
//!   stays a link.
//! - A path that exists and is not a regular file (a folder, a named pipe, a socket, a device)
//!   is refused, naming what it is: nothing replaces `/dev/null` or a pipe with a file.
//! - A read-only file is refused unless the caller says [`Replace::ReadOnlyToo`] (`--force`).
//! - The text goes into a temporary file beside the target (`.NAME.preshow-tmp-XXXXXX`),
//!   which is flushed to disk and renamed over the target. A full disk, an error or a crash
//!   at any instant leaves the old file or the new one, whole; a failed write removes its
//!   temporary file.
//! - A save killed mid-way can still leave its temporary file; the next successful save of
//!   the same file removes such leftovers (ours only, and only older than this process).

use crate::model::Plan;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// What marks our temporary files, after `.NAME`.
const TEMP_MARK: &str = ".preshow-tmp-";
/// Random characters at the end of a temporary file's name.
const TEMP_RANDOM: usize = 6;
/// At most this many bytes of the target's name go into a temporary file's name, so that the
/// name stays within every file system's limit.
const TEMP_NAME_BYTES: usize = 100;
/// A leftover must be at least this old as well, so that a save another Preshow is making at
/// this moment is never taken for one.
const STALE_AFTER: Duration = Duration::from_secs(60);
/// Links followed before giving up, as the system does.
const MAX_LINKS: usize = 40;

/// What a write may replace at its path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Replace {
    /// A new file, or a regular file that may be written (not read-only).
    #[default]
    Writable,
    /// Also a read-only regular file: the user said so (`--force`).
    ReadOnlyToo,
    /// Only a new file; an existing one is left alone (`preshow new`).
    Nothing,
}

/// Why a file was not written. Each names the path as the user gave it; in every case the
/// file at that path is as it was.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The path is a folder, a named pipe, a socket or a device, not a regular file.
    #[error("{} is {what}, not a file; nothing was written", path.display())]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What it is, such as "a folder" or "a named pipe (FIFO)".
        what: &'static str,
    },
    /// The file is read-only, and the write was not told to replace it anyway.
    #[error("{} is read-only; nothing was written", path.display())]
    ReadOnly {
        /// The path given.
        path: PathBuf,
    },
    /// The file exists, and the write was to make a new one.
    #[error("{} already exists; nothing was written", path.display())]
    Exists {
        /// The path given.
        path: PathBuf,
    },
    /// The system refused: no room, no permission on the folder, and so on.
    #[error("{}: could not write: {source}", path.display())]
    Io {
        /// The path given.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

impl From<WriteError> for io::Error {
    fn from(e: WriteError) -> Self {
        let kind = match &e {
            WriteError::NotAFile { .. } => io::ErrorKind::InvalidInput,
            WriteError::ReadOnly { .. } => io::ErrorKind::PermissionDenied,
            WriteError::Exists { .. } => io::ErrorKind::AlreadyExists,
            WriteError::Io { source, .. } => source.kind(),
        };
        io::Error::new(kind, e)
    }
}

/// Writes a plan's canonical text to `path` (see [`write_atomic`]).
pub fn save_file(path: &Path, plan: &Plan) -> Result<(), WriteError> {
    write_atomic(path, crate::format::to_string(plan).as_bytes())
}

/// Replaces the file at `path` (or makes it) with `bytes`, atomically; refuses what is not a
/// regular file and a read-only file (see the module's documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_file(path, bytes, Replace::Writable)
}

/// [`write_atomic`] with a say in what may be replaced.
pub fn write_file(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), WriteError> {
    write_file_with(path, replace, |out| out.write_all(bytes))
}

/// The one write path: `fill` writes the content into the temporary file, and only if it
/// succeeds is the file synced and renamed over the target. An error from `fill` (a full disk,
/// say) leaves the target as it was and no temporary file.
pub fn write_file_with(
    path: &Path,
    replace: Replace,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let io_error = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    // What the path is, following links (so `/proc/self/fd/1` is the pipe or terminal it
    // stands for).
    let existing = match std::fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io_error(e)),
    };
    if let Some(meta) = &existing {
        if let Some(what) = not_a_file(&meta.file_type()) {
            return Err(WriteError::NotAFile {
                path: path.to_owned(),
                what,
            });
        }
        match replace {
            Replace::Nothing => {
                return Err(WriteError::Exists {
                    path: path.to_owned(),
                });
            }
            Replace::Writable if read_only(path, meta) => {
                return Err(WriteError::ReadOnly {
                    path: path.to_owned(),
                });
            }
            Replace::Writable | Replace::ReadOnlyToo => {}
        }
    } else if replace == Replace::Nothing && std::fs::symlink_metadata(path).is_ok() {
        // A link to nowhere is still something at the path.
        return Err(WriteError::Exists {
            path: path.to_owned(),
        });
    }
    let target = final_target(path).map_err(io_error)?;
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = target.file_name().ok_or_else(|| {
        io_error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ))
    })?;
    let prefix = temp_prefix(name);

    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(TEMP_RANDOM);
    // A new file gets the permissions any new file gets here (0o666 less the umask), not the
    // owner-only ones of a temporary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io_error)?;
    // On any error from here the temporary file is dropped, which removes it.
    fill(tmp.as_file_mut()).map_err(io_error)?;
    tmp.as_file_mut().flush().map_err(io_error)?;
    if let Some(meta) = &existing {
        keep_owner(tmp.as_file(), meta);
        // Before the sync, so that the permissions are as durable as the bytes.
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(io_error)?;
    }
    tmp.as_file().sync_all().map_err(io_error)?;
    if replace == Replace::Nothing {
        tmp.persist_noclobber(&target).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                WriteError::Exists {
                    path: path.to_owned(),
                }
            } else {
                io_error(e.error)
            }
        })?;
    } else {
        tmp.persist(&target).map_err(|e| io_error(e.error))?;
    }
    // Make the rename itself durable where the platform allows syncing a folder.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    remove_leftovers(&dir, &prefix);
    Ok(())
}

/// What a path that is not a regular file is, in words; `None` for a regular file.
fn not_a_file(kind: &std::fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
    }
    Some("something other than a regular file")
}

/// Whether the regular file at `path` may not be written: no write permission for anyone, or
/// none for this user. Opening for writing without truncating changes nothing in the file.
fn read_only(path: &Path, meta: &std::fs::Metadata) -> bool {
    meta.permissions().readonly()
        || std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .is_err_and(|e| e.kind() == io::ErrorKind::PermissionDenied)
}

/// The file a chain of symbolic links at `path` ends at (`path` itself when it is no link);
/// it may not exist yet.
fn final_target(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_owned();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&at)?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The start of our temporary files' names for a target named `name`: `.NAME.preshow-tmp-`.
fn temp_prefix(name: &std::ffi::OsStr) -> OsString {
    let name = name.to_string_lossy();
    let mut short = String::new();
    for c in name.chars() {
        if short.len() + c.len_utf8() > TEMP_NAME_BYTES {
            break;
        }
        short.push(c);
    }
    OsString::from(format!(".{short}{TEMP_MARK}"))
}

/// Gives the new file the old one's owner and group where the system allows (as root, so
/// that saving someone's plan leaves it theirs); otherwise it keeps the writer's.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &std::fs::File, _meta: &std::fs::Metadata) {}

static STARTED: OnceLock<SystemTime> = OnceLock::new();

/// Notes when this process started, for telling leftovers from saves in progress. The binary
/// calls it first thing; otherwise the first write stands for the start.
pub fn note_process_start() {
    STARTED.get_or_init(SystemTime::now);
}

/// Removes temporary files of ours beside a target whose temporary files start with
/// `prefix`: left by saves that were killed, older than this process and than a minute.
/// Failing to remove one is no reason to fail the save.
fn remove_leftovers(dir: &Path, prefix: &OsString) {
    let started = *STARTED.get_or_init(SystemTime::now);
    let now = SystemTime::now();
    let cutoff = now.checked_sub(STALE_AFTER).unwrap_or(now).min(started);
    let Some(prefix) = prefix.to_str() else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let Some(random) = name.strip_prefix(prefix) else {
            continue;
        };
        if random.len() != TEMP_RANDOM || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        // `DirEntry::metadata` does not follow links: only a regular file is ours.
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        if meta.modified().is_ok_and(|m| m < cutoff) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_name_stays_short_and_names_its_target() {
        assert_eq!(
            temp_prefix(std::ffi::OsStr::new("plan.ron")),
            OsString::from(".plan.ron.preshow-tmp-")
        );
        let long = "ü".repeat(200);
        let prefix = temp_prefix(std::ffi::OsStr::new(&long));
        assert!(prefix.len() <= TEMP_NAME_BYTES + 1 + TEMP_MARK.len());
        assert!(prefix.to_string_lossy().starts_with(".üü"));
    }
}
