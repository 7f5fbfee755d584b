//! Pickers: one person, one item of a list (with a search box when it is long), lists of ids as
//! removable chips, and free text with a searchable list of suggestions beside it.

use crate::app::widgets::choices::{Choice, Choices};
use crate::app::widgets::date::text_width;
use crate::app::widgets::form::{Edits, set_if_changed};
use crate::model::Team;
use egui::{Response, Ui};

/// Picks one person or nobody, people of `prefer`'s team listed first.
pub fn person_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    choices: &Choices,
    prefer: Option<Team>,
    edits: &mut Edits,
) -> Response {
    let shown = match value.as_deref() {
        Some(id) => {
            let team = choices
                .person_team(id)
                .map(|t| format!(" · {t}"))
                .unwrap_or_default();
            format!("{}{team}", choices.person_name(id))
        }
        None => "— nobody —".to_owned(),
    };
    let mut order: Vec<Team> = Team::ALL.to_vec();
    if let Some(p) = prefer {
        order.retain(|t| *t != p);
        order.insert(0, p);
    }
    let mut items: Vec<(Option<String>, String)> = vec![(None, "— nobody —".to_owned())];
    for team in order {
        for p in choices.people.iter().filter(|p| p.team == team) {
            let text = match &p.role {
                Some(role) => format!("{} · {role}", p.name),
                None => p.name.clone(),
            };
            items.push((Some(p.id.clone()), text));
        }
    }
    let before = value.clone();
    let list = ListId::new(ui, label);
    let inner = egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(text_width(ui, "Maximiliane Oberhäuser · Marketing"))
        .height(list_height(ui))
        .show_ui(ui, |ui| keyboard_list_ui(ui, list, &items, value));
    list.forget_when_closed(ui, inner.inner.is_none());
    if let Some(Some(picked)) = inner.inner {
        *value = picked;
    }
    if *value != before {
        edits.changed = true;
    }
    inner.response.labelled_by(label)
}

/// Picks one of `options` (required), with a search box when the list is long.
pub fn choice_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut String,
    options: &[Choice],
    edits: &mut Edits,
) -> Response {
    let shown = options
        .iter()
        .find(|c| c.id == *value)
        .map_or_else(|| format!("{value} (unknown)"), |c| c.label.clone());
    let before = value.clone();
    let items: Vec<(String, String)> = options
        .iter()
        .map(|c| (c.id.clone(), c.label.clone()))
        .collect();
    let list = ListId::new(ui, label);
    let inner = egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(text_width(ui, "Brenner Automotive Components"))
        .height(list_height(ui))
        .show_ui(ui, |ui| keyboard_list_ui(ui, list, &items, value));
    list.forget_when_closed(ui, inner.inner.is_none());
    if let Some(Some(picked)) = inner.inner {
        *value = picked;
    }
    if *value != before {
        edits.changed = true;
    }
    inner.response.labelled_by(label)
}

/// Picks one of `options` or none ("— none —"); the list is made only while it is open, so a
/// plan of thousands of accounts costs nothing while it is closed.
pub fn opt_choice_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    options: &[Choice],
    edits: &mut Edits,
) -> Response {
    const NONE: &str = "— none —";
    let shown = match value.as_deref() {
        Some(id) => options
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| format!("{id} (unknown)"), |c| c.label.clone()),
        None => NONE.to_owned(),
    };
    let before = value.clone();
    let list = ListId::new(ui, label);
    let inner = egui::ComboBox::from_id_salt(label)
        .selected_text(shown)
        .width(text_width(ui, "Brenner Automotive Components"))
        .height(list_height(ui))
        .show_ui(ui, |ui| {
            let items: Vec<(Option<String>, String)> = std::iter::once((None, NONE.to_owned()))
                .chain(
                    options
                        .iter()
                        .map(|c| (Some(c.id.clone()), c.label.clone())),
                )
                .collect();
            keyboard_list_ui(ui, list, &items, value)
        });
    list.forget_when_closed(ui, inner.inner.is_none());
    if let Some(Some(picked)) = inner.inner {
        *value = picked;
    }
    if *value != before {
        edits.changed = true;
    }
    inner.response.labelled_by(label)
}

/// Free text that can also be picked from a long list of `suggestions` (such as every IANA time
/// zone): the text field, typed as any text (empty means absent), and beside it a button that
/// opens the suggestions with a search box (type to narrow, arrows, Enter). `sample` is the
/// widest text the field should show whole.
pub fn suggested_text_ui(
    ui: &mut Ui,
    label: egui::Id,
    value: &mut Option<String>,
    hint: &str,
    sample: &str,
    suggestions: &[String],
    edits: &mut Edits,
) -> Response {
    ui.horizontal(|ui| {
        let mut text = value.clone().unwrap_or_default();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(hint)
                    .desired_width(text_width(ui, sample)),
            )
            .labelled_by(label);
        if field.changed() {
            set_if_changed(value, (!text.trim().is_empty()).then_some(text), edits);
        }
        let button = ui.button("☰").on_hover_text("Pick from the list");
        let list = ListId::new(ui, label.with("suggestions"));
        let current = value.clone().unwrap_or_default();
        let shown = egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .width(text_width(ui, sample) + text_width(ui, "Find  "))
            .show(|ui| {
                let items: Vec<(String, String)> =
                    suggestions.iter().map(|s| (s.clone(), s.clone())).collect();
                keyboard_list_ui(ui, list, &items, &current)
            });
        list.forget_when_closed(ui, shown.is_none());
        if let Some(picked) = shown.and_then(|r| r.inner) {
            set_if_changed(value, Some(picked), edits);
        }
        field
    })
    .inner
}

/// The height of a drop-down list: ten rows of body text and the search box.
fn list_height(ui: &Ui) -> f32 {
    (ui.spacing().interact_size.y + ui.spacing().item_spacing.y) * 11.0
}

/// Where a drop-down keeps its search text, its highlighted row and whether it has opened.
#[derive(Clone, Copy)]
struct ListId(egui::Id);

/// What a drop-down keeps between frames while it is open.
#[derive(Clone, Default)]
struct ListState {
    search: String,
    highlight: usize,
    opened: bool,
}

impl ListId {
    fn new(ui: &Ui, label: egui::Id) -> Self {
        ListId(ui.make_persistent_id(("picker-list", label)))
    }

    /// A closed list starts afresh next time: empty search, focus in it.
    fn forget_when_closed(self, ui: &Ui, closed: bool) {
        if closed {
            ui.data_mut(|d| d.remove::<ListState>(self.0));
        }
    }
}

/// The body of a drop-down: a search box that has the keyboard as the list opens (type to
/// filter; ↑ and ↓ move the highlight; Enter picks it), then the matching rows, only the visible
/// ones laid out. Returns the value picked this frame.
fn keyboard_list_ui<T: Clone + PartialEq>(
    ui: &mut Ui,
    list: ListId,
    items: &[(T, String)],
    current: &T,
) -> Option<T> {
    let mut state: ListState = ui.data_mut(|d| d.get_temp(list.0)).unwrap_or_default();
    // Case, accents and script ignored, as names are compared everywhere.
    let needle = crate::model::fold(&state.search);
    let hits: Vec<&(T, String)> = items
        .iter()
        .filter(|(_, text)| needle.is_empty() || crate::model::fold(text).contains(&needle))
        .collect();
    if !state.opened {
        state.highlight = hits.iter().position(|(v, _)| v == current).unwrap_or(0);
    }
    let (down, up) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
        )
    });
    let moved = down || up;
    if down {
        state.highlight = (state.highlight + 1).min(hits.len().saturating_sub(1));
    }
    if up {
        state.highlight = state.highlight.saturating_sub(1);
    }
    let search = ui
        .horizontal(|ui| {
            let find = ui.label("Find");
            ui.add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text("type to narrow, arrows, Enter")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(find.id)
        })
        .inner;
    if !state.opened {
        search.request_focus();
        state.opened = true;
    }
    if search.changed() {
        state.highlight = 0;
    }
    let mut picked = None;
    if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        picked = hits.get(state.highlight).map(|(v, _)| v.clone());
    }
    let row = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .max_height(row * 10.0)
        .show_rows(ui, row, hits.len(), |ui, range| {
            for i in range {
                let Some((v, text)) = hits.get(i) else {
                    continue;
                };
                let mut r = ui.selectable_label(v == current, text.as_str());
                if i == state.highlight {
                    r = r.highlight();
                    if moved {
                        r.scroll_to_me(None);
                    }
                }
                if r.clicked() {
                    picked = Some(v.clone());
                }
            }
        });
    if hits.is_empty() {
        ui.weak("Nothing matches");
    }
    ui.data_mut(|d| d.insert_temp(list.0, state));
    if picked.is_some() {
        ui.close();
    }
    picked
}

/// A list of ids as removable chips, with a menu to add more.
pub fn multi_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    values: &mut Vec<String>,
    options: &[Choice],
    edits: &mut Edits,
) {
    ui.horizontal_wrapped(|ui| {
        let mut remove = None;
        for (i, v) in values.iter().enumerate() {
            let text = options
                .iter()
                .find(|c| c.id == *v)
                .map_or_else(|| format!("{v} (unknown)"), |c| c.label.clone());
            let chip = ui
                .add(egui::Button::new(format!("{text}  ✖")).small())
                .on_hover_text("Remove");
            if chip.clicked() {
                remove = Some(i);
            }
        }
        if let Some(i) = remove {
            values.remove(i);
            edits.changed = true;
        }
        let rest: Vec<(String, String)> = options
            .iter()
            .filter(|c| !values.contains(&c.id))
            .map(|c| (c.id.clone(), c.label.clone()))
            .collect();
        if !rest.is_empty() {
            let list = ListId::new(ui, label.with("add"));
            let inner = egui::ComboBox::from_id_salt(("add", label))
                .selected_text("+ Add…")
                .width(text_width(ui, "+ Add…"))
                .height(list_height(ui))
                .show_ui(ui, |ui| keyboard_list_ui(ui, list, &rest, &String::new()));
            list.forget_when_closed(ui, inner.inner.is_none());
            inner.response.labelled_by(label);
            if let Some(Some(id)) = inner.inner {
                values.push(id);
                edits.changed = true;
            }
        }
    });
}

/// The people of a meeting: chips with team, and a menu to add more, Sales first.
pub fn people_picker_ui(
    ui: &mut Ui,
    label: egui::Id,
    values: &mut Vec<String>,
    choices: &Choices,
    edits: &mut Edits,
) {
    let options: Vec<Choice> = Team::ALL
        .iter()
        .flat_map(|t| choices.people.iter().filter(move |p| p.team == *t))
        .map(|p| Choice {
            id: p.id.clone(),
            label: format!("{} · {}", p.name, p.team),
        })
        .collect();
    multi_picker_ui(ui, label, values, &options, edits);
}
