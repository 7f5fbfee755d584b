//! The column headers that Salesforce, HubSpot and hand-made sheets use for each field, and how
//! a header is compared with them ([`normalise_header`]: case, accents and punctuation ignored).

use crate::interchange::import::fields::Field;
use crate::model::fold;

/// A header as the importer compares it: lowercase, accents folded, every run of other
/// characters one space (`Duration (minutes)` gives `duration minutes`).
pub fn normalise_header(header: &str) -> String {
    let folded = fold(header.trim_start_matches('\u{feff}'));
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

impl Field {
    /// Headers recognised for this field, normalised (see [`normalise_header`]), best first.
    pub(super) fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Id => ID,
            Field::Name => NAME,
            Field::OwnerEmail => OWNER_EMAIL,
            Field::Owner => OWNER,
            Field::MarketingOwnerEmail => MARKETING_OWNER_EMAIL,
            Field::MarketingOwner => MARKETING_OWNER,
            Field::Tier => TIER,
            Field::Segment => SEGMENT,
            Field::Notes => NOTES,
            Field::CrmId => CRM_ID,
            Field::Account => ACCOUNT,
            Field::Start => START,
            Field::Date => DATE,
            Field::Time => TIME,
            Field::Minutes => MINUTES,
            Field::End => END,
            Field::Location => LOCATION,
            Field::Attendees => ATTENDEES,
            Field::Status => STATUS,
            Field::Goal => GOAL,
            Field::Ignore => &[],
        }
    }
}

// Headers recognised for each field, normalised, best first. Fields are served in the order of
// `Kind::fields`; each takes the first column not yet taken whose header is one of its own, tried
// in this order.

const ID: &[&str] = &["id", "preshow id", "plan id"];

const NAME: &[&str] = &[
    "account name",
    "company name",
    "name",
    "account",
    "company",
    "organization name",
    "organisation name",
    "organization",
    "organisation",
];

const OWNER_EMAIL: &[&str] = &[
    "account owner email",
    "company owner email",
    "sales owner email",
    "owner email",
    "account owner e mail",
    "owner e mail",
];

const OWNER: &[&str] = &[
    "account owner",
    "company owner",
    "sales owner",
    "owner",
    "owner name",
    "account owner name",
    "account manager",
];

const MARKETING_OWNER_EMAIL: &[&str] = &["marketing owner email"];

const MARKETING_OWNER: &[&str] = &["marketing owner", "marketing owner name"];

const TIER: &[&str] = &[
    "tier",
    "account tier",
    "rating",
    "account rating",
    "priority",
    "ideal customer profile tier",
    "icp tier",
];

const SEGMENT: &[&str] = &["segment", "market segment", "industry", "vertical"];

const NOTES: &[&str] = &["notes", "note", "description"];

// HubSpot's "Lifecycle Stage" (Subscriber, Lead, Customer...) is no tier: it is left unused.

const CRM_ID: &[&str] = &[
    "crm id",
    "account id",
    "record id",
    "company id",
    "salesforce id",
    "hubspot id",
];

const ACCOUNT: &[&str] = &[
    "account",
    "account name",
    "company",
    "company name",
    "associated company",
    "related to",
    "organization",
    "organisation",
];

const START: &[&str] = &[
    "start",
    "starts",
    "start datetime",
    "start date time",
    "meeting start time",
    "start time",
    "datetime",
    "date time",
    "when",
];

const DATE: &[&str] = &["date", "start date", "meeting date", "activity date", "day"];

const TIME: &[&str] = &["time", "meeting time"];

const MINUTES: &[&str] = &[
    "minutes",
    "duration minutes",
    "duration mins",
    "duration min",
    "duration",
    "meeting duration",
    "length",
    "length minutes",
];

const END: &[&str] = &[
    "end",
    "ends",
    "end datetime",
    "end date time",
    "meeting end time",
    "end time",
];

const LOCATION: &[&str] = &["location", "meeting location", "room", "where", "place"];

const ATTENDEES: &[&str] = &[
    "attendee emails",
    "attendees",
    "internal attendees",
    "people",
    "participants",
    "attendee",
    "assigned to",
    "activity assigned to",
    "assigned",
    "meeting owner",
    "owner",
];

const STATUS: &[&str] = &["status", "meeting status", "outcome", "meeting outcome"];

const GOAL: &[&str] = &[
    "goal",
    "subject",
    "meeting name",
    "meeting title",
    "title",
    "purpose",
    "objective",
    "topic",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_normalised() {
        assert_eq!(normalise_header("Duration (minutes)"), "duration minutes");
        assert_eq!(normalise_header("\u{feff}Account_Name "), "account name");
        assert_eq!(normalise_header("Société"), "societe");
    }
}
