//! Coverage: which segments and accounts the messages reach.
//!
//! A message covers a segment it lists in its `segments`. It covers an account the account
//! lists in its `messages`, or whose segment it lists. A blank segment (empty, or only spaces)
//! is no segment at all: it is never a column of the message map, and no message reaches an
//! account through it. The `account-without-message` check, the message map and the pickers'
//! list of segments all ask here.

use crate::model::{Account, Message, Plan};
use foldhash::HashSet;
use std::collections::BTreeSet;

/// An account's segment, unless it is blank.
pub fn segment_of(a: &Account) -> Option<&str> {
    a.segment.as_deref().filter(|s| !s.trim().is_empty())
}

/// Every segment an account or a message names, sorted, each once; blank ones left out.
pub fn segments(plan: &Plan) -> Vec<String> {
    let set: BTreeSet<&str> = plan
        .accounts
        .iter()
        .filter_map(|a| a.segment.as_deref())
        .chain(
            plan.messages
                .iter()
                .flat_map(|m| m.segments.iter().map(String::as_str)),
        )
        .filter(|s| !s.trim().is_empty())
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

/// The segments some message is written for (lists in its `segments`), looked up in constant
/// time.
pub struct ListedSegments<'a>(HashSet<&'a str>);

impl<'a> ListedSegments<'a> {
    /// The segments the messages of `plan` list.
    pub fn of(plan: &'a Plan) -> Self {
        ListedSegments(
            plan.messages
                .iter()
                .flat_map(|m| m.segments.iter().map(String::as_str))
                .collect(),
        )
    }

    /// Whether some message lists segment `s`.
    pub fn contains(&self, s: &str) -> bool {
        self.0.contains(s)
    }

    /// Whether some message is written for the segment of `a` (never for a blank segment).
    pub fn reach(&self, a: &Account) -> bool {
        segment_of(a).is_some_and(|s| self.contains(s))
    }

    /// Whether `a` is left without a message: it chose none, and no message is written for its
    /// segment. What `account-without-message` finds.
    pub fn leave_out(&self, a: &Account) -> bool {
        a.messages.is_empty() && !self.reach(a)
    }
}

/// A column of the message map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapColumn {
    /// A segment, by name.
    Segment(String),
    /// A tier-1 account, by index in `plan.accounts`.
    Account(usize),
}

impl MapColumn {
    /// Its name: the segment, or the account's name.
    pub fn name<'p>(&'p self, plan: &'p Plan) -> &'p str {
        match self {
            MapColumn::Segment(s) => s,
            MapColumn::Account(i) => plan.accounts.get(*i).map_or("", |a| a.name.as_str()),
        }
    }
}

/// How a message covers a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cover {
    /// Not at all.
    No,
    /// The message lists the account's segment (the account did not choose it).
    ViaSegment,
    /// The message lists the segment, or the account lists the message.
    Listed,
}

/// The columns of the message map: segments (sorted), then tier-1 accounts (by name).
pub fn columns(plan: &Plan) -> Vec<MapColumn> {
    let mut tier1: Vec<(String, usize)> = plan
        .accounts
        .iter()
        .enumerate()
        .filter(|(_, a)| a.tier == 1)
        .map(|(i, a)| (a.name.to_lowercase(), i))
        .collect();
    tier1.sort_unstable();
    segments(plan)
        .into_iter()
        .map(MapColumn::Segment)
        .chain(tier1.into_iter().map(|(_, i)| MapColumn::Account(i)))
        .collect()
}

/// How `m` covers `column`.
pub fn cover(plan: &Plan, m: &Message, column: &MapColumn) -> Cover {
    match column {
        MapColumn::Segment(s) => {
            if m.segments.contains(s) {
                Cover::Listed
            } else {
                Cover::No
            }
        }
        MapColumn::Account(i) => match plan.accounts.get(*i) {
            Some(a) if a.messages.contains(&m.id) => Cover::Listed,
            Some(a) if segment_of(a).is_some_and(|s| m.segments.iter().any(|x| x == s)) => {
                Cover::ViaSegment
            }
            _ => Cover::No,
        },
    }
}

/// The coverage of a whole plan, column by column, worked out in one linear pass.
pub struct Coverage {
    /// The columns, as [`columns`] gives them.
    pub columns: Vec<MapColumn>,
    /// How many of the columns are segments (they come first).
    pub n_segments: usize,
    /// Per column: no message covers it.
    pub gap: Vec<bool>,
    /// Per column: for a segment, how many accounts are in it.
    pub accounts_in: Vec<usize>,
    /// Accounts (any tier) no message covers, by index: see [`ListedSegments::leave_out`].
    pub uncovered: Vec<usize>,
}

impl Coverage {
    /// The coverage of `plan`.
    pub fn of(plan: &Plan) -> Coverage {
        let columns = columns(plan);
        let listed = ListedSegments::of(plan);
        let ids: HashSet<&str> = plan.messages.iter().map(|m| m.id.as_str()).collect();
        let mut in_segment: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
        for s in plan.accounts.iter().filter_map(segment_of) {
            *in_segment.entry(s).or_default() += 1;
        }
        let gap = columns
            .iter()
            .map(|c| match c {
                MapColumn::Segment(s) => !listed.contains(s),
                MapColumn::Account(i) => plan.accounts.get(*i).is_none_or(|a| {
                    !a.messages.iter().any(|m| ids.contains(m.as_str())) && !listed.reach(a)
                }),
            })
            .collect();
        let accounts_in = columns
            .iter()
            .map(|c| match c {
                MapColumn::Segment(s) => in_segment.get(s.as_str()).copied().unwrap_or(0),
                MapColumn::Account(_) => 0,
            })
            .collect();
        let uncovered = plan
            .accounts
            .iter()
            .enumerate()
            .filter(|(_, a)| listed.leave_out(a))
            .map(|(i, _)| i)
            .collect();
        Coverage {
            n_segments: columns
                .iter()
                .filter(|c| matches!(c, MapColumn::Segment(_)))
                .count(),
            columns,
            gap,
            accounts_in,
            uncovered,
        }
    }

    /// Whether no message covers column `c` (true for a column that does not exist).
    pub fn is_gap(&self, c: usize) -> bool {
        self.gap.get(c).copied().unwrap_or(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Person, Team};

    fn plan() -> Plan {
        let d = Date::from_ymd(2027, 3, 1).expect("date");
        let mut p = Plan::empty("Expo", d, d);
        p.people = vec![Person {
            id: "ana".into(),
            name: "Ana".into(),
            team: Team::Sales,
            role: None,
            email: None,
            max_meetings_per_day: None,
        }];
        let msg = |id: &str, segs: &[&str]| Message {
            id: id.into(),
            headline: id.to_uppercase(),
            body: None,
            proof: vec![],
            author: None,
            segments: segs.iter().map(|s| (*s).to_owned()).collect(),
            signoffs: vec![],
        };
        p.messages = vec![msg("roi", &["Hospitals", " "]), msg("speed", &[])];
        let acc = |id: &str, name: &str, tier: i64, seg: Option<&str>, msgs: &[&str]| Account {
            id: id.into(),
            name: name.into(),
            tier,
            owner: None,
            marketing_owner: None,
            segment: seg.map(str::to_owned),
            messages: msgs.iter().map(|s| (*s).to_owned()).collect(),
            notes: None,
            crm_id: None,
        };
        p.accounts = vec![
            acc("zed", "Zed Clinics", 1, Some("Hospitals"), &[]),
            acc("acme", "Acme", 1, Some("Labs"), &["speed"]),
            acc("bolt", "Bolt", 2, Some("Labs"), &[]),
            acc("cove", "Cove", 1, None, &[]),
            acc("dusk", "Dusk", 3, Some(" "), &[]),
        ];
        p
    }

    /// Whether any message covers `column`, message by message.
    fn covered(plan: &Plan, column: &MapColumn) -> bool {
        plan.messages
            .iter()
            .any(|m| cover(plan, m, column) != Cover::No)
    }

    /// The accounts no message covers, account by account and message by message.
    fn uncovered_accounts(plan: &Plan) -> Vec<usize> {
        let reached = |a: &Account| {
            segment_of(a).is_some_and(|s| {
                plan.messages
                    .iter()
                    .any(|m| m.segments.iter().any(|x| x == s))
            })
        };
        plan.accounts
            .iter()
            .enumerate()
            .filter(|(_, a)| a.messages.is_empty() && !reached(a))
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn columns_are_sorted_segments_then_tier1_accounts_by_name() {
        let p = plan();
        assert_eq!(
            segments(&p),
            vec!["Hospitals".to_owned(), "Labs".to_owned()]
        );
        assert_eq!(
            columns(&p),
            vec![
                MapColumn::Segment("Hospitals".into()),
                MapColumn::Segment("Labs".into()),
                MapColumn::Account(1),
                MapColumn::Account(3),
                MapColumn::Account(0),
            ]
        );
    }

    #[test]
    fn cover_and_gaps() {
        let p = plan();
        let (roi, speed) = (&p.messages[0], &p.messages[1]);
        assert_eq!(
            cover(&p, roi, &MapColumn::Segment("Hospitals".into())),
            Cover::Listed
        );
        assert_eq!(cover(&p, roi, &MapColumn::Account(0)), Cover::ViaSegment);
        assert_eq!(cover(&p, roi, &MapColumn::Account(4)), Cover::No);
        assert_eq!(cover(&p, speed, &MapColumn::Account(1)), Cover::Listed);
        assert!(!covered(&p, &MapColumn::Segment("Labs".into())));
        assert!(!covered(&p, &MapColumn::Account(3)));
        assert_eq!(uncovered_accounts(&p), vec![2, 3, 4]);
    }

    /// The coverage made in one pass says what a scan column by column says, and leaves out
    /// the accounts the `account-without-message` check finds.
    #[test]
    fn coverage_agrees_with_a_plain_scan_and_the_check() {
        let mut plans = vec![plan(), crate::ops::generate::generate(400, 3)];
        if let Ok(l) = crate::format::parse(crate::EXAMPLE_PLAN) {
            plans.push(l.plan);
        }
        for plan in plans {
            let s = Coverage::of(&plan);
            assert_eq!(s.columns, columns(&plan));
            for (c, col) in s.columns.iter().enumerate() {
                assert_eq!(s.gap[c], !covered(&plan, col), "column {c}");
                if let MapColumn::Segment(name) = col {
                    let n = plan
                        .accounts
                        .iter()
                        .filter(|a| a.segment.as_ref() == Some(name))
                        .count();
                    assert_eq!(s.accounts_in[c], n);
                }
            }
            assert_eq!(s.uncovered, uncovered_accounts(&plan));
            let found: Vec<usize> = crate::check::check(&plan, plan.event.starts)
                .iter()
                .filter(|f| f.rule == "account-without-message")
                .filter_map(|f| f.index)
                .collect();
            assert_eq!(s.uncovered, found);
        }
    }
}
