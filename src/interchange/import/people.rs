//! Matching names, ids and emails to the plan's people: one cell for an owner, a list for a
//! meeting's attendees, with what matched nobody or more than one person reported.

use crate::interchange::import::report::ImportReport;
use crate::interchange::import::text::{count_word, fold};
use crate::model::{Person, Plan};
use std::collections::HashMap;

/// How a name, id or email matched the plan's people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonMatch {
    /// Exactly one person.
    One(String),
    /// Several people (their ids).
    Many(Vec<String>),
    /// Nobody.
    None,
}

/// The email address in `text` (`Name <a@b>`, `mailto:a@b`, `a@b`), if it holds one.
fn email_in(text: &str) -> Option<&str> {
    let text = text.trim();
    let inner = match (text.rfind('<'), text.rfind('>')) {
        (Some(a), Some(b)) if a < b => &text[a + 1..b],
        _ => text,
    };
    let inner = inner.trim().trim_start_matches("mailto:");
    inner.contains('@').then_some(inner)
}

/// Matches `text` against the plan's people: by email (case-insensitively), then by id, then by
/// full name (case- and accent-insensitively, `Last, First` too), then by a name with initials
/// (`J. Weber`, `Jonas W.`).
pub fn match_person(plan: &Plan, text: &str) -> PersonMatch {
    People::of(plan).find(text)
}

/// The plan's people indexed by email, id, name and the words of their names, built once per
/// import so that each cell is matched in constant time, however many people the plan has.
/// Matches come in plan order, as a walk of the people finds them.
pub(super) struct People<'p> {
    people: &'p [Person],
    /// By email, trimmed and in ASCII lower case.
    emails: HashMap<String, Vec<usize>>,
    /// By id, the first of each.
    ids: HashMap<&'p str, usize>,
    /// By name, folded.
    names: HashMap<String, Vec<usize>>,
    /// By (the number of words in the folded name, a word's place, the word): the only people
    /// a name with initials can match share one whole word with it, in the same place.
    words: HashMap<(usize, usize, String), Vec<usize>>,
    /// Each person's folded name.
    folded: Vec<String>,
}

impl<'p> People<'p> {
    /// The index of `plan`'s people.
    pub(super) fn of(plan: &'p Plan) -> People<'p> {
        People::new(&plan.people)
    }

    /// The index of these people.
    pub(super) fn new(people: &'p [Person]) -> People<'p> {
        let n = people.len();
        let mut index = People {
            people,
            emails: HashMap::with_capacity(n),
            ids: HashMap::with_capacity(n),
            names: HashMap::with_capacity(n),
            words: HashMap::with_capacity(2 * n),
            folded: Vec::with_capacity(n),
        };
        for (i, p) in people.iter().enumerate() {
            if let Some(e) = &p.email {
                let key = e.trim().to_ascii_lowercase();
                index.emails.entry(key).or_default().push(i);
            }
            index.ids.entry(p.id.as_str()).or_insert(i);
            let name = fold(&p.name);
            let words: Vec<&str> = name.split(' ').collect();
            for (at, w) in words.iter().enumerate() {
                index
                    .words
                    .entry((words.len(), at, (*w).to_owned()))
                    .or_default()
                    .push(i);
            }
            index.names.entry(name.clone()).or_default().push(i);
            index.folded.push(name);
        }
        index
    }

    /// The ids of the people at these places.
    fn ids_at(&self, at: &[usize]) -> Vec<String> {
        at.iter()
            .filter_map(|&i| self.people.get(i))
            .map(|p| p.id.clone())
            .collect()
    }

    /// Matches `text`, as [`match_person`] says.
    pub(super) fn find(&self, text: &str) -> PersonMatch {
        let text = text.trim();
        if text.is_empty() {
            return PersonMatch::None;
        }
        let found = |ids: Vec<String>| match ids.len() {
            0 => PersonMatch::None,
            1 => ids
                .into_iter()
                .next()
                .map_or(PersonMatch::None, PersonMatch::One),
            _ => PersonMatch::Many(ids),
        };
        if let Some(email) = email_in(text) {
            let at = self
                .emails
                .get(&email.to_ascii_lowercase())
                .map_or(&[][..], Vec::as_slice);
            return found(self.ids_at(at));
        }
        if let Some(p) = self.ids.get(text).and_then(|&i| self.people.get(i)) {
            return PersonMatch::One(p.id.clone());
        }
        let mut wanted = fold(text);
        if let Some((last, first)) = wanted.split_once(',') {
            wanted = format!("{} {}", first.trim(), last.trim());
        }
        if let Some(exact) = self.names.get(&wanted).filter(|at| !at.is_empty()) {
            return found(self.ids_at(exact));
        }
        let tokens: Vec<String> = wanted
            .split(' ')
            .map(|t| t.trim_end_matches('.').to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.len() < 2 {
            return PersonMatch::None;
        }
        // Whoever matches has one word in full where the text has it.
        let mut candidates: Vec<usize> = tokens
            .iter()
            .enumerate()
            .filter_map(|(at, t)| self.words.get(&(tokens.len(), at, t.clone())))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&i| {
            self.folded
                .get(i)
                .is_some_and(|name| initials_match(&tokens, name))
        });
        found(self.ids_at(&candidates))
    }
}

/// `["j", "weber"]` matches "jonas weber": same number of words, each equal or an initial, at
/// least one in full.
fn initials_match(tokens: &[String], name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() != tokens.len() {
        return false;
    }
    let mut full = false;
    for (t, w) in tokens.iter().zip(&words) {
        if t == w {
            full = true;
        } else if !(t.chars().count() == 1 && w.starts_with(t.as_str())) {
            return false;
        }
    }
    full
}

/// What a person column resolved to.
pub(super) enum Resolved {
    /// One person, by id.
    Person(String),
    /// Nobody, or more than one person (the report says which).
    Unresolved,
}

impl Resolved {
    /// The person's id, when there is one.
    pub(super) fn into_person(self) -> Option<String> {
        match self {
            Resolved::Person(p) => Some(p),
            Resolved::Unresolved => None,
        }
    }
}

/// Resolves an owner from its name (or id) and email cells, reporting what does not resolve.
pub(super) fn resolve_owner(
    people: &People,
    report: &mut ImportReport,
    line: usize,
    role: &str,
    name: Option<&str>,
    email: Option<&str>,
    outcome: &str,
) -> Resolved {
    let mut unknown = Vec::new();
    for value in [email, name].into_iter().flatten() {
        match people.find(value) {
            PersonMatch::One(id) => return Resolved::Person(id),
            PersonMatch::Many(ids) => {
                report.ambiguous.push((
                    line,
                    format!(
                        "{role} '{value}' matches {} people ({}): {outcome}",
                        count_word(ids.len()),
                        ids.join(", ")
                    ),
                ));
                return Resolved::Unresolved;
            }
            PersonMatch::None => unknown.push(value),
        }
    }
    if !unknown.is_empty() {
        let what = unknown
            .iter()
            .map(|u| format!("'{u}'"))
            .collect::<Vec<_>>()
            .join(" / ");
        report.skipped.push((
            line,
            format!("{role} {what} is not a person in the plan: {outcome}"),
        ));
    }
    Resolved::Unresolved
}

/// The people that an attendees cell names, reporting those it cannot place.
pub(super) fn attendees(
    index: &People,
    report: &mut ImportReport,
    line: usize,
    cell: &str,
) -> Vec<String> {
    let separator = if cell.contains(';') { ';' } else { ',' };
    let mut people: Vec<String> = Vec::new();
    let mut unknown = Vec::new();
    for value in cell
        .split(separator)
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        match index.find(value) {
            PersonMatch::One(id) => {
                if !people.contains(&id) {
                    people.push(id);
                }
            }
            PersonMatch::Many(ids) => report.ambiguous.push((
                line,
                format!(
                    "attendee '{value}' matches {} people ({}): left out",
                    count_word(ids.len()),
                    ids.join(", ")
                ),
            )),
            PersonMatch::None => unknown.push(format!("'{value}'")),
        }
    }
    if !unknown.is_empty() {
        report.skipped.push((
            line,
            format!(
                "attendee{} {} not a person in the plan: left out",
                if unknown.len() == 1 { "" } else { "s" },
                if unknown.len() == 1 {
                    format!("{} is", unknown.join(", "))
                } else {
                    format!("{} are", unknown.join(", "))
                }
            ),
        ));
    }
    people
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn event() -> crate::model::Event {
        Plan::empty(
            "Show",
            Date::from_ymd(2027, 3, 9).unwrap_or(Date(chrono::NaiveDate::MIN)),
            Date::from_ymd(2027, 3, 11).unwrap_or(Date(chrono::NaiveDate::MIN)),
        )
        .event
    }

    #[test]
    fn people_match_by_email_id_name_and_initials() {
        let mut plan = Plan::empty("Show", event().starts, event().ends);
        let person = |id: &str, name: &str, email: &str| crate::model::Person {
            id: id.into(),
            name: name.into(),
            team: crate::model::Team::Sales,
            role: None,
            email: Some(email.into()),
            max_meetings_per_day: None,
        };
        plan.people = vec![
            person("jonas", "Jonas Weber", "jonas.weber@x.example"),
            person("jana", "Jana Weber", "jana.weber@x.example"),
            person("tomas", "Tomás Ibarra", "tomas@x.example"),
        ];
        let one = |s: &str| PersonMatch::One(s.to_owned());
        assert_eq!(match_person(&plan, "JONAS.WEBER@x.example"), one("jonas"));
        assert_eq!(
            match_person(&plan, "Jonas <jonas.weber@x.example>"),
            one("jonas")
        );
        assert_eq!(match_person(&plan, "tomas"), one("tomas"));
        assert_eq!(match_person(&plan, "tomas ibarra"), one("tomas"));
        assert_eq!(match_person(&plan, "Ibarra, Tomás"), one("tomas"));
        assert_eq!(match_person(&plan, "T. Ibarra"), one("tomas"));
        assert_eq!(match_person(&plan, "Jonas W."), one("jonas"));
        assert_eq!(
            match_person(&plan, "J. Weber"),
            PersonMatch::Many(vec!["jonas".into(), "jana".into()])
        );
        assert_eq!(match_person(&plan, "Weber"), PersonMatch::None);
        assert_eq!(match_person(&plan, "nobody@x.example"), PersonMatch::None);
    }

    /// The index finds what a walk of the people finds, in the same order, for every way a cell
    /// names someone: email, id, name, `Last, First`, initials.
    #[test]
    fn the_index_matches_a_walk_of_the_people() {
        let mut plan = crate::ops::generate::generate(3_000, 11);
        // Two people with one name and one email, to be reported as ambiguous.
        if let Some(mut twin) = plan.people.get(3).cloned() {
            twin.id = "twin".into();
            plan.people.push(twin);
        }
        let walk = |keep: &dyn Fn(&crate::model::Person) -> bool| {
            let ids: Vec<String> = plan
                .people
                .iter()
                .filter(|p| keep(p))
                .map(|p| p.id.clone())
                .collect();
            match ids.len() {
                0 => PersonMatch::None,
                1 => PersonMatch::One(ids[0].clone()),
                _ => PersonMatch::Many(ids),
            }
        };
        let index = People::of(&plan);
        for p in &plan.people {
            if let Some(e) = &p.email {
                let upper = e.to_uppercase();
                let want = walk(&|x| {
                    x.email
                        .as_deref()
                        .is_some_and(|y| y.trim().eq_ignore_ascii_case(&upper))
                });
                assert_eq!(index.find(&upper), want, "{upper}");
            }
            assert!(matches!(index.find(&p.id), PersonMatch::One(_)));
            let name = fold(&p.name);
            let want = walk(&|x| fold(&x.name) == name);
            assert_eq!(index.find(&p.name.to_uppercase()), want, "{}", p.name);
            if let Some((first, last)) = p.name.split_once(' ') {
                assert_eq!(index.find(&format!("{last}, {first}")), want);
                let initial: String = first.chars().take(1).collect();
                let short = format!("{initial}. {last}");
                let tokens: Vec<String> = fold(&short)
                    .split(' ')
                    .map(|t| t.trim_end_matches('.').to_owned())
                    .collect();
                let want = walk(&|x| initials_match(&tokens, &fold(&x.name)));
                assert_eq!(index.find(&short), want, "{short}");
            }
        }
    }
}
