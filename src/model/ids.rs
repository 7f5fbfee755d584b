//! Item ids (lowercase letters, digits and `-`, unique within their list) and the one folding of
//! names that ids, sorting, searching and import matching share ([`fold`]).

use deunicode::{AsciiChars, deunicode_char};

/// Whether `id` is a well-formed id: non-empty, only `a-z`, `0-9` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    // Every byte is looked at, with no early way out: the compiler then checks many at once.
    let valid = |c: u8| c.is_ascii_lowercase() | c.is_ascii_digit() | (c == b'-');
    !id.is_empty() && id.bytes().fold(true, |ok, c| ok & valid(c))
}

/// An id made from a name, through [`fold`]: "Acme Hospitals (EU)" gives `acme-hospitals-eu`,
/// "Gdańsk Shipyard" `gdansk-shipyard`, "北京大学" `bei-jing-da-xue`. Only new items get ids this
/// way: an id, once in a plan, never changes.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in fold(name).chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "item".to_owned()
    } else {
        out
    }
}

/// A slug of `name` that is not in `taken`: `acme`, then `acme-2`, `acme-3`...
pub fn unique_id<'a>(name: &str, taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let base = slug(name);
    let is_taken = |candidate: &str| taken.clone().into_iter().any(|t| t == candidate);
    if !is_taken(&base) {
        return base;
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !is_taken(c))
        .unwrap_or(base)
}

/// Text as Preshow compares names, everywhere: for ids ([`slug`]), sorting, searching and matching
/// imported rows. Lowercase, accents removed and every script written in Latin letters, as the
/// `deunicode` crate transliterates it: "Gdańsk" gives `gdansk`, "Győr" `gyor`, "Straße"
/// `strasse`, "Ærø" `aero`, "北京" `bei jing`, "Москва" `moskva`. A character it has no
/// transliteration for is kept, lowercased.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (c, ascii) in text.chars().zip(text.ascii_chars()) {
        match ascii {
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            Some(t) => out.extend(t.chars().map(|x| x.to_ascii_lowercase())),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// One character as [`fold`] folds it, kept to one character, for matching that must point back
/// into the original text (the palette underlines the letters it found): the first letter of the
/// transliteration (`Ö` gives `o`, `ß` `s`, `北` `b`), or the character itself, lowercased, when
/// its transliteration does not start with a letter or digit.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    deunicode_char(c)
        .and_then(|t| t.chars().next())
        .filter(char::is_ascii_alphanumeric)
        .map_or_else(
            || c.to_lowercase().next().unwrap_or(c),
            |x| x.to_ascii_lowercase(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(is_valid_id("acme-2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("Acme"));
        assert!(!is_valid_id("acme_2"));
    }

    #[test]
    fn slugs_read_like_names() {
        assert_eq!(slug("Acme Hospitals (EU)"), "acme-hospitals-eu");
        assert_eq!(slug("  Müller & Söhne "), "muller-sohne");
        assert_eq!(slug("!!!"), "item");
    }

    #[test]
    fn slugs_of_every_script() {
        assert_eq!(slug("Gdańsk Shipyard"), "gdansk-shipyard");
        assert_eq!(slug("Győr Works"), "gyor-works");
        assert_eq!(slug("Straße & Ærø"), "strasse-aero");
        assert_eq!(slug("Łódź"), "lodz");
        assert_eq!(slug("北京大学"), "bei-jing-da-xue");
        assert_eq!(slug("Москва"), "moskva");
        assert_eq!(slug("Αθήνα"), "athena");
    }

    #[test]
    fn names_sort_without_case_or_accents() {
        let mut names = vec!["Zephyr", "Öztürk", "álvarez", "Baltic", "Ćevap"];
        names.sort_by_key(|n| fold(n));
        assert_eq!(names, ["álvarez", "Baltic", "Ćevap", "Öztürk", "Zephyr"]);
    }

    #[test]
    fn folding_ignores_case_accents_and_script() {
        assert_eq!(fold("Gdańsk"), fold("GDANSK"));
        assert_eq!(fold("Győr"), "gyor");
        assert_eq!(fold("北京"), "bei jing");
        assert_eq!(fold("🙂"), fold("🙂"));
        let chars: String = "Ŕíö Ñ北".chars().map(fold_char).collect();
        assert_eq!(chars, "rio nb");
        assert_eq!(fold_char('–'), '–');
    }

    #[test]
    fn unique_ids_count_up() {
        let taken = ["acme", "acme-2"];
        assert_eq!(unique_id("Acme", taken), "acme-3");
        assert_eq!(unique_id("Beta", taken), "beta");
    }
}
