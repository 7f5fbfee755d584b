//! Agreement: which teams have signed off on an item, and whether their sign-offs still hold.
//!
//! A sign-off holds when it is not pinned to a text, or is pinned to the item's current
//! fingerprint (see [`crate::model::fingerprint`]); a stale one does not count. A person's team is the
//! team of the first person with their id. "Agreed by both teams" means a sign-off that holds by
//! a Sales person and one by a Marketing person. The checks, readiness, the boards and the
//! exports all ask here.

use crate::model::fingerprint::Signable;
use crate::model::{Plan, Signoff, Team};

pub use crate::model::fingerprint::holds;

/// The sign-offs of `item` that hold now and that a change to `field` (named as the file spells
/// it: `sla_hours`, `headline`...) would make stale, each person once, in the item's order.
///
/// Only a pinned sign-off can break: one without a fingerprint counts as agreement to whatever
/// the text is, and a stale one has nothing left to break. A field that is not pinned (an id, a
/// message's author) breaks none.
pub fn broken_by_change<'a, T: Signable>(item: &'a T, field: &str) -> Vec<&'a Signoff> {
    if !T::pins(field) {
        return Vec::new();
    }
    let fingerprint = item.fingerprint();
    let mut out: Vec<&Signoff> = Vec::new();
    for s in item.signoffs() {
        let current = s.fingerprint.as_deref() == Some(fingerprint.as_str());
        if current && !out.iter().any(|o| o.by == s.by) {
            out.push(s);
        }
    }
    out
}

/// What to tell someone about to change `field` of `item`: "Changing this will need Lena Hoffmann
/// and Yuki Tanaka to sign again", naming (by `name_of`, sorted) the people whose sign-offs
/// [`broken_by_change`] finds; `None` when the change breaks none.
pub fn change_warning<T: Signable>(
    item: &T,
    field: &str,
    name_of: impl Fn(&str) -> String,
) -> Option<String> {
    let mut names: Vec<String> = broken_by_change(item, field)
        .into_iter()
        .map(|s| name_of(&s.by))
        .collect();
    names.sort();
    names.dedup();
    let names = match names.as_slice() {
        [] => return None,
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    Some(format!("Changing this will need {names} to sign again"))
}

/// Where one team stands on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// A sign-off by a person of the team holds.
    Agreed,
    /// People of the team signed off, but the text changed since.
    Stale,
    /// Nobody of the team has signed off.
    NotAgreed,
}

/// A set of teams, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Teams(u8);

impl Teams {
    fn bit(team: Team) -> u8 {
        match team {
            Team::Sales => 1,
            Team::Marketing => 2,
            Team::Leadership => 4,
        }
    }

    fn insert(&mut self, team: Team) {
        self.0 |= Teams::bit(team);
    }

    fn contains(self, team: Team) -> bool {
        self.0 & Teams::bit(team) != 0
    }
}

/// Who signed off on one item, by team: the teams with a sign-off that holds, and the teams
/// with any sign-off at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signatures {
    holding: Teams,
    signed: Teams,
}

impl Signatures {
    /// The sign-offs on `item`, with `team_of` giving the team of a person id (`None` for an
    /// unknown person, whose sign-off counts for no team). The item's fingerprint is worked out
    /// once, and only when a sign-off is pinned.
    pub fn of(item: &impl Signable, team_of: impl Fn(&str) -> Option<Team>) -> Signatures {
        let mut fingerprint: Option<String> = None;
        Signatures::tally(item.signoffs(), team_of, |s| {
            s.fingerprint.is_none()
                || holds(s, fingerprint.get_or_insert_with(|| item.fingerprint()))
        })
    }

    /// The sign-offs on `item`, teams as the plan's people say.
    pub fn in_plan(plan: &Plan, item: &impl Signable) -> Signatures {
        Signatures::of(item, |id| plan.person(id).map(|p| p.team))
    }

    /// `signoffs` on an item whose current fingerprint is `fingerprint` (for callers that keep
    /// fingerprints between frames).
    pub fn with_fingerprint(
        signoffs: &[Signoff],
        fingerprint: &str,
        team_of: impl Fn(&str) -> Option<Team>,
    ) -> Signatures {
        Signatures::tally(signoffs, team_of, |s| holds(s, fingerprint))
    }

    fn tally(
        signoffs: &[Signoff],
        team_of: impl Fn(&str) -> Option<Team>,
        mut holds: impl FnMut(&Signoff) -> bool,
    ) -> Signatures {
        let mut out = Signatures::default();
        for s in signoffs {
            let Some(team) = team_of(&s.by) else {
                continue;
            };
            out.signed.insert(team);
            if !out.holding.contains(team) && holds(s) {
                out.holding.insert(team);
            }
        }
        out
    }

    /// The teams with a sign-off that holds, in the order of [`Team::ALL`], each once.
    pub fn teams(&self) -> Vec<Team> {
        Team::ALL
            .into_iter()
            .filter(|t| self.holding.contains(*t))
            .collect()
    }

    /// Whether a sign-off by someone of `team` holds.
    pub fn by(&self, team: Team) -> bool {
        self.holding.contains(team)
    }

    /// Whether sign-offs by a Sales and a Marketing person hold.
    pub fn by_both(&self) -> bool {
        self.by(Team::Sales) && self.by(Team::Marketing)
    }

    /// Sales and Marketing, less the teams whose sign-off holds: who still has to agree before
    /// both teams have.
    pub fn missing(&self) -> Vec<Team> {
        [Team::Sales, Team::Marketing]
            .into_iter()
            .filter(|t| !self.by(*t))
            .collect()
    }

    /// Where `team` stands: agreed, signed but stale, or not signed.
    pub fn of_team(&self, team: Team) -> Agreement {
        if self.holding.contains(team) {
            Agreement::Agreed
        } else if self.signed.contains(team) {
            Agreement::Stale
        } else {
            Agreement::NotAgreed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Message, Person};

    fn plan() -> Plan {
        let d = Date::from_ymd(2027, 3, 1).expect("date");
        let mut p = Plan::empty("Expo", d, d);
        let person = |id: &str, team| Person {
            id: id.into(),
            name: id.into(),
            team,
            role: None,
            email: None,
            max_meetings_per_day: None,
        };
        p.people = vec![
            person("ana", Team::Sales),
            person("mo", Team::Marketing),
            person("ana", Team::Leadership),
        ];
        p.messages = vec![Message {
            id: "roi".into(),
            headline: "ROI".into(),
            body: None,
            proof: vec![],
            author: None,
            segments: vec![],
            signoffs: vec![],
        }];
        p
    }

    fn signoff(by: &str, fingerprint: Option<&str>) -> Signoff {
        Signoff {
            by: by.into(),
            on: Date::from_ymd(2027, 2, 1).expect("date"),
            fingerprint: fingerprint.map(str::to_owned),
            entered_by: None,
        }
    }

    /// The sets list teams in the order of the file, which is also their order.
    #[test]
    fn teams_come_in_file_order() {
        assert!(Team::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_sign_off_counts_while_it_holds() {
        let mut p = plan();
        let m = &p.messages[0];
        let s = Signatures::in_plan(&p, m);
        assert_eq!(s.of_team(Team::Sales), Agreement::NotAgreed);
        assert_eq!(s.missing(), vec![Team::Sales, Team::Marketing]);
        p.messages[0].signoffs = vec![signoff("ana", Some("0000000000000000"))];
        let s = Signatures::in_plan(&p, &p.messages[0]);
        assert_eq!(s.of_team(Team::Sales), Agreement::Stale);
        assert!(s.teams().is_empty());
        let fp = p.messages[0].fingerprint();
        p.messages[0].signoffs = vec![
            signoff("mo", None),
            signoff("ana", Some(&fp)),
            signoff("nobody", None),
        ];
        let s = Signatures::in_plan(&p, &p.messages[0]);
        assert_eq!(s.of_team(Team::Sales), Agreement::Agreed);
        assert_eq!(s.teams(), vec![Team::Sales, Team::Marketing]);
        assert!(s.by_both());
        assert!(s.missing().is_empty());
        assert_eq!(
            s,
            Signatures::with_fingerprint(&p.messages[0].signoffs, &fp, |id| p
                .person(id)
                .map(|x| x.team))
        );
    }

    /// A change to a pinned field breaks the current pinned sign-offs, each person once; not the
    /// unpinned or stale ones, and a field outside the fingerprint breaks none.
    #[test]
    fn a_change_breaks_only_current_pinned_sign_offs_of_pinned_fields() {
        let mut p = plan();
        let fp = p.messages[0].fingerprint();
        p.messages[0].signoffs = vec![
            signoff("mo", Some(&fp)),
            signoff("ana", Some(&fp)),
            signoff("mo", Some(&fp)),
            signoff("zoe", None),
            signoff("kim", Some("0000000000000000")),
        ];
        let m = &p.messages[0];
        let by: Vec<&str> = broken_by_change(m, "headline")
            .iter()
            .map(|s| s.by.as_str())
            .collect();
        assert_eq!(by, ["mo", "ana"]);
        assert_eq!(broken_by_change(m, "proof").len(), 2);
        for field in ["author", "segments", "id", "nonsense"] {
            assert!(broken_by_change(m, field).is_empty(), "{field}");
        }
        let names = |id: &str| match id {
            "ana" => "Ana Ruiz".to_owned(),
            "mo" => "Mo Chen".to_owned(),
            other => other.to_owned(),
        };
        assert_eq!(
            change_warning(m, "body", names).as_deref(),
            Some("Changing this will need Ana Ruiz and Mo Chen to sign again")
        );
        assert_eq!(change_warning(m, "author", names), None);

        // Once the change lands, the same sign-offs are stale, and nothing is left to warn of.
        p.messages[0].headline = "ROI in 90 days".into();
        let m = &p.messages[0];
        assert!(broken_by_change(m, "headline").is_empty());
        assert_eq!(
            Signatures::in_plan(&p, m).of_team(Team::Marketing),
            Agreement::Stale
        );
    }

    /// Every sign-off holds exactly when [`Signable::is_current`] says it does.
    #[test]
    fn holds_is_is_current() {
        let p = plan();
        let m = &p.messages[0];
        for s in [
            signoff("ana", None),
            signoff("ana", Some(&m.fingerprint())),
            signoff("ana", Some("0000000000000000")),
        ] {
            assert_eq!(holds(&s, &m.fingerprint()), m.is_current(&s));
        }
    }
}
