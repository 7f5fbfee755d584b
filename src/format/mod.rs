//! The plan file: reading (with positions for every error), migrating older formats, and
//! writing the canonical form.

mod de;
mod fast;
mod migrate;
mod read;
pub mod scan;
pub mod tree;
mod write;

pub use de::ParseError;
pub use migrate::{MigrateError, Migrator, Step};
pub use read::{
    LoadError, Loaded, MAX_FILE_BYTES, decode, load_file, parse, parse_with, read_text,
};
pub use scan::{Comment, Pos, SourceMap};
pub use write::{item_fields, item_fields_at, save_file, to_string, write_atomic};
