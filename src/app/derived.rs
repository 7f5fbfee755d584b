//! What the views work out from the plan once per version of it rather than once per frame: the
//! core's [`Lookup`] and the pickers' choices. The workbench makes a new one when the plan's
//! revision changes; each part is built the first time a view asks for it.

use crate::analysis::lookup::Lookup;
use crate::app::provenance::SignoffTrail;
use crate::app::widgets::Choices;
use crate::model::Plan;
use std::cell::OnceCell;

/// Answers and choices for one revision of the plan.
#[derive(Default)]
pub struct Derived {
    revision: u64,
    /// Positions by id, meetings per account, what each person owns, and more.
    pub lookup: Lookup,
    people: OnceCell<Choices>,
    people_and_messages: OnceCell<Choices>,
    meetings: OnceCell<Choices>,
    handoffs: OnceCell<Choices>,
    /// Who recorded each sign-off, from the file's git history; it outlives revisions of the
    /// plan, and changes when the history is read again.
    pub trail: SignoffTrail,
}

impl Derived {
    /// Nothing worked out yet, for plan `revision`.
    pub fn new(revision: u64) -> Self {
        Derived {
            revision,
            ..Derived::default()
        }
    }

    /// Starts over when the plan is at another revision.
    pub fn refresh(&mut self, revision: u64) {
        if self.revision != revision {
            let trail = std::mem::take(&mut self.trail);
            *self = Derived::new(revision);
            self.trail = trail;
        }
    }

    /// The plan revision these answers are for.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// People, for owner pickers.
    pub fn people(&self, plan: &Plan) -> &Choices {
        self.people.get_or_init(|| Choices::people(plan))
    }

    /// People, messages and segments in use.
    pub fn people_and_messages(&self, plan: &Plan) -> &Choices {
        self.people_and_messages
            .get_or_init(|| Choices::people_and_messages(plan, &self.lookup))
    }

    /// Everything a meeting's pickers offer.
    pub fn for_meetings(&self, plan: &Plan) -> &Choices {
        self.meetings
            .get_or_init(|| Choices::for_meetings(plan, &self.lookup))
    }

    /// Everything a handoff's pickers offer.
    pub fn for_handoffs(&self, plan: &Plan) -> &Choices {
        self.handoffs.get_or_init(|| Choices::for_handoffs(plan))
    }
}
