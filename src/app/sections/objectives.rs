//! Objectives: what both teams agree success looks like, its target, and who signed off on it.

use crate::analysis::agreement::Signatures;
use crate::analysis::lookup::Lookup;
use crate::analysis::results::ObjectiveResult;
use crate::app::sections::list::{
    Column, EditorCx, ListSection, Priority::*, SortKey, column, position_of,
};
use crate::app::widgets::{self, Choices, Stakes, field_row, palette, warned_row};
use crate::model::fingerprint::Signable;
use crate::model::{Date, Measure, Objective, Plan, Section, Team, human, unique_id};
use egui::Ui;

/// The objectives section.
pub struct Objectives;

/// The teams whose sign-off on `item` still holds: "Sales + Marketing", "Sales only" or
/// "nobody". A sign-off holds when it is not pinned or is pinned to the current text.
pub(super) fn agreed_by<T: Signable>(item: &T, plan: &Plan) -> String {
    let teams: Vec<&str> = Signatures::in_plan(plan, item)
        .teams()
        .into_iter()
        .map(Team::as_str)
        .collect();
    match teams.as_slice() {
        [] => "nobody".to_owned(),
        [one] => format!("{one} only"),
        many => many.join(" + "),
    }
}

/// The sign-offs row of an editor, with a note on which fields the sign-offs pin.
pub(super) fn signoffs_row<T: Signable>(
    ui: &mut Ui,
    item: &mut T,
    pinned: &str,
    choices: &Choices,
    cx: &mut EditorCx<'_>,
) {
    let highlight = cx.highlight == Some("signoffs");
    field_row(ui, "Sign-offs", highlight, |ui, _| {
        ui.vertical(|ui| {
            widgets::signoffs_ui(
                ui,
                item,
                choices,
                cx.derived.trail.history(),
                cx.edits,
                cx.commands,
            );
            ui.add_space(4.0);
            ui.weak(format!(
                "Sign-offs pin the {pinned}: editing them makes pinned sign-offs stale \
                 until re-signed."
            ));
        });
    });
}

/// Every text [`agreed_by`] can show, to size a column by.
pub(super) fn agreement_samples() -> Vec<String> {
    let mut texts = vec!["nobody".to_owned()];
    texts.extend(Team::ALL.map(|t| format!("{t} only")));
    texts.push(Team::ALL.map(|t| t.as_str()).join(" + "));
    texts
}

/// A measured or typed-in actual against the target: met, missed (the show is over and the
/// actual is short), or not yet.
fn verdict(plan: &Plan, lookup: &Lookup, actual: Option<f64>, met: Option<bool>) -> &'static str {
    match (actual, met) {
        (_, Some(true)) => "met",
        (_, Some(false)) if lookup.day() > plan.event.ends => "missed",
        (_, Some(false)) => "not yet",
        (Some(_), None) => "no target",
        (None, _) => "",
    }
}

/// The objective's actual as the table shows it: "845,000 · not yet", or "" when unknown.
fn actual_text(o: &Objective, plan: &Plan, lookup: &Lookup) -> String {
    let Some(r) =
        position_of(&plan.objectives, o).and_then(|i| lookup.results(plan).objectives.get(i))
    else {
        return String::new();
    };
    match r.actual {
        Some(a) => format!(
            "{} · {}",
            human::number(a, 1),
            verdict(plan, lookup, r.actual, r.met)
        ),
        None => String::new(),
    }
}

/// What a measure is called in its picker.
fn measure_name(m: &Measure) -> &'static str {
    match m {
        Measure::MeetingsHeld => "Meetings held",
        Measure::Tier1AccountsMet => "Tier-1 accounts met",
        Measure::Leads => "Leads captured",
        Measure::LeadsReaching(_) => "Leads reaching a stage",
        Measure::Pipeline => "Pipeline of the leads",
    }
}

/// Picks how the plan counts the actual, or none (typed in by hand); for "Leads reaching a
/// stage", the stage too.
fn measure_ui(
    ui: &mut Ui,
    l: egui::Id,
    measure: &mut Option<Measure>,
    stages: &[(String, String)],
    e: &mut widgets::Edits,
) {
    const BY_HAND: &str = "— none: typed in by hand —";
    let before = measure.clone();
    let shown = measure.as_ref().map_or(BY_HAND, measure_name);
    egui::ComboBox::from_id_salt(("measure", l))
        .selected_text(shown)
        .width(widgets::text_width(ui, BY_HAND))
        .show_ui(ui, |ui| {
            ui.selectable_value(measure, None, BY_HAND);
            for kind in Measure::kinds() {
                let chosen = measure.as_ref().map(Measure::key) == Some(kind.key());
                if ui.selectable_label(chosen, measure_name(&kind)).clicked() && !chosen {
                    *measure = Some(match kind {
                        // The first stage of Sales is what "reaching" usually means.
                        Measure::LeadsReaching(_) => Measure::LeadsReaching(
                            stages.first().map(|(id, _)| id.clone()).unwrap_or_default(),
                        ),
                        other => other,
                    });
                }
            }
        })
        .response
        .labelled_by(l);
    if let Some(Measure::LeadsReaching(stage)) = measure {
        ui.horizontal(|ui| {
            let label = ui.label("Stage");
            let shown = stages
                .iter()
                .find(|(id, _)| id == stage)
                .map_or_else(|| format!("{stage}?"), |(_, name)| name.clone());
            egui::ComboBox::from_id_salt(("measure-stage", l))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (id, name) in stages {
                        ui.selectable_value(stage, id.clone(), name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    if *measure != before {
        e.changed = true;
    }
}

fn target_text(o: &Objective) -> String {
    // Grouped as the actual beside it is: "1,800,000 EUR".
    match (o.target, &o.unit) {
        (Some(t), Some(u)) => format!("{} {u}", crate::model::human::number(t, 2)),
        (Some(t), None) => crate::model::human::number(t, 2),
        (None, _) => "—".to_owned(),
    }
}

impl ListSection for Objectives {
    type Item = Objective;
    const SECTION: Section = Section::Objectives;
    const NOUN: &'static str = "objective";

    fn items(plan: &Plan) -> &Vec<Objective> {
        &plan.objectives
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Objective> {
        &mut plan.objectives
    }

    fn columns() -> Vec<Column<Objective>> {
        vec![
            column("Name")
                .priority(Always)
                .chars(12.0, 26.0)
                .text(|o, _, _| o.name.clone()),
            column("Metric")
                .chars(10.0, 30.0)
                .text(|o, _, _| o.metric.clone().unwrap_or_default()),
            column("Target").priority(High).chars(6.0, 14.0).keyed(
                |o, _, _| target_text(o),
                |o, _, _| SortKey::Number(o.target.unwrap_or(f64::NEG_INFINITY)),
            ),
            // After the show the actual is what the room asks about: it stays when room runs out.
            column("Actual")
                .priority(Always)
                .chars(12.0, 18.0)
                .text(actual_text),
            column("Agreed by")
                .priority(Always)
                .widest(agreement_samples)
                .text(|x, p, _| agreed_by(x, p)),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Objective {
        Objective {
            id: unique_id(
                "new objective",
                plan.objectives.iter().map(|o| o.id.as_str()),
            ),
            name: "New objective".into(),
            metric: None,
            target: None,
            unit: None,
            measure: None,
            actual: None,
            signoffs: Vec::new(),
        }
    }

    fn id(item: &Objective) -> &str {
        &item.id
    }

    fn name(item: &Objective) -> String {
        item.name.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let choices = cx.derived.people(plan);
        let lookup = &cx.derived.lookup;
        let measured = lookup.results(plan).objectives.get(index).cloned();
        let verdict = measured
            .as_ref()
            .map(|r| verdict(plan, lookup, r.actual, r.met))
            .unwrap_or_default();
        // Sales stages first: a lead "reaching" a stage usually means reaching Sales.
        let mut stages: Vec<(Team, String, String)> = plan
            .stages
            .iter()
            .map(|s| (s.team, s.id.clone(), s.name.clone()))
            .collect();
        stages.sort_by_key(|(team, _, _)| *team != Team::Sales);
        let stages: Vec<(String, String)> =
            stages.into_iter().map(|(_, id, name)| (id, name)).collect();
        let Some((o, taken)) =
            crate::app::sections::list::edit_item(&mut plan.objectives, index, Self::id)
        else {
            return;
        };
        let hl = cx.highlight;
        let stakes = Stakes::of(&*o, choices);
        widgets::form_ui(ui, |ui| {
            let e = &mut *cx.edits;
            warned_row(
                ui,
                "Name",
                hl == Some("name"),
                stakes.warning("name"),
                |ui, l| widgets::text_ui(ui, l, &mut o.name, e),
            );
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &o.id, &taken) {
                    *cx.rename = Some((o.id.clone(), new));
                }
            });
            let metric = stakes.warning("metric");
            warned_row(ui, "Metric", hl == Some("metric"), metric, |ui, l| {
                widgets::opt_text_ui(ui, l, &mut o.metric, "how it is measured", e);
            });
            let target = stakes.warning("target");
            warned_row(
                ui,
                "Target",
                hl == Some("target"),
                target.clone(),
                |ui, l| {
                    let was = o.target.is_some();
                    let mut set = was;
                    let r = ui.checkbox(&mut set, "Has target");
                    // A click on the box changes the target at once: say what it costs beforehand.
                    let r = match target {
                        Some(w) => r.on_hover_text(w),
                        None => r,
                    };
                    if e.track_value(&r, &was, &set) {
                        o.target = set.then_some(o.target.unwrap_or(0.0));
                    }
                    if let Some(t) = o.target.as_mut() {
                        let before = *t;
                        let speed = (t.abs() * 0.01).max(1.0);
                        let r = ui
                            .add(crate::app::widgets::number(t).speed(speed))
                            .labelled_by(l);
                        e.track_value(&r, &before, t);
                        if let Some(unit) = &o.unit {
                            ui.label(unit);
                        }
                    }
                },
            );
            warned_row(
                ui,
                "Unit",
                hl == Some("unit"),
                stakes.warning("unit"),
                |ui, l| {
                    widgets::opt_text_ui(ui, l, &mut o.unit, "EUR, leads, meetings…", e);
                },
            );
            field_row(ui, "Measure", hl == Some("measure"), |ui, l| {
                measure_ui(ui, l, &mut o.measure, &stages, e);
            });
            field_row(ui, "Actual", hl == Some("actual"), |ui, l| {
                ui.vertical(|ui| actual_ui(ui, l, o, measured.as_ref(), verdict, e));
            });
            signoffs_row(ui, o, "name, metric, target and unit", choices, cx);
        });
    }
}

/// The actual: counted by the measure (shown, not editable), or typed in by hand when there is
/// no measure; then how it stands against the target.
fn actual_ui(
    ui: &mut Ui,
    l: egui::Id,
    o: &mut Objective,
    measured: Option<&ObjectiveResult>,
    verdict: &str,
    e: &mut widgets::Edits,
) {
    let unit = o.unit.clone().map(|u| format!(" {u}")).unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        let counted = o.measure.is_some();
        let was = o.actual.is_some();
        let mut set = was;
        let r = ui
            .add_enabled(!counted, egui::Checkbox::new(&mut set, "Known"))
            .on_disabled_hover_text("The measure counts it");
        if e.track_value(&r, &was, &set) {
            o.actual = set.then_some(o.actual.unwrap_or(0.0));
        }
        match (counted, o.actual.as_mut()) {
            (false, Some(a)) => {
                let before = *a;
                let speed = (a.abs() * 0.01).max(1.0);
                let r = ui.add(widgets::number(a).speed(speed)).labelled_by(l);
                e.track_value(&r, &before, a);
                if !unit.is_empty() {
                    ui.label(unit.trim());
                }
            }
            (true, _) => {
                ui.add_enabled(false, egui::Label::new("counted by the measure"));
            }
            (false, None) => {}
        }
    });
    let Some(actual) = measured.and_then(|r| r.actual) else {
        ui.weak("Not known yet.");
        return;
    };
    let target = o
        .target
        .map(|t| format!(" of {}{unit}", human::number(t, 1)))
        .unwrap_or_default();
    let colour = match verdict {
        "met" => palette::ok(),
        "missed" => palette::error(),
        "not yet" => palette::warning(),
        _ => ui.visuals().text_color(),
    };
    ui.colored_label(
        colour,
        format!("{}{unit}{target}: {verdict}", human::number(actual, 1)),
    );
}
