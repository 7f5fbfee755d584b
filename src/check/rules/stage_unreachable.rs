use super::prelude::*;
use petgraph::visit::Dfs;

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
    let flow = ctx.flow();
    let stages = &ctx.plan.stages;
    let entries: Vec<_> = stages
        .iter()
        .zip(&flow.node_of_stage)
        .filter_map(|(s, node)| node.filter(|_| s.entry))
        .collect();
    if entries.is_empty() {
        return;
    }
    let mut dfs = Dfs::empty(&flow.graph);
    for entry in entries {
        dfs.move_to(entry);
        while dfs.next(&flow.graph).is_some() {}
    }
    for (i, (s, node)) in stages.iter().zip(&flow.node_of_stage).enumerate() {
        if let Some(node) = node
            && !dfs.discovered.contains(node.index())
        {
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
}
