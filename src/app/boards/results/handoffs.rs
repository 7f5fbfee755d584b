//! Each handoff's SLA against what happened: how many leads took it, the share within the SLA,
//! the median hours, and the leads late on it or stuck before it.

use crate::analysis::results::{HandoffResult, Results};
use crate::app::boards::results::owes::handoff_name;
use crate::app::commands::Command;
use crate::app::widgets::palette;
use crate::model::{Plan, Section, human};
use egui::{Align, Color32, CursorIcon, Layout, RichText, Sense, TextStyle, Ui, vec2};

/// The columns after the handoff's name.
const HEADERS: [&str; 6] = ["SLA", "Taken", "Within SLA", "Median", "Late", "Stuck"];

/// A figure as shown, with a colour when one means something.
type Cell = (String, Option<Color32>);

/// One handoff's figures, in the order of [`HEADERS`].
fn cells(r: &HandoffResult) -> [Cell; 6] {
    let n = |x: usize| human::number(x as f64, 0);
    let taken = r.taken.len();
    let sla = r.sla_hours.map_or_else(
        || "none".to_owned(),
        |h| format!("{} h", n(h.max(0) as usize)),
    );
    let within = match r.within_sla() {
        None => ("no SLA".to_owned(), None),
        Some(_) if taken == 0 => ("–".to_owned(), None),
        Some(w) => {
            let share = (w as f64 / taken as f64 * 100.0).floor();
            let color = if w == taken {
                palette::ok()
            } else if share >= 80.0 {
                palette::warning()
            } else {
                palette::error()
            };
            (
                format!("{} · {}%", n(w), human::number(share, 0)),
                Some(color),
            )
        }
    };
    let median = r
        .median_hours
        .map_or_else(|| "–".to_owned(), |h| format!("{} h", human::number(h, 1)));
    let late = match r.late() {
        None => ("–".to_owned(), None),
        Some(0) => ("0".to_owned(), None),
        Some(k) => (n(k), Some(palette::warning())),
    };
    let stuck = match r.stuck.len() {
        0 => ("0".to_owned(), None),
        k => (n(k), Some(palette::error())),
    };
    [
        (sla, None),
        (n(taken), None),
        within,
        (median, None),
        late,
        stuck,
    ]
}

/// The names of the stages a handoff leaves and enters.
fn stage_names(plan: &Plan, handoff: usize) -> (String, String) {
    let name = |id: &str| {
        plan.stages
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    plan.handoffs
        .get(handoff)
        .map(|h| (name(&h.from), name(&h.to)))
        .unwrap_or_default()
}

fn text_width(ui: &Ui, text: &str) -> f32 {
    let font = TextStyle::Body.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_owned(), font, Color32::WHITE)
        .size()
        .x
}

/// The handoffs as a table, one row each in plan order; a name opens its handoff.
pub fn handoffs_ui(ui: &mut Ui, plan: &Plan, results: &Results, commands: &mut Vec<Command>) {
    ui.heading("Handoffs");
    if plan.handoffs.is_empty() {
        ui.label(RichText::new("The plan has no handoffs.").weak());
        return;
    }
    let body = ui.text_style_height(&TextStyle::Body);
    let gap = (body * 0.6).round();
    let rows: Vec<(usize, String, [Cell; 6])> = results
        .handoffs
        .iter()
        .enumerate()
        .map(|(i, r)| (i, handoff_name(plan, i), cells(r)))
        .collect();
    let mut widths = HEADERS.map(|h| text_width(ui, h));
    for (_, _, cells) in &rows {
        for (w, (text, _)) in widths.iter_mut().zip(cells) {
            *w = w.max(text_width(ui, text));
        }
    }
    let widths = widths.map(f32::ceil);
    let numbers: f32 = widths.iter().sum::<f32>() + gap * widths.len() as f32;
    let name_w = (ui.available_width() - numbers).max(body * 6.0).floor();
    let row_h = ui.spacing().interact_size.y;
    let weak = ui.visuals().weak_text_color();
    let cell = |ui: &mut Ui, width: f32, right: bool, add: &mut dyn FnMut(&mut Ui)| {
        let layout = if right {
            Layout::right_to_left(Align::Center)
        } else {
            Layout::left_to_right(Align::Center)
        };
        ui.allocate_ui_with_layout(vec2(width, row_h), layout, |ui| {
            ui.set_min_size(vec2(width, row_h));
            add(ui);
        })
        .response
    };
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        cell(ui, name_w, false, &mut |ui| {
            ui.label(RichText::new("Handoff").color(weak));
        });
        for (h, w) in HEADERS.iter().zip(widths) {
            cell(ui, w, true, &mut |ui| {
                ui.label(RichText::new(*h).color(weak));
            });
        }
    });
    for (i, name, cells) in rows {
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            let (from, to) = stage_names(plan, i);
            let rect = cell(ui, name_w, false, &mut |ui| {
                // The stage it leads to stays whole when it can: two handoffs out of one stage
                // differ only there. The stage it leaves gives way first.
                let to = format!(" ➡ {to}");
                let from_w = text_width(ui, &from)
                    .min((name_w - text_width(ui, &to)).max(name_w * 0.45))
                    .ceil();
                ui.spacing_mut().item_spacing.x = 0.0;
                ui.allocate_ui_with_layout(
                    vec2(from_w, row_h),
                    Layout::left_to_right(Align::Center),
                    |ui| {
                        ui.set_max_width(from_w);
                        ui.add(egui::Label::new(from.as_str()).truncate().selectable(false));
                    },
                );
                ui.add(egui::Label::new(to).truncate().selectable(false));
            })
            .rect;
            let tip = plan.handoffs.get(i).map(|h| {
                let owner = h
                    .owner
                    .as_deref()
                    .map(|id| plan.person(id).map_or(id, |p| p.name.as_str()))
                    .unwrap_or("nobody yet");
                format!("{name}\n{}\nOwner: {owner}\nClick to open it.", h.trigger)
            });
            let r = ui
                .interact(
                    rect,
                    ui.make_persistent_id(("results-handoff", i)),
                    Sense::click(),
                )
                .on_hover_cursor(CursorIcon::PointingHand)
                .on_hover_text(tip.unwrap_or_default());
            r.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &name));
            if r.clicked() {
                commands.push(Command::Reveal(Section::Handoffs, Some(i), None));
            }
            for ((text, color), w) in cells.iter().zip(widths) {
                cell(ui, w, true, &mut |ui| {
                    let text = RichText::new(text.as_str());
                    ui.label(match color {
                        Some(c) => text.color(*c),
                        None => text,
                    });
                });
            }
        });
    }
}
