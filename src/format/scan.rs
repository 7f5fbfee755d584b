//! A light pass over the plan text that finds where things are: the line of every item, the
//! `format` number, and every comment. It never fails on odd text (the real parser reports
//! syntax errors); it only refuses nesting deeper than any plan needs.

use crate::model::Section;
use std::collections::BTreeMap;

/// Nesting deeper than this is refused before parsing: no plan needs more than a handful.
pub const MAX_DEPTH: usize = 32;

/// Where the parts of a plan are in its text. Lines and columns count from 1.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// The `format` number and its position, if the text has one.
    pub format: Option<(u64, Pos)>,
    /// Line of each top-level field (`event`, `accounts`, ...).
    pub keys: BTreeMap<String, usize>,
    /// Each list section's items, in file order.
    pub items: BTreeMap<Section, Vec<ItemSpan>>,
    /// Every comment, in file order.
    pub comments: Vec<Comment>,
}

/// A position in the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Where one list item starts, and its id if it was plain to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpan {
    /// Line of the item's opening.
    pub line: usize,
    /// The `id` written in it.
    pub id: Option<String>,
}

/// A comment in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Where it starts.
    pub pos: Pos,
    /// Its text, markers included.
    pub text: String,
}

impl SourceMap {
    /// The line of item `index` of `section`.
    pub fn item_line(&self, section: Section, index: usize) -> Option<usize> {
        self.items.get(&section)?.get(index).map(|i| i.line)
    }

    /// The line of a top-level field.
    pub fn key_line(&self, section: Section) -> Option<usize> {
        self.keys.get(section.key()).copied()
    }
}

/// Nesting beyond [`MAX_DEPTH`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep(pub Pos);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok {
    Open(u8),
    Close,
    Colon,
    Ident,
    Str,
    Other,
}

#[derive(Clone, Copy)]
pub(super) struct Token {
    pub(super) tok: Tok,
    pub(super) pos: Pos,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// The tokens of `src`, comments left out.
pub(super) fn tokens(src: &str) -> Vec<Token> {
    Lexer::new(src, false).collect()
}

/// Every comment in `src`, in file order.
pub(super) fn comments(src: &str) -> Vec<Comment> {
    let mut lexer = Lexer::new(src, true);
    lexer.by_ref().for_each(drop);
    lexer.comments
}

/// The tokens of the text one at a time, so that no pass over the text holds more than a few
/// of them: a file of tiny tokens costs no more memory than a plan of the same size.
struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    at: usize,
    line: usize,
    col: usize,
    /// Whether comments are noted in `comments`.
    keep_comments: bool,
    comments: Vec<Comment>,
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        self.next_token()
    }
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str, keep_comments: bool) -> Self {
        Lexer {
            src,
            bytes: src.as_bytes(),
            at: 0,
            line: 1,
            col: 1,
            keep_comments,
            comments: Vec::new(),
        }
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.col,
        }
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.at + ahead).copied()
    }

    /// The length in bytes of the whitespace character here (0: none). RON's whitespace is
    /// Rust's `Pattern_White_Space`: besides space, tab and line ends, vertical tab, form feed,
    /// NEL, the direction marks and the line and paragraph separators.
    fn space_len(&self) -> usize {
        match (self.peek(0), self.peek(1), self.peek(2)) {
            (Some(b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C), _, _) => 1,
            (Some(0xC2), Some(0x85), _) => 2,
            (Some(0xE2), Some(0x80), Some(0x8E | 0x8F | 0xA8 | 0xA9)) => 3,
            _ => 0,
        }
    }

    fn bump(&mut self) {
        if let Some(&b) = self.bytes.get(self.at) {
            self.at += 1;
            if b == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if b & 0xC0 != 0x80 {
                self.col += 1;
            }
        }
    }

    fn next_token(&mut self) -> Option<Token> {
        while let Some(b) = self.peek(0) {
            let pos = self.pos();
            let start = self.at;
            let space = self.space_len();
            if space > 0 {
                for _ in 0..space {
                    self.bump();
                }
                continue;
            }
            let tok = match b {
                b'/' if self.peek(1) == Some(b'/') => {
                    while self.peek(0).is_some_and(|c| c != b'\n') {
                        self.bump();
                    }
                    self.note_comment(pos, start);
                    continue;
                }
                b'/' if self.peek(1) == Some(b'*') => {
                    self.block_comment();
                    self.note_comment(pos, start);
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    self.bump();
                    Tok::Open(b)
                }
                b')' | b']' | b'}' => {
                    self.bump();
                    Tok::Close
                }
                b':' => {
                    self.bump();
                    Tok::Colon
                }
                b'"' => {
                    self.string();
                    Tok::Str
                }
                // A raw identifier (`r#done`): an identifier, as RON reads it.
                b'r' if self.peek(1) == Some(b'#')
                    && self
                        .peek(2)
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_') =>
                {
                    self.bump();
                    self.bump();
                    while self
                        .peek(0)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
                    {
                        self.bump();
                    }
                    Tok::Ident
                }
                b'r' if matches!(self.peek(1), Some(b'"' | b'#')) => {
                    self.raw_string();
                    Tok::Str
                }
                b'\'' => {
                    self.bump();
                    if self.peek(0) == Some(b'\\') {
                        self.bump();
                    }
                    self.bump();
                    while self.peek(0).is_some_and(|c| c != b'\'' && c != b'\n') {
                        self.bump();
                    }
                    self.bump();
                    Tok::Other
                }
                c if c.is_ascii_alphabetic() || c == b'_' => {
                    while self
                        .peek(0)
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
                    {
                        self.bump();
                    }
                    Tok::Ident
                }
                c if c.is_ascii_digit() || matches!(c, b'.' | b'+' | b'-') => {
                    self.bump();
                    while self.peek(0).is_some_and(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'+' | b'-')
                    }) {
                        self.bump();
                    }
                    Tok::Other
                }
                _ => {
                    // One character: `,`, `#`, `!` or anything the parser will report.
                    self.bump();
                    while self.peek(0).is_some_and(|c| c & 0xC0 == 0x80) {
                        self.bump();
                    }
                    Tok::Other
                }
            };
            return Some(Token {
                tok,
                pos,
                start,
                end: self.at,
            });
        }
        None
    }

    fn note_comment(&mut self, pos: Pos, start: usize) {
        if self.keep_comments {
            let text = self.src.get(start..self.at).unwrap_or_default().to_owned();
            self.comments.push(Comment { pos, text });
        }
    }

    fn block_comment(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek(0) {
            if b == b'/' && self.peek(1) == Some(b'*') {
                depth += 1;
                self.bump();
            } else if b == b'*' && self.peek(1) == Some(b'/') {
                depth -= 1;
                self.bump();
                if depth == 0 {
                    self.bump();
                    return;
                }
            }
            self.bump();
        }
    }

    fn string(&mut self) {
        self.bump();
        while let Some(b) = self.peek(0) {
            self.bump();
            match b {
                b'\\' => self.bump(),
                b'"' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump();
        let mut hashes = 0;
        while self.peek(0) == Some(b'#') {
            hashes += 1;
            self.bump();
        }
        self.bump();
        while let Some(b) = self.peek(0) {
            self.bump();
            if b == b'"' && (0..hashes).all(|i| self.peek(i) == Some(b'#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Plan,
    List(Section),
    Item,
    Other,
}

/// Where `Some` is followed by anything but `(` (or a `:`, as a field name would be). RON reads
/// `Some"x"` or `Some 5` as `Some(...)` when `implicit_some` is on, a quirk nobody writes on
/// purpose; the reader refuses it rather than guess.
pub(super) fn bare_some(src: &str) -> Option<Pos> {
    let mut tokens = Lexer::new(src, false).peekable();
    while let Some(t) = tokens.next() {
        let is_some = t.tok == Tok::Ident && src.get(t.start..t.end) == Some("Some");
        let ok = tokens
            .peek()
            .is_some_and(|n| matches!(n.tok, Tok::Open(b'(') | Tok::Colon));
        if is_some && !ok && tokens.peek().is_some() {
            return Some(t.pos);
        }
    }
    None
}

/// An identifier's name: a raw identifier `r#done` names `done`.
pub(super) fn ident_name(text: &str) -> &str {
    text.strip_prefix("r#").unwrap_or(text)
}

/// Scans `src`. Fails only when nesting goes beyond [`MAX_DEPTH`].
pub fn scan(src: &str) -> Result<SourceMap, TooDeep> {
    walk(src, true)
}

/// The `format` number and its position, or where nesting goes beyond [`MAX_DEPTH`]: what the
/// reader needs to know before parsing, found with no memory beyond a few tokens, whatever the
/// text holds.
pub(super) fn format_number(src: &str) -> Result<Option<(u64, Pos)>, TooDeep> {
    walk(src, false).map(|map| map.format)
}

/// One pass over the tokens, with the one before and the two after each at hand. Notes the
/// items, keys and comments only when `keep`; the `format` number always.
fn walk(src: &str, keep: bool) -> Result<SourceMap, TooDeep> {
    let mut map = SourceMap::default();
    let mut lexer = Lexer::new(src, keep);
    let text = |t: &Token| src.get(t.start..t.end).unwrap_or_default();
    let mut stack: Vec<Role> = Vec::with_capacity(MAX_DEPTH + 1);
    let mut key: Option<&str> = None;
    let mut seen_plan = false;
    let mut prev: Option<Token> = None;
    let mut current = lexer.next();
    let mut next = lexer.next();
    let mut after = lexer.next();
    while let Some(t) = current {
        match t.tok {
            Tok::Open(b) => {
                let role = match (stack.last(), b) {
                    (None, b'(') if !seen_plan => {
                        seen_plan = true;
                        Role::Plan
                    }
                    (Some(Role::Plan), b'[') => match key.and_then(Section::from_key) {
                        Some(s) if s.is_list() => Role::List(s),
                        _ => Role::Other,
                    },
                    (Some(Role::List(section)), b'(') => {
                        let line = match prev {
                            Some(p) if p.tok == Tok::Ident => p.pos.line,
                            _ => t.pos.line,
                        };
                        if keep {
                            map.items
                                .entry(*section)
                                .or_default()
                                .push(ItemSpan { line, id: None });
                        }
                        Role::Item
                    }
                    _ => Role::Other,
                };
                stack.push(role);
                if stack.len() > MAX_DEPTH {
                    return Err(TooDeep(t.pos));
                }
            }
            Tok::Close => {
                stack.pop();
            }
            Tok::Ident if next.is_some_and(|n| n.tok == Tok::Colon) => match stack.last() {
                Some(Role::Plan) if stack.len() == 1 => {
                    let name = ident_name(text(&t));
                    if keep {
                        map.keys.entry(name.to_owned()).or_insert(t.pos.line);
                    }
                    if name == "format"
                        && let Some(v) = after
                        && let Ok(n) = text(&v).parse::<u64>()
                    {
                        map.format.get_or_insert((n, v.pos));
                    }
                    key = Some(name);
                }
                Some(Role::Item) if keep && ident_name(text(&t)) == "id" => {
                    let parent = stack.len().checked_sub(2).and_then(|p| stack.get(p));
                    if let (Some(Role::List(section)), Some(v)) = (parent, after)
                        && v.tok == Tok::Str
                        && let Some(item) = map.items.get_mut(section).and_then(|l| l.last_mut())
                    {
                        item.id.get_or_insert_with(|| unquote(text(&v)));
                    }
                }
                _ => {}
            },
            _ => {}
        }
        prev = Some(t);
        current = next;
        next = after;
        after = lexer.next();
    }
    map.comments = lexer.comments;
    Ok(map)
}

/// The text of a string token, as the scan reads ids.
pub(super) fn unquote(s: &str) -> String {
    s.trim_start_matches('r')
        .trim_matches('#')
        .trim_matches('"')
        .replace("\\\"", "\"")
        .replace("\\\\", "\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_items_keys_and_comments() {
        let src = "#![enable(implicit_some)]\n// The plan\nPlan(\n    format: 1,\n    event: (name: \"(not a paren\"),\n    accounts: [\n        (id: \"a\", name: \"A\"),\n        Account(\n            id: \"b\", /* inline */\n        ),\n    ],\n)\n";
        let map = scan(src).expect("shallow");
        assert_eq!(map.format.map(|f| f.0), Some(1));
        assert_eq!(map.keys.get("accounts"), Some(&6));
        let accounts = &map.items[&Section::Accounts];
        assert_eq!(accounts.len(), 2);
        assert_eq!(
            (accounts[0].line, accounts[0].id.as_deref()),
            (7, Some("a"))
        );
        assert_eq!(
            (accounts[1].line, accounts[1].id.as_deref()),
            (8, Some("b"))
        );
        assert_eq!(map.comments.len(), 2);
        assert_eq!(map.comments[1].text, "/* inline */");
    }

    #[test]
    fn refuses_deep_nesting_without_recursing() {
        let src = format!("({}", "[".repeat(100_000));
        let err = scan(&src).expect_err("too deep");
        assert_eq!(err.0.line, 1);
    }
}
