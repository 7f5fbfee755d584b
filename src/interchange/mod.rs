//! What crosses to other tools: CRM exports read in ([`import`]) and calendars, CRM-ready CSV
//! and briefs written out ([`export`]). Pure functions of a plan and text, shared by the command
//! line and the workbench.

pub mod export;
pub mod import;
