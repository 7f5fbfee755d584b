use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A lead that took a handoff later than the handoff's `sla_hours`: one finding per lead and
    /// handoff, on the lead.
    ///
    /// A lead took the handoff from stage A to stage B when B is the stage it reached right
    /// after A, ordering its `reached` entries by time. Its hours are the time between the two
    /// (90 minutes is 1.5 hours); exactly the SLA is still within it. A handoff with no
    /// `sla_hours` is never late.
    ///
    /// ## Why it matters
    /// The SLA is what sales promised marketing before the show: every lead called within a day.
    /// A lead that waited longer went cold, and the promise only means something if both teams
    /// see where it was broken and why. These are the numbers teams compare with their CRM.
    ///
    /// ## Example
    /// ```ron
    /// handoffs: [(id: "mql-to-sal", from: "mql", to: "sal", owner: "ana", sla_hours: 24, ...)],
    /// leads: [(id: "jana-novak", name: "Jana Novak", captured: "2027-04-13T11:20",
    ///          reached: [(stage: "mql", at: "2027-04-13T15:00"),
    ///                    (stage: "sal", at: "2027-04-14T21:00")])],   // 30 hours
    /// ```
    /// Fix: Ana, who owns the handoff, finds out what held Jana Novak up (a full inbox, leads
    /// routed to someone on holiday) and agrees with marketing how to keep it from happening again.
    LEAD_SLA_MISSED = Rule {
        name: "lead-sla-missed",
        severity: Warning,
        check: check,
        field: Some("reached"),
        fixed_by: BothTeams,
        tag: "late handoff",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    if plan.leads.is_empty() {
        return;
    }
    let results = ctx.results();
    // Every late move as (lead, handoff, hours): by lead, then handoff, the earliest first.
    let mut late: Vec<(usize, usize, f64)> = results
        .handoffs
        .iter()
        .enumerate()
        .flat_map(|(h, r)| r.late_leads().map(move |t| (t.lead, h, t.hours)))
        .collect();
    // Stable: a lead that took the same handoff late twice keeps its first time first.
    late.sort_by_key(|&(lead, handoff, _)| (lead, handoff));
    late.dedup_by_key(|&mut (lead, handoff, _)| (lead, handoff));
    // What the messages say of each handoff, worked out once: its label, its SLA, who acts.
    let said: Vec<Option<(String, String, String)>> = plan
        .handoffs
        .iter()
        .map(|handoff| {
            let sla = handoff.sla_hours?;
            let who = match handoff.owner.as_deref().and_then(|o| ctx.person(o)) {
                Some(p) => format!("{}, who owns the handoff,", ctx.person_name(&p.id)),
                None => editor(Section::Handoffs).to_owned(),
            };
            Some((ctx.handoff_label(handoff), hours(sla as f64), who))
        })
        .collect();
    for (lead, h, took) in late {
        let (Some(l), Some(Some((label, sla, who)))) = (plan.leads.get(lead), said.get(h)) else {
            continue;
        };
        // Two days and more are easier to read as days too.
        let waited = if took >= 48.0 {
            format!(
                "{} ({} days)",
                hours(took),
                crate::model::human::number(took / 24.0, 1)
            )
        } else {
            hours(took)
        };
        out.item(
            Section::Leads,
            lead,
            &l.id,
            sentence(format!(
                "{} waited {waited} for the {label}, whose SLA is {sla}: {who} should find out \
                 what held the lead up",
                ctx.item_name(Section::Leads, lead),
            )),
        );
    }
}
