//! The readiness board: how complete the plan is, area by area, as one score, and who owes
//! what among the open gaps.
//!
//! The numbers come from the pure functions of [`crate::readiness`] ([`areas`], [`score`],
//! [`who_owes`]), so they can be tested and repeated in the README; the drawing only shows them.

use crate::app::boards::context::BoardCx;
use crate::app::commands::Command;
use crate::app::widgets::{palette, severity_color};
use crate::check::{Finding, Severity};
use crate::model::Plan;
use egui::{Color32, CursorIcon, RichText, Sense, Stroke, TextStyle, Ui, pos2, vec2};

pub use crate::readiness::*;

fn ok_color() -> Color32 {
    palette::ok()
}

/// Green when done, amber from half way, red below.
fn level_color(percent: f64) -> Color32 {
    if percent >= 99.95 {
        ok_color()
    } else if percent >= 50.0 {
        severity_color(Severity::Warning)
    } else {
        severity_color(Severity::Error)
    }
}

/// Draws the board. Its figures are worked out with the findings, by the checker.
///
/// Laid out to fit one screen at the text size, the presentation canvas (about 1120 by 590
/// points) included: the score and its areas on the left, who owes what on the right, every
/// gap on one line (its whole text on hover).
pub fn readiness_ui(ui: &mut Ui, cx: &mut BoardCx<'_>) {
    let plan: &Plan = cx.plan;
    let (areas, debts) = (&cx.gaps.areas, &cx.gaps.debts);
    let total_score = score(areas);
    let commands = &mut *cx.commands;
    let findings = &cx.gaps.findings;
    egui::ScrollArea::vertical()
        .id_salt("readiness")
        .auto_shrink(false)
        .show(ui, |ui| {
            let width = ui.available_width();
            // Side by side when there is room for both at this text size.
            let body = ui.text_style_height(&TextStyle::Body);
            if width >= body * 50.0 {
                let gap = body * 2.0;
                let left_w = ((width - gap) * 0.55).floor();
                let right_w = width - gap - left_w;
                ui.horizontal_top(|ui| {
                    ui.allocate_ui_with_layout(
                        vec2(left_w, 0.0),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(left_w);
                            score_ui(ui, total_score, areas, commands);
                        },
                    );
                    ui.add_space(gap);
                    ui.allocate_ui_with_layout(
                        vec2(right_w, 0.0),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(right_w);
                            owes_ui(ui, plan, findings, debts, commands);
                        },
                    );
                });
            } else {
                score_ui(ui, total_score, areas, commands);
                ui.add_space(body);
                owes_ui(ui, plan, findings, debts, commands);
            }
        });
}

fn score_ui(ui: &mut Ui, total: Option<f64>, areas: &[Area], commands: &mut Vec<Command>) {
    let body = ui.text_style_height(&TextStyle::Body);
    let heading = TextStyle::Heading.resolve(ui.style()).size;
    ui.heading("Readiness");
    ui.horizontal(|ui| {
        let color = total.map_or(ui.visuals().weak_text_color(), level_color);
        let big = RichText::new(score_text(total))
            .size(heading * 2.6)
            .strong()
            .color(color);
        ui.label(big).on_hover_text(FORMULA);
        ui.vertical(|ui| {
            ui.add_space(heading * 1.1);
            ui.label(RichText::new("/ 100").size(heading));
        });
        ui.add_space(body);
        ui.vertical(|ui| {
            ui.add_space(heading * 0.6);
            let counted = areas.iter().filter(|a| a.total > 0).count();
            let full = areas
                .iter()
                .filter(|a| a.total > 0 && a.done == a.total)
                .count();
            ui.label(format!("{full} of {counted} areas complete"));
            if total.is_none() {
                ui.label("Nothing to do yet: add accounts, messages or tasks.");
            }
        });
    });
    ui.label(FORMULA);
    ui.add_space(body * 0.5);
    areas_ui(ui, areas, commands);
}

/// The columns every area's row shares, measured from the widest text of each: so every bar
/// has one track length.
struct Columns {
    /// Labels left of the bars; `false` puts each label above its bar.
    inline: bool,
    label_w: f32,
    track_w: f32,
    count_w: f32,
    percent_w: f32,
    gap: f32,
}

impl Columns {
    fn measure(ui: &Ui, areas: &[Area]) -> Columns {
        let width = ui.available_width();
        let body = ui.text_style_height(&TextStyle::Body);
        let font = TextStyle::Body.resolve(ui.style());
        let text_w = |s: String| {
            ui.painter()
                .layout_no_wrap(s, font.clone(), Color32::WHITE)
                .size()
                .x
        };
        let label_w = areas
            .iter()
            .map(|a| text_w(a.label.to_owned()))
            .fold(0.0, f32::max);
        let count_w = areas
            .iter()
            .map(|a| {
                text_w(format!(
                    "{} / {}",
                    crate::model::human::number(a.done as f64, 0),
                    crate::model::human::number(a.total as f64, 0)
                ))
            })
            .fold(0.0, f32::max);
        let percent_w = text_w("100%".to_owned());
        let gap = body * 0.6;
        let numbers = gap + count_w + gap + percent_w;
        let inline = label_w + gap + body * 6.0 + numbers <= width;
        let track_w = if inline {
            width - label_w - gap - numbers
        } else {
            width - numbers
        }
        .max(body * 3.0)
        .floor();
        Columns {
            inline,
            label_w,
            track_w,
            count_w,
            percent_w,
            gap,
        }
    }
}

/// Every area as a row: label | bar | done / total | percent.
fn areas_ui(ui: &mut Ui, areas: &[Area], commands: &mut Vec<Command>) {
    let cols = Columns::measure(ui, areas);
    for a in areas {
        area_ui(ui, a, &cols, commands);
    }
}

fn area_ui(ui: &mut Ui, a: &Area, cols: &Columns, commands: &mut Vec<Command>) {
    let body = ui.text_style_height(&TextStyle::Body);
    let font = TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals().clone();
    let row_h = (body * 1.5).round();
    let height = if cols.inline { row_h } else { body + row_h };
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter();
    let pct = a.percent();
    let label_color = if pct.is_some() {
        visuals.strong_text_color()
    } else {
        visuals.weak_text_color()
    };
    let label = painter.layout_no_wrap(a.label.to_owned(), font.clone(), label_color);
    let bar_top = if cols.inline {
        rect.top()
    } else {
        rect.top() + body
    };
    let label_y = if cols.inline {
        rect.center().y - label.size().y / 2.0
    } else {
        rect.top()
    };
    painter.galley(pos2(rect.left(), label_y), label, label_color);
    let track_left = if cols.inline {
        rect.left() + cols.label_w + cols.gap
    } else {
        rect.left()
    };
    let bar_h = (body * 0.9).round();
    let track = egui::Rect::from_min_size(
        pos2(track_left, bar_top + (row_h - bar_h) / 2.0),
        vec2(cols.track_w, bar_h),
    );
    let mid_y = track.center().y;
    let count_right = track.right() + cols.gap + cols.count_w;
    let percent_right = count_right + cols.gap + cols.percent_w;
    match pct {
        Some(pct) => {
            let color = level_color(pct);
            let radius = bar_h / 3.0;
            painter.rect_filled(track, radius, visuals.extreme_bg_color);
            painter.rect_stroke(
                track,
                radius,
                Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
                egui::StrokeKind::Inside,
            );
            let w = track.width() * (pct / 100.0) as f32;
            if w > 0.5 {
                let filled =
                    egui::Rect::from_min_max(track.min, pos2(track.min.x + w, track.max.y));
                painter.rect_filled(filled, radius, color);
            }
            painter.text(
                pos2(count_right, mid_y),
                egui::Align2::RIGHT_CENTER,
                format!(
                    "{} / {}",
                    crate::model::human::number(a.done as f64, 0),
                    crate::model::human::number(a.total as f64, 0)
                ),
                font.clone(),
                visuals.text_color(),
            );
            painter.text(
                pos2(percent_right, mid_y),
                egui::Align2::RIGHT_CENTER,
                format!("{:.0}%", pct.floor()),
                font,
                color,
            );
        }
        None => {
            painter.text(
                pos2(track.left(), mid_y),
                egui::Align2::LEFT_CENTER,
                "nothing to do",
                font,
                visuals.weak_text_color(),
            );
        }
    }
    // The track, for screen readers and tests: its area and how far along it is.
    let bar = ui.interact(
        track,
        ui.make_persistent_id(("readiness-bar", a.label)),
        Sense::hover(),
    );
    let value = pct.map_or_else(
        || "nothing to do".to_owned(),
        |p| format!("{} of {} done, {:.0}%", a.done, a.total, p.floor()),
    );
    bar.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::accesskit::Role::ProgressIndicator,
            true,
            format!("{}: {value}", a.label),
        )
    });
    let r = ui.interact(
        rect,
        ui.make_persistent_id(("readiness-area", a.label)),
        Sense::click(),
    );
    r.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, a.label));
    let r = r
        .on_hover_cursor(CursorIcon::PointingHand)
        .on_hover_ui(|ui| {
            ui.label(RichText::new(a.rule).strong());
            if a.missing.is_empty() {
                ui.label(RichText::new("✔ All done").color(ok_color()));
            } else {
                ui.label(format!("Not yet ({}):", a.missing.len()));
                for m in a.missing.iter().take(12) {
                    ui.label(format!("  {m}"));
                }
                if a.missing.len() > 12 {
                    ui.weak(format!("  and {} more", a.missing.len() - 12));
                }
            }
            ui.weak(format!("Click to go to {}.", a.section.title()));
        });
    if r.clicked() {
        commands.push(Command::GoTo(a.section));
    }
}

fn owes_ui(
    ui: &mut Ui,
    plan: &Plan,
    findings: &[Finding],
    debts: &[TeamDebt],
    commands: &mut Vec<Command>,
) {
    let body = ui.text_style_height(&TextStyle::Body);
    ui.heading("Who owes what");
    ui.label("Open gaps, by the team and the person who can close them. Click one to open it.");
    if debts.is_empty() {
        ui.label(RichText::new("✔ Nobody owes anything: no open gaps.").color(ok_color()));
        return;
    }
    // A short list opens in full; a long one opens person by person.
    let open = debts.iter().map(TeamDebt::count).sum::<usize>() <= 12;
    for debt in debts {
        let n = debt.count();
        ui.add_space(body * 0.3);
        ui.label(
            RichText::new(format!("{} · {n} open", debt.group.title()))
                .strong()
                .color(ui.visuals().strong_text_color()),
        );
        for d in &debt.debtors {
            // The same id the folding header uses, so both follow the person.
            let id = ui.make_persistent_id(("owes", debt.group, &d.person, &d.name));
            crate::app::widgets::lazy_ui(ui, id, |ui| {
                debtor_ui(ui, plan, findings, d, id, open, commands);
            });
        }
    }
}

/// One person (or a team) and the gaps they can close, folding.
fn debtor_ui(
    ui: &mut Ui,
    plan: &Plan,
    findings: &[Finding],
    d: &Debtor,
    id: egui::Id,
    open: bool,
    commands: &mut Vec<Command>,
) {
    let body = TextStyle::Body.resolve(ui.style()).size;
    let worst = d
        .findings
        .iter()
        .filter_map(|&i| findings.get(i))
        .map(|f| f.severity)
        .min()
        .unwrap_or(Severity::Info);
    let label = debtor_text(ui, d, worst, body);
    let role = d
        .person
        .as_deref()
        .and_then(|id| plan.person(id))
        .and_then(|p| p.role.clone());
    let resp = egui::CollapsingHeader::new(label)
        .id_salt(id)
        .default_open(open)
        .show(ui, |ui| {
            for &i in &d.findings {
                let Some(f) = findings.get(i) else { continue };
                finding_ui(ui, f, commands);
            }
        });
    if let Some(role) = role {
        resp.header_response.on_hover_text(role);
    }
}

/// "Name (count)", the count in the colour of the person's most severe gap.
fn debtor_text(ui: &Ui, d: &Debtor, worst: Severity, size: f32) -> egui::text::LayoutJob {
    let font = egui::FontId::proportional(size);
    let mut job = egui::text::LayoutJob::default();
    let format = |color: Color32, italics: bool| egui::TextFormat {
        font_id: font.clone(),
        color,
        italics,
        ..Default::default()
    };
    job.append(
        &d.name,
        0.0,
        format(ui.visuals().strong_text_color(), d.person.is_none()),
    );
    job.append(
        &format!(" ({})", d.findings.len()),
        0.0,
        format(severity_color(worst), false),
    );
    job
}

fn finding_ui(ui: &mut Ui, f: &Finding, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new("⏺").color(severity_color(f.severity)))
            .on_hover_text(f.severity.as_str());
        let text = RichText::new(&f.message).color(ui.visuals().text_color());
        // One line each, so the whole list fits a screen; the whole text on hover.
        let r = ui
            .add(egui::Button::new(text).truncate().frame(false))
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text(format!("{}\n\n{} · click to open", f.message, f.rule));
        if r.clicked() {
            commands.push(Command::Reveal(f.section, f.index, f.rule.rule().field));
        }
    });
}
