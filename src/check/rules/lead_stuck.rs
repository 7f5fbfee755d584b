use crate::check::maps::{HashMap, HashMapExt};
use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A lead stuck at a stage: the last stage it reached has handoffs out of it, and the largest
    /// `sla_hours` of those handoffs ran out before today.
    ///
    /// Today is a day: a lead whose follow-up was due on 14 April is stuck from 15 April. The
    /// finding is on the lead and names the stage, when the lead was due to move on, and the
    /// owners of the handoffs out of the stage.
    ///
    /// ## Why it matters
    /// A lead that sits at a stage past every deadline out of it is a lead nobody is working:
    /// marketing thinks sales has it, sales never saw it. After a show there are hundreds of
    /// them, and the ones nobody chases are the ones the show paid for and lost.
    ///
    /// ## Example
    /// ```ron
    /// handoffs: [(id: "mql-to-sal", from: "mql", to: "sal", owner: "ana", sla_hours: 24, ...)],
    /// leads: [(id: "jana-novak", name: "Jana Novak", captured: "2027-04-13T11:20",
    ///          reached: [(stage: "mql", at: "2027-04-13T15:00")])],   // checked on 2027-04-20
    /// ```
    /// Fix: Ana, who owns the handoff out of the stage, follows Jana Novak up, or records the
    /// stage the lead moved to.
    LEAD_STUCK = Rule {
        name: "lead-stuck",
        severity: Warning,
        check: check,
        field: Some("reached"),
        fixed_by: BothTeams,
        tag: "stuck",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    if plan.leads.is_empty() {
        return;
    }
    let results = ctx.results();
    // The name of each stage leads are stuck at and who should act, worked out once per stage.
    let mut said: HashMap<&str, (String, String)> = HashMap::new();
    for (i, (l, r)) in plan.leads.iter().zip(&results.leads).enumerate() {
        let (Some(since), Some(due)) = (r.since, r.due) else {
            continue;
        };
        // The stage's id: the stage found, or the entry the lead reached last, as written.
        let stage = match r.stuck_at.and_then(|s| plan.stages.get(s)) {
            Some(s) => s.id.as_str(),
            None => l
                .reached
                .iter()
                .rev()
                .find(|x| x.at == since)
                .map_or("", |x| x.stage.as_str()),
        };
        let (name, who) = said
            .entry(stage)
            .or_insert_with(|| (ctx.stage_name(stage), handoff_owners(ctx, stage)));
        out.item(
            Section::Leads,
            i,
            &l.id,
            sentence(format!(
                "{} has been at {} since {} and was due to move on by {}: {who} should follow the \
                 lead up, or record the stage it moved to",
                ctx.item_name(Section::Leads, i),
                name,
                ctx.when(since),
                ctx.when(due)
            )),
        );
    }
}

/// Who acts for a lead stuck at `stage`: the owners of the handoffs out of it, by name, or the
/// sales and marketing leads when none of those handoffs names a known owner.
fn handoff_owners(ctx: &Context, stage: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    for h in ctx.plan.handoffs.iter().filter(|h| h.from == stage) {
        if let Some(p) = h.owner.as_deref().and_then(|o| ctx.person(o)) {
            let name = ctx.person_name(&p.id);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    match names.len() {
        0 => editor(Section::Handoffs).to_owned(),
        1 => format!("{}, who owns the handoff out of it,", join_and(&names)),
        _ => format!("{}, who own the handoffs out of it,", join_and(&names)),
    }
}
