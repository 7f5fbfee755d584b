//! Colours the workbench uses for meaning, readable on light and dark themes.

use crate::check::Severity;
use egui::Color32;

/// Errors.
pub fn error() -> Color32 {
    crate::app::theme::meaning().error
}

/// Warnings.
pub fn warning() -> Color32 {
    crate::app::theme::meaning().warning
}

/// Information.
pub fn info() -> Color32 {
    crate::app::theme::meaning().info
}

/// Done, agreed, clean.
pub fn ok() -> Color32 {
    crate::app::theme::meaning().ok
}

/// The field a gap points at.
pub fn highlight() -> Color32 {
    crate::app::theme::meaning().highlight
}

/// The colour of a severity.
pub fn severity_color(s: Severity) -> Color32 {
    match s {
        Severity::Error => error(),
        Severity::Warning => warning(),
        Severity::Info => info(),
    }
}
