//! The bytes of the text: whitespace and comments, identifiers and strings.

use crate::format::fast::Parser;
use crate::format::scan::Pos;
use std::borrow::Cow;

/// Where the first `"`, `\` or line end is in `hay`: eight bytes at a time (a zero byte of
/// `x ^ c` marks a match; the lowest flagged byte is always a true one).
fn first_special(hay: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let hits = zero_bytes(x ^ (ONES * u64::from(b'"')))
            | zero_bytes(x ^ (ONES * u64::from(b'\\')))
            | zero_bytes(x ^ (ONES * u64::from(b'\n')));
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| matches!(c, b'"' | b'\\' | b'\n'))
        .map(|i| base + i)
}

/// Whether `b` can continue an identifier (or a number, which must not run into one).
pub(super) fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

impl<'a> Parser<'a> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    pub(super) fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    pub(super) fn literal(&mut self, text: &[u8]) -> Option<()> {
        let end = self.at + text.len();
        (self.b.get(self.at..end)? == text).then(|| self.at = end)
    }

    /// The position of byte `at` on the current line, as the scan counts it.
    pub(super) fn pos(&self, at: usize) -> Pos {
        Pos {
            line: self.line,
            column: self
                .src
                .get(self.line_start..at)
                .map_or(1, |s| s.chars().count() + 1),
        }
    }

    /// Skips spaces, tabs, line ends and comments. Whitespace the full reader knows but this one
    /// does not is left in place, so that what follows fails.
    pub(super) fn ws(&mut self) -> Option<()> {
        loop {
            // Indentation comes in runs of spaces: skip them eight at a time.
            while self.b.get(self.at..self.at + 8) == Some(b"        ".as_slice()) {
                self.at += 8;
            }
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.at += 1,
                Some(b'\n') => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                Some(b'/') => match self.b.get(self.at + 1) {
                    Some(b'/') => {
                        let start = self.at;
                        let end = self.b[start..]
                            .iter()
                            .position(|&c| c == b'\n')
                            .map_or(self.b.len(), |i| start + i);
                        self.comment(start, end)?;
                    }
                    Some(b'*') => {
                        let start = self.at;
                        let body = self.b.get(start + 2..)?;
                        let close = body.windows(2).position(|w| w == b"*/")?;
                        let body = body.get(..close)?;
                        // Nested comments: the full reader and the scan settle those.
                        if body.windows(2).any(|w| w == b"/*") {
                            return None;
                        }
                        self.comment(start, start + 2 + close + 2)?;
                    }
                    _ => return Some(()),
                },
                _ => return Some(()),
            }
        }
    }

    /// Steps over a comment. Comments are noted only once the whole plan is read (see
    /// [`super::parse`]), so text that turns out not to be a plan costs no memory for them.
    fn comment(&mut self, start: usize, end: usize) -> Option<()> {
        self.has_comments = true;
        for (i, &c) in self.b.get(start..end)?.iter().enumerate() {
            if c == b'\n' {
                self.line += 1;
                self.line_start = start + i + 1;
            }
        }
        self.at = end;
        Some(())
    }

    /// A plain identifier: ASCII letters, digits and `_`.
    pub(super) fn ident(&mut self) -> Option<&'a str> {
        let start = self.at;
        if !self.peek()?.is_ascii_alphabetic() && self.peek()? != b'_' {
            return None;
        }
        while self.peek().is_some_and(is_ident_byte) {
            if self.peek()? >= 0x80 {
                return None;
            }
            self.at += 1;
        }
        self.src.get(start..self.at)
    }

    /// Whether the identifier `word` (and not a longer one) comes next.
    pub(super) fn at_word(&self, word: &[u8]) -> bool {
        self.b.get(self.at..self.at + word.len()) == Some(word)
            && !self
                .b
                .get(self.at + word.len())
                .is_some_and(|&c| is_ident_byte(c))
    }

    pub(super) fn string(&mut self) -> Option<String> {
        self.text().map(Cow::into_owned)
    }

    /// A string's value, borrowed from the text when it has no escapes (most strings), so that
    /// values read only to be parsed (dates) cost no allocation.
    pub(super) fn text(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        let mut seg = self.at;
        let mut out: Option<String> = None;
        loop {
            let i = first_special(self.b.get(self.at..)?)?;
            let j = self.at + i;
            match self.b[j] {
                b'"' => {
                    let tail = self.src.get(seg..j)?;
                    self.at = j + 1;
                    return Some(match out {
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(tail),
                    });
                }
                b'\n' => {
                    self.line += 1;
                    self.line_start = j + 1;
                    self.at = j + 1;
                }
                _ => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(self.src.get(seg..j)?);
                    let (c, len) = match self.b.get(j + 1)? {
                        b'"' => ('"', 2),
                        b'\\' => ('\\', 2),
                        b'\'' => ('\'', 2),
                        b'n' => ('\n', 2),
                        b'r' => ('\r', 2),
                        b't' => ('\t', 2),
                        b'0' => ('\0', 2),
                        b'u' => {
                            let rest = self.b.get(j + 2..)?;
                            if rest.first() != Some(&b'{') {
                                return None;
                            }
                            let digits = rest[1..].iter().take_while(|c| c.is_ascii_hexdigit());
                            let n = digits.count();
                            if !(1..=6).contains(&n) || rest.get(1 + n) != Some(&b'}') {
                                return None;
                            }
                            let hex = self.src.get(j + 3..j + 3 + n)?;
                            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                            (c, 2 + 1 + n + 1)
                        }
                        _ => return None,
                    };
                    s.push(c);
                    self.at = j + len;
                    seg = self.at;
                }
            }
        }
    }

    /// A string, and the text it was written as.
    pub(super) fn string_and_text(&mut self) -> Option<(String, &'a str)> {
        let start = self.at;
        let s = self.string()?;
        Some((s, self.src.get(start..self.at)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time search finds what a byte-by-byte one does, at every offset and length.
    #[test]
    fn first_special_matches_a_plain_search() {
        let text = "abc\"defgh\\ijklmnop\nqrstuvwxyz0123456789\"é€漢字\n";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..=bytes.len() {
                let hay = &bytes[from..to];
                let plain = hay.iter().position(|&c| matches!(c, b'"' | b'\\' | b'\n'));
                assert_eq!(first_special(hay), plain, "{from}..{to}");
            }
        }
    }
}
