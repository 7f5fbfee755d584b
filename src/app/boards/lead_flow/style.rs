//! The board's colours: each team's, and those every part of the diagram shares, taken from the
//! theme once a frame.

use crate::model::Team;
use egui::{Color32, Stroke, Visuals};

/// The colour of a team on the board.
pub(super) fn team_color(team: Team) -> Color32 {
    match team {
        Team::Sales => Color32::from_rgb(0x2f, 0x7f, 0xe0),
        Team::Marketing => Color32::from_rgb(0xa0, 0x50, 0xe0),
        Team::Leadership => Color32::from_rgb(0x10, 0xa8, 0x98),
    }
}

/// A team's colour for words on its stage's tinted fill: darker on light themes, lighter on dark.
pub(super) fn team_text(team: Team, dark: bool) -> Color32 {
    let base = team_color(team);
    if dark {
        base.lerp_to_gamma(Color32::WHITE, 0.3)
    } else {
        base.lerp_to_gamma(Color32::BLACK, 0.4)
    }
}

/// Colours and sizes every part of the diagram shares.
pub(super) struct Style {
    /// The diagram's unit, in points.
    pub(super) u: f32,
    pub(super) text: Color32,
    pub(super) weak: Color32,
    pub(super) line: Color32,
    pub(super) panel: Color32,
    pub(super) label_fill: Color32,
    pub(super) hover_fill: Color32,
    pub(super) focus: Stroke,
    pub(super) dark: bool,
}

impl Style {
    /// The colours of `visuals`, at `u` points to the unit.
    pub(super) fn new(visuals: &Visuals, u: f32) -> Style {
        Style {
            u,
            text: visuals.strong_text_color(),
            weak: visuals.weak_text_color(),
            line: visuals.text_color().gamma_multiply(0.8),
            panel: visuals.panel_fill,
            label_fill: visuals.extreme_bg_color,
            hover_fill: visuals.widgets.hovered.bg_fill,
            focus: visuals.selection.stroke,
            dark: visuals.dark_mode,
        }
    }
}
