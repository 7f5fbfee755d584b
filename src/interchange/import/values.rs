//! Reading the cells that are not dates or people: tiers, meeting statuses and lengths.

use crate::interchange::import::text::fold;
use crate::model::MeetingStatus;

/// Reads a tier: Hot/A/1 give 1, Warm/B/2 give 2, Cold/C/3 give 3 (case-insensitively, with or
/// without a leading "Tier").
pub fn parse_tier(text: &str) -> Option<i64> {
    let t = fold(text);
    let t = t.strip_prefix("tier").unwrap_or(&t).trim();
    match t {
        "hot" | "a" | "1" | "1.0" => Some(1),
        "warm" | "b" | "2" | "2.0" => Some(2),
        "cold" | "c" | "3" | "3.0" => Some(3),
        _ => None,
    }
}

/// Reads a meeting status: the plan's names, and common CRM words (Scheduled, Accepted, Booked,
/// Held, Completed: Confirmed; Pending, Invited, Tentative, Sent: Requested; Planned, Draft:
/// Proposed; Rejected: Declined; Canceled, No show: Cancelled).
pub fn parse_status(text: &str) -> Option<MeetingStatus> {
    match fold(text).as_str() {
        "proposed" | "planned" | "draft" | "idea" => Some(MeetingStatus::Proposed),
        "requested" | "pending" | "invited" | "tentative" | "sent" | "awaiting reply" => {
            Some(MeetingStatus::Requested)
        }
        "confirmed" | "scheduled" | "accepted" | "booked" | "held" | "completed" | "done" => {
            Some(MeetingStatus::Confirmed)
        }
        "declined" | "rejected" => Some(MeetingStatus::Declined),
        "cancelled" | "canceled" | "no show" | "no-show" => Some(MeetingStatus::Cancelled),
        _ => None,
    }
}

/// Reads a length in minutes: `30`, `30 min`, `45m`, `1h`, `1.5 h`, `1:30`, `90 minutes`.
pub fn parse_minutes(text: &str) -> Option<i64> {
    let t = text.trim().to_ascii_lowercase();
    if let Some((h, m)) = t.split_once(':') {
        let (h, m) = (h.trim().parse::<i64>().ok()?, m.trim().parse::<i64>().ok()?);
        return (0..60)
            .contains(&m)
            .then_some(h * 60 + m)
            .filter(|&n| n > 0);
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match unit.trim() {
        "" | "m" | "min" | "mins" | "minute" | "minutes" => 1.0,
        "h" | "hr" | "hrs" | "hour" | "hours" => 60.0,
        _ => return None,
    };
    let minutes = (number * factor).round();
    (1.0..=100_000.0)
        .contains(&minutes)
        .then_some(minutes as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_statuses_and_lengths_read() {
        assert_eq!(parse_tier("Hot"), Some(1));
        assert_eq!(parse_tier("b"), Some(2));
        assert_eq!(parse_tier("Tier 3"), Some(3));
        assert_eq!(parse_tier("Customer"), None);
        assert_eq!(parse_status("Scheduled"), Some(MeetingStatus::Confirmed));
        assert_eq!(parse_status("canceled"), Some(MeetingStatus::Cancelled));
        assert_eq!(parse_minutes("45"), Some(45));
        assert_eq!(parse_minutes("45 min"), Some(45));
        assert_eq!(parse_minutes("1h"), Some(60));
        assert_eq!(parse_minutes("1.5 h"), Some(90));
        assert_eq!(parse_minutes("1:30"), Some(90));
        assert_eq!(parse_minutes("0"), None);
        assert_eq!(parse_minutes("soon"), None);
    }
}
