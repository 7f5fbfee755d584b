use crate::check::rules::prelude::*;
use crate::model::QUALIFIED_LEAD;

rule! {
    /// ## What it finds
    /// A plan with no term whose id is `qualified-lead`: nobody has written down what a qualified
    /// lead is.
    ///
    /// ## Why it matters
    /// This is the oldest argument between the two teams. Marketing hands over the leads it thinks
    /// are qualified, sales calls them and finds they are not, and each side blames the other.
    /// Writing the definition down before the show, together, ends the argument before it starts.
    ///
    /// ## Example
    /// ```ron
    /// terms: [(id: "mql", term: "MQL", definition: "Scored 60 or more")],   // no qualified-lead
    /// ```
    /// Fix: sales and marketing write the definition together, `(id: "qualified-lead", term: "Qualified lead", definition: "Director or above with a budget this year")`, and both sign it.
    LEAD_DEFINITION_MISSING = Rule {
        name: "lead-definition-missing",
        severity: Error,
        check: check,
        field: None,
        fixed_by: BothTeams,
        tag: "no lead definition",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    if !ctx.plan.terms.iter().any(|t| t.id == QUALIFIED_LEAD) {
        out.section(
            Section::Terms,
            format!(
                "No term defines a qualified lead (id \"{QUALIFIED_LEAD}\"): sales and marketing should write \
                 the definition together and both sign it off"
            ),
        );
    }
}
