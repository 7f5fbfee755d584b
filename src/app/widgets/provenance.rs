//! The provenance badge of a sign-off: verified (with its commit and author), recorded by
//! someone else, by an unknown author, or not committed yet. Shown on the Sign-offs board and
//! beside each sign-off in the item editors.

use crate::analysis::provenance::{Provenance, ProvenanceKind};
use crate::app::widgets::palette;
use egui::{Color32, Response, Ui};

/// What a badge says, worked out once and drawn as often as needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// Its kind, to filter by.
    pub kind: ProvenanceKind,
    /// The short text, for a list of everyone's sign-offs.
    pub text: String,
    /// Shorter, beside a sign-off that already names its signer.
    pub compact: String,
    /// What the hover text explains.
    pub hover: String,
}

impl Badge {
    /// The badge of a sign-off by `signer` (a name) with `provenance`; `name_of` gives a person's
    /// name by id.
    pub fn new(
        provenance: &Provenance<'_>,
        signer: &str,
        name_of: impl Fn(&str) -> String,
    ) -> Badge {
        let kind = provenance.kind();
        let (text, hover) = match provenance {
            Provenance::Verified(c) => (
                format!("✔ verified, {} by {signer}", c.short),
                format!(
                    "Given by {signer}: the commit that recorded it, {}, is theirs ({} <{}>).",
                    c.short, c.name, c.email
                ),
            ),
            Provenance::BeforeHistory => (
                "✔ older than this clone".to_owned(),
                "The plan already had it in the oldest commit of this shallow clone; it is \
                 trusted as older than the history at hand."
                    .to_owned(),
            ),
            Provenance::RecordedBy { recorder, commit } => {
                let recorder = name_of(recorder);
                (
                    format!("⚠ recorded by {recorder}"),
                    format!(
                        "{recorder} committed it in {signer}'s name ({}). It counts as given by \
                         {signer} only once {signer} signs off in a commit of their own.",
                        commit.short
                    ),
                )
            }
            Provenance::UnknownAuthor(c) => (
                "⚠ unknown author".to_owned(),
                format!(
                    "Committed by {} <{}> ({}), whose email is not in the plan, so it cannot \
                     count as given by {signer}.",
                    c.name, c.email, c.short
                ),
            ),
            Provenance::NotCommitted => (
                "○ not committed yet".to_owned(),
                format!(
                    "No commit has it yet. It will count as given by {signer} when {signer} \
                     commits it from their own git account."
                ),
            ),
        };
        let compact = match provenance {
            Provenance::Verified(c) => format!("✔ verified, {}", c.short),
            _ => text.clone(),
        };
        Badge {
            kind,
            text,
            compact,
            hover,
        }
    }

    /// The colour of its kind.
    pub fn color(&self) -> Color32 {
        match self.kind {
            ProvenanceKind::Verified => palette::ok(),
            ProvenanceKind::NotCommitted => palette::info(),
            ProvenanceKind::RecordedBy | ProvenanceKind::UnknownAuthor => palette::warning(),
        }
    }
}

/// The name of a kind of provenance, for filters.
pub fn kind_label(kind: ProvenanceKind) -> &'static str {
    match kind {
        ProvenanceKind::Verified => "Verified",
        ProvenanceKind::RecordedBy => "Recorded by someone else",
        ProvenanceKind::UnknownAuthor => "Unknown author",
        ProvenanceKind::NotCommitted => "Not committed",
    }
}

/// Draws `badge`, its explanation on hover.
pub fn badge_ui(ui: &mut Ui, badge: &Badge) -> Response {
    ui.colored_label(badge.color(), &badge.text)
        .on_hover_text(&badge.hover)
}

/// Draws `badge` in its compact form, its explanation on hover.
pub fn compact_badge_ui(ui: &mut Ui, badge: &Badge) -> Response {
    ui.colored_label(badge.color(), &badge.compact)
        .on_hover_text(&badge.hover)
}
