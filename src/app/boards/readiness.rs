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
            let body = TextStyle::Body.resolve(ui.style()).size;
            if width >= body * 55.0 {
                let gap = 28.0;
                let left_w = ((width - gap) * 0.56).floor();
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
                ui.add_space(24.0);
                owes_ui(ui, plan, findings, debts, commands);
            }
        });
}

fn score_ui(ui: &mut Ui, total: Option<f64>, areas: &[Area], commands: &mut Vec<Command>) {
    let width = ui.available_width();
    let body = TextStyle::Body.resolve(ui.style()).size;
    let heading = TextStyle::Heading.resolve(ui.style()).size;
    ui.add_space(4.0);
    ui.heading("Readiness");
    ui.horizontal(|ui| {
        let color = total.map_or(ui.visuals().weak_text_color(), level_color);
        let big = RichText::new(score_text(total))
            .size(heading * 4.0)
            .strong()
            .color(color);
        ui.label(big).on_hover_text(FORMULA);
        ui.vertical(|ui| {
            ui.add_space(heading * 1.6);
            ui.label(RichText::new("/ 100").size(heading * 1.3).weak());
        });
        ui.add_space(16.0);
        ui.vertical(|ui| {
            ui.add_space(heading * 0.9);
            let counted = areas.iter().filter(|a| a.total > 0).count();
            let full = areas
                .iter()
                .filter(|a| a.total > 0 && a.done == a.total)
                .count();
            ui.label(RichText::new(format!("{full} of {counted} areas complete")).size(body * 1.2));
            if total.is_none() {
                ui.weak("Nothing to do yet: add accounts, messages or tasks.");
            }
        });
    });
    ui.label(RichText::new(FORMULA).weak());
    ui.add_space(body * 1.2);
    for a in areas {
        area_ui(ui, a, width, commands);
        ui.add_space(body * 0.9);
    }
}

fn area_ui(ui: &mut Ui, a: &Area, width: f32, commands: &mut Vec<Command>) {
    let body = TextStyle::Body.resolve(ui.style()).size;
    let big = body * 1.3;
    let weak = ui.visuals().weak_text_color();
    let Some(pct) = a.percent() else {
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(a.label).size(big).color(weak));
            ui.label(
                RichText::new("nothing to do")
                    .size(body * 1.1)
                    .italics()
                    .color(weak),
            );
        });
        return;
    };
    let color = level_color(pct);
    let inner = ui.vertical(|ui| {
        ui.set_width(width);
        ui.label(
            RichText::new(a.label)
                .size(big)
                .color(ui.visuals().strong_text_color()),
        );
        ui.horizontal(|ui| {
            // The numbers sit right of the bar, so a long label never runs into them.
            let font = egui::FontId::proportional(big);
            let mut job = egui::text::LayoutJob::default();
            let format = |color: Color32| egui::TextFormat {
                font_id: font.clone(),
                color,
                ..Default::default()
            };
            job.append(
                &format!("{} / {}", a.done, a.total),
                0.0,
                format(ui.visuals().text_color()),
            );
            job.append(&format!("{:.0}%", pct.floor()), big * 0.8, format(color));
            let numbers_w = ui.painter().layout_job(job.clone()).size().x;
            let height = (body * 1.5).round();
            let bar_w = (width - numbers_w - ui.spacing().item_spacing.x * 2.0).max(body * 4.0);
            let (rect, _) = ui.allocate_exact_size(vec2(bar_w, height), Sense::hover());
            let painter = ui.painter();
            let radius = height / 3.0;
            painter.rect_filled(rect, radius, ui.visuals().extreme_bg_color);
            painter.rect_stroke(
                rect,
                radius,
                Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
                egui::StrokeKind::Inside,
            );
            let w = rect.width() * (pct / 100.0) as f32;
            if w > 0.5 {
                let filled = egui::Rect::from_min_max(rect.min, pos2(rect.min.x + w, rect.max.y));
                painter.rect_filled(filled, radius, color);
            }
            ui.label(job);
        });
    });
    let r = ui.interact(
        inner.response.rect,
        ui.make_persistent_id(("readiness-area", a.label)),
        Sense::click(),
    );
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
    let body = TextStyle::Body.resolve(ui.style()).size;
    ui.add_space(4.0);
    ui.heading("Who owes what");
    ui.weak("Open gaps, by the team and the person who can close them. Click one to open it.");
    ui.add_space(body * 0.6);
    if debts.is_empty() {
        ui.label(
            RichText::new("✔ Nobody owes anything: no open gaps.")
                .size(body * 1.3)
                .color(ok_color()),
        );
        return;
    }
    // A short list opens in full; a long one opens person by person.
    let open = debts.iter().map(TeamDebt::count).sum::<usize>() <= 12;
    for debt in debts {
        let n = debt.count();
        ui.add_space(body * 0.5);
        ui.label(
            RichText::new(format!("{} · {n} open", debt.group.title()))
                .size(body * 1.4)
                .strong(),
        );
        ui.separator();
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
    let label = debtor_text(ui, d, worst, body * 1.15);
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
        let r = ui
            .add(egui::Button::new(text).wrap().frame(false))
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text(format!("{} · click to open", f.rule));
        if r.clicked() {
            commands.push(Command::Reveal(f.section, f.index, f.rule.rule().field));
        }
    });
}
