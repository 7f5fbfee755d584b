//! Leads from the CRM, as teams export them: HubSpot's contact export and Salesforce's lead export
//! imported into the example plan through the command line, imported again with nothing changed
//! byte for byte, and measured: the handoffs the leads took, in time or late, and where they are
//! stuck. Stages merge by stage, CRM stages map with `--map NAME=stage:ID`, and the accounts'
//! CRM ids go back out in the column the CRM reads.

use preshow::analysis::results::measure;
use preshow::format;
use preshow::interchange::export::csv as csv_export;
use preshow::interchange::import::{self, ImportError, Mapping};
use preshow::model::{Date, Lead, Plan};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const HUBSPOT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/hubspot-contacts.csv"
);
const SALESFORCE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/salesforce-leads.csv"
);
/// Salesforce's lead statuses that are no stage's `crm_stage` in the plan.
const SALESFORCE_MAP: [&str; 4] = [
    "--map",
    "Closed - Converted=stage:opportunity",
    "--map",
    "Working - Contacted=stage:sal",
];

/// The example plan with the CRM's names for its stages (HubSpot's lifecycle stages, one
/// Salesforce status) and CRM ids on five accounts: format 2.
fn crm_plan() -> Plan {
    let mut plan = format::parse(preshow::EXAMPLE_PLAN)
        .expect("the example loads")
        .plan;
    for (stage, crm) in [
        ("visit", "Lead"),
        ("mql", "Marketing Qualified Lead"),
        ("sal", "sales qualified lead"),
        ("opportunity", "Opportunity"),
        ("disqualified", "Closed - Not Converted"),
    ] {
        let s = plan
            .stages
            .iter_mut()
            .find(|s| s.id == stage)
            .expect("the example's stage");
        s.crm_stage = Some(crm.to_owned());
    }
    for (account, crm) in [
        ("brenner", "8801"),
        ("kovac-axles", "8802"),
        ("voltera-cells", "8804"),
        ("rhine-polymer", "0015g00000Rhn03AAB"),
        ("tecnoplast", "0015g00000Tec05AAB"),
    ] {
        let a = plan
            .accounts
            .iter_mut()
            .find(|a| a.id == account)
            .expect("the example's account");
        a.crm_id = Some(crm.to_owned());
    }
    plan.format = plan.written_format();
    plan
}

fn preshow(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_preshow"))
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `preshow import PLAN --leads CSV [ARGS]`, which must succeed; its output.
fn import_leads(plan: &Path, csv: &str, args: &[&str]) -> String {
    let mut all = vec!["import", s(plan), "--leads", csv];
    all.extend_from_slice(args);
    let out = preshow(&all);
    assert!(
        out.status.success(),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    stdout(&out)
}

fn lead<'p>(plan: &'p Plan, id: &str) -> &'p Lead {
    plan.leads
        .iter()
        .find(|l| l.id == id)
        .unwrap_or_else(|| panic!("no lead {id}"))
}

/// A lead's stages with their times, as the file writes them.
fn reached(plan: &Plan, id: &str) -> Vec<(String, String)> {
    lead(plan, id)
        .reached
        .iter()
        .map(|r| (r.stage.clone(), r.at.to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn saved(dir: &Path) -> PathBuf {
    let path = dir.join("plan.ron");
    std::fs::write(&path, format::to_string(&crm_plan())).expect("write plan");
    path
}

#[test]
fn both_crm_exports_import_once_and_again_with_nothing_changed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = saved(dir.path());

    let out = import_leads(&path, HUBSPOT, &[]);
    assert!(
        out.contains("13 rows read: 10 leads added, 0 updated, 4 skipped, 2 ambiguous"),
        "{out}"
    );
    for line in [
        "note: stage times read: 'Lead' as visit, 'Marketing Qualified Lead' as mql, 'Sales \
         Qualified Lead' as sal, 'Opportunity' as opportunity",
        "note: stage times left out: 'Customer': no stage of the plan has it as its CRM stage",
        "note: times in UTC were converted to event time in Europe/Madrid",
        "not used: Email, Date exited 'Marketing Qualified Lead (Lifecycle Stage Pipeline)'",
        "  line 8: company 'Rhine Polymer Werk' is close to account rhine-polymer: account left unset",
        "  line 9: 'Matthias Keller' is the same lead as line 3 (matthias-keller): this row's values win",
        "  line 10: no name (lead 51208): skipped",
        "  line 11: owner 'Marco Verdi' is not a person in the plan: left unassigned",
        "  line 11: stage 'Lead' (the plan's visit) has no time: not recorded as a stage entry",
        "  line 12: no create date: skipped",
    ] {
        assert!(out.contains(line), "{line}\nnot in\n{out}");
    }
    let out = import_leads(&path, SALESFORCE, &SALESFORCE_MAP);
    assert!(
        out.contains("12 rows read: 9 leads added, 0 updated, 7 skipped, 2 ambiguous"),
        "{out}"
    );
    for line in [
        "  line 2: stage 'Working - Contacted' (the plan's sal) has no time: not recorded as a \
         stage entry",
        "  line 6: company 'Castellana Beverage' is close to account castellana-bev: account left unset",
        "note: current stages no stage of the plan has as its CRM stage, not recorded: 'Open - \
         Not Contacted' (2 rows)",
        "  line 13: owner 'Unassigned Queue' is not a person in the plan: left unassigned",
    ] {
        assert!(out.contains(line), "{line}\nnot in\n{out}");
    }

    let text = std::fs::read_to_string(&path).expect("read");
    let plan = format::parse(&text).expect("loads").plan;
    assert_eq!(plan.leads.len(), 19);
    // Accents kept, account by the CRM id of its company, owner by email.
    let keller = lead(&plan, "matthias-keller");
    assert_eq!(
        (
            keller.account.as_deref(),
            keller.owner.as_deref(),
            keller.crm_id.as_deref()
        ),
        (Some("brenner"), Some("lena"), Some("51202"))
    );
    assert_eq!(
        lead(&plan, "agnieszka-wisniewska").company.as_deref(),
        Some("Gdańsk Port Services")
    );
    assert_eq!(lead(&plan, "agnieszka-wisniewska").account, None);
    assert_eq!(lead(&plan, "tobias-wagner").account, None, "a near miss");
    assert_eq!(
        lead(&plan, "lucia-fernandez").account.as_deref(),
        Some("iberlog")
    );
    assert_eq!(
        lead(&plan, "ingrid-sorensen").account.as_deref(),
        Some("sorensen-freight")
    );
    // 09:05 UTC is 10:05 in Madrid in March.
    assert_eq!(
        lead(&plan, "lucia-fernandez").captured.to_string(),
        "2027-03-16T10:05"
    );
    assert_eq!(
        reached(&plan, "jan-kovac"),
        pairs(&[
            ("visit", "2027-03-17T14:20"),
            ("mql", "2027-03-17T15:00"),
            ("sal", "2027-03-18T10:00"),
            ("opportunity", "2027-03-20T16:00"),
        ])
    );
    // Converted on the day of capture (a date alone): at the capture time, never before it.
    assert_eq!(
        reached(&plan, "hannah-schulz"),
        pairs(&[("opportunity", "2027-03-17T09:15")])
    );
    assert_eq!(
        lead(&plan, "carlos-mendez").account.as_deref(),
        Some("tecnoplast")
    );
    assert!(reached(&plan, "chiara-bianchi").is_empty());
    assert!(reached(&plan, "marta-kowalczyk").is_empty());

    // Both again: nothing to change, the file not even written.
    for (csv, args) in [(HUBSPOT, &[][..]), (SALESFORCE, &SALESFORCE_MAP[..])] {
        let out = import_leads(&path, csv, args);
        assert!(out.contains("0 leads added, 0 updated"), "{out}");
        assert!(out.contains("nothing to change"), "{out}");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    }
}

#[test]
fn imported_leads_measure_the_handoffs_they_took() {
    let before = crm_plan();
    let text = |p: &str| std::fs::read_to_string(p).expect("fixture");
    let hubspot = import::leads(&before, &text(HUBSPOT), &Mapping::default()).expect("imports");
    let map = Mapping::parse(&[SALESFORCE_MAP[1], SALESFORCE_MAP[3]]).expect("mapping");
    let plan = import::leads(&hubspot.plan, &text(SALESFORCE), &map)
        .expect("imports")
        .plan;

    let today = Date::from_ymd(2027, 3, 25).expect("date");
    let results = measure(&plan, today);
    let handoff = |id: &str| {
        let i = plan
            .handoffs
            .iter()
            .position(|h| h.id == id)
            .expect("handoff");
        results.handoffs.get(i).cloned().expect("measured")
    };
    let counts = |id: &str| {
        let h = handoff(id);
        (h.taken.len(), h.within_sla(), h.late(), h.stuck.len())
    };
    // Visit to MQL (4 hours): eight leads, Lucía late (09:05 to 15:30 UTC); Emre stuck at visit.
    assert_eq!(counts("visit-to-mql"), (8, Some(7), Some(1), 1));
    // MQL to SAL (72 hours): Matthias, Jan, and Aylin late (103.5 hours); five stuck at MQL.
    assert_eq!(counts("mql-to-sal"), (3, Some(2), Some(1), 5));
    assert_eq!(handoff("mql-to-sal").median_hours, Some(20.75));
    // SAL to opportunity (120 hours): Jan in 54; Matthias stuck at SAL.
    assert_eq!(counts("sal-to-opportunity"), (1, Some(1), Some(0), 1));
    assert_eq!(results.lead_counts.total, 19);
    assert_eq!(results.lead_counts.from_accounts, 15);
    assert_eq!(results.lead_counts.stuck, 7);
    assert_eq!(results.lead_counts.without_owner, 0);
}

#[test]
fn stages_merge_by_stage_and_a_new_time_is_reported() {
    let before = crm_plan();
    let csv = "Record ID,First Name,Last Name,Create Date,Lifecycle Stage,Became a Lead Date,\
               Became a Marketing Qualified Lead Date\n\
               51202,Matthias,Keller,2027-03-16 11:05,Marketing Qualified Lead,2027-03-16 11:05,2027-03-16 12:30\n";
    let first = import::leads(&before, csv, &Mapping::default()).expect("imports");
    assert_eq!(first.added, ["matthias-keller"]);

    // Later the CRM has the lead at SAL, and a corrected MQL time; the visit it no longer
    // gives stays as it was.
    let later = "Record ID,Full Name,Create Date,Lifecycle Stage,Became a Marketing Qualified \
                 Lead Date,Date entered 'Sales Qualified Lead (Lifecycle Stage Pipeline)'\n\
                 51202,Matthias Keller,2027-03-16 11:05,Sales Qualified Lead,2027-03-16 12:45,\
                 2027-03-17 09:15\n";
    let report = import::leads(&first.plan, later, &Mapping::default()).expect("imports");
    assert_eq!(
        report.updated,
        [("matthias-keller".to_owned(), vec!["reached"])]
    );
    assert_eq!(
        reached(&report.plan, "matthias-keller"),
        pairs(&[
            ("visit", "2027-03-16T11:05"),
            ("mql", "2027-03-16T12:45"),
            ("sal", "2027-03-17T09:15"),
        ])
    );
    assert!(report.render().contains("  matthias-keller: reached\n"));

    // A current stage without a time: the stage the lead has keeps its time, unreported.
    let status_only = "Record ID,First Name,Last Name,Create Date,Lifecycle Stage\n\
                       51202,Matthias,Keller,2027-03-16 11:05,Sales Qualified Lead\n";
    let report = import::leads(&report.plan, status_only, &Mapping::default()).expect("imports");
    assert!(!report.changed(), "{}", report.render());
    assert!(report.skipped.is_empty(), "{}", report.render());

    // The same name without a CRM id, a typo away: never a second lead.
    let typo = "Name,Create Date\nMatthias Kellner,2027-03-18 10:00\n";
    let report = import::leads(&first.plan, typo, &Mapping::default()).expect("imports");
    assert!(report.added.is_empty());
    assert_eq!(
        report.ambiguous,
        [(
            2,
            "name 'Matthias Kellner' is close to lead 'Matthias Keller' (matthias-keller): \
             skipped (if it is the same lead, give its CRM id or its name as the plan has it)"
                .to_owned()
        )]
    );
    // Another CRM record of the same name is another person.
    let namesake = "Record ID,Name,Create Date\n99999,Matthias Keller,2027-03-18 10:00\n";
    let report = import::leads(&first.plan, namesake, &Mapping::default()).expect("imports");
    assert_eq!(report.added, ["matthias-keller-2"]);
}

#[test]
fn a_stage_map_names_a_stage_of_the_plan() {
    let plan = crm_plan();
    let csv = std::fs::read_to_string(SALESFORCE).expect("fixture");
    let map = Mapping::parse(&["Working - Contacted=stage:contacted"]).expect("parses");
    let err = import::leads(&plan, &csv, &map).expect_err("no such stage");
    assert!(matches!(err, ImportError::UnknownStage { .. }));
    assert!(
        err.to_string().starts_with(
            "--map `Working - Contacted=stage:contacted`: the plan has no stage `contacted`; \
             its stages are visit, meeting-held, mql"
        ),
        "{err}"
    );
    // Stages are a leads import's alone.
    let err = import::accounts(&plan, "Name\nAcme\n", &map).expect_err("accounts have no stages");
    assert!(matches!(err, ImportError::StageOutsideLeads { .. }));
    // A column of times named in --map is that stage's.
    let csv = "Name,Created,Lead Status,Qualified on\nAnna Berg,2027-03-16 10:00,Qualified,2027-03-17 10:00\n";
    let map = Mapping::parse(&["Qualified on=stage:sal", "Qualified=stage:sal"]).expect("parses");
    let report = import::leads(&plan, csv, &map).expect("imports");
    assert_eq!(
        reached(&report.plan, "anna-berg"),
        pairs(&[("sal", "2027-03-17T10:00")])
    );
    // Without a name or create date column, the import says which it needs.
    let err = import::leads(&plan, "Email\na@b.example\n", &Mapping::default())
        .expect_err("no name column");
    assert!(
        err.to_string().starts_with("no column for the lead's name"),
        "{err}"
    );
}

#[test]
fn the_accounts_export_writes_crm_ids_where_the_crm_reads_them() {
    let plan = crm_plan();
    let csv = csv_export::export(&plan, csv_export::Table::Accounts).expect("csv");
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let at = headers
        .iter()
        .position(|h| h == "Account ID")
        .expect("Salesforce's Account ID column");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let brenner = rows
        .iter()
        .find(|r| r.get(0) == Some("brenner"))
        .expect("brenner's row");
    assert_eq!(brenner.get(at), Some("8801"));
    // Read back, the column is the CRM id again: nothing changes.
    let report = import::accounts(&plan, &csv, &Mapping::default()).expect("imports");
    assert!(
        report
            .columns
            .contains(&("Account ID".to_owned(), Some(import::Field::CrmId)))
    );
    assert!(!report.changed(), "{}", report.render());
}

/// The import dialog in the workbench: a dropped contact export opens it for leads, the kind
/// can be chosen, and applying adds the leads the preview showed in one undo step.
#[cfg(feature = "gui")]
mod window {
    use super::{HUBSPOT, crm_plan, saved};
    use egui::accesskit::Role;
    use egui::{DroppedFile, Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use preshow::app::Workbench;
    use preshow::interchange::import::{self, Mapping};
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    #[derive(Debug)]
    struct Dropped(PathBuf);

    impl DroppedFile for Dropped {
        fn path(&self) -> &Path {
            &self.0
        }

        fn bytes(&self) -> Result<Vec<u8>, String> {
            std::fs::read(&self.0).map_err(|e| e.to_string())
        }
    }

    fn expected() -> import::ImportReport {
        let csv = std::fs::read_to_string(HUBSPOT).expect("fixture");
        import::leads(&crm_plan(), &csv, &Mapping::default()).expect("imports")
    }

    /// Applies the previewed import and checks it did what the dry run does, in one undo step.
    fn apply_and_undo(h: &mut Harness<'static, Workbench>) {
        let before = h.state().doc.plan.clone();
        let expected = expected();
        assert!(
            h.query_by_label(&expected.summary()).is_some(),
            "the preview says {}",
            expected.summary()
        );
        h.get_by_label("Apply import").click();
        h.run();
        assert_eq!(h.state().doc.plan, expected.plan);
        assert_eq!(h.state().doc.plan.leads.len(), before.leads.len() + 10);
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert!(
            preshow::ops::diff::diff(&before, &h.state().doc.plan).is_empty(),
            "one undo step takes it all back: {:?}",
            preshow::ops::diff::diff(&before, &h.state().doc.plan)
        );
        assert_eq!(h.state().doc.plan, before);
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        h.run();
        assert_eq!(h.state().doc.plan, expected.plan);
    }

    #[test]
    fn a_dropped_contact_export_imports_as_leads_in_one_undo_step() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = saved(dir.path());
        let mut h = crate::support::workbench(&path, crate::support::feb_15());
        h.input_mut().dropped_files =
            vec![Arc::new(Dropped(PathBuf::from(HUBSPOT))) as egui::DroppedFileHandle];
        h.run();
        assert!(h.query_by_label("Import leads from CSV").is_some());
        assert!(
            h.query_by_label("Record ID ➡ crm_id").is_some()
                && h.query_by_label("Create Date ➡ captured").is_some()
        );
        apply_and_undo(&mut h);
    }

    #[test]
    fn the_import_dialog_reads_a_file_as_leads_when_asked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = saved(dir.path());
        let mut h = crate::support::workbench(&path, crate::support::feb_15());
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Import accounts from CSV…").click();
        h.run();
        h.get_by_role_and_label(Role::TextInput, "CSV file")
            .type_text(HUBSPOT);
        h.run();
        h.get_by_label("Preview").click();
        h.run();
        // Read as accounts, the contacts are companies by their company name.
        assert!(h.query_by_label("Company Name ➡ name").is_some());
        h.get_by_label("Leads (contacts)").click();
        h.run();
        assert!(h.query_by_label("Import leads from CSV").is_some());
        apply_and_undo(&mut h);
    }
}

/// A plan whose stages have no CRM names reads no stage times, and the report says how to fix
/// that: name the stages, or map the CRM's stages.
#[test]
fn stage_times_nobody_can_place_come_with_a_hint() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, preshow::EXAMPLE_PLAN).expect("write");
    let out = import_leads(&path, HUBSPOT, &["--dry-run"]);
    assert!(
        out.contains("no stage of the plan has them as its CRM stage"),
        "{out}"
    );
    assert!(
        out.contains("hint: to read the stage times, give each stage of the plan its CRM name"),
        "{out}"
    );
    // With the map the hint names, the times are read.
    let out = import_leads(
        &path,
        HUBSPOT,
        &["--dry-run", "--map", "Marketing Qualified Lead=stage:mql"],
    );
    assert!(
        out.contains("stage times read: 'Marketing Qualified Lead'"),
        "{out}"
    );
}
