//! What the message map's tooltips say (and screen readers read): columns, headlines, cells,
//! the columns no message covers and the accounts no message reaches.

use crate::analysis::agreement::Agreement;
use crate::analysis::coverage::{Cover, MapColumn, cover};
use crate::app::boards::message_map::look::plural;
use crate::app::boards::message_map::state::Summary;
use crate::model::{Account, Message, Plan};

/// What Sales' agreement means, in a sentence.
fn explain(a: Agreement) -> &'static str {
    match a {
        Agreement::Agreed => "Agreed: a Sales person signed off on this text.",
        Agreement::Stale => {
            "Stale: a Sales person signed off, but the headline, body or proof changed since."
        }
        Agreement::NotAgreed => "Not agreed: no Sales person has signed off yet.",
    }
}

/// A column header's accessible name and its tooltip.
pub(super) fn header_text(
    plan: &Plan,
    summary: &Summary,
    c: usize,
    col: &MapColumn,
) -> (String, String) {
    let name = col.name(plan);
    match col {
        MapColumn::Segment(_) => {
            let n = summary.coverage.accounts_in.get(c).copied().unwrap_or(0);
            (
                format!("Segment {name}"),
                format!("Segment: {name}\n{n} {} in it", plural("account", n)),
            )
        }
        MapColumn::Account(i) => {
            let segment = plan.accounts.get(*i).and_then(|a| a.segment.as_deref());
            (
                name.to_owned(),
                format!(
                    "{name}\nTier 1 · {}\nClick to open the account.",
                    segment.unwrap_or("no segment")
                ),
            )
        }
    }
}

/// What a headline's tooltip (and screen readers) say: author, segments, and Sales' agreement.
pub(super) fn headline_tip(plan: &Plan, msg: &Message, ag: Agreement) -> String {
    let author = msg
        .author
        .as_deref()
        .map_or("nobody", |a| plan.person(a).map_or(a, |p| p.name.as_str()));
    let segments = if msg.segments.is_empty() {
        "no segment".to_owned()
    } else {
        msg.segments.join(", ")
    };
    format!(
        "{}\nBy {author} · for {segments}\n{}\nClick to open the message.",
        msg.headline,
        explain(ag)
    )
}

/// The tooltip of a message's cell: how the message covers the column, and what a click does
/// (with `edit`, change the plan; without, open the item).
pub(super) fn cell_tip(plan: &Plan, msg: &Message, col: &MapColumn, edit: bool) -> String {
    let how = cover(plan, msg, col);
    let name = col.name(plan);
    let what = match (col, how) {
        (MapColumn::Segment(_), Cover::Listed) => {
            format!("“{}” lists the segment {name}.", msg.headline)
        }
        (MapColumn::Segment(_), _) => {
            format!("“{}” does not list the segment {name}.", msg.headline)
        }
        (MapColumn::Account(_), Cover::Listed) => format!("{name} lists “{}”.", msg.headline),
        (MapColumn::Account(_), Cover::ViaSegment) => format!(
            "“{}” is for {name}'s segment, but {name} has not chosen it.",
            msg.headline
        ),
        (MapColumn::Account(_), Cover::No) => {
            format!("“{}” does not cover {name}.", msg.headline)
        }
    };
    let action = match (edit, col) {
        (true, MapColumn::Segment(_)) if how == Cover::Listed => {
            "Click to remove the segment from the message."
        }
        (true, MapColumn::Segment(_)) => "Click to add the segment to the message.",
        (true, MapColumn::Account(_)) if how == Cover::Listed => {
            "Click to remove the message from the account."
        }
        (true, MapColumn::Account(_)) => "Click to add the message to the account.",
        (false, MapColumn::Segment(_)) => "Click to open the message.",
        (false, MapColumn::Account(_)) => "Click to open the account.",
    };
    format!("{what}\n{action}")
}

/// The tooltip of a column no message covers, named `name`.
pub(super) fn gap_tip(col: &MapColumn, name: &str) -> String {
    match col {
        MapColumn::Segment(_) => format!("No message lists the segment {name}."),
        MapColumn::Account(_) => format!(
            "No message covers {name}: it lists none and none is for its segment.\nClick to open the account."
        ),
    }
}

/// The tooltip of an account no message covers.
pub(super) fn uncovered_tip(a: &Account) -> String {
    format!(
        "{}\nTier {} · {}\nClick to open the account and choose its messages.",
        a.name,
        a.tier,
        a.segment.as_deref().unwrap_or("no segment")
    )
}
