//! The staff's calendars: half-hour slots on each show day, booked and freed as meetings are
//! placed and moved.

use crate::model::DateTime;
use crate::ops::generate::generator::{DAYS, FIRST_HOUR, Generator, SLOTS, mask};

impl Generator {
    /// A free start for `person`: a slot (and the next one, for long meetings) with room under
    /// their daily limit, searched from a random place.
    pub(super) fn free_slot(&mut self, person: usize, width: usize) -> Option<usize> {
        let busy = *self.busy.get(person)?;
        let load = *self.load.get(person)?;
        let limit = *self.limit.get(person)?;
        let from = self.rng.below(DAYS * SLOTS);
        (0..DAYS * SLOTS)
            .map(|k| (from + k) % (DAYS * SLOTS))
            .find(|&bit| {
                bit % SLOTS + width <= SLOTS
                    && busy & mask(bit, width) == 0
                    && load[bit / SLOTS] < limit
            })
    }

    /// Books `width` slots from `bit` for `person`.
    pub(super) fn book(&mut self, person: usize, bit: usize, width: usize) {
        if let Some(b) = self.busy.get_mut(person) {
            *b |= mask(bit, width);
        }
        if let Some(l) = self
            .load
            .get_mut(person)
            .and_then(|l| l.get_mut(bit / SLOTS))
        {
            *l += 1;
        }
    }

    /// Frees `width` slots from `bit` for `person`.
    pub(super) fn unbook(&mut self, person: usize, bit: usize, width: usize) {
        if let Some(b) = self.busy.get_mut(person) {
            *b &= !mask(bit, width);
        }
        if let Some(l) = self
            .load
            .get_mut(person)
            .and_then(|l| l.get_mut(bit / SLOTS))
        {
            *l = l.saturating_sub(1);
        }
    }

    /// When slot `bit` starts.
    pub(super) fn start_of(&self, bit: usize) -> DateTime {
        let minutes = (FIRST_HOUR * 60 + (bit % SLOTS) * 30) as u32;
        self.plan
            .event
            .starts
            .plus_days((bit / SLOTS) as i64)
            .at(minutes / 60, minutes % 60)
    }
}
