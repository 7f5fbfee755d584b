//! A one-page brief for leadership, in Markdown or self-contained HTML: the event, the results
//! once the plan holds the show's outcome (objectives against targets, handoffs against their
//! SLAs, accounts met, meetings held and missed, leads), objectives and targets (agreed or not), tier-1 accounts and their meetings, the agreed messages with their
//! proof, the handoffs with their SLAs and owners, and the open gaps by team.
//!
//! The brief is built once as a small document ([`Doc`]) and rendered twice, so both formats say
//! the same. All plan text is escaped for the format it goes into. The open gaps come from
//! [`crate::check::check`] and are attributed to teams and people exactly as the readiness board
//! does it ([`crate::readiness::who_owes`]).
//!
//! The files: `doc` (the document's parts), `document` (what each section says), `markdown` and
//! `html` (the two renderings).

mod doc;
mod document;
mod html;
mod markdown;

pub use doc::{Block, Doc, Item, Section};
pub use document::document;
pub use html::{escape_html, html, render_html};
pub use markdown::{escape_markdown, markdown, render_markdown};
