//! Dates and times as people say them: "Tue 16 Mar", "Tue 16 Mar, 09:30". The plan file keeps
//! ISO (`2027-03-16T09:30`); everything a person reads in the window and in the gaps' messages
//! uses these, and fields read back what they show (and ISO, and a few common variants).
//!
//! The year is left out when it is the plan's own (the year the show starts), which is what a
//! team means by "16 Mar"; any other year is written out.

use crate::model::{Date, DateTime};
use chrono::{Datelike, NaiveTime, Timelike, Weekday};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A count with its noun, singular or plural: "1 day", "3 days" (regular plurals only).
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A number as people read it: thousands grouped, no needless decimals ("250,000", "1,234.5",
/// "-12"); at most `max_decimals` decimals.
pub fn number(n: f64, max_decimals: usize) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let text = format!("{:.*}", max_decimals.min(6), n.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if n < 0.0 && (whole != "0" || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// A number as people type it, thousands separators (commas, spaces, underscores) allowed.
pub fn read_number(text: &str) -> Option<f64> {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}'))
        .collect();
    plain.parse().ok()
}

/// The short name of a month (1 to 12): "Mar".
pub fn month_name(month: u32) -> &'static str {
    MONTHS
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

/// "Tue 16 Mar", with the year when it is not `year`: "Mon 14 Dec 2026".
pub fn date(d: Date, year: i32) -> String {
    let mut s = String::with_capacity(16);
    push_date(&mut s, d, year);
    s
}

/// "Tue 16 Mar, 09:30", with the year when it is not `year`.
pub fn date_time(t: DateTime, year: i32) -> String {
    let mut s = String::with_capacity(24);
    push_date(&mut s, t.date(), year);
    s.push_str(", ");
    push_clock(&mut s, t);
    s
}

/// "09:30" (seconds, when there are any: "09:30:15").
pub fn clock(t: DateTime) -> String {
    let mut s = String::with_capacity(8);
    push_clock(&mut s, t);
    s
}

// Written digit by digit: the gap checks say a date in thousands of messages on a big plan, and
// `format!` for each part cost more than the rest of the message.

const SHORT_WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn push_date(s: &mut String, d: Date, year: i32) {
    let day = d.0;
    let weekday = SHORT_WEEKDAYS
        .get(day.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("?");
    s.push_str(weekday);
    s.push(' ');
    push_number(s, day.day());
    s.push(' ');
    s.push_str(month_name(day.month()));
    if day.year() != year {
        s.push(' ');
        s.push_str(&day.year().to_string());
    }
}

fn push_clock(s: &mut String, t: DateTime) {
    push_two(s, t.0.hour());
    s.push(':');
    push_two(s, t.0.minute());
    if t.0.second() != 0 {
        s.push(':');
        push_two(s, t.0.second());
    }
}

/// A day of the month or a clock part (below 100): no leading zero.
fn push_number(s: &mut String, n: u32) {
    if n >= 10 {
        push_digit(s, n / 10 % 10);
    }
    push_digit(s, n % 10);
}

/// Two digits, a leading zero below 10 ("09").
fn push_two(s: &mut String, n: u32) {
    push_digit(s, n / 10 % 10);
    push_digit(s, n % 10);
}

fn push_digit(s: &mut String, d: u32) {
    s.push(char::from_digit(d, 10).unwrap_or('?'));
}

/// A date as a person types it: "Tue 16 Mar", "16 March 2027", "Mar 16", "16/3", or ISO
/// `2027-03-16`. Without a year, `year`. A weekday, when given, must match the date.
pub fn read_date(text: &str, year: i32) -> Result<Date, String> {
    let text = text.trim();
    if let Ok(d) = text.parse::<Date>() {
        return Ok(d);
    }
    let words = words(text);
    parse_day(&words, year)
}

/// A date and time as a person types it: "Tue 16 Mar, 09:30", "16 Mar 9:30", "16 Mar 2:30 pm",
/// or ISO `2027-03-16T09:30` (a space for the `T` too). Without a year, `year`.
pub fn read_date_time(text: &str, year: i32) -> Result<DateTime, String> {
    let text = text.trim();
    if let Ok(t) = text.parse::<DateTime>() {
        return Ok(t);
    }
    if let Ok(t) = text.replacen(' ', "T", 1).parse::<DateTime>() {
        return Ok(t);
    }
    let mut words = words(text);
    let pm = match words.last().map(String::as_str) {
        Some("pm") => Some(true),
        Some("am") => Some(false),
        _ => None,
    };
    if pm.is_some() {
        words.pop();
    }
    let Some(at) = words.iter().position(|w| w.contains(':')) else {
        return Err(format!(
            "\"{text}\" has no time: write it like Tue 16 Mar, 09:30"
        ));
    };
    let time = read_clock(&words[at], pm).ok_or_else(|| {
        format!(
            "\"{}\" is not a time on the clock: write it like 09:30 or 2:30 pm",
            words[at]
        )
    })?;
    words.remove(at);
    let day = parse_day(&words, year)?;
    Ok(DateTime(day.0.and_time(time)))
}

/// Lower-case words, split at spaces, commas and dots ("16/3" stays one word).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn read_clock(word: &str, pm: Option<bool>) -> Option<NaiveTime> {
    let (word, pm) = match (word.strip_suffix("pm"), word.strip_suffix("am")) {
        (Some(w), _) => (w, Some(true)),
        (_, Some(w)) => (w, Some(false)),
        _ => (word, pm),
    };
    let (h, m) = word.split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let mut hour: u32 = h.parse().ok()?;
    let minute: u32 = m.parse().ok()?;
    match pm {
        Some(true) if (1..12).contains(&hour) => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        Some(_) if !(1..=12).contains(&hour) => return None,
        _ => {}
    }
    NaiveTime::from_hms_opt(hour, minute, 0)
}

fn month_of(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| m.starts_with(word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday_of(word: &str) -> Option<Weekday> {
    if word.len() < 2 {
        return None;
    }
    let i = WEEKDAYS.iter().position(|d| d.starts_with(word))?;
    Weekday::try_from(u8::try_from(i).ok()?).ok()
}

/// Day, month, optional year and weekday from the words of a date.
fn parse_day(words: &[String], year: i32) -> Result<Date, String> {
    let shown = words.join(" ");
    let shape = || format!("\"{shown}\" is not a date: write it like Tue 16 Mar or 2027-03-16");
    let mut weekday = None;
    let (mut day, mut month, mut in_year) = (None, None, None);
    for w in words {
        if let Some((d, m)) = w.split_once('/') {
            day = Some(d.parse::<u32>().map_err(|_| shape())?);
            month = Some(m.parse::<u32>().map_err(|_| shape())?);
        } else if let Ok(n) = w.parse::<u32>() {
            match (n, day) {
                (1000..=9999, _) => in_year = Some(i32::try_from(n).map_err(|_| shape())?),
                (_, None) => day = Some(n),
                _ => return Err(shape()),
            }
        } else if let Some(m) = month_of(w).filter(|_| month.is_none()) {
            month = Some(m);
        } else if let Some(d) = weekday_of(w).filter(|_| weekday.is_none()) {
            weekday = Some(d);
        } else {
            return Err(shape());
        }
    }
    let (Some(day), Some(month)) = (day, month) else {
        return Err(shape());
    };
    let year = in_year.unwrap_or(year);
    let date = Date::from_ymd(year, month, day)
        .ok_or_else(|| format!("\"{shown}\" is not a day on the calendar"))?;
    match weekday {
        Some(w) if w != date.0.weekday() => Err(format!(
            "{} {} {year} is a {}, not a {}",
            day,
            month_name(month),
            full_weekday(date.0.weekday()),
            full_weekday(w)
        )),
        _ => Ok(date),
    }
}

fn full_weekday(w: Weekday) -> String {
    let name = WEEKDAYS
        .get(w.num_days_from_monday() as usize)
        .copied()
        .unwrap_or("");
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("a date")
    }
    fn t(s: &str) -> DateTime {
        s.parse().expect("a time")
    }

    #[test]
    fn dates_read_like_a_person_says_them() {
        assert_eq!(date(d("2027-03-16"), 2027), "Tue 16 Mar");
        assert_eq!(date(d("2026-12-14"), 2027), "Mon 14 Dec 2026");
        assert_eq!(date_time(t("2027-03-16T09:30"), 2027), "Tue 16 Mar, 09:30");
        assert_eq!(clock(t("2027-03-16T09:30:15")), "09:30:15");
        assert_eq!(count(1, "show day"), "1 show day");
        assert_eq!(count(3, "show day"), "3 show days");
        assert_eq!(count(0, "gap"), "0 gaps");
    }

    #[test]
    fn numbers_group_thousands() {
        assert_eq!(number(250_000.0, 0), "250,000");
        assert_eq!(number(1234.5, 2), "1,234.5");
        assert_eq!(number(-1_234_567.0, 0), "-1,234,567");
        assert_eq!(number(999.0, 0), "999");
        assert_eq!(number(0.0, 2), "0");
        assert_eq!(number(-0.001, 2), "0");
        assert_eq!(read_number("250,000"), Some(250_000.0));
        assert_eq!(read_number("1 234.5"), Some(1234.5));
        assert_eq!(read_number("12x"), None);
        for n in [0.0, 7.0, 1234.0, 1_000_000.0, -42.0, 3.25] {
            assert_eq!(read_number(&number(n, 2)), Some(n), "{n}");
        }
    }

    #[test]
    fn what_is_shown_reads_back() {
        for s in ["2027-03-16", "2026-12-14", "2028-02-29"] {
            assert_eq!(read_date(&date(d(s), 2027), 2027), Ok(d(s)), "{s}");
        }
        for s in ["2027-03-16T09:30", "2026-12-14T23:59", "2027-01-01T00:00"] {
            assert_eq!(
                read_date_time(&date_time(t(s), 2027), 2027),
                Ok(t(s)),
                "{s}"
            );
        }
    }

    #[test]
    fn common_variants_are_understood() {
        let year = 2027;
        for s in [
            "16 Mar",
            "16 march",
            "Mar 16",
            "tue 16 mar",
            "Tuesday, 16 March 2027",
            "16/3",
            "2027-03-16",
        ] {
            assert_eq!(read_date(s, year), Ok(d("2027-03-16")), "{s}");
        }
        for s in [
            "16 Mar 9:30",
            "Tue 16 Mar, 09:30",
            "16 Mar 9:30 am",
            "16 Mar 9:30am",
            "2027-03-16 09:30",
            "2027-03-16T09:30",
        ] {
            assert_eq!(read_date_time(s, year), Ok(t("2027-03-16T09:30")), "{s}");
        }
        assert_eq!(
            read_date_time("16 Mar 2:30 pm", year),
            Ok(t("2027-03-16T14:30"))
        );
        assert_eq!(
            read_date_time("16 Mar 12:05 am", year),
            Ok(t("2027-03-16T00:05"))
        );
    }

    #[test]
    fn mistakes_are_explained() {
        let year = 2027;
        assert_eq!(
            read_date("Mon 16 Mar", year),
            Err("16 Mar 2027 is a Tuesday, not a Monday".to_owned())
        );
        assert!(read_date("30 Feb", year).is_err_and(|e| e.contains("not a day")));
        assert!(read_date("16", year).is_err_and(|e| e.contains("Tue 16 Mar")));
        assert!(read_date("", year).is_err());
        assert!(read_date_time("16 Mar", year).is_err_and(|e| e.contains("no time")));
        assert!(read_date_time("16 Mar 25:00", year).is_err_and(|e| e.contains("clock")));
        assert!(read_date_time("16 Mar 13:00 pm", year).is_err());
    }
}
