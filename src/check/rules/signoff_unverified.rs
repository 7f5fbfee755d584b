use crate::analysis::provenance::{Provenance, SignoffKey, each_signoff, judge};
use crate::check::rules::prelude::*;
use crate::model::Signoff;

rule! {
    /// ## What it finds
    /// A sign-off added since a given revision that its signer did not commit themselves.
    ///
    /// Runs only with `preshow check FILE --verify-signoffs REV`, which reads the file's git
    /// history (following renames). Each sign-off in the plan now that the file did not have at
    /// `REV` must have been first committed by its signer: the commit's author email is the
    /// signer's `email` in the plan (any case, surrounding spaces ignored). One finding per
    /// sign-off that was recorded by another person of the plan in the signer's name, committed
    /// by someone who is not in the plan, or not committed yet. Sign-offs the file had at `REV`
    /// are trusted as reviewed; in a shallow clone, so are those older than the clone's history.
    ///
    /// ## Why it matters
    /// Anyone can type `(by: "yuki", ...)` into the file or sign for someone else in the
    /// workbench, and the plan then shows Yuki's agreement. When a plan settles "sales never
    /// agreed to that", a reviewer must be able to tell a sign-off Yuki gave from one given in
    /// her name. Git already records who made each change; this check makes a pull request fail
    /// until every new sign-off comes from its signer.
    ///
    /// ## Example
    /// ```ron
    /// // Committed by Lena Hoffmann (lena.hoffmann@stratoline.example) in commit 3f2a9c1:
    /// (id: "roi", headline: "Cut readmissions by 20%",
    ///  signoffs: [(by: "yuki", on: "2027-02-10", fingerprint: "0640715e92689248")]),
    /// ```
    /// Fix: Lena takes the sign-off out of her change, and Yuki signs off herself
    /// (`preshow sign`, or "Sign off" in the workbench) and commits it from her own git account.
    SIGNOFF_UNVERIFIED = Rule {
        name: "signoff-unverified",
        severity: Error,
        check: check,
        field: Some("signoffs"),
        fixed_by: ItemTeam,
        tag: "unverified sign-off",
        history: true,
    }
}

fn check(ctx: &Context, out: &mut Sink) {
    let Some(verification) = ctx.verification() else {
        return;
    };
    let plan = ctx.plan;
    each_signoff(plan, |section, index, id, signoff| {
        let key = SignoffKey::new(section, id, signoff);
        if verification.baseline.contains(&key) {
            return;
        }
        let provenance = judge(
            verification.history.origin(&key),
            &signoff.by,
            |by| plan.person(by).and_then(|p| p.email.clone()),
            |email| plan.person_with_email(email).map(|p| p.id.clone()),
        );
        if provenance.trusted() {
            return;
        }
        let message = message(ctx, section, index, signoff, &provenance);
        if section == Section::Scoring {
            out.section(section, message);
        } else {
            out.item(section, index, id, message);
        }
    });
}

fn message(
    ctx: &Context,
    section: Section,
    index: usize,
    signoff: &Signoff,
    provenance: &Provenance<'_>,
) -> String {
    let signer = ctx.person_name(&signoff.by);
    let has_email = ctx
        .person(&signoff.by)
        .and_then(|p| p.email.as_deref())
        .is_some_and(|e| !e.trim().is_empty());
    let own = format!("{signer} should sign off in a commit of their own");
    let (what, fix) = match provenance {
        Provenance::RecordedBy { recorder, commit } => (
            format!(
                "recorded by {} in {signer}'s name (commit {})",
                ctx.person_name(recorder),
                commit.short
            ),
            own,
        ),
        Provenance::UnknownAuthor(commit) => (
            format!(
                "committed by someone not in the plan, {} <{}> (commit {})",
                commit.name, commit.email, commit.short
            ),
            if has_email {
                own
            } else {
                format!(
                    "{signer} has no email in the plan, so no commit can be theirs: whoever keeps \
                     the list of people should add it, and {own}"
                )
            },
        ),
        _ => (
            "not committed yet".to_owned(),
            format!("{signer} should sign off and commit it themselves"),
        ),
    };
    sentence(format!(
        "{} has {signer}'s sign-off of {}, {what}: {fix}",
        ctx.item_name(section, index),
        ctx.date(signoff.on)
    ))
}
