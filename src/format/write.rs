//! The canonical writer: deterministic, diff-friendly text. `\n` line endings, four-space
//! indents, one field per line for items, lists in the user's order, absent optional fields
//! left out. Reading what it wrote and writing again gives the same bytes.

use crate::model::{
    Account, Event, Handoff, Lead, Measure, Meeting, Message, Objective, Person, Plan, Scoring,
    Signoff, Stage, Task, Term,
};
use std::fmt::Write as _;

mod size;

/// Lists of short strings stay on one line up to this width.
const INLINE_LIST_WIDTH: usize = 72;

/// The canonical text of a plan.
pub fn to_string(plan: &Plan) -> String {
    // Room for the whole text at once: a buffer that doubled as it went would hold the old and
    // the new copy at once, 128 and 256 MiB for a 140 MB plan.
    let mut w = Writer {
        out: String::with_capacity(size::estimate(plan)),
        depth: 0,
        sink: None,
    };
    write_plan(&mut w, plan);
    w.out
}

/// How much text [`write_to`] gathers before handing it on.
const CHUNK: usize = 256 * 1024;

/// The canonical text of a plan ([`to_string`]), handed to `to` a chunk at a time as it is
/// written: a large plan's text is never in memory whole (140 MB at 100,000 accounts).
pub fn write_to(plan: &Plan, to: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut w = Writer {
        out: String::with_capacity(CHUNK + CHUNK / 4),
        depth: 0,
        sink: Some(Sink { to, error: None }),
    };
    write_plan(&mut w, plan);
    let Some(sink) = w.sink else {
        return Ok(());
    };
    match sink.error {
        Some(e) => Err(e),
        None => sink.to.write_all(w.out.as_bytes()),
    }
}

/// Writes the whole plan.
fn write_plan(w: &mut Writer<'_>, plan: &Plan) {
    w.out.push_str("#![enable(implicit_some)]\n(\n");
    w.depth = 1;
    // A plan keeps its format, unless it now uses something only a newer one has.
    w.raw("format", &plan.written_format().to_string());
    w.item("event", |w| event(w, &plan.event));
    w.list("people", &plan.people, person);
    w.list("objectives", &plan.objectives, objective);
    w.list("terms", &plan.terms, term);
    if let Some(s) = &plan.scoring {
        w.item("scoring", |w| scoring(w, s));
    }
    w.list("accounts", &plan.accounts, account);
    w.list("meetings", &plan.meetings, meeting);
    w.list("messages", &plan.messages, message);
    w.list("stages", &plan.stages, stage);
    w.list("handoffs", &plan.handoffs, handoff);
    w.list("tasks", &plan.tasks, task);
    // Format 1 has no leads: an empty list is left out, so a format-1 plan stays as it was.
    if !plan.leads.is_empty() {
        w.list("leads", &plan.leads, lead);
    }
    w.out.push_str(")\n");
}

struct Writer<'s> {
    out: String,
    depth: usize,
    /// Where the text goes a chunk at a time, for [`write_to`]; without one, it stays in `out`.
    sink: Option<Sink<'s>>,
}

/// Where [`write_to`] hands on the text, and the first error in doing so.
struct Sink<'s> {
    to: &'s mut dyn std::io::Write,
    error: Option<std::io::Error>,
}

impl Writer<'_> {
    /// Hands on the text written so far when it makes a chunk (with a sink: else it stays).
    fn spill(&mut self) {
        let Some(sink) = &mut self.sink else {
            return;
        };
        if self.out.len() < CHUNK {
            return;
        }
        if sink.error.is_none()
            && let Err(e) = sink.to.write_all(self.out.as_bytes())
        {
            sink.error = Some(e);
        }
        self.out.clear();
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    fn raw(&mut self, name: &str, value: &str) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": ");
        self.out.push_str(value);
        self.out.push_str(",\n");
    }

    fn str(&mut self, name: &str, value: &str) {
        self.indent();
        self.out.push_str(name);
        self.out.push_str(": ");
        quote_into(&mut self.out, value);
        self.out.push_str(",\n");
    }

    fn opt_str(&mut self, name: &str, value: &Option<String>) {
        if let Some(v) = value {
            self.str(name, v);
        }
    }

    fn flag(&mut self, name: &str, value: bool) {
        if value {
            self.raw(name, "true");
        }
    }

    fn strings(&mut self, name: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        let mut inline = String::with_capacity(INLINE_LIST_WIDTH + 8);
        inline.push('[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                inline.push_str(", ");
            }
            quote_into(&mut inline, v);
        }
        inline.push(']');
        if inline.len() <= INLINE_LIST_WIDTH && !inline.contains('\n') {
            self.raw(name, &inline);
            return;
        }
        self.indent();
        let _ = writeln!(self.out, "{name}: [");
        self.depth += 1;
        for v in values {
            self.indent();
            quote_into(&mut self.out, v);
            self.out.push_str(",\n");
        }
        self.depth -= 1;
        self.indent();
        self.out.push_str("],\n");
    }

    fn signoffs(&mut self, values: &[Signoff]) {
        if values.is_empty() {
            return;
        }
        self.indent();
        self.out.push_str("signoffs: [\n");
        self.depth += 1;
        for s in values {
            self.indent();
            let _ = write!(self.out, "(by: {}, on: \"{}\"", quote(&s.by), s.on);
            if let Some(f) = &s.fingerprint {
                let _ = write!(self.out, ", fingerprint: {}", quote(f));
            }
            if let Some(e) = &s.entered_by {
                let _ = write!(self.out, ", entered_by: {}", quote(e));
            }
            self.out.push_str("),\n");
        }
        self.depth -= 1;
        self.indent();
        self.out.push_str("],\n");
    }

    fn item(&mut self, name: &str, body: impl FnOnce(&mut Writer)) {
        self.indent();
        let _ = writeln!(self.out, "{name}: (");
        self.depth += 1;
        body(self);
        self.depth -= 1;
        self.indent();
        self.out.push_str("),\n");
    }

    fn list<T>(&mut self, name: &str, items: &[T], each: fn(&mut Writer, &T)) {
        self.indent();
        if items.is_empty() {
            let _ = writeln!(self.out, "{name}: [],");
            return;
        }
        let _ = writeln!(self.out, "{name}: [");
        self.depth += 1;
        for item in items {
            self.indent();
            self.out.push_str("(\n");
            self.depth += 1;
            each(self, item);
            self.depth -= 1;
            self.indent();
            self.out.push_str("),\n");
            self.spill();
        }
        self.depth -= 1;
        self.indent();
        self.out.push_str("],\n");
    }
}

/// A RON string literal.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    quote_into(&mut q, s);
    q
}

/// Appends the RON string literal of `s` to `q`.
fn quote_into(q: &mut String, s: &str) {
    // Most text has nothing to escape: no quote, backslash or control character (C0, DEL, and
    // C1, which UTF-8 writes as 0xC2 0x80..=0x9F).
    let bytes = s.as_bytes();
    let plain = bytes.iter().enumerate().all(|(i, &b)| {
        b >= 0x20
            && b != b'"'
            && b != b'\\'
            && b != 0x7f
            && !(b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    });
    q.push('"');
    if plain {
        q.push_str(s);
        q.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\r' => q.push_str("\\r"),
            '\t' => q.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(q, "\\u{{{:x}}}", u32::from(c));
            }
            c => q.push(c),
        }
    }
    q.push('"');
}

/// A number RON reads back as the same `f64`.
fn float(x: f64) -> String {
    format!("{x:?}")
}

fn event(w: &mut Writer, e: &Event) {
    w.str("name", &e.name);
    w.opt_str("venue", &e.venue);
    w.opt_str("booth", &e.booth);
    w.opt_str("timezone", &e.timezone);
    w.str("starts", &e.starts.to_string());
    w.str("ends", &e.ends.to_string());
}

fn person(w: &mut Writer, p: &Person) {
    w.str("id", &p.id);
    w.str("name", &p.name);
    w.raw("team", p.team.as_str());
    w.opt_str("role", &p.role);
    w.opt_str("email", &p.email);
    if let Some(n) = p.max_meetings_per_day {
        w.raw("max_meetings_per_day", &n.to_string());
    }
}

fn objective(w: &mut Writer, o: &Objective) {
    w.str("id", &o.id);
    w.str("name", &o.name);
    w.opt_str("metric", &o.metric);
    if let Some(t) = o.target {
        w.raw("target", &float(t));
    }
    w.opt_str("unit", &o.unit);
    if let Some(m) = &o.measure {
        w.raw("measure", &measure(m));
    }
    if let Some(a) = o.actual {
        w.raw("actual", &float(a));
    }
    w.signoffs(&o.signoffs);
}

fn term(w: &mut Writer, t: &Term) {
    w.str("id", &t.id);
    w.str("term", &t.term);
    w.str("definition", &t.definition);
    w.signoffs(&t.signoffs);
}

fn scoring(w: &mut Writer, s: &Scoring) {
    w.raw("threshold", &s.threshold.to_string());
    if !s.signals.is_empty() {
        w.indent();
        w.out.push_str("signals: [\n");
        w.depth += 1;
        for sig in &s.signals {
            w.indent();
            let _ = writeln!(
                w.out,
                "(signal: {}, points: {}),",
                quote(&sig.signal),
                sig.points
            );
        }
        w.depth -= 1;
        w.indent();
        w.out.push_str("],\n");
    }
    w.signoffs(&s.signoffs);
}

fn account(w: &mut Writer, a: &Account) {
    w.str("id", &a.id);
    w.str("name", &a.name);
    w.raw("tier", &a.tier.to_string());
    w.opt_str("owner", &a.owner);
    w.opt_str("marketing_owner", &a.marketing_owner);
    w.opt_str("segment", &a.segment);
    w.strings("messages", &a.messages);
    w.opt_str("notes", &a.notes);
    w.opt_str("crm_id", &a.crm_id);
}

fn meeting(w: &mut Writer, m: &Meeting) {
    w.str("id", &m.id);
    w.str("account", &m.account);
    w.str("start", &m.start.to_string());
    w.raw("minutes", &m.minutes.to_string());
    w.opt_str("location", &m.location);
    w.strings("people", &m.people);
    w.raw("status", m.status.as_str());
    w.opt_str("goal", &m.goal);
    w.strings("messages", &m.messages);
}

fn message(w: &mut Writer, m: &Message) {
    w.str("id", &m.id);
    w.str("headline", &m.headline);
    w.opt_str("body", &m.body);
    if !m.proof.is_empty() {
        // Proof points are sentences: one a line reads and diffs best.
        w.indent();
        w.out.push_str("proof: [\n");
        w.depth += 1;
        for p in &m.proof {
            w.indent();
            let _ = writeln!(w.out, "{},", quote(p));
        }
        w.depth -= 1;
        w.indent();
        w.out.push_str("],\n");
    }
    w.opt_str("author", &m.author);
    w.strings("segments", &m.segments);
    w.signoffs(&m.signoffs);
}

fn stage(w: &mut Writer, s: &Stage) {
    w.str("id", &s.id);
    w.str("name", &s.name);
    w.raw("team", s.team.as_str());
    w.flag("entry", s.entry);
    w.flag("terminal", s.terminal);
    w.opt_str("crm_stage", &s.crm_stage);
}

fn handoff(w: &mut Writer, h: &Handoff) {
    w.str("id", &h.id);
    w.str("from", &h.from);
    w.str("to", &h.to);
    w.str("trigger", &h.trigger);
    w.opt_str("owner", &h.owner);
    if let Some(n) = h.sla_hours {
        w.raw("sla_hours", &n.to_string());
    }
    w.signoffs(&h.signoffs);
}

fn task(w: &mut Writer, t: &Task) {
    w.str("id", &t.id);
    w.str("title", &t.title);
    w.opt_str("owner", &t.owner);
    if let Some(d) = t.due {
        w.str("due", &d.to_string());
    }
    w.flag("done", t.done);
}

/// A measure as RON spells it: `MeetingsHeld`, `LeadsReaching("sql")`.
fn measure(m: &Measure) -> String {
    match m {
        Measure::LeadsReaching(stage) => format!("LeadsReaching({})", quote(stage)),
        other => other.key().to_owned(),
    }
}

fn lead(w: &mut Writer, l: &Lead) {
    w.str("id", &l.id);
    w.str("name", &l.name);
    w.opt_str("company", &l.company);
    w.opt_str("account", &l.account);
    w.opt_str("crm_id", &l.crm_id);
    w.opt_str("owner", &l.owner);
    w.str("captured", &l.captured.to_string());
    if let Some(p) = l.pipeline {
        w.raw("pipeline", &float(p));
    }
    if !l.reached.is_empty() {
        // One stage a line: a lead's path reads, and diffs, top to bottom.
        w.indent();
        w.out.push_str("reached: [\n");
        w.depth += 1;
        for r in &l.reached {
            w.indent();
            let _ = writeln!(w.out, "(stage: {}, at: \"{}\"),", quote(&r.stage), r.at);
        }
        w.depth -= 1;
        w.indent();
        w.out.push_str("],\n");
    }
}

/// The fields of every item of `section` as the canonical writer spells them: `(id, [(field,
/// value)])`, in list order. Single items (`event`, `scoring`) use the section's name as id.
/// Values are the written text (`"Acme"`, `1`, a multi-line list), so two items differ in a field
/// exactly when its text differs.
pub fn item_fields(
    plan: &Plan,
    section: crate::model::Section,
) -> Vec<(String, Vec<(String, String)>)> {
    use crate::model::Section as S;
    fn each<T>(
        items: &[T],
        id: fn(&T) -> &str,
        write: fn(&mut Writer, &T),
    ) -> Vec<(String, Vec<(String, String)>)> {
        items
            .iter()
            .map(|x| (id(x).to_owned(), fields_of(|w| write(w, x))))
            .collect()
    }
    match section {
        S::Plan => Vec::new(),
        S::Event => vec![("event".to_owned(), fields_of(|w| event(w, &plan.event)))],
        S::Scoring => plan
            .scoring
            .iter()
            .map(|s| ("scoring".to_owned(), fields_of(|w| scoring(w, s))))
            .collect(),
        S::People => each(&plan.people, |x| &x.id, person),
        S::Objectives => each(&plan.objectives, |x| &x.id, objective),
        S::Terms => each(&plan.terms, |x| &x.id, term),
        S::Accounts => each(&plan.accounts, |x| &x.id, account),
        S::Meetings => each(&plan.meetings, |x| &x.id, meeting),
        S::Messages => each(&plan.messages, |x| &x.id, message),
        S::Stages => each(&plan.stages, |x| &x.id, stage),
        S::Handoffs => each(&plan.handoffs, |x| &x.id, handoff),
        S::Tasks => each(&plan.tasks, |x| &x.id, task),
        S::Leads => each(&plan.leads, |x| &x.id, lead),
    }
}

/// The fields of item `index` of `section`, as [`item_fields`] gives them (empty when there is
/// no such item).
pub fn item_fields_at(
    plan: &Plan,
    section: crate::model::Section,
    index: usize,
) -> Vec<(String, String)> {
    use crate::model::Section as S;
    fn one<T>(items: &[T], index: usize, write: fn(&mut Writer, &T)) -> Vec<(String, String)> {
        items
            .get(index)
            .map(|x| fields_of(|w| write(w, x)))
            .unwrap_or_default()
    }
    match section {
        S::Plan => Vec::new(),
        S::Event => fields_of(|w| event(w, &plan.event)),
        S::Scoring => plan
            .scoring
            .as_ref()
            .map(|s| fields_of(|w| scoring(w, s)))
            .unwrap_or_default(),
        S::People => one(&plan.people, index, person),
        S::Objectives => one(&plan.objectives, index, objective),
        S::Terms => one(&plan.terms, index, term),
        S::Accounts => one(&plan.accounts, index, account),
        S::Meetings => one(&plan.meetings, index, meeting),
        S::Messages => one(&plan.messages, index, message),
        S::Stages => one(&plan.stages, index, stage),
        S::Handoffs => one(&plan.handoffs, index, handoff),
        S::Tasks => one(&plan.tasks, index, task),
        S::Leads => one(&plan.leads, index, lead),
    }
}

/// An item the canonical writer writes field by field: what goes between its `(` and `),`,
/// each line indented `depth` levels, exactly as [`to_string`] writes it. For a merge, which
/// writes items of three plans around conflict markers.
pub(crate) trait WriteFields {
    /// Appends the item's fields to `out`.
    fn write_fields(&self, out: &mut String, depth: usize);
}

macro_rules! write_fields {
    ($($item:ty => $write:ident),* $(,)?) => {$(
        impl WriteFields for $item {
            fn write_fields(&self, out: &mut String, depth: usize) {
                let mut w = Writer {
                    out: std::mem::take(out),
                    depth,
                    sink: None,
                };
                $write(&mut w, self);
                *out = w.out;
            }
        }
    )*};
}

write_fields!(
    Event => event,
    Person => person,
    Objective => objective,
    Term => term,
    Scoring => scoring,
    Account => account,
    Meeting => meeting,
    Message => message,
    Stage => stage,
    Handoff => handoff,
    Task => task,
    Lead => lead,
);

/// The fields of one item as the canonical writer spells them, as [`item_fields_at`] gives
/// them for an item of a plan.
pub(crate) fn written_fields<T: WriteFields>(item: &T) -> Vec<(String, String)> {
    fields_of(|w| item.write_fields(&mut w.out, w.depth))
}

fn fields_of(write: impl FnOnce(&mut Writer)) -> Vec<(String, String)> {
    let mut w = Writer {
        out: String::new(),
        depth: 0,
        sink: None,
    };
    write(&mut w);
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in w.out.lines() {
        if line.starts_with(' ') {
            if let Some((_, value)) = fields.last_mut() {
                value.push('\n');
                value.push_str(line.trim_start());
            }
        } else if let Some((name, value)) = line.split_once(": ") {
            fields.push((name.to_owned(), value.trim_end_matches(',').to_owned()));
        }
    }
    for (_, value) in &mut fields {
        if value.contains('\n') {
            *value = value.trim_end_matches(',').to_owned();
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The escaping the fast path of [`quote_into`] skips, char by char.
    fn quoted_char_by_char(s: &str) -> String {
        let mut q = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => q.push_str("\\\""),
                '\\' => q.push_str("\\\\"),
                '\n' => q.push_str("\\n"),
                '\r' => q.push_str("\\r"),
                '\t' => q.push_str("\\t"),
                c if c.is_control() => q.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                c => q.push(c),
            }
        }
        q.push('"');
        q
    }

    #[test]
    fn quoting_escapes_exactly_what_it_must() {
        let mut samples: Vec<String> = (0u32..0x800)
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b"))
            .collect();
        samples.extend(
            [
                "",
                "plain",
                "Müller & Söhne",
                "say \"hi\"",
                "back\\slash",
                "\u{85}",
                "\u{9f}x",
                "é\u{80}",
            ]
            .map(str::to_owned),
        );
        for s in samples {
            assert_eq!(quote(&s), quoted_char_by_char(&s), "{s:?}");
        }
    }

    /// A writer that takes `room` bytes, then fails.
    struct Full {
        taken: Vec<u8>,
        room: usize,
    }

    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = buf.len().min(self.room - self.taken.len());
            if n == 0 {
                return Err(std::io::Error::other("no room left"));
            }
            self.taken.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn writing_in_chunks_gives_the_canonical_text() {
        let text = crate::ops::generate::generate_text(400, 3);
        let plan = crate::format::parse(&text).expect("a generated plan").plan;
        let whole = to_string(&plan);
        assert!(
            whole.len() > 2 * CHUNK,
            "{} bytes: several chunks",
            whole.len()
        );
        let mut written = Vec::new();
        write_to(&plan, &mut written).expect("a vector takes any text");
        assert_eq!(String::from_utf8(written).as_deref(), Ok(whole.as_str()));
        // A full disk is reported, after the text that fitted.
        let mut full = Full {
            taken: Vec::new(),
            room: CHUNK + 10,
        };
        let error = write_to(&plan, &mut full).expect_err("no room for the whole text");
        assert_eq!(error.to_string(), "no room left");
        assert_eq!(full.taken.as_slice(), &whole.as_bytes()[..CHUNK + 10]);
    }
}
