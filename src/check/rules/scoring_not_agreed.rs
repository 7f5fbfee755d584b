use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A `scoring` without current sign-offs from both teams.
    ///
    /// Both teams means at least one sign-off by a Sales person and one by a Marketing person. A
    /// sign-off given before the threshold or a signal changed does not count.
    ///
    /// ## Why it matters
    /// Lead scoring decides which booth visitors reach a sales rep. If sales never agreed to the
    /// points and the threshold, it will not trust the score, and high-scoring leads will wait in
    /// a queue nobody works.
    ///
    /// ## Example
    /// ```ron
    /// scoring: (threshold: 60, signals: [(signal: "Director or above", points: 30)],
    ///           signoffs: [(by: "mo", on: "2027-01-20")]),   // nobody from Sales
    /// ```
    /// Fix: marketing asks a Sales person to review the scoring and sign off.
    SCORING_NOT_AGREED = Rule {
        name: "scoring-not-agreed",
        severity: Error,
        check: check,
        field: Some("signoffs"),
        fixed_by: BothTeams,
        tag: "not agreed",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    if let Some(scoring) = &ctx.plan.scoring {
        let missing = ctx.missing_teams(scoring);
        if !missing.is_empty() {
            let teams: Vec<String> = missing.iter().map(ToString::to_string).collect();
            out.section(
                Section::Scoring,
                format!(
                    "Lead scoring is not signed off by {}: {}",
                    join_or(&teams),
                    ask_to_sign_off(&missing)
                ),
            );
        }
    }
}
