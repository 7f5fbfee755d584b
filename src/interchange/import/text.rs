//! How the importer compares names (case, accents and spacing ignored) and counts matches in
//! words ("two accounts (a, b)").

/// Text as names are compared: folded as everywhere ([`crate::model::fold`]: case, accents and
/// script ignored), runs of white space one space.
pub(super) fn fold(text: &str) -> String {
    crate::model::fold(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Several matches, named: "two accounts (a, b)".
pub(super) fn several<'a>(noun: &str, ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    format!("{} {noun} ({})", count_word(ids.len()), ids.join(", "))
}

/// A count as the report says it: "two", "three", then digits.
pub(super) fn count_word(n: usize) -> String {
    match n {
        2 => "two".to_owned(),
        3 => "three".to_owned(),
        n => n.to_string(),
    }
}
