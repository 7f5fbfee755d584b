//! Which column fills which field: the user's explicit [`Mapping`] first, then the headers each
//! field is known by, and the columns an import cannot do without.

use crate::interchange::export::csv::drop_text_marker;
use crate::interchange::import::crm_headers::normalise_header;
use crate::interchange::import::error::{ImportError, MappingError};
use crate::interchange::import::fields::{Field, Kind};
use std::collections::HashMap;

/// How to read dates written with slashes, such as `09/03/2027`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// Day first: `09/03/2027` is 9 March.
    DayFirst,
    /// Month first: `03/09/2027` is 9 March.
    MonthFirst,
}

/// Explicit choices that override what the importer recognises by itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Column header (matched case- and accent-insensitively) to field.
    pub columns: Vec<(String, Field)>,
    /// How to read slashed dates; `None`: decide by the event's days, else report the row.
    pub date_order: Option<DateOrder>,
}

impl Mapping {
    /// A mapping from `COLUMN=FIELD` specifications (the last `=` separates them).
    pub fn parse<S: AsRef<str>>(specs: &[S]) -> Result<Mapping, MappingError> {
        let mut columns = Vec::new();
        for spec in specs {
            let spec = spec.as_ref();
            let Some((column, field)) = spec.rsplit_once('=') else {
                return Err(MappingError::NoEquals {
                    spec: spec.to_owned(),
                });
            };
            let column = column.trim();
            if column.is_empty() {
                return Err(MappingError::EmptyColumn {
                    spec: spec.to_owned(),
                });
            }
            let field = Field::from_key(field).ok_or_else(|| MappingError::UnknownField {
                spec: spec.to_owned(),
                field: field.trim().to_owned(),
            })?;
            columns.push((column.to_owned(), field));
        }
        Ok(Mapping {
            columns,
            date_order: None,
        })
    }
}

/// Which column fills which field.
pub(super) struct Columns {
    by_field: HashMap<Field, usize>,
    /// Each column in order, with the field it fills (`None`: not used).
    pub(super) listed: Vec<(String, Option<Field>)>,
}

impl Columns {
    /// The cell of `row` that fills `field`, when there is one and it is not empty, without the
    /// `'` that an export puts before a formula sign (see [`drop_text_marker`]).
    fn cell<'a>(&self, row: &'a [String], field: Field) -> Option<&'a str> {
        let i = *self.by_field.get(&field)?;
        row.get(i)
            .map(|c| drop_text_marker(c))
            .filter(|c| !c.is_empty())
    }

    /// Whether a column fills `field`.
    pub(super) fn has(&self, field: Field) -> bool {
        self.by_field.contains_key(&field)
    }

    /// The data row on `line` with these cells, read through the columns.
    pub(super) fn row<'a>(&'a self, line: usize, cells: &'a [String]) -> Row<'a> {
        Row {
            line,
            cells,
            columns: self,
        }
    }
}

/// One data row of a file, its cells read by field.
#[derive(Clone, Copy)]
pub(super) struct Row<'a> {
    /// Its line in the file.
    pub(super) line: usize,
    cells: &'a [String],
    columns: &'a Columns,
}

impl<'a> Row<'a> {
    /// The cell that fills `field`, when there is one and it is not empty.
    pub(super) fn cell(&self, field: Field) -> Option<&'a str> {
        self.columns.cell(self.cells, field)
    }
}

/// The headers as an error lists them: `"Name", "Owner"`.
pub(super) fn header_list(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Assigns the columns of a file of `kind` with these headers to fields: the mapping's choices
/// first, then the recognised headers; an error when the mapping names a column or field that
/// does not fit, or when the column the import needs is missing.
pub(super) fn assign_columns(
    headers: &[String],
    kind: Kind,
    mapping: &Mapping,
) -> Result<Columns, ImportError> {
    let normal: Vec<String> = headers.iter().map(|h| normalise_header(h)).collect();
    let mut taken: Vec<Option<Field>> = vec![None; headers.len()];
    let mut claimed = vec![false; headers.len()];
    let mut by_field = HashMap::new();
    for (column, field) in &mapping.columns {
        if !kind.fields().contains(field) {
            return Err(ImportError::WrongField {
                column: column.clone(),
                field: field.key(),
                kind,
                allowed: kind
                    .fields()
                    .iter()
                    .map(|f| f.key())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        let wanted = normalise_header(column);
        let Some(i) = normal.iter().position(|n| *n == wanted) else {
            return Err(ImportError::NoSuchColumn {
                column: column.clone(),
                headers: header_list(headers),
            });
        };
        claimed[i] = true;
        if *field != Field::Ignore {
            // A later --map for the same field wins; the earlier column is then unused.
            if let Some(old) = by_field.insert(*field, i) {
                taken[old] = None;
            }
            taken[i] = Some(*field);
        }
    }
    for &field in kind.fields() {
        if by_field.contains_key(&field) || field == Field::Ignore {
            continue;
        }
        let found = field.synonyms().iter().find_map(|syn| {
            normal
                .iter()
                .enumerate()
                .position(|(i, n)| !claimed[i] && n == syn)
        });
        if let Some(i) = found {
            claimed[i] = true;
            taken[i] = Some(field);
            by_field.insert(field, i);
        }
    }
    let (needed, what) = match kind {
        Kind::Accounts => (Field::Name, "account name"),
        Kind::Meetings => (Field::Account, "meeting's account"),
    };
    if !by_field.contains_key(&needed) {
        return Err(ImportError::MissingColumn {
            what,
            field: needed.key(),
            headers: header_list(headers),
        });
    }
    Ok(Columns {
        by_field,
        listed: headers.iter().cloned().zip(taken).collect(),
    })
}
