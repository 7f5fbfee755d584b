//! The rule catalogue: one file per rule. A rule's doc comment (What it finds / Why it matters /
//! Example) is the text `preshow explain RULE` prints.

use super::{Context, Severity, Sink};

/// One gap check.
pub struct Rule {
    /// Stable kebab-case name that reads as the gap it finds.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The rule's documentation, as Markdown.
    pub doc: &'static str,
    /// Runs the rule.
    pub check: fn(&Context, &mut Sink),
}

impl Rule {
    /// The first sentence of "What it finds": one line for `preshow rules`.
    pub fn summary(&self) -> String {
        self.explanation()
            .lines()
            .map(str::trim)
            .skip_while(|l| l.is_empty() || l.starts_with('#'))
            .take_while(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The documentation with doc-comment indentation removed.
    pub fn explanation(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_owned()
    }
}

/// Declares a rule: its doc comment, name, severity and check function.
macro_rules! rule {
    ($(#[doc = $doc:literal])* $konst:ident = ($name:literal, $severity:ident, $check:path)) => {
        $(#[doc = $doc])*
        pub const $konst: crate::check::Rule = crate::check::Rule {
            name: $name,
            severity: crate::check::Severity::$severity,
            doc: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}
// The rule files below are declared after the macro, so `rule!` is in scope in each of them.

/// What every rule file needs.
mod prelude {
    pub use super::words::{ask_to_sign_off, editor, join_and, join_or, sentence};
    pub use crate::check::{Context, Sink};
    pub use crate::fingerprint::Signable;
    pub use crate::model::{MeetingStatus, Section, Team};
}

/// Plain-words pieces the rules' messages share.
mod words {
    use crate::model::{Section, Team};

    /// A message with its first letter capitalised when it opens with one of our own articles
    /// (`the meeting with ...`); people's names are left as they wrote them.
    pub fn sentence(text: String) -> String {
        match text.strip_prefix("the ") {
            Some(rest) => format!("The {rest}"),
            None => text,
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    pub fn join_and(items: &[String]) -> String {
        join(items, "and")
    }

    /// `a`, `a or b`, `a, b or c`.
    pub fn join_or(items: &[String]) -> String {
        join(items, "or")
    }

    fn join(items: &[String], word: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
        }
    }

    /// Who usually edits a section of the plan, to name in a message as the one who can fix it.
    pub fn editor(section: Section) -> &'static str {
        match section {
            Section::Plan | Section::Event | Section::Tasks => "the event manager",
            Section::People => "whoever keeps the list of people",
            Section::Objectives
            | Section::Terms
            | Section::Scoring
            | Section::Stages
            | Section::Handoffs => "the sales and marketing leads",
            Section::Accounts => "the sales lead",
            Section::Meetings => "whoever booked the meeting",
            Section::Messages => "marketing",
        }
    }

    /// Who should get whom to sign off, when `missing` teams (Sales, Marketing) have not.
    pub fn ask_to_sign_off(missing: &[Team]) -> String {
        match missing {
            [Team::Marketing] => {
                "sales should ask a Marketing person to review it and sign off".to_owned()
            }
            [Team::Sales] => {
                "marketing should ask a Sales person to review it and sign off".to_owned()
            }
            _ => "a Sales person and a Marketing person should both review it and sign off"
                .to_owned(),
        }
    }
}

mod account_owner_not_sales;
mod account_without_marketing_owner;
mod account_without_message;
mod account_without_owner;
mod duplicate_id;
mod handoff_not_accepted;
mod handoff_sla_too_slow;
mod handoff_without_owner;
mod handoff_without_sla;
mod invalid_value;
mod lead_definition_missing;
mod meeting_outside_event;
mod meeting_without_sales;
mod message_not_agreed;
mod message_unused;
mod message_without_proof;
mod no_entry_stage;
mod no_objectives;
mod no_sales_handoff;
mod objective_not_shared;
mod objective_without_target;
mod person_double_booked;
mod person_over_capacity;
mod priority_account_without_meeting;
mod room_double_booked;
mod scoring_not_agreed;
mod scoring_threshold_unreachable;
mod signoff_stale;
mod stage_dead_end;
mod stage_trap;
mod stage_unreachable;
mod task_overdue;
mod task_without_owner;
mod term_not_agreed;
mod unknown_reference;

/// Every rule, in catalogue order.
pub const ALL: &[Rule] = &[
    duplicate_id::DUPLICATE_ID,
    unknown_reference::UNKNOWN_REFERENCE,
    invalid_value::INVALID_VALUE,
    no_objectives::NO_OBJECTIVES,
    objective_not_shared::OBJECTIVE_NOT_SHARED,
    objective_without_target::OBJECTIVE_WITHOUT_TARGET,
    lead_definition_missing::LEAD_DEFINITION_MISSING,
    term_not_agreed::TERM_NOT_AGREED,
    scoring_not_agreed::SCORING_NOT_AGREED,
    scoring_threshold_unreachable::SCORING_THRESHOLD_UNREACHABLE,
    account_without_owner::ACCOUNT_WITHOUT_OWNER,
    account_owner_not_sales::ACCOUNT_OWNER_NOT_SALES,
    account_without_marketing_owner::ACCOUNT_WITHOUT_MARKETING_OWNER,
    priority_account_without_meeting::PRIORITY_ACCOUNT_WITHOUT_MEETING,
    account_without_message::ACCOUNT_WITHOUT_MESSAGE,
    meeting_outside_event::MEETING_OUTSIDE_EVENT,
    person_double_booked::PERSON_DOUBLE_BOOKED,
    room_double_booked::ROOM_DOUBLE_BOOKED,
    meeting_without_sales::MEETING_WITHOUT_SALES,
    person_over_capacity::PERSON_OVER_CAPACITY,
    message_not_agreed::MESSAGE_NOT_AGREED,
    signoff_stale::SIGNOFF_STALE,
    message_without_proof::MESSAGE_WITHOUT_PROOF,
    message_unused::MESSAGE_UNUSED,
    no_entry_stage::NO_ENTRY_STAGE,
    stage_dead_end::STAGE_DEAD_END,
    stage_unreachable::STAGE_UNREACHABLE,
    stage_trap::STAGE_TRAP,
    no_sales_handoff::NO_SALES_HANDOFF,
    handoff_without_owner::HANDOFF_WITHOUT_OWNER,
    handoff_without_sla::HANDOFF_WITHOUT_SLA,
    handoff_sla_too_slow::HANDOFF_SLA_TOO_SLOW,
    handoff_not_accepted::HANDOFF_NOT_ACCEPTED,
    task_without_owner::TASK_WITHOUT_OWNER,
    task_overdue::TASK_OVERDUE,
];

/// The rule with this name.
pub fn find(name: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_explained() {
        let mut names: Vec<&str> = ALL.iter().map(|r| r.name).collect();
        names.sort_unstable();
        let count = names.len();
        names.dedup();
        assert_eq!(names.len(), count, "rule names must be unique");
        for rule in ALL {
            assert!(
                rule.name
                    .bytes()
                    .all(|c| c.is_ascii_lowercase() || c == b'-'),
                "{}",
                rule.name
            );
            let text = rule.explanation();
            for heading in ["## What it finds", "## Why it matters", "## Example"] {
                assert!(text.contains(heading), "{} lacks {heading}", rule.name);
            }
            assert!(!rule.summary().is_empty(), "{} has no summary", rule.name);
        }
    }
}
