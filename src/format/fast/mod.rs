//! The fast way in: one pass over the text that builds the plan and its [`SourceMap`] together,
//! for text that is plainly a plan (what the writer produces, and what people usually write by
//! hand: comments, `Some(...)`, struct names, any spacing). Comments are only stepped over; when
//! the text has any and proves to be a plan, the scan's lexer notes them afterwards, so that junk
//! full of comments costs no memory for them.
//!
//! It reads a strict subset of RON. Anything it is not sure of — an unknown or repeated field, a
//! missing one, a raw string, an unusual escape or number, odd whitespace, an older format — makes
//! it give up, and the full reader (the scan, then `ron`) reads the text instead and words any
//! error. So whenever this returns a plan, it is the plan and the source map the full reader would
//! give; the tests hold it to that on many variations of plan text.
//!
//! The reader is one [`Parser`] whose methods live by job: [`lex`] (whitespace, comments, names
//! and strings), [`values`] (numbers, dates, enums), [`shapes`] (optional values, lists, items
//! with fields), [`section`] (a list section, sized from its first items, with its source map),
//! [`plan`] (the plan and its single items) and [`items`] (the items of the list sections).

use crate::format::scan::SourceMap;
use crate::model::Plan;

/// Sets a field once; a second value is an error for the full reader to word.
macro_rules! once {
    ($slot:ident = $value:expr) => {{
        if $slot.is_some() {
            return None;
        }
        $slot = Some($value);
    }};
}

mod items;
mod lex;
mod plan;
mod section;
mod shapes;
mod values;

#[cfg(test)]
mod tests;

/// The plan and its source map, or `None` when the text needs the full reader.
#[cfg(test)]
pub(super) fn parse(text: &str) -> Option<(Plan, SourceMap)> {
    parse_spans(text, true)
}

/// [`parse`], noting the items' lines and ids in the source map only when `spans` is true.
pub(super) fn parse_spans(text: &str, spans: bool) -> Option<(Plan, SourceMap)> {
    let mut p = Parser {
        src: text,
        b: text.as_bytes(),
        at: 0,
        line: 1,
        line_start: 0,
        implicit_some: false,
        key_line: 1,
        has_comments: false,
        spans,
        map: SourceMap::default(),
    };
    p.ws()?;
    if p.peek() == Some(b'#') {
        p.literal(b"#![enable(implicit_some)]")?;
        p.implicit_some = true;
        p.ws()?;
    }
    let plan = p.plan()?;
    p.ws()?;
    if p.at != p.b.len() {
        return None;
    }
    let mut map = p.map;
    if p.has_comments {
        map.comments = crate::format::scan::comments(text);
    }
    Some((plan, map))
}

/// The reader: where it is in the text, and the source map it fills in as it goes.
struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    at: usize,
    /// The line of `at`, and where that line starts.
    line: usize,
    line_start: usize,
    implicit_some: bool,
    /// The line of the field name being read.
    key_line: usize,
    /// Whether the text has comments: they are noted in the map once the plan is read.
    has_comments: bool,
    /// Whether list items are noted in the map (their lines and ids).
    spans: bool,
    map: SourceMap,
}
