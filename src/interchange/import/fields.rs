//! What a CSV file holds ([`Kind`]) and the fields of the plan its columns can fill ([`Field`]),
//! with the names `--map COLUMN=FIELD` uses for them.

use std::fmt;

/// A field of the plan that a CSV column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The item's id in the plan (used to match; new items get an id made from the name).
    Id,
    /// An account's name.
    Name,
    /// The sales owner: a person's name, id or email.
    Owner,
    /// The sales owner's email.
    OwnerEmail,
    /// The marketing owner: a person's name, id or email.
    MarketingOwner,
    /// The marketing owner's email.
    MarketingOwnerEmail,
    /// An account's tier: Hot/Warm/Cold, A/B/C or 1/2/3.
    Tier,
    /// An account's segment (an industry).
    Segment,
    /// An account's notes.
    Notes,
    /// An account's record id in the CRM (a Salesforce Account ID, a HubSpot Record ID).
    CrmId,
    /// A meeting's account: its name or id.
    Account,
    /// A meeting's start: a date and time (or a time, with a date column).
    Start,
    /// A meeting's day (with a time column, or a start column that holds only a time).
    Date,
    /// A meeting's start time (with a date column).
    Time,
    /// A meeting's length: `30`, `30 min`, `1h`, `1:30`.
    Minutes,
    /// A meeting's end: a time, or a date and time (used when there is no length).
    End,
    /// A meeting's room or place.
    Location,
    /// Who attends: emails, ids or names, separated by `;` (or by `,` when there is no `;`).
    Attendees,
    /// A meeting's status.
    Status,
    /// A meeting's goal or subject.
    Goal,
    /// A lead's first name (joined with the last name when there is no full name).
    FirstName,
    /// A lead's last name.
    LastName,
    /// The company a lead gave, as written.
    Company,
    /// The CRM record id of a lead's account (HubSpot's Associated Company ID, Salesforce's
    /// Converted Account ID): matched against the accounts' `crm_id`.
    AccountCrmId,
    /// When a lead was captured (its record's create date).
    Created,
    /// A lead's current stage in the CRM: a HubSpot lifecycle stage, a Salesforce lead status.
    CrmStage,
    /// When a Salesforce lead was converted: the time its (converted) status was entered.
    Converted,
    /// The time a lead entered one CRM stage (a column per stage, recognised by its header:
    /// `Became a … Date`, `Date entered '…'`, or named with `--map "COLUMN=stage:ID"`). Never
    /// named in `--map COLUMN=FIELD` itself: a time needs its stage.
    Reached,
    /// A column to leave out.
    Ignore,
}

/// What a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Accounts (companies).
    Accounts,
    /// Meetings (events, activities).
    Meetings,
    /// Leads (HubSpot contacts, Salesforce leads).
    Leads,
}

impl Kind {
    /// The plan section's name: `accounts` or `meetings`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Accounts => "accounts",
            Kind::Meetings => "meetings",
            Kind::Leads => "leads",
        }
    }

    /// The fields a column can fill for this kind, in the order columns are recognised.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Accounts => &[
                Field::Id,
                Field::Name,
                Field::OwnerEmail,
                Field::Owner,
                Field::MarketingOwnerEmail,
                Field::MarketingOwner,
                Field::Tier,
                Field::Segment,
                Field::Notes,
                Field::CrmId,
                Field::Ignore,
            ],
            Kind::Meetings => &[
                Field::Id,
                Field::Account,
                Field::Start,
                Field::Date,
                Field::Time,
                Field::Minutes,
                Field::End,
                Field::Location,
                Field::Attendees,
                Field::Status,
                Field::Goal,
                Field::Ignore,
            ],
            Kind::Leads => &[
                Field::Id,
                Field::CrmId,
                Field::FirstName,
                Field::LastName,
                Field::Name,
                Field::Company,
                Field::AccountCrmId,
                Field::Account,
                Field::OwnerEmail,
                Field::Owner,
                Field::Created,
                Field::CrmStage,
                Field::Converted,
                Field::Ignore,
            ],
        }
    }

    /// One item of this kind, in words: `account` or `meeting`.
    pub(super) fn item(self) -> &'static str {
        match self {
            Kind::Accounts => "account",
            Kind::Meetings => "meeting",
            Kind::Leads => "lead",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Field {
    /// Every field `--map COLUMN=FIELD` can name (all but [`Field::Reached`]).
    pub const ALL: [Field; 28] = [
        Field::Id,
        Field::Name,
        Field::Owner,
        Field::OwnerEmail,
        Field::MarketingOwner,
        Field::MarketingOwnerEmail,
        Field::Tier,
        Field::Segment,
        Field::Notes,
        Field::CrmId,
        Field::Account,
        Field::Start,
        Field::Date,
        Field::Time,
        Field::Minutes,
        Field::End,
        Field::Location,
        Field::Attendees,
        Field::Status,
        Field::Goal,
        Field::FirstName,
        Field::LastName,
        Field::Company,
        Field::AccountCrmId,
        Field::Created,
        Field::CrmStage,
        Field::Converted,
        Field::Ignore,
    ];

    /// The name used in `--map COLUMN=FIELD`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Name => "name",
            Field::Owner => "owner",
            Field::OwnerEmail => "owner_email",
            Field::MarketingOwner => "marketing_owner",
            Field::MarketingOwnerEmail => "marketing_owner_email",
            Field::Tier => "tier",
            Field::Segment => "segment",
            Field::Notes => "notes",
            Field::CrmId => "crm_id",
            Field::Account => "account",
            Field::Start => "start",
            Field::Date => "date",
            Field::Time => "time",
            Field::Minutes => "minutes",
            Field::End => "end",
            Field::Location => "location",
            Field::Attendees => "attendees",
            Field::Status => "status",
            Field::Goal => "goal",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Company => "company",
            Field::AccountCrmId => "account_crm_id",
            Field::Created => "captured",
            Field::CrmStage => "crm_stage",
            Field::Converted => "converted",
            Field::Reached => "reached",
            Field::Ignore => "ignore",
        }
    }

    /// The field named `key` (`owner_email`, `owner-email` and `owner email` alike).
    pub fn from_key(key: &str) -> Option<Field> {
        let key = key.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}
