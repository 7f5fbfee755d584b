//! What the plan can be exported as: [`ExportFormat`], with the names, extensions and file
//! names the workbench's menus and save dialogs give each kind.

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// An RFC 5545 calendar of the active meetings.
    Calendar,
    /// CRM-ready CSV of the accounts.
    AccountsCsv,
    /// CRM-ready CSV of the meetings.
    MeetingsCsv,
    /// CRM-ready CSV of the lead handoffs.
    HandoffsCsv,
    /// CRM-ready CSV of the leads (format 2).
    LeadsCsv,
    /// The brief for leadership, as Markdown.
    BriefMarkdown,
    /// The brief for leadership, as one printable HTML page.
    BriefHtml,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Calendar,
        ExportFormat::AccountsCsv,
        ExportFormat::MeetingsCsv,
        ExportFormat::HandoffsCsv,
        ExportFormat::LeadsCsv,
        ExportFormat::BriefMarkdown,
        ExportFormat::BriefHtml,
    ];

    /// Its name in the dialog.
    pub fn title(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "Calendar (.ics)",
            ExportFormat::AccountsCsv => "Accounts (CSV)",
            ExportFormat::MeetingsCsv => "Meetings (CSV)",
            ExportFormat::HandoffsCsv => "Handoffs (CSV)",
            ExportFormat::LeadsCsv => "Leads (CSV)",
            ExportFormat::BriefMarkdown => "Brief (Markdown)",
            ExportFormat::BriefHtml => "Brief (HTML)",
        }
    }

    /// What the menus and the palette call exporting it.
    pub fn action(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "Export calendar (.ics)…",
            ExportFormat::AccountsCsv => "Export accounts as CSV…",
            ExportFormat::MeetingsCsv => "Export meetings as CSV…",
            ExportFormat::HandoffsCsv => "Export handoffs as CSV…",
            ExportFormat::LeadsCsv => "Export leads as CSV…",
            ExportFormat::BriefMarkdown => "Export brief as Markdown…",
            ExportFormat::BriefHtml => "Export brief as HTML…",
        }
    }

    /// The extension its files take.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "ics",
            ExportFormat::AccountsCsv
            | ExportFormat::MeetingsCsv
            | ExportFormat::HandoffsCsv
            | ExportFormat::LeadsCsv => "csv",
            ExportFormat::BriefMarkdown => "md",
            ExportFormat::BriefHtml => "html",
        }
    }

    /// The extensions a save dialog offers.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            ExportFormat::Calendar => &["ics"],
            ExportFormat::AccountsCsv
            | ExportFormat::MeetingsCsv
            | ExportFormat::HandoffsCsv
            | ExportFormat::LeadsCsv => &["csv"],
            ExportFormat::BriefMarkdown => &["md", "markdown"],
            ExportFormat::BriefHtml => &["html", "htm"],
        }
    }

    /// The file type a save dialog names.
    pub fn file_type(self) -> &'static str {
        match self {
            ExportFormat::Calendar => "Calendar",
            ExportFormat::AccountsCsv
            | ExportFormat::MeetingsCsv
            | ExportFormat::HandoffsCsv
            | ExportFormat::LeadsCsv => "CSV",
            ExportFormat::BriefMarkdown => "Markdown",
            ExportFormat::BriefHtml => "HTML page",
        }
    }

    /// The end of a suggested file name: `.ics`, `-accounts.csv`, `-brief.md`.
    pub fn suffix(self) -> &'static str {
        match self {
            ExportFormat::Calendar => ".ics",
            ExportFormat::AccountsCsv => "-accounts.csv",
            ExportFormat::MeetingsCsv => "-meetings.csv",
            ExportFormat::HandoffsCsv => "-handoffs.csv",
            ExportFormat::LeadsCsv => "-leads.csv",
            ExportFormat::BriefMarkdown => "-brief.md",
            ExportFormat::BriefHtml => "-brief.html",
        }
    }
}
