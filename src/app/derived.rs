//! What the views work out from the plan once per version of it rather than once per frame: the
//! core's [`Lookup`] and the pickers' choices. The workbench makes a new one when the plan's
//! shape changes (any edit but keys typed into one item, and every finished edit: see
//! [`crate::app::Document::shape`]); each part is built the first time a view asks for it. While
//! an item is typed in, the answers are those of the plan before, which the lookup's answers
//! allow (they are checked against the plan they are given).

use crate::analysis::lookup::Lookup;
use crate::app::provenance::SignoffTrail;
use crate::app::widgets::Choices;
use crate::model::{Date, Plan};
use std::cell::OnceCell;

/// The last [`Derived::version`] handed out.
static VERSIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Answers and choices for one revision of the plan.
#[derive(Default)]
pub struct Derived {
    shape: u64,
    revision: u64,
    today: Option<Date>,
    version: u64,
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
    /// Nothing worked out yet, for plan `revision` of `shape` as of `today` (which leads are
    /// stuck).
    pub fn new(shape: u64, revision: u64, today: Date) -> Self {
        Derived {
            shape,
            revision,
            today: Some(today),
            version: VERSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
            lookup: Lookup::as_of(today),
            ..Derived::default()
        }
    }

    /// Starts over when the plan has another shape or today is another day; notes the
    /// revision otherwise.
    pub fn refresh(&mut self, shape: u64, revision: u64, today: Date) {
        if self.shape != shape || self.today != Some(today) {
            let trail = std::mem::take(&mut self.trail);
            *self = Derived::new(shape, revision, today);
            self.trail = trail;
        }
        self.revision = revision;
    }

    /// Which answers these are: a number that changes whenever they are made anew (another
    /// shape of the plan, or another day taken as today), for views that keep what they
    /// worked out from them (a list's order). Keys typed into one item leave it as it was.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The plan revision last drawn: it changes with every key, for views that keep what
    /// they drew of the items themselves (a table's cells).
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
