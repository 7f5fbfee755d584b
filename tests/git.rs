//! Plans in git: `preshow diff`, `preshow merge` as git's merge driver, the textconv and external
//! diff, and `preshow git-setup`, in real temporary repositories.

use preshow::format;
use preshow::model::{Account, DateTime, Lead, MeetingStatus, Plan, Reached};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_preshow");
const OLD: &str = "tests/fixtures/git/old.ron";
const NEW: &str = "tests/fixtures/git/new.ron";
const BROKEN: &str = "tests/fixtures/git/broken.ron";
const PLAN: &str = "plans/show.ron";
const TODAY: &str = "2027-02-01";

/// A scratch git repository, isolated from the user's and the system's git config.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.name", "Test Planner"]);
        repo.git(&["config", "user.email", "planner@example.com"]);
        repo.git(&["config", "commit.gpgsign", "false"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn isolate(&self, cmd: &mut Command) {
        cmd.current_dir(self.path())
            .env(
                "GIT_CONFIG_GLOBAL",
                self.path().join(".no-global-gitconfig"),
            )
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_PAGER", "cat")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_EXTERNAL_DIFF");
    }

    /// Runs git, whatever its exit status.
    fn run_git(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new("git");
        cmd.args(args);
        self.isolate(&mut cmd);
        cmd.output().expect("git runs")
    }

    /// Runs git and insists it succeeds.
    fn git(&self, args: &[&str]) -> String {
        let o = self.run_git(args);
        assert!(o.status.success(), "git {args:?}: {}{}", out(&o), err(&o));
        out(&o)
    }

    fn preshow(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(BIN);
        cmd.args(args);
        self.isolate(&mut cmd);
        cmd.output().expect("preshow runs")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).expect("read")
    }

    fn save(&self, plan: &Plan) {
        self.write(PLAN, &format::to_string(plan));
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }

    fn setup(&self) {
        let o = self.preshow(&["git-setup", "--command", BIN]);
        assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    }
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example() -> Plan {
    format::parse(preshow::EXAMPLE_PLAN)
        .expect("example loads")
        .plan
}

fn account(id: &str, owner: &str) -> Account {
    Account {
        id: id.into(),
        name: format!("{id} Industries"),
        tier: 3,
        owner: Some(owner.into()),
        marketing_owner: Some("claire".into()),
        segment: None,
        messages: vec!["roi".into()],
        notes: None,
        crm_id: None,
    }
}

/// The error-level findings of `preshow check` on a file, as `rule section/id`.
fn errors(repo: &Repo, file: &Path) -> (Option<i32>, BTreeSet<String>) {
    let o = repo.preshow(&[
        "check",
        file.to_str().expect("utf-8 path"),
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).expect("check json");
    let found = doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| format!("{} {}/{}", f["rule"], f["section"], f["id"]))
        .collect();
    (o.status.code(), found)
}

/// The base plan on `main`, then two branches made by `ours` (on `main`) and `theirs` (on
/// `theirs`), each committed; leaves `main` checked out.
fn branches(repo: &Repo, base: &Plan, ours: &Plan, theirs: &Plan) {
    repo.save(base);
    repo.commit("base plan");
    repo.git(&["checkout", "-q", "-b", "theirs"]);
    repo.save(theirs);
    repo.commit("their changes");
    repo.git(&["checkout", "-q", "main"]);
    repo.save(ours);
    repo.commit("our changes");
}

#[test]
fn edits_to_different_accounts_and_one_meeting_merge_through_the_driver() {
    let repo = Repo::new();
    repo.setup();
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // Adjacent lines, and additions at the same place: a line merge would conflict on both.
    ours.accounts[0].owner = Some("tomas".into());
    theirs.accounts[0].marketing_owner = Some("yuki".into());
    ours.accounts.push(account("ours-new", "lena"));
    theirs.accounts.push(account("theirs-new", "tomas"));
    // Different accounts, and different fields of one meeting.
    ours.accounts[2].notes = Some("Ours: bring the retrofit kit".into());
    theirs.accounts[3].segment = Some("Theirs".into());
    ours.meetings[0].location = Some("Room 7".into());
    theirs.meetings[0].goal = Some("Agree a pilot".into());
    branches(&repo, &base, &ours, &theirs);

    let o = repo.run_git(&["merge", "--no-edit", "theirs"]);
    assert!(o.status.success(), "git merge: {}{}", out(&o), err(&o));

    let merged = format::load_file(&repo.path().join(PLAN))
        .expect("merged plan loads")
        .plan;
    let mut expected = ours.clone();
    expected.accounts[0].marketing_owner = Some("yuki".into());
    expected.accounts[3].segment = Some("Theirs".into());
    expected.meetings[0].goal = Some("Agree a pilot".into());
    let last = expected.accounts.len();
    expected
        .accounts
        .insert(last - 1, account("theirs-new", "tomas"));
    // Their new account follows the one it followed on their side, before ours.
    assert_eq!(merged, expected);
    assert_eq!(
        repo.read(PLAN),
        format::to_string(&expected),
        "canonical form"
    );
    assert_eq!(repo.git(&["status", "--porcelain"]), "");

    // `preshow check` agrees: no error the inputs did not have.
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut statuses, mut before) = (BTreeSet::new(), BTreeSet::new());
    for (name, plan) in [("ours.ron", &ours), ("theirs.ron", &theirs)] {
        let file = dir.path().join(name);
        std::fs::write(&file, format::to_string(plan)).expect("write");
        let (status, found) = errors(&repo, &file);
        statuses.insert(status);
        before.extend(found);
    }
    let (status, after) = errors(&repo, &repo.path().join(PLAN));
    assert!(statuses.contains(&status), "{status:?} vs {statuses:?}");
    assert!(
        after.is_subset(&before),
        "new errors: {:?}",
        after.difference(&before)
    );
}

fn at(text: &str) -> DateTime {
    text.parse().expect("a time")
}

fn lead(id: &str, owner: &str, stages: &[(&str, &str)]) -> Lead {
    Lead {
        id: id.into(),
        name: format!("{id} Visitor"),
        company: None,
        account: None,
        crm_id: None,
        owner: Some(owner.into()),
        captured: at("2027-03-16T10:00"),
        pipeline: None,
        reached: stages
            .iter()
            .map(|(stage, t)| Reached {
                stage: (*stage).into(),
                at: at(t),
            })
            .collect(),
    }
}

#[test]
fn leads_and_held_meetings_from_two_branches_merge_through_the_driver() {
    let repo = Repo::new();
    repo.setup();
    let mut base = example();
    base.leads
        .push(lead("ines", "yuki", &[("visit", "2027-03-16T10:00")]));
    let mut ours = base.clone();
    let mut theirs = base.clone();
    // Sales marks their meetings held and records a lead; marketing does the same on its side.
    ours.meetings[0].status = MeetingStatus::Held;
    theirs.meetings[1].status = MeetingStatus::Held;
    theirs.meetings[2].status = MeetingStatus::NoShow;
    ours.leads
        .push(lead("ours-lead", "priya", &[("visit", "2027-03-16T11:00")]));
    theirs.leads.push(lead(
        "theirs-lead",
        "yuki",
        &[("visit", "2027-03-17T09:30")],
    ));
    // One lead, two different stages recorded: merged by stage, no conflict.
    ours.leads[0].reached.push(Reached {
        stage: "sal".into(),
        at: at("2027-03-17T09:00"),
    });
    theirs.leads[0].reached.push(Reached {
        stage: "mql".into(),
        at: at("2027-03-16T12:00"),
    });
    branches(&repo, &base, &ours, &theirs);

    let o = repo.run_git(&["merge", "--no-edit", "theirs"]);
    assert!(o.status.success(), "git merge: {}{}", out(&o), err(&o));
    let merged = format::load_file(&repo.path().join(PLAN))
        .expect("merged plan loads")
        .plan;
    assert_eq!(merged.format, 2);
    let statuses: Vec<MeetingStatus> = merged.meetings.iter().take(3).map(|m| m.status).collect();
    assert_eq!(
        statuses,
        [
            MeetingStatus::Held,
            MeetingStatus::Held,
            MeetingStatus::NoShow
        ]
    );
    let ids: Vec<&str> = merged.leads.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["ines", "theirs-lead", "ours-lead"]);
    let path: Vec<&str> = merged.leads[0]
        .reached
        .iter()
        .map(|r| r.stage.as_str())
        .collect();
    assert_eq!(path, ["visit", "mql", "sal"], "both stages, in time order");
    assert_eq!(
        repo.read(PLAN),
        format::to_string(&merged),
        "canonical form"
    );
    assert_eq!(repo.git(&["status", "--porcelain"]), "");

    // Against our side, the merge brought their stage of the lead, one entry a line.
    let o = repo.preshow(&["diff", "--git", "HEAD~1", PLAN]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let text = out(&o);
    assert!(
        text.contains(
            "  leads\n    ~ ines\n        reached: + (stage: \"mql\", at: \"2027-03-16T12:00\")\n"
        ),
        "{text}"
    );
    assert!(text.contains("    + theirs-lead\n"), "{text}");
    assert!(
        text.contains("        status: Confirmed → Held\n"),
        "{text}"
    );
}

#[test]
fn one_stage_given_two_times_conflicts_in_git() {
    let repo = Repo::new();
    repo.setup();
    let mut base = example();
    base.leads
        .push(lead("ines", "yuki", &[("visit", "2027-03-16T10:00")]));
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.leads[0].reached.push(Reached {
        stage: "mql".into(),
        at: at("2027-03-16T12:00"),
    });
    theirs.leads[0].reached.push(Reached {
        stage: "mql".into(),
        at: at("2027-03-16T15:00"),
    });
    branches(&repo, &base, &ours, &theirs);
    let o = repo.run_git(&["merge", "--no-edit", "theirs"]);
    assert!(!o.status.success(), "merge should stop: {}", out(&o));
    let text = repo.read(PLAN);
    assert!(
        text.contains("(stage: \"mql\", at: \"2027-03-16T12:00\"),"),
        "{text}"
    );
    assert!(
        text.contains("(stage: \"mql\", at: \"2027-03-16T15:00\"),"),
        "{text}"
    );
    repo.git(&["merge", "--abort"]);
}

#[test]
fn one_field_changed_two_ways_stops_the_merge_with_both_values_shown() {
    let repo = Repo::new();
    repo.setup();
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let id = base.accounts[0].id.clone();
    ours.accounts[0].owner = Some("tomas".into());
    theirs.accounts[0].owner = Some("kwame".into());
    theirs.accounts[1].notes = Some("A clean change beside the conflict".into());
    branches(&repo, &base, &ours, &theirs);

    let o = repo.run_git(&["merge", "--no-edit", "theirs"]);
    assert!(!o.status.success(), "merge should stop: {}", out(&o));
    let said = format!("{}{}", out(&o), err(&o));
    assert!(said.contains("CONFLICT"), "{said}");
    assert!(said.contains(&format!("accounts/{id}")), "{said}");

    // The markers carry git's labels: HEAD, and the branch merged.
    let text = repo.read(PLAN);
    assert!(text.contains("<<<<<<< HEAD\n            owner: \"tomas\",\n=======\n            owner: \"kwame\",\n>>>>>>> theirs\n"), "{text}");
    assert!(
        text.contains("A clean change beside the conflict"),
        "{text}"
    );
    assert!(
        repo.git(&["status", "--porcelain"])
            .contains(&format!("UU {PLAN}"))
    );
    assert!(repo.git(&["diff"]).contains("<<<<<<< HEAD"));

    // The file does not pass for a plan until resolved, and says why and where.
    let o = repo.preshow(&["check", PLAN]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    let line = text
        .lines()
        .position(|l| l == "<<<<<<< HEAD")
        .expect("marker")
        + 1;
    let e = err(&o);
    assert!(
        e.starts_with(&format!("{PLAN}:{line}:1: unresolved merge conflict")),
        "{e}"
    );
    assert!(e.contains("<<<<<<<"), "{e}");

    // Resolving by hand: keep theirs.
    let resolved = text
        .replace("<<<<<<< HEAD\n            owner: \"tomas\",\n=======\n", "")
        .replace(">>>>>>> theirs\n", "");
    repo.write(PLAN, &resolved);
    let plan = format::load_file(&repo.path().join(PLAN))
        .expect("resolved")
        .plan;
    assert_eq!(plan.accounts[0].owner.as_deref(), Some("kwame"));
    assert_eq!(
        plan.accounts[1].notes.as_deref(),
        Some("A clean change beside the conflict")
    );
}

#[test]
fn an_edit_against_a_deletion_conflicts_in_git() {
    let repo = Repo::new();
    repo.setup();
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.meetings[1].minutes = 90;
    let gone = theirs.meetings.remove(1);
    branches(&repo, &base, &ours, &theirs);
    let o = repo.run_git(&["merge", "--no-edit", "theirs"]);
    assert!(!o.status.success());
    let said = err(&o);
    assert!(
        said.contains(&format!(
            "meetings/{}: edited on HEAD but deleted on theirs",
            gone.id
        )),
        "{said}"
    );
    let text = repo.read(PLAN);
    assert!(text.contains("            minutes: 90,\n"), "{text}");
    assert!(
        text.contains("        ),\n=======\n>>>>>>> theirs\n"),
        "{text}"
    );
}

#[test]
fn git_diff_names_the_changed_items_through_textconv_and_external_diff() {
    let repo = Repo::new();
    repo.setup();
    let base = example();
    repo.save(&base);
    repo.commit("base plan");
    let mut changed = base.clone();
    let (acct, meeting) = (
        changed.accounts[4].id.clone(),
        changed.meetings[2].id.clone(),
    );
    changed.accounts[4].owner = Some("sofia".into());
    changed.meetings[2].minutes = 15;
    repo.save(&changed);

    // textconv, as git-setup configures it.
    let diff = repo.git(&["diff"]);
    assert!(
        diff.contains(&format!("+accounts/{acct}: owner = \"sofia\"")),
        "{diff}"
    );
    assert!(
        diff.contains(&format!("-accounts/{acct}: owner = ")),
        "{diff}"
    );
    assert!(
        diff.contains(&format!("+meetings/{meeting}: minutes = 15")),
        "{diff}"
    );

    // The external diff, for those who configure it.
    let external = format!("diff.preshow.command={BIN} diff --git-external");
    let diff = repo.git(&["-c", &external, "diff"]);
    assert!(diff.contains(&format!("a/{PLAN} → b/{PLAN}")), "{diff}");
    assert!(
        diff.contains(&format!("    ~ {acct}\n        owner: ")),
        "{diff}"
    );
    assert!(
        diff.contains(&format!("    ~ {meeting}\n        minutes: ")),
        "{diff}"
    );
    assert!(diff.contains("→ 15"), "{diff}");

    // And `preshow diff --git`, against the last commit.
    let o = repo.preshow(&["diff", "--git", "HEAD"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(
        out(&o).contains(&format!("HEAD:{PLAN} → {PLAN}")),
        "{}",
        out(&o)
    );
    assert!(out(&o).contains(&format!("~ {acct}")));
    let o = repo.preshow(&["diff", "--git", "HEAD", PLAN, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).expect("json");
    assert_eq!(doc["files"][0]["old"], format!("HEAD:{PLAN}"));
    assert_eq!(doc["files"][0]["changes"][0]["id"], acct.as_str());

    repo.commit("changed");
    let o = repo.preshow(&["diff", "--git", "HEAD"]);
    assert_eq!((o.status.code(), out(&o)), (Some(0), String::new()));
    let o = repo.preshow(&["diff", "--git", "HEAD~1", PLAN]);
    assert_eq!(o.status.code(), Some(1));
    let o = repo.preshow(&["diff", "--git", "no-such-rev"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn diff_exit_statuses_and_json_shape() {
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("runs")
    };
    let o = run(&["diff", OLD, OLD]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("no changes"));

    let o = run(&["diff", OLD, NEW]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(
        out(&o),
        format!(
            "{OLD} → {NEW}\n  accounts\n    ~ acme\n        owner: \"ana\" → \"bo\"\n        \
             notes: (none) → \"Call first\"\n    + gamma\n        name: \"Gamma Care\"\n        \
             tier: 3\n        owner: \"ana\"\n        marketing_owner: \"mo\"\n    - beta\n        \
             name: \"Beta Clinics\"\n        tier: 2\n        marketing_owner: \"mo\"\n        \
             messages: [\"roi\"]\n  meetings\n    ~ acme-demo\n        minutes: 60 → 30\n"
        )
    );

    let o = run(&["diff", OLD, NEW, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).expect("json");
    let expected = serde_json::json!({"files": [{
        "old": OLD,
        "new": NEW,
        "changes": [
            {"section": "accounts", "id": "acme", "change": "changed", "fields": [
                {"field": "owner", "before": "\"ana\"", "after": "\"bo\""},
                {"field": "notes", "before": null, "after": "\"Call first\""},
            ]},
            {"section": "accounts", "id": "gamma", "change": "added", "fields": [
                {"field": "id", "before": null, "after": "\"gamma\""},
                {"field": "name", "before": null, "after": "\"Gamma Care\""},
                {"field": "tier", "before": null, "after": "3"},
                {"field": "owner", "before": null, "after": "\"ana\""},
                {"field": "marketing_owner", "before": null, "after": "\"mo\""},
            ]},
            {"section": "accounts", "id": "beta", "change": "removed", "fields": [
                {"field": "id", "before": "\"beta\"", "after": null},
                {"field": "name", "before": "\"Beta Clinics\"", "after": null},
                {"field": "tier", "before": "2", "after": null},
                {"field": "marketing_owner", "before": "\"mo\"", "after": null},
                {"field": "messages", "before": "[\"roi\"]", "after": null},
            ]},
            {"section": "meetings", "id": "acme-demo", "change": "changed", "fields": [
                {"field": "minutes", "before": "60", "after": "30"},
            ]},
        ],
    }]});
    assert_eq!(doc, expected);

    let o = run(&["diff", OLD, OLD, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).expect("json");
    assert_eq!(doc["files"][0]["changes"], serde_json::json!([]));

    let o = run(&["diff", OLD, BROKEN]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).starts_with(&format!("{BROKEN}:6:")) && err(&o).contains("unknown field `ownr`"),
        "{}",
        err(&o)
    );
    assert_eq!(out(&o), "");
    let o = run(&["diff", OLD, "tests/fixtures/git/missing.ron"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("missing.ron:1:1: no such file"),
        "{}",
        err(&o)
    );
    let o = run(&["diff", OLD]);
    assert_eq!(o.status.code(), Some(2));

    // Git's seven external-diff arguments: changes still exit 0, or git would stop.
    let o = run(&[
        "diff", "plan.ron", OLD, "0000", "100644", NEW, "1111", "100644",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).starts_with("a/plan.ron → b/plan.ron\n"),
        "{}",
        out(&o)
    );
    let o = run(&[
        "diff",
        "--git-external",
        "plan.ron",
        "/dev/null",
        ".",
        ".",
        NEW,
        ".",
        ".",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).starts_with("b/plan.ron: new plan file\n"),
        "{}",
        out(&o)
    );

    // textconv: one line per field, and an unreadable plan as it is.
    let o = run(&["diff", "--textconv", NEW]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out(&o).contains("\naccounts/acme: owner = \"bo\"\n"),
        "{}",
        out(&o)
    );
    let o = run(&["diff", "--textconv", BROKEN]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        out(&o),
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(BROKEN))
            .expect("read")
    );
}

#[test]
fn git_setup_is_idempotent() {
    let repo = Repo::new();
    repo.write(".gitattributes", "*.png binary");
    let o = repo.preshow(&["git-setup", "--command", BIN]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let attributes = repo.read(".gitattributes");
    assert_eq!(
        attributes,
        "*.png binary\n*.ron diff=preshow merge=preshow\n"
    );
    let config = repo.read(".git/config");
    assert_eq!(
        repo.git(&["config", "--get", "diff.preshow.textconv"])
            .trim(),
        format!("{BIN} diff --textconv")
    );
    assert_eq!(
        repo.git(&["config", "--get", "merge.preshow.driver"])
            .trim(),
        format!("{BIN} merge %O %A %B %P %L %S %X %Y")
    );
    assert_eq!(
        repo.git(&["config", "--get", "merge.preshow.name"]).trim(),
        "Preshow plan merge"
    );

    let o = repo.preshow(&["git-setup", "--command", BIN]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("already"), "{}", out(&o));
    assert_eq!(repo.read(".gitattributes"), attributes);
    assert_eq!(repo.read(".git/config"), config);

    // Without --command, the drivers call `preshow` when it is on the PATH...
    let bin = tempfile::tempdir().expect("tempdir");
    std::fs::copy(BIN, bin.path().join("preshow")).expect("copy preshow");
    let git_dirs = std::env::var_os("PATH").unwrap_or_default();
    let with_preshow = std::env::join_paths(
        std::iter::once(bin.path().to_owned()).chain(std::env::split_paths(&git_dirs)),
    )
    .expect("a PATH");
    let setup = |repo: &Repo, path: &std::ffi::OsStr| {
        let mut cmd = Command::new(BIN);
        cmd.arg("git-setup");
        repo.isolate(&mut cmd);
        cmd.env("PATH", path).output().expect("runs")
    };
    let fresh = Repo::new();
    let o = setup(&fresh, &with_preshow);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(
        fresh
            .git(&["config", "--get", "merge.preshow.driver"])
            .trim(),
        "preshow merge %O %A %B %P %L %S %X %Y"
    );
    // ...and this very program, by its full path, when it is not (git could not find it).
    let without: Vec<_> = std::env::split_paths(&git_dirs)
        .filter(|d| !d.join("preshow").is_file())
        .collect();
    let without = std::env::join_paths(without).expect("a PATH");
    let other = Repo::new();
    let o = setup(&other, &without);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("is not on the PATH"), "{}", out(&o));
    let driver = other.git(&["config", "--get", "merge.preshow.driver"]);
    let exe = std::fs::canonicalize(BIN).expect("the binary");
    assert!(
        driver.contains(&*exe.to_string_lossy()) || driver.contains(BIN),
        "{driver}"
    );

    // Outside a repository it says so.
    let outside = tempfile::tempdir().expect("tempdir");
    let o = Command::new(BIN)
        .arg("git-setup")
        .current_dir(outside.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            outside.path().parent().expect("parent"),
        )
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("not inside a git work tree"),
        "{}",
        err(&o)
    );
}

/// A `.gitattributes` that is a symbolic link was followed: git-setup copied the file it
/// pointed to, outside the repository, into a regular `.gitattributes` to be committed. Git
/// itself does not read attributes through a link; git-setup now refuses it and changes
/// nothing.
#[cfg(unix)]
#[test]
fn git_setup_never_follows_a_linked_gitattributes() {
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("tempdir");
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "api-token=hunter2\n").expect("write");
    let link = repo.path().join(".gitattributes");
    std::os::unix::fs::symlink(&secret, &link).expect("symlink");
    let o = repo.preshow(&["git-setup", "--command", BIN]);
    assert_eq!(o.status.code(), Some(2), "{}{}", out(&o), err(&o));
    assert!(err(&o).contains("is a symbolic link"), "{}", err(&o));
    let meta = std::fs::symlink_metadata(&link).expect("still there");
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    assert_eq!(
        std::fs::read_to_string(&secret).expect("read"),
        "api-token=hunter2\n"
    );
    assert!(
        repo.run_git(&["config", "--get", "merge.preshow.driver"])
            .stdout
            .is_empty(),
        "nothing was set up"
    );
}

#[test]
fn merge_on_the_command_line_writes_ours_canonically() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.event.booth = Some("9Z-99".into());
    theirs.tasks.pop();
    let write = |name: &str, plan: &Plan| {
        let p = dir.path().join(name);
        std::fs::write(&p, format::to_string(plan)).expect("write");
        p
    };
    let (b, o, t) = (
        write("b.ron", &base),
        write("o.ron", &ours),
        write("t.ron", &theirs),
    );
    let s = |p: &Path| p.to_str().expect("utf-8").to_owned();
    let run = Command::new(BIN)
        .args(["merge", &s(&b), &s(&o), &s(&t)])
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0), "{}", err(&run));
    let mut expected = ours.clone();
    expected.tasks.pop();
    assert_eq!(
        std::fs::read_to_string(&o).expect("read"),
        format::to_string(&expected)
    );

    // A plan with comments is merged line by line, so no comment is lost.
    let commented = format::to_string(&ours).replacen("(\n", "( // our plan\n", 1);
    std::fs::write(&o, &commented).expect("write");
    let run = Command::new(BIN)
        .args(["merge", &s(&b), &s(&o), &s(&t)])
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0), "{}", err(&run));
    assert!(err(&run).contains("line by line"), "{}", err(&run));
    let text = std::fs::read_to_string(&o).expect("read");
    assert!(text.contains("// our plan"));
    assert_eq!(format::parse(&text).expect("parses").plan, expected);
}

#[test]
fn conflict_markers_name_the_branches_and_show_the_base_in_diff3_style() {
    let repo = Repo::new();
    repo.setup();
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    let was = base.accounts[0].owner.clone().expect("an owner");
    ours.accounts[0].owner = Some("tomas".into());
    theirs.accounts[0].owner = Some("kwame".into());
    branches(&repo, &base, &ours, &theirs);
    repo.git(&["branch", "-m", "theirs", "feature-x"]);
    let base_commit = repo.git(&["rev-parse", "--short", "HEAD~1"]);
    let base_commit = base_commit.trim();

    let o = repo.run_git(&["merge", "--no-edit", "feature-x"]);
    assert!(!o.status.success(), "merge should stop: {}", out(&o));
    let text = repo.read(PLAN);
    assert!(
        text.contains(
            "<<<<<<< HEAD\n            owner: \"tomas\",\n=======\n            owner: \"kwame\",\n\
             >>>>>>> feature-x\n"
        ),
        "{text}"
    );
    assert!(!text.contains("|||||||"), "{text}");
    // The summary names the sides as the markers do.
    assert!(
        err(&o).contains("on HEAD and \"kwame\" on feature-x"),
        "{}",
        err(&o)
    );

    // merge.conflictStyle=diff3, as for git's own conflicts: the base between `|||||||` and
    // `=======`, labelled with the base commit as git labels it.
    repo.git(&["merge", "--abort"]);
    repo.git(&["config", "merge.conflictStyle", "diff3"]);
    let o = repo.run_git(&["merge", "--no-edit", "feature-x"]);
    assert!(!o.status.success());
    let text = repo.read(PLAN);
    assert!(
        text.contains(&format!(
            "<<<<<<< HEAD\n            owner: \"tomas\",\n||||||| {base_commit}\n            \
             owner: \"{was}\",\n=======\n            owner: \"kwame\",\n>>>>>>> feature-x\n"
        )),
        "{text}"
    );
    // Labelled or not, the markers are what Preshow names when asked to open the file.
    let o = repo.preshow(&["check", PLAN]);
    assert_eq!(o.status.code(), Some(2));
    let line = text
        .lines()
        .position(|l| l == "<<<<<<< HEAD")
        .expect("marker")
        + 1;
    assert!(
        err(&o).starts_with(&format!("{PLAN}:{line}:1: unresolved merge conflict")),
        "{}",
        err(&o)
    );

    // In a rebase, the labels say which commit is which, instead of a misleading ours/theirs.
    repo.git(&["merge", "--abort"]);
    repo.git(&["config", "--unset", "merge.conflictStyle"]);
    let o = repo.run_git(&["rebase", "feature-x"]);
    assert!(!o.status.success());
    let text = repo.read(PLAN);
    assert!(text.contains("owner: \"kwame\",\n=======\n"), "{text}");
    assert!(
        text.contains(">>>>>>> ") && text.contains("(our changes)\n"),
        "{text}"
    );
    repo.git(&["rebase", "--abort"]);
}

#[test]
fn the_driver_takes_the_marker_size_and_a_base_section_by_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = example();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.meetings[0].minutes = 25;
    theirs.meetings[0].minutes = 50;
    let write = |name: &str, plan: &Plan| {
        let p = dir.path().join(name);
        std::fs::write(&p, format::to_string(plan)).expect("write");
        p.to_str().expect("utf-8").to_owned()
    };
    let (b, o, t) = (
        write("b.ron", &base),
        write("o.ron", &ours),
        write("t.ron", &theirs),
    );
    let run = |args: &[&str]| {
        Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .env("GIT_CONFIG_GLOBAL", dir.path().join(".no-global-gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", dir.path())
            .output()
            .expect("runs")
    };
    let merged = run(&[
        "merge", &b, &o, &t, "plan.ron", "10", "old", "mine", "yours", "--diff3",
    ]);
    assert_eq!(merged.status.code(), Some(1), "{}", err(&merged));
    let text = std::fs::read_to_string(&o).expect("read");
    let base_minutes = base.meetings[0].minutes;
    assert!(
        text.contains(&format!(
            "<<<<<<<<<< mine\n            minutes: 25,\n|||||||||| old\n            minutes: \
             {base_minutes},\n==========\n            minutes: 50,\n>>>>>>>>>> yours\n"
        )),
        "{text}"
    );
    assert!(
        err(&merged).contains("`<<<<<<<<<< mine`, `|||||||||| old` (the base)"),
        "{}",
        err(&merged)
    );
    // An older git leaves `%S %X %Y` as they are: the usual labels then.
    std::fs::write(&o, format::to_string(&ours)).expect("write");
    let merged = run(&["merge", &b, &o, &t, "plan.ron", "7", "%S", "%X", "%Y"]);
    assert_eq!(merged.status.code(), Some(1), "{}", err(&merged));
    let text = std::fs::read_to_string(&o).expect("read");
    assert!(
        text.contains("<<<<<<< ours\n") && text.contains(">>>>>>> theirs\n"),
        "{text}"
    );
}

#[test]
fn git_setup_global_configures_every_repository_and_touches_only_the_home_it_is_given() {
    let home = tempfile::tempdir().expect("tempdir");
    let work = tempfile::tempdir().expect("tempdir");
    let global_config = home.path().join("global.gitconfig");
    let xdg = home.path().join("xdg");
    // Every place git could read or write the user's config points into the temporary home.
    let isolate = |cmd: &mut Command, dir: &Path| {
        cmd.current_dir(dir)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", &xdg)
            .env("GIT_CONFIG_GLOBAL", &global_config)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", work.path())
            .env("GIT_TERMINAL_PROMPT", "0")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE");
    };
    let setup = || {
        let mut cmd = Command::new(BIN);
        cmd.args(["git-setup", "--global", "--command", BIN]);
        isolate(&mut cmd, work.path());
        cmd.output().expect("runs")
    };
    let o = setup();
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let attributes = xdg.join("git").join("attributes");
    assert_eq!(
        std::fs::read_to_string(&attributes).expect("global attributes"),
        "*.ron diff=preshow merge=preshow\n"
    );
    assert!(
        out(&o).contains(&format!("to {}", attributes.display())),
        "{}",
        out(&o)
    );
    let config = std::fs::read_to_string(&global_config).expect("global config");
    assert!(
        config.contains(&format!("driver = {BIN} merge %O %A %B %P %L %S %X %Y")),
        "{config}"
    );
    assert!(
        config.contains(&format!("textconv = {BIN} diff --textconv")),
        "{config}"
    );
    // Nothing else in the home, and nothing in the folder it ran in.
    let mut written: Vec<PathBuf> = walk(home.path());
    written.sort();
    assert_eq!(written, [global_config.clone(), attributes.clone()]);
    assert_eq!(walk(work.path()), Vec::<PathBuf>::new());
    // Again: nothing changes.
    let o = setup();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("already"), "{}", out(&o));
    assert_eq!(
        std::fs::read_to_string(&global_config).expect("config"),
        config
    );

    // A repository that never ran git-setup now merges plans by item, with labelled markers.
    let repo_dir = work.path().join("repo");
    std::fs::create_dir(&repo_dir).expect("mkdir");
    let git = |args: &[&str]| {
        let mut cmd = Command::new("git");
        cmd.args(args);
        isolate(&mut cmd, &repo_dir);
        cmd.output().expect("git runs")
    };
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["config", "user.name", "Test Planner"],
        &["config", "user.email", "planner@example.com"],
        &["config", "commit.gpgsign", "false"],
    ] {
        assert!(git(args).status.success());
    }
    let save = |plan: &Plan| {
        let path = repo_dir.join("show.ron");
        std::fs::write(path, format::to_string(plan)).expect("write");
    };
    let commit = |message: &str| {
        assert!(git(&["add", "-A"]).status.success());
        let o = git(&["commit", "-q", "-m", message]);
        assert!(o.status.success(), "{}", err(&o));
    };
    let base = example();
    save(&base);
    commit("base");
    assert!(git(&["checkout", "-q", "-b", "feature-x"]).status.success());
    let mut theirs = base.clone();
    theirs.accounts[0].owner = Some("kwame".into());
    theirs.accounts[1].notes = Some("Theirs, merged by item".into());
    save(&theirs);
    commit("theirs");
    assert!(git(&["checkout", "-q", "main"]).status.success());
    let mut ours = base.clone();
    ours.accounts[0].owner = Some("tomas".into());
    save(&ours);
    commit("ours");
    let o = git(&["merge", "--no-edit", "feature-x"]);
    assert!(!o.status.success());
    let text = std::fs::read_to_string(repo_dir.join("show.ron")).expect("read");
    assert!(text.contains("<<<<<<< HEAD\n"), "{text}");
    assert!(text.contains(">>>>>>> feature-x\n"), "{text}");
    assert!(text.contains("Theirs, merged by item"), "{text}");
    let local = String::from_utf8_lossy(&git(&["config", "--local", "--list"]).stdout).into_owned();
    assert!(!local.contains("preshow"), "{local}");
    assert!(!repo_dir.join(".gitattributes").exists());

    // A core.attributesFile of the user's own is where the line goes, `~/` and all.
    let o = {
        let mut cmd = Command::new("git");
        cmd.args([
            "config",
            "--global",
            "core.attributesFile",
            "~/my-attributes",
        ]);
        isolate(&mut cmd, work.path());
        cmd.output().expect("git runs")
    };
    assert!(o.status.success());
    let o = setup();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(
        std::fs::read_to_string(home.path().join("my-attributes")).expect("read"),
        "*.ron diff=preshow merge=preshow\n"
    );
}

/// Every file under `dir`, however deep.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
