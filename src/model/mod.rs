//! The plan model: every item of plan file formats 1 and 2 (see README, "The plan file").
//!
//! Format 2 only adds optional items (what happened at the show: leads, held meetings, measured
//! objectives), so one model holds both; [`Plan::needs_format`] says which a plan must be written as.
//!
//! These types are plain data. They know nothing of files (see [`crate::format`]) or of the
//! gap checks (see [`crate::check`]), and nothing of the window.

mod dates;
pub mod fingerprint;
pub mod human;
mod ids;
pub mod zone;

pub use dates::{Date, DateTime};
pub use ids::{fold, fold_char, is_valid_id, slug, unique_id};

use serde::Deserialize;

/// The newest plan file format this build reads and writes.
pub const CURRENT_FORMAT: u32 = 2;

/// The oldest format read as it is, with nothing to migrate: every format from this one to
/// [`CURRENT_FORMAT`] is a subset of the model, and a plan keeps its number when saved.
pub const OLDEST_DIRECT_FORMAT: u32 = 1;

/// A whole plan: one trade show, planned by sales and marketing together.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The schema version of the file.
    pub format: u32,
    /// The show itself.
    pub event: Event,
    /// Everyone who plans, staffs or signs off.
    #[serde(default)]
    pub people: Vec<Person>,
    /// What both teams agree success looks like.
    #[serde(default)]
    pub objectives: Vec<Objective>,
    /// Shared vocabulary, the qualified-lead definition first.
    #[serde(default)]
    pub terms: Vec<Term>,
    /// How a lead is scored at the booth.
    #[serde(default)]
    pub scoring: Option<Scoring>,
    /// Target accounts.
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// Meetings booked at the show.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// The message map.
    #[serde(default)]
    pub messages: Vec<Message>,
    /// Lead stages.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// Handoffs between lead stages.
    #[serde(default)]
    pub handoffs: Vec<Handoff>,
    /// Work to do before the show.
    #[serde(default)]
    pub tasks: Vec<Task>,
    /// Leads captured at the show (format 2).
    #[serde(default)]
    pub leads: Vec<Lead>,
}

/// The trade show.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The show's name.
    pub name: String,
    /// Where it is.
    #[serde(default)]
    pub venue: Option<String>,
    /// The booth number.
    #[serde(default)]
    pub booth: Option<String>,
    /// IANA time zone; every time in the file is local event time.
    #[serde(default)]
    pub timezone: Option<String>,
    /// First day of the show.
    pub starts: Date,
    /// Last day of the show.
    pub ends: Date,
}

/// Which team a person or stage belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
pub enum Team {
    /// Account executives, sales development, sales leadership.
    Sales,
    /// Demand generation, events, product marketing.
    Marketing,
    /// Executives who sponsor the show.
    Leadership,
}

impl Team {
    /// Every team, in file order.
    pub const ALL: [Team; 3] = [Team::Sales, Team::Marketing, Team::Leadership];

    /// The name as written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            Team::Sales => "Sales",
            Team::Marketing => "Marketing",
            Team::Leadership => "Leadership",
        }
    }
}

impl std::fmt::Display for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Someone on the plan.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Unique id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Their team, which decides what their sign-off means.
    pub team: Team,
    /// Job title.
    #[serde(default)]
    pub role: Option<String>,
    /// Work email.
    #[serde(default)]
    pub email: Option<String>,
    /// Most meetings they can take in one show day.
    #[serde(default)]
    pub max_meetings_per_day: Option<u32>,
}

/// Agreement by one person, on one date, optionally pinned to the text they agreed to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signoff {
    /// The person who agreed.
    pub by: String,
    /// When.
    pub on: Date,
    /// First 16 hex digits of the SHA-256 of the agreed fields (see [`crate::model::fingerprint`]).
    #[serde(default)]
    pub fingerprint: Option<String>,
    /// Who entered it, when someone recorded this person's agreement for them (a person id).
    /// Absent when the person signed themselves, and in every older file.
    #[serde(default)]
    pub entered_by: Option<String>,
}

/// A shared objective for the show.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Unique id.
    pub id: String,
    /// Short name.
    pub name: String,
    /// How it is measured.
    #[serde(default)]
    pub metric: Option<String>,
    /// The number to reach.
    #[serde(default)]
    pub target: Option<f64>,
    /// Unit of the target.
    #[serde(default)]
    pub unit: Option<String>,
    /// How the plan counts the actual from what happened (format 2).
    #[serde(default)]
    pub measure: Option<Measure>,
    /// The result typed in by hand, for measures the plan cannot count (format 2).
    #[serde(default)]
    pub actual: Option<f64>,
    /// Who agreed to it.
    #[serde(default)]
    pub signoffs: Vec<Signoff>,
}

/// How the plan counts an objective's actual (format 2).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
pub enum Measure {
    /// Meetings with status `Held`.
    MeetingsHeld,
    /// Tier-1 accounts with a held meeting.
    Tier1AccountsMet,
    /// Leads captured.
    Leads,
    /// Leads that reached the stage with this id.
    LeadsReaching(String),
    /// The sum of leads' `pipeline`.
    Pipeline,
}

impl Measure {
    /// The kinds of measure, with an empty stage for [`Measure::LeadsReaching`].
    pub fn kinds() -> [Measure; 5] {
        [
            Measure::MeetingsHeld,
            Measure::Tier1AccountsMet,
            Measure::Leads,
            Measure::LeadsReaching(String::new()),
            Measure::Pipeline,
        ]
    }

    /// The name as written in the file, without a stage.
    pub fn key(&self) -> &'static str {
        match self {
            Measure::MeetingsHeld => "MeetingsHeld",
            Measure::Tier1AccountsMet => "Tier1AccountsMet",
            Measure::Leads => "Leads",
            Measure::LeadsReaching(_) => "LeadsReaching",
            Measure::Pipeline => "Pipeline",
        }
    }

    /// What it counts, for people.
    pub fn describe(&self) -> String {
        match self {
            Measure::MeetingsHeld => "meetings held".to_owned(),
            Measure::Tier1AccountsMet => "tier-1 accounts met".to_owned(),
            Measure::Leads => "leads captured".to_owned(),
            Measure::LeadsReaching(stage) => format!("leads reaching {stage}"),
            Measure::Pipeline => "pipeline of the leads".to_owned(),
        }
    }
}

/// A term both teams use the same way.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Unique id; `qualified-lead` is the lead definition.
    pub id: String,
    /// The term.
    pub term: String,
    /// What it means.
    pub definition: String,
    /// Who agreed to it.
    #[serde(default)]
    pub signoffs: Vec<Signoff>,
}

/// The id of the term that defines a qualified lead.
pub const QUALIFIED_LEAD: &str = "qualified-lead";

/// Lead scoring at the booth.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Points a lead needs to count as qualified.
    pub threshold: i64,
    /// What earns points.
    #[serde(default)]
    pub signals: Vec<Signal>,
    /// Who agreed to it.
    #[serde(default)]
    pub signoffs: Vec<Signoff>,
}

/// One scoring signal.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signal {
    /// What was observed.
    pub signal: String,
    /// Points it earns; may be negative.
    pub points: i64,
}

/// A target account.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Unique id.
    pub id: String,
    /// Company name.
    pub name: String,
    /// Priority: 1 is top, 3 is lowest.
    pub tier: i64,
    /// The sales owner (a person id).
    #[serde(default)]
    pub owner: Option<String>,
    /// The marketing owner (a person id).
    #[serde(default)]
    pub marketing_owner: Option<String>,
    /// Market segment.
    #[serde(default)]
    pub segment: Option<String>,
    /// Messages chosen for this account (message ids).
    #[serde(default)]
    pub messages: Vec<String>,
    /// Free notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// The account's record id in the CRM (a Salesforce Account ID, a HubSpot Record ID), kept
    /// from an import so that an export can update the same records.
    #[serde(default)]
    pub crm_id: Option<String>,
}

/// Where a meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize)]
pub enum MeetingStatus {
    /// Suggested internally, not yet requested.
    #[default]
    Proposed,
    /// Asked of the account.
    Requested,
    /// Accepted by the account.
    Confirmed,
    /// Turned down.
    Declined,
    /// Called off.
    Cancelled,
    /// It took place (format 2).
    Held,
    /// The account did not come (format 2).
    NoShow,
}

impl MeetingStatus {
    /// Every status, in file order.
    pub const ALL: [MeetingStatus; 7] = [
        MeetingStatus::Proposed,
        MeetingStatus::Requested,
        MeetingStatus::Confirmed,
        MeetingStatus::Declined,
        MeetingStatus::Cancelled,
        MeetingStatus::Held,
        MeetingStatus::NoShow,
    ];

    /// The name as written in the file.
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Proposed => "Proposed",
            MeetingStatus::Requested => "Requested",
            MeetingStatus::Confirmed => "Confirmed",
            MeetingStatus::Declined => "Declined",
            MeetingStatus::Cancelled => "Cancelled",
            MeetingStatus::Held => "Held",
            MeetingStatus::NoShow => "NoShow",
        }
    }

    /// The status for people ("No-show" rather than the file's `NoShow`).
    pub fn label(self) -> &'static str {
        match self {
            MeetingStatus::NoShow => "No-show",
            other => other.as_str(),
        }
    }

    /// Proposed, requested, confirmed and held meetings take up time; declined, cancelled and
    /// no-show ones do not.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            MeetingStatus::Proposed
                | MeetingStatus::Requested
                | MeetingStatus::Confirmed
                | MeetingStatus::Held
        )
    }

    /// Confirmed or held: the account said yes (format 2's `Held` counts wherever `Confirmed`
    /// counts).
    pub fn is_confirmed(self) -> bool {
        matches!(self, MeetingStatus::Confirmed | MeetingStatus::Held)
    }

    /// Still to happen or to be settled: proposed, requested or confirmed.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            MeetingStatus::Proposed | MeetingStatus::Requested | MeetingStatus::Confirmed
        )
    }

    /// Whether only format 2 has this status.
    pub fn is_format_2(self) -> bool {
        matches!(self, MeetingStatus::Held | MeetingStatus::NoShow)
    }
}

impl std::fmt::Display for MeetingStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A meeting booked at the show.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Unique id.
    pub id: String,
    /// The account met (an account id).
    pub account: String,
    /// Local event time.
    pub start: DateTime,
    /// Length in minutes.
    pub minutes: i64,
    /// Room or place.
    #[serde(default)]
    pub location: Option<String>,
    /// Who attends from our side (person ids).
    #[serde(default)]
    pub people: Vec<String>,
    /// Where it stands.
    #[serde(default)]
    pub status: MeetingStatus,
    /// What it should achieve.
    #[serde(default)]
    pub goal: Option<String>,
    /// Messages to deliver (message ids).
    #[serde(default)]
    pub messages: Vec<String>,
}

impl Meeting {
    /// When the meeting ends.
    pub fn end(&self) -> DateTime {
        self.start.plus_minutes(self.minutes)
    }
}

/// One entry of the message map.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    /// Unique id.
    pub id: String,
    /// The line people remember.
    pub headline: String,
    /// The full message.
    #[serde(default)]
    pub body: Option<String>,
    /// Evidence behind it.
    #[serde(default)]
    pub proof: Vec<String>,
    /// Who wrote it (a person id).
    #[serde(default)]
    pub author: Option<String>,
    /// Segments it is for.
    #[serde(default)]
    pub segments: Vec<String>,
    /// Who agreed to it.
    #[serde(default)]
    pub signoffs: Vec<Signoff>,
}

/// A stage of the lead flow.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// Unique id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The team that works leads in this stage.
    pub team: Team,
    /// Leads enter the flow here.
    #[serde(default)]
    pub entry: bool,
    /// Leads may rest here.
    #[serde(default)]
    pub terminal: bool,
    /// The CRM's name for entering this stage: a HubSpot lifecycle stage, a Salesforce lead
    /// status (format 2).
    #[serde(default)]
    pub crm_stage: Option<String>,
}

/// A handoff of leads from one stage to another.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    /// Unique id.
    pub id: String,
    /// Stage the lead leaves (a stage id).
    pub from: String,
    /// Stage the lead enters (a stage id).
    pub to: String,
    /// What moves the lead.
    pub trigger: String,
    /// Who makes sure it happens (a person id).
    #[serde(default)]
    pub owner: Option<String>,
    /// Hours allowed for follow-up.
    #[serde(default)]
    pub sla_hours: Option<i64>,
    /// Who agreed to it.
    #[serde(default)]
    pub signoffs: Vec<Signoff>,
}

/// Something to do before the show.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Unique id.
    pub id: String,
    /// What to do.
    pub title: String,
    /// Who does it (a person id).
    #[serde(default)]
    pub owner: Option<String>,
    /// When it is due.
    #[serde(default)]
    pub due: Option<Date>,
    /// Whether it is done.
    #[serde(default)]
    pub done: bool,
}

/// A lead captured at the show (format 2).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lead {
    /// Unique id.
    pub id: String,
    /// The person's name.
    pub name: String,
    /// Their company, as they gave it.
    #[serde(default)]
    pub company: Option<String>,
    /// The account they belong to (an account id).
    #[serde(default)]
    pub account: Option<String>,
    /// The lead's record id in the CRM.
    #[serde(default)]
    pub crm_id: Option<String>,
    /// Who follows them up (a person id).
    #[serde(default)]
    pub owner: Option<String>,
    /// When they were captured (local event time).
    pub captured: DateTime,
    /// The pipeline they bring, in the plan's currency.
    #[serde(default)]
    pub pipeline: Option<f64>,
    /// Stages entered, each with its time, in any order.
    #[serde(default)]
    pub reached: Vec<Reached>,
}

/// A lead entering a stage.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reached {
    /// The stage (a stage id).
    pub stage: String,
    /// When (local event time).
    pub at: DateTime,
}

/// The lists of a plan, as named in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The plan as a whole.
    Plan,
    /// `event`.
    Event,
    /// `people`.
    People,
    /// `objectives`.
    Objectives,
    /// `terms`.
    Terms,
    /// `scoring`.
    Scoring,
    /// `accounts`.
    Accounts,
    /// `meetings`.
    Meetings,
    /// `messages`.
    Messages,
    /// `stages`.
    Stages,
    /// `handoffs`.
    Handoffs,
    /// `tasks`.
    Tasks,
    /// `leads` (format 2).
    Leads,
}

impl Section {
    /// Every section, in file order.
    pub const ALL: [Section; 13] = [
        Section::Plan,
        Section::Event,
        Section::People,
        Section::Objectives,
        Section::Terms,
        Section::Scoring,
        Section::Accounts,
        Section::Meetings,
        Section::Messages,
        Section::Stages,
        Section::Handoffs,
        Section::Tasks,
        Section::Leads,
    ];

    /// The name in the file and in `check` output.
    pub fn key(self) -> &'static str {
        match self {
            Section::Plan => "plan",
            Section::Event => "event",
            Section::People => "people",
            Section::Objectives => "objectives",
            Section::Terms => "terms",
            Section::Scoring => "scoring",
            Section::Accounts => "accounts",
            Section::Meetings => "meetings",
            Section::Messages => "messages",
            Section::Stages => "stages",
            Section::Handoffs => "handoffs",
            Section::Tasks => "tasks",
            Section::Leads => "leads",
        }
    }

    /// The section named `key` in the file.
    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }

    /// A title for people.
    pub fn title(self) -> &'static str {
        match self {
            Section::Plan => "Plan",
            Section::Event => "Event",
            Section::People => "People",
            Section::Objectives => "Objectives",
            Section::Terms => "Terms",
            Section::Scoring => "Scoring",
            Section::Accounts => "Accounts",
            Section::Meetings => "Meetings",
            Section::Messages => "Messages",
            Section::Stages => "Stages",
            Section::Handoffs => "Handoffs",
            Section::Tasks => "Tasks",
            Section::Leads => "Leads",
        }
    }

    /// Whether the section is a list of items with ids.
    pub fn is_list(self) -> bool {
        !matches!(self, Section::Plan | Section::Event | Section::Scoring)
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl Plan {
    /// The plan's year: the year the show starts. Dates in it go without saying it.
    pub fn year(&self) -> i32 {
        chrono::Datelike::year(&self.event.starts.0)
    }

    /// An empty plan for a show on the given days.
    pub fn empty(name: &str, starts: Date, ends: Date) -> Plan {
        Plan {
            format: CURRENT_FORMAT,
            event: Event {
                name: name.to_owned(),
                venue: None,
                booth: None,
                timezone: None,
                starts,
                ends,
            },
            people: Vec::new(),
            objectives: Vec::new(),
            terms: Vec::new(),
            scoring: None,
            accounts: Vec::new(),
            meetings: Vec::new(),
            messages: Vec::new(),
            stages: Vec::new(),
            handoffs: Vec::new(),
            tasks: Vec::new(),
            leads: Vec::new(),
        }
    }

    /// The ids of a list section, in file order (empty for single items).
    pub fn ids(&self, section: Section) -> Vec<&str> {
        fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
            items.iter().map(id).collect()
        }
        match section {
            Section::Plan | Section::Event | Section::Scoring => Vec::new(),
            Section::People => ids(&self.people, |x| &x.id),
            Section::Objectives => ids(&self.objectives, |x| &x.id),
            Section::Terms => ids(&self.terms, |x| &x.id),
            Section::Accounts => ids(&self.accounts, |x| &x.id),
            Section::Meetings => ids(&self.meetings, |x| &x.id),
            Section::Messages => ids(&self.messages, |x| &x.id),
            Section::Stages => ids(&self.stages, |x| &x.id),
            Section::Handoffs => ids(&self.handoffs, |x| &x.id),
            Section::Tasks => ids(&self.tasks, |x| &x.id),
            Section::Leads => ids(&self.leads, |x| &x.id),
        }
    }

    /// What people call the item at `index` of a list section: a name, a headline, a term, a
    /// task's title; a meeting by its account, a handoff by its trigger.
    pub fn label(&self, section: Section, index: usize) -> Option<&str> {
        match section {
            Section::Plan | Section::Event | Section::Scoring => None,
            Section::People => self.people.get(index).map(|x| x.name.as_str()),
            Section::Objectives => self.objectives.get(index).map(|x| x.name.as_str()),
            Section::Terms => self.terms.get(index).map(|x| x.term.as_str()),
            Section::Accounts => self.accounts.get(index).map(|x| x.name.as_str()),
            Section::Meetings => self.meetings.get(index).map(|x| {
                self.accounts
                    .iter()
                    .find(|a| a.id == x.account)
                    .map_or(x.account.as_str(), |a| a.name.as_str())
            }),
            Section::Messages => self.messages.get(index).map(|x| x.headline.as_str()),
            Section::Stages => self.stages.get(index).map(|x| x.name.as_str()),
            Section::Handoffs => self.handoffs.get(index).map(|x| x.trigger.as_str()),
            Section::Tasks => self.tasks.get(index).map(|x| x.title.as_str()),
            Section::Leads => self.leads.get(index).map(|x| x.name.as_str()),
        }
    }

    /// How many items a section holds (1 or 0 for single items).
    pub fn count(&self, section: Section) -> usize {
        match section {
            Section::Plan | Section::Event => 1,
            Section::Scoring => usize::from(self.scoring.is_some()),
            Section::People => self.people.len(),
            Section::Objectives => self.objectives.len(),
            Section::Terms => self.terms.len(),
            Section::Accounts => self.accounts.len(),
            Section::Meetings => self.meetings.len(),
            Section::Messages => self.messages.len(),
            Section::Stages => self.stages.len(),
            Section::Handoffs => self.handoffs.len(),
            Section::Tasks => self.tasks.len(),
            Section::Leads => self.leads.len(),
        }
    }

    /// The oldest format that can hold everything this plan uses: 2 when it has a lead, a held
    /// or no-show meeting, an objective's `measure` or `actual`, a stage's `crm_stage` or an
    /// account's `crm_id`; else 1.
    pub fn needs_format(&self) -> u32 {
        let format_2 = !self.leads.is_empty()
            || self.meetings.iter().any(|m| m.status.is_format_2())
            || self
                .objectives
                .iter()
                .any(|o| o.measure.is_some() || o.actual.is_some())
            || self.stages.iter().any(|s| s.crm_stage.is_some())
            || self.accounts.iter().any(|a| a.crm_id.is_some());
        if format_2 { 2 } else { 1 }
    }

    /// The format this plan is written as: its own, or newer when it uses something only a
    /// newer format has.
    pub fn written_format(&self) -> u32 {
        self.format.max(self.needs_format())
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The first person whose `email` is `email`, ignoring case and surrounding spaces.
    pub fn person_with_email(&self, email: &str) -> Option<&Person> {
        let wanted = email.trim();
        if wanted.is_empty() {
            return None;
        }
        self.people.iter().find(|p| {
            p.email
                .as_deref()
                .is_some_and(|e| e.trim().eq_ignore_ascii_case(wanted))
        })
    }
}
