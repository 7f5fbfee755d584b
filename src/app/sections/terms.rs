//! Terms: the shared vocabulary, above all the qualified-lead definition, and who agreed to it.

use crate::app::sections::list::{Column, EditorCx, ListSection, Priority::*, column};
use crate::app::sections::objectives::{agreed_by, agreement_samples, signoffs_row};
use crate::app::widgets::{self, Stakes, field_row, palette, warned_row};
use crate::model::{Date, Plan, QUALIFIED_LEAD, Section, Term, unique_id};
use egui::Ui;

/// The terms section.
pub struct Terms;

/// A first definition of a qualified lead, for the teams to rewrite together.
const STARTER_DEFINITION: &str =
    "A lead counts as qualified when … (write the definition both teams agree on)";

impl ListSection for Terms {
    type Item = Term;
    const SECTION: Section = Section::Terms;
    const NOUN: &'static str = "term";

    fn items(plan: &Plan) -> &Vec<Term> {
        &plan.terms
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Term> {
        &mut plan.terms
    }

    fn columns() -> Vec<Column<Term>> {
        vec![
            column("Term")
                .priority(Always)
                .chars(12.0, 22.0)
                .text(|t, _, _| {
                    if t.id == QUALIFIED_LEAD {
                        format!("{}  ★ lead definition", t.term)
                    } else {
                        t.term.clone()
                    }
                }),
            column("Definition")
                .priority(High)
                .chars(16.0, 60.0)
                .text(|t, _, _| t.definition.replace('\n', " ")),
            column("Agreed by")
                .priority(Always)
                .widest(agreement_samples)
                .text(|x, p, _| agreed_by(x, p)),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Term {
        if plan.terms.iter().all(|t| t.id != QUALIFIED_LEAD) {
            return Term {
                id: QUALIFIED_LEAD.to_owned(),
                term: "Qualified lead".into(),
                definition: STARTER_DEFINITION.into(),
                signoffs: Vec::new(),
            };
        }
        Term {
            id: unique_id("new term", plan.terms.iter().map(|t| t.id.as_str())),
            term: "New term".into(),
            definition: String::new(),
            signoffs: Vec::new(),
        }
    }

    fn id(item: &Term) -> &str {
        &item.id
    }

    fn name(item: &Term) -> String {
        item.term.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let choices = cx.derived.people(plan);
        let lead_defined = plan.terms.iter().any(|t| t.id == QUALIFIED_LEAD);
        let Some((t, taken)) =
            crate::app::sections::list::edit_item(&mut plan.terms, index, Self::id)
        else {
            return;
        };
        if t.id == QUALIFIED_LEAD {
            ui.colored_label(palette::ok(), "★ This is the qualified-lead definition.");
            ui.weak(format!(
                "Both teams count leads by it; lead scoring and handoffs rely on it. \
                 Its id, {QUALIFIED_LEAD}, marks it: keep the id."
            ));
            ui.add_space(6.0);
        } else if !lead_defined {
            ui.colored_label(
                palette::warning(),
                "The plan has no qualified-lead definition yet.",
            );
            if ui
                .button("★ Make this the qualified-lead definition")
                .clicked()
            {
                *cx.rename = Some((t.id.clone(), QUALIFIED_LEAD.to_owned()));
            }
            ui.add_space(6.0);
        }
        let hl = cx.highlight;
        let stakes = Stakes::of(&*t, choices);
        widgets::form_ui(ui, |ui| {
            let e = &mut *cx.edits;
            warned_row(
                ui,
                "Term",
                hl == Some("term") || hl == Some("name"),
                stakes.warning("term"),
                |ui, l| widgets::text_ui(ui, l, &mut t.term, e),
            );
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &t.id, &taken) {
                    *cx.rename = Some((t.id.clone(), new));
                }
            });
            let definition = stakes.warning("definition");
            warned_row(
                ui,
                "Definition",
                hl == Some("definition"),
                definition,
                |ui, l| {
                    ui.vertical(|ui| {
                        let r = ui
                            .add(
                                egui::TextEdit::multiline(&mut t.definition)
                                    .hint_text("what it means, in words both teams use")
                                    .desired_rows(4)
                                    .desired_width(f32::INFINITY),
                            )
                            .labelled_by(l);
                        e.track(&r);
                        if t.definition.trim().is_empty() {
                            ui.colored_label(palette::warning(), "A term needs a definition.");
                        }
                    });
                },
            );
            signoffs_row(ui, t, "term and definition", choices, cx);
        });
    }
}
