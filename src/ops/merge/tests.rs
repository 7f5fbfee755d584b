//! Tests of the three-way merge: fields, items, conflicts and their markers.
use super::*;
use crate::format;
use crate::model::{Account, Scoring, Signal};

/// The merge written as text, as a conflicted merge is, whether or not it conflicts.
fn merged_text(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    markers: &Markers,
) -> (String, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    let base = BaseRef::whole(base);
    let picks = Picks::decide(base, ours, theirs, &mut conflicts);
    (
        render::render(&picks, base, ours, theirs, markers),
        conflicts,
    )
}

fn example() -> Plan {
    format::parse(crate::EXAMPLE_PLAN)
        .expect("example loads")
        .plan
}

fn small() -> Plan {
    format::parse(include_str!("../../../tests/fixtures/app/plan.ron"))
        .expect("fixture loads")
        .plan
}

fn clean(base: &Plan, ours: &Plan, theirs: &Plan) -> Plan {
    match merge(base, ours, theirs) {
        Merge::Clean(plan) => *plan,
        Merge::Conflicted { text, conflicts } => panic!("conflicts {conflicts:#?}\n{text}"),
    }
}

fn conflicted(base: &Plan, ours: &Plan, theirs: &Plan) -> (String, Vec<Conflict>) {
    match merge(base, ours, theirs) {
        Merge::Clean(plan) => panic!("merged cleanly: {}", format::to_string(&plan)),
        Merge::Conflicted { text, conflicts } => (text, conflicts),
    }
}

fn account(id: &str, name: &str) -> Account {
    Account {
        id: id.into(),
        name: name.into(),
        tier: 2,
        owner: None,
        marketing_owner: None,
        segment: None,
        messages: Vec::new(),
        notes: None,
        crm_id: None,
    }
}

fn ids(plan: &Plan, section: Section) -> Vec<&str> {
    plan.ids(section)
}

/// Keeps one side of every conflict, as a person resolving it would.
fn resolve(text: &str, keep: Side) -> String {
    let mut out = String::new();
    let mut side = None;
    for line in text.lines() {
        if line == MARKER_OURS {
            side = Some(Side::Ours);
        } else if line == MARKER_SEPARATOR && side.is_some() {
            side = Some(Side::Theirs);
        } else if line == MARKER_THEIRS {
            side = None;
        } else if side.is_none() || side == Some(keep) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_layout_is_the_canonical_writers() {
    for plan in [
        example(),
        small(),
        format::parse(include_str!("../../../tests/fixtures/spec-example.ron"))
            .expect("spec example loads")
            .plan,
    ] {
        let (text, conflicts) = merged_text(&plan, &plan, &plan, &Markers::default());
        assert!(conflicts.is_empty());
        assert_eq!(text, format::to_string(&plan));
        assert_eq!(clean(&plan, &plan, &plan), plan);
    }
}

#[test]
fn edits_to_different_items_merge() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts[0].notes = Some("Ours".into());
    theirs.accounts[1].notes = Some("Theirs".into());
    theirs.meetings[0].minutes = 45;
    let merged = clean(&base, &ours, &theirs);
    let mut expected = ours.clone();
    expected.accounts[1].notes = Some("Theirs".into());
    expected.meetings[0].minutes = 45;
    assert_eq!(merged, expected);
}

#[test]
fn edits_to_different_fields_of_one_item_merge() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts[0].owner = Some("bo".into());
    theirs.accounts[0].notes = Some("Call first".into());
    theirs.accounts[0].messages.clear();
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(merged.accounts[0].owner.as_deref(), Some("bo"));
    assert_eq!(merged.accounts[0].notes.as_deref(), Some("Call first"));
    assert!(merged.accounts[0].messages.is_empty());
}

#[test]
fn the_same_change_on_both_sides_merges() {
    let base = small();
    let mut ours = base.clone();
    ours.accounts[1].owner = Some("bo".into());
    ours.meetings.clear();
    let merged = clean(&base, &ours, &ours.clone());
    assert_eq!(merged, ours);
}

#[test]
fn additions_on_both_sides_merge_after_their_predecessor() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts.push(account("ours-new", "Ours"));
    theirs.accounts.insert(1, account("theirs-new", "Theirs"));
    theirs.accounts.insert(0, account("theirs-first", "First"));
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(
        ids(&merged, Section::Accounts),
        ["theirs-first", "acme", "theirs-new", "beta", "ours-new"]
    );
    // Merging the other way round follows the other side's order, just as deterministically.
    let merged = clean(&base, &theirs, &ours);
    assert_eq!(
        ids(&merged, Section::Accounts),
        ["theirs-first", "acme", "theirs-new", "beta", "ours-new"]
    );
}

#[test]
fn the_same_item_added_identically_on_both_sides_merges_once() {
    let base = small();
    let mut ours = base.clone();
    ours.accounts.push(account("gamma", "Gamma"));
    let merged = clean(&base, &ours, &ours.clone());
    assert_eq!(ids(&merged, Section::Accounts), ["acme", "beta", "gamma"]);
}

#[test]
fn deleting_an_untouched_item_merges() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts.remove(1);
    theirs.people[0].role = None;
    theirs.meetings.clear();
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(ids(&merged, Section::Accounts), ["acme"]);
    assert!(merged.meetings.is_empty());
    assert_eq!(merged.people[0].role, None);
}

#[test]
fn reorders_merge() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    theirs.people.reverse();
    ours.people[0].role = Some("Lead".into());
    ours.people.push(crate::model::Person {
        id: "zoe".into(),
        name: "Zoe".into(),
        team: crate::model::Team::Leadership,
        role: None,
        email: None,
        max_meetings_per_day: None,
    });
    let merged = clean(&base, &ours, &theirs);
    // Only they reordered, so their order wins; our new person follows "mo" as on our side.
    assert_eq!(ids(&merged, Section::People), ["mo", "zoe", "bo", "ana"]);
    assert_eq!(merged.people[3].role.as_deref(), Some("Lead"));
    // Both reordered: ours wins.
    let mut ours2 = base.clone();
    ours2.people.swap(0, 1);
    let merged = clean(&base, &ours2, &theirs);
    assert_eq!(ids(&merged, Section::People), ["bo", "ana", "mo"]);
}

#[test]
fn single_items_merge() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.event.venue = Some("Hall 3".into());
    theirs.event.booth = Some("3B-40".into());
    theirs.scoring = Some(Scoring {
        threshold: 60,
        signals: vec![Signal {
            signal: "Budget".into(),
            points: 60,
        }],
        signoffs: Vec::new(),
    });
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(merged.event.venue.as_deref(), Some("Hall 3"));
    assert_eq!(merged.event.booth.as_deref(), Some("3B-40"));
    assert_eq!(merged.scoring, theirs.scoring);
    // Scoring removed on one side, untouched on the other.
    let merged = clean(&theirs, &theirs, &base);
    assert_eq!(merged.scoring, None);
}

#[test]
fn a_field_changed_two_ways_conflicts_and_keeps_both_values() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts[0].owner = Some("bo".into());
    theirs.accounts[0].owner = None;
    ours.accounts[0].notes = Some("Ours".into());
    theirs.accounts[0].notes = Some("Theirs".into());
    theirs.accounts[0].tier = 2; // a clean change beside the conflict
    ours.accounts[1].tier = 3; // and elsewhere
    let (text, conflicts) = conflicted(&base, &ours, &theirs);
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(
        (conflicts[0].section, conflicts[0].id.as_str()),
        (Section::Accounts, "acme")
    );
    let ConflictKind::Fields(fields) = &conflicts[0].kind else {
        panic!("field conflict")
    };
    let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["owner", "notes"]);
    assert_eq!(fields[0].base.as_deref(), Some("\"ana\""));
    assert_eq!(fields[0].theirs, None);
    let message = conflicts[0].to_string();
    assert!(
        message.contains("accounts/acme") && message.contains("\"bo\""),
        "{message}"
    );
    assert!(text.contains("<<<<<<< ours\n"), "{text}");
    assert!(text.contains("            notes: \"Ours\",\n"), "{text}");
    assert!(text.contains("            notes: \"Theirs\",\n"), "{text}");
    // `owner` and `notes` are not next to each other: two runs of markers.
    assert_eq!(text.matches(MARKER_OURS).count(), 2, "{text}");
    let err = format::parse(&text).expect_err("markers do not parse");
    assert!(err.message.contains("<<<<<<<"), "{err}");
    assert_eq!(err.pos.map(|p| p.column), Some(1));
    // Resolving either way gives a plan with the clean changes kept.
    let theirs_won = format::parse(&resolve(&text, Side::Theirs))
        .expect("resolved")
        .plan;
    assert_eq!(theirs_won.accounts[0].owner, None);
    assert_eq!(theirs_won.accounts[0].notes.as_deref(), Some("Theirs"));
    assert_eq!(theirs_won.accounts[0].tier, 2);
    assert_eq!(theirs_won.accounts[1].tier, 3);
    let ours_won = format::parse(&resolve(&text, Side::Ours))
        .expect("resolved")
        .plan;
    assert_eq!(ours_won.accounts[0].owner.as_deref(), Some("bo"));
}

#[test]
fn an_item_edited_on_one_side_and_deleted_on_the_other_conflicts() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.meetings[0].minutes = 30;
    theirs.meetings.clear();
    let (text, conflicts) = conflicted(&base, &ours, &theirs);
    assert_eq!(
        conflicts,
        [Conflict {
            section: Section::Meetings,
            id: "acme-demo".into(),
            kind: ConflictKind::EditedAndDeleted {
                deleted_by: Side::Theirs
            },
        }]
    );
    assert!(
        conflicts[0]
            .to_string()
            .contains("edited on ours but deleted on theirs")
    );
    assert!(text.contains("minutes: 30"), "{text}");
    assert!(text.contains("=======\n>>>>>>> theirs\n"), "{text}");
    assert!(format::parse(&text).is_err());
    let kept = format::parse(&resolve(&text, Side::Ours))
        .expect("resolved")
        .plan;
    assert_eq!(kept.meetings[0].minutes, 30);
    let dropped = format::parse(&resolve(&text, Side::Theirs))
        .expect("resolved")
        .plan;
    assert!(dropped.meetings.is_empty());

    // The other way round, and for a single item.
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let mut with_scoring = base.clone();
    with_scoring.scoring = Some(Scoring {
        threshold: 10,
        signals: Vec::new(),
        signoffs: Vec::new(),
    });
    ours.scoring = None;
    theirs.scoring = Some(Scoring {
        threshold: 20,
        signals: Vec::new(),
        signoffs: Vec::new(),
    });
    let (_, conflicts) = conflicted(&with_scoring, &ours, &theirs);
    assert_eq!(
        conflicts[0].kind,
        ConflictKind::EditedAndDeleted {
            deleted_by: Side::Ours
        }
    );
}

#[test]
fn one_id_added_differently_conflicts() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts.push(account("gamma", "Gamma Ours"));
    theirs.accounts.push(account("gamma", "Gamma Theirs"));
    let (text, conflicts) = conflicted(&base, &ours, &theirs);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].kind, ConflictKind::AddedDifferently);
    assert!(text.contains("Gamma Ours") && text.contains("Gamma Theirs"));
    let resolved = format::parse(&resolve(&text, Side::Theirs))
        .expect("resolved")
        .plan;
    assert_eq!(ids(&resolved, Section::Accounts), ["acme", "beta", "gamma"]);
    assert_eq!(resolved.accounts[2].name, "Gamma Theirs");
}

#[test]
fn markers_carry_labels_their_length_and_the_base_in_diff3_style() {
    let base = small();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts[0].notes = Some("Ours".into());
    theirs.accounts[0].notes = Some("Theirs".into());
    ours.meetings[0].minutes = 30;
    theirs.meetings.clear();
    let markers = Markers {
        size: 9,
        ours: "HEAD".into(),
        base: "merged common\nancestors".into(),
        theirs: "feature-x".into(),
        diff3: true,
    };
    let Merge::Conflicted { text, conflicts } = merge_marked(&base, &ours, &theirs, &markers)
    else {
        panic!("conflicts")
    };
    assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
    // The field conflict: the base value (none) between `|||||||` and `=======`.
    assert!(
        text.contains(
            "<<<<<<<<< HEAD\n            notes: \"Ours\",\n||||||||| merged common ancestors\n\
             =========\n            notes: \"Theirs\",\n>>>>>>>>> feature-x\n"
        ),
        "{text}"
    );
    // The item edited on one side and deleted on the other: the base item in full.
    let base_minutes = format!("            minutes: {},\n", base.meetings[0].minutes);
    let after_base = text
        .split("||||||||| merged common ancestors\n")
        .nth(2)
        .expect("a second base section");
    let (base_section, rest) = after_base.split_once("=========\n").expect("separator");
    assert!(base_section.contains(&base_minutes), "{text}");
    assert!(rest.starts_with(">>>>>>>>> feature-x\n"), "{text}");
    // The reader still names the first marker.
    let err = format::parse(&text).expect_err("markers do not parse");
    assert!(err.message.contains("unresolved merge conflict"), "{err}");

    // Without diff3 there is no base section; a shorter size than git's default is not
    // written, so the reader always recognises the markers.
    let plain = Markers {
        size: 3,
        diff3: false,
        ..markers
    };
    let Merge::Conflicted { text, .. } = merge_marked(&base, &ours, &theirs, &plain) else {
        panic!("conflicts")
    };
    assert!(!text.contains("|||"), "{text}");
    assert!(text.contains("\n<<<<<<< HEAD\n"), "{text}");
    assert!(text.contains("\n>>>>>>> feature-x\n"), "{text}");
}

#[test]
fn lists_are_shown_on_one_line() {
    assert_eq!(one_line("[\n\"a\",\n\"b,\""), "[\"a\", \"b,\"]");
    assert_eq!(one_line("[\n\"a\",\n\"b,\",\n]"), "[\"a\", \"b,\"]");
    assert_eq!(one_line("\"x\""), "\"x\"");
}

#[test]
fn a_move_plus_an_edit_merges() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let moved = ours.accounts.remove(0);
    ours.accounts.push(moved);
    theirs.accounts[0].owner = None;
    theirs.accounts[0].notes = Some("Edited while it moved".into());
    let merged = clean(&base, &ours, &theirs);
    let mut expected = ours.clone();
    if let Some(last) = expected.accounts.last_mut() {
        last.owner = None;
        last.notes = Some("Edited while it moved".into());
    }
    assert_eq!(merged, expected);
}

#[test]
fn repeated_ids_pair_up_in_order() {
    let mut base = small();
    base.accounts.push(account("acme", "Second Acme"));
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts[2].tier = 1;
    theirs.accounts[0].tier = 3;
    let merged = clean(&base, &ours, &theirs);
    assert_eq!(ids(&merged, Section::Accounts), ["acme", "beta", "acme"]);
    assert_eq!((merged.accounts[0].tier, merged.accounts[2].tier), (3, 1));
}

#[test]
fn a_leads_stages_merge_entry_by_entry_beside_other_fields() {
    use crate::model::{Date, Lead, Reached};
    let day = Date::from_ymd(2027, 3, 10).expect("a date");
    let reached = |stage: &str, hour: u32| Reached {
        stage: stage.into(),
        at: day.at(hour, 0),
    };
    let mut base = small();
    base.format = 2;
    base.leads.push(Lead {
        id: "jana".into(),
        name: "Jana".into(),
        company: None,
        account: None,
        crm_id: None,
        owner: None,
        captured: day.at(9, 0),
        pipeline: None,
        reached: vec![reached("visit", 9)],
    });
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.leads[0].reached.push(reached("sal", 15));
    ours.leads[0].owner = Some("ana".into());
    theirs.leads[0].reached.push(reached("mql", 11));
    theirs.leads[0].pipeline = Some(5000.0);
    let merged = clean(&base, &ours, &theirs);
    let lead = &merged.leads[0];
    assert_eq!(
        lead.reached,
        [reached("visit", 9), reached("mql", 11), reached("sal", 15)],
        "in time order"
    );
    assert_eq!(
        (lead.owner.as_deref(), lead.pipeline),
        (Some("ana"), Some(5000.0))
    );
    // One stage given two times conflicts as the whole field, shown as written.
    theirs.leads[0].reached = vec![reached("visit", 9), reached("sal", 16)];
    let (text, conflicts) = conflicted(&base, &ours, &theirs);
    let ConflictKind::Fields(fields) = &conflicts[0].kind else {
        panic!("a field conflict")
    };
    assert_eq!(fields.len(), 1, "{fields:#?}");
    assert_eq!(fields[0].field, "reached");
    assert!(
        text.contains("(stage: \"sal\", at: \"2027-03-10T16:00\"),"),
        "{text}"
    );
}

#[test]
fn a_number_written_differently_is_a_change() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // 0.0 and -0.0 are equal numbers, but written differently: both sides changed `target`.
    ours.objectives[0].target = Some(0.0);
    theirs.objectives[0].target = Some(-0.0);
    let (_, conflicts) = conflicted(&base, &ours, &theirs);
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0].id, base.objectives[0].id);
}

#[test]
fn moving_the_sides_gives_what_copying_them_does() {
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.accounts.push(account("ours-new", "Ours"));
    ours.accounts[1].notes = Some("Ours".into());
    theirs.accounts.insert(0, account("theirs-new", "Theirs"));
    theirs.accounts[3].tier = 1;
    theirs.meetings.pop();
    theirs.people.reverse();
    let copied = merge(&base, &ours, &theirs);
    let moved = merge_owned(
        base.clone(),
        ours.clone(),
        theirs.clone(),
        &Markers::default(),
    );
    assert!(matches!(copied, Merge::Clean(_)));
    assert_eq!(copied, moved);
    // A clean merge written by the canonical writer is the text a conflicted one would have.
    let Merge::Clean(plan) = &copied else {
        panic!("clean")
    };
    let (text, _) = merged_text(&base, &ours, &theirs, &Markers::default());
    assert_eq!(format::to_string(plan), text);
    theirs.accounts[2].notes = Some("Theirs".into());
    let copied = merge(&base, &ours, &theirs);
    assert!(matches!(copied, Merge::Conflicted { .. }));
    assert_eq!(copied, merge_owned(base, ours, theirs, &Markers::default()));
}

#[test]
fn a_thinned_base_merges_as_the_whole_one() {
    let mut base = example();
    // One id twice: items pair up by occurrence.
    base.accounts.push(account("twice", "First"));
    base.accounts.push(account("twice", "Second"));
    let diff3 = Markers {
        diff3: true,
        ..Markers::default()
    };
    let scenarios: [fn(&mut Plan, &mut Plan); 5] = [
        // Clean: edits to different items, an addition, a removal, a reorder.
        |o, t| {
            o.accounts[1].notes = Some("Ours".into());
            o.accounts.push(account("ours-new", "Ours"));
            t.accounts[3].tier = 1;
            t.meetings.pop();
            t.people.reverse();
        },
        // One field changed two ways, beside a clean edit of the same item.
        |o, t| {
            o.accounts[2].notes = Some("Ours".into());
            t.accounts[2].notes = Some("Theirs".into());
            t.accounts[2].tier = 3;
        },
        // Edited on one side, deleted on the other, both ways round.
        |o, t| {
            o.accounts[0].name = "Edited".into();
            t.accounts.remove(0);
            o.meetings.remove(1);
            t.meetings[1].minutes += 5;
        },
        // The repeated id: the second of them edited by ours, the first edited by theirs.
        |o, t| {
            if let Some(a) = o.accounts.last_mut() {
                a.name = "Ours second".into();
            }
            let first = t.accounts.len() - 2;
            t.accounts[first].tier = 1;
        },
        // The repeated id: one removed by ours, both edited by theirs.
        |o, t| {
            let first = o.accounts.len() - 2;
            o.accounts.remove(first);
            for a in t.accounts.iter_mut().rev().take(2) {
                a.tier = 3;
            }
        },
    ];
    let mut conflicted = Vec::new();
    for (n, change) in scenarios.iter().enumerate() {
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        change(&mut ours, &mut theirs);
        for markers in [&Markers::default(), &diff3] {
            let whole = merge_marked(&base, &ours, &theirs, markers);
            let thinned = merge_thinned(
                Base::thin(base.clone(), &ours),
                ours.clone(),
                theirs.clone(),
                markers,
            );
            assert_eq!(thinned, whole, "scenario {n}, diff3 {}", markers.diff3);
            conflicted.push(matches!(whole, Merge::Conflicted { .. }));
        }
    }
    assert_eq!(
        conflicted,
        [
            false, false, true, true, true, true, false, false, true, true
        ],
        "which scenarios conflict"
    );
}
