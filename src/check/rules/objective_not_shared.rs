use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An objective without current sign-offs from both teams.
    ///
    /// Both teams means at least one sign-off by a Sales person and one by a Marketing person. A
    /// sign-off given before the objective changed does not count.
    ///
    /// ## Why it matters
    /// An objective only one team agreed to is that team's objective. When the show is over, the
    /// other team will measure it differently, and the argument about whether the show paid off
    /// starts again.
    ///
    /// ## Example
    /// ```ron
    /// (id: "pipeline", name: "Sourced pipeline", target: 1200000.0,
    ///  signoffs: [(by: "ana", on: "2027-01-20")]),   // Ana is Sales; nobody from Marketing
    /// ```
    /// Fix: sales asks a Marketing person to review the objective and sign off.
    OBJECTIVE_NOT_SHARED = Rule {
        name: "objective-not-shared",
        severity: Error,
        check: check,
        field: Some("signoffs"),
        fixed_by: BothTeams,
        tag: "not shared",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, o) in ctx.plan.objectives.iter().enumerate() {
        let missing = ctx.missing_teams(o);
        if !missing.is_empty() {
            let teams: Vec<String> = missing.iter().map(ToString::to_string).collect();
            out.item(
                Section::Objectives,
                i,
                &o.id,
                sentence(format!(
                    "{} is not signed off by {}: {}",
                    ctx.item_name(Section::Objectives, i),
                    join_or(&teams),
                    ask_to_sign_off(&missing)
                )),
            );
        }
    }
}
