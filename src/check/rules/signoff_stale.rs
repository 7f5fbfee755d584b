use crate::check::rules::prelude::*;
use crate::model::Signoff;

rule! {
    /// ## What it finds
    /// A sign-off whose `fingerprint` no longer matches the item it is on.
    ///
    /// The objective, term, scoring, message or handoff changed after that person agreed to it. One
    /// finding per item, naming everyone whose sign-off is out of date.
    ///
    /// ## Why it matters
    /// A sign-off means "I agree to this text". When the text changes afterwards, the old
    /// agreement no longer says anything about the new one, and the plan would claim an agreement
    /// that was never given. A stale sign-off also stops counting for its team.
    ///
    /// ## Example
    /// ```ron
    /// (id: "roi", headline: "Cut readmissions by 30%",   // was 20% when Ana signed
    ///  signoffs: [(by: "ana", on: "2027-01-25", fingerprint: "0640715e92689248")]),
    /// ```
    /// Fix: whoever changed the message asks Ana to review the new text and sign off again.
    SIGNOFF_STALE = Rule {
        name: "signoff-stale",
        severity: Error,
        check: check,
        field: Some("signoffs"),
        fixed_by: ItemTeam,
        tag: "stale sign-off",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    for (i, o) in plan.objectives.iter().enumerate() {
        if let Some(message) = stale(ctx, o, Section::Objectives, i) {
            out.item(Section::Objectives, i, &o.id, message);
        }
    }
    for (i, t) in plan.terms.iter().enumerate() {
        if let Some(message) = stale(ctx, t, Section::Terms, i) {
            out.item(Section::Terms, i, &t.id, message);
        }
    }
    if let Some(scoring) = &plan.scoring
        && let Some(message) = stale(ctx, scoring, Section::Scoring, 0)
    {
        out.section(Section::Scoring, message);
    }
    for (i, m) in plan.messages.iter().enumerate() {
        if let Some(message) = stale(ctx, m, Section::Messages, i) {
            out.item(Section::Messages, i, &m.id, message);
        }
    }
    for (i, h) in plan.handoffs.iter().enumerate() {
        if let Some(message) = stale(ctx, h, Section::Handoffs, i) {
            out.item(Section::Handoffs, i, &h.id, message);
        }
    }
}

/// The message for an item with stale sign-offs, if it has any.
fn stale(ctx: &Context, item: &impl Signable, section: Section, index: usize) -> Option<String> {
    let fingerprint = item.fingerprint();
    let old: Vec<&Signoff> = item
        .signoffs()
        .iter()
        .filter(|s| s.fingerprint.as_deref().is_some_and(|f| f != fingerprint))
        .collect();
    let signed = match old.as_slice() {
        [] => return None,
        [one] => format!(
            "{} signed off on {}",
            ctx.person_name(&one.by),
            ctx.date(one.on)
        ),
        many => {
            let names: Vec<String> = many
                .iter()
                .map(|s| format!("{} ({})", ctx.person_name(&s.by), ctx.date(s.on)))
                .collect();
            format!("{} signed off", join_and(&names))
        }
    };
    let them = if old.len() == 1 {
        ctx.person_name(&old[0].by)
    } else {
        "them".to_owned()
    };
    Some(sentence(format!(
        "{} changed after {signed}: whoever changed it should ask {them} to review the new version and sign \
         off again",
        ctx.item_name(section, index)
    )))
}
