//! The meeting gaps planted in a generated plan: people and rooms double-booked, meetings
//! without sales, with someone who has left, outside the event, without a length, and with an id
//! used twice.

use crate::model::MeetingStatus;
use crate::ops::generate::generator::{Generator, MEETING, SLOTS, few, mask};
use std::collections::HashSet;

impl Generator {
    /// Indexes of active meetings led by one person alone, in one slot, with no gap yet.
    fn plain_meetings(&self) -> Vec<usize> {
        self.plan
            .meetings
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                m.status.is_active()
                    && m.people.len() == 1
                    && matches!(self.slots.get(*i), Some(Some((_, _, 1))))
                    && !self.touched.contains(&(MEETING, *i))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Indexes of declined and cancelled meetings with no gap yet.
    fn inactive_meetings(&self) -> Vec<usize> {
        self.plan
            .meetings
            .iter()
            .enumerate()
            .filter(|(i, m)| !m.status.is_active() && !self.touched.contains(&(MEETING, *i)))
            .map(|(i, _)| i)
            .collect()
    }

    /// Plants the meeting gaps, `few` of each: people and rooms double-booked, meetings without
    /// sales, with someone unknown, outside the event, without a length, with a duplicate id.
    pub(super) fn plant_meeting_gaps(&mut self) {
        let k = few(self.plan.meetings.len());
        let plain = self.plain_meetings();
        self.double_book_people(k, &plain);
        self.double_book_rooms(k, &plain);
        self.send_marketing_alone(k);
        self.invite_someone_gone(k);
        self.dine_before_the_show(k);
        self.drop_lengths(k);
        self.copy_ids(k);
    }

    /// person-double-booked: a second meeting of the same person moved into the first's slot.
    fn double_book_people(&mut self, k: usize, plain: &[usize]) {
        let mut planted = 0;
        for _ in 0..k * 20 {
            if planted == k {
                break;
            }
            let Some(a) = self.rng.pick_index(plain) else {
                break;
            };
            let Some(Some((lead, bit, _))) = self.slots.get(a).copied() else {
                continue;
            };
            if self.touched.contains(&(MEETING, a)) {
                continue;
            }
            let other = plain.iter().copied().find(|&c| {
                c != a
                    && matches!(self.slots.get(c), Some(Some((l, b, _))) if *l == lead && b / SLOTS == bit / SLOTS)
                    && !self.touched.contains(&(MEETING, c))
            });
            if let Some(c) = other
                && let Some(Some((_, old, _))) = self.slots.get(c).copied()
            {
                self.touch(MEETING, a);
                self.touch(MEETING, c);
                self.move_meeting(c, lead, old, bit, None);
                planted += 1;
            }
        }
    }

    /// room-double-booked: someone free at that time meets in a room already taken.
    fn double_book_rooms(&mut self, k: usize, plain: &[usize]) {
        let mut planted = 0;
        for _ in 0..k * 20 {
            if planted == k {
                break;
            }
            let Some(a) = self.rng.pick_index(plain) else {
                break;
            };
            let Some(Some((lead, bit, _))) = self.slots.get(a).copied() else {
                continue;
            };
            if self.touched.contains(&(MEETING, a)) {
                continue;
            }
            let room = self.plan.meetings.get(a).and_then(|m| m.location.clone());
            let other = plain.iter().copied().find(|&c| {
                matches!(self.slots.get(c), Some(Some((l, b, _)))
                    if *l != lead && b / SLOTS == bit / SLOTS
                        && self.busy.get(*l).is_some_and(|busy| busy & mask(bit, 1) == 0))
                    && !self.touched.contains(&(MEETING, c))
            });
            if let Some(c) = other
                && let Some(Some((l, old, _))) = self.slots.get(c).copied()
            {
                self.touch(MEETING, a);
                self.touch(MEETING, c);
                self.unbook(l, old, 1);
                self.book(l, bit, 1);
                self.move_meeting(c, l, old, bit, room);
                planted += 1;
            }
        }
    }

    /// meeting-without-sales: a marketer free at that time goes instead.
    fn send_marketing_alone(&mut self, k: usize) {
        for a in self.choose(MEETING, &self.plain_meetings(), k) {
            let Some(Some((lead, bit, _))) = self.slots.get(a).copied() else {
                continue;
            };
            let free = self.marketing.iter().copied().find(|&p| {
                self.busy.get(p).is_some_and(|b| b & mask(bit, 1) == 0)
                    && self
                        .load
                        .get(p)
                        .zip(self.limit.get(p))
                        .is_some_and(|(l, max)| l[bit / SLOTS] < *max)
            });
            if let Some(p) = free {
                self.unbook(lead, bit, 1);
                self.book(p, bit, 1);
                let id = self.person_id(p);
                if let Some(m) = self.plan.meetings.get_mut(a) {
                    m.people = vec![id];
                }
            }
        }
    }

    /// unknown-reference: someone who has left the company is still invited.
    fn invite_someone_gone(&mut self, k: usize) {
        let gone = self.id("Ole Former");
        for a in self.choose(MEETING, &self.plain_meetings(), k) {
            if let Some(m) = self.plan.meetings.get_mut(a) {
                m.people.push(gone.clone());
            }
        }
    }

    /// meeting-outside-event: a dinner the evening before the show.
    fn dine_before_the_show(&mut self, k: usize) {
        let mut evenings = HashSet::new();
        for (j, a) in self
            .choose(MEETING, &self.inactive_meetings(), k)
            .into_iter()
            .enumerate()
        {
            let lead = self.lead_of.get(a).copied().unwrap_or(0);
            let mut before = 1;
            while !evenings.insert((lead, before)) {
                before += 1;
            }
            let start = self.plan.event.starts.plus_days(-before).at(19, 30);
            if let Some(m) = self.plan.meetings.get_mut(a) {
                m.status = MeetingStatus::Confirmed;
                m.start = start;
                m.minutes = 120;
                m.location = Some(format!("Hotel lounge, table {}", j + 1));
                m.goal = Some("Pre-show dinner with the buying committee".to_owned());
            }
        }
    }

    /// invalid-value: a declined meeting with no length.
    fn drop_lengths(&mut self, k: usize) {
        for a in self.choose(MEETING, &self.inactive_meetings(), k) {
            if let Some(m) = self.plan.meetings.get_mut(a) {
                m.minutes = 0;
            }
        }
    }

    /// duplicate-id: a meeting copied and edited, keeping its id.
    fn copy_ids(&mut self, k: usize) {
        for a in self.choose(MEETING, &self.inactive_meetings(), k) {
            if a == 0 {
                continue;
            }
            let earlier = self
                .plan
                .meetings
                .get(a - 1)
                .map(|m| m.id.clone())
                .unwrap_or_default();
            if let Some(m) = self.plan.meetings.get_mut(a) {
                m.id = earlier;
            }
        }
    }

    /// Moves meeting `c` (led by `lead`, at slot `old`) to ten minutes into slot `bit`, for a
    /// quarter of an hour.
    pub(super) fn move_meeting(
        &mut self,
        c: usize,
        lead: usize,
        old: usize,
        bit: usize,
        room: Option<String>,
    ) {
        let start = self.start_of(bit).plus_minutes(10);
        if let Some(b) = self.busy.get_mut(lead)
            && old != bit
        {
            *b &= !mask(old, 1);
        }
        if let Some(m) = self.plan.meetings.get_mut(c) {
            m.start = start;
            m.minutes = 15;
            m.location = room;
        }
    }
}
