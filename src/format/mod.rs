//! The plan file: reading (with positions for every error), migrating older formats, writing
//! the canonical form, the one safe way to put any file on disk ([`write_file`]), and showing
//! its text on a terminal without letting it drive the terminal ([`display_safe`]).

mod de;
mod display;
mod fast;
mod migrate;
mod read;
mod save;
pub mod scan;
pub mod tree;
mod write;

pub use de::ParseError;
pub use display::{display_safe, display_safe_lines, is_unsafe_on_terminal, json_display_safe};
pub use migrate::{MigrateError, Migrator, Step};
pub use read::{
    LoadError, Loaded, MAX_FILE_BYTES, decode, load_file, parse, parse_with, parse_without_items,
    read_stdin, read_text,
};
pub use save::{
    Replace, WriteError, note_process_start, save_file, write_atomic, write_file, write_file_with,
};
pub use scan::{Comment, Pos, SourceMap};
pub(crate) use write::{WriteFields, written_fields};
pub use write::{item_fields, item_fields_at, to_string, write_to};
