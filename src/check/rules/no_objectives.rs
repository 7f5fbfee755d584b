use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A plan with no `objectives` at all.
    ///
    /// ## Why it matters
    /// Without a shared objective each team measures the show its own way: marketing counts badge
    /// scans, sales counts meetings, and after the show nobody can say whether it worked. Agreeing
    /// on one or two numbers up front is what lets both teams pull in the same direction.
    ///
    /// ## Example
    /// ```ron
    /// objectives: [],
    /// ```
    /// Fix: the sales and marketing leads agree on what success looks like and add it, `(id: "pipeline", name: "Sourced pipeline", target: 1200000.0, unit: "EUR")`.
    NO_OBJECTIVES = Rule {
        name: "no-objectives",
        severity: Error,
        check: check,
        field: None,
        fixed_by: BothTeams,
        tag: "no objectives",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    if ctx.plan.objectives.is_empty() {
        out.section(
            Section::Objectives,
            format!(
                "{} has no objectives: the sales and marketing leads should agree on what success at the show \
                 looks like and write it down",
                ctx.item_name(Section::Event, 0)
            ),
        );
    }
}
