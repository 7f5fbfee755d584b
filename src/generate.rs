//! A realistic plan of any size, made up deterministically from a seed: for demos, for trying the
//! workbench on a big show, and for the benchmarks (`preshow generate --accounts N`).
//!
//! The plan is a medical-technology company at a three-day trade show. For `N` accounts it has
//! `N / 100 + 5` people (account executives, marketers, a sales lead, an event manager and an
//! executive sponsor), `N / 50` messages, about `3 N` meetings, a lead flow and a few dozen
//! tasks. The booth staff cannot take three meetings for every account, so the meetings their
//! calendars hold are confirmed, requested or proposed, the top-tier accounts first, and the rest
//! were declined or cancelled, as at a real show.
//!
//! Every kind of gap the checks find is planted a few times (with [`today`] as the date that
//! decides what is overdue), except the three that rule out others: `no-objectives` (the plan has
//! objectives, some of them not shared or without a target), `no-entry-stage` (the lead flow has
//! an entry, and a stage no path reaches from it) and `no-sales-handoff` (marketing hands leads
//! to sales, once too slowly).
//!
//! The same size and seed always give the same plan, on every platform: the random numbers come
//! from a small generator of our own (SplitMix64), never from the system.

use crate::fingerprint::Signable;
use crate::model::{
    Account, Date, Handoff, Meeting, MeetingStatus, Message, Objective, Person, Plan, Scoring,
    Signal, Signoff, Stage, Task, Team, Term, slug,
};
use std::collections::{HashMap, HashSet};

/// The seed `preshow generate` uses when none is given.
pub const DEFAULT_SEED: u64 = 2027;

/// The date a generated plan is written for: checked on this day, its overdue tasks show.
pub fn today() -> Date {
    day(2027, 2, 15)
}

/// A plan with `accounts` accounts, the same for the same `accounts` and `seed`.
pub fn generate(accounts: usize, seed: u64) -> Plan {
    let mut g = Generator::new(accounts, seed);
    g.people();
    g.messages();
    g.accounts();
    g.meetings();
    g.lead_flow();
    g.agreements();
    g.tasks();
    g.plant_gaps();
    g.plan
}

/// The canonical text of [`generate`]'s plan.
pub fn generate_text(accounts: usize, seed: u64) -> String {
    crate::format::to_string(&generate(accounts, seed))
}

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // Bias is below 2^-40 for any list this module draws from.
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or_default()
    }

    fn pick_index(&mut self, items: &[usize]) -> Option<usize> {
        items.get(self.below(items.len())).copied()
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

fn day(year: i32, month: u32, d: u32) -> Date {
    Date::from_ymd(year, month, d).unwrap_or_else(Date::today)
}

/// Show days, and meeting slots of half an hour from 08:00 to 18:00 on each.
const DAYS: usize = 3;
const SLOTS: usize = 20;
const FIRST_HOUR: usize = 8;

/// How many times a gap is planted in a list of `n` items: a few, growing slowly with size.
fn few(n: usize) -> usize {
    if n == 0 { 0 } else { (n / 400).clamp(1, 40) }
}

const FIRST_NAMES: &[&str] = &[
    "Ana",
    "Mo",
    "Lena",
    "Tomás",
    "Priya",
    "Kwame",
    "Sofia",
    "Jonas",
    "Amira",
    "Claire",
    "Mateo",
    "Hana",
    "Lukas",
    "Noor",
    "Elena",
    "Ravi",
    "Ingrid",
    "Diego",
    "Mei",
    "Oskar",
    "Fatima",
    "Jan",
    "Chiara",
    "Samuel",
    "Yuki",
    "Marta",
    "Ibrahim",
    "Julia",
    "Pieter",
    "Aisha",
    "Niklas",
    "Rosa",
    "Emeka",
    "Léa",
    "Karan",
    "Freya",
    "Tariq",
    "Agnieszka",
    "Henrik",
    "Lucía",
    "David",
    "Zeynep",
    "Felix",
    "Grace",
    "Andrés",
    "Maja",
    "Kofi",
    "Ines",
    "Viktor",
    "Sara",
    "Omar",
    "Birgit",
    "Paolo",
    "Anneke",
    "Rahul",
    "Eva",
    "Tobias",
    "Nadia",
    "Luca",
    "Helga",
];

const LAST_NAMES: &[&str] = &[
    "Ruiz",
    "Chen",
    "Hoffmann",
    "Ibarra",
    "Natarajan",
    "Mensah",
    "Lindqvist",
    "Weber",
    "Haddad",
    "Dubois",
    "Rossi",
    "Novak",
    "Schmidt",
    "Okafor",
    "Petrova",
    "Sharma",
    "Berg",
    "Morales",
    "Tanaka",
    "Nilsson",
    "Rahman",
    "de Vries",
    "Bianchi",
    "Adeyemi",
    "Sato",
    "Kowalski",
    "Youssef",
    "Müller",
    "Jansen",
    "Bello",
    "Fischer",
    "García",
    "Eze",
    "Moreau",
    "Kapoor",
    "Larsen",
    "Aziz",
    "Wiśniewska",
    "Sørensen",
    "Fernández",
    "Levi",
    "Demir",
    "Wagner",
    "Clarke",
    "Castro",
    "Andersson",
    "Boateng",
    "Silva",
    "Horvat",
    "Costa",
    "Farouk",
    "Keller",
    "Romano",
    "Visser",
    "Iyer",
    "Svensson",
    "Braun",
    "Haas",
    "Conti",
    "Ward",
];

const PLACES: &[&str] = &[
    "Aachen",
    "Aarhus",
    "Alder",
    "Amstel",
    "Antwerp",
    "Ashford",
    "Baltic",
    "Bergen",
    "Birch",
    "Bonn",
    "Bristol",
    "Brookside",
    "Cedar",
    "Coastal",
    "Cologne",
    "Danube",
    "Delft",
    "Eastgate",
    "Elbe",
    "Fairview",
    "Fjord",
    "Galway",
    "Ghent",
    "Glen",
    "Graz",
    "Hamburg",
    "Harbor",
    "Heather",
    "Highland",
    "Innsbruck",
    "Juniper",
    "Kent",
    "Lakeside",
    "Leiden",
    "Linden",
    "Lund",
    "Lyon",
    "Maas",
    "Maple",
    "Meadow",
    "Meridian",
    "Metro",
    "Midland",
    "Moselle",
    "Munster",
    "Nordic",
    "Northgate",
    "Oak",
    "Oxford",
    "Pine",
    "Porto",
    "Rhine",
    "Ridge",
    "Riverside",
    "Rowan",
    "Saint Mary's",
    "Saint Luke's",
    "Saxon",
    "Seaview",
    "Severn",
    "Silver",
    "Solent",
    "Southgate",
    "Spruce",
    "Stirling",
    "Summit",
    "Thames",
    "Tyne",
    "Upland",
    "Utrecht",
    "Valley",
    "Vienna",
    "Westbrook",
    "Willow",
    "Windsor",
    "York",
    "Zeeland",
    "Zurich",
    "Alpine",
    "Bay",
];

const REGIONS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Central",
    "Bavaria",
    "Flanders",
    "Wales",
    "Scotland",
    "Tyrol",
    "Brabant",
    "Jutland",
    "Lombardy",
    "Catalonia",
    "Normandy",
    "Saxony",
    "Holland",
    "Ireland",
    "Styria",
    "Skåne",
    "Ulster",
    "Yorkshire",
    "Provence",
    "Piedmont",
    "Andalusia",
    "Silesia",
    "Bohemia",
    "Hesse",
    "Zealand",
    "Lapland",
];

/// Segments, the kinds of company in each, and what messages for each promise.
const SEGMENTS: &[(&str, &[&str], &[&str])] = &[
    (
        "Hospital groups",
        &[
            "Hospitals",
            "Health System",
            "Hospital Group",
            "Medical Center",
        ],
        &[
            "Cut readmissions by {n}%",
            "Discharge patients {n} hours sooner",
            "Free {n} nurse hours a week per ward",
        ],
    ),
    (
        "Private clinics",
        &["Clinic", "Private Clinics", "Surgery Centre", "Day Clinic"],
        &[
            "Fill {n}% more theatre slots",
            "Book follow-ups in {n} seconds",
            "Cut no-shows by {n}%",
        ],
    ),
    (
        "Diagnostics labs",
        &["Diagnostics", "Laboratories", "Pathology", "Lab Services"],
        &[
            "Turn results around {n}% faster",
            "Run {n}% more samples per shift",
            "Halve re-tests with {n} built-in checks",
        ],
    ),
    (
        "Research universities",
        &[
            "University Hospital",
            "Medical School",
            "Research Institute",
        ],
        &[
            "Recruit trial patients {n}% faster",
            "Share data across {n} sites safely",
            "Publish {n} weeks sooner",
        ],
    ),
    (
        "Home care providers",
        &["Home Care", "Community Care", "Care at Home"],
        &[
            "Plan {n}% more visits per nurse",
            "Spot decline {n} days earlier",
            "Cut travel time by {n}%",
        ],
    ),
    (
        "Pharma and biotech",
        &["Pharma", "Biotech", "Therapeutics", "Life Sciences"],
        &[
            "Start trials {n} weeks sooner",
            "Pass audits with {n}% less paperwork",
            "Track {n}% of samples end to end",
        ],
    ),
    (
        "Public health agencies",
        &["Health Authority", "Public Health", "Health Board"],
        &[
            "See outbreaks {n} days sooner",
            "Report to the ministry in {n} clicks",
            "Reach {n}% more residents",
        ],
    ),
    (
        "Rehabilitation centres",
        &["Rehabilitation", "Rehab Centre", "Recovery Clinic"],
        &[
            "Send patients home {n} days sooner",
            "Plan therapy for {n}% more patients",
            "Measure progress in {n} minutes",
        ],
    ),
];

/// A segment no account is in, for the message no one uses.
const UNUSED_SEGMENT: &str = "Veterinary clinics";

const PROOFS: &[&str] = &[
    "Case study: {account}",
    "Pilot results at {account}",
    "Customer quote from {account}",
    "Independent study, {n} sites",
    "Analyst note, Q{q} 2026",
    "Reference call with {account}",
];

const NOTES: &[&str] = &[
    "Renewal due Q3",
    "New CIO since January",
    "Evaluating a competitor",
    "Met at last year's show",
    "Budget approved for 2027",
    "Tender expected in the autumn",
    "Pilot running on two wards",
    "Prefers meetings in the morning",
    "Asked for references in their segment",
];

/// Kinds of meeting: id suffix, lengths in minutes, goals.
const MEETINGS: &[(&str, &[i64], &[&str])] = &[
    (
        "intro",
        &[20, 30],
        &["Find the project owner", "Learn their priorities for 2027"],
    ),
    (
        "demo",
        &[30, 45],
        &[
            "Walk the ROI calculator",
            "Show the dashboard with their own numbers",
        ],
    ),
    (
        "exec-briefing",
        &[45, 60],
        &["Agree on a pilot with the CFO", "Meet the new CIO"],
    ),
    (
        "roadmap",
        &[45],
        &["Share the 2027 roadmap", "Hear what they need next year"],
    ),
    ("workshop", &[60], &["Map their process end to end"]),
    (
        "pricing",
        &[30],
        &["Agree pilot pricing", "Walk the proposal"],
    ),
    (
        "follow-up",
        &[20, 30],
        &["Follow up on last year's proposal", "Close open questions"],
    ),
    (
        "tech-review",
        &[45],
        &[
            "Answer IT security questions",
            "Review the integration plan",
        ],
    ),
];

const TASKS: &[&str] = &[
    "Print brochures for {segment}",
    "Brief booth staff on the message map",
    "Book hotel rooms for booth staff",
    "Ship the demo kit to the venue",
    "Confirm the agenda with {account}",
    "Send invitations to {segment}",
    "Train SDRs on the lead scoring",
    "Order badges and lanyards",
    "Test the badge scanners",
    "Prepare the {segment} case study",
    "Load tier-1 accounts into the CRM campaign",
    "Book the customer dinner",
    "Write follow-up emails for {segment}",
    "Check the stand build with the contractor",
];

struct Generator {
    rng: Rng,
    n: usize,
    plan: Plan,
    /// Person indexes by team.
    sales: Vec<usize>,
    marketing: Vec<usize>,
    sponsor: usize,
    sales_lead: usize,
    marketing_lead: usize,
    event_manager: usize,
    /// Per person: busy half-hour slots (bit `day * SLOTS + slot`), active meetings per day, limit.
    busy: Vec<u64>,
    load: Vec<[u32; DAYS]>,
    limit: Vec<u32>,
    /// Shared meeting rooms and when they are taken; each salesperson also has a booth table.
    rooms: Vec<(String, u64)>,
    table: HashMap<usize, String>,
    /// Segments in use (a prefix of [`SEGMENTS`]) and the messages written for each.
    segments: usize,
    segment_messages: Vec<Vec<usize>>,
    /// Per meeting: the person who leads it, its first slot and how many slots it takes.
    slots: Vec<Option<(usize, usize, usize)>>,
    lead_of: Vec<usize>,
    /// Items a gap was planted on, so each gap stands alone.
    touched: HashSet<(u8, usize)>,
    ids: HashSet<String>,
    /// Person indexes by id.
    people_by_id: HashMap<String, usize>,
}

impl Generator {
    fn new(n: usize, seed: u64) -> Generator {
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
            people_by_id: HashMap::new(),
        }
    }

    /// A fresh id made from `name`, unique among every id made so far.
    fn id(&mut self, name: &str) -> String {
        let base = slug(name);
        let mut id = base.clone();
        let mut k = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        self.ids.insert(id.clone());
        id
    }

    fn person_id(&self, index: usize) -> String {
        self.plan
            .people
            .get(index)
            .map(|p| p.id.clone())
            .unwrap_or_default()
    }

    /// Marks item `index` of list `kind` as carrying a planted gap; false if it already does.
    fn touch(&mut self, kind: u8, index: usize) -> bool {
        self.touched.insert((kind, index))
    }

    fn signoff(&mut self, person: usize, fingerprint: Option<String>) -> Signoff {
        Signoff {
            by: self.person_id(person),
            on: day(2027, 1, 11).plus_days(self.rng.below(32) as i64),
            fingerprint,
        }
    }

    fn people(&mut self) {
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

    fn messages(&mut self) {
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

    fn proof(&mut self) -> String {
        let template = self.rng.pick(PROOFS);
        let kinds = SEGMENTS[self.rng.below(SEGMENTS.len())].1;
        let account = format!("{} {}", self.rng.pick(PLACES), self.rng.pick(kinds));
        template
            .replace("{account}", &account)
            .replace("{n}", &self.rng.between(3, 40).to_string())
            .replace("{q}", &self.rng.between(1, 4).to_string())
    }

    fn accounts(&mut self) {
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
            });
        }
    }

    /// The index of the person with `id`.
    fn person_index(&self, id: &str) -> Option<usize> {
        self.people_by_id.get(id).copied()
    }

    /// A free start for `person`: a slot (and the next one, for long meetings) with room under
    /// their daily limit, searched from a random place.
    fn free_slot(&mut self, person: usize, width: usize) -> Option<usize> {
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

    fn book(&mut self, person: usize, bit: usize, width: usize) {
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

    fn unbook(&mut self, person: usize, bit: usize, width: usize) {
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

    fn start_of(&self, bit: usize) -> crate::model::DateTime {
        let minutes = (FIRST_HOUR * 60 + (bit % SLOTS) * 30) as u32;
        self.plan
            .event
            .starts
            .plus_days((bit / SLOTS) as i64)
            .at(minutes / 60, minutes % 60)
    }

    fn meetings(&mut self) {
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
        // The owner takes it; when their days are full, a colleague or two are asked.
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
            let from = self.rng.below(self.rooms.len());
            let m = mask(bit, width);
            for k in 0..self.rooms.len() {
                let r = (from + k) % self.rooms.len();
                if let Some((name, taken)) = self.rooms.get_mut(r)
                    && *taken & m == 0
                {
                    *taken |= m;
                    location = Some(name.clone());
                    break;
                }
            }
            if self.rng.chance(40) {
                let guest = if tier == 1 && self.rng.chance(30) {
                    Some(self.sponsor)
                } else {
                    self.rng.pick_index(&self.marketing)
                };
                if let Some(g) = guest
                    && self.busy.get(g).is_some_and(|b| b & m == 0)
                    && self
                        .load
                        .get(g)
                        .zip(self.limit.get(g))
                        .is_some_and(|(l, max)| l[bit / SLOTS] < *max)
                {
                    self.book(g, bit, width);
                    people.push(self.person_id(g));
                }
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

    fn lead_flow(&mut self) {
        let stage = |id: &str, name: &str, team: Team, entry: bool, terminal: bool| Stage {
            id: id.to_owned(),
            name: name.to_owned(),
            team,
            entry,
            terminal,
        };
        self.plan.stages = vec![
            stage("visit", "Booth visit", Team::Marketing, true, false),
            stage(
                "mql",
                "Marketing-qualified lead",
                Team::Marketing,
                false,
                false,
            ),
            stage("sal", "Sales-accepted lead", Team::Sales, false, false),
            stage("opportunity", "Opportunity", Team::Sales, false, true),
            stage("nurture", "Nurture", Team::Marketing, false, true),
            // Planted gaps: a dead end, a stage nothing leads into, and a loop with no way out.
            stage("webinar", "Webinar sign-up", Team::Marketing, false, false),
            stage("partner", "Partner referral", Team::Sales, false, false),
            stage("recycled", "Recycled lead", Team::Marketing, false, false),
            stage("re-engage", "Re-engagement", Team::Marketing, false, false),
        ];
        let (sl, ml, em) = (self.sales_lead, self.marketing_lead, self.event_manager);
        // id, from, to, trigger, owner, SLA hours, accepted by.
        type Flow<'s> = (
            &'s str,
            &'s str,
            &'s str,
            &'s str,
            Option<usize>,
            Option<i64>,
            Option<usize>,
        );
        let flows: [Flow; 10] = [
            (
                "visit-to-mql",
                "visit",
                "mql",
                "Badge scanned and score at the threshold",
                Some(em),
                Some(4),
                None,
            ),
            (
                "mql-to-sal",
                "mql",
                "sal",
                "Qualified lead per definition",
                Some(sl),
                Some(24),
                Some(sl),
            ),
            // Too slow: marketing to sales in more than 48 hours.
            (
                "visit-to-sal",
                "visit",
                "sal",
                "Asked for a demo at the booth",
                Some(sl),
                Some(72),
                Some(sl),
            ),
            (
                "sal-to-opportunity",
                "sal",
                "opportunity",
                "Discovery call held and budget confirmed",
                Some(sl),
                Some(48),
                None,
            ),
            // No follow-up time.
            (
                "mql-to-nurture",
                "mql",
                "nurture",
                "Below the threshold or no budget this year",
                Some(ml),
                None,
                None,
            ),
            // No owner.
            (
                "visit-to-webinar",
                "visit",
                "webinar",
                "Asked for the webinar recording",
                None,
                Some(24),
                None,
            ),
            (
                "partner-to-sal",
                "partner",
                "sal",
                "Partner registers the deal",
                Some(sl),
                Some(24),
                None,
            ),
            // Not accepted by marketing, who receive the leads.
            (
                "sal-to-recycled",
                "sal",
                "recycled",
                "No answer after three calls",
                Some(sl),
                Some(24),
                Some(sl),
            ),
            (
                "recycled-to-re-engage",
                "recycled",
                "re-engage",
                "Quarterly re-engagement campaign",
                Some(ml),
                Some(72),
                None,
            ),
            (
                "re-engage-to-recycled",
                "re-engage",
                "recycled",
                "No reply to the re-engagement email",
                Some(ml),
                Some(168),
                None,
            ),
        ];
        for (id, from, to, trigger, owner, sla, signer) in flows {
            let mut h = Handoff {
                id: id.to_owned(),
                from: from.to_owned(),
                to: to.to_owned(),
                trigger: trigger.to_owned(),
                owner: owner.map(|o| self.person_id(o)),
                sla_hours: sla,
                signoffs: Vec::new(),
            };
            if let Some(s) = signer {
                let f = h.fingerprint();
                h.signoffs.push(self.signoff(s, Some(f)));
            }
            self.plan.handoffs.push(h);
        }
    }

    /// Objectives, terms and scoring, with who agreed to them.
    fn agreements(&mut self) {
        let n = self.n as f64;
        let (sl, ml) = (self.sales_lead, self.marketing_lead);
        let objectives = [
            (
                "pipeline",
                "Sourced pipeline",
                "Pipeline created within 30 days",
                Some((n * 2400.0).max(50_000.0)),
                "EUR",
                true,
            ),
            (
                "meetings-held",
                "Meetings held",
                "Confirmed meetings held at the booth",
                Some((n * 0.3).ceil().max(10.0)),
                "meetings",
                true,
            ),
            // Not shared: marketing has not signed.
            (
                "qualified-leads",
                "Qualified leads",
                "Badge scans that meet the lead definition",
                Some((n * 0.2).ceil().max(20.0)),
                "leads",
                false,
            ),
            // No target.
            (
                "awareness",
                "Brand awareness",
                "Visitors who remember us a week later",
                None,
                "",
                true,
            ),
        ];
        for (id, name, metric, target, unit, shared) in objectives {
            let mut o = Objective {
                id: id.to_owned(),
                name: name.to_owned(),
                metric: Some(metric.to_owned()),
                target,
                unit: (!unit.is_empty()).then(|| unit.to_owned()),
                signoffs: Vec::new(),
            };
            let f = o.fingerprint();
            o.signoffs.push(self.signoff(sl, Some(f.clone())));
            if shared {
                o.signoffs.push(self.signoff(ml, Some(f)));
            }
            self.plan.objectives.push(o);
        }
        let terms = [
            // The lead definition under an id the checks do not know: `lead-definition-missing`.
            (
                "qualified-lead-2026",
                "Qualified lead",
                "Director or above at a provider with a budget for 2027",
                true,
            ),
            (
                "booth-visit",
                "Booth visit",
                "A badge scanned at the booth, demo station or theatre",
                true,
            ),
            (
                "tier-1",
                "Tier-1 account",
                "An account with an open project over 250,000 EUR",
                true,
            ),
            // Not agreed: sales has not signed.
            (
                "meeting-held",
                "Meeting held",
                "A meeting the account attended for at least 15 minutes",
                false,
            ),
        ];
        for (id, term, definition, both) in terms {
            let mut t = Term {
                id: id.to_owned(),
                term: term.to_owned(),
                definition: definition.to_owned(),
                signoffs: Vec::new(),
            };
            let f = t.fingerprint();
            t.signoffs.push(self.signoff(ml, Some(f.clone())));
            if both {
                t.signoffs.push(self.signoff(sl, Some(f)));
            }
            self.plan.terms.push(t);
        }
        // Sales signed an earlier version (budget was worth 30): stale, so not agreed; and the
        // threshold of 70 is out of reach of 25 + 20 + 15.
        let signal = |signal: &str, points: i64| Signal {
            signal: signal.to_owned(),
            points,
        };
        let mut scoring = Scoring {
            threshold: 70,
            signals: vec![
                signal("Director or above", 25),
                signal("Budget this year", 30),
                signal("Evaluating now", 15),
                signal("Student or competitor", -50),
            ],
            signoffs: Vec::new(),
        };
        let old = scoring.fingerprint();
        if let Some(s) = scoring.signals.get_mut(1) {
            s.points = 20;
        }
        let current = scoring.fingerprint();
        scoring.signoffs = vec![self.signoff(ml, Some(current)), self.signoff(sl, Some(old))];
        self.plan.scoring = Some(scoring);
    }

    fn tasks(&mut self) {
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

    fn inactive_meetings(&self) -> Vec<usize> {
        self.plan
            .meetings
            .iter()
            .enumerate()
            .filter(|(i, m)| !m.status.is_active() && !self.touched.contains(&(MEETING, *i)))
            .map(|(i, _)| i)
            .collect()
    }

    /// Picks up to `count` distinct items of `kind` from `from`.
    fn choose(&mut self, kind: u8, from: &[usize], count: usize) -> Vec<usize> {
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

    fn plant_gaps(&mut self) {
        self.plant_meeting_gaps();
        self.plant_account_gaps();
        self.plant_other_gaps();
    }

    fn plant_meeting_gaps(&mut self) {
        let k = few(self.plan.meetings.len());
        // person-double-booked: a second meeting of the same person moved into the first's slot.
        let plain = self.plain_meetings();
        let mut planted = 0;
        for _ in 0..k * 20 {
            if planted == k {
                break;
            }
            let Some(a) = self.rng.pick_index(&plain) else {
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
        // room-double-booked: someone free at that time meets in a room already taken.
        let mut planted = 0;
        for _ in 0..k * 20 {
            if planted == k {
                break;
            }
            let Some(a) = self.rng.pick_index(&plain) else {
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
        // meeting-without-sales: a marketer free at that time goes instead.
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
        // unknown-reference: someone who has left the company is still invited.
        let gone = self.id("Ole Former");
        for a in self.choose(MEETING, &self.plain_meetings(), k) {
            if let Some(m) = self.plan.meetings.get_mut(a) {
                m.people.push(gone.clone());
            }
        }
        // meeting-outside-event: a dinner the evening before the show.
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
        // invalid-value: a declined meeting with no length.
        for a in self.choose(MEETING, &self.inactive_meetings(), k) {
            if let Some(m) = self.plan.meetings.get_mut(a) {
                m.minutes = 0;
            }
        }
        // duplicate-id: a meeting copied and edited, keeping its id.
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
    fn move_meeting(
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

    fn plant_account_gaps(&mut self) {
        let k = few(self.n);
        let all: Vec<usize> = (0..self.n).collect();
        for a in self.choose(ACCOUNT, &all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.owner = None;
            }
        }
        for a in self.choose(ACCOUNT, &all, k) {
            let marketer = self.rng.pick_index(&self.marketing).unwrap_or(0);
            let id = self.person_id(marketer);
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.owner = Some(id);
            }
        }
        for a in self.choose(ACCOUNT, &all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.marketing_owner = None;
            }
        }
        for a in self.choose(ACCOUNT, &all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.messages.clear();
                acc.segment = None;
            }
        }
        let gone = self.id("Ida Left");
        for a in self.choose(ACCOUNT, &all, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.marketing_owner = Some(gone.clone());
            }
        }
        let third: Vec<usize> = (0..self.n)
            .filter(|&a| self.plan.accounts.get(a).is_some_and(|x| x.tier == 3))
            .collect();
        for a in self.choose(ACCOUNT, &third, k) {
            if let Some(acc) = self.plan.accounts.get_mut(a) {
                acc.tier = 4;
            }
        }
        // priority-account-without-meeting: the confirmations are still outstanding.
        let top: Vec<usize> = (0..self.n)
            .filter(|&a| self.plan.accounts.get(a).is_some_and(|x| x.tier == 1))
            .collect();
        let top = self.choose(ACCOUNT, &top, k);
        let unconfirmed: HashSet<String> = top
            .iter()
            .filter_map(|&a| self.plan.accounts.get(a).map(|x| x.id.clone()))
            .collect();
        // duplicate-id: an account imported twice; its meetings follow the first copy.
        let dupes = self.choose(ACCOUNT, &all, k);
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
            if unconfirmed.contains(&m.account) && m.status == MeetingStatus::Confirmed {
                m.status = MeetingStatus::Requested;
            }
            if let Some(first) = renamed.get(&m.account) {
                m.account = first.clone();
            }
        }
    }

    fn plant_other_gaps(&mut self) {
        // person-over-capacity: a limit set lower than the busiest day already booked.
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
        // Messages: not agreed by sales, stale, without proof, unused, by an unknown author.
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
        // Tasks: without owner, with an id written by hand, owned by someone unknown.
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

/// Lists a gap can be planted in, for [`Generator::touch`].
const ACCOUNT: u8 = 0;
const MEETING: u8 = 1;
const MESSAGE: u8 = 2;
const TASK: u8 = 3;
const PERSON: u8 = 4;

fn mask(bit: usize, width: usize) -> u64 {
    ((1u64 << width) - 1) << bit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_stable() {
        let mut a = Rng(7);
        let mut b = Rng(7);
        assert_eq!(a.next(), b.next());
        assert!(a.below(10) < 10);
        assert_eq!(Rng(0).next(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn small_plans_are_whole() {
        for n in [0, 1, 7, 60] {
            let plan = generate(n, 1);
            assert_eq!(plan.accounts.len(), n);
            assert_eq!(plan.people.len(), n / 100 + 5);
        }
    }
}
