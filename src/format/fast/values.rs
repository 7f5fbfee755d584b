//! Plain values: numbers, booleans, dates and times, and the plan's enums (teams, meeting
//! statuses).

use crate::format::fast::Parser;
use crate::format::fast::lex::is_ident_byte;
use crate::model::{Date, DateTime, Measure, MeetingStatus, Team};

/// A time written the way the writer writes it, `YYYY-MM-DDTHH:MM`, read without the general
/// parser's allocations; anything else is left to [`DateTime`]'s own parser, which gives the
/// same value for this shape.
fn plain_date_time(text: &str) -> Option<DateTime> {
    let b = text.as_bytes();
    let shaped = b.len() == 16
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 => c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shaped {
        return None;
    }
    let num = |from: usize, to: usize| {
        b.get(from..to)?
            .iter()
            .try_fold(0u32, |n, &c| Some(n * 10 + u32::from(c - b'0')))
    };
    let date = Date::from_ymd(i32::try_from(num(0, 4)?).ok()?, num(5, 7)?, num(8, 10)?)?;
    let time = chrono::NaiveTime::from_hms_opt(num(11, 13)?, num(14, 16)?, 0)?;
    Some(DateTime(date.0.and_time(time)))
}

impl<'a> Parser<'a> {
    /// The text of a number: `-`, digits, maybe a fraction and an exponent, then something that
    /// cannot continue a number. Leading zeros are left to the full reader.
    fn number(&mut self, float: bool) -> Option<&'a str> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.at += 1;
            }
            p.at - from
        };
        let first = self.at;
        let n = digits(self);
        if n == 0 || (n > 1 && self.b.get(first) == Some(&b'0')) {
            return None;
        }
        if float {
            if self.peek() == Some(b'.') {
                self.at += 1;
                if digits(self) == 0 {
                    return None;
                }
            }
            if matches!(self.peek(), Some(b'e' | b'E')) {
                self.at += 1;
                if matches!(self.peek(), Some(b'+' | b'-')) {
                    self.at += 1;
                }
                if digits(self) == 0 {
                    return None;
                }
            }
        }
        if self
            .peek()
            .is_some_and(|c| is_ident_byte(c) || matches!(c, b'.' | b'+' | b'-'))
        {
            return None;
        }
        self.src.get(start..self.at)
    }

    pub(super) fn int(&mut self) -> Option<i64> {
        self.number(false)?.parse().ok()
    }

    pub(super) fn uint(&mut self) -> Option<u32> {
        self.number(false)?.parse().ok()
    }

    pub(super) fn float(&mut self) -> Option<f64> {
        let x: f64 = self.number(true)?.parse().ok()?;
        x.is_finite().then_some(x)
    }

    pub(super) fn boolean(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    pub(super) fn date(&mut self) -> Option<Date> {
        self.text()?.parse().ok()
    }

    pub(super) fn date_time(&mut self) -> Option<DateTime> {
        let text = self.text()?;
        plain_date_time(&text).or_else(|| text.parse().ok())
    }

    pub(super) fn team(&mut self) -> Option<Team> {
        match self.ident()? {
            "Sales" => Some(Team::Sales),
            "Marketing" => Some(Team::Marketing),
            "Leadership" => Some(Team::Leadership),
            _ => None,
        }
    }

    pub(super) fn status(&mut self) -> Option<MeetingStatus> {
        match self.ident()? {
            "Proposed" => Some(MeetingStatus::Proposed),
            "Requested" => Some(MeetingStatus::Requested),
            "Confirmed" => Some(MeetingStatus::Confirmed),
            "Declined" => Some(MeetingStatus::Declined),
            "Cancelled" => Some(MeetingStatus::Cancelled),
            "Held" => Some(MeetingStatus::Held),
            "NoShow" => Some(MeetingStatus::NoShow),
            _ => None,
        }
    }

    /// An objective's measure: `MeetingsHeld`, `LeadsReaching("sql")`, ...
    pub(super) fn measure(&mut self) -> Option<Measure> {
        match self.ident()? {
            "MeetingsHeld" => Some(Measure::MeetingsHeld),
            "Tier1AccountsMet" => Some(Measure::Tier1AccountsMet),
            "Leads" => Some(Measure::Leads),
            "Pipeline" => Some(Measure::Pipeline),
            "LeadsReaching" => {
                self.ws()?;
                self.expect(b'(')?;
                self.ws()?;
                let stage = self.string()?;
                self.ws()?;
                if self.peek()? == b',' {
                    self.at += 1;
                    self.ws()?;
                }
                self.expect(b')')?;
                Some(Measure::LeadsReaching(stage))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick time reader agrees with the general one, and leaves other shapes to it.
    #[test]
    fn plain_date_times_read_as_the_parser_reads_them() {
        for text in ["2027-03-16T09:30", "2000-02-29T23:59", "1999-12-31T00:00"] {
            assert_eq!(plain_date_time(text), text.parse().ok(), "{text}");
        }
        for text in [
            "2027-02-30T09:30",
            "2027-03-16T24:00",
            "2027-03-16 09:30",
            "2027-03-16T09:30:00",
            "27-03-16T09:30",
            "2027-03-16T9:30",
        ] {
            assert_eq!(plain_date_time(text), None, "{text}");
        }
    }
}
