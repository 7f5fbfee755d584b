//! The open plan: its file, its undo history, and whether it has unsaved edits.

use crate::model::{Plan, Section};
use crate::ops::patch::{ListPatch, Patch};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// Revisions count up across every document of the session, so results computed for an older
/// document can never be taken for a newer one's.
static REVISIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_revision() -> u64 {
    REVISIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Most undo steps kept.
const MAX_UNDO: usize = 200;

/// The plan being edited.
pub struct Document {
    /// The plan as it is now, edits included.
    pub plan: Plan,
    /// The file it came from and saves to; `None` for the bundled example or a new plan.
    pub path: Option<PathBuf>,
    /// Bumped on every change to `plan`, so caches know when to refresh.
    pub revision: u64,
    /// Bumped on every change to `plan` except keys typed into one item the edit named (see
    /// [`Document::edited_items`]): what views work out from the whole plan (lookups by id, the
    /// order of a sorted list) is kept while a field is typed in and made anew when the edit is
    /// finished.
    pub shape: u64,
    history: History,
    /// The snapshot id that matches the file on disk.
    saved_snapshot: Option<u64>,
    /// A digest of the file as last read or written, to notice changes made by others.
    pub disk_digest: Option<String>,
    /// The digest of the file as read, being worked out on a thread of its own.
    digest_coming: Option<std::sync::mpsc::Receiver<String>>,
    /// Comments in the file as read; the canonical form keeps none, so the first save asks.
    pub comments: Vec<crate::format::Comment>,
}

/// A digest of file contents.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// How the baseline (the plan as of the last undo point) moved, for a copy kept elsewhere (the
/// checker's) to follow without copying the whole plan again.
#[derive(Debug)]
pub enum BaselineChange {
    /// A new document: copy the baseline.
    Reset,
    /// An edit was finished, or redone.
    Apply(Patch),
    /// An edit was undone.
    Revert(Patch),
}

/// Undo and redo as patches, one per finished edit: each holds only the items the edit changed.
struct History {
    /// The plan as of the last undo point; shared with the checker until it has made its own
    /// copy (on its thread, not the window's).
    baseline: std::sync::Arc<Plan>,
    /// Id of the baseline snapshot.
    baseline_id: u64,
    /// Each patch turns the snapshot with the id beside it into the next one.
    undo: Vec<(Patch, u64)>,
    /// Each patch turns the current baseline into the snapshot with the id beside it.
    redo: Vec<(Patch, u64)>,
    /// An edit has begun since the baseline and is not yet finished.
    pending: bool,
    next_id: u64,
    /// Baseline moves not yet taken by [`Document::take_baseline_changes`].
    changes: Vec<BaselineChange>,
    /// The list items the edits since the baseline changed, as the edits said; `None` when an
    /// edit did not say (then the whole plan is compared with the baseline).
    touched: Option<BTreeSet<(Section, usize)>>,
}

impl History {
    /// The changes from the baseline to `plan`: only the items the edits named are compared
    /// (and the event and scoring, which are small), unless an edit did not say what it changed.
    fn patch_to(&self, plan: &Plan) -> Patch {
        if let Some(touched) = &self.touched
            && let Some(patch) = named_items_patch(&self.baseline, plan, touched)
        {
            debug_assert_eq!(
                patch,
                Patch::between(&self.baseline, plan),
                "an edit changed more than the items it named"
            );
            return patch;
        }
        Patch::between(&self.baseline, plan)
    }
}

/// The patch from `old` to `new` when they differ at most in the event, the scoring and the
/// list items named in `touched`; `None` when it cannot be made that way (a list's length
/// changed, or a section is not a list).
fn named_items_patch(
    old: &Plan,
    new: &Plan,
    touched: &BTreeSet<(Section, usize)>,
) -> Option<Patch> {
    // The event, the scoring and the format, compared on plans that hold nothing else.
    let shell = |p: &Plan| {
        let mut s = Plan::empty("", p.event.starts, p.event.ends);
        s.format = p.format;
        s.event = p.event.clone();
        s.scoring = p.scoring.clone();
        s
    };
    let mut patch = Patch::between(&shell(old), &shell(new));
    for &(section, index) in touched {
        match section {
            Section::People => item(&mut patch.people, &old.people, &new.people, index)?,
            Section::Objectives => item(
                &mut patch.objectives,
                &old.objectives,
                &new.objectives,
                index,
            )?,
            Section::Terms => item(&mut patch.terms, &old.terms, &new.terms, index)?,
            Section::Accounts => item(&mut patch.accounts, &old.accounts, &new.accounts, index)?,
            Section::Meetings => item(&mut patch.meetings, &old.meetings, &new.meetings, index)?,
            Section::Messages => item(&mut patch.messages, &old.messages, &new.messages, index)?,
            Section::Stages => item(&mut patch.stages, &old.stages, &new.stages, index)?,
            Section::Handoffs => item(&mut patch.handoffs, &old.handoffs, &new.handoffs, index)?,
            Section::Tasks => item(&mut patch.tasks, &old.tasks, &new.tasks, index)?,
            Section::Leads => item(&mut patch.leads, &old.leads, &new.leads, index)?,
            Section::Plan | Section::Event | Section::Scoring => return None,
        }
    }
    Some(patch)
}

/// Adds item `index` to `patch` when it differs between `old` and `new` (taken in ascending
/// order, as [`Patch::between`] lists them); `None` when the lists differ in length.
fn item<T: Clone + PartialEq>(
    patch: &mut ListPatch<T>,
    old: &[T],
    new: &[T],
    index: usize,
) -> Option<()> {
    if old.len() != new.len() {
        return None;
    }
    let (Some(a), Some(b)) = (old.get(index), new.get(index)) else {
        return Some(());
    };
    if a == b {
        return Some(());
    }
    match patch {
        ListPatch::Same => *patch = ListPatch::Items(vec![(index, a.clone(), b.clone())]),
        ListPatch::Items(items) => items.push((index, a.clone(), b.clone())),
        ListPatch::Splice { .. } => return None,
    }
    Some(())
}

impl Document {
    /// A document for `plan`, saved as `path` (or not saved anywhere yet).
    pub fn new(plan: Plan, path: Option<PathBuf>, saved: bool) -> Self {
        Document {
            history: History {
                baseline: std::sync::Arc::new(plan.clone()),
                baseline_id: 0,
                undo: Vec::new(),
                redo: Vec::new(),
                pending: false,
                next_id: 1,
                changes: vec![BaselineChange::Reset],
                touched: Some(BTreeSet::new()),
            },
            plan,
            path,
            revision: next_revision(),
            shape: next_revision(),
            saved_snapshot: saved.then_some(0),
            disk_digest: None,
            digest_coming: None,
            comments: Vec::new(),
        }
    }

    /// Whether there are edits not in the file.
    pub fn is_dirty(&self) -> bool {
        self.history.pending || self.saved_snapshot != Some(self.history.baseline_id)
    }

    /// Notes that the plan changed this frame. `finished` is false while the user is still
    /// typing in a field or dragging: the undo point is made once they stop.
    pub fn edited(&mut self, finished: bool) {
        self.history.touched = None;
        self.shape = next_revision();
        self.revision = next_revision();
        self.history.pending = true;
        if finished {
            self.commit();
        }
    }

    /// Notes that the plan changed this frame in these list items only (and perhaps the event
    /// or the scoring): a key typed in an item's editor. Making its undo point and sending it to
    /// the checker then costs the items, not the plan. An edit that changes anything else must
    /// say nothing ([`Document::edited`]).
    pub fn edited_items(&mut self, finished: bool, items: &[(Section, usize)]) {
        if let Some(touched) = &mut self.history.touched {
            touched.extend(items.iter().copied());
        }
        self.revision = next_revision();
        self.history.pending = true;
        if finished {
            self.commit();
        }
    }

    /// Makes an undo point for a pending edit, if any.
    pub fn commit(&mut self) {
        let h = &mut self.history;
        if !h.pending {
            return;
        }
        h.pending = false;
        let patch = h.patch_to(&self.plan);
        h.touched = Some(BTreeSet::new());
        // The edit is finished: what views work out from the whole plan is made anew.
        self.shape = next_revision();
        if patch.is_empty() {
            return;
        }
        let id = h.next_id;
        h.next_id += 1;
        patch.apply(std::sync::Arc::make_mut(&mut h.baseline));
        h.changes.push(BaselineChange::Apply(patch.clone()));
        h.undo.push((patch, h.baseline_id));
        if h.undo.len() > MAX_UNDO {
            h.undo.remove(0);
        }
        h.baseline_id = id;
        h.redo.clear();
    }

    /// The changes from the last undo point to the plan as it is now (none to look for when
    /// nothing was edited since).
    pub fn pending_patch(&self) -> Patch {
        if self.history.pending {
            self.history.patch_to(&self.plan)
        } else {
            Patch::default()
        }
    }

    /// The plan as of the last undo point.
    pub fn baseline(&self) -> &Plan {
        &self.history.baseline
    }

    /// The plan as of the last undo point, shared: a copy kept elsewhere (the checker's) is
    /// made from it where it is kept, not here.
    pub fn shared_baseline(&self) -> std::sync::Arc<Plan> {
        self.history.baseline.clone()
    }

    /// How the baseline moved since the last call.
    pub fn take_baseline_changes(&mut self) -> Vec<BaselineChange> {
        std::mem::take(&mut self.history.changes)
    }

    /// Replaces the plan in one undoable step (imports, deletions with their references).
    pub fn replace_plan(&mut self, plan: Plan) {
        self.commit();
        self.plan = plan;
        self.edited(true);
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.pending || !self.history.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    /// Steps back one finished edit.
    pub fn undo(&mut self) -> bool {
        self.commit();
        let h = &mut self.history;
        let Some((patch, id)) = h.undo.pop() else {
            return false;
        };
        patch.revert(&mut self.plan);
        patch.revert(std::sync::Arc::make_mut(&mut h.baseline));
        h.changes.push(BaselineChange::Revert(patch.clone()));
        h.redo.push((patch, h.baseline_id));
        h.baseline_id = id;
        self.revision = next_revision();
        self.shape = next_revision();
        true
    }

    /// Steps forward again.
    pub fn redo(&mut self) -> bool {
        self.commit();
        let h = &mut self.history;
        let Some((patch, id)) = h.redo.pop() else {
            return false;
        };
        patch.apply(&mut self.plan);
        patch.apply(std::sync::Arc::make_mut(&mut h.baseline));
        h.changes.push(BaselineChange::Apply(patch.clone()));
        h.undo.push((patch, h.baseline_id));
        h.baseline_id = id;
        self.revision = next_revision();
        self.shape = next_revision();
        true
    }

    /// Works out the digest of `text`, the file as read, on a thread of its own: a large plan's
    /// file takes a while, and the window shows the plan meanwhile.
    pub fn digest_in_background(&mut self, text: String) {
        let (tx, rx) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("preshow-digest".into())
            .spawn(move || {
                // The receiver may be gone (another plan opened): then nobody needs it.
                let _ = tx.send(digest(text.as_bytes()));
            });
        match spawned {
            Ok(_) => {
                self.disk_digest = None;
                self.digest_coming = Some(rx);
            }
            Err(_) => self.disk_digest = None,
        }
    }

    /// Takes the digest of the file as read once it is worked out; with `wait`, waits for it
    /// (before a save compares the file with it).
    pub fn take_digest(&mut self, wait: bool) {
        let Some(rx) = &self.digest_coming else {
            return;
        };
        let got = if wait {
            rx.recv().ok()
        } else {
            match rx.try_recv() {
                Ok(d) => Some(d),
                Err(std::sync::mpsc::TryRecvError::Empty) => return,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
            }
        };
        self.digest_coming = None;
        if got.is_some() {
            self.disk_digest = got;
        }
    }

    /// Records that the current plan is what `path` now holds.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.commit();
        self.path = Some(path);
        self.saved_snapshot = Some(self.history.baseline_id);
    }

    /// A short name for the title bar.
    pub fn title(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => "example plan".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn doc() -> Document {
        let day = Date::from_ymd(2027, 3, 9).unwrap_or_else(Date::today);
        Document::new(Plan::empty("Show", day, day), Some("show.ron".into()), true)
    }

    #[test]
    fn typing_makes_one_undo_step_when_finished() {
        let mut d = doc();
        for name in ["S", "Sh", "Sho", "Show 2027"] {
            d.plan.event.name = name.to_owned();
            d.edited(false);
        }
        assert!(d.is_dirty());
        d.commit();
        assert!(d.undo());
        assert_eq!(d.plan.event.name, "Show");
        assert!(!d.is_dirty(), "back at the saved state");
        assert!(!d.undo());
        assert!(d.redo());
        assert_eq!(d.plan.event.name, "Show 2027");
        assert!(d.is_dirty());
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut d = doc();
        d.plan.event.name = "A".into();
        d.edited(true);
        d.undo();
        d.plan.event.name = "B".into();
        d.edited(true);
        assert!(!d.can_redo());
        d.undo();
        assert_eq!(d.plan.event.name, "Show");
    }

    #[test]
    fn an_edit_undone_by_hand_is_not_a_step() {
        let mut d = doc();
        d.plan.event.name = "X".into();
        d.edited(false);
        d.plan.event.name = "Show".into();
        d.edited(true);
        assert!(!d.can_undo());
        assert!(!d.is_dirty());
    }

    fn with_accounts(n: usize) -> Document {
        let mut d = doc();
        d.plan.accounts = (0..n)
            .map(|i| crate::model::Account {
                id: format!("account-{i}"),
                name: format!("Account {i}"),
                tier: 2,
                owner: None,
                marketing_owner: None,
                segment: None,
                messages: Vec::new(),
                notes: None,
                crm_id: None,
            })
            .collect();
        Document::new(d.plan, Some("show.ron".into()), true)
    }

    /// Edits of every shape, the plan after each, undone and redone step by step.
    #[test]
    fn undo_and_redo_retrace_every_step() {
        let mut d = with_accounts(20);
        let mut seen = vec![d.plan.clone()];
        d.plan.accounts[3].tier = 1;
        d.edited(true);
        seen.push(d.plan.clone());
        d.plan.accounts.remove(7);
        d.edited(true);
        seen.push(d.plan.clone());
        let extra = d.plan.accounts[0].clone();
        d.plan.accounts.push(extra);
        d.plan.event.name = "Renamed".into();
        d.edited(true);
        seen.push(d.plan.clone());
        d.plan.accounts.clear();
        d.edited(true);
        seen.push(d.plan.clone());
        for expected in seen.iter().rev().skip(1) {
            assert!(d.undo());
            assert_eq!(&d.plan, expected);
            assert_eq!(d.baseline(), expected);
        }
        assert!(!d.undo());
        for expected in seen.iter().skip(1) {
            assert!(d.redo());
            assert_eq!(&d.plan, expected);
        }
        assert!(!d.redo());
    }

    /// An undo step of a one-field edit holds that item, not a copy of the plan.
    #[test]
    fn undo_steps_hold_only_what_changed() {
        let mut d = with_accounts(5_000);
        for i in 0..50 {
            d.plan.accounts[i * 10].notes = Some(format!("note {i}"));
            d.edited(true);
        }
        let held: usize = d.history.undo.iter().map(|(p, _)| p.size()).sum();
        assert_eq!(held, 100, "old and new of one account per step");
    }

    /// A copy that follows the baseline changes stays equal to the baseline.
    #[test]
    fn baseline_changes_keep_a_copy_in_step() {
        let mut d = with_accounts(30);
        let mut copy = None;
        let follow = |d: &mut Document, copy: &mut Option<Plan>| {
            for change in d.take_baseline_changes() {
                match change {
                    BaselineChange::Reset => *copy = Some(d.baseline().clone()),
                    BaselineChange::Apply(p) => copy.iter_mut().for_each(|c| p.apply(c)),
                    BaselineChange::Revert(p) => copy.iter_mut().for_each(|c| p.revert(c)),
                }
            }
            assert_eq!(copy.as_ref(), Some(d.baseline()));
        };
        follow(&mut d, &mut copy);
        d.plan.accounts[2].name = "Typed".into();
        d.edited(false);
        follow(&mut d, &mut copy);
        let mut pending_applied = d.baseline().clone();
        d.pending_patch().apply(&mut pending_applied);
        assert_eq!(
            pending_applied, d.plan,
            "baseline + pending patch is the plan"
        );
        d.commit();
        follow(&mut d, &mut copy);
        d.plan.accounts.truncate(10);
        d.edited(true);
        follow(&mut d, &mut copy);
        d.undo();
        follow(&mut d, &mut copy);
        d.undo();
        follow(&mut d, &mut copy);
        d.redo();
        follow(&mut d, &mut copy);
    }
}
