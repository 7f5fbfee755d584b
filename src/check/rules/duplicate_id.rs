use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// An item whose `id` is already used by an earlier item of the same list.
    ///
    /// The finding is on the later item; the same id in two different lists (an account and a task)
    /// is fine.
    ///
    /// ## Why it matters
    /// Meetings, messages and handoffs point at people, accounts and stages by id. When two items
    /// share one, every reference silently goes to the first, and the second one's meetings,
    /// sign-offs and follow-ups end up on the wrong record.
    ///
    /// ## Example
    /// ```ron
    /// accounts: [
    ///     (id: "acme", name: "Acme Hospitals", tier: 1),
    ///     (id: "acme", name: "Acme Labs", tier: 3),   // same id again
    /// ],
    /// ```
    /// Fix: whoever added Acme Labs gives it an id of its own, `id: "acme-labs"`.
    DUPLICATE_ID = Rule {
        name: "duplicate-id",
        severity: Error,
        check: check,
        field: Some("id"),
        fixed_by: ItemTeam,
        tag: "duplicate id",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for section in Section::ALL.into_iter().filter(|s| s.is_list()) {
        for &(i, earlier) in &ctx.census(section).repeats {
            let id = ctx.id(section, i).unwrap_or_default();
            let name = ctx.item_name(section, i);
            out.item(
                section,
                i,
                id,
                sentence(format!(
                    "{name} has the id \"{id}\", already used by {} earlier in {section}: \
                     {} should give it an id of its own",
                    ctx.item_name(section, earlier),
                    editor(section)
                )),
            );
        }
    }
}
