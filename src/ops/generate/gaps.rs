//! The account, people, message and task gaps planted in a generated plan.

use crate::model::fingerprint::Signable;
use crate::model::{MeetingStatus, Message};
use crate::ops::generate::generator::{ACCOUNT, Generator, MESSAGE, PERSON, TASK, few};
use crate::ops::generate::words::UNUSED_SEGMENT;
use std::collections::{HashMap, HashSet};

impl Generator {
    /// Plants the account gaps, `few` of each: owners missing, wrong or unknown, no segment, a
    /// tier out of range, top accounts without a confirmed meeting, accounts imported twice.
    pub(super) fn plant_account_gaps(&mut self) {
        let k = few(self.n);
        let all: Vec<usize> = (0..self.n).collect();
        self.unsettle_owners(k, &all);
        let third: Vec<usize> = (0..self.n)
            .filter(|&a| self.plan.accounts.get(a).is_some_and(|x| x.tier == 3))
            .collect();
        for a in self.choose(ACCOUNT, &third, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.tier = 4;
            }
        }
        let unconfirmed = self.leave_top_accounts_unconfirmed(k);
        self.import_accounts_twice(k, &all, &unconfirmed);
    }

    /// Accounts without a sales owner, owned by a marketer, without a marketing owner, without
    /// a segment (or messages), and with a marketing owner who has left.
    fn unsettle_owners(&mut self, k: usize, all: &[usize]) {
        for a in self.choose(ACCOUNT, all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.owner = None;
            }
        }
        for a in self.choose(ACCOUNT, all, k) {
            let marketer = self.rng.pick_index(&self.marketing).unwrap_or(0);
            let id = self.person_id(marketer);
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.owner = Some(id);
            }
        }
        for a in self.choose(ACCOUNT, all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.marketing_owner = None;
            }
        }
        for a in self.choose(ACCOUNT, all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.messages.clear();
                acc.segment = None;
            }
        }
        let gone = self.id("Ida Left");
        for a in self.choose(ACCOUNT, all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.marketing_owner = Some(gone.clone());
            }
        }
    }

    /// priority-account-without-meeting: the confirmations are still outstanding. Gives the ids
    /// of the accounts chosen.
    fn leave_top_accounts_unconfirmed(&mut self, k: usize) -> HashSet<String> {
        let top: Vec<usize> = (0..self.n)
            .filter(|&a| self.plan.accounts.get(a).is_some_and(|x| x.tier == 1))
            .collect();
        let top = self.choose(ACCOUNT, &top, k);
        let unconfirmed: HashSet<String> = top
            .iter()
            .filter_map(|&a| self.plan.accounts.get(a).map(|x| x.id.clone()))
            .collect();
        for m in &mut self.plan.meetings {
            if unconfirmed.contains(&m.account) && m.status == MeetingStatus::Confirmed {
                m.status = MeetingStatus::Requested;
            }
        }
        unconfirmed
    }

    /// duplicate-id: an account imported twice; its meetings follow the first copy. Accounts in
    /// `unconfirmed` keep their own id.
    fn import_accounts_twice(&mut self, k: usize, all: &[usize], unconfirmed: &HashSet<String>) {
        let dupes = self.choose(ACCOUNT, all, k);
        let mut renamed: HashMap<String, String> = HashMap::new();
        for a in dupes {
            let Some(earlier) = a
                .checked_sub(1)
                .and_then(|e| self.plan.accounts.get(e))
                .map(|e| (e.id.clone(), e.name.clone()))
            else {
                continue;
            };
            if renamed.contains_key(&earlier.0) || unconfirmed.contains(&earlier.0) {
                continue;
            }
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                if unconfirmed.contains(&acc.id) {
                    continue;
                }
                renamed.insert(acc.id.clone(), earlier.0.clone());
                acc.id = earlier.0;
                acc.name = earlier.1;
            }
        }
        for m in &mut self.plan.meetings {
            if let Some(first) = renamed.get(&m.account) {
                m.account = first.clone();
            }
        }
    }

    /// Plants the gaps of people, messages and tasks.
    pub(super) fn plant_other_gaps(&mut self) {
        self.overbook_people();
        self.plant_message_gaps();
        self.plant_task_gaps();
    }

    /// person-over-capacity: a limit set lower than the busiest day already booked.
    fn overbook_people(&mut self) {
        let staff = self.sales.clone();
        let k = (staff.len() / 20).clamp(1, 3);
        for p in self.choose(PERSON, &staff, k) {
            let busiest = self
                .load
                .get(p)
                .and_then(|l| l.iter().copied().max())
                .unwrap_or(0);
            if busiest >= 2
                && let Some(person) = self.plan.people.get_mut(p)
            {
                person.max_meetings_per_day = Some(busiest - 1);
            }
        }
    }

    /// Messages not agreed by sales, stale, without proof, by an unknown author, and one unused.
    fn plant_message_gaps(&mut self) {
        let count = self.plan.messages.len();
        let k = (count / 60).clamp(1, 5);
        let all: Vec<usize> = (0..count).collect();
        for i in self.choose(MESSAGE, &all, k) {
            if let Some(m) = self.plan.messages.get_mut(i) {
                m.signoffs.truncate(1);
            }
        }
        for i in self.choose(MESSAGE, &all, k) {
            if let Some(m) = self.plan.messages.get_mut(i) {
                m.headline.push_str(", guaranteed");
                let current = m.fingerprint();
                if let Some(s) = m.signoffs.first_mut() {
                    s.fingerprint = Some(current);
                }
            }
        }
        for i in self.choose(MESSAGE, &all, k) {
            if let Some(m) = self.plan.messages.get_mut(i) {
                m.proof.clear();
                let current = m.fingerprint();
                for s in &mut m.signoffs {
                    s.fingerprint = Some(current.clone());
                }
            }
        }
        let gone = self.id("Per Gone");
        for i in self.choose(MESSAGE, &all, k) {
            if let Some(m) = self.plan.messages.get_mut(i) {
                m.author = Some(gone.clone());
            }
        }
        if self.n / 50 > 0 {
            let author = self.person_id(self.marketing_lead);
            let mut m = Message {
                id: self.id("Keep pets out of the waiting room"),
                headline: "Keep pets out of the waiting room".to_owned(),
                body: Some("For veterinary clinics: a draft for next year's show.".to_owned()),
                // A draft: no proof yet either.
                proof: Vec::new(),
                author: Some(author),
                segments: vec![UNUSED_SEGMENT.to_owned()],
                signoffs: Vec::new(),
            };
            let f = m.fingerprint();
            m.signoffs = vec![
                self.signoff(self.marketing_lead, Some(f.clone())),
                self.signoff(self.sales_lead, Some(f)),
            ];
            self.plan.messages.push(m);
        }
    }

    /// Tasks without owner, owned by someone unknown, with an id written by hand.
    fn plant_task_gaps(&mut self) {
        let count = self.plan.tasks.len();
        let k = (count / 60).clamp(1, 5);
        let all: Vec<usize> = (2..count).collect();
        for i in self.choose(TASK, &all, k) {
            if let Some(t) = self.plan.tasks.get_mut(i) {
                t.owner = None;
            }
        }
        let gone = self.id("Tim Temp");
        for i in self.choose(TASK, &all, k) {
            if let Some(t) = self.plan.tasks.get_mut(i) {
                t.owner = Some(gone.clone());
            }
        }
        for i in self.choose(TASK, &all, 1) {
            if let Some(t) = self.plan.tasks.get_mut(i) {
                t.id = "Order_Lanyards".to_owned();
            }
        }
    }
}
