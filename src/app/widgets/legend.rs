//! One entry of a board's legend: a sample drawn as a shape and its words, in the body text
//! style and the normal text colour, kept together as one piece so a wrapping line never
//! parts a sample from its words.

use egui::{Painter, Rect, Response, Sense, TextStyle, Ui, pos2, vec2};

/// A legend entry: `sample` draws into a box `sample_widths` body lines wide and one high, then
/// `text` follows. Returns the entry's response, for a tooltip.
pub fn legend_item_ui(
    ui: &mut Ui,
    sample_widths: f32,
    text: &str,
    sample: impl FnOnce(&Painter, Rect),
) -> Response {
    let fs = ui.text_style_height(&TextStyle::Body);
    let color = ui.visuals().text_color();
    let galley =
        ui.painter()
            .layout_no_wrap(text.to_owned(), TextStyle::Body.resolve(ui.style()), color);
    let sample_w = sample_widths * fs;
    let gap = if sample_w > 0.0 { fs * 0.4 } else { 0.0 };
    let size = vec2(sample_w + gap + galley.size().x, galley.size().y.max(fs));
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    let swatch = Rect::from_center_size(
        pos2(rect.left() + sample_w / 2.0, rect.center().y),
        vec2(sample_w, fs * 0.9),
    );
    if sample_w > 0.0 {
        sample(ui.painter(), swatch);
    }
    let at = pos2(
        rect.left() + sample_w + gap,
        rect.center().y - galley.size().y / 2.0,
    );
    ui.painter().galley(at, galley, color);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    response
}
