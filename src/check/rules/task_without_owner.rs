use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A task with no `owner`.
    ///
    /// ## Why it matters
    /// Before a show there are a hundred small jobs: badge scanners, booth staff briefings,
    /// shipping the demo kit. A job with no name next to it is the one everybody assumes somebody
    /// else is doing, and it is discovered undone on the first morning of the show.
    ///
    /// ## Example
    /// ```ron
    /// (id: "staff-brief", title: "Brief booth staff on the message map", due: "2027-03-01"),   // no owner
    /// ```
    /// Fix: the event manager assigns someone, `owner: "mo"`.
    TASK_WITHOUT_OWNER = Rule {
        name: "task-without-owner",
        severity: Error,
        check: check,
        field: Some("owner"),
        fixed_by: ItemTeam,
        tag: "no owner",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, t) in ctx.plan.tasks.iter().enumerate() {
        if t.owner.as_deref().is_none_or(str::is_empty) {
            out.item(
                Section::Tasks,
                i,
                &t.id,
                sentence(format!(
                    "the task {} has no owner: the event manager should assign someone to do it",
                    ctx.item_name(Section::Tasks, i)
                )),
            );
        }
    }
}
