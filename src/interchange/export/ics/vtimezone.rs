//! The `VTIMEZONE` of a calendar, written from the time zone database: every change of clocks
//! (each an `RFC 5545` `STANDARD` or `DAYLIGHT` observance with its `DTSTART`, `TZOFFSETFROM`,
//! `TZOFFSETTO` and `TZNAME`) from the one in force on the first of January of the first year
//! the plan's meetings and days touch to the end of the last. Explicit changes rather than
//! yearly rules: they are exact for every zone, including those whose rules follow no
//! weekday (Asia/Jerusalem, Asia/Tehran) or changed within the span.

use super::escape_text;
use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};

/// The lines of the `VTIMEZONE` named `tzid` for `zone`, covering the years `first` to `last`.
pub(super) fn vtimezone(tzid: &str, zone: &TimeZone, first: i32, last: i32) -> Vec<String> {
    let mut out = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{tzid}")];
    let from = year_start(first);
    let to = year_start(last.saturating_add(1));
    // The change in force on the first of January, then every change up to the end.
    let mut changes: Vec<(Timestamp, Offset, bool, String)> = Vec::new();
    let opening = from.and_then(|f| {
        let just_after = f.checked_add(jiff::SignedDuration::from_secs(1)).ok()?;
        zone.preceding(just_after).next()
    });
    changes.extend(opening.map(|t| {
        (
            t.timestamp(),
            t.offset(),
            t.dst().is_dst(),
            t.abbreviation().to_owned(),
        )
    }));
    if let (Some(from), Some(to)) = (from, to) {
        let after = changes.first().map_or(from, |c| c.0);
        changes.extend(
            zone.following(after)
                .take_while(|t| t.timestamp() < to)
                .map(|t| {
                    (
                        t.timestamp(),
                        t.offset(),
                        t.dst().is_dst(),
                        t.abbreviation().to_owned(),
                    )
                }),
        );
    }
    if changes.is_empty() {
        // A zone that never changes its clocks (UTC, a fixed offset).
        let at = from.unwrap_or(Timestamp::UNIX_EPOCH);
        let info = zone.to_offset_info(at);
        let offset = utc_offset(info.offset());
        out.extend([
            "BEGIN:STANDARD".to_owned(),
            "DTSTART:19700101T000000".to_owned(),
            format!("TZOFFSETFROM:{offset}"),
            format!("TZOFFSETTO:{offset}"),
            format!("TZNAME:{}", escape_text(info.abbreviation())),
            "END:STANDARD".to_owned(),
        ]);
    }
    for (at, offset, dst, name) in changes {
        // RFC 5545 3.6.5: DTSTART is the local time of the change in the offset before it.
        let before = at
            .checked_sub(jiff::SignedDuration::from_secs(1))
            .map_or(offset, |b| zone.to_offset(b));
        let local = before.to_datetime(at);
        if !(0..=9999).contains(&local.year()) {
            continue;
        }
        let part = if dst { "DAYLIGHT" } else { "STANDARD" };
        out.extend([
            format!("BEGIN:{part}"),
            format!(
                "DTSTART:{:04}{:02}{:02}T{:02}{:02}{:02}",
                local.year(),
                local.month(),
                local.day(),
                local.hour(),
                local.minute(),
                local.second()
            ),
            format!("TZOFFSETFROM:{}", utc_offset(before)),
            format!("TZOFFSETTO:{}", utc_offset(offset)),
            format!("TZNAME:{}", escape_text(&name)),
            format!("END:{part}"),
        ]);
    }
    out.push("END:VTIMEZONE".to_owned());
    out
}

/// Midnight UTC on the first of January of `year`, if jiff can hold it.
fn year_start(year: i32) -> Option<Timestamp> {
    let midnight = chrono::NaiveDate::from_ymd_opt(year, 1, 1)?.and_hms_opt(0, 0, 0)?;
    Timestamp::from_second(midnight.and_utc().timestamp()).ok()
}

/// `+0100`, `-0330`, and `+005328` for an offset with seconds (local mean times of old).
fn utc_offset(offset: Offset) -> String {
    let total = offset.seconds();
    let sign = if total < 0 { '-' } else { '+' };
    let s = total.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        crate::model::zone::find(name).unwrap_or(TimeZone::UTC)
    }

    #[test]
    fn central_europe_changes_at_two_and_three() {
        let text = vtimezone("Europe/Madrid", &zone("Europe/Madrid"), 2027, 2027).join("\n");
        assert!(
            text.contains(
                "BEGIN:DAYLIGHT\nDTSTART:20270328T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "BEGIN:STANDARD\nDTSTART:20271031T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nTZNAME:CET"
            ),
            "{text}"
        );
        // The one in force on the first of January (October 2026's) opens the zone.
        assert!(text.contains("DTSTART:20261025T030000"), "{text}");
    }

    #[test]
    fn a_zone_without_changes_has_one_standard_time() {
        let text = vtimezone("UTC", &TimeZone::UTC, 2027, 2027).join("\n");
        assert!(
            text.contains("TZOFFSETFROM:+0000\nTZOFFSETTO:+0000"),
            "{text}"
        );
        assert_eq!(
            utc_offset(Offset::from_seconds(-12_600).unwrap_or(Offset::UTC)),
            "-0330"
        );
    }
}
