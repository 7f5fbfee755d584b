//! The column headers that Salesforce, HubSpot and hand-made sheets use for each field, and how
//! a header is compared with them ([`normalise_header`]: case, accents and punctuation ignored).

use crate::interchange::import::fields::{Field, Kind};
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
    /// Headers recognised for this field in a file of `kind`, normalised (see
    /// [`normalise_header`]), best first.
    pub(super) fn synonyms(self, kind: Kind) -> &'static [&'static str] {
        if kind == Kind::Leads {
            match self {
                Field::CrmId => return LEAD_CRM_ID,
                Field::Name => return LEAD_NAME,
                Field::Account => return LEAD_ACCOUNT,
                Field::OwnerEmail => return LEAD_OWNER_EMAIL,
                Field::Owner => return LEAD_OWNER,
                _ => {}
            }
        }
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
            Field::FirstName => FIRST_NAME,
            Field::LastName => LAST_NAME,
            Field::Company => COMPANY,
            Field::AccountCrmId => ACCOUNT_CRM_ID,
            Field::Created => CREATED,
            Field::CrmStage => CRM_STAGE,
            Field::Converted => CONVERTED,
            Field::Reached | Field::Ignore => &[],
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

// Leads: HubSpot's contact export and Salesforce's lead export. A lead's email is recognised by
// no field: the plan keeps no email for a lead (it stays in the CRM).

const LEAD_CRM_ID: &[&str] = &[
    "record id",
    "lead id",
    "contact id",
    "crm id",
    "salesforce id",
    "hubspot id",
];

const LEAD_NAME: &[&str] = &["name", "full name", "lead name", "contact name", "contact"];

const FIRST_NAME: &[&str] = &["first name", "firstname", "given name"];

const LAST_NAME: &[&str] = &["last name", "lastname", "surname", "family name"];

const COMPANY: &[&str] = &[
    "company name",
    "company account",
    "company",
    "organization",
    "organisation",
];

const LEAD_ACCOUNT: &[&str] = &[
    "associated company",
    "associated company name",
    "primary associated company",
    "account name",
    "account",
    "converted account",
    "converted account name",
];

const ACCOUNT_CRM_ID: &[&str] = &[
    "associated company id",
    "primary associated company id",
    "associated company ids",
    "converted account id",
    "account id",
    "company id",
];

const LEAD_OWNER_EMAIL: &[&str] = &[
    "contact owner email",
    "lead owner email",
    "owner email",
    "contact owner e mail",
    "lead owner e mail",
];

const LEAD_OWNER: &[&str] = &[
    "contact owner",
    "lead owner",
    "hubspot owner",
    "owner",
    "owner name",
];

const CREATED: &[&str] = &[
    "create date",
    "created date",
    "created",
    "date created",
    "created at",
    "created on",
    "captured",
];

const CRM_STAGE: &[&str] = &["lifecycle stage", "lead status", "status", "stage"];

const CONVERTED: &[&str] = &["converted date", "date converted", "converted on"];

/// Whether a file with these headers is an export of people, not companies or meetings: a
/// HubSpot contact export or a Salesforce lead export (it has a first or last name, a lead
/// status, or a contact's or lead's owner or id).
pub fn is_lead_export(headers: &[String]) -> bool {
    const PEOPLE: &[&str] = &[
        "first name",
        "last name",
        "lead id",
        "lead status",
        "lead owner",
        "contact id",
        "contact owner",
    ];
    headers
        .iter()
        .any(|h| PEOPLE.contains(&normalise_header(h).as_str()))
}

/// The CRM stage whose entry time a lead export's column holds, when its header says so:
/// HubSpot's older `Became a Marketing Qualified Lead Date` and current
/// `Date entered 'Marketing Qualified Lead (Lifecycle Stage Pipeline)'` give
/// `Marketing Qualified Lead` (the pipeline in brackets dropped). `Date exited '…'` and every
/// other header give `None`.
pub(super) fn stage_in_header(header: &str) -> Option<String> {
    let header = header.trim().trim_start_matches('\u{feff}');
    let lower = header.to_lowercase();
    // Lowercasing keeps the length of the ASCII prefixes and suffixes sliced off here.
    let cut = |prefix: &str, suffix: &str| -> Option<String> {
        if lower.starts_with(prefix) && lower.ends_with(suffix) && lower.len() == header.len() {
            let inner = header.get(prefix.len()..header.len() - suffix.len())?;
            Some(inner.trim().to_owned()).filter(|s| !s.is_empty())
        } else {
            None
        }
    };
    if let Some(stage) = cut("became an ", " date").or_else(|| cut("became a ", " date")) {
        return Some(stage);
    }
    let rest = header.get("date entered".len()..)?;
    if !lower.starts_with("date entered") {
        return None;
    }
    let quotes: &[char] = &['\'', '"', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}'];
    let inner = rest
        .trim()
        .trim_start_matches(quotes)
        .trim_end_matches(quotes);
    // "Marketing Qualified Lead (Lifecycle Stage Pipeline)": the pipeline is not the stage.
    let inner = match inner.rfind('(') {
        Some(i) if inner.trim_end().ends_with(')') => &inner[..i],
        _ => inner,
    };
    Some(inner.trim().to_owned()).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_normalised() {
        assert_eq!(normalise_header("Duration (minutes)"), "duration minutes");
        assert_eq!(normalise_header("\u{feff}Account_Name "), "account name");
        assert_eq!(normalise_header("Société"), "societe");
    }

    #[test]
    fn stage_columns_name_their_stage() {
        let stage = |h: &str| stage_in_header(h);
        assert_eq!(
            stage("Became a Marketing Qualified Lead Date").as_deref(),
            Some("Marketing Qualified Lead")
        );
        assert_eq!(
            stage("Became an Opportunity Date").as_deref(),
            Some("Opportunity")
        );
        assert_eq!(
            stage("Date entered 'Sales Qualified Lead (Lifecycle Stage Pipeline)'").as_deref(),
            Some("Sales Qualified Lead")
        );
        assert_eq!(
            stage("Date entered \u{2018}Lead (Lifecycle Stage Pipeline)\u{2019}").as_deref(),
            Some("Lead")
        );
        assert_eq!(stage("Date exited 'Lead (Lifecycle Stage Pipeline)'"), None);
        assert_eq!(stage("Create Date"), None);
        assert_eq!(stage("Date entered"), None);
    }
}
