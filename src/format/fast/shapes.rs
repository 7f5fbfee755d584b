//! The shapes values come in: optional values (`None`, `Some(...)`, bare with
//! `implicit_some`), lists, and items with named fields.

use crate::format::fast::Parser;

impl<'a> Parser<'a> {
    /// An optional value: `None`, `Some(value)`, or (with `implicit_some`) the bare value.
    pub(super) fn opt<T>(
        &mut self,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        if self.at_word(b"None") {
            self.at += 4;
            return Some(None);
        }
        if self.at_word(b"Some") {
            self.at += 4;
            self.ws()?;
            self.expect(b'(')?;
            self.ws()?;
            let v = value(self)?;
            self.ws()?;
            if self.peek()? == b',' {
                self.at += 1;
                self.ws()?;
            }
            self.expect(b')')?;
            return Some(Some(v));
        }
        if self.implicit_some {
            return value(self).map(Some);
        }
        None
    }

    pub(super) fn opt_string(&mut self) -> Option<Option<String>> {
        self.opt(Self::string)
    }

    /// `[a, b, ...]`, each item read by `item`.
    pub(super) fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut out = Vec::new();
        self.list_into(&mut out, |p, out| {
            out.push(item(p)?);
            Some(())
        })?;
        Some(out)
    }

    /// `[item, ...]`, where `item` reads one item and pushes it onto `out`.
    pub(super) fn list_into<T>(
        &mut self,
        out: &mut Vec<T>,
        mut item: impl FnMut(&mut Self, &mut Vec<T>) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'[')?;
        self.ws()?;
        loop {
            if self.peek()? == b']' {
                self.at += 1;
                return Some(());
            }
            item(self, out)?;
            self.ws()?;
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.ws()?;
                }
                b']' => {}
                _ => return None,
            }
        }
    }

    pub(super) fn strings(&mut self) -> Option<Vec<String>> {
        self.list(Self::string)
    }
    /// `Name(field: value, ...)` or `(field: value, ...)`: `field` reads each value. Returns the
    /// line the item starts on.
    pub(super) fn fields(
        &mut self,
        name: &str,
        mut field: impl FnMut(&mut Self, &'a str) -> Option<()>,
    ) -> Option<usize> {
        let line = self.line;
        if self.peek()? != b'(' {
            if self.ident()? != name {
                return None;
            }
            self.ws()?;
        }
        self.expect(b'(')?;
        self.ws()?;
        loop {
            if self.peek()? == b')' {
                self.at += 1;
                return Some(line);
            }
            self.key_line = self.line;
            let key = self.ident()?;
            self.ws()?;
            self.expect(b':')?;
            self.ws()?;
            field(self, key)?;
            self.ws()?;
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.ws()?;
                }
                b')' => {}
                _ => return None,
            }
        }
    }
}
