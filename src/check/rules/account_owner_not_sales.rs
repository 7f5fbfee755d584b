use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An account whose `owner` is a person who is not on the Sales team.
    ///
    /// (An owner nobody on the plan has is left to `unknown-reference`.)
    ///
    /// ## Why it matters
    /// The owner is the person who follows up after the show and carries the deal. A marketing
    /// manager or an executive sponsor can open doors, but when the account executive is not
    /// named, the follow-up call falls between two desks.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme", name: "Acme Hospitals", tier: 1, owner: "mo"),   // Mo is on the Marketing team
    /// ```
    /// Fix: the sales lead makes an account executive the owner, `owner: "ana"`, and puts Mo in `marketing_owner`.
    ACCOUNT_OWNER_NOT_SALES = Rule {
        name: "account-owner-not-sales",
        severity: Warning,
        check: check,
        field: Some("owner"),
        fixed_by: Sales,
        tag: "owner not in Sales",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, a) in ctx.plan.accounts.iter().enumerate() {
        let Some(owner) = a.owner.as_deref().and_then(|o| ctx.person(o)) else {
            continue;
        };
        if owner.team != Team::Sales {
            out.item(
                Section::Accounts,
                i,
                &a.id,
                sentence(format!(
                    "{} is owned by {}, who is on the {} team, not Sales: the sales lead should make an \
                     account executive the owner",
                    ctx.item_name(Section::Accounts, i),
                    ctx.person_name(&owner.id),
                    owner.team
                )),
            );
        }
    }
}
