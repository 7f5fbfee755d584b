use crate::check::rules::prelude::*;
use crate::check::maps::{HashMap, HashMapExt};

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
    MESSAGE_UNUSED = Rule {
        name: "message-unused",
        severity: Info,
        check: check,
        field: Some("segments"),
        fixed_by: Marketing,
        tag: "unused",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    // Messages named by an account or a meeting, by index (the first with each id).
    let mut named = ctx.meetings().named_messages.clone();
    for id in plan.accounts.iter().flat_map(|a| &a.messages) {
        if let Some(slot) = ctx.message(id).and_then(|k| named.get_mut(k)) {
            *slot = true;
        }
    }
    let unnamed: Vec<usize> = (0..plan.messages.len())
        .filter(|&i| {
            !named
                .get(ctx.first_with_id(Section::Messages, i))
                .copied()
                .unwrap_or_default()
        })
        .collect();
    if unnamed.is_empty() {
        return;
    }
    // Only the segments of those messages matter: which of them some account has.
    let mut wanted: HashMap<&str, bool> = HashMap::new();
    for &i in &unnamed {
        if let Some(m) = plan.messages.get(i) {
            for s in &m.segments {
                wanted.insert(s.as_str(), false);
            }
        }
    }
    // Most accounts' segments differ in length from all of those, and are never read.
    let mut length_wanted = vec![false; wanted.keys().map(|s| s.len() + 1).max().unwrap_or(0)];
    for s in wanted.keys() {
        if let Some(slot) = length_wanted.get_mut(s.len()) {
            *slot = true;
        }
    }
    for a in &plan.accounts {
        if let Some(found) = a
            .segment
            .as_deref()
            .filter(|s| length_wanted.get(s.len()).copied().unwrap_or_default())
            .filter(|s| !s.trim().is_empty())
            .and_then(|s| wanted.get_mut(s))
        {
            *found = true;
        }
    }
    for i in unnamed {
        let Some(m) = plan.messages.get(i) else {
            continue;
        };
        if !m
            .segments
            .iter()
            .any(|s| wanted.get(s.as_str()).copied().unwrap_or_default())
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
