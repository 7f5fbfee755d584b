//! The gaps panel: a message cut to fit shows its whole text once, in one tooltip.

use crate::support::example;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::Workbench;

/// The labels on screen that hold `text`.
fn labels_with(h: &Harness<'static, Workbench>, text: &str) -> Vec<String> {
    h.query_all_by_role(Role::Label)
        .filter_map(|n| n.accesskit_node().value())
        .filter(|v| v.contains(text))
        .collect()
}

#[test]
fn a_cut_message_shows_one_tooltip_with_the_whole_text() {
    let (_dir, mut h) = example();
    // The longest message: cut to three lines in a panel of the default width.
    let message = h
        .state()
        .gaps()
        .findings
        .iter()
        .map(|f| f.message.clone())
        .max_by_key(String::len)
        .expect("the example has gaps");
    let row = h.get_by_label(&message).rect();
    assert_eq!(labels_with(&h, &message).len(), 1, "the row only");
    h.hover_at(row.center());
    // Past the tooltip delay.
    for _ in 0..60 {
        h.step();
    }
    let shown = labels_with(&h, &message);
    assert_eq!(
        shown.len(),
        2,
        "the row and one tooltip, not egui's own for cut text beside ours: {shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with(&message) && t.ends_with("click to open")),
        "the tooltip has the whole message and says what a click does: {shown:#?}"
    );
}
