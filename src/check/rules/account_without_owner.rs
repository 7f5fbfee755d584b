use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An account with no sales `owner`.
    ///
    /// ## Why it matters
    /// An account nobody owns is an account nobody calls. Marketing can draw it to the booth, but
    /// without a named account executive the conversation has no follow-up and the lead goes cold.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme", name: "Acme Hospitals", tier: 1)   // no owner
    /// ```
    /// Fix: the sales lead assigns an account executive, `owner: "ana"`.
    ACCOUNT_WITHOUT_OWNER = Rule {
        name: "account-without-owner",
        severity: Error,
        check: check,
        field: Some("owner"),
        fixed_by: Sales,
        tag: "no owner",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, a) in ctx.plan.accounts.iter().enumerate() {
        if a.owner.as_deref().is_none_or(str::is_empty) {
            out.item(
                Section::Accounts,
                i,
                &a.id,
                format!(
                    "{} has no sales owner: the sales lead should assign an account executive",
                    a.name
                ),
            );
        }
    }
}
