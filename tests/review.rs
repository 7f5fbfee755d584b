//! Reviewing a plan in the workbench: the Changes board (what changed since the file's last
//! commit, or since it was saved) and the Sign-offs board (who agreed to what, and when, with the
//! sign-offs earlier commits had), in real temporary git repositories.

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use preshow::app::boards::Board;
use preshow::app::{Command, Workbench};
use preshow::model::{Date, Section};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, Instant};

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("show.ron")
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Process::new("git")
            .args([
                "-c",
                "user.name=Ana Lima",
                "-c",
                "user.email=ana@example.com",
                "-c",
                "commit.gpgsign=false",
            ])
            .args(args)
            .current_dir(self.dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .output()
            .expect("git runs");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn commit(&self, text: &str, message: &str) {
        std::fs::write(self.plan(), text).expect("write plan");
        self.git(&["add", "show.ron"]);
        self.git(&["commit", "-q", "-m", message]);
    }
}

fn example() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/example.ron"))
        .expect("the example plan")
}

fn workbench(path: &Path, board: Board) -> Harness<'static, Workbench> {
    use crate::support::{SIZE, drive, feb_15, open};
    let mut app = open(path, feb_15());
    app.command(Command::Show(board));
    let mut harness = drive(Harness::builder().with_size(SIZE), app);
    harness.run_steps(3);
    harness
}

/// Runs frames until a widget labelled `label` shows (git answers on a thread of its own).
fn wait_for(h: &mut Harness<'static, Workbench>, label: &str) {
    let started = Instant::now();
    while h.query_by_label(label).is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "`{label}` never showed"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.run_steps(3);
    }
}

#[test]
fn changes_since_the_last_commit_are_listed_and_open_their_item() {
    let repo = Repo::new();
    repo.commit(&example(), "The plan as agreed on Monday");
    let mut h = workbench(&repo.plan(), Board::Changes);
    wait_for(&mut h, "No changes since the last commit.");

    // Rename an account, remove a meeting and add a task, as edits in the workbench.
    let (account, meeting) = {
        let app = h.state_mut();
        let plan = &mut app.doc.plan;
        plan.accounts[2].name = "Renamed Works AG".to_owned();
        let meeting = plan.meetings.remove(0).id;
        let mut task = plan.tasks[0].clone();
        task.id = "print-badges".to_owned();
        task.title = "Print the badges".to_owned();
        plan.tasks.push(task);
        let account = plan.accounts[2].id.clone();
        app.doc.edited(true);
        (account, meeting)
    };
    h.run_steps(3);
    wait_for(&mut h, "1 changed");
    h.get_by_label("1 added");
    h.get_by_label("1 removed");
    h.get_by_label(&format!("{account}  Renamed Works AG"));
    h.get_by_label(&meeting);
    h.get_by_label("print-badges  Print the badges");
    let field = h
        .query_by_label_contains("name: ")
        .expect("the changed field is listed");
    let text = field.accesskit_node().value().unwrap_or_default();
    assert_eq!(
        text,
        "name: \"Vantage Pharma Manufacturing\"  ➡  \"Renamed Works AG\""
    );

    // Clicking the changed account opens it in its section.
    h.get_by_label(&format!("{account}  Renamed Works AG"))
        .click();
    h.run_steps(3);
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Accounts);
    assert_eq!(h.state().selected(Section::Accounts), Some(2));

    // Saved, the plan has no change since the saved file, but still three since the commit.
    h.state_mut().command(Command::Save);
    h.run_steps(3);
    assert!(!h.state().doc.is_dirty(), "saved");
    h.state_mut().command(Command::Show(Board::Changes));
    h.run_steps(3);
    h.get_by_label("the saved file").click();
    h.run_steps(3);
    wait_for(&mut h, "No changes since the saved file.");
    h.get_by_label("the last commit").click();
    h.run_steps(3);
    wait_for(&mut h, "1 changed");
}

#[test]
fn changes_outside_a_repository_say_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("show.ron");
    std::fs::write(&path, example()).expect("write plan");
    let mut h = workbench(&path, Board::Changes);
    let started = Instant::now();
    while h
        .query_by_label_contains("is not in a git repository")
        .is_none()
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no reason shown"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.run_steps(3);
    }
    // The saved file still works as a comparison.
    h.get_by_label("the saved file").click();
    h.run_steps(3);
    wait_for(&mut h, "No changes since the saved file.");
}

#[test]
fn signoffs_are_listed_with_their_history_and_open_their_item() {
    let repo = Repo::new();
    let first = example();
    repo.commit(&first, "First plan");
    // Yuki re-signs the lead definition a week later; Claire withdraws from the scoring.
    let mut plan = preshow::format::parse(&first).expect("loads").plan;
    let term = plan
        .terms
        .iter_mut()
        .find(|t| t.id == "qualified-lead")
        .expect("the lead definition");
    let yuki = term
        .signoffs
        .iter_mut()
        .find(|s| s.by == "yuki")
        .expect("Yuki signed it");
    yuki.on = Date::from_ymd(2027, 1, 25).expect("valid date");
    repo.commit(&preshow::format::to_string(&plan), "Yuki re-signs");
    let resign = repo.git(&["log", "-1", "--format=%h %cs"]);
    let (resign, day) = resign.trim().split_once(' ').expect("hash and date");

    let mut h = workbench(&repo.plan(), Board::Signoffs);
    let total = preshow::git::ledger::entries(&h.state().doc.plan).len();
    h.get_by_label(&format!("{total} in the plan"));
    h.get_by_label("Mon 25 Jan");

    wait_for(
        &mut h,
        &format!("replaced by a newer sign-off in {resign} ({day}, Ana Lima)"),
    );
    h.get_by_label("From the last 2 commits that changed the file (at most 50).");

    // Only the stale ones: the example has one message changed after its sign-offs.
    h.get_by_label("Stale").click();
    h.run_steps(3);
    let stale = preshow::git::ledger::entries(&h.state().doc.plan)
        .into_iter()
        .filter(|e| e.standing == preshow::git::ledger::Standing::Stale)
        .count();
    assert!(stale > 0, "the example has a stale sign-off");
    assert_eq!(h.query_all_by_label("⚠ stale").count(), stale);

    // A row opens its item with the sign-offs outlined (found by the search, so that it is in
    // view whatever the height of the list).
    h.get_by_label("All").click();
    h.run_steps(3);
    h.get_by_label("Search").click();
    h.run_steps(2);
    h.get_by_label("Search").type_text("qualified");
    h.run_steps(3);
    h.get_by_label("Mon 25 Jan").click();
    h.run_steps(3);
    assert_eq!(h.state().board, None);
    assert_eq!(h.state().section, Section::Terms);
    let index = h
        .state()
        .doc
        .plan
        .ids(Section::Terms)
        .iter()
        .position(|id| *id == "qualified-lead");
    assert_eq!(h.state().selected(Section::Terms), index);
}
