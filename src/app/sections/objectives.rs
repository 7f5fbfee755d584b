//! Objectives: what both teams agree success looks like, its target, and who signed off on it.

use crate::analysis::agreement::Signatures;
use crate::app::sections::list::{Column, EditorCx, ListSection, Priority::*, SortKey, column};
use crate::app::widgets::{self, Choices, Stakes, field_row, warned_row};
use crate::model::fingerprint::Signable;
use crate::model::{Date, Objective, Plan, Section, Team, unique_id};
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

fn target_text(o: &Objective) -> String {
    match (o.target, &o.unit) {
        (Some(t), Some(u)) => format!("{t} {u}"),
        (Some(t), None) => t.to_string(),
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
            signoffs_row(ui, o, "name, metric, target and unit", choices, cx);
        });
    }
}
