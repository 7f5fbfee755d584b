//! The plan under way ([`Generator`]) and what every step shares: the show's dates and slots,
//! fresh ids, sign-offs, and the items a gap was planted on.

use crate::model::{Date, Plan, Signoff, slug};
use crate::ops::generate::rng::Rng;
use std::collections::{HashMap, HashSet};

/// The date a generated plan is written for: checked on this day, its overdue tasks show.
pub fn today() -> Date {
    day(2027, 2, 15)
}

/// A date of the show's year (today's date if it is not one).
pub(super) fn day(year: i32, month: u32, d: u32) -> Date {
    Date::from_ymd(year, month, d).unwrap_or_else(Date::today)
}

/// Show days, and meeting slots of half an hour from 08:00 to 18:00 on each.
pub(super) const DAYS: usize = 3;
/// Half-hour meeting slots on each show day.
pub(super) const SLOTS: usize = 20;
/// The hour the first slot starts.
pub(super) const FIRST_HOUR: usize = 8;

/// How many times a gap is planted in a list of `n` items: a few, growing slowly with size.
pub(super) fn few(n: usize) -> usize {
    if n == 0 { 0 } else { (n / 400).clamp(1, 40) }
}

/// Lists a gap can be planted in, for [`Generator::touch`]: accounts.
pub(super) const ACCOUNT: u8 = 0;
/// Meetings, for [`Generator::touch`].
pub(super) const MEETING: u8 = 1;
/// Messages, for [`Generator::touch`].
pub(super) const MESSAGE: u8 = 2;
/// Tasks, for [`Generator::touch`].
pub(super) const TASK: u8 = 3;
/// People, for [`Generator::touch`].
pub(super) const PERSON: u8 = 4;

/// The bits of `width` slots from slot `bit`.
pub(super) fn mask(bit: usize, width: usize) -> u64 {
    ((1u64 << width) - 1) << bit
}

/// A plan under way, with what the steps that make it need to know.
pub(super) struct Generator {
    /// Where every random choice comes from.
    pub(super) rng: Rng,
    /// How many accounts the plan has.
    pub(super) n: usize,
    /// The plan so far.
    pub(super) plan: Plan,
    /// Indexes of the salespeople.
    pub(super) sales: Vec<usize>,
    /// Indexes of the marketers.
    pub(super) marketing: Vec<usize>,
    /// The executive sponsor's index.
    pub(super) sponsor: usize,
    /// The sales lead's index.
    pub(super) sales_lead: usize,
    /// The head of field marketing's index.
    pub(super) marketing_lead: usize,
    /// The event manager's index.
    pub(super) event_manager: usize,
    /// Per person: busy half-hour slots (bit `day * SLOTS + slot`).
    pub(super) busy: Vec<u64>,
    /// Per person: active meetings on each day.
    pub(super) load: Vec<[u32; DAYS]>,
    /// Per person: the most meetings a day.
    pub(super) limit: Vec<u32>,
    /// Shared meeting rooms and when they are taken.
    pub(super) rooms: Vec<(String, u64)>,
    /// Each salesperson's booth table.
    pub(super) table: HashMap<usize, String>,
    /// Segments in use (a prefix of `words::SEGMENTS`).
    pub(super) segments: usize,
    /// The messages written for each segment in use.
    pub(super) segment_messages: Vec<Vec<usize>>,
    /// Per meeting: the person who leads it, its first slot and how many slots it takes.
    pub(super) slots: Vec<Option<(usize, usize, usize)>>,
    /// Per meeting: the index of its first person.
    pub(super) lead_of: Vec<usize>,
    /// Items a gap was planted on, so each gap stands alone.
    pub(super) touched: HashSet<(u8, usize)>,
    /// Every id made so far.
    pub(super) ids: HashSet<String>,
    /// Per id made from a name: the last number put after it (`ana-novak-3`), so the next
    /// person of that name is numbered without counting them all again.
    pub(super) numbered: HashMap<String, usize>,
    /// Person indexes by id.
    pub(super) people_by_id: HashMap<String, usize>,
}

impl Generator {
    /// An empty plan of the show, to hold `n` accounts, drawn from `seed`.
    pub(super) fn new(n: usize, seed: u64) -> Generator {
        let starts = day(2027, 3, 9);
        let mut plan = Plan::empty("MedTech Europe Expo 2027", starts, starts.plus_days(2));
        plan.event.venue = Some("Messe Düsseldorf, Hall 3".to_owned());
        plan.event.booth = Some("3B-40".to_owned());
        plan.event.timezone = Some("Europe/Berlin".to_owned());
        Generator {
            rng: Rng(seed ^ 0x5052_4553_484F_5721),
            n,
            plan,
            sales: Vec::new(),
            marketing: Vec::new(),
            sponsor: 0,
            sales_lead: 0,
            marketing_lead: 0,
            event_manager: 0,
            busy: Vec::new(),
            load: Vec::new(),
            limit: Vec::new(),
            rooms: Vec::new(),
            table: HashMap::new(),
            segments: 1,
            segment_messages: Vec::new(),
            slots: Vec::new(),
            lead_of: Vec::new(),
            touched: HashSet::new(),
            ids: HashSet::new(),
            numbered: HashMap::new(),
            people_by_id: HashMap::new(),
        }
    }

    /// A fresh id made from `name`, unique among every id made so far.
    pub(super) fn id(&mut self, name: &str) -> String {
        let base = slug(name);
        if !self.ids.contains(&base) {
            self.ids.insert(base.clone());
            return base;
        }
        // Ids are never given back, so the first free number only grows.
        let mut k = self.numbered.get(&base).copied().unwrap_or(1);
        let id = loop {
            k += 1;
            let id = format!("{base}-{k}");
            if !self.ids.contains(&id) {
                break id;
            }
        };
        self.numbered.insert(base, k);
        self.ids.insert(id.clone());
        id
    }

    /// The id of person `index`.
    pub(super) fn person_id(&self, index: usize) -> String {
        self.plan
            .people
            .get(index)
            .map(|p| p.id.clone())
            .unwrap_or_default()
    }

    /// Marks item `index` of list `kind` as carrying a planted gap; false if it already does.
    pub(super) fn touch(&mut self, kind: u8, index: usize) -> bool {
        self.touched.insert((kind, index))
    }

    /// A sign-off by `person` on a day in January or early February.
    pub(super) fn signoff(&mut self, person: usize, fingerprint: Option<String>) -> Signoff {
        Signoff {
            by: self.person_id(person),
            on: day(2027, 1, 11).plus_days(self.rng.below(32) as i64),
            fingerprint,
            entered_by: None,
        }
    }

    /// The index of the person with `id`.
    pub(super) fn person_index(&self, id: &str) -> Option<usize> {
        self.people_by_id.get(id).copied()
    }

    /// Picks up to `count` distinct items of `kind` from `from`.
    pub(super) fn choose(&mut self, kind: u8, from: &[usize], count: usize) -> Vec<usize> {
        let mut chosen = Vec::new();
        for _ in 0..count * 8 {
            if chosen.len() >= count {
                break;
            }
            if let Some(i) = self.rng.pick_index(from)
                && self.touch(kind, i)
            {
                chosen.push(i);
            }
        }
        chosen
    }
}
