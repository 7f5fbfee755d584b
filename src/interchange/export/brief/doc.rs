//! The brief as a small document ([`Doc`]): a title, facts, and sections of headings,
//! paragraphs, lists and tables, built once and rendered as Markdown or HTML.

/// The brief as a document: a title, facts, and sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The title.
    pub title: String,
    /// Label and value pairs under the title.
    pub facts: Vec<(&'static str, String)>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

/// One section of the brief.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Its heading.
    pub title: String,
    /// What it holds.
    pub blocks: Vec<Block>,
}

/// A block of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A sub-heading.
    Heading(String),
    /// A paragraph.
    Para(String),
    /// A list; each item may have sub-items.
    List(Vec<Item>),
    /// A table with a header row.
    Table {
        /// Column headings.
        head: Vec<&'static str>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
    },
}

/// A list item.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The item's text.
    pub text: String,
    /// Sub-items.
    pub sub: Vec<String>,
    /// Whether it is a gap worth a reader's eye.
    pub flagged: bool,
}

/// A list item.
pub(super) fn item(text: String, sub: Vec<String>, flagged: bool) -> Item {
    Item { text, sub, flagged }
}
