//! The accounts of a generated plan: companies of the segments in use, mostly tier 3, each with
//! a sales and a marketing owner.

use crate::model::Account;
use crate::ops::generate::generator::Generator;
use crate::ops::generate::words::{NOTES, PLACES, REGIONS, SEGMENTS};
use std::collections::HashSet;

impl Generator {
    /// Adds the accounts, with distinct names.
    pub(super) fn accounts(&mut self) {
        let mut names: HashSet<String> = HashSet::with_capacity(self.n);
        for _ in 0..self.n {
            let s = self.rng.below(self.segments);
            let (segment, kinds, _) = SEGMENTS[s];
            let mut name = format!("{} {}", self.rng.pick(PLACES), self.rng.pick(kinds));
            if names.contains(&name) {
                name = format!("{name} {}", self.rng.pick(REGIONS));
            }
            if names.contains(&name) {
                let base = name.clone();
                let mut k = 2;
                while names.contains(&name) {
                    name = format!("{base} {k}");
                    k += 1;
                }
            }
            names.insert(name.clone());
            let id = self.id(&name);
            let tier = match self.rng.below(10) {
                0 => 1,
                1..=3 => 2,
                _ => 3,
            };
            let owner = self.rng.pick_index(&self.sales).unwrap_or(0);
            let marketer = self.rng.pick_index(&self.marketing).unwrap_or(0);
            let mut messages = Vec::new();
            if self.rng.chance(50)
                && let Some(list) = self.segment_messages.get(s)
                && let Some(m) = self.rng.pick_index(list)
                && let Some(message) = self.plan.messages.get(m)
            {
                messages.push(message.id.clone());
            }
            let notes = self.rng.chance(25).then(|| self.rng.pick(NOTES).to_owned());
            self.plan.accounts.push(Account {
                id,
                name,
                tier,
                owner: Some(self.person_id(owner)),
                marketing_owner: Some(self.person_id(marketer)),
                segment: Some(segment.to_owned()),
                messages,
                notes,
                crm_id: None,
            });
        }
    }
}
