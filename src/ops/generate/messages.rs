//! The messages of a generated plan: a few for every segment in use, each signed off by its
//! author and a salesperson, with proof.

use crate::model::Message;
use crate::model::fingerprint::Signable;
use crate::ops::generate::generator::Generator;
use crate::ops::generate::words::{PLACES, PROOFS, REGIONS, SEGMENTS};

impl Generator {
    /// Adds one message for every fifty accounts, less one (planted later: the unused one).
    pub(super) fn messages(&mut self) {
        // The last message is written for a segment no account is in: `message-unused`.
        let count = (self.n / 50).saturating_sub(1);
        self.segments = count.clamp(1, SEGMENTS.len());
        self.segment_messages = vec![Vec::new(); self.segments];
        for j in 0..count {
            let s = j % self.segments;
            let (segment, _, promises) = SEGMENTS[s];
            let promise = self.rng.pick(promises);
            let mut headline = promise.replace("{n}", &self.rng.between(2, 40).to_string());
            if j >= self.segments * promises.len() {
                // Past the first round, say whom it is for, so headlines stay distinct.
                headline = format!("{headline} ({})", self.rng.pick(REGIONS));
            }
            let id = self.id(&headline);
            let mut segments = vec![segment.to_owned()];
            if self.segments > 1 && self.rng.chance(30) {
                let other = SEGMENTS[(s + 1 + self.rng.below(self.segments - 1)) % self.segments].0;
                segments.push(other.to_owned());
            }
            let proof = (0..self.rng.between(1, 3))
                .map(|_| self.proof())
                .collect::<Vec<_>>();
            let author = self.rng.pick_index(&self.marketing).unwrap_or(0);
            let mut message = Message {
                id,
                headline: headline.clone(),
                body: Some(format!(
                    "For {}: {}. Our platform connects the teams that today work from spreadsheets.",
                    segment.to_lowercase(),
                    headline.to_lowercase()
                )),
                proof,
                author: Some(self.person_id(author)),
                segments,
                signoffs: Vec::new(),
            };
            let fingerprint = message.fingerprint();
            let seller = self.rng.pick_index(&self.sales).unwrap_or(0);
            message.signoffs = vec![
                self.signoff(author, Some(fingerprint.clone())),
                self.signoff(seller, Some(fingerprint)),
            ];
            self.plan.messages.push(message);
            if let Some(list) = self.segment_messages.get_mut(s) {
                list.push(j);
            }
        }
    }

    /// A piece of proof: a case study, a pilot, a quote, a study.
    pub(super) fn proof(&mut self) -> String {
        let template = self.rng.pick(PROOFS);
        let kinds = SEGMENTS[self.rng.below(SEGMENTS.len())].1;
        let account = format!("{} {}", self.rng.pick(PLACES), self.rng.pick(kinds));
        template
            .replace("{account}", &account)
            .replace("{n}", &self.rng.between(3, 40).to_string())
            .replace("{q}", &self.rng.between(1, 4).to_string())
    }
}
