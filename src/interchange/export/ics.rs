//! The meetings as an RFC 5545 calendar: one `VEVENT` per active meeting (Proposed and
//! Requested as `TENTATIVE`, Confirmed as `CONFIRMED`), with a stable UID, local event times
//! with the event's time zone, and the people and messages in the description.
//!
//! The text follows RFC 5545 to the letter: CRLF line endings, content lines folded at 75 octets
//! (never inside a UTF-8 sequence), TEXT values escaped (`\\`, `\;`, `\,`, `\n`). Times carry
//! `TZID=<event time zone>` with a `VTIMEZONE` built from rules Preshow knows for common show
//! locations; without a time zone, or with one Preshow has no rules for, they are floating
//! local times (and [`Ics::warning`] says so).
//!
//! No text from the plan can add structure to the calendar, whatever it holds:
//! - TEXT values (summary, location, description, calendar name) are escaped, and control
//!   characters other than line breaks, which TEXT may not hold, are left out ([`escape_text`]).
//! - The UID is `<meeting id>@<event slug>.preshow`, with every byte of the id outside
//!   `A-Z a-z 0-9 - . _ ~` percent-encoded as in a URI ([`uid_local_part`]): an id such as
//!   `acme-demo` keeps its UID, and one holding a line break, `;`, `:`, `@` or `%` gets a UID of
//!   its own that cannot break the line, deterministically, so the same plan always gives the
//!   same UIDs.
//! - Parameter values (the `CN` of organiser and attendees) are quoted, with no control
//!   character and `"` written as `'` (RFC 5545 3.2 QSAFE-CHAR); an email goes into `mailto:`
//!   only when it has an `@` and no space, control character, quote, `<`, `>` or `\`, else the
//!   person is not an attendee (they are still named in the description).
//! - Times are checked against what RFC 5545 can write (years 0000 to 9999): a meeting that
//!   starts or ends outside them, or ends before it starts, is refused with
//!   [`CalendarError::Unrepresentable`], which names it, and nothing is written. A meeting of
//!   no length has no `DTEND` (it ends when it starts, RFC 5545 3.6.1).

use crate::interchange::export::{
    account_name, event_slug, message_headline, person_email, person_name,
};
use crate::model::{DateTime, Meeting, MeetingStatus, Plan, Team};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

/// A calendar, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ics {
    /// The calendar text, with CRLF line endings.
    pub text: String,
    /// How many events it holds.
    pub events: usize,
    /// Something the user should know (times written as floating local time).
    pub warning: Option<String>,
}

/// Why a calendar cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The calendar was asked for one person, and the plan has no one with that id.
    #[error("there is no person with id `{id}`")]
    UnknownPerson {
        /// The id asked for.
        id: String,
    },
    /// A meeting's times cannot be written in a calendar: it ends before it starts, or starts
    /// or ends outside the years 0000 to 9999.
    #[error("the {meeting} cannot go into a calendar: {why}; correct its start or its length")]
    Unrepresentable {
        /// The meeting as people name it: its account, its start and its id.
        meeting: String,
        /// What is wrong with its times.
        why: String,
    },
}

/// The calendar of the plan's active meetings, or only `person`'s. `stamp` is the UTC time
/// written as every event's `DTSTAMP` (the time of export).
pub fn calendar(
    plan: &Plan,
    person: Option<&str>,
    stamp: NaiveDateTime,
) -> Result<Ics, CalendarError> {
    if let Some(id) = person.filter(|id| plan.person(id).is_none()) {
        return Err(CalendarError::UnknownPerson { id: id.to_owned() });
    }
    let tz = plan
        .event
        .timezone
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let zone = tz.and_then(|name| zone(name).map(|z| (name, z)));
    let warning = match (tz, zone) {
        (Some(name), None) => Some(format!(
            "time zone `{name}` is not one Preshow has rules for: times are written as floating \
             local times (calendar apps show them as they are, in the viewer's own time zone)"
        )),
        _ => None,
    };
    let mut meetings: Vec<&Meeting> = plan
        .meetings
        .iter()
        .filter(|m| m.status.is_active())
        .filter(|m| person.is_none_or(|p| m.people.iter().any(|x| x == p)))
        .collect();
    meetings.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
    if let Some(e) = meetings.iter().find_map(|m| unrepresentable(plan, m)) {
        return Err(e);
    }

    let mut out = String::new();
    let mut line = |text: &str| push_line(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!(
        "PRODID:-//Preshow//Preshow {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    let mut calname = plan.event.name.clone();
    if let Some(p) = person.and_then(|p| plan.person(p)) {
        calname = format!("{calname}: {}", p.name);
    }
    line(&format!("X-WR-CALNAME:{}", escape_text(&calname)));
    if let Some((name, z)) = zone {
        line(&format!("X-WR-TIMEZONE:{}", param_safe(name)));
        for l in vtimezone(name, &z) {
            line(&l);
        }
    }
    let uid_domain = format!("{}.preshow", event_slug(plan));
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for m in &meetings {
        for l in vevent(plan, m, zone.map(|(n, _)| n), &uid_domain, &stamp) {
            line(&l);
        }
    }
    line("END:VCALENDAR");
    Ok(Ics {
        text: out,
        events: meetings.len(),
        warning,
    })
}

/// The lines of one meeting's `VEVENT`.
fn vevent(
    plan: &Plan,
    m: &Meeting,
    tzid: Option<&str>,
    uid_domain: &str,
    stamp: &str,
) -> Vec<String> {
    let time = |t: DateTime| {
        let local = t.0.format("%Y%m%dT%H%M%S");
        match tzid {
            Some(z) => format!(";TZID={}:{local}", param_safe(z)),
            None => format!(":{local}"),
        }
    };
    let account_label = account_name(plan, &m.account);
    let summary = match m.goal.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
        Some(goal) => format!("{account_label}: {goal}"),
        None => account_label.clone(),
    };
    let mut out = vec![
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@{uid_domain}", uid_local_part(&m.id)),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART{}", time(m.start)),
    ];
    if m.minutes > 0 {
        out.push(format!("DTEND{}", time(m.end())));
    }
    out.push(format!("SUMMARY:{}", escape_text(&summary)));
    if let Some(loc) = m.location.as_deref().filter(|l| !l.trim().is_empty()) {
        out.push(format!("LOCATION:{}", escape_text(loc)));
    }
    out.push(format!(
        "STATUS:{}",
        if m.status == MeetingStatus::Confirmed {
            "CONFIRMED"
        } else {
            "TENTATIVE"
        }
    ));
    out.extend(people_lines(plan, m));
    out.push(format!(
        "DESCRIPTION:{}",
        escape_text(&description(plan, m, account_label))
    ));
    out.push("TRANSP:OPAQUE".to_owned());
    out.push("END:VEVENT".to_owned());
    out
}

/// The latest year RFC 5545 can write (`date-fullyear` is four digits).
const LAST_YEAR: i32 = 9999;

/// Why a meeting's times cannot be written in a calendar, if they cannot.
fn unrepresentable(plan: &Plan, m: &Meeting) -> Option<CalendarError> {
    let (start, end) = (m.start.0.year(), m.end().0.year());
    let why = if m.minutes < 0 {
        format!(
            "it ends before it starts (its length is {} minute{})",
            m.minutes,
            if m.minutes == -1 { "" } else { "s" }
        )
    } else if !(0..=LAST_YEAR).contains(&start) {
        format!("it starts in the year {start}, and a calendar holds the years 0 to {LAST_YEAR}")
    } else if end > LAST_YEAR {
        // The end saturates at the last time chrono knows: say "after", not a year.
        format!(
            "it is {} long and so ends after the year {LAST_YEAR}, the last a calendar can hold",
            crate::model::human::count(usize::try_from(m.minutes).unwrap_or(usize::MAX), "minute")
        )
    } else {
        return None;
    };
    Some(CalendarError::Unrepresentable {
        meeting: format!(
            "meeting with {} at {} (id \"{}\")",
            account_name(plan, &m.account),
            crate::model::human::date_time(m.start, plan.year()),
            m.id
        ),
        why,
    })
}

/// A meeting id as the part of its UID before the `@`: every byte outside `A-Z a-z 0-9 - . _ ~`
/// percent-encoded (`%0D`, `%40`, `%25`), so that the UID is one token whatever the id holds,
/// and different ids keep different UIDs.
pub fn uid_local_part(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `ORGANIZER` and `ATTENDEE` lines of a meeting: everyone with a usable email attends;
/// the organiser is the first Sales person among them, else the first of them.
fn people_lines(plan: &Plan, m: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    // The organiser: the first Sales person with an email, else the first person with one.
    let with_email: Vec<(&str, &str)> = m
        .people
        .iter()
        .filter_map(|p| {
            person_email(plan, p)
                .filter(|e| mailto_safe(e))
                .map(|e| (p.as_str(), e))
        })
        .collect();
    let organiser = with_email
        .iter()
        .find(|(p, _)| plan.person(p).is_some_and(|x| x.team == Team::Sales))
        .or_else(|| with_email.first());
    if let Some((p, email)) = organiser {
        out.push(format!(
            "ORGANIZER;CN=\"{}\":mailto:{email}",
            quoted_param(&person_name(plan, p))
        ));
    }
    for (p, email) in &with_email {
        out.push(format!(
            "ATTENDEE;CN=\"{}\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT:mailto:{email}",
            quoted_param(&person_name(plan, p))
        ));
    }
    out
}

/// A meeting's description: its account (with tier and segment), status, goal, people (with
/// team and email) and messages (with their proof), one per line.
fn description(plan: &Plan, m: &Meeting, account_label: String) -> String {
    let account = plan.accounts.iter().find(|a| a.id == m.account);
    let mut description = Vec::new();
    let mut about = account_label;
    if let Some(a) = account {
        let mut extra = vec![format!("tier {}", a.tier)];
        if let Some(s) = a.segment.as_deref() {
            extra.push(s.to_owned());
        }
        about = format!("{about} ({})", extra.join(", "));
    }
    description.push(format!("Account: {about}"));
    description.push(format!("Status: {}", m.status));
    if let Some(goal) = m.goal.as_deref() {
        description.push(format!("Goal: {goal}"));
    }
    if !m.people.is_empty() {
        let people: Vec<String> = m
            .people
            .iter()
            .map(|p| match plan.person(p) {
                Some(x) => match person_email(plan, p) {
                    Some(e) => format!("{} ({}, {e})", x.name, x.team),
                    None => format!("{} ({})", x.name, x.team),
                },
                None => p.clone(),
            })
            .collect();
        description.push(format!("People: {}", people.join("; ")));
    }
    if !m.messages.is_empty() {
        description.push("Messages:".to_owned());
        for id in &m.messages {
            description.push(format!("- {}", message_headline(plan, id)));
            if let Some(msg) = plan.messages.iter().find(|x| &x.id == id) {
                for proof in &msg.proof {
                    description.push(format!("  Proof: {proof}"));
                }
            }
        }
    }
    description.join("\n")
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline; other
/// control characters, which TEXT may not hold, are left out.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value inside double quotes: no quotes and no control characters (RFC 5545
/// QSAFE-CHAR).
fn quoted_param(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| if c == '"' { '\'' } else { c })
        .collect()
}

/// A bare parameter value (SAFE-CHAR): no quotes, `;`, `:`, `,` or control characters.
fn param_safe(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | ';' | ':' | ','))
        .collect()
}

/// Whether an email can go into a `mailto:` URI as it is.
fn mailto_safe(email: &str) -> bool {
    email.contains('@')
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
}

/// Appends one content line, folded at 75 octets (RFC 5545 3.1): a continuation line starts with
/// a space, which counts towards its 75; a UTF-8 sequence is never split.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

/// When daylight saving time starts and ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dst {
    /// The European Union and its neighbours: last Sunday of March to last Sunday of October,
    /// at 01:00 UTC.
    Europe,
    /// The United States and Canada: second Sunday of March to first Sunday of November, at
    /// 02:00 local time.
    NorthAmerica,
    /// South-eastern Australia: first Sunday of October (02:00) to first Sunday of April (03:00).
    Australia,
    /// New Zealand: last Sunday of September (02:00) to first Sunday of April (03:00).
    NewZealand,
}

/// What Preshow knows of a time zone: its standard offset and name, and its summer time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Zone {
    /// Minutes east of UTC in standard time.
    offset: i32,
    /// The standard time's abbreviation.
    name: &'static str,
    /// Summer time (one hour ahead) and its abbreviation.
    dst: Option<(Dst, &'static str)>,
}

const CET: &[&str] = &[
    "Africa/Ceuta",
    "Arctic/Longyearbyen",
    "Europe/Amsterdam",
    "Europe/Andorra",
    "Europe/Belgrade",
    "Europe/Berlin",
    "Europe/Bratislava",
    "Europe/Brussels",
    "Europe/Budapest",
    "Europe/Busingen",
    "Europe/Copenhagen",
    "Europe/Gibraltar",
    "Europe/Ljubljana",
    "Europe/Luxembourg",
    "Europe/Madrid",
    "Europe/Malta",
    "Europe/Monaco",
    "Europe/Oslo",
    "Europe/Paris",
    "Europe/Podgorica",
    "Europe/Prague",
    "Europe/Rome",
    "Europe/San_Marino",
    "Europe/Sarajevo",
    "Europe/Skopje",
    "Europe/Stockholm",
    "Europe/Tirane",
    "Europe/Vaduz",
    "Europe/Vatican",
    "Europe/Vienna",
    "Europe/Warsaw",
    "Europe/Zagreb",
    "Europe/Zurich",
];

const EET: &[&str] = &[
    "Asia/Nicosia",
    "Europe/Athens",
    "Europe/Bucharest",
    "Europe/Helsinki",
    "Europe/Kiev",
    "Europe/Kyiv",
    "Europe/Mariehamn",
    "Europe/Nicosia",
    "Europe/Riga",
    "Europe/Sofia",
    "Europe/Tallinn",
    "Europe/Vilnius",
];

/// Zones with a fixed offset all year: name, minutes east of UTC, abbreviation.
const FIXED: &[(&str, i32, &str)] = &[
    ("UTC", 0, "UTC"),
    ("Etc/UTC", 0, "UTC"),
    ("Etc/GMT", 0, "GMT"),
    ("GMT", 0, "GMT"),
    ("Atlantic/Reykjavik", 0, "GMT"),
    ("Africa/Abidjan", 0, "GMT"),
    ("Africa/Accra", 0, "GMT"),
    ("Africa/Lagos", 60, "WAT"),
    ("Africa/Algiers", 60, "CET"),
    ("Africa/Tunis", 60, "CET"),
    ("Africa/Johannesburg", 120, "SAST"),
    ("Africa/Nairobi", 180, "EAT"),
    ("Europe/Istanbul", 180, "+03"),
    ("Europe/Moscow", 180, "MSK"),
    ("Europe/Minsk", 180, "+03"),
    ("Asia/Riyadh", 180, "+03"),
    ("Asia/Qatar", 180, "+03"),
    ("Asia/Kuwait", 180, "+03"),
    ("Asia/Bahrain", 180, "+03"),
    ("Asia/Dubai", 240, "+04"),
    ("Asia/Muscat", 240, "+04"),
    ("Asia/Baku", 240, "+04"),
    ("Asia/Karachi", 300, "PKT"),
    ("Asia/Tashkent", 300, "+05"),
    ("Asia/Kolkata", 330, "IST"),
    ("Asia/Calcutta", 330, "IST"),
    ("Asia/Colombo", 330, "+0530"),
    ("Asia/Kathmandu", 345, "+0545"),
    ("Asia/Dhaka", 360, "+06"),
    ("Asia/Almaty", 300, "+05"),
    ("Asia/Bangkok", 420, "+07"),
    ("Asia/Jakarta", 420, "WIB"),
    ("Asia/Ho_Chi_Minh", 420, "+07"),
    ("Asia/Shanghai", 480, "CST"),
    ("Asia/Hong_Kong", 480, "HKT"),
    ("Asia/Macau", 480, "CST"),
    ("Asia/Taipei", 480, "CST"),
    ("Asia/Singapore", 480, "+08"),
    ("Asia/Kuala_Lumpur", 480, "+08"),
    ("Asia/Manila", 480, "PST"),
    ("Australia/Perth", 480, "AWST"),
    ("Asia/Tokyo", 540, "JST"),
    ("Asia/Seoul", 540, "KST"),
    ("Australia/Darwin", 570, "ACST"),
    ("Australia/Brisbane", 600, "AEST"),
    ("America/Sao_Paulo", -180, "-03"),
    ("America/Argentina/Buenos_Aires", -180, "-03"),
    ("America/Montevideo", -180, "-03"),
    ("America/Bogota", -300, "-05"),
    ("America/Lima", -300, "-05"),
    ("America/Panama", -300, "EST"),
    ("America/Cancun", -300, "EST"),
    ("America/Mexico_City", -360, "CST"),
    ("America/Monterrey", -360, "CST"),
    ("America/Costa_Rica", -360, "CST"),
    ("America/Phoenix", -420, "MST"),
    ("America/Puerto_Rico", -240, "AST"),
    ("Pacific/Honolulu", -600, "HST"),
];

/// Zones with summer time: name, standard offset, standard and summer abbreviations, rule.
const SEASONAL: &[(&str, i32, &str, &str, Dst)] = &[
    ("Europe/London", 0, "GMT", "BST", Dst::Europe),
    ("Europe/Dublin", 0, "GMT", "IST", Dst::Europe),
    ("Europe/Lisbon", 0, "WET", "WEST", Dst::Europe),
    ("Atlantic/Madeira", 0, "WET", "WEST", Dst::Europe),
    ("Atlantic/Canary", 0, "WET", "WEST", Dst::Europe),
    ("Atlantic/Faroe", 0, "WET", "WEST", Dst::Europe),
    ("America/St_Johns", -210, "NST", "NDT", Dst::NorthAmerica),
    ("America/Halifax", -240, "AST", "ADT", Dst::NorthAmerica),
    ("America/New_York", -300, "EST", "EDT", Dst::NorthAmerica),
    ("America/Toronto", -300, "EST", "EDT", Dst::NorthAmerica),
    ("America/Detroit", -300, "EST", "EDT", Dst::NorthAmerica),
    (
        "America/Indiana/Indianapolis",
        -300,
        "EST",
        "EDT",
        Dst::NorthAmerica,
    ),
    ("America/Chicago", -360, "CST", "CDT", Dst::NorthAmerica),
    ("America/Winnipeg", -360, "CST", "CDT", Dst::NorthAmerica),
    ("America/Denver", -420, "MST", "MDT", Dst::NorthAmerica),
    ("America/Edmonton", -420, "MST", "MDT", Dst::NorthAmerica),
    ("America/Los_Angeles", -480, "PST", "PDT", Dst::NorthAmerica),
    ("America/Vancouver", -480, "PST", "PDT", Dst::NorthAmerica),
    ("America/Tijuana", -480, "PST", "PDT", Dst::NorthAmerica),
    ("America/Anchorage", -540, "AKST", "AKDT", Dst::NorthAmerica),
    ("Australia/Sydney", 600, "AEST", "AEDT", Dst::Australia),
    ("Australia/Melbourne", 600, "AEST", "AEDT", Dst::Australia),
    ("Australia/Canberra", 600, "AEST", "AEDT", Dst::Australia),
    ("Australia/Hobart", 600, "AEST", "AEDT", Dst::Australia),
    ("Australia/Adelaide", 570, "ACST", "ACDT", Dst::Australia),
    ("Pacific/Auckland", 720, "NZST", "NZDT", Dst::NewZealand),
];

/// The rules Preshow knows for an IANA time zone (current rules only).
fn zone(name: &str) -> Option<Zone> {
    if CET.contains(&name) {
        return Some(Zone {
            offset: 60,
            name: "CET",
            dst: Some((Dst::Europe, "CEST")),
        });
    }
    if EET.contains(&name) {
        return Some(Zone {
            offset: 120,
            name: "EET",
            dst: Some((Dst::Europe, "EEST")),
        });
    }
    if let Some(&(_, offset, std, summer, rule)) = SEASONAL.iter().find(|z| z.0 == name) {
        return Some(Zone {
            offset,
            name: std,
            dst: Some((rule, summer)),
        });
    }
    FIXED
        .iter()
        .find(|z| z.0 == name)
        .map(|&(_, offset, std)| Zone {
            offset,
            name: std,
            dst: None,
        })
}

/// `+0100`, `-0330`.
fn utc_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// The `n`th Sunday of a month (`n` = -1: the last).
fn sunday(year: i32, month: u32, n: i32) -> Option<NaiveDate> {
    if n > 0 {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let to_sunday = (7 - first.weekday().num_days_from_sunday()) % 7;
        first.checked_add_days(chrono::Days::new(
            u64::from(to_sunday) + 7 * u64::try_from(n - 1).ok()?,
        ))
    } else {
        let (y, m) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        let last = NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()?;
        let back = last.weekday().num_days_from_sunday();
        last.checked_sub_days(chrono::Days::new(u64::from(back)))
    }
}

/// One transition: the year the rule starts, month, which Sunday, and local time (in the offset
/// before the change) as minutes after midnight.
fn transition(year: i32, month: u32, n: i32, minutes: i32) -> Option<(String, String)> {
    let day = sunday(year, month, n)?;
    debug_assert_eq!(day.weekday(), Weekday::Sun);
    let byday = if n < 0 {
        "-1SU".to_owned()
    } else {
        format!("{n}SU")
    };
    Some((
        format!(
            "{}T{:02}{:02}00",
            day.format("%Y%m%d"),
            minutes / 60,
            minutes % 60
        ),
        format!("FREQ=YEARLY;BYMONTH={month};BYDAY={byday}"),
    ))
}

/// The `VTIMEZONE` lines for a zone.
fn vtimezone(tzid: &str, z: &Zone) -> Vec<String> {
    let mut out = vec![
        "BEGIN:VTIMEZONE".to_owned(),
        format!("TZID:{}", param_safe(tzid)),
    ];
    let std = utc_offset(z.offset);
    match z.dst {
        None => {
            out.extend([
                "BEGIN:STANDARD".to_owned(),
                "DTSTART:19700101T000000".to_owned(),
                format!("TZOFFSETFROM:{std}"),
                format!("TZOFFSETTO:{std}"),
                format!("TZNAME:{}", escape_text(z.name)),
                "END:STANDARD".to_owned(),
            ]);
        }
        Some((rule, summer_name)) => {
            let summer = utc_offset(z.offset + 60);
            // (year, month, which Sunday, local minutes) for the start and the end of summer time.
            let (starts, ends) = match rule {
                // 01:00 UTC, in local standard time and local summer time.
                Dst::Europe => (
                    (1996, 3, -1, 60 + z.offset),
                    (1996, 10, -1, 60 + z.offset + 60),
                ),
                Dst::NorthAmerica => ((2007, 3, 2, 120), (2007, 11, 1, 120)),
                Dst::Australia => ((2008, 10, 1, 120), (2008, 4, 1, 180)),
                Dst::NewZealand => ((2007, 9, -1, 120), (2008, 4, 1, 180)),
            };
            for (part, (y, m, n, t), from, to, name) in [
                ("DAYLIGHT", starts, &std, &summer, summer_name),
                ("STANDARD", ends, &summer, &std, z.name),
            ] {
                let Some((dtstart, rrule)) = transition(y, m, n, t) else {
                    continue;
                };
                out.extend([
                    format!("BEGIN:{part}"),
                    format!("DTSTART:{dtstart}"),
                    format!("RRULE:{rrule}"),
                    format!("TZOFFSETFROM:{from}"),
                    format!("TZOFFSETTO:{to}"),
                    format!("TZNAME:{}", escape_text(name)),
                    format!("END:{part}"),
                ]);
            }
        }
    }
    out.push("END:VTIMEZONE".to_owned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        push_line(&mut out, &long);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{long}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }

    #[test]
    fn transitions_fall_on_the_right_sundays() {
        assert_eq!(sunday(1996, 3, -1), NaiveDate::from_ymd_opt(1996, 3, 31));
        assert_eq!(sunday(1996, 10, -1), NaiveDate::from_ymd_opt(1996, 10, 27));
        assert_eq!(sunday(2007, 3, 2), NaiveDate::from_ymd_opt(2007, 3, 11));
        assert_eq!(sunday(2007, 11, 1), NaiveDate::from_ymd_opt(2007, 11, 4));
        assert_eq!(sunday(2008, 4, 1), NaiveDate::from_ymd_opt(2008, 4, 6));
        assert_eq!(sunday(2007, 9, -1), NaiveDate::from_ymd_opt(2007, 9, 30));
        assert_eq!(sunday(2027, 12, -1), NaiveDate::from_ymd_opt(2027, 12, 26));
    }

    #[test]
    fn central_europe_changes_at_two_and_three() {
        let lines = vtimezone(
            "Europe/Madrid",
            &zone("Europe/Madrid").unwrap_or(Zone {
                offset: 0,
                name: "",
                dst: None,
            }),
        );
        let text = lines.join("\n");
        assert!(text.contains("DTSTART:19960331T020000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200"), "{text}");
        assert!(text.contains("DTSTART:19961027T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100"), "{text}");
        assert_eq!(utc_offset(-210), "-0330");
    }
}
