//! The text of a conflicted merge, written once: the canonical writer's layout, each item as the
//! writer writes it, with conflict markers around conflicting fields or whole items.

use super::base::{BaseRef, BaseSide, slots_of};
use super::items::Item;
use super::sections::Pick;
use super::{FieldSlot, Markers, Picks, split_list};
use crate::model::{Plan, Section};

/// The merge's text with conflict markers where needed; `base`, `ours` and `theirs` are the
/// sides the picks index.
pub(super) fn render(
    picks: &Picks,
    base: BaseRef<'_>,
    ours: &Plan,
    theirs: &Plan,
    markers: &Markers,
) -> String {
    // The merge is about as long as our side; conflicts add little.
    let mut out = String::with_capacity(estimated_len(ours));
    out.push_str("#![enable(implicit_some)]\n(\n");
    render_fields(&mut out, 1, std::slice::from_ref(&picks.format), markers);
    let mut w = Render { out, markers };
    macro_rules! list {
        ($section:expr, $field:ident) => {
            w.section(
                $section,
                &picks.$field,
                base.side(|p| &p.$field, slots_of!($field), &ours.$field),
                [&ours.$field, &theirs.$field],
            )
        };
    }
    w.section(
        Section::Event,
        &picks.event,
        BaseSide::whole(std::slice::from_ref(&base.plan().event)),
        [
            std::slice::from_ref(&ours.event),
            std::slice::from_ref(&theirs.event),
        ],
    );
    list!(Section::People, people);
    list!(Section::Objectives, objectives);
    list!(Section::Terms, terms);
    w.section(
        Section::Scoring,
        &picks.scoring,
        BaseSide::whole(base.plan().scoring.as_slice()),
        [ours.scoring.as_slice(), theirs.scoring.as_slice()],
    );
    list!(Section::Accounts, accounts);
    list!(Section::Meetings, meetings);
    list!(Section::Messages, messages);
    list!(Section::Stages, stages);
    list!(Section::Handoffs, handoffs);
    list!(Section::Tasks, tasks);
    list!(Section::Leads, leads);
    w.out.push_str(")\n");
    w.out
}

/// A guess at a plan's written length, to size the text once: about 60 bytes a field.
fn estimated_len(plan: &Plan) -> usize {
    let items = plan.people.len()
        + plan.objectives.len()
        + plan.terms.len()
        + plan.accounts.len()
        + plan.meetings.len()
        + plan.messages.len()
        + plan.stages.len()
        + plan.handoffs.len()
        + plan.tasks.len()
        + plan.leads.len();
    4096 + items * 8 * 60
}

struct Render<'m> {
    out: String,
    markers: &'m Markers,
}

impl Render<'_> {
    /// One section: a list (`key: [` items `],`), or a single item (`key: (` fields `),`).
    fn section<T: Item>(
        &mut self,
        section: Section,
        picks: &[Pick<T>],
        base: BaseSide<'_, T>,
        sides: [&[T]; 2],
    ) {
        let key = section.key();
        if !section.is_list() {
            for pick in picks {
                self.item(1, Some(key), pick, base, sides);
            }
            return;
        }
        if picks.is_empty() {
            // As the writer: format 1 has no leads, so an empty list of them is left out.
            if section != Section::Leads {
                push_line(&mut self.out, 1, &format!("{key}: [],"));
            }
            return;
        }
        push_line(&mut self.out, 1, &format!("{key}: ["));
        for pick in picks {
            self.item(2, None, pick, base, sides);
        }
        push_line(&mut self.out, 1, "],");
    }

    /// One item at `depth`: `(` fields `),`, or `name: (` fields `),` for single items.
    fn item<T: Item>(
        &mut self,
        depth: usize,
        name: Option<&str>,
        pick: &Pick<T>,
        base: BaseSide<'_, T>,
        [ours, theirs]: [&[T]; 2],
    ) {
        let open = match name {
            Some(n) => format!("{n}: ("),
            None => "(".to_owned(),
        };
        let whole = |out: &mut String, item: Option<&T>| {
            if let Some(item) = item {
                push_line(out, depth, &open);
                item.write_fields(out, depth + 1);
                push_line(out, depth, "),");
            }
        };
        let out = &mut self.out;
        let markers = self.markers;
        match pick {
            Pick::Ours(i) => whole(out, ours.get(*i)),
            Pick::Theirs(i) => whole(out, theirs.get(*i)),
            Pick::Merged(item) => whole(out, Some(item)),
            Pick::Fields(fields) => {
                push_line(out, depth, &open);
                render_fields(out, depth + 1, fields, markers);
                push_line(out, depth, "),");
            }
            Pick::Whole {
                base: b,
                ours: o,
                theirs: t,
            } => {
                fn side<T>(list: &[T], i: Option<usize>) -> Option<&T> {
                    i.and_then(|i| list.get(i))
                }
                push_line(out, 0, &markers.ours_line());
                whole(out, side(ours, *o));
                if markers.diff3 {
                    push_line(out, 0, &markers.base_line());
                    whole(out, b.and_then(|b| base.get(b)));
                }
                push_line(out, 0, &markers.separator_line());
                whole(out, side(theirs, *t));
                push_line(out, 0, &markers.theirs_line());
            }
        }
    }
}

fn push_line(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str("    ");
    }
    out.push_str(text);
    out.push('\n');
}

/// Fields at `depth`; a run of conflicting fields goes between one set of markers.
fn render_fields(out: &mut String, depth: usize, fields: &[FieldSlot], markers: &Markers) {
    let mut i = 0;
    while let Some(slot) = fields.get(i) {
        match slot {
            FieldSlot::Clean(name, value) => {
                if let Some(v) = value {
                    render_field(out, depth, name, v);
                }
                i += 1;
            }
            FieldSlot::Conflict(..) => {
                let run: Vec<&FieldSlot> = fields
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|s| matches!(s, FieldSlot::Conflict(..)))
                    .collect();
                i += run.len();
                // One side of the run: each field's value there, when it has one.
                let side = |out: &mut String, pick: fn(&FieldSlot) -> Option<(&str, &str)>| {
                    for (name, value) in run.iter().filter_map(|s| pick(s)) {
                        render_field(out, depth, name, value);
                    }
                };
                push_line(out, 0, &markers.ours_line());
                side(out, |s| match s {
                    FieldSlot::Conflict(name, _, Some(v), _) => Some((name, v)),
                    _ => None,
                });
                if markers.diff3 {
                    push_line(out, 0, &markers.base_line());
                    side(out, |s| match s {
                        FieldSlot::Conflict(name, Some(v), _, _) => Some((name, v)),
                        _ => None,
                    });
                }
                push_line(out, 0, &markers.separator_line());
                side(out, |s| match s {
                    FieldSlot::Conflict(name, _, _, Some(v)) => Some((name, v)),
                    _ => None,
                });
                push_line(out, 0, &markers.theirs_line());
            }
        }
    }
}

/// `name: value,` at `depth`; a list written one element a line has them one level deeper.
fn render_field(out: &mut String, depth: usize, name: &str, value: &str) {
    match split_list(value) {
        Some((open, elements)) => {
            push_line(out, depth, &format!("{name}: {open}"));
            for element in elements {
                push_line(out, depth + 1, &format!("{element},"));
            }
            push_line(out, depth, "],");
        }
        None => push_line(out, depth, &format!("{name}: {value},")),
    }
}
