use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A group of stages that leads can enter but never leave towards a terminal stage.
    ///
    /// That is a cycle of handoffs (or a stage that hands leads back to itself) with no terminal stage
    /// in it and no handoff out of it. One finding per group, on its first stage in the file.
    ///
    /// ## Why it matters
    /// Leads caught in such a loop are passed back and forth between teams forever ("not ready
    /// yet", "send it back to nurture") and never become a deal or a closed file. Every loop
    /// needs a way out.
    ///
    /// ## Example
    /// ```ron
    /// handoffs: [
    ///     (id: "mql-to-hold", from: "mql", to: "hold", trigger: "Not ready"),
    ///     (id: "hold-to-requalify", from: "hold", to: "requalify", trigger: "After 30 days"),
    ///     (id: "requalify-to-hold", from: "requalify", to: "hold", trigger: "Still not ready"),
    /// ],
    /// ```
    /// Fix: the sales and marketing leads add a handoff out of the loop (here from `requalify` back to `mql`), or mark one of its stages `terminal: true`.
    STAGE_TRAP = Rule {
        name: "stage-trap",
        severity: Error,
        check: check,
        field: Some("entry"),
        fixed_by: ItemTeam,
        tag: "trap",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let stages = &ctx.plan.stages;
    for group in ctx.flow().traps(ctx.plan) {
        let Some(&first) = group.first() else {
            continue;
        };
        let names: Vec<String> = group
            .iter()
            .map(|&i| ctx.item_name(Section::Stages, i))
            .collect();
        let how = if group.len() == 1 {
            "only go back to the same stage"
        } else {
            "go round between these stages"
        };
        out.item(
            Section::Stages,
            first,
            &stages[first].id,
            format!(
                "Leads in {} {how} and never reach a terminal stage: the sales and marketing leads should add \
                 a handoff out of the loop or mark one of its stages terminal",
                join_and(&names)
            ),
        );
    }
}
