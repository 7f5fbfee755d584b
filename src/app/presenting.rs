//! Presentation mode's size. The whole interface is zoomed, not just its type, so every width
//! (a date field, a table column, a board's boxes) grows with the text it holds and nothing a room
//! must read is cut. The zoom fits a fixed logical canvas to the screen: 1,120 × 630 points, which
//! with the 14-point body text of presentation mode (see `theme`) puts it at 24 pixels on a 1080p
//! projector and at 16 on a 720p one, the same share of the wall. Every view is laid out to be
//! whole on that canvas.

use egui::Vec2;

/// The logical size presentation mode lays out on, in points.
pub const CANVAS: Vec2 = egui::vec2(1120.0, 630.0);

/// The zoom that makes `size` (the window at zoom 1, in points) hold the canvas: never below 1,
/// so a small window keeps normal type.
pub fn fit_zoom(size: Vec2) -> f32 {
    (size.x / CANVAS.x).min(size.y / CANVAS.y).clamp(1.0, 4.0)
}

/// The zoom while presenting: the fit to the screen, times the presenter's A+ / A−.
#[derive(Debug, Clone, PartialEq)]
pub struct PresentZoom {
    /// The zoom that fits the canvas to the window.
    fit: f32,
    /// The presenter's own factor on top of the fit.
    scale: f32,
    /// The window size (points) the fit was worked out from; `None`: work it out again.
    measured: Option<Vec2>,
    /// The size the window should report once the zoom set then takes effect.
    expected: Option<Vec2>,
    /// The zoom in use before presenting, restored after it.
    editing: f32,
}

impl Default for PresentZoom {
    fn default() -> Self {
        PresentZoom {
            fit: 1.0,
            scale: 1.0,
            measured: None,
            expected: None,
            editing: 1.0,
        }
    }
}

impl PresentZoom {
    /// Presenting starts: remember the editing zoom, fit again.
    pub fn start(&mut self, ctx: &egui::Context) {
        self.editing = ctx.zoom_factor();
        self.measured = None;
    }

    /// Presenting stops: the editing zoom comes back.
    pub fn stop(&self, ctx: &egui::Context) {
        ctx.set_zoom_factor(self.editing);
    }

    /// Larger (`steps` > 0) or smaller, by tenths; 0 resets the presenter's factor.
    pub fn adjust(&mut self, steps: i32) {
        self.scale = if steps == 0 {
            1.0
        } else {
            (self.scale * 1.1_f32.powi(steps)).clamp(0.5, 2.0)
        };
    }

    /// Sets the zoom for this frame. The fit is worked out again only when the window really
    /// changed size: a zoom change moves its size in points too, to what was expected (or, where
    /// the size is given in fixed points, as in tests, not at all), and neither counts.
    pub fn apply(&mut self, ctx: &egui::Context) {
        let size = ctx.content_rect().size();
        let near = |other: Option<Vec2>| other.is_some_and(|o| (o - size).length() < 1.0);
        let zoom_now = ctx.zoom_factor();
        if !near(self.measured) && !near(self.expected) {
            self.fit = fit_zoom(size * zoom_now);
            self.measured = Some(size);
        }
        let zoom = self.fit * self.scale;
        if (zoom_now - zoom).abs() > 0.001 {
            ctx.set_zoom_factor(zoom);
            self.expected = Some(size * zoom_now / zoom);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canvas_fills_the_common_projectors() {
        let z = fit_zoom(egui::vec2(1920.0, 1080.0));
        assert!(
            (z * 14.0 - 24.0).abs() < 0.01,
            "1080p body text {}",
            z * 14.0
        );
        let z = fit_zoom(egui::vec2(1280.0, 720.0));
        assert!(
            (z * 14.0 - 16.0).abs() < 0.01,
            "720p body text {}",
            z * 14.0
        );
        // A window smaller than the canvas keeps normal type.
        assert_eq!(fit_zoom(egui::vec2(900.0, 560.0)), 1.0);
        // Wide screens fit by height, tall ones by width.
        assert!((fit_zoom(egui::vec2(2560.0, 1080.0)) - 1080.0 / 630.0).abs() < 0.001);
        assert!((fit_zoom(egui::vec2(1120.0, 1000.0)) - 1.0).abs() < 0.001);
    }

    #[test]
    fn the_presenters_factor_is_bounded_and_resets() {
        let mut z = PresentZoom::default();
        z.adjust(30);
        assert_eq!(z.scale, 2.0);
        z.adjust(-60);
        assert_eq!(z.scale, 0.5);
        z.adjust(0);
        assert_eq!(z.scale, 1.0);
    }
}
