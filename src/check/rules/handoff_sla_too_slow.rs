use crate::check::rules::prelude::*;
use crate::analysis::flow;

rule! {
    /// ## What it finds
    /// A handoff from a Marketing stage into a Sales stage whose `sla_hours` is more than 48.
    ///
    /// ## Why it matters
    /// A visitor who talked to the booth on Tuesday expects a call that week. After two days the
    /// lead goes cold: the visitor has forgotten the conversation, or heard from a competitor who
    /// was at the same show and called first.
    ///
    /// ## Example
    /// ```ron
    /// (id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified lead", owner: "ana", sla_hours: 72),
    /// ```
    /// Fix: the sales lead commits to following up within 48 hours, `sla_hours: 48`, and both teams sign off again.
    HANDOFF_SLA_TOO_SLOW = Rule {
        name: "handoff-sla-too-slow",
        severity: Warning,
        check: check,
        field: Some("sla_hours"),
        fixed_by: ItemTeam,
        tag: "SLA too slow",
    }
}

/// The most hours a show lead may wait for sales.
const MAX_HOURS: i64 = flow::SALES_FOLLOW_UP_HOURS;

fn check(ctx: &Context, out: &mut Sink) {
    for (i, h) in ctx.plan.handoffs.iter().enumerate() {
        let Some(hours) = h.sla_hours.filter(|&h| h > MAX_HOURS) else {
            continue;
        };
        if flow::hands_to_sales(h, |id| ctx.stage_team(id)) {
            out.item(
                Section::Handoffs,
                i,
                &h.id,
                format!(
                    "The {} gives sales {hours} hours to follow up, more than {MAX_HOURS}, and the lead goes cold \
                     before the call: the sales lead should commit to {MAX_HOURS} hours or less",
                    ctx.handoff_label(h)
                ),
            );
        }
    }
}
