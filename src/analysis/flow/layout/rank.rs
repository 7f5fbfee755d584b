//! Which way each handoff runs on the board and which column each stage sits in: handoffs that
//! close a loop are turned round (found by a depth-first walk from the entry stages, so the
//! flow reads left to right from them), then every stage sits one column right of the furthest
//! stage that hands leads to it (longest-path layering).

/// Which of `edges` (stage it leaves, stage it enters) point back against the flow: those a
/// depth-first walk from `roots` (in that order, then every other stage in index order) finds
/// closing a loop. Handoffs from a stage to itself are not marked; they are drawn on their own.
pub(super) fn back_edges(n: usize, edges: &[(usize, usize)], roots: &[usize]) -> Vec<bool> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (k, &(a, b)) in edges.iter().enumerate() {
        if a != b
            && let Some(list) = out.get_mut(a)
        {
            list.push(k);
        }
    }
    // 0: not seen, 1: on the walk's path, 2: done.
    let mut state = vec![0u8; n];
    let mut back = vec![false; edges.len()];
    for root in roots.iter().copied().chain(0..n) {
        if state.get(root) != Some(&0) {
            continue;
        }
        if let Some(s) = state.get_mut(root) {
            *s = 1;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(top) = stack.last_mut() {
            let (v, i) = *top;
            match out.get(v).and_then(|list| list.get(i)).copied() {
                Some(k) => {
                    top.1 += 1;
                    let Some(&(_, w)) = edges.get(k) else {
                        continue;
                    };
                    match state.get(w) {
                        Some(0) => {
                            if let Some(s) = state.get_mut(w) {
                                *s = 1;
                            }
                            stack.push((w, 0));
                        }
                        Some(1) => {
                            if let Some(b) = back.get_mut(k) {
                                *b = true;
                            }
                        }
                        _ => {}
                    }
                }
                None => {
                    if let Some(s) = state.get_mut(v) {
                        *s = 2;
                    }
                    stack.pop();
                }
            }
        }
    }
    back
}

/// The column of each of `n` stages: one right of the furthest stage that hands leads to it,
/// over `edges` with the `back` ones turned round. A stage nothing leads into that is not
/// `pinned` (an entry stage) moves right to sit just before the first stage it hands to, so its
/// arrows stay short.
pub(super) fn columns(
    n: usize,
    edges: &[(usize, usize)],
    back: &[bool],
    pinned: &[bool],
) -> Vec<usize> {
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for (k, &(a, b)) in edges.iter().enumerate() {
        if a == b {
            continue;
        }
        let (a, b) = if back.get(k).copied().unwrap_or(false) {
            (b, a)
        } else {
            (a, b)
        };
        if let (Some(list), Some(d)) = (succ.get_mut(a), indegree.get_mut(b)) {
            list.push(b);
            *d += 1;
        }
    }
    let sources: Vec<bool> = indegree.iter().map(|&d| d == 0).collect();
    // Kahn's order, smallest index first among the ready, so the result is deterministic.
    let mut column = vec![0usize; n];
    let mut ready: std::collections::BinaryHeap<std::cmp::Reverse<usize>> = (0..n)
        .filter(|&v| indegree.get(v) == Some(&0))
        .map(std::cmp::Reverse)
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(std::cmp::Reverse(v)) = ready.pop() {
        order.push(v);
        let here = column.get(v).copied().unwrap_or(0);
        for &w in succ.get(v).map(Vec::as_slice).unwrap_or_default() {
            if let Some(c) = column.get_mut(w) {
                *c = (*c).max(here + 1);
            }
            if let Some(d) = indegree.get_mut(w) {
                *d -= 1;
                if *d == 0 {
                    ready.push(std::cmp::Reverse(w));
                }
            }
        }
    }
    // Sources that are not entry stages move right, latest first so chains of them follow.
    for &v in order.iter().rev() {
        if !sources.get(v).copied().unwrap_or(false) || pinned.get(v).copied().unwrap_or(false) {
            continue;
        }
        let first = succ
            .get(v)
            .into_iter()
            .flatten()
            .filter_map(|&w| column.get(w).copied())
            .min();
        if let (Some(first), Some(c)) = (first, column.get_mut(v)) {
            *c = first.saturating_sub(1).max(*c);
        }
    }
    column
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loop_is_broken_where_the_walk_from_the_entry_closes_it() {
        // 0 -> 1 -> 2 -> 1: the handoff 2 -> 1 is the one turned round.
        let edges = [(0, 1), (1, 2), (2, 1)];
        let back = back_edges(3, &edges, &[0]);
        assert_eq!(back, vec![false, false, true]);
        assert_eq!(columns(3, &edges, &back, &[true, false, false]), [0, 1, 2]);
    }

    #[test]
    fn stages_sit_right_of_the_furthest_stage_that_leads_in() {
        // 0 -> 1 -> 2 and 0 -> 2: 2 is two columns in, not one.
        let edges = [(0, 1), (1, 2), (0, 2)];
        let back = back_edges(3, &edges, &[0]);
        assert_eq!(back, vec![false; 3]);
        assert_eq!(columns(3, &edges, &back, &[true, false, false]), [0, 1, 2]);
    }

    #[test]
    fn a_source_that_is_not_an_entry_moves_next_to_what_it_feeds() {
        // 0 -> 1 -> 2 -> 3, and 4 (no entry) -> 3.
        let edges = [(0, 1), (1, 2), (2, 3), (4, 3)];
        let back = back_edges(5, &edges, &[0]);
        let pinned = [true, false, false, false, false];
        assert_eq!(columns(5, &edges, &back, &pinned), [0, 1, 2, 3, 2]);
    }
}
