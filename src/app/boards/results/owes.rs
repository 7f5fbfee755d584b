//! Who owes what after the show: the late and stuck leads grouped by the person who follows
//! each one up, and the handoffs whose leads ran late or got stuck under the person who owns
//! the handoff. Worked out once per revision of the plan (see [`super::ResultsState`]); only the
//! first few leads of each person are drawn, the rest on demand in a list that lays out only the
//! rows in view.

use crate::analysis::results::Results;
use crate::app::commands::Command;
use crate::app::widgets::palette;
use crate::model::{DateTime, Plan, Section, human};
use egui::{CursorIcon, RichText, TextStyle, Ui};
use std::collections::{BTreeMap, BTreeSet};

/// Leads shown under each person before "and N more".
pub const FIRST: usize = 3;

/// What one lead owes.
#[derive(Debug, Clone, PartialEq)]
pub struct Owed {
    /// The lead (index).
    pub lead: usize,
    /// The stage (index) it is stuck at, and when its follow-up was due.
    pub stuck: Option<(Option<usize>, DateTime)>,
    /// Its first late handoff (index, in plan order) with the hours it took, if it took any
    /// late.
    pub late: Option<(usize, f64)>,
}

/// One person (or nobody) and what they owe.
#[derive(Debug, Clone, PartialEq)]
pub struct Debtor {
    /// The person's id; `None` for leads nobody owns.
    pub person: Option<String>,
    /// Their name as people read it ("No owner" for nobody).
    pub name: String,
    /// Handoffs they own that had late or stuck leads (indices, plan order).
    pub handoffs: Vec<usize>,
    /// Their late and stuck leads: the stuck ones first, longest overdue first, then the late
    /// ones in plan order.
    pub leads: Vec<Owed>,
    /// How many of their leads are stuck.
    pub stuck: usize,
    /// How many of their leads took a handoff late.
    pub late: usize,
}

/// Groups the late and stuck leads by their owner, and the troubled handoffs by theirs: the
/// people who owe the most first, then by name. One pass over the measured leads.
pub fn who_owes(plan: &Plan, results: &Results) -> Vec<Debtor> {
    let mut owed: BTreeMap<usize, Owed> = BTreeMap::new();
    for (hi, h) in results.handoffs.iter().enumerate() {
        for t in h.late_leads() {
            let entry = owed.entry(t.lead).or_insert(Owed {
                lead: t.lead,
                stuck: None,
                late: None,
            });
            // The first late handoff in the plan's order, which follows the flow.
            if entry.late.is_none() {
                entry.late = Some((hi, t.hours));
            }
        }
    }
    for (li, r) in results.leads.iter().enumerate() {
        if let Some(due) = r.due {
            owed.entry(li)
                .or_insert(Owed {
                    lead: li,
                    stuck: None,
                    late: None,
                })
                .stuck = Some((r.stuck_at, due));
        }
    }
    let mut groups: BTreeMap<Option<&str>, Debtor> = BTreeMap::new();
    let name_of = |person: Option<&str>| match person {
        Some(id) => plan
            .person(id)
            .map_or_else(|| id.to_owned(), |p| p.name.clone()),
        None => "No owner".to_owned(),
    };
    let debtor = |person: Option<&str>| Debtor {
        person: person.map(str::to_owned),
        name: name_of(person),
        handoffs: Vec::new(),
        leads: Vec::new(),
        stuck: 0,
        late: 0,
    };
    for (_, o) in owed {
        let owner = plan.leads.get(o.lead).and_then(|l| l.owner.as_deref());
        let d = groups.entry(owner).or_insert_with(|| debtor(owner));
        d.stuck += usize::from(o.stuck.is_some());
        d.late += usize::from(o.late.is_some());
        d.leads.push(o);
    }
    for (hi, (h, r)) in plan.handoffs.iter().zip(&results.handoffs).enumerate() {
        if r.late().unwrap_or(0) == 0 && r.stuck.is_empty() {
            continue;
        }
        if let Some(owner) = h.owner.as_deref() {
            groups
                .entry(Some(owner))
                .or_insert_with(|| debtor(Some(owner)))
                .handoffs
                .push(hi);
        }
    }
    let mut list: Vec<Debtor> = groups.into_values().collect();
    for d in &mut list {
        // Stuck first, the longest overdue first; then late, in plan order (stable).
        d.leads
            .sort_by_key(|o| (o.stuck.is_none(), o.stuck.map(|(_, due)| due), o.lead));
    }
    list.sort_by(|a, b| {
        b.leads
            .len()
            .cmp(&a.leads.len())
            .then(b.handoffs.len().cmp(&a.handoffs.len()))
            .then(a.person.is_none().cmp(&b.person.is_none()))
            .then_with(|| a.name.cmp(&b.name))
    });
    list
}

/// A stage's name by index.
fn stage_name(plan: &Plan, stage: Option<usize>) -> String {
    stage
        .and_then(|s| plan.stages.get(s))
        .map_or_else(|| "an unknown stage".to_owned(), |s| s.name.clone())
}

/// A handoff as people read it: "Marketing-qualified lead ➡ Sales-accepted lead".
pub fn handoff_name(plan: &Plan, handoff: usize) -> String {
    let Some(h) = plan.handoffs.get(handoff) else {
        return String::new();
    };
    let name = |id: &str| {
        plan.stages
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    format!("{} ➡ {}", name(&h.from), name(&h.to))
}

/// What a lead owes, in words: "stuck at Marketing-qualified lead, overdue since Sun 21 Mar" or
/// "30 h into Sales-accepted lead, SLA 24 h".
pub fn owed_text(plan: &Plan, o: &Owed) -> String {
    let year = plan.year();
    let mut parts = Vec::new();
    if let Some((stage, due)) = o.stuck {
        parts.push(format!(
            "stuck at {}, overdue since {}",
            stage_name(plan, stage),
            human::date(due.date(), year)
        ));
    }
    if let Some((h, hours)) = o.late
        && let Some(handoff) = plan.handoffs.get(h)
    {
        let to = plan
            .stages
            .iter()
            .find(|s| s.id == handoff.to)
            .map_or_else(|| handoff.to.clone(), |s| s.name.clone());
        let sla = handoff
            .sla_hours
            .map(|s| format!(", SLA {s} h"))
            .unwrap_or_default();
        parts.push(format!("{} h into {to}{sla}", human::number(hours, 1)));
    }
    parts.join("; ")
}

/// The counts beside a person's name: "2 stuck, 1 late", "2 stuck · 1 handoff", "owns 3
/// handoffs with late or stuck leads".
fn counts_text(d: &Debtor) -> String {
    let mut parts = Vec::new();
    if d.stuck > 0 {
        parts.push(format!("{} stuck", human::number(d.stuck as f64, 0)));
    }
    if d.late > 0 {
        parts.push(format!("{} late", human::number(d.late as f64, 0)));
    }
    let handoffs = human::count(d.handoffs.len(), "handoff");
    match (parts.is_empty(), d.handoffs.is_empty()) {
        (true, _) => format!("owns {handoffs} with late or stuck leads"),
        (false, true) => parts.join(", "),
        (false, false) => format!("{} · {handoffs}", parts.join(", ")),
    }
}

/// The counts in a sentence, for the pointer.
fn counts_tip(d: &Debtor) -> String {
    let mut tip = format!(
        "Among the leads {} follows up: {} stuck, {} late on a handoff.",
        if d.person.is_none() {
            "nobody"
        } else {
            &d.name
        },
        human::number(d.stuck as f64, 0),
        human::number(d.late as f64, 0)
    );
    if !d.handoffs.is_empty() {
        tip.push_str(&format!(
            "\nOwns {} whose leads ran late or got stuck.",
            human::count(d.handoffs.len(), "handoff")
        ));
    }
    tip
}

/// The rows a person's list takes when open: their handoffs, their first leads and "and N more".
fn rows(d: &Debtor) -> usize {
    d.handoffs.len() + d.leads.len().min(FIRST) + usize::from(d.leads.len() > FIRST)
}

/// Draws who owes what: a folding entry per person, all open when the whole list is short.
/// `expanded` holds the people whose whole list of leads is open.
pub fn owes_ui(
    ui: &mut Ui,
    plan: &Plan,
    results: &Results,
    debtors: &[Debtor],
    expanded: &mut BTreeSet<Option<String>>,
    commands: &mut Vec<Command>,
) {
    ui.heading("Who owes what");
    if debtors.is_empty() {
        let text = if plan.leads.is_empty() {
            "No leads yet, so nobody owes a follow-up."
        } else {
            "✔ Nobody owes anything: no lead is late or stuck."
        };
        ui.label(RichText::new(text).color(palette::ok()));
        return;
    }
    ui.label("Late and stuck leads, by the person who follows each up. Click a lead to open it.");
    // A short list opens in full; a long one person by person, so every name fits a screen.
    let open = debtors.iter().map(rows).sum::<usize>() <= 10;
    for d in debtors {
        let id = ui.make_persistent_id(("results-owes", &d.person));
        crate::app::widgets::lazy_ui(ui, id, |ui| {
            egui::CollapsingHeader::new(debtor_text(ui, d))
                .id_salt(id)
                .default_open(open)
                .show(ui, |ui| {
                    debtor_ui(ui, plan, results, d, expanded, commands);
                })
                .header_response
                .on_hover_text(counts_tip(d));
        });
    }
}

/// "Name · 2 stuck, 1 late", the counts in the warning colour; "No owner" in italics.
fn debtor_text(ui: &Ui, d: &Debtor) -> egui::text::LayoutJob {
    let font = TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::default();
    let format = |color, italics| egui::TextFormat {
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
    let counts = if d.stuck + d.late > 0 {
        palette::warning()
    } else {
        ui.visuals().text_color()
    };
    job.append(
        &format!(" · {}", counts_text(d)),
        0.0,
        format(counts, false),
    );
    job
}

fn debtor_ui(
    ui: &mut Ui,
    plan: &Plan,
    results: &Results,
    d: &Debtor,
    expanded: &mut BTreeSet<Option<String>>,
    commands: &mut Vec<Command>,
) {
    for &h in &d.handoffs {
        let Some(r) = results.handoffs.get(h) else {
            continue;
        };
        let mut what = Vec::new();
        if let Some(late) = r.late().filter(|&n| n > 0) {
            what.push(format!("{} late", human::number(late as f64, 0)));
        }
        if !r.stuck.is_empty() {
            what.push(format!("{} stuck", human::number(r.stuck.len() as f64, 0)));
        }
        let text = format!("Handoff {}: {}", handoff_name(plan, h), what.join(", "));
        let r = ui
            .add(egui::Button::new(text.as_str()).truncate().frame(false))
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text(format!(
                "{text}\n{} owns this handoff. Click to open it.",
                d.name
            ));
        if r.clicked() {
            commands.push(Command::Reveal(Section::Handoffs, Some(h), None));
        }
    }
    let open = expanded.contains(&d.person);
    if open && d.leads.len() > FIRST {
        // The whole list, laid out only where it is in view: thousands of leads cost what a
        // screenful does.
        let row_h = ui.spacing().interact_size.y;
        let body = ui.text_style_height(&TextStyle::Body);
        egui::ScrollArea::vertical()
            .id_salt(("results-owes-all", &d.person))
            .max_height(body * 12.0)
            .show_rows(ui, row_h, d.leads.len(), |ui, rows| {
                for o in d.leads.get(rows).unwrap_or_default() {
                    owed_ui(ui, plan, o, commands);
                }
            });
    } else {
        for o in d.leads.iter().take(FIRST) {
            owed_ui(ui, plan, o, commands);
        }
    }
    let more = d.leads.len().saturating_sub(FIRST);
    if more > 0 {
        let text = if open {
            "Show fewer".to_owned()
        } else {
            format!("and {} more", human::number(more as f64, 0))
        };
        let r = ui
            .add(egui::Button::new(RichText::new(text).weak()).frame(false))
            .on_hover_cursor(CursorIcon::PointingHand);
        if r.clicked() {
            if open {
                expanded.remove(&d.person);
            } else {
                expanded.insert(d.person.clone());
            }
        }
    }
}

/// One lead: its name, which opens it in Leads, and what it owes.
fn owed_ui(ui: &mut Ui, plan: &Plan, o: &Owed, commands: &mut Vec<Command>) {
    let Some(lead) = plan.leads.get(o.lead) else {
        return;
    };
    ui.horizontal(|ui| {
        let colour = if o.stuck.is_some() {
            palette::error()
        } else {
            palette::warning()
        };
        ui.label(RichText::new("⏺").color(colour));
        let r = ui
            .add(egui::Button::new(RichText::new(&lead.name).strong()).frame(false))
            .on_hover_cursor(CursorIcon::PointingHand)
            .on_hover_text("Open this lead in Leads");
        if r.clicked() {
            commands.push(Command::Reveal(Section::Leads, Some(o.lead), None));
        }
        let text = owed_text(plan, o);
        ui.add(egui::Label::new(text.clone()).truncate())
            .on_hover_text(text);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::results::measure;
    use crate::model::{Date, Handoff, Lead, Person, Reached, Stage, Team};

    fn at(d: u32, h: u32) -> DateTime {
        Date::from_ymd(2027, 4, d).map_or_else(|| unreachable!(), |x| x.at(h, 0))
    }

    /// Leads grouped by owner, stuck ones first; the handoff's owner listed for the handoff.
    #[test]
    fn late_and_stuck_leads_are_grouped_by_their_owner() {
        let day = Date::from_ymd(2027, 4, 13).unwrap_or_else(|| unreachable!());
        let mut p = Plan::empty("Show", day, day);
        p.people = ["raj", "mo"]
            .iter()
            .map(|id| Person {
                id: (*id).into(),
                name: id.to_uppercase(),
                team: Team::Sales,
                role: None,
                email: None,
                max_meetings_per_day: None,
            })
            .collect();
        p.stages = ["visit", "mql", "sal"]
            .iter()
            .map(|id| Stage {
                id: (*id).into(),
                name: id.to_uppercase(),
                team: Team::Marketing,
                entry: *id == "visit",
                terminal: *id == "sal",
                crm_stage: None,
            })
            .collect();
        p.handoffs = vec![Handoff {
            id: "mql-to-sal".into(),
            from: "mql".into(),
            to: "sal".into(),
            trigger: "t".into(),
            owner: Some("mo".into()),
            sla_hours: Some(24),
            signoffs: Vec::new(),
        }];
        let lead = |id: &str, owner: Option<&str>, reached: Vec<(&str, DateTime)>| Lead {
            id: id.into(),
            name: id.into(),
            company: None,
            account: None,
            crm_id: None,
            owner: owner.map(Into::into),
            captured: at(13, 9),
            pipeline: None,
            reached: reached
                .into_iter()
                .map(|(s, at)| Reached {
                    stage: s.into(),
                    at,
                })
                .collect(),
        };
        p.leads = vec![
            lead(
                "late",
                Some("raj"),
                vec![("mql", at(13, 9)), ("sal", at(14, 15))],
            ),
            lead("stuck", Some("raj"), vec![("mql", at(13, 10))]),
            lead(
                "fine",
                Some("raj"),
                vec![("mql", at(13, 9)), ("sal", at(13, 15))],
            ),
            lead("nobody", None, vec![("mql", at(13, 11))]),
        ];
        let r = measure(&p, at(20, 0).date());
        let owes = who_owes(&p, &r);
        let names: Vec<&str> = owes.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["RAJ", "No owner", "MO"]);
        let raj = &owes[0];
        assert_eq!((raj.stuck, raj.late), (1, 1));
        assert_eq!(raj.leads.iter().map(|o| o.lead).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(owed_text(&p, &raj.leads[1]), "30 h into SAL, SLA 24 h");
        assert_eq!(
            owed_text(&p, &raj.leads[0]),
            "stuck at MQL, overdue since Wed 14 Apr"
        );
        assert_eq!(owes[2].handoffs, [0]);
        assert_eq!(
            counts_text(&owes[2]),
            "owns 1 handoff with late or stuck leads"
        );
    }
}
