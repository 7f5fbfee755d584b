use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A task that is not `done` and whose `due` date is before today.
    ///
    /// Today is the system date, or the date given with `--today YYYY-MM-DD`.
    ///
    /// ## Why it matters
    /// Show deadlines do not move: the booth graphics go to print, the shipping cut-off passes,
    /// the badge scanners are rented out to someone else. An overdue task is either done and not
    /// ticked off, or a problem the team should hear about now rather than at the booth.
    ///
    /// ## Example
    /// ```ron
    /// (id: "staff-brief", title: "Brief booth staff on the message map", owner: "mo",
    ///  due: "2027-01-15", done: false),   // checked on 2027-02-01
    /// ```
    /// Fix: Mo, the task's owner, does it and sets `done: true`, or agrees a new `due` date with the event manager.
    TASK_OVERDUE = Rule {
        name: "task-overdue",
        severity: Warning,
        check: check,
        field: Some("due"),
        fixed_by: ItemTeam,
        tag: "overdue",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    for (i, t) in ctx.plan.tasks.iter().enumerate() {
        let Some(due) = t.due.filter(|due| !t.done && *due < ctx.today) else {
            continue;
        };
        let who = match t.owner.as_deref().and_then(|o| ctx.person(o)) {
            Some(p) => format!("{}, its owner,", ctx.person_name(&p.id)),
            None => "its owner".to_owned(),
        };
        out.item(
            Section::Tasks,
            i,
            &t.id,
            sentence(format!(
                "the task {} was due on {} and is not done: {who} should finish it and mark it done, or agree \
                 a new date with the event manager",
                ctx.item_name(Section::Tasks, i),
                ctx.date(due)
            )),
        );
    }
}
