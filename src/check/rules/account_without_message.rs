use crate::check::rules::prelude::*;
use crate::analysis::coverage::{ListedSegments, segment_of};

rule! {
    /// ## What it finds
    /// An account with no `messages` chosen for it, whose `segment` no message lists in its
    /// `segments` (or that has no segment at all).
    ///
    /// ## Why it matters
    /// When the visitor from a target account reaches the booth, whoever greets them should know
    /// what to say. With no message chosen for the account or its segment, sales improvises and
    /// the story the account hears is not the one marketing prepared.
    ///
    /// ## Example
    /// ```ron
    /// accounts: [(id: "beta", name: "Beta Clinics", tier: 2, segment: "Clinics")],
    /// messages: [(id: "roi", headline: "Cut readmissions by 20%", segments: ["Hospital groups"])],
    /// ```
    /// Fix: marketing picks a message for the account, `messages: ["roi"]`, or writes one for the Clinics segment.
    ACCOUNT_WITHOUT_MESSAGE = Rule {
        name: "account-without-message",
        severity: Warning,
        check: check,
        field: Some("messages"),
        fixed_by: Marketing,
        tag: "no message",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let listed = ListedSegments::of(ctx.plan);
    for (i, a) in ctx.plan.accounts.iter().enumerate() {
        if !listed.leave_out(a) {
            continue;
        }
        let why = match segment_of(a) {
            Some(s) => format!("and no message is written for its segment {s}"),
            None => "and no segment that a message is written for".to_owned(),
        };
        out.item(
            Section::Accounts,
            i,
            &a.id,
            sentence(format!(
                "{} has no message chosen for it {why}: marketing should pick a message for the account \
                 or write one for its segment",
                ctx.item_name(Section::Accounts, i)
            )),
        );
    }
}
