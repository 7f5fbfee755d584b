//! Reading dates and times: ISO, dotted and slashed dates (day-first or month-first, decided by
//! the user or by the event's days), 24-hour and AM/PM times, and a row's start from its start,
//! date and time cells.
//!
//! A date and time in UTC or with a UTC offset (`2027-04-12T08:00:00Z`,
//! `2027-04-12T08:00:00.000+0000`, `2027-04-12 10:00+02:00`), as Salesforce Data Loader and
//! other CRM exports write them, is converted to local event time in the event's time zone
//! (`08:00Z` on 12 April is 10:00 in Europe/Berlin), and the import report says so once. A plan
//! without a time zone, or with one Preshow does not know, has no event time to convert to: such
//! a time is refused with the reason, rather than kept as UTC, which would put the meeting hours
//! off with no word said.

use crate::interchange::import::mapping::DateOrder;
use crate::model::{Date, DateTime, Event, zone};
use chrono::{NaiveDate, NaiveTime};

/// Why a date or time cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum WhenError {
    /// Not a date or time at all.
    Invalid(String),
    /// A slashed date that could be either day-first or month-first.
    Ambiguous(String),
}

/// Reads a date: `2027-03-09`, `2027/03/09`, `09.03.2027`, or a slashed date (`09/03/2027`):
/// day-first or month-first as `order` says; without it, a slashed date whose first or second
/// number is above 12 is read the only way it can be, and one that reads both ways is read the
/// way that falls within the event, else reported as ambiguous.
fn parse_day(text: &str, order: Option<DateOrder>, event: &Event) -> Result<Date, WhenError> {
    let invalid = || {
        WhenError::Invalid(format!(
            "'{text}' is not a date (write 2027-03-09, 09.03.2027 or 09/03/2027)"
        ))
    };
    let nums = |sep: char| -> Option<Vec<u32>> {
        let parts: Vec<&str> = text.split(sep).collect();
        (parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit())))
        .then(|| parts.iter().filter_map(|p| p.parse().ok()).collect())
    };
    let ymd = |y: u32, m: u32, d: u32| {
        i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .map(Date)
    };
    let four = |s: &str, i: usize| {
        s.split(['-', '/', '.'])
            .nth(i)
            .is_some_and(|p| p.len() == 4)
    };
    for sep in ['-', '/', '.'] {
        let Some(n) = nums(sep) else { continue };
        let [a, b, c] = n[..] else {
            return Err(invalid());
        };
        if four(text, 0) {
            return ymd(a, b, c).ok_or_else(invalid);
        }
        if !four(text, 2) {
            return Err(invalid());
        }
        if sep == '.' || sep == '-' {
            return ymd(c, b, a).ok_or_else(invalid);
        }
        let day_first = ymd(c, b, a);
        let month_first = ymd(c, a, b);
        let chosen = match (order, day_first, month_first) {
            (Some(DateOrder::DayFirst), d, _) => d,
            (Some(DateOrder::MonthFirst), _, m) => m,
            (None, Some(d), None) => Some(d),
            (None, None, Some(m)) => Some(m),
            (None, Some(d), Some(m)) if d == m => Some(d),
            (None, Some(d), Some(m)) => {
                let during = |x: Date| event.starts <= x && x <= event.ends;
                match (during(d), during(m)) {
                    (true, false) => Some(d),
                    (false, true) => Some(m),
                    _ => {
                        return Err(WhenError::Ambiguous(format!(
                            "date '{text}' could be {d} (day first) or {m} (month first)"
                        )));
                    }
                }
            }
            (None, None, None) => None,
        };
        return chosen.ok_or_else(invalid);
    }
    Err(invalid())
}

/// Reads a time of day: `10:00`, `9:30`, `10:00:00`, `2:30 PM`, `2pm`.
fn parse_clock(text: &str) -> Option<NaiveTime> {
    let t = text.trim().to_ascii_lowercase().replace('.', "");
    let (t, offset) = if let Some(x) = t.strip_suffix("am") {
        (x.trim().to_owned(), Some(0))
    } else if let Some(x) = t.strip_suffix("pm") {
        (x.trim().to_owned(), Some(12))
    } else {
        (t, None)
    };
    let parts: Vec<&str> = if t.contains(':') {
        t.split(':').collect()
    } else if offset.is_some() {
        vec![t.as_str(), "00"]
    } else {
        return None;
    };
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| {
        parts
            .get(i)
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let mut hour = n(0);
    if let Some(add) = offset {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + add;
    }
    NaiveTime::from_hms_opt(hour, n(1), n(2))
}

/// A cell that holds a date, a time, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum When {
    /// A day alone.
    Day(Date),
    /// A time of day alone.
    Clock(NaiveTime),
    /// A day and a time.
    Both(DateTime),
    /// A day and a time given in UTC or with an offset, converted to local event time.
    Converted(DateTime, Shift),
}

/// How a time converted to event time was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Shift {
    /// In UTC (`Z`, or an offset of zero).
    Utc,
    /// With another UTC offset (`+02:00`).
    Offset,
}

impl Shift {
    /// The import report's note, once per import, for times given this way.
    pub(super) fn note(self, zone: &str) -> String {
        match self {
            Shift::Utc => format!("times in UTC were converted to event time in {zone}"),
            Shift::Offset => {
                format!("times with a UTC offset were converted to event time in {zone}")
            }
        }
    }
}

/// Notes in `report`, once per import, that times given in UTC or with an offset (`shift`) were
/// converted to event time in the event's time zone.
pub(super) fn note_converted(
    report: &mut crate::interchange::import::report::ImportReport,
    event: &Event,
    shift: Shift,
) {
    let zone = event.timezone.as_deref().unwrap_or_default().trim();
    let zone = zone::find(zone)
        .and_then(|z| z.iana_name().map(str::to_owned))
        .unwrap_or_else(|| zone.to_owned());
    let note = shift.note(&zone);
    if !report.notes.contains(&note) {
        report.notes.push(note);
    }
}

/// A row's start, and how it was given when it was converted to event time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    /// The start, in local event time.
    pub at: DateTime,
    /// How it was given, when it was converted to event time.
    pub shift: Option<Shift>,
}

/// Reads a cell that holds a date, a time, or both (`2027-03-09 10:00`, `09.03.2027`, `10:00`,
/// `2:30 PM`); a date and time in UTC or with an offset (`2027-04-12T08:00:00Z`) is converted
/// to local event time in the event's time zone (see the module docs).
pub(super) fn parse_when(
    text: &str,
    order: Option<DateOrder>,
    event: &Event,
) -> Result<When, WhenError> {
    let text = text.trim();
    if let Some(clock) = parse_clock(text) {
        return Ok(When::Clock(clock));
    }
    let (day, clock) = match text.find(['T', ' ']) {
        Some(i) if i >= 8 => (&text[..i], text[i + 1..].trim()),
        _ => (text, ""),
    };
    let day = parse_day(day.trim_end_matches(','), order, event).map_err(|e| match e {
        WhenError::Invalid(_) => WhenError::Invalid(format!(
            "'{text}' is not a date or time (write 2027-03-09 10:00, 09.03.2027, 10:00 or 2:30 PM)"
        )),
        ambiguous => ambiguous,
    })?;
    if clock.is_empty() {
        return Ok(When::Day(day));
    }
    let not_a_time = || {
        WhenError::Invalid(format!(
            "'{text}' is not a date and time (write 2027-03-09 10:00, 2027-03-09T10:00 or 09.03.2027 10:00)"
        ))
    };
    let (clock, offset) = split_offset(clock).ok_or_else(not_a_time)?;
    let clock = parse_clock(without_fraction(clock)).ok_or_else(not_a_time)?;
    let at = day.0.and_time(clock);
    let Some(offset) = offset else {
        return Ok(When::Both(DateTime(at)));
    };
    let shift = if offset == 0 {
        Shift::Utc
    } else {
        Shift::Offset
    };
    let given = match shift {
        Shift::Utc => "in UTC",
        Shift::Offset => "given with a UTC offset",
    };
    let name = event
        .timezone
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let Some(name) = name else {
        return Err(WhenError::Invalid(format!(
            "'{text}' is {given}, and the plan has no time zone to convert it to: set the \
             event's time zone (such as Europe/Berlin), or give local event times"
        )));
    };
    let Some(tz) = zone::find(name) else {
        return Err(WhenError::Invalid(format!(
            "'{text}' is {given}, and the event's time zone \"{name}\" is not one Preshow \
             knows: correct the time zone, or give local event times"
        )));
    };
    at.checked_sub_signed(chrono::TimeDelta::seconds(i64::from(offset)))
        .and_then(|utc| zone::utc_to_local(&tz, utc))
        .map(|local| When::Converted(DateTime(local), shift))
        .ok_or_else(not_a_time)
}

/// A time of day and its UTC offset in seconds, if it has one: `08:00Z`, `08:00:00+02:00`,
/// `08:00:00.000+0000`, `10:00-05`. `None` when what follows the sign is not an offset.
fn split_offset(clock: &str) -> Option<(&str, Option<i32>)> {
    if let Some(rest) = clock.strip_suffix(['Z', 'z']) {
        return Some((rest.trim_end(), Some(0)));
    }
    let Some(i) = clock.rfind(['+', '-']) else {
        return Some((clock, None));
    };
    let (rest, offset) = (clock[..i].trim_end(), &clock[i..]);
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
    if !matches!(digits.len(), 2 | 4) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits.get(..2)?.parse().ok()?;
    let minutes: i32 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Some(0), |m| m.parse().ok())?;
    if hours > 18 || minutes > 59 || (offset[1..].contains(':') && digits.len() != 4) {
        return None;
    }
    Some((rest, Some(sign * (hours * 3600 + minutes * 60))))
}

/// A time of day without fractions of a second (`08:00:00.000` is `08:00:00`).
fn without_fraction(clock: &str) -> &str {
    match clock.rsplit_once('.') {
        Some((whole, fraction))
            if whole.matches(':').count() == 2
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b.is_ascii_digit()) =>
        {
            whole
        }
        _ => clock,
    }
}

/// The start a row gives, from its start, date and time cells.
pub(super) fn row_start(
    start: Option<&str>,
    date: Option<&str>,
    time: Option<&str>,
    order: Option<DateOrder>,
    event: &Event,
) -> Result<Option<Start>, WhenError> {
    let parse = |c: Option<&str>| c.map(|c| parse_when(c, order, event)).transpose();
    let (s, d, t) = (parse(start)?, parse(date)?, parse(time)?);
    let local = |at: DateTime| Start { at, shift: None };
    let day = [s, d].into_iter().flatten().find_map(|w| match w {
        When::Day(d) => Some(d),
        _ => None,
    });
    let clock = [s, t, d].into_iter().flatten().find_map(|w| match w {
        When::Clock(c) => Some(c),
        _ => None,
    });
    match s {
        Some(When::Both(dt)) => return Ok(Some(local(dt))),
        Some(When::Converted(at, shift)) => {
            return Ok(Some(Start {
                at,
                shift: Some(shift),
            }));
        }
        _ => {}
    }
    match d {
        // A date column that holds the whole start, with a time column that may refine it.
        Some(When::Both(dt)) => {
            return Ok(Some(local(match clock {
                Some(c) => DateTime(dt.0.date().and_time(c)),
                None => dt,
            })));
        }
        Some(When::Converted(at, shift)) => {
            return Ok(Some(Start {
                at,
                shift: Some(shift),
            }));
        }
        _ => {}
    }
    match (day, clock) {
        (Some(d), Some(c)) => Ok(Some(local(DateTime(d.0.and_time(c))))),
        (None, None) => Ok(None),
        (Some(d), None) => Err(WhenError::Invalid(format!("start {d} has no time of day"))),
        (None, Some(c)) => Err(WhenError::Invalid(format!(
            "start {} has no date",
            c.format("%H:%M")
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    fn event() -> Event {
        Plan::empty(
            "Show",
            Date::from_ymd(2027, 3, 9).unwrap_or(Date(NaiveDate::MIN)),
            Date::from_ymd(2027, 3, 11).unwrap_or(Date(NaiveDate::MIN)),
        )
        .event
    }

    #[test]
    fn dates_read_in_the_documented_forms() {
        let ev = event();
        let when = |s: &str| {
            parse_when(s, None, &ev).map(|w| match w {
                When::Both(dt) | When::Converted(dt, _) => dt.to_string(),
                When::Day(d) => d.to_string(),
                When::Clock(c) => c.format("%H:%M").to_string(),
            })
        };
        assert_eq!(when("2027-03-09 10:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("2027-03-09T10:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("2027-03-09T10:00:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("09.03.2027 10:00"), Ok("2027-03-09T10:00".into()));
        // Within the event (9-11 March) only day-first fits.
        assert_eq!(when("09/03/2027 10:00"), Ok("2027-03-09T10:00".into()));
        assert_eq!(when("3/10/2027 2:30 PM"), Ok("2027-03-10T14:30".into()));
        assert_eq!(when("25/03/2027 10:00"), Ok("2027-03-25T10:00".into()));
        assert_eq!(when("10:30"), Ok("10:30".into()));
        assert_eq!(when("2027-03-09"), Ok("2027-03-09".into()));
        assert!(matches!(
            parse_when("04/05/2027 10:00", None, &ev),
            Err(WhenError::Ambiguous(_))
        ));
        assert_eq!(
            parse_when("04/05/2027 10:00", Some(DateOrder::MonthFirst), &ev)
                .map(|w| matches!(w, When::Both(dt) if dt.to_string() == "2027-04-05T10:00")),
            Ok(true)
        );
        // Without a time zone in the plan, a time in UTC has no event time to go to.
        assert!(matches!(
            parse_when("2027-03-09T10:00Z", None, &ev),
            Err(WhenError::Invalid(m)) if m.contains("no time zone")
        ));
        assert!(matches!(
            parse_when("2027-03-09 25:00", None, &ev),
            Err(WhenError::Invalid(_))
        ));
        assert!(matches!(
            parse_when("next week", None, &ev),
            Err(WhenError::Invalid(_))
        ));
    }

    #[test]
    fn times_in_utc_or_with_an_offset_become_event_time() {
        let mut ev = event();
        ev.timezone = Some("Europe/Berlin".into());
        let when = |s: &str| match parse_when(s, None, &ev) {
            Ok(When::Converted(dt, shift)) => Ok((dt.to_string(), shift)),
            other => Err(format!("{other:?}")),
        };
        // Summer time in April: UTC+2.
        assert_eq!(
            when("2027-04-12T08:00:00Z"),
            Ok(("2027-04-12T10:00".into(), Shift::Utc))
        );
        assert_eq!(
            when("2027-04-12T08:00:00.000+0000"),
            Ok(("2027-04-12T10:00".into(), Shift::Utc))
        );
        assert_eq!(
            when("2027-04-12 10:00+02:00"),
            Ok(("2027-04-12T10:00".into(), Shift::Offset))
        );
        assert_eq!(
            when("2027-04-12T04:00-04:00"),
            Ok(("2027-04-12T10:00".into(), Shift::Offset))
        );
        // Winter time in March: UTC+1.
        assert_eq!(
            when("2027-03-09T08:00Z"),
            Ok(("2027-03-09T09:00".into(), Shift::Utc))
        );
        assert!(when("2027-04-12T08:00+2:0").is_err());
        ev.timezone = Some("Europe/Madird".into());
        assert!(matches!(
            parse_when("2027-04-12T08:00Z", None, &ev),
            Err(WhenError::Invalid(m)) if m.contains("Europe/Madird")
        ));
    }
}
