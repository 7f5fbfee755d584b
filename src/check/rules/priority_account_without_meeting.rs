use super::prelude::*;
use crate::check::maps::HashSet;

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
    PRIORITY_ACCOUNT_WITHOUT_MEETING = ("priority-account-without-meeting", Warning, check)
}

fn check(ctx: &Context, out: &mut Sink) {
    let confirmed: HashSet<&str> = ctx
        .plan
        .meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Confirmed)
        .map(|m| m.account.as_str())
        .collect();
    for (i, a) in ctx.plan.accounts.iter().enumerate() {
        if a.tier == 1 && !confirmed.contains(a.id.as_str()) {
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
