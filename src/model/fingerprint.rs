//! Sign-off fingerprints: what a sign-off pins.
//!
//! A fingerprint is the first 16 lowercase hex digits of the SHA-256 of the pinned fields joined
//! with the byte 0x1F. A sign-off whose fingerprint no longer matches is stale: the text changed
//! after that person agreed to it.

use crate::model::{Handoff, Message, Objective, Scoring, Section, Signoff, Term};
use sha2::{Digest, Sha256};

/// Something people sign off on.
pub trait Signable {
    /// The names of the pinned fields as the file spells them, in the order the format defines:
    /// a change to any of them changes the fingerprint; a change to any other field does not.
    const PINNED: &'static [&'static str];
    /// The pinned fields' values, in the order the format defines (a list gives each element).
    fn pinned_fields(&self) -> Vec<String>;
    /// The sign-offs recorded on it.
    fn signoffs(&self) -> &[Signoff];
    /// The sign-offs recorded on it, to change.
    fn signoffs_mut(&mut self) -> &mut Vec<Signoff>;
    /// Where the item lives: its section and id (`scoring` for the scoring), as
    /// [`crate::ops::edit::sign_off`] finds it.
    fn item_key(&self) -> (Section, &str);

    /// The fingerprint of the current text.
    fn fingerprint(&self) -> String {
        fingerprint_of(&self.pinned_fields())
    }

    /// Whether `field` (named as the file spells it) is pinned: changing it changes the
    /// fingerprint.
    fn pins(field: &str) -> bool {
        Self::PINNED.contains(&field)
    }

    /// Whether a sign-off still holds: it has no fingerprint, or its fingerprint matches.
    fn is_current(&self, signoff: &Signoff) -> bool {
        holds(signoff, &self.fingerprint())
    }
}

/// Whether `signoff` holds for an item whose current fingerprint is `fingerprint`: it is not
/// pinned, or pinned to that fingerprint.
pub fn holds(signoff: &Signoff, fingerprint: &str) -> bool {
    signoff
        .fingerprint
        .as_deref()
        .is_none_or(|f| f == fingerprint)
}

/// The fingerprint of a list of fields.
pub fn fingerprint_of(fields: &[String]) -> String {
    let mut hasher = Sha256::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            hasher.update([0x1f]);
        }
        hasher.update(field.as_bytes());
    }
    let digest = hasher.finalize();
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

impl Signable for Message {
    const PINNED: &'static [&'static str] = &["headline", "body", "proof"];
    fn pinned_fields(&self) -> Vec<String> {
        let mut f = vec![self.headline.clone(), opt(&self.body)];
        f.extend(self.proof.iter().cloned());
        f
    }
    fn signoffs(&self) -> &[Signoff] {
        &self.signoffs
    }
    fn signoffs_mut(&mut self) -> &mut Vec<Signoff> {
        &mut self.signoffs
    }
    fn item_key(&self) -> (Section, &str) {
        (Section::Messages, &self.id)
    }
}

impl Signable for Objective {
    const PINNED: &'static [&'static str] = &["name", "metric", "target", "unit"];
    fn pinned_fields(&self) -> Vec<String> {
        vec![
            self.name.clone(),
            opt(&self.metric),
            self.target.map(|t| t.to_string()).unwrap_or_default(),
            opt(&self.unit),
        ]
    }
    fn signoffs(&self) -> &[Signoff] {
        &self.signoffs
    }
    fn signoffs_mut(&mut self) -> &mut Vec<Signoff> {
        &mut self.signoffs
    }
    fn item_key(&self) -> (Section, &str) {
        (Section::Objectives, &self.id)
    }
}

impl Signable for Term {
    const PINNED: &'static [&'static str] = &["term", "definition"];
    fn pinned_fields(&self) -> Vec<String> {
        vec![self.term.clone(), self.definition.clone()]
    }
    fn signoffs(&self) -> &[Signoff] {
        &self.signoffs
    }
    fn signoffs_mut(&mut self) -> &mut Vec<Signoff> {
        &mut self.signoffs
    }
    fn item_key(&self) -> (Section, &str) {
        (Section::Terms, &self.id)
    }
}

impl Signable for Scoring {
    const PINNED: &'static [&'static str] = &["threshold", "signals"];
    fn pinned_fields(&self) -> Vec<String> {
        let mut f = vec![self.threshold.to_string()];
        for s in &self.signals {
            f.push(s.signal.clone());
            f.push(s.points.to_string());
        }
        f
    }
    fn signoffs(&self) -> &[Signoff] {
        &self.signoffs
    }
    fn signoffs_mut(&mut self) -> &mut Vec<Signoff> {
        &mut self.signoffs
    }
    fn item_key(&self) -> (Section, &str) {
        (Section::Scoring, "scoring")
    }
}

impl Signable for Handoff {
    const PINNED: &'static [&'static str] = &["from", "to", "trigger", "owner", "sla_hours"];
    fn pinned_fields(&self) -> Vec<String> {
        vec![
            self.from.clone(),
            self.to.clone(),
            self.trigger.clone(),
            opt(&self.owner),
            self.sla_hours.map(|h| h.to_string()).unwrap_or_default(),
        ]
    }
    fn signoffs(&self) -> &[Signoff] {
        &self.signoffs
    }
    fn signoffs_mut(&mut self) -> &mut Vec<Signoff> {
        &mut self.signoffs
    }
    fn item_key(&self) -> (Section, &str) {
        (Section::Handoffs, &self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_format_example() {
        let m = Message {
            id: "roi".into(),
            headline: "Cut readmissions by 20%".into(),
            body: Some("Our discharge follow-up ...".into()),
            proof: vec!["Case study: St. Mary's".into()],
            author: None,
            segments: vec![],
            signoffs: vec![],
        };
        assert_eq!(m.fingerprint(), "0640715e92689248");
    }

    /// A field's name and a change to it.
    type Change<T> = (&'static str, fn(&mut T));

    /// Changes `item` one field at a time and checks that exactly the fields its `PINNED` names
    /// change the fingerprint.
    fn check_pinned<T: Signable + Clone>(item: &T, changes: &[Change<T>]) {
        let before = item.fingerprint();
        for (field, change) in changes {
            let mut changed = item.clone();
            change(&mut changed);
            assert_eq!(
                changed.fingerprint() != before,
                T::pins(field),
                "{field}: pinned is {}",
                T::pins(field)
            );
        }
        for pinned in T::PINNED {
            assert!(
                changes.iter().any(|(f, _)| f == pinned),
                "{pinned} is not exercised"
            );
        }
    }

    /// The names each kind of item pins are the fields its fingerprint reads, no more, no less.
    #[test]
    fn pinned_names_match_the_fingerprint() {
        let handoff = Handoff {
            id: "a-to-b".into(),
            from: "a".into(),
            to: "b".into(),
            trigger: "Scanned".into(),
            owner: Some("ana".into()),
            sla_hours: Some(24),
            signoffs: vec![],
        };
        check_pinned(
            &handoff,
            &[
                ("from", |h| h.from = "c".into()),
                ("to", |h| h.to = "c".into()),
                ("trigger", |h| h.trigger.push('!')),
                ("owner", |h| h.owner = None),
                ("sla_hours", |h| h.sla_hours = Some(48)),
                ("id", |h| h.id = "other".into()),
            ],
        );
        let message = Message {
            id: "roi".into(),
            headline: "ROI".into(),
            body: None,
            proof: vec![],
            author: None,
            segments: vec![],
            signoffs: vec![],
        };
        check_pinned(
            &message,
            &[
                ("headline", |m| m.headline.push('!')),
                ("body", |m| m.body = Some("More".into())),
                ("proof", |m| m.proof.push("Case".into())),
                ("author", |m| m.author = Some("mo".into())),
                ("segments", |m| m.segments.push("Retail".into())),
                ("id", |m| m.id = "other".into()),
            ],
        );
        let objective = Objective {
            id: "p".into(),
            name: "Pipeline".into(),
            metric: None,
            target: None,
            unit: None,
            measure: None,
            actual: None,
            signoffs: vec![],
        };
        check_pinned(
            &objective,
            &[
                ("name", |o| o.name.push('!')),
                ("metric", |o| o.metric = Some("30 days".into())),
                ("target", |o| o.target = Some(5.0)),
                ("unit", |o| o.unit = Some("EUR".into())),
                ("id", |o| o.id = "other".into()),
            ],
        );
        let term = Term {
            id: "t".into(),
            term: "Lead".into(),
            definition: "A person".into(),
            signoffs: vec![],
        };
        check_pinned(
            &term,
            &[
                ("term", |t| t.term.push('!')),
                ("definition", |t| t.definition.push('!')),
                ("id", |t| t.id = "other".into()),
            ],
        );
        let scoring = Scoring {
            threshold: 60,
            signals: vec![],
            signoffs: vec![],
        };
        check_pinned(
            &scoring,
            &[
                ("threshold", |s| s.threshold = 50),
                ("signals", |s| {
                    s.signals.push(crate::model::Signal {
                        signal: "Budget".into(),
                        points: 10,
                    })
                }),
            ],
        );
    }

    #[test]
    fn objective_targets_format_like_rust_display() {
        let o = Objective {
            id: "p".into(),
            name: "Pipeline".into(),
            metric: None,
            target: Some(1_200_000.0),
            unit: None,
            measure: None,
            actual: None,
            signoffs: vec![],
        };
        assert_eq!(o.pinned_fields()[2], "1200000");
    }
}
