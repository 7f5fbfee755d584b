use crate::check::rules::prelude::*;
use crate::model::human;

rule! {
    /// ## What it finds
    /// A value out of range, or an id that is not well formed.
    ///
    /// An event that ends before it starts, an event `timezone` that is not an IANA time zone
    /// name, an account `tier` other than 1, 2 or 3, a meeting of 0 `minutes` or less, a handoff
    /// whose `sla_hours` is 0 or less, an objective's `actual` that is negative or not a number,
    /// a lead's `pipeline` that is negative or not a number, a lead's `reached` time before it
    /// was `captured`, or an `id` that is empty or uses anything but lowercase letters, digits
    /// and `-`. One finding per item, naming every bad value in it (the event's
    /// dates and its time zone are two findings). A time zone finding names the zone as written
    /// and the nearest IANA names.
    ///
    /// ## Why it matters
    /// A value like these is almost always a typo, and everything built on it goes wrong quietly:
    /// a zero-minute meeting never clashes with anything, a tier 4 account is never a priority,
    /// an id with a capital letter or a space is hard to refer to from elsewhere in the plan, and
    /// a lead that reached a stage before it was captured makes its handoffs look faster than
    /// they were, a misspelt time zone puts every meeting in the exported calendar at the viewer's own
    /// local time, hours off for anyone travelling to the show.
    ///
    /// ## Example
    /// ```ron
    /// (id: "acme", name: "Acme Hospitals", tier: 4),   // tiers are 1, 2 or 3
    /// event: (name: "Expo", starts: "2027-03-09", ends: "2027-03-11", timezone: "Europe/Madird"),
    /// ```
    /// Fix: the sales lead sets the tier the account really has, `tier: 1`; the event manager
    /// writes the time zone `Europe/Madrid`.
    INVALID_VALUE = Rule {
        name: "invalid-value",
        severity: Error,
        check: check,
        field: None,
        fixed_by: ItemTeam,
        tag: "invalid value",
    }
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
                ctx.date(event.ends),
                ctx.date(event.starts),
                editor(Section::Event)
            ),
        );
    }
    if let Some(message) = unknown_zone(ctx) {
        out.section(Section::Event, message);
    }
    for section in Section::ALL.into_iter().filter(|s| s.is_list()) {
        // The malformed ids come from the census; only accounts, meetings, handoffs, objectives
        // and leads have values to look at item by item.
        let malformed = &ctx.census(section).malformed;
        let items: Box<dyn Iterator<Item = usize>> = match section {
            Section::Accounts => Box::new(0..plan.accounts.len()),
            // The meeting rows know which meetings last 0 minutes or less.
            Section::Meetings => {
                let rows = &ctx.meetings().rows;
                let mut items: Vec<usize> = (0..rows.len())
                    .filter(|&i| rows.get(i).is_some_and(|r| !r.lasts))
                    .chain(malformed.iter().copied())
                    .collect();
                items.sort_unstable();
                items.dedup();
                Box::new(items.into_iter())
            }
            Section::Handoffs => Box::new(0..plan.handoffs.len()),
            Section::Objectives => Box::new(0..plan.objectives.len()),
            Section::Leads => Box::new(0..plan.leads.len()),
            _ => Box::new(malformed.iter().copied()),
        };
        let mut malformed = malformed.iter().copied().peekable();
        for i in items {
            let bad_id = malformed.next_if_eq(&i).is_some();
            let range = out_of_range(ctx, section, i);
            if !bad_id && range.is_empty() {
                continue;
            }
            let id = ctx.id(section, i).unwrap_or_default();
            let mut bad = Vec::new();
            if bad_id {
                if id.is_empty() {
                    bad.push("an empty id (every item needs one)".to_owned());
                } else {
                    bad.push(format!(
                        "id \"{id}\" (use only lowercase letters, digits and -)"
                    ));
                }
            }
            bad.extend(range);
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

/// The values of item `index` of `section` that are out of range, described.
fn out_of_range(ctx: &Context, section: Section, index: usize) -> Vec<String> {
    let plan = ctx.plan;
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
        Section::Objectives => {
            if let Some(actual) = plan.objectives.get(index).and_then(|o| o.actual) {
                bad.extend(amount("actual", actual));
            }
        }
        Section::Leads => {
            let Some(l) = plan.leads.get(index) else {
                return bad;
            };
            if let Some(pipeline) = l.pipeline {
                bad.extend(amount("pipeline", pipeline));
            }
            for r in l.reached.iter().filter(|r| r.at < l.captured) {
                bad.push(format!(
                    "{} reached at {} (before the lead was captured, {})",
                    ctx.stage_name(&r.stage),
                    ctx.when(r.at),
                    ctx.when(l.captured)
                ));
            }
        }
        _ => {}
    }
    bad
}

/// An amount that is negative or not a number, described: `pipeline -5,000 (never negative)`.
fn amount(field: &str, n: f64) -> Option<String> {
    if !n.is_finite() {
        Some(format!("{field} {n} (it must be a number)"))
    } else if n < 0.0 {
        Some(format!(
            "{field} -{} (it is never negative)",
            human::number(-n, 2)
        ))
    } else {
        None
    }
}

/// The finding on an event time zone that the time zone database does not know: the zone as
/// written and the nearest names. One lookup per check; the names are searched only when the
/// zone is unknown.
fn unknown_zone(ctx: &Context) -> Option<String> {
    let written = ctx.plan.event.timezone.as_deref()?;
    if written.trim().is_empty() || crate::model::zone::find(written).is_some() {
        return None;
    }
    let near: Vec<String> = crate::model::zone::nearest(written)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let hint = if near.is_empty() {
        "write an IANA name such as Europe/Berlin or America/New_York".to_owned()
    } else {
        format!("did you mean {}?", join_or(&near))
    };
    Some(sentence(format!(
        "{} has the time zone \"{}\", which is not an IANA time zone ({hint}): {} should correct it",
        ctx.item_name(Section::Event, 0),
        written.trim(),
        editor(Section::Event)
    )))
}
