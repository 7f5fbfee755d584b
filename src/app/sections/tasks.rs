//! Tasks: the work to do before the show, who does it, by when, and whether it is done.

use crate::app::sections::list::{
    Column, EditorCx, ListSection, Priority::*, SortKey, column, date_samples,
};
use crate::app::sections::people::person_name;
use crate::app::widgets::{self, field_row, palette};
use crate::model::{Date, Plan, Section, Task, unique_id};
use egui::Ui;

/// The tasks section.
pub struct Tasks;

/// A task's due date as its table shows it (and sizes its column by).
/// A due date as the list shows it, leaving out the plan's `year`: "Wed 10 Feb".
fn due_text(due: Option<Date>, year: i32) -> String {
    due.map(|d| crate::model::human::date(d, year))
        .unwrap_or_default()
}

impl ListSection for Tasks {
    type Item = Task;
    const SECTION: Section = Section::Tasks;
    const NOUN: &'static str = "task";

    fn items(plan: &Plan) -> &Vec<Task> {
        &plan.tasks
    }

    fn items_mut(plan: &mut Plan) -> &mut Vec<Task> {
        &mut plan.tasks
    }

    fn columns() -> Vec<Column<Task>> {
        vec![
            column("Title")
                .priority(Always)
                .chars(14.0, 36.0)
                .text(|t, _, _| t.title.clone()),
            column("Owner")
                .priority(Always)
                .chars(10.0, 16.0)
                .text(|t, p, l| person_name(p, l, &t.owner)),
            column("Due")
                .priority(Always)
                .widest(|| date_samples(|moment| due_text(Some(moment.date()), 0)))
                .keyed(
                    |t, p, _| due_text(t.due, p.year()), // ISO dates sort as text; tasks without a date sort last.
                    |t, _, _| {
                        SortKey::Text(t.due.map_or_else(|| "~".to_owned(), |d| d.to_string()))
                    },
                ),
            column("Done")
                .priority(Always)
                .widest(|| vec!["✔".to_owned()])
                .text(|t, _, _| {
                    if t.done {
                        "✔".to_owned()
                    } else {
                        String::new()
                    }
                }),
        ]
    }

    fn new_item(plan: &Plan, _today: Date) -> Task {
        Task {
            id: unique_id("new task", plan.tasks.iter().map(|t| t.id.as_str())),
            title: "New task".into(),
            owner: None,
            due: None,
            done: false,
        }
    }

    fn id(item: &Task) -> &str {
        &item.id
    }

    fn name(item: &Task) -> String {
        item.title.clone()
    }

    fn editor_ui(ui: &mut Ui, plan: &mut Plan, index: usize, cx: &mut EditorCx<'_>) {
        let choices = cx.derived.people(plan);
        let Some((t, taken)) =
            crate::app::sections::list::edit_item(&mut plan.tasks, index, Self::id)
        else {
            return;
        };
        let hl = cx.highlight;
        let today = cx.today;
        let e = &mut *cx.edits;
        widgets::form_ui(ui, |ui| {
            field_row(
                ui,
                "Title",
                hl == Some("title") || hl == Some("name"),
                |ui, l| widgets::text_ui(ui, l, &mut t.title, e),
            );
            field_row(ui, "Id", hl == Some("id"), |ui, l| {
                if let Some(new) = widgets::id_ui(ui, l, &t.id, &taken) {
                    *cx.rename = Some((t.id.clone(), new));
                }
            });
            field_row(ui, "Owner", hl == Some("owner"), |ui, l| {
                widgets::person_picker_ui(ui, l, &mut t.owner, choices, None, e);
            });
            field_row(ui, "Due", hl == Some("due"), |ui, l| {
                widgets::opt_date_ui(ui, l, &mut t.due, e);
                match t.due {
                    Some(due) if !t.done && due < today => {
                        let late = due.days_until(today);
                        let days = crate::app::sections::list::plural(
                            "day",
                            usize::try_from(late).unwrap_or(0),
                        );
                        ui.colored_label(palette::error(), format!("overdue by {late} {days}"));
                    }
                    Some(due) if !t.done => {
                        ui.weak(match today.days_until(due) {
                            0 => "due today".to_owned(),
                            n => format!(
                                "in {n} {}",
                                crate::app::sections::list::plural(
                                    "day",
                                    usize::try_from(n).unwrap_or(0)
                                )
                            ),
                        });
                    }
                    Some(_) => {}
                    None => {
                        ui.weak("YYYY-MM-DD, or empty for no date");
                    }
                }
            });
            field_row(ui, "Status", hl == Some("done"), |ui, _| {
                let r = ui.checkbox(&mut t.done, "Done");
                e.track(&r);
            });
        });
    }
}
