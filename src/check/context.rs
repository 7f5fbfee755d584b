//! What every rule needs to look things up in linear time: indexes by id, teams of people,
//! agreement by team, and the lead-flow graph.

use crate::analysis::agreement::Signatures;
pub use crate::analysis::flow::Flow;
use crate::analysis::provenance::Verification;
use crate::analysis::results::{self, Results};
use crate::check::index::{IdCensus, Index, index_by_id};
use crate::check::maps::HashMap;
use crate::check::meetings::MeetingTable;
use crate::model::fingerprint::Signable;
use crate::model::{Date, Handoff, Meeting, Person, Plan, Section, Team};
use std::cell::OnceCell;

/// A plan with its indexes, built once per check run.
pub struct Context<'a> {
    /// The plan being checked.
    pub plan: &'a Plan,
    /// The date that decides what is overdue.
    pub today: Date,
    index: Index<'a>,
    /// The id census of each section, in the order of [`Section::ALL`].
    census: [OnceCell<IdCensus>; Section::ALL.len()],
    meetings: OnceCell<MeetingTable>,
    flow: OnceCell<Flow>,
    results: OnceCell<Results>,
    verification: Option<&'a Verification>,
}

/// The position of `section` in [`Section::ALL`].
fn slot(section: Section) -> usize {
    Section::ALL
        .iter()
        .position(|&s| s == section)
        .unwrap_or_default()
}

impl<'a> Context<'a> {
    /// Indexes `plan`.
    pub fn new(plan: &'a Plan, today: Date) -> Self {
        let mut census: [OnceCell<IdCensus>; Section::ALL.len()] =
            std::array::from_fn(|_| OnceCell::new());
        let mut counted =
            |section: Section, (map, counted): (HashMap<&'a str, usize>, IdCensus)| {
                if let Some(cell) = census.get_mut(slot(section)) {
                    *cell = OnceCell::from(counted);
                }
                map
            };
        let people = counted(
            Section::People,
            index_by_id(plan.people.iter().map(|x| x.id.as_str())),
        );
        let accounts = counted(
            Section::Accounts,
            index_by_id(plan.accounts.iter().map(|x| x.id.as_str())),
        );
        let messages = counted(
            Section::Messages,
            index_by_id(plan.messages.iter().map(|x| x.id.as_str())),
        );
        let stages = counted(
            Section::Stages,
            index_by_id(plan.stages.iter().map(|x| x.id.as_str())),
        );
        Context {
            plan,
            today,
            index: Index {
                people,
                accounts,
                messages,
                stages,
            },
            census,
            meetings: OnceCell::new(),
            flow: OnceCell::new(),
            results: OnceCell::new(),
            verification: None,
        }
    }

    /// Checks sign-offs against `verification` too (`check --verify-signoffs`).
    pub fn with_verification(mut self, verification: &'a Verification) -> Self {
        self.verification = Some(verification);
        self
    }

    /// The history sign-offs are verified against, when asked to.
    pub fn verification(&self) -> Option<&'a Verification> {
        self.verification
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.person_index(id).and_then(|i| self.plan.people.get(i))
    }

    /// The index of the person with this id.
    pub fn person_index(&self, id: &str) -> Option<usize> {
        self.index.person(id)
    }

    /// The repeated and malformed ids of a list section (empty for single items).
    pub fn census(&self, section: Section) -> &IdCensus {
        static NONE: IdCensus = IdCensus {
            repeats: Vec::new(),
            malformed: Vec::new(),
        };
        if section == Section::Meetings {
            return &self.meetings().census;
        }
        self.census.get(slot(section)).map_or(&NONE, |cell| {
            cell.get_or_init(|| index_by_id(self.plan.ids(section).into_iter()).1)
        })
    }

    /// The id of item `index` of a list section.
    pub fn id(&self, section: Section, index: usize) -> Option<&'a str> {
        let plan = self.plan;
        match section {
            Section::Plan | Section::Event | Section::Scoring => None,
            Section::People => plan.people.get(index).map(|x| x.id.as_str()),
            Section::Objectives => plan.objectives.get(index).map(|x| x.id.as_str()),
            Section::Terms => plan.terms.get(index).map(|x| x.id.as_str()),
            Section::Accounts => plan.accounts.get(index).map(|x| x.id.as_str()),
            Section::Meetings => plan.meetings.get(index).map(|x| x.id.as_str()),
            Section::Messages => plan.messages.get(index).map(|x| x.id.as_str()),
            Section::Stages => plan.stages.get(index).map(|x| x.id.as_str()),
            Section::Handoffs => plan.handoffs.get(index).map(|x| x.id.as_str()),
            Section::Tasks => plan.tasks.get(index).map(|x| x.id.as_str()),
            Section::Leads => plan.leads.get(index).map(|x| x.id.as_str()),
        }
    }

    /// The first item of `section` with the id of item `index`: `index` itself unless an
    /// earlier item has the same id.
    pub fn first_with_id(&self, section: Section, index: usize) -> usize {
        let repeats = &self.census(section).repeats;
        repeats
            .binary_search_by_key(&index, |&(i, _)| i)
            .ok()
            .and_then(|k| repeats.get(k))
            .map_or(index, |&(_, first)| first)
    }

    /// The meetings as rows, with the ids they name looked up: read once, on first use.
    pub fn meetings(&self) -> &MeetingTable {
        self.meetings
            .get_or_init(|| MeetingTable::new(self.plan, &self.index))
    }

    /// Starts from a meeting table kept from an earlier check of this plan, which the caller
    /// knows still holds (see [`crate::check::Kept`]).
    pub(super) fn with_meetings(self, table: MeetingTable) -> Self {
        Context {
            meetings: OnceCell::from(table),
            ..self
        }
    }

    /// The meeting table, when a rule read it, to keep for the next check.
    pub(super) fn into_meetings(self) -> Option<MeetingTable> {
        self.meetings.into_inner()
    }

    /// A meeting table made from the plan as it is now, whatever this context holds.
    pub(super) fn fresh_meetings(&self) -> MeetingTable {
        MeetingTable::new(self.plan, &self.index)
    }

    /// The plan after the show, measured as of today (handoffs taken, leads stuck, objectives'
    /// actuals): worked out once, on first use, for every rule that needs it.
    pub fn results(&self) -> &Results {
        self.results
            .get_or_init(|| results::measure(self.plan, self.today))
    }

    /// The team of the person with this id.
    pub fn team_of(&self, id: &str) -> Option<Team> {
        self.person(id).map(|p| p.team)
    }

    /// The index of the account with this id.
    pub fn account(&self, id: &str) -> Option<usize> {
        self.index.account(id)
    }

    /// The index of the message with this id.
    pub fn message(&self, id: &str) -> Option<usize> {
        self.index.message(id)
    }

    /// The index of the stage with this id.
    pub fn stage(&self, id: &str) -> Option<usize> {
        self.index.stage(id)
    }

    /// The team of the stage with this id.
    pub fn stage_team(&self, id: &str) -> Option<Team> {
        self.stage(id)
            .and_then(|i| self.plan.stages.get(i))
            .map(|s| s.team)
    }

    /// The sign-offs on `item` by team, people looked up in this context.
    pub fn signatures(&self, item: &impl Signable) -> Signatures {
        Signatures::of(item, |id| self.team_of(id))
    }

    /// Teams with at least one current (not stale) sign-off on `item`.
    pub fn agreeing_teams(&self, item: &impl Signable) -> Vec<Team> {
        self.signatures(item).teams()
    }

    /// Whether both Sales and Marketing have a current sign-off on `item`.
    pub fn agreed_by_both(&self, item: &impl Signable) -> bool {
        self.signatures(item).by_both()
    }

    /// Sales and Marketing, less the teams with a current sign-off on `item`: who still has to
    /// agree before both teams have.
    pub fn missing_teams(&self, item: &impl Signable) -> Vec<Team> {
        self.signatures(item).missing()
    }

    /// The name of the person with this id, or the id in quotes when nobody has it.
    pub fn person_name(&self, id: &str) -> String {
        self.person(id)
            .map_or_else(|| quoted(id), |p| named(&p.name, id))
    }

    /// The name of the account with this id, or the id in quotes when no account has it.
    pub fn account_name(&self, id: &str) -> String {
        self.account(id)
            .and_then(|i| self.plan.accounts.get(i))
            .map_or_else(|| quoted(id), |a| named(&a.name, id))
    }

    /// The name of the stage with this id, or the id in quotes when no stage has it.
    pub fn stage_name(&self, id: &str) -> String {
        self.stage(id)
            .and_then(|i| self.plan.stages.get(i))
            .map_or_else(|| quoted(id), |s| named(&s.name, id))
    }

    /// A meeting as people say it: `meeting with Acme Hospitals at Tue 9 Mar, 10:00`.
    pub fn meeting_label(&self, meeting: &Meeting) -> String {
        format!(
            "meeting with {} at {}",
            self.account_name(&meeting.account),
            self.when(meeting.start)
        )
    }

    /// A date as people say it, leaving out the plan's own year: `Tue 16 Mar`.
    pub fn date(&self, date: crate::model::Date) -> String {
        crate::model::human::date(date, self.plan.year())
    }

    /// A date and time as people say it: `Tue 16 Mar, 09:30`.
    pub fn when(&self, time: crate::model::DateTime) -> String {
        crate::model::human::date_time(time, self.plan.year())
    }

    /// A handoff as people say it: `handoff from Booth visit to Marketing-qualified lead`.
    pub fn handoff_label(&self, handoff: &Handoff) -> String {
        format!(
            "handoff from {} to {}",
            self.stage_name(&handoff.from),
            self.stage_name(&handoff.to)
        )
    }

    /// The human name of item `index` of `section` (a person's name, a message's headline...),
    /// or of the single item `event` or `scoring`. Message headlines and task titles, which are
    /// whole phrases, come in quotes; meetings and handoffs, which have no name, read
    /// `the meeting with ...` and `the handoff from ...`.
    pub fn item_name(&self, section: Section, index: usize) -> String {
        let plan = self.plan;
        let name = match section {
            Section::Plan => Some("the plan".to_owned()),
            Section::Event => Some(named(&plan.event.name, "event")),
            Section::Scoring => Some("the lead scoring".to_owned()),
            Section::People => plan.people.get(index).map(|x| named(&x.name, &x.id)),
            Section::Objectives => plan.objectives.get(index).map(|x| named(&x.name, &x.id)),
            Section::Terms => plan.terms.get(index).map(|x| named(&x.term, &x.id)),
            Section::Accounts => plan.accounts.get(index).map(|x| named(&x.name, &x.id)),
            Section::Meetings => plan
                .meetings
                .get(index)
                .map(|x| format!("the {}", self.meeting_label(x))),
            Section::Messages => plan
                .messages
                .get(index)
                .map(|x| quoted_name(&x.headline, &x.id)),
            Section::Stages => plan.stages.get(index).map(|x| named(&x.name, &x.id)),
            Section::Handoffs => plan
                .handoffs
                .get(index)
                .map(|x| format!("the {}", self.handoff_label(x))),
            Section::Tasks => plan.tasks.get(index).map(|x| quoted_name(&x.title, &x.id)),
            Section::Leads => plan.leads.get(index).map(|x| named(&x.name, &x.id)),
        };
        name.unwrap_or_else(|| format!("item {} of {section}", index + 1))
    }

    /// The lead-flow graph, built on first use.
    pub fn flow(&self) -> &Flow {
        self.flow
            .get_or_init(|| Flow::new(self.plan, |id| self.stage(id)))
    }
}

/// An id as messages quote it: `"acme"`.
fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}

/// A human name, or the quoted id when the name is blank.
fn named(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        quoted(id)
    } else {
        name.trim().to_owned()
    }
}

/// A phrase used as a name (a headline, a task title) in quotes, or the quoted id when it is blank.
fn quoted_name(name: &str, id: &str) -> String {
    if name.trim().is_empty() {
        quoted(id)
    } else {
        quoted(name.trim())
    }
}
