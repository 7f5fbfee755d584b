//! The open plan: its file, its undo history, and whether it has unsaved edits.

use crate::model::Plan;
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
    history: History,
    /// The snapshot id that matches the file on disk.
    saved_snapshot: Option<u64>,
    /// A digest of the file as last read or written, to notice changes made by others.
    pub disk_digest: Option<String>,
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

/// Undo and redo as snapshots of the plan, one per finished edit.
struct History {
    /// The plan as of the last undo point.
    baseline: Plan,
    /// Id of the baseline snapshot.
    baseline_id: u64,
    undo: Vec<(Plan, u64)>,
    redo: Vec<(Plan, u64)>,
    /// An edit has begun since the baseline and is not yet finished.
    pending: bool,
    next_id: u64,
}

impl Document {
    /// A document for `plan`, saved as `path` (or not saved anywhere yet).
    pub fn new(plan: Plan, path: Option<PathBuf>, saved: bool) -> Self {
        Document {
            history: History {
                baseline: plan.clone(),
                baseline_id: 0,
                undo: Vec::new(),
                redo: Vec::new(),
                pending: false,
                next_id: 1,
            },
            plan,
            path,
            revision: next_revision(),
            saved_snapshot: saved.then_some(0),
            disk_digest: None,
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
        if h.baseline == self.plan {
            return;
        }
        let id = h.next_id;
        h.next_id += 1;
        let before = std::mem::replace(&mut h.baseline, self.plan.clone());
        h.undo.push((before, h.baseline_id));
        if h.undo.len() > MAX_UNDO {
            h.undo.remove(0);
        }
        h.baseline_id = id;
        h.redo.clear();
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
        let Some((plan, id)) = h.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.plan, plan.clone());
        h.redo.push((current, h.baseline_id));
        h.baseline = plan;
        h.baseline_id = id;
        self.revision = next_revision();
        true
    }

    /// Steps forward again.
    pub fn redo(&mut self) -> bool {
        self.commit();
        let h = &mut self.history;
        let Some((plan, id)) = h.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.plan, plan.clone());
        h.undo.push((current, h.baseline_id));
        h.baseline = plan;
        h.baseline_id = id;
        self.revision = next_revision();
        true
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
            None => "example plan (not saved)".to_owned(),
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
}
