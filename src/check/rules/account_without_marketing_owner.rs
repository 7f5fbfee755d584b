use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An account with no `marketing_owner`.
    ///
    /// ## Why it matters
    /// Someone in marketing has to invite the account to the booth, pick the message it hears and
    /// make sure its badge scan turns into a lead. Without a named marketing owner the account
    /// gets whatever the booth gives everyone, and the account executive works it alone.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme", name: "Acme Hospitals", tier: 1, owner: "ana"),   // no marketing_owner
    /// ```
    /// Fix: the marketing lead assigns someone, `marketing_owner: "mo"`.
    ACCOUNT_WITHOUT_MARKETING_OWNER = Rule {
        name: "account-without-marketing-owner",
        severity: Warning,
        check: check,
        field: Some("marketing_owner"),
        fixed_by: Marketing,
        tag: "no marketing owner",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, a) in ctx.plan.accounts.iter().enumerate() {
        if a.marketing_owner.as_deref().is_none_or(str::is_empty) {
            out.item(
                Section::Accounts,
                i,
                &a.id,
                sentence(format!(
                    "{} has no marketing owner: the marketing lead should assign someone to invite the \
                     account and plan its campaign",
                    ctx.item_name(Section::Accounts, i)
                )),
            );
        }
    }
}
