//! `SEQUENCE` and `LAST-MODIFIED`: how a calendar app tells an updated meeting from the copy
//! it already has.
//!
//! The plan keeps no history of its meetings, so the calendar being replaced does: an export
//! over an earlier calendar reads it first, and each meeting's event is compared with the
//! event of the same UID there (every line but `DTSTAMP`, `SEQUENCE` and `LAST-MODIFIED`).
//!
//! - Unchanged: the event keeps its `SEQUENCE` and `LAST-MODIFIED`, so the calendar app has
//!   nothing to update.
//! - Changed, or not in the earlier calendar (or there is none): `LAST-MODIFIED` is the time
//!   of this export, and `SEQUENCE` the number of whole minutes from 2020-01-01 00:00 UTC to
//!   it (but at least one more than the earlier `SEQUENCE`).
//!
//! So `SEQUENCE` only ever grows, whoever exports, to whatever file, on any machine with a
//! clock that is right: a colleague's fresh export after a change outranks the copy in
//! everyone's calendar. The same plan, earlier calendar and export time always give the same
//! calendar.

use std::collections::BTreeMap;
use std::path::Path;

/// The largest calendar Preshow reads to learn the earlier versions of its events; a larger
/// file is not one it wrote, and is replaced without being read.
const LARGEST_EARLIER: u64 = 64 * 1024 * 1024;

/// What an earlier calendar says of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Earlier {
    /// Its `SEQUENCE` (0 when it had none).
    sequence: u32,
    /// Its `LAST-MODIFIED`, as written.
    modified: Option<String>,
    /// Its other lines, unfolded, but `DTSTAMP`.
    lines: Vec<String>,
}

/// The events of an earlier calendar, by UID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Earliers(BTreeMap<String, Earlier>);

impl Earliers {
    /// Reads the events of a calendar's text (anything else yields none).
    pub fn parse(text: &str) -> Self {
        let unfolded = text
            .replace("\r\n ", "")
            .replace("\r\n\t", "")
            .replace("\n ", "")
            .replace("\n\t", "");
        let mut out = BTreeMap::new();
        let mut current: Option<(Option<String>, Earlier)> = None;
        let mut depth = 0usize;
        for line in unfolded.lines() {
            let line = line.trim_end_matches('\r');
            if line.eq_ignore_ascii_case("BEGIN:VEVENT") && current.is_none() {
                current = Some((
                    None,
                    Earlier {
                        sequence: 0,
                        modified: None,
                        lines: Vec::new(),
                    },
                ));
                depth = 0;
                continue;
            }
            let Some((uid, event)) = current.as_mut() else {
                continue;
            };
            if line.to_ascii_uppercase().starts_with("BEGIN:") {
                depth += 1;
            }
            if line.eq_ignore_ascii_case("END:VEVENT") && depth == 0 {
                if let Some((Some(uid), event)) = current.take() {
                    out.insert(uid, event);
                }
                current = None;
                continue;
            }
            if line.to_ascii_uppercase().starts_with("END:") {
                depth = depth.saturating_sub(1);
            }
            match property(line).as_str() {
                "UID" => {
                    *uid = value(line).map(str::to_owned);
                    event.lines.push(line.to_owned());
                }
                "SEQUENCE" => {
                    event.sequence = value(line).and_then(|v| v.parse().ok()).unwrap_or(0)
                }
                "LAST-MODIFIED" => event.modified = value(line).map(str::to_owned),
                "DTSTAMP" => {}
                _ => event.lines.push(line.to_owned()),
            }
        }
        Earliers(out)
    }

    /// Reads the calendar at `path`, if it is a file Preshow can read (else there are no
    /// earlier events: a pipe or device is never read, nor a file too large to be a calendar).
    pub fn read(path: &Path) -> Self {
        let small_file =
            std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() <= LARGEST_EARLIER);
        if !small_file {
            return Earliers::default();
        }
        std::fs::read(path)
            .map(|bytes| Earliers::parse(&String::from_utf8_lossy(&bytes)))
            .unwrap_or_default()
    }

    /// The `SEQUENCE` and `LAST-MODIFIED` of the event `uid` whose lines (all but `DTSTAMP`,
    /// `SEQUENCE` and `LAST-MODIFIED`) are `lines`, exported at `stamp` (`YYYYMMDDTHHMMSSZ`)
    /// which is `minutes` whole minutes after 2020-01-01 00:00 UTC.
    pub(super) fn revision(
        &self,
        uid: &str,
        lines: &[String],
        stamp: &str,
        minutes: u32,
    ) -> (u32, String) {
        match self.0.get(uid) {
            Some(e) if e.lines == lines => (
                e.sequence,
                e.modified.clone().unwrap_or_else(|| stamp.to_owned()),
            ),
            Some(e) => (e.sequence.saturating_add(1).max(minutes), stamp.to_owned()),
            None => (minutes, stamp.to_owned()),
        }
    }
}

/// A content line's property name, upper-cased.
fn property(line: &str) -> String {
    line.split([':', ';'])
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase()
}

/// A content line's value: what follows the first `:` (the properties read here have no
/// quoted parameters).
fn value(line: &str) -> Option<&str> {
    line.split_once(':').map(|(_, v)| v.trim())
}

/// Whole minutes from 2020-01-01 00:00 UTC to `stamp` (UTC), 0 before it, and never more than
/// RFC 5545's largest integer.
pub(super) fn minutes_since_2020(stamp: chrono::NaiveDateTime) -> u32 {
    let epoch = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    let minutes = (stamp - epoch).num_minutes().clamp(0, i64::from(i32::MAX));
    u32::try_from(minutes).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_event_is_read_whatever_its_line_endings_and_folds() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a@x\nDTSTAMP:20270101T000000Z\nSEQUENCE:7\n\
                    LAST-MODIFIED:20270101T000000Z\nSUMMARY:Lo\n ng\nBEGIN:VALARM\nEND:VALARM\n\
                    END:VEVENT\nEND:VCALENDAR\n";
        let earlier = Earliers::parse(text);
        let lines = ["UID:a@x", "SUMMARY:Long", "BEGIN:VALARM", "END:VALARM"].map(String::from);
        assert_eq!(
            earlier.revision("a@x", &lines, "S", 100),
            (7, "20270101T000000Z".to_owned())
        );
        assert_eq!(
            earlier.revision("a@x", &lines[..2], "S", 5),
            (8, "S".to_owned())
        );
        assert_eq!(
            earlier.revision("b@x", &lines, "S", 100),
            (100, "S".to_owned())
        );
        assert_eq!(Earliers::parse("not a calendar"), Earliers::default());
    }
}
