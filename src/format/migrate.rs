//! Migrations from older plan formats to the current one.
//!
//! Format 2 only adds optional items to format 1, so both are read as they are ([`Migrator::direct`]
//! is 1) and the standard migrator has no steps. When a format changes the shape of what is
//! already there, a step is added here: files are read in the old shape as a tree that keeps every
//! name, each step rewrites the tree, and the result is read as the current plan. Old files on
//! disk are never rewritten by reading them.

use crate::format::de::{ParseError, deserialize};
use crate::format::tree::{self, Node, TreeError};
use crate::model::{CURRENT_FORMAT, OLDEST_DIRECT_FORMAT, Plan};

/// One step: rewrites a plan of format `from` into format `from + 1`.
#[derive(Clone, Copy)]
pub struct Step {
    /// The format this step reads.
    pub from: u32,
    /// What changes, for people.
    pub summary: &'static str,
    /// The rewrite of the whole plan tree (its `format` field is set by the migrator). Its error
    /// says in plain words what the step could not rewrite.
    pub apply: fn(&mut Node) -> Result<(), String>,
}

/// The chain of steps up to a current format.
#[derive(Clone)]
pub struct Migrator {
    /// The newest format this migrator reads.
    pub current: u32,
    /// The oldest format read as it is: formats from this one to `current` need no step and
    /// keep their number; older ones are migrated up to this one.
    pub direct: u32,
    /// The steps, any order.
    pub steps: Vec<Step>,
}

/// Why an older plan could not be migrated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    /// The text is not a tree of values.
    #[error(transparent)]
    Tree(#[from] TreeError),
    /// No step reads this format.
    #[error(
        "this plan is format {format}, which this version of Preshow cannot migrate: \
         the oldest format it reads is {oldest}"
    )]
    NoStep {
        /// The format no step reads.
        format: u32,
        /// The oldest format the migrator reads.
        oldest: u32,
    },
    /// A step could not rewrite the tree; its own words.
    #[error("{0}")]
    Step(String),
    /// The migrated tree is not a plan of the current format.
    #[error("after migrating from format {from}: {}", .error.message)]
    NotAPlan {
        /// The format migrated from.
        from: u32,
        /// What is wrong with the migrated plan.
        error: ParseError,
    },
}

impl Migrator {
    /// The migrations this build knows.
    pub fn standard() -> Migrator {
        Migrator {
            current: CURRENT_FORMAT,
            direct: OLDEST_DIRECT_FORMAT,
            steps: Vec::new(),
        }
    }

    /// Whether a plan of `format` is read as it is.
    pub fn reads_directly(&self, format: u32) -> bool {
        (self.direct..=self.current).contains(&format)
    }

    /// Reads `text` of format `from` and migrates it step by step to the oldest format read
    /// directly.
    pub fn migrate(&self, text: &str, from: u32) -> Result<Plan, MigrateError> {
        // Whether it can be done is known before the text is read into a tree (which costs
        // memory with every token): a format with no way forward is refused at once.
        if let Some(format) = (from..self.direct).find(|f| !self.steps.iter().any(|s| s.from == *f))
        {
            return Err(MigrateError::NoStep {
                format,
                oldest: self.oldest(),
            });
        }
        let mut doc = tree::parse(text)?;
        let mut format = from;
        while format < self.direct {
            let step = self
                .steps
                .iter()
                .find(|s| s.from == format)
                .ok_or_else(|| MigrateError::NoStep {
                    format,
                    oldest: self.oldest(),
                })?;
            (step.apply)(&mut doc.root).map_err(MigrateError::Step)?;
            format += 1;
            doc.root.set_field("format", Node::Atom(format.to_string()));
        }
        deserialize::<Plan>(&doc.to_text()).map_err(|error| MigrateError::NotAPlan { from, error })
    }

    /// The oldest format this migrator reads.
    pub fn oldest(&self) -> u32 {
        let mut oldest = self.direct;
        while self.steps.iter().any(|s| s.from + 1 == oldest) {
            oldest -= 1;
        }
        oldest
    }
}
