//! Reading a CSV file: its bytes as UTF-8 text, its delimiter (`,`, `;` or a tab) sniffed from
//! the header line, its header row and its data rows with their line numbers.

use crate::interchange::import::error::{DecodeError, ImportError, ReadError};
use std::path::Path;

/// The text of a CSV file's bytes: UTF-8 (with or without a byte-order mark), or an error that
/// says how to export it so.
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    String::from_utf8(bytes).map_err(|e| DecodeError {
        byte: e.utf8_error().valid_up_to() + 1,
    })
}

/// The rows of a CSV file: its headers, and each data row with its line number.
pub(super) struct Table {
    /// The header row's cells, trimmed.
    pub(super) headers: Vec<String>,
    /// Each data row's line number and trimmed cells.
    pub(super) rows: Vec<(usize, Vec<String>)>,
    /// Rows that are not CSV, with their line numbers and why.
    pub(super) unreadable: Vec<(usize, String)>,
}

/// The delimiter the header line uses most: `,`, `;` (European spreadsheets) or a tab.
fn sniff_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            _ if !quoted => {
                for (d, n) in counts.iter_mut() {
                    if *d == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .copied()
        .fold(
            (b',', 0),
            |best, (d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// The line on which a quoted cell opens that is never closed, if one is. The CSV reader reads
/// such a cell to the end of the file, so one stray quote would silently turn every row after
/// it into one cell. Quotes are read as the CSV reader reads them: a quote opens a quoted cell
/// only at the start of a cell, and inside one, two quotes are a quote.
fn unterminated_quote(text: &str, delimiter: u8) -> Option<usize> {
    let mut line = 1;
    let mut opened = None;
    let mut at_cell_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        match opened {
            Some(_) => {
                if b == b'"' {
                    if bytes.peek() == Some(&b'"') {
                        bytes.next();
                    } else {
                        opened = None;
                        at_cell_start = false;
                    }
                }
            }
            None if b == b'"' && at_cell_start => opened = Some(line),
            None => at_cell_start = b == delimiter || b == b'\n' || b == b'\r',
        }
        if b == b'\n' {
            line += 1;
        }
    }
    opened
}

/// Reads a CSV file as text, refusing what is too large or not UTF-8; errors name the file.
pub fn read_file(path: &Path) -> Result<String, ReadError> {
    let unreadable = |source| ReadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > crate::format::MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            size,
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    decode(bytes).map_err(|source| ReadError::NotUtf8 {
        path: path.to_owned(),
        source,
    })
}

/// The column headers of a CSV file, as the importer reads them (so that a caller can offer an
/// explicit [`Mapping`](super::Mapping) even when the file's columns are not recognised).
pub fn headers(csv_text: &str) -> Result<Vec<String>, ImportError> {
    let text = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = sniff_delimiter(text);
    if let Some(line) = unterminated_quote(text, delimiter) {
        return Err(ImportError::UnterminatedQuote { line });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    Ok(reader
        .headers()
        .map_err(|e| ImportError::NotCsv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect())
}

/// Reads the text of a CSV file as a [`Table`], with the delimiter its header line uses.
pub(super) fn read_table(text: &str) -> Result<Table, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = sniff_delimiter(text);
    if let Some(line) = unterminated_quote(text, delimiter) {
        return Err(ImportError::UnterminatedQuote { line });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::NotCsv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line() as usize);
                rows.push((line, r.iter().map(|c| c.trim().to_owned()).collect()));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                unreadable.push((line, format!("not readable as CSV ({e}): skipped")));
            }
        }
    }
    Ok(Table {
        headers,
        rows,
        unreadable,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_sniffed() {
        assert_eq!(sniff_delimiter("a;b;\"c,d\"\n1;2;3"), b';');
        assert_eq!(sniff_delimiter("a,b\n"), b',');
        assert_eq!(sniff_delimiter("a\tb\tc\n"), b'\t');
    }

    #[test]
    fn an_unclosed_quote_is_found_on_its_line() {
        assert_eq!(unterminated_quote("a,b\n\"x,1\ny,2\n", b','), Some(2));
        assert_eq!(unterminated_quote("a,b\n\"x\n\"\"y\",1\n", b','), None);
        // A quote inside an unquoted cell is text, as the CSV reader reads it.
        assert_eq!(unterminated_quote("a,b\n5\" screen,1\n", b','), None);
        assert_eq!(unterminated_quote("a;b\nx;\"y\n", b';'), Some(2));
        assert_eq!(unterminated_quote("a,b\n\"x\"\"\n", b','), Some(2));
    }
}
