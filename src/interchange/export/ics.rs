//! The meetings as an RFC 5545 calendar: one `VEVENT` per active meeting (Proposed and
//! Requested as `TENTATIVE`, Confirmed and Held (it took place) as `CONFIRMED`), with a stable
//! UID, local event times with the event's time zone, and the people and messages in the
//! description. Declined, Cancelled and NoShow meetings are left out, also when a calendar is
//! written over an earlier one that had them.
//!
//! The text follows RFC 5545 to the letter: CRLF line endings, content lines folded at 75 octets
//! (never inside a UTF-8 sequence), TEXT values escaped (`\\`, `\;`, `\,`, `\n`).
//!
//! **Times.** Times carry `TZID=<event time zone>` (as the time zone database spells it) and the
//! calendar a `VTIMEZONE` for it, written from the IANA database bundled with Preshow
//! ([`crate::model::zone`]): every change of clocks over the years the plan's meetings and days
//! span (`ics/vtimezone.rs`), so any IANA zone is exact, whatever its rules. Without a time zone, or
//! with a name the database does not know (which `check` reports), times are floating local
//! times, and [`Ics::warning`] says so.
//!
//! **Updates.** A calendar app recognises a meeting it already has by its UID and takes the
//! copy with the higher `SEQUENCE`:
//! - The UID is `<meeting id>@<first day>.<time zone>.preshow` (`acme-demo@2027-03-09.europe-berlin.preshow`;
//!   without a time zone, `acme-demo@2027-03-09.preshow`): renaming the event, or changing its
//!   venue or booth, keeps every UID, so importing again updates instead of duplicating. Two
//!   shows in the same calendar differ by their first day or their zone. Moving the event's
//!   first day or its time zone gives new UIDs.
//! - `SEQUENCE` and `LAST-MODIFIED` change exactly when what the calendar shows of a meeting
//!   changes: [`revision`] explains how an export over an earlier calendar
//!   ([`calendar_replacing`]) learns which meetings changed.
//!
//! No text from the plan can add structure to the calendar, whatever it holds:
//! - TEXT values (summary, location, description, calendar name) are escaped, and control
//!   characters other than line breaks, which TEXT may not hold, are left out ([`escape_text`]).
//! - The meeting id in the UID has every byte outside `A-Z a-z 0-9 - . _ ~` percent-encoded as
//!   in a URI ([`uid_local_part`]): an id such as `acme-demo` keeps its UID, and one holding a
//!   line break, `;`, `:`, `@` or `%` gets a UID of its own that cannot break the line,
//!   deterministically, so the same plan always gives the same UIDs.
//! - Parameter values (the `CN` of organiser and attendees) are quoted, with no control
//!   character and `"` written as `'` (RFC 5545 3.2 QSAFE-CHAR); an email goes into `mailto:`
//!   only when it has an `@` and no space, control character, quote, `<`, `>` or `\`, else the
//!   person is not an attendee (they are still named in the description).
//! - Times are checked against what RFC 5545 can write (years 0000 to 9999): a meeting that
//!   starts or ends outside them, or ends before it starts, is refused with
//!   [`CalendarError::Unrepresentable`], which names it, and nothing is written. A meeting of
//!   no length has no `DTEND` (it ends when it starts, RFC 5545 3.6.1).

pub mod revision;
mod vtimezone;

use crate::interchange::export::Names;
use crate::model::{DateTime, Meeting, Plan, Team, zone};
use chrono::{Datelike, NaiveDateTime};
pub use revision::Earliers;

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

/// The calendar of the plan's active meetings, or only `person`'s, as a first export (every
/// event new). `stamp` is the UTC time of export, written as every event's `DTSTAMP`.
pub fn calendar(
    plan: &Plan,
    person: Option<&str>,
    stamp: NaiveDateTime,
) -> Result<Ics, CalendarError> {
    calendar_replacing(plan, person, stamp, &Earliers::default())
}

/// The calendar of the plan's active meetings, or only `person`'s, written over the calendar
/// whose events are `earlier` ([`Earliers::read`] of the file being replaced): a meeting that
/// has not changed since keeps its `SEQUENCE` and `LAST-MODIFIED`, one that has gets higher
/// ones ([`revision`]). `stamp` is the UTC time of export.
pub fn calendar_replacing(
    plan: &Plan,
    person: Option<&str>,
    stamp: NaiveDateTime,
    earlier: &Earliers,
) -> Result<Ics, CalendarError> {
    let names = Names::of(plan);
    if let Some(id) = person.filter(|id| names.person(id).is_none()) {
        return Err(CalendarError::UnknownPerson { id: id.to_owned() });
    }
    let tz = plan
        .event
        .timezone
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let found = tz.and_then(zone::find);
    let tzid = found
        .as_ref()
        .zip(tz)
        .map(|(z, name)| param_safe(zone::canonical(z, name)));
    let warning = match (tz, &found) {
        (Some(name), None) => Some(format!(
            "time zone \"{name}\" is not an IANA time zone Preshow knows: times are written as \
             floating local times (calendar apps show them as they are, in the viewer's own \
             time zone)"
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
    if let Some(e) = meetings
        .iter()
        .find_map(|m| unrepresentable(&names, plan, m))
    {
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
    if let Some(p) = person.and_then(|p| names.person(p)) {
        calname = format!("{calname}: {}", p.name);
    }
    line(&format!("X-WR-CALNAME:{}", escape_text(&calname)));
    if let (Some(z), Some(tzid)) = (&found, &tzid) {
        line(&format!("X-WR-TIMEZONE:{tzid}"));
        let (first, last) = years(plan, &meetings);
        for l in vtimezone::vtimezone(tzid, z, first, last) {
            line(&l);
        }
    }
    let domain = uid_domain(plan, tzid.as_deref());
    let minutes = revision::minutes_since_2020(stamp);
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for m in &meetings {
        let lines = vevent(&names, m, tzid.as_deref(), &domain);
        let uid = format!("{}@{domain}", uid_local_part(&m.id));
        let (sequence, modified) = earlier.revision(&uid, &lines, &stamp, minutes);
        line("BEGIN:VEVENT");
        for (i, l) in lines.iter().enumerate() {
            line(l);
            if i == 0 {
                // Right after the UID, as calendar apps write them.
                line(&format!("DTSTAMP:{stamp}"));
                line(&format!("SEQUENCE:{sequence}"));
                line(&format!("LAST-MODIFIED:{modified}"));
            }
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    Ok(Ics {
        text: out,
        events: meetings.len(),
        warning,
    })
}

/// The years the event's days and the meetings touch, first and last.
fn years(plan: &Plan, meetings: &[&Meeting]) -> (i32, i32) {
    let mut first = plan.event.starts.0.year().min(plan.event.ends.0.year());
    let mut last = plan.event.starts.0.year().max(plan.event.ends.0.year());
    for m in meetings {
        first = first.min(m.start.0.year());
        last = last.max(m.end().0.year());
    }
    (first.clamp(0, LAST_YEAR), last.clamp(0, LAST_YEAR))
}

/// The part of every UID after the `@`: the event's first day and time zone, which do not
/// change when the event is renamed.
fn uid_domain(plan: &Plan, tzid: Option<&str>) -> String {
    let day = plan.event.starts.0.format("%Y-%m-%d");
    // The zone's name in lower case, `/` and `_` as `-` and `+` as `plus`, so that
    // `Etc/GMT+1` and `Etc/GMT-1` stay apart.
    let zone = |name: &str| -> String {
        name.chars()
            .flat_map(|c| match c {
                '+' => "plus".chars().collect::<Vec<_>>(),
                c if c.is_ascii_alphanumeric() || c == '-' => vec![c.to_ascii_lowercase()],
                _ => vec!['-'],
            })
            .collect()
    };
    match tzid.map(zone).filter(|z| !z.is_empty()) {
        Some(z) => format!("{day}.{z}.preshow"),
        None => format!("{day}.preshow"),
    }
}

/// The lines of one meeting's `VEVENT` between `BEGIN` and `END`, UID first, without those
/// that change with every export or revision (`DTSTAMP`, `SEQUENCE`, `LAST-MODIFIED`).
fn vevent(names: &Names, m: &Meeting, tzid: Option<&str>, uid_domain: &str) -> Vec<String> {
    let time = |t: DateTime| {
        let local = t.0.format("%Y%m%dT%H%M%S");
        match tzid {
            Some(z) => format!(";TZID={z}:{local}"),
            None => format!(":{local}"),
        }
    };
    let account_label = names.account_name(&m.account);
    let summary = match m.goal.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
        Some(goal) => format!("{account_label}: {goal}"),
        None => account_label.clone(),
    };
    let mut out = vec![
        format!("UID:{}@{uid_domain}", uid_local_part(&m.id)),
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
        if m.status.is_confirmed() {
            "CONFIRMED"
        } else {
            "TENTATIVE"
        }
    ));
    out.extend(people_lines(names, m));
    out.push(format!(
        "DESCRIPTION:{}",
        escape_text(&description(names, m, account_label))
    ));
    out.push("TRANSP:OPAQUE".to_owned());
    out
}

/// The latest year RFC 5545 can write (`date-fullyear` is four digits).
const LAST_YEAR: i32 = 9999;

/// Why a meeting's times cannot be written in a calendar, if they cannot.
fn unrepresentable(names: &Names, plan: &Plan, m: &Meeting) -> Option<CalendarError> {
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
            names.account_name(&m.account),
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
fn people_lines(names: &Names, m: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    // The organiser: the first Sales person with an email, else the first person with one.
    let with_email: Vec<(&str, &str)> = m
        .people
        .iter()
        .filter_map(|p| {
            names
                .person_email(p)
                .filter(|e| mailto_safe(e))
                .map(|e| (p.as_str(), e))
        })
        .collect();
    let organiser = with_email
        .iter()
        .find(|(p, _)| names.person(p).is_some_and(|x| x.team == Team::Sales))
        .or_else(|| with_email.first());
    if let Some((p, email)) = organiser {
        out.push(format!(
            "ORGANIZER;CN=\"{}\":mailto:{email}",
            quoted_param(&names.person_name(p))
        ));
    }
    for (p, email) in &with_email {
        out.push(format!(
            "ATTENDEE;CN=\"{}\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT:mailto:{email}",
            quoted_param(&names.person_name(p))
        ));
    }
    out
}

/// A meeting's description: its account (with tier and segment), status, goal, people (with
/// team and email) and messages (with their proof), one per line.
fn description(names: &Names, m: &Meeting, account_label: String) -> String {
    let account = names.account(&m.account);
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
            .map(|p| match names.person(p) {
                Some(x) => match names.person_email(p) {
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
            description.push(format!("- {}", names.message_headline(id)));
            if let Some(msg) = names.message(id) {
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
    fn the_uid_domain_keeps_zones_apart_and_ignores_the_event_name() {
        let mut plan = Plan::empty(
            "Expo",
            crate::model::Date::from_ymd(2027, 3, 9)
                .unwrap_or(crate::model::Date(chrono::NaiveDate::MIN)),
            crate::model::Date::from_ymd(2027, 3, 11)
                .unwrap_or(crate::model::Date(chrono::NaiveDate::MIN)),
        );
        assert_eq!(uid_domain(&plan, None), "2027-03-09.preshow");
        plan.event.name = "Expo (renamed)".into();
        assert_eq!(
            uid_domain(&plan, Some("America/Port_of_Spain")),
            "2027-03-09.america-port-of-spain.preshow"
        );
        assert_ne!(
            uid_domain(&plan, Some("Etc/GMT+1")),
            uid_domain(&plan, Some("Etc/GMT-1"))
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
        assert_eq!(escape_text("bell\u{7}"), "bell");
    }
}
