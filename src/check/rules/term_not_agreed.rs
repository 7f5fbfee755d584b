use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A term without current sign-offs from both teams.
    ///
    /// Both teams means at least one sign-off by a Sales person and one by a Marketing person. A
    /// sign-off given before the definition changed does not count.
    ///
    /// ## Why it matters
    /// A shared vocabulary is only shared when both teams agreed to it. If only marketing signed
    /// the definition of a qualified lead, sales will still use its own, and the leads handed over
    /// after the show will be judged by a rule nobody wrote down.
    ///
    /// ## Example
    /// ```ron
    /// (id: "qualified-lead", term: "Qualified lead", definition: "Director or above with a budget",
    ///  signoffs: [(by: "mo", on: "2027-01-21")]),   // Mo is Marketing; nobody from Sales
    /// ```
    /// Fix: marketing asks a Sales person to review the definition and sign off.
    TERM_NOT_AGREED = Rule {
        name: "term-not-agreed",
        severity: Error,
        check: check,
        field: Some("signoffs"),
        fixed_by: BothTeams,
        tag: "not agreed",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, t) in ctx.plan.terms.iter().enumerate() {
        let missing = ctx.missing_teams(t);
        if !missing.is_empty() {
            let teams: Vec<String> = missing.iter().map(ToString::to_string).collect();
            out.item(
                Section::Terms,
                i,
                &t.id,
                sentence(format!(
                    "the term {} is not signed off by {}: {}",
                    ctx.item_name(Section::Terms, i),
                    join_or(&teams),
                    ask_to_sign_off(&missing)
                )),
            );
        }
    }
}
