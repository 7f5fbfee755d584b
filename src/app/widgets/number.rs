//! Number fields that keep every digit typed. The value applies on Enter or on leaving the field
//! (Tab, a click elsewhere), never mid-typing: applying each digit would change the plan, re-lay
//! out the form around the field and could take the focus, and the next digit with it. Dragging
//! still changes the value as it moves. Thousands are grouped as people read them.

use egui::DragValue;
use egui::emath::Numeric;

/// A number field for `value`, applied when the typing is done, thousands grouped
/// ("250,000"), and read back with or without the commas.
pub fn number<N: Numeric>(value: &mut N) -> DragValue<'_> {
    let decimals = if N::INTEGRAL { 0 } else { 2 };
    DragValue::new(value)
        .update_while_editing(false)
        .custom_formatter(move |n, _| crate::model::human::number(n, decimals))
        .custom_parser(crate::model::human::read_number)
}
