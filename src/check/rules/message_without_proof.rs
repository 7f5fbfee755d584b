use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A message with no `proof`: nothing behind the claim.
    ///
    /// ## Why it matters
    /// Buyers at a show hear big claims at every booth. The one they remember is the one backed by
    /// a case study, a number or a customer they know, and a rep who has the proof at hand can
    /// answer "says who?" on the spot.
    ///
    /// ## Example
    /// ```ron
    /// (id: "roi", headline: "Cut readmissions by 20%"),   // no proof
    /// ```
    /// Fix: marketing adds the evidence, `proof: ["Case study: St. Mary's"]`.
    MESSAGE_WITHOUT_PROOF = Rule {
        name: "message-without-proof",
        severity: Warning,
        check: check,
        field: Some("proof"),
        fixed_by: Marketing,
        tag: "no proof",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, m) in ctx.plan.messages.iter().enumerate() {
        if m.proof.iter().all(|p| p.trim().is_empty()) {
            out.item(
                Section::Messages,
                i,
                &m.id,
                sentence(format!(
                    "the message {} has no proof: marketing should add a case study, figure or customer story \
                     that backs it",
                    ctx.item_name(Section::Messages, i)
                )),
            );
        }
    }
}
