//! The tasks of a generated plan: preparations before the show, most of those due before
//! [`today`](super::generator::today) done, a few overdue.

use crate::model::Task;
use crate::ops::generate::generator::{Generator, day, today};
use crate::ops::generate::words::{SEGMENTS, TASKS};

impl Generator {
    /// Adds a dozen tasks and one more for every fifty accounts.
    pub(super) fn tasks(&mut self) {
        let count = self.n / 50 + 12;
        let today = today();
        for j in 0..count {
            let template = TASKS[j % TASKS.len()];
            let segment = SEGMENTS[self.rng.below(self.segments)].0.to_lowercase();
            let account = self
                .plan
                .accounts
                .get(self.rng.below(self.n))
                .map_or_else(|| "the top accounts".to_owned(), |a| a.name.clone());
            let title = template
                .replace("{segment}", &segment)
                .replace("{account}", &account);
            let id = self.id(&title);
            let due = day(2027, 1, 11).plus_days(self.rng.below(53) as i64);
            // Most tasks due before today are done; a few are overdue.
            let done = if due < today {
                !self.rng.chance(8) || j == 0
            } else {
                self.rng.chance(15)
            };
            let owner = match j % 3 {
                0 => self.event_manager,
                1 => self.rng.pick_index(&self.marketing).unwrap_or(0),
                _ => self.rng.pick_index(&self.sales).unwrap_or(0),
            };
            self.plan.tasks.push(Task {
                id,
                title,
                owner: Some(self.person_id(owner)),
                due: Some(due),
                done,
            });
        }
        // One overdue task for certain.
        if let Some(t) = self.plan.tasks.get_mut(1) {
            t.due = Some(day(2027, 2, 1));
            t.done = false;
        }
    }
}
