//! Sign-off fingerprints: what a sign-off pins.
//!
//! A fingerprint is the first 16 lowercase hex digits of the SHA-256 of the pinned fields joined
//! with the byte 0x1F. A sign-off whose fingerprint no longer matches is stale: the text changed
//! after that person agreed to it.

use crate::model::{Handoff, Message, Objective, Scoring, Section, Signoff, Term};
use sha2::{Digest, Sha256};

/// Something people sign off on.
pub trait Signable {
    /// The pinned fields, in the order the format defines.
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

    #[test]
    fn objective_targets_format_like_rust_display() {
        let o = Objective {
            id: "p".into(),
            name: "Pipeline".into(),
            metric: None,
            target: Some(1_200_000.0),
            unit: None,
            signoffs: vec![],
        };
        assert_eq!(o.pinned_fields()[2], "1200000");
    }
}
