//! The meetings of a generated plan: a few wanted by every account, placed round by round (top
//! tier first) into the staff's calendars while someone has time; the rest declined or
//! cancelled. Long meetings get a meeting room and, now and then, a marketer or the sponsor.

use crate::model::{Meeting, MeetingStatus};
use crate::ops::generate::generator::{DAYS, Generator, SLOTS, mask};
use crate::ops::generate::words::MEETINGS;

impl Generator {
    /// Adds every account's meetings, and notes who leads each.
    pub(super) fn meetings(&mut self) {
        // Each account asks for a few meetings; the staff's calendars are filled round by round
        // (every account's first meeting, then every second one...), top tier first.
        let mut wanted: Vec<Vec<usize>> = Vec::with_capacity(self.n);
        for a in &self.plan.accounts {
            let count = match a.tier {
                1 => 4 + usize::from(self.rng.chance(50)),
                2 => 3,
                _ => 2 + usize::from(self.rng.chance(70)),
            };
            let mut kinds: Vec<usize> = (0..MEETINGS.len()).collect();
            self.rng.shuffle(&mut kinds);
            kinds.truncate(count);
            wanted.push(kinds);
        }
        let mut order: Vec<usize> = (0..self.n).collect();
        self.rng.shuffle(&mut order);
        let tiers: Vec<i64> = self.plan.accounts.iter().map(|a| a.tier).collect();
        order.sort_by_key(|&a| tiers.get(a).copied().unwrap_or(3));
        let mut booked: Vec<Vec<Meeting>> = vec![Vec::new(); self.n];
        let mut booked_slots: Vec<Vec<Option<(usize, usize, usize)>>> = vec![Vec::new(); self.n];
        let rounds = wanted.iter().map(Vec::len).max().unwrap_or(0);
        for round in 0..rounds {
            for &a in &order {
                let Some(&kind) = wanted.get(a).and_then(|k| k.get(round)) else {
                    continue;
                };
                let (meeting, slot) = self.meeting(a, kind, round == 0);
                if let (Some(list), Some(slots)) = (booked.get_mut(a), booked_slots.get_mut(a)) {
                    list.push(meeting);
                    slots.push(slot);
                }
            }
        }
        for (list, slots) in booked.into_iter().zip(booked_slots) {
            self.plan.meetings.extend(list);
            self.slots.extend(slots);
        }
        self.lead_of = self
            .plan
            .meetings
            .iter()
            .map(|m| {
                m.people
                    .first()
                    .and_then(|p| self.person_index(p))
                    .unwrap_or(0)
            })
            .collect();
    }

    /// One meeting with account `a`, booked into a calendar when someone has time.
    fn meeting(
        &mut self,
        a: usize,
        kind: usize,
        first: bool,
    ) -> (Meeting, Option<(usize, usize, usize)>) {
        let (suffix, lengths, goals) = MEETINGS[kind % MEETINGS.len()];
        let minutes = lengths
            .get(self.rng.below(lengths.len()))
            .copied()
            .unwrap_or(30);
        let width = if minutes > 30 { 2 } else { 1 };
        let (account_id, owner, tier, segment_messages) = match self.plan.accounts.get(a) {
            Some(acc) => (
                acc.id.clone(),
                acc.owner.as_deref().and_then(|o| self.person_index(o)),
                acc.tier,
                acc.messages.clone(),
            ),
            None => (String::new(), None, 3, Vec::new()),
        };
        let owner = owner.unwrap_or(self.sales_lead);
        let found = self.find_lead(owner, tier, first, width);
        let goal = Some(self.rng.pick(goals).to_owned());
        let mut messages = Vec::new();
        if self.rng.chance(25)
            && let Some(m) = segment_messages.first()
        {
            messages.push(m.clone());
        }
        let id = format!("{account_id}-{suffix}");
        let Some((lead, bit)) = found else {
            // Declined or cancelled: drawn in the calendar, taking no one's time.
            let (bit, status) = self.unbooked(width);
            let meeting = Meeting {
                id,
                account: account_id,
                start: self.start_of(bit),
                minutes,
                location: self.table.get(&owner).cloned(),
                people: vec![self.person_id(owner)],
                status,
                goal,
                messages,
            };
            return (meeting, None);
        };
        self.book(lead, bit, width);
        let status = if first && tier == 1 {
            MeetingStatus::Confirmed
        } else {
            match self.rng.below(20) {
                0..=10 => MeetingStatus::Confirmed,
                11..=16 => MeetingStatus::Requested,
                _ => MeetingStatus::Proposed,
            }
        };
        let mut people = vec![self.person_id(lead)];
        // Long meetings get a room and, when one is free, a marketer or the sponsor too.
        let mut location = self.table.get(&lead).cloned();
        if width == 2 {
            if let Some(room) = self.free_room(bit, width) {
                location = Some(room);
            }
            if let Some(g) = self.guest(bit, width, tier) {
                people.push(self.person_id(g));
            }
        }
        let meeting = Meeting {
            id,
            account: account_id,
            start: self.start_of(bit),
            minutes,
            location,
            people,
            status,
            goal,
            messages,
        };
        (meeting, Some((lead, bit, width)))
    }

    /// Who takes a meeting, and at which slot: the account's owner; when their days are full, a
    /// colleague or two (for a tier-1 account's first meeting, any salesperson).
    fn find_lead(
        &mut self,
        owner: usize,
        tier: i64,
        first: bool,
        width: usize,
    ) -> Option<(usize, usize)> {
        let mut candidates = vec![owner];
        for _ in 0..3 {
            if let Some(p) = self.rng.pick_index(&self.sales) {
                candidates.push(p);
            }
        }
        if tier == 1 && first {
            candidates.extend(self.sales.iter().copied());
        }
        let mut found = None;
        for p in candidates {
            if let Some(bit) = self.free_slot(p, width) {
                found = Some((p, bit));
                break;
            }
        }
        found
    }

    /// The slot and status of a meeting no one had time for: declined or cancelled.
    fn unbooked(&mut self, width: usize) -> (usize, MeetingStatus) {
        let bit = self.rng.below(DAYS * SLOTS - 1);
        let bit = if bit % SLOTS + width > SLOTS {
            bit - 1
        } else {
            bit
        };
        let status = if self.rng.chance(60) {
            MeetingStatus::Declined
        } else {
            MeetingStatus::Cancelled
        };
        (bit, status)
    }

    /// A meeting room free for `width` slots from `bit`, searched from a random one, and taken.
    fn free_room(&mut self, bit: usize, width: usize) -> Option<String> {
        let from = self.rng.below(self.rooms.len());
        let m = mask(bit, width);
        for k in 0..self.rooms.len() {
            let r = (from + k) % self.rooms.len();
            if let Some((name, taken)) = self.rooms.get_mut(r)
                && *taken & m == 0
            {
                *taken |= m;
                return Some(name.clone());
            }
        }
        None
    }

    /// Now and then, a marketer (or, for a tier-1 account, the sponsor) who is free for `width`
    /// slots from `bit` joins a long meeting, and is booked.
    fn guest(&mut self, bit: usize, width: usize, tier: i64) -> Option<usize> {
        if !self.rng.chance(40) {
            return None;
        }
        let guest = if tier == 1 && self.rng.chance(30) {
            Some(self.sponsor)
        } else {
            self.rng.pick_index(&self.marketing)
        };
        let m = mask(bit, width);
        if let Some(g) = guest
            && self.busy.get(g).is_some_and(|b| b & m == 0)
            && self
                .load
                .get(g)
                .zip(self.limit.get(g))
                .is_some_and(|(l, max)| l[bit / SLOTS] < *max)
        {
            self.book(g, bit, width);
            return Some(g);
        }
        None
    }
}
