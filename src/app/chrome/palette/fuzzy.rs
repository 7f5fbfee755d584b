//! Fuzzy matching for the palette: the letters typed must appear in the text in the same order,
//! not necessarily side by side ("hlx bio" finds "Helix Biologics"). Matches score higher where
//! the letters start the text or one of its words and where they follow one another, so a prefix
//! comes before a word inside the text, which comes before letters scattered through a word. Case
//! and accents are ignored, folded as names are sorted ([`crate::model::fold_char`]).
//!
//! Each word of the query is matched on its own, in any order; the text must hold them all.

use crate::model::fold_char;

/// Points for every letter matched.
const MATCH: i32 = 16;
/// More for a letter that starts the text...
const FIRST: u8 = 12;
/// ...or starts a word of it.
const WORD_START: u8 = 8;
/// More for a letter right after the one matched before it.
const CONSECUTIVE: i32 = 8;
/// Less for letters skipped between two matched ones: for the first skipped...
const GAP_OPEN: i32 = 3;
/// ...and for each one more.
const GAP_EXTEND: i32 = 1;
/// More when the query is the whole text.
const EXACT: i32 = 16;
/// Fewest points a word may average per letter: below, its letters are too scattered to be
/// what was meant (a few letters of a long message, far apart).
const LEAST_PER_LETTER: i32 = MATCH / 2;
/// No match: far below any score, and still far below after every gap a text can hold.
const NONE: i32 = i32::MIN / 2;

/// The text as it is compared: folded one character for one, so places in it are places in the
/// original.
pub fn fold(text: &str) -> Vec<char> {
    text.chars().map(fold_char).collect()
}

/// What the user typed, folded and split into words.
#[derive(Debug, Clone, Default)]
pub struct Query {
    words: Vec<Vec<char>>,
}

/// Rows of scores reused from one text to the next, so matching allocates nothing per text.
#[derive(Debug, Default)]
pub struct Scratch {
    previous: Vec<i32>,
    current: Vec<i32>,
}

impl Query {
    /// The query for `text`.
    pub fn new(text: &str) -> Query {
        Query {
            words: text.split_whitespace().map(fold).collect(),
        }
    }

    /// Whether nothing but spaces was typed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How well the query matches `text` (folded with [`fold`], its [`bonuses`] beside it);
    /// `None` when some word's letters are not all in it, in order, or are too scattered. Higher
    /// is better.
    pub fn score(&self, text: &[char], bonus: &[u8], scratch: &mut Scratch) -> Option<i32> {
        if !self.words.iter().all(|w| is_subsequence(w, text)) {
            return None;
        }
        let mut total = 0;
        for word in &self.words {
            total += word_score(word, text, bonus, scratch)?;
        }
        if let [word] = self.words.as_slice()
            && word.as_slice() == text
        {
            total += EXACT;
        }
        Some(total)
    }

    /// Where in `text` the best match puts each letter typed (sorted, without repeats), for
    /// showing them; empty when it does not match.
    pub fn positions(&self, text: &[char]) -> Vec<usize> {
        let mut bonus = Vec::with_capacity(text.len());
        bonuses(text, &mut bonus);
        let mut all: Vec<usize> = self
            .words
            .iter()
            .flat_map(|w| word_positions(w, text, &bonus))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// Whether every letter of `word` is in `text`, in order (cheap: tried before scoring).
fn is_subsequence(word: &[char], text: &[char]) -> bool {
    let mut rest = text.iter();
    word.iter().all(|c| rest.any(|t| t == c))
}

/// Adds to `out` what matching each letter of `text` adds: for starting the text or a word of
/// it. Worked out once per text, when the palette's index is built.
pub fn bonuses(text: &[char], out: &mut Vec<u8>) {
    let mut before: Option<char> = None;
    for &c in text {
        out.push(match before {
            None => FIRST,
            Some(b) if !b.is_alphanumeric() && c.is_alphanumeric() => WORD_START,
            Some(b) if b.is_alphabetic() && c.is_numeric() => WORD_START,
            _ => 0,
        });
        before = Some(c);
    }
}

/// One row of the score table: for every place `j` in the text, the best score of the word's
/// letters up to this one with this one at `j` (or [`NONE`]), from the row of the letter before
/// (`None` for the first letter).
fn row(letter: char, text: &[char], bonus: &[u8], previous: Option<&[i32]>, out: &mut Vec<i32>) {
    out.clear();
    let Some(previous) = previous else {
        out.extend(text.iter().zip(bonus).map(|(&t, &b)| {
            if t == letter {
                MATCH + i32::from(b)
            } else {
                NONE
            }
        }));
        return;
    };
    // The best way to reach the letter before `j` with a gap, and the scores at `j - 1`, `j - 2`.
    let mut gapped = NONE;
    let mut before = NONE;
    let mut two_before = NONE;
    for ((&t, &b), &p) in text.iter().zip(bonus).zip(previous) {
        gapped = (gapped - GAP_EXTEND).max(two_before - GAP_OPEN);
        let best = (before + CONSECUTIVE).max(gapped);
        out.push(if t == letter && best > NONE / 2 {
            MATCH + i32::from(b) + best
        } else {
            NONE
        });
        two_before = before;
        before = p;
    }
}

/// The best score of `word` in `text`, `None` when it is not there.
fn word_score(word: &[char], text: &[char], bonus: &[u8], scratch: &mut Scratch) -> Option<i32> {
    let Scratch { previous, current } = scratch;
    let mut first = true;
    for &letter in word {
        row(
            letter,
            text,
            bonus,
            (!first).then_some(previous.as_slice()),
            current,
        );
        std::mem::swap(previous, current);
        first = false;
    }
    let least = LEAST_PER_LETTER * i32::try_from(word.len()).unwrap_or(i32::MAX / MATCH);
    previous.iter().copied().max().filter(|&best| best >= least)
}

/// Where the best match of `word` puts its letters in `text`.
fn word_positions(word: &[char], text: &[char], bonus: &[u8]) -> Vec<usize> {
    let mut rows: Vec<Vec<i32>> = Vec::with_capacity(word.len());
    for &letter in word {
        let mut out = Vec::with_capacity(text.len());
        row(
            letter,
            text,
            bonus,
            rows.last().map(Vec::as_slice),
            &mut out,
        );
        rows.push(out);
    }
    // The end of the best match, then back letter by letter to where each came from.
    let Some(last) = rows.last() else {
        return Vec::new();
    };
    let Some((mut j, &best)) = last
        .iter()
        .enumerate()
        .max_by_key(|&(j, &s)| (s, usize::MAX - j))
    else {
        return Vec::new();
    };
    if best <= NONE / 2 {
        return Vec::new();
    }
    let mut places = vec![j];
    for i in (1..rows.len()).rev() {
        let (Some(here), Some(previous)) = (rows.get(i), rows.get(i - 1)) else {
            break;
        };
        let score = here.get(j).copied().unwrap_or(NONE)
            - MATCH
            - bonus.get(j).map_or(0, |&b| i32::from(b));
        let consecutive = j
            .checked_sub(1)
            .and_then(|k| previous.get(k))
            .is_some_and(|&p| p > NONE / 2 && p + CONSECUTIVE == score);
        let from = if consecutive {
            j.checked_sub(1)
        } else {
            (0..j.saturating_sub(1)).rev().find(|&k| {
                previous.get(k).is_some_and(|&p| {
                    p > NONE / 2 && p - GAP_OPEN - GAP_EXTEND * (j - 2 - k) as i32 == score
                })
            })
        };
        let Some(k) = from else {
            break;
        };
        places.push(k);
        j = k;
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts `query` matches, best first (ties: shorter, then as given).
    fn ranked<'a>(query: &str, texts: &[&'a str]) -> Vec<&'a str> {
        let q = Query::new(query);
        let mut scratch = Scratch::default();
        let mut hits: Vec<(i32, usize, &str)> = texts
            .iter()
            .filter_map(|t| {
                let text = fold(t);
                let mut bonus = Vec::new();
                bonuses(&text, &mut bonus);
                Some((q.score(&text, &bonus, &mut scratch)?, text.len(), *t))
            })
            .collect();
        hits.sort_by_key(|&(score, len, _)| (std::cmp::Reverse(score), len));
        hits.into_iter().map(|(_, _, t)| t).collect()
    }

    #[test]
    fn prefixes_then_word_starts_then_inside_words_then_scattered() {
        let texts = [
            "Symbiotic Labs",
            "Bravo India Oscar",
            "Helix Biologics",
            "Biolab",
            "Kaskade Chemie",
        ];
        assert_eq!(
            ranked("bio", &texts),
            [
                "Biolab",
                "Helix Biologics",
                "Symbiotic Labs",
                "Bravo India Oscar"
            ]
        );
    }

    #[test]
    fn letters_may_be_left_out_and_words_come_in_any_order() {
        let texts = ["Helix Biologics", "Lumen Generics", "Baltic Cold Chain"];
        assert_eq!(ranked("hlx bio", &texts), ["Helix Biologics"]);
        assert_eq!(ranked("bio helix", &texts), ["Helix Biologics"]);
        assert!(
            ranked("xlh", &texts).is_empty(),
            "the order of letters counts"
        );
    }

    #[test]
    fn case_and_accents_are_ignored() {
        let texts = ["Öztürk Metal Forming", "Iberlog Distribución"];
        assert_eq!(ranked("OZTURK", &texts), ["Öztürk Metal Forming"]);
        assert_eq!(ranked("distribucion", &texts), ["Iberlog Distribución"]);
    }

    #[test]
    fn the_whole_text_beats_a_longer_one_it_starts() {
        assert_eq!(
            ranked("accounts", &["Accounts payable", "Accounts"]),
            ["Accounts", "Accounts payable"]
        );
    }

    #[test]
    fn positions_are_where_the_score_found_the_letters() {
        let q = Query::new("hlx bio");
        assert_eq!(q.positions(&fold("Helix Biologics")), [0, 2, 4, 6, 7, 8]);
        // The word start wins over the first "b" inside a word.
        assert_eq!(Query::new("bi").positions(&fold("Abbey Biotech")), [6, 7]);
        assert!(Query::new("zz").positions(&fold("Helix")).is_empty());
    }
}
