//! Item ids: lowercase letters, digits and `-`, unique within their list.

/// Whether `id` is a well-formed id: non-empty, only `a-z`, `0-9` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    // Every byte is looked at, with no early way out: the compiler then checks many at once.
    let valid = |c: u8| c.is_ascii_lowercase() | c.is_ascii_digit() | (c == b'-');
    !id.is_empty() && id.bytes().fold(true, |ok, c| ok & valid(c))
}

/// An id made from a name: "Acme Hospitals (EU)" gives `acme-hospitals-eu`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
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

/// A key that sorts names as people expect: case and accents ignored (Álvarez before Baltic).
pub fn sort_key(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// One character as [`sort_key`] and searches compare it: lowercase, without its accent (`Ö`
/// gives `o`). Always one character for one, so a match in the folded text is at the same place
/// in the original.
pub fn fold_char(c: char) -> char {
    fold_accent(c.to_lowercase().next().unwrap_or(c))
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        'æ' => 'a',
        'œ' => 'o',
        'ł' => 'l',
        'č' | 'ć' => 'c',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ğ' => 'g',
        'ı' => 'i',
        'ş' => 's',
        other => other,
    }
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
    fn names_sort_without_case_or_accents() {
        let mut names = vec!["Zephyr", "Öztürk", "álvarez", "Baltic"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["álvarez", "Baltic", "Öztürk", "Zephyr"]);
    }

    #[test]
    fn unique_ids_count_up() {
        let taken = ["acme", "acme-2"];
        assert_eq!(unique_id("Acme", taken), "acme-3");
        assert_eq!(unique_id("Beta", taken), "beta");
    }
}
