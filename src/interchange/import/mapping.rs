//! Which column fills which field: the user's explicit [`Mapping`] first, then the headers each
//! field is known by, and the columns an import cannot do without.

use crate::interchange::export::csv::drop_text_marker;
use crate::interchange::import::crm_headers::{normalise_header, stage_in_header};
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
    /// Leads: a CRM stage (a lifecycle stage, a lead status) or a column of stage times, to the
    /// plan stage id it stands for (`--map "Working - Contacted=stage:sal"`).
    pub stages: Vec<(String, String)>,
}

/// What `--map NAME=stage:ID` writes before the stage id.
const STAGE_PREFIX: &str = "stage:";

impl Mapping {
    /// A mapping from `COLUMN=FIELD` specifications (the last `=` separates them), and for
    /// leads `NAME=stage:ID`: the CRM stage `NAME`, or the column of times called `NAME`, is the
    /// plan's stage `ID`.
    pub fn parse<S: AsRef<str>>(specs: &[S]) -> Result<Mapping, MappingError> {
        let mut columns = Vec::new();
        let mut stages = Vec::new();
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
            if let Some(stage) = field.trim().strip_prefix(STAGE_PREFIX) {
                let stage = stage.trim();
                if stage.is_empty() {
                    return Err(MappingError::EmptyStage {
                        spec: spec.to_owned(),
                    });
                }
                stages.push((column.to_owned(), stage.to_owned()));
                continue;
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
            stages,
        })
    }
}

/// Which column fills which field.
pub(super) struct Columns {
    by_field: HashMap<Field, usize>,
    /// Each column in order, with the field it fills (`None`: not used).
    pub(super) listed: Vec<(String, Option<Field>)>,
    /// Leads: the columns of stage times ([`Field::Reached`]), in file order.
    pub(super) stages: Vec<StageColumn>,
}

/// A column of times at which leads entered one stage.
pub(super) struct StageColumn {
    /// Its place among the columns.
    pub(super) index: usize,
    /// The CRM stage its header names (`Marketing Qualified Lead`), or the header itself when
    /// `--map` names the column.
    pub(super) crm_stage: String,
    /// The plan stage `--map "COLUMN=stage:ID"` gave it, if it did.
    pub(super) stage: Option<String>,
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

    /// A cell of `row` by its column's place, when it is not empty (see [`Columns::cell`]).
    pub(super) fn cell_at<'a>(&self, row: &'a [String], index: usize) -> Option<&'a str> {
        row.get(index)
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

    /// The cell of the column at `index`, when it is not empty.
    pub(super) fn cell_at(&self, index: usize) -> Option<&'a str> {
        self.columns.cell_at(self.cells, index)
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
    let mut stages = Vec::new();
    if let Some((name, stage)) = mapping.stages.first()
        && kind != Kind::Leads
    {
        return Err(ImportError::StageOutsideLeads {
            name: name.clone(),
            stage: stage.clone(),
            kind,
        });
    }
    for (name, stage) in &mapping.stages {
        // A stage mapping names a column of times when a header is that name; else a CRM stage.
        let wanted = normalise_header(name);
        if let Some(i) = normal.iter().position(|n| *n == wanted) {
            claimed[i] = true;
            taken[i] = Some(Field::Reached);
            stages.push(StageColumn {
                index: i,
                crm_stage: headers.get(i).cloned().unwrap_or_default(),
                stage: Some(stage.clone()),
            });
        }
    }
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
        let found = field.synonyms(kind).iter().find_map(|syn| {
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
    if kind == Kind::Leads {
        for (i, header) in headers.iter().enumerate() {
            if claimed.get(i) == Some(&false)
                && let Some(crm_stage) = stage_in_header(header)
            {
                taken[i] = Some(Field::Reached);
                stages.push(StageColumn {
                    index: i,
                    crm_stage,
                    stage: None,
                });
            }
        }
        stages.sort_by_key(|s| s.index);
    }
    let needed: &[(Field, &'static str)] = match kind {
        Kind::Accounts => &[(Field::Name, "account name")],
        Kind::Meetings => &[(Field::Account, "meeting's account")],
        Kind::Leads => &[
            (Field::Name, "lead's name"),
            (Field::Created, "lead's create date"),
        ],
    };
    for &(field, what) in needed {
        let name_parts = field == Field::Name
            && (by_field.contains_key(&Field::FirstName)
                || by_field.contains_key(&Field::LastName));
        if !by_field.contains_key(&field) && !name_parts {
            return Err(ImportError::MissingColumn {
                what,
                field: field.key(),
                headers: header_list(headers),
            });
        }
    }
    Ok(Columns {
        by_field,
        listed: headers.iter().cloned().zip(taken).collect(),
        stages,
    })
}
