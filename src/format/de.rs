//! Reading text of the current format with `ron`: the options it is read with, and its errors in
//! words a plan author understands.

use crate::format::scan::{self, Pos};

/// Why text is not a plan: what is wrong, and where when there is a place.
///
/// Shown as `LINE:COLUMN: message`, like a compiler's errors; an error of the file as a whole
/// (missing, empty, a folder, too large) is shown at line 1, column 1, so that every error a
/// tool reads has the same shape.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{}: {message}", pos.map_or(1, |p| p.line), pos.map_or(1, |p| p.column))]
pub struct ParseError {
    /// Where, when the problem has a place.
    pub pos: Option<Pos>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl ParseError {
    /// An error at `pos`.
    pub(super) fn at(pos: Pos, message: impl Into<String>) -> Self {
        ParseError {
            pos: Some(pos),
            message: message.into(),
        }
    }

    /// An error of the text as a whole, with no place.
    pub(super) fn whole(message: impl Into<String>) -> Self {
        ParseError {
            pos: None,
            message: message.into(),
        }
    }
}

/// Deserializes text of the current format into a plan.
pub(super) fn deserialize<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    ron::Options::default()
        .with_recursion_limit(scan::MAX_DEPTH * 2)
        .from_str::<T>(text)
        .map_err(|e| {
            ParseError::at(
                Pos {
                    line: e.span.start.line,
                    column: e.span.start.col,
                },
                explain(&e.code),
            )
        })
}

fn noun(outer: &Option<String>) -> String {
    match outer.as_deref() {
        Some(name) => plain_item(name).to_owned(),
        None => "this item".to_owned(),
    }
}

fn plain_item(rust_name: &str) -> &str {
    match rust_name {
        "Plan" => "the plan",
        "Event" => "the event",
        "Person" => "a person",
        "Objective" => "an objective",
        "Term" => "a term",
        "Scoring" => "scoring",
        "Signal" => "a scoring signal",
        "Account" => "an account",
        "Meeting" => "a meeting",
        "Message" => "a message",
        "Stage" => "a stage",
        "Handoff" => "a handoff",
        "Task" => "a task",
        "Signoff" => "a sign-off",
        "Team" => "team",
        "MeetingStatus" => "status",
        other => other,
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Says a parser error in words a plan author understands.
fn explain(code: &ron::Error) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field `{found}` in {}; the fields allowed there are {}",
            noun(outer),
            list(expected)
        ),
        E::MissingStructField { field, outer } => {
            format!("{} is missing the required field `{field}`", noun(outer))
        }
        E::DuplicateStructField { field, outer } => {
            format!("the field `{field}` is written twice in {}", noun(outer))
        }
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a valid {}; write one of {}",
            outer.as_deref().map(plain_item).unwrap_or("value"),
            list(expected)
        ),
        E::ExpectedOption => "expected an optional value: write it as `Some(...)`, or put \
             `#![enable(implicit_some)]` on the file's first line to write it bare"
            .to_owned(),
        E::ExpectedDifferentStructName { expected, found } => {
            format!("expected `{expected}(...)` or `(...)` here, found `{found}(...)`")
        }
        E::ExpectedString | E::ExpectedStringEnd => "expected a string in double quotes".to_owned(),
        E::ExpectedInteger => "expected a whole number".to_owned(),
        E::ExpectedFloat => "expected a number".to_owned(),
        E::ExpectedBoolean => "expected `true` or `false`".to_owned(),
        E::ExpectedArray => "expected a list in `[...]`".to_owned(),
        E::ExpectedArrayEnd => "expected `,` or the closing `]` of this list".to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "expected an item in `(...)`".to_owned()
        }
        E::ExpectedStructLikeEnd => "expected `,` or the closing `)` of this item".to_owned(),
        E::ExpectedComma => "expected a `,` here".to_owned(),
        E::ExpectedMapColon => "expected `:` after the field name".to_owned(),
        E::Eof => "the file ends too early: it looks truncated (a closing `)` or `]` is missing)"
            .to_owned(),
        E::TrailingCharacters => "unexpected text after the end of the plan".to_owned(),
        E::ExceededRecursionLimit => "nested too deeply: this is not a plan file".to_owned(),
        E::IntegerOutOfBounds => "this number is out of range".to_owned(),
        E::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        E::ExpectedIdentifier => "expected a field name here".to_owned(),
        E::UnexpectedChar(c) => format!("unexpected character {c:?} here"),
        E::UnclosedBlockComment => "a `/*` comment is never closed: end it with `*/`".to_owned(),
        E::InvalidEscape(what) => format!("invalid escape in this string: {what}"),
        E::ExpectedUnit => "expected `()` here".to_owned(),
        E::ExpectedChar => "expected a character in single quotes".to_owned(),
        other => other.to_string(),
    }
}
