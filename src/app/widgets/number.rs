//! Number fields that keep every digit typed. The value applies on Enter or on leaving the field
//! (Tab, a click elsewhere), never mid-typing: applying each digit would change the plan, re-lay
//! out the form around the field and could take the focus, and the next digit with it. Dragging
//! still changes the value as it moves.

use egui::DragValue;
use egui::emath::Numeric;

/// A number field for `value`, applied when the typing is done.
pub fn number<N: Numeric>(value: &mut N) -> DragValue<'_> {
    DragValue::new(value).update_while_editing(false)
}
