//! The scorecard's figures: each objective's target against its actual as a bar with its
//! verdict in words, the accounts met per tier, and the meetings and leads in numbers.

use crate::analysis::results::{ObjectiveResult, Results};
use crate::app::widgets::palette;
use crate::model::{Date, Measure, Objective, Plan, human};
use egui::text::LayoutJob;
use egui::{Align, Color32, Layout, Response, RichText, Sense, Stroke, TextStyle, Ui, pos2, vec2};

/// What an objective came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The actual reached the target.
    Met,
    /// The show is over and the actual is below the target.
    Missed,
    /// Below the target while the show still runs.
    NotYet,
    /// The actual is not known.
    Unknown,
    /// Known, with no target to hold it against.
    NoTarget,
}

impl Verdict {
    /// The verdict of `r`, as of `today`.
    pub fn of(r: &ObjectiveResult, plan: &Plan, today: Date) -> Verdict {
        match (r.actual, r.met) {
            (None, _) => Verdict::Unknown,
            (Some(_), None) => Verdict::NoTarget,
            (Some(_), Some(true)) => Verdict::Met,
            (Some(_), Some(false)) if today > plan.event.ends => Verdict::Missed,
            (Some(_), Some(false)) => Verdict::NotYet,
        }
    }

    /// In words, so colour is never alone in saying it.
    pub fn text(self) -> &'static str {
        match self {
            Verdict::Met => "✔ met",
            Verdict::Missed => "✖ missed",
            Verdict::NotYet => "not met yet",
            Verdict::Unknown => "not known yet",
            Verdict::NoTarget => "no target",
        }
    }

    fn color(self, ui: &Ui) -> Color32 {
        match self {
            Verdict::Met => palette::ok(),
            Verdict::Missed => palette::error(),
            Verdict::NotYet => palette::warning(),
            Verdict::Unknown | Verdict::NoTarget => ui.visuals().weak_text_color(),
        }
    }
}

/// "2 of 4 objectives met · 1 missed · 1 not known yet"; empty without objectives.
pub fn verdict_counts(plan: &Plan, results: &Results, today: Date) -> String {
    let verdicts: Vec<Verdict> = results
        .objectives
        .iter()
        .map(|r| Verdict::of(r, plan, today))
        .collect();
    if verdicts.is_empty() {
        return String::new();
    }
    let n = |v: Verdict| verdicts.iter().filter(|&&x| x == v).count();
    let mut parts = vec![format!(
        "{} of {} met",
        n(Verdict::Met),
        human::count(verdicts.len(), "objective")
    )];
    for v in [
        Verdict::Missed,
        Verdict::NotYet,
        Verdict::Unknown,
        Verdict::NoTarget,
    ] {
        let k = n(v);
        if k > 0 {
            parts.push(format!(
                "{k} {}",
                v.text().trim_start_matches(['✔', '✖', ' '])
            ));
        }
    }
    parts.join(" · ")
}

/// A number as the board shows it: thousands grouped, at most one decimal.
fn figure(n: f64) -> String {
    human::number(n, 1)
}

/// The share of `part` in `whole`, rounded down so that a miss never shows as 100%.
fn percent(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| (part / whole * 100.0).floor())
}

/// "845,000 of 1,200,000 EUR · 70%", "82% against 95%", "845,000 EUR", "target 40 meetings".
pub fn objective_figure(o: &Objective, r: &ObjectiveResult) -> String {
    let unit = o.unit.as_deref().unwrap_or("").trim();
    let with_unit = |n: f64| {
        if unit.is_empty() {
            figure(n)
        } else if unit == "%" {
            format!("{}%", figure(n))
        } else {
            format!("{} {unit}", figure(n))
        }
    };
    match (r.actual, o.target) {
        (Some(a), Some(t)) if unit == "%" => format!("{} against {}", with_unit(a), with_unit(t)),
        (Some(a), Some(t)) => match percent(a, t) {
            Some(p) => format!("{} of {} · {}%", figure(a), with_unit(t), figure(p)),
            None => format!("{} of {}", figure(a), with_unit(t)),
        },
        (Some(a), None) => with_unit(a),
        (None, Some(t)) => format!("target {}", with_unit(t)),
        (None, None) => "no target".to_owned(),
    }
}

/// How the actual was found: counted by its measure, typed in, or neither.
pub fn measured_by(plan: &Plan, o: &Objective) -> String {
    match &o.measure {
        Some(Measure::LeadsReaching(stage)) => {
            let name = plan
                .stages
                .iter()
                .find(|s| &s.id == stage)
                .map_or(stage.as_str(), |s| s.name.as_str());
            format!("Counted: leads reaching {name}")
        }
        Some(m) => format!("Counted: {}", m.describe()),
        None if o.actual.is_some() => "Typed in".to_owned(),
        None => "No measure and no actual yet".to_owned(),
    }
}

/// The width of `text` in `style`, on one line.
fn text_width(ui: &Ui, text: &str, style: &TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.painter()
        .layout_no_wrap(text.to_owned(), font, Color32::WHITE)
        .size()
        .x
}

/// A cell `width` wide and `height` high, its content centred vertically, at the right edge
/// when `right`.
fn cell(ui: &mut Ui, width: f32, height: f32, right: bool, add: impl FnOnce(&mut Ui)) {
    let layout = if right {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.allocate_ui_with_layout(vec2(width, height), layout, |ui| {
        ui.set_min_size(vec2(width, height));
        add(ui);
    });
}

/// A bar `width` long, filled to `share` (0 to 1) in `color`; an empty track when unknown.
fn bar_ui(ui: &mut Ui, width: f32, height: f32, share: Option<f64>, color: Color32) -> Response {
    let body = ui.text_style_height(&TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let bar_h = (body * 0.9).round();
    let track = egui::Rect::from_center_size(rect.center(), vec2(width, bar_h));
    let visuals = ui.visuals();
    let radius = bar_h / 3.0;
    let painter = ui.painter();
    painter.rect_filled(track, radius, visuals.extreme_bg_color);
    painter.rect_stroke(
        track,
        radius,
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    if let Some(share) = share {
        let w = track.width() * share.clamp(0.0, 1.0) as f32;
        if w > 0.5 {
            let filled = egui::Rect::from_min_max(track.min, pos2(track.min.x + w, track.max.y));
            painter.rect_filled(filled, radius, color);
        }
    }
    response
}

/// The objectives: name and how measured | bar | figure | verdict, one row each.
pub fn objectives_ui(ui: &mut Ui, plan: &Plan, results: &Results, today: Date) {
    ui.heading("Objectives");
    if plan.objectives.is_empty() {
        ui.label(RichText::new("The plan has no objectives.").weak());
        return;
    }
    let body = ui.text_style_height(&TextStyle::Body);
    let gap = body * 0.8;
    let rows: Vec<(&Objective, &ObjectiveResult, String, String, Verdict)> = plan
        .objectives
        .iter()
        .zip(&results.objectives)
        .map(|(o, r)| {
            (
                o,
                r,
                objective_figure(o, r),
                measured_by(plan, o),
                Verdict::of(r, plan, today),
            )
        })
        .collect();
    let width = ui.available_width();
    // The name beside the bar when the bar keeps a useful length; above it otherwise. How
    // each was measured may be cut short there (its whole text on hover).
    let name_w = rows
        .iter()
        .map(|(o, _, _, _, _)| text_width(ui, &o.name, &TextStyle::Body))
        .fold(0.0, f32::max)
        .min(width * 0.4)
        .ceil();
    let figure_w = rows
        .iter()
        .map(|(_, _, f, _, _)| text_width(ui, f, &TextStyle::Body))
        .fold(0.0, f32::max)
        .ceil();
    let verdict_w = rows
        .iter()
        .map(|(_, _, _, _, v)| text_width(ui, v.text(), &TextStyle::Body))
        .fold(0.0, f32::max)
        .ceil();
    let numbers_w = figure_w + gap + verdict_w;
    let inline = width - name_w - gap - numbers_w - gap >= body * 6.0;
    let track_w = if inline {
        width - name_w - gap - numbers_w - gap
    } else {
        width - numbers_w - gap
    }
    .max(body * 3.0)
    .floor();
    let row_h = (body * 2.0 + ui.spacing().item_spacing.y).ceil();
    for (o, r, fig, how, verdict) in rows {
        let color = verdict.color(ui);
        let share = match (r.actual, o.target) {
            (Some(a), Some(t)) if t > 0.0 => Some(a / t),
            (Some(_), Some(_)) => Some(1.0),
            _ => None,
        };
        let name = RichText::new(&o.name).strong();
        let how_text = RichText::new(how.as_str()).weak();
        let tip = o.metric.as_deref().unwrap_or(&o.name);
        if !inline {
            // Name and how it was measured on one line, the bar below.
            ui.horizontal(|ui| {
                ui.label(name.clone()).on_hover_text(tip);
                ui.add(egui::Label::new(how_text.clone()).truncate())
                    .on_hover_text(how.as_str());
            });
        }
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            if inline {
                ui.allocate_ui_with_layout(
                    vec2(name_w, row_h),
                    Layout::top_down(Align::Min),
                    |ui| {
                        ui.set_min_size(vec2(name_w, row_h));
                        ui.spacing_mut().item_spacing.y = 0.0;
                        ui.add(egui::Label::new(name).truncate()).on_hover_text(tip);
                        ui.add(egui::Label::new(how_text).truncate())
                            .on_hover_text(how.as_str());
                    },
                );
            }
            let height = if inline { row_h } else { body * 1.4 };
            let bar = bar_ui(ui, track_w, height, share, color);
            let label = format!("{}: {fig}, {}", o.name, verdict.text());
            bar.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::ProgressIndicator, true, &label)
            });
            cell(ui, figure_w, height, true, |ui| {
                ui.label(fig.as_str());
            });
            cell(ui, verdict_w, height, false, |ui| {
                ui.label(RichText::new(verdict.text()).color(color).strong());
            });
        });
        if !inline {
            ui.add_space(body * 0.2);
        }
    }
}

/// Accounts met per tier, the meetings by outcome and the leads in numbers.
pub fn outcomes_ui(ui: &mut Ui, results: &Results, after_show: bool) {
    let body = ui.text_style_height(&TextStyle::Body);
    ui.heading("Accounts met");
    tiers_ui(ui, results);
    ui.add_space(body * 0.5);
    ui.heading("Meetings");
    let m = &results.meetings;
    let open_color = if after_show && m.open > 0 {
        Some(palette::warning())
    } else {
        None
    };
    tiles_ui(
        ui,
        &[
            (m.held, "held", Some(palette::ok()).filter(|_| m.held > 0)),
            (
                m.no_show,
                "no-show",
                Some(palette::warning()).filter(|_| m.no_show > 0),
            ),
            (m.cancelled, "cancelled", None),
            (m.declined, "declined", None),
            (m.open, "still open", open_color),
        ],
    );
    ui.add_space(body * 0.5);
    ui.heading("Leads");
    let l = &results.lead_counts;
    tiles_ui(
        ui,
        &[
            (l.total, "in total", None),
            (l.from_accounts, "from target accounts", None),
            (
                l.stuck,
                "stuck",
                Some(palette::error()).filter(|_| l.stuck > 0),
            ),
            (
                l.without_owner,
                "without owner",
                Some(palette::warning()).filter(|_| l.without_owner > 0),
            ),
        ],
    );
}

/// Tier 1 to 3: accounts met of those planned, as bars.
fn tiers_ui(ui: &mut Ui, results: &Results) {
    let body = ui.text_style_height(&TextStyle::Body);
    let gap = body * 0.8;
    let texts: Vec<String> = results
        .tiers
        .iter()
        .map(|t| match percent(t.met as f64, t.planned as f64) {
            Some(p) => format!(
                "{} of {} · {}%",
                human::number(t.met as f64, 0),
                human::number(t.planned as f64, 0),
                figure(p)
            ),
            None => "no accounts".to_owned(),
        })
        .collect();
    let name_w = text_width(ui, "Tier 3", &TextStyle::Body).ceil();
    let figure_w = texts
        .iter()
        .map(|t| text_width(ui, t, &TextStyle::Body))
        .fold(0.0, f32::max)
        .ceil();
    let track_w = (ui.available_width() - name_w - figure_w - 2.0 * gap)
        .max(body * 3.0)
        .floor();
    let row_h = (body * 1.4).round();
    for (i, (t, text)) in results.tiers.iter().zip(texts).enumerate() {
        let tier = i + 1;
        // Tier 1 is the promise; the others are opportunities, in a neutral colour.
        let color = if tier > 1 {
            palette::info()
        } else if t.met == t.planned {
            palette::ok()
        } else if t.met * 2 >= t.planned {
            palette::warning()
        } else {
            palette::error()
        };
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            cell(ui, name_w, row_h, false, |ui| {
                ui.label(format!("Tier {tier}"));
            });
            let share = (t.planned > 0).then(|| t.met as f64 / t.planned as f64);
            let bar = bar_ui(ui, track_w, row_h, share, color);
            let label = format!("Tier {tier} accounts met: {text}");
            bar.widget_info(|| {
                egui::WidgetInfo::labeled(egui::accesskit::Role::ProgressIndicator, true, &label)
            });
            cell(ui, figure_w, row_h, true, |ui| {
                ui.label(text.as_str());
            });
        });
    }
}

/// Figures side by side, each a large number and what it counts ("31 held"), wrapping.
fn tiles_ui(ui: &mut Ui, tiles: &[(usize, &str, Option<Color32>)]) {
    let body = TextStyle::Body.resolve(ui.style());
    let big = egui::FontId::proportional(TextStyle::Heading.resolve(ui.style()).size * 1.3);
    let text_color = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = body.size * 1.4;
        for &(n, what, color) in tiles {
            let mut job = LayoutJob::default();
            let format = |font: egui::FontId, color: Color32| egui::TextFormat {
                font_id: font,
                color,
                valign: Align::BOTTOM,
                ..Default::default()
            };
            job.append(
                &human::number(n as f64, 0),
                0.0,
                format(big.clone(), color.unwrap_or(strong)),
            );
            job.append(
                &format!(" {what}"),
                0.0,
                format(body.clone(), color.unwrap_or(text_color)),
            );
            // A figure never breaks across lines: it moves to the next one whole.
            ui.add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Extend));
        }
    });
}
