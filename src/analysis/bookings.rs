//! How busy people are: each person's meetings counted per day, the one count behind the
//! `person-over-capacity` check and the schedule board's red column headers, so the two never
//! disagree.
//!
//! A meeting counts toward a person's day when it is active (proposed, requested or confirmed:
//! declined and cancelled meetings take no time), on the day it starts, once however many times
//! it names the person.

use crate::model::{Date, Meeting, MeetingStatus, Plan};
use std::collections::{BTreeMap, HashMap};

/// Meetings per person and day.
///
/// People are numbered by the caller, below the count given to [`DayLoad::new`]: the checks and
/// the boards number them by their index in the plan's people, the first person with each id.
#[derive(Debug, Clone, Default)]
pub struct DayLoad {
    /// Each person's days, by number.
    people: Vec<Days>,
    /// How many meetings were counted (the number of the last one).
    counted: usize,
}

/// One person's days with a meeting.
#[derive(Debug, Clone, Default)]
struct Days {
    /// How many meetings on each day.
    count: BTreeMap<Date, usize>,
    /// The number of the last meeting counted toward them (0 for none), so that a person named
    /// twice in one meeting counts once.
    last: usize,
}

impl DayLoad {
    /// No meetings yet for `people` people.
    pub fn new(people: usize) -> Self {
        DayLoad {
            people: vec![Days::default(); people],
            counted: 0,
        }
    }

    /// Whether a meeting with `status` counts toward its people's days: it takes their time.
    /// [`DayLoad::count`] leaves out the others; a caller may skip them sooner.
    pub fn counts(status: MeetingStatus) -> bool {
        status.is_active()
    }

    /// Counts a meeting with `status` that starts on `day` toward each of the `people` it
    /// names, when it takes their time. Numbers of no person are left out.
    pub fn count(
        &mut self,
        day: Date,
        status: MeetingStatus,
        people: impl IntoIterator<Item = usize>,
    ) {
        if !Self::counts(status) {
            return;
        }
        self.counted += 1;
        for person in people {
            if let Some(days) = self.people.get_mut(person)
                && days.last != self.counted
            {
                days.last = self.counted;
                *days.count.entry(day).or_default() += 1;
            }
        }
    }

    /// The days `person` has meetings on, each with how many, in date order.
    pub fn days(&self, person: usize) -> impl Iterator<Item = (Date, usize)> + '_ {
        self.people
            .get(person)
            .into_iter()
            .flat_map(|days| days.count.iter().map(|(&day, &count)| (day, count)))
    }

    /// How many meetings `person` has on `day`.
    pub fn on(&self, person: usize, day: Date) -> usize {
        self.people
            .get(person)
            .and_then(|days| days.count.get(&day))
            .copied()
            .unwrap_or(0)
    }
}

/// The load of a plan's people from some of its meetings (one day's, say), looked up by person
/// id. Each id is the first person with it, as the checks find people.
#[derive(Debug, Clone)]
pub struct PeopleLoad<'p> {
    /// The index of the first person with each id.
    index: HashMap<&'p str, usize>,
    load: DayLoad,
}

impl<'p> PeopleLoad<'p> {
    /// Counts `meetings` toward the people of `plan` they name.
    pub fn new<'m>(plan: &'p Plan, meetings: impl IntoIterator<Item = &'m Meeting>) -> Self {
        let mut index = HashMap::with_capacity(plan.people.len());
        for (i, p) in plan.people.iter().enumerate() {
            index.entry(p.id.as_str()).or_insert(i);
        }
        let mut load = DayLoad::new(plan.people.len());
        for m in meetings {
            let people = m
                .people
                .iter()
                .filter_map(|p| index.get(p.as_str()).copied());
            load.count(m.start.date(), m.status, people);
        }
        PeopleLoad { index, load }
    }

    /// How many of the meetings counted the person with id `id` has on `day` (0 for an id that
    /// no person has).
    pub fn on(&self, id: &str, day: Date) -> usize {
        self.index
            .get(id)
            .map_or(0, |&person| self.load.on(person, day))
    }
}

/// How many meetings `count` is over a daily limit of `max`, when it is over.
pub fn over_limit(count: usize, max: u32) -> Option<usize> {
    let limit = usize::try_from(max).unwrap_or(usize::MAX);
    (count > limit).then(|| count - limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let text = r#"Plan(format: 1,
            event: (name: "Show", starts: "2027-03-09", ends: "2027-03-10"),
            people: [(id: "ana", name: "Ana", team: Sales), (id: "mo", name: "Mo", team: Marketing),
                     (id: "ana", name: "Ana again", team: Sales)],
            accounts: [(id: "acme", name: "Acme", tier: 1)],
            meetings: [
                (id: "m1", account: "acme", start: "2027-03-09T10:00", minutes: 60,
                 people: ["ana", "mo", "ana"]),
                (id: "m2", account: "acme", start: "2027-03-09T23:30", minutes: 120,
                 people: ["ana", "nobody"], status: Confirmed),
                (id: "m3", account: "acme", start: "2027-03-09T12:00", minutes: 0,
                 people: ["mo"], status: Requested),
                (id: "m4", account: "acme", start: "2027-03-09T08:00", minutes: 30,
                 people: ["ana"], status: Declined),
                (id: "m5", account: "acme", start: "2027-03-10T08:00", minutes: 30,
                 people: ["ana"], status: Cancelled),
                (id: "m6", account: "acme", start: "2027-03-10T09:00", minutes: 30,
                 people: ["mo"]),
            ],
        )"#;
        crate::format::parse(text)
            .expect("the test plan reads")
            .plan
    }

    fn day(d: u32) -> Date {
        Date::from_ymd(2027, 3, d).expect("a date")
    }

    /// Active meetings count on the day they start, once per person however often they are
    /// named; declined and cancelled ones do not count; ids nobody has count toward no one.
    #[test]
    fn counts_active_meetings_once_per_person_on_their_first_day() {
        let plan = plan();
        let load = PeopleLoad::new(&plan, &plan.meetings);
        assert_eq!(load.on("ana", day(9)), 2);
        assert_eq!(load.on("ana", day(10)), 0);
        assert_eq!(load.on("mo", day(9)), 2);
        assert_eq!(load.on("mo", day(10)), 1);
        assert_eq!(load.on("nobody", day(9)), 0);
    }

    /// The days of a person come in date order, and numbers of no person are left out.
    #[test]
    fn days_come_in_order() {
        let mut load = DayLoad::new(2);
        load.count(day(10), MeetingStatus::Confirmed, [1, 7]);
        load.count(day(9), MeetingStatus::Proposed, [1, 1, 0]);
        load.count(day(9), MeetingStatus::Declined, [1]);
        assert_eq!(
            load.days(1).collect::<Vec<_>>(),
            [(day(9), 1), (day(10), 1)]
        );
        assert_eq!(load.days(0).collect::<Vec<_>>(), [(day(9), 1)]);
        assert_eq!(load.days(7).count(), 0);
    }

    /// Over the limit means more meetings than it allows.
    #[test]
    fn over_the_limit_is_more_than_it() {
        assert_eq!(over_limit(2, 2), None);
        assert_eq!(over_limit(3, 2), Some(1));
        assert_eq!(over_limit(1, 0), Some(1));
        assert_eq!(over_limit(0, 0), None);
    }
}
