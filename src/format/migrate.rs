//! Migrations from older plan formats to the current one.
//!
//! Format 1 is the first format, so the standard migrator has no steps yet. When format 2 comes,
//! a step from 1 is added here; files are read in the old shape as a tree that keeps every name, each
//! step rewrites the tree, and the result is read as the current plan. Old files on disk are never
//! rewritten by reading them.

use super::tree::{self, Node};
use crate::model::{CURRENT_FORMAT, Plan};

/// One step: rewrites a plan of format `from` into format `from + 1`.
#[derive(Clone, Copy)]
pub struct Step {
    /// The format this step reads.
    pub from: u32,
    /// What changes, for people.
    pub summary: &'static str,
    /// The rewrite of the whole plan tree (its `format` field is set by the migrator).
    pub apply: fn(&mut Node) -> Result<(), String>,
}

/// The chain of steps up to a current format.
#[derive(Clone)]
pub struct Migrator {
    /// The format this migrator produces.
    pub current: u32,
    /// The steps, any order.
    pub steps: Vec<Step>,
}

impl Migrator {
    /// The migrations this build knows.
    pub fn standard() -> Migrator {
        Migrator {
            current: CURRENT_FORMAT,
            steps: Vec::new(),
        }
    }

    /// Reads `text` of format `from` and migrates it step by step to the current format.
    pub fn migrate(&self, text: &str, from: u32) -> Result<Plan, String> {
        let mut doc = tree::parse(text)?;
        let mut format = from;
        while format < self.current {
            let step = self.steps.iter().find(|s| s.from == format).ok_or_else(|| {
                format!(
                    "this plan is format {format}, which this version of Preshow cannot migrate: \
                     the oldest format it reads is {}",
                    self.oldest()
                )
            })?;
            (step.apply)(&mut doc.root)?;
            format += 1;
            doc.root.set_field("format", Node::Atom(format.to_string()));
        }
        super::de::deserialize::<Plan>(&doc.to_text())
            .map_err(|e| format!("after migrating from format {from}: {}", e.message))
    }

    /// The oldest format this migrator reads.
    pub fn oldest(&self) -> u32 {
        let mut oldest = self.current;
        while self.steps.iter().any(|s| s.from + 1 == oldest) {
            oldest -= 1;
        }
        oldest
    }
}
