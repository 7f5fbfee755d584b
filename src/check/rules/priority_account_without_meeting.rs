use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A tier-1 account with no `Confirmed` meeting.
    ///
    /// Proposed or requested meetings do not count until the account has said yes.
    ///
    /// ## Why it matters
    /// Tier-1 accounts are the reason the company is at the show. Hoping they walk past the booth
    /// is not a plan: the meetings that matter are booked and confirmed weeks before the doors open.
    ///
    /// ## Example
    /// ```ron
    /// accounts: [(id: "acme", name: "Acme Hospitals", tier: 1, owner: "ana")],
    /// meetings: [(id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 30,
    ///             people: ["ana"], status: Requested)],   // not confirmed yet
    /// ```
    /// Fix: Ana, the account's owner, gets the meeting confirmed (or books another) and sets `status: Confirmed`.
    PRIORITY_ACCOUNT_WITHOUT_MEETING = Rule {
        name: "priority-account-without-meeting",
        severity: Warning,
        check: check,
        field: Some("tier"),
        fixed_by: Sales,
        tag: "no meeting",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    // Accounts by index (the first with each id) with a confirmed meeting.
    let mut confirmed = vec![false; ctx.plan.accounts.len()];
    for row in &ctx.meetings().rows {
        if row.status.is_confirmed()
            && let Some(slot) = row.account.and_then(|a| confirmed.get_mut(a as usize))
        {
            *slot = true;
        }
    }
    for (i, a) in ctx.plan.accounts.iter().enumerate() {
        let first = ctx.first_with_id(Section::Accounts, i);
        if a.tier == 1 && !confirmed.get(first).copied().unwrap_or_default() {
            let who = match a.owner.as_deref().and_then(|o| ctx.person(o)) {
                Some(p) => format!("{}, the account's owner,", ctx.person_name(&p.id)),
                None => "the account's owner".to_owned(),
            };
            out.item(
                Section::Accounts,
                i,
                &a.id,
                sentence(format!(
                    "{} is a tier-1 account with no confirmed meeting: {who} should book one and get it confirmed",
                    ctx.item_name(Section::Accounts, i)
                )),
            );
        }
    }
}
