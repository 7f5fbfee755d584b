//! Calendar dates and local event times as the plan file writes them.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::de::{self, Deserialize, Deserializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

/// A local event time, written `YYYY-MM-DDTHH:MM` (seconds accepted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime(pub NaiveDateTime);

impl Date {
    /// The date for a year, month and day, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Today on this machine's clock.
    pub fn today() -> Date {
        Date(chrono::Local::now().date_naive())
    }

    /// The date `days` later (or earlier, when negative), saturating at the calendar's ends.
    pub fn plus_days(self, days: i64) -> Date {
        let moved = if days >= 0 {
            self.0
                .checked_add_days(chrono::Days::new(days.unsigned_abs()))
        } else {
            self.0
                .checked_sub_days(chrono::Days::new(days.unsigned_abs()))
        };
        Date(moved.unwrap_or(self.0))
    }

    /// The first minute of this day.
    pub fn at(self, hour: u32, minute: u32) -> DateTime {
        let time = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN);
        DateTime(self.0.and_time(time))
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        (other.0 - self.0).num_days()
    }
}

impl DateTime {
    /// The day this time falls on.
    pub fn date(self) -> Date {
        Date(self.0.date())
    }

    /// The time `minutes` later, saturating at the calendar's ends.
    pub fn plus_minutes(self, minutes: i64) -> DateTime {
        let delta = chrono::TimeDelta::try_minutes(minutes).unwrap_or(chrono::TimeDelta::MAX);
        DateTime(self.0.checked_add_signed(delta).unwrap_or(if minutes >= 0 {
            NaiveDateTime::MAX
        } else {
            NaiveDateTime::MIN
        }))
    }

    /// Minutes since midnight.
    pub fn minute_of_day(self) -> u32 {
        self.0.hour() * 60 + self.0.minute()
    }

    /// Minutes from `self` to `other`.
    pub fn minutes_until(self, other: DateTime) -> i64 {
        (other.0 - self.0).num_minutes()
    }
}

/// Why a date or time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not shaped like a date.
    #[error("`{0}` is not a date: write it as YYYY-MM-DD, for example 2027-03-09")]
    DateShape(String),
    /// Shaped like a date but not on the calendar.
    #[error("`{0}` is not a day on the calendar")]
    NoSuchDay(String),
    /// Not shaped like a date and time.
    #[error(
        "`{0}` is not a date and time: write it as YYYY-MM-DDTHH:MM, for example 2027-03-09T10:30"
    )]
    TimeShape(String),
    /// Shaped like a time but not on the clock.
    #[error("`{0}` is not a time on the clock")]
    NoSuchTime(String),
}

fn parse_date(s: &str) -> Result<Date, DateError> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(DateError::DateShape(s.to_owned()));
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok()).unwrap_or(0);
    let year = i32::try_from(num(0..4)).unwrap_or(0);
    NaiveDate::from_ymd_opt(year, num(5..7), num(8..10))
        .map(Date)
        .ok_or_else(|| DateError::NoSuchDay(s.to_owned()))
}

fn parse_date_time(s: &str) -> Result<DateTime, DateError> {
    let shape = || DateError::TimeShape(s.to_owned());
    let (day, time) = s.split_once('T').ok_or_else(shape)?;
    let date = parse_date(day).map_err(|e| match e {
        DateError::NoSuchDay(_) => DateError::NoSuchDay(s.to_owned()),
        _ => shape(),
    })?;
    let parts: Vec<&str> = time.split(':').collect();
    if !(parts.len() == 2 || parts.len() == 3)
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|c| c.is_ascii_digit()))
    {
        return Err(shape());
    }
    let num = |i: usize| {
        parts
            .get(i)
            .and_then(|x| x.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let time = NaiveTime::from_hms_opt(num(0), num(1), num(2))
        .ok_or_else(|| DateError::NoSuchTime(s.to_owned()))?;
    Ok(DateTime(date.0.and_time(time)))
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_date(s)
    }
}

impl FromStr for DateTime {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_date_time(s)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}",
            self.date(),
            self.0.hour(),
            self.0.minute()
        )?;
        if self.0.second() != 0 {
            write!(f, ":{:02}", self.0.second())?;
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_date(&s).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse_date_time(&s).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_strictly() {
        assert_eq!(
            "2027-03-09".parse::<Date>().map(|d| d.to_string()),
            Ok("2027-03-09".into())
        );
        assert!(matches!(
            "2027-02-30".parse::<Date>(),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            "2027-3-9".parse::<Date>(),
            Err(DateError::DateShape(_))
        ));
        assert!(matches!("".parse::<Date>(), Err(DateError::DateShape(_))));
    }

    #[test]
    fn times_accept_seconds_and_write_minutes() {
        let t: DateTime = "2027-03-09T10:00:00".parse().expect("valid");
        assert_eq!(t.to_string(), "2027-03-09T10:00");
        let t: DateTime = "2027-03-09T10:00:30".parse().expect("valid");
        assert_eq!(t.to_string(), "2027-03-09T10:00:30");
        assert!(matches!(
            "2027-03-09T25:00".parse::<DateTime>(),
            Err(DateError::NoSuchTime(_))
        ));
        assert!(matches!(
            "2027-03-09 10:00".parse::<DateTime>(),
            Err(DateError::TimeShape(_))
        ));
        assert!(matches!(
            "2027-02-31T10:00".parse::<DateTime>(),
            Err(DateError::NoSuchDay(_))
        ));
    }

    #[test]
    fn meeting_end_crosses_midnight() {
        let t: DateTime = "2027-03-09T23:30".parse().expect("valid");
        assert_eq!(t.plus_minutes(60).to_string(), "2027-03-10T00:30");
        assert_eq!(t.plus_minutes(i64::MAX).0, NaiveDateTime::MAX);
    }
}
