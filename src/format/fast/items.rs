//! The items of the list sections (people, objectives, terms, accounts, meetings, messages,
//! stages, handoffs, tasks, leads), each with its line and its id as written, and the sign-offs many
//! of them carry.

use crate::format::fast::Parser;
use crate::model::{
    Account, Handoff, Lead, Meeting, Message, Objective, Person, Reached, Signoff, Stage, Task,
    Term,
};

impl<'a> Parser<'a> {
    pub(super) fn person(&mut self) -> Option<(Person, usize, Option<&'a str>)> {
        let (mut id, mut name, mut team, mut role, mut email, mut max) =
            (None, None, None, None, None, None);
        let line = self.fields("Person", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "team" => once!(team = p.team()?),
                "role" => once!(role = p.opt_string()?),
                "email" => once!(email = p.opt_string()?),
                "max_meetings_per_day" => once!(max = p.opt(Self::uint)?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let person = Person {
            id,
            name: name?,
            team: team?,
            role: role.flatten(),
            email: email.flatten(),
            max_meetings_per_day: max.flatten(),
        };
        Some((person, line, Some(text)))
    }

    fn signoff(&mut self) -> Option<Signoff> {
        let (mut by, mut on, mut fingerprint, mut entered_by) = (None, None, None, None);
        self.fields("Signoff", |p, key| {
            match key {
                "by" => once!(by = p.string()?),
                "on" => once!(on = p.date()?),
                "fingerprint" => once!(fingerprint = p.opt_string()?),
                "entered_by" => once!(entered_by = p.opt_string()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Signoff {
            by: by?,
            on: on?,
            fingerprint: fingerprint.flatten(),
            entered_by: entered_by.flatten(),
        })
    }

    pub(super) fn signoffs(&mut self) -> Option<Vec<Signoff>> {
        self.list(Self::signoff)
    }

    pub(super) fn objective(&mut self) -> Option<(Objective, usize, Option<&'a str>)> {
        let (mut id, mut name, mut metric, mut target, mut unit, mut signoffs) =
            (None, None, None, None, None, None);
        let (mut measure, mut actual) = (None, None);
        let line = self.fields("Objective", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "metric" => once!(metric = p.opt_string()?),
                "target" => once!(target = p.opt(Self::float)?),
                "unit" => once!(unit = p.opt_string()?),
                "measure" => once!(measure = p.opt(Self::measure)?),
                "actual" => once!(actual = p.opt(Self::float)?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let objective = Objective {
            id,
            name: name?,
            metric: metric.flatten(),
            target: target.flatten(),
            unit: unit.flatten(),
            measure: measure.flatten(),
            actual: actual.flatten(),
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((objective, line, Some(text)))
    }

    pub(super) fn term(&mut self) -> Option<(Term, usize, Option<&'a str>)> {
        let (mut id, mut term, mut definition, mut signoffs) = (None, None, None, None);
        let line = self.fields("Term", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "term" => once!(term = p.string()?),
                "definition" => once!(definition = p.string()?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let term = Term {
            id,
            term: term?,
            definition: definition?,
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((term, line, Some(text)))
    }
    pub(super) fn account(&mut self) -> Option<(Account, usize, Option<&'a str>)> {
        let (mut id, mut name, mut tier, mut owner) = (None, None, None, None);
        let (mut marketing_owner, mut segment, mut messages, mut notes) = (None, None, None, None);
        let mut crm_id = None;
        let line = self.fields("Account", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "tier" => once!(tier = p.int()?),
                "owner" => once!(owner = p.opt_string()?),
                "marketing_owner" => once!(marketing_owner = p.opt_string()?),
                "segment" => once!(segment = p.opt_string()?),
                "messages" => once!(messages = p.strings()?),
                "notes" => once!(notes = p.opt_string()?),
                "crm_id" => once!(crm_id = p.opt_string()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let account = Account {
            id,
            name: name?,
            tier: tier?,
            owner: owner.flatten(),
            marketing_owner: marketing_owner.flatten(),
            segment: segment.flatten(),
            messages: messages.unwrap_or_default(),
            notes: notes.flatten(),
            crm_id: crm_id.flatten(),
        };
        Some((account, line, Some(text)))
    }

    pub(super) fn meeting(&mut self) -> Option<(Meeting, usize, Option<&'a str>)> {
        let (mut id, mut account, mut start, mut minutes, mut location) =
            (None, None, None, None, None);
        let (mut people, mut status, mut goal, mut messages) = (None, None, None, None);
        let line = self.fields("Meeting", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "account" => once!(account = p.string()?),
                "start" => once!(start = p.date_time()?),
                "minutes" => once!(minutes = p.int()?),
                "location" => once!(location = p.opt_string()?),
                "people" => once!(people = p.strings()?),
                "status" => once!(status = p.status()?),
                "goal" => once!(goal = p.opt_string()?),
                "messages" => once!(messages = p.strings()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let meeting = Meeting {
            id,
            account: account?,
            start: start?,
            minutes: minutes?,
            location: location.flatten(),
            people: people.unwrap_or_default(),
            status: status.unwrap_or_default(),
            goal: goal.flatten(),
            messages: messages.unwrap_or_default(),
        };
        Some((meeting, line, Some(text)))
    }

    pub(super) fn message(&mut self) -> Option<(Message, usize, Option<&'a str>)> {
        let (mut id, mut headline, mut body, mut proof) = (None, None, None, None);
        let (mut author, mut segments, mut signoffs) = (None, None, None);
        let line = self.fields("Message", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "headline" => once!(headline = p.string()?),
                "body" => once!(body = p.opt_string()?),
                "proof" => once!(proof = p.strings()?),
                "author" => once!(author = p.opt_string()?),
                "segments" => once!(segments = p.strings()?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let message = Message {
            id,
            headline: headline?,
            body: body.flatten(),
            proof: proof.unwrap_or_default(),
            author: author.flatten(),
            segments: segments.unwrap_or_default(),
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((message, line, Some(text)))
    }

    pub(super) fn stage(&mut self) -> Option<(Stage, usize, Option<&'a str>)> {
        let (mut id, mut name, mut team, mut entry, mut terminal) = (None, None, None, None, None);
        let mut crm_stage = None;
        let line = self.fields("Stage", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "team" => once!(team = p.team()?),
                "entry" => once!(entry = p.boolean()?),
                "terminal" => once!(terminal = p.boolean()?),
                "crm_stage" => once!(crm_stage = p.opt_string()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let stage = Stage {
            id,
            name: name?,
            team: team?,
            entry: entry.unwrap_or_default(),
            terminal: terminal.unwrap_or_default(),
            crm_stage: crm_stage.flatten(),
        };
        Some((stage, line, Some(text)))
    }

    pub(super) fn handoff(&mut self) -> Option<(Handoff, usize, Option<&'a str>)> {
        let (mut id, mut from, mut to, mut trigger) = (None, None, None, None);
        let (mut owner, mut sla_hours, mut signoffs) = (None, None, None);
        let line = self.fields("Handoff", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "from" => once!(from = p.string()?),
                "to" => once!(to = p.string()?),
                "trigger" => once!(trigger = p.string()?),
                "owner" => once!(owner = p.opt_string()?),
                "sla_hours" => once!(sla_hours = p.opt(Self::int)?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let handoff = Handoff {
            id,
            from: from?,
            to: to?,
            trigger: trigger?,
            owner: owner.flatten(),
            sla_hours: sla_hours.flatten(),
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((handoff, line, Some(text)))
    }

    pub(super) fn task(&mut self) -> Option<(Task, usize, Option<&'a str>)> {
        let (mut id, mut title, mut owner, mut due, mut done) = (None, None, None, None, None);
        let line = self.fields("Task", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "title" => once!(title = p.string()?),
                "owner" => once!(owner = p.opt_string()?),
                "due" => once!(due = p.opt(Self::date)?),
                "done" => once!(done = p.boolean()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let task = Task {
            id,
            title: title?,
            owner: owner.flatten(),
            due: due.flatten(),
            done: done.unwrap_or_default(),
        };
        Some((task, line, Some(text)))
    }

    pub(super) fn lead(&mut self) -> Option<(Lead, usize, Option<&'a str>)> {
        let (mut id, mut name, mut company, mut account) = (None, None, None, None);
        let (mut crm_id, mut owner, mut captured, mut pipeline, mut reached) =
            (None, None, None, None, None);
        let line = self.fields("Lead", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "company" => once!(company = p.opt_string()?),
                "account" => once!(account = p.opt_string()?),
                "crm_id" => once!(crm_id = p.opt_string()?),
                "owner" => once!(owner = p.opt_string()?),
                "captured" => once!(captured = p.date_time()?),
                "pipeline" => once!(pipeline = p.opt(Self::float)?),
                "reached" => once!(reached = p.list(Self::reached)?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let lead = Lead {
            id,
            name: name?,
            company: company.flatten(),
            account: account.flatten(),
            crm_id: crm_id.flatten(),
            owner: owner.flatten(),
            captured: captured?,
            pipeline: pipeline.flatten(),
            reached: reached.unwrap_or_default(),
        };
        Some((lead, line, Some(text)))
    }

    fn reached(&mut self) -> Option<Reached> {
        let (mut stage, mut at) = (None, None);
        self.fields("Reached", |p, key| {
            match key {
                "stage" => once!(stage = p.string()?),
                "at" => once!(at = p.date_time()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Reached {
            stage: stage?,
            at: at?,
        })
    }
}
