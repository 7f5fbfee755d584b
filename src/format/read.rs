//! Reading plan text: size and encoding limits, the version check, migration, and errors that
//! say where and what is wrong.

use crate::format::de::{ParseError, deserialize};
use crate::format::migrate::Migrator;
use crate::format::scan::{self, Pos, SourceMap};
use crate::model::Plan;
use std::fmt;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before reading: 256 MiB is far beyond any real plan.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The UTF-8 byte-order mark.
const BOM: char = '\u{feff}';

/// A plan read from text, with where its parts are.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The plan, in the current format.
    pub plan: Plan,
    /// Where things are in the text it came from.
    pub source: SourceMap,
    /// The older format it was migrated from, if any.
    pub migrated_from: Option<u32>,
}

/// Why a plan file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub error: ParseError,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.path.display(), self.error)
    }
}

impl std::error::Error for LoadError {}

/// Reads a plan from text in any format this build knows.
pub fn parse(text: &str) -> Result<Loaded, ParseError> {
    parse_with(text, &Migrator::standard())
}

/// [`parse`] for a reader that never points at an item's line: the source map may leave out
/// the items' lines and ids (it has the comments and the top-level keys), which for a large
/// plan saves memory and time (a line and an id for each of 400,000 items at 100,000 accounts).
pub fn parse_without_items(text: &str) -> Result<Loaded, ParseError> {
    parse_spans(text, &Migrator::standard(), false)
}

/// Reads a plan from text, migrating older formats with `migrator`.
///
/// A UTF-8 byte-order mark at the start, which some Windows editors write, is read past:
/// positions count from the character after it, as editors show the file.
pub fn parse_with(text: &str, migrator: &Migrator) -> Result<Loaded, ParseError> {
    parse_spans(text, migrator, true)
}

/// [`parse_with`], with the items in the source map only when `spans` is true.
fn parse_spans(text: &str, migrator: &Migrator, spans: bool) -> Result<Loaded, ParseError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::whole(
            "the file is empty: a plan needs at least `format` and `event`",
        ));
    }
    // Most plans are plainly plans: read them in one pass; anything else takes the full way.
    if let Some((plan, source)) = crate::format::fast::parse_spans(text, spans)
        && migrator.reads_directly(plan.format)
    {
        return Ok(Loaded {
            plan,
            source,
            migrated_from: None,
        });
    }
    // The full way reads the text three times, each with no memory beyond a few tokens until
    // the text is known to be a plan: the nesting and the `format` number, then `ron` (which
    // stops at the first error), and only then the source map, whose items and comments grow
    // with the text.
    let format = scan::format_number(text).map_err(|deep| {
        ParseError::at(
            deep.0,
            format!(
                "nested more than {} levels deep: this is not a plan file",
                scan::MAX_DEPTH
            ),
        )
    })?;
    if let Some(pos) = scan::bare_some(text) {
        return Err(ParseError::at(
            pos,
            "`Some` must be followed by its value in parentheses, as in `Some(\"ana\")` \
             (with `#![enable(implicit_some)]` at the top, write just the value)",
        ));
    }
    let shallow = |text: &str| scan::scan(text).unwrap_or_default();
    if let Some((number, pos)) = format {
        if number > u64::from(migrator.current) {
            return Err(ParseError::at(
                pos,
                format!(
                    "this plan is format {number}, but this version of Preshow reads format {} at most: \
                     update Preshow to open it (the file was not changed)",
                    migrator.current
                ),
            ));
        }
        if number < u64::from(migrator.direct) {
            let from = u32::try_from(number).unwrap_or(0);
            let plan = migrator.migrate(text, from).map_err(|m| {
                conflict_marker(text).unwrap_or_else(|| ParseError::at(pos, m.to_string()))
            })?;
            return Ok(Loaded {
                plan,
                source: shallow(text),
                migrated_from: Some(from),
            });
        }
    }
    let plan: Plan = deserialize(text).map_err(|e| conflict_marker(text).unwrap_or(e))?;
    let source = shallow(text);
    // The scan reads `format` only as plain decimal digits; RON also spells numbers `0x2`,
    // `0b10`, `1_0` or `-0`. The parsed number is the one that counts: a file claiming another
    // format must not load as the current one (and then be rewritten as that format).
    if !migrator.reads_directly(plan.format) {
        let pos = source
            .format
            .map(|(_, pos)| pos)
            .or_else(|| {
                source
                    .keys
                    .get("format")
                    .map(|&line| Pos { line, column: 1 })
            })
            .unwrap_or(Pos { line: 1, column: 1 });
        if plan.format > migrator.current {
            return Err(ParseError::at(
                pos,
                format!(
                    "this plan is format {}, but this version of Preshow reads format {} at most: \
                     update Preshow to open it (the file was not changed)",
                    plan.format, migrator.current
                ),
            ));
        }
        let from = plan.format;
        let plan = migrator
            .migrate(text, from)
            .map_err(|m| ParseError::at(pos, m.to_string()))?;
        return Ok(Loaded {
            plan,
            source,
            migrated_from: Some(from),
        });
    }
    Ok(Loaded {
        plan,
        source,
        migrated_from: None,
    })
}

/// For text that failed to parse: the first git conflict marker (a line starting with `<<<<<<<`,
/// `|||||||`, `=======` or `>>>>>>>`), which says better than the parser's error what is wrong.
fn conflict_marker(text: &str) -> Option<ParseError> {
    let (index, marker) = text.lines().enumerate().find_map(|(i, line)| {
        ["<<<<<<<", "|||||||", "=======", ">>>>>>>"]
            .into_iter()
            .find(|m| line.starts_with(m))
            .map(|m| (i, m))
    })?;
    Some(ParseError::at(
        Pos {
            line: index + 1,
            column: 1,
        },
        format!(
            "unresolved merge conflict: `{marker}` is a git conflict marker; keep the side you \
             want (or combine them), delete the `<<<<<<<`, `=======` and `>>>>>>>` lines, and save"
        ),
    ))
}

/// Reads and parses a plan file, refusing what is too large or not UTF-8.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let fail = |error: ParseError| LoadError {
        path: path.to_owned(),
        error,
    };
    let text = read_text(path).map_err(fail)?;
    parse(&text).map_err(fail)
}

/// Reads a file as UTF-8 text within [`MAX_FILE_BYTES`].
pub fn read_text(path: &Path) -> Result<String, ParseError> {
    let file = std::fs::File::open(path).map_err(|e| ParseError::whole(io_message(&e)))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    read_limited(file, size)
}

/// Reads standard input as UTF-8 text within [`MAX_FILE_BYTES`], as [`read_text`] reads a file.
pub fn read_stdin() -> Result<String, ParseError> {
    read_limited(std::io::stdin().lock(), 0)
}

/// Reads `source` to its end as UTF-8 text, refusing more than [`MAX_FILE_BYTES`]; `size` is
/// how many bytes are expected, to allocate once.
fn read_limited(source: impl std::io::Read, size: u64) -> Result<String, ParseError> {
    use std::io::Read;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    source
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ParseError::whole(io_message(&e)))?;
    decode(bytes)
}

/// Plan text from bytes (a file's, or a version's from git): refused when larger than
/// [`MAX_FILE_BYTES`], or not UTF-8, at the first byte that is not.
pub fn decode(bytes: Vec<u8>) -> Result<String, ParseError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = e
            .as_bytes()
            .get(..e.utf8_error().valid_up_to())
            .unwrap_or_default();
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let last_line = good.rsplit(|&b| b == b'\n').next().unwrap_or_default();
        let last_line = last_line
            .strip_prefix(BOM.to_string().as_bytes())
            .filter(|_| line == 1)
            .unwrap_or(last_line);
        let column = String::from_utf8_lossy(last_line).chars().count() + 1;
        ParseError::at(
            Pos { line, column },
            "the file is not UTF-8 text: save it as UTF-8",
        )
    })
}

/// The error for a file of `size` bytes, more than [`MAX_FILE_BYTES`]. The exact size is given,
/// since a file one byte too large is "256 MiB" rounded.
fn too_large(size: u64) -> ParseError {
    ParseError::whole(format!(
        "the file is {size} bytes, more than the {} MiB ({MAX_FILE_BYTES} bytes) a plan may be: \
         this is not a plan Preshow can open",
        MAX_FILE_BYTES / (1024 * 1024)
    ))
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ if e.raw_os_error() == Some(21) => "this is a folder, not a plan file".to_owned(),
        _ => e.to_string(),
    }
}
