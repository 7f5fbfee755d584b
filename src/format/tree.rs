//! A generic tree of RON text that keeps every name (struct names, enum variants, `Some`), for
//! migrations: a step rewrites the tree of an older format, and the tree is printed back as
//! text for the typed reader. Comments are not kept.

use crate::format::scan::{self, Pos, Tok, Token};

/// A RON value as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `(a: 1)` or `Name(a: 1)`.
    Struct {
        /// The struct name, if written.
        name: Option<String>,
        /// Fields in order.
        fields: Vec<(String, Node)>,
    },
    /// `Some(x)`, `Variant(x, y)` or `(x, y)`.
    Tuple {
        /// The name, if written.
        name: Option<String>,
        /// Items in order.
        items: Vec<Node>,
    },
    /// `[a, b]`.
    List(Vec<Node>),
    /// `{k: v}`.
    Map(Vec<(Node, Node)>),
    /// A number, string, character, boolean or bare name, exactly as written.
    Atom(String),
}

impl Node {
    /// The field `name` of a struct.
    pub fn field_mut(&mut self, name: &str) -> Option<&mut Node> {
        match self {
            Node::Struct { fields, .. } => {
                fields.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    /// Renames a struct field; returns whether it was there.
    pub fn rename_field(&mut self, from: &str, to: &str) -> bool {
        match self {
            Node::Struct { fields, .. } => fields
                .iter_mut()
                .find(|(k, _)| k == from)
                .map(|(k, _)| *k = to.to_owned())
                .is_some(),
            _ => false,
        }
    }

    /// Sets a struct field, adding it when missing.
    pub fn set_field(&mut self, name: &str, value: Node) {
        if let Node::Struct { fields, .. } = self {
            match fields.iter_mut().find(|(k, _)| k == name) {
                Some((_, v)) => *v = value,
                None => fields.push((name.to_owned(), value)),
            }
        }
    }

    /// The items of a list.
    pub fn items_mut(&mut self) -> &mut [Node] {
        match self {
            Node::List(items) => items,
            _ => &mut [],
        }
    }

    fn print(&self, out: &mut String) {
        let list = |out: &mut String, items: &[Node]| {
            for (i, n) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                n.print(out);
            }
        };
        match self {
            Node::Struct { name, fields } => {
                out.push_str(name.as_deref().unwrap_or(""));
                out.push('(');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(k);
                    out.push_str(": ");
                    v.print(out);
                }
                out.push(')');
            }
            Node::Tuple { name, items } => {
                out.push_str(name.as_deref().unwrap_or(""));
                out.push('(');
                list(out, items);
                out.push(')');
            }
            Node::List(items) => {
                out.push('[');
                list(out, items);
                out.push(']');
            }
            Node::Map(entries) => {
                out.push('{');
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.print(out);
                    out.push_str(": ");
                    v.print(out);
                }
                out.push('}');
            }
            Node::Atom(a) => out.push_str(a),
        }
    }
}

/// A whole document: its `#![...]` attributes and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Attributes such as `#![enable(implicit_some)]`, as written.
    pub attributes: Vec<String>,
    /// The value.
    pub root: Node,
}

impl Document {
    /// The document as RON text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for a in &self.attributes {
            out.push_str(a);
            out.push('\n');
        }
        self.root.print(&mut out);
        out.push('\n');
        out
    }
}

/// Why text is not a tree of values: what was expected, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TreeError {
    /// Something else was expected at `pos`.
    #[error("{}:{}: {what}", pos.line, pos.column)]
    At {
        /// Where.
        pos: Pos,
        /// What was expected, or what is wrong.
        what: &'static str,
    },
    /// The text ends where `0` was expected.
    #[error("the file ends where {0}")]
    EndsWhere(&'static str),
    /// The text ends inside a `#![...]` attribute.
    #[error("the file ends inside an attribute")]
    EndsInAttribute,
}

struct Parser<'a> {
    src: &'a str,
    tokens: Vec<Token>,
    at: usize,
}

/// Parses text into a tree; errors say where.
pub fn parse(src: &str) -> Result<Document, TreeError> {
    let mut p = Parser {
        src,
        tokens: scan::tokens(src),
        at: 0,
    };
    let mut attributes = Vec::new();
    while p.text(0) == Some("#") {
        let start = p.tokens.get(p.at).map_or(0, |t| t.start);
        let mut depth = 0usize;
        loop {
            let t = p.next().ok_or(TreeError::EndsInAttribute)?;
            match t.tok {
                Tok::Open(_) => depth += 1,
                Tok::Close => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        attributes.push(src.get(start..t.end).unwrap_or_default().to_owned());
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    let root = p.value(0)?;
    match p.tokens.get(p.at) {
        Some(t) => Err(TreeError::At {
            pos: t.pos,
            what: "unexpected text after the plan",
        }),
        None => Ok(Document { attributes, root }),
    }
}

impl Parser<'_> {
    fn text(&self, ahead: usize) -> Option<&str> {
        self.tokens
            .get(self.at + ahead)
            .and_then(|t| self.src.get(t.start..t.end))
    }

    fn kind(&self, ahead: usize) -> Option<Tok> {
        self.tokens.get(self.at + ahead).map(|t| t.tok)
    }

    fn next(&mut self) -> Option<&Token> {
        let t = self.tokens.get(self.at);
        self.at += 1;
        t
    }

    fn fail<T>(&self, what: &'static str) -> Result<T, TreeError> {
        match self.tokens.get(self.at) {
            Some(t) => Err(TreeError::At { pos: t.pos, what }),
            None => Err(TreeError::EndsWhere(what)),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, TreeError> {
        if depth > scan::MAX_DEPTH {
            return self.fail("nesting is too deep");
        }
        let name = if self.kind(0) == Some(Tok::Ident) && self.kind(1) == Some(Tok::Open(b'(')) {
            let n = self.text(0).map(str::to_owned);
            self.at += 1;
            n
        } else {
            None
        };
        match self.kind(0) {
            Some(Tok::Open(b'(')) => {
                self.at += 1;
                let is_struct =
                    self.kind(0) == Some(Tok::Ident) && self.kind(1) == Some(Tok::Colon);
                if is_struct || self.kind(0) == Some(Tok::Close) {
                    let mut fields = Vec::new();
                    while self.kind(0) != Some(Tok::Close) {
                        let key = match (self.kind(0), self.kind(1)) {
                            (Some(Tok::Ident), Some(Tok::Colon)) => {
                                scan::ident_name(self.text(0).unwrap_or_default()).to_owned()
                            }
                            _ => return self.fail("a field name and `:` were expected"),
                        };
                        self.at += 2;
                        fields.push((key, self.value(depth + 1)?));
                        self.comma()?;
                    }
                    self.at += 1;
                    Ok(Node::Struct { name, fields })
                } else {
                    let items = self.items(depth)?;
                    Ok(Node::Tuple { name, items })
                }
            }
            Some(Tok::Open(b'[')) => {
                self.at += 1;
                Ok(Node::List(self.items(depth)?))
            }
            Some(Tok::Open(b'{')) => {
                self.at += 1;
                let mut entries = Vec::new();
                while self.kind(0) != Some(Tok::Close) {
                    let k = self.value(depth + 1)?;
                    if self.kind(0) != Some(Tok::Colon) {
                        return self.fail("`:` was expected");
                    }
                    self.at += 1;
                    entries.push((k, self.value(depth + 1)?));
                    self.comma()?;
                }
                self.at += 1;
                Ok(Node::Map(entries))
            }
            Some(Tok::Ident | Tok::Str | Tok::Other) => {
                let mut atom = self.text(0).unwrap_or_default().to_owned();
                self.at += 1;
                // A sign and a number lex apart (`-` then `5`).
                if (atom == "-" || atom == "+") && self.kind(0) == Some(Tok::Other) {
                    atom.push_str(self.text(0).unwrap_or_default());
                    self.at += 1;
                }
                Ok(Node::Atom(atom))
            }
            _ => self.fail("a value was expected"),
        }
    }

    fn items(&mut self, depth: usize) -> Result<Vec<Node>, TreeError> {
        let mut items = Vec::new();
        while self.kind(0) != Some(Tok::Close) {
            if self.kind(0).is_none() {
                return self.fail("a closing bracket was expected");
            }
            items.push(self.value(depth + 1)?);
            self.comma()?;
        }
        self.at += 1;
        Ok(items)
    }

    fn comma(&mut self) -> Result<(), TreeError> {
        match self.text(0) {
            Some(",") => {
                self.at += 1;
                Ok(())
            }
            _ if self.kind(0) == Some(Tok::Close) => Ok(()),
            _ => self.fail("`,` was expected"),
        }
    }
}
