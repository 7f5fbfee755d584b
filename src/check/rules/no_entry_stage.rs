use crate::check::rules::prelude::*;
use crate::analysis::flow;

rule! {
    /// ## What it finds
    /// A plan with lead `stages` of which none is marked `entry: true`.
    ///
    /// ## Why it matters
    /// The entry stage is where a booth visitor becomes a lead: the badge scan, the business card,
    /// the demo sign-up. Without one, nobody knows where new leads go on day one, and the rest of
    /// the lead flow cannot be checked for stages leads never reach.
    ///
    /// ## Example
    /// ```ron
    /// stages: [
    ///     (id: "visit", name: "Booth visit", team: Marketing),   // entry: true missing
    ///     (id: "sal", name: "Sales-accepted lead", team: Sales, terminal: true),
    /// ],
    /// ```
    /// Fix: marketing marks the stage where booth leads start, `entry: true`.
    NO_ENTRY_STAGE = Rule {
        name: "no-entry-stage",
        severity: Error,
        check: check,
        field: Some("entry"),
        fixed_by: ItemTeam,
        tag: "no entry stage",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    if flow::lacks_entry_stage(ctx.plan) {
        out.section(
            Section::Stages,
            "No lead stage is marked as the entry: marketing should mark the stage where booth leads start \
             as the entry stage"
                .to_owned(),
        );
    }
}
