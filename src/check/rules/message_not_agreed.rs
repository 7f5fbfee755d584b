use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A message with no current sign-off by a Sales person.
    ///
    /// A sign-off given before the headline, body or proof changed does not count.
    ///
    /// ## Why it matters
    /// Marketing writes the message map, but sales is the one saying it to customers at the booth.
    /// A message sales never agreed to is a message sales will not use, or will use with a promise
    /// it cannot keep.
    ///
    /// ## Example
    /// ```ron
    /// (id: "roi", headline: "Cut readmissions by 20%", author: "mo",
    ///  signoffs: [(by: "mo", on: "2027-01-25")]),   // only marketing agreed
    /// ```
    /// Fix: marketing asks a Sales person to review the message and sign off.
    MESSAGE_NOT_AGREED = Rule {
        name: "message-not-agreed",
        severity: Error,
        check: check,
        field: Some("signoffs"),
        fixed_by: Sales,
        tag: "not agreed",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, m) in ctx.plan.messages.iter().enumerate() {
        if !ctx.agreeing_teams(m).contains(&Team::Sales) {
            out.item(
                Section::Messages,
                i,
                &m.id,
                sentence(format!(
                    "the message {} is not signed off by Sales: marketing should ask a Sales person to review \
                     it and sign off",
                    ctx.item_name(Section::Messages, i)
                )),
            );
        }
    }
}
