use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An objective with no `target`: a goal without a number.
    ///
    /// ## Why it matters
    /// "More pipeline" cannot be missed, so it cannot be met either. A number gives marketing a
    /// lead volume to plan for and sales a meeting count to book against, and it lets both teams
    /// see after the show whether it worked.
    ///
    /// ## Example
    /// ```ron
    /// (id: "pipeline", name: "Sourced pipeline", unit: "EUR"),   // no target
    /// ```
    /// Fix: the sales and marketing leads agree on the number, `target: 1200000.0`.
    OBJECTIVE_WITHOUT_TARGET = Rule {
        name: "objective-without-target",
        severity: Warning,
        check: check,
        field: Some("target"),
        fixed_by: BothTeams,
        tag: "no target",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, o) in ctx.plan.objectives.iter().enumerate() {
        if o.target.is_none() {
            out.item(
                Section::Objectives,
                i,
                &o.id,
                sentence(format!(
                    "{} has no target: the sales and marketing leads should agree on the number to reach",
                    ctx.item_name(Section::Objectives, i)
                )),
            );
        }
    }
}
