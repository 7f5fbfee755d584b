use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A lead that reached a stage of the Sales team and has no `owner`.
    ///
    /// ## Why it matters
    /// Once a lead is in a Sales stage, marketing has let go of it: if no salesperson's name is
    /// on it, nobody calls. Leads without an owner are the ones both teams believe the other is
    /// working.
    ///
    /// ## Example
    /// ```ron
    /// (id: "jana-novak", name: "Jana Novak", captured: "2027-04-13T11:20",
    ///  reached: [(stage: "mql", at: "2027-04-13T15:00"), (stage: "sal", at: "2027-04-14T09:00")]),
    /// ```
    /// Fix: the sales lead gives the lead an owner, `owner: "raj"`; when the lead belongs to an
    /// account, its account owner takes it or hands it on.
    LEAD_WITHOUT_OWNER = Rule {
        name: "lead-without-owner",
        severity: Warning,
        check: check,
        field: Some("owner"),
        fixed_by: Sales,
        tag: "no owner",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    if plan.leads.is_empty() {
        return;
    }
    let results = ctx.results();
    for (i, (l, r)) in plan.leads.iter().zip(&results.leads).enumerate() {
        if !r.reached_sales || l.owner.is_some() {
            continue;
        }
        // The first Sales stage it reached (ties keep file order).
        let first = l
            .reached
            .iter()
            .filter(|x| ctx.stage_team(&x.stage) == Some(Team::Sales))
            .reduce(|a, b| if b.at < a.at { b } else { a });
        let Some(first) = first else {
            continue;
        };
        let account_owner = l
            .account
            .as_deref()
            .and_then(|a| ctx.account(a))
            .and_then(|a| plan.accounts.get(a))
            .and_then(|a| a.owner.as_deref().and_then(|o| ctx.person(o)).map(|p| (a, p)));
        let who = match account_owner {
            Some((a, p)) => format!(
                "{}, who owns {}, should take the lead or give it an owner",
                ctx.person_name(&p.id),
                ctx.account_name(&a.id)
            ),
            None => "the sales lead should give the lead an owner who follows it up".to_owned(),
        };
        out.item(
            Section::Leads,
            i,
            &l.id,
            sentence(format!(
                "{} reached {} on {} and has no owner: {who}",
                ctx.item_name(Section::Leads, i),
                ctx.stage_name(&first.stage),
                ctx.date(first.at.date())
            )),
        );
    }
}
