//! The brief rendered as one self-contained HTML page (inline CSS, no scripts, no links) that
//! reads well on screen and prints on one or two sheets.

use crate::interchange::export::brief::doc::{Block, Doc, Section};
use crate::interchange::export::brief::document::document;
use crate::model::{Date, Plan};

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => {}
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The style sheet: readable on screen, and on paper (A4 or Letter) without backgrounds and
/// without breaking a section across pages where it fits on one.
const STYLE: &str = "\
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #eef0f3; color: #1b1f24;
  font: 10.5pt/1.45 -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 58rem; margin: 1.5rem auto; padding: 1.8rem 2.2rem; background: #fff;
  border-radius: 6px; box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.1rem; color: #1f4e79; border-bottom: 2px solid #1f4e79;
  padding-bottom: .15rem; margin: 1.3rem 0 .5rem; }
h3 { font-size: .98rem; margin: .8rem 0 .25rem; }
p { margin: .35rem 0; }
ul { margin: .25rem 0; padding-left: 1.3rem; }
ul ul { padding-left: 1.1rem; color: #3a424c; }
li { margin: .1rem 0; }
.facts { list-style: none; padding: 0; margin: 0 0 .5rem; display: grid;
  grid-template-columns: max-content 1fr; gap: .1rem 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.flag > span { font-weight: 600; color: #9b1c1c; }
table { width: 100%; border-collapse: collapse; font-size: .95em; }
th, td { text-align: left; vertical-align: top; padding: .25rem .45rem;
  border-bottom: 1px solid #c9ced6; }
th { background: #e8eef6; font-weight: 600; }
@page { margin: 14mm 13mm; }
@media print {
  *, *::before, *::after { background: transparent !important; box-shadow: none !important; }
  body { font-size: 9pt; line-height: 1.3; color: #000; }
  main { max-width: none; margin: 0; padding: 0; border-radius: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11pt; margin: 9pt 0 4pt; color: #000; border-bottom-color: #000; }
  h3 { margin: 6pt 0 2pt; }
  th, td { padding: 2pt 4pt; border-bottom-color: #888; }
  .flag > span { color: #000; }
  section.keep, header, tr, li, p { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
";

/// Sections of at most this many printed lines (roughly) are kept on one page.
const KEEP_LINES: usize = 30;

/// Roughly how many printed lines a section takes.
fn lines(s: &Section) -> usize {
    s.blocks
        .iter()
        .map(|b| match b {
            Block::Heading(_) => 2,
            Block::Para(p) => 1 + p.len() / 120,
            Block::List(items) => items
                .iter()
                .map(|i| {
                    1 + i.text.len() / 120 + i.sub.iter().map(|x| 1 + x.len() / 120).sum::<usize>()
                })
                .sum(),
            Block::Table { rows, .. } => {
                1 + rows
                    .iter()
                    .map(|r| 1 + r.iter().map(String::len).max().unwrap_or(0) / 60)
                    .sum::<usize>()
            }
        })
        .sum::<usize>()
        + 2
}

/// The brief as one self-contained HTML page.
pub fn html(plan: &Plan, today: Date) -> String {
    render_html(&document(plan, today))
}

/// Renders a brief document as one self-contained HTML page (inline CSS, no scripts, no links).
pub fn render_html(doc: &Doc) -> String {
    let e = escape_html;
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", e(&doc.title)));
    out.push_str(&format!(
        "<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    out.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<dl class=\"facts\">\n",
        e(&doc.title)
    ));
    for (label, value) in &doc.facts {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", e(label), e(value)));
    }
    out.push_str("</dl>\n</header>\n");
    for s in &doc.sections {
        // A section short enough to fit a page is kept on one; a long one breaks between its
        // items (never inside one), so no page is left mostly empty.
        let class = if lines(s) <= KEEP_LINES {
            " class=\"keep\""
        } else {
            ""
        };
        out.push_str(&format!("<section{class}>\n<h2>{}</h2>\n", e(&s.title)));
        for b in &s.blocks {
            match b {
                Block::Heading(h) => out.push_str(&format!("<h3>{}</h3>\n", e(h))),
                Block::Para(p) => out.push_str(&format!("<p>{}</p>\n", e(p))),
                Block::List(items) => {
                    out.push_str("<ul>\n");
                    for it in items {
                        let class = if it.flagged { " class=\"flag\"" } else { "" };
                        out.push_str(&format!("<li{class}><span>{}</span>", e(&it.text)));
                        if !it.sub.is_empty() {
                            out.push_str("\n<ul>\n");
                            for sub in &it.sub {
                                out.push_str(&format!("<li>{}</li>\n", e(sub)));
                            }
                            out.push_str("</ul>\n");
                        }
                        out.push_str("</li>\n");
                    }
                    out.push_str("</ul>\n");
                }
                Block::Table { head, rows } => {
                    out.push_str("<table>\n<thead><tr>");
                    for h in head {
                        out.push_str(&format!("<th>{}</th>", e(h)));
                    }
                    out.push_str("</tr></thead>\n<tbody>\n");
                    for row in rows {
                        out.push_str("<tr>");
                        for c in row {
                            out.push_str(&format!("<td>{}</td>", e(c)));
                        }
                        out.push_str("</tr>\n");
                    }
                    out.push_str("</tbody>\n</table>\n");
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_html("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
    }
}
