use crate::check::rules::prelude::*;
use crate::analysis::flow;

rule! {
    /// ## What it finds
    /// A plan with lead `stages` but no handoff that moves leads from a Marketing stage to a Sales
    /// stage.
    ///
    /// ## Why it matters
    /// The handoff from marketing to sales is the moment a show lead becomes someone's job to call.
    /// When it is not written down, marketing believes it passed the leads on and sales believes
    /// it never got any, and the leads from the show go cold in between.
    ///
    /// ## Example
    /// ```ron
    /// stages: [
    ///     (id: "mql", name: "Marketing-qualified lead", team: Marketing, entry: true),
    ///     (id: "sal", name: "Sales-accepted lead", team: Sales, terminal: true),
    /// ],
    /// handoffs: [],   // nothing moves leads from mql to sal
    /// ```
    /// Fix: the sales and marketing leads agree on the handoff point and add it, `(id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified lead", owner: "ana", sla_hours: 24)`.
    NO_SALES_HANDOFF = Rule {
        name: "no-sales-handoff",
        severity: Error,
        check: check,
        field: None,
        fixed_by: Sales,
        tag: "no handoff to Sales",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    if ctx.plan.stages.is_empty() {
        return;
    }
    let handed = ctx
        .plan
        .handoffs
        .iter()
        .any(|h| flow::hands_to_sales(h, |id| ctx.stage_team(id)));
    if !handed {
        out.section(
            Section::Handoffs,
            "No handoff moves leads from a Marketing stage to a Sales stage: the sales and marketing leads should \
             agree on the handoff point and add it"
                .to_owned(),
        );
    }
}
