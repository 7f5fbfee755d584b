//! What the board keeps between frames: the day and view chosen, the drag under way, the
//! meeting the keyboard is on, and the day laid out for the plan as it is.

use crate::app::boards::context::BoardCx;
use crate::app::boards::schedule::block::BlockText;
use crate::app::boards::schedule::day::Shown;
use crate::app::boards::schedule::overview::Overview;
use crate::model::{Date, DateTime, Section};
use std::sync::Arc;

/// State between frames.
#[derive(Default)]
pub struct ScheduleState {
    /// The day on screen (the first show day when none or gone).
    pub(super) day: Option<Date>,
    /// Columns are rooms rather than people.
    pub(super) by_room: bool,
    /// Declined and cancelled meetings are drawn too.
    pub(super) show_inactive: bool,
    /// The drag under way, if any.
    pub(super) drag: Option<Drag>,
    /// The meeting the keyboard is on, and its column (a meeting of two people is in two). Kept
    /// by meeting rather than by place, which a move may change.
    pub(super) focus: Option<(usize, String)>,
    /// While a button is down: the meeting it went down on, if any. A click opens a block only
    /// when it was also pressed on it.
    pub(super) pressed_on: Option<Option<usize>>,
    /// See [`text_still_good`](crate::app::widgets::text_still_good): the blocks' kept text is
    /// laid out anew when it changes.
    pub(super) text_generation: Option<Arc<egui::Galley>>,
    /// The days and their meetings, for one shape of the plan, with its clashes as of
    /// [`ScheduleState::overview_clashes`].
    pub(super) overview: Option<(u64, (u64, u64), Overview)>,
    /// The gaps revision the overview's clashes were taken from, and a number that changes
    /// whenever the clashes do.
    pub(super) overview_clashes: (u64, u64),
    /// The day on screen, laid out, for one revision and view choice.
    pub(super) shown: Option<Kept>,
}

/// What a day's layout was made for: the plan's shape, its clashes' version (see
/// [`ScheduleState::overview_clashes`]), day, by room, inactive shown.
pub(super) type ShownKey = (u64, u64, Date, bool, bool);

/// The day on screen, kept with what it was made for and its blocks' text once laid out.
pub(super) struct Kept {
    pub(super) key: ShownKey,
    pub(super) shown: Shown,
    /// Each block's text, by block number, laid out when first drawn.
    pub(super) texts: Vec<Option<BlockText>>,
    /// The gaps revision the items' findings are from.
    pub(super) gaps: u64,
}

impl Kept {
    /// `shown`, made for `key`, with no text laid out yet.
    pub(super) fn new(key: ShownKey, shown: Shown, gaps: u64) -> Kept {
        let texts = std::iter::repeat_with(|| None)
            .take(shown.blocks())
            .collect();
        Kept {
            key,
            shown,
            texts,
            gaps,
        }
    }

    /// Takes each meeting's most severe finding from the gaps as they are now, when they are
    /// newer than the ones the day was laid out with; a block whose dot comes or goes has its
    /// text laid out again (the dot takes room).
    pub(super) fn follow_gaps(&mut self, cx: &BoardCx<'_>) {
        if self.gaps == cx.gaps.revision {
            return;
        }
        self.gaps = cx.gaps.revision;
        let mut moved = false;
        for item in &mut self.shown.items {
            let worst = cx.gaps.worst_on_item(Section::Meetings, item.index);
            moved |= worst.is_some() != item.worst.is_some();
            item.worst = worst;
        }
        if moved {
            self.texts.fill_with(|| None);
        }
    }
}

/// A drag of a block, remembered from its first frame so the change is measured from the
/// meeting as it was, not accumulated frame by frame.
#[derive(Debug, Clone, Copy)]
pub(super) struct Drag {
    pub(super) index: usize,
    pub(super) resize: bool,
    pub(super) start: DateTime,
    pub(super) minutes: i64,
    pub(super) points_per_minute: f32,
}
