//! Why a CSV file cannot be read or imported at all, and why a `--map` is wrong. Each error's text
//! is the message the command line and the workbench show.

use crate::interchange::import::fields::{Field, Kind};
use std::path::PathBuf;

/// Why a `--map COLUMN=FIELD` specification cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    /// No `=` separates the column from the field.
    #[error(
        "--map `{spec}`: write it as \"Column header=field\", for example \"Account Owner=owner\""
    )]
    NoEquals {
        /// The specification as given.
        spec: String,
    },
    /// Nothing before the `=`.
    #[error("--map `{spec}`: the column header is empty")]
    EmptyColumn {
        /// The specification as given.
        spec: String,
    },
    /// `stage:` with no stage id after it.
    #[error(
        "--map `{spec}`: name the plan's stage after `stage:`, for example \"Working=stage:sal\""
    )]
    EmptyStage {
        /// The specification as given.
        spec: String,
    },
    /// The text after the `=` names no [`Field`].
    #[error(
        "--map `{spec}`: `{field}` is not a field; fields are {fields}; for leads, \
         `stage:ID` names the plan's stage a CRM stage is",
        fields = Field::ALL.map(Field::key).join(", ")
    )]
    UnknownField {
        /// The specification as given.
        spec: String,
        /// The field asked for, trimmed.
        field: String,
    },
}

/// Bytes that are not UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not UTF-8 text (byte {byte} is not): export it as \"CSV UTF-8\"")]
pub struct DecodeError {
    /// The first byte that is not UTF-8, counted from 1.
    pub byte: usize,
}

/// Why a CSV file could not be read from disk; the message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{}: cannot read: {source}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is larger than a plan file may be.
    #[error("{}: {size} bytes is too large for a CSV export", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{}: {source}", .path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the text stops being UTF-8.
        source: DecodeError,
    },
}

/// Why a CSV file cannot be imported at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Nothing to read.
    #[error("the CSV file is empty: it needs a header row and at least one row")]
    Empty,
    /// A quoted cell is never closed: the rest of the file would be read into it.
    #[error(
        "line {line}: a cell opened with a quote (\") here is never closed, so every line after it \
         would be read into that one cell; close the quote (a quote inside a cell is written twice, \
         \"\") and import again"
    )]
    UnterminatedQuote {
        /// The line the quote opens on, counted from 1.
        line: usize,
    },
    /// The merged plan would be larger than Preshow opens.
    #[error(
        "the plan would be {bytes} bytes with this import, more than the {limit_mib} MiB a plan \
         may be, and Preshow could not open it again: it was not changed; import fewer rows",
        limit_mib = limit / (1024 * 1024)
    )]
    TooLarge {
        /// The size of the merged plan's text.
        bytes: u64,
        /// The largest plan Preshow opens, in bytes.
        limit: u64,
    },
    /// The header row could not be read.
    #[error("the CSV header row cannot be read: {0}")]
    NotCsv(String),
    /// A column the import needs is not there.
    #[error(
        "no column for the {what}: the headers are {headers}; name the column with --map \"Header={field}\""
    )]
    MissingColumn {
        /// What is missing, in words.
        what: &'static str,
        /// The field to map.
        field: &'static str,
        /// The headers found.
        headers: String,
    },
    /// `--map` names a column the file does not have.
    #[error(
        "--map names the column `{column}`, which the CSV file does not have (headers: {headers})"
    )]
    NoSuchColumn {
        /// The column named.
        column: String,
        /// The headers found.
        headers: String,
    },
    /// `--map NAME=stage:ID` for an import of accounts or meetings.
    #[error(
        "--map `{name}=stage:{stage}`: {kind} have no stages; only a leads import maps CRM stages"
    )]
    StageOutsideLeads {
        /// The CRM stage or column named.
        name: String,
        /// The stage id given.
        stage: String,
        /// The import's kind.
        kind: Kind,
    },
    /// `--map NAME=stage:ID` names a stage the plan does not have.
    #[error(
        "--map `{name}=stage:{stage}`: the plan has no stage `{stage}`; its stages are {stages}"
    )]
    UnknownStage {
        /// The CRM stage or column named.
        name: String,
        /// The stage id given.
        stage: String,
        /// The plan's stage ids.
        stages: String,
    },
    /// `--map` maps a column to a field of the other kind of import.
    #[error("--map `{column}={field}`: {kind} have no field `{field}`; they take {allowed}")]
    WrongField {
        /// The column.
        column: String,
        /// The field asked for.
        field: &'static str,
        /// The import's kind.
        kind: Kind,
        /// The fields allowed.
        allowed: String,
    },
}
