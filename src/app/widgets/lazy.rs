//! Work saved between frames: text laid out once and kept while egui's font atlas holds, and
//! items out of view not drawn.

use egui::{Color32, Ui};

/// Text laid out and kept between frames (a table's cells, the schedule's blocks) is only good
/// while egui's font atlas is: when the atlas fills up, egui clears it and lays all text out
/// anew, and kept text would draw the wrong glyphs. This small galley, laid out through egui's
/// cache every frame text is kept, changes exactly then: keep it with the text and compare them
/// with [`std::sync::Arc::ptr_eq`] (holding it on keeps its address from being reused).
pub fn text_generation(ui: &Ui) -> std::sync::Arc<egui::Galley> {
    ui.painter()
        .layout_no_wrap("Ag".to_owned(), egui::FontId::default(), Color32::WHITE)
}

/// Whether `kept`, the [`text_generation`] kept with some laid-out text, is still current; makes
/// it so when not.
pub fn text_still_good(ui: &Ui, kept: &mut Option<std::sync::Arc<egui::Galley>>) -> bool {
    let now = text_generation(ui);
    let good = kept
        .as_ref()
        .is_some_and(|k| std::sync::Arc::ptr_eq(k, &now));
    if !good {
        *kept = Some(now);
    }
    good
}

/// Draws `add_contents` only when the space it took when last drawn is in view, and otherwise
/// just takes that space: a long list of items of differing heights (folding ones too) then
/// costs what is on screen. Items must sit one below another in a top-down layout.
pub fn lazy_ui(ui: &mut Ui, id: egui::Id, add_contents: impl FnOnce(&mut Ui)) {
    let key = id.with("lazy-height");
    let known: Option<f32> = ui.data(|d| d.get_temp(key));
    let top = ui.cursor().top();
    if let Some(height) = known {
        let would = egui::Rect::from_min_size(
            egui::pos2(ui.cursor().left(), top),
            egui::vec2(ui.available_width().max(1.0), height.max(1.0)),
        );
        if !ui.clip_rect().intersects(would) {
            let gap = ui.spacing().item_spacing.y;
            ui.allocate_space(egui::vec2(0.0, (height - gap).max(0.0)));
            return;
        }
    }
    add_contents(ui);
    let height = ui.cursor().top() - top;
    if known != Some(height) {
        ui.data_mut(|d| d.insert_temp(key, height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kept text is found stale when egui lays text out anew (here: new fonts), and only then.
    #[test]
    fn text_generation_changes_when_egui_lays_text_out_anew() {
        let ctx = egui::Context::default();
        let mut kept = None;
        let mut frame = |ctx: &egui::Context| {
            let mut good = false;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                good = text_still_good(ui, &mut kept);
            });
            // No renderer here to upload the font atlas to.
            output.textures_delta.clear();
            good
        };
        assert!(!frame(&ctx), "nothing kept yet");
        assert!(frame(&ctx));
        assert!(frame(&ctx));
        let mut fonts = egui::FontDefinitions::default();
        fonts
            .families
            .insert(egui::FontFamily::Name("probe".into()), Vec::new());
        ctx.set_fonts(fonts);
        assert!(!frame(&ctx), "the fonts changed");
        assert!(frame(&ctx));
    }
}
