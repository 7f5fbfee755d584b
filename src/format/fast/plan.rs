//! The plan itself and its single items: the event and the lead scoring with its signals.

use crate::format::fast::Parser;
use crate::model::{Event, Plan, Scoring, Section, Signal};

impl<'a> Parser<'a> {
    pub(super) fn plan(&mut self) -> Option<Plan> {
        let (mut format, mut event, mut people, mut objectives, mut terms, mut scoring) =
            (None, None, None, None, None, None);
        let (mut accounts, mut meetings, mut messages, mut stages, mut handoffs, mut tasks) =
            (None, None, None, None, None, None);
        let mut leads = None;
        self.fields("Plan", |p, key| {
            p.map.keys.entry(key.to_owned()).or_insert(p.key_line);
            match key {
                "format" => {
                    let pos = p.pos(p.at);
                    let n = p.uint()?;
                    p.map.format.get_or_insert((u64::from(n), pos));
                    once!(format = n);
                }
                "event" => once!(event = p.event()?),
                "people" => once!(people = p.section(Section::People, Self::person)?),
                "objectives" => {
                    once!(objectives = p.section(Section::Objectives, Self::objective)?)
                }
                "terms" => once!(terms = p.section(Section::Terms, Self::term)?),
                "scoring" => once!(scoring = p.opt(Self::scoring)?),
                "accounts" => once!(accounts = p.section(Section::Accounts, Self::account)?),
                "meetings" => once!(meetings = p.section(Section::Meetings, Self::meeting)?),
                "messages" => once!(messages = p.section(Section::Messages, Self::message)?),
                "stages" => once!(stages = p.section(Section::Stages, Self::stage)?),
                "handoffs" => once!(handoffs = p.section(Section::Handoffs, Self::handoff)?),
                "tasks" => once!(tasks = p.section(Section::Tasks, Self::task)?),
                "leads" => once!(leads = p.section(Section::Leads, Self::lead)?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Plan {
            format: format?,
            event: event?,
            people: people.unwrap_or_default(),
            objectives: objectives.unwrap_or_default(),
            terms: terms.unwrap_or_default(),
            scoring: scoring.flatten(),
            accounts: accounts.unwrap_or_default(),
            meetings: meetings.unwrap_or_default(),
            messages: messages.unwrap_or_default(),
            stages: stages.unwrap_or_default(),
            handoffs: handoffs.unwrap_or_default(),
            tasks: tasks.unwrap_or_default(),
            leads: leads.unwrap_or_default(),
        })
    }

    fn event(&mut self) -> Option<Event> {
        let (mut name, mut venue, mut booth, mut timezone, mut starts, mut ends) =
            (None, None, None, None, None, None);
        self.fields("Event", |p, key| {
            match key {
                "name" => once!(name = p.string()?),
                "venue" => once!(venue = p.opt_string()?),
                "booth" => once!(booth = p.opt_string()?),
                "timezone" => once!(timezone = p.opt_string()?),
                "starts" => once!(starts = p.date()?),
                "ends" => once!(ends = p.date()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Event {
            name: name?,
            venue: venue.flatten(),
            booth: booth.flatten(),
            timezone: timezone.flatten(),
            starts: starts?,
            ends: ends?,
        })
    }
    fn scoring(&mut self) -> Option<Scoring> {
        let (mut threshold, mut signals, mut signoffs) = (None, None, None);
        self.fields("Scoring", |p, key| {
            match key {
                "threshold" => once!(threshold = p.int()?),
                "signals" => once!(signals = p.list(Self::signal)?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Scoring {
            threshold: threshold?,
            signals: signals.unwrap_or_default(),
            signoffs: signoffs.unwrap_or_default(),
        })
    }

    fn signal(&mut self) -> Option<Signal> {
        let (mut signal, mut points) = (None, None);
        self.fields("Signal", |p, key| {
            match key {
                "signal" => once!(signal = p.string()?),
                "points" => once!(points = p.int()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Signal {
            signal: signal?,
            points: points?,
        })
    }
}
