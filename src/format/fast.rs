//! The fast way in: one pass over the text that builds the plan and its [`SourceMap`] together,
//! for text that is plainly a plan (what the writer produces, and what people usually write by
//! hand: comments, `Some(...)`, struct names, any spacing).
//!
//! It reads a strict subset of RON. Anything it is not sure of — an unknown or repeated field, a
//! missing one, a raw string, an unusual escape or number, odd whitespace, an older format — makes
//! it give up, and the full reader (the scan, then `ron`) reads the text instead and words any
//! error. So whenever this returns a plan, it is the plan and the source map the full reader would
//! give; the tests below hold it to that on many variations of plan text.

use super::scan::{Comment, ItemSpan, Pos, SourceMap, unquote};
use crate::model::{
    Account, Date, DateTime, Event, Handoff, Meeting, MeetingStatus, Message, Objective, Person,
    Plan, Scoring, Section, Signal, Signoff, Stage, Task, Team, Term,
};
use std::borrow::Cow;

/// The plan and its source map, or `None` when the text needs the full reader.
pub(super) fn parse(text: &str) -> Option<(Plan, SourceMap)> {
    let mut p = Parser {
        src: text,
        b: text.as_bytes(),
        at: 0,
        line: 1,
        line_start: 0,
        implicit_some: false,
        key_line: 1,
        map: SourceMap::default(),
    };
    p.ws()?;
    if p.peek() == Some(b'#') {
        p.literal(b"#![enable(implicit_some)]")?;
        p.implicit_some = true;
        p.ws()?;
    }
    let plan = p.plan()?;
    p.ws()?;
    (p.at == p.b.len()).then_some((plan, p.map))
}

/// Reads one item of a section: the item, its line, and its id as written.
type ItemReader<'a, T> = fn(&mut Parser<'a>) -> Option<(T, usize, Option<&'a str>)>;

struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    at: usize,
    /// The line of `at`, and where that line starts.
    line: usize,
    line_start: usize,
    implicit_some: bool,
    /// The line of the field name being read.
    key_line: usize,
    map: SourceMap,
}

/// Sets a field once; a second value is an error for the full reader to word.
macro_rules! once {
    ($slot:ident = $value:expr) => {{
        if $slot.is_some() {
            return None;
        }
        $slot = Some($value);
    }};
}

/// How many items of a list section are read before its length is estimated from theirs.
const SAMPLE_ITEMS: usize = 64;

/// How many items a list section will likely hold in all, once `read` items took `bytes` of
/// text and `remaining` bytes are left: as many more as the rest of the text holds at their
/// average length, and a sixteenth more, since the rest is seldom all one section. The room is
/// kept to twice the text left, so that a file of tiny items never asks for far more memory than
/// it needs.
fn estimate<T>(read: usize, bytes: usize, remaining: usize) -> usize {
    let average = (bytes / read.max(1)).max(1);
    let more = remaining / average;
    let limit = remaining.saturating_mul(2) / std::mem::size_of::<T>().max(1);
    read + (more + more / 16).min(limit)
}

/// How many items' ids are copied into the source map at a time.
const SPAN_BATCH: usize = 256;

/// The id of an item as the scan notes it ([`unquote`] of the text written): for a plain string
/// with no escapes (nearly every id) that is just the text between the quotes.
fn span_id(text: &str) -> String {
    match text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|t| !t.contains(['\\', '"']))
    {
        Some(inner) => inner.to_owned(),
        None => unquote(text),
    }
}

/// Where the first `"`, `\` or line end is in `hay`: eight bytes at a time (a zero byte of
/// `x ^ c` marks a match; the lowest flagged byte is always a true one).
fn first_special(hay: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_bytes = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let hits = zero_bytes(x ^ (ONES * u64::from(b'"')))
            | zero_bytes(x ^ (ONES * u64::from(b'\\')))
            | zero_bytes(x ^ (ONES * u64::from(b'\n')));
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| matches!(c, b'"' | b'\\' | b'\n'))
        .map(|i| base + i)
}

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

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn literal(&mut self, text: &[u8]) -> Option<()> {
        let end = self.at + text.len();
        (self.b.get(self.at..end)? == text).then(|| self.at = end)
    }

    /// The position of byte `at` on the current line, as the scan counts it.
    fn pos(&self, at: usize) -> Pos {
        Pos {
            line: self.line,
            column: self
                .src
                .get(self.line_start..at)
                .map_or(1, |s| s.chars().count() + 1),
        }
    }

    /// Skips spaces, tabs, line ends and comments, noting the comments. Whitespace the full
    /// reader knows but this one does not is left in place, so that what follows fails.
    fn ws(&mut self) -> Option<()> {
        loop {
            // Indentation comes in runs of spaces: skip them eight at a time.
            while self.b.get(self.at..self.at + 8) == Some(b"        ".as_slice()) {
                self.at += 8;
            }
            match self.peek() {
                Some(b' ' | b'\t' | b'\r') => self.at += 1,
                Some(b'\n') => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                Some(b'/') => match self.b.get(self.at + 1) {
                    Some(b'/') => {
                        let start = self.at;
                        let end = self.b[start..]
                            .iter()
                            .position(|&c| c == b'\n')
                            .map_or(self.b.len(), |i| start + i);
                        self.comment(start, end)?;
                    }
                    Some(b'*') => {
                        let start = self.at;
                        let body = self.b.get(start + 2..)?;
                        let close = body.windows(2).position(|w| w == b"*/")?;
                        let body = body.get(..close)?;
                        // Nested comments: the full reader and the scan settle those.
                        if body.windows(2).any(|w| w == b"/*") {
                            return None;
                        }
                        self.comment(start, start + 2 + close + 2)?;
                    }
                    _ => return Some(()),
                },
                _ => return Some(()),
            }
        }
    }

    fn comment(&mut self, start: usize, end: usize) -> Option<()> {
        let pos = self.pos(start);
        let text = self.src.get(start..end)?;
        self.map.comments.push(Comment {
            pos,
            text: text.to_owned(),
        });
        for (i, &c) in self.b.get(start..end)?.iter().enumerate() {
            if c == b'\n' {
                self.line += 1;
                self.line_start = start + i + 1;
            }
        }
        self.at = end;
        Some(())
    }

    /// A plain identifier: ASCII letters, digits and `_`.
    fn ident(&mut self) -> Option<&'a str> {
        let start = self.at;
        if !self.peek()?.is_ascii_alphabetic() && self.peek()? != b'_' {
            return None;
        }
        while self.peek().is_some_and(is_ident_byte) {
            if self.peek()? >= 0x80 {
                return None;
            }
            self.at += 1;
        }
        self.src.get(start..self.at)
    }

    /// Whether the identifier `word` (and not a longer one) comes next.
    fn at_word(&self, word: &[u8]) -> bool {
        self.b.get(self.at..self.at + word.len()) == Some(word)
            && !self
                .b
                .get(self.at + word.len())
                .is_some_and(|&c| is_ident_byte(c))
    }

    fn string(&mut self) -> Option<String> {
        self.text().map(Cow::into_owned)
    }

    /// A string's value, borrowed from the text when it has no escapes (most strings), so that
    /// values read only to be parsed (dates) cost no allocation.
    fn text(&mut self) -> Option<Cow<'a, str>> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        let mut seg = self.at;
        let mut out: Option<String> = None;
        loop {
            let i = first_special(self.b.get(self.at..)?)?;
            let j = self.at + i;
            match self.b[j] {
                b'"' => {
                    let tail = self.src.get(seg..j)?;
                    self.at = j + 1;
                    return Some(match out {
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(tail),
                    });
                }
                b'\n' => {
                    self.line += 1;
                    self.line_start = j + 1;
                    self.at = j + 1;
                }
                _ => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(self.src.get(seg..j)?);
                    let (c, len) = match self.b.get(j + 1)? {
                        b'"' => ('"', 2),
                        b'\\' => ('\\', 2),
                        b'\'' => ('\'', 2),
                        b'n' => ('\n', 2),
                        b'r' => ('\r', 2),
                        b't' => ('\t', 2),
                        b'0' => ('\0', 2),
                        b'u' => {
                            let rest = self.b.get(j + 2..)?;
                            if rest.first() != Some(&b'{') {
                                return None;
                            }
                            let digits = rest[1..].iter().take_while(|c| c.is_ascii_hexdigit());
                            let n = digits.count();
                            if !(1..=6).contains(&n) || rest.get(1 + n) != Some(&b'}') {
                                return None;
                            }
                            let hex = self.src.get(j + 3..j + 3 + n)?;
                            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                            (c, 2 + 1 + n + 1)
                        }
                        _ => return None,
                    };
                    s.push(c);
                    self.at = j + len;
                    seg = self.at;
                }
            }
        }
    }

    /// A string, and the text it was written as.
    fn string_and_text(&mut self) -> Option<(String, &'a str)> {
        let start = self.at;
        let s = self.string()?;
        Some((s, self.src.get(start..self.at)?))
    }

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

    fn int(&mut self) -> Option<i64> {
        self.number(false)?.parse().ok()
    }

    fn uint(&mut self) -> Option<u32> {
        self.number(false)?.parse().ok()
    }

    fn float(&mut self) -> Option<f64> {
        let x: f64 = self.number(true)?.parse().ok()?;
        x.is_finite().then_some(x)
    }

    fn boolean(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    fn date(&mut self) -> Option<Date> {
        self.text()?.parse().ok()
    }

    fn date_time(&mut self) -> Option<DateTime> {
        let text = self.text()?;
        plain_date_time(&text).or_else(|| text.parse().ok())
    }

    fn team(&mut self) -> Option<Team> {
        match self.ident()? {
            "Sales" => Some(Team::Sales),
            "Marketing" => Some(Team::Marketing),
            "Leadership" => Some(Team::Leadership),
            _ => None,
        }
    }

    fn status(&mut self) -> Option<MeetingStatus> {
        match self.ident()? {
            "Proposed" => Some(MeetingStatus::Proposed),
            "Requested" => Some(MeetingStatus::Requested),
            "Confirmed" => Some(MeetingStatus::Confirmed),
            "Declined" => Some(MeetingStatus::Declined),
            "Cancelled" => Some(MeetingStatus::Cancelled),
            _ => None,
        }
    }

    /// An optional value: `None`, `Some(value)`, or (with `implicit_some`) the bare value.
    fn opt<T>(&mut self, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.at_word(b"None") {
            self.at += 4;
            return Some(None);
        }
        if self.at_word(b"Some") {
            self.at += 4;
            self.ws()?;
            self.expect(b'(')?;
            self.ws()?;
            let v = value(self)?;
            self.ws()?;
            if self.peek()? == b',' {
                self.at += 1;
                self.ws()?;
            }
            self.expect(b')')?;
            return Some(Some(v));
        }
        if self.implicit_some {
            return value(self).map(Some);
        }
        None
    }

    fn opt_string(&mut self) -> Option<Option<String>> {
        self.opt(Self::string)
    }

    /// `[a, b, ...]`, each item read by `item`.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::new();
        self.list_into(&mut out, |p, out| {
            out.push(item(p)?);
            Some(())
        })?;
        Some(out)
    }

    /// `[item, ...]`, where `item` reads one item and pushes it onto `out`.
    fn list_into<T>(
        &mut self,
        out: &mut Vec<T>,
        mut item: impl FnMut(&mut Self, &mut Vec<T>) -> Option<()>,
    ) -> Option<()> {
        self.expect(b'[')?;
        self.ws()?;
        loop {
            if self.peek()? == b']' {
                self.at += 1;
                return Some(());
            }
            item(self, out)?;
            self.ws()?;
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.ws()?;
                }
                b']' => {}
                _ => return None,
            }
        }
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        self.list(Self::string)
    }

    /// A list section: its items, each noted in the source map with its line and id.
    ///
    /// A long list is not grown by doubling, which copies the items read so far each time and
    /// at 100,000 accounts took a tenth of the load. After [`SAMPLE_ITEMS`] items it makes room
    /// for as many more as the rest of the text would hold at their average length, and gives
    /// back what it did not use when that was much too much (a section with a longer one after
    /// it).
    fn section<T>(&mut self, section: Section, item: ItemReader<'a, T>) -> Option<Vec<T>> {
        let start = self.at;
        // The items' places, with their ids as written. The ids are copied a batch of items at
        // a time, so that the copies do not sit between the items' own strings in memory: the
        // checks then read those more densely.
        let mut spans: Vec<ItemSpan> = Vec::new();
        let mut batch: Vec<(usize, Option<&'a str>)> = Vec::with_capacity(SPAN_BATCH);
        let flush = |batch: &mut Vec<(usize, Option<&'a str>)>, spans: &mut Vec<ItemSpan>| {
            spans.extend(batch.drain(..).map(|(line, id)| ItemSpan {
                line,
                id: id.map(span_id),
            }));
        };
        let mut items = Vec::new();
        self.list_into(&mut items, |p, items| {
            let (x, line, id) = item(p)?;
            items.push(x);
            if items.len() == SAMPLE_ITEMS {
                let total = estimate::<T>(SAMPLE_ITEMS, p.at - start, p.b.len() - p.at);
                // Room that cannot be had is no error: the list then grows as usual.
                let _ = items.try_reserve_exact(total - items.len());
                let _ = spans.try_reserve_exact(total - spans.len());
            }
            batch.push((line, id));
            if batch.len() == SPAN_BATCH {
                flush(&mut batch, &mut spans);
            }
            Some(())
        })?;
        flush(&mut batch, &mut spans);
        if items.capacity() > items.len() + items.len() / 4 {
            items.shrink_to_fit();
        }
        if spans.capacity() > spans.len() + spans.len() / 4 {
            spans.shrink_to_fit();
        }
        if !spans.is_empty() {
            self.map.items.insert(section, spans);
        }
        Some(items)
    }

    /// `Name(field: value, ...)` or `(field: value, ...)`: `field` reads each value. Returns the
    /// line the item starts on.
    fn fields(
        &mut self,
        name: &str,
        mut field: impl FnMut(&mut Self, &'a str) -> Option<()>,
    ) -> Option<usize> {
        let line = self.line;
        if self.peek()? != b'(' {
            if self.ident()? != name {
                return None;
            }
            self.ws()?;
        }
        self.expect(b'(')?;
        self.ws()?;
        loop {
            if self.peek()? == b')' {
                self.at += 1;
                return Some(line);
            }
            self.key_line = self.line;
            let key = self.ident()?;
            self.ws()?;
            self.expect(b':')?;
            self.ws()?;
            field(self, key)?;
            self.ws()?;
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.ws()?;
                }
                b')' => {}
                _ => return None,
            }
        }
    }

    fn plan(&mut self) -> Option<Plan> {
        let (mut format, mut event, mut people, mut objectives, mut terms, mut scoring) =
            (None, None, None, None, None, None);
        let (mut accounts, mut meetings, mut messages, mut stages, mut handoffs, mut tasks) =
            (None, None, None, None, None, None);
        self.fields("Plan", |p, key| {
            p.map.keys.entry(key.to_owned()).or_insert(p.key_line);
            match key {
                "format" => {
                    let pos = p.pos(p.at);
                    let n = p.uint()?;
                    p.map.format.get_or_insert((u64::from(n), pos));
                    once!(format = n);
                }
                "event" => once!(event = p.event()?),
                "people" => once!(people = p.section(Section::People, Self::person)?),
                "objectives" => {
                    once!(objectives = p.section(Section::Objectives, Self::objective)?)
                }
                "terms" => once!(terms = p.section(Section::Terms, Self::term)?),
                "scoring" => once!(scoring = p.opt(Self::scoring)?),
                "accounts" => once!(accounts = p.section(Section::Accounts, Self::account)?),
                "meetings" => once!(meetings = p.section(Section::Meetings, Self::meeting)?),
                "messages" => once!(messages = p.section(Section::Messages, Self::message)?),
                "stages" => once!(stages = p.section(Section::Stages, Self::stage)?),
                "handoffs" => once!(handoffs = p.section(Section::Handoffs, Self::handoff)?),
                "tasks" => once!(tasks = p.section(Section::Tasks, Self::task)?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Plan {
            format: format?,
            event: event?,
            people: people.unwrap_or_default(),
            objectives: objectives.unwrap_or_default(),
            terms: terms.unwrap_or_default(),
            scoring: scoring.flatten(),
            accounts: accounts.unwrap_or_default(),
            meetings: meetings.unwrap_or_default(),
            messages: messages.unwrap_or_default(),
            stages: stages.unwrap_or_default(),
            handoffs: handoffs.unwrap_or_default(),
            tasks: tasks.unwrap_or_default(),
        })
    }

    fn event(&mut self) -> Option<Event> {
        let (mut name, mut venue, mut booth, mut timezone, mut starts, mut ends) =
            (None, None, None, None, None, None);
        self.fields("Event", |p, key| {
            match key {
                "name" => once!(name = p.string()?),
                "venue" => once!(venue = p.opt_string()?),
                "booth" => once!(booth = p.opt_string()?),
                "timezone" => once!(timezone = p.opt_string()?),
                "starts" => once!(starts = p.date()?),
                "ends" => once!(ends = p.date()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Event {
            name: name?,
            venue: venue.flatten(),
            booth: booth.flatten(),
            timezone: timezone.flatten(),
            starts: starts?,
            ends: ends?,
        })
    }

    fn person(&mut self) -> Option<(Person, usize, Option<&'a str>)> {
        let (mut id, mut name, mut team, mut role, mut email, mut max) =
            (None, None, None, None, None, None);
        let line = self.fields("Person", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "team" => once!(team = p.team()?),
                "role" => once!(role = p.opt_string()?),
                "email" => once!(email = p.opt_string()?),
                "max_meetings_per_day" => once!(max = p.opt(Self::uint)?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let person = Person {
            id,
            name: name?,
            team: team?,
            role: role.flatten(),
            email: email.flatten(),
            max_meetings_per_day: max.flatten(),
        };
        Some((person, line, Some(text)))
    }

    fn signoff(&mut self) -> Option<Signoff> {
        let (mut by, mut on, mut fingerprint) = (None, None, None);
        self.fields("Signoff", |p, key| {
            match key {
                "by" => once!(by = p.string()?),
                "on" => once!(on = p.date()?),
                "fingerprint" => once!(fingerprint = p.opt_string()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Signoff {
            by: by?,
            on: on?,
            fingerprint: fingerprint.flatten(),
        })
    }

    fn signoffs(&mut self) -> Option<Vec<Signoff>> {
        self.list(Self::signoff)
    }

    fn objective(&mut self) -> Option<(Objective, usize, Option<&'a str>)> {
        let (mut id, mut name, mut metric, mut target, mut unit, mut signoffs) =
            (None, None, None, None, None, None);
        let line = self.fields("Objective", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "metric" => once!(metric = p.opt_string()?),
                "target" => once!(target = p.opt(Self::float)?),
                "unit" => once!(unit = p.opt_string()?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let objective = Objective {
            id,
            name: name?,
            metric: metric.flatten(),
            target: target.flatten(),
            unit: unit.flatten(),
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((objective, line, Some(text)))
    }

    fn term(&mut self) -> Option<(Term, usize, Option<&'a str>)> {
        let (mut id, mut term, mut definition, mut signoffs) = (None, None, None, None);
        let line = self.fields("Term", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "term" => once!(term = p.string()?),
                "definition" => once!(definition = p.string()?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let term = Term {
            id,
            term: term?,
            definition: definition?,
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((term, line, Some(text)))
    }

    fn scoring(&mut self) -> Option<Scoring> {
        let (mut threshold, mut signals, mut signoffs) = (None, None, None);
        self.fields("Scoring", |p, key| {
            match key {
                "threshold" => once!(threshold = p.int()?),
                "signals" => once!(signals = p.list(Self::signal)?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Scoring {
            threshold: threshold?,
            signals: signals.unwrap_or_default(),
            signoffs: signoffs.unwrap_or_default(),
        })
    }

    fn signal(&mut self) -> Option<Signal> {
        let (mut signal, mut points) = (None, None);
        self.fields("Signal", |p, key| {
            match key {
                "signal" => once!(signal = p.string()?),
                "points" => once!(points = p.int()?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Signal {
            signal: signal?,
            points: points?,
        })
    }

    fn account(&mut self) -> Option<(Account, usize, Option<&'a str>)> {
        let (mut id, mut name, mut tier, mut owner) = (None, None, None, None);
        let (mut marketing_owner, mut segment, mut messages, mut notes) = (None, None, None, None);
        let line = self.fields("Account", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "tier" => once!(tier = p.int()?),
                "owner" => once!(owner = p.opt_string()?),
                "marketing_owner" => once!(marketing_owner = p.opt_string()?),
                "segment" => once!(segment = p.opt_string()?),
                "messages" => once!(messages = p.strings()?),
                "notes" => once!(notes = p.opt_string()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let account = Account {
            id,
            name: name?,
            tier: tier?,
            owner: owner.flatten(),
            marketing_owner: marketing_owner.flatten(),
            segment: segment.flatten(),
            messages: messages.unwrap_or_default(),
            notes: notes.flatten(),
        };
        Some((account, line, Some(text)))
    }

    fn meeting(&mut self) -> Option<(Meeting, usize, Option<&'a str>)> {
        let (mut id, mut account, mut start, mut minutes, mut location) =
            (None, None, None, None, None);
        let (mut people, mut status, mut goal, mut messages) = (None, None, None, None);
        let line = self.fields("Meeting", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "account" => once!(account = p.string()?),
                "start" => once!(start = p.date_time()?),
                "minutes" => once!(minutes = p.int()?),
                "location" => once!(location = p.opt_string()?),
                "people" => once!(people = p.strings()?),
                "status" => once!(status = p.status()?),
                "goal" => once!(goal = p.opt_string()?),
                "messages" => once!(messages = p.strings()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let meeting = Meeting {
            id,
            account: account?,
            start: start?,
            minutes: minutes?,
            location: location.flatten(),
            people: people.unwrap_or_default(),
            status: status.unwrap_or_default(),
            goal: goal.flatten(),
            messages: messages.unwrap_or_default(),
        };
        Some((meeting, line, Some(text)))
    }

    fn message(&mut self) -> Option<(Message, usize, Option<&'a str>)> {
        let (mut id, mut headline, mut body, mut proof) = (None, None, None, None);
        let (mut author, mut segments, mut signoffs) = (None, None, None);
        let line = self.fields("Message", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "headline" => once!(headline = p.string()?),
                "body" => once!(body = p.opt_string()?),
                "proof" => once!(proof = p.strings()?),
                "author" => once!(author = p.opt_string()?),
                "segments" => once!(segments = p.strings()?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let message = Message {
            id,
            headline: headline?,
            body: body.flatten(),
            proof: proof.unwrap_or_default(),
            author: author.flatten(),
            segments: segments.unwrap_or_default(),
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((message, line, Some(text)))
    }

    fn stage(&mut self) -> Option<(Stage, usize, Option<&'a str>)> {
        let (mut id, mut name, mut team, mut entry, mut terminal) = (None, None, None, None, None);
        let line = self.fields("Stage", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "name" => once!(name = p.string()?),
                "team" => once!(team = p.team()?),
                "entry" => once!(entry = p.boolean()?),
                "terminal" => once!(terminal = p.boolean()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let stage = Stage {
            id,
            name: name?,
            team: team?,
            entry: entry.unwrap_or_default(),
            terminal: terminal.unwrap_or_default(),
        };
        Some((stage, line, Some(text)))
    }

    fn handoff(&mut self) -> Option<(Handoff, usize, Option<&'a str>)> {
        let (mut id, mut from, mut to, mut trigger) = (None, None, None, None);
        let (mut owner, mut sla_hours, mut signoffs) = (None, None, None);
        let line = self.fields("Handoff", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "from" => once!(from = p.string()?),
                "to" => once!(to = p.string()?),
                "trigger" => once!(trigger = p.string()?),
                "owner" => once!(owner = p.opt_string()?),
                "sla_hours" => once!(sla_hours = p.opt(Self::int)?),
                "signoffs" => once!(signoffs = p.signoffs()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let handoff = Handoff {
            id,
            from: from?,
            to: to?,
            trigger: trigger?,
            owner: owner.flatten(),
            sla_hours: sla_hours.flatten(),
            signoffs: signoffs.unwrap_or_default(),
        };
        Some((handoff, line, Some(text)))
    }

    fn task(&mut self) -> Option<(Task, usize, Option<&'a str>)> {
        let (mut id, mut title, mut owner, mut due, mut done) = (None, None, None, None, None);
        let line = self.fields("Task", |p, key| {
            match key {
                "id" => once!(id = p.string_and_text()?),
                "title" => once!(title = p.string()?),
                "owner" => once!(owner = p.opt_string()?),
                "due" => once!(due = p.opt(Self::date)?),
                "done" => once!(done = p.boolean()?),
                _ => return None,
            }
            Some(())
        })?;
        let (id, text) = id?;
        let task = Task {
            id,
            title: title?,
            owner: owner.flatten(),
            due: due.flatten(),
            done: done.unwrap_or_default(),
        };
        Some((task, line, Some(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::scan;
    use std::path::Path;

    /// The word-at-a-time search finds what a byte-by-byte one does, at every offset and length.
    #[test]
    fn first_special_matches_a_plain_search() {
        let text = "abc\"defgh\\ijklmnop\nqrstuvwxyz0123456789\"é€漢字\n";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for to in from..=bytes.len() {
                let hay = &bytes[from..to];
                let plain = hay.iter().position(|&c| matches!(c, b'"' | b'\\' | b'\n'));
                assert_eq!(first_special(hay), plain, "{from}..{to}");
            }
        }
    }

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

    /// What the full reader makes of `text`: the scan's map and ron's plan.
    fn full(text: &str) -> Option<(Plan, SourceMap)> {
        let map = scan::scan(text).ok()?;
        let plan = super::super::read::deserialize::<Plan>(text).ok()?;
        Some((plan, map))
    }

    /// Long sections are sized from their first items and keep little spare room, whether a
    /// longer section follows them (accounts) or not (meetings).
    #[test]
    fn long_sections_keep_little_spare_room() {
        let text = crate::generate::generate_text(300, 1);
        let (plan, map) = parse(&text).expect("the fast reader reads a generated plan");
        let sizes = [
            ("accounts", plan.accounts.len(), plan.accounts.capacity()),
            ("meetings", plan.meetings.len(), plan.meetings.capacity()),
        ];
        for (name, len, capacity) in sizes {
            assert!(len > SAMPLE_ITEMS, "{name}: {len} items");
            assert!(
                capacity <= len + len / 4,
                "{name}: {len} items, room for {capacity}"
            );
        }
        let spans = map.items.get(&Section::Meetings).map(Vec::len);
        assert_eq!(spans, Some(plan.meetings.len()));
    }

    /// The fast reader either gives up or agrees with the full one exactly.
    fn agrees(text: &str) -> bool {
        match parse(text) {
            None => false,
            Some(fast) => {
                let slow = full(text);
                assert!(
                    slow.as_ref() == Some(&fast),
                    "the fast reader read what the full reader reads otherwise:\n{text}\n\
                     fast: {fast:#?}\nfull: {slow:#?}"
                );
                true
            }
        }
    }

    fn ron_files(dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                ron_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "ron")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push(text);
            }
        }
    }

    const HAND_WRITTEN: &str = "// A plan written by hand\n\
        Plan( /* the header is optional */\n  format : 1 ,\n  event: Event (name: \"Sh\\\"ow\\\\\", \
        starts: \"2027-03-09\", ends: \"2027-03-10\", venue: Some(\"Hall \\u{41}\\n2\",), booth: None),\n\
        people: [Person(id: \"ana\", name: \"Ana\", team: Sales, max_meetings_per_day: Some(8)),\r\n\
          (id: \"mo\", name: \"Mo\", team: Marketing,),],\n\
        objectives: [(id: \"p\", name: \"P\", target: Some(1.5e3), signoffs: [Signoff(by: \"ana\", on: \"2027-01-01\", \
        fingerprint: Some(\"ab\"))])],\n\
        scoring: Some(Scoring(threshold: -5, signals: [Signal(signal: \"x\", points: -10)])),\n\
        accounts: [\n  Account\n  (id: \"a\", name: \"A\", tier: 1, messages: [],),\n],\n\
        meetings: [(id: \"m\", account: \"a\", start: \"2027-03-09T10:00:30\", minutes: 30, status: Declined)],\n\
        stages: [(id: \"s\", name: \"S\", team: Leadership, entry: true, terminal: false)],\n\
        tasks: [(id: \"t\", title: \"T\\tab\", due: Some(\"2027-01-02\"), done: true)], // done\n\
        ) /* end */\n";

    fn corpus() -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = vec![
            crate::EXAMPLE_PLAN.to_owned(),
            crate::TEMPLATE_PLAN.to_owned(),
            HAND_WRITTEN.to_owned(),
            HAND_WRITTEN.replace('\n', "\r\n"),
            crate::generate::generate_text(120, 3),
        ];
        ron_files(&root.join("tests/fixtures"), &mut texts);
        texts
    }

    /// Odd plans found by fuzzing: raw strings, unusual escapes and numbers, which the fast
    /// reader may leave to the full one.
    fn odd_corpus() -> Vec<String> {
        let mut texts = Vec::new();
        ron_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions"),
            &mut texts,
        );
        texts
    }

    #[test]
    fn reads_every_plan_the_full_reader_reads_the_same() {
        let texts = corpus();
        for hand in &texts[2..4] {
            assert!(
                full(hand).is_some(),
                "the full reader reads the hand-written plan"
            );
        }
        for text in texts {
            let Some((plan, _)) = full(&text) else {
                continue;
            };
            if plan.format != crate::model::CURRENT_FORMAT {
                continue;
            }
            assert!(agrees(&text), "the fast reader gave up on:\n{text}");
        }
        for text in odd_corpus() {
            agrees(&text);
        }
    }

    /// Small edits of real plans, many of them broken: whatever the fast reader accepts, the full
    /// reader reads the same. `PRESHOW_FAST_CASES` sets how many (default 4000).
    #[test]
    fn never_disagrees_on_edited_plans() {
        const SNIPPETS: &[&str] = &[
            ",",
            ")",
            "(",
            "]",
            "[",
            "\"",
            "\\",
            "/*",
            "*/",
            "//",
            "\n",
            " ",
            "\t",
            "Some(",
            "None",
            "0",
            "-",
            "1.5",
            "e",
            "x",
            "#",
            "r#",
            "\\u{41}",
            "\\x41",
            "é",
            "\u{2028}",
            "\u{b}",
            "Plan",
            "Account",
            "id: \"x\", ",
            ": ",
            "true",
            "Some(\"y\")",
            "01",
            "+1",
            "1_0",
            "\r",
            "'",
            "r\"a\"",
            "inf",
            "NaN",
            "2027-02-30",
            "#![enable(implicit_some)]",
            "#![enable(unwrap_newtypes)]",
            "\\\n",
            "Sales",
            "name: \"n\", ",
        ];
        let cases: usize = std::env::var("PRESHOW_FAST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(4000);
        let texts: Vec<String> = corpus()
            .into_iter()
            .chain(odd_corpus())
            .filter(|t| t.len() < 40_000)
            .collect();
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % (n.max(1) as u64)).unwrap_or(0)
        };
        let mut accepted = 0;
        for case in 0..cases {
            let mut text = texts[case % texts.len()].clone();
            for _ in 0..1 + next(3) {
                let mut at = next(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                let mut end = (at + next(12)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                match next(3) {
                    0 => text.replace_range(at..end, ""),
                    1 => text.insert_str(at, SNIPPETS[next(SNIPPETS.len())]),
                    _ => text.replace_range(at..end, SNIPPETS[next(SNIPPETS.len())]),
                }
            }
            if agrees(&text) {
                accepted += 1;
            }
        }
        assert!(
            accepted > cases / 20,
            "only {accepted} of {cases} edited plans were read"
        );
    }
}
