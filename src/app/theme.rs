//! Themes: the everyday dark and light looks, and the high-contrast ones for a projector, with
//! large type in presentation mode. Meaning colours (error, warning, ok...) follow the theme so
//! they stay readable on every background.

use egui::{Color32, Stroke, Visuals};
use std::sync::atomic::{AtomicU8, Ordering};

/// A look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// egui's dark look.
    #[default]
    Dark,
    /// egui's light look.
    Light,
    /// White on black, for projectors and dim rooms.
    HighContrastDark,
    /// Black on white, for projectors in bright rooms.
    HighContrastLight,
}

/// The colours that carry meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meaning {
    /// Errors.
    pub error: Color32,
    /// Warnings.
    pub warning: Color32,
    /// Information.
    pub info: Color32,
    /// Done, agreed, clean.
    pub ok: Color32,
    /// The field a gap points at.
    pub highlight: Color32,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 4] = [
        Theme::Dark,
        Theme::Light,
        Theme::HighContrastDark,
        Theme::HighContrastLight,
    ];

    /// Its name in menus.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Dark => "Dark",
            Theme::Light => "Light",
            Theme::HighContrastDark => "High contrast, dark",
            Theme::HighContrastLight => "High contrast, light",
        }
    }

    /// Whether it is one of the high-contrast themes.
    pub fn is_high_contrast(self) -> bool {
        matches!(self, Theme::HighContrastDark | Theme::HighContrastLight)
    }

    /// Its meaning colours.
    pub fn meaning(self) -> Meaning {
        let rgb = Color32::from_rgb;
        match self {
            Theme::Dark => Meaning {
                error: rgb(0xf0, 0x60, 0x60),
                warning: rgb(0xe8, 0xa0, 0x30),
                info: rgb(0x60, 0xa8, 0xf0),
                ok: rgb(0x50, 0xc0, 0x70),
                highlight: rgb(0xf0, 0xb0, 0x00),
            },
            Theme::Light => Meaning {
                error: rgb(0xc0, 0x20, 0x20),
                warning: rgb(0xa0, 0x60, 0x00),
                info: rgb(0x20, 0x60, 0xb0),
                ok: rgb(0x20, 0x80, 0x40),
                highlight: rgb(0xc0, 0x80, 0x00),
            },
            Theme::HighContrastDark => Meaning {
                error: rgb(0xff, 0xa0, 0xa0),
                warning: rgb(0xff, 0xd0, 0x60),
                info: rgb(0x90, 0xc8, 0xff),
                ok: rgb(0x80, 0xe8, 0x98),
                highlight: rgb(0xff, 0xe0, 0x40),
            },
            Theme::HighContrastLight => Meaning {
                error: rgb(0x8c, 0x00, 0x00),
                warning: rgb(0x5c, 0x38, 0x00),
                info: rgb(0x00, 0x3a, 0x88),
                ok: rgb(0x00, 0x4c, 0x1a),
                highlight: rgb(0x5c, 0x38, 0x00),
            },
        }
    }

    /// Its egui visuals.
    pub fn visuals(self) -> Visuals {
        match self {
            Theme::Dark => Visuals::dark(),
            Theme::Light => Visuals::light(),
            Theme::HighContrastDark => high_contrast(
                Visuals::dark(),
                Color32::BLACK,
                Color32::WHITE,
                Color32::from_gray(0xd8),
            ),
            Theme::HighContrastLight => high_contrast(
                Visuals::light(),
                Color32::WHITE,
                Color32::BLACK,
                Color32::from_gray(0x38),
            ),
        }
    }
}

fn high_contrast(mut v: Visuals, bg: Color32, fg: Color32, weak: Color32) -> Visuals {
    let faint = if bg == Color32::BLACK {
        Color32::from_gray(0x12)
    } else {
        Color32::from_gray(0xf2)
    };
    let control = if bg == Color32::BLACK {
        Color32::from_gray(0x16)
    } else {
        Color32::from_gray(0xf0)
    };
    let hover = if bg == Color32::BLACK {
        Color32::from_gray(0x22)
    } else {
        Color32::from_gray(0xe6)
    };
    v.override_text_color = Some(fg);
    v.weak_text_color = Some(weak);
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    v.faint_bg_color = faint;
    v.code_bg_color = faint;
    v.window_stroke = Stroke::new(2.0, fg);
    v.hyperlink_color = if bg == Color32::BLACK {
        Color32::from_rgb(0x90, 0xc8, 0xff)
    } else {
        Color32::from_rgb(0x00, 0x3a, 0x88)
    };
    v.selection.bg_fill = if bg == Color32::BLACK {
        Color32::from_rgb(0x00, 0x3c, 0x78)
    } else {
        Color32::from_rgb(0xb8, 0xd8, 0xff)
    };
    v.selection.stroke = Stroke::new(2.0, fg);
    for (w, fill) in [
        (&mut v.widgets.noninteractive, bg),
        (&mut v.widgets.inactive, control),
        (&mut v.widgets.hovered, hover),
        (&mut v.widgets.active, hover),
        (&mut v.widgets.open, control),
    ] {
        w.bg_fill = fill;
        w.weak_bg_fill = fill;
        w.fg_stroke = Stroke::new(1.5, fg);
    }
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, weak);
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, weak);
    v.widgets.hovered.bg_stroke = Stroke::new(2.0, fg);
    v.widgets.active.bg_stroke = Stroke::new(2.0, fg);
    v
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The meaning colours of the theme in use.
pub fn meaning() -> Meaning {
    let theme = match CURRENT.load(Ordering::Relaxed) {
        1 => Theme::Light,
        2 => Theme::HighContrastDark,
        3 => Theme::HighContrastLight,
        _ => Theme::Dark,
    };
    theme.meaning()
}

/// Body text in presentation mode, in points before the zoom: with the canvas's zoom it is 24
/// pixels on a 1080p projector, readable from four metres.
pub const PRESENTATION_BODY: f32 = 14.0;

/// Applies `theme`. Presentation mode zooms the whole interface (see `presenting`); its text is
/// a touch larger than egui's 13-point body, so the zoom lands body text on 24 pixels at 1080p,
/// and the spacing stays egui's own.
pub fn apply(ctx: &egui::Context, theme: Theme, presenting: bool) {
    CURRENT.store(
        match theme {
            Theme::Dark => 0,
            Theme::Light => 1,
            Theme::HighContrastDark => 2,
            Theme::HighContrastLight => 3,
        },
        Ordering::Relaxed,
    );
    let visuals = theme.visuals();
    ctx.global_style_mut(|style| {
        style.visuals = visuals.clone();
        let defaults = egui::Style::default();
        style.text_styles = defaults.text_styles;
        if presenting {
            let scale = PRESENTATION_BODY
                / style
                    .text_styles
                    .get(&egui::TextStyle::Body)
                    .map_or(PRESENTATION_BODY, |f| f.size);
            for font in style.text_styles.values_mut() {
                font.size *= scale;
            }
        }
    });
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    fn channel(c: u8) -> f32 {
        let c = f32::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance(c: Color32) -> f32 {
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn high_contrast_text_is_at_least_seven_to_one() {
        for theme in [Theme::HighContrastDark, Theme::HighContrastLight] {
            let v = theme.visuals();
            let m = theme.meaning();
            let texts = [
                ("text", v.override_text_color.unwrap_or(Color32::WHITE)),
                ("weak text", v.weak_text_color.unwrap_or(Color32::WHITE)),
                ("link", v.hyperlink_color),
                ("error", m.error),
                ("warning", m.warning),
                ("info", m.info),
                ("ok", m.ok),
                ("highlight", m.highlight),
            ];
            let backgrounds = [
                ("panel", v.panel_fill),
                ("window", v.window_fill),
                ("faint", v.faint_bg_color),
                ("control", v.widgets.inactive.bg_fill),
                ("hovered", v.widgets.hovered.bg_fill),
            ];
            for (tn, t) in texts {
                for (bn, b) in backgrounds {
                    let c = contrast(t, b);
                    assert!(c >= 7.0, "{theme:?}: {tn} on {bn} is {c:.2}:1");
                }
            }
            let selected = contrast(
                v.override_text_color.unwrap_or(Color32::WHITE),
                v.selection.bg_fill,
            );
            assert!(selected >= 7.0, "{theme:?}: selected text {selected:.2}:1");
        }
    }

    #[test]
    fn contrast_is_wcag() {
        assert!((contrast(Color32::WHITE, Color32::BLACK) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.01);
    }
}
