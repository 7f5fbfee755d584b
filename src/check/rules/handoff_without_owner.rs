use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A handoff with no `owner`: nobody is named to make sure it happens.
    ///
    /// ## Why it matters
    /// "Marketing passes qualified leads to sales" is a good rule and nobody's job. When the show
    /// ends and two hundred badge scans arrive, the handoff happens only if one person knows it is
    /// theirs to chase.
    ///
    /// ## Example
    /// ```ron
    /// (id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified lead", sla_hours: 24),   // no owner
    /// ```
    /// Fix: the sales and marketing leads name the person who makes sure it happens, `owner: "ana"`.
    HANDOFF_WITHOUT_OWNER = Rule {
        name: "handoff-without-owner",
        severity: Error,
        check: check,
        field: Some("owner"),
        fixed_by: ItemTeam,
        tag: "no owner",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, h) in ctx.plan.handoffs.iter().enumerate() {
        if h.owner.as_deref().is_none_or(str::is_empty) {
            out.item(
                Section::Handoffs,
                i,
                &h.id,
                format!(
                    "The {} has no owner: the sales and marketing leads should name the person who makes sure \
                     it happens",
                    ctx.handoff_label(h)
                ),
            );
        }
    }
}
