use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A handoff into a stage of another team with no current sign-off by a person of the receiving
    /// stage's team.
    ///
    /// (Handoffs within one team, or to or from a stage that does not exist, are left out.)
    ///
    /// ## Why it matters
    /// A handoff is a promise by the team that receives the leads: "send us these, and we will
    /// call them within this time". When only the sending team signed it, the receiving team
    /// never made that promise, and the leads arrive at a desk that does not expect them.
    ///
    /// ## Example
    /// ```ron
    /// (id: "mql-to-sal", from: "mql", to: "sal", trigger: "Qualified lead", owner: "mo", sla_hours: 24,
    ///  signoffs: [(by: "mo", on: "2027-01-22")]),   // sal is a Sales stage; no Sales sign-off
    /// ```
    /// Fix: the owner asks a person of the receiving team (here Sales) to accept the handoff and sign off.
    HANDOFF_NOT_ACCEPTED = Rule {
        name: "handoff-not-accepted",
        severity: Warning,
        check: check,
        field: Some("signoffs"),
        fixed_by: ItemTeam,
        tag: "not accepted",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, h) in ctx.plan.handoffs.iter().enumerate() {
        let (Some(from), Some(to)) = (ctx.stage_team(&h.from), ctx.stage_team(&h.to)) else {
            continue;
        };
        if from != to && !ctx.agreeing_teams(h).contains(&to) {
            out.item(
                Section::Handoffs,
                i,
                &h.id,
                format!(
                    "The {} is not signed off by {to}, the team that receives the leads: the handoff's owner \
                     should ask a {to} person to accept it and sign off",
                    ctx.handoff_label(h)
                ),
            );
        }
    }
}
