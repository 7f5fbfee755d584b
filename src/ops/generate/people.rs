//! The people of a generated plan: a sales lead, marketers, an event manager, an executive
//! sponsor and a salesperson or marketer for every hundred accounts, with meeting rooms and a
//! booth table for each salesperson.

use crate::model::{Person, Team};
use crate::ops::generate::generator::{DAYS, Generator, SLOTS};
use crate::ops::generate::words::{FIRST_NAMES, LAST_NAMES, SEGMENTS};
use std::collections::HashSet;

impl Generator {
    /// Adds the people, the meeting rooms and the booth tables.
    pub(super) fn people(&mut self) {
        let staff = self.n / 100;
        let mut names = HashSet::new();
        let mut add = |g: &mut Generator, team: Team, role: String, max: Option<u32>| {
            let name = loop {
                let name = format!("{} {}", g.rng.pick(FIRST_NAMES), g.rng.pick(LAST_NAMES));
                if names.insert(name.clone()) || names.len() > 3000 {
                    break name;
                }
            };
            let id = g.id(&name);
            let email = format!("{}@medivance.example", id.replace('-', "."));
            g.plan.people.push(Person {
                id,
                name,
                team,
                role: Some(role),
                email: Some(email),
                max_meetings_per_day: max,
            });
            let index = g.plan.people.len() - 1;
            g.people_by_id.insert(g.person_id(index), index);
            match team {
                Team::Sales => g.sales.push(index),
                Team::Marketing => g.marketing.push(index),
                Team::Leadership => {}
            }
            g.busy.push(0);
            g.load.push([0; DAYS]);
            g.limit.push(max.unwrap_or(SLOTS as u32));
            index
        };
        self.sales_lead = add(self, Team::Sales, "Sales lead, EMEA".to_owned(), Some(6));
        self.marketing_lead = add(
            self,
            Team::Marketing,
            "Head of field marketing".to_owned(),
            None,
        );
        self.event_manager = add(self, Team::Marketing, "Event manager".to_owned(), None);
        add(
            self,
            Team::Marketing,
            "Product marketing manager".to_owned(),
            Some(6),
        );
        self.sponsor = add(
            self,
            Team::Leadership,
            "Chief commercial officer".to_owned(),
            Some(4),
        );
        for j in 0..staff {
            if j % 10 < 7 {
                let segment = SEGMENTS[j % SEGMENTS.len()].0.to_lowercase();
                let (role, max) = if j % 7 == 6 {
                    ("Sales development representative".to_owned(), 6)
                } else {
                    (
                        format!("Account executive, {segment}"),
                        10 + self.rng.below(7) as u32,
                    )
                };
                add(self, Team::Sales, role, Some(max));
            } else {
                let role = ["Field marketing manager", "Demand generation manager"][j % 2];
                add(self, Team::Marketing, role.to_owned(), None);
            }
        }
        let rooms = (self.sales.len() / 6).max(2);
        self.rooms = (1..=rooms)
            .map(|k| (format!("Meeting room {k}"), 0))
            .collect();
        for (k, &p) in self.sales.iter().enumerate() {
            self.table.insert(p, format!("Booth table {}", k + 1));
        }
    }
}
