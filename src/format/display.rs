//! Text from a plan as it is safe to print on a terminal: [`display_safe`].
//!
//! A plan is data someone else may have written. Its names, ids and notes reach standard output
//! and standard error in `check`, `diff`, `import`, `merge` and `export` messages, and a
//! terminal runs what it is given: an escape sequence (`ESC [2J`) clears the screen or retitles
//! the window, a carriage return moves back to the start of the line so that what follows
//! overwrites a finding, a bidirectional override reorders what is shown. Every command prints
//! plan text through [`display_safe`], so none of that can happen.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is: a C0 or C1 control character (newline, carriage
/// return and tab among them), DEL, a bidirectional embedding, override or isolate
/// (U+202A–U+202E, U+2066–U+2069), or a line or paragraph separator (U+2028, U+2029).
pub fn is_unsafe_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// `text` with every character that [`is_unsafe_on_terminal`] written out as an escape, the way
/// Rust writes it in a string: `\n`, `\r`, `\t`, and `\u{1b}` for the others. The result is one
/// line of plain characters that shows what the plan holds; text with nothing to escape comes
/// back as it is, borrowed.
///
/// ```
/// use preshow::format::display_safe;
/// assert_eq!(display_safe("Acme\r\u{1b}[2JEvil"), r"Acme\r\u{1b}[2JEvil");
/// assert_eq!(display_safe("Müller GmbH"), "Müller GmbH");
/// ```
pub fn display_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_on_terminal) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe_on_terminal(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Several lines for a terminal: each line of `text` through [`display_safe`], the line breaks
/// kept. For messages made of lines (an error per file, a conflict per item) whose lines may
/// hold plan text; a carriage return inside a line is still escaped.
pub fn display_safe_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && is_unsafe_on_terminal(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split('\n')
            .map(display_safe)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// A JSON document for a terminal: serde_json escapes control characters in strings but not
/// bidirectional overrides or line separators; this writes those as `\uXXXX` too. The document
/// means the same (they can only be inside strings), and shows as it is.
pub fn json_display_safe(json: &str) -> Cow<'_, str> {
    if !json.chars().any(|c| c != '\n' && is_unsafe_on_terminal(c)) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if c != '\n' && is_unsafe_on_terminal(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_written_out() {
        assert_eq!(
            display_safe("a\u{7}b\u{8}c\u{0}d\u{7f}e\u{9b}f"),
            r"a\u{7}b\u{8}c\u{0}d\u{7f}e\u{9b}f"
        );
        assert_eq!(
            display_safe("pay\u{202E}fdp.exe\u{2066}x\u{2069}"),
            r"pay\u{202e}fdp.exe\u{2066}x\u{2069}"
        );
        assert_eq!(display_safe("one\ntwo\tthree"), r"one\ntwo\tthree");
        assert!(matches!(display_safe("plain – ü 日本"), Cow::Borrowed(_)));
    }

    #[test]
    fn lines_keep_their_breaks() {
        assert_eq!(
            display_safe_lines("a: \u{1b}[31mred\nb: x\rOK\n"),
            "a: \\u{1b}[31mred\nb: x\\rOK\n"
        );
        assert!(matches!(display_safe_lines("a\nb\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_meaning() {
        let json = "{\n  \"name\": \"pay\u{202E}fdp\"\n}";
        let safe = json_display_safe(json);
        assert_eq!(safe, "{\n  \"name\": \"pay\\u202efdp\"\n}");
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap_or_default();
        assert_eq!(back["name"], "pay\u{202E}fdp");
    }
}
