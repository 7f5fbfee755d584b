use crate::check::rules::prelude::*;
use crate::model::human;

rule! {
    /// ## What it finds
    /// After the event's last day, an objective whose actual is known and below its `target`.
    ///
    /// The actual is counted by the objective's `measure` (meetings held, tier-1 accounts met,
    /// leads captured, leads reaching a stage, the leads' pipeline), or else is the `actual`
    /// typed in; an objective with neither, or with no `target`, is not judged.
    ///
    /// ## Why it matters
    /// Both teams signed the objectives before the show. Looking at the ones that fell short,
    /// together and while the show is fresh, is how the next plan gets better targets, a better
    /// booth or better follow-up, rather than a quiet disagreement about whose fault it was.
    ///
    /// ## Example
    /// ```ron
    /// (id: "pipeline", name: "Sourced pipeline", target: 1200000.0, unit: "EUR",
    ///  measure: Pipeline),   // the leads bring 845,000 EUR
    /// ```
    /// Fix: nothing to correct in the plan: the sales and marketing leads review what fell short
    /// before they plan the next show.
    OBJECTIVE_MISSED = Rule {
        name: "objective-missed",
        severity: Info,
        check: check,
        field: Some("actual"),
        fixed_by: BothTeams,
        tag: "missed",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    // Before the show is over, nothing is missed yet.
    if ctx.today <= plan.event.ends || plan.objectives.iter().all(|o| o.target.is_none()) {
        return;
    }
    let results = ctx.results();
    for (i, (o, r)) in plan.objectives.iter().zip(&results.objectives).enumerate() {
        let (Some(actual), Some(target)) = (r.actual, o.target) else {
            continue;
        };
        if r.met != Some(false) {
            continue;
        }
        let how = match &o.measure {
            Some(m) => format!(" (counted as {})", describe(ctx, m)),
            None => String::new(),
        };
        out.item(
            Section::Objectives,
            i,
            &o.id,
            sentence(format!(
                "{} reached {}{how} of its target of {}: the sales and marketing leads should \
                 review together what fell short before they plan the next show",
                ctx.item_name(Section::Objectives, i),
                amount(actual, o.unit.as_deref()),
                amount(target, o.unit.as_deref())
            )),
        );
    }
}

/// A number with its unit: `845,000 EUR`.
fn amount(n: f64, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(unit) => format!("{} {unit}", human::number(n, 2)),
        None => human::number(n, 2),
    }
}

/// How a measure counts, with a stage named by its name.
fn describe(ctx: &Context, measure: &crate::model::Measure) -> String {
    match measure {
        crate::model::Measure::LeadsReaching(stage) => {
            format!("leads reaching {}", ctx.stage_name(stage))
        }
        m => m.describe(),
    }
}
