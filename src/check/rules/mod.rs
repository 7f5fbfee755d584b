//! The rule catalogue: one file per rule. A rule's doc comment (What it finds / Why it matters /
//! Example) is the text `preshow explain RULE` prints.

use crate::check::{Context, Severity, Sink};

/// One gap check, and what the rest of Preshow needs to know about it: the gaps panel, the
/// readiness board and the boards read this metadata instead of keeping tables of rule names.
pub struct Rule {
    /// Stable kebab-case name that reads as the gap it finds.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The rule's documentation, as Markdown.
    pub doc: &'static str,
    /// Runs the rule.
    pub check: fn(&Context, &mut Sink),
    /// The field of the item that closes the gap, highlighted when the finding is opened.
    pub field: Option<&'static str>,
    /// Who owns the fix when the item names nobody responsible.
    pub fixed_by: FixedBy,
    /// A few words for a board's badge: `no owner`, `dead end`.
    pub tag: &'static str,
    /// Whether the rule reads the file's git history: it runs only when asked to
    /// (`preshow check --verify-signoffs REV`, [`crate::check::check_verified`]).
    pub history: bool,
}

/// Who owns the fix of a rule's gaps, when the item itself names nobody responsible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixedBy {
    /// The Sales team.
    Sales,
    /// The Marketing team.
    Marketing,
    /// Sales and Marketing together.
    BothTeams,
    /// The team the item belongs to: Sales for meetings, Marketing for messages, the receiving
    /// stage's team for a handoff, the stage's or person's own team.
    ItemTeam,
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

/// Declares a rule: its doc comment, name, severity, check function and metadata.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        $konst:ident = Rule {
            name: $name:literal,
            severity: $severity:ident,
            check: $check:path,
            field: $field:expr,
            fixed_by: $fixed_by:ident,
            tag: $tag:literal
            $(, history: $history:literal)? $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub const $konst: crate::check::Rule = crate::check::Rule {
            name: $name,
            severity: crate::check::Severity::$severity,
            doc: concat!($($doc, "\n"),*),
            check: $check,
            field: $field,
            fixed_by: crate::check::FixedBy::$fixed_by,
            tag: $tag,
            history: false $(|| $history)?,
        };
    };
}
// The rule files below are declared after the macro, so `rule!` is in scope in each of them.

/// What every rule file needs.
mod prelude {
    pub use crate::check::rules::words::{
        ask_to_sign_off, editor, hours, join_and, join_or, sentence,
    };
    pub use crate::check::{Context, Sink};
    pub use crate::model::fingerprint::Signable;
    pub use crate::model::{Section, Team};
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

    /// A number of hours as people say it: `1 hour`, `1.25 hours` (minutes count), `30.5 hours`,
    /// `398 hours`: fewer decimals the more hours there are.
    pub fn hours(h: f64) -> String {
        let decimals: u32 = match h.abs() {
            x if x < 10.0 => 2,
            x if x < 100.0 => 1,
            _ => 0,
        };
        // Thousands of findings each name their hours: whole numbers are written without the
        // float formatter, which is slow; large or odd values take the general way.
        let scale = 10_i64.pow(decimals);
        let scaled = (h * scale as f64).round();
        let n = if (0.0..1e6).contains(&scaled) {
            let scaled = scaled as i64;
            let (whole, fraction) = (scaled / scale, scaled % scale);
            let mut n = whole.to_string();
            if fraction != 0 {
                let digits = format!("{fraction:0width$}", width = decimals as usize);
                n.push('.');
                n.push_str(digits.trim_end_matches('0'));
            }
            if whole >= 1000 {
                n = crate::model::human::number(h, decimals as usize);
            }
            n
        } else {
            crate::model::human::number(h, decimals as usize)
        };
        if n == "1" {
            "1 hour".to_owned()
        } else {
            format!("{n} hours")
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
            Section::Leads => "the lead's owner",
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

/// Declares the catalogue: each rule's file, its constant and its [`RuleId`], in catalogue order.
macro_rules! catalogue {
    ($($module:ident::$konst:ident => $id:ident,)*) => {
        $(mod $module;)*

        /// A rule's identity: one variant per rule, in catalogue order. Its name, severity and
        /// metadata are on its [`Rule`] ([`RuleId::rule`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum RuleId {
            $(
                #[doc = concat!("The rule in `check/rules/", stringify!($module), ".rs`.")]
                $id,
            )*
        }

        impl RuleId {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$id,)*];
        }

        /// Every rule, in catalogue order.
        pub const ALL: &[Rule] = &[$($module::$konst,)*];
    };
}

catalogue! {
    duplicate_id::DUPLICATE_ID => DuplicateId,
    unknown_reference::UNKNOWN_REFERENCE => UnknownReference,
    invalid_value::INVALID_VALUE => InvalidValue,
    no_objectives::NO_OBJECTIVES => NoObjectives,
    objective_not_shared::OBJECTIVE_NOT_SHARED => ObjectiveNotShared,
    objective_without_target::OBJECTIVE_WITHOUT_TARGET => ObjectiveWithoutTarget,
    lead_definition_missing::LEAD_DEFINITION_MISSING => LeadDefinitionMissing,
    term_not_agreed::TERM_NOT_AGREED => TermNotAgreed,
    scoring_not_agreed::SCORING_NOT_AGREED => ScoringNotAgreed,
    scoring_threshold_unreachable::SCORING_THRESHOLD_UNREACHABLE => ScoringThresholdUnreachable,
    account_without_owner::ACCOUNT_WITHOUT_OWNER => AccountWithoutOwner,
    account_owner_not_sales::ACCOUNT_OWNER_NOT_SALES => AccountOwnerNotSales,
    account_without_marketing_owner::ACCOUNT_WITHOUT_MARKETING_OWNER => AccountWithoutMarketingOwner,
    priority_account_without_meeting::PRIORITY_ACCOUNT_WITHOUT_MEETING => PriorityAccountWithoutMeeting,
    account_without_message::ACCOUNT_WITHOUT_MESSAGE => AccountWithoutMessage,
    meeting_outside_event::MEETING_OUTSIDE_EVENT => MeetingOutsideEvent,
    person_double_booked::PERSON_DOUBLE_BOOKED => PersonDoubleBooked,
    room_double_booked::ROOM_DOUBLE_BOOKED => RoomDoubleBooked,
    meeting_without_sales::MEETING_WITHOUT_SALES => MeetingWithoutSales,
    person_over_capacity::PERSON_OVER_CAPACITY => PersonOverCapacity,
    message_not_agreed::MESSAGE_NOT_AGREED => MessageNotAgreed,
    signoff_stale::SIGNOFF_STALE => SignoffStale,
    signoff_unverified::SIGNOFF_UNVERIFIED => SignoffUnverified,
    message_without_proof::MESSAGE_WITHOUT_PROOF => MessageWithoutProof,
    message_unused::MESSAGE_UNUSED => MessageUnused,
    no_entry_stage::NO_ENTRY_STAGE => NoEntryStage,
    stage_dead_end::STAGE_DEAD_END => StageDeadEnd,
    stage_unreachable::STAGE_UNREACHABLE => StageUnreachable,
    stage_trap::STAGE_TRAP => StageTrap,
    no_sales_handoff::NO_SALES_HANDOFF => NoSalesHandoff,
    handoff_without_owner::HANDOFF_WITHOUT_OWNER => HandoffWithoutOwner,
    handoff_without_sla::HANDOFF_WITHOUT_SLA => HandoffWithoutSla,
    handoff_sla_too_slow::HANDOFF_SLA_TOO_SLOW => HandoffSlaTooSlow,
    handoff_not_accepted::HANDOFF_NOT_ACCEPTED => HandoffNotAccepted,
    task_without_owner::TASK_WITHOUT_OWNER => TaskWithoutOwner,
    task_overdue::TASK_OVERDUE => TaskOverdue,
    lead_sla_missed::LEAD_SLA_MISSED => LeadSlaMissed,
    lead_stuck::LEAD_STUCK => LeadStuck,
    lead_without_owner::LEAD_WITHOUT_OWNER => LeadWithoutOwner,
    objective_missed::OBJECTIVE_MISSED => ObjectiveMissed,
}

impl RuleId {
    /// The rule itself: name, severity, documentation and metadata.
    pub fn rule(self) -> &'static Rule {
        &ALL[self as usize]
    }

    /// Its stable kebab-case name, as in output and `preshow explain`.
    pub fn as_str(self) -> &'static str {
        self.rule().name
    }

    /// The rule with this name.
    pub fn from_name(name: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|id| id.as_str() == name)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rules sort by name, as they always have in output, not by catalogue order.
impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// The rule with this name.
pub fn find(name: &str) -> Option<&'static Rule> {
    RuleId::from_name(name).map(RuleId::rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_read_as_people_say_them() {
        let said: Vec<String> = [1.0, 1.25, 220.0 / 60.0, 4.0, 30.5, 41.0, 397.98, 1234.0]
            .into_iter()
            .map(words::hours)
            .collect();
        assert_eq!(
            said,
            [
                "1 hour",
                "1.25 hours",
                "3.67 hours",
                "4 hours",
                "30.5 hours",
                "41 hours",
                "398 hours",
                "1,234 hours"
            ]
        );
    }

    #[test]
    fn ids_follow_the_catalogue() {
        assert_eq!(RuleId::ALL.len(), ALL.len());
        for (i, id) in RuleId::ALL.iter().enumerate() {
            assert_eq!(*id as usize, i);
            assert_eq!(id.rule().name, ALL[i].name);
            assert_eq!(RuleId::from_name(ALL[i].name), Some(*id));
            assert!(!id.rule().tag.is_empty(), "{id} has no tag");
        }
    }

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
