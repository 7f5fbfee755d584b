use super::prelude::*;
use crate::model::{Plan, is_valid_id};

rule! {
    /// ## What it finds
    /// A value out of range, or an id that is not well formed.
    ///
    /// An event that ends before it starts, an account `tier` other than 1, 2 or 3, a meeting of 0
    /// `minutes` or less, a handoff whose `sla_hours` is 0 or less, or an `id` that is empty or uses
    /// anything but lowercase letters, digits and `-`. One finding per item, naming every bad value in it.
    ///
    /// ## Why it matters
    /// A value like these is almost always a typo, and everything built on it goes wrong quietly:
    /// a zero-minute meeting never clashes with anything, a tier 4 account is never a priority,
    /// and an id with a capital letter or a space is hard to refer to from elsewhere in the plan.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme", name: "Acme Hospitals", tier: 4),   // tiers are 1, 2 or 3
    /// ```
    /// Fix: the sales lead sets the tier the account really has, `tier: 1`.
    INVALID_VALUE = ("invalid-value", Error, check)
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    let event = &plan.event;
    if event.ends < event.starts {
        out.section(
            Section::Event,
            format!(
                "{} ends on {}, before it starts on {}: {} should correct the dates",
                ctx.item_name(Section::Event, 0),
                event.ends,
                event.starts,
                editor(Section::Event)
            ),
        );
    }
    for section in Section::ALL.into_iter().filter(|s| s.is_list()) {
        for (i, id) in plan.ids(section).into_iter().enumerate() {
            let mut bad = Vec::new();
            if id.is_empty() {
                bad.push("an empty id (every item needs one)".to_owned());
            } else if !is_valid_id(id) {
                bad.push(format!(
                    "id \"{id}\" (use only lowercase letters, digits and -)"
                ));
            }
            bad.extend(out_of_range(plan, section, i));
            if !bad.is_empty() {
                let (has, it) = if bad.len() == 1 {
                    ("has a value", "it")
                } else {
                    ("has values", "them")
                };
                out.item(
                    section,
                    i,
                    id,
                    sentence(format!(
                        "{} {has} out of range, {}: {} should correct {it}",
                        ctx.item_name(section, i),
                        join_and(&bad),
                        editor(section)
                    )),
                );
            }
        }
    }
}

/// The numbers of item `index` of `section` that are out of range, described.
fn out_of_range(plan: &Plan, section: Section, index: usize) -> Vec<String> {
    let mut bad = Vec::new();
    match section {
        Section::Accounts => {
            if let Some(a) = plan
                .accounts
                .get(index)
                .filter(|a| !(1..=3).contains(&a.tier))
            {
                bad.push(format!("tier {} (tiers are 1, 2 or 3)", a.tier));
            }
        }
        Section::Meetings => {
            if let Some(m) = plan.meetings.get(index).filter(|m| m.minutes <= 0) {
                bad.push(format!(
                    "minutes {} (a meeting lasts more than 0 minutes)",
                    m.minutes
                ));
            }
        }
        Section::Handoffs => {
            if let Some(h) = plan
                .handoffs
                .get(index)
                .and_then(|h| h.sla_hours)
                .filter(|h| *h <= 0)
            {
                bad.push(format!("sla_hours {h} (follow-up takes more than 0 hours)"));
            }
        }
        _ => {}
    }
    bad
}
