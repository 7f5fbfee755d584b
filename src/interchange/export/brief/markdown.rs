//! The brief rendered as Markdown, with all plan text escaped for CommonMark and GitHub tables.

use crate::interchange::export::brief::doc::{Block, Doc};
use crate::interchange::export::brief::document::document;
use crate::model::{Date, Plan};

/// Escapes text for Markdown (CommonMark and GitHub tables): characters that could start markup
/// get a backslash (`&` only where it could start an entity, and a leading `-`, `+`, `=` or
/// `1.` that would start a list or a heading underline); line breaks become spaces.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut digits_only = true;
    while let Some(c) = chars.next() {
        let at_start = out.is_empty();
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("\\&");
            }
            '-' | '+' | '=' if at_start => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if digits_only && !at_start => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
        digits_only = digits_only && c.is_ascii_digit();
    }
    out
}

/// The brief in Markdown.
pub fn markdown(plan: &Plan, today: Date) -> String {
    render_markdown(&document(plan, today))
}

/// Renders a brief document as Markdown.
pub fn render_markdown(doc: &Doc) -> String {
    let e = escape_markdown;
    let mut out = format!("# {}\n\n", e(&doc.title));
    for (label, value) in &doc.facts {
        out.push_str(&format!("- **{label}:** {}\n", e(value)));
    }
    for s in &doc.sections {
        out.push_str(&format!("\n## {}\n", e(&s.title)));
        for b in &s.blocks {
            out.push('\n');
            match b {
                Block::Heading(h) => out.push_str(&format!("### {}\n", e(h))),
                Block::Para(p) => out.push_str(&format!("{}\n", e(p))),
                Block::List(items) => {
                    for it in items {
                        if it.flagged {
                            out.push_str(&format!("- **{}**\n", e(&it.text)));
                        } else {
                            out.push_str(&format!("- {}\n", e(&it.text)));
                        }
                        for sub in &it.sub {
                            out.push_str(&format!("  - {}\n", e(sub)));
                        }
                    }
                }
                Block::Table { head, rows } => {
                    out.push_str(&format!("| {} |\n", head.join(" | ")));
                    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(|c| e(c)).collect();
                        out.push_str(&format!("| {} |\n", cells.join(" | ")));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_markdown("a|b *c* [d](e)"),
            "a\\|b \\*c\\* \\[d\\](e)"
        );
        assert_eq!(escape_markdown("Food & beverage"), "Food & beverage");
        assert_eq!(escape_markdown("&amp; -x"), "\\&amp; -x");
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("2027. A year"), "2027\\. A year");
        assert_eq!(escape_markdown("2027 a.b"), "2027 a.b");
    }
}
