use crate::check::rules::prelude::*;

rule! {
    /// ## What it finds
    /// A `scoring` whose positive points add up to less than its `threshold`.
    ///
    /// Even a visitor who shows every signal never counts as qualified.
    ///
    /// ## Why it matters
    /// With a threshold nobody can reach, every lead scanned at the booth stays unqualified, no
    /// lead is handed to sales, and the show looks like it produced nothing. It usually happens
    /// when a signal is removed or its points lowered and the threshold is left as it was.
    ///
    /// ## Example
    /// ```ron
    /// scoring: (threshold: 80,
    ///           signals: [(signal: "Director or above", points: 30), (signal: "Budget this year", points: 40)]),
    /// ```
    /// Fix: marketing lowers the threshold to 70 or less, or adds a signal, and both teams sign off again.
    SCORING_THRESHOLD_UNREACHABLE = Rule {
        name: "scoring-threshold-unreachable",
        severity: Error,
        check: check,
        field: Some("threshold"),
        fixed_by: BothTeams,
        tag: "threshold unreachable",
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    if let Some(scoring) = &ctx.plan.scoring {
        let best: i128 = scoring
            .signals
            .iter()
            .map(|s| i128::from(s.points.max(0)))
            .sum();
        if best < i128::from(scoring.threshold) {
            out.section(
                Section::Scoring,
                format!(
                    "Lead scoring needs {} points to qualify a lead, but its signals add up to {best} at most: \
                     marketing should lower the threshold or add signals, and both teams sign off again",
                    scoring.threshold
                ),
            );
        }
    }
}
