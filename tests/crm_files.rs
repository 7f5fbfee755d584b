//! CRM files as teams really have them: names matched whatever their accents, script or typos,
//! CRM ids kept and written back, HubSpot's lifecycle stage left alone, and an export that
//! imports back with nothing changed, byte for byte, even for names that look like formulas.

use preshow::format;
use preshow::interchange::export::csv as csv_export;
use preshow::interchange::import::{self, Field, ImportReport, Mapping};
use preshow::model::{Account, Meeting, MeetingStatus, Plan};
use std::path::Path;
use std::process::Command;

const PLAN: &str = r#"#![enable(implicit_some)]
(
    format: 1,
    event: (name: "Show", starts: "2027-03-09", ends: "2027-03-10"),
    people: [
        (id: "ana", name: "Ana Ruiz", team: Sales, email: "ana@example.com"),
    ],
    accounts: [
        (id: "gdansk", name: "Gdańsk Shipyard", tier: 1, owner: "ana"),
        (id: "acme", name: "Acme Hospitals", tier: 2),
        (id: "brenner", name: "Brenner Automotive Components", tier: 2),
        (id: "hall-2", name: "Hall 2 Events GmbH", tier: 3),
    ],
)
"#;

fn plan() -> Plan {
    format::parse(PLAN).expect("plan loads").plan
}

fn accounts(plan: &Plan, csv: &str) -> ImportReport {
    import::accounts(plan, csv, &Mapping::default()).expect("imports")
}

fn account<'p>(plan: &'p Plan, id: &str) -> &'p Account {
    plan.accounts
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no account {id}"))
}

#[test]
fn names_match_whatever_their_accents_and_new_ones_get_readable_ids() {
    let report = accounts(
        &plan(),
        "Account Name,Industry\n\
         GDANSK shipyard,Maritime\n\
         Győr Works,Automotive\n\
         北京 Machinery,Machines\n\
         Łódź Textiles,Textiles\n",
    );
    assert_eq!(report.updated, [("gdansk".to_owned(), vec!["segment"])]);
    assert_eq!(
        report.added,
        ["gyor-works", "bei-jing-machinery", "lodz-textiles"]
    );
    assert_eq!(account(&report.plan, "gdansk").name, "Gdańsk Shipyard");
    assert_eq!(
        account(&report.plan, "bei-jing-machinery").name,
        "北京 Machinery"
    );
    assert!(report.ambiguous.is_empty(), "{}", report.render());
}

#[test]
fn a_name_a_typo_away_is_ambiguous_and_never_a_second_account() {
    let before = plan();
    let report = accounts(
        &before,
        "Account Name,Tier\n\
         Acme Hospital,1\n\
         Brenner Automotiv Components,1\n\
         Hall 3 Events GmbH,2\n\
         acme hospitals,1\n",
    );
    assert_eq!(report.added, ["hall-3-events-gmbh"], "{}", report.render());
    assert_eq!(report.updated, [("acme".to_owned(), vec!["tier"])]);
    assert_eq!(report.plan.accounts.len(), before.accounts.len() + 1);
    let ambiguous: Vec<&str> = report.ambiguous.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(
        ambiguous,
        [
            "name 'Acme Hospital' is close to account 'Acme Hospitals' (acme): skipped (if it is \
             the same account, give its id or its name as the plan has it; if not, add it in the \
             plan first)",
            "name 'Brenner Automotiv Components' is close to account 'Brenner Automotive \
             Components' (brenner): skipped (if it is the same account, give its id or its name \
             as the plan has it; if not, add it in the plan first)",
        ]
    );
    assert_eq!(
        report.ambiguous.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [2, 3]
    );
    assert!(
        report
            .render()
            .contains("line 2: name 'Acme Hospital' is close to")
    );

    // Two rows of one file: the second, a plural of the first, is not added twice.
    let report = accounts(
        &before,
        "Account Name\nNordlicht Brauerei GmbH\nNordlicht Brauereien GmbH\n",
    );
    assert_eq!(report.added, ["nordlicht-brauerei-gmbh"]);
    assert_eq!(report.ambiguous.len(), 1, "{}", report.render());

    // A meeting's account a typo away is not taken for it either.
    let report = import::meetings(
        &before,
        "Account,Start,Minutes\nAcme Hospital,2027-03-09 10:00,30\nGdansk Shipyard,2027-03-09 11:00,30\n",
        &Mapping::default(),
    )
    .expect("imports");
    assert_eq!(report.added.len(), 1, "{}", report.render());
    assert_eq!(
        report.plan.meetings.first().map(|m| m.account.as_str()),
        Some("gdansk")
    );
    assert_eq!(
        report.ambiguous,
        [(
            2,
            "account 'Acme Hospital' is not in the plan, but close to 'Acme Hospitals': skipped"
                .to_owned()
        )]
    );
}

const HUBSPOT: &str = "\u{feff}Record ID,Company name,Lifecycle Stage,Industry,Company owner\n\
    9001,Gdansk Shipyard,Customer,Maritime,ana@example.com\n\
    9002,Vistula Motors,Marketing Qualified Lead,Automotive,Ana Ruiz\n\
    9003,Fjord Seafood,Subscriber,Food,\n";

#[test]
fn hubspot_record_ids_are_kept_and_lifecycle_stage_is_no_tier() {
    let report = accounts(&plan(), HUBSPOT);
    assert!(report.skipped.is_empty(), "{}", report.render());
    assert!(report.ambiguous.is_empty(), "{}", report.render());
    assert!(
        report
            .columns
            .contains(&("Lifecycle Stage".to_owned(), None)),
        "{:?}",
        report.columns
    );
    assert!(
        report
            .columns
            .contains(&("Record ID".to_owned(), Some(Field::CrmId)))
    );
    assert!(report.render().contains("not used: Lifecycle Stage"));
    assert_eq!(
        report.updated,
        [("gdansk".to_owned(), vec!["segment", "crm_id"])]
    );
    assert_eq!(report.added, ["vistula-motors", "fjord-seafood"]);
    let after = &report.plan;
    assert_eq!(account(after, "gdansk").crm_id.as_deref(), Some("9001"));
    assert_eq!(account(after, "gdansk").tier, 1, "tier unchanged");
    assert_eq!(account(after, "vistula-motors").tier, 3);
    assert_eq!(
        account(after, "fjord-seafood").crm_id.as_deref(),
        Some("9003")
    );

    // The plan keeps them, and the accounts export writes them back for the CRM.
    let text = format::to_string(after);
    assert!(text.contains("crm_id: \"9002\""), "{text}");
    assert_eq!(format::parse(&text).expect("loads").plan, *after);
    let csv = csv_export::export(after, csv_export::Table::Accounts).expect("csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let at = headers
        .iter()
        .position(|h| h == "Account ID")
        .expect("an Account ID column");
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.expect("row").get(at).unwrap_or_default().to_owned())
        .collect();
    assert_eq!(ids, ["9001", "", "", "", "9002", "9003"]);
}

#[test]
fn a_crm_id_matches_before_the_name() {
    let after = accounts(&plan(), HUBSPOT).plan;
    // Renamed in the CRM: the same record, so the same account, under its new name.
    let report = accounts(&after, "Record ID,Company name\n9001,Gdańsk Shipyard SA\n");
    assert_eq!(report.updated, [("gdansk".to_owned(), vec!["name"])]);
    assert_eq!(account(&report.plan, "gdansk").name, "Gdańsk Shipyard SA");
    // Written without its accents or in capitals: the plan keeps its own spelling.
    let report = accounts(&after, "Record ID,Company name\n9001,GDANSK SHIPYARD\n");
    assert!(!report.changed(), "{}", report.render());
    // Another CRM record with the same name is not this account.
    let report = accounts(
        &after,
        "Record ID,Company name,Industry\n7777,Gdansk Shipyard,Ships\n",
    );
    assert!(!report.changed(), "{}", report.render());
    assert_eq!(
        report.ambiguous,
        [(
            2,
            "'Gdansk Shipyard' has CRM id 7777, but account gdansk of that name has 9001: \
             skipped (two CRM records of one name)"
                .to_owned()
        )]
    );
}

// ---------------------------------------------------------------- round trip

/// Cells that spreadsheets would run as formulas (every prefix the export neutralises), cells
/// that already start with an apostrophe, and accents, quotes, commas and line breaks.
const HOSTILE: &[&str] = &[
    "=1+1",
    "+1 Media",
    "-5 Degrees Cold Chain",
    "- prefers mornings",
    "@Handle Ltd",
    "\tTabbed",
    "\rCarriage",
    "\nNew line first",
    "\u{0}Nul",
    "  =Spaced",
    "\u{200B}=Zero width",
    "\u{FEFF}@Bom",
    "\u{202E}=Right to left",
    "＝Full width",
    "＋Full plus",
    "－Full minus",
    "＠Full at",
    "﹦Small",
    "⁼Superscript",
    "₋Subscript",
    "−Minus sign",
    "'=Already quoted",
    "''+Twice quoted",
    "'Apostrophe Ltd",
    "'",
    "O'Brien & Söhne, \"Quoted\"; Ltd",
    "Line one\nline two\r\nline three",
    "Gdańsk Ærø 北京 Győr",
    "Trailing space ",
    "Comma, and \"quote\"",
];

/// The example plan with one account per hostile text (as its name, notes, segment and CRM id)
/// and one meeting for each, whose location and goal are hostile too.
fn hostile_plan() -> Plan {
    let mut plan = format::parse(preshow::EXAMPLE_PLAN).expect("loads").plan;
    let start = plan.meetings.first().map(|m| m.start).expect("a meeting");
    let person = plan.people.first().map(|p| p.id.clone());
    for (i, text) in HOSTILE.iter().enumerate() {
        let id = format!("hostile-{i}");
        plan.accounts.push(Account {
            id: id.clone(),
            name: format!("{text} {i}"),
            tier: 2,
            owner: person.clone(),
            marketing_owner: None,
            segment: Some((*text).to_owned()),
            messages: Vec::new(),
            notes: Some((*text).to_owned()),
            crm_id: Some(format!("{text}{i}")),
        });
        plan.meetings.push(Meeting {
            id: format!("{id}-meeting"),
            account: id,
            start: start.plus_minutes(i64::try_from(i).unwrap_or(0) * 7),
            minutes: 30,
            location: Some((*text).to_owned()),
            people: person.iter().cloned().collect(),
            status: MeetingStatus::Requested,
            goal: Some(format!("{text} goal")),
            messages: Vec::new(),
        });
    }
    // CRM ids are format 2's.
    plan.format = plan.needs_format();
    plan
}

fn preshow(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("runs")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `preshow export --csv TABLE` then `preshow import` of that file: the import reports no change
/// and the plan file is the same, byte for byte.
fn assert_round_trip(plan_text: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, plan_text).expect("write plan");
    for table in ["accounts", "meetings"] {
        let csv = dir.path().join(format!("{table}.csv"));
        let o = preshow(&["export", s(&path), "--csv", table, "-o", s(&csv)]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let o = preshow(&["import", s(&path), &format!("--{table}"), s(&csv)]);
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{out}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            out.contains(&format!(
                "0 {table} added, 0 updated, 0 skipped, 0 ambiguous"
            )),
            "{out}"
        );
        assert!(out.contains("nothing to change"), "{out}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            plan_text,
            "{table}: the plan is the same, byte for byte"
        );
    }
}

#[test]
fn exports_of_the_example_import_back_with_nothing_changed() {
    assert_round_trip(preshow::EXAMPLE_PLAN);
}

/// After the show: the leads export of a generated plan imports back with nothing changed,
/// byte for byte (leads matched by id, accounts by CRM id, stage times by each stage's CRM name).
#[test]
fn a_leads_export_imports_back_with_nothing_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("after.ron");
    let o = preshow(&["generate", "--after", "--accounts", "40", "-o", s(&path)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let before = std::fs::read_to_string(&path).expect("read");
    let plan = format::parse(&before).expect("loads").plan;
    assert!(plan.leads.len() > 100, "{} leads", plan.leads.len());
    let csv = dir.path().join("leads.csv");
    let o = preshow(&["export", s(&path), "--csv", "leads", "-o", s(&csv)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = preshow(&["import", s(&path), "--leads", s(&csv)]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.contains("0 leads added, 0 updated, 0 skipped"), "{out}");
    assert!(out.contains("nothing to change"), "{out}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), before);
}

#[test]
fn exports_of_hostile_names_import_back_with_nothing_changed() {
    let plan = hostile_plan();
    let text = format::to_string(&plan);
    // Spreadsheets still see text: every hostile cell that starts like a formula has its `'`.
    let csv = csv_export::export(&plan, csv_export::Table::Accounts).expect("csv");
    assert!(csv.contains(",'- prefers mornings,"), "{csv}");
    assert!(csv.contains(",'+1 Media 1,"), "{csv}");
    assert!(csv.contains(",''=Already quoted,"), "{csv}");
    assert!(csv.contains(",'Apostrophe Ltd,"), "{csv}");
    assert_round_trip(&text);
    // And in the library, the same for every table that imports.
    for table in [csv_export::Table::Accounts, csv_export::Table::Meetings] {
        let csv = csv_export::export(&plan, table).expect("csv");
        let report = match table {
            csv_export::Table::Accounts => import::accounts(&plan, &csv, &Mapping::default()),
            _ => import::meetings(&plan, &csv, &Mapping::default()),
        }
        .expect("imports");
        assert!(!report.changed(), "{}", report.render());
        assert_eq!(report.plan, plan);
    }
}
