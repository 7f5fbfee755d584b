//! Readiness: how complete the plan is, area by area, as one score, and who owes what among the
//! open gaps. Pure functions of the plan and its findings, shared by the readiness board, the
//! brief (`preshow export --brief`) and the README's formula.

use crate::analysis::agreement::Signatures;
use crate::check::{Finding, FixedBy, RuleId};
use crate::model::{Date, Person, Plan, Section, Team};
use std::collections::HashMap;

/// The formula of the score, shown on the board and repeated in the README.
pub const FORMULA: &str = "Readiness = the average, over the areas that have something to do, \
                           of the share done in each area.";

/// One area of readiness: how many of its items are done.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// What is counted, as people read it.
    pub label: &'static str,
    /// What counts as done.
    pub rule: &'static str,
    /// Where its items live.
    pub section: Section,
    /// Items done.
    pub done: usize,
    /// Items in the area.
    pub total: usize,
    /// The items not done yet, by name (for the tooltip).
    pub missing: Vec<String>,
}

impl Area {
    /// The share done in percent, or `None` when the area has nothing to do.
    pub fn percent(&self) -> Option<f64> {
        (self.total > 0).then(|| 100.0 * self.done as f64 / self.total as f64)
    }
}

fn area<T>(
    label: &'static str,
    rule: &'static str,
    section: Section,
    items: impl IntoIterator<Item = T>,
    done: impl Fn(&T) -> bool,
    name: impl Fn(&T) -> String,
) -> Area {
    let (mut n, mut total, mut missing) = (0, 0, Vec::new());
    for item in items {
        total += 1;
        if done(&item) {
            n += 1;
        } else {
            missing.push(name(&item));
        }
    }
    Area {
        label,
        rule,
        section,
        done: n,
        total,
        missing,
    }
}

/// The areas of readiness, in the order the board shows them. `today` marks overdue tasks.
pub fn areas(plan: &Plan, today: Date) -> Vec<Area> {
    // Linear: which accounts have a confirmed meeting, looked up once.
    let confirmed: std::collections::HashSet<&str> = plan
        .meetings
        .iter()
        .filter(|m| m.status.is_confirmed())
        .map(|m| m.account.as_str())
        .collect();
    let people = People::of(plan);
    // Sign-offs are counted with the people looked up by id, not by a scan of them per sign-off.
    let team_of = |id: &str| people.get(id).map(|p| p.team);
    let sales_owner = |owner: &Option<String>| {
        owner
            .as_deref()
            .and_then(|o| people.get(o))
            .is_some_and(|p| p.team == Team::Sales)
    };
    vec![
        area(
            "Accounts with a sales owner",
            "An account counts when its owner is someone on the Sales team.",
            Section::Accounts,
            &plan.accounts,
            |a| sales_owner(&a.owner),
            |a| a.name.clone(),
        ),
        area(
            "Tier-1 accounts with a confirmed meeting",
            "A tier-1 account counts when one of its meetings is Confirmed.",
            Section::Accounts,
            plan.accounts.iter().filter(|a| a.tier == 1),
            |a| confirmed.contains(a.id.as_str()),
            |a| a.name.clone(),
        ),
        area(
            "Messages agreed by Sales",
            "A message counts when a Sales person's sign-off still matches its text.",
            Section::Messages,
            &plan.messages,
            |m| Signatures::of(*m, team_of).by(Team::Sales),
            |m| m.headline.clone(),
        ),
        area(
            "Handoffs with an owner and an SLA",
            "A handoff counts when it names an owner and the hours allowed to follow up.",
            Section::Handoffs,
            &plan.handoffs,
            |h| h.owner.is_some() && h.sla_hours.is_some(),
            |h| h.id.clone(),
        ),
        area(
            "Objectives agreed by both teams",
            "An objective counts when a Sales and a Marketing sign-off still match it.",
            Section::Objectives,
            &plan.objectives,
            |o| Signatures::of(*o, team_of).by_both(),
            |o| o.name.clone(),
        ),
        area(
            "Terms agreed by both teams",
            "A term counts when a Sales and a Marketing sign-off still match it.",
            Section::Terms,
            &plan.terms,
            |t| Signatures::of(*t, team_of).by_both(),
            |t| t.term.clone(),
        ),
        area(
            "Tasks done",
            "A task counts when it is marked done.",
            Section::Tasks,
            &plan.tasks,
            |t| t.done,
            |t| match t.due {
                Some(d) if d < today => format!("{} (overdue since {d})", t.title),
                Some(d) => format!("{} (due {d})", t.title),
                None => t.title.clone(),
            },
        ),
    ]
}

/// The readiness score, 0 to 100: the unweighted mean of the areas' percentages, over the
/// areas that have something to do. `None` when no area has anything to do.
pub fn score(areas: &[Area]) -> Option<f64> {
    let shares: Vec<f64> = areas.iter().filter_map(Area::percent).collect();
    (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
}

/// The score as the board prints it: a whole number (rounded down), or "—" when there is
/// nothing to do.
pub fn score_text(score: Option<f64>) -> String {
    // Rounded down, like the areas' percentages: 100 only when everything is done.
    score.map_or_else(|| "—".to_owned(), |s| format!("{:.0}", s.floor()))
}

/// The readiness of a plan: its score as the board prints it.
pub fn readiness_text(plan: &Plan, today: Date) -> String {
    score_text(score(&areas(plan, today)))
}

/// A group of "who owes what".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// The Sales team.
    Sales,
    /// The Marketing team.
    Marketing,
    /// Leadership.
    Leadership,
    /// Sales and Marketing together.
    BothTeams,
}

impl Group {
    /// Every group, in the order the board shows them.
    pub const ALL: [Group; 4] = [
        Group::Sales,
        Group::Marketing,
        Group::Leadership,
        Group::BothTeams,
    ];

    /// Its title.
    pub fn title(self) -> &'static str {
        match self {
            Group::Sales => "Sales",
            Group::Marketing => "Marketing",
            Group::Leadership => "Leadership",
            Group::BothTeams => "Both teams",
        }
    }

    fn of(team: Team) -> Group {
        match team {
            Team::Sales => Group::Sales,
            Team::Marketing => Group::Marketing,
            Team::Leadership => Group::Leadership,
        }
    }
}

/// Who a finding is attributed to: a person (by id) or, when no person fits, a team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A person on the plan.
    Person(String),
    /// A team, or both.
    Team(Group),
}

/// The plan's people by id, the first of each id (as [`Plan::person`] finds them), so that
/// attributing thousands of findings looks each person up in constant time.
struct People<'a>(HashMap<&'a str, &'a Person>);

impl<'a> People<'a> {
    fn of(plan: &'a Plan) -> People<'a> {
        let mut by_id = HashMap::with_capacity(plan.people.len());
        for p in &plan.people {
            by_id.entry(p.id.as_str()).or_insert(p);
        }
        People(by_id)
    }

    fn get(&self, id: &str) -> Option<&'a Person> {
        self.0.get(id).copied()
    }
}

/// The person responsible for the item a finding is about, if the item names one.
fn responsible<'a>(plan: &'a Plan, people: &People, f: &Finding) -> Option<&'a str> {
    let i = f.index?;
    match f.section {
        Section::Accounts => {
            let a = plan.accounts.get(i)?;
            match f.rule {
                // The missing owner is the gap itself: the team decides.
                RuleId::AccountWithoutOwner => None,
                RuleId::AccountWithoutMarketingOwner => a.marketing_owner.as_deref(),
                _ => a.owner.as_deref(),
            }
        }
        Section::Handoffs => plan.handoffs.get(i)?.owner.as_deref(),
        Section::Tasks => plan.tasks.get(i)?.owner.as_deref(),
        Section::Messages => plan.messages.get(i)?.author.as_deref(),
        Section::Meetings => plan
            .meetings
            .get(i)?
            .people
            .iter()
            .find(|p| people.get(p).is_some_and(|p| p.team == Team::Sales))
            .map(String::as_str),
        Section::People => plan.people.get(i).map(|p| p.id.as_str()),
        // A lead falls to whoever follows it up (none for `lead-without-owner`: the team decides).
        Section::Leads => plan.leads.get(i)?.owner.as_deref(),
        _ => None,
    }
}

/// The team a finding falls to when no person is responsible.
fn team_for(plan: &Plan, f: &Finding) -> Group {
    let stage_team = |id: &str| plan.stages.iter().find(|s| s.id == id).map(|s| s.team);
    match f.rule.rule().fixed_by {
        FixedBy::Sales => Group::Sales,
        FixedBy::Marketing => Group::Marketing,
        FixedBy::BothTeams => Group::BothTeams,
        FixedBy::ItemTeam => {
            let i = f.index;
            let team = match f.section {
                // Meetings are booked and staffed by Sales.
                Section::Meetings => Some(Team::Sales),
                Section::Messages => Some(Team::Marketing),
                // A handoff falls to the team that receives the leads.
                Section::Handoffs => i
                    .and_then(|i| plan.handoffs.get(i))
                    .and_then(|h| stage_team(&h.to)),
                Section::Stages => i.and_then(|i| plan.stages.get(i)).map(|s| s.team),
                Section::People => i.and_then(|i| plan.people.get(i)).map(|p| p.team),
                _ => None,
            };
            team.map_or(Group::BothTeams, Group::of)
        }
    }
}

/// Who owes the fix for `f`: the item's owner (account owner, or marketing owner for
/// `account-without-marketing-owner`; handoff and task owner; message author; a meeting's first
/// Sales person; the person a capacity finding is about; a lead's owner), else a team by rule.
pub fn attribute(plan: &Plan, f: &Finding) -> Owner {
    attribute_to(plan, &People::of(plan), f)
}

/// [`attribute`], with the plan's people already indexed.
fn attribute_to(plan: &Plan, people: &People, f: &Finding) -> Owner {
    match responsible(plan, people, f) {
        Some(id) if people.get(id).is_some() => Owner::Person(id.to_owned()),
        _ => Owner::Team(team_for(plan, f)),
    }
}

/// One person's share of the open gaps (or a team's, with nobody named).
#[derive(Debug, Clone, PartialEq)]
pub struct Debtor {
    /// The person's id; `None` for the team as a whole.
    pub person: Option<String>,
    /// What the board shows.
    pub name: String,
    /// Indices into the findings.
    pub findings: Vec<usize>,
}

/// One team's share of the open gaps.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamDebt {
    /// The team.
    pub group: Group,
    /// People (most findings first, then by name), then the team with nobody named.
    pub debtors: Vec<Debtor>,
}

impl TeamDebt {
    /// How many findings the team owes.
    pub fn count(&self) -> usize {
        self.debtors.iter().map(|d| d.findings.len()).sum()
    }
}

/// The name shown for the findings a team owes with nobody named.
pub const NOBODY_NAMED: &str = "Nobody named yet";

/// The open findings grouped by team, then by person. Teams with nothing open are left out.
pub fn who_owes(plan: &Plan, findings: &[Finding]) -> Vec<TeamDebt> {
    // Each finding is attributed once, and each person's line found by id: linear in the
    // findings however many people the plan has.
    let index = People::of(plan);
    let owners: Vec<Owner> = findings
        .iter()
        .map(|f| attribute_to(plan, &index, f))
        .collect();
    let mut out = Vec::new();
    for group in Group::ALL {
        let mut people: Vec<Debtor> = Vec::new();
        let mut line_of: HashMap<&str, usize> = HashMap::new();
        let mut team_only: Vec<usize> = Vec::new();
        for (i, owner) in owners.iter().enumerate() {
            match owner {
                Owner::Person(id) => {
                    let Some(p) = index.get(id) else { continue };
                    if Group::of(p.team) != group {
                        continue;
                    }
                    match line_of.get(id.as_str()).and_then(|&at| people.get_mut(at)) {
                        Some(d) => d.findings.push(i),
                        None => {
                            line_of.insert(id, people.len());
                            people.push(Debtor {
                                person: Some(id.clone()),
                                name: p.name.clone(),
                                findings: vec![i],
                            });
                        }
                    }
                }
                Owner::Team(g) if *g == group => team_only.push(i),
                Owner::Team(_) => {}
            }
        }
        people.sort_by(|a, b| {
            b.findings
                .len()
                .cmp(&a.findings.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        if !team_only.is_empty() {
            people.push(Debtor {
                person: None,
                name: if group == Group::BothTeams {
                    "Sales and Marketing together".to_owned()
                } else {
                    NOBODY_NAMED.to_owned()
                },
                findings: team_only,
            });
        }
        if !people.is_empty() {
            out.push(TeamDebt {
                group,
                debtors: people,
            });
        }
    }
    out
}

/// What a debtor line reads: "Name (count)".
pub fn debtor_label(d: &Debtor) -> String {
    format!("{} ({})", d.name, d.findings.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Severity;
    use crate::model::fingerprint::Signable;
    use crate::model::{
        Account, Handoff, Meeting, MeetingStatus, Message, Objective, Person, Signoff, Stage, Task,
    };

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    fn person(id: &str, team: Team) -> Person {
        Person {
            id: id.into(),
            name: format!("{}{}", id[..1].to_uppercase(), &id[1..]),
            team,
            role: None,
            email: None,
            max_meetings_per_day: None,
        }
    }

    fn signoff(by: &str) -> Signoff {
        Signoff {
            by: by.into(),
            on: d("2027-01-10"),
            fingerprint: None,
            entered_by: None,
        }
    }

    fn account(id: &str, tier: i64, owner: Option<&str>, mo: Option<&str>) -> Account {
        Account {
            id: id.into(),
            name: id.to_uppercase(),
            tier,
            owner: owner.map(str::to_owned),
            marketing_owner: mo.map(str::to_owned),
            segment: None,
            messages: vec![],
            notes: None,
            crm_id: None,
        }
    }

    /// Two sales people, one marketer; every area half or partly done.
    fn plan() -> Plan {
        let mut p = Plan::empty("Expo", d("2027-03-09"), d("2027-03-10"));
        p.people = vec![
            person("ana", Team::Sales),
            person("bo", Team::Sales),
            person("mo", Team::Marketing),
        ];
        p.accounts = vec![
            account("acme", 1, Some("ana"), Some("mo")),
            account("beta", 1, None, Some("mo")),
            account("cora", 2, Some("mo"), None),
            account("dune", 3, Some("bo"), Some("mo")),
        ];
        p.meetings = vec![
            Meeting {
                id: "m1".into(),
                account: "acme".into(),
                start: "2027-03-09T10:00".parse().expect("time"),
                minutes: 30,
                location: None,
                people: vec!["mo".into(), "bo".into(), "ana".into()],
                status: MeetingStatus::Confirmed,
                goal: None,
                messages: vec![],
            },
            Meeting {
                id: "m2".into(),
                account: "beta".into(),
                start: "2027-03-09T11:00".parse().expect("time"),
                minutes: 30,
                location: None,
                people: vec![],
                status: MeetingStatus::Requested,
                goal: None,
                messages: vec![],
            },
        ];
        let msg = |id: &str, author: Option<&str>, signoffs: Vec<Signoff>| Message {
            id: id.into(),
            headline: id.to_uppercase(),
            body: None,
            proof: vec!["p".into()],
            author: author.map(str::to_owned),
            segments: vec![],
            signoffs,
        };
        let mut stale = signoff("ana");
        stale.fingerprint = Some("0000000000000000".into());
        p.messages = vec![
            msg("roi", Some("mo"), vec![signoff("bo")]),
            msg("speed", Some("mo"), vec![stale]),
            msg("care", None, vec![signoff("mo")]),
        ];
        p.objectives = vec![
            Objective {
                id: "pipe".into(),
                name: "Pipeline".into(),
                metric: None,
                target: Some(1.0),
                unit: None,
                measure: None,
                actual: None,
                signoffs: vec![signoff("ana"), signoff("mo")],
            },
            Objective {
                id: "leads".into(),
                name: "Leads".into(),
                metric: None,
                target: Some(1.0),
                unit: None,
                measure: None,
                actual: None,
                signoffs: vec![signoff("ana")],
            },
        ];
        p.terms = vec![];
        p.stages = vec![
            Stage {
                id: "mql".into(),
                name: "MQL".into(),
                team: Team::Marketing,
                entry: true,
                terminal: false,
                crm_stage: None,
            },
            Stage {
                id: "sal".into(),
                name: "SAL".into(),
                team: Team::Sales,
                entry: false,
                terminal: true,
                crm_stage: None,
            },
        ];
        p.handoffs = vec![
            Handoff {
                id: "mql-sal".into(),
                from: "mql".into(),
                to: "sal".into(),
                trigger: "t".into(),
                owner: None,
                sla_hours: Some(24),
                signoffs: vec![],
            },
            Handoff {
                id: "h2".into(),
                from: "mql".into(),
                to: "sal".into(),
                trigger: "t".into(),
                owner: Some("bo".into()),
                sla_hours: Some(24),
                signoffs: vec![],
            },
        ];
        p.tasks = vec![
            Task {
                id: "t1".into(),
                title: "Book rooms".into(),
                owner: Some("mo".into()),
                due: Some(d("2027-01-01")),
                done: true,
            },
            Task {
                id: "t2".into(),
                title: "Print flyers".into(),
                owner: Some("mo".into()),
                due: Some(d("2027-02-01")),
                done: false,
            },
            Task {
                id: "t3".into(),
                title: "Brief staff".into(),
                owner: None,
                due: None,
                done: false,
            },
        ];
        p
    }

    fn counts(areas: &[Area]) -> Vec<(usize, usize)> {
        areas.iter().map(|a| (a.done, a.total)).collect()
    }

    #[test]
    fn areas_count_what_is_done() {
        let p = plan();
        let a = areas(&p, d("2027-02-15"));
        assert_eq!(
            counts(&a),
            vec![
                (2, 4), // ana and bo own; beta has none; cora's owner is Marketing
                (1, 2), // acme confirmed, beta only requested
                (1, 3), // roi by bo; speed stale; care by Marketing only
                (1, 2), // mql-sal has no owner
                (1, 2), // leads lacks Marketing
                (0, 0), // no terms
                (1, 3),
            ]
        );
        assert_eq!(a[5].percent(), None);
        assert!(a[6].missing.iter().any(|m| m.contains("overdue")));
        assert!(a[1].missing == vec!["BETA".to_owned()]);
    }

    #[test]
    fn score_is_the_mean_over_areas_with_something_to_do() {
        let p = plan();
        let a = areas(&p, d("2027-02-15"));
        let expected = (50.0 + 50.0 + 100.0 / 3.0 + 50.0 + 50.0 + 100.0 / 3.0) / 6.0;
        let s = score(&a).expect("score");
        assert!((s - expected).abs() < 1e-9, "{s} vs {expected}");
        assert_eq!(score_text(Some(s)), "44");
        assert_eq!(readiness_text(&p, d("2027-02-15")), "44");
        // Rounded down: 100 only when every area is complete.
        assert_eq!(score_text(Some(99.9)), "99");
        assert_eq!(score_text(Some(100.0)), "100");
    }

    #[test]
    fn an_empty_plan_has_no_score() {
        let p = Plan::empty("Expo", d("2027-03-09"), d("2027-03-10"));
        assert_eq!(score(&areas(&p, d("2027-01-01"))), None);
        assert_eq!(readiness_text(&p, d("2027-01-01")), "—");
    }

    #[test]
    fn a_stale_signoff_does_not_count() {
        let mut p = plan();
        // Changing the text makes a pinned sign-off stale.
        let fp = p.objectives[0].fingerprint();
        for s in &mut p.objectives[0].signoffs {
            s.fingerprint = Some(fp.clone());
        }
        assert_eq!(areas(&p, d("2027-02-15"))[4].done, 1);
        p.objectives[0].name = "Changed".into();
        assert_eq!(areas(&p, d("2027-02-15"))[4].done, 0);
    }

    #[test]
    fn attribution_follows_owners_then_teams() {
        let p = plan();
        let f = |rule: &'static str, section: Section, index: Option<usize>| Finding {
            rule: RuleId::from_name(rule).expect("a rule of the catalogue"),
            severity: Severity::Warning,
            section,
            index,
            id: None,
            message: rule.to_owned(),
        };
        let who = |rule, section, index| attribute(&p, &f(rule, section, index));
        let person = |id: &str| Owner::Person(id.to_owned());
        assert_eq!(
            who("account-without-owner", Section::Accounts, Some(1)),
            Owner::Team(Group::Sales)
        );
        assert_eq!(
            who(
                "priority-account-without-meeting",
                Section::Accounts,
                Some(1)
            ),
            Owner::Team(Group::Sales)
        );
        assert_eq!(
            who(
                "priority-account-without-meeting",
                Section::Accounts,
                Some(0)
            ),
            person("ana")
        );
        assert_eq!(
            who(
                "account-without-marketing-owner",
                Section::Accounts,
                Some(2)
            ),
            Owner::Team(Group::Marketing)
        );
        assert_eq!(
            who("account-owner-not-sales", Section::Accounts, Some(2)),
            person("mo")
        );
        // A meeting: its first Sales person, not the marketer listed first.
        assert_eq!(
            who("person-double-booked", Section::Meetings, Some(0)),
            person("bo")
        );
        assert_eq!(
            who("meeting-without-sales", Section::Meetings, Some(1)),
            Owner::Team(Group::Sales)
        );
        assert_eq!(
            who("message-not-agreed", Section::Messages, Some(1)),
            person("mo")
        );
        assert_eq!(
            who("message-not-agreed", Section::Messages, Some(2)),
            Owner::Team(Group::Sales)
        );
        assert_eq!(
            who("message-without-proof", Section::Messages, Some(2)),
            Owner::Team(Group::Marketing)
        );
        assert_eq!(
            who("handoff-without-owner", Section::Handoffs, Some(0)),
            Owner::Team(Group::Sales)
        );
        assert_eq!(
            who("handoff-not-accepted", Section::Handoffs, Some(1)),
            person("bo")
        );
        assert_eq!(who("task-overdue", Section::Tasks, Some(1)), person("mo"));
        assert_eq!(
            who("task-without-owner", Section::Tasks, Some(2)),
            Owner::Team(Group::BothTeams)
        );
        assert_eq!(
            who("objective-not-shared", Section::Objectives, Some(1)),
            Owner::Team(Group::BothTeams)
        );
        assert_eq!(
            who("no-objectives", Section::Objectives, None),
            Owner::Team(Group::BothTeams)
        );
        assert_eq!(
            who("lead-definition-missing", Section::Terms, None),
            Owner::Team(Group::BothTeams)
        );
        assert_eq!(
            who("person-over-capacity", Section::People, Some(0)),
            person("ana")
        );
        assert_eq!(
            who("stage-dead-end", Section::Stages, Some(0)),
            Owner::Team(Group::Marketing)
        );
    }

    #[test]
    fn who_owes_groups_by_team_then_person() {
        let p = plan();
        let findings = crate::check::check(&p, d("2027-02-15"));
        let debts = who_owes(&p, &findings);
        let total: usize = debts.iter().map(TeamDebt::count).sum();
        assert_eq!(total, findings.len(), "every finding is owed by someone");
        let groups: Vec<Group> = debts.iter().map(|t| t.group).collect();
        let mut sorted = groups.clone();
        sorted.sort();
        assert_eq!(groups, sorted);
        let marketing = debts
            .iter()
            .find(|t| t.group == Group::Marketing)
            .expect("marketing owes");
        let mo = marketing
            .debtors
            .iter()
            .find(|d| d.person.as_deref() == Some("mo"))
            .expect("mo owes");
        assert!(debtor_label(mo).starts_with("Mo ("));
        // The overdue flyers are Mo's.
        assert!(
            mo.findings
                .iter()
                .any(|&i| findings[i].rule == RuleId::TaskOverdue)
        );
        // Per team, people come before the team's unnamed share, most findings first.
        for t in &debts {
            let named: Vec<usize> = t
                .debtors
                .iter()
                .take_while(|d| d.person.is_some())
                .map(|d| d.findings.len())
                .collect();
            assert!(named.windows(2).all(|w| w[0] >= w[1]));
            assert!(
                t.debtors
                    .iter()
                    .skip(named.len())
                    .all(|d| d.person.is_none())
            );
        }
    }
}
