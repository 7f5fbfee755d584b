//! Time zones and calendar updates: every IANA zone exports with its real rules (read back by
//! an independent parser and checked against the time zone database), an updated meeting
//! outranks the copy calendar apps already have while an unchanged one does not move, a
//! renamed event keeps its UIDs, and CRM times in UTC land at event time.

use icalendar::parser::{Component, read_calendar, unfold};
use preshow::format;
use preshow::interchange::export::ics;
use preshow::interchange::import::{self, Mapping};
use preshow::model::Plan;
use std::process::Command;

fn parse(text: &str) -> Plan {
    format::parse(&format!("#![enable(implicit_some)]\n{text}"))
        .expect("plan loads")
        .plan
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> chrono::NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .expect("valid time")
}

/// A plan in `zone` with a meeting at 10:00 on the 1st and the 15th of every month of 2027.
fn plan_in(zone: &str) -> Plan {
    let meetings: String = (1..=12)
        .flat_map(|m| [1, 15].map(move |d| (m, d)))
        .map(|(m, d)| {
            format!(
                "(id: \"m{m:02}-{d:02}\", account: \"acme\", start: \"2027-{m:02}-{d:02}T10:00\", \
                 minutes: 30, status: Confirmed),\n"
            )
        })
        .collect();
    parse(&format!(
        "(format: 1, event: (name: \"World Tour\", starts: \"2027-01-01\", ends: \"2027-12-31\", \
         timezone: \"{zone}\"), accounts: [(id: \"acme\", name: \"Acme\", tier: 1)], \
         meetings: [{meetings}])"
    ))
}

fn prop(c: &Component<'_>, name: &str) -> String {
    c.find_prop(name)
        .map(|p| p.val.as_str().to_owned())
        .unwrap_or_else(|| panic!("{name} missing in {}", c.name))
}

fn tzid(c: &Component<'_>, name: &str) -> Option<String> {
    c.find_prop(name)?
        .params
        .iter()
        .find(|p| p.key.as_str() == "TZID")
        .and_then(|p| p.val.as_ref().map(|v| v.as_str().to_owned()))
}

fn local(text: &str) -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S")
        .unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// `+0200` as seconds.
fn offset(text: &str) -> i64 {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits = &text[1..];
    let n = |r: std::ops::Range<usize>| digits.get(r).map_or(0, |d| d.parse::<i64>().unwrap_or(0));
    sign * (n(0..2) * 3600 + n(2..4) * 60 + n(4..6))
}

#[test]
fn every_zone_exports_with_the_offsets_the_time_zone_database_gives() {
    let stamp = at(2027, 2, 1, 8, 15);
    for zone in [
        "Asia/Jerusalem",
        "America/Santiago",
        "Asia/Tehran",
        "Africa/Cairo",
        "US/Eastern",
        "Europe/Berlin",
    ] {
        let out = ics::calendar(&plan_in(zone), None, stamp).expect("exports");
        assert_eq!(out.warning, None, "{zone}");
        let unfolded = unfold(&out.text);
        let cal = read_calendar(&unfolded).unwrap_or_else(|e| panic!("{zone}: {e}"));
        let vtz: Vec<&Component<'_>> = cal
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VTIMEZONE")
            .collect();
        assert_eq!(vtz.len(), 1, "{zone}");
        let name = prop(vtz[0], "TZID");
        assert!(name.eq_ignore_ascii_case(zone), "{zone}: TZID {name}");
        // Each observance: its onset in UTC and the offset it brings.
        let mut observances: Vec<(chrono::NaiveDateTime, i64)> = vtz[0]
            .components
            .iter()
            .map(|o| {
                assert!(
                    matches!(o.name.as_str(), "STANDARD" | "DAYLIGHT"),
                    "{}",
                    o.name
                );
                let onset = local(&prop(o, "DTSTART"))
                    - chrono::TimeDelta::seconds(offset(&prop(o, "TZOFFSETFROM")));
                (onset, offset(&prop(o, "TZOFFSETTO")))
            })
            .collect();
        observances.sort();
        if zone != "Asia/Tehran" {
            // Tehran has kept one offset since 2022; the others change their clocks in 2027.
            assert!(
                vtz[0]
                    .components
                    .iter()
                    .any(|c| c.name.as_str() == "DAYLIGHT"),
                "{zone} has summer time:\n{}",
                out.text
            );
        }
        let tz = jiff::tz::TimeZoneDatabase::bundled()
            .get(zone)
            .expect("jiff knows the zone");
        let events: Vec<&Component<'_>> = cal
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .collect();
        assert_eq!(events.len(), 24, "{zone}");
        for e in events {
            assert_eq!(tzid(e, "DTSTART").as_deref(), Some(name.as_str()));
            let start = local(&prop(e, "DTSTART"));
            let expected = preshow::model::zone::offset_at_local(&tz, start).expect("offset");
            let utc = start - chrono::TimeDelta::seconds(i64::from(expected));
            let in_force = observances
                .iter()
                .rev()
                .find(|(onset, _)| *onset <= utc)
                .map(|(_, to)| *to);
            assert_eq!(
                in_force,
                Some(i64::from(expected)),
                "{zone} at {start}:\n{}",
                out.text
            );
        }
    }
}

#[test]
fn an_updated_meeting_outranks_the_calendar_copy_and_an_unchanged_one_keeps_its_revision() {
    let mut plan = plan_in("Europe/Berlin");
    let first = ics::calendar(&plan, None, at(2027, 2, 1, 8, 15)).expect("exports");
    let revision = |text: &str, uid_start: &str| -> (u32, String, String) {
        let unfolded = unfold(text);
        let cal = read_calendar(&unfolded).expect("parses");
        let e = cal
            .components
            .iter()
            .find(|c| c.name.as_str() == "VEVENT" && prop(c, "UID").starts_with(uid_start))
            .expect("the event");
        (
            prop(e, "SEQUENCE").parse().expect("a number"),
            prop(e, "LAST-MODIFIED"),
            prop(e, "UID"),
        )
    };
    let (seq, modified, uid) = revision(&first.text, "m04-01@");
    assert_eq!(uid, "m04-01@2027-01-01.europe-berlin.preshow");
    assert_eq!(modified, "20270201T081500Z");

    // A week later: one meeting moves and the event is renamed; the rest is as it was.
    plan.meetings[6].start = preshow::model::DateTime(at(2027, 4, 1, 11, 0));
    plan.event.name = "World Tour 2027 (renamed)".into();
    let earlier = ics::Earliers::parse(&first.text);
    let second =
        ics::calendar_replacing(&plan, None, at(2027, 2, 8, 9, 0), &earlier).expect("exports");
    let (moved_seq, moved_modified, moved_uid) = revision(&second.text, "m04-01@");
    assert_eq!(moved_uid, uid, "renaming the event keeps the UID");
    assert!(moved_seq > seq, "{moved_seq} > {seq}");
    assert_eq!(moved_modified, "20270208T090000Z");
    assert_eq!(
        revision(&second.text, "m04-15@"),
        revision(&first.text, "m04-15@"),
        "an unchanged meeting keeps its SEQUENCE, LAST-MODIFIED and UID"
    );

    // Exported again with nothing changed: the same calendar, whatever the clock says now.
    let third = ics::calendar_replacing(
        &plan,
        None,
        at(2027, 2, 8, 9, 0),
        &ics::Earliers::parse(&second.text),
    )
    .expect("exports");
    assert_eq!(third.text, second.text);

    // A colleague's first export later on, with no earlier calendar, still outranks both.
    let fresh = ics::calendar(&plan, None, at(2027, 2, 9, 7, 0)).expect("exports");
    assert!(revision(&fresh.text, "m04-15@").0 > moved_seq);
}

#[test]
fn export_over_an_earlier_calendar_raises_only_the_changed_meetings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan_path = dir.path().join("plan.ron");
    let ics_path = dir.path().join("show.ics");
    let mut plan = plan_in("Asia/Jerusalem");
    std::fs::write(&plan_path, format::to_string(&plan)).expect("write plan");
    let export = |force: bool| {
        let mut args = vec![
            "export".to_owned(),
            plan_path.display().to_string(),
            "--ics".to_owned(),
            ics_path.display().to_string(),
        ];
        if force {
            args.push("--force".to_owned());
        }
        let o = Command::new(env!("CARGO_BIN_EXE_preshow"))
            .args(&args)
            .output()
            .expect("runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        std::fs::read_to_string(&ics_path).expect("calendar written")
    };
    let sequences = |text: &str| -> Vec<(String, u32)> {
        let unfolded = unfold(text);
        let cal = read_calendar(&unfolded).expect("parses");
        cal.components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .map(|e| {
                (
                    prop(e, "UID"),
                    prop(e, "SEQUENCE").parse().expect("a number"),
                )
            })
            .collect()
    };
    let before = sequences(&export(false));
    plan.meetings[0].minutes = 45;
    std::fs::write(&plan_path, format::to_string(&plan)).expect("write plan");
    let after = sequences(&export(true));
    assert_eq!(before.len(), after.len());
    for ((uid, old), (same_uid, new)) in before.iter().zip(&after) {
        assert_eq!(uid, same_uid);
        if uid.starts_with("m01-01@") {
            assert!(new > old, "the changed meeting: {new} > {old}");
        } else {
            assert_eq!(new, old, "{uid} did not change");
        }
    }
}

#[test]
fn crm_times_in_utc_land_at_event_time_and_the_report_says_so_once() {
    let plan = parse(
        r#"(format: 1, event: (name: "Hannover Messe", starts: "2027-04-12", ends: "2027-04-16",
            timezone: "Europe/Berlin"), accounts: [(id: "acme", name: "Acme", tier: 1)])"#,
    );
    let csv = "Account,Start,Minutes\n\
               Acme,2027-04-12T08:00:00Z,30\n\
               Acme,2027-04-13T07:30:00.000+0000,30\n";
    let report = import::meetings(&plan, csv, &Mapping::default()).expect("imports");
    let starts: Vec<String> = report
        .plan
        .meetings
        .iter()
        .map(|m| m.start.to_string())
        .collect();
    assert_eq!(starts, ["2027-04-12T10:00", "2027-04-13T09:30"]);
    assert_eq!(
        report.notes,
        ["times in UTC were converted to event time in Europe/Berlin"]
    );
    assert!(
        report
            .render()
            .contains("note: times in UTC were converted to event time in Europe/Berlin"),
        "{}",
        report.render()
    );

    // Without a time zone there is no event time to convert to: the row is refused, saying why.
    let mut floating = plan.clone();
    floating.event.timezone = None;
    let report = import::meetings(&floating, csv, &Mapping::default()).expect("imports");
    assert!(report.plan.meetings.is_empty());
    assert!(
        report
            .skipped
            .iter()
            .all(|(_, why)| why.contains("the plan has no time zone")),
        "{:?}",
        report.skipped
    );
}
