//! Three-way merge of plans by section, item id and field: what `preshow merge` does as git's
//! merge driver. Pure functions: no files, no git.
//!
//! Items are matched by id through one index of the three sides (the `n`-th item with an id
//! matches the `n`-th with the same id on the other sides), and compared on the loaded model,
//! field by field: a field is "changed" exactly when the canonical writer would write it
//! differently (see `items.rs`). Only items whose fields conflict are written out field by field
//! (as [`crate::format::item_fields`] spells them), to show both values; a clean merge is a plan
//! made of the sides' items, and a conflicted one is written once, in the canonical layout.
//! The base can be thinned against ours before theirs is even read ([`Base::thin`]): it keeps
//! only the items ours changed, and points into ours for the rest, so that a merge of large
//! plans holds little more than two of them (see `base.rs`).
//!
//! What merges cleanly: changes to different items, to different fields of one item, the same
//! change on both sides, items added on one side (or the same item added identically on both),
//! items deleted on one side and left alone on the other, and reorders. The result follows our
//! list order; when only their side reordered a list, it follows theirs. Items new on the other
//! side go right after the item they follow there (at the start when none does).
//!
//! A lead's `reached` list merges entry by entry, keyed by stage (see `reached.rs`): two sides
//! recording different stages of one lead merge cleanly; one stage given two different times
//! conflicts as the whole field.
//!
//! What conflicts (see [`ConflictKind`]): a field changed two different ways, an item edited on
//! one side and deleted on the other, and one id added on both sides with different content. A
//! conflicted merge is returned as text with git-style markers around the conflicting fields or
//! items ([`MARKER_OURS`], [`MARKER_SEPARATOR`], [`MARKER_THEIRS`], each at the start of a line),
//! showing both values and choosing neither. That text deliberately does not parse until someone
//! resolves it; the reader names the first marker's line. [`Markers`] gives the markers git's
//! labels (`<<<<<<< HEAD`, `>>>>>>> feature-x`), another length, and a base section
//! (`||||||| base`, git's diff3 style) with the common ancestor's values.

use crate::model::{Plan, Section};
use base::{BaseRef, BaseSide, slots_of};
use sections::{Pick, merge_section};
use std::fmt;

pub use base::Base;

/// The line that opens a conflict; our side follows.
pub const MARKER_OURS: &str = "<<<<<<< ours";
/// The line between our side and theirs.
pub const MARKER_SEPARATOR: &str = "=======";
/// The line that closes a conflict, after their side.
pub const MARKER_THEIRS: &str = ">>>>>>> theirs";
/// The line that opens the common ancestor's section of a conflict, in the diff3 style.
pub const MARKER_BASE: &str = "||||||| base";

/// How conflicts are marked: git's labels, marker length and conflict style. The default gives
/// [`MARKER_OURS`], [`MARKER_SEPARATOR`] and [`MARKER_THEIRS`], with no base section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markers {
    /// How many `<`, `|`, `=` or `>` a marker has (git's `%L`); at least
    /// [`Markers::MIN_SIZE`], so the reader always recognises them.
    pub size: usize,
    /// The label after `<<<<<<<` (git's `%X`: usually `HEAD`).
    pub ours: String,
    /// The label after `|||||||` (git's `%S`).
    pub base: String,
    /// The label after `>>>>>>>` (git's `%Y`: the branch being merged).
    pub theirs: String,
    /// Write the common ancestor's values between `|||||||` and `=======` (git's diff3 style).
    pub diff3: bool,
}

impl Default for Markers {
    fn default() -> Self {
        Markers {
            size: Markers::MIN_SIZE,
            ours: "ours".to_owned(),
            base: "base".to_owned(),
            theirs: "theirs".to_owned(),
            diff3: false,
        }
    }
}

impl Markers {
    /// The shortest marker written: git's default, and what the plan reader looks for.
    pub const MIN_SIZE: usize = 7;

    /// The line that opens a conflict.
    pub fn ours_line(&self) -> String {
        self.line('<', &self.ours)
    }

    /// The line that opens the common ancestor's section (diff3 style).
    pub fn base_line(&self) -> String {
        self.line('|', &self.base)
    }

    /// The line between our side (or the base section) and theirs.
    pub fn separator_line(&self) -> String {
        self.line('=', "")
    }

    /// The line that closes a conflict.
    pub fn theirs_line(&self) -> String {
        self.line('>', &self.theirs)
    }

    /// `size` times `c`, then the label on one line (line breaks and other control characters
    /// in it become spaces).
    fn line(&self, c: char, label: &str) -> String {
        let mut line: String = std::iter::repeat_n(c, self.size.max(Markers::MIN_SIZE)).collect();
        let label: String = label
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let label = label.trim();
        if !label.is_empty() {
            line.push(' ');
            line.push_str(label);
        }
        line
    }
}

/// One side of a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The branch being merged into (git's `%A`).
    Ours,
    /// The branch being merged (git's `%B`).
    Theirs,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Ours => "ours",
            Side::Theirs => "theirs",
        })
    }
}

/// A field that both sides changed, differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldConflict {
    /// The field's name in the file.
    pub field: String,
    /// Its value in the common ancestor, as written (`None`: absent).
    pub base: Option<String>,
    /// Our value.
    pub ours: Option<String>,
    /// Their value.
    pub theirs: Option<String>,
}

/// Why an item could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConflictKind {
    /// These fields were changed on both sides to different values.
    Fields(Vec<FieldConflict>),
    /// One side edited the item; `deleted_by` deleted it.
    EditedAndDeleted {
        /// The side that deleted it.
        deleted_by: Side,
    },
    /// Both sides added an item with this id, with different content.
    AddedDifferently,
}

/// One item that could not be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Its section.
    pub section: Section,
    /// Its id (`event`, `scoring` or `format` for single items).
    pub id: String,
    /// What clashed.
    pub kind: ConflictKind,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe("ours", "theirs"))
    }
}

impl Conflict {
    /// What clashed, naming the sides as git labels them (`HEAD`, `feature-x`); the
    /// [`Display`](fmt::Display) form says `ours` and `theirs`.
    pub fn describe(&self, ours: &str, theirs: &str) -> String {
        let label = |side: Side| match side {
            Side::Ours => ours,
            Side::Theirs => theirs,
        };
        let at = if self.section.is_list() {
            format!("{}/{}", self.section.key(), self.id)
        } else {
            self.id.clone()
        };
        let shown = |v: &Option<String>| v.as_deref().map_or("(none)".to_owned(), one_line);
        match &self.kind {
            ConflictKind::Fields(fields) => {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|c| {
                        format!(
                            "`{}` is {} on {ours} and {} on {theirs} (was {})",
                            c.field,
                            shown(&c.ours),
                            shown(&c.theirs),
                            shown(&c.base)
                        )
                    })
                    .collect();
                format!("{at}: changed on both sides: {}", parts.join("; "))
            }
            ConflictKind::EditedAndDeleted { deleted_by } => {
                let edited_by = match deleted_by {
                    Side::Ours => Side::Theirs,
                    Side::Theirs => Side::Ours,
                };
                format!(
                    "{at}: edited on {} but deleted on {}",
                    label(edited_by),
                    label(*deleted_by)
                )
            }
            ConflictKind::AddedDifferently => {
                format!("{at}: added on both sides with different content")
            }
        }
    }
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub enum Merge {
    /// Everything merged; write the plan in the canonical form.
    Clean(Box<Plan>),
    /// Some items clash: `text` is the merge with conflict markers around them (it does not parse
    /// until resolved), `conflicts` says what clashed, in file order.
    Conflicted {
        /// The merged text with conflict markers.
        text: String,
        /// Every conflict.
        conflicts: Vec<Conflict>,
    },
}

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Merge {
    merge_marked(base, ours, theirs, &Markers::default())
}

/// [`merge`], with conflicts marked as `markers` says.
pub fn merge_marked(base: &Plan, ours: &Plan, theirs: &Plan, markers: &Markers) -> Merge {
    let mut conflicts = Vec::new();
    let base = BaseRef::whole(base);
    let picks = Picks::decide(base, ours, theirs, &mut conflicts);
    if !conflicts.is_empty() {
        let text = render::render(&picks, base, ours, theirs, markers);
        return Merge::Conflicted { text, conflicts };
    }
    Merge::Clean(Box::new(picks.assemble_cloned(base.plan(), ours, theirs)))
}

/// [`merge_marked`] of plans that are no longer needed: a clean result is made of their items,
/// moved rather than copied, and the base is thinned against ours first ([`merge_thinned`]).
pub fn merge_owned(base: Plan, ours: Plan, theirs: Plan, markers: &Markers) -> Merge {
    merge_thinned(Base::thin(base, &ours), ours, theirs, markers)
}

/// [`merge_owned`] with a base already thinned against `ours` ([`Base::thin`]): what
/// `preshow merge` does, which thins the base before it reads theirs, so that it never holds
/// three whole plans, and holds no fourth one for the result.
pub fn merge_thinned(base: Base, ours: Plan, theirs: Plan, markers: &Markers) -> Merge {
    let mut conflicts = Vec::new();
    let picks = Picks::decide(BaseRef::thinned(&base), &ours, &theirs, &mut conflicts);
    if !conflicts.is_empty() {
        let text = render::render(&picks, BaseRef::thinned(&base), &ours, &theirs, markers);
        return Merge::Conflicted { text, conflicts };
    }
    Merge::Clean(Box::new(picks.assemble_owned(
        base.into_plan(),
        ours,
        theirs,
    )))
}

/// A field's value as one line: a list written one element a line is joined.
pub fn one_line(value: &str) -> String {
    match split_list(value) {
        Some((open, elements)) => format!("{open}{}]", elements.join(", ")),
        None => value.to_owned(),
    }
}

/// A multi-line value as [`format::item_fields`] gives it (a list, one element a line: `[`, the
/// elements, perhaps the closing `]`) split into its opening and its elements, without commas.
pub(crate) fn split_list(value: &str) -> Option<(&str, Vec<&str>)> {
    let mut lines = value.split('\n');
    let open = lines.next()?;
    let mut rest: Vec<&str> = lines.collect();
    if rest.is_empty() {
        return None;
    }
    let closed = rest.last() == Some(&"]");
    if closed {
        rest.pop();
    }
    // Every element line ends with its comma, except the last when the value was cut there.
    let n = rest.len();
    let elements = rest
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            if closed || i + 1 < n {
                line.strip_suffix(',').unwrap_or(line)
            } else {
                line
            }
        })
        .collect();
    Some((open, elements))
}

type Fields = Vec<(String, String)>;

/// A field of a merged item, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FieldSlot {
    /// Merged: the value, or `None` for absent.
    Clean(String, Option<String>),
    /// Changed two ways: the base value, our value, their value.
    Conflict(String, Option<String>, Option<String>, Option<String>),
}

/// Every section merged: which item of which side goes where.
struct Picks {
    /// The `format` field as written, for a conflicted merge's text.
    format: FieldSlot,
    /// The merged `format` (ours when it conflicts).
    format_number: u32,
    event: Vec<Pick<crate::model::Event>>,
    people: Vec<Pick<crate::model::Person>>,
    objectives: Vec<Pick<crate::model::Objective>>,
    terms: Vec<Pick<crate::model::Term>>,
    scoring: Vec<Pick<crate::model::Scoring>>,
    accounts: Vec<Pick<crate::model::Account>>,
    meetings: Vec<Pick<crate::model::Meeting>>,
    messages: Vec<Pick<crate::model::Message>>,
    stages: Vec<Pick<crate::model::Stage>>,
    handoffs: Vec<Pick<crate::model::Handoff>>,
    tasks: Vec<Pick<crate::model::Task>>,
    leads: Vec<Pick<crate::model::Lead>>,
}

impl Picks {
    /// Merges every section, in file order; what conflicts is added to `conflicts`.
    fn decide(
        base: BaseRef<'_>,
        ours: &Plan,
        theirs: &Plan,
        conflicts: &mut Vec<Conflict>,
    ) -> Picks {
        let (b, o, t) = (base.plan().format, ours.format, theirs.format);
        let number = |n: u32| Some(n.to_string());
        let (format, format_number) = if o == t || b == t {
            (FieldSlot::Clean("format".to_owned(), number(o)), o)
        } else if b == o {
            (FieldSlot::Clean("format".to_owned(), number(t)), t)
        } else {
            conflicts.push(Conflict {
                section: Section::Plan,
                id: "format".to_owned(),
                kind: ConflictKind::Fields(vec![FieldConflict {
                    field: "format".to_owned(),
                    base: number(b),
                    ours: number(o),
                    theirs: number(t),
                }]),
            });
            let slot = FieldSlot::Conflict("format".to_owned(), number(b), number(o), number(t));
            (slot, o)
        };
        macro_rules! section {
            ($section:expr, $field:ident) => {
                merge_section(
                    $section,
                    base.side(|p| &p.$field, slots_of!($field), &ours.$field),
                    [&ours.$field, &theirs.$field],
                    conflicts,
                )
            };
        }
        // In file order, so conflicts are listed as they appear in the text.
        let event = merge_section(
            Section::Event,
            BaseSide::whole(std::slice::from_ref(&base.plan().event)),
            [
                std::slice::from_ref(&ours.event),
                std::slice::from_ref(&theirs.event),
            ],
            conflicts,
        );
        let people = section!(Section::People, people);
        let objectives = section!(Section::Objectives, objectives);
        let terms = section!(Section::Terms, terms);
        let scoring = merge_section(
            Section::Scoring,
            BaseSide::whole(base.plan().scoring.as_slice()),
            [ours.scoring.as_slice(), theirs.scoring.as_slice()],
            conflicts,
        );
        Picks {
            format,
            format_number,
            event,
            people,
            objectives,
            terms,
            scoring,
            accounts: section!(Section::Accounts, accounts),
            meetings: section!(Section::Meetings, meetings),
            messages: section!(Section::Messages, messages),
            stages: section!(Section::Stages, stages),
            handoffs: section!(Section::Handoffs, handoffs),
            tasks: section!(Section::Tasks, tasks),
            leads: section!(Section::Leads, leads),
        }
    }

    /// The clean merge as a plan, its items copied from the sides.
    fn assemble_cloned(self, base: &Plan, ours: &Plan, theirs: &Plan) -> Plan {
        macro_rules! list {
            ($field:ident) => {
                assemble(self.$field, &mut Cloned([&ours.$field, &theirs.$field]))
            };
        }
        let event = assemble(
            self.event,
            &mut Cloned([
                std::slice::from_ref(&ours.event),
                std::slice::from_ref(&theirs.event),
            ]),
        )
        .pop()
        .unwrap_or_else(|| base.event.clone());
        let scoring = assemble(
            self.scoring,
            &mut Cloned([ours.scoring.as_slice(), theirs.scoring.as_slice()]),
        )
        .pop();
        Plan {
            format: self.format_number,
            event,
            people: list!(people),
            objectives: list!(objectives),
            terms: list!(terms),
            scoring,
            accounts: list!(accounts),
            meetings: list!(meetings),
            messages: list!(messages),
            stages: list!(stages),
            handoffs: list!(handoffs),
            tasks: list!(tasks),
            leads: list!(leads),
        }
    }

    /// The clean merge as a plan, its items moved out of the sides.
    fn assemble_owned(self, base: Plan, ours: Plan, theirs: Plan) -> Plan {
        macro_rules! list {
            ($field:ident) => {
                assemble(self.$field, &mut Moved::of(ours.$field, theirs.$field))
            };
        }
        let event = assemble(
            self.event,
            &mut Moved::of(vec![ours.event], vec![theirs.event]),
        )
        .pop()
        .unwrap_or(base.event);
        let scoring = assemble(
            self.scoring,
            &mut Moved::of(Vec::from_iter(ours.scoring), Vec::from_iter(theirs.scoring)),
        )
        .pop();
        Plan {
            format: self.format_number,
            event,
            people: list!(people),
            objectives: list!(objectives),
            terms: list!(terms),
            scoring,
            accounts: list!(accounts),
            meetings: list!(meetings),
            messages: list!(messages),
            stages: list!(stages),
            handoffs: list!(handoffs),
            tasks: list!(tasks),
            leads: list!(leads),
        }
    }
}

/// Where a clean merge's items come from: our side's or their side's `i`-th item.
trait Source<T> {
    fn take(&mut self, side: Side, i: usize) -> Option<T>;
}

/// Items copied from borrowed sides.
struct Cloned<'a, T>([&'a [T]; 2]);

impl<T: Clone> Source<T> for Cloned<'_, T> {
    fn take(&mut self, side: Side, i: usize) -> Option<T> {
        let [ours, theirs] = self.0;
        match side {
            Side::Ours => ours.get(i).cloned(),
            Side::Theirs => theirs.get(i).cloned(),
        }
    }
}

/// Items moved out of owned sides (each is taken at most once).
struct Moved<T>([Vec<Option<T>>; 2]);

impl<T> Moved<T> {
    fn of(ours: Vec<T>, theirs: Vec<T>) -> Moved<T> {
        Moved([
            ours.into_iter().map(Some).collect(),
            theirs.into_iter().map(Some).collect(),
        ])
    }
}

impl<T> Source<T> for Moved<T> {
    fn take(&mut self, side: Side, i: usize) -> Option<T> {
        let [ours, theirs] = &mut self.0;
        let list = match side {
            Side::Ours => ours,
            Side::Theirs => theirs,
        };
        list.get_mut(i).and_then(Option::take)
    }
}

/// The items of a clean merge of one section (conflicts have none).
fn assemble<T>(picks: Vec<Pick<T>>, from: &mut impl Source<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(picks.len());
    for pick in picks {
        let item = match pick {
            Pick::Ours(i) => from.take(Side::Ours, i),
            Pick::Theirs(i) => from.take(Side::Theirs, i),
            Pick::Merged(item) => Some(*item),
            Pick::Fields(_) | Pick::Whole { .. } => None,
        };
        out.extend(item);
    }
    out
}

/// The three-way merge of one written value: `Some(result)`, or `None` when it conflicts.
fn merge_value(
    base: &Option<String>,
    ours: &Option<String>,
    theirs: &Option<String>,
) -> Option<Option<String>> {
    if ours == theirs || base == theirs {
        Some(ours.clone())
    } else if base == ours {
        Some(theirs.clone())
    } else {
        None
    }
}

/// Merges one item's written fields; conflicting fields keep both values. A lead's `reached`
/// merges entry by entry. For an item whose fields conflict, to show them as written.
fn merge_fields(
    section: Section,
    base: &Fields,
    ours: &Fields,
    theirs: &Fields,
) -> (Vec<FieldSlot>, Vec<FieldConflict>) {
    let get = |fields: &Fields, name: &str| {
        fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let names =
        |fields: &Fields| -> Vec<String> { fields.iter().map(|(n, _)| n.clone()).collect() };
    let ([b, o, t], all) = order::numbered(&names(base), &names(ours), &names(theirs));
    // Every field either side has (the base's alone are gone).
    let mut kept = vec![false; all.len()];
    for &k in o.iter().chain(&t) {
        if let Some(x) = kept.get_mut(k) {
            *x = true;
        }
    }
    let order = order::merge_order(all.len(), &b, &o, &t, |k| {
        kept.get(k).copied().unwrap_or(false)
    });
    let mut slots = Vec::with_capacity(order.len());
    let mut clashes = Vec::new();
    for name in order.into_iter().filter_map(|k| all.get(k).cloned()) {
        let (b, o, t) = (get(base, &name), get(ours, &name), get(theirs, &name));
        let merged = if section == Section::Leads && name == "reached" {
            reached::merge_reached(&b, &o, &t)
        } else {
            merge_value(&b, &o, &t)
        };
        match merged {
            Some(value) => slots.push(FieldSlot::Clean(name, value)),
            None => {
                clashes.push(FieldConflict {
                    field: name.clone(),
                    base: b.clone(),
                    ours: o.clone(),
                    theirs: t.clone(),
                });
                slots.push(FieldSlot::Conflict(name, b, o, t));
            }
        }
    }
    (slots, clashes)
}

mod base;
mod items;
mod order;
mod reached;
mod render;
mod sections;
#[cfg(test)]
mod tests;
