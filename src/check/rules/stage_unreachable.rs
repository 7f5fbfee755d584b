use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A stage that no path of handoffs reaches from an entry stage.
    ///
    /// (Entry stages are reached by definition; when no stage is an entry, `no-entry-stage` reports
    /// that instead.)
    ///
    /// ## Why it matters
    /// A stage leads never get to is either left over from an older plan, or it is where a team
    /// expects leads that will never arrive: sales waits for opportunities the flow cannot
    /// produce, while the leads go somewhere else.
    ///
    /// ## Example
    /// ```ron
    /// stages: [
    ///     (id: "visit", name: "Booth visit", team: Marketing, entry: true),
    ///     (id: "opportunity", name: "Opportunity", team: Sales, terminal: true),
    /// ],
    /// handoffs: [],   // nothing leads from the booth visit to the opportunity
    /// ```
    /// Fix: the sales and marketing leads add the handoff that leads into the stage, or remove it.
    STAGE_UNREACHABLE = Rule {
        name: "stage-unreachable",
        severity: Warning,
        check: check,
        field: Some("entry"),
        fixed_by: ItemTeam,
        tag: "unreachable",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for i in ctx.flow().unreachable(ctx.plan) {
        let Some(s) = ctx.plan.stages.get(i) else {
            continue;
        };
        out.item(
            Section::Stages,
            i,
            &s.id,
            format!(
                "No handoff path leads from an entry stage to {}: the sales and marketing leads should add \
                 a handoff into it or remove the stage",
                ctx.item_name(Section::Stages, i)
            ),
        );
    }
}
