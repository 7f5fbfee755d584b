//! Three-way merge of plans by section, item id and field: what `preshow merge` does as git's
//! merge driver. Pure functions: no files, no git.
//!
//! Items are matched by id (the `n`-th item with an id matches the `n`-th with the same id on the
//! other sides), and fields are compared as the canonical writer spells them (see
//! [`format::item_fields`]), so a field is "changed" exactly when its written text changes.
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

use crate::format::{self, ParseError, item_fields};
use crate::model::{Plan, Section};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::Hash;

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

/// Merges `ours` and `theirs`, both descended from `base`. An error means the merged text did
/// not read back as a plan, which is a bug in the merge, never a conflict.
pub fn merge(base: &Plan, ours: &Plan, theirs: &Plan) -> Result<Merge, ParseError> {
    merge_marked(base, ours, theirs, &Markers::default())
}

/// [`merge`], with conflicts marked as `markers` says.
pub fn merge_marked(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    markers: &Markers,
) -> Result<Merge, ParseError> {
    let mut conflicts = Vec::new();
    let text = merged_text(base, ours, theirs, markers, &mut conflicts);
    if !conflicts.is_empty() {
        return Ok(Merge::Conflicted { text, conflicts });
    }
    format::parse(&text).map(|loaded| Merge::Clean(Box::new(loaded.plan)))
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

/// A field of a merged item.
#[derive(Debug, Clone, PartialEq, Eq)]
enum FieldSlot {
    /// Merged: the value, or `None` for absent.
    Clean(String, Option<String>),
    /// Changed two ways: the base value, our value, their value.
    Conflict(String, Option<String>, Option<String>, Option<String>),
}

/// One merged item.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Slot {
    /// Merged field by field (some fields may conflict).
    Item(Vec<FieldSlot>),
    /// A whole-item conflict: each side's item, or `None` where it was deleted (or, for the
    /// base, not there yet).
    Whole {
        base: Option<Fields>,
        ours: Option<Fields>,
        theirs: Option<Fields>,
    },
}

/// An item's id and which occurrence of that id it is, so duplicates pair up in order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    id: String,
    nth: usize,
}

fn keyed(items: Vec<(String, Fields)>) -> Vec<(Key, Fields)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    items
        .into_iter()
        .map(|(id, fields)| {
            let n = seen.entry(id.clone()).or_default();
            *n += 1;
            (Key { id, nth: *n }, fields)
        })
        .collect()
}

/// The merged text; what conflicts is added to `conflicts`.
fn merged_text(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    markers: &Markers,
    conflicts: &mut Vec<Conflict>,
) -> String {
    let number = |p: &Plan| Some(p.format.to_string());
    let format_slot = match merge_value(&number(base), &number(ours), &number(theirs)) {
        Some(value) => FieldSlot::Clean("format".to_owned(), value),
        None => {
            conflicts.push(Conflict {
                section: Section::Plan,
                id: "format".to_owned(),
                kind: ConflictKind::Fields(vec![FieldConflict {
                    field: "format".to_owned(),
                    base: number(base),
                    ours: number(ours),
                    theirs: number(theirs),
                }]),
            });
            FieldSlot::Conflict(
                "format".to_owned(),
                number(base),
                number(ours),
                number(theirs),
            )
        }
    };
    let sections: Vec<(Section, Vec<Slot>)> = Section::ALL
        .into_iter()
        .filter(|&s| s != Section::Plan)
        .map(|section| {
            let slots = merge_section(
                section,
                keyed(item_fields(base, section)),
                keyed(item_fields(ours, section)),
                keyed(item_fields(theirs, section)),
                conflicts,
            );
            (section, slots)
        })
        .collect();
    render(&format_slot, &sections, markers)
}

/// The three-way merge of one value: `Some(result)`, or `None` when it conflicts.
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

fn merge_section(
    section: Section,
    base: Vec<(Key, Fields)>,
    ours: Vec<(Key, Fields)>,
    theirs: Vec<(Key, Fields)>,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Slot> {
    let map = |items: &[(Key, Fields)]| -> HashMap<Key, Fields> { items.iter().cloned().collect() };
    let (b, o, t) = (map(&base), map(&ours), map(&theirs));
    let keys =
        |items: &[(Key, Fields)]| -> Vec<Key> { items.iter().map(|(k, _)| k.clone()).collect() };
    let (base_keys, our_keys, their_keys) = (keys(&base), keys(&ours), keys(&theirs));

    let mut decided: HashMap<Key, (Slot, Option<ConflictKind>)> = HashMap::new();
    for key in our_keys.iter().chain(&their_keys).chain(&base_keys) {
        if decided.contains_key(key) {
            continue;
        }
        let clean = |fields: &Fields| {
            Slot::Item(
                fields
                    .iter()
                    .map(|(n, v)| FieldSlot::Clean(n.clone(), Some(v.clone())))
                    .collect(),
            )
        };
        let outcome = match (b.get(key), o.get(key), t.get(key)) {
            (_, Some(of), Some(tf)) if of == tf => Some((clean(of), None)),
            (Some(bf), Some(of), Some(tf)) => {
                let (slots, clashes) = merge_fields(section, bf, of, tf);
                let kind = (!clashes.is_empty()).then_some(ConflictKind::Fields(clashes));
                Some((Slot::Item(slots), kind))
            }
            (Some(bf), Some(of), None) => (of != bf).then(|| {
                (
                    Slot::Whole {
                        base: Some(bf.clone()),
                        ours: Some(of.clone()),
                        theirs: None,
                    },
                    Some(ConflictKind::EditedAndDeleted {
                        deleted_by: Side::Theirs,
                    }),
                )
            }),
            (Some(bf), None, Some(tf)) => (tf != bf).then(|| {
                (
                    Slot::Whole {
                        base: Some(bf.clone()),
                        ours: None,
                        theirs: Some(tf.clone()),
                    },
                    Some(ConflictKind::EditedAndDeleted {
                        deleted_by: Side::Ours,
                    }),
                )
            }),
            (None, Some(of), Some(tf)) => Some((
                Slot::Whole {
                    base: None,
                    ours: Some(of.clone()),
                    theirs: Some(tf.clone()),
                },
                Some(ConflictKind::AddedDifferently),
            )),
            (None, Some(f), None) | (None, None, Some(f)) => Some((clean(f), None)),
            (_, None, None) => None,
        };
        if let Some(outcome) = outcome {
            decided.insert(key.clone(), outcome);
        }
    }

    let order = merge_order(&base_keys, &our_keys, &their_keys, |k| {
        decided.contains_key(k)
    });
    let mut slots = Vec::with_capacity(order.len());
    for key in order {
        if let Some((slot, kind)) = decided.remove(&key) {
            if let Some(kind) = kind {
                conflicts.push(Conflict {
                    section,
                    id: key.id.clone(),
                    kind,
                });
            }
            slots.push(slot);
        }
    }
    slots
}

/// Merges one item's fields; conflicting fields keep both values. A lead's `reached` merges
/// entry by entry.
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
    let all: HashSet<String> = names(ours).into_iter().chain(names(theirs)).collect();
    let order = merge_order(&names(base), &names(ours), &names(theirs), |n| {
        all.contains(n)
    });
    let mut slots = Vec::with_capacity(order.len());
    let mut clashes = Vec::new();
    for name in order {
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

/// The order of a merged list: ours, or theirs when only they reordered what both kept; then
/// what only the other side has, each right after the item it follows there (first when none).
/// `keep` says which entries the result has.
fn merge_order<K: Clone + Eq + Hash>(
    base: &[K],
    ours: &[K],
    theirs: &[K],
    keep: impl Fn(&K) -> bool,
) -> Vec<K> {
    // Who reordered is decided on the entries all three sides share.
    let in_base: HashSet<&K> = base.iter().collect();
    let in_ours: HashSet<&K> = ours.iter().collect();
    let in_theirs: HashSet<&K> = theirs.iter().collect();
    let shared = |list: &[K]| -> Vec<K> {
        list.iter()
            .filter(|k| in_base.contains(k) && in_ours.contains(k) && in_theirs.contains(k))
            .cloned()
            .collect()
    };
    let (base_order, our_order, their_order) = (shared(base), shared(ours), shared(theirs));
    let (primary, secondary) = if our_order == base_order && their_order != base_order {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let mut out: Vec<K> = primary.iter().filter(|k| keep(k)).cloned().collect();
    let mut placed: HashSet<K> = out.iter().cloned().collect();
    for (i, key) in secondary.iter().enumerate() {
        if !keep(key) || placed.contains(key) {
            continue;
        }
        let after = secondary
            .get(..i)
            .unwrap_or_default()
            .iter()
            .rev()
            .filter(|p| placed.contains(*p))
            .find_map(|p| out.iter().position(|x| x == p));
        let at = after.map_or(0, |p| p + 1);
        out.insert(at, key.clone());
        placed.insert(key.clone());
    }
    out
}

/// The text of a merge, in the canonical writer's layout, with conflict markers where needed.
fn render(format: &FieldSlot, sections: &[(Section, Vec<Slot>)], markers: &Markers) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("#![enable(implicit_some)]\n(\n");
    render_fields(&mut out, 1, std::slice::from_ref(format), markers);
    for (section, slots) in sections {
        let key = section.key();
        if section.is_list() {
            // Like the writer, no empty `leads` (format 1 has none).
            if slots.is_empty() && *section == Section::Leads {
                continue;
            }
            if slots.is_empty() {
                // As the writer: format 1 has no leads, so an empty list of them is left out.
                if *section != Section::Leads {
                    push_line(&mut out, 1, &format!("{key}: [],"));
                }
                continue;
            }
            push_line(&mut out, 1, &format!("{key}: ["));
            for slot in slots {
                render_slot(&mut out, 2, None, slot, markers);
            }
            push_line(&mut out, 1, "],");
        } else {
            for slot in slots {
                render_slot(&mut out, 1, Some(key), slot, markers);
            }
        }
    }
    out.push_str(")\n");
    out
}

fn push_line(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str("    ");
    }
    out.push_str(text);
    out.push('\n');
}

/// One item at `depth`: `(` fields `),`, or `name: (` fields `),` for single items.
fn render_slot(out: &mut String, depth: usize, name: Option<&str>, slot: &Slot, markers: &Markers) {
    let open = match name {
        Some(n) => format!("{n}: ("),
        None => "(".to_owned(),
    };
    match slot {
        Slot::Item(fields) => {
            push_line(out, depth, &open);
            render_fields(out, depth + 1, fields, markers);
            push_line(out, depth, "),");
        }
        Slot::Whole { base, ours, theirs } => {
            let side = |out: &mut String, fields: &Option<Fields>| {
                if let Some(fields) = fields {
                    push_line(out, depth, &open);
                    for (n, v) in fields {
                        render_field(out, depth + 1, n, v);
                    }
                    push_line(out, depth, "),");
                }
            };
            push_line(out, 0, &markers.ours_line());
            side(out, ours);
            if markers.diff3 {
                push_line(out, 0, &markers.base_line());
                side(out, base);
            }
            push_line(out, 0, &markers.separator_line());
            side(out, theirs);
            push_line(out, 0, &markers.theirs_line());
        }
    }
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

mod reached;
#[cfg(test)]
mod tests;
