//! Property tests of the plan file and the gap checks, over arbitrary but plausible plans:
//! random people, accounts, meetings, messages, stages, handoffs, tasks, sign-offs and scoring,
//! and format 2's outcome (leads with the stages they reached, held and no-show meetings,
//! objectives' measures and actuals, CRM stage names and ids), with awkward strings (quotes, backslashes, newlines, control characters, unicode, empty),
//! random dates and times, references that sometimes dangle and ids that are sometimes invalid
//! or duplicated (the model allows that; the checks report it).
//!
//! Properties:
//! - (a) `parse(to_string(plan)) == plan`, and the same for hand-written shapes of the same plan
//!   (struct names, `Some(...)`, comments, raw strings, compact or spread out);
//! - (b) formatting is idempotent;
//! - (c) `check::check` never panics and gives the same findings twice, and its output for a
//!   terminal holds no control character (but line breaks) or bidirectional override;
//! - (d) a format-1 file survives the migration path: through the tree and back, and through a
//!   no-op step to a pretend format 2;
//! - (e) the fast reader and the full way (tree and `ron`) read the same plan, format 1 or 2,
//!   with the same source map;
//! - (f) measuring the results (`analysis::results::measure`) never panics, on any day.
//!
//! `PROPTEST_CASES=10000 cargo test --test suite properties::` runs longer.

use preshow::analysis::results;
use preshow::check;
use preshow::format::{self, Migrator, Step};
use preshow::model::{
    Account, Date, DateTime, Event, Handoff, Lead, Measure, Meeting, MeetingStatus, Message,
    Objective, Person, Plan, Reached, Scoring, Section, Signal, Signoff, Stage, Task, Team, Term,
    is_valid_id,
};
use proptest::prelude::*;
use proptest::sample::select;
use std::fmt::Write as _;

// ---------------------------------------------------------------------------------------------
// Generators

/// Any text a person might type, and some nobody would.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        2 => Just(String::new()),
        4 => "[a-zA-Z0-9 .,'-]{0,16}",
        // The characters the writer must escape, and characters that mean something in RON.
        4 => r#"[a-z "\\\n\r\t'#/*(){}\[\]:,é ü 🎪\x00\x07\x1b\x7f\u{85}\u{2028}\u{feff}]{0,16}"#,
        // Anything at all: printable unicode and control characters.
        2 => r"(\PC|\pC){0,12}",
        // Things that look like escapes or raw strings.
        1 => select(vec![
            r"\u{D800}", r"\u{0}", r#"r#""#, r##""#"##, "/*", "*/", "//", "\\", "\"", "\u{0}",
            "\r\n", "Some(\"x\")", "None", "#![enable(implicit_some)]",
        ])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

/// A small pool of ids, so references often resolve and ids often repeat.
const POOL: &[&str] = &[
    "ana",
    "mo",
    "lee",
    "acme",
    "beta",
    "roi",
    "visit",
    "mql",
    "sal",
    "opp",
    "x-1",
    "2",
    "qualified-lead",
];

/// An id: usually well formed, sometimes from the shared pool, sometimes anything.
fn id() -> BoxedStrategy<String> {
    prop_oneof![
        6 => select(POOL).prop_map(str::to_owned),
        3 => "[a-z0-9-]{1,10}",
        1 => text(),
    ]
    .boxed()
}

fn opt<T: std::fmt::Debug + Clone + 'static>(s: BoxedStrategy<T>) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 2 => s.prop_map(Some)].boxed()
}

fn opt_text() -> BoxedStrategy<Option<String>> {
    opt(text())
}

fn opt_ref() -> BoxedStrategy<Option<String>> {
    opt(id())
}

fn list<T: std::fmt::Debug + Clone + 'static>(
    s: BoxedStrategy<T>,
    max: usize,
) -> BoxedStrategy<Vec<T>> {
    prop::collection::vec(s, 0..=max).boxed()
}

/// Whole numbers around the plausible range, and the extremes.
fn int() -> BoxedStrategy<i64> {
    prop_oneof![
        6 => -5i64..200,
        2 => any::<i64>(),
        1 => select(vec![i64::MIN, i64::MIN + 1, i64::MAX, 0, -1, 1]),
    ]
    .boxed()
}

/// A finite number (the writer cannot write infinities or NaN, and plans have none).
fn finite() -> BoxedStrategy<f64> {
    prop_oneof![
        4 => (0u32..2_000_000).prop_map(f64::from),
        3 => any::<f64>().prop_filter("finite", |x| x.is_finite()),
        2 => select(vec![
            0.0, -0.0, 0.1 + 0.2, 1e300, -1e-300, 5e-324, f64::MAX, f64::MIN, f64::MIN_POSITIVE,
            f64::EPSILON, 1e15, 1e16, 1e21, 123456789012345680.0, 0.5, -1.5,
        ]),
    ]
    .boxed()
}

/// A calendar date the file can hold (years 0000 to 9999), usually near the show.
fn date() -> BoxedStrategy<Date> {
    prop_oneof![
        4 => (2026i32..=2028, 1u32..=12, 1u32..=31),
        1 => (0i32..=9999, 1u32..=12, 1u32..=31),
    ]
    .prop_filter_map("a day on the calendar", |(y, m, d)| Date::from_ymd(y, m, d))
    .boxed()
}

/// A local time, whole minutes usually, seconds sometimes.
fn date_time() -> BoxedStrategy<DateTime> {
    (
        date(),
        0u32..24,
        0u32..60,
        prop_oneof![3 => Just(0u32), 1 => 0u32..60],
    )
        .prop_map(|(d, h, m, s)| {
            let time = chrono::NaiveTime::from_hms_opt(h, m, s).expect("in range");
            DateTime(d.0.and_time(time))
        })
        .boxed()
}

fn team() -> BoxedStrategy<Team> {
    select(Team::ALL.to_vec()).boxed()
}

fn fingerprint() -> BoxedStrategy<String> {
    prop_oneof![3 => "[0-9a-f]{16}", 1 => text()].boxed()
}

fn signoff() -> BoxedStrategy<Signoff> {
    (id(), date(), opt(fingerprint()), opt(id()))
        .prop_map(|(by, on, fingerprint, entered_by)| Signoff {
            by,
            on,
            fingerprint,
            entered_by,
        })
        .boxed()
}

fn signoffs() -> BoxedStrategy<Vec<Signoff>> {
    list(signoff(), 3)
}

fn event() -> BoxedStrategy<Event> {
    (text(), opt_text(), opt_text(), opt_text(), date(), date())
        .prop_map(|(name, venue, booth, timezone, starts, ends)| Event {
            name,
            venue,
            booth,
            timezone,
            starts,
            ends,
        })
        .boxed()
}

fn person() -> BoxedStrategy<Person> {
    (
        id(),
        text(),
        team(),
        opt_text(),
        opt_text(),
        opt(prop_oneof![3 => 0u32..12, 1 => any::<u32>()].boxed()),
    )
        .prop_map(
            |(id, name, team, role, email, max_meetings_per_day)| Person {
                id,
                name,
                team,
                role,
                email,
                max_meetings_per_day,
            },
        )
        .boxed()
}

/// How an objective is measured; `LeadsReaching` a stage that may not exist.
fn measure() -> BoxedStrategy<Measure> {
    prop_oneof![
        3 => select(Measure::kinds().to_vec()),
        2 => id().prop_map(Measure::LeadsReaching),
    ]
    .boxed()
}

fn objective() -> BoxedStrategy<Objective> {
    (
        id(),
        text(),
        opt_text(),
        opt(finite()),
        opt_text(),
        prop_oneof![3 => Just(None), 1 => measure().prop_map(Some)],
        prop_oneof![3 => Just(None), 1 => finite().prop_map(Some)],
        signoffs(),
    )
        .prop_map(
            |(id, name, metric, target, unit, measure, actual, signoffs)| Objective {
                id,
                name,
                metric,
                target,
                unit,
                measure,
                actual,
                signoffs,
            },
        )
        .boxed()
}

fn term() -> BoxedStrategy<Term> {
    (id(), text(), text(), signoffs())
        .prop_map(|(id, term, definition, signoffs)| Term {
            id,
            term,
            definition,
            signoffs,
        })
        .boxed()
}

fn scoring() -> BoxedStrategy<Scoring> {
    (
        int(),
        list(
            (text(), int())
                .prop_map(|(signal, points)| Signal { signal, points })
                .boxed(),
            4,
        ),
        signoffs(),
    )
        .prop_map(|(threshold, signals, signoffs)| Scoring {
            threshold,
            signals,
            signoffs,
        })
        .boxed()
}

fn account() -> BoxedStrategy<Account> {
    (
        id(),
        text(),
        prop_oneof![4 => 1i64..=3, 1 => int()],
        opt_ref(),
        opt_ref(),
        opt_text(),
        list(id(), 3),
        opt_text(),
        opt_text(),
    )
        .prop_map(
            |(id, name, tier, owner, marketing_owner, segment, messages, notes, crm_id)| Account {
                id,
                name,
                tier,
                owner,
                marketing_owner,
                segment,
                messages,
                notes,
                crm_id,
            },
        )
        .boxed()
}

fn meeting() -> BoxedStrategy<Meeting> {
    (
        id(),
        id(),
        date_time(),
        prop_oneof![4 => 1i64..240, 1 => int()],
        opt_text(),
        list(id(), 4),
        select(MeetingStatus::ALL.to_vec()),
        opt_text(),
        list(id(), 3),
    )
        .prop_map(
            |(id, account, start, minutes, location, people, status, goal, messages)| Meeting {
                id,
                account,
                start,
                minutes,
                location,
                people,
                status,
                goal,
                messages,
            },
        )
        .boxed()
}

fn message() -> BoxedStrategy<Message> {
    (
        id(),
        text(),
        opt_text(),
        list(text(), 3),
        opt_ref(),
        list(text(), 3),
        signoffs(),
    )
        .prop_map(
            |(id, headline, body, proof, author, segments, signoffs)| Message {
                id,
                headline,
                body,
                proof,
                author,
                segments,
                signoffs,
            },
        )
        .boxed()
}

fn stage() -> BoxedStrategy<Stage> {
    (
        id(),
        text(),
        team(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![3 => Just(None), 1 => text().prop_map(Some)],
    )
        .prop_map(|(id, name, team, entry, terminal, crm_stage)| Stage {
            id,
            name,
            team,
            entry,
            terminal,
            crm_stage,
        })
        .boxed()
}

fn handoff() -> BoxedStrategy<Handoff> {
    (
        id(),
        id(),
        id(),
        text(),
        opt_ref(),
        opt(prop_oneof![4 => 1i64..100, 1 => int()].boxed()),
        signoffs(),
    )
        .prop_map(
            |(id, from, to, trigger, owner, sla_hours, signoffs)| Handoff {
                id,
                from,
                to,
                trigger,
                owner,
                sla_hours,
                signoffs,
            },
        )
        .boxed()
}

fn task() -> BoxedStrategy<Task> {
    (id(), text(), opt_ref(), opt(date()), any::<bool>())
        .prop_map(|(id, title, owner, due, done)| Task {
            id,
            title,
            owner,
            due,
            done,
        })
        .boxed()
}

/// A lead: stages from the shared pool (often real, sometimes not), reached at any time (before
/// it was captured, too), in any order, sometimes the same stage twice.
fn lead() -> BoxedStrategy<Lead> {
    (
        (id(), text(), opt_text(), opt_ref(), opt_text(), opt_ref()),
        (
            date_time(),
            opt(finite()),
            list(
                (id(), date_time())
                    .prop_map(|(stage, at)| Reached { stage, at })
                    .boxed(),
                4,
            ),
        ),
    )
        .prop_map(
            |((id, name, company, account, crm_id, owner), (captured, pipeline, reached))| Lead {
                id,
                name,
                company,
                account,
                crm_id,
                owner,
                captured,
                pipeline,
                reached,
            },
        )
        .boxed()
}

/// A whole plan, of format 1 or (when it holds anything of format 2) format 2.
fn plan() -> BoxedStrategy<Plan> {
    (
        (
            event(),
            list(person(), 5),
            list(objective(), 3),
            list(term(), 3),
            opt(scoring()),
            list(account(), 5),
        ),
        (
            list(meeting(), 6),
            list(message(), 4),
            list(stage(), 5),
            list(handoff(), 5),
            list(task(), 4),
            prop_oneof![1 => Just(Vec::new()), 1 => list(lead(), 5)],
        ),
    )
        .prop_map(
            |(
                (event, people, objectives, terms, scoring, accounts),
                (meetings, messages, stages, handoffs, tasks, leads),
            )| Plan {
                format: 1,
                event,
                people,
                objectives,
                terms,
                scoring,
                accounts,
                meetings,
                messages,
                stages,
                handoffs,
                tasks,
                leads,
            },
        )
        // A plan is the format it needs: 1 unless it uses something of format 2.
        .prop_map(|mut plan| {
            plan.format = plan.needs_format();
            plan
        })
        .boxed()
}

/// The plan without what only format 2 has: a format-1 plan.
fn format_1(mut plan: Plan) -> Plan {
    for a in &mut plan.accounts {
        a.crm_id = None;
    }
    for o in &mut plan.objectives {
        o.measure = None;
        o.actual = None;
    }
    for s in &mut plan.stages {
        s.crm_stage = None;
    }
    plan.leads.clear();
    for m in &mut plan.meetings {
        m.status = match m.status {
            MeetingStatus::Held => MeetingStatus::Confirmed,
            MeetingStatus::NoShow => MeetingStatus::Cancelled,
            other => other,
        };
    }
    plan.format = 1;
    assert_eq!(plan.needs_format(), 1, "strip every format-2 item");
    plan
}

// ---------------------------------------------------------------------------------------------
// A second, independent writer: the same plan as a person might write it by hand.

/// How the hand-written text looks.
#[derive(Debug, Clone)]
struct Style {
    /// `Plan(...)`, `Person(...)` rather than `(...)`.
    named: bool,
    /// `#![enable(implicit_some)]` and bare optional values, or `Some(...)` without the header.
    implicit_some: bool,
    /// Write `Some(...)` even with the header.
    explicit_some_anyway: bool,
    /// Write absent optional values as `None`, empty lists as `[]`, `false` flags.
    spell_defaults: bool,
    /// Comments between fields.
    comments: bool,
    /// Raw strings where they can hold the text.
    raw_strings: bool,
    /// Every non-ASCII character as a `\u{...}` escape.
    escape_unicode: bool,
    /// All on one line.
    compact: bool,
    /// A comma after the last field of an item.
    trailing_commas: bool,
    /// Floats in exponent form.
    exponent_floats: bool,
}

fn style() -> impl Strategy<Value = Style> {
    any::<[bool; 10]>().prop_map(|b| Style {
        named: b[0],
        implicit_some: b[1],
        explicit_some_anyway: b[2],
        spell_defaults: b[3],
        comments: b[4],
        raw_strings: b[5],
        escape_unicode: b[6],
        compact: b[7],
        trailing_commas: b[8],
        exponent_floats: b[9],
    })
}

struct Hand<'a> {
    style: &'a Style,
}

/// The fields of one item, written in the style.
struct Fields<'a> {
    style: &'a Style,
    parts: Vec<String>,
}

impl Hand<'_> {
    fn quote(&self, s: &str) -> String {
        if self.style.raw_strings && !s.contains("\"#") {
            return format!("r#\"{s}\"#");
        }
        let mut q = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => q.push_str("\\\""),
                '\\' => q.push_str("\\\\"),
                '\n' => q.push_str("\\n"),
                '\t' => q.push_str("\\t"),
                c if c.is_control() || (self.style.escape_unicode && !c.is_ascii()) => {
                    let _ = write!(q, "\\u{{{:x}}}", u32::from(c));
                }
                c => q.push(c),
            }
        }
        q.push('"');
        q
    }

    fn fields(&self) -> Fields<'_> {
        Fields {
            style: self.style,
            parts: Vec::new(),
        }
    }

    fn item(&self, name: &str, fields: Fields<'_>) -> String {
        let named = if self.style.named { name } else { "" };
        let sep = if self.style.compact { ", " } else { ",\n" };
        let mut body = fields.parts.join(sep);
        if self.style.trailing_commas && !body.is_empty() {
            body.push(',');
        }
        if self.style.compact {
            format!("{named}({body})")
        } else {
            format!("{named}(\n{body}\n)")
        }
    }

    fn list(&self, items: Vec<String>) -> String {
        let sep = if self.style.compact { ", " } else { ",\n" };
        format!("[{}]", items.join(sep))
    }

    fn strings(&self, values: &[String]) -> String {
        self.list(values.iter().map(|v| self.quote(v)).collect())
    }

    fn some(&self, value: String) -> String {
        if self.style.implicit_some && !self.style.explicit_some_anyway {
            value
        } else {
            format!("Some({value})")
        }
    }

    fn float(&self, x: f64) -> String {
        if self.style.exponent_floats {
            format!("{x:e}")
        } else {
            format!("{x:?}")
        }
    }

    fn signoffs(&self, values: &[Signoff]) -> String {
        self.list(
            values
                .iter()
                .map(|s| {
                    let mut f = self.fields();
                    f.raw("by", self.quote(&s.by));
                    f.raw("on", self.quote(&s.on.to_string()));
                    f.opt(self, "fingerprint", s.fingerprint.as_deref());
                    f.opt(self, "entered_by", s.entered_by.as_deref());
                    self.item("Signoff", f)
                })
                .collect(),
        )
    }

    fn plan(&self, p: &Plan) -> String {
        let mut f = self.fields();
        f.raw("format", p.format.to_string());
        let e = &p.event;
        let mut ef = self.fields();
        ef.raw("name", self.quote(&e.name));
        ef.opt(self, "venue", e.venue.as_deref());
        ef.opt(self, "booth", e.booth.as_deref());
        ef.opt(self, "timezone", e.timezone.as_deref());
        ef.raw("starts", self.quote(&e.starts.to_string()));
        ef.raw("ends", self.quote(&e.ends.to_string()));
        f.raw("event", self.item("Event", ef));

        let people = p.people.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("name", self.quote(&x.name));
            f.raw("team", x.team.to_string());
            f.opt(self, "role", x.role.as_deref());
            f.opt(self, "email", x.email.as_deref());
            f.opt_raw(self, "max_meetings_per_day", x.max_meetings_per_day);
            self.item("Person", f)
        });
        f.list(self, "people", people.collect());

        let objectives = p.objectives.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("name", self.quote(&x.name));
            f.opt(self, "metric", x.metric.as_deref());
            match x.target {
                Some(t) => f.raw("target", self.some(self.float(t))),
                None => f.none("target"),
            }
            f.opt(self, "unit", x.unit.as_deref());
            match &x.measure {
                Some(Measure::LeadsReaching(stage)) => f.raw(
                    "measure",
                    self.some(format!("LeadsReaching({})", self.quote(stage))),
                ),
                Some(m) => f.raw("measure", self.some(m.key().to_owned())),
                None => f.none("measure"),
            }
            match x.actual {
                Some(a) => f.raw("actual", self.some(self.float(a))),
                None => f.none("actual"),
            }
            f.vec(
                self,
                "signoffs",
                x.signoffs.is_empty(),
                self.signoffs(&x.signoffs),
            );
            self.item("Objective", f)
        });
        f.list(self, "objectives", objectives.collect());

        let terms = p.terms.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("term", self.quote(&x.term));
            f.raw("definition", self.quote(&x.definition));
            f.vec(
                self,
                "signoffs",
                x.signoffs.is_empty(),
                self.signoffs(&x.signoffs),
            );
            self.item("Term", f)
        });
        f.list(self, "terms", terms.collect());

        match &p.scoring {
            Some(s) => {
                let mut sf = self.fields();
                sf.raw("threshold", s.threshold.to_string());
                let signals = s.signals.iter().map(|sig| {
                    let mut f = self.fields();
                    f.raw("signal", self.quote(&sig.signal));
                    f.raw("points", sig.points.to_string());
                    self.item("Signal", f)
                });
                sf.vec(
                    self,
                    "signals",
                    s.signals.is_empty(),
                    self.list(signals.collect()),
                );
                sf.vec(
                    self,
                    "signoffs",
                    s.signoffs.is_empty(),
                    self.signoffs(&s.signoffs),
                );
                f.raw("scoring", self.some(self.item("Scoring", sf)));
            }
            None => f.none("scoring"),
        }

        let accounts = p.accounts.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("name", self.quote(&x.name));
            f.raw("tier", x.tier.to_string());
            f.opt(self, "owner", x.owner.as_deref());
            f.opt(self, "marketing_owner", x.marketing_owner.as_deref());
            f.opt(self, "segment", x.segment.as_deref());
            f.vec(
                self,
                "messages",
                x.messages.is_empty(),
                self.strings(&x.messages),
            );
            f.opt(self, "notes", x.notes.as_deref());
            f.opt(self, "crm_id", x.crm_id.as_deref());
            self.item("Account", f)
        });
        f.list(self, "accounts", accounts.collect());

        let meetings = p.meetings.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("account", self.quote(&x.account));
            // Seconds are accepted even when zero.
            let start = if self.style.spell_defaults {
                x.start.0.format("%Y-%m-%dT%H:%M:%S").to_string()
            } else {
                x.start.to_string()
            };
            f.raw("start", self.quote(&start));
            f.raw("minutes", x.minutes.to_string());
            f.opt(self, "location", x.location.as_deref());
            f.vec(self, "people", x.people.is_empty(), self.strings(&x.people));
            if x.status != MeetingStatus::Proposed || self.style.spell_defaults {
                f.raw("status", x.status.to_string());
            }
            f.opt(self, "goal", x.goal.as_deref());
            f.vec(
                self,
                "messages",
                x.messages.is_empty(),
                self.strings(&x.messages),
            );
            self.item("Meeting", f)
        });
        f.list(self, "meetings", meetings.collect());

        let messages = p.messages.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("headline", self.quote(&x.headline));
            f.opt(self, "body", x.body.as_deref());
            f.vec(self, "proof", x.proof.is_empty(), self.strings(&x.proof));
            f.opt(self, "author", x.author.as_deref());
            f.vec(
                self,
                "segments",
                x.segments.is_empty(),
                self.strings(&x.segments),
            );
            f.vec(
                self,
                "signoffs",
                x.signoffs.is_empty(),
                self.signoffs(&x.signoffs),
            );
            self.item("Message", f)
        });
        f.list(self, "messages", messages.collect());

        let stages = p.stages.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("name", self.quote(&x.name));
            f.raw("team", x.team.to_string());
            f.flag(self, "entry", x.entry);
            f.flag(self, "terminal", x.terminal);
            f.opt(self, "crm_stage", x.crm_stage.as_deref());
            self.item("Stage", f)
        });
        f.list(self, "stages", stages.collect());

        let handoffs = p.handoffs.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("from", self.quote(&x.from));
            f.raw("to", self.quote(&x.to));
            f.raw("trigger", self.quote(&x.trigger));
            f.opt(self, "owner", x.owner.as_deref());
            f.opt_raw(self, "sla_hours", x.sla_hours);
            f.vec(
                self,
                "signoffs",
                x.signoffs.is_empty(),
                self.signoffs(&x.signoffs),
            );
            self.item("Handoff", f)
        });
        f.list(self, "handoffs", handoffs.collect());

        let tasks = p.tasks.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("title", self.quote(&x.title));
            f.opt(self, "owner", x.owner.as_deref());
            f.opt(self, "due", x.due.map(|d| d.to_string()).as_deref());
            f.flag(self, "done", x.done);
            self.item("Task", f)
        });
        f.list(self, "tasks", tasks.collect());

        let leads = p.leads.iter().map(|x| {
            let mut f = self.fields();
            f.raw("id", self.quote(&x.id));
            f.raw("name", self.quote(&x.name));
            f.opt(self, "company", x.company.as_deref());
            f.opt(self, "account", x.account.as_deref());
            f.opt(self, "crm_id", x.crm_id.as_deref());
            f.opt(self, "owner", x.owner.as_deref());
            f.raw("captured", self.quote(&x.captured.to_string()));
            match x.pipeline {
                Some(p) => f.raw("pipeline", self.some(self.float(p))),
                None => f.none("pipeline"),
            }
            let reached = x.reached.iter().map(|r| {
                let mut f = self.fields();
                f.raw("stage", self.quote(&r.stage));
                f.raw("at", self.quote(&r.at.to_string()));
                self.item("Reached", f)
            });
            f.list(self, "reached", reached.collect());
            self.item("Lead", f)
        });
        f.list(self, "leads", leads.collect());

        let mut out = String::new();
        if self.style.comments {
            out.push_str("// A plan written by hand.\n/* with /* nested */ comments */\n");
        }
        if self.style.implicit_some {
            out.push_str("#![enable(implicit_some)]\n");
        }
        out.push_str(&self.item("Plan", f));
        out.push('\n');
        out
    }
}

impl Fields<'_> {
    fn raw(&mut self, name: &str, value: String) {
        let comment = if self.style.comments {
            if self.style.compact {
                "/* (] */ "
            } else {
                "// a comment with \"quotes\" and ( [\n"
            }
        } else {
            ""
        };
        self.parts.push(format!("{comment}{name}: {value}"));
    }

    fn none(&mut self, name: &str) {
        if self.style.spell_defaults {
            self.raw(name, "None".to_owned());
        }
    }

    fn opt(&mut self, hand: &Hand<'_>, name: &str, value: Option<&str>) {
        match value {
            Some(v) => self.raw(name, hand.some(hand.quote(v))),
            None => self.none(name),
        }
    }

    fn opt_raw(&mut self, hand: &Hand<'_>, name: &str, value: Option<impl ToString>) {
        match value {
            Some(v) => self.raw(name, hand.some(v.to_string())),
            None => self.none(name),
        }
    }

    fn vec(&mut self, _hand: &Hand<'_>, name: &str, empty: bool, written: String) {
        if !empty || self.style.spell_defaults {
            self.raw(name, written);
        }
    }

    fn list(&mut self, hand: &Hand<'_>, name: &str, items: Vec<String>) {
        let empty = items.is_empty();
        self.vec(hand, name, empty, hand.list(items));
    }

    fn flag(&mut self, _hand: &Hand<'_>, name: &str, value: bool) {
        if value || self.style.spell_defaults {
            self.raw(name, value.to_string());
        }
    }
}

fn hand_written(plan: &Plan, style: &Style) -> String {
    Hand { style }.plan(plan)
}

// ---------------------------------------------------------------------------------------------
// Properties

fn parse(text: &str) -> Plan {
    match format::parse(text) {
        Ok(loaded) => {
            assert_eq!(loaded.migrated_from, None);
            loaded.plan
        }
        Err(e) => panic!("{e}\n--- text ---\n{text}"),
    }
}

/// Floats compare by bits: `-0.0` must come back as `-0.0`.
fn same(a: &Plan, b: &Plan) -> bool {
    a == b
        && a.objectives.iter().zip(&b.objectives).all(|(x, y)| {
            x.target.map(f64::to_bits) == y.target.map(f64::to_bits)
                && x.actual.map(f64::to_bits) == y.actual.map(f64::to_bits)
        })
        && a.leads
            .iter()
            .zip(&b.leads)
            .all(|(x, y)| x.pipeline.map(f64::to_bits) == y.pipeline.map(f64::to_bits))
}

fn pretend_format_2() -> Migrator {
    Migrator {
        current: 2,
        direct: 2,
        steps: vec![Step {
            from: 1,
            summary: "noop",
            apply: |_| Ok(()),
        }],
    }
}

/// (d) for one format-1 text of `plan`.
fn survives_migration(text: &str, plan: &Plan) -> Result<(), TestCaseError> {
    let direct = parse(text);
    prop_assert!(same(&direct, plan));
    let tree = format::tree::parse(text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let through_tree = parse(&tree.to_text());
    prop_assert!(
        same(&through_tree, &direct),
        "through the tree:\n{}",
        tree.to_text()
    );
    let migrated = match format::parse_with(text, &pretend_format_2()) {
        Ok(l) => l,
        Err(e) => return Err(TestCaseError::fail(format!("{e}\n--- text ---\n{text}"))),
    };
    prop_assert_eq!(migrated.migrated_from, Some(1));
    // Read for a format-2 reader, the text always takes the full way (scan, tree, `ron`); read as
    // it is, it may take the fast way. Both agree on where everything is.
    let as_is = format::parse(text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&migrated.source, &as_is.source);
    let mut expected = direct;
    expected.format = 2;
    prop_assert!(same(&migrated.plan, &expected));
    Ok(())
}

/// A reader that takes the full way (scan, tree, `ron`) for formats 1 and 2: both are older
/// than its pretend format 3 and migrate to it with steps that change nothing.
fn pretend_format_3() -> Migrator {
    Migrator {
        current: 3,
        direct: 3,
        steps: vec![
            Step {
                from: 1,
                summary: "noop",
                apply: |_| Ok(()),
            },
            Step {
                from: 2,
                summary: "noop",
                apply: |_| Ok(()),
            },
        ],
    }
}

/// (e) for one text of `plan`.
fn readers_agree(text: &str, plan: &Plan) -> Result<(), TestCaseError> {
    let as_is = format::parse(text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    prop_assert!(same(&as_is.plan, plan), "as it is:\n{}", text);
    let full = format::parse_with(text, &pretend_format_3())
        .map_err(|e| TestCaseError::fail(format!("{e}\n--- text ---\n{text}")))?;
    prop_assert_eq!(full.migrated_from, Some(plan.format));
    prop_assert_eq!(&full.source, &as_is.source);
    let mut expected = as_is.plan;
    expected.format = 3;
    prop_assert!(same(&full.plan, &expected), "the full way:\n{}", text);
    Ok(())
}

fn today() -> BoxedStrategy<Date> {
    prop_oneof![4 => date(), 1 => Just(Date(chrono::NaiveDate::MIN)), 1 => Just(Date(chrono::NaiveDate::MAX))]
        .boxed()
}

proptest! {
    /// (a) Reading what the writer wrote gives the same plan.
    #[test]
    fn canonical_text_round_trips(plan in plan()) {
        let text = format::to_string(&plan);
        let loaded = format::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(same(&loaded.plan, &plan), "text:\n{}", text);
        // The source map finds every item, and the ids written plainly.
        for section in Section::ALL.into_iter().filter(|s| s.is_list()) {
            let spans = loaded.source.items.get(&section).map(Vec::as_slice).unwrap_or_default();
            prop_assert_eq!(spans.len(), plan.count(section), "{}", section);
            for (span, id) in spans.iter().zip(plan.ids(section)) {
                if is_valid_id(id) {
                    prop_assert_eq!(span.id.as_deref(), Some(id));
                }
            }
        }
    }

    /// (a) The same holds for the shapes people write by hand.
    #[test]
    fn hand_written_text_reads_as_the_same_plan(plan in plan(), style in style()) {
        let text = hand_written(&plan, &style);
        let back = parse(&text);
        prop_assert!(same(&back, &plan), "style {:?}, text:\n{}", style, text);
    }

    /// (b) Formatting is idempotent, from canonical and from hand-written text.
    #[test]
    fn formatting_is_idempotent(plan in plan(), style in style()) {
        let once = format::to_string(&plan);
        let twice = format::to_string(&parse(&once));
        prop_assert_eq!(&twice, &once);
        let from_hand = format::to_string(&parse(&hand_written(&plan, &style)));
        prop_assert_eq!(&from_hand, &once);
    }

    /// (c) The checks never panic and say the same thing twice, also about the reloaded plan.
    #[test]
    fn checks_are_total_and_deterministic(plan in plan(), today in today()) {
        let first = check::check(&plan, today);
        let second = check::check(&plan, today);
        prop_assert_eq!(&first, &second);
        let text = format::to_string(&plan);
        let loaded = format::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&check::check(&loaded.plan, today), &first);
        // Placing and rendering the findings must not panic either, and every line is real.
        let lines = text.lines().count();
        let located = check::render::locate("plan.ron", first, &loaded.source);
        prop_assert!(located.iter().all(|l| l.line >= 1 && l.line <= lines));
        // Whatever the plan holds, nothing in the text for a terminal can drive it.
        for out in [
            check::render::human(&located),
            check::render::json(&located),
            check::render::github(&located),
        ] {
            prop_assert!(
                !out.chars().any(|c| c != '\n' && format::is_unsafe_on_terminal(c)),
                "{}",
                out.escape_debug()
            );
        }
    }

    /// (e) The fast reader and the full way agree, on every format this build reads.
    #[test]
    fn the_fast_reader_and_the_full_way_agree(plan in plan(), style in style()) {
        readers_agree(&format::to_string(&plan), &plan)?;
        readers_agree(&hand_written(&plan, &style), &plan)?;
    }

    /// (f) Measuring the outcome never panics and gives the same results twice.
    #[test]
    fn results_are_total_and_deterministic(plan in plan(), today in today()) {
        let first = results::measure(&plan, today);
        prop_assert_eq!(first.objectives.len(), plan.objectives.len());
        prop_assert_eq!(first.handoffs.len(), plan.handoffs.len());
        prop_assert_eq!(first.leads.len(), plan.leads.len());
        for lead in 0..plan.leads.len() {
            let path = results::path(&plan, lead);
            prop_assert_eq!(path.len(), plan.leads[lead].reached.len());
        }
        // NaN is not equal to itself: compare as text.
        prop_assert_eq!(format!("{first:?}"), format!("{:?}", results::measure(&plan, today)));
    }

    /// (d) A format-1 file survives the migration path unchanged.
    #[test]
    fn format_1_survives_the_migration_path(plan in plan(), style in style()) {
        let plan = format_1(plan);
        survives_migration(&format::to_string(&plan), &plan)?;
        survives_migration(&hand_written(&plan, &style), &plan)?;
    }
}
