//! Minutes of the day and how the board words things: the quarter-hour step moves snap to,
//! `HH:MM` times, day names and counted nouns.

use crate::model::{Date, DateTime};

/// Moves and lengths snap to this many minutes.
pub(super) const STEP: i64 = 15;
/// Minutes in a day.
pub(super) const DAY: i64 = 24 * 60;

/// `HH:MM`.
pub(super) fn hhmm(minute: i64) -> String {
    let m = minute.rem_euclid(DAY);
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// `HH:MM–HH:MM`, the end with its date when it is another day.
pub(super) fn time_range(start: DateTime, minutes: i64) -> String {
    let end = start.plus_minutes(minutes);
    let to = if end.date() == start.date() {
        hhmm(i64::from(end.minute_of_day()))
    } else {
        format!(
            "{} {}",
            day_label(end.date()),
            hhmm(i64::from(end.minute_of_day()))
        )
    };
    format!("{}–{to}", hhmm(i64::from(start.minute_of_day())))
}

/// `Tue 16 Mar`.
pub(super) fn day_label(day: Date) -> String {
    day.0.format("%a %-d %b").to_string()
}

/// `1 meeting`, `2 meetings`.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A move or length after a drag of `delta` minutes from `from`, snapped to quarter hours. Less
/// than half a step leaves it where it was.
pub(super) fn snapped(from: i64, delta: f32) -> i64 {
    let step = STEP as f32;
    if (delta / step).round() == 0.0 {
        from
    } else {
        ((from as f32 + delta) / step).round() as i64 * STEP
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_hours_and_minutes() {
        assert_eq!(hhmm(0), "00:00");
        assert_eq!(hhmm(9 * 60 + 5), "09:05");
        assert_eq!(hhmm(DAY + 30), "00:30");
        let start = Date::from_ymd(2027, 3, 16).expect("a date").at(23, 30);
        assert_eq!(time_range(start, 15), "23:30–23:45");
        assert_eq!(time_range(start, 60), "23:30–Wed 17 Mar 00:30");
    }

    /// Less than half a step stays put; more snaps to the nearest quarter hour.
    #[test]
    fn drags_snap_to_quarter_hours() {
        assert_eq!(snapped(10, 7.0), 10);
        assert_eq!(snapped(10, 8.0), 15);
        assert_eq!(snapped(60, -20.0), 45);
        assert_eq!(snapped(60, 30.0), 90);
    }
}
