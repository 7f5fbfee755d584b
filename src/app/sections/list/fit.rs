//! Which columns a table shows, and how wide, in the width it has. Each column wants a narrowest
//! and a preferred width (measured by the table from the text size and the header); when the
//! narrowest widths do not fit, the least important columns go first, and the columns kept share
//! what is left. Pure arithmetic on points, so it is tested without a window.

/// How much a column matters when the table runs out of width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Priority {
    /// Goes first.
    Low,
    /// Goes after the low ones.
    #[default]
    Normal,
    /// Goes last of those that can go.
    High,
    /// Never goes: the item's name, status, owner, due date.
    Always,
}

/// What one column wants, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Want {
    /// The narrowest it is still useful at (its header whole, its usual value readable).
    pub min: f32,
    /// The width that shows its usual value whole.
    pub pref: f32,
    /// The narrowest it is squeezed to when even the columns that always stay do not fit.
    pub floor: f32,
    /// Whether it takes a share of the width left once every column has its preferred width
    /// (free text does; dates, counts and statuses do not).
    pub grows: bool,
    /// How much it matters.
    pub priority: Priority,
}

/// The width of each column, `None` for a column left out, so that the columns kept and the
/// `spacing` between them fill `available` points.
///
/// Columns are left out from the lowest priority up (the rightmost first among equals) while the
/// narrowest widths of those kept do not fit; [`Priority::Always`] columns are never left out.
/// If those alone do not fit, they are squeezed below their narrowest width, but not below
/// their floors (then they need more than `available`): the columns of free text first, so
/// that dates and statuses stay whole as long as they can.
/// The width beyond the narrowest widths goes to the most important columns first: those of one
/// priority share it in proportion to how far each is from its preferred width, and what is
/// left once they all have it goes to the next priority. Once every column has its preferred
/// width, the rest goes to the columns that grow, in proportion to their preferred width.
/// Widths are whole points.
pub fn fit(wants: &[Want], available: f32, spacing: f32) -> Vec<Option<f32>> {
    let mut kept: Vec<bool> = vec![true; wants.len()];
    let need = |kept: &[bool]| -> f32 {
        let shown = wants.iter().zip(kept).filter(|(_, k)| **k);
        let (sum, n) = shown.fold((0.0, 0usize), |(s, n), (w, _)| (s + w.min, n + 1));
        sum + spacing * n.saturating_sub(1) as f32
    };
    while need(&kept) > available {
        // The least important column still shown, the rightmost among equals.
        let victim = wants
            .iter()
            .enumerate()
            .filter(|(i, w)| kept.get(*i) == Some(&true) && w.priority != Priority::Always)
            .min_by(|(i, a), (j, b)| a.priority.cmp(&b.priority).then(j.cmp(i)))
            .map(|(i, _)| i);
        match victim.and_then(|i| kept.get_mut(i)) {
            Some(slot) => *slot = false,
            None => break,
        }
    }
    let over = need(&kept) - available;
    if over > 0.0 {
        return squeeze(wants, &kept, over);
    }
    // The width beyond the narrowest goes to the most important columns first.
    let mut widths: Vec<Option<f32>> = wants
        .iter()
        .zip(&kept)
        .map(|(w, &k)| k.then_some(w.min))
        .collect();
    let mut extra = (available - need(&kept)).max(0.0);
    for tier in [
        Priority::Always,
        Priority::High,
        Priority::Normal,
        Priority::Low,
    ] {
        let in_tier = |w: &Want| w.priority == tier;
        let room: f32 = wants
            .iter()
            .zip(&kept)
            .filter(|(w, k)| **k && in_tier(w))
            .map(|(w, _)| (w.pref - w.min).max(0.0))
            .sum();
        if room <= 0.0 {
            continue;
        }
        let share = (extra / room).min(1.0);
        for (width, w) in widths.iter_mut().zip(wants) {
            if let Some(width) = width.as_mut().filter(|_| in_tier(w)) {
                *width += (w.pref - w.min).max(0.0) * share;
            }
        }
        extra -= room * share;
    }
    let growing: f32 = wants
        .iter()
        .zip(&kept)
        .filter(|(w, k)| **k && w.grows)
        .map(|(w, _)| w.pref.max(1.0))
        .sum();
    widths
        .into_iter()
        .zip(wants)
        .map(|(width, w)| {
            width.map(|mut width| {
                if w.grows && growing > 0.0 {
                    width += extra * w.pref.max(1.0) / growing;
                }
                width.floor()
            })
        })
        .collect()
}

/// The widths of the `kept` columns squeezed by `over` points in all: the columns of free text
/// first, down to their floors, then the others (dates, statuses), each column in proportion
/// to how far it is above its floor.
fn squeeze(wants: &[Want], kept: &[bool], over: f32) -> Vec<Option<f32>> {
    let above = |w: &Want| (w.min - w.floor).max(0.0);
    let room = |grows: bool| -> f32 {
        wants
            .iter()
            .zip(kept)
            .filter(|(w, k)| **k && w.grows == grows)
            .map(|(w, _)| above(w))
            .sum()
    };
    let (text_room, other_room) = (room(true), room(false));
    let text_share = if text_room > 0.0 {
        (over / text_room).min(1.0)
    } else {
        0.0
    };
    let rest = (over - text_room * text_share).max(0.0);
    let other_share = if other_room > 0.0 {
        (rest / other_room).min(1.0)
    } else {
        0.0
    };
    wants
        .iter()
        .zip(kept)
        .map(|(w, &k)| {
            let share = if w.grows { text_share } else { other_share };
            k.then(|| (w.min - above(w) * share).floor())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn want(min: f32, pref: f32, grows: bool, priority: Priority) -> Want {
        Want {
            min,
            pref,
            floor: 30.0,
            grows,
            priority,
        }
    }

    /// A table like the accounts': name, tier, two owners, segment, a count, messages.
    fn accounts() -> Vec<Want> {
        use Priority::*;
        vec![
            want(90.0, 200.0, true, Always),
            want(40.0, 40.0, false, High),
            want(110.0, 130.0, false, Always),
            want(130.0, 130.0, false, Always),
            want(80.0, 140.0, true, Normal),
            want(70.0, 70.0, false, Low),
            want(100.0, 200.0, true, Low),
        ]
    }

    fn total(widths: &[Option<f32>], spacing: f32) -> f32 {
        let shown: Vec<f32> = widths.iter().flatten().copied().collect();
        shown.iter().sum::<f32>() + spacing * (shown.len().saturating_sub(1)) as f32
    }

    #[test]
    fn everything_fits_at_its_preferred_width_and_the_text_columns_take_the_rest() {
        let widths = fit(&accounts(), 1200.0, 8.0);
        assert!(widths.iter().all(Option::is_some));
        assert_eq!(
            widths.get(1),
            Some(&Some(40.0)),
            "a fixed column keeps its width"
        );
        assert_eq!(widths.get(5), Some(&Some(70.0)));
        let name = widths.first().copied().flatten().unwrap_or_default();
        assert!(
            name > 200.0,
            "the name grows beyond its preferred width: {name}"
        );
        let used = total(&widths, 8.0);
        assert!(used <= 1200.0 && used > 1190.0, "fills the width: {used}");
    }

    #[test]
    fn short_of_width_the_lowest_priorities_go_first_rightmost_first() {
        // The narrowest widths sum to 620 with 48 of spacing; 600 leaves out the messages.
        let widths = fit(&accounts(), 600.0, 8.0);
        assert_eq!(widths.get(6), Some(&None), "messages go first");
        assert!(
            widths.get(5).is_some_and(Option::is_some),
            "the count stays"
        );
        assert!(total(&widths, 8.0) <= 600.0);

        let widths = fit(&accounts(), 480.0, 8.0);
        assert_eq!(widths.get(5), Some(&None), "then the count");
        assert_eq!(widths.get(4), Some(&None), "then the segment");
        assert!(widths.get(1).is_some_and(Option::is_some), "the tier stays");
        assert!(total(&widths, 8.0) <= 480.0);
    }

    fn shown(widths: &[Option<f32>]) -> Vec<usize> {
        (0..widths.len())
            .filter(|&i| widths.get(i).is_some_and(Option::is_some))
            .collect()
    }

    #[test]
    fn the_columns_that_always_stay_are_squeezed_to_fit_then_to_their_floor() {
        // Name, both owners: 330 at their narrowest, with 16 of spacing.
        let widths = fit(&accounts(), 300.0, 8.0);
        assert_eq!(shown(&widths), vec![0, 2, 3], "name and both owners");
        assert!(total(&widths, 8.0) <= 300.0, "squeezed to fit");
        assert!(widths.iter().flatten().all(|&w| w >= 30.0));
        // Each gives up the same share of what it has above the floor.
        let name = widths.first().copied().flatten().unwrap_or_default();
        let owner = widths.get(3).copied().flatten().unwrap_or_default();
        assert!(owner > name, "the wider stays wider: {owner} > {name}");

        let widths = fit(&accounts(), 50.0, 8.0);
        assert_eq!(shown(&widths), vec![0, 2, 3]);
        assert!(widths.iter().flatten().all(|&w| w == 30.0), "at the floor");
    }

    #[test]
    fn free_text_is_squeezed_before_dates_and_statuses() {
        use Priority::*;
        let wants = [
            want(100.0, 200.0, true, Always),
            want(80.0, 80.0, false, Always),
        ];
        // 40 short: the text gives it all.
        assert_eq!(fit(&wants, 140.0, 0.0), vec![Some(60.0), Some(80.0)]);
        // 100 short: the text is at its floor, the date gives the rest.
        assert_eq!(fit(&wants, 80.0, 0.0), vec![Some(30.0), Some(50.0)]);
    }

    #[test]
    fn a_column_whose_floor_is_its_width_is_not_squeezed() {
        // The user dragged the name column to 200: the owners give way, it does not.
        let mut wants = accounts();
        if let Some(name) = wants.first_mut() {
            *name = Want {
                min: 200.0,
                pref: 200.0,
                floor: 200.0,
                ..*name
            };
        }
        let widths = fit(&wants, 300.0, 8.0);
        assert_eq!(widths.first(), Some(&Some(200.0)));
        assert_eq!(shown(&widths), vec![0, 2, 3]);
    }

    #[test]
    fn the_most_important_columns_reach_their_preferred_width_first() {
        use Priority::*;
        let wants = [
            want(100.0, 200.0, true, Always),
            want(50.0, 150.0, true, Normal),
        ];
        let widths = fit(&wants, 250.0, 0.0);
        assert_eq!(widths, vec![Some(200.0), Some(50.0)]);
        let widths = fit(&wants, 300.0, 0.0);
        assert_eq!(widths, vec![Some(200.0), Some(100.0)]);
    }

    #[test]
    fn between_narrowest_and_preferred_the_columns_share_in_proportion() {
        use Priority::*;
        let wants = [
            want(100.0, 200.0, true, Always),
            want(50.0, 100.0, false, Always),
        ];
        // 75 of the 150 they would like beyond their narrowest: half each.
        let widths = fit(&wants, 225.0, 0.0);
        assert_eq!(widths, vec![Some(150.0), Some(75.0)]);
    }

    #[test]
    fn widths_are_whole_points_and_nothing_is_left_out_of_an_empty_table() {
        assert!(fit(&[], 500.0, 8.0).is_empty());
        let widths = fit(&accounts(), 777.7, 8.0);
        assert!(widths.iter().flatten().all(|w| w.fract() == 0.0));
    }
}
