//! How the message map looks: its colours, the agreement badges, and text cut to fit.

use crate::analysis::agreement::Agreement;
use crate::app::widgets::{palette, severity_color};
use crate::check::Severity;
use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontId, Stroke, Ui};
use std::sync::Arc;

/// The colour of what is covered and agreed.
pub(super) fn ok_color() -> Color32 {
    palette::ok()
}

/// The colour of what no message covers.
pub(super) fn missing_color() -> Color32 {
    severity_color(Severity::Error)
}

/// The badge text of Sales' agreement.
pub(super) fn badge_label(a: Agreement) -> &'static str {
    match a {
        Agreement::Agreed => "✔ agreed",
        Agreement::Stale => "⚠ stale",
        Agreement::NotAgreed => "not agreed",
    }
}

/// The colour of an agreement badge.
pub(super) fn badge_color(a: Agreement) -> Color32 {
    match a {
        Agreement::Agreed => ok_color(),
        Agreement::Stale => severity_color(Severity::Warning),
        Agreement::NotAgreed => severity_color(Severity::Error),
    }
}

/// `word`, with an "s" unless `n` is one.
pub(super) fn plural(word: &str, n: usize) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// One line of text, cut with "…" to `width`.
pub(super) fn line_galley(
    ui: &Ui,
    text: &str,
    font: &FontId,
    color: Color32,
    width: f32,
) -> Arc<egui::Galley> {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font.clone(), color);
    job.wrap = TextWrapping::truncate_at_width(width.max(8.0));
    ui.painter().layout_job(job)
}

/// `text` wrapped in `width`, on at most two lines, the second cut with "…": a headline the
/// room can tell from the others.
pub(super) fn two_line_galley(
    ui: &Ui,
    text: &str,
    font: &FontId,
    color: Color32,
    width: f32,
) -> Arc<egui::Galley> {
    let mut job = LayoutJob::simple(text.to_owned(), font.clone(), color, width.max(8.0));
    job.wrap = TextWrapping {
        max_width: width.max(8.0),
        max_rows: 2,
        break_anywhere: false,
        overflow_character: Some('…'),
    };
    ui.painter().layout_job(job)
}

/// The colours of the matrix, from the theme of this frame.
pub(super) struct Colors {
    /// Text.
    pub text: Color32,
    /// Weak text, and the strong lines between parts.
    pub weak: Color32,
    /// The lines between cells.
    pub grid: Stroke,
    /// The frozen parts' background.
    pub panel: Color32,
    /// Every other row.
    pub stripe: Color32,
    /// The row and the column under the pointer.
    pub hover: Color32,
    /// Links.
    pub link: Color32,
    /// A cell the message lists.
    pub full: Color32,
    /// A cell the message reaches through the account's segment.
    pub light: Color32,
}

impl Colors {
    /// The colours for `ui`.
    pub fn of(ui: &Ui) -> Colors {
        let visuals = ui.visuals();
        Colors {
            text: visuals.text_color(),
            weak: visuals.weak_text_color(),
            grid: Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            panel: visuals.panel_fill,
            stripe: visuals.faint_bg_color,
            hover: visuals.widgets.hovered.weak_bg_fill.gamma_multiply(0.6),
            link: visuals.hyperlink_color,
            full: ok_color(),
            light: ok_color().gamma_multiply(0.35),
        }
    }
}
