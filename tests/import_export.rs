//! Import from CRM exports and export to calendars, CSV and a leadership brief: the files read
//! back by independent parsers, the dry run agrees with the real run, and the command line's
//! exit statuses.

use icalendar::parser::{Component, read_calendar, unfold};
use preshow::format;
use preshow::interchange::export::{brief, csv as csv_export, ics};
use preshow::interchange::import::{self, Mapping};
use preshow::model::{Date, Person, Plan, Section, Team};
use preshow::ops::diff::{ChangeKind, diff};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ACCOUNTS_CSV: &str = include_str!("fixtures/import/salesforce-accounts.csv");
const MEETINGS_CSV: &str = include_str!("fixtures/import/hubspot-meetings.csv");
const ACCOUNTS_FIXTURE: &str = "tests/fixtures/import/salesforce-accounts.csv";
const MEETINGS_FIXTURE: &str = "tests/fixtures/import/hubspot-meetings.csv";

fn preshow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn parse(text: &str) -> Plan {
    format::parse(text).expect("plan loads").plan
}

/// The example plan, with a second "J. Weber" (Jana) so that an owner written "J. Weber" in a
/// CRM export is ambiguous: the example's people all have different initials.
fn example_with_jana() -> Plan {
    let mut plan = parse(preshow::EXAMPLE_PLAN);
    plan.people.push(Person {
        id: "jana".into(),
        name: "Jana Weber".into(),
        team: Team::Sales,
        role: Some("Sales development representative".into()),
        email: Some("jana.weber@stratoline.example".into()),
        max_meetings_per_day: Some(4),
    });
    plan
}

fn write_plan(dir: &Path, plan: &Plan) -> PathBuf {
    let path = dir.join("plan.ron");
    std::fs::write(&path, format::to_string(plan)).expect("write plan");
    path
}

// ---------------------------------------------------------------- ICS

const CALENDAR_PLAN: &str = r#"#![enable(implicit_some)]
(
    format: 1,
    event: (name: "Salon Énergie 2027", starts: "2027-03-09", ends: "2027-03-10", timezone: "Europe/Paris"),
    people: [
        (id: "ana", name: "Ana Ruíz", team: Sales, email: "ana@example.com"),
        (id: "mo", name: "Mo \"Quotes\" Chen", team: Marketing, email: "Mo.Chen@example.com"),
        (id: "li", name: "Li Wei", team: Leadership),
    ],
    accounts: [
        (id: "acme", name: "Acme, Inc.; Europe", tier: 1, owner: "ana", segment: "Hospitals"),
        (id: "zeta", name: "Zeta", tier: 2),
    ],
    messages: [
        (id: "roi", headline: "Pays back in 9 months", proof: ["Case study: St. Mary's, 2026"]),
    ],
    meetings: [
        (id: "acme-demo", account: "acme", start: "2027-03-09T10:00", minutes: 45,
         location: "Hall 3, Room B; near the café", people: ["ana", "mo", "li"], status: Confirmed,
         goal: "Démonstration détaillée du calculateur de retour sur investissement, phase 2; coûts, délais\\risques\nsecond line: ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ 日本語のテキストも折り返す",
         messages: ["roi"]),
        (id: "zeta-intro", account: "zeta", start: "2027-03-10T23:30", minutes: 60, people: ["mo"],
         status: Proposed),
        (id: "zeta-old", account: "zeta", start: "2027-03-10T09:00", minutes: 30, people: ["ana"],
         status: Cancelled),
        (id: "zeta-no", account: "zeta", start: "2027-03-10T11:00", minutes: 30, people: ["ana"],
         status: Declined),
    ],
)
"#;

fn stamp() -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2027, 2, 1)
        .and_then(|d| d.and_hms_opt(8, 15, 0))
        .expect("valid time")
}

fn prop<'a>(c: &'a Component<'a>, name: &str) -> String {
    c.find_prop(name)
        .map(|p| p.val.as_str().to_owned())
        .unwrap_or_else(|| panic!("{name} missing in {}", c.name))
}

fn param(c: &Component<'_>, name: &str, key: &str) -> Option<String> {
    c.find_prop(name)?
        .params
        .iter()
        .find(|p| p.key.as_str() == key)
        .and_then(|p| p.val.as_ref().map(|v| v.as_str().to_owned()))
}

fn events<'a>(cal: &'a icalendar::parser::Calendar<'a>) -> Vec<&'a Component<'a>> {
    cal.components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect()
}

/// RFC 5545 3.1 on the raw bytes: CRLF only, at most 75 octets a line, each line UTF-8 on its
/// own (a fold inside a multi-byte character would break that).
fn assert_wire_format(text: &str) {
    let bytes = text.as_bytes();
    assert!(text.ends_with("\r\n"));
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if *b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    for line in bytes.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        assert!(
            line.len() <= 75,
            "{} octets: {:?}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a fold split a character: {line:?}"
        );
    }
}

#[test]
fn ics_reads_back_with_every_field_intact() {
    let plan = parse(CALENDAR_PLAN);
    let out = ics::calendar(&plan, None, stamp()).expect("exports");
    assert_eq!(
        out.events, 2,
        "cancelled and declined meetings are left out"
    );
    assert_eq!(out.warning, None);
    assert_wire_format(&out.text);
    // The long goal really was folded, and inside multi-byte characters' neighbourhood.
    assert!(out.text.contains("\r\n "), "{}", out.text);

    let unfolded = unfold(&out.text);
    let cal = read_calendar(&unfolded).expect("an independent parser reads it");
    assert_eq!(
        cal.properties
            .iter()
            .find(|p| p.name.as_str() == "VERSION")
            .map(|p| p.val.as_str()),
        Some("2.0")
    );
    let tz: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VTIMEZONE")
        .collect();
    assert_eq!(tz.len(), 1);
    assert_eq!(prop(tz[0], "TZID"), "Europe/Paris");
    let parts: Vec<&str> = tz[0].components.iter().map(|c| c.name.as_str()).collect();
    // The change in force on 1 January 2027 (October 2026's), then March's and October's.
    assert_eq!(parts, ["STANDARD", "DAYLIGHT", "STANDARD"]);

    let evs = events(&cal);
    assert_eq!(evs.len(), 2);
    let demo = evs[0];
    assert_eq!(
        prop(demo, "UID"),
        "acme-demo@2027-03-09.europe-paris.preshow"
    );
    assert_eq!(prop(demo, "DTSTAMP"), "20270201T081500Z");
    // A first export: every event is new, modified now, with the minutes since 2020 as SEQUENCE.
    assert_eq!(prop(demo, "LAST-MODIFIED"), "20270201T081500Z");
    assert_eq!(prop(demo, "SEQUENCE"), "3727215");
    assert_eq!(prop(demo, "DTSTART"), "20270309T100000");
    assert_eq!(
        param(demo, "DTSTART", "TZID").as_deref(),
        Some("Europe/Paris")
    );
    assert_eq!(prop(demo, "DTEND"), "20270309T104500");
    assert_eq!(
        param(demo, "DTEND", "TZID").as_deref(),
        Some("Europe/Paris")
    );
    let goal = plan.meetings[0].goal.clone().expect("goal");
    assert_eq!(prop(demo, "SUMMARY"), format!("Acme, Inc.; Europe: {goal}"));
    assert!(goal.contains('\n') && goal.contains('\\') && goal.contains(';'));
    assert_eq!(prop(demo, "LOCATION"), "Hall 3, Room B; near the café");
    assert_eq!(prop(demo, "STATUS"), "CONFIRMED");
    assert_eq!(prop(demo, "ORGANIZER"), "mailto:ana@example.com");
    assert_eq!(param(demo, "ORGANIZER", "CN").as_deref(), Some("Ana Ruíz"));
    let attendees: Vec<(String, Option<String>)> = demo
        .properties
        .iter()
        .filter(|p| p.name.as_str() == "ATTENDEE")
        .map(|p| {
            (
                p.val.as_str().to_owned(),
                p.params
                    .iter()
                    .find(|x| x.key.as_str() == "CN")
                    .and_then(|x| x.val.as_ref().map(|v| v.as_str().to_owned())),
            )
        })
        .collect();
    assert_eq!(
        attendees,
        [
            (
                "mailto:ana@example.com".to_owned(),
                Some("Ana Ruíz".to_owned())
            ),
            (
                "mailto:Mo.Chen@example.com".to_owned(),
                Some("Mo 'Quotes' Chen".to_owned())
            ),
        ],
        "people without an email are not attendees"
    );
    let description = prop(demo, "DESCRIPTION");
    assert!(description.contains("Account: Acme, Inc.; Europe (tier 1, Hospitals)"));
    assert!(description.contains("People: Ana Ruíz (Sales, ana@example.com); Mo \"Quotes\" Chen (Marketing, Mo.Chen@example.com); Li Wei (Leadership)"), "{description}");
    assert!(
        description.contains("\n- Pays back in 9 months\n  Proof: Case study: St. Mary's, 2026")
    );

    let intro = evs[1];
    assert_eq!(
        prop(intro, "UID"),
        "zeta-intro@2027-03-09.europe-paris.preshow"
    );
    assert_eq!(prop(intro, "STATUS"), "TENTATIVE");
    assert_eq!(prop(intro, "SUMMARY"), "Zeta");
    assert_eq!(prop(intro, "DTSTART"), "20270310T233000");
    assert_eq!(
        prop(intro, "DTEND"),
        "20270311T003000",
        "ends after midnight"
    );
    assert!(intro.find_prop("LOCATION").is_none());
}

#[test]
fn ics_keeps_one_persons_meetings_and_floats_without_a_time_zone() {
    let mut plan = parse(CALENDAR_PLAN);
    let out = ics::calendar(&plan, Some("mo"), stamp()).expect("exports");
    let unfolded = unfold(&out.text);
    let cal = read_calendar(&unfolded).expect("parses");
    let uids: Vec<String> = events(&cal).iter().map(|e| prop(e, "UID")).collect();
    assert_eq!(
        uids,
        [
            "acme-demo@2027-03-09.europe-paris.preshow",
            "zeta-intro@2027-03-09.europe-paris.preshow"
        ]
    );
    let out = ics::calendar(&plan, Some("li"), stamp()).expect("exports");
    assert_eq!(out.events, 1);
    assert!(ics::calendar(&plan, Some("nobody"), stamp()).is_err());

    plan.event.timezone = None;
    let out = ics::calendar(&plan, None, stamp()).expect("exports");
    assert!(!out.text.contains("VTIMEZONE") && !out.text.contains("TZID"));
    assert!(out.text.contains("\r\nDTSTART:20270309T100000\r\n"));
    plan.event.timezone = Some("Mars/Olympus_Mons".into());
    let out = ics::calendar(&plan, None, stamp()).expect("exports");
    assert!(out.warning.is_some());
    assert!(out.text.contains("\r\nDTSTART:20270309T100000\r\n"));
}

#[test]
fn ics_of_the_example_is_well_formed() {
    let plan = parse(preshow::EXAMPLE_PLAN);
    let out = ics::calendar(&plan, None, stamp()).expect("exports");
    assert_wire_format(&out.text);
    let active = plan
        .meetings
        .iter()
        .filter(|m| m.status.is_active())
        .count();
    assert_eq!(out.events, active);
    let unfolded = unfold(&out.text);
    let cal = read_calendar(&unfolded).expect("parses");
    let evs = events(&cal);
    assert_eq!(evs.len(), active);
    let mut uids: Vec<String> = evs.iter().map(|e| prop(e, "UID")).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), active, "UIDs are unique");
    // Stable: the same plan gives the same calendar.
    assert_eq!(
        ics::calendar(&plan, None, stamp()).expect("exports").text,
        out.text
    );
}

/// The calendar injections of issue 18: an attendee added through a line break, and a whole
/// forged event.
const FORGED_ATTENDEE: &str = "\r\nATTENDEE;CN=Mallory:mailto:mallory@evil.example";
const FORGED_EVENT: &str =
    "\nEND:VEVENT\nBEGIN:VEVENT\nUID:forged@evil.example\nSUMMARY:Forged\nDTSTART:20270309T100000";

/// The calendar plan with `text(n)` in every text field (ids and references included, kept
/// consistent), and `email(n)` as each person's email.
fn calendar_plan_with(text: impl Fn(usize) -> String, email: impl Fn(usize) -> String) -> Plan {
    let mut plan = parse(CALENDAR_PLAN);
    let mut n = 0;
    let mut next = || {
        n += 1;
        text(n)
    };
    plan.event.name = next();
    plan.event.venue = Some(next());
    plan.event.booth = Some(next());
    let mut renamed = std::collections::HashMap::new();
    for (i, p) in plan.people.iter_mut().enumerate() {
        let id = format!("{}{i}", next());
        renamed.insert(p.id.clone(), id.clone());
        p.id = id;
        p.name = next();
        p.role = Some(next());
        p.email = Some(email(i));
    }
    for (i, a) in plan.accounts.iter_mut().enumerate() {
        let id = format!("{}{i}", next());
        renamed.insert(a.id.clone(), id.clone());
        a.id = id;
        a.name = next();
        a.segment = Some(next());
        a.notes = Some(next());
        a.owner = a.owner.as_ref().map(|o| renamed[o].clone());
    }
    for (i, m) in plan.messages.iter_mut().enumerate() {
        let id = format!("{}{i}", next());
        renamed.insert(m.id.clone(), id.clone());
        m.id = id;
        m.headline = next();
        m.body = Some(next());
        m.proof = vec![next(), next()];
    }
    for (i, m) in plan.meetings.iter_mut().enumerate() {
        m.id = format!("{}{i}", next());
        m.account = renamed[&m.account].clone();
        m.location = Some(next());
        m.goal = Some(next());
        for p in &mut m.people {
            *p = renamed[p].clone();
        }
        for x in &mut m.messages {
            *x = renamed[x].clone();
        }
    }
    plan
}

/// Every property (and component delimiter) the calendar writes.
const WRITTEN: &[&str] = &[
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "X-WR-CALNAME",
    "X-WR-TIMEZONE",
    "TZID",
    "DTSTART",
    "TZOFFSETFROM",
    "TZOFFSETTO",
    "TZNAME",
    "UID",
    "DTSTAMP",
    "SEQUENCE",
    "LAST-MODIFIED",
    "DTEND",
    "SUMMARY",
    "LOCATION",
    "STATUS",
    "ORGANIZER",
    "ATTENDEE",
    "DESCRIPTION",
    "TRANSP",
];

/// Whether an email can be an attendee's `mailto:` as it is: what the calendar's module docs
/// promise.
fn usable_email(email: &str) -> bool {
    let email = email.trim();
    email.contains('@')
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
}

/// What a calendar holds, read back by an independent parser: per event, its UIDs, attendees
/// (value and CN) and organisers; and what sits beside the events.
struct ReadBack {
    uids: Vec<Vec<String>>,
    attendees: Vec<Vec<(String, Option<String>)>>,
    organisers: Vec<usize>,
    others: Vec<String>,
}

fn read_back(text: &str) -> ReadBack {
    assert_wire_format(text);
    let unfolded = unfold(text);
    let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let evs = events(&cal);
    let all = |e: &Component<'_>, name: &str| -> Vec<String> {
        e.properties
            .iter()
            .filter(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_owned())
            .collect()
    };
    ReadBack {
        uids: evs.iter().map(|e| all(e, "UID")).collect(),
        attendees: evs
            .iter()
            .map(|e| {
                e.properties
                    .iter()
                    .filter(|p| p.name.as_str() == "ATTENDEE")
                    .map(|p| {
                        let cn = p.params.iter().find(|x| x.key.as_str() == "CN");
                        (
                            p.val.as_str().to_owned(),
                            cn.and_then(|x| x.val.as_ref().map(|v| v.as_str().to_owned())),
                        )
                    })
                    .collect()
            })
            .collect(),
        organisers: evs.iter().map(|e| all(e, "ORGANIZER").len()).collect(),
        others: cal
            .components
            .iter()
            .map(|c| c.name.as_str().to_owned())
            .filter(|n| n != "VEVENT" && n != "VTIMEZONE")
            .collect(),
    }
}

/// TEXT as a calendar holds it: line breaks as `\n`, other control characters left out.
fn as_calendar_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

#[test]
fn ics_carries_no_structure_from_plan_text() {
    for payload in [FORGED_ATTENDEE, FORGED_EVENT] {
        // The payload in every text field, and in one person's email; the other two are real.
        let plan = calendar_plan_with(
            |n| format!("x{n}{payload}"),
            |i| {
                if i == 0 {
                    format!("ana@example.com{payload}")
                } else {
                    format!("p{i}@example.com")
                }
            },
        );
        let out = ics::calendar(&plan, None, stamp()).expect("exports");
        assert_eq!(out.events, 2);
        let back = read_back(&out.text);
        assert_eq!(
            back.uids.len(),
            2,
            "exactly one VEVENT per meeting:\n{}",
            out.text
        );
        assert!(back.others.is_empty(), "{:?}", back.others);
        let demo = &plan.meetings[0];
        // One UID each, the id percent-encoded: one token, the same for the same id.
        assert_eq!(back.uids[0].len(), 1);
        assert_eq!(back.uids[1].len(), 1);
        let uid = &back.uids[0][0];
        assert!(
            uid.starts_with("x") && uid.ends_with(".preshow") && !uid.contains("forged@"),
            "{uid}"
        );
        assert_eq!(
            uid.split('@').next().map(|local| local.len()),
            Some(ics::uid_local_part(&demo.id).len())
        );
        // No content line that the plan's text started: each is a property Preshow writes.
        for line in unfold(&out.text).split("\r\n").filter(|l| !l.is_empty()) {
            let name = line.split([';', ':']).next().unwrap_or_default();
            assert!(WRITTEN.contains(&name), "{name}: {line}\n{}", out.text);
        }
        // Ana's email carries the payload, so she is not an attendee; Mo and Li are, each
        // named as they are.
        assert_eq!(
            back.attendees[0]
                .iter()
                .map(|(v, _)| v.as_str())
                .collect::<Vec<_>>(),
            ["mailto:p1@example.com", "mailto:p2@example.com"]
        );
        let cn = back.attendees[0][0].1.clone().unwrap_or_default();
        assert_eq!(
            cn,
            plan.people[1]
                .name
                .chars()
                .filter(|c| !c.is_control())
                .collect::<String>()
        );
        assert_eq!(back.attendees[1].len(), 1);
        assert_eq!(back.organisers, [1, 1]);
        // Every text value reads back as it is (line breaks kept, escaped on the wire).
        let unfolded = unfold(&out.text);
        let cal = read_calendar(&unfolded).expect("parses");
        let ev = events(&cal)[0];
        assert_eq!(
            prop(ev, "LOCATION"),
            as_calendar_text(demo.location.as_deref().unwrap_or_default())
        );
        assert_eq!(
            prop(ev, "SUMMARY"),
            as_calendar_text(&format!(
                "{}: {}",
                plan.accounts[0].name,
                demo.goal.as_deref().unwrap_or_default()
            ))
        );
        assert!(prop(ev, "DESCRIPTION").contains(&as_calendar_text(&plan.messages[0].proof[1])));
    }
}

#[test]
fn ics_uids_stay_the_same_for_plain_ids_and_become_one_token_otherwise() {
    assert_eq!(ics::uid_local_part("acme-demo"), "acme-demo");
    assert_eq!(ics::uid_local_part("Demo_1.x~"), "Demo_1.x~");
    assert_eq!(
        ics::uid_local_part(&format!("m1{FORGED_ATTENDEE}")),
        "m1%0D%0AATTENDEE%3BCN%3DMallory%3Amailto%3Amallory%40evil.example"
    );
    assert_eq!(ics::uid_local_part("café 50%"), "caf%C3%A9%2050%25");
    // Different ids, different UIDs: `%` itself is encoded.
    assert_ne!(ics::uid_local_part("a%40"), ics::uid_local_part("a@"));
}

/// The calendar plan with its first meeting moved to `start` and lasting `minutes`.
fn calendar_plan_at(start: &str, minutes: i64) -> Plan {
    let mut plan = parse(CALENDAR_PLAN);
    plan.meetings[0].start = start.parse().expect("a time");
    plan.meetings[0].minutes = minutes;
    plan
}

#[test]
fn ics_times_stay_within_what_a_calendar_can_hold() {
    // The last minute of year 9999, and the first of year 0, are written as they are.
    let plan = calendar_plan_at("9999-12-31T23:00", 59);
    let out = ics::calendar(&plan, None, stamp()).expect("exports");
    assert!(out.text.contains(";TZID=Europe/Paris:99991231T230000\r\n"));
    assert!(out.text.contains(";TZID=Europe/Paris:99991231T235900\r\n"));
    read_back(&out.text);
    let plan = calendar_plan_at("0000-01-01T00:00", 30);
    let out = ics::calendar(&plan, None, stamp()).expect("exports");
    assert!(out.text.contains(";TZID=Europe/Paris:00000101T000000\r\n"));
    // A meeting of no length ends when it starts: no DTEND (RFC 5545 3.6.1).
    let plan = calendar_plan_at("2027-03-09T10:00", 0);
    let out = ics::calendar(&plan, None, stamp()).expect("exports");
    let back = unfold(&out.text);
    let cal = read_calendar(&back).expect("parses");
    assert!(events(&cal)[0].find_prop("DTEND").is_none());
    assert_eq!(prop(events(&cal)[1], "DTEND"), "20270311T003000");

    // Past 9999, before it starts, or overflowing: refused, naming the meeting.
    for (start, minutes, why) in [
        (
            "9999-12-31T23:00",
            61,
            "61 minutes long and so ends after the year 9999",
        ),
        ("2027-03-09T10:00", i64::MAX, "ends after the year 9999"),
        (
            "2027-03-09T10:00",
            -30,
            "ends before it starts (its length is -30 minutes)",
        ),
        (
            "0000-01-01T00:00",
            -1,
            "ends before it starts (its length is -1 minute)",
        ),
    ] {
        let plan = calendar_plan_at(start, minutes);
        let e = ics::calendar(&plan, None, stamp()).expect_err("refused");
        let text = e.to_string();
        assert!(text.contains(why), "{text}");
        assert!(
            text.starts_with("the meeting with Acme, Inc.; Europe at ")
                && text.contains("(id \"acme-demo\") cannot go into a calendar"),
            "{text}"
        );
        // Only the meetings exported count: Li's calendar does not hold Mo's late meeting…
        assert!(ics::calendar(&plan, Some("li"), stamp()).is_err());
        // …and a cancelled meeting is not exported.
        let mut cancelled = plan.clone();
        cancelled.meetings[0].status = preshow::model::MeetingStatus::Cancelled;
        assert!(ics::calendar(&cancelled, None, stamp()).is_ok());
    }
    let mut plan = calendar_plan_at("2027-03-10T09:00", i64::MAX);
    plan.meetings[0].people = vec!["ana".into()];
    assert!(ics::calendar(&plan, Some("mo"), stamp()).is_ok());

    // On the command line: exit 2, the meeting named, nothing written.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = calendar_plan_at("9999-12-31T23:00", 120);
    plan.meetings[0].id = format!("late{FORGED_ATTENDEE}");
    let path = write_plan(dir.path(), &plan);
    let target = dir.path().join("late.ics");
    let o = preshow(&["export", s(&path), "--ics", s(&target)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            r#"(id "late\r\nATTENDEE;CN=Mallory:mailto:mallory@evil.example") cannot go into a calendar: it is 120 minutes long and so ends after the year 9999"#
        ),
        "{}",
        stderr(&o)
    );
    assert!(!target.exists());
}

proptest::proptest! {
    /// Whatever the plan's text fields hold (ids, names, emails, locations, goals, messages),
    /// the calendar reads back with one event per active meeting, one UID each, and exactly the
    /// attendees with usable emails.
    #[test]
    fn ics_of_any_text_reads_back_with_the_same_events_and_attendees(
        texts in proptest::collection::vec(calendar_text(), 40),
        emails in proptest::collection::vec(calendar_email(), 3),
    ) {
        let plan = calendar_plan_with(
            |n| texts[n % texts.len()].clone(),
            |i| emails[i].clone(),
        );
        let out = ics::calendar(&plan, None, stamp())
            .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let back = read_back(&out.text);
        let active: Vec<_> = plan.meetings.iter().filter(|m| m.status.is_active()).collect();
        proptest::prop_assert_eq!(back.uids.len(), active.len());
        proptest::prop_assert!(back.others.is_empty());
        for (i, m) in active.iter().enumerate() {
            proptest::prop_assert_eq!(back.uids[i].len(), 1);
            let attendees: Vec<String> = m
                .people
                .iter()
                .filter_map(|p| plan.person(p)?.email.as_deref())
                .filter(|e| !e.trim().is_empty() && usable_email(e))
                .map(|e| format!("mailto:{}", e.trim()))
                .collect();
            let read: Vec<String> = back.attendees[i].iter().map(|(v, _)| v.clone()).collect();
            proptest::prop_assert_eq!(read, attendees);
            proptest::prop_assert!(back.organisers[i] <= 1);
        }
    }
}

/// Text for a calendar's fields: the payloads, the characters RFC 5545 gives a meaning, and
/// anything at all.
fn calendar_text() -> proptest::strategy::BoxedStrategy<String> {
    use proptest::prelude::*;
    prop_oneof![
        1 => Just(FORGED_ATTENDEE.to_owned()),
        1 => Just(FORGED_EVENT.to_owned()),
        4 => r#"[a-zA-Z;:,"\\\r\n\t@=^% é日]{0,20}"#,
        4 => r"(\PC|\pC){0,20}",
        1 => any::<String>(),
    ]
    .boxed()
}

/// An email: usually usable, sometimes with a payload or anything at all.
fn calendar_email() -> proptest::strategy::BoxedStrategy<String> {
    use proptest::prelude::*;
    prop_oneof![
        3 => "[a-z.]{1,8}@example\\.com",
        2 => (r"(\PC|\pC){0,12}", "[a-z]{1,4}").prop_map(|(a, b)| format!("{a}@{b}")),
        1 => calendar_text(),
    ]
    .boxed()
}

// ---------------------------------------------------------------- CSV

const FORMULA_PLAN: &str = r#"#![enable(implicit_some)]
(
    format: 1,
    event: (name: "Show", starts: "2027-03-09", ends: "2027-03-10"),
    people: [
        (id: "eq", name: "=HYPERLINK(\"http://evil.example\",\"x\")", team: Sales, email: "@eq@example.com"),
        (id: "plus", name: "+Plus Person", team: Marketing, email: "plus@example.com"),
    ],
    accounts: [
        (id: "a1", name: "=1+1", tier: 1, owner: "eq", marketing_owner: "plus", segment: "-Minus segment", notes: "@SUM(A1:A9)"),
        (id: "a2", name: "+49 Labs", tier: 2, notes: "\tTabbed"),
        (id: "a3", name: "-Negative GmbH", tier: 3, notes: "\rCarriage"),
        (id: "a4", name: "@Handle Ltd", tier: 3, notes: "Plain, with \"quotes\"\nand a second line"),
    ],
    meetings: [
        (id: "m1", account: "a1", start: "2027-03-09T10:00", minutes: 30, location: "=cmd|' /C calc'!A0",
         people: ["eq", "plus"], status: Confirmed, goal: "-2+3"),
    ],
    stages: [
        (id: "visit", name: "=Visit", team: Marketing, entry: true),
        (id: "sal", name: "Sales-accepted", team: Sales),
    ],
    handoffs: [
        (id: "h1", from: "visit", to: "sal", trigger: "+score >= 60", owner: "eq", sla_hours: 24),
    ],
)
"#;

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(
        text.starts_with('\u{feff}'),
        "UTF-8 byte-order mark for spreadsheets"
    );
    assert!(text.contains("\r\n"), "CRLF rows");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

fn col(headers: &[String], name: &str) -> usize {
    headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

#[test]
fn csv_cells_that_spreadsheets_would_run_open_as_text() {
    let plan = parse(FORMULA_PLAN);
    let quoted = |s: &str| format!("'{s}");

    let (h, rows) = read_csv(&csv_export::export(&plan, csv_export::Table::Accounts).expect("csv"));
    assert_eq!(rows.len(), 4);
    let name = col(&h, "Account Name");
    let notes = col(&h, "Notes");
    for (row, account) in rows.iter().zip(&plan.accounts) {
        assert_eq!(
            row[name],
            quoted(&account.name),
            "every name starts with = + - or @"
        );
        assert_eq!(row[col(&h, "Id")], account.id, "other cells unchanged");
        assert_eq!(row[col(&h, "Tier")], account.tier.to_string());
    }
    assert_eq!(rows[0][notes], quoted("@SUM(A1:A9)"));
    assert_eq!(rows[1][notes], quoted("\tTabbed"));
    assert_eq!(rows[2][notes], quoted("\rCarriage"));
    assert_eq!(rows[3][notes], "Plain, with \"quotes\"\nand a second line");
    assert_eq!(rows[0][col(&h, "Segment")], quoted("-Minus segment"));
    assert_eq!(
        rows[0][col(&h, "Account Owner")],
        quoted("=HYPERLINK(\"http://evil.example\",\"x\")")
    );
    assert_eq!(
        rows[0][col(&h, "Account Owner Email")],
        quoted("@eq@example.com")
    );
    assert_eq!(rows[0][col(&h, "Marketing Owner")], quoted("+Plus Person"));
    assert_eq!(
        rows[0][col(&h, "Marketing Owner Email")],
        "plus@example.com"
    );

    let (h, rows) = read_csv(&csv_export::export(&plan, csv_export::Table::Meetings).expect("csv"));
    assert_eq!(rows[0][col(&h, "Account")], quoted("=1+1"));
    assert_eq!(rows[0][col(&h, "Location")], quoted("=cmd|' /C calc'!A0"));
    assert_eq!(rows[0][col(&h, "Goal")], quoted("-2+3"));
    assert_eq!(rows[0][col(&h, "Start")], "2027-03-09 10:00");
    assert_eq!(rows[0][col(&h, "End")], "2027-03-09 10:30");
    assert_eq!(rows[0][col(&h, "Status")], "Confirmed");
    assert_eq!(
        rows[0][col(&h, "Attendees")],
        quoted("=HYPERLINK(\"http://evil.example\",\"x\"); +Plus Person")
    );

    let (h, rows) = read_csv(&csv_export::export(&plan, csv_export::Table::Handoffs).expect("csv"));
    assert_eq!(rows[0][col(&h, "From Stage")], quoted("=Visit"));
    assert_eq!(rows[0][col(&h, "To Stage")], "Sales-accepted");
    assert_eq!(rows[0][col(&h, "Trigger")], quoted("+score >= 60"));
    assert_eq!(rows[0][col(&h, "SLA Hours")], "24");
    assert_eq!(rows[0][col(&h, "Owner Team")], "Sales");
}

#[test]
fn csv_cells_with_hidden_or_look_alike_formula_signs_open_as_text() {
    let mut plan = parse(FORMULA_PLAN);
    let hostile = [
        "\0=1+1",
        "\0Acme",
        "\n=1+1",
        "\r\n=1+1",
        "\t=1+1",
        " =1+1",
        "   +49 30",
        " -5",
        "  @SUM(A1)",
        "\u{3000}=1+1",
        "\u{A0}=1+1",
        "\u{200B}=1+1",
        "\u{FEFF}@SUM(A1)",
        "\u{202E}=1+1",
        " \0\t=1+1",
        "＝1+1",
        "＋49 30",
        "－5",
        "＠SUM(A1)",
        " ＝HYPERLINK(\"http://evil.example\")",
        "﹦1+1",
        "﹢1",
        "﹣1",
        "﹫x",
        "⁼1",
        "₊1",
        "−5",
    ];
    let plain = [
        "Acme",
        " Acme",
        "a=b",
        "1-2",
        "Ünal Holding",
        "–Dash Ltd",
        "日本＝",
    ];
    plan.accounts = hostile
        .iter()
        .chain(&plain)
        .enumerate()
        .map(|(i, name)| preshow::model::Account {
            id: format!("a{i}"),
            name: (*name).to_owned(),
            tier: 2,
            owner: None,
            marketing_owner: None,
            segment: None,
            messages: Vec::new(),
            notes: Some((*name).to_owned()),
            crm_id: None,
        })
        .collect();
    let (h, rows) = read_csv(&csv_export::export(&plan, csv_export::Table::Accounts).expect("csv"));
    assert_eq!(rows.len(), hostile.len() + plain.len());
    for (row, name) in rows.iter().zip(hostile.iter().chain(&plain)) {
        let expected = if hostile.contains(name) {
            format!("'{name}")
        } else {
            (*name).to_owned()
        };
        assert_eq!(row[col(&h, "Account Name")], expected, "{name:?}");
        assert_eq!(row[col(&h, "Notes")], expected, "{name:?}");
    }
}

#[test]
fn exported_accounts_import_back_without_changes() {
    let plan = parse(preshow::EXAMPLE_PLAN);
    let text = csv_export::export(&plan, csv_export::Table::Accounts).expect("csv");
    let report = import::accounts(&plan, &text, &Mapping::default()).expect("imports");
    assert_eq!(report.rows, plan.accounts.len());
    assert!(!report.changed(), "{}", report.render());
    assert!(
        report.skipped.is_empty() && report.ambiguous.is_empty(),
        "{}",
        report.render()
    );
    let text = csv_export::export(&plan, csv_export::Table::Meetings).expect("csv");
    let report = import::meetings(&plan, &text, &Mapping::default()).expect("imports");
    assert!(!report.changed(), "{}", report.render());
    assert!(
        report.skipped.is_empty() && report.ambiguous.is_empty(),
        "{}",
        report.render()
    );
}

// ---------------------------------------------------------------- import

fn changes_in(
    before: &Plan,
    after: &Plan,
    section: Section,
) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for c in diff(before, after) {
        if c.section == Section::Plan && c.id == "format" {
            // CRM ids are format 2's: a plan that gains them becomes format 2.
            assert_eq!(after.format, 2);
            continue;
        }
        assert_eq!(c.section, section, "only {section} change: {c:?}");
        match c.kind {
            ChangeKind::Added => added.push(c.id),
            ChangeKind::Changed(fields) => {
                changed.push((c.id, fields.into_iter().map(|f| f.field).collect()))
            }
            ChangeKind::Removed => panic!("an import never deletes: {} removed", c.id),
        }
    }
    (added, changed)
}

fn report_changes(report: &import::ImportReport) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    let mut updated: Vec<(String, Vec<String>)> = report
        .updated
        .iter()
        .map(|(id, fields)| (id.clone(), fields.iter().map(|f| (*f).to_owned()).collect()))
        .collect();
    for (_, fields) in &mut updated {
        fields.sort();
    }
    (report.added.clone(), updated)
}

fn sorted(
    mut v: (Vec<String>, Vec<(String, Vec<String>)>),
) -> (Vec<String>, Vec<(String, Vec<String>)>) {
    for (_, fields) in &mut v.1 {
        fields.sort();
    }
    v.1.sort();
    v
}

#[test]
fn accounts_import_does_exactly_what_the_dry_run_said() {
    let before = example_with_jana();
    let dir = tempfile::tempdir().expect("tempdir");
    let plan_path = write_plan(dir.path(), &before);
    let original = std::fs::read(&plan_path).expect("read");

    let report = import::accounts(&before, ACCOUNTS_CSV, &Mapping::default()).expect("imports");
    assert_eq!(report.rows, 15);
    assert_eq!(
        report.added,
        ["helios-robotics", "nordlicht-brauerei", "alba-textiles"]
    );
    let updated: Vec<(&str, Vec<&str>)> = report
        .updated
        .iter()
        .map(|(id, f)| (id.as_str(), f.clone()))
        .collect();
    // Salesforce's Account ID is kept as each account's CRM id.
    assert_eq!(
        updated,
        [
            ("brenner", vec!["crm_id"]),
            ("iberlog", vec!["crm_id"]),
            ("rhine-polymer", vec!["tier", "crm_id"]),
            ("voltera-cells", vec!["owner", "crm_id"]),
            ("baltic-cold", vec!["owner", "crm_id"]),
            ("tecnoplast", vec!["tier", "segment", "crm_id"]),
            ("castellana-bev", vec!["crm_id"]),
            ("meridian-brewing", vec!["crm_id"]),
            ("lumen-generics", vec!["notes", "crm_id"]),
            ("kovac-axles", vec!["crm_id"]),
        ]
    );
    assert_eq!(
        report.skipped,
        [
            (9, "no name: skipped".to_owned()),
            (
                11,
                "owner 'carlos.mendes@stratoline.example' / 'Carlos Mendes' is not a person in the plan: owner stays 'tomas'".to_owned()
            ),
            (
                13,
                "tier 'Lukewarm' is not Hot/Warm/Cold, A/B/C or 1/2/3: tier not changed".to_owned()
            ),
        ]
    );
    assert_eq!(
        report.ambiguous,
        [
            (
                10,
                "owner 'J. Weber' matches two people (jonas, jana): left unassigned".to_owned()
            ),
            (
                16,
                "'Helios Robotics' has CRM id 0015g00000Hel15AAB, but account helios-robotics of that name has 0015g00000Hel07AAB: skipped (two CRM records of one name)".to_owned()
            ),
        ]
    );
    let find = |id: &str| report.plan.accounts.iter().find(|a| a.id == id).expect(id);
    let helios = find("helios-robotics");
    assert_eq!((helios.tier, helios.owner.as_deref()), (1, Some("lena")));
    assert_eq!(helios.segment.as_deref(), Some("Automotive suppliers"));
    let nordlicht = find("nordlicht-brauerei");
    assert_eq!((nordlicht.tier, nordlicht.owner.as_deref()), (2, None));
    let alba = find("alba-textiles");
    assert_eq!(
        (alba.tier, alba.owner.as_deref()),
        (3, Some("amira")),
        "email matched case-insensitively"
    );
    assert_eq!(find("castellana-bev").owner.as_deref(), Some("tomas"));
    assert_eq!(
        find("iberlog").name,
        "Iberlog Distribución",
        "matched without case and accents, name kept"
    );

    // The dry run prints the same report and changes nothing.
    let o = preshow(&[
        "import",
        s(&plan_path),
        "--accounts",
        ACCOUNTS_FIXTURE,
        "--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(
        std::fs::read(&plan_path).expect("read"),
        original,
        "dry run writes nothing"
    );
    let printed = stdout(&o);
    assert!(printed.contains(&report.render()), "{printed}");
    assert!(
        printed.contains(
            "line 10: owner 'J. Weber' matches two people (jonas, jana): left unassigned"
        )
    );
    assert!(printed.contains("line 9: no name: skipped"));
    assert!(printed.contains("dry run"));

    // The real run does exactly that.
    let o = preshow(&["import", s(&plan_path), "--accounts", ACCOUNTS_FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains(&report.render()));
    let after_text = std::fs::read_to_string(&plan_path).expect("read");
    let after = parse(&after_text);
    assert_eq!(after, report.plan);
    assert_eq!(
        after_text,
        format::to_string(&after),
        "written in the canonical form"
    );
    assert_eq!(
        sorted(changes_in(&before, &after, Section::Accounts)),
        sorted(report_changes(&report))
    );

    // Importing the same file again finds nothing more to change.
    let again = import::accounts(&after, ACCOUNTS_CSV, &Mapping::default()).expect("imports");
    assert!(
        again.added.is_empty() && again.updated.is_empty(),
        "{}",
        again.render()
    );
}

#[test]
fn meetings_import_does_exactly_what_the_dry_run_said() {
    let before = example_with_jana();
    let dir = tempfile::tempdir().expect("tempdir");
    let plan_path = write_plan(dir.path(), &before);
    let original = std::fs::read(&plan_path).expect("read");

    let report = import::meetings(&before, MEETINGS_CSV, &Mapping::default()).expect("imports");
    assert_eq!(report.rows, 6);
    assert_eq!(
        report.added,
        ["baltic-cold-meeting", "meridian-brewing-meeting"]
    );
    let updated: Vec<(&str, Vec<&str>)> = report
        .updated
        .iter()
        .map(|(id, f)| (id.as_str(), f.clone()))
        .collect();
    assert_eq!(updated, [("brenner-demo", vec!["location", "people"])]);
    assert_eq!(
        report.skipped,
        [
            (3, "attendee 'anna.lis@balticcold.example' is not a person in the plan: left out".to_owned()),
            (4, "account 'Unknown Corp' is not in the plan: skipped".to_owned()),
            (7, "'soon' is not a date or time (write 2027-03-09 10:00, 09.03.2027, 10:00 or 2:30 PM): skipped".to_owned()),
        ]
    );
    assert_eq!(
        report.ambiguous,
        [
            (5, "date '03/04/2027' could be 2027-04-03 (day first) or 2027-03-04 (month first): skipped".to_owned()),
            (6, "attendee 'J. Weber' matches two people (jonas, jana): left out".to_owned()),
        ]
    );
    let find = |id: &str| report.plan.meetings.iter().find(|m| m.id == id).expect(id);
    let demo = find("brenner-demo");
    assert_eq!(demo.location.as_deref(), Some("Meeting room C"));
    assert_eq!(demo.people, ["priya", "mateo", "lena"]);
    let audit = find("baltic-cold-meeting");
    assert_eq!(
        audit.start.to_string(),
        "2027-03-17T14:00",
        "17/03/2027 2:00 PM, day first"
    );
    assert_eq!(audit.minutes, 45);
    assert_eq!(audit.people, ["tomas"]);
    assert_eq!(audit.status, preshow::model::MeetingStatus::Confirmed);
    assert_eq!(audit.goal.as_deref(), Some("Cold-store compressor audit"));
    let walk = find("meridian-brewing-meeting");
    assert_eq!(
        (walk.minutes, walk.status),
        (60, preshow::model::MeetingStatus::Requested)
    );
    assert!(walk.people.is_empty());

    let o = preshow(&[
        "import",
        s(&plan_path),
        "--meetings",
        MEETINGS_FIXTURE,
        "--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(std::fs::read(&plan_path).expect("read"), original);
    assert!(stdout(&o).contains(&report.render()), "{}", stdout(&o));

    let o = preshow(&["import", s(&plan_path), "--meetings", MEETINGS_FIXTURE]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let after = parse(&std::fs::read_to_string(&plan_path).expect("read"));
    assert_eq!(after, report.plan);
    assert_eq!(
        sorted(changes_in(&before, &after, Section::Meetings)),
        sorted(report_changes(&report))
    );
}

#[test]
fn explicit_mapping_and_date_order_override_recognition() {
    let plan = example_with_jana();
    let text = "Firma;Verantwortlich;Stufe\nKaskade Chemie;Lena Hoffmann;B\nNeue Werke AG;lena;1\n";
    assert!(matches!(
        import::accounts(&plan, text, &Mapping::default()),
        Err(import::ImportError::MissingColumn { .. })
    ));
    let mapping =
        Mapping::parse(&["Firma=name", "verantwortlich=owner", "STUFE=tier"]).expect("parses");
    let report = import::accounts(&plan, text, &mapping).expect("imports");
    assert_eq!(report.added, ["neue-werke-ag"]);
    assert_eq!(
        report.updated,
        [("kaskade-chemie".to_owned(), vec!["tier", "owner"])]
    );
    assert!(Mapping::parse(&["Firma=firm"]).is_err());
    // `company` is a lead's field, not an account's.
    let leads_only = Mapping::parse(&["Firma=company"]).expect("parses");
    assert!(matches!(
        import::accounts(&plan, text, &leads_only),
        Err(import::ImportError::WrongField { .. })
    ));
    let wrong = Mapping::parse(&["Firma=start"]).expect("parses");
    assert!(matches!(
        import::accounts(&plan, text, &wrong),
        Err(import::ImportError::WrongField { .. })
    ));
    let missing = Mapping::parse(&["Firm=name"]).expect("parses");
    assert!(matches!(
        import::accounts(&plan, text, &missing),
        Err(import::ImportError::NoSuchColumn { .. })
    ));

    let text = "Account,Start,Minutes\nKaskade Chemie,03/04/2027 09:00,30\n";
    let report = import::meetings(&plan, text, &Mapping::default()).expect("imports");
    assert_eq!(report.ambiguous.len(), 1);
    let mapping = Mapping {
        date_order: Some(import::DateOrder::MonthFirst),
        ..Mapping::default()
    };
    let report = import::meetings(&plan, text, &mapping).expect("imports");
    assert_eq!(report.added, ["kaskade-chemie-meeting"]);
    assert_eq!(
        report.plan.meetings.last().map(|m| m.start.to_string()),
        Some("2027-03-04T09:00".to_owned())
    );
}

// ---------------------------------------------------------------- brief

#[test]
fn brief_covers_the_plan_and_escapes_its_text() {
    let mut plan = parse(preshow::EXAMPLE_PLAN);
    plan.accounts[0].name = "<script>alert('x')</script> & *Co* | Ltd".into();
    let today = Date::from_ymd(2027, 2, 15).expect("date");

    let md = brief::markdown(&plan, today);
    for heading in [
        "# Factory Connect Europe 2027: leadership brief",
        "## Objectives and targets",
        "## Tier-1 accounts and their meetings",
        "## Agreed messages",
        "## Lead handoffs",
        "## Open gaps by team",
    ] {
        assert!(md.contains(heading), "{heading} missing:\n{md}");
    }
    assert!(md.contains("1,800,000 EUR"));
    assert!(
        md.contains("\\<script\\>alert('x')\\</script\\> & \\*Co\\* \\| Ltd"),
        "{md}"
    );
    assert!(md.contains("Catch bearing and gearbox failures weeks before they stop the line"));
    assert!(md.contains("### Sales:"));

    let html = brief::html(&plan, today);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; *Co* | Ltd"));
    assert!(
        !html.contains("<script"),
        "no script, and plan text escaped"
    );
    assert!(
        !html.contains("<link") && !html.contains("src="),
        "self-contained"
    );
    assert!(html.contains("@media print") && html.contains("break-inside: avoid"));
    assert!(html.contains("background: transparent !important"));
    assert!(html.contains("@page"));
    assert!(html.contains("<h2>Open gaps by team</h2>"));
}

/// Markup that would change a brief's structure if it got through: script and image tags, an
/// event handler, Markdown links, images, headings, lists, emphasis, code and table pipes, HTML
/// entities, a line break, a carriage return and a terminal escape.
const MARKUP: &str = "x<script>alert('x')</script> [link](javascript:alert(1)) \
    ![img](http://evil.example/x.png) <img src=x onerror=alert(1)> <a href=\"http://e.example\">a</a> \
    | a | b | &amp; &#60; &lt; **bold** _em_ `code` ~~del~~ \n# h1\n## h2\r\n- item\n1. one\n> quote \
    \u{1b}[2J \"quoted\" y";

/// The example plan with `text` in every text field but ids, references and emails.
fn example_with_text(text: &str) -> Plan {
    let mut plan = parse(preshow::EXAMPLE_PLAN);
    let t = || text.to_owned();
    plan.event.name = t();
    plan.event.venue = plan.event.venue.as_ref().map(|_| t());
    plan.event.booth = plan.event.booth.as_ref().map(|_| t());
    for p in &mut plan.people {
        p.name = t();
        p.role = p.role.as_ref().map(|_| t());
    }
    for o in &mut plan.objectives {
        o.name = t();
        o.metric = o.metric.as_ref().map(|_| t());
        o.unit = o.unit.as_ref().map(|_| t());
    }
    for term in &mut plan.terms {
        term.term = t();
        term.definition = t();
    }
    if let Some(scoring) = &mut plan.scoring {
        for signal in &mut scoring.signals {
            signal.signal = t();
        }
    }
    for a in &mut plan.accounts {
        a.name = t();
        a.segment = a.segment.as_ref().map(|_| t());
        a.notes = a.notes.as_ref().map(|_| t());
    }
    for m in &mut plan.meetings {
        m.location = m.location.as_ref().map(|_| t());
        m.goal = m.goal.as_ref().map(|_| t());
    }
    for m in &mut plan.messages {
        m.headline = t();
        m.body = m.body.as_ref().map(|_| t());
        m.proof = m.proof.iter().map(|_| t()).collect();
        m.segments = m.segments.iter().map(|_| t()).collect();
    }
    for s in &mut plan.stages {
        s.name = t();
    }
    for h in &mut plan.handoffs {
        h.trigger = t();
    }
    for task in &mut plan.tasks {
        task.title = t();
    }
    plan
}

#[test]
fn briefs_keep_escaping_markup_in_every_text_field() {
    let today = Date::from_ymd(2027, 2, 15).expect("date");
    // As long as the markup, so that the page breaks fall the same way.
    let plain = &"p".repeat(MARKUP.len());
    let benign = example_with_text(plain);
    let hostile = example_with_text(MARKUP);

    // The hostile brief is the plain one with each plain text replaced by the escaped markup:
    // the markup adds no element, link, heading, list item, row or cell.
    let html = brief::html(&hostile, today);
    let escaped = brief::escape_html(MARKUP);
    assert!(html.contains(&escaped), "the text is in the brief");
    assert_eq!(
        html.replace(&escaped, plain),
        brief::html(&benign, today),
        "HTML brief"
    );
    for tag in ["<script", "<img", "<a "] {
        assert!(!html.contains(tag), "{tag} got through");
    }
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;") && html.contains("&amp;amp;"));
    assert!(!html.contains('\u{1b}') && !html.contains('\r'));

    let md = brief::markdown(&hostile, today);
    let escaped = brief::escape_markdown(MARKUP);
    assert!(md.contains(&escaped), "the text is in the brief");
    assert_eq!(
        md.replace(&escaped, plain),
        brief::markdown(&benign, today),
        "Markdown brief"
    );
    // Spot checks of the escaped form: nothing opens a tag, a link, an image or a cell.
    for raw in [
        "<script>",
        "[link](",
        "![img]",
        " | a | b |",
        "**bold**",
        "\n# h1",
        "\n- item",
    ] {
        assert!(!md.contains(raw), "{raw} got through:\n{md}");
    }
    assert!(md.contains(r"\<script\>") && md.contains(r"\[link\](") && md.contains(r"\| a \|"));
    assert!(md.contains(r"\&amp;") && md.contains(r"\&\#60;"));
    assert!(!md.contains('\u{1b}') && !md.contains('\r'));
}

// ---------------------------------------------------------------- command line

#[test]
fn command_line_exit_statuses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan_path = write_plan(dir.path(), &example_with_jana());
    let p = s(&plan_path);
    let out = |name: &str| dir.path().join(name);

    // Export: 0 when written.
    let ics_out = out("plan.ics");
    let o = preshow(&["export", p, "--ics", s(&ics_out), "--person", "priya"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&ics_out)
            .expect("ics")
            .starts_with("BEGIN:VCALENDAR\r\n")
    );
    for (args, file) in [
        (vec!["--csv", "accounts"], "a.csv"),
        (vec!["--csv", "meetings"], "m.csv"),
        (vec!["--csv", "handoffs"], "h.csv"),
        (vec!["--brief", "md"], "brief.md"),
        (vec!["--brief", "html"], "brief.html"),
    ] {
        let target = out(file);
        let mut all = vec!["export", p];
        all.extend(args);
        all.extend(["-o", s(&target), "--today", "2027-02-15"]);
        let o = preshow(&all);
        assert_eq!(o.status.code(), Some(0), "{all:?}: {}", stderr(&o));
        assert!(target.exists(), "{file}");
    }
    let o = preshow(&["export", p, "--csv", "accounts", "-o", "-"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Account Name"));

    // Export: 2 for an unknown person, a missing choice or output, an unreadable plan.
    let o = preshow(&["export", p, "--ics", s(&out("x.ics")), "--person", "nobody"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no person with id `nobody`"));
    assert!(!out("x.ics").exists());
    assert_eq!(preshow(&["export", p]).status.code(), Some(2));
    assert_eq!(
        preshow(&["export", p, "--csv", "accounts"]).status.code(),
        Some(2)
    );
    assert_eq!(
        preshow(&[
            "export",
            p,
            "--brief",
            "md",
            "-o",
            s(&out("b.md")),
            "--today",
            "someday"
        ])
        .status
        .code(),
        Some(2)
    );
    let missing = out("missing.ron");
    assert_eq!(
        preshow(&["export", s(&missing), "--ics", s(&out("y.ics"))])
            .status
            .code(),
        Some(2)
    );

    // Import: 2 for a missing CSV, a bad mapping, a CSV without a name column, a plan with
    // comments (unless --force).
    let o = preshow(&["import", p, "--accounts", s(&out("none.csv"))]);
    assert_eq!(o.status.code(), Some(2));
    let o = preshow(&[
        "import",
        p,
        "--accounts",
        ACCOUNTS_FIXTURE,
        "--map",
        "Rating=stars",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`stars` is not a field"));
    let latin1 = out("latin1.csv");
    std::fs::write(&latin1, b"Account Name\nM\xfcller GmbH\n").expect("write");
    let o = preshow(&["import", p, "--accounts", s(&latin1)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("CSV UTF-8"), "{}", stderr(&o));
    let nameless = out("nameless.csv");
    std::fs::write(&nameless, "City,Rating\nLyon,Hot\n").expect("write");
    let o = preshow(&["import", p, "--accounts", s(&nameless)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no column for the account name"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        preshow(&["import", p]).status.code(),
        Some(2),
        "needs --accounts or --meetings"
    );
    let o = preshow(&[
        "import",
        p,
        "--accounts",
        ACCOUNTS_FIXTURE,
        "--meetings",
        MEETINGS_FIXTURE,
    ]);
    assert_eq!(o.status.code(), Some(2), "one at a time");

    let commented = out("commented.ron");
    let text = format::to_string(&example_with_jana()).replacen("(\n", "(\n    // our show\n", 1);
    std::fs::write(&commented, &text).expect("write");
    let o = preshow(&["import", s(&commented), "--accounts", ACCOUNTS_FIXTURE]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("--force"));
    assert_eq!(std::fs::read_to_string(&commented).expect("read"), text);
    let o = preshow(&[
        "import",
        s(&commented),
        "--accounts",
        ACCOUNTS_FIXTURE,
        "--dry-run",
    ]);
    assert_eq!(o.status.code(), Some(0), "a dry run reads comments fine");
    let o = preshow(&[
        "import",
        s(&commented),
        "--accounts",
        ACCOUNTS_FIXTURE,
        "--force",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        !std::fs::read_to_string(&commented)
            .expect("read")
            .contains("// our show")
    );

    // Import: 0 when nothing changes, and the file is left alone.
    let before = std::fs::read(&plan_path).expect("read");
    let same = out("same.csv");
    std::fs::write(
        &same,
        "Account Name,Rating\nBrenner Automotive Components,Hot\n",
    )
    .expect("write");
    let o = preshow(&["import", p, "--accounts", s(&same)]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("nothing to change"));
    assert_eq!(std::fs::read(&plan_path).expect("read"), before);
}

/// An unterminated quote swallowed every later row into one account name, and the import said
/// "2 rows read" and exited 0. Now it is an error naming the line where the quote opens, and
/// the plan is left as it was, with or without --dry-run.
#[test]
fn an_unterminated_quote_stops_the_import_at_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan_path = write_plan(dir.path(), &parse(preshow::EXAMPLE_PLAN));
    let original = std::fs::read(&plan_path).expect("read");
    let csv = dir.path().join("accounts.csv");
    std::fs::write(
        &csv,
        "Account Name,Tier\nAcme Robotics,1\n\"Globex, Inc,2\nInitech,1\nUmbrella Corp,3\n",
    )
    .expect("write csv");
    for dry_run in [true, false] {
        let mut args = vec!["import", s(&plan_path), "--accounts", s(&csv)];
        if dry_run {
            args.push("--dry-run");
        }
        let o = preshow(&args);
        assert_eq!(o.status.code(), Some(2), "{}{}", stdout(&o), stderr(&o));
        assert!(
            stderr(&o).starts_with(&format!("{}: line 3: a cell opened with a quote", s(&csv))),
            "{}",
            stderr(&o)
        );
        assert!(!stdout(&o).contains("rows read"), "{}", stdout(&o));
        assert_eq!(std::fs::read(&plan_path).expect("read"), original);
    }
    // The same file with the quote closed imports every row.
    std::fs::write(
        &csv,
        "Account Name,Tier\nAcme Robotics,1\n\"Globex, Inc\",2\nInitech,1\nUmbrella Corp,3\n",
    )
    .expect("write csv");
    let o = preshow(&["import", s(&plan_path), "--accounts", s(&csv), "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("4 rows read"), "{}", stdout(&o));
}
