use super::prelude::*;
use crate::check::maps::{HashSet, HashSetExt};

rule! {
    /// ## What it finds
    /// A message that no account and no meeting lists in its `messages`, and none of whose `segments`
    /// is the `segment` of any account.
    ///
    /// ## Why it matters
    /// A message nobody is going to say is work that reaches no customer. It is often a sign that
    /// the message map and the account list were written apart: either the message is meant for
    /// accounts that are missing, or it can go.
    ///
    /// ## Example
    /// ```ron
    /// accounts: [(id: "acme", name: "Acme Hospitals", tier: 1, segment: "Hospital groups")],
    /// messages: [(id: "speed", headline: "Set up in a day", segments: ["Clinics"])],
    /// ```
    /// Fix: marketing assigns the message to accounts or meetings, `messages: ["speed"]`, or drops it from the map.
    MESSAGE_UNUSED = ("message-unused", Info, check)
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    let mut used: HashSet<&str> = HashSet::new();
    used.extend(
        plan.accounts
            .iter()
            .flat_map(|a| a.messages.iter().map(String::as_str)),
    );
    used.extend(
        plan.meetings
            .iter()
            .flat_map(|m| m.messages.iter().map(String::as_str)),
    );
    let segments: HashSet<&str> = plan
        .accounts
        .iter()
        .filter_map(|a| a.segment.as_deref())
        .filter(|s| !s.trim().is_empty())
        .collect();
    for (i, m) in plan.messages.iter().enumerate() {
        if !used.contains(m.id.as_str())
            && !m.segments.iter().any(|s| segments.contains(s.as_str()))
        {
            out.item(
                Section::Messages,
                i,
                &m.id,
                sentence(format!(
                    "the message {} is not used by any account, meeting or segment: marketing should assign it \
                     to the accounts it is for or drop it",
                    ctx.item_name(Section::Messages, i)
                )),
            );
        }
    }
}
