use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A handoff with no `sla_hours`: no agreed time within which the receiving team follows up.
    ///
    /// ## Why it matters
    /// A lead from a show is warm for a few days. Without an agreed follow-up time, "we'll call
    /// them" becomes next week, and the visitor has already heard from a competitor who was at the
    /// same show.
    ///
    /// ## Example
    /// ```ron
    /// (id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified lead", owner: "ana"),   // no sla_hours
    /// ```
    /// Fix: the team that receives the leads commits to a follow-up time, `sla_hours: 24`.
    HANDOFF_WITHOUT_SLA = Rule {
        name: "handoff-without-sla",
        severity: Error,
        check: check,
        field: Some("sla_hours"),
        fixed_by: ItemTeam,
        tag: "no SLA",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, h) in ctx.plan.handoffs.iter().enumerate() {
        if h.sla_hours.is_none() {
            let who = match ctx.stage_team(&h.to) {
                Some(team) => format!("{team}, the team that receives the leads,"),
                None => "the team that receives the leads".to_owned(),
            };
            out.item(
                Section::Handoffs,
                i,
                &h.id,
                format!(
                    "The {} has no follow-up time (sla_hours): {who} should commit to how many hours follow-up \
                     may take",
                    ctx.handoff_label(h)
                ),
            );
        }
    }
}
