use crate::check::rules::prelude::*;
use crate::analysis::flow;

rule! {
    /// ## What it finds
    /// A stage that is not `terminal` and that no handoff leaves: leads reach it and stop there.
    ///
    /// ## Why it matters
    /// Every lead stage except the last ones is a waiting room: someone has to move the lead on.
    /// A stage with no way out is where leads from the show pile up, untouched, until they are too
    /// old to call.
    ///
    /// ## Example
    /// ```ron
    /// stages: [(id: "sal", name: "Sales-accepted lead", team: Sales)],   // not terminal
    /// handoffs: [],                                                       // and nothing leaves it
    /// ```
    /// Fix: the team that works the stage (here Sales) adds a handoff onward, or marks the stage `terminal: true` if leads may rest there.
    STAGE_DEAD_END = Rule {
        name: "stage-dead-end",
        severity: Error,
        check: check,
        field: Some("entry"),
        fixed_by: ItemTeam,
        tag: "dead end",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for i in flow::dead_ends(ctx.plan) {
        let Some(s) = ctx.plan.stages.get(i) else {
            continue;
        };
        out.item(
            Section::Stages,
            i,
            &s.id,
            format!(
                "Leads stop at {}, which is not terminal and has no handoff out: {} should add a handoff to \
                 the next stage or mark it terminal",
                ctx.item_name(Section::Stages, i),
                team_phrase(s.team)
            ),
        );
    }
}

/// The team that works a stage, as the one who fixes it.
fn team_phrase(team: Team) -> &'static str {
    match team {
        Team::Sales => "sales",
        Team::Marketing => "marketing",
        Team::Leadership => "leadership",
    }
}
